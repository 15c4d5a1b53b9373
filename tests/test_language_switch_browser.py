"""In a real browser: the switcher keeps page and #anchor, remembers the choice,
requests nothing that 404s or lives elsewhere; the banner and search per language."""

from urllib.parse import urlparse

import pytest
from conftest import CONFIG

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


def results(page):
    """The links of the search results, once there are any."""
    page.wait_for_selector(".md-search-result__item", timeout=5000)
    return [a.get_attribute("href") for a in page.locator(".md-search-result__item > a").all()]


def search(page, query):
    page.keyboard.press("s")
    page.keyboard.type(query)
    return results(page)


def test_finnish_search_finds_inflected_forms_in_finnish_pages_only(server, page_factory):
    page = page_factory("fi-FI")
    seen = record_requests(page, server)
    page.goto(server + "fi/")
    results = search(page, "jälkihuollon")
    paths = [urlparse(u).path for u in results]
    assert "/fi/aftercare/" in paths
    assert all(p.startswith("/fi/") for p in paths), paths
    loaded = [urlparse(u).path for u in seen["requests"]]
    assert "/fi/search/search_index.json" in loaded
    assert "/search/search_index.json" not in loaded
    assert not [p for p in loaded if p.endswith(("lunr.sv.min.js", "lunr.multi.min.js"))]


def test_swedish_search_finds_inflected_forms_in_swedish_pages_only(server, page_factory):
    page = page_factory("sv-FI")
    page.goto(server)
    paths = [urlparse(u).path for u in search(page, "eftervården")]
    assert "/aftercare/" in paths
    assert not [p for p in paths if p.startswith(("/fi/", "/en/"))], paths


def test_search_loads_nothing_until_the_reader_opens_it(server, page_factory):
    page = page_factory("sv-FI")
    seen = record_requests(page, server)
    page.goto(server + "aftercare/")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    searchy = [u for u in seen["requests"] if "search" in urlparse(u).path]
    assert searchy == [], f"search loaded before it was opened: {searchy}"
    page.click("input[data-md-component=search-query]")
    page.keyboard.type("eftervård")
    page.wait_for_selector(".md-search-result__item", timeout=5000)
    loaded = [urlparse(u).path for u in seen["requests"]]
    assert "/search/search_index.json" in loaded
    assert "/assets/javascripts/lunr/lunr.min.js" in loaded


def test_search_follows_a_word_pasted_without_key_presses(server, page_factory):
    # Material reads the field on keyup; a paste from a menu or dictation sends only
    # "input". First a typed word no page has, so the index is surely ready; then the
    # field is filled the way a paste does it, with no key events.
    page = page_factory("fa-FI")
    page.goto(server + "fa/")
    page.keyboard.press("s")
    page.keyboard.type("zzzzq")
    page.wait_for_function(  # Material's "no matching documents", in Persian
        """() => document.querySelector('.md-search-result__meta').textContent ===
                 JSON.parse(document.getElementById('__config').textContent)
                     .translations['search.result.none']""",
        timeout=5000,
    )
    assert page.locator(".md-search-result__item").count() == 0
    page.fill("input[data-md-component=search-query]", own_title_word("fa", "aftercare"))
    paths = [urlparse(u).path for u in results(page)]
    assert "/fa/aftercare/" in paths, paths


def own_title_word(code: str, slug: str) -> str:
    """A word of at least 4 letters from the page's own title (docs/<code>/<slug>.md)."""
    import re


    text = (CONFIG.docs_dir / code / f"{slug}.md").read_text(encoding="utf-8")
    title = re.search(r"^# (.+)$", text, re.M).group(1)
    return max(re.findall(r"[^\W\d_]{4,}", title), key=len).lower()


def partial_codes():

    return [lang.code for lang in CONFIG.languages if not lang.full]


@pytest.mark.parametrize("code", partial_codes())
def test_search_finds_exact_words_in_each_partial_language(server, page_factory, code):
    page = page_factory(f"{code}-FI")
    seen = record_requests(page, server)
    page.goto(server + f"{code}/")
    word = own_title_word(code, "aftercare")
    paths = [urlparse(u).path for u in search(page, word)]
    assert f"/{code}/aftercare/" in paths, (word, paths)
    assert all(p.startswith(f"/{code}/") for p in paths), paths
    assert f"/{code}/search/search_index.json" in [urlparse(u).path for u in seen["requests"]]
