#!/usr/bin/env python3
"""Check facts/local-services.yml: every municipality in exactly one county, every contact
value with its source and check date, no value checked more than 12 months ago.

Usage: check_local_services.py [--data facts/local-services.yml] [--today YYYY-MM-DD]

Errors (exit 1): a municipality in no county or in two; a county listing a name that is not a
municipality; a value (site, emergency, notify) without url, source or check date; a check
date more than 12 months old or in the future; `count` not the number listed.
Warnings (exit 0): a check date more than 6 months old. The rules: portal/local_services.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from portal import local_services

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / local_services.DATA)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None)
    args = parser.parse_args(argv)
    data = local_services.load(args.data)
    errors, warnings = local_services.problems(data, args.today)
    for line in warnings + errors:
        print(line)
    if errors:
        print(f"check_local_services: {len(errors)} error(s) in {args.data}")
        return 1
    counties = len(data.counties)
    numbers = sum(1 for c in data.counties if (c.values.get("emergency") or {}).get("phone"))
    print(f"check_local_services: {len(data.municipalities)} municipalities in {counties} counties; "
          f"a verified social emergency number for {numbers}, the county's page for {counties - numbers}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
