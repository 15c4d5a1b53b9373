"""The facts of a page, section by section, in a form that is the same in every language.

A reader acts on numbers: ages, days, months, amounts, phone numbers, dates, law
references, e-mail addresses and the addresses of other sites. A translation may word
everything differently, but these must be the same as in its source page, section by
section (a section is everything under a heading with an explicit id, up to the next
one; text before the first such heading is the section "top"). The check in
portal/translations.py compares what `page_facts` returns for a source and a translation.

How values are made comparable across the languages:
- dates: "1.2.2026", "1 February 2026", "1 februari 2026", "1. helmikuuta 2026",
  "2026-02-01" and the month names of every language Babel knows become 2026-02-01;
- numbers: digits only, with their separators dropped ("116 111" = "116111",
  "650 000" = "650,000"), a decimal comma read as a point, times as hours ("kl. 24",
  "24.00" and "24:00" are 24); Arabic-Indic digits read as the Western ones;
- law references: "417/2007", "HE 56/2023" or "RP 56/2023" become 417/2007, 56/2023;
  court decisions "KHO:2016:92", "HFD 2016:92" become 2016:92;
  section numbers are numbers, and "76 a §", "§ 76 a" and "section 76 a" become 76a
  (so "75–77 §" and "sections 75–77" agree);
- ordinals are numbers: "23rd", "23:e", "23." and "1aad" are 23 and 1;
- addresses of other sites: the language part of the address (/fi/, /sv/, /EN/, ?lang=fi)
  is ignored, and facts/url-equivalents.yml names the addresses that are the same
  resource in other languages under other paths (thl.fi/sv/... = thl.fi/...);
- e-mail addresses: as written, lower case.

Why not a library: nothing on PyPI extracts these across nine languages' date formats and
compares them per heading; Babel supplies the month names.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from portal import docs_model

TOP = "top"  # the section before the first heading with an id


@dataclass(frozen=True)
class Fact:
    kind: str  # number, date, law, url, email
    value: str  # the normalised value that is compared
    text: str  # as written on the page
    line: int


@dataclass
class Section:
    id: str
    line: int  # the heading's line (or the body's first line for "top")
    facts: list[Fact]

    def counter(self) -> Counter:
        return Counter((f.kind, f.value) for f in self.facts)


# --------------------------------------------------------------------------- patterns

URL = re.compile(r"https?://[^\s)\]>\"'<]+")
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
ISO_DATE = re.compile(r"(?<![\d.])(\d{4})-(\d{2})-(\d{2})(?![\d])")
DOTTED_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d])")
LAW_NUMBER = re.compile(r"(?<![\d/])(\d{1,4})/((?:19|20)\d{2})(?![\d/])")
# a court decision: KHO:2016:92, KHO 2016:92, HFD 2016:92, KKO:2020:5
COURT_CASE = re.compile(r"\b(?:KHO|HFD|KKO|HD)\b:?\s?((?:19|20)\d{2}):(\d+)")
# a section number with a letter: 76 a §, § 76 a, section 76 a, 49 c
# (in a list of sections or a link text: "25 a, 25 c", "[... 25 a](...)")
LETTERED_SECTION = re.compile(
    r"(?<![0-9A-Za-z_])(\d{1,3}) ?([a-h])(?=\s?§|\]|\)|,|،|;|\s*$|\s+(?:§|ja|och|and|и|і|та|iyo)\s|\s+و)"
    r"|(?<=§ )(\d{1,3}) ?([a-h])\b|(?<=[Ss]ection )(\d{1,3}) ?([a-h])\b")
# digit groups joined by spaces (phone numbers, 650 000) or thousands commas (650,000)
# a letter may stand before a number in Arabic script ("و23", "الـ23"), not a Latin one
NUMBER = re.compile(r"(?<![0-9A-Za-z_.,:])\d+(?:(?:[ \u00a0\u202f]|,(?=\d{3}\b))\d+)*(?:[.,]\d+|:\d{2}(?!\d))?"
                    r"(?:st|nd|rd|th|:e|:a|aad|da)?(?![\w])")
# Which of those numbers are phone numbers: two or more digit groups joined by single
# spaces, the first a Finnish number's 0 (09 2525 0111, 0800 96 116, 080 005 005), a
# country code (+358 9 2525 0111) or 116 (the European helplines: 116 111, 116 016).
# Not a group inside a longer run ("2 116 000"), nor after a letter of a Latin or
# Cyrillic word or "/" (part of another token); an Arabic-script letter may stand before
# it ("ب09 2525 0111"). Every phone number is also a NUMBER, so the fact check compares
# it; hooks/phone_numbers.py keeps it on one line.
PHONE_NUMBER = re.compile(r"(?<![0-9A-Za-z\u00c0-\u024f\u0400-\u04ff_/.,:+])(?<!\d[ \u00a0\u202f])"
                          r"(?:\+\d{1,3}|0\d*|116)(?:[ \u00a0\u202f]\d+)+(?![\w/])")
ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th|:e|:a|aad|da)$")
ARABIC_INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
HEADING = re.compile(r"^#{1,6}\s")
ATTRS = re.compile(r"\{[^}]*\}")  # attribute lists: {#id}, { hreflang="fi" }
HTML_COMMENT = re.compile(r"<!--.*?-->")


# --------------------------------------------------------------------------- dates


@lru_cache(maxsize=None)
def month_names(lang: str) -> dict[str, int]:
    """Every way Babel knows the language writes a month name, lower case -> month."""
    from babel import Locale, UnknownLocaleError

    names: dict[str, int] = {}
    try:
        locale = Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return names
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in locale.months[context][width].items():
                name = name.lower().rstrip(".")
                if len(name) >= 2 and not name.isdigit():  # Persian May is "مه"
                    names.setdefault(name, number)
    return names


@lru_cache(maxsize=None)
def _date_patterns(lang: str) -> list[re.Pattern]:
    """Day-month-year and month-day-year with the language's own and English month names."""
    names = dict(month_names("en"))
    names.update(month_names(lang))
    alternatives = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
    day = r"(\d{1,2})(?:\.|st|nd|rd|th|da|aad)?"
    return [
        re.compile(rf"(?<![\d.]){day}\s+(?:of\s+)?({alternatives})\w*\.?,?\s+(\d{{4}})(?!\d)", re.I),
        re.compile(rf"(?<![\w])({alternatives})\w*\.?\s+{day},?\s+(\d{{4}})(?!\d)", re.I),
    ]


