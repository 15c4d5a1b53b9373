"""What a new amending act changes on the site: its sections, and every page and quote citing them.

Given an amending act from the open data (its Finnish XML, as law/sources/ holds them,
and optionally the Swedish), `report()` reads its opening clause (portal/statutes.py
`changes()`: which sections, subsections, points it repeals, replaces or adds) and lists
for each section changed:

- whether its text is in law/sections.yml (the site shows it and checks quotes in it);
- every line of every page, every language (easy pages too), citing it, alone or in a
  range ("34–50 §" cites 40 §), as the citation check reads them (portal/citations.py);
- every entry of facts/citations/ that quotes it, with its line.

That is the list to work through when the law changes: add the act to law/sources/,
rebuild the texts, and re-read each quote and each claim against the new wording
(EDITING.md, "When the law changes"). The command is scripts/law_changes.py.
"""

from __future__ import annotations

from pathlib import Path

from portal import citation_check, citations, docs_model, law, statutes


def describe(change: statutes.Change) -> str:
    """The part of a section a change touches, as the statute book names it (in English)."""
    if change.part is None:
        return "the whole section"
    kind = change.part[0]
    if kind == "heading":
        return "its heading"
    if kind == "moment":
        return f"subsection {change.part[1]}"
    if kind == "intro":
        return f"the opening words of subsection {change.part[1]}"
    return f"subsection {change.part[1]}, point {change.part[2]}"


VERBS = {"amend": "replaces", "add": "adds", "repeal": "repeals"}


def _covers(act: str, first: str, last: str | None, target_act: str, section: str) -> bool:
    if act != target_act:
        return False
    if last is None:
        return first == section
    return citations.order(first) <= citations.order(section) <= citations.order(last)


def report(paths: list[Path], root: Path, codes: list[str]) -> list[str]:
    """The lines to print for the amending act in `paths` (its Finnish file, and the Swedish)."""
    root = Path(root)
    files = [statutes.read(Path(p)) for p in paths]
    finnish = [f for f in files if f.lang == "fi"]
    if not finnish:
        raise statutes.SourceError("give the act's Finnish file: its opening clause says what it changes")
    act = finnish[0]
    if act.target is None:
        raise statutes.SourceError(f"{act.path}: not an amending act (no 'muutetaan', 'kumotaan' or 'lisätään' "
                                   f"with an act number in its opening clause)")
    target = act.target
    changes = statutes.changes(act.clause, target)
    acts = citations.load_acts(root / "law" / "acts.yml")
    data = law.load(root / "law" / "sections.yml")
    when = act.in_force.isoformat() if act.in_force else "date of entry into force not found"
    lines = [f"{act.number} ({when}) changes {target}:"]
    if target not in acts.data:
        lines.append(f"  {target} is not in law/acts.yml: no page cites a section of it")
        return lines

    refs = []  # (path, line, text, act, first, last) of every citation on every page
    for lang, name, path in docs_model.iter_pages(root / "docs", codes):
        page = docs_model.parse(path, lang, name)
        for ref in citations.page_refs(page, acts):
            refs.append((path.relative_to(root).as_posix(), ref.line, ref.text, ref.act, ref.first, ref.last))
    listed = []  # (facts file, line, act, key)
    facts_dir = root / citation_check.FACTS
    for facts in sorted(facts_dir.rglob("*.yml")) if facts_dir.is_dir() else []:
        items, _, _ = citation_check.read_listed(facts)
        listed += [(facts.relative_to(root).as_posix(), item.line, item.act, item.key) for item in items]

    by_section: dict[str, list[statutes.Change]] = {}
    for change in changes:
        by_section.setdefault(change.section, []).append(change)
    total = 0
    uncited: list[str] = []
    for section, group in sorted(by_section.items(), key=lambda kv: citations.order(kv[0].split(":")[-1])):
        if section.startswith("chapter:"):
            verbs = ", ".join(sorted({VERBS[c.verb] for c in group}))
            lines.append(f"  chapter {section.split(':')[1]}: {verbs} it; the sections in it are not named here: "
                         f"check the act")
            continue
        citing = [r for r in refs if _covers(r[3] or "", r[4], r[5], target, section)]
        quoting = [f for f in listed if _covers(f[2], *(f[3].split("-") + [None])[:2], target, section)]
        if not citing and not quoting:
            uncited.append(citations.display(section))
            continue
        parts = "; ".join(f"{VERBS[c.verb]} {describe(c)}" for c in group)
        held = law.section(data, target, section)
        status = ("its text is in law/sections.yml" if held and held.get("status") == law.IN_FORCE else
                  f"law/sections.yml has it as {held['status']}" if held else "its text is not in law/sections.yml")
        lines.append(f"  {citations.display(section)} § ({parts}): {status}")
        for path, line, text, *_ in citing:
            lines.append(f"    {path}:{line}: '{text}'")
        for path, line, *_ in quoting:
            lines.append(f"    {path}:{line}: the quote")
        total += len(citing) + len(quoting)
    if uncited:
        lines.append(f"  no page cites the other section(s) it changes: {', '.join(uncited)} §")
    lines.append(f"law_changes: {len([s for s in by_section if not s.startswith('chapter:')])} section(s) "
                 f"changed, {total} citation(s) and quote(s) to re-read (EDITING.md, \"When the law changes\")")
    return lines
