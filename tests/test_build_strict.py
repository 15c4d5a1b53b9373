"""The build fails on any warning in any language, lists them all, and leaves no site."""

from helpers import write_fixture_docs

from conftest import build_site

from portal import site_config

LANGUAGES = ["sv", "fi", "en"]  # the fixture builds only these (the broken pages are fi and en)


def test_broken_links_in_two_languages_fail_the_build_and_are_all_listed(tmp_path, config):
    docs = write_fixture_docs(
        tmp_path,
        config,
        {
            "fi": {"privacy.md": "# Tietosuoja\n\n[x](aftercare.md#no-such-id) [y](missing-page.md)\n"},
            "en": {"open-care.md": "# Open care\n\n[z](placement.md#gone)\n"},
        },
        LANGUAGES,
    )
    out = tmp_path / "site"
    result = build_site(out, docs, LANGUAGES)
    report = result.stdout + result.stderr
    assert result.returncode != 0
    assert "The build has 3 warning(s); every one must be fixed:" in report
    # MkDocs names the file; the hook adds the line, as every check of the site does
    assert "[fi] docs/fi/privacy.md:3: Doc file 'fi/privacy.md' contains a link 'aftercare.md#no-such-id', but the doc 'fi/aftercare.md' does not contain an anchor '#no-such-id'." in report
    assert "[fi] docs/fi/privacy.md:3: Doc file 'fi/privacy.md' contains a link 'missing-page.md'" in report
    assert "[en] docs/en/open-care.md:3: Doc file 'en/open-care.md' contains a link 'placement.md#gone', but the doc 'en/placement.md' does not contain an anchor '#gone'." in report
    assert "The half-built site was removed." in report
    assert not out.exists()


def test_incomplete_locales_file_stops_the_build(tmp_path):
    """locales/<code>.yml must give every language every ui and nav key (named in the error)."""
    from portal import locales

    folder = tmp_path / "locales"
    folder.mkdir()
    (folder / "sv.yml").write_text("coverage: full\noutdated_grace_days: 14\nui:\n  a: x\n  b: y\nnav:\n  Start: Start\n",
                                   encoding="utf-8")
    (folder / "fi.yml").write_text("coverage: most\noutdated_grace_days: soon\nui:\n  a: x\nnav:\n  Start: Etusivu\n",
                                   encoding="utf-8")
    (folder / "en.yml").write_text("outdated_grace_days: 14\nui:\n  a: ''\n  b: y\nnav:\n  Start: Home\n", encoding="utf-8")
    (folder / "ar.yml").write_text("direction: rtl\nui: [\n", encoding="utf-8")
    problems = locales.check(["sv", "fi", "en", "ar", "ru"], "sv", folder)
    assert problems == [
        "locales/ar.yml:3: not valid YAML: did not find expected node content",
        "locales/ru.yml: missing: every language in mkdocs.yml needs one; copy locales/en.yml and translate it",
        "locales/fi.yml:1: coverage must be full or partial, not 'most'",
        "locales/fi.yml:2: outdated_grace_days must be a number of days (14 for a full language, 90 for a partial "
        "one), not 'soon'",
        "locales/fi.yml: 'ui' is missing the key 'b' (see locales/sv.yml)",
        "locales/en.yml:3: 'ui.a' is empty",
    ]


def test_every_language_has_a_title_for_every_title_in_the_nav_of_mkdocs_yml(tmp_path):
    """The nav titles are checked against mkdocs.yml's nav, not against the default's
    locales file: a page added to nav: but to no locales file is named in every language,
    the default's too, and a title left over from a renamed entry is named with its line."""
    from portal import locales

    folder = tmp_path / "locales"
    folder.mkdir()
    common = "coverage: full\noutdated_grace_days: 14\nui:\n  a: x\n"
    (folder / "sv.yml").write_text(common + "nav:\n  Start: Start\n", encoding="utf-8")
    (folder / "fi.yml").write_text(common + "nav:\n  Start: Etusivu\n  Gammal sida: Vanha sivu\n", encoding="utf-8")
    nav = site_config.nav_titles([{"Start": "index.md"}, {"Teman": [{"Ny sida": "new.md"}]}])
    assert nav == ["Start", "Teman", "Ny sida"]
    assert locales.check(["sv", "fi"], "sv", folder, nav) == [
        "locales/sv.yml: 'nav' has no title for 'Teman' (a title in mkdocs.yml nav:); add 'Teman: ' and the title "
        "in this language",
        "locales/sv.yml: 'nav' has no title for 'Ny sida' (a title in mkdocs.yml nav:); add 'Ny sida: ' and the "
        "title in this language",
        "locales/fi.yml: 'nav' has no title for 'Teman' (a title in mkdocs.yml nav:); add 'Teman: ' and the title "
        "in this language",
        "locales/fi.yml: 'nav' has no title for 'Ny sida' (a title in mkdocs.yml nav:); add 'Ny sida: ' and the "
        "title in this language",
        "locales/fi.yml:7: 'nav.Gammal sida' is not a title in mkdocs.yml nav:; write it as it is there, or remove it",
    ]


def test_the_real_locales_have_every_title_of_the_real_nav(config):
    from portal import locales

    assert config.nav_titles and locales.check(config.codes, config.default, config.locales_dir,
                                               config.nav_titles) == []
