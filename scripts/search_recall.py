"""Recall at 3 of the site's search, measured in the real search dialog.

scripts/search_queries.yml lists what readers type, per language, and the page that must
be among the first three results. run() opens each language's home page once in
Chromium, opens the search dialog and types every query of that language in turn (the
field is cleared between queries, as a reader would), and reads the pages of the first
three results, and every result link that leads out of the reader's language (strays: a
language's search finds only its own pages). tests/test_search_browser.py asserts the recall; scripts/benchmark.py
reports it ("search recall at 3 per language").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import yaml

from portal import addresses, docs_model, site_config

ROOT = Path(__file__).resolve().parent.parent
QUERIES = Path(__file__).resolve().parent / "search_queries.yml"  # beside this script
TOP = 3

PAGES = """() => Array.from(document.querySelectorAll('.md-search-result__item > a:first-child'))
  .map(a => a.href)"""
LINKS = "() => Array.from(document.querySelectorAll('.md-search-result__item a')).map(a => a.href)"


@dataclass
class LanguageRecall:
    lang: str
    found: int = 0
    missed: list[tuple[str, str, list[str]]] = field(default_factory=list)  # (query, expected, got)
    strays: list[tuple[str, str]] = field(default_factory=list)  # (query, a result's path in another language)

    @property
    def total(self) -> int:
        return self.found + len(self.missed)

    @property
    def recall(self) -> float:
        return self.found / self.total if self.total else 0.0


def load_queries(path: Path = QUERIES) -> dict[str, list[dict]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def page_of(url: str, where: addresses.Addresses, names: list[str]) -> str:
    """The page a result's address is: 'placement' for http://host/fi/placement/#x; 'index'
    for /fi/; 'easy/placement' for the easy-language version of a page, 'easy/index' for
    /fi/easy/ (names: the docs files of the language; the address rule is
    portal/addresses.py's). An address of no page is given as it is."""
    lang, _, _ = where.split(urlparse(url).path)
    path = urlparse(url).path
    return next((name[:-3] for name in names if where.page(lang, name) == path), path)


def strays(query: str, links: list[str], lang: str, where: addresses.Addresses) -> list[tuple[str, str]]:
    """(query, path) of each result link that is not in the reader's language."""
    return [(query, urlparse(u).path) for u in links if where.split(urlparse(u).path)[0] != lang]


def is_hit(got: str, wanted: str) -> bool:
    """The page, or its easy-language version: the same topic, written for easier reading
    (a reader who types the word is answered either way)."""
    return got in (wanted, f"easy/{wanted}")


def open_search(page) -> None:
    """Open the dialog as a reader does: the search button in the header, or the field."""
    button = page.locator(".md-header__button[for=__search]")
    if button.is_visible():
        button.click()
    page.locator(".md-search__input").click()


BUSY = "[data-md-component=search-result]"
# Resolves when the result list is no longer busy (a function, not a string that
# wait_for_function would evaluate: the site's CSP forbids eval, as it should).
ANSWERED = """([selector, timeout]) => new Promise((resolve, reject) => {
  const el = document.querySelector(selector);
  const done = () => el.getAttribute('aria-busy') === 'false';
  if (done()) return resolve();
  const observer = new MutationObserver(() => { if (done()) { observer.disconnect(); resolve(); } });
  observer.observe(el, {attributes: true, attributeFilter: ['aria-busy']});
  setTimeout(() => { observer.disconnect(); reject(new Error('no search results after ' + timeout + ' ms')); }, timeout);
})"""


def search(page, query: str, timeout: int = 10000) -> list[str]:
    """Enter a query into the open dialog; the result pages' URLs, best first.

    The field is filled at once, as a paste does (one query, not one per letter). The
    search marks the result list aria-busy="true" while a query runs and "false" when
    its results are shown: the mark is set here first, so only this query's answer
    clears it.
    """
    field_ = page.locator(".md-search__input")
    field_.fill("")
    page.evaluate(f"document.querySelector('{BUSY}').setAttribute('aria-busy', 'true')")
    field_.fill(query)
    page.evaluate(ANSWERED, [BUSY, timeout])
    return page.evaluate(PAGES)


def run(base_url: str, browser, config: site_config.SiteConfig,
        queries: dict[str, list[dict]] | None = None) -> dict[str, LanguageRecall]:
    """Recall at 3 per language, one browser page per language; and every result link
    out of the reader's language (a language's search finds only its own pages)."""
    queries = queries if queries is not None else load_queries()
    where = config.addresses
    out = {}
    for lang, items in queries.items():
        names = [name for _, name, _ in docs_model.iter_pages(config.docs_dir, [lang])]
        context = browser.new_context(locale=f"{lang}-FI")
        page = context.new_page()
        page.goto(base_url.rstrip("/") + where.home(lang))
        open_search(page)
        result = LanguageRecall(lang)
        for item in items:
            got = [page_of(u, where, names) for u in search(page, item["q"])[:TOP]]
            result.strays += strays(item["q"], page.evaluate(LINKS), lang, where)
            if any(is_hit(g, item["page"]) for g in got):
                result.found += 1
            else:
                result.missed.append((item["q"], item["page"], got))
        context.close()
        out[lang] = result
    return out


def launch(playwright):
    """Debian's chromium, as the tests launch it."""
    import shutil

    import local_nginx  # beside this script

    return playwright.chromium.launch(executable_path=shutil.which("chromium"), args=local_nginx.CHROMIUM_ARGS)


def main() -> None:
    import argparse
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site directory")
    args = parser.parse_args()

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *a):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(args.site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = launch(p)
            results = run(f"http://127.0.0.1:{httpd.server_address[1]}/", browser,
                          site_config.load(ROOT / "mkdocs.yml"))
            browser.close()
    finally:
        httpd.shutdown()
    for lang, r in results.items():
        print(f"{lang}: {r.found}/{r.total} = {r.recall:.0%}")
        for q, expected, got in r.missed:
            print(f"    {q!r}: want {expected}, got {got}")


if __name__ == "__main__":
    main()
