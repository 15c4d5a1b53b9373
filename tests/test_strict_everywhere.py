"""One build, the same everywhere: the editors' `make check`, the deploy's build step and a
plain `mkdocs build` with any log level refuse the same broken input with the same message.

`mkdocs build --quiet` once hid every warning from the strict hook (mkdocs#4126): `make
check` and `make deploy` then passed a colliding alias and published a release without its
redirects. `--verbose` makes MkDocs skip the #anchor validation (mkdocs#3991).
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from helpers import write_fixture_docs

import deploy
from conftest import CONFIG, ROOT, fixture_config

# fi/aftercare.md claims the address of fi/placement.md (line 5), links to an anchor
# that does not exist (line 11) and has a mistyped marker (line 13, the content lint's);
# fi/extra.md is not in nav
BROKEN = ("---\ntitle: Jälkihuolto\ndescription: Testi.\nlast_reviewed: 2026-11-23\naliases: [/fi/placement/]\n"
          "sources: []\n---\n\n# Jälkihuolto\n\n[Sijoitus](placement.md#no-such-section)\n\n<!-- aftercare-checkr -->\n")
ALIAS = ("docs/fi/aftercare.md:5: alias '/fi/placement/' is the address of the page docs/fi/placement.md; "
         "choose another")
NOT_IN_NAV = ("docs/fi/extra.md: the page is not in nav: add it to nav: in mkdocs.yml and its title to nav: in "
              "every locales/<code>.yml (EDITING.md, Add a page)")
MARKER = ("/fi/aftercare.md:13: unknown marker <!-- aftercare-checkr -->; did you mean <!-- aftercare-checker -->? "
          "(known markers: ")
ANCHOR = ("docs/fi/aftercare.md:11: Doc file 'fi/aftercare.md' contains a link 'placement.md#no-such-section', "
          "but the doc 'fi/placement.md' does not contain an anchor '#no-such-section'.")


@pytest.fixture(scope="module")
def broken_config(tmp_path_factory):
    root = tmp_path_factory.mktemp("broken")
    languages = ["sv", "fi"]  # each language is a build of its own: two are enough here
    docs = write_fixture_docs(root, CONFIG, {"fi": {"aftercare.md": BROKEN, "extra.md": "# Extra\n"}}, languages)
    return fixture_config(root, docs, languages)


@pytest.mark.parametrize("flag", ["--quiet", "--verbose", None])
def test_mkdocs_build_fails_with_file_and_line_at_any_log_level(broken_config, tmp_path, flag):
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", *([flag] if flag else []),
                             "-f", str(broken_config), "-d", str(site)],
                            cwd=ROOT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
                            capture_output=True, text=True, timeout=300)
    report = result.stdout + result.stderr
    assert result.returncode == 1, report
    assert "The build has 3 warning(s); every one must be fixed:" in report
    assert f"[all] {ALIAS}" in report
    assert f"[fi] {ANCHOR}" in report
    assert f"[fi] {NOT_IN_NAV}" in report
    assert not site.exists(), "the half-built site must be removed"


def test_make_check_fails_with_file_and_line(broken_config, tmp_path):
    """The editors' command itself, as they type it, on the fixture."""
    site = tmp_path / "site"
    result = subprocess.run(["make", "--no-print-directory", "check", f"CONFIG={broken_config}", f"SITE={site}"],
                            cwd=ROOT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
                            capture_output=True, text=True, timeout=600)
    report = result.stdout + result.stderr
    assert result.returncode != 0, report
    assert ALIAS in report and ANCHOR in report and NOT_IN_NAV in report
    assert MARKER in report  # the content lint's: a mistyped marker would do nothing
    assert "check: the build failed" in report
    assert "check: scripts/lint_content.py failed" in report
    assert "not run: the build failed (see above), so there is no site to check" in report
    assert not site.exists()


def test_the_deploys_build_step_fails_with_file_and_line(broken_config, tmp_path):
    with pytest.raises(deploy.DeployError) as error:
        deploy.build_and_check(tmp_path / "site", "https://lastensuojelu.test/", None, broken_config)
    message = str(error.value)
    assert message.startswith("nothing deployed: the build")
    assert ALIAS in message and ANCHOR in message and NOT_IN_NAV in message
    assert not (tmp_path / "site").exists()
