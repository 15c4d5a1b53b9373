"""Browser tab titles: "Page - Site", and the home page's name only once."""

from conftest import CONFIG
from helpers import soup

from portal import locales


def test_home_pages_name_the_site_once_and_other_pages_name_the_page_first(built_site):
    for lang in CONFIG.languages:
        site_name = locales.ui_strings(lang.code, CONFIG.locales_dir)["site_name"]
        where = CONFIG.addresses
        home = soup(where.file(built_site, where.home(lang.code)))
        assert home.head.title.get_text() == site_name, lang.code
        page = soup(where.file(built_site, where.page(lang.code, "aftercare.md")))
        title = page.head.title.get_text()
        assert title.endswith(f" - {site_name}") and title.count(site_name) == 1, (lang.code, title)
