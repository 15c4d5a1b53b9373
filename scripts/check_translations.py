#!/usr/bin/env python3
"""Translations against their Swedish source: structure, facts, staleness; stamps and diffs.

Usage (from the repository root):
  check_translations.py [--today YYYY-MM-DD]
        check docs/: exit 1 on any error; outdated translations inside their language's
        grace period are warnings
  check_translations.py --stamp FILE...
        FILE (a translation) has been updated to match its source as it is now
  check_translations.py --no-retranslation FILE... --reason TEXT
        the source changed since FILE was stamped, but the change needs no new
        translation (a typo, formatting); recorded with the reason and shown as such
  check_translations.py --diff FILE...
        what changed in FILE's source since FILE was translated (from git history)

Every FILE is handled, each on its own; a source page among them (docs/*/<page>.md names
docs/sv/<page>.md too) is reported as the source and left as it is. Exit 1 if a file
could not be done (each is named with the reason).

What is compared and why: portal/translations.py and portal/facts.py. The editors'
guide (EDITING.md) has the workflow.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import sys
from pathlib import Path

from portal import docs_model, site_config, translations
from portal.history import History

ROOT = Path(__file__).resolve().parent.parent  # the checkout: mkdocs.yml, docs/, locales/


COMMAND = translations.COMMAND  # this script, as an editor pastes it


class Refused(Exception):
    """A file the command cannot act on; the message names the file and what to do."""


# --------------------------------------------------------------------------- front matter edits


def _language_and_name(path: Path, config: site_config.SiteConfig) -> tuple[str, str]:
    """('fi', 'aftercare.md') for docs/fi/aftercare.md."""
    if not path.is_file():
        raise Refused(f"{path}: no such file")
    try:
        rel = path.resolve().relative_to(config.docs_dir.resolve())
    except ValueError:
        raise Refused(f"{path}: not a page in {config.docs_dir.name}/<language>/") from None
    if len(rel.parts) < 2 or rel.parts[0] not in config.codes:
        raise Refused(f"{path}: not a page in {config.docs_dir.name}/<language>/")
    return rel.parts[0], Path(*rel.parts[1:]).as_posix()


def is_source(path: Path, config: site_config.SiteConfig) -> bool:
    """Whether path is a page of the source language (docs/sv/...)."""
    return _language_and_name(path, config)[0] == config.default


def _source_of(path: Path, config: site_config.SiteConfig) -> docs_model.Page:
    lang, name = _language_and_name(path, config)
    if lang == config.default:
        raise Refused(f"{path}: this is the source page ({config.default}) itself, not a translation")
    source = config.docs_dir / config.default / name
    if not source.is_file():
        raise Refused(f"{path}: there is no source page {source}")
    return docs_model.parse(source, config.default, name)


def _set_front_matter(path: Path, key: str, lines: list[str] | None) -> None:
    """Replace `key:` (and its indented block) in the front matter, or remove it (None)."""
    text = path.read_text(encoding="utf-8").split("\n")
    if text[0].strip() != "---":
        raise Refused(f"{path}:1: no front matter; a page starts with '---'")
    end = text.index("---", 1)
    start = next((i for i in range(1, end) if text[i].startswith(f"{key}:")), None)
    if start is not None:
        stop = start + 1
        while stop < end and text[stop].startswith((" ", "\t")):
            stop += 1
        del text[start:stop]
        end -= stop - start
    else:
        start = end
    if lines:
        text[start:start] = lines
    path.write_text("\n".join(text), encoding="utf-8")


def stamp(path: Path, config: site_config.SiteConfig, today: dt.date | None = None) -> str:
    """Record that the translation now matches its source (and drop an older 'accepted' record)."""
    digest = docs_model.body_hash(_source_of(path, config).body)
    _set_front_matter(path, "source_hash", [f"source_hash: {digest}"])
    _set_front_matter(path, "source_change_accepted", None)
    page = docs_model.parse(path, "", path.name)
    if "translated_on" in page.meta:
        _set_front_matter(path, "translated_on", [f"translated_on: {(today or dt.date.today()).isoformat()}"])
    return digest


def accept(path: Path, config: site_config.SiteConfig, reason: str, today: dt.date) -> str:
    """Record that the source's current change needs no new translation of this file."""
    if not reason.strip():
        raise Refused("--no-retranslation needs --reason 'what changed and why the translation stays'")
    digest = docs_model.body_hash(_source_of(path, config).body)
    page = docs_model.parse(path, "", path.name)
    if "source_hash" not in page.meta:
        raise Refused(f"{path}:1: not stamped yet; when it matches its source, run {COMMAND} --stamp {path}")
    if str(page.meta["source_hash"]) == digest:
        raise Refused(f"{path}: already up to date with its source; nothing to record")
    quoted = reason.replace('"', "'")
    _set_front_matter(path, "source_change_accepted", [
        "source_change_accepted:", f"  hash: {digest}", f"  date: {today.isoformat()}", f'  reason: "{quoted}"'])
    return digest


