"""Translation parity: structure and staleness; each fault in a fixture gives its exact complaint.

The fact comparison has its own tests (test_fact_parity.py); the fixture helpers both use
are in helpers.py.
"""

import dataclasses
import datetime as dt
import os
import subprocess

import check_translations
import pytest
from conftest import CONFIG
from helpers import edit, translation_site

from portal import docs_model, translations
from portal.history import History

TODAY = dt.date(2026, 11, 30)

SOURCE = """---
title: Eftervård
description: Om eftervård.
last_reviewed: 2026-11-23
sources:
  - title: Lag
    url: https://www.finlex.fi/sv/laki/ajantasa/2007/20070417
---

# Eftervård

## I korthet {#in-brief}

- En punkt.

## Hur länge {#how-long}

!!! note "Obs"
    Text.

| a | b |
| - | - |
| 1 | 2 |

Se [placering](placement.md#in-brief).
"""

TRANSLATION = """---
title: Jälkihuolto
description: Jälkihuollosta.
last_reviewed: 2026-11-23
sources:
  - title: Laki
    url: https://www.finlex.fi/fi/laki/ajantasa/2007/20070417
---

# Jälkihuolto

## Lyhyesti {#in-brief}

- Kohta.

## Kuinka kauan {#how-long}

!!! note "Huom"
    Teksti.

| a | b |
| - | - |
| 1 | 2 |

Katso [sijoitus](placement.md#in-brief).
"""


@pytest.fixture
def docs(tmp_path):
    root = tmp_path
    for code in ("sv", "fi"):
        (root / "docs" / code).mkdir(parents=True)
    (root / "docs" / "sv" / "aftercare.md").write_text(SOURCE, encoding="utf-8")
    (root / "docs" / "fi" / "aftercare.md").write_text(TRANSLATION, encoding="utf-8")
    (root / "docs" / "sv" / "placement.md").write_text(SOURCE.replace("# Eftervård\n", "# Placering\n"), encoding="utf-8")
    (root / "docs" / "fi" / "placement.md").write_text(TRANSLATION, encoding="utf-8")
    config = translation_site(root, ["sv", "fi"])
    for name in ("aftercare.md", "placement.md"):
        check_translations.stamp(root / "docs" / "fi" / name, config)
    return root, config


def run(docs, today=TODAY):
    """(errors, warnings) of the whole check."""
    root, config = docs
    report = translations.check(config, today, History(root, today))
    return report.errors, report.warnings


def test_matching_stamped_translations_pass(docs):
    assert run(docs) == ([], [])


def test_missing_page(docs):
    (docs[0] / "docs" / "fi" / "placement.md").unlink()
    errors, _ = run(docs)
    assert errors == ["docs/fi/placement.md: missing: fi must have every page; translate docs/sv/placement.md"]


def test_missing_page_is_allowed_in_a_partial_language(docs):
    root, config = docs
    config.languages[1] = dataclasses.replace(config.languages[1], full=False)
    (root / "docs" / "fi" / "placement.md").unlink()
    assert run(docs) == ([], [])


def test_orphan_page(docs):
    (docs[0] / "docs" / "fi" / "extra.md").write_text("# Extra\n", encoding="utf-8")
    errors, _ = run(docs)
    assert "docs/fi/extra.md:1: orphan: there is no sv/extra.md it translates; rename it to match its source page or remove it" in errors


def test_renamed_heading_id(docs):
    path = docs[0] / "docs" / "fi" / "aftercare.md"
    edit(path, "{#how-long}", "{#kuinka-kauan}")
    check_translations.stamp(path, docs[1])
    errors, _ = run(docs)
    assert errors == [
        "docs/fi/aftercare.md:17: heading id '#kuinka-kauan' is not in docs/sv/aftercare.md; ids there: in-brief, how-long",
        "docs/fi/aftercare.md: heading id '#how-long' (docs/sv/aftercare.md:16) is missing; give the matching heading {#how-long}",
    ]


def test_missing_admonition_and_different_blocks(docs):
    path = docs[0] / "docs" / "fi" / "aftercare.md"
    edit(path, '!!! note "Huom"\n    Teksti.\n', "Teksti.\n")
    check_translations.stamp(path, docs[1])
    errors, _ = run(docs)
    assert errors == [
        "docs/fi/aftercare.md:21: block 2 is table, but docs/sv/aftercare.md:18 has admonition; "
        "blocks here: list, table; in docs/sv/aftercare.md: list, admonition, table"
    ]


def test_different_link_targets(docs):
    path = docs[0] / "docs" / "fi" / "aftercare.md"
    edit(path, "placement.md#in-brief", "placement.md#how-long")
    check_translations.stamp(path, docs[1])
    errors, _ = run(docs)
    assert errors == [
        "docs/fi/aftercare.md:26: links to 'placement.md#how-long', which docs/sv/aftercare.md does not (or less often)",
        "docs/fi/aftercare.md: lacks the link to 'placement.md#in-brief' that docs/sv/aftercare.md:25 has",
    ]


