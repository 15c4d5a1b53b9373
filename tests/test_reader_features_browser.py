"""Reader features in a real browser, in every language."""

import re

from portal import locales
import pytest
from helpers import built_pages, soup
from conftest import CONFIG


UI = {code: locales.ui_strings(code, CONFIG.locales_dir) for code in CONFIG.codes}


def locales_month_names(lang):
    from babel.dates import get_month_names

    return [get_month_names("wide", locale=lang)[m] for m in range(1, 13)]


LANGS = [("sv", ""), ("fi", "fi/"), ("en", "en/")]
EXIT = "https://www.google.fi/"


def evaluate(page, **kwargs):
    return page.evaluate("args => window.AftercareRules.evaluate(args)", dict({"today": "2026-11-23"}, **kwargs))


@pytest.fixture
def rules_page(server, page_factory):
    page = page_factory("sv-FI")
    page.goto(server + "aftercare/")
    return page


@pytest.mark.parametrize("case,expected", [
    # care order ended on the 18th birthday: both limits fall on the 23rd birthday
    (dict(birth="2008-05-04", kind="care", end="2026-05-04"), {"status": "entitled", "ends": "2031-05-04", "rule": "age"}),
    # placement ended at 16: the 5 years come first
    (dict(birth="2010-01-15", kind="care", end="2026-06-01"), {"status": "entitled", "ends": "2031-06-01", "rule": "years"}),
    # open-care placement alone for exactly 6 months (1 Jan - 30 Jun) counts ...
    (dict(birth="2009-03-01", kind="open", start="2025-01-01", end="2025-06-30"), {"status": "entitled", "ends": "2030-06-30", "rule": "years"}),
    # ... one day less does not
    (dict(birth="2009-03-01", kind="open", start="2025-01-01", end="2025-06-29"), {"status": "not-entitled", "rule": "short"}),
    # placed together with a parent: no right by law
    (dict(birth="2009-03-01", kind="other", end="2025-06-29"), {"status": "not-entitled", "rule": "other"}),
    # born on 29 February: the 23rd birthday in a common year is 28 February
    (dict(birth="2004-02-29", kind="care", end="2022-02-28"), {"status": "entitled", "ends": "2027-02-28", "rule": "age"}),
    # the last day: on the day the right ends it has ended
    (dict(birth="2003-11-23", kind="care", end="2021-11-23", today="2026-11-23"), {"status": "ended", "ends": "2026-11-23", "rule": "age"}),
    (dict(birth="2003-11-24", kind="care", end="2021-11-24", today="2026-11-23"), {"status": "entitled", "ends": "2026-11-24", "rule": "age"}),
    # impossible dates
    (dict(birth="2010-01-01", kind="care", end="2009-12-31"), {"status": "invalid"}),
    (dict(birth="2010-01-01", kind="open", start="2026-02-01", end="2026-01-01"), {"status": "invalid"}),
    (dict(birth="2010-02-30", kind="care", end="2026-01-01"), {"status": "invalid"}),
])
def test_aftercare_rules_boundaries(rules_page, case, expected):
    assert evaluate(rules_page, **case) == expected


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_aftercare_checker_answers_in_the_page_language_and_sends_nothing(server, page_factory, lang, prefix):
    page = page_factory(f"{lang}-FI")
    page.goto(server + prefix + "aftercare/")  # waits for "load"; search loads only when opened
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    form = page.locator("form[data-aftercare-checker]")
    assert form.is_visible()
    page.fill("#checker-birth", "2008-05-04")
    page.fill("#checker-end", "2026-05-04")
    form.locator("button[type=submit]").click()
    result = page.locator("[data-checker-result]")
    assert result.get_attribute("data-status") == "entitled"
    text = result.inner_text()
    assert UI[lang]["checker_rule_age"] in text
    assert "2031" in text
    assert page.url == server + prefix + "aftercare/"
    assert requests == []


def test_somali_dates_are_day_month_year_on_the_page_and_in_the_checker(built_site, server, page_factory):
    """Somali writes "4 Maajo 2031" (as the Somali pages do); CLDR's long date is in the
    English order ("Maajo 4, 2031") and a browser may not know Somali month names at all."""
    day_month_year = re.compile(r"^\d{1,2} [A-Z][a-z]+ \d{4}$")
    html = soup(built_site / "so" / "aftercare" / "index.html")
    reviewed = html.select_one(".page-facts time").get_text(strip=True)
    assert day_month_year.match(reviewed), reviewed
    note = html.select_one(".translation-note").get_text(" ", strip=True)
    assert re.search(r"\b\d{1,2} [A-Z][a-z]+ \d{4}\b", note) and not re.search(r"[A-Z][a-z]+ \d{1,2}, \d{4}", note), note
    page = page_factory("so-FI")
    page.goto(server + "so/aftercare/")
    page.fill("#checker-birth", "2008-05-04")
    page.fill("#checker-end", "2026-05-04")
    page.click("form[data-aftercare-checker] button[type=submit]")
    text = page.locator("[data-checker-result]").inner_text()
    may = locales_month_names("so")[4]
    assert f"4 {may} 2031" in text, text


