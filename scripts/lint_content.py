#!/usr/bin/env python3
"""Content lint of docs/: front matter, termbase, unsafe markup, readability.

Usage: lint_content.py [--max-age-days N] [--today YYYY-MM-DD]

Errors (exit 1):
- front matter: title, description, last_reviewed and sources are required; the date is
  YYYY-MM-DD and not in the future; sources are a list of {title, url} with https URLs.
- termbase (the `termbase:` block of locales/<code>.yml): a forbidden term, also
  inflected (see STEM_ENDING), with the preferred one to use.
- pages of a partial language say what they were translated from and when
  (`translated_from:`, `translated_on:`); the build shows it to readers.
  A page that discusses a term on purpose lists it in `allow_terms:`.
- raw <script>, <iframe>, inline event handlers (onclick=...), http:// links.
- page markers (portal/markers.py): a comment that looks like a marker (`<!-- word -->`)
  but is none, misspelt or mis-spaced (`<!-- aftercare-checkr -->`), with the marker it
  probably means; a marker on a page whose hook does not fill it there.
- a number written as a word before a unit of time ("seven working days", "kolme
  kuukautta"): numbers a reader acts on are digits in every language, so that the fact
  check (scripts/check_translations.py) can compare them; see NUMBER_WORDS.
- easy-language pages (docs/<lang>/easy/): LIX above the easy target (EASY_LIX_TARGET),
  sentences longer than EASY_MAX_WORDS words on average, or a collapsed block (???).
- timelines ("what happens, and when?": <div class="timeline" markdown>): a numbered list
  of steps, each with a bold title, a time limit (<span class="timeline-time">) and a link;
  in a translation the same steps as in the source page, with the same numbers in each
  time limit and the same links. (The build checks that the links lead somewhere.)
Warnings (reported, exit 0):
- last_reviewed older than --max-age-days (default 365).
- readability: LIX above the target on topic pages (LIX = words per sentence + the
  share of words longer than six letters, in percent; it works for Swedish and Finnish
  alike; targets: 40 in sv as in the style guide, 55 in fi, see LIX_TARGET).
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from portal import docs_model, locales, markers, site_config
from portal.easy_pages import is_easy

ROOT = Path(__file__).resolve().parent.parent  # the checkout: mkdocs.yml, docs/, locales/


REQUIRED = ("title", "description", "last_reviewed", "sources")
NOT_TOPIC_PAGES = {"index.md", "glossary.md", "accessibility.md", "privacy.md"}
# LIX targets for topic pages. Swedish: 40, as in the style guide. Finnish: 55. LIX
# counts every word over six letters as long, and Finnish builds meaning into long
# compounds and endings (lastensuojeluilmoitus, hyvinvointialueella): our Finnish pages
# with sentences of 7-8 words measure 53-61, so 40 would flag every page and tell the
# editor nothing. 55 flags the pages that are harder than our own plain-language ones.
LIX_TARGET = {"sv": 40, "fi": 55}
# Easy-language pages (lättläst, selkokieli, Easy English: docs/<lang>/easy/) must meet
# a stricter target, and it is an error, not a warning: an easy page that is not easy
# to read fails its only purpose. On Björnsson's scale 25-30 is "easy text" and 30-40
# already "normal" (newspapers), so 30 is the top of easy; English is scored on the same
# scale (it was made to compare languages). Finnish gets 45: the same 15 points above
# Swedish as on the topic pages (55 against 40). The gap is added, not multiplied: LIX is
# words per sentence plus the percentage of words over six letters, and it is only the
# second part that Finnish raises, by about the same amount whatever the sentence length.
# Our easy pages show it: Finnish sentences are as short as the Swedish ones (4-5 against
# 5-6 words) while the share of long words is about 35 % against 17 %, because everyday
# Finnish words are long ("silloin", "sosiaalityöntekijä", the word on the letters).
# A lower Finnish target would push writers to swap common words for rarer short ones,
# against the selkokieli criteria. The sentence limit is the same in every
# language: selkokieli and lättläst guidance ask for about 5-10 words a sentence, so the
# average may be at most 10 (headings and list items count as sentences, as readers meet
# them). The figures are reported for every easy page in --report.
EASY_LIX_TARGET = {"sv": 30, "en": 30, "fi": 45}
EASY_MAX_WORDS = 10
COLLAPSED = re.compile(r"^\s*\?\?\?")
UNSAFE = [
    (re.compile(r"<\s*script\b", re.I), "raw <script> in content; page behaviour belongs in overrides/"),
    (re.compile(r"<\s*iframe\b", re.I), "raw <iframe> in content; embeds load third-party pages"),
    (re.compile(r"<[^>]*\son[a-z]+\s*=", re.I), "inline event handler (on...=) in content; use overrides/"),
    (re.compile(r"\]\(\s*<?http://", re.I), "http:// link; use https://"),
    (re.compile(r"(?:href|src)\s*=\s*[\"']http://", re.I), "http:// link; use https://"),
]
# Numbers written as words before a unit of time, per language (sv, fi, en: the languages
# the editors write; a partial language's translator follows its source, which has digits).
# "one"/"en"/"ett"/"yksi" are left out: they are also articles and pronouns.
NUMBER_WORDS = {
    "sv": re.compile(r"\b(två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|fjorton|femton|arton|tjugo|trettio)"
                     r"\s+((?:arbets)?dag(?:ar|en|arna)?|veck(?:a|or|an|orna)|månad(?:er|en|erna)?|år(?:en)?|timm(?:e|ar)(?:n|na)?)\b",
                     re.I),
    "fi": re.compile(r"\b(kaksi|kahde\w*|kolme\w*|neljä\w*|viisi|viide\w*|kuusi|kuude\w*|seitsemä\w*|kahdeksa\w*|"
                     r"yhdeksä\w*|kymmene\w*|kahdeksantoista\w*|kaksikymmentä\w*|kolmekymmentä\w*)"
                     r"\s+((?:arki)?päiv\w*|viiko\w*|viikk\w*|kuukau\w*|vuo[dtsk]\w*|tunni\w*|tunti\w*)", re.I),
    "en": re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|eighteen|twenty|"
                     r"thirty)\s+((?:working\s+)?days?|weeks?|months?|years?|hours?)\b", re.I),
}
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)
# A forbidden term is found at the start of a word, so a form that only adds an ending is
# caught (socialnämnd: socialnämnden, socialnämnder). A form whose ending replaces one of
# the term's is not, so in sv, fi and en (the languages the editors write) the term's last
# word is cut back to the stem its inflected forms share (STEM_ENDING, the ending removed;
# the stem keeps at least STEM_MIN letters):
# - sv: -an of a verbal noun (orosanmälan: orosanmälningar, orosanmälningen) and of -man
#   (socialombudsman: socialombudsmän); -a, -e (kvinna: kvinnor; pojke: pojkar). Not a
#   definite -en: a term written definite means that form (socialtjänsten, Sweden's
#   authority; "socialtjänster för vuxna" and "Kommunernas socialtjänst" are right);
# - fi: the final vowel and the consonants that alternate before it (sosiaalilautakunta:
#   sosiaalilautakunnan), or a final -s or -n (selvitys: selvityksen; asiamies: asiamiehen);
# - en: -an (ombudsman: ombudsmen), -y (agency: agencies).
# The other languages keep the term as written: list an inflected form as a term of its own.
STEM_ENDING = {
    "sv": re.compile(r"(?:an|a|e)$"),
    "fi": re.compile(r"(?:(?:nt|nk|mp|lt|rt|tt|pp|kk|[tpk])?[aeiouyäö]|[sn])$"),
    "en": re.compile(r"(?:an|y)$"),
}
STEM_MIN = 4


TIMELINE = re.compile(r"^<div\b(?=[^>]*\bclass=\"(?:[^\"]*\s)?timeline(?:\s[^\"]*)?\")([^>]*)>\s*$")
STEP = re.compile(r"^(\d+)[.)]\s+(.*)$")
BULLET = re.compile(r"^[-*+]\s+")
TITLE = re.compile(r"\*\*[^*]*\S[^*]*\*\*")
TIME = re.compile(r"<span class=\"timeline-time\">(.*?)</span>")
NUMBER = re.compile(r"\d+")


@dataclass
class Step:
    line: int
    title: str
    time: str | None
    links: list[str]


@dataclass
class Timeline:
    line: int
    steps: list[Step]


@dataclass
class Findings:
    errors: list[str]
    warnings: list[str]
    report: list[str]


def load_termbase(codes: list[str], folder: Path) -> dict:
    """{language: its termbase block} from locales/<code>.yml."""
    return {code: locales.termbase(code, folder) for code in codes}


def plain_text(body: str) -> str:
    """Prose only: no code, front matter, link targets, attribute lists or markup."""
    text = re.sub(r"```.*?```", " ", body, flags=re.S)
    text = re.sub(r"\{[^}]*\}", " ", text)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"^\s*(!!!|\?\?\?)\+?\s*[\w-]+", " ", text, flags=re.M)
    lines = []
    for line in text.split("\n"):
        stripped = re.sub(r"^\s*(?:#+|[-*+]|\d+[.)]|\|)\s*", "", line).strip()
        if stripped:
            # headings, list items and table rows end a sentence even without a full stop
            lines.append(stripped if re.search(r"[.!?:]$", stripped) else stripped + ".")
    return " ".join(lines)


def readability(body: str) -> tuple[float, int, int]:
    """(LIX, words, sentences) of a page's prose."""
    text = plain_text(body)
    words = WORD.findall(text)
    sentences = max(1, len(re.findall(r"[.!?:]+(?:\s|$)", text)))
    if not words:
        return 0.0, 0, sentences
    long_words = sum(1 for w in words if len(w) > 6)
    return len(words) / sentences + 100 * long_words / len(words), len(words), sentences


