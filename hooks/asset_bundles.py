"""The site's own CSS and JavaScript as a few files with a content hash in their name.

Readers on slow phones pay for every request, and staff links stay valid for years:
each page may load at most 8 files on first view, and a file that can change must not
be cached under an old name. MkDocs copies extra_css/extra_javascript one file each,
under fixed names. This hook joins the files listed in mkdocs.yml `extra.bundles`
(paths under overrides/assets/, in order) into assets/<name>.<8 hex digits>.<ext>,
named by the hash of the content, so the server can cache them forever
(deploy/nginx.conf) and templates get the names from `config.extra.bundle_urls`.
The sources stay small files with one job each; the joined copies are build output.
(A bundler from npm would add a Node toolchain to a Python site for a concatenation.)
"""

import hashlib
from urllib.parse import quote
from pathlib import Path

from mkdocs.exceptions import PluginError

ASSETS = Path(__file__).resolve().parent.parent / "overrides" / "assets"
_built: dict[str, bytes] = {}


def join(name: str, sources: list[str], assets: Path = ASSETS) -> tuple[str, bytes]:
    """(assets/site.1a2b3c4d.js, joined content) for bundle `name` from `sources`."""
    parts = []
    for source in sources:
        path = assets / source
        if not path.is_file():
            raise PluginError(f"mkdocs.yml: extra.bundles.{name}: '{source}' is not a file in "
                              f"overrides/assets/; fix the path or add the file")
        text = path.read_text(encoding="utf-8").rstrip() + "\n"
        parts.append(f"/* {source} */\n{text}")
    data = "\n".join(parts).encode("utf-8")
    stem, ext = name.rsplit(".", 1)
    digest = hashlib.sha256(data).hexdigest()[:8]
    return f"assets/{stem}.{digest}.{ext}", data


def on_config(config):
    bundles = config.extra.get("bundles") or {}
    urls = {}
    _built.clear()
    for name, sources in bundles.items():
        url, data = join(name, list(sources or []))
        urls[name] = url
        _built[url] = data
    config.extra["bundle_urls"] = urls
    icon = ASSETS / "images" / "favicon.svg"
    config.extra["favicon_data_uri"] = "data:image/svg+xml," + quote(" ".join(icon.read_text(encoding="utf-8").split()))
    return config


def on_post_build(config):
    site = Path(config.site_dir)
    for url, data in _built.items():
        target = site / url
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
