"""Which section of which act a page cites, where: the citation parser.

A page cites the law in every form its languages write it: "75 §", "76 a §", "30 och
75–77 §" (Swedish, Finnish, English), "§ 76 a" (Estonian), "section 34", "sections 4 and
40", "статья 76 a", "статьи 25 и 26", "стаття 76 a", "المادة 76 a", "المواد 30 و34–50",
"ماده 76 a", "مواد 30، 34 تا 50", "qodobka 76 a", "qodobbada 25 iyo 26". Each number of
such a list is a `Ref`: a section ("76a") or a range of sections ("34"–"50").

Which act: the act named last before the number, on the same page (the body line by
line, in reading order; each title of the front matter's `sources:` on its own). An act is
named by its number ("417/2007", not "HE 56/2023"), by its name in any of the site's
languages (law/acts.yml `names`: "barnskyddslagen", "lastensuojelulain", "Child Welfare
Act", "Закон о защите детей", ...) or by a link to it on Finlex
("[75 §](https://www.finlex.fi/fi/laki/ajantasa/2007/20070417)"). So "(4 och 40 §)" after
"barnskyddslagen 34 §" cites 417/2007 40 §, as a reader takes it. A number before any act
is named has no act (`act` None): the check asks the editor to name the act.

The same parser reads the built HTML (hooks/law_links.py links each Ref to its text on the
law page), so the page and the check can never disagree on what a number cites. Numbers
that are not sections are never read as sections: a section needs its mark (§, section,
статья, ...); law numbers, dates, court decisions and addresses are set aside first.

Why not a library: there is none for Finnish statute citations in nine languages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from portal import docs_model

ROOT = Path(__file__).resolve().parent.parent
ACTS = ROOT / "law" / "acts.yml"

# ------------------------------------------------------------------ patterns

# a section number: 75, 76 a, 76a (a letter a-h right after, not the start of a word)
NUM = r"\d{1,3}(?:\s?[a-h](?![^\W\d_]))?"
RANGE = r"(?:\s?[–-]\s?|\s+تا\s+)"
ITEM = rf"{NUM}(?:{RANGE}{NUM})?"
SEP = r"(?:\s*[,،]\s*|\s+(?:och|ja|and|и|і|та|iyo|sekä|samt)\s+|\s+و\s*)"
LIST = rf"{ITEM}(?:{SEP}{ITEM})*"
# the words before a number that make it a section (and their plurals and cases)
WORDS = (r"sections?|pykälä[tn]?|статья|статьи|статей|статье|статью|стаття|статті|статтею"
         r"|المادة|المادتين|المواد|ماده|مواد|qodobka|qodobbada|qodobada|paragrahv(?:id)?")
# "75 §", "30 och 75–77 §", "49 c §:n": the mark after the list
AFTER = re.compile(rf"(?<![\w/.:,–-])({LIST})\s?§")
# "§ 76 a", "§ 30, 34–50, 62 ja 75" (Estonian): the mark before
BEFORE = re.compile(rf"§§?\s?({LIST})(?![\w])")
# "section 34", "статья 76 a", "المواد 30 و34–50"
WORD = re.compile(rf"(?<![\w])(?:{WORDS})\s+({LIST})(?![\w])", re.I)
ITEM_RE = re.compile(rf"({NUM})(?:{RANGE}({NUM}))?")

LAW_NUMBER = re.compile(r"(?<![\d/])(\d{1,4})/((?:19|20)\d{2})(?![\d/])")
# a government proposal, committee report or other document, not an act: HE 56/2023, RP 56/2023
NOT_AN_ACT = re.compile(r"(?:\b(?:HE|RP|LA|StVM|ShUB|PeVL|GrUU|KuUU|EV|RSv|PTK|PR|OKV|LAPS|VN)\s?|/)$")
ALAND_ACT = re.compile(r"\((?:ÅFS\s)?((?:19|20)\d{2}):(\d+)\)|ÅFS\s((?:19|20)\d{2}):(\d+)")
COURT_CASE = re.compile(r"\b(?:KHO|HFD|KKO|HD)\b:?\s?(?:19|20)\d{2}:\d+")
FINLEX = re.compile(r"finlex\.fi/(?:fi|sv|en)/(?:laki/(?:ajantasa|alkup|kaannokset)/(?:19|20)\d{2}/((?:19|20)\d{2})(\d{4})"
                    r"|lainsaadanto/(?:saadoskokoelma/)?((?:19|20)\d{2})/(\d+))")
URL = re.compile(r"https?://[^\s)\]>\"'<]+")
MD_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\]]*\])*)\]\(([^)\s]*)[^)]*\)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
HTML_COMMENT = re.compile(r"<!--.*?-->")
ATTRS = re.compile(r"\{[^}]*\}")


@dataclass(frozen=True)
class Ref:
    """One section (or range of sections) a page cites."""
    act: str | None  # "417/2007"; None when no act is named before it
    first: str  # "75", "76a"
    last: str | None  # the end of a range ("34–50": "50"), else None
    start: int  # where it is written in the text given to `refs()`: the number, and the
    end: int  # mark when it is written next to it ("75 §", "section 34", "§ 76 a")
    text: str  # as written ("75 §", "76 a", "34–50")
    line: int = 0

    @property
    def sections(self) -> str:
        """"76a", "34–50": the section(s), as the check's messages name them."""
        return display(self.first) + (f"–{display(self.last)}" if self.last else "")