def lix(body: str) -> tuple[float, int]:
    score, words, _ = readability(body)
    return score, words


def check_easy(page: docs_model.Page, label: str, f: Findings):
    """An easy-language page is easy to read: LIX and sentence length under the easy targets."""
    score, words, sentences = readability(page.body)
    per_sentence = words / sentences
    target = EASY_LIX_TARGET.get(page.lang, EASY_LIX_TARGET["sv"])
    f.report.append(f"{label}: easy page: LIX {score:.0f} (target {target}), {per_sentence:.1f} words per sentence "
                    f"(at most {EASY_MAX_WORDS}), {words} words")
    if round(score) > target:
        f.errors.append(f"{label}: easy-language page: LIX {score:.0f} is above the easy target {target}; "
                        f"use shorter sentences and everyday words")
    if round(per_sentence, 1) > EASY_MAX_WORDS:
        f.errors.append(f"{label}: easy-language page: {per_sentence:.1f} words per sentence on average, "
                        f"above {EASY_MAX_WORDS}; one idea per sentence")
    for number, line in enumerate(page.lines, 1):
        if number >= page.body_line and COLLAPSED.match(line):
            f.errors.append(f"{label}:{number}: easy-language page: collapsed block (???); "
                            f"show the text, use !!! or a plain paragraph")


