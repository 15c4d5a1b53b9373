"""Fact parity: a number, phone number, date, law reference, e-mail or address of another
site that differs between a translation and its source fails, naming the file, the line,
the section and both values. Fixtures: one small page in sv (source), fi, en and ar."""

import datetime as dt

import check_translations
import pytest
from helpers import edit, translation_site

from portal import facts, translations
from portal.history import History

TODAY = dt.date(2026, 11, 30)

PAGES = {
    "sv": """---
title: Eftervård
description: Om eftervård.
last_reviewed: 2026-11-23
sources:
  - title: Barnskyddslag (417/2007) 75–77 §
    url: https://www.finlex.fi/sv/laki/ajantasa/2007/20070417
---

# Eftervård

## Vem har rätt? {#who-is-entitled}

Du har rätt till eftervård tills du fyller 23 år. Beslutet kommer inom 7 arbetsdagar.

## Hjälp {#help}

Ring 0800 96 116 eller skriv till kirjaamo@example.fi. Reglerna gäller från den 1 februari 2026
([lagen](https://www.finlex.fi/sv/laki/ajantasa/2007/20070417), 76 a §).
""",
    "fi": """---
title: Jälkihuolto
description: Jälkihuollosta.
last_reviewed: 2026-11-23
sources:
  - title: Lastensuojelulaki (417/2007) 75–77 §
    url: https://www.finlex.fi/fi/laki/ajantasa/2007/20070417
---

# Jälkihuolto

## Kenellä on oikeus? {#who-is-entitled}

Sinulla on oikeus jälkihuoltoon, kunnes täytät 23 vuotta. Päätös tulee 7 arkipäivän kuluessa.

## Apua {#help}

Soita 0800 96 116 tai kirjoita osoitteeseen kirjaamo@example.fi. Säännöt ovat voimassa 1.2.2026 alkaen
([laki](https://www.finlex.fi/fi/laki/ajantasa/2007/20070417), 76 a §).
""",
    "en": """---
title: Aftercare
description: About aftercare.
last_reviewed: 2026-11-23
sources:
  - title: Child Welfare Act (417/2007) sections 75–77
    url: https://www.finlex.fi/fi/laki/ajantasa/2007/20070417
---

# Aftercare

## Who is entitled? {#who-is-entitled}

You have a right to aftercare until your 23rd birthday. The decision comes within 7 working days.

## Help {#help}

Call 0800 96 116 or write to kirjaamo@example.fi. The rules apply from 1 February 2026
([the act](https://www.finlex.fi/fi/laki/ajantasa/2007/20070417), section 76 a).
""",
    "ar": """---
title: الرعاية اللاحقة
description: عن الرعاية اللاحقة.
last_reviewed: 2026-11-23
translated_from: en
translated_on: 2026-11-23
sources:
  - title: قانون حماية الطفل (417/2007) المواد 75–77
    url: https://www.finlex.fi/fi/laki/ajantasa/2007/20070417
---

# الرعاية اللاحقة

## من يحق له؟ {#who-is-entitled}

يحق لك الحصول على الرعاية اللاحقة حتى تبلغ الـ23. يصدر القرار خلال 7 أيام عمل.

## المساعدة {#help}

اتصل بالرقم 0800 96 116 أو اكتب إلى kirjaamo@example.fi. تسري القواعد اعتبارًا من 1 فبراير 2026
([القانون](https://www.finlex.fi/fi/laki/ajantasa/2007/20070417)، المادة 76 a).
""",
}


@pytest.fixture
def site(tmp_path):
    for code, text in PAGES.items():
        (tmp_path / "docs" / code).mkdir(parents=True)
        (tmp_path / "docs" / code / "aftercare.md").write_text(text, encoding="utf-8")
    config = translation_site(tmp_path, list(PAGES))
    for code in ("fi", "en", "ar"):
        check_translations.stamp(tmp_path / "docs" / code / "aftercare.md", config, TODAY)
    return tmp_path, config


