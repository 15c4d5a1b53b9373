"""Read the site's settings from mkdocs.yml: languages, default language, site URL.

Shared by the checks in scripts/, the hooks and the tests, so that none of them needs
MkDocs' internals (Material is end-of-life in May 2027; these keep working on docs/ and
site/). The language model (code, name, coverage, direction) is built here once, from
mkdocs.yml and locales/<code>.yml; addresses are portal/addresses.py's rule
(`SiteConfig.addresses`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from portal import addresses, locales


class _Loader(yaml.SafeLoader):
    """mkdocs.yml uses tags such as !ENV; read them as their default value."""


def _env(loader, node):
    value = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    names, default = (value[0], value[-1]) if len(value) > 1 else (value[0], None)
    for name in [names] if isinstance(names, str) else names:
        if name in os.environ:
            return os.environ[name]
    return default


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass
class Language:
    code: str
    name: str
    default: bool = False
    full: bool = True  # a full language must have every page; a partial one extra.partial_pages
    direction: str = locales.DEFAULT_DIRECTION


@dataclass
class SiteConfig:
    site_url: str
    docs_dir: Path
    site_dir: Path
    languages: list[Language] = field(default_factory=list)
    nav_files: list[str] = field(default_factory=list)
    # the pages every partial language must have (mkdocs.yml extra.partial_pages)
    partial_pages: list[str] = field(default_factory=list)
    # every title in mkdocs.yml nav (sections and pages), which locales/<code>.yml translate
    nav_titles: list[str] = field(default_factory=list)
    # the folder of mkdocs.yml, with docs/, locales/, facts/ (default: the folder above docs/)
    root: Path | None = None

    def __post_init__(self):
        self.root = Path(self.root) if self.root is not None else Path(self.docs_dir).parent

    @property
    def default(self) -> str:
        return next(lang.code for lang in self.languages if lang.default)

    @property
    def codes(self) -> list[str]:
        return [lang.code for lang in self.languages]

    def language(self, code: str) -> Language:
        return next(lang for lang in self.languages if lang.code == code)

    @property
    def addresses(self) -> addresses.Addresses:
        """The site's addresses (portal/addresses.py): pages, sections, homes, built files."""
        return addresses.from_site_config(self)

    @property
    def locales_dir(self) -> Path:
        return self.root / "locales"


def nav_titles(nav) -> list[str]:
    """Every title in a `nav:` (mkdocs.yml's, or MkDocs' config.nav), sections and pages,
    in order: what each language's locales/<code>.yml `nav:` translates."""
    titles: list[str] = []
    for item in nav or []:
        if isinstance(item, dict):
            for title, value in item.items():
                if title not in titles:
                    titles.append(str(title))
                if isinstance(value, list):
                    titles += [t for t in nav_titles(value) if t not in titles]
    return titles


def _merge(parent: dict, child: dict) -> dict:
    """MkDocs' INHERIT: the child's keys over the parent's, dictionaries merged key by key."""
    out = dict(parent)
    for key, value in child.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def _read(path: Path) -> tuple[dict, Path]:
    """(the settings, the project's folder): a config that INHERITs another (a test's fixture
    build) is merged into it, and the project is the folder of the file it inherits."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    if "INHERIT" not in data:
        return data, path.parent
    parent, base = _read((path.parent / data.pop("INHERIT")).resolve())
    if "docs_dir" in data:
        data["docs_dir"] = str((path.parent / data["docs_dir"]).resolve())
    return _merge(parent, data), base


def load(path: Path) -> SiteConfig:
    """The settings of the project's mkdocs.yml (`path`), or of the file named by
    $MKDOCS_CONFIG (a fixture's config, which may INHERIT mkdocs.yml, or the benchmark's
    synthetic sites)."""
    path = Path(os.environ.get("MKDOCS_CONFIG") or path)
    data, base = _read(path)
    i18n = next(p["i18n"] for p in data["plugins"] if isinstance(p, dict) and "i18n" in p)
    extra = data.get("extra") or {}
    languages = [
        Language(code=l["locale"], name=l["name"], default=bool(l.get("default")),
                 full=locales.coverage(l["locale"], base / "locales") == "full",
                 direction=locales.direction(l["locale"], base / "locales"))
        for l in i18n["languages"]
        if l.get("build", True)
    ]

    def walk(items):
        for item in items or []:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                yield from walk(value)
            elif isinstance(value, str) and value.endswith(".md"):
                yield value

    return SiteConfig(
        root=base,
        site_url=data["site_url"].rstrip("/") + "/",
        docs_dir=base / data.get("docs_dir", "docs"),
        site_dir=base / data.get("site_dir", "site"),
        languages=languages,
        nav_files=list(walk(data.get("nav"))),
        nav_titles=nav_titles(data.get("nav")),
        partial_pages=list(extra.get("partial_pages") or []),
    )
