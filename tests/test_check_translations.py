"""Translation parity: each fault in a fixture gives its exact complaint."""

import dataclasses

import check_translations
from portal import docs_model
import pytest
from portal import site_config
from conftest import CONFIG

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
    config = site_config.SiteConfig(
        site_url="https://x.example/", docs_dir=root / "docs", site_dir=root / "site",
        languages=[site_config.Language("sv", "Svenska", default=True), site_config.Language("fi", "Suomi")],
    )
    for name in ("aftercare.md", "placement.md"):
        check_translations.stamp(root / "docs" / "fi" / name, config)
    return root, config


def run(docs):
    root, config = docs
    return check_translations.check(config, root)


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


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
    errors, _ = run(docs)
    assert errors == [
        "docs/fi/aftercare.md:8: outdated: docs/sv/aftercare.md changed since this translation was made; "
        "update it, then run scripts/check_translations.py --stamp docs/fi/aftercare.md"
    ]
    check_translations.stamp(root / "docs" / "fi" / "aftercare.md", config)
    assert run(docs) == ([], [])


def test_whitespace_only_edits_do_not_make_a_translation_stale(docs):
    edit(docs[0] / "docs" / "sv" / "aftercare.md", "- En punkt.", "-   En punkt.  ")
    assert run(docs) == ([], [])


def test_stale_partial_language_is_an_error_too(docs):
    root, config = docs
    config.languages[1] = dataclasses.replace(config.languages[1], full=False)
    edit(root / "docs" / "sv" / "aftercare.md", "- En punkt.", "- En ny punkt.")
    errors, warnings = run(docs)
    assert warnings == []
    assert errors == [
        "docs/fi/aftercare.md:8: outdated: docs/sv/aftercare.md changed since this translation was made; "
        "update it, then run scripts/check_translations.py --stamp docs/fi/aftercare.md"
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
        "scripts/check_translations.py --stamp docs/fi/aftercare.md"
    ]


def test_real_docs_pass():
    errors, _ = check_translations.check(CONFIG, CONFIG.root)
    assert errors == []