def errors(site):
    root, config = site
    report = translations.check(config, TODAY, History(root, TODAY))
    return report.errors


def test_the_same_facts_in_four_languages_and_three_date_formats_pass(site):
    assert errors(site) == []


def test_an_age_changed_in_a_full_language_only(site):
    edit(site[0] / "docs" / "fi" / "aftercare.md", "kunnes täytät 23 vuotta", "kunnes täytät 25 vuotta")
    assert errors(site) == [
        "docs/fi/aftercare.md:15: section #who-is-entitled: number '25' here, but '23' in docs/sv/aftercare.md:14; "
        "a fact is the same in every language"
    ]


def test_a_mistyped_phone_number(site):
    edit(site[0] / "docs" / "en" / "aftercare.md", "Call 0800 96 116", "Call 0800 96 161")
    assert errors(site) == [
        "docs/en/aftercare.md:19: section #help: number '0800 96 161' here, but '0800 96 116' in "
        "docs/sv/aftercare.md:18; a fact is the same in every language"
    ]


def test_working_days_changed_in_a_partial_language(site):
    edit(site[0] / "docs" / "ar" / "aftercare.md", "خلال 7 أيام عمل", "خلال 14 أيام عمل")
    assert errors(site) == [
        "docs/ar/aftercare.md:17: section #who-is-entitled: number '14' here, but '7' in docs/sv/aftercare.md:14; "
        "a fact is the same in every language"
    ]


def test_another_date(site):
    edit(site[0] / "docs" / "en" / "aftercare.md", "from 1 February 2026", "from 1 March 2026")
    assert errors(site) == [
        "docs/en/aftercare.md:19: section #help: date '1 March 2026' here, but '1 februari 2026' in "
        "docs/sv/aftercare.md:18; a fact is the same in every language"
    ]


def test_a_law_section_a_mail_address_and_a_link_elsewhere(site):
    path = site[0] / "docs" / "fi" / "aftercare.md"
    edit(path, "76 a §", "77 §")
    edit(path, "kirjaamo@example.fi", "kirjaamo@example.com")
    edit(path, "https://www.finlex.fi/fi/laki/ajantasa/2007/20070417)", "https://www.finlex.fi/fi/laki/ajantasa/2007/20070471)")
    assert errors(site) == [
        "docs/fi/aftercare.md:19: section #help: email 'kirjaamo@example.com' here, but 'kirjaamo@example.fi' in "
        "docs/sv/aftercare.md:18; a fact is the same in every language",
        "docs/fi/aftercare.md:20: section #help: number '77' here, but '76 a' in docs/sv/aftercare.md:19; "
        "a fact is the same in every language",
        "docs/fi/aftercare.md:20: section #help: url 'https://www.finlex.fi/fi/laki/ajantasa/2007/20070471' here, "
        "but 'https://www.finlex.fi/sv/laki/ajantasa/2007/20070417' in docs/sv/aftercare.md:19; a fact is the same "
        "in every language",
    ]


def test_a_fact_missing_from_a_translation_and_one_in_the_sources(site):
    path = site[0] / "docs" / "en" / "aftercare.md"
    edit(path, " The decision comes within 7 working days.", "")
    edit(path, "(417/2007)", "(417/2008)")
    assert errors(site) == [
        "docs/en/aftercare.md:13: section #who-is-entitled: lacks number '7' that docs/sv/aftercare.md:14 has",
        "docs/en/aftercare.md:5: the sources: law '417/2008' here, but '417/2007' in docs/sv/aftercare.md:5; "
        "a fact is the same in every language",
    ]


def test_a_number_changed_in_swedish_only_fails_in_every_translation(site):
    edit(site[0] / "docs" / "sv" / "aftercare.md", "inom 7 arbetsdagar", "inom 10 arbetsdagar")
    assert [e.split(":")[0] for e in errors(site)] == ["docs/fi/aftercare.md", "docs/en/aftercare.md",
                                                       "docs/ar/aftercare.md"]


