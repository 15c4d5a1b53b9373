"""The production server configuration (deploy/nginx.conf), run by a real nginx.

scripts/local_nginx.py starts Debian's nginx on loopback over the session's build, with
deploy/ as it is (only the listen, certificate and root lines set for the test). Real
HTTP requests, no redirect followed: security headers on every kind of response,
compression, caching, each language's 404, the redirects of redirects.json as 301s, the
Accept-Language choice on "/" that never traps a reader; then Chromium loads every page
through it and the Content-Security-Policy must block nothing, search included.
Also scripts/nginx_maps.py, with broken redirects.json and languages.json fixtures.
"""

from __future__ import annotations

import gzip
import http.client
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import local_nginx
import nginx_maps
from sweep import TASK_TURN, WATCH_CSP, Collector

from conftest import require_nginx
from conftest import CONFIG

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "nginx_maps.py"
HASHED = re.compile(r"\.[0-9a-f]{8}(?:\.min)?\.(?:js|css)$")

CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "worker-src": "'self'",
    "manifest-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
    "upgrade-insecure-requests": "",
}
HEADERS = {
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
}
# sent with documents only (HTML), and the CSP also with scripts (the search worker)
DOCUMENT_HEADERS = {"Cross-Origin-Opener-Policy": "same-origin"}
DENIED_FEATURES = ["camera", "microphone", "geolocation", "browsing-topics", "interest-cohort", "payment", "usb",
                   "display-capture"]


# ---------------------------------------------------------------- the server

class Response:
    def __init__(self, resp: http.client.HTTPResponse):
        self.status = resp.status
        self.headers = resp.headers
        self.body = resp.read()

    def header(self, name: str) -> str | None:
        values = self.headers.get_all(name)
        return ", ".join(values) if values else None

    def vary(self) -> set[str]:
        return {v.strip().lower() for v in (self.header("Vary") or "").split(",") if v.strip()}


def fetch(base: str, path: str, headers: dict[str, str] | None = None, port: int | None = None) -> Response:
    """GET path with exactly these headers (no Accept-Encoding unless given), no redirects."""
    url = urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, port or url.port, timeout=15)
    try:
        conn.putrequest("GET", path, skip_accept_encoding=True)
        for name, value in (headers or {}).items():
            conn.putheader(name, value)
        conn.endheaders()
        return Response(conn.getresponse())
    finally:
        conn.close()


def parse_csp(value: str) -> dict[str, str]:
    out = {}
    for part in value.split(";"):
        name, _, sources = part.strip().partition(" ")
        if name:
            out[name] = " ".join(sources.split())
    return out


def security_problems(resp: Response, document: bool = True) -> list[str]:
    problems = []
    for name, expected in (dict(HEADERS, **DOCUMENT_HEADERS) if document else HEADERS).items():
        if resp.header(name) != expected:
            problems.append(f"{name}: {resp.header(name)!r}, expected {expected!r}")
    if not document:
        script = "javascript" in (resp.header("Content-Type") or "")
        csp = resp.header("Content-Security-Policy")
        if script and (csp is None or parse_csp(csp) != CSP):
            problems.append(f"Content-Security-Policy on a script: {csp!r}")
        for name in ["Permissions-Policy", *DOCUMENT_HEADERS] + ([] if script else ["Content-Security-Policy"]):
            if resp.header(name) is not None:
                problems.append(f"{name} on a {resp.header('Content-Type')} response: only documents need it")
        return problems
    csp = resp.header("Content-Security-Policy")
    if csp is None or parse_csp(csp) != CSP:
        problems.append(f"Content-Security-Policy: {csp!r}")
    policy = {}
    for part in (resp.header("Permissions-Policy") or "").split(","):
        feature, _, allow = part.strip().partition("=")
        policy[feature] = allow
    for feature in DENIED_FEATURES:
        if policy.get(feature) != "()":
            problems.append(f"Permissions-Policy does not deny {feature}: {resp.header('Permissions-Policy')!r}")
    return problems


def hashed_assets(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in (site / "assets").rglob("*") if HASHED.search(p.name))


def first(site: Path, pattern: str) -> str:
    found = sorted(site.glob(pattern))
    assert found, f"the build has no {pattern}"
    return found[0].relative_to(site).as_posix()


