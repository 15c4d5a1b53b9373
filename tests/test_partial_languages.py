"""Partial languages in the built site: their own pages, fallbacks, translation notes, RTL."""

import re

from portal import citations, law, locales
import pytest
from helpers import built_pages, soup, written_in
from portal.dates import local_date
from conftest import CONFIG

PARTIAL = [lang.code for lang in CONFIG.languages if not lang.full]
FULL = [lang.code for lang in CONFIG.languages if lang.full]
RTL = [code for code in CONFIG.codes if locales.load(code, CONFIG.locales_dir).get("direction") == "rtl"]


def test_the_site_has_the_six_partial_languages():
    assert PARTIAL == ["ru", "et", "ar", "uk", "so", "fa"]
    assert FULL == ["sv", "fi", "en"]
    assert RTL == ["ar", "fa"]


@pytest.mark.parametrize("code", PARTIAL)
def test_partial_language_has_the_required_pages_and_says_they_are_translations(built_site, config, code):
    ui = locales.ui_strings(code, CONFIG.locales_dir)
    for name in config.partial_pages:
        assert (config.docs_dir / code / name).is_file(), f"docs/{code}/{name} is missing"
        where = config.addresses
        slug = where.page(code, name)
        page = soup(where.file(built_site, slug))
        note = page.select_one(".translation-note")
        assert note is not None, f"{code}/{slug}: no translation note"
        assert note.select_one(".admonition-title").get_text(strip=True) == ui["translation_title"]
        source = config.docs_dir / code / name
        meta = source.read_text(encoding="utf-8")
        origin = re.search(r"^translated_from: (\w+)", meta, re.M).group(1)
        # the original language named in the page's language, the date one <time>
        when = re.search(r"^translated_on: (\S+)", meta, re.M).group(1)
        date = note.select_one(f'time[datetime="{when}"]')
        assert date is not None and date.get_text() == local_date(when, code), f"{code}/{slug}: {note}"
        said = ui["translation_text"].replace("{source}", ui[f"language_{origin}"]).replace("{date}", date.get_text())
        assert note.select("p")[1].get_text().strip().startswith(said), f"{code}/{slug}: {note.select('p')[1]}"
        links = {a["hreflang"]: a["href"] for a in note.select("a[hreflang]")}
        assert all(a.get("dir") == "ltr" for a in note.select("a[hreflang]")), f"{code}/{slug}: links not isolated"
        assert sorted(links) == sorted(FULL), f"{code}/{slug}: links to the full languages {links}"
        assert page.select_one('meta[name="robots"]') is None, f"{code}/{slug}: a translated page is not indexed"
        for lang, href in links.items():
            assert href == where.page(lang, name), href


@pytest.mark.parametrize("code", PARTIAL)
def test_untranslated_pages_fall_back_with_a_notice_in_the_readers_language(built_site, config, code):
    ui = locales.ui_strings(code, CONFIG.locales_dir)
    own = written_in(config, code)
    # the law pages are generated in every language (hooks/law_page.py): not fallbacks
    laws = {config.addresses.page(code, name) for name in law.layout(law.load(), citations.load_acts())}
    addresses = {p: config.addresses.of_file(built_site, p) for p in built_pages(built_site, config)[code]}
    fallbacks = [p for p, address in addresses.items() if address not in own and address not in laws]
    assert fallbacks, f"{code} has every page: nothing falls back"
    for path in fallbacks:
        page = soup(path)
        notice = page.select_one(".fallback-notice")
        assert notice is not None, f"{path}: no fallback notice"
        assert notice["lang"] == code
        assert notice.select_one(".admonition-title").get_text(strip=True) == ui["fallback_title"]
        assert sorted(a["hreflang"] for a in notice.select("a[hreflang]")) == sorted(FULL)
        assert all(a.get("dir") == "ltr" for a in notice.select("a[hreflang]")), f"{path}: links not isolated"
        assert page.select_one(".translation-note") is None
        assert page.select_one('meta[name="robots"]')["content"] == "noindex", f"{path}: a fallback is indexed"


@pytest.mark.parametrize("code", PARTIAL)
def test_interface_and_navigation_are_in_the_readers_language(built_site, config, code):
    data = locales.load(code, CONFIG.locales_dir)
    page = soup(config.addresses.file(built_site, config.addresses.page(code, "aftercare.md")))
    assert page.html["lang"] == code
    assert page.select_one(".md-header__topic .md-ellipsis").get_text(strip=True) == data["ui"]["site_name"]
    nav = page.select_one("nav.md-nav--primary").get_text(" ", strip=True)
    for swedish, title in data["nav"].items():
        assert title in nav, f"{code}: nav title {title!r} (for {swedish!r}) missing"
    switcher = {a["data-lang-switch"]: a.get_text(strip=True) for a in page.select(".md-select__list a[data-lang-switch]")}
    assert switcher == {c: locales.ui_strings(c, CONFIG.locales_dir)["language_name"] for c in config.codes}
    assert page.select_one(".safety-bar") is not None
    assert data["ui"]["quick_exit"] in page.select_one(".safety-bar").get_text(" ", strip=True)