def normal(number: str) -> str:
    """"76 a" -> "76a"."""
    return re.sub(r"\s", "", number).lower()


def display(section: str) -> str:
    """"76a" -> "76 a" (how the statute book writes it)."""
    m = re.fullmatch(r"(\d+)([a-z]?)", section)
    return f"{m[1]} {m[2]}".strip() if m else section


def order(section: str) -> tuple[int, str]:
    """Sort key: 76 < 76a < 76b < 77."""
    m = re.fullmatch(r"(\d+)([a-z]?)", section)
    return (int(m[1]), m[2]) if m else (0, section)


def anchor(act: str, section: str) -> str:
    """The id of a section on the law page, the same in every language: "417-2007-76a"."""
    return f"{act.replace('/', '-')}-{section}"


# ------------------------------------------------------------------ acts


class Acts:
    """law/acts.yml: which acts there are, their names, whether their texts are kept."""

    def __init__(self, data: dict):
        self.data = data
        self.by_name = {n.lower(): act for act, d in data.items() for n in d.get("names", [])}
        names = sorted(self.by_name, key=len, reverse=True)
        self.names = re.compile("|".join(rf"(?<![\w]){re.escape(n)}" for n in names) or r"(?!x)x", re.I)

    @property
    def numbers(self) -> list[str]:
        return list(self.data)

    def with_texts(self, act: str) -> bool:
        return bool(self.data.get(act, {}).get("texts"))

    def title(self, act: str, lang: str) -> str:
        return self.data[act]["title"][lang]

    def act_of_name(self, name: str) -> str:
        return self.by_name[name.lower()]


@lru_cache(maxsize=None)
def _load(path: Path, stamp: float) -> Acts:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return Acts({str(k): v for k, v in data.items()})


def load_acts(path: Path = ACTS) -> Acts:
    path = Path(path)
    return _load(path, path.stat().st_mtime)


# ------------------------------------------------------------------ reading


def _blank(text: str, pattern: re.Pattern) -> str:
    return pattern.sub(lambda m: " " * (m.end() - m.start()), text)


def mentions(text: str, acts: Acts, links: list[tuple[int, str]] = ()) -> list[tuple[int, int, str]]:
    """(start, end, act) of every act named in the text (already blanked of addresses),
    plus `links`: (position, act) where a link to an act on Finlex starts."""
    found = [(pos, pos, act) for pos, act in links]
    for m in acts.names.finditer(text):
        end = m.end()
        while end < len(text) and (text[end].isalnum() or text[end] in "-'"):  # the word's ending
            end += 1
        found.append((m.start(), end, acts.act_of_name(m[0])))
    for m in LAW_NUMBER.finditer(text):
        if not NOT_AN_ACT.search(text[:m.start()]):
            found.append((m.start(), m.end(), f"{int(m[1])}/{m[2]}"))
    for m in ALAND_ACT.finditer(text):
        year, number = (m[1], m[2]) if m[1] else (m[3], m[4])
        found.append((m.start(), m.end(), f"ÅFS {year}:{number}"))
    return sorted(found)


def finlex_act(url: str) -> str | None:
    """The act a Finlex address is about: ".../ajantasa/2007/20070417" -> "417/2007"."""
    m = FINLEX.search(url)
    if not m:
        return None
    if m[1]:
        return f"{int(m[2])}/{m[1]}"
    return f"{int(m[4])}/{m[3]}"