def redirects(site: Path) -> dict[str, str]:
    data = json.loads((site / "redirects.json").read_text(encoding="utf-8"))
    assert data, "site/redirects.json is empty: the redirect tests would test nothing"
    return data


# ---------------------------------------------------------------- security headers

@pytest.mark.parametrize("kind", ["home", "page", "script", "stylesheet", "search index", "404", "unknown-prefix 404",
                                  "301 redirect", "302 language", "plain-http 301"])
def test_every_response_has_the_security_headers(nginx, built_site, config, kind):
    other = next(c for c in config.codes if c != config.default)
    request = {
        "home": ("/", {}),
        "page": (config.addresses.page(other, "aftercare.md"), {}),
        "script": ("/" + next(a for a in hashed_assets(built_site) if a.endswith(".js")), {}),
        "stylesheet": ("/" + next(a for a in hashed_assets(built_site) if a.endswith(".css")), {}),
        "search index": ("/search/search_index.json", {}),
        "404": (config.addresses.home(other) + "nope/", {}),
        "unknown-prefix 404": ("/zz/nope/", {}),
        "301 redirect": (next(iter(redirects(built_site))), {}),
        "302 language": ("/", {"Accept-Language": other}),
        "plain-http 301": ("/aftercare/", {}),
    }[kind]
    expected_status = {"404": 404, "unknown-prefix 404": 404, "301 redirect": 301, "302 language": 302,
                       "plain-http 301": 301}.get(kind, 200)
    port = nginx.http_port if kind == "plain-http 301" else None
    resp = fetch(nginx, *request, port=port)
    assert resp.status == expected_status, f"{request[0]}: {resp.status}"
    assert security_problems(resp, document=kind not in ("script", "stylesheet", "search index")) == []
    if kind == "plain-http 301":
        assert resp.header("Location") == "https://127.0.0.1/aftercare/"


def test_the_csp_allows_no_inline_code_and_no_other_origin():
    # The expected policy itself: a change to it must be a change to this test too.
    sources = " ".join(CSP.values())
    assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources
    assert not re.search(r"https?:|\*", sources)


# ---------------------------------------------------------------- compression

def compressible(site: Path) -> dict[str, str]:
    return {
        "html": "fi/aftercare/",
        "css": first(site, "assets/stylesheets/main.*.min.css"),
        "js": first(site, "assets/javascripts/bundle.*.min.js"),
        "json": "redirects.json",
        "xml": "sitemap.xml",
    }


def file_of(site: Path, path: str) -> bytes:
    target = site / path
    return (target / "index.html" if path.endswith("/") or target.is_dir() else target).read_bytes()


@pytest.mark.parametrize("kind", ["html", "css", "js", "json", "xml"])
def test_text_is_gzipped_when_asked_for_and_only_then(nginx, built_site, kind):
    path = compressible(built_site)[kind]
    original = file_of(built_site, path)
    zipped = fetch(nginx, "/" + path, {"Accept-Encoding": "gzip"})
    assert zipped.status == 200
    assert zipped.header("Content-Encoding") == "gzip"
    assert "accept-encoding" in zipped.vary()
    assert gzip.decompress(zipped.body) == original
    assert len(zipped.body) < len(original) * 0.6
    plain = fetch(nginx, "/" + path)
    assert plain.status == 200
    assert plain.header("Content-Encoding") is None
    assert plain.body == original


@pytest.mark.parametrize("kind", ["html", "css", "js", "json", "xml"])
def test_text_is_brotli_compressed_when_the_module_is_there(nginx, built_site, kind):
    if not nginx.brotli:
        message = f"the brotli modules are not installed ({', '.join(map(str, local_nginx.BROTLI_MODULES))})"
        if os.environ.get("CI"):
            pytest.fail(message + "; scripts/install-system-packages.sh installs it")
        pytest.skip(message)
    path = compressible(built_site)[kind]
    original = file_of(built_site, path)
    resp = fetch(nginx, "/" + path, {"Accept-Encoding": "gzip, deflate, br"})
    assert resp.status == 200
    # a file with a gzip copy beside it and no brotli one (MkDocs' sitemap.xml.gz) is sent
    # as that copy (gzip_static)
    static_gzip = (built_site / (path + ".gz")).is_file() and not (built_site / (path + ".br")).is_file()
    assert resp.header("Content-Encoding") == ("gzip" if static_gzip else "br")
    assert "accept-encoding" in resp.vary()
    assert len(resp.body) < len(original) * 0.6
    assert resp.body.startswith(b"\x1f\x8b") == static_gzip and resp.body != original


