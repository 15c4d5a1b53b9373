"""Accessibility and privacy on every built page, in every language, in a real browser.

- axe-core (bundled with the pinned axe-playwright-python, so offline): every WCAG 2.0
  and 2.1 A/AA rule, on every page, and with the search dialog open.
- keyboard: skip link, quick exit, language switcher, search and the aftercare checker
  with Tab, Enter, Space and Escape alone, and a visible focus ring on every stop.
- small screens and zoom: no sideways scrolling at 200 % text size; tap targets.
- language markup, reduced motion, and privacy: no request to another host, no cookie,
  nothing stored but the reader's own choices; no console error.

The every-page checks (axe, privacy, 200 % text, console) are in
tests/test_every_page_browser.py, on what one browser pass recorded.
"""

import re
from urllib.parse import urlparse

import pytest
from helpers import wait_until_still
from sweep import audit


# The dialog is one template: left to right and right to left, each at both widths (an
# overlay on small screens, a drop-down on wide ones). Every page's header, search field
# included, is audited in every language by tests/test_every_page_browser.py.
@pytest.mark.parametrize("prefix,query", [("", "eftervård"), ("ar/", "112")])
@pytest.mark.parametrize("width", [1280, 360])
def test_axe_finds_no_violations_with_search_open(server, page_factory, prefix, query, width):
    page = page_factory("sv-FI", viewport={"width": width, "height": 800})
    page.goto(server + prefix + "placement/")
    if width < 1220:  # on small screens the search opens from the header button
        page.click(".md-header label[for=__search]")
        page.wait_for_selector(".md-search__input", state="visible")
        page.focus(".md-search__input")
    else:
        page.keyboard.press("s")
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item")
    page.hover(".md-search-result__link >> nth=0")  # a hovered result keeps its contrast
    assert audit(page, extra_rules=["aria-dialog-name"]) == []


@pytest.mark.parametrize("prefix", ["", "fi/", "ar/", "fa/"])
def test_axe_finds_no_violations_in_the_open_navigation_drawer(server, page_factory, prefix):
    """On a phone the navigation is a drawer; its section titles must be readable too."""
    page = page_factory("sv-FI", viewport={"width": 360, "height": 800})
    page.goto(server + prefix + "placement/")
    page.click(".md-header label[for=__drawer]")
    page.wait_for_selector(".md-sidebar--primary .md-nav__link", state="visible")
    wait_until_still(page)  # the drawer slides in
    assert audit(page) == []


def test_axe_catches_a_broken_page(server, page_factory):
    """The audit can fail: remove an image's name and a label, and it says so."""
    page = page_factory("sv-FI")
    page.goto(server + "aftercare/")
    page.evaluate("""() => {
        document.querySelector('.md-search__input').removeAttribute('aria-label');
        document.querySelector('.md-search__input').removeAttribute('placeholder');
        document.querySelector('.safety-bar__exit').style.background = '#ccc';
    }""")
    problems = audit(page)
    assert any(p.startswith("label:") for p in problems)
    assert any(p.startswith("color-contrast:") for p in problems)


TARGETS = ("button, input, select, textarea, summary, .md-header a, .md-header label, .md-nav__link, "
           ".safety-bar__exit, .md-select__link, .language-banner__stay, .md-footer__link")


@pytest.mark.parametrize("width", [1280, 360])
def test_tap_targets_are_at_least_24_px(server, page_factory, width):
    page = page_factory("sv-FI", viewport={"width": width, "height": 800})
    small = []
    for path in ("aftercare/", "fi/aftercare/", "en/help-and-contacts/"):
        page.goto(server + path)
        small += page.evaluate("""selector => [...document.querySelectorAll(selector)]
            .filter(el => el.offsetParent !== null && getComputedStyle(el).visibility !== 'hidden'
                          && getComputedStyle(el).opacity !== '0')
            .map(el => [el, el.getBoundingClientRect()])
            .filter(([el, r]) => r.width > 0 && (r.width < 24 || r.height < 24))
            .map(([el, r]) => location.pathname + ' ' + el.outerHTML.slice(0, 80) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height))""", TARGETS)
    assert small == []


def focus_ring(page):
    return page.evaluate("""() => {
        const el = document.activeElement, s = getComputedStyle(el);
        return {tag: el.tagName, text: (el.textContent || el.value || '').trim().slice(0, 40),
                visible: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none'};
    }""")


