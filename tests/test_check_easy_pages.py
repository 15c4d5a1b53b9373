"""Easy-language pages against their standard pages: each fact an easy page adds gives its
exact complaint, with file and line. Fixtures: a small standard page and its easy page in
Swedish, one kind of added fact per test (portal/easy_pages.py, scripts/check_easy_pages.py)."""

import os
import subprocess
import sys

import pytest
from conftest import CONFIG, ROOT
from helpers import translation_site

from portal import checks, easy_pages

STANDARD = """---
title: Eftervård
description: Om eftervård.
last_reviewed: 2026-11-30
sources:
  - title: Barnskyddslag (417/2007) 75–77 §
    url: https://www.finlex.fi/sv/laki/ajantasa/2007/20070417
---

# Eftervård

## Vem har rätt? {#who-is-entitled}

Du var placerad ensam i minst 6 månader. Rätten tar slut när du fyller 23 år.
Lagen sänkte åldern från 25 till 23 år den 1 januari 2024.

## Hjälp {#help}

1. Ring 0800 96 116 eller skriv till eftervard@example.fi.
2. Sedan 1.2.2026 söker du först studielån (76 a §, [FPA](https://www.kela.fi/sv/studiestod)).
"""

# the same facts, told in other places and written in other ways
EASY = """---
title: Hjälp efter placeringen
description: Eftervård med lätta ord.
last_reviewed: 2026-11-30
sources:
  - title: Barnskyddslag (417/2007)
    url: https://www.finlex.fi/sv/laki/ajantasa/2007/20070417
---

# Hjälp efter placeringen

## Hur länge? {#how-long}

Hjälpen slutar när du fyller 23 år.
Förr var gränsen 25 år.
Lagen ändrades år 2024.

## Vem kan jag ringa? {#who-to-call}

1. Ring 0800 961 16.
2. Skriv till Eftervard@example.fi.
3. Fråga om studielån. Regeln gäller sedan 1 februari 2026.
4. Läs mer på [FPA:s webbplats](https://www.kela.fi/fi/studiestod).
"""

COMPLAINT = ("is not on the standard page docs/sv/aftercare.md; an easy page may leave facts out, never add one: "
             "write it as docs/sv/aftercare.md does, or leave it out (a new fact goes on the standard page first, "
             "with its source in facts/)")


@pytest.fixture
def site(tmp_path):
    (tmp_path / "docs" / "sv" / "easy").mkdir(parents=True)
    (tmp_path / "docs" / "sv" / "aftercare.md").write_text(STANDARD, encoding="utf-8")
    (tmp_path / "docs" / "sv" / "easy" / "aftercare.md").write_text(EASY, encoding="utf-8")
    return tmp_path, translation_site(tmp_path, ["sv"])


def with_easy(site, old, new):
    """The easy page with one line changed; the complaints of the whole check."""
    root, config = site
    path = root / "docs" / "sv" / "easy" / "aftercare.md"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return easy_pages.check(config)[0]


def test_an_easy_page_with_the_facts_of_its_standard_page_passes(site):
    # other sections, other spacing of the phone number, another date format, the e-mail in
    # capitals, the site in another language, a year of a dated change, list numbers 3 and 4
    assert easy_pages.check(site[1]) == ([], 1)


def test_a_number_the_standard_page_lacks(site):
    """The case of issue #26: a number on the easy page that its standard page does not have."""
    assert with_easy(site, "Förr var gränsen 25 år.", "Förr var gränsen 21 år.") == [
        f"docs/sv/easy/aftercare.md:15: number '21' {COMPLAINT}"]


def test_a_changed_phone_number(site):
    assert with_easy(site, "1. Ring 0800 961 16.", "1. Ring 0800 96 117.") == [
        f"docs/sv/easy/aftercare.md:20: number '0800 96 117' {COMPLAINT}"]


def test_a_section_number_the_standard_page_lacks(site):
    assert with_easy(site, "Fråga om studielån.", "Fråga om studielån, 76 b §.") == [
        f"docs/sv/easy/aftercare.md:22: number '76 b' {COMPLAINT}"]


def test_a_law_the_standard_page_lacks(site):
    assert with_easy(site, "Fråga om studielån.", "Fråga om studielån, lag 1412/1997.") == [
        f"docs/sv/easy/aftercare.md:22: law '1412/1997' {COMPLAINT}"]


def test_another_date(site):
    assert with_easy(site, "sedan 1 februari 2026", "sedan 1 mars 2026") == [
        f"docs/sv/easy/aftercare.md:22: date '1 mars 2026' {COMPLAINT}"]


