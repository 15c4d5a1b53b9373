"""Translations against their source: structure, facts and staleness.

The source of every page is the default language's page (docs/sv/). For each translation:

- structure: the same heading ids in the same order, front-matter keys, admonitions,
  tables, lists and links to the same pages and anchors;
- facts (portal/facts.py): section by section, the same numbers, dates, law references,
  e-mail addresses and addresses of other sites. A difference is an error, whatever the
  stamps say, unless the translation lists it under `fact_exceptions:` with a reason;
- staleness: a translation records the fingerprint of the source it matches
  (`source_hash`, written by `check_translations.py --stamp`). When the source has
  changed since, the translation is outdated: a warning, with the reader notice and a row
  on the status page, and an error once the change is older than the language's grace
  period (`outdated_grace_days` in locales/<code>.yml). An editor can instead record that
  a source change needs no new translation (`--no-retranslation`, a typo fix), which the
  status page shows as such.

Shared by scripts/check_translations.py (the editors' and CI's check) and the build hook
hooks/translation_status.py (the notice on the page and site/translation-status/).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from portal import docs_model, facts, locales, site_config
from portal.history import History

# The translation tool as the messages name it: pasted at the repository root in a fresh
# shell it runs, with the project's Python (.venv/, which has portal/ and the packages).
COMMAND = ".venv/bin/python scripts/check_translations.py"

# Front-matter keys that belong to one language's file only.
PER_FILE_KEYS = {"source_hash", "source_change_accepted", "fact_exceptions", "native_check", "allow_terms",
                 "aliases", "translated_from", "translated_on"}

UP_TO_DATE, ACCEPTED, OUTDATED, UNSTAMPED = "up to date", "no new translation needed", "outdated", "not stamped"


@dataclass
class State:
    """Where a translation stands against its source."""
    kind: str  # UP_TO_DATE, ACCEPTED, OUTDATED or UNSTAMPED
    since: dt.date | None = None  # OUTDATED: the day the source changed
    since_known: bool = True
    grace_days: int = 0
    reason: str = ""  # ACCEPTED: why no new translation is needed
    accepted_on: str = ""  # ACCEPTED: when it was recorded

    @property
    def deadline(self) -> dt.date | None:
        return self.since + dt.timedelta(days=self.grace_days) if self.since else None

    def overdue(self, today: dt.date) -> bool:
        return self.kind == OUTDATED and self.deadline is not None and today > self.deadline


@dataclass
class Report:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- structure


def internal_targets(page: docs_model.Page) -> list[str]:
    """Links to our own pages, normalised ('aftercare.md#how-long'); external ones skipped."""
    out = []
    for target, _ in page.links:
        if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("//"):
            continue
        out.append(target[2:] if target.startswith("./") else target)
    return out


def leads_nowhere(page: docs_model.Page, target: str) -> bool:
    """True if a link to our own pages names a file, or an #id in it, that is not there."""
    file, _, anchor = target.partition("#")
    path = (page.path.parent / file).resolve() if file else page.path
    if not path.is_file():
        return True
    if not anchor:
        return False
    text = path.read_text(encoding="utf-8")
    return f"{{#{anchor}" not in text and f'id="{anchor}"' not in text


