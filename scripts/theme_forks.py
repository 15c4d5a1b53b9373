"""Do the theme templates forked into overrides/ still match what they were forked from?

Usage: theme_forks.py [--hashes]

theme-forks.yml records, for each template in overrides/ that copies, replaces or
overrides blocks of a template of an installed package (Material, mkdocs-static-i18n),
the sha256 of that original as it was when forked. After an upgrade of the package,
each original that changed is named with the fork to re-do: re-fork (copy the new
original, apply the same change, which the fork's first comment describes), then record
the new sha256 and version in theme-forks.yml. --hashes prints the installed
originals' sha256 in theme-forks.yml's form, to paste after re-forking.

Also checked: every template in overrides/ that has the path of a package template
(and so replaces it) is recorded, and each fork's first comment names its original
("Forked from Material 9.8.1 partials/header.html: what changed and why").
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
OVERRIDES = ROOT / "overrides"
FORKS = ROOT / "theme-forks.yml"
TEMPLATE_SUFFIXES = (".html", ".xml")

_BLOCK_TAG = re.compile(r"{%-?\s*(block|endblock)\b\s*(\w*)[^%]*?-?%}")
_FIRST_COMMENT = re.compile(r"\A\s*{#-?(.*?)-?#}", re.S)


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def blocks(source: str) -> dict[str, str]:
    """{name: source text from `{% block name %}` to its `{% endblock %}`} of a Jinja template."""
    out: dict[str, str] = {}
    stack: list[tuple[str, int]] = []
    for m in _BLOCK_TAG.finditer(source):
        if m.group(1) == "block":
            stack.append((m.group(2), m.start()))
        elif stack:
            name, start = stack.pop()
            out[name] = source[start:m.end()]
    return out


@dataclass(frozen=True)
class Package:
    name: str  # as fork comments name it: "Material"
    distribution: str  # "mkdocs-material"
    templates: Path  # the installed package's template folder
    recorded_version: str

    @property
    def installed_version(self) -> str:
        try:
            return importlib.metadata.version(self.distribution)
        except importlib.metadata.PackageNotFoundError:
            return "not installed"


def _package(name: str, spec: dict) -> Package:
    module, _, folder = spec["templates"].partition("/")
    found = importlib.util.find_spec(module)
    if found is None or not found.submodule_search_locations:
        raise SystemExit(f"theme-forks.yml: package {name}: module {module} is not installed")
    base = Path(list(found.submodule_search_locations)[0])
    return Package(name, spec["distribution"], base / folder, str(spec["version"]))


def load(forks_file: Path) -> tuple[dict[str, Package], list[dict]]:
    data = yaml.safe_load(forks_file.read_text(encoding="utf-8"))
    packages = {name: _package(name, spec) for name, spec in data["packages"].items()}
    return packages, data["forks"]


def check(forks_file: Path = FORKS, overrides: Path = OVERRIDES) -> list[str]:
    """Complaints, one per fork to re-do or record to fix; empty if all is in step."""
    packages, records = load(forks_file)
    problems: list[str] = []
    recorded_forks = set()
    for rec in records:
        fork = overrides / rec["fork"]
        recorded_forks.add(rec["fork"])
        name, _, rel = rec["of"].partition(" ")
        pkg = packages[name]
        label = f"{pkg.name} {pkg.recorded_version} {rel}"
        original = pkg.templates / rel
        where = f"overrides/{rec['fork']}"
        if not fork.is_file():
            problems.append(f"{where}: recorded in theme-forks.yml as a fork of {label}, but there is no such file")
            continue
        comment = _FIRST_COMMENT.match(fork.read_text(encoding="utf-8"))
        if not comment or label not in " ".join(comment.group(1).split()):
            problems.append(f"{where}: its first comment does not name its original, \"{label}\"")
        if not original.is_file():
            problems.append(
                f"{where}: {label} is gone from the installed {pkg.name} {pkg.installed_version} ({original}): "
                f"re-do {where} for the new version")
            continue
        text = original.read_text(encoding="utf-8")
        if "blocks" in rec:
            theirs = blocks(text)
            ours = set(blocks(fork.read_text(encoding="utf-8")))
            if ours != set(rec["blocks"]):
                problems.append(
                    f"{where}: defines blocks {sorted(ours)}, but theme-forks.yml records {sorted(rec['blocks'])} "
                    f"of {label}")
            for block, recorded in rec["blocks"].items():
                recorded = str(recorded)  # YAML reads an all-digit hash as a number
                if block not in theirs:
                    problems.append(
                        f"{where}: block {block} of {label} is gone from the installed {pkg.name} "
                        f"{pkg.installed_version} ({original}): re-do block {block} in {where}")
                elif sha256(theirs[block]) != recorded:
                    problems.append(
                        f"{where}: block {block} of {label} has changed in the installed {pkg.name} "
                        f"{pkg.installed_version} ({original}; sha256 recorded {recorded[:12]}, now "
                        f"{sha256(theirs[block])[:12]}): re-fork block {block} in {where} from it, then record "
                        f"its new sha256 in theme-forks.yml")
        elif sha256(text) != str(rec["sha256"]):
            problems.append(
                f"{where}: {label} has changed in the installed {pkg.name} {pkg.installed_version} "
                f"({original}; sha256 recorded {str(rec['sha256'])[:12]}, now {sha256(text)[:12]}): re-fork {where} "
                f"from it, then record its new sha256 in theme-forks.yml")
    # a template with the path of a package template replaces it: it must be recorded
    for path in sorted(overrides.rglob("*")):
        rel = path.relative_to(overrides).as_posix()
        if not path.is_file() or not path.name.endswith(TEMPLATE_SUFFIXES) or rel.startswith("assets/"):
            continue
        for pkg in packages.values():
            if (pkg.templates / rel).is_file() and rel not in recorded_forks:
                problems.append(
                    f"overrides/{rel}: replaces {pkg.name} {pkg.installed_version} {rel}, but is not recorded "
                    f"in theme-forks.yml")
    return problems


def hashes(forks_file: Path = FORKS) -> list[str]:
    """The installed originals' sha256, in theme-forks.yml's form."""
    packages, records = load(forks_file)
    lines = []
    for rec in records:
        name, _, rel = rec["of"].partition(" ")
        text = (packages[name].templates / rel).read_text(encoding="utf-8")
        lines.append(f"  - fork: {rec['fork']}\n    of: {rec['of']}")
        if "blocks" in rec:
            found = blocks(text)
            lines.append("    blocks:")
            lines += [f"      {b}: {sha256(found[b]) if b in found else 'GONE'}" for b in rec["blocks"]]
        else:
            lines.append(f"    sha256: {sha256(text)}")
    return lines


def main(argv: list[str]) -> int:
    if argv == ["--hashes"]:
        print("\n".join(hashes()))
        return 0
    if argv:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    problems = check()
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