def diff(path: Path, config: site_config.SiteConfig, today: dt.date) -> str:
    """The source's changes since the version this translation records (unified diff)."""
    source = _source_of(path, config)
    page = docs_model.parse(path, "", path.name)
    recorded = str(page.meta.get("source_hash", ""))
    label, own = (p.resolve().relative_to(config.root.resolve()).as_posix()
                  if p.resolve().is_relative_to(config.root.resolve()) else p.as_posix() for p in (source.path, path))
    if recorded == docs_model.body_hash(source.body):
        return f"{label} has not changed since {own} was stamped."
    old = History(config.root, today).text_of(source.path, recorded)
    if old is None:
        return (f"{label}: the version {own} was made from (source_hash {recorded}) is not in the git "
                f"history; compare the whole page.")
    where = f"commit {old.commit[:10]} ({old.date})" if old.commit else "the working tree"
    body_old = docs_model.split_front_matter(old.text, source.path)[2]
    lines = difflib.unified_diff(body_old.splitlines(), source.body.splitlines(),
                                 f"{label} as translated ({where})", f"{label} now", lineterm="", n=2)
    return "\n".join(lines)


# --------------------------------------------------------------------------- command line


# what each action says of a source page it is given (docs/*/<page>.md names it too)
ON_SOURCE = {
    "stamp": "the source page itself: nothing to stamp (a stamp records that a translation matches it)",
    "no_retranslation": "the source page itself: nothing to record (the record is kept in each translation)",
    "diff": "the source page itself: --diff shows what changed in it since a translation was made; "
            "give the translation, e.g. {example}",
}


def act(action: str, path: Path, config: site_config.SiteConfig, reason: str, today: dt.date) -> str:
    """What the action did to one file, as a line for the editor (Refused if it cannot)."""
    if is_source(path, config):
        name = _language_and_name(path, config)[1]
        example = next((f"docs/{c}/{name}" for c in config.codes if c != config.default), "docs/<language>/" + name)
        return f"{path}: {ON_SOURCE[action].format(example=example)}"
    if action == "stamp":
        return f"{path}: source_hash {stamp(path, config, today)} (updated to match the source)"
    if action == "no_retranslation":
        accept(path, config, reason, today)
        return f"{path}: recorded that the source change needs no new translation: {reason}"
    return diff(path, config, today)


def main(argv: list[str], config: site_config.SiteConfig | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--stamp", action="store_true", help="the files now match their source")
    action.add_argument("--no-retranslation", action="store_true",
                        help="the source change needs no new translation of the files")
    action.add_argument("--diff", action="store_true", help="show what changed in the source")
    parser.add_argument("--reason", default="", help="with --no-retranslation: why")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(),
                        help="the date to count grace periods from (tests)")
    args = parser.parse_args(argv)
    config = config or site_config.load(ROOT / "mkdocs.yml")
    chosen = next((name for name in ("stamp", "no_retranslation", "diff") if getattr(args, name)), None)
    if chosen and not args.files:
        parser.error("name the translation files, e.g. docs/fi/aftercare.md")
    if args.no_retranslation and not args.reason.strip():
        parser.error("--no-retranslation needs --reason 'what changed and why the translation stays'")
    if chosen:
        # every file, each on its own: one that cannot be done stops none of the others
        refused = 0
        for path in args.files:
            try:
                print(act(chosen, path, config, args.reason, args.today))
            except (Refused, docs_model.PageError) as problem:
                print(problem)
                refused += 1
        if refused:
            print(f"check_translations: {refused} of {len(args.files)} file(s) not done (see above)")
        return 1 if refused else 0
    try:
        report = translations.check(config, args.today)
    except docs_model.PageError as exc:
        print(exc)
        return 1
    for line in report.warnings:
        print(f"warning: {line}")
    for line in report.errors:
        print(line)
    for line in report.exceptions:
        print(f"exception: {line}")
    print(f"check_translations: {len(report.errors)} error(s), {len(report.warnings)} warning(s), "
          f"{len(report.exceptions)} fact exception(s)")
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
