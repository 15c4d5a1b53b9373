"""The law pages in Chromium: from the aftercare page a reader opens 75 § of the Child
Welfare Act in Finnish and Swedish with JavaScript off; the section opened is marked;
on a phone the two texts stand one after the other and nothing scrolls sideways; in
print both texts are there; Arabic lays the page out right to left with the texts left
to right. Screenshots of what the tests saw go to $SCREENSHOTS or pytest's tmp folder
(see tests/test_rtl_browser.py)."""

import os
from pathlib import Path

import pytest

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    if os.environ.get("SCREENSHOTS"):
        folder = Path(os.environ["SCREENSHOTS"])
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return tmp_path_factory.mktemp("law-screenshots")


@pytest.mark.parametrize("prefix", ["fi/", "ar/"])
def test_75_opens_from_the_aftercare_page_without_javascript(server, page_factory, shots, prefix):
    page = page_factory(java_script_enabled=False, viewport=PHONE)
    page.goto(server + prefix + "aftercare/")
    page.locator('a.law-ref[href$="#417-2007-75"]').first.click()
    page.wait_for_load_state()
    assert page.url == f"{server}{prefix}law/417-2007-51/#417-2007-75"
    section = page.locator('[id="417-2007-75"]')
    assert section.evaluate("s => s.matches(':target')")
    assert "Jälkihuoltoa voidaan järjestää myös muulle" in section.locator('.law-text[lang="fi"]').inner_text()
    assert "Eftervård kan också ordnas för en annan" in section.locator('.law-text[lang="sv"]').inner_text()
    # 3 mom. as amended by 1283/2023, in force 2024-01-01: the age limit the page's claim rests on
    assert "päättyy viimeistään, kun nuori täyttää 23 vuotta" in section.locator('.law-text[lang="fi"]').inner_text()
    assert "upphör senast när den unga personen fyller 23 år" in section.locator('.law-text[lang="sv"]').inner_text()
    assert "— — —" not in section.inner_text()
    # (no sideways check here: without JavaScript the language menu of every page is wider
    # than a phone; the phone layout is checked below with it)


@pytest.mark.parametrize("prefix", ["fi/", "ar/"])
def test_on_a_phone_the_texts_stand_one_after_the_other(server, page_factory, shots, prefix):
    page = page_factory(viewport=PHONE)
    page.goto(f"{server}{prefix}law/417-2007-51/#417-2007-75")
    section = page.locator('[id="417-2007-75"]')
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    fi_box, sv_box = (section.locator(f'.law-text[lang="{c}"]').bounding_box() for c in ("fi", "sv"))
    assert sv_box["y"] >= fi_box["y"] + fi_box["height"] - 1  # one after the other on a phone
    if prefix == "ar/":
        assert page.evaluate("getComputedStyle(document.querySelector('.md-content')).direction") == "rtl"
        assert section.locator('.law-text[lang="fi"]').evaluate("e => getComputedStyle(e).direction") == "ltr"
    page.screenshot(path=str(shots / f"law-75-{prefix.strip('/')}-390.png"))


def test_the_texts_print(server, page_factory):
    page = page_factory(java_script_enabled=False)
    page.goto(server + "fi/law/417-2007-51/")
    page.emulate_media(media="print")
    for code in ("fi", "sv"):
        text = page.locator(f'[id="417-2007-75"] .law-text[lang="{code}"]')
        assert text.is_visible()
    assert page.locator(".md-sidebar--primary").evaluate("e => getComputedStyle(e).display") == "none"


def test_with_javascript_an_address_of_a_section_opens_it_without_an_error(server, page_factory):
    """Material's scripts read the address's #fragment: an id that starts with a digit must
    not break them (a CSS selector cannot start with one)."""
    page = page_factory()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server + "fi/law/417-2007-51/#417-2007-75")
    page.wait_for_load_state("load")
    page.locator('a[href$="#417-2007-76a"]').count()
    page.goto(server + "fi/law/#703-2023-51")
    page.wait_for_load_state("load")
    assert errors == []
    assert page.locator('[id="703-2023-51"]').evaluate("s => s.matches(':target')")


def test_an_address_first_published_on_the_index_lands_marked_one_click_from_the_text(server, page_factory):
    """/law/#621-1999-24 was on letters before the Openness Act got pages of its own."""
    page = page_factory(java_script_enabled=False, viewport=PHONE)
    page.goto(server + "fi/law/#621-1999-24")
    entry = page.locator('[id="621-1999-24"]')
    assert entry.evaluate("e => e.matches(':target')")
    assert entry.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"  # marked, not only scrolled to
    entry.click()
    page.wait_for_load_state()
    assert page.url == server + "fi/law/621-1999-24/#621-1999-24"
    assert "Salassa pidettäviä" in page.locator('[id="621-1999-24"] .law-text[lang="fi"]').inner_text()
