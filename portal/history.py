"""When did a source page change, and what did it say before: read from git.

A translation records the fingerprint of the source text it was made from
(`source_hash`, see docs_model.body_hash). To tell an editor how long a translation has
been outdated, and to show a translator exactly what changed, this module finds the
version of the source file with that fingerprint in the git history.

- A source change that is not committed yet counts as made today.
- Without git (a copy of the files, a tarball) or when the recorded version is not in the
  history, the date is unknown: callers count it from today, and say so.

Why not GitPython or dulwich: two plain git commands (log, cat-file) are all this needs.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from portal import docs_model


@dataclass(frozen=True)
class Version:
    commit: str  # "" for the working tree
    date: dt.date
    body_hash: str
    text: str


class History:
    def __init__(self, root: Path, today: dt.date):
        self.root = root
        self.today = today
        self.git = self._git_root()

    def _git_root(self) -> Path | None:
        try:
            out = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=self.root, capture_output=True,
                                 text=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            return None
        if out.returncode != 0:
            return None
        top = Path(out.stdout.strip()).resolve()
        return top if self.root.resolve().is_relative_to(top) else None

    @lru_cache(maxsize=None)
    def versions(self, path: Path) -> list[Version]:
        """The file's versions, newest first: the working tree (if it differs from the last
        commit), then every commit that changed it."""
        path = path.resolve()
        current = path.read_text(encoding="utf-8") if path.is_file() else ""
        working = Version("", self.today, _body_hash(current, path), current)
        if self.git is None or not path.is_relative_to(self.git):
            return [working]  # no history: a copy of the files, or a test's fixture pages
        rel = path.relative_to(self.git).as_posix()
        log = subprocess.run(["git", "log", "--format=%H %cs", "--", rel], cwd=self.git, capture_output=True,
                             text=True, timeout=60)
        commits = [line.split() for line in log.stdout.splitlines() if line.strip()]
        if not commits:
            return [working]
        request = "".join(f"{commit}:{rel}\n" for commit, _ in commits)
        blobs = subprocess.run(["git", "cat-file", "--batch"], cwd=self.git, input=request.encode(),
                               capture_output=True, timeout=60).stdout
        versions = []
        for (commit, date), text in zip(commits, _split_batch(blobs)):
            versions.append(Version(commit, dt.date.fromisoformat(date), _body_hash(text, path), text))
        if not versions or versions[0].body_hash != working.body_hash:
            versions.insert(0, working)
        return versions

    def changed_since(self, path: Path, recorded: str) -> dt.date | None:
        """The day the source first differed from the version with fingerprint `recorded`
        (the day of the next newer version); None if that version is not in the history."""
        versions = self.versions(path)
        for newer, version in zip(versions, versions[1:]):
            if version.body_hash == recorded:
                return newer.date
        return None

    def text_of(self, path: Path, recorded: str) -> Version | None:
        """The newest version of the file whose body has the fingerprint `recorded`."""
        return next((v for v in self.versions(path) if v.body_hash == recorded), None)


def _body_hash(text: str, path: Path) -> str:
    try:
        _, _, body, _ = docs_model.split_front_matter(text, path)
    except docs_model.PageError:
        body = text
    return docs_model.body_hash(body)


def _split_batch(data: bytes) -> list[str]:
    """The contents of `git cat-file --batch` output, in order ('' for a missing object)."""
    out, i = [], 0
    while i < len(data):
        end = data.index(b"\n", i)
        header = data[i:end].decode()
        i = end + 1
        if header.endswith(" missing"):
            out.append("")
            continue
        size = int(header.split()[2])
        out.append(data[i:i + size].decode("utf-8", errors="replace"))
        i += size + 1
    return out