def test_a_year_with_no_date_of_that_year_on_the_standard_page(site):
    assert with_easy(site, "Lagen ändrades år 2024.", "Lagen ändrades år 2023.") == [
        f"docs/sv/easy/aftercare.md:16: number '2023' {COMPLAINT}"]


def test_another_email_address(site):
    assert with_easy(site, "Eftervard@example.fi", "hjalp@example.fi") == [
        f"docs/sv/easy/aftercare.md:21: email 'hjalp@example.fi' {COMPLAINT}"]


def test_another_site(site):
    assert with_easy(site, "https://www.kela.fi/fi/studiestod", "https://www.kela.fi/fi/bostadsbidrag") == [
        f"docs/sv/easy/aftercare.md:23: url 'https://www.kela.fi/fi/bostadsbidrag' {COMPLAINT}"]


def test_a_fact_in_the_sources_of_the_easy_page(site):
    assert with_easy(site, "  - title: Barnskyddslag (417/2007)\n", "  - title: Barnskyddslag (417/2007) 90 §\n") == [
        f"docs/sv/easy/aftercare.md:5: number '90' {COMPLAINT}"]


def test_list_numbers_are_not_facts_but_a_number_in_the_item_is(site):
    assert with_easy(site, "4. Läs mer", "7. Läs mer om de 7 dagarna") == [
        f"docs/sv/easy/aftercare.md:23: number '7' {COMPLAINT}"]


def test_each_place_is_named(site):
    assert with_easy(site, "Hjälpen slutar när du fyller 23 år.", "Hjälpen slutar efter 4 år, vid 21 år.") == [
        f"docs/sv/easy/aftercare.md:14: number '4' {COMPLAINT}",
        f"docs/sv/easy/aftercare.md:14: number '21' {COMPLAINT}"]


def test_the_easy_index_is_held_to_the_home_page(site):
    root, config = site
    (root / "docs" / "sv" / "index.md").write_text("---\ntitle: Hem\n---\n\n# Hem\n\nRing 112.\n", encoding="utf-8")
    (root / "docs" / "sv" / "easy" / "index.md").write_text(
        "---\ntitle: Lättläst\n---\n\n# Lättläst\n\nRing 112.\nEller ring 116 111.\n", encoding="utf-8")
    assert easy_pages.check(config) == ([
        "docs/sv/easy/index.md:8: number '116 111' is not on the standard page docs/sv/index.md; an easy page may "
        "leave facts out, never add one: write it as docs/sv/index.md does, or leave it out (a new fact goes on "
        "the standard page first, with its source in facts/)"], 2)


def test_an_easy_page_without_a_standard_page(site):
    root, config = site
    (root / "docs" / "sv" / "easy" / "rights.md").write_text("---\ntitle: Rätt\n---\n\n# Rätt\n", encoding="utf-8")
    assert easy_pages.check(config)[0] == [
        "docs/sv/easy/rights.md:1: there is no standard page docs/sv/rights.md; an easy page tells the facts of "
        "the page with its name outside easy/: rename it after one, or write that page first"]


def test_the_easy_page_and_its_standard_page_name_each_other():
    assert [easy_pages.counterpart(n) for n in ("easy/aftercare.md", "aftercare.md", "easy/index.md", "index.md")] \
        == ["aftercare.md", "easy/aftercare.md", "index.md", "easy/index.md"]


def test_the_command_names_each_added_fact_and_fails(site):
    """The script people run (make check, the deploy), on a fixture site named by $MKDOCS_CONFIG."""
    root, _ = site
    with_easy(site, "Förr var gränsen 25 år.", "Förr var gränsen 21 år.")
    (root / "mkdocs.yml").write_text(
        "site_url: https://x.example/\nplugins:\n  - i18n:\n      languages:\n"
        "        - locale: sv\n          name: Svenska\n          default: true\n", encoding="utf-8")
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_easy_pages.py")], capture_output=True,
                         text=True, env={**os.environ, "MKDOCS_CONFIG": str(root / "mkdocs.yml")})
    assert run.returncode == 1
    assert run.stdout.splitlines() == [
        f"docs/sv/easy/aftercare.md:15: number '21' {COMPLAINT}",
        "check_easy_pages: 1 easy page(s) against their standard pages, 1 error(s)"]


def test_the_check_runs_where_the_other_checks_run():
    """One list of checks for `make check`, the deploy and the tests (portal/checks.py)."""
    assert "scripts/check_easy_pages.py" in checks.SOURCE_CHECKS


def test_real_docs_pass():
    errors, count = easy_pages.check(CONFIG)
    assert errors == []
    assert count == 21  # seven easy pages in sv, fi and en
