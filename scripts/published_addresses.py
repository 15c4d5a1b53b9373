#!/usr/bin/env python3
"""The ledger of published addresses (published-addresses.yml; portal/published.py).

Usage:
    published_addresses.py [SITE_DIR]            check: every published address still resolves
    published_addresses.py --record [SITE_DIR]   add the addresses the site now publishes

The check fails, naming each address and its fix, when an address in the ledger no longer
resolves in the built site, or when the site publishes an address the ledger lacks.
`make check`, `make deploy` and the tests run it (portal/checks.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

from portal import published, site_config

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    config = site_config.load(ROOT / "mkdocs.yml")
    args = [a for a in argv if not a.startswith("--")]
    site = Path(args[0]) if args else config.site_dir
    ledger = config.root / published.LEDGER
    if not (site / "index.html").is_file():
        print(f"published_addresses: {site}: no built site; run 'make build' first")
        return 2
    if "--record" in argv:
        added = published.record(site, config.docs_dir, config.addresses, ledger)
        print(f"published_addresses: {len(added)} address(es) added to {published.LEDGER}")
        return 0
    problems = published.check(site, config.docs_dir, config.addresses, ledger)
    for problem in problems:
        print(problem)
    print(f"published_addresses: {len(published.read(ledger).all())} published address(es), "
          f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