def as_date(value):
    """A front-matter date (YAML date or ISO text) as a date, or None if it is not one."""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return None
    return value if isinstance(value, dt.date) and not isinstance(value, dt.datetime) else None


def check_translation_record(page: docs_model.Page, label: str, today: dt.date, full: list[str], f: Findings):
    """A page in a partial language names its source language and the translation date."""
    meta, line = page.meta, page.meta_lines.get
    source = meta.get("translated_from")
    if source is None:
        f.errors.append(f"{label}:1: front matter lacks 'translated_from:'; a page in a partial language names the "
                        f"language it was translated from ({', '.join(full)})")
    elif source not in full:
        f.errors.append(f"{label}:{line('translated_from', 1)}: translated_from: '{source}' is not a full language; "
                        f"use one of {', '.join(full)}")
    value = meta.get("translated_on")
    if value is None:
        f.errors.append(f"{label}:1: front matter lacks 'translated_on:'; give the translation date like 2026-11-23")
        return
    value = as_date(value)
    if value is None:
        f.errors.append(f"{label}:{line('translated_on', 1)}: translated_on must be a date like 2026-11-23, "
                        f"not '{meta['translated_on']}'")
    elif value > today:
        f.errors.append(f"{label}:{line('translated_on', 1)}: translated_on {value} is in the future")


