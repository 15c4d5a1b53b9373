"""hooks/README.md, the table of the build pipeline, is what the hooks are
(scripts/pipeline.py): each hook, event, priority or marker missing from it or wrong is
named; and the order it shows is the order MkDocs runs them in."""

from __future__ import annotations

import subprocess
import sys

import pytest
from mkdocs.config import load_config

import pipeline
from portal import checks, markers
from conftest import ROOT

WRITE = "hooks/README.md: write it again from the code: .venv/bin/python scripts/pipeline.py --write"
DEMO = markers.Marker("demo-box", "hooks/second.py", ("index.md",), "a demo box")
FIRST = '''\
"""Does the first thing.

More about it.
"""
from mkdocs.plugins import event_priority

from portal import i18n_state


@event_priority(-200)
def on_config(config):
    return config


@i18n_state.after_every_language(-250)
def on_post_build(config):
    pass
'''
SECOND = '''\
"""Fills the demo box."""
from portal.markers import Marker

MARKERS = (Marker("demo-box", "hooks/second.py", ("index.md",), "a demo box"),)


def on_page_content(content, page, config, files):
    return content
'''


def test_the_readme_is_the_code():
    assert pipeline.check(ROOT) == []


def test_the_command_passes_on_the_checkout():
    assert "scripts/pipeline.py" in checks.SOURCE_CHECKS  # make check, the deploy and the tests run it
    result = subprocess.run([sys.executable, "scripts/pipeline.py"], cwd=ROOT, capture_output=True, text=True)
    assert (result.returncode, result.stdout) == (0, "pipeline: 0 problem(s)\n")


@pytest.fixture
def project(tmp_path):
    """A project of two hooks, with its README written from them."""
    (tmp_path / "hooks").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nhooks:\n  - hooks/first.py\n  - hooks/second.py\n",
                                         encoding="utf-8")
    (tmp_path / "hooks" / "first.py").write_text(FIRST, encoding="utf-8")
    (tmp_path / "hooks" / "second.py").write_text(SECOND, encoding="utf-8")
    hooks, problems = pipeline.read_hooks(tmp_path, {"demo-box": DEMO})
    assert problems == []
    (tmp_path / "hooks" / "README.md").write_text(render(tmp_path), encoding="utf-8")
    return tmp_path


def render(root):
    return pipeline.render(pipeline.read_hooks(root, {"demo-box": DEMO})[0], pipeline.i18n_events())


def check(root):
    return pipeline.check(root, {"demo-box": DEMO})


def line_of(root, text: str) -> int:
    return next(n for n, line in enumerate((root / "hooks" / "README.md").read_text().split("\n"), 1) if text in line)


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_fixture_table(project):
    table = pipeline.hook_table(pipeline.read_hooks(project, {"demo-box": DEMO})[0])
    assert table[2:] == [
        "| # | hook | events and priorities | markers | what it does |",
        "| --- | --- | --- | --- | --- |",
        "| 1 | [first.py](first.py) | `config` -200 · `post_build` -250 (after every language) |  | Does the first thing. |",
        "| 2 | [second.py](second.py) | `page_content` 0 | `<!-- demo-box -->` | Fills the demo box. |",
    ]
    assert check(project) == []


def test_a_changed_priority(project):
    edit(project / "hooks" / "first.py", "@event_priority(-200)", "@event_priority(-150)")
    line = line_of(project, "[first.py]")
    assert check(project) == [f"hooks/README.md:{line}: hooks/first.py: on_config has priority -150, not -200", WRITE]


def test_a_new_event(project):
    edit(project / "hooks" / "second.py", "def on_page_content", "def on_env(env, config, files):\n    return env\n\n\ndef on_page_content")
    line = line_of(project, "[second.py]")
    assert check(project) == [f"hooks/README.md:{line}: hooks/second.py: on_env (priority 0) is missing", WRITE]


def test_an_event_gone_from_the_code(project):
    edit(project / "hooks" / "first.py", "@event_priority(-200)\ndef on_config(config):\n    return config\n", "")
    line = line_of(project, "[first.py]")
    assert check(project) == [f"hooks/README.md:{line}: hooks/first.py: on_config is listed, but the hook has no "
                              f"such handler", WRITE]


def test_a_handler_no_longer_after_every_language(project):
    edit(project / "hooks" / "first.py", "@i18n_state.after_every_language(-250)", "@event_priority(-250)")
    line = line_of(project, "[first.py]")
    assert check(project) == [f"hooks/README.md:{line}: hooks/first.py: on_post_build does not run after every "
                              f"language", WRITE]