def test_stamping_does_not_make_a_disagreeing_translation_pass(site):
    path = site[0] / "docs" / "fi" / "aftercare.md"
    edit(path, "kunnes täytät 23 vuotta", "kunnes täytät 25 vuotta")
    check_translations.stamp(path, site[1], TODAY)
    assert len(errors(site)) == 1


def test_an_exception_with_a_reason_is_allowed_and_reported(site):
    root, config = site
    path = root / "docs" / "fi" / "aftercare.md"
    edit(path, "Soita 0800 96 116", "Soita 0800 96 116 tai 09 123 4567")
    edit(path, "sources:\n", "fact_exceptions:\n  - section: help\n    value: 09 123 4567\n"
                             "    reason: a line that answers only in Finnish\nsources:\n")
    report = translations.check(config, TODAY, History(root, TODAY))
    assert report.errors == []
    assert report.exceptions == [
        "docs/fi/aftercare.md:5: #help: '09 123 4567' may differ from docs/sv/aftercare.md: "
        "a line that answers only in Finnish"
    ]


def test_an_exception_that_matches_nothing_or_lacks_a_reason_fails(site):
    path = site[0] / "docs" / "fi" / "aftercare.md"
    edit(path, "sources:\n", "fact_exceptions:\n  - section: help\n    value: 09 123 4567\n    reason: old line\n"
                             "  - section: help\n    value: 112\nsources:\n")
    assert errors(site) == [
        "docs/fi/aftercare.md:5: fact exception 2 needs 'section:', 'value:' and 'reason:', like\n"
        "  - section: helplines\n    value: 09 123 4567\n    reason: a line that exists only in Finnish",
        "docs/fi/aftercare.md:5: fact exception for '09 123 4567' in #help matches no difference from "
        "docs/sv/aftercare.md; remove it",
    ]


@pytest.mark.parametrize("lang, text, expected", [
    ("sv", "den 1 februari 2026", ("date", "2026-02-01")),
    ("fi", "1. helmikuuta 2026", ("date", "2026-02-01")),
    ("fi", "1.2.2026", ("date", "2026-02-01")),
    ("en", "February 1, 2026", ("date", "2026-02-01")),
    ("ru", "1 февраля 2026 г.", ("date", "2026-02-01")),
    ("fa", "4 مه 2026", ("date", "2026-05-04")),
    ("en", "2026-02-01", ("date", "2026-02-01")),
    ("en", "650,000", ("number", "650000")),
    ("sv", "650 000", ("number", "650000")),
    ("en", "the 23rd birthday", ("number", "23")),
    ("ar", "الـ23", ("number", "23")),
    ("fa", "۲۳ سال", ("number", "23")),
    ("sv", "HE 56/2023", ("law", "56/2023")),
    ("en", "section 76 a", ("number", "76a")),
    ("sv", "76 a §", ("number", "76a")),
    ("fi", "klo 9.00", ("number", "9")),
    ("ru", "до 24:00", ("number", "24")),
    ("sv", "HFD 2016:92", ("law", "2016:92")),
    ("fi", "KHO:2016:92", ("law", "2016:92")),
])
def test_values_written_the_way_each_language_writes_them(lang, text, expected):
    found = facts.facts_of_text(text, 1, lang)
    assert [(f.kind, f.value) for f in found] == [expected]


def test_the_language_part_of_an_address_and_listed_equivalents(tmp_path):
    assert facts.comparable_url("https://www.finlex.fi/sv/laki/x", None) == facts.comparable_url(
        "https://finlex.fi/fi/laki/x/", None)
    listed = tmp_path / "url-equivalents.yml"
    listed.write_text("- what: a page\n  urls:\n    - https://thl.fi/sv/a\n    - https://thl.fi/b\n", encoding="utf-8")
    assert facts.comparable_url("https://thl.fi/b", listed) == facts.comparable_url("https://thl.fi/sv/a", listed)
    assert facts.comparable_url("https://thl.fi/c", listed) != facts.comparable_url("https://thl.fi/sv/a", listed)
