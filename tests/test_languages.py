"""The built built_site is right about language: lang, switcher, hreflang, sitemap, search, 404."""

import json
import re
from urllib.parse import urljoin, urlparse

from portal import citations, law, locales
import pytest
from helpers import built_pages, soup, written_in
from conftest import CONFIG


def law_pages(config) -> list[str]:
    """The law pages (hooks/law_page.py): generated, in every language, not in the nav
    and not in the sitemap (pages reached from citations, like the search leaves them out)."""
    return list(law.layout(law.load(), citations.load_acts()))


def test_every_page_is_built_in_every_language(built_site, config):
    where = config.addresses
    for code, found in built_pages(built_site, config).items():
        built = sorted(where.of_file(built_site, p) for p in found)
        assert built == sorted(where.page(code, name) for name in config.nav_files + law_pages(config)), \
            f"{code}: pages differ from the nav and the law pages"


def test_html_lang_and_site_name_follow_the_language(built_site, config):
    names = {}
    for code, pages in built_pages(built_site, config).items():
        for page in pages:
            html = soup(page)
            assert html.html["lang"] == code, f"{page}: <html lang> is {html.html['lang']}"
            names.setdefault(code, html.select_one(".md-header__topic .md-ellipsis").get_text(strip=True))
    assert names == {code: locales.ui_strings(code, CONFIG.locales_dir)["site_name"] for code in config.codes}
    assert names["sv"] == "Barnskydd i Finland" and names["fi"] == "Lastensuojelu Suomessa"


def test_navigation_titles_are_translated(built_site, config):
    where = config.addresses
    nav = {code: soup(where.file(built_site, where.page(code, "aftercare.md"))).select_one("nav.md-nav--primary")
           .get_text(" ", strip=True) for code in ("sv", "fi", "en")}
    assert "Eftervård" in nav["sv"] and "Jälkihuolto" not in nav["sv"]
    assert "Jälkihuolto" in nav["fi"] and "Eftervård" not in nav["fi"]
    assert "Aftercare" in nav["en"] and "Eftervård" not in nav["en"]


def test_switcher_links_go_to_the_same_page_in_each_language(built_site, config):
    where = config.addresses
    for code, pages in built_pages(built_site, config).items():
        for page in pages:
            address = where.of_file(built_site, page)
            links = soup(page).select(".md-select__list a[data-lang-switch]")
            assert [a["data-lang-switch"] for a in links] == config.codes, page
            for a in links:
                target_lang = a["data-lang-switch"]
                resolved = urlparse(urljoin("http://x" + address, a["href"])).path
                assert resolved == where.in_language(address, target_lang), (page, a["href"])
                assert where.file(built_site, resolved).is_file(), f"{page}: switcher target {resolved} is not built"
                assert a["hreflang"] == target_lang and a["lang"] == target_lang


def test_head_has_absolute_hreflang_alternates_and_x_default(built_site, config):
    where = config.addresses
    for code, pages in built_pages(built_site, config).items():
        for page in pages:
            address = where.of_file(built_site, page)
            alternates = {l["hreflang"]: l["href"] for l in soup(page).select("head link[hreflang]")}
            expected = {c: where.url(where.in_language(address, c)) for c in config.codes}
            expected["x-default"] = expected[config.default]
            assert alternates == expected, page


def test_material_does_not_see_the_alternates(built_site, config):
    """Material's bundle fetches '<alternate>/sitemap.xml' for every link[rel=alternate]
    (exact match) and hijacks the switcher; ours carry rel="alternate " so it does not."""
    html = (built_site / "aftercare" / "index.html").read_text(encoding="utf-8")
    assert 'rel="alternate"' not in html
    assert html.count('rel="alternate "') == len(config.codes) + 1


def test_sitemap_lists_every_page_with_all_alternates(built_site, config):
    xml = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    urls = re.findall(r"<url>(.*?)</url>", xml, re.S)
    pages = sum(len(p) for p in built_pages(built_site, config).values()) - len(config.codes) * len(law_pages(config))
    assert len(urls) == pages
    for block in urls:
        langs = re.findall(r'hreflang="([^"]+)" href="([^"]+)"', block)
        assert sorted(l for l, _ in langs) == sorted(config.codes + ["x-default"]), block
        for _, href in langs:
            assert href.startswith(config.site_url)
            assert config.addresses.file(built_site, href[len(config.site_url) - 1:]).is_file(), href


def own_pages(built_site, config, code):
    """The pages written in this language (not the fallback pages shown from Swedish)."""
    own = written_in(config, code)

    def written(page):
        return config.addresses.of_file(built_site, page) in own

    return [p for p in built_pages(built_site, config)[code] if written(p)]


@pytest.mark.parametrize("code", CONFIG.codes)
def test_each_language_has_its_own_search_index(built_site, config, code):
    # the language's own index (hooks/search_index.py): its stemmer, and its own pages only
    where = config.addresses
    index = json.loads(where.file(built_site, where.home(code) + "search/search_index.json").read_text(encoding="utf-8"))
    stemmer = locales.load(code, CONFIG.locales_dir)["search"]
    assert index["config"]["lang"] == ([code] if stemmer != "exact" else ["en"])
    assert index["config"]["pipeline"] == ([] if stemmer == "exact" else ["stopWordFilter"])
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert len(pages) == len(own_pages(built_site, config, code))


def test_pages_point_search_at_their_own_language(built_site, config):
    where = config.addresses
    for code in config.codes:
        address = where.page(code, "aftercare.md")
        settings = json.loads(soup(where.file(built_site, address)).select_one("#__config").string)
        assert urljoin("http://x" + address, settings["base"]) == "http://x" + where.home(code)


@pytest.mark.parametrize("code", CONFIG.codes)
def test_each_language_has_its_own_404(built_site, config, code):
    title = locales.ui_strings(code, CONFIG.locales_dir)["not_found_title"]
    page = soup(config.addresses.file(built_site, config.addresses.home(code) + "404.html"))
    assert page.html["lang"] == code
    assert page.html["dir"] == locales.load(code, CONFIG.locales_dir).get("direction", "ltr")
    assert page.select_one("h1").get_text(strip=True) == title
    home = page.select_one("article a")["href"]
    assert home == config.addresses.home(code)


THIRD_PARTY = re.compile(r"""(?:src|href)\s*=\s*["'](?:https?:)?//""", re.I)


def test_no_page_loads_anything_from_another_host(built_site):
    """Scripts, styles, fonts, icons and images come from the built_site itself. Links to
    other sites (<a href>) are navigation, not requests, and are allowed."""
    for path in built_site.rglob("*"):
        if path.suffix == ".html":
            text = path.read_text(encoding="utf-8")
            html = soup(path)
            for tag in html.select("script[src], link[href], img[src], iframe, source[src], video, audio, object, embed"):
                url = tag.get("src") or tag.get("href") or ""
                if tag.name == "link" and "alternate" in (tag.get("rel") or []) or tag.get("rel") == ["canonical"]:
                    continue
                assert not url.startswith(("http:", "https:", "//")), f"{path}: <{tag.name}> loads {url}"
            assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, path
        elif path.suffix == ".css":
            css = path.read_text(encoding="utf-8")
            assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", css), f"{path}: url() to another host"
            assert not re.search(r"@import\s+(?:url\()?['\"]?(?:https?:)?//", css), path


def test_config_keeps_the_stack_defaults_that_are_wrong_for_this_site_off():
    text = (CONFIG.root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "- navigation.instant" not in text  # breaks the switcher and the strict build
    assert "font: false" in text  # otherwise Material loads Google Fonts