@pytest.mark.parametrize("encoding, suffix, decompress", [
    ("br", ".br", lambda data: __import__("brotli").decompress(data)),
    ("gzip", ".gz", gzip.decompress),
])
def test_what_every_reader_downloads_is_sent_as_compressed_once_at_the_highest_level(nginx, built_site, encoding,
                                                                                      suffix, decompress):
    """hooks/precompress.py's files, not nginx's on-the-fly compression (brotli_static, gzip_static)."""
    if encoding == "br" and not nginx.brotli:
        pytest.skip("the brotli modules are not installed")
    for path in [first(built_site, "assets/site.*.css"), first(built_site, "assets/javascripts/bundle.*.min.js"),
                 "fi/search/search_index.json"]:
        resp = fetch(nginx, "/" + path, {"Accept-Encoding": encoding})
        assert resp.header("Content-Encoding") == encoding, path
        assert resp.body == (built_site / (path + suffix)).read_bytes(), f"{path}: not the file made by the build"
        assert decompress(resp.body) == (built_site / path).read_bytes()
        assert "accept-encoding" in resp.vary()


# ---------------------------------------------------------------- caching

def test_hashed_assets_are_cached_for_a_year(nginx, built_site):
    assets = hashed_assets(built_site)
    assert len(assets) >= 3, f"expected Material's and the site's hashed files, found {assets}"
    wrong = {}
    for path in assets:
        resp = fetch(nginx, "/" + path)
        if resp.status != 200 or resp.header("Cache-Control") != "public, max-age=31536000, immutable":
            wrong[path] = (resp.status, resp.header("Cache-Control"))
    assert wrong == {}


@pytest.mark.parametrize("path,expected", [
    ("/", "no-cache"),
    ("/fi/aftercare/", "no-cache"),
    ("/fi/nope/", "no-cache"),
    ("/search/search_index.json", "public, max-age=3600"),
    ("/fi/search/search_index.json", "public, max-age=3600"),
    ("/sitemap.xml", "public, max-age=3600"),
    ("/assets/images/favicon.svg", "public, max-age=3600"),
    ("/assets/javascripts/lunr/min/lunr.fi.min.js", "public, max-age=3600"),
])
def test_html_and_unhashed_files_are_cached_briefly(nginx, built_site, path, expected):
    resp = fetch(nginx, path)
    assert resp.status in (200, 404), f"{path}: {resp.status}"
    assert resp.header("Cache-Control") == expected
    if resp.status == 200 and expected == "no-cache":
        assert resp.header("ETag") or resp.header("Last-Modified"), "HTML must be revalidatable"


# ---------------------------------------------------------------- 404 per language

def not_found_cases():
    settings = CONFIG
    cases = [(settings.addresses.home(c) + "nope/", c) for c in settings.codes]
    cases += [("/zz/nope/", settings.default), ("/fi/assets/nope.js", "fi"), ("/nope.css", settings.default)]
    return cases


@pytest.mark.parametrize("path,lang", not_found_cases())
def test_a_missing_page_gets_the_404_page_of_its_language(nginx, path, lang):
    resp = fetch(nginx, path)
    assert resp.status == 404
    assert resp.header("Content-Type").startswith("text/html")
    assert f'<html lang="{lang}"'.encode() in resp.body[:600], resp.body[:300]


# ---------------------------------------------------------------- redirects

def test_every_redirect_of_redirects_json_is_a_301(nginx, built_site):
    wrong = {}
    for old, new in redirects(built_site).items():
        for path, location in [(old, new), (old.rstrip("/") or "/", new), (old + "?utm=letter", new + "?utm=letter")]:
            resp = fetch(nginx, path)
            if (resp.status, resp.header("Location")) != (301, location):
                wrong[path] = (resp.status, resp.header("Location"), f"expected 301 to {location}")
    assert wrong == {}


