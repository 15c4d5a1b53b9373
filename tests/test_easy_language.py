"""Easy-language pages (lättläst, selkokieli, Easy English) in the built site.

Each full language has an index of six easy pages; every standard page with an easy version
links to it under its title, and every easy page links back (hooks/easy_language_links.py);
the section has short localized addresses; easy pages are in the sitemap, in search, in the
links-for-letters page and in the language switcher's same-page links. Partial languages
have no easy pages and show no link.
"""

import json
from urllib.parse import urljoin

import pytest
from helpers import search_urls, soup

from portal import locales
from conftest import CONFIG

SLUGS = ["child-welfare-in-brief", "child-welfare-notification", "open-care", "placement",
         "aftercare", "help-and-contacts"]
FULL = ["sv", "fi", "en"]


def prefix(code):
    return "" if code == "sv" else f"{code}/"


def ui(code):
    return locales.ui_strings(code, CONFIG.locales_dir)


@pytest.mark.parametrize("code", FULL)
def test_the_index_lists_the_six_easy_pages(built_site, code):
    html = soup(built_site / prefix(code) / "easy" / "index.html")
    listed = [a["href"].rstrip("/").rsplit("/", 1)[-1] for a in html.select("#pages ~ ul a")]
    assert listed == SLUGS
    assert html.select_one("div.easy-page h1") is not None


@pytest.mark.parametrize("code", FULL)
@pytest.mark.parametrize("slug", SLUGS)
def test_standard_page_and_easy_page_link_to_each_other(built_site, code, slug):
    standard = soup(built_site / prefix(code) / slug / "index.html")
    link = standard.select_one("article .easy-link--easy a")
    assert link is not None, f"/{prefix(code)}{slug}/ has no link to its easy version"
    assert (link["href"], link.get_text(strip=True)) == (f"/{prefix(code)}easy/{slug}/", ui(code)["easy_link"])
    # near the top: right after the page title
    assert link.find_parent("p").find_previous_sibling().name == "h1"

    easy = soup(built_site / prefix(code) / "easy" / slug / "index.html")
    back = easy.select_one("article .easy-page .easy-link--full a")
    assert back is not None, f"/{prefix(code)}easy/{slug}/ has no link back to the full page"
    assert (back["href"], back.get_text(strip=True)) == (f"/{prefix(code)}{slug}/", ui(code)["easy_full_link"])


@pytest.mark.parametrize("code", FULL)
def test_home_page_links_to_the_easy_index_and_back(built_site, code):
    home = soup(built_site / prefix(code) / "index.html")
    assert home.select_one(".easy-link--easy a")["href"] == f"/{prefix(code)}easy/"
    index = soup(built_site / prefix(code) / "easy" / "index.html")
    assert index.select_one(".easy-link--full a")["href"] == f"/{prefix(code)}"


def test_the_link_texts(built_site):
    assert [ui(c)["easy_link"] for c in FULL] == ["Lättläst", "Selkokielellä", "Easy English"]


@pytest.mark.parametrize("code", ["ru", "et", "ar", "uk", "so", "fa"])
def test_partial_languages_show_no_easy_link(built_site, code):
    for slug in ["", "aftercare/", "help-and-contacts/"]:
        assert soup(built_site / code / slug / "index.html").select(".easy-link") == []


def test_short_addresses_of_the_section(built_site):
    redirects = json.loads((built_site / "redirects.json").read_text(encoding="utf-8"))
    assert redirects["/lattlast/"] == "/easy/"
    assert redirects["/fi/selko/"] == "/fi/easy/"


@pytest.mark.parametrize("code", FULL)
def test_language_switcher_goes_to_the_same_easy_page(built_site, code):
    html = soup(built_site / prefix(code) / "easy" / "aftercare" / "index.html")
    here = f"/{prefix(code)}easy/aftercare/"
    targets = {a["hreflang"]: urljoin(here, a["href"]) for a in html.select("a[data-lang-switch]")}
    assert {c: targets[c] for c in FULL} == {c: f"/{prefix(c)}easy/aftercare/" for c in FULL}


def test_easy_pages_are_in_sitemap_search_and_links_for_letters(built_site):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    letters = soup(built_site / "links-for-letters" / "index.html")
    searchable = search_urls(built_site)
    for code in FULL:
        for slug in SLUGS:
            assert f"/{prefix(code)}easy/{slug}/</loc>" in sitemap
            assert f"/{prefix(code)}easy/{slug}/" in searchable
    for slug in SLUGS:
        assert letters.select_one(f"#page-easy-{slug}") is not None
    assert letters.select_one("#page-easy") is not None


@pytest.mark.parametrize("code", FULL)
def test_easy_pages_are_in_the_navigation_under_their_own_heading(built_site, code):
    html = soup(built_site / prefix(code) / "aftercare" / "index.html")
    nav = html.select_one("nav.md-nav--primary")
    hrefs = [a["href"] for a in nav.select("a.md-nav__link[href]")]
    assert sum("easy/" in h for h in hrefs) == 7  # the index and the six pages
    titles = [label.get_text(" ", strip=True) for label in nav.select("label.md-nav__link")]
    assert locales.load(code, CONFIG.locales_dir)["nav"]["Lättläst"] in titles


def test_easy_pages_have_no_tooltips_or_collapsed_blocks(built_site):
    for code in FULL:
        for slug in SLUGS:
            html = soup(built_site / prefix(code) / "easy" / slug / "index.html")
            article = html.select_one("article")
            assert article.select("details") == []
            assert [a for a in article.select("a[title]") if "glossary/" in a["href"]] == []
