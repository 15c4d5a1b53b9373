#!/usr/bin/env python3
"""The build pipeline in one table: every hook, the events it handles, its order, its markers.

Usage: pipeline.py [--write]

The site's build logic is in the MkDocs hooks of hooks/, each a file with one job, run in
the order of mkdocs.yml `hooks:` and of the `event_priority` each handler sets. This script
writes that order down in hooks/README.md, from the code itself: it loads each hook as
MkDocs does and reads its `on_<event>` functions, their priorities
(mkdocs.plugins.event_priority), whether a handler runs once after every language
(portal/i18n_state.after_every_language), the markers the hook declares (`MARKERS`,
portal/markers.py) and the first paragraph of its docstring. Without --write it checks
hooks/README.md against the code and names each hook, event, priority or marker that is
missing from it or wrong (`make check` and tests/test_pipeline.py run it), and checks the
code itself:
- a hook file in hooks/ that mkdocs.yml does not list (it never runs);
- an `on_...` function that is no MkDocs event (a typo: it never runs);
- a marker a hook declares that portal/markers.py gives to another hook, or one of its
  markers that its hook does not declare;
- the i18n plugin's priorities that after_every_language relies on.
"""

from __future__ import annotations

import difflib
import hashlib
import importlib.util
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import mkdocs.plugins
import yaml

from portal import i18n_state, markers

ROOT = Path(__file__).resolve().parent.parent
README = Path("hooks") / "README.md"
WRITE = ".venv/bin/python scripts/pipeline.py --write"
# the order MkDocs runs the events of one language's build (mkdocs/commands/build.py)
RUN_ORDER = ("startup", "config", "pre_build", "files", "nav", "pre_page", "page_read_source", "page_markdown",
             "page_content", "env", "pre_template", "template_context", "post_template", "page_context",
             "post_page", "post_build", "build_error", "serve", "shutdown")
AFTER = "after every language"
I18N = "mkdocs-static-i18n"


class _AnyTag(yaml.SafeLoader):
    """mkdocs.yml has tags such as !ENV; only its `hooks:` list is read here."""


_AnyTag.add_multi_constructor("!", lambda loader, suffix, node: None)
_AnyTag.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Event:
    name: str  # "post_build"
    priority: float
    after_every_language: bool = False

    def cell(self) -> str:
        return f"`{self.name}` {_number(self.priority)}" + (f" ({AFTER})" if self.after_every_language else "")


@dataclass
class Hook:
    path: str  # "hooks/search_index.py"
    position: int  # in mkdocs.yml hooks:, from 1
    events: list[Event] = field(default_factory=list)
    markers: list[str] = field(default_factory=list)  # "<!-- local-finder -->"
    does: str = ""


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


# --------------------------------------------------------------------------- the code


def listed_hooks(root: Path) -> list[str]:
    """mkdocs.yml `hooks:`, in order ("hooks/strict_all_languages.py", ...)."""
    data = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTag) or {}
    return [str(path) for path in data.get("hooks") or []]


def load(path: Path):
    """The hook module, loaded as MkDocs loads it (by its path, not as a package)."""
    name = "_pipeline_" + hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:12]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def first_paragraph(doc: str | None) -> str:
    return " ".join((doc or "").strip().split("\n\n")[0].split())


