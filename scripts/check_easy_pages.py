#!/usr/bin/env python3
"""Easy-language pages against their standard pages: an easy page adds no fact.

Usage (from the repository root):
  check_easy_pages.py     every docs/<lang>/easy/<name>.md against docs/<lang>/<name>.md
                          (easy/index.md against the home page, index.md); exit 1 on any
                          fact of an easy page that its standard page does not have

What is compared and why: portal/easy_pages.py (the fact parser is portal/facts.py, the
translation check's). The style rule: ../shared/CONTENT-STYLE.md, "Easy-language pages".
"""

from __future__ import annotations

import sys
from pathlib import Path

from portal import docs_model, easy_pages, site_config

ROOT = Path(__file__).resolve().parent.parent  # the checkout: mkdocs.yml, docs/, facts/


def main(argv: list[str]) -> int:
    if argv:
        print(__doc__)
        return 2
    config = site_config.load(ROOT / "mkdocs.yml")
    try:
        errors, count = easy_pages.check(config)
    except docs_model.PageError as exc:
        print(exc)
        return 1
    for line in errors:
        print(line)
    print(f"check_easy_pages: {count} easy page(s) against their standard pages, {len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
