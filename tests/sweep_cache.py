"""What the browser pass saw on a page, kept for the next run while nothing it depends on changed.

The every-page tests (tests/sweep.py) load every page of every language through nginx and
run axe on it: most of the suite's time. After an edit of one page, every other page is
byte for byte the page it was. A visit is therefore kept in the user's cache folder
($XDG_CACHE_HOME, by default ~/.cache; never in the checkout) under a key made of
everything that can change what the browser records:

- the collector itself: tests/sweep.py and this file, axe-core's script, the Chromium
  and Playwright versions;
- the server: deploy/nginx.conf, its snippets, scripts/local_nginx.py (which renders them),
  and whether the pages went through nginx at all;
- the page: the bytes of the built file served at its address;

and, stored with the visit, the bytes of every file of the site the page requested (its
stylesheet, scripts, images, data). A kept visit is used only if each of those files is
still the same; a page whose own bytes or any of whose requests changed is loaded again.
A visit with a problem is kept like any other, so a failure shows again on the next run
until the page is fixed. SWEEP_CACHE=0 turns the cache off.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
BASE = "{base}"  # the server's address in a kept visit: each run serves on another port


def folder() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "lastensuojelu" / "sweep"


def enabled() -> bool:
    return os.environ.get("SWEEP_CACHE", "1") != "0"


def digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()


def collector_and_server(browser_version: str, playwright_version: str, axe: str, through_nginx: bool) -> str:
    """The part of every key that is the same for every page of a run."""
    files = [ROOT / "tests" / "sweep.py", Path(__file__), ROOT / "scripts" / "local_nginx.py",
             ROOT / "deploy" / "nginx.conf", *sorted((ROOT / "deploy" / "nginx").glob("*.conf"))]
    return digest(browser_version, playwright_version, axe, str(through_nginx), *(f.read_bytes() for f in files))


def _swap(value, old: str, new: str):
    """value with every string's `old` written as `new` (lists and dicts too)."""
    if isinstance(value, str):
        return value.replace(old, new)
    if isinstance(value, list):
        return [_swap(v, old, new) for v in value]
    if isinstance(value, dict):
        return {k: _swap(v, old, new) for k, v in value.items()}
    return value


class VisitCache:
    def __init__(self, site: Path, base: str, fixed: str, visit_type, where: Path | None = None):
        self.site, self.base, self.fixed, self.visit_type = Path(site), base, fixed, visit_type
        self.where = where or folder()
        self.hits = self.misses = 0

    def served_file(self, url: str) -> Path | None:
        """The file of the site the server answers a same-site URL with (its 404 page for
        an address under a language that is not built)."""
        if not url.startswith(self.base):
            return None
        path = urlsplit(url).path
        target = self.site / path.lstrip("/")
        if path.endswith("/"):
            target = target / "index.html"
        if target.is_file():
            return target
        first = path.lstrip("/").split("/", 1)[0]
        language_404 = self.site / first / "404.html"
        return language_404 if first and language_404.is_file() else self.site / "404.html"

    def file_digest(self, url: str) -> str:
        target = self.served_file(url)
        return digest(target.read_bytes()) if target is not None and target.is_file() else "missing"

    def _entry(self, path: str) -> Path:
        return self.where / f"{digest(self.fixed, path, self.file_digest(self.base + path))}.json"

    def get(self, path: str):
        """The kept visit of the page at `path`, if the page and all it loaded are unchanged."""
        if not enabled():
            return None
        entry = self._entry(path)
        try:
            kept = json.loads(entry.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.misses += 1
            return None
        for url, was in kept["loaded"].items():
            if self.file_digest(url.replace(BASE, self.base)) != was:
                self.misses += 1
                return None
        self.hits += 1
        return self.visit_type(**_swap(kept["visit"], BASE, self.base))

    def put(self, visit) -> None:
        if not enabled():
            return
        loaded = {url.replace(self.base, BASE): self.file_digest(url)
                  for url in dict.fromkeys(visit.requests) if url.startswith(self.base)}
        data = {"visit": _swap(dataclasses.asdict(visit), self.base, BASE), "loaded": loaded}
        entry = self._entry(visit.path)
        try:
            self.where.mkdir(parents=True, exist_ok=True)
            temporary = entry.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(json.dumps(data), encoding="utf-8")
            temporary.replace(entry)
        except OSError:
            pass  # no cache folder (a read-only home): the next run loads the page again