def read_hooks(root: Path, known: dict[str, markers.Marker] | None = None) -> tuple[list[Hook], list[str]]:
    """(every hook of mkdocs.yml as the code has it, what is wrong in the code)."""
    known = markers.KNOWN if known is None else known
    listed = listed_hooks(root)
    problems = []
    for path in sorted((root / "hooks").glob("*.py")):
        rel = path.relative_to(root).as_posix()
        if rel not in listed:
            problems.append(f"{rel}: not in mkdocs.yml hooks:, so it never runs; add it there (its place "
                            f"sets its order) or remove the file")
    hooks = []
    for position, rel in enumerate(listed, 1):
        module = load(root / rel)
        hook = Hook(rel, position, does=first_paragraph(module.__doc__))
        for name in sorted(n for n in vars(module) if n.startswith("on_") and callable(getattr(module, n))):
            event = name[3:]
            if event not in mkdocs.plugins.EVENTS:
                # two letters swapped first (page_contnet), then the closest spelling
                close = ([e for e in mkdocs.plugins.EVENTS if sorted(e) == sorted(event)]
                         or difflib.get_close_matches(event, mkdocs.plugins.EVENTS, n=1))
                hint = f"; did you mean on_{close[0]}?" if close else ""
                problems.append(f"{rel}: {name} is not a MkDocs event, so it never runs{hint}")
                continue
            handler = getattr(module, name)
            hook.events.append(Event(event, getattr(handler, "mkdocs_priority", 0),
                                     bool(getattr(handler, "after_every_language", False))))
        hook.events.sort(key=lambda e: RUN_ORDER.index(e.name))
        declared = getattr(module, "MARKERS", ())
        names = [getattr(marker, "name", None) for marker in declared]
        for marker in declared:
            text = marker.text if isinstance(marker, markers.Marker) else repr(marker)
            if not isinstance(marker, markers.Marker) or marker.name not in known:
                problems.append(f"{rel}: MARKERS has {text}, which portal/markers.py does not list; add it there")
            elif known[marker.name].owner != rel:
                problems.append(f"{rel}: MARKERS has {text}, which portal/markers.py gives to "
                                f"{known[marker.name].owner}; one hook owns a marker")
            elif known[marker.name] != marker:
                problems.append(f"{rel}: MARKERS has {text} unlike portal/markers.py's; import it from there")
        for marker in known.values():
            if marker.owner == rel and marker.name not in names:
                problems.append(f"{rel}: portal/markers.py says it owns {marker.text}; list it in the hook's "
                                f"MARKERS = (...)")
        hook.markers = [m.text for m in declared if isinstance(m, markers.Marker)]
        hooks.append(hook)
    for marker in known.values():
        if marker.owner not in listed:
            problems.append(f"portal/markers.py: {marker.text} belongs to {marker.owner}, which is not in "
                            f"mkdocs.yml hooks:")
    return hooks, problems


def i18n_events() -> list[Event]:
    """The i18n plugin's handlers and priorities (it builds the other languages)."""
    from mkdocs_static_i18n.plugin import I18n

    return [Event(name[3:], getattr(getattr(I18n, name), "mkdocs_priority", 0))
            for name in dir(I18n) if name.startswith("on_") and name[3:] in mkdocs.plugins.EVENTS]


def i18n_problems(events: list[Event]) -> list[str]:
    post_build = next((e for e in events if e.name == "post_build"), None)
    if post_build is None or post_build.priority != i18n_state.I18N_BUILDS_OTHERS:
        found = "none" if post_build is None else _number(post_build.priority)
        return [f"{I18N}: its on_post_build, which builds the other languages, has priority {found}, not "
                f"{i18n_state.I18N_BUILDS_OTHERS} as portal/i18n_state.py I18N_BUILDS_OTHERS says; the hooks "
                f"that run after every language depend on it: fix I18N_BUILDS_OTHERS and check them"]
    return []


# --------------------------------------------------------------------------- the table

INTRO = f"""\
# The build pipeline

<!-- Written by scripts/pipeline.py from the hooks themselves; do not edit by hand: run
`{WRITE}`. `make check` fails when this file and the code disagree. -->

`mkdocs build` builds the site once per language (mkdocs-static-i18n): the default
language (Swedish) first, then, from that build's `on_post_build` (priority -100), every
other language, each a whole build that runs every event again. A hook's handler for an
event runs in order of its priority (`@event_priority(n)`, higher first; 0 when not set),
then of the hook's place in `mkdocs.yml` `hooks:`. A handler marked *{AFTER}* is
wrapped in `portal/i18n_state.after_every_language(n)`: it runs once, in the default
language's `on_post_build` after the plugin has built every other language (its
priority is below -100).

A marker is a comment in a page's Markdown, `<!-- name -->`, that the hook that owns it
replaces (`portal/markers.py`: the markers, their owners and the pages that may carry
them; the content lint reports a marker-like comment that is none).
`search_synonyms.yml` is data for `search_index.py`.
"""


def hook_table(hooks: list[Hook]) -> list[str]:
    lines = ["## Every hook", "",
             "| # | hook | events and priorities | markers | what it does |",
             "| --- | --- | --- | --- | --- |"]
    for hook in hooks:
        name = Path(hook.path).name
        cells = [str(hook.position), f"[{name}]({name})", " · ".join(e.cell() for e in hook.events),
                 " ".join(f"`{m}`" for m in hook.markers), hook.does.replace("|", "\\|")]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def event_table(hooks: list[Hook], plugin: list[Event]) -> list[str]:
    lines = ["## Each event, in the order its handlers run", "",
             f"In each language's build. *{I18N}*, the plugin that builds the languages, is shown where it",
             "handles an event a hook handles; Material's search plugin is left out.", "",
             "| event | handlers, first to last (priority) |", "| --- | --- |"]
    for event in RUN_ORDER:
        runs = [(e.priority, 0, i, I18N, e) for i, e in enumerate(plugin) if e.name == event]
        runs += [(e.priority, 1, hook.position, Path(hook.path).stem, e)
                 for hook in hooks for e in hook.events if e.name == event]
        if not any(kind for _, kind, _, _, _ in runs):
            continue
        runs.sort(key=lambda r: (-r[0], r[1], r[2]))  # MkDocs: by priority, then plugins, then hooks: order
        cells = [(f"*{name}*" if kind == 0 else name) + f" ({_number(e.priority)}"
                 + (f", {AFTER})" if e.after_every_language else ")") for _, kind, _, name, e in runs]
        lines.append(f"| `{event}` | " + " → ".join(cells) + " |")
    return lines


