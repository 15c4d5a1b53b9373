#!/usr/bin/env python3
"""Link check of the built site: every internal link, asset, anchor and alternate.

Usage: check_links.py [SITE_DIR] [--external]

Checks every href and src in every built HTML page, the sitemap's URLs and hreflang
alternates, and canonical URLs: each must resolve to a built file, and each #fragment
to an element id on that page. Links between languages are plain URLs and are checked
the same way. With --external (or CHECK_EXTERNAL_LINKS=1) the links to other sites are
listed and requested too; 403, 405 and 429 count as reachable. Never in the default run.

Why our own: ready-made checkers were tried on a 100-page build of this stack -
linkchecker needs a server and took 45 s to 5 min, the htmlproofer plugin gave false
positives with static-i18n, linkchecker-py cannot handle directory URLs. This one reads
files only, in about a second.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from lxml import html as lxml_html

from portal import site_config

ROOT = Path(__file__).resolve().parent.parent  # the checkout: mkdocs.yml, docs/, locales/


REACHABLE = {403, 405, 429}


@dataclass(frozen=True)
class Problem:
    where: str
    line: int
    message: str

    def __str__(self):
        return f"{self.where}:{self.line}: {self.message}"


class Site:
    def __init__(self, root: Path, site_url: str):
        self.root = root
        self.site_url = site_url
        self.site_path = urlparse(site_url).path or "/"
        self._ids: dict[Path, set[str]] = {}
        self._trees: dict[Path, object] = {}

    def tree(self, path: Path):
        if path not in self._trees:
            self._trees[path] = lxml_html.fromstring(path.read_bytes())
        return self._trees[path]

    def ids(self, path: Path) -> set[str]:
        if path not in self._ids:
            tree = self.tree(path)
            self._ids[path] = {el.get("id") for el in tree.iter() if isinstance(el.tag, str) and el.get("id")} | {
                el.get("name") for el in tree.iter("a") if el.get("name")
            }
        return self._ids[path]

    def file_for(self, url_path: str) -> Path | None:
        """The built file that serves a URL path under the site, or None."""
        if not url_path.startswith(self.site_path):
            return None
        rel = unquote(url_path[len(self.site_path):])
        target = self.root / rel
        if rel == "" or rel.endswith("/"):
            target = target / "index.html"
        return target if target.is_file() else None

    def url_path_of(self, file: Path) -> str:
        rel = file.relative_to(self.root).as_posix()
        if rel.endswith("index.html"):
            rel = rel[: -len("index.html")]
        return self.site_path + rel


def check_target(site: Site, absolute_url: str, where: str, line: int, what: str) -> list[Problem]:
    parsed = urlparse(absolute_url)
    target = site.file_for(parsed.path)
    if target is None:
        hint = " (add the trailing slash)" if site.file_for(parsed.path + "/") else ""
        return [Problem(where, line, f"{what} '{absolute_url}' points to {parsed.path}, which is not built{hint}")]
    fragment = unquote(parsed.fragment)
    if fragment and target.suffix == ".html" and fragment not in site.ids(target):
        ids = ", ".join(sorted(i for i in site.ids(target) if not i.startswith("__"))[:40])
        return [Problem(where, line, f"{what} '{absolute_url}' points to '#{fragment}', which does not exist in "
                        f"{target.relative_to(site.root).as_posix()}; ids there: {ids}")]
    return []


def check_page(site: Site, path: Path, external: set[str]) -> list[Problem]:
    problems = []
    where = path.relative_to(site.root).as_posix()
    base = "http://local.invalid" + site.url_path_of(path)
    for el in site.tree(path).iter():
        if not isinstance(el.tag, str):
            continue
        for attr in ("href", "src"):
            value = el.get(attr)
            if value is None:
                continue
            value = value.strip()
            if value.startswith(("mailto:", "tel:", "javascript:", "data:")) or value == "":
                continue
            rel = el.get("rel") or ""
            if value.startswith(site.site_url):  # absolute link to our own site (canonical, hreflang)
                absolute = "http://local.invalid" + site.site_path + value[len(site.site_url):]
            else:
                absolute = urljoin(base, value)
            if urlparse(absolute).netloc != "local.invalid":
                if urlparse(absolute).scheme in ("http", "https"):
                    external.add(absolute)
                continue
            what = f"<{el.tag} {attr}>" + (f" rel={rel.strip()}" if rel else "")
            problems += check_target(site, absolute, where, el.sourceline or 0, what)
    return problems


def check_sitemap(site: Site) -> list[Problem]:
    path = site.root / "sitemap.xml"
    if not path.is_file():
        return [Problem("sitemap.xml", 0, "the sitemap was not built")]
    problems = []
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        for url in re.findall(r"<loc>([^<]+)</loc>|href=\"([^\"]+)\"", line):
            url = url[0] or url[1]
            if not url.startswith(site.site_url):
                problems.append(Problem("sitemap.xml", number, f"'{url}' is not under the site URL {site.site_url}"))
                continue
            absolute = "http://local.invalid" + site.site_path + url[len(site.site_url):]
            problems += check_target(site, absolute, "sitemap.xml", number, "sitemap URL")
    return problems


def check_external(urls: set[str], timeout: float = 10.0) -> list[str]:
    import requests

    failures = []
    for url in sorted(urls):
        try:
            r = requests.head(url, allow_redirects=True, timeout=timeout)
            if r.status_code >= 400 and r.status_code not in REACHABLE:
                r = requests.get(url, allow_redirects=True, timeout=timeout, stream=True)
            if r.status_code >= 400 and r.status_code not in REACHABLE:
                failures.append(f"{url}: HTTP {r.status_code}")
        except requests.RequestException as exc:
            failures.append(f"{url}: {exc.__class__.__name__}")
    return failures


def run(site_dir: Path, site_url: str, external: bool = False, out=sys.stdout) -> int:
    if not site_dir.is_dir():
        print(f"{site_dir}: no built site; run 'make build' first", file=out)
        return 2
    site = Site(site_dir, site_url)
    problems: list[Problem] = []
    urls: set[str] = set()
    pages = sorted(site_dir.rglob("*.html"))
    for path in pages:
        problems += check_page(site, path, urls)
    problems += check_sitemap(site)
    for problem in problems:
        print(problem, file=out)
    print(f"check_links: {len(pages)} pages, {len(problems)} broken internal link(s), "
          f"{len(urls)} external link(s) {'checked below' if external else 'not checked (use --external)'}", file=out)
    failures = []
    if external:
        failures = check_external(urls)
        for failure in failures:
            print(f"external: {failure}", file=out)
    return 1 if problems or failures else 0


def main(argv: list[str]) -> int:
    config = site_config.load(ROOT / "mkdocs.yml")
    args = [a for a in argv if not a.startswith("--")]
    external = "--external" in argv or os.environ.get("CHECK_EXTERNAL_LINKS") == "1"
    site_dir = Path(args[0]) if args else config.site_dir
    return run(site_dir, config.site_url, external)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
