"""The statute texts assembled from the statute book (portal/statutes.py, portal/law.py):
an act, an amendment that replaces a section and a point of another, one that repeals a
section; the opening clause read; and the committed law/sections.yml is what the
committed sources give (and tests/test_check_citations.py shows the check of that failing
on a fixture whose law/sections.yml is stale)."""

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from law_fixture import AMENDMENT, ORIGINAL, REPEAL, act_xml, section, write
from portal import statutes

ROOT = Path(__file__).resolve().parent.parent


def assembled(tmp_path, *acts, missing=()):
    files = [statutes.read(p) for p in write(tmp_path, *acts)]
    return statutes.assemble(files, "100/2001", list(missing))


def test_an_act_as_enacted(tmp_path):
    sections = assembled(tmp_path, ORIGINAL)
    two = statutes.to_data(sections["2"])
    assert two == {"status": "in force", "heading": {"fi": "Jälkihuolto", "sv": "Eftervård"},
                   "text": {"fi": [["Jälkihuolto kestää 21 vuoteen."], ["Se on vapaaehtoista."]],
                            "sv": [["Eftervården varar till 21 år."], ["Den är frivillig."]]},
                   "acts": ["100/2001"], "since": "2002-01-01"}


def test_an_amendment_replaces_a_section_and_a_point(tmp_path):
    sections = assembled(tmp_path, ORIGINAL, AMENDMENT)
    two = statutes.to_data(sections["2"])
    assert two["text"]["fi"] == [["Jälkihuolto kestää 25 vuoteen."]]  # the whole section, its 2nd subsection gone
    assert two["text"]["sv"] == [["Eftervården varar till 25 år."]]
    assert (two["acts"], two["since"]) == (["100/2001", "200/2010"], "2010-03-01")
    three = statutes.to_data(sections["3"])
    assert three["text"]["fi"] == [["Ilmoitus on tehtävä."],
                                   ["Ilmoittaja voi olla kuka tahansa.", "1) opettaja;",
                                    "2) terveydenhuollon ammattihenkilö."]]
    assert three["text"]["sv"][1][2] == "2) yrkesutbildad person inom hälso- och sjukvården."
    assert "gaps" not in three


def test_a_repealed_section_is_recorded_with_the_act_that_repealed_it(tmp_path):
    sections = assembled(tmp_path, ORIGINAL, AMENDMENT, REPEAL)
    assert statutes.to_data(sections["1"]) == {"status": "repealed", "repealed_by": "300/2020", "since": "2020-07-01",
                                               "heading": {"fi": "Tarkoitus", "sv": "Syfte"}}
    assert statutes.to_data(sections["2"])["status"] == "in force"


def test_the_order_is_the_date_of_entry_into_force_not_the_order_of_the_files(tmp_path):
    files = [statutes.read(p) for p in write(tmp_path, REPEAL, AMENDMENT, ORIGINAL)]
    sections = statutes.assemble(list(reversed(files)), "100/2001")
    assert statutes.to_data(sections["2"])["acts"] == ["100/2001", "200/2010"]


def test_a_part_an_amendment_prints_without_its_earlier_text_is_a_gap(tmp_path):
    sections = assembled(tmp_path, AMENDMENT)  # the original act not in the sources
    three = statutes.to_data(sections["3"])
    assert three["text"]["fi"] == [["— — —"], ["— — —", "2) terveydenhuollon ammattihenkilö."]]
    assert three["gaps"] is True


def test_a_known_amendment_not_in_the_sources_blanks_the_parts_it_replaced(tmp_path):
    missing = statutes.Missing("100/2001", "the act based on HE 1/2024", dt.date(2024, 1, 1), {"2": [1]},
                               "not in the data set")
    two = statutes.to_data(assembled(tmp_path, ORIGINAL, missing=[missing])["2"])
    assert two["text"]["fi"] == [["— — —"], ["Se on vapaaehtoista."]]
    assert two["notes"] == ["the act based on HE 1/2024, in force 2024-01-01: not in the data set"]


def test_an_amendment_that_prints_fewer_parts_than_its_clause_names_is_refused(tmp_path):
    broken = {lang: text.replace("<saa:MomenttiKohtaKooste>2) ", "<saa:MomenttiKohtaKooste>")
              .replace("-|2) yrkes", "-|yrkes") for lang, text in AMENDMENT.items()}
    broken["fi"] = broken["fi"].replace("testilain (100/2001) 2 §", "testilain (100/2001) 1 ja 2 §")
    files = [statutes.read(p) for p in write(tmp_path, ORIGINAL, broken)]
    with pytest.raises(statutes.SourceError, match=r"a point without its number: 'terveydenhuollon"):
        statutes.assemble(files, "100/2001")


