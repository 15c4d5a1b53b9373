"""Shared fixtures: a fresh build of the real site, a local HTTP server, a browser."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

from portal import site_config

CONFIG = site_config.load(ROOT / "mkdocs.yml")


def build_site(site_dir: Path, docs_dir: Path | None = None) -> subprocess.CompletedProcess:
    """Run `mkdocs build` into site_dir; with docs_dir, on other content (a fixture).

    A fixture build inherits mkdocs.yml through a temporary config next to it, so the
    hooks and overrides resolve exactly as in the real build.
    """
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    config = ROOT / "mkdocs.yml"
    temp = None
    if docs_dir is not None:
        temp = ROOT / f".mkdocs-test-{uuid.uuid4().hex[:8]}.yml"
        temp.write_text(f"INHERIT: mkdocs.yml\ndocs_dir: {docs_dir}\n", encoding="utf-8")
        config = temp
    try:
        return subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site_dir)],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
        )
    finally:
        if temp is not None:
            temp.unlink()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test session."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = build_site(out)
    assert result.returncode == 0, f"the real site does not build:\n{result.stdout}\n{result.stderr}"
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


@pytest.fixture(scope="session")
def browser():
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.fail("Debian's chromium is not installed: run scripts/install-system-packages.sh")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=chromium,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
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
