#!/usr/bin/env python3
"""Check the live site after a deploy: does the server answer as this release says it must?

Usage: post_deploy_check.py URL SITE_DIR

URL is the live site ("https://lastensuojelu.fi/"); SITE_DIR the release's built site
(BASE/current/site). scripts/deploy.py runs it after every deploy and rollback, and rolls
a deploy back when it finds a problem. Plain GETs, no redirect followed, one connection
each; every problem is printed, exit code 1 if there is any:

- the home page of every language (languages.json) and a sample of other pages: 200,
  exactly the release's file, and every stylesheet, script and image it loads: 200;
- a missing address in every language: 404 with that language's own 404 page;
- three redirects of redirects.json: 301 to their page;
- "/" with the default language in Accept-Language (200, the Swedish home) and with
  another of the site's languages (302 to its home);
- the security headers on pages, assets, 404s and redirects (HSTS, nosniff,
  Referrer-Policy everywhere; the CSP and the other document policies on HTML).

Standard library only: it runs on the web server too.
"""

from __future__ import annotations

import http.client
import json
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

SAMPLE = 8  # pages besides the homes
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


def sample_pages(site: Path, redirects: dict[str, str], homes: set[str]) -> list[str]:
    """SAMPLE pages spread over the site (not the homes, not the redirect stubs)."""
    pages = sorted("/" + p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")
                   if p.parent != site)
    pages = [p for p in pages if p not in redirects and p not in homes]
    step = max(1, len(pages) // SAMPLE)
    return pages[::step][:SAMPLE]


def header_problems(what: str, resp: Response, document: bool) -> list[str]:
    names = ALWAYS + (DOCUMENT if document else ())
    missing = [name for name in names if not resp.header(name)]
    problems = [f"{what}: no {name} header" for name in missing]
    if document and "Content-Security-Policy" not in missing \
            and "default-src 'self'" not in resp.header("Content-Security-Policy"):
        problems.append(f"{what}: Content-Security-Policy without default-src 'self': "
                        f"{resp.header('Content-Security-Policy')!r}")
    return problems


def check_page(base: str, site: Path, path: str, headers: dict[str, str] | None = None) -> list[str]:
    """A page: 200, the release's own bytes, its assets 200; the security headers."""
    resp = get(base, path, headers)
    what = path + (f" (Accept-Language: {headers['Accept-Language']})" if headers else "")
    if resp.status != 200:
        return [f"{what}: status {resp.status}, expected 200"]
    problems = header_problems(what, resp, document=True)
    expected = file_for(site, path)
    if not expected.is_file() or resp.body != expected.read_bytes():
        problems.append(f"{what}: the server sent a different page than this release's {expected}")
    for asset in assets_of(path, resp.body):
        got = get(base, asset)
        if got.status != 200:
            problems.append(f"{what}: its asset {asset}: status {got.status}, expected 200")
        else:
            problems += header_problems(asset, got, document=False)
    return problems


def check(base: str, site: Path) -> list[str]:
    """Every problem of the live site at base, against the release's built site."""
    site = Path(site)
    languages = json.loads((site / "languages.json").read_text(encoding="utf-8"))
    redirects = json.loads((site / "redirects.json").read_text(encoding="utf-8"))
    problems: list[str] = []
    for home in languages.values():
        problems += check_page(base, site, home)
    for path in sample_pages(site, redirects, set(languages.values())):
        problems += check_page(base, site, path)

    for code, home in languages.items():
        path = home + MISSING
        resp = get(base, path)
        expected = site / home.lstrip("/") / "404.html"
        if resp.status != 404:
            problems.append(f"{path}: status {resp.status}, expected 404")
        elif not expected.is_file() or resp.body != expected.read_bytes():
            problems.append(f"{path}: not the {code} 404 page of this release ({expected})")
        problems += header_problems(path, resp, document=True)

    for old, new in sorted(redirects.items())[:3]:
        resp = get(base, old)
        location = resp.header("Location")
        if resp.status != 301 or location not in (new, urljoin(base, new)):
            problems.append(f"{old}: {resp.status} to {location or 'nowhere'}, expected 301 to {new}")
        problems += header_problems(old, resp, document=True)

    default = next(code for code, home in languages.items() if home == "/")
    problems += check_page(base, site, "/", {"Accept-Language": default})
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
    if len(argv) != 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    try:
        problems = check(argv[0], Path(argv[1]))
    except OSError as e:
        problems = [f"{argv[0]}: no answer: {e}"]
    for problem in problems:
        print(problem)
    print(f"post-deploy check of {argv[0]}: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
