"""One browser pass over every page of the built site, for the every-page tests.

Loading ~150 pages costs far more than checking them, so the accessibility, privacy,
CSP, console and small-screen tests no longer load every page each. The session's
`sweep` fixture (conftest.py) loads each page once, through deploy/nginx.conf when nginx
is installed (the CSP is an nginx header), and records per page what those tests assert:

- axe-core's WCAG 2.0/2.1 A and AA violations (1280 x 720, as loaded);
- Content-Security-Policy violations (securitypolicyviolation events and console reports);
- console errors and uncaught exceptions;
- every request, failed requests, cookies, localStorage and sessionStorage keys;
- sideways overflow with the text at 200 % (640 x 480) and the page width at 320 px;
- at 320 px: phone numbers (portal/facts.py PHONE_NUMBER) and dates (<time>) broken
  across lines, and the header's site name cut off.

The tests (a class per language, tests/test_every_page_browser.py) then only assert on
these records, and a failure names the page. A language's pages are loaded when its
first test asks for them (`Sweep.of`), so with pytest-xdist's `--dist loadscope` the two
workers share the languages. In one process, a language's pages are shared out over
BROWSERS browsers, each in its own thread (Playwright wants one instance per thread):
axe keeps a browser's page busy on the CPU, and two browsers use both cores.

Waits are on events, not on "networkidle": the page's `load`, then a task turn for
violation events, two animation frames after each resize, and at the end of each page
until no request is in flight.

A page whose bytes, and the bytes of all it loaded, are those of a run before, is not
loaded again: its visit comes from the cache of tests/sweep_cache.py, keyed also on this
collector, axe, Chromium and the server's configuration.
"""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import threading
import time
from pathlib import Path

import axe_playwright_python
import sweep_cache
from local_nginx import CHROMIUM_ARGS

from portal.facts import PHONE_NUMBER

AXE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
        # only violations are read: axe then keeps one example of the passes, not all of them
        "resultTypes": ["violations"]}
WIDE = {"width": 1280, "height": 720}  # Playwright's default viewport: axe runs at this size
ZOOM = {"width": 640, "height": 480}  # 1280 px at 200 %: the text doubled on top of that
PHONE = {"width": 320, "height": 640}

WATCH_CSP = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " blocked " + (e.blockedURI || "?") + " at " +
                    (e.sourceFile || "?") + ":" + e.lineNumber + (e.sample ? " (" + e.sample + ")" : ""));
});
"""
CSP_MESSAGE = re.compile(r"Content[ -]Security[ -]Policy", re.I)

# Resolves after violation events queued during loading have been dispatched.
TASK_TURN = "() => new Promise(resolve => setTimeout(() => setTimeout(resolve, 0), 0))"
FRAMES = "() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)))"


# What a reader must see whole on a phone: each phone number (found in the text with the
# fact parser's pattern, also where no template marked it) and each <time> on one line,
# and the header's site name inside its box (no ellipsis, no line clamped away).
# Returns ["broken: 09 2525 / 0111", "site name cut: Badbaadada carruurta…"].
UNBROKEN = """pattern => {
  const found = [], range = document.createRange();
  const lines = rects => new Set([...rects].filter(r => r.width > 0).map(r => Math.round(r.top))).size;
  const phone = new RegExp(pattern, "g");
  const main = document.querySelector("main") || document.body;
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement.getClientRects().length) continue;  // hidden (print-only, a closed details)
    for (const m of node.data.matchAll(phone)) {
      range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
      if (lines(range.getClientRects()) > 1) found.push(`phone number broken: ${m[0]}`);
    }
  }
  for (const time of main.querySelectorAll("time")) {
    if (time.getClientRects().length && lines(time.getClientRects()) > 1) found.push(`date broken: ${time.textContent.trim()}`);
  }
  const name = document.querySelector(".md-header__topic:first-child .md-ellipsis");
  if (name) {
    const box = name.getBoundingClientRect();
    range.selectNodeContents(name);
    const out = [...range.getClientRects()].filter(r => r.width > 0).some(r =>
      r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1);
    if (out) found.push(`site name cut: ${name.textContent.trim()}`);
  }
  return found;
}"""


def audit(page, extra_rules=()):
    """axe-core's WCAG A/AA violations on the page as it is: ['rule: target summary', ...]."""
    page.evaluate(AXE)
    problems = page.evaluate("""options => axe.run(document, options).then(r => r.violations.map(v =>
        `${v.id}: ${JSON.stringify(v.nodes[0].target)} ${(v.nodes[0].failureSummary || '').slice(0, 200)}`))""",
                             WCAG)
    for rule in extra_rules:
        problems += page.evaluate("""rule => axe.run(document, {runOnly: {type: 'rule', values: [rule]},
            resultTypes: ['violations']}).then(r => r.violations.map(v => `${v.id}: ${JSON.stringify(v.nodes[0].target)}`))""",
                                  rule)
    return problems


