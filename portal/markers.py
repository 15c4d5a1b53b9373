"""The page markers: where a page asks the build for something it cannot write in Markdown.

A marker is an HTML comment holding one word, alone on its line: `<!-- local-finder -->`.
Python-Markdown passes it through to the HTML untouched, and the hook that owns it
replaces it there (or in the Markdown) with what it builds: a form, a list from the data.
Every marker is listed here, with the hook that owns it and the pages that may carry it;
each hook declares the ones it owns (`MARKERS = (...)`, shown in hooks/README.md) and finds
them with Marker.found_in / Marker.replace, so a hook and this list cannot disagree on the
spelling.

A mistyped marker used to do nothing, silently: no form on the page and no error. The
content lint (scripts/lint_content.py) reports, with file and line, every comment in
docs/ that looks like a marker (a comment holding a single word) but is not one written
exactly so: `<!-- aftercare-checkr -->`, `<!--aftercare-checker-->`,
`<!-- Aftercare-Checker -->`; a marker on a page it does not belong to; a marker the
build puts in itself. A comment of several words is prose (a note to translators) and is
left alone (docs/ has none today), as is a marker shown as code.
"""

from __future__ import annotations

import difflib
import fnmatch
import re
from dataclasses import dataclass

from portal import docs_model

# one word: letters, digits, hyphens, underscores; the canonical form is lowercase words
# joined by hyphens, with one space on each side inside the comment
WORD = r"[A-Za-z0-9][A-Za-z0-9_-]*"
NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
COMMENT = re.compile(r"<!--(.*?)-->", re.S)
LOOKS_LIKE_A_MARKER = re.compile(rf"^\s*({WORD})\s*$")
INLINE_CODE = re.compile(r"(`+).+?\1", re.S)


@dataclass(frozen=True)
class Marker:
    name: str
    owner: str  # the hook that replaces it: "hooks/aftercare_checker.py"
    pages: tuple[str, ...]  # the pages that may carry it, as names in a language folder (glob)
    what: str  # what it becomes, for hooks/README.md and the lint's messages
    written_by_build: bool = False  # put in by a hook, never written in docs/

    def __post_init__(self):
        if not NAME.match(self.name):
            raise ValueError(f"marker name '{self.name}': lowercase words joined by hyphens")

    @property
    def text(self) -> str:
        """The marker as it is written: '<!-- aftercare-checker -->'."""
        return f"<!-- {self.name} -->"

    def found_in(self, text: str) -> bool:
        return self.text in text

    def replace(self, text: str, new: str, count: int = -1) -> str:
        return text.replace(self.text, new, count)

    def allowed_on(self, page: str) -> bool:
        return any(fnmatch.fnmatchcase(page, pattern) for pattern in self.pages)


# Every marker. A new one: add it here, declare it in its hook's MARKERS, and run
# scripts/pipeline.py --write (hooks/README.md).
AFTERCARE_CHECKER = Marker("aftercare-checker", "hooks/aftercare_checker.py", ("aftercare.md",),
                           "the aftercare rights checker (its form)")
LINKS_FOR_LETTERS = Marker("links-for-letters", "hooks/links_for_letters.py", ("links-for-letters.md",),
                           "every page and main section with its address in every language")
LINKS_COMPOSER = Marker("links-composer", "hooks/links_composer.py", ("links-for-letters.md",),
                        "the link composer's form; hooks/links_composer.py puts the marker before "
                        "<!-- links-for-letters -->", written_by_build=True)
LOCAL_FINDER = Marker("local-finder", "hooks/local_services.py", ("help-and-contacts.md",),
                      "the finder of local contacts by municipality (its field)")
LOCAL_SERVICES_LIST = Marker("local-services-list", "hooks/local_services.py", ("local-services.md",),
                             "every county and municipality with its contacts")
LAW_TEXTS = Marker("law-texts", "hooks/law_page.py", ("law.md", "law/*.md"),
                   "the statute texts of a law page; hooks/law_page.py generates those pages with it",
                   written_by_build=True)

KNOWN: dict[str, Marker] = {m.name: m for m in (AFTERCARE_CHECKER, LINKS_FOR_LETTERS, LINKS_COMPOSER,
                                                  LOCAL_FINDER, LOCAL_SERVICES_LIST, LAW_TEXTS)}


def owned_by(hook: str) -> tuple[Marker, ...]:
    """The markers whose owner is `hook` ("hooks/local_services.py")."""
    return tuple(m for m in KNOWN.values() if m.owner == hook)


@dataclass(frozen=True)
class Found:
    text: str  # the comment as written: '<!--aftercare-checker-->'
    word: str  # the word in it: 'aftercare-checker'
    line: int

    @property
    def marker(self) -> Marker | None:
        """The marker it is, if it is written exactly so."""
        known = KNOWN.get(self.word)
        return known if known and self.text == known.text else None


def _blank_code(body: str) -> str:
    """The body with fenced code and inline code spans blanked (line breaks kept): a marker
    shown as code is text for the reader, and Markdown escapes it."""
    lines, in_fence = [], False
    for line in body.split("\n"):
        if docs_model.FENCE.match(line):
            in_fence = not in_fence
            lines.append("")
            continue
        lines.append("" if in_fence else line)
    text = "\n".join(lines)
    return INLINE_CODE.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), text)


def find(body: str, first_line: int = 1) -> list[Found]:
    """Every comment in Markdown `body` that looks like a marker (one word), known or not,
    with its line number (`first_line` is the body's first line in its file)."""
    text = _blank_code(body)
    out = []
    for m in COMMENT.finditer(text):
        word = LOOKS_LIKE_A_MARKER.match(m[1])
        if word:
            out.append(Found(m[0], word[1], first_line + text.count("\n", 0, m.start())))
    return out


def _editors() -> list[Marker]:
    return sorted((m for m in KNOWN.values() if not m.written_by_build), key=lambda m: m.name)


def complaint(found: Found, page: str) -> str | None:
    """What is wrong with a marker-like comment on page `page` ("aftercare.md",
    "easy/index.md"), or None if it is a marker where it belongs."""
    marker = found.marker
    if marker is None:
        names = {m.name: m for m in _editors()}
        word = found.word.lower()  # two letters swapped first, then the closest spelling
        close = ([n for n in names if sorted(n) == sorted(word)]
                 or difflib.get_close_matches(word, list(names), n=1, cutoff=0.6))
        known = ", ".join(m.text for m in _editors())
        written = found.text.replace("\n", "\\n")
        if close:
            return f"unknown marker {written}; did you mean {names[close[0]].text}? (known markers: {known})"
        return (f"unknown marker {written} (known markers: {known}; a note for editors is a comment "
                f"of more than one word)")
    if marker.written_by_build:
        return (f"{marker.text} is put in by the build ({marker.owner}), not written in docs/; "
                f"remove it")
    if not marker.allowed_on(page):
        return (f"{marker.text} does nothing on {page}: {marker.owner} fills it on "
                f"{', '.join(marker.pages)} only; remove it or move it there")
    return None


def problems(body: str, page: str, first_line: int = 1) -> list[tuple[int, str]]:
    """[(line, complaint)] for the marker-like comments of a page's Markdown body."""
    out = []
    for found in find(body, first_line):
        message = complaint(found, page)
        if message:
            out.append((found.line, message))
    return out
