#!/usr/bin/env python3
"""Every section of law the pages cite is in the statute texts, in force, and quoted in facts/.

Usage (from the repository root):
  check_citations.py     check every page of every language (docs/), exit 1 on any error

What is checked and why: portal/citation_check.py. The texts: law/sections.yml
(scripts/build_law.py). The quotes: facts/citations/<page>.yml. How to cite a section:
EDITING.md, "Cite a section of law".
"""

from __future__ import annotations

import sys
from pathlib import Path

from portal import citation_check, site_config

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    if argv:
        print(__doc__)
        return 2
    config = site_config.load(ROOT / "mkdocs.yml")
    errors, warnings, count = citation_check.check(config.root, config.codes)
    for line in errors + warnings:
        print(line)
    print(f"check_citations: {count} section reference(s) in {len(config.codes)} language(s), "
          f"{len(errors)} error(s), {len(warnings)} warning(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
