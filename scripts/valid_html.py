"""Valid HTML: the W3C Nu HTML checker (vnu.jar) on every page of a built site.

Usage: valid_html.py SITE_DIR

Prints one line per error, `file:line: message`, and exits 1 if there is any.
One Java run checks all the files (starting Java once per page would take minutes).

vnu.jar comes from the npm package `vnu-jar`, pinned in scripts/vnu/ and installed by
scripts/install-vnu.sh (`make system`); it runs on the system's Java (Debian's
default-jre-headless, from scripts/install-system-packages.sh). Nothing is fetched
when it runs.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = ROOT / "scripts" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Quick JIT only and one GC thread: less than half the CPU time of Java's defaults for
# the whole site (the check is one short run). The quick JIT uses more stack than the
# checker's schema evaluation gets by default (StackOverflowError): hence -Xss.
JAVA_OPTIONS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss4m"]
INSTALL_HINT = "run scripts/install-system-packages.sh (Java) and scripts/install-vnu.sh (vnu.jar), or `make system`"


class CheckerMissing(RuntimeError):
    pass


@dataclass(frozen=True)
class Problem:
    file: str  # relative to the checked folder
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def missing(jar: Path = VNU_JAR) -> str | None:
    """Why the checker cannot run here (Java or vnu.jar missing, with how to install it), or None."""
    if shutil.which("java") is None:
        return f"java is not installed: {INSTALL_HINT}"
    if not jar.is_file():
        return f"{jar.relative_to(ROOT) if jar.is_relative_to(ROOT) else jar} is missing: {INSTALL_HINT}"
    return None


def check(files: list[Path], root: Path, jar: Path = VNU_JAR) -> list[Problem]:
    """The errors (not warnings) the Nu checker finds in `files`, paths relative to root."""
    reason = missing(jar)
    if reason:
        raise CheckerMissing(reason)
    java = shutil.which("java")
    if not files:
        return []
    result = subprocess.run(
        [java, *JAVA_OPTIONS, "-jar", str(jar), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True, text=True, timeout=600,
    )
    # The report goes to stderr; exit status 1 just means "errors found".
    try:
        messages = json.loads(result.stderr)["messages"]
    except (ValueError, KeyError) as exc:
        raise RuntimeError(f"vnu.jar gave no JSON report (exit {result.returncode}):\n{result.stderr[-2000:]}") from exc
    problems = []
    for m in messages:
        if m.get("type") == "info":  # warnings; --errors-only leaves none, kept for safety
            continue
        url = m.get("url", "")
        path = Path(url.removeprefix("file:")) if url.startswith("file:") else None
        name = path.relative_to(root).as_posix() if path and path.is_relative_to(root) else url
        line = m.get("lastLine") or m.get("firstLine")
        problems.append(Problem(name, line, m.get("message", "").strip()))
    return sorted(problems, key=lambda p: (p.file, p.line or 0, p.message))


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    site = Path(argv[0]).resolve()
    files = html_files(site)
    try:
        problems = check(files, site)
    except CheckerMissing as exc:
        print(f"valid_html: {exc}", file=sys.stderr)
        return 2
    for p in problems:
        print(p)
    pages = len({p.file for p in problems})
    print(f"valid_html: {len(problems)} errors in {pages} of {len(files)} HTML files", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
