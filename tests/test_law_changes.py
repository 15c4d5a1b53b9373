"""The command for a new amending act (portal/law_changes.py, scripts/law_changes.py): it lists
the sections the act changes, and every page line and facts quote citing them, on the
fixture statute book's amendment (tests/law_fixture.py) and a fixture site (`law_site`, conftest.py)."""

import subprocess
import sys
from pathlib import Path

from law_fixture import AMENDMENT, page, write
from portal import law_changes, statutes

ROOT = Path(__file__).resolve().parent.parent


def test_it_lists_the_sections_and_every_citation_of_them(law_site, tmp_path):
    page(law_site, "Eftervården varar till 25 år (testlagen 2 §).\n\nSe också testlagen 1–3 §.",
         quotes='"100/2001":\n  "2": "Eftervården varar till 25 år."\n  "1–3": "Anmälan ska göras."\n')
    files = write(tmp_path / "new", AMENDMENT)
    assert law_changes.report(files, law_site, ["sv"]) == [
        "200/2010 (2010-03-01) changes 100/2001:",
        "  2 § (replaces the whole section): its text is in law/sections.yml",
        "    docs/sv/sida.md:7: '2 §'",
        "    docs/sv/sida.md:9: '1–3 §'",
        "    facts/citations/sida.yml:2: the quote",
        "    facts/citations/sida.yml:3: the quote",
        "  3 § (replaces subsection 2, point 2): its text is in law/sections.yml",
        "    docs/sv/sida.md:9: '1–3 §'",
        "    facts/citations/sida.yml:3: the quote",
        "law_changes: 2 section(s) changed, 6 citation(s) and quote(s) to re-read "
        "(EDITING.md, \"When the law changes\")"]


def test_sections_no_page_cites_are_named_on_one_line(law_site, tmp_path):
    page(law_site, "Ingenting här.", quotes="")
    files = write(tmp_path / "new", AMENDMENT)
    assert law_changes.report(files, law_site, ["sv"])[1:] == [
        "  no page cites the other section(s) it changes: 2, 3 §",
        "law_changes: 2 section(s) changed, 0 citation(s) and quote(s) to re-read "
        "(EDITING.md, \"When the law changes\")"]


def test_an_act_that_amends_nothing_is_refused(law_site, tmp_path):
    original = write(tmp_path / "new", {"fi": AMENDMENT["fi"].replace("muutetaan", "säädetään")})
    try:
        law_changes.report(original, law_site, ["sv"])
    except statutes.SourceError as exc:
        assert "not an amending act" in str(exc)
    else:
        raise AssertionError("an original act was taken for an amendment")


def test_the_command_on_a_committed_amendment():
    run = subprocess.run([sys.executable, "scripts/law_changes.py", "law/sources/asd/fi/2023/asd20230704.xml"],
                         cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.splitlines()[0] == "704/2023 (2024-01-01) changes 812/2000:"
    assert run.stdout.splitlines()[-2] == "  no page cites the other section(s) it changes: 3, 11, 13, 20, 21, 26, 27, 28, 29 §"
