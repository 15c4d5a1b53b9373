"""The site's own CSS and JavaScript as a few files with a content hash in their name.

Readers on slow phones pay for every request, and staff links stay valid for years:
each page may load at most 8 files on first view, and a file that can change must not
be cached under an old name. MkDocs copies extra_css/extra_javascript one file each,
under fixed names. This hook joins the files listed in mkdocs.yml `extra.bundles`
(paths under overrides/assets/, or `material:<path>` for Material's own CSS, less the
features the site does not use: portal/unused_css.py) into assets/<name>.<8 hex digits>.<ext>,
named by the hash of the content, so the server can cache them forever
(deploy/nginx.conf) and templates get the names from `config.extra.bundle_urls`.
The sources stay small files with one job each; the joined copies are build output.
(A bundler from npm would add a Node toolchain to a Python site for a concatenation.)
"""

import hashlib
from pathlib import Path
from urllib.parse import quote

import material
from mkdocs.exceptions import PluginError

from portal import i18n_state, unused_css

ASSETS = Path(__file__).resolve().parent.parent / "overrides" / "assets"
MATERIAL = Path(material.__file__).resolve().parent / "templates"
_built: dict[str, bytes] = {}
_joined: dict[tuple, tuple[str, bytes]] = {}  # the same bundle for every language build


def source_path(name: str, source: str, assets: Path = ASSETS) -> Path:
    theirs = source.startswith("material:")
    path = MATERIAL / source[len("material:"):] if theirs else assets / source
    if not path.is_file():
        where = ("in Material's templates (its file names change with its version)" if theirs
                 else "in overrides/assets/")
        raise PluginError(f"mkdocs.yml: extra.bundles.{name}: '{source}' is not a file {where}; "
                          f"fix the path or add the file")
    return path


def join(name: str, sources: list[str], assets: Path = ASSETS) -> tuple[str, bytes]:
    """(assets/site.1a2b3c4d.js, joined content) for bundle `name` from `sources`."""
    paths = [source_path(name, s, assets) for s in sources]
    key = (name, tuple(str(p) for p in paths), tuple(p.stat().st_mtime_ns for p in paths))
    if key in _joined:
        return _joined[key]
    parts = []
    for source, path in zip(sources, paths):
        text = path.read_text(encoding="utf-8")
        if source.startswith("material:") and path.suffix == ".css":
            text = unused_css.prune(text)
        parts.append(f"/* {source} */\n{text.rstrip()}\n")
    data = "\n".join(parts).encode("utf-8")
    stem, ext = name.rsplit(".", 1)
    digest = hashlib.sha256(data).hexdigest()[:8]
    _joined[key] = (f"assets/{stem}.{digest}.{ext}", data)
    return _joined[key]


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


@i18n_state.after_every_language()  # the same files for every language: written once
def on_post_build(config):
    site = Path(config.site_dir)
    for url, data in _built.items():
        target = site / url
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