@pytest.mark.parametrize("broken", ["placementt.md#in-brief", "placement.md#in-brieff"])
def test_a_link_of_the_source_that_leads_nowhere_is_no_difference_of_the_translation(docs, broken):
    """The build names it once, at docs/sv/aftercare.md:25; here it would be one complaint
    per translation and invite copying the typo into each."""
    path = docs[0] / "docs" / "sv" / "aftercare.md"
    edit(path, "placement.md#in-brief", broken)
    errors, _ = run(docs)
    assert [e for e in errors if "link" in e] == []
    edit(path, broken, "placement.md#how-long")  # a working link of the source: compared again
    assert "docs/fi/aftercare.md: lacks the link to 'placement.md#how-long' that docs/sv/aftercare.md:25 has" \
        in run(docs)[0]


def test_front_matter_keys_differ(docs):
    path = docs[0] / "docs" / "fi" / "aftercare.md"
    edit(path, "description: Jälkihuollosta.\n", "kuvaus: Jälkihuollosta.\n")
    check_translations.stamp(path, docs[1])
    errors, _ = run(docs)
    assert errors == [
        "docs/fi/aftercare.md:1: front matter lacks 'description:' (docs/sv/aftercare.md:3 has it)",
        "docs/fi/aftercare.md:3: front matter key 'kuvaus:' is not in docs/sv/aftercare.md",
    ]


def test_stale_translation_until_restamped(docs):
    root, config = docs
    edit(root / "docs" / "sv" / "aftercare.md", "- En punkt.", "- En ny punkt.")
    errors, warnings = run(docs)
    assert errors == []
    assert warnings == [
        "docs/fi/aftercare.md:8: outdated: docs/sv/aftercare.md changed on an unknown date (not in the git history; "
        "counted from today); allowed until 2026-12-14 (14 days); update it (see: .venv/bin/python "
        "scripts/check_translations.py --diff docs/fi/aftercare.md), then run .venv/bin/python "
        "scripts/check_translations.py --stamp docs/fi/aftercare.md; or, if the change needs no new translation, "
        ".venv/bin/python scripts/check_translations.py --no-retranslation docs/fi/aftercare.md --reason '...'"
    ]
    check_translations.stamp(root / "docs" / "fi" / "aftercare.md", config)
    assert run(docs) == ([], [])


def test_whitespace_only_edits_do_not_make_a_translation_stale(docs):
    edit(docs[0] / "docs" / "sv" / "aftercare.md", "- En punkt.", "-   En punkt.  ")
    assert run(docs) == ([], [])


def test_stale_partial_language_is_held_to_its_own_grace_period(docs):
    root, config = docs
    config.languages[1] = dataclasses.replace(config.languages[1], full=False)
    (root / "locales" / "fi.yml").write_text("coverage: partial\noutdated_grace_days: 90\n", encoding="utf-8")
    edit(root / "docs" / "sv" / "aftercare.md", "- En punkt.", "- En ny punkt.")
    errors, warnings = run(docs)
    assert errors == []
    assert [w.split("; update it")[0] for w in warnings] == [
        "docs/fi/aftercare.md:8: outdated: docs/sv/aftercare.md changed on an unknown date (not in the git history; "
        "counted from today); allowed until 2027-02-28 (90 days)"
    ]


def test_partial_language_must_have_the_required_pages(docs):
    root, config = docs
    config.languages[1] = dataclasses.replace(config.languages[1], full=False)
    config.partial_pages = ["index.md", "placement.md"]
    (root / "docs" / "fi" / "placement.md").unlink()
    errors, _ = run(docs)
    assert errors == [
        "docs/fi/placement.md: missing: every partial language must have index.md, placement.md "
        "(mkdocs.yml extra.partial_pages); translate docs/sv/placement.md"
    ]


def test_unstamped_translation(docs):
    path = docs[0] / "docs" / "fi" / "aftercare.md"
    edit(path, f"source_hash: {docs_model.body_hash(docs_model.parse(docs[0] / 'docs/sv/aftercare.md', 'sv', 'aftercare.md').body)}\n", "")
    errors, _ = run(docs)
    assert errors == [
        "docs/fi/aftercare.md:1: not stamped: no 'source_hash:'; when it matches docs/sv/aftercare.md, run "
        ".venv/bin/python scripts/check_translations.py --stamp docs/fi/aftercare.md"
    ]


def test_real_docs_pass():
    report = translations.check(CONFIG, dt.date.today())
    assert report.errors == []


