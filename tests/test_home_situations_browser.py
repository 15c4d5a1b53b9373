"""The home page's first screen offers the reader's situations as large links, in every
language (docs/<lang>/index.md, <div class="situations">), on a 390 x 844 phone."""

import urllib.request
from urllib.parse import urljoin, urlparse

import pytest

from conftest import CONFIG

PHONE = {"width": 390, "height": 844}
# Where each situation leads, in this order, in every language.
TARGETS = [
    "child-welfare-notification/#if-you-are-the-parent",
    "child-welfare-notification/#how-to-notify",
    "child-welfare-in-brief/#support-at-home",
    "placement/",
    "aftercare/",
    "child-welfare-notification/#who-must-notify",
    "help-and-contacts/",
]


def home(lang):
    return CONFIG.addresses.home(lang)


def situations(page):
    links = page.locator(".situations a")
    return [(links.nth(i).get_attribute("href"), links.nth(i).bounding_box()) for i in range(links.count())]


def assert_on_first_screen(page, lang):
    found = situations(page)
    assert len(found) == len(TARGETS), (lang, found)
    for href, box in found:
        assert box["y"] + box["height"] <= PHONE["height"], f"{lang}: {href} ends at {box['y'] + box['height']:.0f} px"
        assert box["height"] >= 44, f"{lang}: {href} is {box['height']:.0f} px high"
        assert box["width"] >= 300, f"{lang}: {href} is {box['width']:.0f} px wide"


@pytest.mark.parametrize("lang", CONFIG.codes)
def test_situations_on_the_first_screen_lead_to_their_pages(server, page_factory, lang):
    page = page_factory(f"{lang}-FI", viewport=PHONE)
    page.goto(server.rstrip("/") + home(lang))
    page.wait_for_load_state("load")
    assert page.locator(".language-banner:visible").count() == 0
    assert_on_first_screen(page, lang)
    for (href, _), target in zip(situations(page), TARGETS):
        url = urljoin(page.url, href)
        assert url == server.rstrip("/") + home(lang) + target, (lang, href)
        with urllib.request.urlopen(url.split("#")[0]) as response:
            assert response.status == 200
            body = response.read().decode("utf-8")
        fragment = urlparse(url).fragment
        if fragment:
            assert f'id="{fragment}"' in body, (lang, url)


def test_situations_stay_on_the_first_screen_under_the_language_banner(server, page_factory):
    page = page_factory("fi-FI", viewport=PHONE)
    page.goto(server)
    page.wait_for_load_state("load")
    assert page.locator(".language-banner:visible").count() == 1
    assert_on_first_screen(page, "sv with the Finnish banner")


def test_situations_are_columns_on_a_desktop(server, page_factory):
    page = page_factory("sv-FI", viewport={"width": 1280, "height": 800})
    page.goto(server)
    xs = {round(box["x"]) for _, box in situations(page)}
    assert 2 <= len(xs) <= 3, xs