@pytest.mark.parametrize("code", PARTIAL)
def test_glossary_tooltips_come_from_the_languages_own_glossary(built_site, config, code):
    if not (config.docs_dir / code / "glossary.md").is_file():
        pytest.skip(f"{code} has no glossary of its own")
    aftercare = config.addresses.file(built_site, config.addresses.page(code, "aftercare.md"))
    titled = [a for a in soup(aftercare).select("article a[title]")
              if "glossary/#" in a["href"]]
    assert titled, f"{code}/aftercare: no glossary link with a tooltip"
    glossary = (config.docs_dir / code / "glossary.md").read_text(encoding="utf-8")
    for a in titled:
        # "huostaanotto: <first sentence of the entry, in this language>"
        term, _, sentence = a["title"].partition(": ")
        assert f'<span lang="fi">{term}</span>' in glossary, f"{code}: tooltip {a['title']!r} does not start with the Finnish term"
        assert sentence and sentence.split()[0] in glossary, f"{code}: tooltip {a['title']!r} is not from docs/{code}/glossary.md"


def test_only_a_term_in_the_text_gets_a_tooltip_not_an_address_for_letters(built_site, config):
    """The list of addresses for letters links each glossary entry in every language by its
    full address: those are addresses, not terms (a Swedish definition on a link named
    "Suomi"), and each [title] costs Material a tooltip when the page loads."""
    for code in config.codes:
        page = soup(config.addresses.file(built_site, config.addresses.page(code, "links-for-letters.md")))
        links = [a for a in page.select("article a[href*='glossary/#']")]
        assert len(links) > 100, f"{code}: the list for letters should link every glossary entry"
        assert [a["href"] for a in links if a.has_attr("title")] == [], code


@pytest.mark.parametrize("code", RTL)
def test_rtl_pages_carry_dir_on_html_and_body(built_site, config, code):
    for path in built_pages(built_site, config)[code] + [built_site / code / "404.html"]:
        page = soup(path)
        assert page.html.get("dir") == "rtl", path
        assert page.body.get("dir") == "rtl", path


def test_ltr_pages_say_so_too(built_site, config):
    for code in (c for c in config.codes if c not in RTL):
        page = soup(config.addresses.file(built_site, config.addresses.home(code)))
        assert page.html.get("dir") == "ltr" and page.body.get("dir") == "ltr", code


@pytest.mark.parametrize("code", RTL)
def test_phone_numbers_stay_left_to_right_in_rtl_text(built_site, config, code):
    page = soup(built_site / code / "help-and-contacts" / "index.html")
    numbers = [s.get_text() for s in page.select('article span.ltr-number[dir="ltr"]')]
    for number in ("080 005 005", "09 2525 0111"):
        assert number in numbers, f"{code}: {number} is not kept left-to-right: {numbers}"
    # and nothing inside an attribute or a URL was touched
    for a in page.select("article a[href]"):
        assert "ltr-number" not in a["href"]


@pytest.mark.parametrize("code", PARTIAL)
def test_the_original_language_is_named_in_the_pages_language(config, code):
    """"Original language: English" in Latin letters in Arabic, Persian or Somali text:
    each language names the full languages its pages are translated from itself."""
    ui = locales.ui_strings(code, CONFIG.locales_dir)
    for full in FULL:
        name = ui[f"language_{full}"]
        endonym = locales.ui_strings(full, CONFIG.locales_dir)["language_name"]
        assert name.lower() != endonym.lower(), f"locales/{code}.yml: language_{full} is {full}'s own name"


def test_phone_numbers_are_kept_whole_in_every_language(built_site, config):
    """hooks/phone_numbers.py: every phone number in the help page's text is wrapped, and
    the tel: links keep their address."""
    for code in config.codes:
        page = soup(config.addresses.file(built_site, config.addresses.page(code, "help-and-contacts.md")))
        wrapped = {s.get_text() for s in page.select("article span.phone-number")}
        assert {"09 2525 0111", "080 005 005", "116 111"} <= wrapped, f"{code}: {wrapped}"
    easy = soup(built_site / "en" / "easy" / "help-and-contacts" / "index.html")
    link = easy.select_one('article a[href="tel:+358925250111"]')
    assert link.select_one("span.phone-number").get_text() == "09 2525 0111"


def test_ltr_numbers_are_not_wrapped_in_ltr_languages(built_site):
    assert "ltr-number" not in (built_site / "en" / "help-and-contacts" / "index.html").read_text(encoding="utf-8")