def test_keyboard_skip_link_quick_exit_and_visible_focus(server, page_factory):
    page = page_factory("sv-FI")
    page.route(re.compile(r"^https://www\.google\.fi/.*"), lambda route: route.fulfill(status=200, body="neutral"))
    page.goto(server + "aftercare/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    assert page.locator(".md-skip").is_visible()
    stops = []
    for _ in range(3):  # after the skip link: "call 112", "help and contacts", the quick exit
        page.keyboard.press("Tab")
        ring = focus_ring(page)
        stops.append(ring)
        if page.evaluate("document.activeElement.hasAttribute('data-quick-exit')"):
            break
    else:
        pytest.fail(f"quick exit not reached with Tab: {stops}")
    assert all(s["visible"] for s in stops), stops
    page.keyboard.press("Enter")
    page.wait_for_url("https://www.google.fi/")


def test_keyboard_language_switcher_keeps_the_section(server, page_factory):
    page = page_factory("sv-FI")
    page.goto(server + "aftercare/#how-long")
    page.focus(".md-header .md-logo")  # Tab would otherwise continue from #how-long
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('data-lang-switch') === 'fi'"):
            break
    else:
        pytest.fail("the Finnish switcher link is not reachable with Tab")
    assert page.locator(".md-select__list a[data-lang-switch=fi]").is_visible()
    assert focus_ring(page)["visible"]
    page.keyboard.press("Enter")
    page.wait_for_url(server + "fi/aftercare/#how-long")


def test_keyboard_search_opens_finds_and_closes(server, page_factory):
    page = page_factory("fi-FI")
    page.goto(server + "fi/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("sijoitus")
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    page.goto(server + "fi/privacy/")
    page.keyboard.press("/")
    page.keyboard.type("itsenäistymisvarat")
    page.wait_for_selector(".md-search-result__item")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlparse(page.url).path.startswith("/fi/") and urlparse(page.url).path != "/fi/privacy/"


def test_keyboard_aftercare_checker(server, page_factory):
    page = page_factory("en-GB")
    page.goto(server + "en/aftercare/")
    page.focus("#checker-birth")
    page.keyboard.type("05042008")
    assert page.locator("#checker-birth").input_value() != ""
    for _ in range(4):  # Tab walks the date field's own parts first, then on to the radios
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name === 'kind'"):
            break
    assert focus_ring(page)["visible"]
    page.keyboard.press("ArrowDown")  # radio group: move to "open care"
    assert page.locator("input[name=kind][value=open]").is_checked()
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Space")
    assert page.locator("input[name=kind][value=care]").is_checked()
    page.focus("#checker-end")
    page.keyboard.type("05042026")
    page.keyboard.press("Enter")
    assert page.locator("[data-checker-result]").get_attribute("data-status") == "entitled"


def test_language_markup(built_site, config, server, page_factory):
    page = page_factory("en-GB")
    page.goto(server + "en/glossary/")
    for code in config.codes:
        link = page.locator(f".md-select__list a[data-lang-switch={code}]")
        assert link.get_attribute("lang") == code
    marked = page.evaluate("[...document.querySelectorAll('article [lang]')].map(e => e.lang)")
    assert "fi" in marked and "sv" in marked, "the glossary's Finnish and Swedish terms carry their lang"


def transition_seconds(page, selector: str) -> list[float]:
    """The element's transition durations, in seconds."""
    duration = page.evaluate(f"getComputedStyle(document.querySelector('{selector}')).transitionDuration")
    return [float(d[:-2]) / 1000 if d.strip().endswith("ms") else float(d.strip()[:-1]) for d in duration.split(",")]


def test_reduced_motion_turns_off_transitions(server, page_factory):
    """With "reduce motion", the drawer's transitions last at most 0.01 ms and nothing
    scrolls smoothly; without it they are Material's (the rule is what turned them off)."""
    page = page_factory("sv-FI", viewport={"width": 360, "height": 800})  # the drawer slides in on a phone
    page.emulate_media(reduced_motion="reduce")
    page.goto(server + "aftercare/")
    assert max(transition_seconds(page, ".md-sidebar--primary")) <= 0.00001
    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "auto"
    page.emulate_media(reduced_motion="no-preference")
    page.reload()
    assert max(transition_seconds(page, ".md-sidebar--primary")) >= 0.1
