#!/usr/bin/env python3
"""Every section of law the pages cite is in the statute texts, in force, and quoted in facts/.

Usage (from the repository root):
  check_citations.py     check every page of every language (docs/), exit 1 on any error

First it checks that law/sections.yml is what law/sources/ give (scripts/build_law.py), so
that an edited source is never checked against stale texts.

What is checked and why: portal/citation_check.py. The texts: law/sections.yml
(scripts/build_law.py). The quotes: facts/citations/<page>.yml. How to cite a section:
EDITING.md, "Cite a section of law".
"""

from __future__ import annotations

import sys
from pathlib import Path

from portal import citation_check, law, site_config, statutes

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    if argv:
        print(__doc__)
        return 2
    config = site_config.load(ROOT / "mkdocs.yml")
    law_dir = Path(config.root) / "law"
    try:
        built = law.dump(law.build(law_dir))
    except statutes.SourceError as exc:
        print(f"check_citations: law/sources/: {exc}")
        return 1
    committed = law_dir / "sections.yml"
    if not committed.is_file() or committed.read_text(encoding="utf-8") != built:
        print("check_citations: law/sections.yml is not what law/sources/ give: run "
              ".venv/bin/python scripts/build_law.py and commit the result")
        return 1
    errors, warnings, count = citation_check.check(config.root, config.codes)
    for line in errors + warnings:
        print(line)
    print(f"check_citations: {count} section reference(s) in {len(config.codes)} language(s), "
          f"{len(errors)} error(s), {len(warnings)} warning(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
