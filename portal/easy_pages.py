"""Easy-language pages and their standard pages: which is which, and the facts an easy page adds.

An easy page lives at docs/<lang>/easy/<name>, beside its standard page docs/<lang>/<name>
(docs/sv/easy/aftercare.md tells docs/sv/aftercare.md in easier words). The list of easy
pages, easy/index.md, belongs to the home page, index.md: each links to the other
(hooks/easy_language_links.py), and the facts of the easy index are held to the home page.

An easy page may leave facts out, never add or change one (../shared/CONTENT-STYLE.md,
"Easy-language pages"). `added_facts` reads both pages with the fact parser
(portal/facts.py: numbers, phone numbers, law references and section numbers, dates,
e-mail addresses, addresses of other sites) and names every fact of the easy page, in its
body or its front-matter sources, that is nowhere on the standard page, in its body or its
sources, in the same language. The whole page is compared, not section by section: an easy
page has its own sections, and may tell a fact in another place than the standard page.
Two readings differ from the translation check's, on purpose:

- the numbers of an ordered list ("1. Call ...") are the list's own, not facts;
- a year alone ("the law changed in 2024") is found in a date of that year on the standard
  page ("1 January 2024"): the easy page has left the day and month out.

Shared by scripts/check_easy_pages.py (the check) and the hook that links the pages.
What the parser cannot read (a frequency in words, "every week"; who answers in which
language) stays with the reviewer.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from portal import docs_model, facts, site_config

EASY = "easy/"
ORDERED_LIST_MARKER = re.compile(r"^([ \t]*)(\d+[.)])(?=[ \t])", re.M)
YEAR = re.compile(r"^(?:19|20)\d{2}$")


# --------------------------------------------------------------------------- names


def is_easy(name: str) -> bool:
    """True for an easy page's file name inside its language folder ('easy/aftercare.md')."""
    return name.startswith(EASY)


def counterpart(name: str) -> str:
    """The easy version of a standard page, or the standard page of an easy one
    ('easy/aftercare.md' <-> 'aftercare.md'; 'easy/index.md' <-> 'index.md', the home page)."""
    return name[len(EASY):] if is_easy(name) else EASY + name


# --------------------------------------------------------------------------- facts


def page_facts(page: docs_model.Page, equivalents: Path | None = None) -> list[facts.Fact]:
    """Every fact of the page, body and sources, without the numbers of ordered lists."""
    body = ORDERED_LIST_MARKER.sub(lambda m: m[1] + " " * len(m[2]), page.body)
    sections = facts.page_facts(dataclasses.replace(page, body=body), equivalents)
    return sorted((fact for section in sections.values() for fact in section.facts), key=lambda f: f.line)


def _found(fact: facts.Fact, known: set[tuple[str, str]], years: set[str]) -> bool:
    if (fact.kind, fact.value) in known:
        return True
    return fact.kind == "number" and bool(YEAR.match(fact.value)) and fact.value in years


def added_facts(easy: docs_model.Page, standard: docs_model.Page, root: Path | None = None,
                equivalents: Path | None = None) -> list[str]:
    """A complaint, with file and line, for each fact of `easy` that `standard` does not have."""
    theirs = page_facts(standard, equivalents)
    known = {(f.kind, f.value) for f in theirs}
    years = {f.value[:4] for f in theirs if f.kind == "date"}
    e, s = easy.label(root), standard.label(root)
    return [f"{e}:{fact.line}: {fact.kind} '{fact.text}' is not on the standard page {s}; an easy page may "
            f"leave facts out, never add one: write it as {s} does, or leave it out (a new fact goes on the "
            f"standard page first, with its source in facts/)"
            for fact in page_facts(easy, equivalents) if not _found(fact, known, years)]


def check(config: site_config.SiteConfig) -> tuple[list[str], int]:
    """(complaints, number of easy pages read) for every easy page of every language."""
    root = config.root
    equivalents = root / "facts" / "url-equivalents.yml"
    errors, count = [], 0
    for code, name, path in docs_model.iter_pages(config.docs_dir, config.codes):
        if not is_easy(name):
            continue
        count += 1
        easy = docs_model.parse(path, code, name)
        standard_path = config.docs_dir / code / counterpart(name)
        if not standard_path.is_file():
            where = standard_path.relative_to(root).as_posix() if standard_path.is_relative_to(root) else standard_path
            errors.append(f"{easy.label(root)}:1: there is no standard page {where}; an easy page tells the facts "
                          f"of the page with its name outside easy/: rename it after one, or write that page first")
            continue
        standard = docs_model.parse(standard_path, code, counterpart(name))
        errors += added_facts(easy, standard, root, equivalents)
    return errors, count