def test_a_marker_missing_from_the_table(project):
    edit(project / "hooks" / "README.md", "`<!-- demo-box -->`", "")
    line = line_of(project, "[second.py]")
    assert check(project) == [f"hooks/README.md:{line}: hooks/second.py: marker <!-- demo-box --> is missing", WRITE]


def test_a_new_hook_and_a_moved_one(project):
    (project / "hooks" / "zeroth.py").write_text('"""Zero."""\n\ndef on_env(env, config, files):\n    return env\n')
    edit(project / "mkdocs.yml", "hooks:\n", "hooks:\n  - hooks/zeroth.py\n")
    first, second = line_of(project, "[first.py]"), line_of(project, "[second.py]")
    assert check(project) == [
        "hooks/README.md: hooks/zeroth.py (mkdocs.yml hooks: #1) has no row",
        f"hooks/README.md:{first}: hooks/first.py: place 1, but it is #2 in mkdocs.yml hooks:",
        f"hooks/README.md:{second}: hooks/second.py: place 2, but it is #3 in mkdocs.yml hooks:",
        WRITE]


def test_a_hook_removed_from_mkdocs_yml(project):
    edit(project / "mkdocs.yml", "  - hooks/first.py\n", "")
    (project / "hooks" / "README.md").write_text(render(project), encoding="utf-8")
    assert check(project) == ["hooks/first.py: not in mkdocs.yml hooks:, so it never runs; add it there (its "
                              "place sets its order) or remove the file"]


def test_a_description_changed(project):
    edit(project / "hooks" / "first.py", "Does the first thing.", "Does the first thing well.")
    assert check(project) == ["hooks/README.md: a description or the order of an event differs from the code",
                              WRITE]


def test_a_mistyped_event_never_runs(project):
    edit(project / "hooks" / "second.py", "def on_page_content", "def on_page_contnet")
    line = line_of(project, "[second.py]")
    assert check(project) == [
        "hooks/second.py: on_page_contnet is not a MkDocs event, so it never runs; did you mean on_page_content?",
        f"hooks/README.md:{line}: hooks/second.py: on_page_content is listed, but the hook has no such handler",
        WRITE]


def test_markers_and_their_owners_agree(project):
    other = markers.Marker("demo-box", "hooks/first.py", ("index.md",), "a demo box")
    assert pipeline.check(project, {"demo-box": other}) == [
        "hooks/first.py: portal/markers.py says it owns <!-- demo-box -->; list it in the hook's MARKERS = (...)",
        "hooks/second.py: MARKERS has <!-- demo-box -->, which portal/markers.py gives to hooks/first.py; one hook "
        "owns a marker",
    ]
    renamed = markers.Marker("demo-box", "hooks/second.py", ("*.md",), "a demo box")
    assert pipeline.check(project, {"demo-box": renamed}) == [
        "hooks/second.py: MARKERS has <!-- demo-box --> unlike portal/markers.py's; import it from there"]
    assert pipeline.check(project, {}) == [
        "hooks/second.py: MARKERS has <!-- demo-box -->, which portal/markers.py does not list; add it there"]


def test_the_i18n_plugins_priority_is_checked():
    assert pipeline.i18n_problems([pipeline.Event("post_build", -100)]) == []
    assert pipeline.i18n_problems([pipeline.Event("post_build", -50)]) == [
        "mkdocs-static-i18n: its on_post_build, which builds the other languages, has priority -50, not -100 as "
        "portal/i18n_state.py I18N_BUILDS_OTHERS says; the hooks that run after every language depend on it: "
        "fix I18N_BUILDS_OTHERS and check them"]


def test_the_order_by_event_is_mkdocs_own():
    """The table's order of each event's hooks is the order MkDocs registered them in."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    hooks, _ = pipeline.read_hooks(ROOT)
    table = {}
    for row in pipeline.event_table(hooks, pipeline.i18n_events())[6:]:
        _, event, handlers, _ = row.split("|")
        table[event.strip().strip("`")] = [h.split(" (")[0] for h in handlers.strip().split(" → ")
                                           if not h.startswith("*")]
    for event, handlers in config.plugins.events.items():
        ours = [h.__module__.removeprefix("hooks/").removesuffix(".py") for h in handlers
                if h.__module__.startswith("hooks/")]
        assert table.get(event, []) == ours, event
    assert table, "the table lists events"


def test_the_readme_is_linked_from_the_layout():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "[hooks/README.md](hooks/README.md)" in readme