def test_an_act_in_one_language_only_is_refused(tmp_path):
    files = [statutes.read(p) for p in write(tmp_path, ORIGINAL, {"fi": AMENDMENT["fi"]})]
    with pytest.raises(statutes.SourceError, match=r"200/2010: the sources need it in Finnish and Swedish, have \['fi'\]"):
        statutes.assemble(files, "100/2001")


@pytest.mark.parametrize("clause, expected", [
    ("muutetaan lastensuojelulain (417/2007) 30, 60, 65–67 ja 75 §, sellaisina kuin niistä ovat 30 § osaksi laissa 1302/2014,",
     [("amend", "30", None), ("amend", "60", None), ("amend", "65", None), ("amend", "66", None),
      ("amend", "67", None), ("amend", "75", None)]),
    ("muutetaan lastensuojelulain (417/2007) 16 §:n otsikko sekä 1 ja 2 momentti, 16 a–16 c §, 77 §:n 2–4 momentti",
     [("amend", "16", ("heading",)), ("amend", "16", ("moment", 1)), ("amend", "16", ("moment", 2)),
      ("amend", "16a", None), ("amend", "16b", None), ("amend", "16c", None), ("amend", "77", ("moment", 2)),
      ("amend", "77", ("moment", 3)), ("amend", "77", ("moment", 4))]),
    ("muutetaan lastensuojelulain (417/2007) 90 §:n 1 momentin johdantokappale ja 2 momentti sekä 92 §:n 1 momentin "
     "johdantokappale ja 1 kohta seuraavasti:",
     [("amend", "90", ("intro", 1)), ("amend", "90", ("moment", 2)), ("amend", "92", ("intro", 1)),
      ("amend", "92", ("point", 1, 1))]),
    ("kumotaan lastensuojelulain (417/2007) 64 §, sellaisena kuin se on laissa 88/2010, muutetaan 30 § ja "
     "lisätään lakiin uusi 4 a ja 30 a § seuraavasti:",
     [("repeal", "64", None), ("amend", "30", None), ("add", "4a", None), ("add", "30a", None)]),
    ("lisätään lastensuojelulain (417/2007) 25 §:ään, sellaisena kuin se on laissa 88/2010, uusi 4 momentti seuraavasti:",
     [("add", "25", ("moment", 4))]),
])
def test_the_opening_clause(clause, expected):
    assert [(c.verb, c.section, c.part) for c in statutes.changes(clause, "417/2007")] == expected


def test_an_opening_clause_the_parser_does_not_know_is_refused():
    with pytest.raises(statutes.SourceError, match="unknown word 'virke'"):
        statutes.changes("muutetaan lastensuojelulain (417/2007) 25 §:n 1 momentin virke", "417/2007")


