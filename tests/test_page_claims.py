"""Pages must not contradict the site: no feature that exists is announced as "coming
later", and no page mentions a setting the site does not have.

The check reads docs/ (every language) and mkdocs.yml. A sentence that announces
something as coming later ("kommer senare", "tulee myöhemmin", "tulossa", "coming
later", ...) is an error when it names a feature in FEATURES that exists, and also
when it names no known feature (so that a new announcement is looked at once, and
added to FEATURES with its test of existence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent

LATER = re.compile(
    r"kommer (senare|snart)|läggs till senare"  # sv
    r"|tulee myöhemmin|tulossa|lisätään myöhemmin"  # fi
    r"|coming (later|soon)|will be added later",  # en
    re.IGNORECASE)
COLOUR_SCHEME = re.compile(r"färgtema|väriteema|colou?r scheme|dark mode|mörkt läge|tumma tila",
                           re.IGNORECASE)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class Feature:
    name: str
    words: tuple[str, ...]  # how pages name it, in any language (lower case)
    exists: Callable[[Path], str | None]  # docs dir -> evidence that it exists, or None


def _checker_page(docs: Path) -> str | None:
    for page in sorted(docs.rglob("*.md"), key=lambda p: (p.parent.name != "sv", p)):
        if "<!-- aftercare-checker -->" in page.read_text(encoding="utf-8"):
            return f"{page.relative_to(docs.parent).as_posix()} has <!-- aftercare-checker -->"
    return None


def _hiding_page(docs: Path) -> str | None:
    page = docs / "sv" / "hiding-your-visit.md"
    return f"{page.relative_to(docs.parent).as_posix()} exists" if page.exists() else None


FEATURES = (
    Feature("the aftercare rights checker", ("räknare", "laskuri", "calculator", "checker"),
            _checker_page),
    Feature("the page on hiding your visit",
            ("fler tips", "dölj", "lisää vinkkejä", "piilot", "more tips", "hiding", "hide"),
            _hiding_page),
)


def _has_palette(mkdocs_yml: Path) -> bool:
    return re.search(r"^\s+palette\s*:", mkdocs_yml.read_text(encoding="utf-8"), re.M) is not None


def _body_lines(text: str):
    """(line number, line) outside the front matter."""
    lines = text.splitlines()
    start = 0
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() == "---":
                start = i + 1
                break
    for i in range(start, len(lines)):
        yield i + 1, lines[i]


def page_claims(docs: Path, mkdocs_yml: Path) -> list[str]:
    """Every contradiction between the pages and the site, one message each."""
    problems = []
    palette = _has_palette(mkdocs_yml)
    for page in sorted(docs.rglob("*.md")):
        rel = page.relative_to(docs.parent).as_posix()
        for number, line in _body_lines(page.read_text(encoding="utf-8")):
            for sentence in SENTENCE_END.split(line.strip()):
                if LATER.search(sentence):
                    text = sentence.lstrip("-* ").strip()
                    named = [f for f in FEATURES if any(w in text.lower() for w in f.words)]
                    if not named:
                        problems.append(
                            f"{rel}:{number}: announces something as coming later: '{text}'; "
                            "name the feature in FEATURES (tests/test_page_claims.py) so that "
                            "this test knows when it exists")
                    for feature in named:
                        evidence = feature.exists(docs)
                        if evidence:
                            problems.append(
                                f"{rel}:{number}: announces {feature.name} as coming later, "
                                f"but it exists ({evidence}): '{text}'")
            if not palette and COLOUR_SCHEME.search(line):
                problems.append(
                    f"{rel}:{number}: mentions a colour scheme setting, but the site has none "
                    f"(no theme palette in mkdocs.yml): '{line.strip().lstrip('-* ')}'")
    return problems


# --- the real site ---------------------------------------------------------------------

def test_pages_do_not_contradict_the_site():
    assert page_claims(ROOT / "docs", ROOT / "mkdocs.yml") == []


# --- broken fixtures: each gives its exact complaint ------------------------------------

FRONT = "---\ntitle: T\n---\n\n"


def _fixture(tmp_path, pages: dict[str, str], palette: bool = False):
    docs = tmp_path / "docs"
    for name, body in pages.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(FRONT + body, encoding="utf-8")
    yml = tmp_path / "mkdocs.yml"
    yml.write_text("theme:\n  name: material\n" + ("  palette:\n    scheme: slate\n" if palette else ""),
                   encoding="utf-8")
    return docs, yml


def test_an_existing_checker_announced_as_coming_later(tmp_path):
    docs, yml = _fixture(tmp_path, {
        "sv/aftercare.md": "# Eftervård\n\n<!-- aftercare-checker -->\n",
        "sv/privacy.md": "# Dataskydd\n\nSök här. En räknare som visar din rätt till eftervård kommer senare.\n",
    })
    assert page_claims(docs, yml) == [
        "docs/sv/privacy.md:7: announces the aftercare rights checker as coming later, but it "
        "exists (docs/sv/aftercare.md has <!-- aftercare-checker -->): 'En räknare som visar "
        "din rätt till eftervård kommer senare.'"]


def test_an_existing_page_announced_as_coming_later_in_finnish(tmp_path):
    docs, yml = _fixture(tmp_path, {
        "sv/hiding-your-visit.md": "# Dölj ditt besök\n",
        "fi/privacy.md": "# Tietosuoja\n\nOma sivu, jossa on lisää vinkkejä, tulee myöhemmin.\n",
    })
    assert page_claims(docs, yml) == [
        "docs/fi/privacy.md:7: announces the page on hiding your visit as coming later, but it "
        "exists (docs/sv/hiding-your-visit.md exists): 'Oma sivu, jossa on lisää vinkkejä, "
        "tulee myöhemmin.'"]


def test_a_feature_that_does_not_exist_yet_may_be_announced(tmp_path):
    docs, yml = _fixture(tmp_path, {
        "en/privacy.md": "# Privacy\n\nA calculator that shows your right to aftercare is coming later.\n",
    })
    assert page_claims(docs, yml) == []


def test_an_unknown_announcement_is_named(tmp_path):
    docs, yml = _fixture(tmp_path, {"en/index.md": "# Home\n\n- A newsletter is coming soon.\n"})
    assert page_claims(docs, yml) == [
        "docs/en/index.md:7: announces something as coming later: 'A newsletter is coming "
        "soon.'; name the feature in FEATURES (tests/test_page_claims.py) so that this test "
        "knows when it exists"]


def test_a_colour_scheme_the_site_does_not_have(tmp_path):
    pages = {"sv/privacy.md": "# Dataskydd\n\n- Din webbläsare kan spara ditt språkval och ditt färgtema.\n"}
    docs, yml = _fixture(tmp_path, pages)
    assert page_claims(docs, yml) == [
        "docs/sv/privacy.md:7: mentions a colour scheme setting, but the site has none (no theme "
        "palette in mkdocs.yml): 'Din webbläsare kan spara ditt språkval och ditt färgtema.'"]
    docs, yml = _fixture(tmp_path / "with-palette", pages, palette=True)
    assert page_claims(docs, yml) == []
