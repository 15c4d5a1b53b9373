"""The one address rule (portal/addresses.py): pages, sections, homes, and back again."""

from pathlib import Path

import pytest

from portal import addresses
from portal.docs_model import Heading

SITE = addresses.Addresses("sv", ("sv", "fi", "en", "ar"), "https://lastensuojelu.test/")
UNDER = addresses.Addresses("sv", ("sv", "fi"), "https://example.test/lastensuojelu/")


@pytest.mark.parametrize("lang, name, section, address", [
    ("sv", "index.md", None, "/"),
    ("fi", "index.md", None, "/fi/"),
    ("fi", "aftercare.md", None, "/fi/aftercare/"),
    ("fi", "aftercare.md", "who-is-entitled", "/fi/aftercare/#who-is-entitled"),
    ("sv", "easy/index.md", None, "/easy/"),  # not /easy/index/: the composer's old 404
    ("en", "easy/aftercare.md", None, "/en/easy/aftercare/"),
])
def test_the_address_of_a_page_and_a_section(lang, name, section, address):
    assert SITE.page(lang, name, section) == address


def test_absolute_addresses_and_links_under_a_folder():
    assert SITE.url("/fi/aftercare/#x") == "https://lastensuojelu.test/fi/aftercare/#x"
    assert SITE.href("/fi/aftercare/") == "/fi/aftercare/"
    assert UNDER.url("/fi/") == "https://example.test/lastensuojelu/fi/"
    assert UNDER.href("/fi/") == "/lastensuojelu/fi/"
    assert UNDER.split("/lastensuojelu/fi/aftercare/#x") == ("fi", "aftercare/", "x")


@pytest.mark.parametrize("address, parts", [
    ("/", ("sv", "", "")),
    ("/fi/", ("fi", "", "")),
    ("/fi", ("fi", "", "")),
    ("/fi/easy/#help-now", ("fi", "easy/", "help-now")),
    ("/finland/", ("sv", "finland/", "")),  # a folder that only starts like a language
    ("/aftercare/", ("sv", "aftercare/", "")),
])
def test_an_address_splits_into_language_page_and_section(address, parts):
    assert SITE.split(address) == parts


def test_the_same_page_in_another_language():
    assert SITE.in_language("/fi/aftercare/#x", "sv") == "/aftercare/#x"
    assert SITE.in_language("/", "ar") == "/ar/"


def test_built_files_and_their_addresses(tmp_path):
    site = tmp_path / "site"
    assert SITE.file(site, "/fi/aftercare/#x") == site / "fi" / "aftercare" / "index.html"
    assert SITE.file(site, "/") == site / "index.html"
    assert SITE.file(site, "/fi/404.html") == site / "fi" / "404.html"
    assert SITE.of_file(site, site / "fi" / "aftercare" / "index.html") == "/fi/aftercare/"
    assert SITE.of_file(site, site / "index.html") == "/"
    assert SITE.of_file(site, Path(site / "fi" / "404.html")) == "/fi/404.html"


def test_staff_are_offered_the_second_level_sections_with_ids_but_the_two_every_page_has():
    headings = [Heading(1, "Eftervård", None, 5), Heading(2, "Vem har rätt?", "who-is-entitled", 9),
                Heading(2, "Utan id", None, 12), Heading(3, "Detalj", "detail", 14),
                Heading(2, "Lagstiftning", "legal-basis", 20), Heading(2, "Relaterade sidor", "related-pages", 25)]
    assert [h.id for h in addresses.offered_sections(headings)] == ["who-is-entitled"]
