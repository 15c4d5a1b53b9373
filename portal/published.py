"""The ledger of published addresses: what a letter may hold, kept working for years.

Staff paste the site's addresses into letters; the README promises that they last. The
ledger (`published-addresses.yml`, committed) lists every address the site has ever
published, by kind:

- pages: every page in every language (a partial language's fallback pages too);
- sections: every section address staff are offered (portal/addresses.offered_sections
  of each page a language has), and the anchors of the list of local services (each
  county's and each municipality's, facts/local-services.yml: the composer offers the
  counties', and staff link a family to its municipality);
- aliases: every short or old address (front-matter `aliases:`), which redirects;
- moved: addresses that left the lists above, each with its new home and the reason.

It only grows. `check()` fails for every ledger address that no longer resolves in the
built site: a page that is not built, an alias that does not redirect to a built page, a
section whose id is not on its page. Retiring an address means giving it a new home: a
page's old address goes into the new page's `aliases:`; a section's old id is kept as an
anchor at the section that replaces it (`<span id="old-id"></span>` just before its
heading, in every language). Either way the address gets an entry under `moved:` with its
new home and the reason. New addresses join the ledger with `record()` (the command
scripts/published_addresses.py --record, which the check names).

What is current is read from docs/ through portal/addresses.py and from the built site
(redirects.json); what resolves is read from site/ only, so the check survives a move to
another generator.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from lxml import html as lxml_html

from portal import addresses, citations, docs_model, law, local_services

LEDGER = "published-addresses.yml"
KINDS = ("pages", "sections", "aliases")
RECORD = ".venv/bin/python scripts/published_addresses.py --record"
HEADER = """\
# Every address this site has published, for letters that families keep for years.
# It only grows: portal/published.py says how to retire an address (a new home and a
# reason, under moved:). New addresses join it with:
#     .venv/bin/python scripts/published_addresses.py --record
"""


@dataclass
class Ledger:
    pages: list[str] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    moved: dict[str, dict] = field(default_factory=dict)  # address -> {"to": ..., "reason": ...}

    def all(self) -> set[str]:
        return set(self.pages) | set(self.sections) | set(self.aliases) | set(self.moved)


def read(path: Path) -> Ledger:
    if not path.is_file():
        return Ledger()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return Ledger(*(list(data.get(kind) or []) for kind in KINDS), dict(data.get("moved") or {}))


def write(path: Path, ledger: Ledger) -> None:
    data = {kind: sorted(set(getattr(ledger, kind))) for kind in KINDS}
    data["moved"] = {k: ledger.moved[k] for k in sorted(ledger.moved)}
    path.write_text(HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120),
                    encoding="utf-8")


# ---------------------------------------------------------------- what the site publishes now

def is_redirect(page: Path) -> bool:
    """A stub of hooks/redirects.py (a short or old address), not a page."""
    return 'http-equiv="refresh"' in page.read_text(encoding="utf-8")[:600]


def built_pages(site: Path, where: addresses.Addresses) -> list[str]:
    """The address of every page built in the site (not the redirect stubs, assets, search
    indexes or the editors' status page)."""
    out = []
    for page in sorted(site.rglob("index.html")):
        rel = page.relative_to(site).as_posix()
        if rel.startswith(("assets/", "search/", "translation-status/")) or is_redirect(page):
            continue
        out.append(where.of_file(site, page))
    return out


LOCAL = "local-services.md"  # the list of local services (hooks/local_services.py)


def offered_sections(docs: Path, where: addresses.Addresses) -> list[str]:
    """The section addresses staff are offered: those of each page a language has itself,
    and on the list of local services, each county's and each municipality's anchor."""
    out = []
    for lang, name, path in docs_model.iter_pages(docs, list(where.codes)):
        page = docs_model.parse(path, lang, name)
        out += [where.page(lang, name, h.id) for h in addresses.offered_sections(page.headings)]
        data = docs.parent / local_services.DATA
        if name == LOCAL and data.is_file():
            areas = local_services.load(data).counties
            out += [where.page(lang, name, anchor) for county in areas
                    for anchor in [county.anchor] + [m.id for m in county.municipalities]]
    return out


def law_sections(root: Path, where: addresses.Addresses) -> list[str]:
    """The address of every section of law on its law page, in every language: the pages are
    made from law/sections.yml and law/acts.yml (portal/law.py layout()), not from docs/."""
    folder = root / "law"
    if not (folder / "sections.yml").is_file():
        return []
    layout = law.layout(law.load(folder / "sections.yml"), citations.load_acts(folder / "acts.yml"))
    return [where.page(lang, name, citations.anchor(act, number))
            for name, groups in layout.items() for act, numbers in groups for number in numbers
            for lang in where.codes]


def redirects(site: Path) -> dict[str, str]:
    path = site / "redirects.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def current(site: Path, docs: Path, where: addresses.Addresses) -> Ledger:
    return Ledger(built_pages(site, where), offered_sections(docs, where) + law_sections(docs.parent, where),
                  sorted(redirects(site)))


# ---------------------------------------------------------------- does each still resolve?

class Resolver:
    """Reads the built site: which pages exist, their ids, where aliases lead."""

    def __init__(self, site: Path, where: addresses.Addresses):
        self.site, self.where = site, where
        self.redirects = redirects(site)
        self._ids: dict[Path, dict[str, str]] = {}

    def page(self, address: str) -> Path | None:
        """The built page (not a redirect stub) at an address, or None."""
        file = self.where.file(self.site, address)
        return file if file.is_file() and file.suffix == ".html" and not is_redirect(file) else None

    def is_law(self, path: str) -> bool:
        """A law page (/law/, /fi/law/417-2007-30/): made from law/, not from docs/."""
        return self.where.split(path)[1].startswith(law.FOLDER)

    def ids(self, page: Path) -> dict[str, bool]:
        """{id: True if it only marks a place} of a built page: an empty <span> is the new home
        of a retired section id; any other element is what the id names."""
        if page not in self._ids:
            tree = lxml_html.fromstring(page.read_bytes())
            self._ids[page] = {el.get("id"): el.tag == "span" and not len(el) and not (el.text or "").strip()
                               for el in tree.iter() if isinstance(el.tag, str) and el.get("id")}
        return self._ids[page]

    def problem(self, address: str, kind: str, moved: dict | None) -> str | None:
        """Why a ledger address does not resolve, with the fix; None if it does."""
        path, _, section = address.partition("#")
        target = self.redirects.get(path)
        page = self.page(path) or (self.page(target) if target else None)
        if page is None:
            if kind == "aliases" or target:
                return (f"the alias {path} leads to {target or 'nothing'}, which is not built: give it a page "
                        f"(an alias in the front matter of the page that now has its content)")
            return (f"{path} is not built: give it a new home: put {path} in the aliases: of the page that "
                    f"now has its content, and record the move under moved: in {LEDGER} with the reason")
        if kind == "pages" and self.page(path) is None and moved is None:
            return (f"{path} is now only an alias of {target}: record the move under moved: in {LEDGER} "
                    f"({path}: {{to: {target}, reason: why}})")
        if not section:
            return None
        marker = self.ids(page).get(section)
        if marker is None and self.is_law(path):
            return (f"#{section} is not on the law page {path} any more: the law pages are made from "
                    f"law/sections.yml and law/acts.yml (parts:); keep each section on the law page it was "
                    f"published on (a new part of an act may only begin after its last published section), "
                    f"or, if it cannot stay, record the move under moved: in {LEDGER} with its new home and "
                    f"the reason")
        if marker is None:
            return (f"#{section} is not on the page {self.where.of_file(self.site, page)}: keep the id, or give "
                    f"it a new home: <span id=\"{section}\"></span> just before the heading of the section that now "
                    f"covers it (in every language), and record the move under moved: in {LEDGER} with the reason")
        if marker and moved is None:
            return (f"#{section} now only marks another section (an empty span): record the move under moved: "
                    f"in {LEDGER} with the reason")
        return None


def line_numbers(path: Path) -> dict[tuple[str, str], int]:
    """{(kind, address): line} of the ledger file, for messages that name the line."""
    out, kind = {}, ""
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n") if path.is_file() else [], 1):
        if line and not line[0].isspace() and line.rstrip().endswith(":") and not line.startswith(("-", "#")):
            kind = line.rstrip()[:-1]
        elif line.startswith("- "):
            out.setdefault((kind, line[2:].strip().strip("'\"")), number)
        elif kind == "moved" and line.startswith("  ") and not line.startswith("   "):
            out.setdefault((kind, line.strip().split(": ", 1)[0].rstrip(":").strip("'\"")), number)
    return out


def sources(docs: Path, where: addresses.Addresses) -> dict[str, str]:
    """{page address: "docs/fi/aftercare.md"} of the pages a language has itself."""
    return {where.page(lang, name): f"{docs.name}/{lang}/{name}" for lang, name, _ in docs_model.iter_pages(docs, list(where.codes))}


def check(site: Path, docs: Path, where: addresses.Addresses, ledger_path: Path) -> list[str]:
    """Every problem: a ledger address that no longer resolves, a move without a new home or
    a reason, and a current address missing from the ledger."""
    ledger = read(ledger_path)
    resolver = Resolver(site, where)
    lines = line_numbers(ledger_path)
    files = sources(docs, where)

    def at(kind: str, address: str) -> str:
        page = files.get(address.partition("#")[0])
        return f"{ledger_path.name}:{lines.get((kind, address), 1)}: {address}" + (f" ({page})" if page else "")

    problems = []
    for kind in KINDS:
        for address in getattr(ledger, kind):
            why = resolver.problem(address, kind, ledger.moved.get(address))
            if why:
                problems.append(f"{at(kind, address)} was published: {why}")
    for address, move in ledger.moved.items():
        if not isinstance(move, dict) or not move.get("to") or not str(move.get("reason") or "").strip():
            problems.append(f"{at('moved', address)}: a move needs its new home and the reason, like "
                            f"{address}: {{to: /new/address/, reason: why it moved}}")
            continue
        why = resolver.problem(address, "sections" if "#" in address else "pages", move)
        if why:
            problems.append(f"{at('moved', address)} moved to {move['to']}: {why}")
    new = sorted(current(site, docs, where).all() - ledger.all())
    if new:
        shown = ", ".join(new[:5]) + (f" and {len(new) - 5} more" if len(new) > 5 else "")
        problems.append(f"{ledger_path.name}: {len(new)} address(es) the site now publishes are not in the ledger ({shown}): "
                        f"once they are right, record them: {RECORD}")
    return problems


def record(site: Path, docs: Path, where: addresses.Addresses, ledger_path: Path) -> list[str]:
    """Add the current addresses that the ledger lacks; the added ones."""
    ledger = read(ledger_path)
    now = current(site, docs, where)
    known = ledger.all()
    added = []
    for kind in KINDS:
        fresh = [a for a in getattr(now, kind) if a not in known]
        getattr(ledger, kind).extend(fresh)
        added += fresh
    write(ledger_path, ledger)
    return sorted(added)
