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


def test_missing_interface_string_stops_the_build(tmp_path, config, monkeypatch):
    """locales/ui.yml must give every language every key (named in the error)."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))
    import ui_strings

    strings = {"sv": {"a": "x", "b": "y"}, "fi": {"a": "x"}, "en": {"a": "", "b": "y"}}
    problems = ui_strings.check_complete(strings, ["sv", "fi", "en", "ru"], "sv", Path("locales/ui.yml"))
    assert problems == [
        "locales/ui.yml: 'fi' is missing the key 'b' (see 'sv')",
        "locales/ui.yml: 'en.a' is empty",
        "locales/ui.yml: no block 'ru:' - add the interface strings for ru",
    ]
