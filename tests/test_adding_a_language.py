"""Adding a language is the one step the README describes ("Adding a language"): the
entry in mkdocs.yml, locales/<code>.yml and the pages in docs/<code>/. Nothing else.

A copy of the repository gets a seventh partial language (Vietnamese, with the English
pages standing in for a translation), and the build and every check pass on it unchanged.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import soup

from conftest import CONFIG

ROOT = Path(__file__).resolve().parent.parent
CODE, NAME = "vi", "Tiếng Việt"
PAGES = CONFIG.partial_pages  # what a partial language must have
NOT_COPIED = shutil.ignore_patterns(
    ".git", ".venv", "site", "reports", "node_modules", "__pycache__", ".pytest_cache"
)


def run(repo: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, *args], cwd=repo, env=env, capture_output=True,
                          text=True, timeout=300)


def add_language(repo: Path) -> None:
    """Exactly the README's step: the entry, the strings, the pages."""
    # 1. the entry, after the last language
    config = repo / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    last = CONFIG.languages[-1]
    entry = f"        - locale: {last.code}\n          name: {last.name}\n          build: true\n"
    assert entry in text, "the languages list in mkdocs.yml has changed shape: update this test"
    config.write_text(text.replace(entry, entry + entry.replace(last.code, CODE).replace(last.name, NAME)),
                      encoding="utf-8")
    # 2. its strings: a copy of en.yml (a translator would translate the values)
    strings = yaml.safe_load((repo / "locales" / "en.yml").read_text(encoding="utf-8"))
    strings.update(coverage="partial", search="exact", outdated_grace_days=90, fallback_language="en")
    strings["ui"]["language_name"] = NAME
    (repo / "locales" / f"{CODE}.yml").write_text(yaml.safe_dump(strings, allow_unicode=True),
                                                   encoding="utf-8")
    # 3. its pages: the partial pages, marked as translations, then stamped
    pages = repo / "docs" / CODE
    pages.mkdir()
    for name in PAGES:
        body = (repo / "docs" / "en" / name).read_text(encoding="utf-8")
        body = body.replace("\n---\n", "\ntranslated_from: en\ntranslated_on: 2026-11-23\n---\n", 1)
        (pages / name).write_text(body, encoding="utf-8")
    stamp = run(repo, "scripts/check_translations.py", "--stamp", *[f"docs/{CODE}/{n}" for n in PAGES])
    assert stamp.returncode == 0, stamp.stdout + stamp.stderr


@pytest.mark.slow  # a copy of the repository and a full build of its own
def test_a_seventh_language_needs_only_its_entry_strings_and_pages(tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(ROOT, repo, ignore=NOT_COPIED)
    add_language(repo)

    # make check's own steps (scripts/check.py): everything passes but the ledger, which
    # names the new language's addresses and the command that records them
    check = run(repo, "scripts/check.py")
    assert check.returncode == 1, check.stdout
    assert check.stdout.splitlines()[-1] == "check: 1 step(s) failed: scripts/published_addresses.py", check.stdout
    assert f"address(es) the site now publishes are not in the ledger (/{CODE}/" in check.stdout
    recorded = run(repo, "scripts/published_addresses.py", "--record", "site")
    assert recorded.returncode == 0, recorded.stdout
    again = run(repo, "scripts/published_addresses.py", "site")
    assert again.returncode == 0, again.stdout

    site = repo / "site"
    page = soup(site / CODE / "aftercare" / "index.html")
    assert page.html["lang"] == CODE
    assert page.html["dir"] == "ltr"
    switcher = {a["data-lang-switch"]: a.get_text(strip=True) for a in page.select("a[data-lang-switch]")}
    assert switcher[CODE] == NAME
    assert (site / CODE / "search" / "search_index.json").is_file()
    assert (site / CODE / "404.html").is_file()
    # a page it lacks falls back, with the notice
    assert soup(site / CODE / "placement" / "index.html").select(".fallback-notice")
    # the server learns it from the build
    languages = json.loads((site / "languages.json").read_text(encoding="utf-8"))
    assert languages[CODE] == f"/{CODE}/"
    maps = run(repo, "scripts/nginx_maps.py", "site")
    assert maps.returncode == 0, maps.stderr
    assert f"/{CODE}/" in maps.stdout
