"""Brotli and gzip copies, made once at the highest level, of what every reader downloads.

nginx compresses on the fly at a level it can afford on every request (brotli 5, gzip 6:
deploy/nginx/). The files a first view and a first search load (the site's stylesheet and
scripts, Material's bundle, lunr and its language files, each language's search index)
are the same for every reader, so this hook compresses them once, at brotli 11 and gzip 9,
into <file>.br and <file>.gz beside them, and nginx sends those (brotli_static,
gzip_static). Measured on the staff page: 5 KB less of an 82 KB first view; every page
gains about as much. HTML stays compressed on the fly: 240 pages at brotli 11 would add
8 s to a build.

The compressed bytes are kept in the user's cache folder ($XDG_CACHE_HOME, by default
~/.cache), by the hash of the file: a build whose assets did not change compresses
nothing. `mkdocs serve` serves no .br files, so it makes none.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
from pathlib import Path

import brotli

from portal import i18n_state

# what a first view and a first search load (hooks/asset_bundles.py names the bundles with
# a hash of 8 hex digits; Material's bundle and lunr keep Material's names)
WANTED = re.compile(r"^(?:assets/[^/]+\.[0-9a-f]{8}\.(?:css|js)|assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js"
                    r"|assets/javascripts/lunr/(?:min/)?[^/]+\.min\.js|(?:[a-z]{2}/)?search/search_index\.json)$")
SMALLEST = 256  # as deploy/nginx/compression.conf: smaller files gain nothing
_command = "build"


def cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "lastensuojelu" / "precompressed"


def compressed(data: bytes, cache: Path) -> tuple[bytes, bytes]:
    """(brotli 11, gzip 9) of data, from the cache if it has them."""
    key = hashlib.sha256(data).hexdigest()
    br, gz = cache / f"{key}.br", cache / f"{key}.gz"
    if br.is_file() and gz.is_file():
        return br.read_bytes(), gz.read_bytes()
    out = brotli.compress(data, quality=11), gzip.compress(data, compresslevel=9, mtime=0)
    try:
        cache.mkdir(parents=True, exist_ok=True)
        br.write_bytes(out[0])
        gz.write_bytes(out[1])
    except OSError:
        pass  # no cache folder (a read-only home): compress again next time
    return out


def precompress(site: Path, cache: Path) -> list[str]:
    """Write <file>.br and <file>.gz beside every wanted file of the site; their paths."""
    done = []
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if not WANTED.match(rel) or not path.is_file() or path.stat().st_size < SMALLEST:
            continue
        br, gz = compressed(path.read_bytes(), cache)
        path.with_name(path.name + ".br").write_bytes(br)
        path.with_name(path.name + ".gz").write_bytes(gz)
        done.append(rel)
    return done


def on_startup(command, dirty):
    global _command
    _command = command


@i18n_state.after_every_language(-260)  # after the hooks that write files into the site (-200, -250)
def on_post_build(config):
    if _command == "serve":
        return
    precompress(Path(config.site_dir), cache_dir())
