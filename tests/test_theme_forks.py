"""The theme templates forked into overrides/ still match the originals they were forked
from (theme-forks.yml), so that an upgrade of Material says which forks to re-do."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import pytest
import theme_forks

MATERIAL = theme_forks.load(theme_forks.FORKS)[0]["Material"]
VERSION = importlib.metadata.version("mkdocs-material")


def test_forks_match_the_installed_theme():
    problems = theme_forks.check()
    assert not problems, "theme forks out of step with the installed packages:\n" + "\n".join(problems)


def test_every_fork_is_recorded():
    """The real overrides/: each template with the path of a Material template is recorded."""
    _packages, records = theme_forks.load(theme_forks.FORKS)
    recorded = {r["fork"] for r in records}
    assert {"base.html", "main.html", "partials/header.html", "partials/nav-item.html"} <= recorded


FORKS_YML = """packages:
  Material:
    distribution: mkdocs-material
    version: 9.8.1
    templates: material/templates
forks:
{records}
"""


def sha(rel: str) -> str:
    return theme_forks.sha256((MATERIAL.templates / rel).read_text(encoding="utf-8"))


def block_sha(rel: str, block: str) -> str:
    return theme_forks.sha256(theme_forks.blocks((MATERIAL.templates / rel).read_text(encoding="utf-8"))[block])


@pytest.fixture
def overrides(tmp_path) -> Path:
    root = tmp_path / "overrides"
    (root / "partials").mkdir(parents=True)
    (root / "partials" / "search.html").write_text(
        "{#- Forked from Material 9.8.1 partials/search.html: the dialog has a name. -#}\n<div></div>\n",
        encoding="utf-8")
    (root / "main.html").write_text(
        "{#- Replaces Material 9.8.1 main.html and overrides blocks of Material 9.8.1 base.html. -#}\n"
        '{% extends "base.html" %}\n{% block htmltitle %}<title>x</title>{% endblock %}\n',
        encoding="utf-8")
    return root


def write_forks(overrides: Path, records: str) -> Path:
    path = overrides / "theme-forks.yml"
    path.write_text(FORKS_YML.format(records=records), encoding="utf-8")
    return path


def good_records() -> str:
    return (f"  - fork: partials/search.html\n    of: Material partials/search.html\n"
            f"    sha256: {sha('partials/search.html')}\n"
            f"  - fork: main.html\n    of: Material main.html\n    sha256: {sha('main.html')}\n"
            f"  - fork: main.html\n    of: Material base.html\n"
            f"    blocks:\n      htmltitle: {block_sha('base.html', 'htmltitle')}\n")


def test_fixture_in_step_has_no_complaint(overrides):
    assert theme_forks.check(write_forks(overrides, good_records()), overrides) == []


def test_a_wrong_hash_names_the_fork_and_the_original_to_re_fork(overrides):
    records = good_records().replace(sha("partials/search.html"), "a" * 64)
    problems = theme_forks.check(write_forks(overrides, records), overrides)
    assert problems == [
        f"overrides/partials/search.html: Material 9.8.1 partials/search.html has changed in the installed "
        f"Material {VERSION} ({MATERIAL.templates / 'partials/search.html'}; sha256 recorded aaaaaaaaaaaa, now "
        f"{sha('partials/search.html')[:12]}): re-fork overrides/partials/search.html from it, then record its "
        f"new sha256 in theme-forks.yml"
    ]


def test_a_changed_block_names_the_block(overrides):
    records = good_records().replace(block_sha("base.html", "htmltitle"), "f" * 64)
    problems = theme_forks.check(write_forks(overrides, records), overrides)
    assert problems == [
        f"overrides/main.html: block htmltitle of Material 9.8.1 base.html has changed in the installed Material "
        f"{VERSION} ({MATERIAL.templates / 'base.html'}; sha256 recorded ffffffffffff, now "
        f"{block_sha('base.html', 'htmltitle')[:12]}): re-fork block htmltitle in overrides/main.html from it, "
        f"then record its new sha256 in theme-forks.yml"
    ]


def test_blocks_must_match_those_the_fork_defines(overrides):
    (overrides / "main.html").write_text(
        "{#- Replaces Material 9.8.1 main.html and overrides blocks of Material 9.8.1 base.html. -#}\n"
        '{% extends "base.html" %}\n{% block htmltitle %}<title>x</title>{% endblock %}\n'
        "{% block styles %}{% endblock %}\n", encoding="utf-8")
    problems = theme_forks.check(write_forks(overrides, good_records()), overrides)
    assert problems == [
        "overrides/main.html: defines blocks ['htmltitle', 'styles'], but theme-forks.yml records ['htmltitle'] "
        "of Material 9.8.1 base.html"
    ]


def test_an_unrecorded_fork_and_a_comment_without_its_original_are_named(overrides):
    (overrides / "partials" / "toc.html").write_text("<nav></nav>\n", encoding="utf-8")
    (overrides / "partials" / "search.html").write_text("{#- The dialog has a name. -#}\n<div></div>\n",
                                                         encoding="utf-8")
    problems = theme_forks.check(write_forks(overrides, good_records()), overrides)
    assert problems == [
        'overrides/partials/search.html: its first comment does not name its original, '
        '"Material 9.8.1 partials/search.html"',
        f"overrides/partials/toc.html: replaces Material {VERSION} partials/toc.html, but is not recorded in "
        f"theme-forks.yml",
    ]


def test_an_original_gone_from_the_theme_is_named(overrides):
    (overrides / "partials" / "gone.html").write_text(
        "{#- Forked from Material 9.8.1 partials/gone.html: nothing. -#}\n", encoding="utf-8")
    records = good_records() + "  - fork: partials/gone.html\n    of: Material partials/gone.html\n    sha256: x\n"
    problems = theme_forks.check(write_forks(overrides, records), overrides)
    assert problems == [
        f"overrides/partials/gone.html: Material 9.8.1 partials/gone.html is gone from the installed Material "
        f"{VERSION} ({MATERIAL.templates / 'partials/gone.html'}): re-do overrides/partials/gone.html for the "
        f"new version"
    ]