def timelines(page: docs_model.Page) -> tuple[list[Timeline], list[str]]:
    """The page's timelines, and what is wrong with their form ('LINE: message')."""
    found: list[Timeline] = []
    problems: list[str] = []
    lines = page.lines
    number = page.body_line - 1
    while number < len(lines):
        m = TIMELINE.match(lines[number].strip())
        number += 1
        if not m:
            continue
        start = number
        if not re.search(r"\bmarkdown\b", m[1]):
            problems.append(f"{start}: the timeline's <div> lacks the markdown attribute, so its list is shown as "
                            f"plain text; write <div class=\"timeline\" markdown>")
        timeline = Timeline(start, [])
        bullets: list[int] = []
        while number < len(lines) and lines[number].strip() != "</div>":
            line = lines[number]
            number += 1
            step = STEP.match(line)
            if step:
                timeline.steps.append(Step(number, "", None, []))
            elif BULLET.match(line):
                bullets.append(number)
            if timeline.steps and (step or line[:1] in (" ", "\t")):
                current = timeline.steps[-1]
                current.title = current.title or (TITLE.search(line)[0].strip("*") if TITLE.search(line) else "")
                time = TIME.search(line)
                if time and current.time is None:
                    current.time = time[1].strip()
                current.links += docs_model.LINK.findall(line)
        if number >= len(lines):
            problems.append(f"{start}: the timeline's <div> is never closed; end it with a line </div>")
        if bullets:
            problems.append(f"{bullets[0]}: the timeline's steps are a bulleted list (- ...); number them "
                            f"(1. 2. 3.)")
        elif not timeline.steps:
            problems.append(f"{start}: the timeline has no steps; write them as a numbered list (1. 2. 3.)")
        for n, step in enumerate(timeline.steps, 1):
            if not step.title:
                problems.append(f"{step.line}: timeline step {n} has no bold title (**...**)")
            if not step.time:
                problems.append(f"{step.line}: timeline step {n} has no time limit "
                                f"(<span class=\"timeline-time\">...</span>)")
            if not step.links:
                problems.append(f"{step.line}: timeline step {n} links to nothing; link the page or section "
                                f"it is about")
        found.append(timeline)
    return found, problems


def check_timelines(page: docs_model.Page, label: str, source: docs_model.Page | None, source_label: str,
                    f: Findings):
    """A timeline's form; in a translation, its steps against the source page's."""
    mine, problems = timelines(page)
    f.errors += [f"{label}:{problem}" for problem in problems]
    if source is None:
        return
    theirs = timelines(source)[0]
    if len(mine) != len(theirs):
        f.errors.append(f"{label}: {len(mine)} timeline(s), {source_label} has {len(theirs)}; every language "
                        f"has the source's timelines")
        return
    for own, other in zip(mine, theirs):
        if len(own.steps) != len(other.steps):
            f.errors.append(f"{label}:{own.line}: the timeline has {len(own.steps)} steps, {source_label}:"
                            f"{other.line} has {len(other.steps)}; every language has the same steps")
            continue
        for n, (step, source_step) in enumerate(zip(own.steps, other.steps), 1):
            where = f"{label}:{step.line}: timeline step {n}"
            there = f"{source_label}:{source_step.line}"
            if step.time and source_step.time and NUMBER.findall(step.time) != NUMBER.findall(source_step.time):
                f.errors.append(f"{where}: time limit '{step.time}' has other numbers than '{source_step.time}' "
                                f"in {there}")
            if step.links != source_step.links:
                f.errors.append(f"{where}: links {step.links}, but {source_step.links} in {there}")