def refs(text: str, acts: Acts, act: str | None = None, links: list[tuple[int, str]] = (),
         line: int = 0) -> tuple[list[Ref], str | None]:
    """The section references in a text, and the act named last (to carry on to the next
    line). `act`: the act named before the text; `links`: (position, act) of links to
    Finlex in it. Addresses, e-mails and law numbers are set aside before numbers are read."""
    plain = _blank(text, URL)
    plain = _blank(plain, EMAIL)
    plain = _blank(plain, COURT_CASE)
    named = mentions(plain, acts, links)
    plain = _blank(plain, LAW_NUMBER)
    plain = _blank(plain, ALAND_ACT)
    found: list[tuple[int, int, str, int]] = []  # (start, end, list text, offset of the list)
    taken = [False] * len(plain)

    def take(pattern: re.Pattern) -> None:
        for m in pattern.finditer(plain):
            if any(taken[m.start():m.end()]):
                continue
            found.append((m.start(), m.end(), m[1], m.start(1)))
            for i in range(m.start(), m.end()):
                taken[i] = True

    take(AFTER)
    take(WORD)
    take(BEFORE)
    out = []
    for start, end, _, list_at in sorted(found):
        cited_act = act = _act_next_to(plain, named, start, end) or act
        items = list(ITEM_RE.finditer(plain, list_at, end))
        items = [m for m in items if m.start() < end]
        for i, m in enumerate(items):
            s, e = m.start(), m.end()
            if i == 0:
                s = start  # "section 34", "§ 76 a": the mark goes with the first number
            if i == len(items) - 1 and plain[e:end].strip().startswith("§"):
                e = end  # "75 §": and the mark after with the last
            out.append(Ref(cited_act, normal(m[1]), normal(m[2]) if m[2] else None, s, e,
                           text[s:e], line))
    return out, act


# what may stand between an act's name and its section: "Barnskyddslag (417/2007) 30 §",
# "Child Welfare Act, section 34", "[Barnskyddslag 75 §](...)"; or after the section:
# "75 § i barnskyddslagen", "section 75 of the Child Welfare Act"
GAP_BEFORE = re.compile(r"[\s,،;:()\[\]\u00a0]*")
GAP_AFTER = re.compile(r"[\s,\u00a0]*(?:i|in|of|of the)?\s*")


def _act_next_to(text: str, named: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    """The act named right before a citation (or right after it), if any."""
    before = [m for m in named if m[1] <= start]
    if before and GAP_BEFORE.fullmatch(text[before[-1][1]:start]):
        return before[-1][2]
    after = [m for m in named if m[0] >= end]
    if after and GAP_AFTER.fullmatch(text[end:after[0][0]]):
        return after[0][2]
    return None


def markdown_refs(text: str, acts: Acts, act: str | None, line: int) -> tuple[list[Ref], str | None]:
    """refs() for a line of Markdown: a link to Finlex names its act where the link starts."""
    text = HTML_COMMENT.sub(lambda m: " " * len(m[0]), text)
    text = ATTRS.sub(lambda m: " " * len(m[0]), text)
    links = []
    for m in MD_LINK.finditer(text):
        linked = finlex_act(m[2])
        if linked:
            links.append((m.start(), linked))
    # link targets are addresses, not text: blank them (the "](" stays, it ends a link text)
    text = MD_LINK.sub(lambda m: "[" + m[1] + "]" + " " * (m.end() - m.start() - len(m[1]) - 2), text)
    return refs(text, acts, act, links, line)


def page_refs(page: docs_model.Page, acts: Acts) -> list[Ref]:
    """Every section reference of a page: its body, then each source title of its front matter."""
    found: list[Ref] = []
    act = None
    in_fence = False
    for offset, text in enumerate(page.body.split("\n")):
        number = page.body_line + offset
        if docs_model.FENCE.match(text):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        line_refs, act = markdown_refs(text, acts, act, number)
        found += line_refs
    for title, line, url in source_titles(page):
        links = [(0, finlex_act(url))] if finlex_act(url) else []
        line_refs, _ = refs(title, acts, None, links, line)
        found += line_refs
    return found


def source_titles(page: docs_model.Page) -> list[tuple[str, int, str]]:
    """(title, line, url) of each entry of the front matter's `sources:`."""
    sources = page.meta.get("sources")
    if not isinstance(sources, list):
        return []
    lines = page.lines if page.lines else page.path.read_text(encoding="utf-8").split("\n")
    out = []
    start = page.meta_lines.get("sources", 1)
    seen = start
    for source in sources:
        if not isinstance(source, dict):
            continue
        title = str(source.get("title", ""))
        line = start
        for number in range(seen, min(page.body_line, len(lines) + 1)):
            if "title:" in lines[number - 1] and title[:20] in lines[number - 1]:
                line = seen = number
                break
        out.append((title, line, str(source.get("url", ""))))
    return out
