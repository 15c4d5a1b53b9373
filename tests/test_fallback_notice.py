"""A page not yet translated says so in the reader's language and marks its own language."""

from helpers import soup, write_fixture_docs

from conftest import build_site, start_server


def test_untranslated_page_shows_a_notice_and_the_right_lang(tmp_path, config, page_factory):
    docs = write_fixture_docs(tmp_path, config)
    (docs / "fi" / "placement.md").unlink()
    out = tmp_path / "site"
    result = build_site(out, docs)
    assert result.returncode == 0, result.stdout + result.stderr

    html = soup(out / "fi" / "placement" / "index.html")
    notice = html.select_one(".fallback-notice")
    assert notice["lang"] == "fi"
    assert notice.select_one(".admonition-title").get_text(strip=True) == "Sivua ei ole vielä suomeksi"
    assert {a["hreflang"]: a["href"] for a in notice.select("a")} == {"sv": "/placement/", "en": "/en/placement/"}
    assert html.select_one('div[lang="sv"] h1').get_text(strip=True).startswith("placement sv")
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
