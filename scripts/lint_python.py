#!/usr/bin/env python3
"""The project's Python through the linter: ruff, with the rules in pyproject.toml
(pyflakes': unused imports and variables, undefined names, ...; and syntax errors).

Usage: lint_python.py [PATH...]   (default: the whole checkout; .venv/ is left out)

Each problem is one line, `file:line:column: code message`; `[*]` marks one that
`.venv/bin/ruff check --fix PATH` removes by itself. Exits 1 on any problem.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent  # the checkout: pyproject.toml


def main(argv: list[str]) -> int:
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise",
                           "--config", str(ROOT / "pyproject.toml"), *(argv or [str(ROOT)])],
                          cwd=ROOT, capture_output=True, text=True)
    output = (done.stdout + done.stderr).strip()
    if output and done.returncode != 0:
        print(output)
    if done.returncode == 0:
        print("lint_python: ok")
    else:
        print("lint_python: fix the lines above; `.venv/bin/ruff check --fix PATH` removes those marked [*]")
    return 0 if done.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
