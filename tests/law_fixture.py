"""A small statute book for the tests: an act, an amendment that replaces a section and
parts of another, one that repeals a section; in Finnish and Swedish, in the XML of the
Finnish statute book (the shape of law/sources/, trimmed)."""

from __future__ import annotations

from pathlib import Path


from portal import law

NS = ('xmlns:saa="http://www.vn.fi/skeemat/saadoskooste/2010/04/27" '
      'xmlns:saa1="http://www.vn.fi/skeemat/saadoselementit/2010/04/27" '
      'xmlns:sis="http://www.vn.fi/skeemat/sisaltokooste/2010/04/27" '
      'xmlns:asi="http://www.vn.fi/skeemat/asiakirjakooste/2010/04/27" '
      'xmlns:asi1="http://www.vn.fi/skeemat/asiakirjaelementit/2010/04/27" '
      'xmlns:met="http://www.vn.fi/skeemat/metatietokooste/2010/04/27" '
      'xmlns:met1="http://www.vn.fi/skeemat/metatietoelementit/2010/04/27"')


def act_xml(lang: str, number: int, year: int, title: str, clause: str, body: str, in_force: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<vah:VahvistettavaLaki xmlns:vah="http://www.vn.fi/skeemat/vahvistettavalaki/2010/04/27" {NS} met1:kieliKoodi="{lang}">
  <asi:IdentifiointiOsa>
    <asi:EduskuntaTunniste>
      <asi1:AsiakirjaNroTeksti>{number}</asi1:AsiakirjaNroTeksti>
      <asi1:ValtiopaivavuosiTeksti>{year}</asi1:ValtiopaivavuosiTeksti>
    </asi:EduskuntaTunniste>
    <met:Nimeke><met1:NimekeTeksti>{title}</met1:NimekeTeksti></met:Nimeke>
  </asi:IdentifiointiOsa>
  <saa:SaadosOsa>
    <saa:Saados met1:kieliKoodi="{lang}">
      <saa:Johtolause><saa:SaadosKappaleKooste>{clause}</saa:SaadosKappaleKooste></saa:Johtolause>
      <saa:Pykalisto>
{body}
        <saa:Pykala saa1:identifiointiTunnus="Voimaantulo" saa1:pykalaLuokitusKoodi="VoimaantuloSaannos">
          <saa:MomenttiKooste>{in_force}</saa:MomenttiKooste>
        </saa:Pykala>
      </saa:Pykalisto>
    </saa:Saados>
  </saa:SaadosOsa>
</vah:VahvistettavaLaki>
"""


def section(number: str, heading: str, *parts: str) -> str:
    inner = "".join("<sis:Katkoviiva/>" if p == "-" else
                    ("<saa:KohdatMomentti>" + ("<sis:Katkoviiva/>" if p.split('|')[0] == "-" else f"<saa:MomenttiJohdantoKooste>{p.split('|')[0]}</saa:MomenttiJohdantoKooste>")
                     + "".join(f"<saa:MomenttiKohtaKooste>{i}</saa:MomenttiKohtaKooste>" for i in p.split("|")[1:])
                     + "</saa:KohdatMomentti>") if "|" in p else f"<saa:MomenttiKooste>{p}</saa:MomenttiKooste>"
                    for p in parts)
    return (f'<saa:Pykala saa1:pykalaLuokitusKoodi="Pykala" saa1:identifiointiTunnus="{number} §">'
            f"<saa:PykalaTunnusKooste>{number} §</saa:PykalaTunnusKooste>"
            f"<saa:SaadosOtsikkoKooste>{heading}</saa:SaadosOtsikkoKooste>{inner}</saa:Pykala>")


ORIGINAL = {
    "fi": act_xml("fi", 100, 2001, "Testilaki", "Eduskunnan päätöksen mukaisesti säädetään:",
                  section("1", "Tarkoitus", "Laki suojaa lasta.")
                  + section("2", "Jälkihuolto", "Jälkihuolto kestää 21 vuoteen.", "Se on vapaaehtoista.")
                  + section("3", "Ilmoitus", "Ilmoitus on tehtävä.", "Ilmoittaja voi olla kuka tahansa.|1) opettaja;|2) lääkäri."),
                  "Tämä laki tulee voimaan 1 päivänä tammikuuta 2002."),
    "sv": act_xml("sv", 100, 2001, "Testlag", "I enlighet med riksdagens beslut föreskrivs:",
                  section("1", "Syfte", "Lagen skyddar barn.")
                  + section("2", "Eftervård", "Eftervården varar till 21 år.", "Den är frivillig.")
                  + section("3", "Anmälan", "Anmälan ska göras.", "Anmälare kan vara vem som helst.|1) lärare;|2) läkare."),
                  "Denna lag träder i kraft den 1 januari 2002."),
}
# replaces 2 § whole, and in 3 § the 2nd subsection's 2nd point only
AMENDMENT = {
    "fi": act_xml("fi", 200, 2010, "testilain muuttamisesta",
                  "Eduskunnan päätöksen mukaisesti muutetaan testilain (100/2001) 2 § ja 3 §:n 2 momentin 2 kohta seuraavasti:",
                  section("2", "Jälkihuolto", "Jälkihuolto kestää 25 vuoteen.")
                  + section("3", "Ilmoitus", "-", "-|2) terveydenhuollon ammattihenkilö."),
                  "Tämä laki tulee voimaan 1 päivänä maaliskuuta 2010."),
    "sv": act_xml("sv", 200, 2010, "om ändring av testlagen",
                  "I enlighet med riksdagens beslut ändras i testlagen (100/2001) 2 § och 3 § 2 mom. 2 punkten som följer:",
                  section("2", "Eftervård", "Eftervården varar till 25 år.")
                  + section("3", "Anmälan", "-", "-|2) yrkesutbildad person inom hälso- och sjukvården."),
                  "Denna lag träder i kraft den 1 mars 2010."),
}
REPEAL = {
    "fi": act_xml("fi", 300, 2020, "testilain 1 §:n kumoamisesta",
                  "Eduskunnan päätöksen mukaisesti kumotaan testilain (100/2001) 1 § seuraavasti:", "",
                  "Tämä laki tulee voimaan 1 päivänä heinäkuuta 2020."),
    "sv": act_xml("sv", 300, 2020, "om upphävande av 1 § i testlagen",
                  "I enlighet med riksdagens beslut upphävs 1 § i testlagen (100/2001) som följer:", "",
                  "Denna lag träder i kraft den 1 juli 2020."),
}


def write(folder: Path, *acts: dict) -> list[Path]:
    """The acts as law/sources/ holds them: asd/<lang>/<year>/asd<year><number>.xml."""
    import re

    paths = []
    for act in acts:
        for lang, text in act.items():
            number = re.search(r"<asi1:AsiakirjaNroTeksti>(\d+)<", text)[1]
            year = re.search(r"<asi1:ValtiopaivavuosiTeksti>(\d+)<", text)[1]
            path = Path(folder) / "asd" / lang / year / f"asd{year}{int(number):04d}.xml"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            paths.append(path)
    return paths


# ------------------------------------------------------------------ a site citing it

ACTS = """100/2001:
  title: {fi: Testilaki, sv: Testlag}
  names: [testila, testlag]
  texts: true
  not_read:
    "9": not read for the test
200/1999:
  title: {fi: Toinen laki, sv: Annan lag}
  names: [annan lag]
  texts: false
"""
PAGE = "---\ntitle: Sida\n---\n\n# Sida\n\n{body}\n"
QUOTES = '"100/2001":\n  "2": "Eftervården varar till 25 år."\n'


def make_site(root: Path) -> Path:
    """A site in Swedish whose statute texts are the acts above (law/, docs/sv/,
    facts/citations/): tests get it as the fixture `law_site` (conftest.py)."""
    (root / "law").mkdir()
    (root / "law" / "acts.yml").write_text(ACTS, encoding="utf-8")
    write(root / "law" / "sources", ORIGINAL, AMENDMENT, REPEAL)
    (root / "law" / "sections.yml").write_text(law.dump(law.build(root / "law")), encoding="utf-8")
    (root / "docs" / "sv").mkdir(parents=True)
    (root / "facts" / "citations").mkdir(parents=True)
    return root


def page(root, body, quotes=QUOTES, name="sida"):
    """docs/sv/<name>.md with `body`, and its facts/citations/<name>.yml."""
    (root / "docs" / "sv" / f"{name}.md").write_text(PAGE.format(body=body), encoding="utf-8")
    (root / "facts" / "citations" / f"{name}.yml").write_text(quotes, encoding="utf-8")
