"""The Python linter (scripts/lint_python.py): the checkout passes, and a broken file is
named with its line and the rule it breaks. And no test module imports another: what
tests share is in helpers.py, sweep.py and conftest.py."""

from pathlib import Path

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


def modules_importing_tests(folder) -> list[str]:
    """'file:line: imports test_x' for each module in folder that imports a test module
    (shared test code belongs in helpers.py, sweep.py or conftest.py)."""
    import ast

    found = []
    for path in sorted(folder.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            found += [f"{path.name}:{node.lineno}: imports {n}" for n in names if n.split(".")[0].startswith("test_")]
    return found


def test_no_test_module_imports_another(tmp_path):
    assert modules_importing_tests(Path(__file__).parent) == []
    (tmp_path / "test_a.py").write_text("import os\nfrom test_b import helper\n\n\ndef f():\n    import test_c\n",
                                        encoding="utf-8")
    assert modules_importing_tests(tmp_path) == ["test_a.py:2: imports test_b", "test_a.py:6: imports test_c"]
