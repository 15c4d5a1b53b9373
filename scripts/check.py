#!/usr/bin/env python3
"""`make check`: build the site and run every check, listing all problems with file and line.

Usage: check.py [--config mkdocs.yml] [--site site]

The list of checks and the build are portal/checks.py's, the same that `make deploy` and
the tests run. Each step's output is printed as it ends; MkDocs' INFO lines are left out
(they bury the editors' messages; every warning and error is shown). Exits 1 if any step
failed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from portal import checks

ROOT = Path(__file__).resolve().parent.parent  # this checkout (a copy of the repository too)


def show(name: str, output: str, ok: bool) -> None:
    lines = [line for line in output.splitlines() if not line.startswith("INFO")]
    if name == checks.BUILD:
        lines = lines or ["the build: ok"]
    print("\n".join(lines), flush=True)
    if not ok:
        print(f"check: {name} failed", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml",
                        help="the MkDocs config to build (default: the project's mkdocs.yml)")
    parser.add_argument("--site", type=Path, default=ROOT / "site",
                        help="where the site is built (emptied first; default: site/)")
    args = parser.parse_args(argv)
    outcome = checks.run(ROOT, args.config, args.site, on_done=show)
    if not outcome.ok:
        print(f"check: {len(outcome.failed)} step(s) failed: {', '.join(outcome.failed)}")
        return 1
    print("check: everything passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
