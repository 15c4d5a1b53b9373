#!/usr/bin/env python3
"""Translation parity: every language has every page, with the same skeleton.

Usage:
  check_translations.py                 check docs/ (exit 1 on any error)
  check_translations.py --stamp FILE..  record that FILE (a translation) now matches
                                        its source page (writes source_hash)
  check_translations.py --stamp-all     stamp every translation (after a review)

The source of every page is the default language's page (docs/sv/). For each
translation it checks: the page exists (full languages must have every page; partial
languages the pages in mkdocs.yml extra.partial_pages), no orphan pages, the same heading ids in the same order, the same
front-matter keys, the same admonitions, tables and list blocks in the same order, and
links to the same pages and anchors. A translation records `source_hash`, a fingerprint
of its source's body when it was last translated; when the source changes, the
translation is outdated until it is updated and re-stamped. Partial languages are held
to the same rules for the pages they have: an outdated page is an error in every language.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import docs_model  # noqa: E402
import site_config  # noqa: E402

# Front-matter keys that belong to one language's file only.
PER_FILE_KEYS = {"source_hash", "allow_terms", "aliases", "translated_from", "translated_on"}


def internal_targets(page: docs_model.Page) -> list[str]:
    """Links to our own pages, normalised ('aftercare.md#how-long'); external ones skipped."""
    out = []
    for target, _ in page.links:
        if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("//"):
            continue
        out.append(target[2:] if target.startswith("./") else target)
    return out


def compare(src: docs_model.Page, tr: docs_model.Page, root: Path) -> list[str]:
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
    if src_links != tr_links:
        for target in sorted((tr_links - src_links).elements()):
            line = next(n for tg, n in tr.links if tg == target or tg == "./" + target)
            errors.append(f"{t}:{line}: links to '{target}', which {s} does not (or less often)")
        for target in sorted((src_links - tr_links).elements()):
            line = next(n for tg, n in src.links if tg == target or tg == "./" + target)
            errors.append(f"{t}: lacks the link to '{target}' that {s}:{line} has")
    return errors


def staleness(src: docs_model.Page, tr: docs_model.Page, root: Path) -> str | None:
    recorded = tr.meta.get("source_hash")
    current = docs_model.body_hash(src.body)
    if recorded is None:
        return (f"{tr.label(root)}:1: not stamped: no 'source_hash:'; when it matches {src.label(root)}, run "
                f"scripts/check_translations.py --stamp {tr.label(root)}")
    if str(recorded) != current:
        return (f"{tr.label(root)}:{tr.meta_lines.get('source_hash', 1)}: outdated: {src.label(root)} changed since "
                f"this translation was made; update it, then run scripts/check_translations.py --stamp {tr.label(root)}")
    return None


def check(config: site_config.SiteConfig, root: Path) -> tuple[list[str], list[str]]:
    errors, warnings = [], []
    pages = docs_model.load_all(config.docs_dir, config.codes)
    reference = pages[config.default]
    for lang in config.languages:
        if lang.code == config.default:
            continue
        mine = pages[lang.code]
        for name in sorted(set(reference) - set(mine)):
            path = config.docs_dir / lang.code / name
            where = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
            if lang.full:
                errors.append(f"{where}: missing: {lang.code} must have every page; "
                              f"translate {reference[name].label(root)}")
            elif name in config.partial_pages:
                errors.append(f"{where}: missing: every partial language must have {', '.join(config.partial_pages)} "
                              f"(mkdocs.yml extra.partial_pages); translate {reference[name].label(root)}")
        for name in sorted(set(mine) - set(reference)):
            errors.append(f"{mine[name].label(root)}:1: orphan: there is no {config.default}/{name} it translates; "
                          f"rename it to match its source page or remove it")
        for name in sorted(set(mine) & set(reference)):
            errors += compare(reference[name], mine[name], root)
            stale = staleness(reference[name], mine[name], root)
            if stale:
                errors.append(stale)
    return errors, warnings


def stamp(path: Path, config: site_config.SiteConfig) -> str:
    rel = path.resolve().relative_to(config.docs_dir.resolve())
    lang, name = rel.parts[0], Path(*rel.parts[1:]).as_posix()
    if lang == config.default:
        raise SystemExit(f"{path}: this is a source page ({config.default}); stamp its translations instead")
    source = docs_model.parse(config.docs_dir / config.default / name, config.default, name)
    digest = docs_model.body_hash(source.body)
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    if lines[0].strip() != "---":
        raise SystemExit(f"{path}:1: no front matter to stamp")
    end = lines.index("---", 1)
    for i in range(1, end):
        if lines[i].startswith("source_hash:"):
            lines[i] = f"source_hash: {digest}"
            break
    else:
        lines.insert(end, f"source_hash: {digest}")
    path.write_text("\n".join(lines), encoding="utf-8")
    return digest


def status_rows(config: site_config.SiteConfig) -> list[tuple[str, str, str]]:
    """(page, language, state) for every page and language: up to date / outdated / missing."""
    pages = docs_model.load_all(config.docs_dir, config.codes)
    rows = []
    for name in sorted(pages[config.default]):
        source = pages[config.default][name]
        for code in config.codes:
            if code == config.default:
                rows.append((name, code, "source"))
            elif name not in pages[code]:
                rows.append((name, code, "missing"))
            else:
                recorded = pages[code][name].meta.get("source_hash")
                rows.append((name, code, "up to date" if str(recorded) == docs_model.body_hash(source.body) else "outdated"))
    return rows


def main(argv: list[str]) -> int:
    config = site_config.load()
    root = site_config.ROOT
    if argv[:1] == ["--stamp-all"]:
        for code, name, path in docs_model.iter_pages(config.docs_dir, config.codes):
            if code != config.default and (config.docs_dir / config.default / name).is_file():
                print(f"{path.relative_to(root)}: source_hash {stamp(path, config)}")
        return 0
    if argv[:1] == ["--stamp"]:
        for arg in argv[1:]:
            print(f"{arg}: source_hash {stamp(Path(arg), config)}")
        return 0
    try:
        errors, warnings = check(config, root)
    except docs_model.PageError as exc:
        print(exc)
        return 1
    for line in warnings:
        print(f"warning: {line}")
    for line in errors:
        print(line)
    print(f"check_translations: {len(errors)} error(s), {len(warnings)} warning(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