def test_a_real_page_is_not_redirected(nginx, built_site):
    for new in set(redirects(built_site).values()):
        resp = fetch(nginx, new)
        assert resp.status == 200, f"{new}: {resp.status} {resp.header('Location')}"


def test_a_page_address_without_its_slash_gets_it_with_a_relative_location(nginx):
    resp = fetch(nginx, "/fi/aftercare")
    assert (resp.status, resp.header("Location")) == (301, "/fi/aftercare/")


# ---------------------------------------------------------------- Accept-Language on "/"

OWN = object()  # a Referer on this site, filled in per server

LANGUAGE_CASES = [
    # path, Accept-Language, Referer, expected status, expected Location
    ("/", "fi", None, 302, "/fi/"),
    ("/", "fi-FI,fi;q=0.9,sv;q=0.8,en;q=0.7", None, 302, "/fi/"),
    ("/", "de-DE,de;q=0.9,en-GB;q=0.8,sv;q=0.5", None, 302, "/en/"),
    ("/", "fi;q=0, en", None, 302, "/en/"),
    ("/", "fi", "https://www.google.fi/search?q=lastensuojelu", 302, "/fi/"),
    ("/", "fi", "http://127.0.0.1.example.net/", 302, "/fi/"),
    ("/", "sv", None, 200, None),
    ("/", "sv-FI,sv;q=0.9,fi;q=0.8,en;q=0.7", None, 200, None),
    ("/", None, None, 200, None),
    ("/", "", None, 200, None),
    ("/", "*", None, 200, None),
    ("/", "fil,de", None, 200, None),  # Filipino is not Finnish
    ("/", "fi;q=0", None, 200, None),
    ("/", "fi", OWN, 200, None),  # the reader clicked "Svenska" or a link on the site
    ("/?lang=sv", "fi", None, 200, None),  # the Swedish home for letters
    ("/?", "fi", None, 200, None),
    ("/?utm_source=letter", "en", None, 200, None),
    ("/index.html", "fi", None, 200, None),
    ("/en/", "fi", None, 200, None),
    ("/fi/", "en", None, 200, None),
    ("/aftercare/", "fi", None, 200, None),
]


@pytest.mark.parametrize("path,accept,referer,status,location", LANGUAGE_CASES)
def test_only_the_bare_root_follows_the_browser_language(nginx, path, accept, referer, status, location):
    headers = {}
    if accept is not None:
        headers["Accept-Language"] = accept
    if referer is OWN:
        referer = nginx + "fi/aftercare/"
    if referer:
        headers["Referer"] = referer
    resp = fetch(nginx, path, headers)
    assert (resp.status, resp.header("Location")) == (status, location)
    if path == "/":
        assert "accept-language" in resp.vary(), "a cache must not give one reader's answer to another"
        assert resp.header("Cache-Control") == "no-cache"
    else:
        assert "accept-language" not in resp.vary()


def test_every_language_of_the_site_is_chosen_from_the_root(nginx, config):
    got = {}
    for code in config.codes:
        resp = fetch(nginx, "/", {"Accept-Language": f"{code}-XX,{code};q=0.9"})
        got[code] = (resp.status, resp.header("Location"))
    expected = {code: (200, None) if code == config.default else (302, f"/{code}/") for code in config.codes}
    assert got == expected, "the generated Accept-Language maps must list mkdocs.yml's languages"


# ---------------------------------------------------------------- the config file itself

def test_local_runs_change_only_the_lines_marked_for_the_host(tmp_path):
    text = local_nginx.SERVER_CONF.read_text(encoding="utf-8")
    rendered = local_nginx.render_server(text, port=8080, http_port=8081, root=tmp_path, brotli=True)
    before, after = text.splitlines(), set(rendered.splitlines())
    changed = [line for line in before if line not in after]
    assert changed and all("# HOST" in line for line in changed), changed


def test_the_brotli_include_can_be_left_out():
    text = local_nginx.SERVER_CONF.read_text(encoding="utf-8")
    rendered = local_nginx.render_server(text, port=8080, http_port=8081, root=Path("/srv"), brotli=False)
    assert "brotli" not in re.sub(r"#[^\n]*", "", rendered)


# ---------------------------------------------------------------- nginx_maps.py

