"""Every built page is valid HTML: no error from the W3C Nu HTML checker (vnu.jar).

The checker is pinned in scripts/vnu/ (npm `vnu-jar`, installed by scripts/install-vnu.sh)
and runs on the system's Java; nothing is fetched at test time. `make test` installs both
(`make system`), and in CI a missing checker fails; `make test-fast` installs the checker
where npm and Java are there, and elsewhere skips these tests, saying why.
"""

from __future__ import annotations

import os

import pytest
import valid_html


@pytest.fixture
def checker():
    reason = valid_html.missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (CI installs it: `make test` runs `make system`)")
        pytest.skip(reason)


def test_every_built_page_is_valid_html(built_site, checker):
    files = valid_html.html_files(built_site)
    assert len(files) > 100, f"only {len(files)} HTML files in the build"
    problems = valid_html.check(files, built_site)
    pages = len({p.file for p in problems})
    assert not problems, f"{len(problems)} HTML errors (W3C Nu checker) in {pages} of {len(files)} files:\n" + "\n".join(
        map(str, problems)
    )


BROKEN = """<!doctype html>
<html lang="sv">
<head><meta charset="utf-8"><title>Broken</title></head>
<body>
<h2 id="quick-exit">Snabb utgång</h2>
<a id="quick-exit" href="#">exit</a>
<input type="checkbox" autocomplete="off">
<label tabindex="">label</label>
</body>
</html>
"""


VALID = """<!doctype html>
<html lang="sv">
<head><meta charset="utf-8"><title>Valid</title></head>
<body><h1 id="quick-exit">Snabb utgång</h1></body>
</html>
"""


def test_checker_lists_each_error_of_a_broken_page_and_fails(tmp_path, capsys, checker):
    (tmp_path / "fi").mkdir()
    (tmp_path / "index.html").write_text(VALID, encoding="utf-8")
    (tmp_path / "fi" / "broken.html").write_text(BROKEN, encoding="utf-8")

    assert valid_html.main([str(tmp_path)]) == 1

    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "fi/broken.html:6: Duplicate ID “quick-exit”.",
        "fi/broken.html:7: Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
        "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, "
        "“time”, “url”, or “week”.",
        "fi/broken.html:8: Bad value “” for attribute “tabindex” on element “label”: "
        "The empty string is not a valid integer.",
    ]
    assert err.strip() == "valid_html: 3 errors in 1 of 2 HTML files"


def test_a_missing_checker_says_how_to_install_it(tmp_path):
    (tmp_path / "index.html").write_text(BROKEN, encoding="utf-8")
    with pytest.raises(valid_html.CheckerMissing, match=r"missing: run scripts/install-system-packages\.sh"):
        valid_html.check([tmp_path / "index.html"], tmp_path, jar=tmp_path / "vnu.jar")
    assert valid_html.missing(jar=tmp_path / "vnu.jar").endswith("vnu.jar is missing: " + valid_html.INSTALL_HINT)
