#!/usr/bin/env python3
"""Build the statute texts the site shows and the citation check reads: law/sections.yml.

Usage (from the repository root):
  build_law.py           assemble the cited sections from law/sources/ and write law/sections.yml
  build_law.py --check   exit 1 if law/sections.yml is not what law/sources/ gives (a test runs it)

How the texts are assembled: portal/statutes.py. Which acts: law/acts.yml. Where each
source file comes from: law/sources/PROVENANCE.yml. Adding a section or an amendment:
EDITING.md, "When the law changes".
"""

from __future__ import annotations

import sys

from portal import law, statutes


def main(argv: list[str]) -> int:
    check = argv == ["--check"]
    if argv and not check:
        print(__doc__)
        return 2
    try:
        text = law.dump(law.build())
    except statutes.SourceError as exc:
        print(f"build_law: {exc}")
        return 1
    target = law.SECTIONS
    if check:
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            print(f"build_law: {target.relative_to(law.ROOT)} is not what law/sources/ gives: "
                  f"run .venv/bin/python scripts/build_law.py and commit the result")
            return 1
        print(f"build_law: {target.relative_to(law.ROOT)} matches law/sources/")
        return 0
    target.write_text(text, encoding="utf-8")
    count = sum(len(a["sections"]) for a in law.load(target).values())
    print(f"build_law: wrote {target.relative_to(law.ROOT)} ({count} section(s))")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
