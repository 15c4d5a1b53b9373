#!/usr/bin/env python3
"""List what a new amending act changes: the sections, and every page and quote citing them.

Usage (from the repository root):
  law_changes.py FI.xml [SV.xml]   the amending act from the open data (Semantic Finlex
                                   XML, e.g. asd20240123.xml), Finnish first

It prints each section the act repeals, replaces or adds (from its opening clause), whether
the site holds its text, and every line of every page (every language, easy pages too)
and every quote in facts/citations/ that cites it. Nothing is changed. What to do next:
EDITING.md, "When the law changes". How: portal/law_changes.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

from portal import law_changes, site_config, statutes

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    if not argv or any(a.startswith("-") for a in argv) or len(argv) > 2:
        print(__doc__)
        return 2
    config = site_config.load(ROOT / "mkdocs.yml")
    try:
        lines = law_changes.report([Path(a) for a in argv], config.root, config.codes)
    except (statutes.SourceError, OSError) as exc:
        print(f"law_changes: {exc}")
        return 1
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