def compare_structure(src: docs_model.Page, tr: docs_model.Page, root: Path) -> list[str]:
    s, t = src.label(root), tr.label(root)
    errors = []
    if src.ids != tr.ids:
        missing = [i for i in src.ids if i not in tr.ids]
        extra = [i for i in tr.ids if i not in src.ids]
        for h in tr.headings:
            if h.id in extra:
                errors.append(f"{t}:{h.line}: heading id '#{h.id}' is not in {s}; ids there: {', '.join(src.ids)}")
        for h in src.headings:
            if h.id in missing:
                errors.append(f"{t}: heading id '#{h.id}' ({s}:{h.line}) is missing; give the matching heading "
                              f"{{#{h.id}}}")
        unnamed = [h for h in tr.headings if h.level > 1 and not h.id]
        for h in unnamed:
            errors.append(f"{t}:{h.line}: heading '{h.text}' has no explicit id; add {{#id}} as in {s}")
        if not missing and not extra and not unnamed:
            errors.append(f"{t}: heading ids are in another order than in {s}: {', '.join(tr.ids)} "
                          f"instead of {', '.join(src.ids)}")
    src_keys = set(src.meta) - PER_FILE_KEYS
    tr_keys = set(tr.meta) - PER_FILE_KEYS
    for key in sorted(src_keys - tr_keys):
        errors.append(f"{t}:1: front matter lacks '{key}:' ({s}:{src.meta_lines.get(key, 1)} has it)")
    for key in sorted(tr_keys - src_keys):
        errors.append(f"{t}:{tr.meta_lines.get(key, 1)}: front matter key '{key}:' is not in {s}")
    if isinstance(src.meta.get("sources"), list) and isinstance(tr.meta.get("sources"), list):
        if len(src.meta["sources"]) != len(tr.meta["sources"]):
            errors.append(f"{t}:{tr.meta_lines.get('sources', 1)}: {len(tr.meta['sources'])} sources, "
                          f"but {s} has {len(src.meta['sources'])}; list the same sources in the same order")
    src_kinds = [k for k, _ in src.blocks]
    tr_kinds = [k for k, _ in tr.blocks]
    if src_kinds != tr_kinds:
        for i, (a, b) in enumerate(zip(src_kinds + [None] * len(tr_kinds), tr_kinds + [None] * len(src_kinds))):
            if a != b:
                where = tr.blocks[i][1] if i < len(tr.blocks) else (tr.blocks[-1][1] if tr.blocks else tr.body_line)
                there = f"{s}:{src.blocks[i][1]} has {a}" if i < len(src.blocks) else f"{s} has no more blocks"
                errors.append(f"{t}:{where}: block {i + 1} is {b or 'missing'}, but {there}; "
                              f"blocks here: {', '.join(tr_kinds)}; in {s}: {', '.join(src_kinds)}")
                break
    src_links, tr_links = Counter(internal_targets(src)), Counter(internal_targets(tr))
    # A link of the source that leads nowhere is the source's mistake: the build names it
    # once, at its line. Compared here, it would be a difference in every translation and
    # invite copying it into each; the links are compared once the source's work.
    if any(leads_nowhere(src, target) for target in src_links):
        return errors
    if src_links != tr_links:
        for target in sorted((tr_links - src_links).elements()):
            line = next(n for tg, n in tr.links if tg == target or tg == "./" + target)
            errors.append(f"{t}:{line}: links to '{target}', which {s} does not (or less often)")
        for target in sorted((src_links - tr_links).elements()):
            line = next(n for tg, n in src.links if tg == target or tg == "./" + target)
            errors.append(f"{t}: lacks the link to '{target}' that {s}:{line} has")
    return errors


# --------------------------------------------------------------------------- facts


@dataclass
class Exception_:
    section: str
    value: str  # normalised
    text: str
    reason: str
    line: int
    used: bool = False


def fact_exceptions(tr: docs_model.Page, label: str, equivalents: Path | None) -> tuple[list[Exception_], list[str]]:
    """The translation's `fact_exceptions:` list, checked for shape."""
    raw = tr.meta.get("fact_exceptions") or []
    line = tr.meta_lines.get("fact_exceptions", 1)
    example = "- section: helplines\n    value: 09 123 4567\n    reason: a line that exists only in Finnish"
    if not isinstance(raw, list):
        return [], [f"{label}:{line}: fact_exceptions must be a list of entries like\n  {example}"]
    out, problems = [], []
    for i, entry in enumerate(raw, 1):
        if not isinstance(entry, dict) or not all(str(entry.get(k) or "").strip() for k in ("section", "value", "reason")):
            problems.append(f"{label}:{line}: fact exception {i} needs 'section:', 'value:' and 'reason:', like\n  {example}")
            continue
        found = facts.facts_of_text(str(entry["value"]), line, tr.lang, equivalents)
        if len(found) != 1:
            problems.append(f"{label}:{line}: fact exception {i}: '{entry['value']}' is not one number, date, law "
                            f"reference, e-mail or address; write the value as it stands on the page")
            continue
        out.append(Exception_(str(entry["section"]).lstrip("#"), found[0].value, str(entry["value"]),
                              str(entry["reason"]), line))
    return out, problems


