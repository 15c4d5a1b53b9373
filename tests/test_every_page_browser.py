"""Every page of the built site, in every language, as one browser pass loaded it.

The session's `sweep` fixture (tests/sweep.py) loads each page once, through
deploy/nginx.conf, and records what these tests assert; a failure names the page:
- axe-core's WCAG 2.0/2.1 A and AA violations;
- privacy: no request to another host, none failing, no cookie, nothing stored but the
  reader's own choice of language;
- the Content-Security-Policy: no violation;
- no console error;
- no sideways scrolling with the text at 200 % or on a 320 px screen;
- on a 320 px screen, no phone number or date broken across lines, and the site's name
  in the header not cut off.

Each language is a class: with pytest-xdist's `--dist loadscope` (pytest.ini) a class
runs whole in one worker, which loads that language's pages once, and the two workers
share the languages.
"""

from urllib.parse import urlparse

from conftest import CONFIG, require_nginx
from sweep import EDITORS

ALLOWED_STORAGE = {"portal.language"}
CODES = CONFIG.codes


def privacy_problems(visit, server: str) -> list[str]:
    problems = [f"request to another host: {u}" for u in visit.requests if urlparse(u).netloc != urlparse(server).netloc]
    problems += [f"failed: {u}" for u in visit.failed]
    problems += [f"cookie: {c['name']}" for c in visit.cookies]
    problems += [f"localStorage: {k}" for k in visit.local_storage if k not in ALLOWED_STORAGE]
    problems += [f"sessionStorage: {k}" for k in visit.session_storage]
    return problems


class EveryPage:
    """The checks on every page of one language (`lang`): its pages and its 404, or the
    editors' translation status (EDITORS)."""

    lang = ""

    def test_axe_finds_no_violations(self, sweep):
        visits = sweep.of(self.lang)
        assert visits
        assert {v.name: v.axe for v in visits if v.axe} == {}

    def test_privacy(self, sweep):
        """No request to another host, none failing, no cookie, nothing stored: per page."""
        visits = sweep.of(self.lang)
        assert {urlparse(u).netloc for v in visits for u in v.requests + v.failed} == {urlparse(sweep.base).netloc}
        problems = {v.name: privacy_problems(v, sweep.base) for v in visits}
        assert {page: found for page, found in problems.items() if found} == {}

    def test_works_under_the_csp(self, sweep):
        require_nginx()
        assert sweep.through_nginx
        visits = sweep.of(self.lang)
        assert visits
        violations = {v.name: v.csp for v in visits if v.csp}
        assert violations == {}, "the Content-Security-Policy (deploy/nginx/security-headers.conf) blocks:\n" + \
            "\n".join(f"{p}: {v}" for p, v in violations.items())

    def test_no_console_errors(self, sweep):
        """No script error and no failed load is reported in the console (a 404 page's
        own status aside); tests/test_nginx.py shows that the recorder sees one."""
        visits = sweep.of(self.lang)
        assert visits
        assert {v.name: v.console for v in visits if v.console} == {}


class EveryReaderPage(EveryPage):
    """For a reader's language also: 200 % text and 320 px (the editors' wide status
    table is for desks)."""

    def test_no_sideways_scrolling_at_200_percent_text(self, sweep):
        visits = sweep.of(self.lang)
        assert visits
        assert [f"{v.name}: {v.overflow_at_200}px sideways at 200 % text" for v in visits if v.overflow_at_200 > 0] == []

    def test_no_sideways_scrolling_at_320_px(self, sweep):
        visits = sweep.of(self.lang)
        assert visits
        assert {v.url: f"{v.width_at_320}px wide" for v in visits if v.width_at_320 > 320} == {}

    def test_phone_numbers_dates_and_site_name_whole_at_320_px(self, sweep):
        """A number read in two pieces is misdialled (hooks/phone_numbers.py); a date is
        read as one; the header names the site in full (site.css)."""
        visits = sweep.of(self.lang)
        assert visits
        assert {v.name: v.broken_at_320 for v in visits if v.broken_at_320} == {}

    def test_has_its_pages_and_its_404(self, sweep, config):
        paths = [v.path for v in sweep.of(self.lang)]
        assert config.addresses.home(self.lang).lstrip("/") + "nope/" in paths and len(paths) >= 7, paths


for _code in CODES:
    globals()[f"TestEveryPage_{_code}"] = type(f"TestEveryPage_{_code}", (EveryReaderPage,), {"lang": _code})


class TestEditorsPages(EveryPage):
    lang = EDITORS


def test_privacy_after_the_reader_chooses_a_language(sweep):
    """A click on the switcher stores the choice, and only that."""
    visit = sweep.after_choice
    assert visit.url.startswith(sweep.base + "en/")
    assert visit.requests, "the page of the chosen language was not loaded"
    assert privacy_problems(visit, sweep.base) == []
