"""In a real browser: the switcher keeps page and #anchor, remembers the choice,
requests nothing that 404s or lives elsewhere; the language banner.

Search in each language is tests/test_search_browser.py's."""

from urllib.parse import urlparse


STORAGE_KEY = "portal.language"


def record_requests(page, base):
    seen = {"requests": [], "failed": []}
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("requestfailed", lambda r: seen["failed"].append(r.url))
    page.on("response", lambda r: r.status >= 400 and seen["failed"].append(f"{r.status} {r.url}"))
    return seen


def open_switcher_and_choose(page, code):
    page.hover(".md-select")
    page.click(f".md-select__list a[data-lang-switch={code}]")
    page.wait_for_load_state("load")


def test_switch_keeps_page_and_anchor_and_is_remembered(server, page_factory):
    page = page_factory("sv-FI")
    seen = record_requests(page, server)
    page.goto(server + "aftercare/#in-brief")
    open_switcher_and_choose(page, "fi")
    assert page.url == server + "fi/aftercare/#in-brief"
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") == "fi"
    open_switcher_and_choose(page, "en")
    assert page.url == server + "en/aftercare/#in-brief"
    page.wait_for_timeout(300)
    assert seen["failed"] == []
    assert not [u for u in seen["requests"] if "sitemap" in u]
    hosts = {urlparse(u).netloc for u in seen["requests"]}
    assert hosts == {urlparse(server).netloc}
    assert page.context.cookies() == []
    storage = page.evaluate("Object.keys(localStorage)")
    assert [k for k in storage if not k.endswith(("__palette", "__consent"))] == [STORAGE_KEY]


def test_switcher_follows_the_anchor_the_reader_moved_to(server, page_factory):
    page = page_factory("sv-FI")
    page.goto(server + "aftercare/")
    page.evaluate("location.hash = '#legal-basis'")
    open_switcher_and_choose(page, "fi")
    assert page.url == server + "fi/aftercare/#legal-basis"


def test_finnish_browser_is_offered_finnish_on_a_swedish_page(server, page_factory):
    page = page_factory("fi-FI")
    page.goto(server)
    banner = page.locator("[data-language-banner=fi]")
    assert banner.is_visible()
    assert banner.get_attribute("lang") == "fi"
    assert "suomeksi" in banner.inner_text()
    assert not page.locator("[data-language-banner=en]").is_visible()
    banner.locator("a").click()
    page.wait_for_load_state("load")
    assert page.url == server + "fi/"
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") == "fi"


def test_swedish_browser_sees_no_banner_and_staying_is_remembered(server, page_factory):
    page = page_factory("sv-FI")
    page.goto(server)
    assert page.locator("[data-language-banner]:visible").count() == 0
    page = page_factory("en-GB")
    page.goto(server + "aftercare/")
    banner = page.locator("[data-language-banner=en]")
    assert banner.is_visible()
    banner.locator("button").click()
    assert not banner.is_visible()
    page.goto(server + "placement/")
    assert page.locator("[data-language-banner]:visible").count() == 0