LANGUAGES = '{"sv": "/", "fi": "/fi/"}'
REDIRECTS = '{"/fi/jalkihuolto/": "/fi/aftercare/"}'


def run_script(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, cwd=ROOT)


def fixture_site(tmp_path: Path, redirects: str = REDIRECTS, languages: str = LANGUAGES) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "redirects.json").write_text(redirects, encoding="utf-8")
    (site / "languages.json").write_text(languages, encoding="utf-8")
    return site


def test_the_maps_list_each_redirect_with_and_without_its_slash_and_each_language(tmp_path):
    site = fixture_site(tmp_path, json.dumps({"/fi/jalkihuolto/": "/fi/aftercare/", "/eftervard/": "/aftercare/"}),
                        '{"sv": "/", "fi": "/fi/", "so": "/so/"}')
    result = run_script(str(site))
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        f"# Generated by scripts/nginx_maps.py from {site}: do not edit.\n"
        '# Run it again after every build (README, "Deploying").\n'
        "\n"
        "# Old and short addresses -> their page (a 301).\n"
        "map $uri $site_redirect {\n"
        '    default "";\n'
        '    "/eftervard/" "/aftercare/";\n'
        '    "/eftervard" "/aftercare/";\n'
        '    "/fi/jalkihuolto/" "/fi/aftercare/";\n'
        '    "/fi/jalkihuolto" "/fi/aftercare/";\n'
        "}\n"
        "\n"
        '# The first of the site\'s languages in Accept-Language, skipping q=0 ("not wanted").\n'
        "map $http_accept_language $site_preferred_language {\n"
        '    default "";\n'
        r'    "~*^(?:[^,]*,)*?\s*(sv|fi|so)(?:-[a-z0-9]+)*\s*(?:;\s*q\s*=\s*(?:1(?:\.0*)?|0?\.\d*[1-9]\d*)\s*)?(?:,|$)" $1;'
        "\n"
        "}\n"
        "\n"
        "# Its home page; the default language is the root itself.\n"
        "map $site_preferred_language $site_preferred_home {\n"
        '    default "";\n'
        "    fi /fi/;\n"
        "    so /so/;\n"
        "}\n"
    )
    out = tmp_path / "site-maps.conf"
    assert run_script(str(site), "-o", str(out)).returncode == 0
    assert out.read_text(encoding="utf-8") == result.stdout


def test_the_real_build_becomes_maps_of_its_redirects_and_languages(built_site, config):
    text = nginx_maps.from_site(built_site)
    for old, new in redirects(built_site).items():
        assert f'    "{old}" "{new}";\n' in text
    assert "(" + "|".join(config.codes) + ")" in text
    for code in config.codes:
        home = f"    {code} /{code}/;\n"
        assert (home in text) == (code != config.default), code


