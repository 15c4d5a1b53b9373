#!/usr/bin/env python3
"""Every address the built site emits resolves: links, assets, anchors, and the site's data.

Usage: check_links.py [SITE_DIR] [--external]

Staff and readers follow what the site hands them, so each address it emits must reach a
built file, and each #fragment an element id on that page:
- every href and src in every built HTML page: links, assets, the language switcher,
  hreflang and canonical links, easy-language links, the notices' links;
- the sitemap's URLs and their hreflang alternates;
- the site's data: redirects.json (each short address has its redirect page, and leads
  to a built page), languages.json (each language's home), every search index's result
  locations, and the links composer's data (every address it hands staff, and the QR
  code file of each, whose title must be that address; tests decode the codes
  themselves: tests/test_links_composer_browser.py).

A broken link written in a page is reported once, at its line in docs/<lang>/<page>.md
(found by its target), not at every built page that shows it; a broken link that a
template or hook writes is reported once, with the number of pages it is on.

Addresses are read with portal/addresses.py's rule. With --external (or
CHECK_EXTERNAL_LINKS=1) the links to other sites are listed and requested too; 403, 405
and 429 count as reachable. Never in the default run.

Why our own: ready-made checkers were tried on a 100-page build of this stack -
linkchecker needs a server and took 45 s to 5 min, the htmlproofer plugin gave false
positives with static-i18n, linkchecker-py cannot handle directory URLs, and none reads
the site's own data files. This one reads files only, in a few seconds.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from lxml import html as lxml_html

from portal import addresses, docs_model, site_config

ROOT = Path(__file__).resolve().parent.parent  # the checkout: mkdocs.yml, docs/, locales/
REACHABLE = {403, 405, 429}
SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:")
COMPOSER_DATA = "assets/letters/links.*.json"
QR_TITLE = re.compile(r"<title>([^<]*)</title>")


@dataclass(frozen=True)
class Problem:
    where: str
    line: int
    message: str

    def __str__(self):
        return f"{self.where}:{self.line}: {self.message}" if self.line else f"{self.where}: {self.message}"


class Site:
    def __init__(self, root: Path, where: addresses.Addresses):
        self.root, self.where = root, where
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

    def file_for(self, address: str) -> Path | None:
        """The built file that serves an address (a path from the site's root), or None."""
        target = self.where.file(self.root, unquote(urlsplit(address).path))
        return target if target.is_file() else None

    def address_of(self, value: str, page: str) -> str | None:
        """The address (path and #fragment from the site's root) of a link found in the page
        at the address `page`; None for a link to another site."""
        if value.startswith(self.where.site_url):
            return "/" + value[len(self.where.site_url):]
        parts = urlsplit(urljoin("http://local.invalid" + self.where.href(page), value))
        if parts.netloc != "local.invalid":
            return None
        path = parts.path
        if path.startswith(self.where.site_path):
            path = "/" + path[len(self.where.site_path):]
        return path + (f"#{parts.fragment}" if parts.fragment else "")


def check_target(site: Site, address: str, where: str, line: int, what: str) -> list[Problem]:
    path, _, fragment = address.partition("#")
    target = site.file_for(path)
    if target is None:
        hint = " (add the trailing slash)" if site.file_for(path + "/") else ""
        return [Problem(where, line, f"{what} '{address}' is not built{hint}")]
    fragment = unquote(fragment)
    if fragment and target.suffix == ".html" and fragment not in site.ids(target):
        ids = ", ".join(sorted(i for i in site.ids(target) if not i.startswith("__"))[:40])
        return [Problem(where, line, f"{what} '{address}': '#{fragment}' does not exist in "
                        f"{target.relative_to(site.root).as_posix()}; ids there: {ids}")]
    return []


# ---------------------------------------------------------------- the pages

@dataclass(frozen=True)
class Found:
    """A broken link in a built page, with what is needed to find it in docs/."""
    page: Path
    value: str  # the link as written in the HTML
    problem: Problem


def check_page(site: Site, path: Path, external: set[str]) -> list[Found]:
    found = []
    where = path.relative_to(site.root).as_posix()
    base = site.where.of_file(site.root, path)
    for el in site.tree(path).iter():
        if not isinstance(el.tag, str):
            continue
        for attr in ("href", "src"):
            value = (el.get(attr) or "").strip()
            if value == "" or value.startswith(SKIPPED_SCHEMES):
                continue
            address = site.address_of(value, base)
            if address is None:
                if urlsplit(value).scheme in ("http", "https"):
                    external.add(value)
                continue
            rel = el.get("rel") or ""
            what = f"<{el.tag} {attr}>" + (f" rel={rel.strip()}" if rel else "")
            found += [Found(path, value, p) for p in check_target(site, address, where, el.sourceline or 0, what)]
    return found


def source_files(site: Site, docs: Path | None, page: Path) -> list[tuple[str, Path]]:
    """The docs files a built page may show: its own language's, then any other's (a
    fallback page shows another language's file), as (label, path)."""
    if docs is None:
        return []
    lang, path, _ = site.where.split(site.where.of_file(site.root, page))
    out = []
    for code in [lang] + [c for c in site.where.codes if c != lang]:
        for _, name, file in docs_model.iter_pages(docs, [code]):
            if addresses.page_path(name) == path:
                out.append((f"{docs.name}/{code}/{name}", file))
    return out


def attribute(site: Site, docs: Path | None, found: list[Found]) -> list[Problem]:
    """Each broken link once: at its line in docs/ when a page's Markdown has it, else at
    the first built page that has it, with how many more pages have it too."""
    in_docs: dict[tuple[str, int, str], Problem] = {}
    elsewhere: dict[tuple[str, str], list[Problem]] = defaultdict(list)
    for item in found:
        for label, file in source_files(site, docs, item.page):
            lines = file.read_text(encoding="utf-8").split("\n")
            number = next((n for n, line in enumerate(lines, 1) if item.value in line), None)
            if number:
                built = f"{item.problem.where}:{item.problem.line}"
                in_docs.setdefault((label, number, item.value), Problem(
                    label, number, f"the link '{item.value}' is broken: {item.problem.message} (built into {built})"))
                break
        else:
            elsewhere[(item.problem.message, item.value)].append(item.problem)
    out = list(in_docs.values())
    for problems in elsewhere.values():
        first = problems[0]
        more = f" (and on {len(problems) - 1} more page(s): a template or hook writes it)" if len(problems) > 1 else ""
        out.append(Problem(first.where, first.line, first.message + more))
    return out


def check_sitemap(site: Site) -> list[Problem]:
    path = site.root / "sitemap.xml"
    if not path.is_file():
        return [Problem("sitemap.xml", 0, "the sitemap was not built")]
    problems = []
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        for url in re.findall(r"<loc>([^<]+)</loc>|href=\"([^\"]+)\"", line):
            url = url[0] or url[1]
            if not url.startswith(site.where.site_url):
                problems.append(Problem("sitemap.xml", number, f"'{url}' is not under the site URL {site.where.site_url}"))
                continue
            problems += check_target(site, "/" + url[len(site.where.site_url):], "sitemap.xml", number, "sitemap URL")
    return problems


# ---------------------------------------------------------------- the site's data

def read_json(site: Site, name: str) -> tuple[object, list[Problem]]:
    path = site.root / name
    if not path.is_file():
        return None, [Problem(name, 0, "was not built")]
    return json.loads(path.read_text(encoding="utf-8")), []


def check_data(site: Site) -> list[Problem]:
    """redirects.json, languages.json, the search indexes and the composer's data."""
    problems: list[Problem] = []
    redirects, missing = read_json(site, "redirects.json")
    problems += missing
    for alias, target in (redirects or {}).items():
        if site.file_for(alias) is None:
            problems.append(Problem("redirects.json", 0, f"the short address '{alias}' has no redirect page"))
        problems += check_target(site, target, "redirects.json", 0, f"the target of '{alias}'")
        if target in (redirects or {}):
            problems.append(Problem("redirects.json", 0, f"'{alias}' leads to '{target}', another redirect"))
    homes, missing = read_json(site, "languages.json")
    problems += missing
    for code, home in (homes or {}).items():
        problems += check_target(site, home, "languages.json", 0, f"the home of '{code}'")
    for index in sorted(site.root.rglob("search/search_index.json")):
        label = index.relative_to(site.root).as_posix()
        for doc in json.loads(index.read_text(encoding="utf-8")).get("docs", []):
            problems += check_target(site, doc["location"], label, 0, "search result")
    for data in sorted(site.root.glob(COMPOSER_DATA)):
        problems += check_composer(site, data)
    return problems


def check_composer(site: Site, data: Path) -> list[Problem]:
    """Every address the composer hands staff, and its QR code's file and title."""
    label = data.relative_to(site.root).as_posix()
    redirects = read_json(site, "redirects.json")[0] or {}
    problems = []
    composer = json.loads(data.read_text(encoding="utf-8"))
    for area in composer.get("areas", []):
        for url in area["at"].values():
            problems += check_target(site, "/" + url[len(site.where.site_url):], label, 0,
                                     f"the composer's address for the area '{area['id']}'")
    for page in composer["pages"]:
        targets = [*page["at"].values(), *page["short"].values(),
                   *(t for section in page["sections"] for t in section["at"].values())]
        for target in targets:
            url = target["url"]
            what = f"the composer's address for '{page['id']}'"
            if not url.startswith(site.where.site_url):
                problems.append(Problem(label, 0, f"{what} '{url}' is not under the site URL {site.where.site_url}"))
                continue
            address = "/" + url[len(site.where.site_url):]
            problems += check_target(site, redirects.get(address, address), label, 0, what)
            qr = data.parent / target["qr"]
            if not qr.is_file():
                problems.append(Problem(label, 0, f"the QR code {target['qr']} of '{url}' was not built"))
            elif (QR_TITLE.search(qr.read_text(encoding="utf-8")) or [None, None])[1] != url.replace("&", "&amp;"):
                problems.append(Problem(label, 0, f"the QR code {target['qr']} is not titled '{url}'"))
    return problems


# ---------------------------------------------------------------- other sites

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


def run(site_dir: Path, where: addresses.Addresses, external: bool = False, out=sys.stdout,
        docs: Path | None = None) -> int:
    if not site_dir.is_dir():
        print(f"{site_dir}: no built site; run 'make build' first", file=out)
        return 2
    site = Site(site_dir, where)
    urls: set[str] = set()
    pages = sorted(site_dir.rglob("*.html"))
    found = [item for path in pages for item in check_page(site, path, urls)]
    problems = attribute(site, docs, found) + check_sitemap(site) + check_data(site)
    for problem in problems:
        print(problem, file=out)
    print(f"check_links: {len(pages)} pages and the site's data, {len(problems)} broken address(es), "
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
    return run(site_dir, config.addresses, external, docs=config.docs_dir)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