def check_front_matter(page: docs_model.Page, label: str, today: dt.date, max_age: int, f: Findings):
    meta = page.meta
    for key in REQUIRED:
        if key not in meta or meta[key] in (None, "", []):
            f.errors.append(f"{label}:1: front matter lacks '{key}:'; every page needs {', '.join(REQUIRED)}")
    line = page.meta_lines.get
    for key in ("title", "description"):
        if key in meta and not isinstance(meta[key], str):
            f.errors.append(f"{label}:{line(key, 1)}: '{key}' must be text")
    if isinstance(meta.get("description"), str) and len(meta["description"]) > 200:
        f.errors.append(f"{label}:{line('description', 1)}: description is {len(meta['description'])} characters; "
                        f"keep it to one line of at most 200")
    if "last_reviewed" in meta:
        value = as_date(meta["last_reviewed"])
        if value is None:
            f.errors.append(f"{label}:{line('last_reviewed', 1)}: last_reviewed must be a date like 2026-11-23, "
                            f"not '{meta['last_reviewed']}'")
        elif value > today:
            f.errors.append(f"{label}:{line('last_reviewed', 1)}: last_reviewed {value} is in the future")
        elif (today - value).days > max_age:
            f.warnings.append(f"{label}:{line('last_reviewed', 1)}: last reviewed {value}, over {max_age} days ago; "
                              f"review the page and update the date")
    sources = meta.get("sources")
    if sources is not None and sources != []:
        if not isinstance(sources, list):
            f.errors.append(f"{label}:{line('sources', 1)}: sources must be a list of '- title: ... url: ...'")
        else:
            for i, src in enumerate(sources, 1):
                if not isinstance(src, dict) or not src.get("title") or not src.get("url"):
                    f.errors.append(f"{label}:{line('sources', 1)}: source {i} needs both 'title:' and 'url:'")
                elif not str(src["url"]).startswith("https://"):
                    f.errors.append(f"{label}:{line('sources', 1)}: source {i} url must start with https:// "
                                    f"('{src['url']}')")


def term_pattern(term: str, lang: str) -> re.Pattern:
    """The term at the start of a word, its last word cut back to its stem (STEM_ENDING);
    an acronym (LVU) as written, in capitals."""
    if term.isupper():
        return re.compile(r"(?<![^\W\d_])" + re.escape(term))
    *before, last = term.split()
    ending = STEM_ENDING.get(lang)
    stem = ending.sub("", last) if ending else last
    if len(stem) < STEM_MIN:
        stem = last
    return re.compile(r"(?<![^\W\d_])" + r"\s+".join(re.escape(w) for w in [*before, stem]), re.I)


def check_terms(page: docs_model.Page, label: str, termbase: dict, f: Findings):
    forbidden = (termbase.get(page.lang) or {}).get("forbidden") or {}
    patterns = {term: term_pattern(term, page.lang) for term in forbidden}
    allowed = {str(t).lower() for t in page.meta.get("allow_terms") or []}
    in_fence = False
    for number, line in enumerate(page.lines, 1):
        if number < page.body_line:
            continue
        if docs_model.FENCE.match(line):
            in_fence = not in_fence
        if in_fence:
            continue
        prose = re.sub(r"\]\([^)]*\)|\{[^}]*\}", " ", line)
        for term, preferred in forbidden.items():
            if term.lower() in allowed:
                continue
            if patterns[term].search(prose):
                f.errors.append(f"{label}:{number}: '{term}' is not used on this site; write {preferred} "
                                f"(or list it in 'allow_terms:' if the page discusses it on purpose)")


