"""Read locales/<code>.yml: what the site needs to speak one language, except its pages.

One file per language holds its coverage (full or partial), text direction, search
stemmer, interface strings (`ui`), navigation titles (`nav`) and key terms for the
content lint (`termbase`). Adding a language is: an entry in mkdocs.yml's i18n
languages, this file, and the pages. Shared by the build hooks (ui_strings), the checks
(site_config, lint_content) and the tests, so every reader agrees on the format.
"""

from __future__ import annotations

from pathlib import Path

import yaml

COVERAGE = ("full", "partial")
DIRECTIONS = ("ltr", "rtl")
DEFAULT_DIRECTION = "ltr"


class LocaleError(ValueError):
    """A locales file is missing, malformed or incomplete. The message names file and fix."""


def path_for(code: str, folder: Path) -> Path:
    return folder / f"{code}.yml"


# libyaml's parser where PyYAML has it: the build reads these files for every page
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_cache: dict[tuple[Path, int], dict] = {}


def load(code: str, folder: Path) -> dict:
    """The parsed file (cached until it changes: the build asks for every page)."""
    path = path_for(code, folder)
    if path.is_file():
        key = (path, path.stat().st_mtime_ns)
        if key not in _cache:
            _cache[key] = _parse(path)
        return _cache[key]
    return _parse(path)


def _parse(path: Path) -> dict:
    if not path.is_file():
        raise LocaleError(f"{_label(path)}: missing: every language in mkdocs.yml needs one; "
                          f"copy {_label(path.with_name('en.yml'))} and translate it")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise LocaleError(f"{_label(path)}{line}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(data, dict):
        raise LocaleError(f"{_label(path)}:1: expected keys coverage, direction, search, ui, nav, termbase")
    return data


def coverage(code: str, folder: Path) -> str:
    return load(code, folder).get("coverage", "full")


def direction(code: str, folder: Path) -> str:
    return load(code, folder).get("direction", DEFAULT_DIRECTION)


def _label(path: Path) -> str:
    """locales/fi.yml: the path from the project's root (the folder above locales/)."""
    return path.relative_to(path.parent.parent).as_posix()


def _line_of(path: Path, key: str, parent: str | None = None) -> int:
    """The line of `key:` (inside `parent:` if given), for error messages; 1 if not found."""
    lines = path.read_text(encoding="utf-8").split("\n")
    inside = parent is None
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if parent is not None and line.startswith(f"{parent}:"):
            inside = True
            continue
        if inside and parent is not None and line and not line[0].isspace() and not line.startswith("#"):
            inside = False
        if inside and (stripped.startswith(f"{key}:") or stripped.startswith(f'"{key}":')):
            return number
    return 1


def check(codes: list[str], default: str, folder: Path, nav_titles: list[str] | None = None) -> list[str]:
    """Every language has a well-formed file with every ui key of the default, and a
    title for every title of the site's nav (`nav_titles`, mkdocs.yml's; without it, the
    default's nav keys), and no nav key that is no such title."""
    problems = []
    loaded = {}
    for code in codes:
        try:
            loaded[code] = load(code, folder)
        except LocaleError as exc:
            problems.append(str(exc))
    reference = loaded.get(default, {})
    for code, data in loaded.items():
        path = path_for(code, folder)
        label = _label(path)
        if data.get("coverage", "full") not in COVERAGE:
            problems.append(f"{label}:{_line_of(path, 'coverage')}: coverage must be full or partial, "
                            f"not '{data.get('coverage')}'")
        if code == default and data.get("coverage", "full") != "full":
            problems.append(f"{label}:{_line_of(path, 'coverage')}: the default language must be full")
        grace = data.get("outdated_grace_days")
        if not isinstance(grace, int) or isinstance(grace, bool) or grace < 0:
            problems.append(f"{label}:{_line_of(path, 'outdated_grace_days')}: outdated_grace_days must be a "
                            f"number of days (14 for a full language, 90 for a partial one), not '{grace}'")
        if data.get("direction", DEFAULT_DIRECTION) not in DIRECTIONS:
            problems.append(f"{label}:{_line_of(path, 'direction')}: direction must be ltr or rtl, "
                            f"not '{data.get('direction')}'")
        for section in ("ui", "nav"):
            have = data.get(section)
            if not isinstance(have, dict):
                problems.append(f"{label}: no '{section}:' block - copy it from {_label(path_for(default, folder))} "
                                f"and translate it")
                continue
            if section == "nav" and nav_titles is not None:
                for key in [t for t in nav_titles if t not in have]:
                    problems.append(f"{label}: 'nav' has no title for '{key}' (a title in mkdocs.yml nav:); add "
                                    f"'{key}: ' and the title in this language")
                for key in [str(k) for k in have if str(k) not in nav_titles]:
                    problems.append(f"{label}:{_line_of(path, key, section)}: 'nav.{key}' is not a title in "
                                    f"mkdocs.yml nav:; write it as it is there, or remove it")
            else:
                for key in sorted(set(reference.get(section) or {}) - set(have)):
                    problems.append(f"{label}: '{section}' is missing the key '{key}' "
                                    f"(see {_label(path_for(default, folder))})")
            for key, value in have.items():
                if not str(value or "").strip():
                    problems.append(f"{label}:{_line_of(path, str(key), section)}: '{section}.{key}' is empty")
    return problems


def ui_strings(code: str, folder: Path) -> dict[str, str]:
    return load(code, folder).get("ui") or {}


def termbase(code: str, folder: Path) -> dict:
    try:
        return load(code, folder).get("termbase") or {}
    except LocaleError:
        return {}
