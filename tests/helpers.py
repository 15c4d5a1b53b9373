"""Helpers for tests that read the built site or make small fixture sites."""

from __future__ import annotations

import copy
import functools
from pathlib import Path

from bs4 import BeautifulSoup


def soup(path: Path) -> BeautifulSoup:
    """The parsed page, parsed once per session (many tests read every page): treat it as
    read-only; a test that must change it works on copy.copy() of it or of an element."""
    stat = Path(path).stat()
    return _parse(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=256)  # the real site's ~170 pages, and some of a fixture's
def _parse(path: str, mtime_ns: int, size: int) -> BeautifulSoup:
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "lxml")


def built_pages(site: Path, config) -> dict[str, list[Path]]:
    """{language: [index.html files of its pages]} (404 pages and assets excluded)."""
    others = [c for c in config.codes if c != config.default]
    out: dict[str, list[Path]] = {c: [] for c in config.codes}
    for page in sorted(site.rglob("index.html")):
        rel = page.relative_to(site).as_posix()
        if rel.startswith(("assets/", "search/", "translation-status/")):  # editors-only page
            continue
        if 'http-equiv="refresh"' in page.read_text(encoding="utf-8")[:600]:
            continue  # a redirect from a short or old address (hooks/redirects.py)
        lang = next((c for c in others if rel.startswith(f"{c}/")), config.default)
        out[lang].append(page)
    return out


def written_in(config, code: str) -> dict[str, str]:
    """{address: docs file name} of the pages written in a language (not its fallbacks)."""
    where = config.addresses
    folder = config.docs_dir / code
    return {where.page(code, path.relative_to(folder).as_posix()): path.relative_to(folder).as_posix()
            for path in sorted(folder.rglob("*.md"))}


def write_fixture_docs(root: Path, config, pages: dict[str, dict[str, str]] | None = None,
                       languages: list[str] | None = None) -> Path:
    """A complete minimal docs/ tree (every nav page in every language, or in `languages`),
    with overrides.

    pages = {"fi": {"privacy.md": "...markdown..."}} replaces single pages.
    """
    docs = root / "docs"
    for code in languages or config.codes:
        for name in config.nav_files:
            target = docs / code / name
            target.parent.mkdir(parents=True, exist_ok=True)
            slug = name[:-3]
            target.write_text(
                f"---\ntitle: {slug} {code}\ndescription: Test page.\nlast_reviewed: 2026-11-23\n"
                f"sources:\n  - title: Act 417/2007\n    url: https://www.finlex.fi/fi/laki/ajantasa/2007/20070417\n"
                f"---\n\n# {slug} {code}\n\n## Section {{#section}}\n\nText.\n",
                encoding="utf-8",
            )
    for code, files in (pages or {}).items():
        for name, text in files.items():
            (docs / code / name).write_text(text, encoding="utf-8")
    return docs


def heading_text(element) -> str:
    """A heading's text without its permalink ("#")."""
    element = copy.copy(element)  # soup() is shared: take the links out of a copy
    for link in element.select(".headerlink"):
        link.extract()
    return element.get_text(strip=True)


def wait_until_still(page) -> None:
    """Wait until no CSS transition or animation runs (a drawer that slides in, say):
    a fixed sleep is a race on a busy machine."""
    page.wait_for_function(
        "document.getAnimations().every(a => a.playState !== 'running')", timeout=5000
    )


QUICK_EXITS = ["click", "escape twice"]


def leave_by_quick_exit(page, how: str, exit_url) -> None:
    """Leave the page by its quick exit, as a reader does: a click on the button, or
    Escape twice (QUICK_EXITS); return once the exit site (`exit_url`) is loaded."""
    if how == "click":
        page.click("a[data-quick-exit]")
    else:
        page.keyboard.press("Escape")
        page.keyboard.press("Escape")
    page.wait_for_url(exit_url)


def search_urls(site: Path) -> set[str]:
    """The addresses of every page in the search indexes (each language's
    search/search_index.json), e.g. "/fi/easy/aftercare/"."""
    import json

    urls = set()
    for index in site.rglob("search/search_index.json"):
        docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
        urls.update(doc["location"].split("#")[0] for doc in docs)
    return urls


def edit(path: Path, old: str, new: str) -> None:
    """Replace text in a fixture file; the text must be there."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def translation_site(root: Path, codes: list[str]):
    """The settings of a small site in root (pages in root/docs/<code>/, the first code the
    source): locales files with a grace period of 14 days, all languages full."""
    from portal import site_config

    (root / "locales").mkdir(exist_ok=True)
    for code in codes:
        (root / "locales" / f"{code}.yml").write_text("coverage: full\noutdated_grace_days: 14\n", encoding="utf-8")
    return site_config.SiteConfig(
        root=root, site_url="https://x.example/", docs_dir=root / "docs", site_dir=root / "site",
        languages=[site_config.Language(c, c, default=i == 0) for i, c in enumerate(codes)],
    )