BROKEN = [
    ('{"/fi/jalkihuolto/": "/fi/aftercare/",}',
     "{file}: not valid JSON: Expecting property name enclosed in double quotes (line 1, column 39)"),
    ('["/fi/jalkihuolto/", "/fi/aftercare/"]',
     '{file}: must be a JSON object of old path to new path, like {{"/fi/jalkihuolto/": "/fi/aftercare/"}}'),
    ('{"/fi/jalkihuolto/": "/fi/aftercare/", "/fi/jalkihuolto/": "/fi/placement/"}',
     '{file}: entry "/fi/jalkihuolto/": listed twice'),
    ('{"fi/jalkihuolto/": "/fi/aftercare/"}',
     '{file}: entry "fi/jalkihuolto/": the old address must be a path like "/fi/jalkihuolto/" '
     '(letters, digits, "-", "_", ".", "~", "%" between slashes)'),
    ('{"/fi/jälki huolto/": "/fi/aftercare/"}',
     '{file}: entry "/fi/jälki huolto/": the old address must be a path like "/fi/jalkihuolto/" '
     '(letters, digits, "-", "_", ".", "~", "%" between slashes)'),
    ('{"/fi/jalkihuolto/": "https://evil.example/"}',
     '{file}: entry "/fi/jalkihuolto/": the new address "https://evil.example/" must be a path on this site '
     'like "/fi/aftercare/"'),
    ('{"/fi/jalkihuolto/": "//evil.example/"}',
     '{file}: entry "/fi/jalkihuolto/": the new address "//evil.example/" must be a path on this site '
     'like "/fi/aftercare/"'),
    ('{"/fi/jalkihuolto/": "/fi/aftercare/\\"; return 200 \\"x"}',
     '{file}: entry "/fi/jalkihuolto/": the new address "/fi/aftercare/\\"; return 200 \\"x" must be a path '
     'on this site like "/fi/aftercare/"'),
    ('{"/fi/jalkihuolto/": null}',
     '{file}: entry "/fi/jalkihuolto/": the new address null must be a path on this site like "/fi/aftercare/"'),
    ('{"/fi/aftercare/": "/fi/aftercare/"}',
     '{file}: entry "/fi/aftercare/": redirects to itself'),
    ('{"/fi/jalkihuolto/": "/fi/jalki/", "/fi/jalki/": "/fi/aftercare/"}',
     '{file}: entry "/fi/jalkihuolto/": its new address "/fi/jalki/" is itself redirected, to "/fi/aftercare/"; '
     'point it at the final address'),
    ('{"/Eftervard/": "/aftercare/", "/eftervard/": "/aftercare/"}',
     '{file}: entry "/eftervard/": differs from "/Eftervard/" only in case (nginx compares addresses ignoring case)'),
    ('{"/ok/": "/aftercare/", "/fi/jalkihuolto/": 7, "/x/": "/x/"}',
     '{file}: entry "/fi/jalkihuolto/": the new address 7 must be a path on this site like "/fi/aftercare/"\n'
     '{file}: entry "/x/": redirects to itself'),
]


BROKEN_LANGUAGES = [
    ('["sv", "fi"]', '{file}: must be a JSON object of language code to home page, like {{"sv": "/", "fi": "/fi/"}}'),
    ("{}", '{file}: must be a JSON object of language code to home page, like {{"sv": "/", "fi": "/fi/"}}'),
    ('{"sv": "/", "sv": "/sv/"}', '{file}: entry "sv": listed twice'),
    ('{"sv": "/", "fi-FI": "/fi-FI/"}', '{file}: language "fi-FI": a code is 2 or 3 lowercase letters, like "fi"'),
    ('{"sv": "/", "fi)|.*(x": "/x/"}', '{file}: language "fi)|.*(x": a code is 2 or 3 lowercase letters, like "fi"'),
    ('{"sv": "/", "fi": "/suomi/"}',
     '{file}: language "fi": its home page "/suomi/" must be "/fi/", or "/" for the default language'),
    ('{"sv": "/", "fi": null}', '{file}: language "fi": its home page null must be "/fi/", or "/" for the default language'),
    ('{"sv": "/sv/", "fi": "/fi/"}',
     '{file}: exactly one language must have the home page "/" (the default language); found 0'),
    ('{"sv": "/", "fi": "/"}',
     '{file}: exactly one language must have the home page "/" (the default language); found 2'),
]


@pytest.mark.parametrize("name,content,message",
                         [("redirects.json", *case) for case in BROKEN] + [("languages.json", *case) for case in BROKEN_LANGUAGES],
                         ids=[f"redirects-{i}" for i in range(len(BROKEN))] + [f"languages-{i}" for i in range(len(BROKEN_LANGUAGES))])
def test_a_broken_file_is_refused_naming_the_file_and_entry(tmp_path, name, content, message):
    site = fixture_site(tmp_path, **{name.split(".")[0]: content})
    result = run_script(str(site))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == message.format(file=site / name) + "\n"


def test_problems_in_both_files_are_all_reported(tmp_path):
    site = fixture_site(tmp_path, redirects='{"/x/": "/x/"}', languages='{"sv": "/", "fi": "/suomi/"}')
    result = run_script(str(site))
    assert result.returncode == 1
    assert result.stderr == (f'{site / "redirects.json"}: entry "/x/": redirects to itself\n'
                             f'{site / "languages.json"}: language "fi": its home page "/suomi/" must be "/fi/", '
                             f'or "/" for the default language\n')


def test_an_unbuilt_site_says_to_build_first(tmp_path):
    result = run_script(str(tmp_path))
    assert result.returncode == 1
    assert result.stderr == (f"{tmp_path / 'redirects.json'}: not found; build the site first (make build)\n"
                             f"{tmp_path / 'languages.json'}: not found; build the site first (make build)\n")


