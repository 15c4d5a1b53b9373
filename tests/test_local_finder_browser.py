"""Help where you live, in a real browser (hooks/local_services.py,
overrides/assets/javascripts/local-finder.js): a reader types a municipality on the help page
and gets the county's social emergency contact, child welfare page and how to notify, in the
page's language, with tap-to-call numbers; by keyboard alone; at 390 px; right to left; from
an address staff send (?kunta=); and the list page works without JavaScript. Nothing is
requested from another host, and the data loads only when the field is used."""

from urllib.parse import urlparse

import pytest
import yaml

from conftest import CONFIG, ROOT
from sweep import audit

UI = {code: yaml.safe_load((ROOT / "locales" / f"{code}.yml").read_text(encoding="utf-8"))["ui"]
      for code in CONFIG.codes}
PREFIX = {code: "" if code == CONFIG.default else f"{code}/" for code in CONFIG.codes}


def help_page(server, page_factory, code, width=1280, **kwargs):
    page = page_factory("fi-FI", viewport={"width": width, "height": 900}, **kwargs)
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server + PREFIX[code] + "help-and-contacts/")
    page.wait_for_selector("[data-local-finder]:not([hidden])")
    return page, requests


def search(page, text):
    page.fill("#local-finder-input", text)
    page.wait_for_selector("#local-finder-found")
    return page.locator("[data-local-result]")


@pytest.mark.parametrize("code,typed,name,county", [
    ("fi", "jyvaskyla", "Jyväskylä", "Keski-Suomen hyvinvointialue"),
    ("sv", "Vasa", "Vaasa", "Pohjanmaan hyvinvointialue"),
    ("en", "HELSINGFORS", "Helsinki", "Helsingin kaupunki"),
    ("ru", "mariehamn", "Maarianhamina", "Kommunernas socialtjänst (Ahvenanmaa)"),
])
def test_typing_a_name_in_finnish_or_swedish_finds_the_county(server, page_factory, code, typed, name, county):
    page, _ = help_page(server, page_factory, code)
    result = search(page, typed)
    assert page.locator("#local-finder-found [lang=fi]").inner_text() == name
    text = result.inner_text()
    assert county in text
    for key in ("emergency", "families", "notify"):
        assert UI[code][f"local_{key}"] in text
    assert result.locator("a[href='tel:112']").count() == 1


def test_a_verified_number_is_a_tap_to_call_link_in_the_readers_language(server, page_factory):
    page, _ = help_page(server, page_factory, "fi")
    result = search(page, "Kervo")
    phone = result.locator(".local-contact__phone").first
    assert phone.inner_text() == "09 4191 5800"
    assert phone.get_attribute("href") == "tel:+358941915800"
    assert UI["fi"]["local_after_hours"] in result.inner_text()
    assert "arkisin klo 8–15" in result.inner_text()  # the notification line's phone hours


def test_keyboard_only_label_and_choices(server, page_factory):
    page, _ = help_page(server, page_factory, "sv")
    field = page.get_by_label(UI["sv"]["local_label"])
    assert field.get_attribute("id") == "local-finder-input"
    field.focus()
    page.keyboard.type("pyh")
    page.keyboard.press("Enter")
    page.wait_for_selector(".local-finder__choices button")
    assert page.locator(".local-finder__choices button").count() == 5  # Pyhtää, Pyhäjoki, Pyhäjärvi, Pyhäntä, Pyhäranta
    page.keyboard.press("Tab")  # from the field: the search button, then the first choice
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.local-finder__choices') !== null")
    page.keyboard.press("Enter")
    page.wait_for_selector("#local-finder-found")
    assert page.evaluate("document.activeElement.id") == "local-finder-found"
    assert page.locator("[data-local-result]").get_attribute("aria-live") == "polite"


def test_no_match_says_so_and_offers_the_list(server, page_factory):
    page, _ = help_page(server, page_factory, "en")
    page.fill("#local-finder-input", "Stockholm")
    page.wait_for_selector("[data-local-result] a")
    assert "Stockholm" in page.locator("[data-local-result]").inner_text()
    assert page.locator("[data-local-result] a").get_attribute("href") == "../local-services/"