# --------------------------------------------------------------------------- staleness from git


def git(root, *args, date=None):
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.org")
    if date:
        env.update(GIT_AUTHOR_DATE=f"{date}T12:00:00+02:00", GIT_COMMITTER_DATE=f"{date}T12:00:00+02:00")
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


@pytest.fixture
def history(docs):
    """The fixture docs committed on 2026-11-02, then the Swedish page changed on 2026-11-10."""
    root, config = docs
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "pages", date="2026-11-02")
    edit(root / "docs" / "sv" / "aftercare.md", "- En punkt.", "- En ny punkt.")
    git(root, "commit", "-qam", "a Swedish change", date="2026-11-10")
    return docs


def test_outdated_within_the_grace_period_is_a_warning_naming_the_day(history):
    errors, warnings = run(history, today=dt.date(2026, 11, 20))
    assert errors == []
    assert [w.split("; update it")[0] for w in warnings] == [
        "docs/fi/aftercare.md:8: outdated: docs/sv/aftercare.md changed 10 day(s) ago, on 2026-11-10; "
        "allowed until 2026-11-24 (14 days)"
    ]


def test_outdated_past_the_grace_period_is_an_error(history):
    errors, warnings = run(history, today=dt.date(2026, 11, 25))
    assert warnings == []
    assert [e.split("; update it")[0] for e in errors] == [
        "docs/fi/aftercare.md:8: outdated: docs/sv/aftercare.md changed 15 day(s) ago, on 2026-11-10, more than "
        "the 14 days this language allows (outdated_grace_days)"
    ]


def test_an_uncommitted_source_change_counts_as_made_today(history):
    root, config = history
    check_translations.stamp(root / "docs" / "fi" / "aftercare.md", config)
    git(root, "commit", "-qam", "translated", date="2026-11-11")
    edit(root / "docs" / "sv" / "aftercare.md", "- En ny punkt.", "- En nyare punkt.")
    errors, warnings = run(history, today=dt.date(2026, 12, 30))
    assert errors == []
    assert [w.split("; update it")[0] for w in warnings] == [
        "docs/fi/aftercare.md:8: outdated: docs/sv/aftercare.md changed 0 day(s) ago, on 2026-12-30; "
        "allowed until 2027-01-13 (14 days)"
    ]


def test_no_new_translation_needed_is_recorded_with_its_reason_and_shown(history):
    root, config = history
    path = root / "docs" / "fi" / "aftercare.md"
    check_translations.accept(path, config, "typo fix in Swedish", dt.date(2026, 11, 12))
    assert "source_change_accepted:\n  hash: " in path.read_text(encoding="utf-8")
    assert run(history, today=dt.date(2026, 12, 30)) == ([], [])
    rows = {(r.page, r.lang): r for r in translations.status_rows(config, dt.date(2026, 12, 30), History(root, TODAY))}
    row = rows[("aftercare.md", "fi")]
    assert (row.kind, row.state.reason, row.state.accepted_on) == (translations.ACCEPTED, "typo fix in Swedish",
                                                                  "2026-11-12")
    # the next source change makes it outdated again: the record covers one change only
    edit(root / "docs" / "sv" / "aftercare.md", "- En ny punkt.", "- En annan punkt.")
    errors, warnings = run(history, today=dt.date(2026, 12, 30))
    assert errors == []
    assert [w.split("; update it")[0] for w in warnings] == [
        "docs/fi/aftercare.md:8: outdated: docs/sv/aftercare.md changed 0 day(s) ago, on 2026-12-30; "
        "allowed until 2027-01-13 (14 days)"
    ]
    # and stamping (a real update) removes the record
    check_translations.stamp(path, config)
    assert "source_change_accepted" not in path.read_text(encoding="utf-8")


def test_no_new_translation_needs_a_reason_and_a_change(docs):
    root, config = docs
    path = root / "docs" / "fi" / "aftercare.md"
    with pytest.raises(check_translations.Refused, match="needs --reason"):
        check_translations.accept(path, config, " ", TODAY)
    with pytest.raises(check_translations.Refused, match="already up to date with its source"):
        check_translations.accept(path, config, "typo", TODAY)


def test_diff_shows_what_changed_in_the_source_since_the_translation(history):
    root, config = history
    out = check_translations.diff(root / "docs" / "fi" / "aftercare.md", config, TODAY)
    assert "docs/sv/aftercare.md as translated (commit " in out and "(2026-11-02)" in out
    assert "\n-- En punkt.\n+- En ny punkt." in out


def test_diff_without_the_version_in_history_says_so(docs):
    root, config = docs
    edit(root / "docs" / "sv" / "aftercare.md", "- En punkt.", "- En ny punkt.")
    out = check_translations.diff(root / "docs" / "fi" / "aftercare.md", config, TODAY)
    assert out.startswith("docs/sv/aftercare.md: the version docs/fi/aftercare.md was made from")


