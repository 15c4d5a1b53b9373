"""`make setup` works where the README says: on Debian 12 with its own python3 (3.11.2).

Every pin of requirements.txt admits the lowest Python that pyproject.toml's
`requires-python` names (read from each installed distribution's Requires-Python), the
README names that Python, and scripts/require_python.py stops `make setup` at once, with
what to install, on an older Python or one without the venv module.
"""

from __future__ import annotations

import re
from importlib import metadata

from packaging.specifiers import SpecifierSet

import require_python
from conftest import ROOT


def pins() -> list[tuple[int, str, str]]:
    """(line, name, version) of every pin in requirements.txt."""
    out = []
    for number, line in enumerate((ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines(), 1):
        m = re.match(r"^([A-Za-z0-9_.-]+)==(\S+)", line)
        if m:
            out.append((number, m[1], m[2]))
    return out


def needing_newer(found: list[tuple[int, str, str, str | None]], lowest: str) -> list[str]:
    """A complaint for each (line, name, version, Requires-Python) that refuses `lowest`."""
    return [f"requirements.txt:{line}: {name}=={version} needs Python {needs}, but the README promises {lowest} "
            f"(Debian 12's python3); pin the newest that installs there: .venv/bin/pip download --no-deps "
            f"--only-binary=:all: --python-version {lowest} -d /tmp '{name}'"
            for line, name, version, needs in found
            if needs and not SpecifierSet(needs).contains(lowest, prereleases=True)]


def test_every_pin_installs_on_the_python_the_readme_promises():
    lowest = ".".join(map(str, require_python.minimum()))
    found = []
    for line, name, version in pins():
        installed = metadata.metadata(name)
        assert installed["Version"] == version, f"requirements.txt:{line}: {name} {installed['Version']} is " \
                                                f"installed, not {version}: run make setup"
        found.append((line, name, version, installed["Requires-Python"]))
    assert len(found) > 40
    assert needing_newer(found, lowest) == []
    assert f"Python {lowest}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_a_pin_that_needs_a_newer_python_is_named():
    assert needing_newer([(8, "pymdown-extensions", "13.1", ">=3.11.5"), (9, "click", "8.5.1", ">=3.10"),
                          (10, "paginate", "0.5.7", None)], "3.11.2") == [
        "requirements.txt:8: pymdown-extensions==13.1 needs Python >=3.11.5, but the README promises 3.11.2 "
        "(Debian 12's python3); pin the newest that installs there: .venv/bin/pip download --no-deps "
        "--only-binary=:all: --python-version 3.11.2 -d /tmp 'pymdown-extensions'"]


def test_setup_stops_at_once_on_an_old_python_or_one_without_venv():
    assert require_python.minimum() == (3, 11, 2)
    assert require_python.problems((3, 11, 2), True, "/usr/bin/python3") == []
    assert require_python.problems((3, 9, 2), True, "/usr/bin/python3") == [
        "make setup: /usr/bin/python3 is Python 3.9.2; the project needs 3.11.2 or later (Debian 12's python3 is "
        "3.11.2). Install it (Debian 12: apt-get install python3), or name another: "
        "make setup PYTHON=/path/to/python3.11"]
    assert require_python.problems((3, 11, 2), False, "/usr/bin/python3") == [
        "make setup: /usr/bin/python3 has no venv module with ensurepip, which makes .venv/; install it: "
        "apt-get install python3-venv"]