def test_aftercare_checker_needs_the_start_date_only_for_open_care(server, page_factory):
    page = page_factory("en-GB")
    page.goto(server + "en/aftercare/")
    assert not page.locator("#checker-start").is_visible()
    page.check("input[name=kind][value=open]")
    assert page.locator("#checker-start").is_visible()
    page.fill("#checker-birth", "2009-03-01")
    page.fill("#checker-start", "2025-01-01")
    page.fill("#checker-end", "2025-03-01")
    page.click("form[data-aftercare-checker] button[type=submit]")
    assert UI["en"]["checker_rule_short"] in page.locator("[data-checker-result]").inner_text()


def test_safety_bar_on_every_page_in_every_language(built_site, config):
    for lang, pages in built_pages(built_site, config).items():
        for path in pages:
            html = soup(path)
            exit_link = html.select_one(".safety-bar a[data-quick-exit]")
            assert exit_link is not None and exit_link.get_text(strip=True) == UI[lang]["quick_exit"], path
            assert exit_link["href"] == EXIT
            help_link = html.select_one(".safety-bar__help a")
            assert help_link.get_text(strip=True) == UI[lang]["help_now_call"], path
            assert help_link["href"].endswith(config.addresses.page(lang, "help-and-contacts.md", "emergency")), path


def test_help_now_link_goes_to_emergency_help(server, page_factory):
    page = page_factory("en-GB")
    page.goto(server + "en/placement/")
    page.click(".safety-bar__help a >> nth=0")
    assert page.url == server + "en/help-and-contacts/#emergency"
    assert page.locator("#emergency").is_visible()


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_glossary_terms_are_explained_in_the_page_language(built_site, server, page_factory, lang, prefix):
    links = soup(built_site / prefix / "aftercare" / "index.html").select('article a[href*="glossary/#"]')
    assert links
    glossary = soup(built_site / prefix / "glossary" / "index.html")
    for a in links:
        term = a["href"].split("#")[1]
        heading = glossary.find(id=term)
        entry = heading.find_next("p").get_text(" ", strip=True)
        title = a.get("title") or ""
        # the Finnish term as letters give it (the entry's "In Finnish:" line), then the
        # entry's first sentence; Finnish entries are Finnish already and have no such line
        finnish = heading.find_next("span", lang="fi")
        if lang != "fi":
            assert finnish is not None, (lang, term)
            finnish_term = finnish.get_text(strip=True) + ": "
            assert title.startswith(finnish_term), (lang, term, title)
            title = title[len(finnish_term):]
        assert title and entry.startswith(title[:-1]), (lang, term, a.get("title"))
    page = page_factory(f"{lang}-FI")
    page.goto(server + prefix + "aftercare/")
    page.locator('article a[href*="glossary/#aftercare"]').first.hover()
    tooltip = page.locator(".md-tooltip2, .md-tooltip").filter(has_text=links[0]["title"][:20])
    tooltip.first.wait_for(state="visible", timeout=3000)


def test_copy_link_gives_the_stable_url_of_the_section(server, browser):
    context = browser.new_context(locale="sv-FI")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.rstrip("/"))
    page = context.new_page()
    page.goto(server + "fi/aftercare/")
    link = page.locator("#who-is-entitled a.headerlink")
    assert link.get_attribute("aria-label").startswith(UI["fi"]["copy_link"])
    page.hover("#who-is-entitled")
    link.click()
    page.wait_for_function("document.getElementById('copy-link-status').textContent.length > 0")
    assert page.evaluate("navigator.clipboard.readText()") == server + "fi/aftercare/#who-is-entitled"
    context.close()


def test_links_for_letters_lists_every_page_and_section_in_every_language(built_site, config):
    for lang, prefix in LANGS:
        html = soup(built_site / prefix / "links-for-letters" / "index.html")
        hrefs = {a["href"] for a in html.select("article a")}
        where = config.addresses
        for name in config.nav_files:
            for code in config.codes:
                url = where.url(where.page(code, name))
                if (config.docs_dir / code / name).is_file():
                    assert url in hrefs, (lang, code, name)
                else:  # an untranslated page of a partial language: no link to a fallback
                    assert url not in hrefs, (lang, code, name)
        assert where.url(where.page("fi", "aftercare.md", "who-is-entitled")) in hrefs
        assert config.site_url + "aftercare/#who-is-entitled" in hrefs


def test_printed_page_shows_address_qr_code_date_and_sources_without_navigation(server, page_factory):
    page = page_factory("sv-FI")
    page.goto(server + "aftercare/")
    page.emulate_media(media="print")
    for hidden in (".safety-bar", ".md-header", ".md-sidebar--primary", ".md-footer", "a[data-quick-exit]"):
        assert not page.locator(hidden).first.is_visible(), hidden
    block = page.locator(".print-url")
    assert block.is_visible()
    assert "https://lastensuojelu.example.org/aftercare/" in block.inner_text()
    assert block.locator("svg").is_visible()
    assert page.locator(".page-facts__reviewed").is_visible()
    assert page.locator(".page-facts__sources li").count() >= 1


def test_last_reviewed_and_sources_on_every_page(built_site, config):
    """In the language of the page's text: the reader's, or on a page not translated yet
    the language it is shown in (hooks/fallback_notice.py), marked with its lang."""
    for lang, pages in built_pages(built_site, config).items():
        for path in pages:
            facts = soup(path).select_one(".page-facts")
            assert facts is not None, path
            shown = facts.get("lang", lang)
            assert shown == lang or soup(path).select_one(f'.fallback-content[lang="{shown}"]'), path
            assert UI[shown]["last_reviewed"] in facts.get_text(), path
            assert facts.select(".page-facts__sources a"), path
