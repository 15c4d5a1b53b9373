"""The citation parser (portal/citations.py): every way the nine languages write a section,
and which act each number belongs to."""

import pytest

from portal import citations

ACTS = citations.load_acts()


def cited(text, act=None):
    return [(r.act, r.first, r.last, r.text) for r in citations.refs(text, ACTS, act)[0]]


@pytest.mark.parametrize("text, expected", [
    ("barnskyddslagen 76 a §", [("417/2007", "76a", None, "76 a §")]),
    ("lastensuojelulain 75 §", [("417/2007", "75", None, "75 §")]),
    ("Barnskyddslag (417/2007) 30 och 75–77 §",
     [("417/2007", "30", None, "30"), ("417/2007", "75", "77", "75–77 §")]),
    ("Child Welfare Act, section 34", [("417/2007", "34", None, "section 34")]),
    ("lastekaitseseaduse § 76 a", [("417/2007", "76a", None, "§ 76 a")]),
    ("Закон о защите детей, статья 76 a", [("417/2007", "76a", None, "статья 76 a")]),
    ("Закон про захист дітей, стаття 75", [("417/2007", "75", None, "стаття 75")]),
    ("قانون حماية الطفل، المادة 76 a", [("417/2007", "76a", None, "المادة 76 a")]),
    ("قانون حفاظت از کودکان، ماده 75", [("417/2007", "75", None, "ماده 75")]),
    ("Sharciga badbaadada carruurta, qodobka 75", [("417/2007", "75", None, "qodobka 75")]),
    ("75 § i barnskyddslagen", [("417/2007", "75", None, "75 §")]),
])
def test_every_language_form(text, expected):
    assert cited(text) == expected


def test_a_number_without_a_named_act_has_no_act():
    assert cited("Det ska ordna en bostad (35 §).") == [(None, "35", None, "35 §")]


def test_the_act_named_before_carries_on():
    assert cited("Se barnskyddslagen 34 §. Öppenvården kommer först (4 och 40 §).") == [
        ("417/2007", "34", None, "34 §"), ("417/2007", "4", None, "4"), ("417/2007", "40", None, "40 §")]


def test_numbers_that_are_not_sections_are_not_read():
    assert cited("HE 56/2023, KHO 2019:1, ring 112, lag 417/2007 och 25 år") == []


def test_a_link_to_finlex_names_its_act():
    refs, _ = citations.markdown_refs("[Socialvårdslag 29 §](https://www.finlex.fi/sv/laki/ajantasa/2014/20141301)",
                                      ACTS, "417/2007", 1)
    assert [(r.act, r.first) for r in refs] == [("1301/2014", "29")]


def test_the_anchor_of_a_section_is_the_same_in_every_language():
    assert citations.anchor("417/2007", citations.normal("76 a")) == "417-2007-76a"
