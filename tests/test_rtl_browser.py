"""Arabic and Persian in Chromium: mirrored layout, readable numbers, quick exit, checker.

Screenshots of what the tests saw are written for a person to look at: into pytest's
temporary folder (the run's tmp path, shown with -v), or into the folder named by
$SCREENSHOTS, e.g. `SCREENSHOTS=reports/screenshots` (git-ignored). The assertions
measure the same things in the page.
"""

import os
import re
from pathlib import Path

from mkdocs.utils import meta as front_matter
from portal import locales
import pytest
from helpers import built_pages, soup, wait_until_still
from conftest import CONFIG

RTL = [c for c in CONFIG.codes if locales.load(c, CONFIG.locales_dir).get("direction") == "rtl"]
EASTERN_DIGITS = re.compile(r"[\u0660-\u0669\u06F0-\u06F9]")


@pytest.fixture(scope="session")
def shots(tmp_path_factory) -> Path:
    """Where screenshots go: $SCREENSHOTS if set, else a pytest tmp folder."""
    if os.environ.get("SCREENSHOTS"):
        folder = Path(os.environ["SCREENSHOTS"])
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture
def shot(shots):
    def take(page, name):
        page.screenshot(path=str(shots / f"{name}.png"), full_page=False)
    return take


def box(page, selector):
    return page.locator(selector).first.bounding_box()


@pytest.mark.parametrize("code", RTL)
def test_rtl_layout_is_mirrored_on_a_wide_screen(server, page_factory, code, shot):
    page = page_factory(f"{code}-FI", viewport={"width": 1280, "height": 900})
    page.goto(server + f"{code}/aftercare/")
    shot(page, f"{code}-aftercare-1280")
    assert page.evaluate("getComputedStyle(document.documentElement).direction") == "rtl"
    nav, content, toc = box(page, ".md-sidebar--primary"), box(page, ".md-content"), box(page, ".md-sidebar--secondary")
    # navigation on the right, table of contents on the left: the mirror image of LTR
    assert nav["x"] > content["x"] > toc["x"], (nav, content, toc)
    logo, title = box(page, ".md-header__button.md-logo"), box(page, ".md-header__title")
    assert logo["x"] > title["x"], "the logo should be at the right edge"
    # the article's text starts at the right
    assert page.evaluate("getComputedStyle(document.querySelector('.md-typeset p')).textAlign") in ("start", "right")


def test_ltr_layout_for_comparison(server, page_factory):
    page = page_factory("en-GB", viewport={"width": 1280, "height": 900})
    page.goto(server + "en/aftercare/")
    nav, content, toc = box(page, ".md-sidebar--primary"), box(page, ".md-content"), box(page, ".md-sidebar--secondary")
    assert nav["x"] < content["x"] < toc["x"]


ARROW = """() => {
  const icon = document.querySelector('.md-nav--primary .md-nav__item--nested .md-nav__icon, .md-nav--primary .md-nav__icon');
  return getComputedStyle(icon, '::after').transform;
}"""


@pytest.mark.parametrize("code", RTL)
def test_arrows_point_the_other_way_in_rtl(server, page_factory, code, shot):
    rtl = page_factory(f"{code}-FI", viewport={"width": 360, "height": 740})
    rtl.goto(server + f"{code}/")
    ltr = page_factory("en-GB", viewport={"width": 360, "height": 740})
    ltr.goto(server + "en/")
    for page in (rtl, ltr):
        page.click("label.md-header__button[for=__drawer]")
        wait_until_still(page)  # the drawer slides in
    shot(rtl, f"{code}-drawer-360")
    assert ltr.evaluate(ARROW) in ("none", "matrix(1, 0, 0, 1, 0, 0)")
    assert rtl.evaluate(ARROW) not in ("none", "matrix(1, 0, 0, 1, 0, 0)"), "the arrow is not mirrored"
    # the drawer slides in from the right
    drawer = box(rtl, ".md-sidebar--primary")
    assert drawer["x"] + drawer["width"] >= 359