def test_the_data_loads_only_when_used_and_nothing_leaves_the_site(server, page_factory):
    page, requests = help_page(server, page_factory, "fi")
    assert not [u for u in requests if "/assets/local/" in u]
    search(page, "Kuopio")
    assert len([u for u in requests if "/assets/local/" in u]) == 1
    hosts = {urlparse(u).netloc for u in requests if not u.startswith("data:")}
    assert hosts == {urlparse(server).netloc}


def test_staff_can_link_a_family_to_their_area(server, page_factory):
    page = page_factory("sv-FI")
    page.goto(server + "help-and-contacts/?kunta=kerava")
    page.wait_for_selector("#local-finder-found")
    assert page.input_value("#local-finder-input") == "Kerava"
    assert "Vantaan ja Keravan hyvinvointialue" in page.locator("[data-local-result]").inner_text()


@pytest.mark.parametrize("code", ["ar", "fa"])
def test_right_to_left_at_390_px(server, page_factory, code):
    page, _ = help_page(server, page_factory, code, width=390)
    result = search(page, "Kerava")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    phone = result.locator(".local-contact__phone").first
    assert phone.get_attribute("dir") == "ltr"
    assert UI[code]["local_emergency"] in result.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert audit(page) == []


@pytest.mark.parametrize("code", ["fi", "sv"])
def test_axe_with_a_result_at_390_px(server, page_factory, code):
    page, _ = help_page(server, page_factory, code, width=390)
    search(page, "Jyväskylä")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert audit(page) == []


@pytest.mark.parametrize("code", ["sv", "ar"])
def test_the_list_works_without_javascript(server, page_factory, code):
    page = page_factory("sv-FI", java_script_enabled=False, viewport={"width": 390, "height": 900})
    page.goto(server + PREFIX[code] + "local-services/#kerava")
    assert page.locator("li#kerava").inner_text() == "Kerava – Kervo"
    assert page.locator(".local-list__municipalities li").count() == 309
    assert page.locator(".local-list__county").count() == 23
    county = page.locator("#county-vantaa-kerava")
    assert county.locator("a[href='tel:+358941915800']").count() == 1
    assert UI[code]["local_checked"] in county.inner_text()
    # the help page's link to the list works without JavaScript too; the finder stays hidden
    page.goto(server + PREFIX[code] + "help-and-contacts/")
    assert page.locator("[data-local-finder]").is_hidden()
    assert page.locator(".local-finder__list a").get_attribute("href") == "../local-services/"


def test_the_composer_adds_the_familys_area_to_the_letter(server, page_factory):
    """Staff: the links-for-letters composer adds a county's contacts, one line per language,
    with the complete address of the county on the list page (portal/addresses.py)."""
    page = page_factory("fi-FI")
    page.goto(server + "fi/links-for-letters/")
    page.wait_for_selector("[data-links-composer]:not([hidden])")
    page.select_option("[data-composer-page]", "aftercare")
    page.select_option("[data-composer-area]", "vantaa-kerava")
    page.wait_for_function("document.querySelectorAll('[data-composer-block] p').length === 4")
    lines = page.locator("[data-composer-block] p").all_inner_texts()
    site = CONFIG.site_url.rstrip("/")
    assert lines[2] == ("Sosiaalipäivystys (Vantaan ja Keravan hyvinvointialue – Vanda och Kervo välfärdsområde): "
                        "09 4191 5800 (iltaisin, öisin ja viikonloppuisin). Kaikki kunnat ja niiden yhteystiedot: "
                        f"{site}/fi/local-services/#county-vantaa-kerava")
    assert lines[3].startswith("Socialjouren (Vantaan ja Keravan hyvinvointialue – Vanda och Kervo välfärdsområde): "
                               "09 4191 5800 (kvällar, nätter och veckoslut).")
    assert lines[3].endswith(f"{site}/local-services/#county-vantaa-kerava")
    page.select_option("[data-composer-area]", "helsinki")  # no verified number: only the address
    page.wait_for_function("document.querySelector('[data-composer-block]').innerText.includes('county-helsinki')")
    assert page.locator("[data-composer-block] p").all_inner_texts()[2] == (
        "Sosiaalipäivystys (Helsingin kaupunki – Helsingfors stad): Kaikki kunnat ja niiden yhteystiedot: "
        f"{site}/fi/local-services/#county-helsinki")