@dataclasses.dataclass
class Visit:
    """What one page load showed."""
    url: str
    path: str  # "fi/aftercare/", "" for the home page
    lang: str  # the language of the page, or EDITORS
    status: int = 0
    axe: list[str] = dataclasses.field(default_factory=list)
    csp: list[str] = dataclasses.field(default_factory=list)
    console: list[str] = dataclasses.field(default_factory=list)
    requests: list[str] = dataclasses.field(default_factory=list)
    failed: list[str] = dataclasses.field(default_factory=list)
    cookies: list[dict] = dataclasses.field(default_factory=list)
    local_storage: list[str] = dataclasses.field(default_factory=list)
    session_storage: list[str] = dataclasses.field(default_factory=list)
    overflow_at_200: int = 0  # px of sideways scrolling with the text at 200 % (640 px wide)
    width_at_320: int = 0  # the page's scrollWidth on a 320 px screen
    broken_at_320: list[str] = dataclasses.field(default_factory=list)  # UNBROKEN's findings

    @property
    def name(self) -> str:
        return "/" + self.path


EDITORS = "editors"  # the editors' pages (translation-status/): not a reader's language


class Collector:
    """A page whose requests, console and CSP reports are attributed to the visit in progress."""

    def __init__(self, browser, locale: str = "sv-FI"):
        self.context = browser.new_context(locale=locale, viewport=WIDE)
        self.context.add_init_script(WATCH_CSP)
        self.page = self.context.new_page()
        self.current: Visit | None = None
        self.in_flight: set = set()
        self.own_404: list[str] = []
        page = self.page
        page.on("request", self._request)
        page.on("requestfinished", self._finished)
        page.on("requestfailed", self._failed)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self._note("console", f"uncaught: {error}"))

    def _note(self, field: str, text: str) -> None:
        if self.current is not None:
            getattr(self.current, field).append(text)

    def _request(self, request) -> None:
        self.in_flight.add(request)
        self._note("requests", request.url)

    def _finished(self, request) -> None:
        self.in_flight.discard(request)

    def _failed(self, request) -> None:
        self.in_flight.discard(request)
        self._note("failed", f"{request.url} ({request.failure})")

    def _console(self, message) -> None:
        if CSP_MESSAGE.search(message.text):
            self._note("csp", f"console: {message.text}")
        if message.type == "error":
            if self.current and message.location.get("url") == self.current.url and "404" in message.text:
                self.own_404.append(message.text)  # the page's own status: kept if it is not a 404 page
                return
            self._note("console", message.text)

    def settle(self, timeout: float = 10) -> None:
        """Wait until no request of the page is in flight (events arrive while waiting)."""
        deadline = time.monotonic() + timeout
        self.page.evaluate(FRAMES)
        while self.in_flight and time.monotonic() < deadline:
            self.page.wait_for_timeout(20)
        if self.in_flight:
            self._note("failed", f"still loading after {timeout} s: {[r.url for r in self.in_flight]}")
            self.in_flight.clear()

    def record_storage(self) -> None:
        visit = self.current
        visit.cookies = self.context.cookies()
        visit.local_storage, visit.session_storage = self.page.evaluate(
            "[Object.keys(localStorage), Object.keys(sessionStorage)]")

    def visit(self, url: str, path: str, lang: str, axe: bool = True) -> Visit:
        page = self.page
        self.current = visit = Visit(url=url, path=path, lang=lang)
        page.set_viewport_size(WIDE)
        self.own_404 = []
        response = page.goto(url, wait_until="load")
        visit.status = response.status if response else 0
        if visit.status != 404:
            visit.console += self.own_404
        page.evaluate(TASK_TURN)
        visit.csp += page.evaluate("window.__csp")
        if axe:
            visit.axe = audit(page)
        self.record_storage()
        if lang == EDITORS:  # a wide table for editors at their desks: no small-screen checks
            self.settle()
            self.current = None
            return visit
        # 200 % text: Material's 125 % root size doubled, on 1280 px at 200 % zoom
        page.set_viewport_size(ZOOM)
        page.evaluate("document.documentElement.style.fontSize = '250%'")
        page.evaluate(FRAMES)
        visit.overflow_at_200 = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth")
        page.evaluate("document.documentElement.style.fontSize = ''")
        page.set_viewport_size(PHONE)
        page.evaluate(FRAMES)
        visit.width_at_320 = page.evaluate("document.documentElement.scrollWidth")
        visit.broken_at_320 = page.evaluate(UNBROKEN, PHONE_NUMBER.pattern)
        self.settle()
        self.current = None
        return visit

    def choose_language(self, code: str, lang: str) -> Visit:
        """Click the header switcher on the current page: a choice the reader makes."""
        page = self.page
        page.set_viewport_size(WIDE)
        self.current = visit = Visit(url="", path=f"(after choosing {code})", lang=lang)
        page.hover(".md-select")  # the list opens on hover
        with page.expect_navigation(wait_until="load"):
            page.click(f".md-select__list a[data-lang-switch={code}]")
        visit.url = page.url
        page.evaluate(TASK_TURN)
        visit.csp += page.evaluate("window.__csp")
        self.record_storage()
        self.settle()
        self.current = None
        return visit

    def close(self) -> None:
        self.context.close()


