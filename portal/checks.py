"""The build and every check, in one list: what `make check`, `make deploy` and the tests run.

An editor's `make check` (scripts/check.py), the deploy (scripts/deploy.py) and the
tests that run them must refuse the same input with the same messages; two lists of
checks would drift apart, so there is this one. A new check is a script in scripts/ that
exits non-zero on a problem; it joins SOURCE_CHECKS if it reads docs/, locales/ and
facts/ (these run while the site builds), or SITE_CHECKS if it reads the built site (it
gets the site's folder as its argument and runs after a build that succeeded).

The build is a plain `mkdocs build`, never `--quiet` or `--verbose`: the strict hook
(hooks/strict_all_languages.py) fails it on any warning whatever the log level, and it
is built into an empty folder, so that no check ever reads an older site.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path


# the checks of the sources, run while the site builds
SOURCE_CHECKS = ("scripts/lint_content.py", "scripts/check_translations.py", "scripts/check_easy_pages.py",
                 "scripts/lint_python.py", "scripts/check_local_services.py", "scripts/check_citations.py",
                 "scripts/pipeline.py")
# the checks of the built site, run with the site's folder as argument
SITE_CHECKS = ("scripts/check_links.py", "scripts/published_addresses.py")
BUILD = "the build"


@dataclass
class Outcome:
    """What each step printed, in the order of the list, and which of them failed."""
    output: dict[str, str] = field(default_factory=dict)
    failed: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


def build_command(config_file: Path, site_dir: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "-f", str(config_file), "-d", str(site_dir)]


def run(root: Path, config_file: Path, site_dir: Path, site_url: str | None = None, prebuilt: Path | None = None,
        on_done=None) -> Outcome:
    """Build into site_dir (emptied first; or copy `prebuilt` there) and run every check of
    the checkout `root` (its scripts/, mkdocs.yml, docs/: the caller's own checkout, which
    is not always where this package is installed from).

    `site_url` builds for that address (SITE_URL, as a deploy does). A config other than
    the project's mkdocs.yml (a fixture's, which INHERITs it) reaches the checks as
    $MKDOCS_CONFIG. `on_done(name, output, ok)` is told each step as it ends."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONUNBUFFERED="1")
    if site_url:
        env["SITE_URL"] = site_url
    config_file = Path(config_file).resolve()
    if config_file != (Path(root) / "mkdocs.yml").resolve():
        env["MKDOCS_CONFIG"] = str(config_file)
    run_args = dict(cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    outcome = Outcome()

    def finish(name: str, output: str, ok: bool) -> None:
        outcome.output[name] = output
        if not ok:
            outcome.failed.append(name)
        if on_done:
            on_done(name, output, ok)

    jobs = {check: subprocess.Popen([sys.executable, check], **run_args) for check in SOURCE_CHECKS}
    shutil.rmtree(site_dir, ignore_errors=True)
    if prebuilt is not None:
        shutil.copytree(prebuilt, site_dir, symlinks=False)
        finish(BUILD, f"took the built site {prebuilt}\n", True)
    else:
        build = subprocess.run(build_command(config_file, site_dir), **run_args)
        finish(BUILD, build.stdout, build.returncode == 0)
    for name, job in jobs.items():
        out, _ = job.communicate()
        finish(name, out, job.returncode == 0)
    for check in SITE_CHECKS:
        if BUILD in outcome.failed:
            finish(check, "not run: the build failed (see above), so there is no site to check\n", False)
            continue
        done = subprocess.run([sys.executable, check, str(site_dir)], **run_args)
        finish(check, done.stdout, done.returncode == 0)
    return outcome
