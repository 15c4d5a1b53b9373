"""hooks/precompress.py: the files every reader downloads get a .br and a .gz beside them,
compressed once; the rest is left to nginx; the cache spares a second build the work."""

from __future__ import annotations

import gzip
import importlib.util

import brotli
import pytest

from conftest import ROOT

_spec = importlib.util.spec_from_file_location("precompress", ROOT / "hooks" / "precompress.py")
precompress = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(precompress)

TEXT = b"body { color: #000 } " * 40  # over the 256 bytes below which nothing is gained


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    for name in ("assets/site.8fb8dc42.css", "assets/javascripts/bundle.a5f9d56c.min.js",
                 "assets/javascripts/lunr/min/lunr.fi.min.js", "fi/search/search_index.json",
                 "search/search_index.json",
                 # not loaded by a first view or a first search, or too small:
                 "assets/site.css", "assets/javascripts/lunr/wordcut.js", "fi/aftercare/index.html",
                 "assets/letters/links.12345678.json"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(TEXT)
    (root / "assets" / "tiny.1234abcd.js").write_bytes(b"x=1")
    return root


def test_the_files_of_a_first_view_and_a_first_search_get_their_compressed_copies(site, tmp_path):
    done = precompress.precompress(site, tmp_path / "cache")
    assert done == ["assets/javascripts/bundle.a5f9d56c.min.js", "assets/javascripts/lunr/min/lunr.fi.min.js",
                    "assets/site.8fb8dc42.css", "fi/search/search_index.json", "search/search_index.json"]
    for rel in done:
        assert brotli.decompress((site / (rel + ".br")).read_bytes()) == TEXT
        assert gzip.decompress((site / (rel + ".gz")).read_bytes()) == TEXT
    assert not list(site.rglob("*.html.br")) and not (site / "assets" / "tiny.1234abcd.js.br").exists()


def test_a_second_build_takes_them_from_the_cache(site, tmp_path, monkeypatch):
    precompress.precompress(site, tmp_path / "cache")
    for copy in [*site.rglob("*.br"), *site.rglob("*.gz")]:
        copy.unlink()
    monkeypatch.setattr(precompress.brotli, "compress", lambda *a, **k: pytest.fail("compressed again"))
    assert len(precompress.precompress(site, tmp_path / "cache")) == 5
    assert brotli.decompress((site / "assets" / "site.8fb8dc42.css.br").read_bytes()) == TEXT