def check_digits(page: docs_model.Page, label: str, f: Findings):
    pattern = NUMBER_WORDS.get(page.lang)
    if pattern is None:
        return
    for number, line in enumerate(page.lines, 1):
        if number < page.body_line:
            continue
        for m in pattern.finditer(line):
            f.errors.append(f"{label}:{number}: '{m[0]}': write the number as digits, as every language does "
                            f"(a reader acts on it, and the fact check compares digits)")


def check_markers(page: docs_model.Page, label: str, f: Findings):
    """A marker-like comment that no hook will replace would do nothing, silently."""
    for number, message in markers.problems(page.body, page.name, page.body_line):
        f.errors.append(f"{label}:{number}: {message}")


def check_unsafe(page: docs_model.Page, label: str, f: Findings):
    for number, line in enumerate(page.lines, 1):
        for pattern, message in UNSAFE:
            if pattern.search(line):
                f.errors.append(f"{label}:{number}: {message}")


def lint(config: site_config.SiteConfig, root: Path, today: dt.date, max_age: int = 365,
         termbase: dict | None = None) -> Findings:
    termbase = load_termbase(config.codes, config.locales_dir) if termbase is None else termbase
    full = [lang.code for lang in config.languages if lang.full]
    partial = {lang.code for lang in config.languages if not lang.full}
    f = Findings([], [], [])

    def label_of(path: Path) -> str:
        return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()

    sources: dict[str, docs_model.Page | None] = {}

    def source_of(name: str) -> docs_model.Page | None:
        """The page in the source language (None if it has none or it cannot be read)."""
        if name not in sources:
            path = config.docs_dir / config.default / name
            try:
                sources[name] = docs_model.parse(path, config.default, name) if path.is_file() else None
            except docs_model.PageError:
                sources[name] = None  # reported as the source page's own error
        return sources[name]

    for code, name, path in docs_model.iter_pages(config.docs_dir, config.codes):
        label = label_of(path)
        try:
            page = docs_model.parse(path, code, name)
        except docs_model.PageError as exc:
            f.errors.append(str(exc).replace(str(path), label, 1))
            continue
        source = source_of(name) if code != config.default else None
        check_timelines(page, label, source, label_of(source.path) if source else "", f)
        check_front_matter(page, label, today, max_age, f)
        if code in partial:
            check_translation_record(page, label, today, full, f)
        check_terms(page, label, termbase, f)
        check_digits(page, label, f)
        check_unsafe(page, label, f)
        check_markers(page, label, f)
        if is_easy(name):
            check_easy(page, label, f)
            continue
        score, words = lix(page.body)
        f.report.append(f"{label}: LIX {score:.0f}, {words} words")
        target = LIX_TARGET.get(code)
        if target and name not in NOT_TOPIC_PAGES and score > target:
            f.warnings.append(f"{label}: readability: LIX {score:.0f} is above the target {target}; "
                              f"shorter sentences and words help")
    return f


def main(argv: list[str]) -> int:
    config = site_config.load(ROOT / "mkdocs.yml")
    today = dt.date.today()
    max_age = 365
    if "--today" in argv:
        today = dt.date.fromisoformat(argv[argv.index("--today") + 1])
    if "--max-age-days" in argv:
        max_age = int(argv[argv.index("--max-age-days") + 1])
    f = lint(config, ROOT, today, max_age)
    if "--report" in argv:
        for line in f.report:
            print(line)
    for line in f.warnings:
        print(f"warning: {line}")
    for line in f.errors:
        print(line)
    print(f"lint_content: {len(f.errors)} error(s), {len(f.warnings)} warning(s)")
    return 1 if f.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