def test_the_committed_texts_are_what_the_committed_sources_give():
    done = subprocess.run([sys.executable, "scripts/build_law.py", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_an_amendment_whose_text_of_a_held_section_is_not_kept_makes_it_a_gap(tmp_path):
    """A source trimmed too far must not leave the outdated words standing as the law."""
    trimmed = {lang: text.replace(text[text.index('<saa:Pykala saa1:pykalaLuokitusKoodi="Pykala" '
                                                  'saa1:identifiointiTunnus="2 §">'):text.index(
                                  '<saa:Pykala saa1:pykalaLuokitusKoodi="Pykala" saa1:identifiointiTunnus="3 §">')], "")
               for lang, text in AMENDMENT.items()}
    two = statutes.to_data(assembled(tmp_path, ORIGINAL, trimmed)["2"])
    assert two["text"] == {"fi": [["— — —"]], "sv": [["— — —"]]}
    assert (two["acts"], two["since"], two["gaps"]) == (["100/2001", "200/2010"], "2010-03-01", True)
    assert two["notes"] == ["200/2010, in force 2010-03-01: changed this section; its text is not in law/sources/"]


def test_a_repeal_is_recorded_without_the_earlier_text(tmp_path):
    sections = assembled(tmp_path, REPEAL)  # the original act not in the sources
    assert statutes.to_data(sections["1"]) == {"status": "repealed", "repealed_by": "300/2020",
                                               "since": "2020-07-01"}


def test_a_repealed_subsection_stays_a_numbered_gap_and_a_repealed_point_goes(tmp_path):
    repeal_parts = {
        "fi": REPEAL["fi"].replace("kumotaan testilain (100/2001) 1 §",
                                   "kumotaan testilain (100/2001) 2 §:n 1 momentti ja 3 §:n 2 momentin 1 kohta"),
        "sv": REPEAL["sv"]}
    sections = assembled(tmp_path, ORIGINAL, repeal_parts)
    assert statutes.to_data(sections["2"])["text"]["fi"] == [["— — —"], ["Se on vapaaehtoista."]]
    assert statutes.to_data(sections["3"])["text"]["fi"][1] == ["Ilmoittaja voi olla kuka tahansa.", "2) lääkäri."]


def test_a_dashed_line_closing_a_subsection_printed_whole_is_the_rest_of_the_section(tmp_path):
    """How the statute book prints "muutetaan 3 §:n 2 momentti" when 3 § has more subsections."""
    amend = {lang: text.replace("testilain (100/2001) 2 § ja 3 §:n 2 momentin 2 kohta",
                                "testilain (100/2001) 2 § ja 3 §:n 2 momentti")
             .replace("<saa:MomenttiKohtaKooste>2) ", "<saa:MomenttiKohtaKooste>1) x;</saa:MomenttiKohtaKooste>"
                      "<saa:MomenttiKohtaKooste>2) ")
             .replace("</saa:MomenttiKohtaKooste></saa:KohdatMomentti></saa:Pykala>",
                      "</saa:MomenttiKohtaKooste><sis:Katkoviiva/></saa:KohdatMomentti></saa:Pykala>", 1)
             for lang, text in AMENDMENT.items()}
    amend["fi"] = amend["fi"].replace('<saa:KohdatMomentti><sis:Katkoviiva/>',
                                      '<saa:KohdatMomentti><saa:MomenttiJohdantoKooste>Ilmoittaja:</saa:MomenttiJohdantoKooste>')
    three = statutes.to_data(assembled(tmp_path, ORIGINAL, {"fi": amend["fi"], "sv": amend["sv"].replace(
        "<saa:KohdatMomentti><sis:Katkoviiva/>",
        "<saa:KohdatMomentti><saa:MomenttiJohdantoKooste>Anmälare:</saa:MomenttiJohdantoKooste>")})["3"])
    # the dash is not a point of the list; it says that more follows (which the sources do not hold)
    assert three["text"]["fi"] == [["Ilmoitus on tehtävä."],
                                   ["Ilmoittaja:", "1) x;", "2) terveydenhuollon ammattihenkilö."], ["— — —"]]


def test_a_clause_naming_a_point_without_its_subsection_and_a_chapter():
    clause = ("kumotaan sosiaalihuollon asiakkaan asemasta annetun lain (812/2000) 3 §:n 3 kohta, 11 §, "
              "13 §:n 2 momentti, 3 luku sekä 29 §:n 1 momentti")
    assert [(c.verb, c.section, c.part) for c in statutes.changes(clause, "812/2000")] == [
        ("repeal", "3", ("point", 1, 3)), ("repeal", "11", None), ("repeal", "13", ("moment", 2)),
        ("repeal", "chapter:3", None), ("repeal", "29", ("moment", 1))]


def test_a_clause_adding_a_lettered_point_to_a_subsection():
    """682/2023: "lisätään 14 §:n 1 momenttiin ... uusi 8 a kohta" (a point between 8 and 9)."""
    clause = ("muutetaan sosiaalihuoltolain (1301/2014) 36 §:n 5 momentti, sellaisena kuin se on laissa 677/2023, "
              "ja lisätään 14 §:n 1 momenttiin, sellaisena kuin se on laeissa 1024/2022 ja 1280/2022, uusi 8 a kohta "
              "sekä lakiin uusi 22 a § seuraavasti:")
    assert [(c.verb, c.section, c.part) for c in statutes.changes(clause, "1301/2014")] == [
        ("amend", "36", ("moment", 5)), ("add", "14", ("point", 1, "8a")), ("add", "22a", None)]


def test_a_repealed_lettered_point_goes_and_the_point_before_it_stays(tmp_path):
    original = {lang: text.replace("<saa:MomenttiKohtaKooste>2) ", "<saa:MomenttiKohtaKooste>1 a) x;"
                                   "</saa:MomenttiKohtaKooste><saa:MomenttiKohtaKooste>2) ")
                for lang, text in ORIGINAL.items()}
    repeal_point = {"fi": REPEAL["fi"].replace("kumotaan testilain (100/2001) 1 §",
                                               "kumotaan testilain (100/2001) 3 §:n 2 momentin 1 a kohta"),
                    "sv": REPEAL["sv"]}
    three = statutes.to_data(assembled(tmp_path, original, repeal_point)["3"])
    assert three["text"]["fi"][1] == ["Ilmoittaja voi olla kuka tahansa.", "1) opettaja;", "2) lääkäri."]


def test_a_clause_naming_a_subpoint_is_refused():
    with pytest.raises(statutes.SourceError, match="unknown word 'kohdan'"):
        statutes.changes("muutetaan sosiaalihuoltolain (1301/2014) 14 §:n 1 momentin 5 kohdan a alakohta", "1301/2014")


def test_section_letters_past_h_in_a_clause():
    """1201/2020 adds 734/1992 "10 d–10 k §"; 600/2022 changes "10 i §:n 2 momentti"."""
    clause = "muutetaan asiakasmaksulain (734/1992) 10 i §:n 2 momentti sekä lisätään lakiin uusi 10 d–10 k §"
    assert [(c.verb, c.section, c.part) for c in statutes.changes(clause, "734/1992")] == [
        ("amend", "10i", ("moment", 2))] + [("add", f"10{letter}", None) for letter in "defghijk"]


def test_a_year_printed_with_a_space_is_the_same_act(tmp_path):
    """The Swedish 734/1992 prints <ValtiopaivavuosiTeksti>1992 </...>."""
    paths = write(tmp_path, ORIGINAL)
    sv = next(p for p in paths if p.parts[-3] == "sv")
    sv.write_text(sv.read_text(encoding="utf-8").replace(">2001</asi1:ValtiopaivavuosiTeksti>",
                                                          ">2001 </asi1:ValtiopaivavuosiTeksti>"), encoding="utf-8")
    assert statutes.read(sv).number == "100/2001"
    sections = statutes.assemble([statutes.read(p) for p in paths], "100/2001")
    assert statutes.to_data(sections["2"])["text"]["sv"] == [["Eftervården varar till 21 år."], ["Den är frivillig."]]


def test_a_clause_replacing_the_swedish_wording_and_adding_a_chapter():
    """581/2010: the Swedish text only of 29, 53 and 54 §, and a new chapter (7 a luku, 49 a-49 g §)."""
    clause = ("muutetaan 6 päivänä kesäkuuta 2003 annetun hallintolain (434/2003) 29 §:n ruotsinkielinen sanamuoto, "
              "43, 46 ja 50 § sekä 53 ja 54 §:n ruotsinkielinen sanamuoto sekä lisätään lakiin uusi 7 a luku seuraavasti:")
    assert [(c.verb, c.section, c.part) for c in statutes.changes(clause, "434/2003")] == [
        ("amend", "29", ("wording", "sv")), ("amend", "53", ("wording", "sv")), ("amend", "54", ("wording", "sv")),
        ("amend", "43", None), ("amend", "46", None), ("amend", "50", None), ("add", "chapter:7a", None)]


def chapter_act(clause_fi: str, chapter_fi: str, chapter_sv: str) -> dict:
    def luku(ident: str, body: str) -> str:
        return f'<saa:Luku saa1:identifiointiTunnus="{ident}"><saa:LukuTunnusKooste>{ident}</saa:LukuTunnusKooste>{body}</saa:Luku>'
    return {
        "fi": act_xml("fi", 400, 2021, "testilain muuttamisesta", clause_fi,
                      section("1", "Tarkoitus", "Laki suojaa nuorta.")
                      + luku(chapter_fi, section("3 a", "Oikaisu", "Oikaisua voi vaatia 30 päivässä.")),
                      "Tämä laki tulee voimaan 1 päivänä tammikuuta 2022."),
        "sv": act_xml("sv", 400, 2021, "om ändring av testlagen", "I enlighet med riksdagens beslut ändras ...",
                      section("1", "Syfte", "Lagen skyddar den unga.")
                      + luku(chapter_sv, section("3 a", "Omprövning", "Omprövning kan begäras inom 30 dagar.")),
                      "Denna lag träder i kraft den 1 januari 2022."),
    }


def test_a_new_chapter_adds_its_sections_and_a_swedish_wording_replaces_the_swedish_text_only(tmp_path):
    act = chapter_act("Eduskunnan päätöksen mukaisesti muutetaan testilain (100/2001) 1 §:n ruotsinkielinen "
                      "sanamuoto sekä lisätään lakiin uusi 3 a luku seuraavasti:", "3 a luku", "3 a kap.")
    act["fi"] = act["fi"].replace(section("1", "Tarkoitus", "Laki suojaa nuorta."), "")  # printed in Swedish only
    sections = assembled(tmp_path, ORIGINAL, act)
    one = statutes.to_data(sections["1"])
    assert one["text"] == {"fi": [["Laki suojaa lasta."]], "sv": [["Lagen skyddar den unga."]]}
    assert one["acts"] == ["100/2001", "400/2021"]
    added = statutes.to_data(sections["3a"])
    assert added["text"]["sv"] == [["Omprövning kan begäras inom 30 dagar."]]
    assert (added["acts"], added["since"]) == (["400/2021"], "2022-01-01")


def test_a_swedish_wording_not_in_the_sources_is_a_gap_in_swedish_only(tmp_path):
    act = chapter_act("Eduskunnan päätöksen mukaisesti muutetaan testilain (100/2001) 2 §:n ruotsinkielinen "
                      "sanamuoto sekä lisätään lakiin uusi 3 a luku seuraavasti:", "3 a luku", "3 a kap.")
    two = statutes.to_data(assembled(tmp_path, ORIGINAL, act)["2"])
    assert two["text"]["fi"] == [["Jälkihuolto kestää 21 vuoteen."], ["Se on vapaaehtoista."]]
    assert two["text"]["sv"] == [["— — —"]]
    assert two["notes"] == ["400/2021, in force 2022-01-01: changed the wording of this section in 'sv'; "
                            "its text is not in law/sources/"]


def test_a_clause_adding_points_after_a_history_naming_several_acts():
    """756/2015: the history of the subsection ("sellaisena kuin se on osaksi laeissa ...") is not read as points."""
    clause = ("muutetaan viranomaisten toiminnan julkisuudesta annetun lain (621/1999) 11 §:n 2 momentin 7 kohta, "
              "sellaisena kuin se on laissa 385/2007, sekä lisätään 11 §:n 2 momenttiin, sellaisena kuin se on osaksi "
              "laeissa 385/2007, 713/2007 ja 701/2011, uusi 6 a kohta ja 24 §:n 1 momenttiin, sellaisena kuin se on "
              "osaksi laeissa 1151/2001, 1060/2002 ja 405/2015, uusi 31 a kohta seuraavasti:")
    assert [(c.verb, c.section, c.part) for c in statutes.changes(clause, "621/1999")] == [
        ("amend", "11", ("point", 2, 7)), ("add", "11", ("point", 2, "6a")), ("add", "24", ("point", 1, "31a"))]


def test_a_lettered_point_added_goes_between_its_neighbours(tmp_path):
    add_point = {
        "fi": AMENDMENT["fi"].replace("muutetaan testilain (100/2001) 2 § ja 3 §:n 2 momentin 2 kohta",
                                      "muutetaan testilain (100/2001) 2 § ja lisätään 3 §:n 2 momenttiin uusi 1 a kohta")
        .replace("2) terveydenhuollon ammattihenkilö.", "1 a) koulukuraattori;"),
        "sv": AMENDMENT["sv"].replace("2) yrkesutbildad person inom hälso- och sjukvården.", "1 a) skolkurator,")}
    three = statutes.to_data(assembled(tmp_path, ORIGINAL, add_point)["3"])
    assert three["text"]["fi"][1] == ["Ilmoittaja voi olla kuka tahansa.", "1) opettaja;", "1 a) koulukuraattori;",
                                      "2) lääkäri."]
    assert three["text"]["sv"][1][2] == "1 a) skolkurator,"


def test_points_printed_outside_their_list_and_an_empty_point(tmp_path):
    """The Swedish 621/1999 11 § prints its points right in the section, after the subsection
    they belong to; the Swedish 808/2017 prints an empty point after a dashed line."""
    loose = {"fi": ORIGINAL["fi"].replace("2) lääkäri.</saa:MomenttiKohtaKooste>",
                                          "2) lääkäri.</saa:MomenttiKohtaKooste><saa:MomenttiKohtaKooste/>"),
             "sv": ORIGINAL["sv"].replace(
        "<saa:KohdatMomentti><saa:MomenttiJohdantoKooste>Anmälare kan vara vem som helst.</saa:MomenttiJohdantoKooste>",
        "<saa:MomenttiKooste>Anmälare kan vara vem som helst.</saa:MomenttiKooste>").replace(
        "2) läkare.</saa:MomenttiKohtaKooste></saa:KohdatMomentti>",
        "2) läkare.</saa:MomenttiKohtaKooste><saa:MomenttiKohtaKooste/>")}
    three = statutes.to_data(assembled(tmp_path, loose)["3"])
    assert three["text"]["sv"][1] == ["Anmälare kan vara vem som helst.", "1) lärare;", "2) läkare."]
    assert three["text"]["fi"][1] == ["Ilmoittaja voi olla kuka tahansa.", "1) opettaja;", "2) lääkäri."]