class Sweep:
    """Every page of the site, loaded a language at a time when a test first asks."""

    def __init__(self, browser, base: str, site: Path, config, through_nginx: bool):
        from importlib.metadata import version

        self.browser, self.base, self.through_nginx = browser, base, through_nginx
        self.pages = every_page(site, config)
        self._visits: dict[str, list[Visit]] = {}
        self._after: Visit | None = None
        fixed = sweep_cache.collector_and_server(browser.version, version("playwright"), AXE, through_nginx)
        self.cache = sweep_cache.VisitCache(site, base, fixed, Visit)

    def of(self, lang: str) -> list[Visit]:
        """The visits of a language's pages (its 404 included), or of EDITORS: from the
        cache where nothing changed, the others loaded."""
        if lang not in self._visits:
            pages = [(path, page_lang) for path, page_lang in self.pages if page_lang == lang]
            kept = {path: self.cache.get(path) for path, _ in pages}
            fresh = visit_all(self.browser, self.base, [(p, l) for p, l in pages if kept[p] is None])
            for visit in fresh:
                self.cache.put(visit)
            by_path = {**{p: v for p, v in kept.items() if v is not None}, **{v.path: v for v in fresh}}
            self._visits[lang] = [by_path[path] for path, _ in pages]
        return self._visits[lang]

    @property
    def after_choice(self) -> Visit:
        """The visit after a reader chose English with the switcher on the home page."""
        if self._after is None:
            collector = Collector(self.browser)
            try:
                collector.visit(self.base, "", "", axe=False)
                self._after = collector.choose_language("en", "en")
            finally:
                collector.close()
        return self._after


def every_page(site: Path, config) -> list[tuple[str, str]]:
    """(path, language) of every page a reader can load: each built page and each
    language's 404; and the editors' pages (language EDITORS). Not the redirect pages
    (nginx answers their addresses with a 301), nor assets and search."""
    others = [c for c in config.codes if c != config.default]
    out = []
    for index in sorted(site.rglob("index.html")):
        rel = index.parent.relative_to(site).as_posix()
        if rel.startswith(("assets", "search")) or 'http-equiv="refresh"' in index.read_text(encoding="utf-8")[:600]:
            continue
        path = "" if rel == "." else rel + "/"
        if path.startswith("translation-status/"):  # hooks/translation_status.py
            lang = EDITORS
        else:
            lang = next((c for c in others if path.startswith(f"{c}/")), config.default)
        out.append((path, lang))
    out += [(config.addresses.home(code).lstrip("/") + "nope/", code) for code in config.codes]  # the 404 pages
    return out


# Browsers that share a language's pages: the build machine has 2 cores (measured: 3 is no
# faster); one in a pytest-xdist worker, where the other worker uses the other core.
BROWSERS = 1 if os.environ.get("PYTEST_XDIST_WORKER") else 2


def visit_in_own_browser(base: str, pages: list[tuple[str, str]], out: dict) -> None:
    """Thread body: the pages visited in a browser of this thread's own (out["visits"]),
    or the error (out["error"])."""
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
            collector = Collector(browser)
            try:
                out["visits"] = [collector.visit(base + path, path, lang) for path, lang in pages]
            finally:
                collector.close()
                browser.close()
    except Exception as error:  # re-raised in the test session's thread
        out["error"] = error


def visit_all(browser, base: str, pages: list[tuple[str, str]], browsers: int = BROWSERS) -> list[Visit]:
    """The pages' visits, in their order: the session's browser takes one share, a
    browser in a thread of its own each other share."""
    if not pages:
        return []
    mine, *others = [pages[i::browsers] for i in range(browsers)]
    others = [share for share in others if share]
    outs = [{} for _ in others]
    threads = [threading.Thread(target=visit_in_own_browser, args=(base, share, out), daemon=True)
               for share, out in zip(others, outs)]
    for thread in threads:
        thread.start()
    collector = Collector(browser)
    try:
        visits = [collector.visit(base + path, path, lang) for path, lang in mine]
    finally:
        collector.close()
    for thread, out in zip(threads, outs):
        thread.join()
        if "error" in out:
            raise out["error"]
    by_path = {visit.path: visit for visit in visits + [v for out in outs for v in out["visits"]]}
    return [by_path[path] for path, _ in pages]