def compare_facts(src: docs_model.Page, tr: docs_model.Page, root: Path,
                  equivalents: Path | None = None) -> Report:
    """Every section's facts in the translation against the source's; see portal/facts.py."""
    s, t = src.label(root), tr.label(root)
    report = Report()
    exceptions, problems = fact_exceptions(tr, t, equivalents)
    report.errors += problems
    src_sections = facts.page_facts(src, equivalents)
    tr_sections = facts.page_facts(tr, equivalents)
    for sid, src_section in src_sections.items():
        tr_section = tr_sections.get(sid)
        if tr_section is None:
            continue  # a missing heading id is the structure check's error
        missing = src_section.counter() - tr_section.counter()
        extra = tr_section.counter() - src_section.counter()
        for ex in exceptions:
            for counter in (missing, extra):
                for key in [k for k in counter if k[1] == ex.value]:
                    if ex.section == sid:
                        del counter[key]
                        ex.used = True
        lacking = [f for f in src_section.facts if (f.kind, f.value) in missing]
        adding = [f for f in tr_section.facts if (f.kind, f.value) in extra]
        lacking = _take(lacking, missing)
        adding = _take(adding, extra)
        where = "the sources" if sid == "sources" else f"section #{sid}"
        for kind in sorted({f.kind for f in lacking + adding}):
            theirs = [f for f in lacking if f.kind == kind]
            ours = [f for f in adding if f.kind == kind]
            for a, b in zip(ours, theirs):
                report.errors.append(f"{t}:{a.line}: {where}: {kind} '{a.text}' here, but '{b.text}' in {s}:{b.line}; "
                                     f"a fact is the same in every language")
            for a in ours[len(theirs):]:
                report.errors.append(f"{t}:{a.line}: {where}: {kind} '{a.text}' is not in {s} ({where}); "
                                     f"remove it, add it to the source, or list it under fact_exceptions: with a reason")
            for b in theirs[len(ours):]:
                report.errors.append(f"{t}:{tr_section.line}: {where}: lacks {kind} '{b.text}' that {s}:{b.line} has")
    for ex in exceptions:
        if ex.used:
            report.exceptions.append(f"{t}:{ex.line}: #{ex.section}: '{ex.text}' may differ from {s}: {ex.reason}")
        else:
            report.errors.append(f"{t}:{ex.line}: fact exception for '{ex.text}' in #{ex.section} matches no "
                                 f"difference from {s}; remove it")
    return report


def _take(found: list[facts.Fact], counter: Counter) -> list[facts.Fact]:
    """As many of `found` per (kind, value) as the counter says differ, last ones first."""
    left = Counter(counter)
    out = []
    for fact in reversed(found):
        key = (fact.kind, fact.value)
        if left[key] > 0:
            left[key] -= 1
            out.append(fact)
    return sorted(out, key=lambda f: f.line)


# --------------------------------------------------------------------------- staleness


def grace_days(code: str, folder: Path) -> int:
    return int(locales.load(code, folder)["outdated_grace_days"])


def state(src: docs_model.Page, tr: docs_model.Page, history: History | None, grace: int) -> State:
    recorded = tr.meta.get("source_hash")
    current = docs_model.body_hash(src.body)
    if recorded is None:
        return State(UNSTAMPED)
    if str(recorded) == current:
        return State(UP_TO_DATE)
    accepted = tr.meta.get("source_change_accepted")
    if isinstance(accepted, dict) and str(accepted.get("hash")) == current:
        return State(ACCEPTED, reason=str(accepted.get("reason", "")), accepted_on=str(accepted.get("date", "")))
    # outdated since the first change after the last version the translation was good for
    good_for = str(accepted.get("hash")) if isinstance(accepted, dict) else str(recorded)
    since = history.changed_since(src.path, good_for) if history else None
    known = since is not None
    if since is None:
        since = history.today if history else None
    return State(OUTDATED, since=since, since_known=known, grace_days=grace)