@pytest.mark.parametrize("code", RTL)
def test_numbers_read_left_to_right_inside_rtl_text(server, page_factory, code, shot):
    page = page_factory(f"{code}-FI", viewport={"width": 360, "height": 740})
    page.goto(server + f"{code}/help-and-contacts/")
    number = page.locator("span.ltr-number", has_text="09 2525 0111").first
    number.scroll_into_view_if_needed()
    shot(page, f"{code}-help-numbers-360")
    style = number.evaluate("e => [getComputedStyle(e).direction, getComputedStyle(e).unicodeBidi]")
    assert style == ["ltr", "isolate"]
    # the groups are laid out left to right: "09" is left of "0111"
    order = number.evaluate("""e => {
      const text = e.firstChild, range = document.createRange();
      const x = (from, to) => { range.setStart(text, from); range.setEnd(text, to); return range.getBoundingClientRect().x; };
      return [x(0, 2), x(text.length - 4, text.length)];
    }""")
    assert order[0] < order[1], order


DIGIT_ORDER = """(e, [a, b]) => {
  // x of the first occurrence of the digit strings a and b inside element e
  const text = e.textContent, range = document.createRange();
  const x = (s) => {
    const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const i = node.data.indexOf(s);
      if (i >= 0) { range.setStart(node, i); range.setEnd(node, i + s.length); return range.getBoundingClientRect().x; }
    }
    return null;
  };
  return [x(a), x(b)];
}"""


@pytest.mark.parametrize("path,selector,first,last", [
    # "و34–50" in running text: the range has the Arabic "and" attached
    ("ar/child-welfare-in-brief/", "article li", "34", "50"),
    # "و75–77" in a source title, written by the template from front matter
    ("ar/aftercare/", ".page-facts__sources li", "75", "77"),
])
def test_ranges_after_an_attached_prefix_read_left_to_right(server, page_factory, path, selector, first, last):
    page = page_factory("ar-FI", viewport={"width": 390, "height": 800})
    page.goto(server + path)
    item = page.locator(selector, has_text=f"{first}\u2013{last}").first
    item.scroll_into_view_if_needed()
    number = item.locator("span.ltr-number", has_text=f"{first}\u2013{last}")
    assert number.count() == 1, item.inner_html()
    assert number.evaluate("e => getComputedStyle(e).direction") == "ltr"
    x_first, x_last = item.evaluate(DIGIT_ORDER, [first, last])
    assert x_first is not None and x_last is not None
    assert x_first < x_last, f"{first}\u2013{last} shows as {last}\u2013{first} in {path}"


# Language links ("Svenska · Suomi · English") in a right-to-left sentence, as laid out:
# each link's bidi isolation, and every place where the next name or "·" is not where
# reading right to left puts it (on the same line: left of the name before it).
LINK_ORDER = """box => {
  const range = document.createRange(), out = {isolated: [], misplaced: []};
  const links = [...box.querySelectorAll("a[hreflang]")];
  const rect = node => { range.selectNodeContents(node); return range.getBoundingClientRect(); };
  links.forEach((a, i) => {
    const style = getComputedStyle(a);
    out.isolated.push(style.unicodeBidi === "isolate" && style.direction === "ltr");
    if (i === 0) return;
    const before = rect(links[i - 1]), here = rect(a);
    if (Math.abs(before.top - here.top) < 2 && here.right > before.left + 1)
      out.misplaced.push(`${a.textContent} is not left of ${links[i - 1].textContent}`);
    const dot = links[i - 1].nextSibling;  // " · " after the name before
    range.setStart(dot, dot.data.indexOf("·")); range.setEnd(dot, dot.data.indexOf("·") + 1);
    const d = range.getBoundingClientRect();
    if (Math.abs(before.top - d.top) < 2 && d.right > before.left + 1)
      out.misplaced.push(`the "·" after ${links[i - 1].textContent} is right of it`);
  });
  return out;
}"""


