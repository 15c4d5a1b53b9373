"""The page markers (portal/markers.py): found with their lines, and a marker-like comment
that no hook fills is an error of the content lint, so `make check` fails on it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import lint_content
from helpers import write_fixture_docs
from portal import checks, docs_model, markers
from conftest import CONFIG, ROOT, fixture_config

KNOWN = ("(known markers: <!-- aftercare-checker -->, <!-- links-for-letters -->, <!-- local-finder -->, "
         "<!-- local-services-list -->)")
MISTYPED = f"unknown marker <!-- aftercare-checkr -->; did you mean <!-- aftercare-checker -->? {KNOWN}"


def test_markers_are_found_with_their_lines_outside_code():
    body = ("# Eftervård\n\n<!-- aftercare-checker -->\n\nText `<!-- local-finder -->` as code.\n\n"
            "```html\n<!-- local-finder -->\n```\n\n<!-- a note to translators: keep the list short -->\n"
            "<!--\nlocal-finder\n-->\n")
    assert markers.find(body, first_line=8) == [
        markers.Found("<!-- aftercare-checker -->", "aftercare-checker", 10),
        markers.Found("<!--\nlocal-finder\n-->", "local-finder", 19),
    ]
    assert markers.find(body)[0].marker is markers.AFTERCARE_CHECKER
    assert markers.find(body)[1].marker is None  # not written as the hook looks for it


@pytest.mark.parametrize("written,page,complaint", [
    ("<!-- aftercare-checkr -->", "aftercare.md", MISTYPED),
    ("<!--aftercare-checker-->", "aftercare.md",
     f"unknown marker <!--aftercare-checker-->; did you mean <!-- aftercare-checker -->? {KNOWN}"),
    ("<!-- Local-Finder -->", "help-and-contacts.md",
     f"unknown marker <!-- Local-Finder -->; did you mean <!-- local-finder -->? {KNOWN}"),
    ("<!-- TODO -->", "aftercare.md",
     f"unknown marker <!-- TODO --> {KNOWN[:-1]}; a note for editors is a comment of more than one word)"),
    ("<!-- local-finder -->", "easy/help-and-contacts.md",
     "<!-- local-finder --> does nothing on easy/help-and-contacts.md: hooks/local_services.py fills it on "
     "help-and-contacts.md only; remove it or move it there"),
    ("<!-- law-texts -->", "law.md",
     "<!-- law-texts --> is put in by the build (hooks/law_page.py), not written in docs/; remove it"),
    ("<!-- local-finder -->", "help-and-contacts.md", None),
])
def test_each_fault_gets_its_complaint(written, page, complaint):
    found = markers.find(f"x\n{written}\n")
    assert len(found) == 1
    assert markers.complaint(found[0], page) == complaint


def test_every_marker_in_docs_is_known_and_where_it_belongs():
    pages = list(docs_model.iter_pages(CONFIG.docs_dir, CONFIG.codes))
    seen = set()
    for code, name, path in pages:
        page = docs_model.parse(path, code, name)
        assert markers.problems(page.body, name, page.body_line) == [], path
        seen |= {f.word for f in markers.find(page.body)}
    assert seen == {m.name for m in markers.KNOWN.values() if not m.written_by_build}


PAGE = """---
title: Eftervård
description: Om eftervård.
last_reviewed: 2026-11-01
sources:
  - title: Lag
    url: https://www.finlex.fi/sv/laki/ajantasa/2007/20070417
---

# Eftervård

Du får hjälp. Det är gratis.

<!-- aftercare-checkr -->
"""


def test_the_content_lint_names_file_and_line(tmp_path):
    (tmp_path / "docs" / "sv").mkdir(parents=True)
    (tmp_path / "docs" / "sv" / "aftercare.md").write_text(PAGE, encoding="utf-8")
    config = CONFIG.__class__("https://x.example/", tmp_path / "docs", tmp_path / "site",
                              [CONFIG.language("sv")])
    errors = lint_content.lint(config, tmp_path, lint_content.dt.date(2026, 11, 23), termbase={}).errors
    assert errors == [f"docs/sv/aftercare.md:14: {MISTYPED}"]


def test_the_lint_make_check_runs_fails_on_it(tmp_path):
    """scripts/lint_content.py as `make check` runs it (portal/checks.py), on a fixture's docs/."""
    assert "scripts/lint_content.py" in checks.SOURCE_CHECKS
    page = (CONFIG.docs_dir / "fi" / "aftercare.md").read_text(encoding="utf-8")
    line = page.split("\n").index("<!-- aftercare-checker -->") + 1
    docs = write_fixture_docs(tmp_path, CONFIG, {"fi": {"aftercare.md": page.replace(
        "<!-- aftercare-checker -->", "<!-- aftercare-checkr -->")}}, ["sv", "fi"])
    result = subprocess.run([sys.executable, "scripts/lint_content.py"], cwd=ROOT, capture_output=True, text=True,
                            env=dict(os.environ, MKDOCS_CONFIG=str(fixture_config(tmp_path, docs, ["sv", "fi"]))))
    assert result.returncode == 1, result.stdout
    errors = [line for line in result.stdout.splitlines() if "marker" in line]
    # the lint names a file outside the checkout by its full path
    assert errors == [f"{docs.as_posix()}/fi/aftercare.md:{line}: {MISTYPED}"]
