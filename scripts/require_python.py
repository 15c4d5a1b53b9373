#!/usr/bin/env python3
"""Stop `make setup` at once, saying what to install, where the project cannot be set up.

Run by the Python `make setup` is given (PYTHON, default python3) before it makes .venv/:
it must be at least the version pyproject.toml's `requires-python` names (Debian 12's own
python3, 3.11.2: every pin of requirements.txt installs there, tests/test_setup.py), and
have the venv module with ensurepip (Debian and Ubuntu ship them apart: python3-venv).
Standard library only, and no syntax newer than Python 3.6, so that an old Python reads
this file and gets the message instead of a traceback.
"""

import platform
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def minimum() -> tuple:
    """The lowest Python that pyproject.toml admits: (3, 11, 2) for requires-python = ">=3.11.2"."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    found = re.search(r'^requires-python\s*=\s*">=\s*([0-9.]+)"', text, re.M)
    return tuple(int(part) for part in found.group(1).split("."))


def problems(version: tuple, has_venv: bool, executable: str) -> list:
    """What stops the set-up, each with what to install."""
    lowest = minimum()
    wanted = ".".join(map(str, lowest))
    out = []
    if version < lowest:
        out.append("make setup: {} is Python {}; the project needs {} or later (Debian 12's python3 is {}). "
                   "Install it (Debian 12: apt-get install python3), or name another: "
                   "make setup PYTHON=/path/to/python3.11".format(executable, ".".join(map(str, version)), wanted,
                                                                   wanted))
    elif not has_venv:
        out.append("make setup: {} has no venv module with ensurepip, which makes .venv/; install it: "
                   "apt-get install python3-venv".format(executable))
    return out


def main() -> int:
    try:
        import ensurepip  # noqa: F401  (Debian's python3-venv)
        import venv  # noqa: F401
        has_venv = True
    except ImportError:
        has_venv = False
    version = tuple(int(part) for part in re.findall(r"\d+", platform.python_version())[:3])
    found = problems(version, has_venv, sys.executable)
    for line in found:
        print(line, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
