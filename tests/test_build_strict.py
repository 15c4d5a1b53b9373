"""The build fails on any warning in any language, lists them all, and leaves no site."""

from helpers import write_fixture_docs

from conftest import build_site


def test_broken_links_in_two_languages_fail_the_build_and_are_all_listed(tmp_path, config):
    docs = write_fixture_docs(
        tmp_path,
        config,
        {
            "fi": {"privacy.md": "# Tietosuoja\n\n[x](aftercare.md#no-such-id) [y](missing-page.md)\n"},
            "en": {"open-care.md": "# Open care\n\n[z](placement.md#gone)\n"},
        },
    )
    out = tmp_path / "site"
    result = build_site(out, docs)
    report = result.stdout + result.stderr
    assert result.returncode != 0
    assert "The build has 3 warning(s); every one must be fixed:" in report
    assert "[fi] Doc file 'fi/privacy.md' contains a link 'aftercare.md#no-such-id', but the doc 'fi/aftercare.md' does not contain an anchor '#no-such-id'." in report
    assert "[fi] Doc file 'fi/privacy.md' contains a link 'missing-page.md'" in report
    assert "[en] Doc file 'en/open-care.md' contains a link 'placement.md#gone', but the doc 'en/placement.md' does not contain an anchor '#gone'." in report
    assert "The half-built site was removed." in report
    assert not out.exists()


def test_a_clean_fixture_site_builds(tmp_path, config):
    docs = write_fixture_docs(tmp_path, config)
    result = build_site(tmp_path / "site", docs)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "site" / "fi" / "index.html").is_file()


def test_incomplete_locales_file_stops_the_build(tmp_path):
    """locales/<code>.yml must give every language every ui and nav key (named in the error)."""
    import locales

    (tmp_path / "sv.yml").write_text("coverage: full\nui:\n  a: x\n  b: y\nnav:\n  Start: Start\n", encoding="utf-8")
    (tmp_path / "fi.yml").write_text("coverage: most\nui:\n  a: x\nnav:\n  Start: Etusivu\n", encoding="utf-8")
    (tmp_path / "en.yml").write_text("ui:\n  a: ''\n  b: y\nnav:\n  Start: Home\n", encoding="utf-8")
    (tmp_path / "ar.yml").write_text("direction: rtl\nui: [\n", encoding="utf-8")
    problems = [p.replace(str(tmp_path), "L") for p in locales.check(["sv", "fi", "en", "ar", "ru"], "sv", tmp_path)]
    assert problems == [
        "L/ar.yml:3: not valid YAML: did not find expected node content",
        "L/ru.yml: missing: every language in mkdocs.yml needs one; copy L/en.yml and translate it",
        "L/fi.yml:1: coverage must be full or partial, not 'most'",
        "L/fi.yml: 'ui' is missing the key 'b' (see L/sv.yml)",
        "L/en.yml:2: 'ui.a' is empty",
    ]