def staleness(src: docs_model.Page, tr: docs_model.Page, root: Path, st: State, today: dt.date) -> tuple[str, str] | None:
    """('error' or 'warning', message) for a translation that is not up to date."""
    s, t = src.label(root), tr.label(root)
    stamp = f"{COMMAND} --stamp {t}"
    if st.kind == UNSTAMPED:
        return "error", f"{t}:1: not stamped: no 'source_hash:'; when it matches {s}, run {stamp}"
    if st.kind != OUTDATED:
        return None
    line = tr.meta_lines.get("source_hash", 1)
    days = (today - st.since).days
    when = f"{days} day(s) ago, on {st.since.isoformat()}" if st.since_known else \
        "on an unknown date (not in the git history; counted from today)"
    todo = (f"update it (see: {COMMAND} --diff {t}), then run {stamp}; or, if the change "
            f"needs no new translation, {COMMAND} --no-retranslation {t} --reason '...'")
    if st.overdue(today):
        return "error", (f"{t}:{line}: outdated: {s} changed {when}, more than the {st.grace_days} days "
                         f"this language allows (outdated_grace_days); {todo}")
    return "warning", (f"{t}:{line}: outdated: {s} changed {when}; allowed until {st.deadline.isoformat()} "
                       f"({st.grace_days} days); {todo}")


# --------------------------------------------------------------------------- the whole site


def check(config: site_config.SiteConfig, today: dt.date, history: History | None = None) -> Report:
    root = config.root
    history = history or History(root, today)
    equivalents = root / "facts" / "url-equivalents.yml"
    report = Report()
    pages = docs_model.load_all(config.docs_dir, config.codes)
    reference = pages[config.default]
    for lang in config.languages:
        if lang.code == config.default:
            continue
        grace = grace_days(lang.code, config.locales_dir)
        mine = pages[lang.code]
        for name in sorted(set(reference) - set(mine)):
            path = config.docs_dir / lang.code / name
            where = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
            if lang.full:
                report.errors.append(f"{where}: missing: {lang.code} must have every page; "
                                     f"translate {reference[name].label(root)}")
            elif name in config.partial_pages:
                report.errors.append(f"{where}: missing: every partial language must have "
                                     f"{', '.join(config.partial_pages)} (mkdocs.yml extra.partial_pages); "
                                     f"translate {reference[name].label(root)}")
        for name in sorted(set(mine) - set(reference)):
            report.errors.append(f"{mine[name].label(root)}:1: orphan: there is no {config.default}/{name} it "
                                 f"translates; rename it to match its source page or remove it")
        for name in sorted(set(mine) & set(reference)):
            src, tr = reference[name], mine[name]
            report.errors += compare_structure(src, tr, root)
            found = compare_facts(src, tr, root, equivalents)
            report.errors += found.errors
            report.exceptions += found.exceptions
            stale = staleness(src, tr, root, state(src, tr, history, grace), today)
            if stale:
                (report.errors if stale[0] == "error" else report.warnings).append(stale[1])
    return report


@dataclass
class Row:
    page: str
    lang: str
    kind: str  # source, missing, or a State kind
    state: State | None = None
    native_check: str = ""


def status_rows(config: site_config.SiteConfig, today: dt.date, history: History | None = None) -> list[Row]:
    """A row for every page in every language, for the status page."""
    history = history or History(config.root, today)
    pages = docs_model.load_all(config.docs_dir, config.codes)
    rows = []
    for name in sorted(pages[config.default]):
        source = pages[config.default][name]
        for lang in config.languages:
            if lang.code == config.default:
                rows.append(Row(name, lang.code, "source"))
            elif name not in pages[lang.code]:
                rows.append(Row(name, lang.code, "missing"))
            else:
                tr = pages[lang.code][name]
                st = state(source, tr, history, grace_days(lang.code, config.locales_dir))
                native = tr.meta.get("native_check")
                rows.append(Row(name, lang.code, st.kind, st,
                                native_check=str(native.get("date", "")) if isinstance(native, dict) else ""))
    return rows