def _dates(text: str, lang: str) -> list[tuple[int, int, str]]:
    """(start, end, ISO date) of every date in the text."""
    found = []
    for m in ISO_DATE.finditer(text):
        found.append((m.start(), m.end(), f"{m[1]}-{m[2]}-{m[3]}"))
    for m in DOTTED_DATE.finditer(text):
        found.append((m.start(), m.end(), f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}"))
    names = dict(month_names("en"))
    names.update(month_names(lang))
    day_first, month_first = _date_patterns(lang)
    for m in day_first.finditer(text):
        month = _month(m[2], names)
        if month:
            found.append((m.start(), m.end(), f"{m[3]}-{month:02d}-{int(m[1]):02d}"))
    for m in month_first.finditer(text):
        month = _month(m[1], names)
        if month:
            found.append((m.start(), m.end(), f"{m[3]}-{month:02d}-{int(m[2]):02d}"))
    return _without_overlaps(found)


def _month(word: str, names: dict[str, int]) -> int | None:
    word = word.lower().rstrip(".")
    return names.get(word)


def _without_overlaps(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for span in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if out and span[0] < out[-1][1]:
            continue
        out.append(span)
    return out


# --------------------------------------------------------------------------- addresses


@lru_cache(maxsize=None)
def _equivalents(path: Path) -> dict[str, str]:
    """facts/url-equivalents.yml: each group of addresses of one resource -> its first."""
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    canonical = {}
    for group in data:
        urls = [normalise_url(u) for u in group.get("urls", [])]
        for url in urls:
            canonical[url] = urls[0]
    return canonical


LANG_SEGMENT = re.compile(r"/(?:fi|sv|en|ru|et|ar|uk|so|fa)(?=/|$)", re.I)


def normalise_url(url: str) -> str:
    url = url.rstrip(".,;:")
    url = re.sub(r"^https?://(?:www\.)?", "", url)
    url = re.sub(r"[?&]lang=[a-z]{2}", "", url)
    url = LANG_SEGMENT.sub("/{lang}", url).rstrip("/")
    return url.removesuffix("/{lang}")  # a site's home in one language is its home


def comparable_url(url: str, equivalents: Path | None) -> str:
    url = normalise_url(url)
    return _equivalents(equivalents).get(url, url) if equivalents else url


# --------------------------------------------------------------------------- extraction


def facts_of_text(text: str, line: int, lang: str, equivalents: Path | None = None) -> list[Fact]:
    """The facts in one line of Markdown."""
    facts: list[Fact] = []
    text = HTML_COMMENT.sub(" ", text)
    text = ATTRS.sub(" ", text)

    def blank(m: re.Match) -> str:
        return " " * (m.end() - m.start())

    for m in URL.finditer(text):
        facts.append(Fact("url", comparable_url(m[0], equivalents), m[0].rstrip(".,;:"), line))
    text = URL.sub(blank, text)
    # link targets (internal ones are the structure check's); the "]" ends a link text
    text = re.sub(r"\]\([^)]*\)", lambda m: "]" + " " * (m.end() - m.start() - 1), text)
    for m in EMAIL.finditer(text):
        facts.append(Fact("email", m[0].lower(), m[0], line))
    text = EMAIL.sub(blank, text)
    text = text.translate(ARABIC_INDIC)
    for start, end, iso in _dates(text, lang):
        facts.append(Fact("date", iso, text[start:end], line))
        text = text[:start] + " " * (end - start) + text[end:]
    for m in COURT_CASE.finditer(text):
        facts.append(Fact("law", f"{m[1]}:{m[2]}", m[0], line))
    text = COURT_CASE.sub(blank, text)
    for m in LAW_NUMBER.finditer(text):
        facts.append(Fact("law", f"{int(m[1])}/{m[2]}", m[0], line))
    text = LAW_NUMBER.sub(blank, text)
    for m in LETTERED_SECTION.finditer(text):
        facts.append(Fact("number", "".join(g for g in m.groups() if g), m[0].strip(), line))
    text = LETTERED_SECTION.sub(blank, text)
    for m in NUMBER.finditer(text):
        value = re.sub(r"[ \u00a0\u202f]", "", ORDINAL_SUFFIX.sub("", m[0]))
        value = re.sub(r",(?=\d{3}\b)", "", value).replace(",", ".").replace(":", ".")
        if "." in value:  # 9.00 = 9:00 = 9, 2.50 = 2.5
            value = value.rstrip("0").rstrip(".")
        facts.append(Fact("number", value, m[0], line))
    return facts


def page_facts(page: docs_model.Page, equivalents: Path | None = None) -> dict[str, Section]:
    """{section id: Section} for a page's body, and "sources" for its front-matter sources."""
    sections: dict[str, Section] = {TOP: Section(TOP, page.body_line, [])}
    current = sections[TOP]
    headings = {h.line: h for h in page.headings if h.id}
    in_fence = False
    for offset, text in enumerate(page.body.split("\n")):
        number = page.body_line + offset
        if docs_model.FENCE.match(text):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if number in headings:
            heading = headings[number]
            current = sections.setdefault(heading.id, Section(heading.id, number, []))
        current.facts.extend(facts_of_text(text, number, page.lang, equivalents))
    sources = page.meta.get("sources")
    if isinstance(sources, list):
        line = page.meta_lines.get("sources", 1)
        found = []
        for source in sources:
            if isinstance(source, dict):
                found += facts_of_text(f"{source.get('title', '')} {source.get('url', '')}", line, page.lang,
                                       equivalents)
        sections["sources"] = Section("sources", line, found)
    return sections
