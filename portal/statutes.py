"""The statute texts: the sections the pages cite, as in force, assembled from the open data.

Source: the Finnish statute book as published (Semantic Finlex, "alkuperäiset
säädökset"; the XML of law/sources/, copied from the GitHub repository
eliask/finlex-data, see law/sources/PROVENANCE.yml). Each file is one act in one
language: an original act (417/2007, the Child Welfare Act as enacted) or an act that
amends it (610/2022). The statute book never prints a consolidated text: an amending act
says, in its opening clause (johtolause), which sections or parts of sections it
repeals ("kumotaan"), replaces ("muutetaan") or adds ("lisätään"), and prints only
those, with a dashed line (<sis:Katkoviiva/>) for the parts it leaves alone. So the text
in force is the original act with every amendment applied in the order they came into
force, which `assemble()` does:

- a whole section replaced, added or repealed ("muutetaan 30 §", "lisätään lakiin uusi
  30 a §", "kumotaan 64 §");
- parts of a section replaced: its heading ("otsikko"), a subsection ("75 §:n 1 ja 3
  momentti"), a subsection's opening words ("25 §:n 1 momentin johdantokappale") or its
  numbered points ("92 §:n 1 momentin 1 kohta"); the printed parts are matched to the
  parts named, in order, the dashes standing for the rest;
- a new subsection added at the end ("lisätään 25 §:ään uusi 4 momentti").

The opening clause is read in Finnish; the Swedish act is printed with the same parts in
the same order, so the Finnish clause says what each Swedish part replaces (checked:
the two must have the same number of parts). A part the sources do not hold (the part
of a section an amendment left alone, when the earlier act is not in law/sources/) is a
gap, shown as the statute book shows it: a dashed line, with the consolidated text on
Finlex a click away. law/sources/missing.yml names the amendments known to exist but not
in the data set (with the reason); the parts they replaced become gaps too, so that an
outdated wording is never shown as the law in force.

Why not a library: none reads the Finnish statute book's amendment clauses.
The texts are built once by scripts/build_law.py into law/sections.yml; the site and the
checks read that file, never the XML.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import yaml

SAA = "{http://www.vn.fi/skeemat/saadoskooste/2010/04/27}"
SAA1 = "{http://www.vn.fi/skeemat/saadoselementit/2010/04/27}"
SIS = "{http://www.vn.fi/skeemat/sisaltokooste/2010/04/27}"
ASI = "{http://www.vn.fi/skeemat/asiakirjakooste/2010/04/27}"
ASI1 = "{http://www.vn.fi/skeemat/asiakirjaelementit/2010/04/27}"
MET = "{http://www.vn.fi/skeemat/metatietokooste/2010/04/27}"
MET1 = "{http://www.vn.fi/skeemat/metatietoelementit/2010/04/27}"

MONTHS = {"tammi": 1, "helmi": 2, "maalis": 3, "huhti": 4, "touko": 5, "kesä": 6, "heinä": 7,
          "elo": 8, "syys": 9, "loka": 10, "marras": 11, "joulu": 12}
IN_FORCE = re.compile(r"tulee voimaan (\d{1,2}) päivänä (\w+?)kuuta (\d{4})")
GAP = "— — —"  # how the statute book prints the parts an amendment leaves alone


class SourceError(Exception):
    """A source the assembler cannot read or apply: names the file and what is wrong."""


# ------------------------------------------------------------------ one XML file


@dataclass
class Moment:
    """A subsection (momentti): plain text, or opening words and numbered points."""
    text: str | None = None
    intro: str | None = None
    items: list[str] | None = None
    gap: bool = False  # not in the sources
    note: str | None = None  # why it is a gap, when known

    def lines(self) -> list[str]:
        if self.gap:
            return [GAP]
        if self.items is None:
            return [self.text or ""]
        return ([self.intro] if self.intro else []) + list(self.items)


@dataclass
class Printed:
    """A section as one act prints it: its heading and its parts in order (None: a dashed line)."""
    number: str  # "75", "76a"
    heading: str
    parts: list[Moment | None]
    chapter: str | None = None


@dataclass
class ActFile:
    path: Path
    lang: str
    number: str  # "610/2022"
    title: str
    target: str | None  # the act it amends ("417/2007"); None for an original act
    clause: str  # the opening clause (johtolause), plain text
    in_force: dt.date | None
    sections: dict[str, Printed]


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def section_number(tunnus: str) -> str:
    """"76 a §" -> "76a"."""
    return re.sub(r"\s|§", "", tunnus).lower()


def _point(element) -> str:
    subs = element.findall(f"{SAA}MomenttiAlakohtaKooste")
    if subs:
        head = " ".join((element.text or "").split())
        return "\n".join(([head] if head else []) + [_text(s) for s in subs])
    return _text(element)


def _parts(pykala) -> list[Moment | None]:
    parts: list[Moment | None] = []
    for child in pykala:
        if child.tag == f"{SIS}Katkoviiva":
            parts.append(None)
        elif child.tag == f"{SAA}MomenttiKooste":
            parts.append(Moment(text=_text(child)))
        elif child.tag == f"{SAA}MomenttiKohtaKooste" and parts and parts[-1] is not None:
            # a point printed outside its list (the Swedish 621/1999 11 §): it belongs to the
            # subsection before it, whose text is then the list's opening words
            if parts[-1].items is None:
                parts[-1] = Moment(intro=parts[-1].text, items=[])
            if _point(child):
                parts[-1].items.append(_point(child))
        elif child.tag == f"{SAA}KohdatMomentti":
            intro, items = None, []
            for sub in child:
                if sub.tag == f"{SAA}MomenttiJohdantoKooste":
                    intro = _text(sub)
                elif sub.tag == f"{SAA}MomenttiKohtaKooste" and _point(sub):  # an empty one (sv 808/2017) is no point
                    items.append(_point(sub))
                elif sub.tag == f"{SIS}Katkoviiva":
                    items.append(GAP)
            parts.append(Moment(intro=intro, items=items))
    return parts


def read(path: Path) -> ActFile:
    """One file of law/sources/: which act, in which language, what it amends, when it
    came into force, and the sections it prints."""
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise SourceError(f"{path}: not well-formed XML ({exc})") from None
    lang = root.get(f"{MET1}kieliKoodi") or path.parts[-3]
    number = root.findtext(f".//{ASI1}AsiakirjaNroTeksti")
    year = root.findtext(f".//{ASI1}ValtiopaivavuosiTeksti")
    if not number or not year:
        raise SourceError(f"{path}: no act number (AsiakirjaNroTeksti, ValtiopaivavuosiTeksti)")
    title = " ".join((root.findtext(f".//{MET1}NimekeTeksti") or "").split())
    clause_el = root.find(f".//{SAA}Johtolause")
    clause = _text(clause_el) if clause_el is not None else ""
    target = None
    m = re.search(r"\((\d{1,4}/\d{4})\)", clause)
    if m and re.search(r"\b(muutetaan|kumotaan|lisätään|ändras|upphävs|fogas)\b", clause):
        target = m[1]
    sections: dict[str, Printed] = {}
    in_force = None
    for chapter, pykala in _pykalat(root):
        kind = pykala.get(f"{SAA1}pykalaLuokitusKoodi") or ""
        if kind.startswith("Voimaantulo"):
            in_force = in_force or _date(_text(pykala))
            continue
        tunnus = pykala.get(f"{SAA1}identifiointiTunnus") or pykala.findtext(f"{SAA}PykalaTunnusKooste") or ""
        if not tunnus.strip():
            continue
        heading = " ".join((pykala.findtext(f"{SAA}SaadosOtsikkoKooste") or "").split())
        if heading in ("Voimaantulo", "Ikraftträdande"):  # an original act's last section
            in_force = in_force or _date(_text(pykala))
            continue
        sections[section_number(tunnus)] = Printed(section_number(tunnus), heading, _parts(pykala), chapter)
    if in_force is None:
        # an original act: its last section says when it comes into force
        in_force = _date(" ".join(_text(p) for _, p in _pykalat(root)))
    # older acts print "1992 " (734/1992 in Swedish): the number is read without the spaces
    return ActFile(path, lang, f"{int(number)}/{year.strip()}", title, target, clause, in_force, sections)


def _pykalat(root):
    """(chapter, section element) of every section, in order, wherever it stands: in the
    list of sections, in a chapter (luku), in a part (osa) or a chapter in a part."""
    def walk(element, chapter):
        for child in element:
            if child.tag == f"{SAA}Pykala":
                yield chapter, child
            elif child.tag == f"{SAA}Luku":
                yield from walk(child, child.get(f"{SAA1}identifiointiTunnus"))
            elif child.tag == f"{SAA}Osa":
                yield from walk(child, chapter)

    pykalisto = root.find(f".//{SAA}Pykalisto")
    if pykalisto is not None:
        yield from walk(pykalisto, None)


def _date(text: str) -> dt.date | None:
    m = IN_FORCE.search(text)
    if not m or m[2] not in MONTHS:
        return None
    return dt.date(int(m[3]), MONTHS[m[2]], int(m[1]))


# ------------------------------------------------------------------ the opening clause


@dataclass(frozen=True)
class Change:
    """One change an amending act makes: `verb` repeal/amend/add, to `section`, either
    whole (`part` None) or a part: ("heading",), ("moment", n), ("intro", n),
    ("point", n, k), or its text in one language only: ("wording", "sv"). A chapter is
    "chapter:7a"."""
    verb: str
    section: str
    part: tuple | None = None


VERBS = {"kumotaan": "repeal", "muutetaan": "amend", "lisätään": "add"}
NUMBER = r"\d+(?:\s[a-z](?![\wåäö]))?"  # "10 k §": letters run past h (734/1992 10 d–10 k §)
TOKEN = re.compile(rf"({NUMBER})\s?[–―-]\s?({NUMBER})|({NUMBER})|(§:ään|§:iin|§:n|§)|([\wåäö]+)")
WORDING = re.compile(rf"((?:{NUMBER})(?:\s(?:ja|sekä)\s(?:{NUMBER}))*)\s§:n\s(ruotsinkielinen|suomenkielinen)\ssanamuoto")
WORDING_LANGS = {"ruotsinkielinen": "sv", "suomenkielinen": "fi"}
FILLER = {"ja", "sekä", "lakiin", "uusi", "uudet", "lain", "annetun", "päivänä", "seuraavasti",
          "jolloin", "nykyinen", "siirtyy", "momentiksi"}


def _expand(first: str, last: str | None) -> list[str]:
    """"16 a"–"16 c" -> 16a, 16b, 16c; "65"–"67" -> 65, 66, 67."""
    a, b = section_number(first), section_number(last) if last else None
    if b is None:
        return [a]
    ma, mb = re.fullmatch(r"(\d+)([a-z]?)", a), re.fullmatch(r"(\d+)([a-z]?)", b)
    if ma[1] == mb[1] and ma[2] and mb[2]:
        return [ma[1] + chr(c) for c in range(ord(ma[2]), ord(mb[2]) + 1)]
    return [str(n) for n in range(int(ma[1]), int(mb[1]) + 1)]


def changes(clause: str, act: str) -> list[Change]:
    """What an amending act's Finnish opening clause does to `act`: "muutetaan
    lastensuojelulain (417/2007) 30 §, 75 §:n 1 ja 3 momentti ..." -> [Change("amend", "30"),
    Change("amend", "75", ("moment", 1)), ...]. The "sellaisina kuin ..." part (which
    earlier acts worded them) is history, not a change, and is skipped."""
    out: list[Change] = []
    # split at the verbs; keep each verb with the text up to the next one
    pieces = re.split(r"\b(kumotaan|muutetaan|lisätään)\b", clause)
    for i in range(1, len(pieces), 2):
        verb, body = VERBS[pieces[i]], pieces[i + 1]
        body = re.split(r"\bsellaisin[a-z]* kuin\b(?![^,]*\buusi\b)", body)[0] if verb != "add" else body
        # "25 §:ään, sellaisena kuin se on laissa 88/2010, uusi 4 momentti": drop the history
        # (and "..., sellaisena kuin se on osaksi laeissa 385/2007, 713/2007 ja 701/2011, uusi 6 a kohta")
        body = re.sub(r",?\s*sellaisen?a? kuin [^,]*?(?:laissa|laeissa) \d{1,4}/\d{4}"
                      r"(?:(?:, | ja )\d{1,4}/\d{4})*[^,]*,", " ", body)
        body = re.sub(r"sellaisina kuin .*$", "", body) if verb == "add" else body
        if f"({act})" in body:
            body = body.split(f"({act})", 1)[1]
        # "29 §:n ruotsinkielinen sanamuoto", "53 ja 54 §:n ...": the text in one language only
        for m in WORDING.finditer(body):
            out += [Change(verb, section_number(n), ("wording", WORDING_LANGS[m[2]]))
                    for n in re.findall(NUMBER, m[1])]
        body = WORDING.sub(" ", body)
        out += _targets(verb, body, clause)
    return out


def _targets(verb: str, body: str, clause: str) -> list[Change]:
    found: list[Change] = []
    pending: list[str] = []
    section = moment = None
    for m in TOKEN.finditer(body):
        if m[1]:
            pending += _expand(m[1], m[2])
        elif m[3]:
            pending.append(section_number(m[3]))
        elif m[4] == "§":
            found += [Change(verb, n) for n in pending]
            pending, section, moment = [], None, None
        elif m[4]:  # "§:n", "§:ään": the parts that follow are of this section
            if len(pending) != 1:
                raise SourceError(f"cannot read '{body.strip()}' in the clause '{clause}'")
            section, pending, moment = pending[0], [], None
        else:
            word = m[5].lower()
            if word in ("momentti", "momentit"):
                found += [Change(verb, section, ("moment", int(n))) for n in pending]
                pending = []
            elif word in ("momentin", "momenttiin"):  # "14 §:n 1 momenttiin uusi 8 a kohta": points added to it
                moment, pending = int(pending[-1]), []
            elif word == "johdantokappale":
                found.append(Change(verb, section, ("intro", moment or 1)))
            elif word in ("kohta", "kohdat"):
                # "3 §:n 3 kohta": a section of one subsection names no subsection
                found += [Change(verb, section, ("point", moment or 1, _point_key(n))) for n in pending]
                pending = []
            elif word == "otsikko":
                found.append(Change(verb, section, ("heading",)))
            elif word == "luku":
                found += [Change(verb, f"chapter:{n}") for n in pending]
                pending = []
            elif word not in FILLER and not word.endswith(("lain", "laki")):
                raise SourceError(f"unknown word '{m[5]}' in the clause '{clause}'")
    return found


def _point_key(number: str) -> int | str:
    """A numbered point: 3 (int), or "13a" for a point added between two ("13 a kohta")."""
    return int(number) if number.isdigit() else number


def _point_of(item: str) -> int | str | None:
    """The number of a printed point: "13 a) ..." -> "13a", "3) ..." -> 3."""
    m = re.match(r"(\d+(?:\s?[a-z])?)\)", item)  # letters as in NUMBER
    return _point_key(section_number(m[1])) if m else None


# ------------------------------------------------------------------ assembling


@dataclass
class Section:
    number: str
    heading: dict[str, str] = field(default_factory=dict)
    moments: dict[str, list[Moment]] = field(default_factory=dict)
    status: str = "in force"  # or "repealed"
    acts: list[str] = field(default_factory=list)  # the acts that worded it, oldest first
    since: dt.date | None = None  # when the latest of them came into force
    repealed_by: str | None = None
    chapter: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def amended_by(self) -> str | None:
        return self.acts[-1] if len(self.acts) > 1 or self.status == "repealed" else None


@dataclass
class Missing:
    """An amendment known to exist but not in the sources (law/sources/missing.yml)."""
    act: str
    amendment: str
    in_force: dt.date
    parts: dict[str, list[int] | None]  # section -> its moments replaced (None: the whole section)
    reason: str


def _ordered(files: list[ActFile]) -> list[tuple[str, dict[str, ActFile]]]:
    by_act: dict[str, dict[str, ActFile]] = {}
    for f in files:
        if f.lang in by_act.setdefault(f.number, {}):
            raise SourceError(f"{f.path}: {f.number} in '{f.lang}' twice (also {by_act[f.number][f.lang].path})")
        by_act[f.number][f.lang] = f
    for number, langs in by_act.items():
        if set(langs) != {"fi", "sv"}:
            raise SourceError(f"{number}: the sources need it in Finnish and Swedish, have {sorted(langs)}")
        if langs["fi"].in_force is None:
            raise SourceError(f"{langs['fi'].path}: no date of entry into force found ('tulee voimaan ...')")
    return sorted(by_act.items(), key=lambda kv: (kv[1]["fi"].in_force, kv[0]))


def assemble(files: list[ActFile], act: str, missing: list[Missing] = (), today: dt.date | None = None
             ) -> dict[str, Section]:
    """The sections of `act` as in force on `today` (default: every source), from its
    original text and its amendments in `files`."""
    sections: dict[str, Section] = {}
    events = [(langs["fi"].in_force, number, langs) for number, langs in _ordered(files)
              if number == act or langs["fi"].target == act]
    events += [(m.in_force, m.amendment, m) for m in missing if m.act == act]
    events.sort(key=lambda e: (e[0], e[1]))
    for when, number, source in events:
        if today and when > today:
            continue
        if isinstance(source, Missing):
            _apply_missing(sections, source)
            continue
        fi, sv = source["fi"], source["sv"]
        if number == act:
            for lang, f in (("fi", fi), ("sv", sv)):
                for n, printed in f.sections.items():
                    sec = sections.setdefault(n, Section(n, chapter=printed.chapter))
                    sec.heading[lang] = printed.heading
                    sec.moments[lang] = [p or Moment(gap=True) for p in printed.parts]
                    if lang == "fi":
                        sec.acts, sec.since = [number], when
            continue
        _apply(sections, fi, sv, changes(fi.clause, act), when)
    return dict(sorted(sections.items(), key=lambda kv: _order(kv[0])))


def _order(number: str):
    m = re.fullmatch(r"(\d+)([a-z]?)", number)
    return (int(m[1]), m[2]) if m else (10 ** 6, number)


def _apply(sections: dict[str, Section], fi: ActFile, sv: ActFile, todo: list[Change], when: dt.date) -> None:
    by_section: dict[str, list[Change]] = {}
    for change in todo:
        by_section.setdefault(change.section, []).append(change)
        if change.section.startswith("chapter:") and change.verb != "repeal":
            # "lisätään lakiin uusi 7 a luku": the sections printed in it are added whole
            chapter = change.section.split(":")[1]
            for n, printed in fi.sections.items():
                if printed.chapter and section_number(printed.chapter.replace("luku", "")) == chapter:
                    by_section.setdefault(n, []).append(Change(change.verb, n))
    for key, group in by_section.items():
        wording = [c for c in group if c.part and c.part[0] == "wording"]
        if wording:
            _reworded(sections, key, wording[0].part[1], fi if wording[0].part[1] == "fi" else sv, when)
            group = [c for c in group if c not in wording]
            if not group:
                continue
        if key.startswith("chapter:"):
            chapter = f"{key.split(':')[1]} luku"
            for sec in sections.values():
                if sec.chapter == chapter and group[0].verb == "repeal":
                    _repeal(sec, fi.number, when)
            continue
        whole = [c for c in group if c.part is None]
        if whole and whole[0].verb == "repeal":
            # Recorded even when no earlier text is held: a page citing it is then told
            # which act repealed it and when, not merely that the section is unknown.
            _repeal(sections.setdefault(key, Section(key)), fi.number, when)
            continue
        if all(c.verb == "repeal" for c in group) and key in sections:  # parts repealed: nothing printed
            for lang in sections[key].moments:
                _repeal_parts(sections[key].moments[lang], group, fi.number)
            sections[key].acts.append(fi.number)
            sections[key].since = when
            continue
        if key not in fi.sections:
            # The source was trimmed to the sections the site cites. If an earlier text of
            # this section is held, the parts this act replaced are not: a gap, never the
            # outdated words.
            if key in sections:
                _unknown(sections[key], group, fi.number, when)
            continue
        if key not in sv.sections:
            raise SourceError(f"{sv.path}: {key} § is in the Finnish text ({fi.path}) but not in the Swedish")
        sec = sections.setdefault(key, Section(key, chapter=fi.sections[key].chapter))
        for lang, f in (("fi", fi), ("sv", sv)):
            printed = f.sections[key]
            if whole:
                sec.moments[lang] = [p or Moment(gap=True) for p in printed.parts]
                sec.heading[lang] = printed.heading
            else:
                _apply_parts(sec, lang, printed, group, f)
        if whole:
            sec.status, sec.repealed_by = "in force", None
        sec.acts.append(fi.number)
        sec.since = when


def _reworded(sections: dict[str, Section], key: str, lang: str, f: ActFile, when: dt.date) -> None:
    """An act that replaces the wording of a section in one language only (the other
    language's text stays)."""
    sec = sections.get(key)
    if sec is None:
        return  # the section is not held: nothing to replace
    if key in f.sections:
        sec.moments[lang] = [p or Moment(gap=True) for p in f.sections[key].parts]
        sec.heading[lang] = f.sections[key].heading
    else:  # replaced, but not in the sources: a gap, never the outdated words
        sec.moments[lang] = [Moment(gap=True, note=f"{f.number}, in force {when.isoformat()}: changed the "
                                                   f"wording of this section in '{lang}'; its text is not in "
                                                   f"law/sources/")]
    sec.acts.append(f.number)
    sec.since = when


def _apply_parts(sec: Section, lang: str, printed: Printed, group: list[Change], f: ActFile) -> None:
    moments = sec.moments.setdefault(lang, [])
    if any(c.part == ("heading",) for c in group) or not sec.heading.get(lang):
        sec.heading[lang] = printed.heading  # an amendment prints the heading in force
    parts = [c for c in group if c.part and c.part[0] != "heading"]
    _repeal_parts(moments, parts, f.number)
    targets = sorted({c.part[1] for c in parts if c.verb != "repeal"})
    shown = [p for p in printed.parts if p is not None]
    trailing = False
    if len(shown) != len(targets):
        raise SourceError(f"{f.path}: {sec.number} § prints {len(shown)} subsection(s), but the opening "
                          f"clause changes {len(targets)} ({', '.join(map(str, targets))})")
    for n, new in zip(targets, shown):
        while len(moments) < n:
            moments.append(Moment(gap=True))
        kinds = {c.part[0] for c in parts if c.part[1] == n and c.verb != "repeal"}
        if "moment" in kinds:
            # A dashed line closing a subsection printed whole stands for the parts after
            # it (the statute book prints it inside the list of points), not for a point.
            if new.items and new.items[-1] == GAP:
                new = Moment(intro=new.intro, items=new.items[:-1])
                trailing = True
            moments[n - 1] = new
        else:  # the opening words and/or some numbered points of subsection n
            # the Swedish act sometimes prints opening words alone as a plain subsection
            new_intro = new.intro if new.items is not None else new.text
            old = moments[n - 1]
            if old.gap or old.items is None:  # the earlier text is not in the sources
                moments[n - 1] = Moment(intro=new_intro,  # printed for the points, and in force
                                        items=list(new.items if new.items is not None else [GAP]))
                # the points left alone, and maybe later subsections: both unknown here
                trailing = trailing or moments[n - 1].items[-1] == GAP
                continue
            intro = new_intro if "intro" in kinds else old.intro
            items = list(old.items)
            for item in new.items or []:
                if item == GAP:
                    continue
                k = _point_of(item)
                if k is None:
                    raise SourceError(f"{f.path}: {sec.number} § {n} mom.: a point without its number: '{item[:40]}'")
                at = next((i for i, old_item in enumerate(items) if _point_of(old_item) == k), None)
                after = next((i for i, old_item in enumerate(items) if _point_of(old_item) is not None
                              and _order(str(_point_of(old_item))) > _order(str(k))), None)
                if at is not None:
                    items[at] = item
                elif after is not None and GAP not in items:  # "31 a kohta": between 31 and 32
                    items.insert(after, item)
                else:
                    items = [i for i in items if i != GAP] + [item, GAP] if GAP in items else items + [item]
            moments[n - 1] = Moment(intro=intro, items=items)
    # a dashed line after the last part printed: the section goes on, with parts left alone
    trailing = trailing or bool(printed.parts and printed.parts[-1] is None)
    if targets and trailing and len(moments) == targets[-1]:
        moments.append(Moment(gap=True))


def _repeal_parts(moments: list[Moment], parts: list[Change], by: str) -> None:
    """What an act repeals it does not print: a repealed subsection stays a numbered gap
    (the statute book does not renumber), a repealed point is taken off its list."""
    for c in parts:
        if c.verb != "repeal":
            continue
        while len(moments) < c.part[1]:
            moments.append(Moment(gap=True))
        old = moments[c.part[1] - 1]
        if c.part[0] == "moment":
            moments[c.part[1] - 1] = Moment(gap=True, note=f"{by}: repealed")
        elif c.part[0] == "point" and old.items is not None:
            moments[c.part[1] - 1] = Moment(intro=old.intro,
                                            items=[i for i in old.items if _point_of(i) != c.part[2]])


def _unknown(sec: Section, group: list[Change], by: str, when: dt.date) -> None:
    """`by` changed these parts of `sec`, but its text of the section is not in the sources."""
    note = f"{by}, in force {when.isoformat()}: changed this section; its text is not in law/sources/"
    numbers = sorted({c.part[1] for c in group if c.part and c.part[0] != "heading"})
    for lang in sec.moments:
        if any(c.part is None for c in group):
            sec.moments[lang] = [Moment(gap=True, note=note)]
            continue
        for n in numbers:
            while len(sec.moments[lang]) < n:
                sec.moments[lang].append(Moment(gap=True))
            sec.moments[lang][n - 1] = Moment(gap=True, note=note)
    sec.acts.append(by)
    sec.since = when


def _repeal(sec: Section, by: str, when: dt.date) -> None:
    sec.status, sec.repealed_by, sec.since = "repealed", by, when
    sec.acts.append(by)
    sec.moments, sec.heading = {}, sec.heading


def _apply_missing(sections: dict[str, Section], missing: Missing) -> None:
    note = (f"{missing.amendment}, in force {missing.in_force.isoformat()}: {missing.reason}")
    for number, moments in missing.parts.items():
        sec = sections.get(number)
        if sec is None:
            continue
        for lang in sec.moments:
            if moments is None:
                sec.moments[lang] = [Moment(gap=True, note=note)]
                continue
            for n in moments:
                while len(sec.moments[lang]) < n:
                    sec.moments[lang].append(Moment(gap=True))
                sec.moments[lang][n - 1] = Moment(gap=True, note=note)


def load_missing(path: Path) -> list[Missing]:
    if not Path(path).is_file():
        return []
    out = []
    for entry in yaml.safe_load(Path(path).read_text(encoding="utf-8")) or []:
        parts = {str(k): (list(v) if v else None) for k, v in (entry.get("sections") or {}).items()}
        out.append(Missing(str(entry["act"]), str(entry["amendment"]), entry["in_force"], parts,
                           " ".join(str(entry["reason"]).split())))
    return out


# ------------------------------------------------------------------ the data file


def to_data(sec: Section) -> dict:
    """A section as law/sections.yml stores it."""
    out: dict = {"status": sec.status}
    if sec.status == "repealed":
        out.update({"repealed_by": sec.repealed_by, "since": sec.since.isoformat()})
        if sec.heading:
            out["heading"] = dict(sec.heading)
        return out
    out["heading"] = {lang: sec.heading.get(lang, "") for lang in ("fi", "sv")}
    out["text"] = {lang: [m.lines() for m in sec.moments.get(lang, [])] for lang in ("fi", "sv")}
    out["acts"] = list(sec.acts)
    out["since"] = sec.since.isoformat() if sec.since else None
    if any(m.gap or GAP in (m.items or []) for ms in sec.moments.values() for m in ms):
        out["gaps"] = True
    # why parts are missing: the notes of the gaps still there (a later act may have
    # replaced a part an unread one had changed)
    notes = list(dict.fromkeys(m.note for ms in sec.moments.values() for m in ms if m.gap and m.note))
    if notes:
        out["notes"] = notes
    return out


def finlex_url(act: str, lang: str) -> str:
    """The consolidated text of an act on Finlex: 417/2007 -> .../laki/ajantasa/2007/20070417."""
    number, year = act.split("/")
    return f"https://www.finlex.fi/{lang}/laki/ajantasa/{year}/{year}{int(number):04d}"