# ---------------------------------------------------------------- Chromium under the CSP

def csp_page(browser, locale: str = "sv-FI"):
    """A page that records CSP violations: (page, list of problems found so far)."""
    context = browser.new_context(locale=locale)
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console: {m.text}")
            if re.search(r"Content[ -]Security[ -]Policy", m.text, re.I) else None)
    return page, problems


def load_and_collect(page, problems: list[str], url: str) -> list[str]:
    page.goto(url, wait_until="load")
    page.evaluate(TASK_TURN)  # violation events are dispatched as tasks
    found = page.evaluate("window.__csp") + problems[:]
    problems.clear()
    return found


def test_the_csp_watch_catches_inline_code(browser, tmp_path):
    # The recorder of the every-page sweep (tests/sweep.py), on a page that breaks the
    # policy and is too wide for a phone: it must see all of it.
    require_nginx()
    site = tmp_path / "site"
    site.mkdir()
    (site / "redirects.json").write_text("{}")
    (site / "languages.json").write_text('{"sv": "/"}')
    (site / "404.html").write_text("<!doctype html><html lang=sv><title>404</title></html>")
    (site / "index.html").write_text(
        '<!doctype html><html lang="sv"><head><title>x</title><style>p{color:red}</style></head>'
        '<body><p style="color:blue">x</p><script>document.title = "ran"</script>'
        f'<pre>{"x" * 400}</pre></body></html>')
    with local_nginx.serve(site) as base:
        collector = Collector(browser)
        try:
            visit = collector.visit(base, "", "sv", axe=False)
            assert collector.page.title() == "x", "the inline script ran: the policy is not applied"
        finally:
            collector.close()
    text = "\n".join(visit.csp)
    assert "style-src-elem blocked inline" in text
    assert "style-src-attr blocked inline" in text
    assert "script-src-elem blocked inline" in text
    assert any("violates the following Content Security Policy" in line for line in visit.console), visit.console
    assert visit.overflow_at_200 > 0 and visit.width_at_320 > 320
    assert visit.requests and visit.failed == []
    # and the recorder of the search test below
    with local_nginx.serve(site) as base:
        page, problems = csp_page(browser)
        found = load_and_collect(page, problems, base)
        page.context.close()
    text = "\n".join(found)
    assert "style-src-elem blocked inline" in text
    assert "script-src-elem blocked inline" in text


def search_word(site: Path, config, code: str) -> str:
    html = config.addresses.file(site, config.addresses.page(code, "aftercare.md")).read_text(encoding="utf-8")
    title = re.search(r"<h1[^>]*>([^<]+)", html).group(1)
    return title.split()[0].lower()


@pytest.mark.parametrize("code", ["sv", "fi"])  # two stemmed languages: lunr and a stemmer, loaded on demand
def test_search_works_under_the_csp(nginx, built_site, browser, config, code):
    if code not in config.codes:
        pytest.skip(f"{code} is not built")
    home = config.addresses.home(code)
    page, problems = csp_page(browser, f"{code}-FI")
    found = load_and_collect(page, problems, nginx.rstrip("/") + home)
    page.keyboard.press("/")
    page.keyboard.type(search_word(built_site, config, code))
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    hrefs = [a.get_attribute("href") for a in page.locator(".md-search-result__item > a").all()]
    assert any("aftercare/" in (h or "") for h in hrefs), hrefs
    page.wait_for_timeout(150)
    found += page.evaluate("window.__csp") + problems
    page.context.close()
    assert found == []


def test_a_reader_who_chooses_swedish_stays_on_swedish(nginx, browser):
    context = browser.new_context(locale="fi-FI")
    page = context.new_page()
    page.goto(nginx)
    assert page.url == nginx + "fi/", "a Finnish browser is sent to the Finnish home"
    with page.expect_navigation():
        page.evaluate("document.querySelector('a[data-lang-switch=sv]').click()")
    assert page.url == nginx
    assert page.evaluate("document.documentElement.lang") == "sv"
    page.goto(nginx + "?lang=sv")  # typed or from a letter: no Referer
    assert page.evaluate("document.documentElement.lang") == "sv"
    context.close()