def tool(docs, *argv):
    """(exit code, printed lines) of the command line on the fixture, run from its root."""
    import contextlib
    import io

    root, config = docs
    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(root)
    try:
        with contextlib.redirect_stdout(out):
            code = check_translations.main([*argv, "--today", TODAY.isoformat()], config)
    finally:
        os.chdir(cwd)
    return code, out.getvalue().splitlines()


def test_stamp_of_every_language_stamps_each_translation_and_says_what_the_source_is(docs):
    """`--stamp docs/*/aftercare.md` names docs/sv/ in the middle: the files after it are stamped too."""
    root, config = docs
    edit(root / "docs" / "sv" / "aftercare.md", "- En punkt.", "- En ny punkt.")
    edit(root / "docs" / "sv" / "placement.md", "- En punkt.", "- En ny punkt.")
    assert [w.split(":")[0] for w in run(docs)[1]] == ["docs/fi/aftercare.md", "docs/fi/placement.md"]
    code, lines = tool(docs, "--stamp", "docs/fi/aftercare.md", "docs/sv/aftercare.md", "docs/fi/placement.md")
    assert code == 0
    assert [line.split(": source_hash")[0] for line in lines] == [
        "docs/fi/aftercare.md",
        "docs/sv/aftercare.md: the source page itself: nothing to stamp (a stamp records that a translation "
        "matches it)",
        "docs/fi/placement.md",
    ]
    assert run(docs) == ([], [])


def test_no_retranslation_of_every_language_records_each_translation_and_not_the_source(docs):
    root, config = docs
    edit(root / "docs" / "sv" / "aftercare.md", "- En punkt.", "- En ny punkt.")
    code, lines = tool(docs, "--no-retranslation", "docs/sv/aftercare.md", "docs/fi/aftercare.md", "--reason", "typo")
    assert (code, lines) == (0, [
        "docs/sv/aftercare.md: the source page itself: nothing to record (the record is kept in each translation)",
        "docs/fi/aftercare.md: recorded that the source change needs no new translation: typo",
    ])
    assert "source_change_accepted" not in (root / "docs" / "sv" / "aftercare.md").read_text(encoding="utf-8")
    assert run(docs) == ([], [])


def test_diff_of_the_source_page_says_to_give_a_translation(docs):
    assert tool(docs, "--diff", "docs/sv/aftercare.md") == (0, [
        "docs/sv/aftercare.md: the source page itself: --diff shows what changed in it since a translation "
        "was made; give the translation, e.g. docs/fi/aftercare.md"])


def test_a_file_that_cannot_be_stamped_stops_none_of_the_others(docs):
    root, config = docs
    edit(root / "docs" / "sv" / "placement.md", "- En punkt.", "- En ny punkt.")
    code, lines = tool(docs, "--stamp", "docs/fi/missing.md", "docs/fi/placement.md", "README.md")
    assert code == 1
    assert lines[0] == "docs/fi/missing.md: no such file"
    assert lines[1].startswith("docs/fi/placement.md: source_hash ")
    assert lines[2:] == ["README.md: no such file", "check_translations: 2 of 3 file(s) not done (see above)"]
    assert run(docs) == ([], [])


def test_no_retranslation_without_a_reason_is_refused_before_any_file_is_touched(docs, capsys):
    with pytest.raises(SystemExit):
        tool(docs, "--no-retranslation", "docs/fi/aftercare.md")
    assert "--no-retranslation needs --reason" in capsys.readouterr().err


def test_the_commands_in_the_messages_work_when_pasted_in_a_fresh_shell(docs):
    """The command an outdated translation's message names, pasted as it is at the
    repository root with no PYTHONPATH or activated environment, runs (the bare
    `scripts/check_translations.py` ran the system's Python: no portal, no yaml)."""
    import re
    import shlex

    edit(docs[0] / "docs" / "sv" / "aftercare.md", "- En punkt.", "- En ny punkt.")
    warning = run(docs)[1][0]
    pasted = re.search(r"\(see: (.+? --diff docs/fi/aftercare\.md)\)", warning)[1]
    assert pasted == ".venv/bin/python scripts/check_translations.py --diff docs/fi/aftercare.md"
    repo = CONFIG.root
    if not (repo / ".venv" / "bin" / "python").is_file():
        pytest.skip("no .venv in the checkout: `make setup` makes it")
    fresh = {"PATH": "/usr/bin:/bin", "HOME": os.environ.get("HOME", "/tmp"), "LANG": "C.UTF-8"}
    done = subprocess.run(shlex.split(pasted), cwd=repo, env=fresh, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "docs/sv/aftercare.md" in done.stdout
