"""Shared fixtures: a fresh build of the real site, a local HTTP server, a browser."""

from __future__ import annotations

import collections
import fcntl
import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent

import local_nginx
import law_fixture  # tests/law_fixture.py
import sweep as sweep_module  # tests/sweep.py

from portal import site_config

CONFIG = site_config.load(ROOT / "mkdocs.yml")


class _AnyTag(yaml.SafeLoader):
    """mkdocs.yml has tags such as !ENV; only its plain paths matter here."""


_AnyTag.add_multi_constructor("!", lambda loader, suffix, node: None)
_AnyTag.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def fixture_config(directory: Path, docs_dir: Path, languages: list[str] | None = None) -> Path:
    """A config in directory that INHERITs mkdocs.yml with docs_dir replaced, and with
    only `languages` built if given (the default language among them).

    MkDocs resolves docs_dir, hooks and theme.custom_dir relative to the config file that
    is loaded (the child, not the INHERITed parent), so the child restates them as absolute
    paths into the checkout: the hooks and overrides resolve exactly as in the real build,
    and nothing is written into the checkout. INHERIT replaces a list whole, so fewer
    languages restate the plugins with the i18n plugin's list cut down.
    """
    real = ROOT / "mkdocs.yml"
    data = yaml.load(real.read_text(encoding="utf-8"), Loader=_AnyTag)
    settings = {"INHERIT": str(real), "docs_dir": str(Path(docs_dir).resolve())}
    if languages is not None:
        assert CONFIG.default in languages, f"a site is built with its default language {CONFIG.default}"
        settings["plugins"] = [
            {"i18n": dict(plugin["i18n"], languages=[entry for entry in plugin["i18n"]["languages"]
                                                     if entry["locale"] in languages])}
            if isinstance(plugin, dict) and "i18n" in plugin else plugin
            for plugin in data["plugins"]
        ]
    if data.get("hooks"):
        settings["hooks"] = [str(ROOT / hook) for hook in data["hooks"]]
    custom_dir = (data.get("theme") or {}).get("custom_dir")
    if custom_dir:
        settings["theme"] = {"custom_dir": str(ROOT / custom_dir)}
    config = Path(tempfile.mkdtemp(prefix="mkdocs-config-", dir=directory)) / "mkdocs.yml"
    config.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    return config


def build_site(site_dir: Path, docs_dir: Path | None = None,
               languages: list[str] | None = None) -> subprocess.CompletedProcess:
    """Run `mkdocs build` into site_dir; with docs_dir, on other content (a fixture), in
    only the `languages` the test needs if given (each language is a build of its own).

    A fixture build inherits mkdocs.yml through a config written next to site_dir (a
    pytest tmp folder, never the checkout), so the hooks and overrides are the real ones;
    $MKDOCS_CONFIG names it to the code that reads the settings (portal/site_config.py).
    """
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    config = ROOT / "mkdocs.yml"
    if docs_dir is not None:
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        config = fixture_config(site_dir.parent, docs_dir, languages)
        env["MKDOCS_CONFIG"] = str(config)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test session and shared by the pytest-xdist workers
    (read-only: a test that changes a site copies it, as tests/test_deploy.py does).

    The first worker to get here builds it into the session's shared temporary folder
    (pytest-xdist's documented pattern: the parent of the worker's own folder, and a file
    lock); the other waits for it, and is told the same error if the build failed.
    """
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the session's folder, above gw0/ and gw1/
    folder = shared / "real-site"
    out, report = folder / "site", folder / "build-report.txt"  # the report: "ok" or the error
    folder.mkdir(exist_ok=True)
    with open(folder / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if not report.is_file():
            try:
                result = build_site(out)
                report.write_text("ok" if result.returncode == 0 else f"{result.stdout}\n{result.stderr}",
                                  encoding="utf-8")
            except Exception as error:  # e.g. the build's timeout: the other worker must not wait for it
                report.write_text(f"{type(error).__name__}: {error}", encoding="utf-8")
                raise
    said = report.read_text(encoding="utf-8")
    assert said == "ok", f"the real site does not build:\n{said}"
    return out


@pytest.fixture(scope="session")
def config() -> site_config.SiteConfig:
    return CONFIG


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        # Serve the language's own 404 page, as the production server does.
        if code == 404:
            root = Path(self.directory)
            first = self.path.lstrip("/").split("/", 1)[0]
            page = root / first / "404.html"
            if not (first and page.is_file()):
                page = root / "404.html"
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().send_error(code, message, explain)


def start_server(directory: Path):
    """Serve a built site on loopback: (base URL, server to .shutdown())."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_address[1]}/", httpd


@pytest.fixture(scope="session")
def server(built_site) -> str:
    """Serve the built site on loopback; yields the base URL."""
    url, httpd = start_server(built_site)
    yield url
    httpd.shutdown()


def require_nginx():
    if local_nginx.binary() is None:
        message = "nginx is not installed: run scripts/install-system-packages.sh"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI installs it: `make test` runs that script)")
        pytest.skip(message)


@pytest.fixture(scope="session")
def nginx(built_site):
    """The built site through deploy/nginx.conf: the base URL (.http_port, .brotli)."""
    require_nginx()
    with local_nginx.serve(built_site) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.fail("Debian's chromium is not installed: run scripts/install-system-packages.sh")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=local_nginx.CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page_factory(browser):
    """New isolated browser contexts (fresh storage) with a given locale."""
    contexts = []

    def make(locale: str = "sv-FI", **kwargs):
        ctx = browser.new_context(locale=locale, **kwargs)
        contexts.append(ctx)
        return ctx.new_page()

    yield make
    for ctx in contexts:
        ctx.close()


@pytest.fixture(scope="session")
def sweep(request, built_site, config, browser) -> sweep_module.Sweep:
    """Every page loaded once, with what the every-page tests check (tests/sweep.py).

    Through deploy/nginx.conf when nginx is installed (the CSP tests need its headers),
    otherwise through the plain loopback server (and the CSP tests fail or skip).
    """
    through_nginx = local_nginx.binary() is not None
    base = request.getfixturevalue("nginx" if through_nginx else "server")
    return sweep_module.Sweep(browser, base, built_site, config, through_nginx)


def xdist_scope(nodeid: str) -> str:
    """The unit pytest-xdist's --dist loadscope keeps in one worker: the class, or else the
    module (as xdist's LoadScopeScheduling splits node ids; tests/test_work_order.py)."""
    return nodeid.rsplit("::", 1)[0]


def pytest_collection_modifyitems(config, items):
    """Mark every test that starts Chromium `browser`, so `-m "not browser"` leaves them out.

    Then the order in which the two workers take the work (pytest.ini turns xdist's own
    reordering off): first the tests marked slow, which build a copy of the repository and
    need no real site, so one worker starts on them while the other builds the real site
    (built_site) instead of waiting for it; then the rest as xdist would order it, the
    scopes with the most tests first."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
    sizes = collections.Counter(xdist_scope(item.nodeid) for item in items)
    items.sort(key=lambda item: (item.get_closest_marker("slow") is None, -sizes[xdist_scope(item.nodeid)]))


@pytest.fixture
def law_site(tmp_path) -> Path:
    """A small site citing a small statute book (tests/law_fixture.py): the citation check
    and the law-changes command run on it."""
    return law_fixture.make_site(tmp_path)
