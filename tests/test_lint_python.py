"""The Python linter (scripts/lint_python.py): the checkout passes, and a broken file is
named with its line and the rule it breaks."""

import lint_python


def test_the_checkout_has_no_unused_import_or_undefined_name(capsys):
    assert lint_python.main([]) == 0, capsys.readouterr().out
    assert capsys.readouterr().out == "lint_python: ok\n"


def test_an_unused_import_and_an_undefined_name_are_named_with_file_and_line(tmp_path, capsys):
    broken = tmp_path / "broken.py"
    broken.write_text("import os\n\nvalue = undefined_name\n", encoding="utf-8")
    assert lint_python.main([str(broken)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == [f"{broken}:1:8: F401 [*] `os` imported but unused",
                       f"{broken}:3:9: F821 Undefined name `undefined_name`"]
    assert out[-1] == "lint_python: fix the lines above; `.venv/bin/ruff check --fix PATH` removes those marked [*]"
