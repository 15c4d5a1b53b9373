"""Short and old addresses of pages (front-matter `aliases:`), read from docs/ and checked.

An alias must never be the address of a page, in any language (a fallback page shown in
a partial language has an address too), nor another page's alias: the server would
answer the real page with a 301 to another one. Everything is decided from docs/ before
the build writes a file, so the build stops (hooks/redirects.py) before a wrong redirect
exists, and `site/redirects.json` holds only checked entries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from portal import addresses, docs_model

ALIAS = re.compile(r"^/(?:[a-z0-9]+(?:-[a-z0-9]+)*/)+$")
GENERATED = ("translation-status/",)  # pages the build writes that have no Markdown file


@dataclass
class Alias:
    alias: str
    target: str  # the page's address, "/fi/aftercare/"
    lang: str
    where: str  # "docs/fi/aftercare.md:19"


def collect(docs_dir: Path, codes: list[str], default: str, label=lambda p: p.as_posix()) -> tuple[dict[str, Alias], list[str]]:
    """({alias: Alias}, problems) for every page of every language."""
    site = addresses.Addresses(default, tuple(codes))
    pages: dict[str, str] = {}  # address -> the file shown there
    own = {code: {name for _, name, _ in docs_model.iter_pages(docs_dir, [code])} for code in codes}
    for code in codes:
        for name in sorted(own[code] | own[default]):
            shown = code if name in own[code] else default
            note = "" if shown == code else f" (shown under /{code}/ as a fallback)"
            pages[site.page(code, name)] = f"{label(docs_dir / shown / name)}{note}"
    for generated in GENERATED:
        pages["/" + generated] = "a page the build writes"
    aliases: dict[str, Alias] = {}
    problems: list[str] = []
    for code in codes:
        for _, name, path in docs_model.iter_pages(docs_dir, [code]):
            try:
                meta, lines, _, _ = docs_model.split_front_matter(path.read_text(encoding="utf-8"), path)
            except docs_model.PageError:
                continue  # the content lint reports the front matter
            if "aliases" not in meta:
                continue
            place = f"{label(path)}:{lines.get('aliases', 1)}"
            listed = meta["aliases"]
            if not isinstance(listed, list):
                problems.append(f"{place}: aliases must be a list, like aliases: [/fi/jalkihuolto/]")
                continue
            lang_prefix = site.home(code)
            for alias in map(str, listed):
                if not ALIAS.match(alias):
                    problems.append(f"{place}: alias '{alias}' must look like /eftervard/: lower-case a-z, 0-9 "
                                    f"and hyphens, with a slash at both ends")
                elif lang_prefix != "/" and not alias.startswith(lang_prefix):
                    problems.append(f"{place}: alias '{alias}' of a '{code}' page must start with {lang_prefix}")
                elif alias in pages:
                    problems.append(f"{place}: alias '{alias}' is the address of the page {pages[alias]}; "
                                    f"choose another")
                elif alias in aliases:
                    problems.append(f"{place}: alias '{alias}' is already used by {aliases[alias].where}")
                else:
                    aliases[alias] = Alias(alias, site.page(code, name), code, place)
    return aliases, problems