def render(hooks: list[Hook], plugin: list[Event]) -> str:
    return "\n".join([INTRO, *hook_table(hooks), "", *event_table(hooks, plugin), ""])


# --------------------------------------------------------------------------- the check

ROW = re.compile(r"^\|\s*(\d+)\s*\|\s*\[([^\]]+)\]\([^)]*\)\s*\|(.*?)\|(.*?)\|")
EVENT_CELL = re.compile(rf"`(\w+)` (-?[\d.]+)( \({AFTER}\))?")


def table_rows(text: str) -> dict[str, tuple[int, Hook]]:
    """{hook path: (line, the row as a Hook)} from the README's table of every hook."""
    rows = {}
    for number, line in enumerate(text.split("\n"), 1):
        m = ROW.match(line)
        if not m:
            continue
        events = [Event(e[1], float(e[2]) if "." in e[2] else int(e[2]), bool(e[3]))
                  for e in EVENT_CELL.finditer(m[3])]
        rows[f"hooks/{m[2]}"] = (number, Hook(f"hooks/{m[2]}", int(m[1]), events, re.findall(r"`([^`]+)`", m[4])))
    return rows


def compare(hooks: list[Hook], text: str, label: str) -> list[str]:
    """Each hook, position, event, priority or marker the README misses or has wrong."""
    rows = table_rows(text)
    problems = []
    for hook in hooks:
        if hook.path not in rows:
            problems.append(f"{label}: {hook.path} (mkdocs.yml hooks: #{hook.position}) has no row")
            continue
        line, row = rows.pop(hook.path)
        where = f"{label}:{line}: {hook.path}"
        if row.position != hook.position:
            problems.append(f"{where}: place {row.position}, but it is #{hook.position} in mkdocs.yml hooks:")
        theirs = {e.name: e for e in row.events}
        for event in hook.events:
            shown = theirs.pop(event.name, None)
            if shown is None:
                problems.append(f"{where}: on_{event.name} (priority {_number(event.priority)}) is missing")
            elif shown.priority != event.priority:
                problems.append(f"{where}: on_{event.name} has priority {_number(event.priority)}, "
                                f"not {_number(shown.priority)}")
            elif shown.after_every_language != event.after_every_language:
                problems.append(f"{where}: on_{event.name} " + ("runs" if event.after_every_language else
                                                                "does not run") + f" {AFTER}")
        for name in theirs:
            problems.append(f"{where}: on_{name} is listed, but the hook has no such handler")
        for marker in hook.markers:
            if marker not in row.markers:
                problems.append(f"{where}: marker {marker} is missing")
        for marker in row.markers:
            if marker not in hook.markers:
                problems.append(f"{where}: marker {marker} is listed, but the hook does not declare it")
    for path, (line, _) in rows.items():
        problems.append(f"{label}:{line}: {path} is not in mkdocs.yml hooks:")
    return problems


def check(root: Path, known: dict[str, markers.Marker] | None = None) -> list[str]:
    """What is wrong with the hooks or with hooks/README.md; [] if nothing."""
    hooks, problems = read_hooks(root, known)
    plugin = i18n_events()
    problems += i18n_problems(plugin)
    path = root / README
    if not path.is_file():
        return problems + [f"{README.as_posix()}: missing; write it: {WRITE}"]
    text = path.read_text(encoding="utf-8")
    stale = compare(hooks, text, README.as_posix())
    if not stale and text != render(hooks, plugin):
        stale = [f"{README.as_posix()}: a description or the order of an event differs from the code"]
    if stale:
        problems += stale + [f"{README.as_posix()}: write it again from the code: {WRITE}"]
    return problems


def main(argv: list[str]) -> int:
    if "--write" in argv:
        hooks, problems = read_hooks(ROOT)
        (ROOT / README).write_text(render(hooks, i18n_events()), encoding="utf-8")
        print(f"pipeline: wrote {README.as_posix()} ({len(hooks)} hooks)")
        for problem in problems:
            print(problem)
        return 1 if problems else 0
    problems = check(ROOT)
    for problem in problems:
        print(problem)
    print(f"pipeline: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
