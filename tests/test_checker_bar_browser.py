"""The aftercare checker's answer as a picture: a bar from the end of the placement to the
end of the right, today marked, beside the sentence that stays the answer."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The production policy for HTML (deploy/nginx/security-maps.conf), sent by the test too.
CSP = re.search(r'"~\^text/html" "([^"]+)"',
                (ROOT / "deploy/nginx/security-maps.conf").read_text(encoding="utf-8")).group(1)


def open_checker(server, page_factory, lang="sv", prefix="", **kwargs):
    page = page_factory(f"{lang}-FI", **kwargs)
    violations = []

    def with_csp(route):
        response = route.fetch()
        headers = dict(response.headers)
        if headers.get("content-type", "").startswith("text/html"):
            headers["content-security-policy"] = CSP
        route.fulfill(response=response, headers=headers)

    page.route("**/*", with_csp)
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(server + prefix + "aftercare/")
    page.evaluate("""() => document.addEventListener("securitypolicyviolation",
        e => { (window.__csp = window.__csp || []).push(e.violatedDirective); })""")
    return page, violations


def submit(page, birth, end, today="2026-11-30", kind="care", start=None):
    page.locator("form[data-aftercare-checker]").evaluate(
        "(form, today) => form.setAttribute('data-today', today)", today)
    page.locator(f"input[name=kind][value={kind}]").check()
    page.fill("#checker-birth", birth)
    if start:
        page.fill("#checker-start", start)
    page.fill("#checker-end", end)
    page.click("form[data-aftercare-checker] button[type=submit]")


def box(page, selector):
    return page.locator(selector).bounding_box()


def test_the_bar_shows_today_in_proportion_under_the_csp(server, page_factory):
    page, violations = open_checker(server, page_factory)
    # placement ended 2026-05-04, right ends 2031-05-04 (23rd birthday): today 2026-11-30
    submit(page, "2008-05-04", "2026-05-04")
    result = page.locator("[data-checker-result]")
    assert result.get_attribute("data-status") == "entitled"
    bar = page.locator(".aftercare-bar")
    assert bar.is_visible()
    assert bar.get_attribute("aria-hidden") == "true"
    # the sentence stays the answer, before the picture
    assert result.locator("p").first.inner_text().startswith("Du har rätt till eftervård")
    labels = bar.locator(".aftercare-bar__labels").inner_text()
    assert "2026" in labels and "2031" in labels
    assert bar.locator(".aftercare-bar__now").inner_text() == "I dag"
    track, marker = box(page, ".aftercare-bar__track"), box(page, ".aftercare-bar__marker")
    expected = (210) / (1826)  # days from 2026-05-04 to 2026-11-30, and to 2031-05-04
    position = (marker["x"] + marker["width"] / 2 - track["x"]) / track["width"]
    assert abs(position - expected) < 0.02, (position, expected)
    assert 0 < position < 1
    assert violations == [] and page.evaluate("window.__csp || []") == []


def test_an_ended_right_has_today_at_the_end(server, page_factory):
    page, _ = open_checker(server, page_factory, "en", "en/")
    submit(page, "2001-01-10", "2019-01-10")  # the right ended on 2024-01-10
    assert page.locator("[data-checker-result]").get_attribute("data-status") == "ended"
    track, marker = box(page, ".aftercare-bar__track"), box(page, ".aftercare-bar__marker")
    position = (marker["x"] + marker["width"] / 2 - track["x"]) / track["width"]
    assert abs(position - 1) < 0.02, position


@pytest.mark.parametrize("kind,start,end", [("other", None, "2025-06-29"),
                                            ("open", "2025-01-01", "2025-06-29")])
def test_no_right_no_bar(server, page_factory, kind, start, end):
    page, _ = open_checker(server, page_factory)
    submit(page, "2009-03-01", end, kind=kind, start=start)
    assert page.locator("[data-checker-result]").get_attribute("data-status") == "not-entitled"
    assert page.locator(".aftercare-bar").count() == 0


def test_the_bar_is_mirrored_in_arabic_and_fits_320_px(server, page_factory):
    page, violations = open_checker(server, page_factory, "ar", "ar/", viewport={"width": 320, "height": 700})
    submit(page, "2008-05-04", "2026-05-04")
    track, marker = box(page, ".aftercare-bar__track"), box(page, ".aftercare-bar__marker")
    # right to left: the end of the placement is on the right, today near it
    position = (track["x"] + track["width"] - (marker["x"] + marker["width"] / 2)) / track["width"]
    assert abs(position - 210 / 1826) < 0.02, position
    start_label, end_label = box(page, ".aftercare-bar__from"), box(page, ".aftercare-bar__to")
    assert start_label["x"] > end_label["x"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    for selector in (".aftercare-bar__from", ".aftercare-bar__to", ".aftercare-bar__now"):
        b = box(page, selector)
        assert b["x"] >= 0 and b["x"] + b["width"] <= 320, (selector, b)
    assert violations == []


def test_somali_labels_are_day_month_year(server, page_factory):
    page, _ = open_checker(server, page_factory, "so", "so/", viewport={"width": 320, "height": 700})
    submit(page, "2008-05-04", "2026-05-04")
    labels = page.locator(".aftercare-bar__labels span")
    texts = [labels.nth(i).inner_text() for i in range(2)]
    assert all(re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", t) for t in texts), texts
    assert texts[1].endswith("2031")
    assert page.locator(".aftercare-bar__now").inner_text() == "Maanta"


def test_no_style_attribute_in_the_served_checker(built_site):
    html = (built_site / "aftercare" / "index.html").read_text(encoding="utf-8")
    assert "data-aftercare-checker" in html
    assert not re.search(r"<[^>]+\sstyle=", html)
