#!/usr/bin/env python3
"""Check the live site after a deploy: does the server answer as this release says it must?

Usage: post_deploy_check.py URL SITE_DIR [LEDGER]

URL is the live site ("https://lastensuojelu.fi/"); SITE_DIR the release's built site
(BASE/current/site); LEDGER the release's ledger of published addresses
(BASE/current/published-addresses.yml, portal/published.py). scripts/deploy.py runs it
after every deploy and rollback, and rolls a deploy back when it finds a problem. Plain
GETs, no redirect followed, one connection each, a few at a time (a few hundred requests
on loopback take seconds); every problem is printed, exit code 1 if there is any:

- every page of the release: 200 and exactly the release's bytes (a server left serving
  an older release shows as the pages that changed), with the security headers (HSTS,
  nosniff, Referrer-Policy everywhere; the CSP and the other document policies on HTML);
  every stylesheet, script and image the pages load: 200, with its headers;
- every address in the ledger: a page answers 200 with the release's bytes, a section's
  id is on its page, a short or old address redirects (301) to a page that answers 200;
  every redirect of redirects.json too;
- a missing address in every language: 404 with that language's own 404 page;
- "/" with the default language in Accept-Language (200, the Swedish home) and with
  another of the site's languages (302 to its home).
"""

from __future__ import annotations

import http.client
import json
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml

THREADS = 8
MISSING = "deploy-check-no-such-page/"
ALWAYS = ("Strict-Transport-Security", "X-Content-Type-Options", "Referrer-Policy")
DOCUMENT = ("Content-Security-Policy", "Permissions-Policy", "Cross-Origin-Opener-Policy")


class Response:
    def __init__(self, status: int, headers, body: bytes):
        self.status, self.headers, self.body = status, headers, body

    def header(self, name: str) -> str:
        return ", ".join(self.headers.get_all(name) or [])


def get(base: str, path: str, headers: dict[str, str] | None = None) -> Response:
    """GET base's host + path, with only these headers (no compression), no redirects."""
    url = urlsplit(base)
    connection = http.client.HTTPSConnection if url.scheme == "https" else http.client.HTTPConnection
    conn = connection(url.hostname, url.port, timeout=15)
    try:
        conn.putrequest("GET", path, skip_accept_encoding=True)
        for name, value in (headers or {}).items():
            conn.putheader(name, value)
        conn.endheaders()
        resp = conn.getresponse()
        return Response(resp.status, resp.headers, resp.read())
    finally:
        conn.close()


class _Assets(HTMLParser):
    """The stylesheets, scripts and images a page loads (same site only)."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and "stylesheet" in (a.get("rel") or "").split():
            self.found.append(a.get("href") or "")
        elif tag in ("script", "img") and a.get("src"):
            self.found.append(a["src"])


def assets_of(page_path: str, html: bytes) -> list[str]:
    """The site's own files a page loads, as paths ("/assets/site.8ecfc2b5.css")."""
    parser = _Assets()
    parser.feed(html.decode("utf-8", errors="replace"))
    out = []
    for ref in parser.found:
        url = urlsplit(urljoin(page_path, ref))
        if not url.scheme and not url.netloc and url.path and url.path not in out:
            out.append(url.path)
    return out


def file_for(site: Path, path: str) -> Path:
    return site / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))


def release_pages(site: Path) -> list[str]:
    """The address of every page of the release (not the redirect stubs, assets, search
    indexes or the editors' status page)."""
    out = []
    for page in sorted(site.rglob("index.html")):
        rel = page.parent.relative_to(site).as_posix()
        if rel.startswith(("assets", "search", "translation-status")):
            continue
        if 'http-equiv="refresh"' in page.read_text(encoding="utf-8")[:600]:
            continue
        out.append("/" if rel == "." else f"/{rel}/")
    return out


def ledger_addresses(ledger: Path | None) -> tuple[list[str], list[str]]:
    """(pages and sections, aliases and moved addresses) of the ledger, if there is one."""
    if ledger is None or not ledger.is_file():
        return [], []
    data = yaml.safe_load(ledger.read_text(encoding="utf-8")) or {}
    return list(data.get("pages") or []) + list(data.get("sections") or []), \
        list(data.get("aliases") or []) + list(data.get("moved") or {})


def header_problems(what: str, resp: Response, document: bool) -> list[str]:
    names = ALWAYS + (DOCUMENT if document else ())
    missing = [name for name in names if not resp.header(name)]
    problems = [f"{what}: no {name} header" for name in missing]
    if document and "Content-Security-Policy" not in missing \
            and "default-src 'self'" not in resp.header("Content-Security-Policy"):
        problems.append(f"{what}: Content-Security-Policy without default-src 'self': "
                        f"{resp.header('Content-Security-Policy')!r}")
    return problems