@pytest.mark.parametrize("code", RTL)
@pytest.mark.parametrize("width", [390, 1280])
def test_untranslated_page_text_is_laid_out_left_to_right(server, page_factory, code, width, shot):
    page = page_factory(f"{code}-FI", viewport={"width": width, "height": 900})
    page.goto(server + f"{code}/open-care/")
    shot(page, f"{code}-fallback-open-care-{width}")
    direction = "e => getComputedStyle(e).direction"
    assert page.evaluate("getComputedStyle(document.documentElement).direction") == "rtl"
    assert page.locator(".fallback-notice").evaluate(direction) == "rtl"
    assert page.locator(".md-header").evaluate(direction) == "rtl"
    content = page.locator("article .fallback-content")
    assert content.evaluate(direction) == "ltr"
    # shown in the language locales/<code>.yml names (fallback_language: en), not Swedish
    shown = locales.load(code, CONFIG.locales_dir)["fallback_language"]
    assert content.evaluate("e => e.lang") == shown
    _, meta = front_matter.get_data((CONFIG.docs_dir / shown / "open-care.md").read_text(encoding="utf-8"))
    assert page.locator("article h1").inner_text().startswith(meta["title"])
    # the review date and sources are the shown page's, in its language and direction
    facts = page.locator("article .page-facts")
    assert facts.evaluate("e => [e.lang, getComputedStyle(e).direction]") == [shown, "ltr"]
    assert facts.locator("li").first.inner_text() == meta["sources"][0]["title"]
    assert facts.locator("li").first.evaluate("li => li.getBoundingClientRect().left - li.parentElement.getBoundingClientRect().left") > 10
    # the notice's language links follow one another right to left, each isolated
    order = page.locator(".fallback-notice").evaluate(LINK_ORDER)
    assert order == {"isolated": [True, True, True], "misplaced": []}, order
    geometry = content.evaluate("""e => {
      const h1 = e.querySelector('h1'), p = e.querySelector('h1 + p'), range = document.createRange();
      range.selectNodeContents(h1.firstChild);
      const title = range.getBoundingClientRect(), para = p.getBoundingClientRect();
      range.setStart(p.firstChild, 0); range.setEnd(p.firstChild, 1);
      const first = range.getBoundingClientRect();
      const li = e.querySelector('ul li'), marker = li.getBoundingClientRect();
      return {gap: para.top - title.bottom, lineHeight: parseFloat(getComputedStyle(h1).lineHeight),
              paraLeft: para.left, firstLetter: first.left, liLeft: marker.left, contentLeft: e.getBoundingClientRect().left,
};
    }""")
    # no empty line under the title: only the heading's own bottom margin (40 px)
    assert geometry["gap"] < geometry["lineHeight"] + 10, geometry
    # the Swedish text starts at the left edge, and lists are indented from the left
    assert abs(geometry["firstLetter"] - geometry["paraLeft"]) < 2, geometry
    assert geometry["liLeft"] > geometry["contentLeft"] + 10, geometry


@pytest.mark.parametrize("code", RTL)
def test_rtl_pages_use_western_digits_and_gregorian_dates(built_site, config, code):
    for path in built_pages(built_site, config)[code]:
        text = soup(path).get_text(" ")
        assert not EASTERN_DIGITS.search(text), f"{path}: Eastern Arabic digits {EASTERN_DIGITS.findall(text)[:5]}"
    facts = soup(built_site / code / "aftercare" / "index.html").select_one(".page-facts").get_text(" ")
    assert "2026" in facts


@pytest.mark.parametrize("code", RTL)
def test_quick_exit_is_on_screen_in_rtl(server, page_factory, code, shot):
    """On a phone, right to left, the quick exit is whole on screen and says its name in
    the language (that it leaves: tests/test_quick_exit_browser.py, in any direction)."""
    page = page_factory(f"{code}-FI", viewport={"width": 360, "height": 740})
    page.goto(server + f"{code}/aftercare/")
    shot(page, f"{code}-aftercare-360")
    link = box(page, "a[data-quick-exit]")
    assert 0 <= link["x"] and link["x"] + link["width"] <= 360, link
    assert page.locator("a[data-quick-exit]").inner_text().strip() == locales.ui_strings(code, CONFIG.locales_dir)["quick_exit"]


@pytest.mark.parametrize("code", RTL)
def test_aftercare_checker_works_and_reads_right_to_left(server, page_factory, code, shot):
    ui = locales.ui_strings(code, CONFIG.locales_dir)
    page = page_factory(f"{code}-FI", viewport={"width": 360, "height": 740})
    page.goto(server + f"{code}/aftercare/")
    form = page.locator("form[data-aftercare-checker]")
    assert form.is_visible()
    assert form.evaluate("e => getComputedStyle(e).direction") == "rtl"
    page.fill("#checker-birth", "2008-05-04")
    page.fill("#checker-end", "2026-05-04")
    form.locator("button[type=submit]").click()
    result = page.locator("[data-checker-result]")
    assert result.get_attribute("data-status") == "entitled"
    text = result.inner_text()
    assert ui["checker_rule_age"] in text
    assert "2031" in text and not EASTERN_DIGITS.search(text), text
    result.scroll_into_view_if_needed()
    shot(page, f"{code}-checker-360")
    # the form's labels start at the right edge
    label = box(page, "form[data-aftercare-checker] label")
    field = box(page, "form[data-aftercare-checker]")
    assert label["x"] + label["width"] > field["x"] + field["width"] - 40
