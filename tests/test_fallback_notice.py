"""A page not yet translated says so in the reader's language and marks its own language."""

from portal import locales
import pytest
from helpers import soup, write_fixture_docs

from conftest import CONFIG, build_site, start_server

PARTIAL = [lang.code for lang in CONFIG.languages if not lang.full]


def test_untranslated_page_shows_a_notice_and_the_right_lang(tmp_path, config, page_factory):
    languages = ["sv", "fi", "en"]  # Finnish, and the full languages its notice links to
    docs = write_fixture_docs(tmp_path, config, languages=languages)
    (docs / "fi" / "placement.md").unlink()
    out = tmp_path / "site"
    result = build_site(out, docs, languages)
    assert result.returncode == 0, result.stdout + result.stderr

    html = soup(out / "fi" / "placement" / "index.html")
    notice = html.select_one(".fallback-notice")
    assert notice["lang"] == "fi"
    assert notice.select_one(".admonition-title").get_text(strip=True) == "Sivua ei ole vielä suomeksi"
    assert {a["hreflang"]: a["href"] for a in notice.select("a")} == {"sv": "/placement/", "en": "/en/placement/"}
    assert html.select_one('div.fallback-content[lang="sv"][dir="ltr"] h1').get_text(strip=True).startswith("placement sv")
    assert soup(out / "fi" / "aftercare" / "index.html").select_one(".fallback-notice") is None

    url, httpd = start_server(out)
    try:
        page = page_factory("fi-FI")
        page.goto(url + "fi/placement/")
        box = page.locator(".fallback-notice")
        assert box.is_visible()
        assert "Sivua ei ole vielä suomeksi" in box.inner_text()
        assert page.locator("h1").evaluate("h => h.closest('[lang]').lang") == "sv"
        box.locator("a[hreflang=en]").click()
        page.wait_for_url(url + "en/placement/")
    finally:
        httpd.shutdown()


@pytest.mark.parametrize("code", PARTIAL)
def test_fallback_text_has_its_own_language_and_direction(built_site, config, code):
    """The text of an untranslated page, shown in the language locales/<code>.yml names
    (fallback_language), is lang="en" (or "fi") dir="ltr" also in an RTL language; the notice and the site around it stay in the reader's language."""
    reader_dir = locales.load(code, CONFIG.locales_dir).get("direction", "ltr")
    fallbacks = [name for name in ("open-care", "placement", "client-plan")
                 if not (config.docs_dir / code / f"{name}.md").is_file()]
    assert fallbacks, f"{code}: expected untranslated pages"
    for name in fallbacks:
        page = soup(built_site / code / name / "index.html")
        assert page.html["lang"] == code and page.html["dir"] == reader_dir
        content = page.select("article div.fallback-content")
        assert len(content) == 1, f"{code}/{name}: {len(content)} fallback content wrappers"
        shown = locales.load(code, CONFIG.locales_dir)["fallback_language"]
        assert (content[0]["lang"], content[0]["dir"]) == (shown, "ltr")
        assert content[0].select_one("h1") is not None, f"{code}/{name}: the title is outside the Swedish block"
        notice = page.select_one("article .fallback-notice")
        assert notice["lang"] == code and not notice.has_attr("dir")
        assert notice.find_parent(class_="fallback-content") is None