def check_page(base: str, site: Path, path: str, headers: dict[str, str] | None = None) -> tuple[list[str], list[str]]:
    """A page: 200, the release's own bytes, the security headers; (problems, its assets)."""
    resp = get(base, path, headers)
    what = path + (f" (Accept-Language: {headers['Accept-Language']})" if headers else "")
    if resp.status != 200:
        return [f"{what}: status {resp.status}, expected 200"], []
    problems = header_problems(what, resp, document=True)
    expected = file_for(site, path)
    if not expected.is_file() or resp.body != expected.read_bytes():
        problems.append(f"{what}: the server sent a different page than this release's {expected}")
    return problems, assets_of(path, resp.body)


def check_asset(base: str, asset: str) -> list[str]:
    got = get(base, asset)
    if got.status != 200:
        return [f"{asset}: status {got.status}, expected 200"]
    return header_problems(asset, got, document=False)


def check_redirect(base: str, old: str, new: str | None) -> list[str]:
    """A short or old address: 301 to its page (new, from redirects.json; None if the
    release has no such redirect)."""
    resp = get(base, old)
    location = resp.header("Location")
    if new is None:
        return [f"{old}: published, but this release has no redirect for it ({resp.status} to "
                f"{location or 'nowhere'})"]
    if resp.status != 301 or location not in (new, urljoin(base, new)):
        return [f"{old}: {resp.status} to {location or 'nowhere'}, expected 301 to {new}"]
    return header_problems(old, resp, document=True)


def check_missing(base: str, site: Path, code: str, home: str) -> list[str]:
    path = home + MISSING
    resp = get(base, path)
    expected = site / home.lstrip("/") / "404.html"
    problems = []
    if resp.status != 404:
        problems.append(f"{path}: status {resp.status}, expected 404")
    elif not expected.is_file() or resp.body != expected.read_bytes():
        problems.append(f"{path}: not the {code} 404 page of this release ({expected})")
    return problems + header_problems(path, resp, document=True)


def check(base: str, site: Path, ledger: Path | None = None) -> list[str]:
    """Every problem of the live site at base, against the release's built site and ledger."""
    site = Path(site)
    languages = json.loads((site / "languages.json").read_text(encoding="utf-8"))
    redirects = json.loads((site / "redirects.json").read_text(encoding="utf-8"))
    published, aliases = ledger_addresses(ledger)
    pages = release_pages(site)
    problems: list[str] = []
    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(lambda path: check_page(base, site, path), pages))
        for found, _ in results:
            problems += found
        assets = sorted({asset for _, found in results for asset in found})
        for found in pool.map(lambda asset: check_asset(base, asset), assets):
            problems += found
        olds = sorted(set(redirects) | set(aliases))
        for found in pool.map(lambda old: check_redirect(base, old, redirects.get(old)), olds):
            problems += found
        for found in pool.map(lambda item: check_missing(base, site, *item), languages.items()):
            problems += found

    served = set(pages) | set(redirects)
    ids: dict[str, set[str]] = {}  # page -> the ids on it, read once
    for address in published:
        path, _, section = address.partition("#")
        path = redirects.get(path, path)
        if path not in served:
            problems.append(f"{address}: published, but this release has no such page")
            continue
        if section and path not in ids:
            ids[path] = set(re.findall(r'\sid="([^"]+)"', file_for(site, path).read_text(encoding="utf-8")))
        if section and section not in ids[path]:
            problems.append(f"{address}: published, but #{section} is not on the page in this release")

    default = next(code for code, home in languages.items() if home == "/")
    problems += check_page(base, site, "/", {"Accept-Language": default})[0]
    other = next(((code, home) for code, home in languages.items() if home != "/"), None)
    if other:
        resp = get(base, "/", {"Accept-Language": other[0]})
        location = resp.header("Location")
        if resp.status != 302 or location not in (other[1], urljoin(base, other[1])):
            problems.append(f"/ (Accept-Language: {other[0]}): {resp.status} to {location or 'nowhere'}, "
                            f"expected 302 to {other[1]}")
        if "accept-language" not in resp.header("Vary").lower():
            problems.append(f"/ (Accept-Language: {other[0]}): no 'Vary: Accept-Language'")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    try:
        problems = check(argv[0], Path(argv[1]), Path(argv[2]) if len(argv) == 3 else None)
    except OSError as e:
        problems = [f"{argv[0]}: no answer: {e}"]
    for problem in problems:
        print(problem)
    print(f"post-deploy check of {argv[0]}: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
