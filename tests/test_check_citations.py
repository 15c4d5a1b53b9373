"""The citation check (portal/citation_check.py, scripts/check_citations.py): every section a
page cites is in the statute texts, in force, and quoted in facts/citations/. Each test feeds
one broken fixture (a small site citing the fixture statute book of tests/law_fixture.py)
and asserts the exact complaint; the real pages pass."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from law_fixture import QUOTES, page
from portal import checks, citation_check

ROOT = Path(__file__).resolve().parent.parent


def errors(root):
    return citation_check.check(root, ["sv"])[0]


def test_a_section_in_force_quoted_in_facts_passes(law_site):
    page(law_site, "Eftervården varar till 25 år (testlagen 2 §).")
    assert citation_check.check(law_site, ["sv"]) == ([], [], 1)


def test_a_repealed_section_fails_with_the_act_that_repealed_it(law_site):
    page(law_site, "Lagen skyddar barn (testlagen 1 §).")
    assert errors(law_site) == [
        "docs/sv/sida.md:7: '1 §': 100/2001 1 § was repealed by 300/2020 (from 2020-07-01): cite the section now "
        "in force"]


def test_a_section_not_in_the_texts_fails(law_site):
    page(law_site, "Något annat (testlagen 5 §).")
    assert errors(law_site) == [
        "docs/sv/sida.md:7: '5 §': 100/2001 5 § is not in the statute texts (law/sections.yml): check the number "
        "against the act; if it is right, add the section's source (EDITING.md, \"Cite a section of law\")"]


def test_a_quote_not_in_the_section_fails_at_its_line_in_facts(law_site):
    page(law_site, "Eftervården varar till 25 år (testlagen 2 §).",
         quotes='"100/2001":\n  "2": "Eftervården varar till 21 år."\n')
    assert errors(law_site) == [
        "facts/citations/sida.yml:2: the quote for 100/2001 2 § is not in the section's text (Finnish or Swedish): "
        "\"Eftervården varar till 21 år.\": copy the words from law/sections.yml or the law page"]


def test_a_section_not_listed_in_facts_fails(law_site):
    page(law_site, "Eftervården varar till 25 år (testlagen 2 §). Anmälan ska göras (3 §).")
    assert errors(law_site) == [
        "docs/sv/sida.md:7: '3 §': 100/2001 3 § is not listed in facts/citations/sida.yml: add it with a quote of "
        "the section's words that carry the page's claim (EDITING.md, \"Cite a section of law\")"]


def test_a_number_before_any_act_is_named_fails(law_site):
    page(law_site, "Eftervården varar till 25 år (2 §).")
    assert errors(law_site) == [
        "docs/sv/sida.md:7: '2 §': which act? No act is named before this section number: write the act next to "
        "it (\"barnskyddslagen 35 §\", \"Child Welfare Act, section 35\")"]


def test_a_section_of_an_act_whose_texts_are_not_kept_fails(law_site):
    page(law_site, "Annan lag 4 § säger något.")
    assert errors(law_site) == [
        "docs/sv/sida.md:7: '4 §': the texts of 200/1999 are not kept (law/acts.yml texts: false): cite the act "
        "without a section, or add its texts (EDITING.md, \"Cite a section of law\")"]


def test_a_section_not_read_yet_is_a_warning(law_site):
    page(law_site, "Eftervården varar till 25 år (testlagen 2 och 9 §).",
         quotes=QUOTES + '  "9": []\n')
    found, warnings, _ = citation_check.check(law_site, ["sv"])
    assert found == []
    assert warnings == ["warning: 100/2001 9 § is cited 1 time(s) (first docs/sv/sida.md:7), but its text is not "
                        "in law/sources/ yet, so its quotes cannot be checked: not read for the test"]


def test_a_pending_citation_is_a_warning_that_says_why(law_site):
    page(law_site, "Eftervården varar till 25 år (testlagen 2 §). Lagen skyddar barn (testlagen 1 §).",
         quotes='pending:\n  "100/2001 1": another branch replaces it\n' + QUOTES)
    found, warnings, _ = citation_check.check(law_site, ["sv"])
    assert found == []
    assert warnings == [
        "warning: docs/sv/sida.md:7: '1 §': 100/2001 1 § was repealed by 300/2020 (from 2020-07-01): cite the "
        "section now in force [pending in facts/citations/sida.yml: another branch replaces it]"]


def test_a_range_is_quoted_from_one_of_its_sections(law_site):
    page(law_site, "Läs testlagen 2–3 §.", quotes='"100/2001":\n  "2–3": "Anmälan ska göras."\n')
    assert errors(law_site) == []


def test_the_command_fails_on_stale_texts_and_names_the_fix(law_site):
    """The script make check runs, on the fixture site named by $MKDOCS_CONFIG."""
    page(law_site, "Eftervården varar till 25 år (testlagen 2 §).")
    (law_site / "mkdocs.yml").write_text(
        "site_url: https://x.example/\nplugins:\n  - i18n:\n      languages:\n"
        "        - locale: sv\n          name: Svenska\n          default: true\n", encoding="utf-8")
    (law_site / "locales").mkdir()
    shutil.copy(ROOT / "locales" / "sv.yml", law_site / "locales" / "sv.yml")
    env = {**os.environ, "MKDOCS_CONFIG": str(law_site / "mkdocs.yml")}
    script = [sys.executable, str(ROOT / "scripts" / "check_citations.py")]
    run = subprocess.run(script, capture_output=True, text=True, env=env)
    assert (run.returncode, run.stdout.splitlines()[-1]) == (
        0, "check_citations: 1 section reference(s) in 1 language(s), 0 error(s), 0 warning(s)")
    sections = law_site / "law" / "sections.yml"
    sections.write_text(sections.read_text(encoding="utf-8").replace("25 år", "26 år"), encoding="utf-8")
    run = subprocess.run(script, capture_output=True, text=True, env=env)
    assert (run.returncode, run.stdout.splitlines()) == (1, [
        "check_citations: law/sections.yml is not what law/sources/ give: run .venv/bin/python "
        "scripts/build_law.py and commit the result"])


def test_the_check_runs_where_the_other_checks_run():
    assert "scripts/check_citations.py" in checks.SOURCE_CHECKS


def test_real_pages_pass():
    found, _, count = citation_check.check(ROOT, ["sv", "fi", "en", "ru", "et", "ar", "uk", "so", "fa"])
    assert found == []
    assert count > 500
