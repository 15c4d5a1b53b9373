"""Deploys without a broken moment (scripts/deploy.py, scripts/post_deploy_check.py).

A real nginx runs deploy/nginx.conf on loopback over a release layout in a tmp folder
(scripts/local_nginx.py, `serve(live=BASE)`: root BASE/current/site, the maps a symlink
to BASE/current/site-maps.conf), as the current user; a deploy's "reload" is
`nginx -s reload`, a signal to this test's nginx master. A bounded loop of requests
(pages and their assets, several threads, loopback only) runs while the site is deployed
twice and rolled back once: no request may fail, and every page's assets must be those
of the release the page came from. A deploy without a real address, a failing build
and failing checks deploy nothing; a release that fails the post-deploy check is
rolled back.

The releases are the session's build (tests/conftest.py) with its placeholder address
replaced by ADDRESS, as SITE_URL=ADDRESS would build it, and copies of it in which every
hashed asset has another name and content, as a new build with changed CSS and scripts
has; so a page shows by its asset names which release it came from.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import re
import shlex
import shutil
import threading
import time
from pathlib import Path

import pytest

import deploy
import local_nginx
import post_deploy_check
from conftest import CONFIG, require_nginx

ROOT = Path(__file__).resolve().parent.parent
ADDRESS = "https://lastensuojelu.test/"
HOST = "lastensuojelu.test"
TEXT = {".html", ".xml", ".json", ".js", ".css", ".txt"}
# the request loop: a fixed list of pages, with their assets
PAGES = ["/", "/fi/", "/en/", "/ar/", "/aftercare/", "/fi/aftercare/", "/en/aftercare/", "/uk/aftercare/",
         "/help-and-contacts/", "/fi/glossary/", "/en/child-welfare-notification/", "/so/"]
THREADS = 4
PAUSE = 0.02          # seconds each thread waits after a page and its assets: a steady load, not a flood
MIN_REQUESTS = 2000   # the loop runs at least this many, while the deploys run ...
MAX_REQUESTS = 20000  # ... and never more than this many,
MAX_SECONDS = 120     # or this long


# ---------------------------------------------------------------- releases to deploy

def _rewrite(site: Path, old: bytes, new: bytes) -> None:
    for path in site.rglob("*"):
        if path.suffix in TEXT and path.is_file():
            data = path.read_bytes()
            if old in data:
                path.write_bytes(data.replace(old, new))


@pytest.fixture(scope="module")
def release_site(built_site, tmp_path_factory) -> Path:
    """The session's build, for ADDRESS."""
    out = tmp_path_factory.mktemp("deploy") / "site"
    shutil.copytree(built_site, out)
    _rewrite(out, CONFIG.site_url.encode(), ADDRESS.encode())
    return out


def new_build(site: Path, tag: str, out: Path) -> Path:
    """site as a new build with changed assets: each hashed asset renamed and changed."""
    shutil.copytree(site, out)
    renamed = {}
    for path in sorted(out.rglob("*")):
        if path.suffix in (".br", ".gz") and deploy.HASHED.search(path.name):
            path.unlink()  # the build's compressed copies of the old content: nginx compresses the new
            continue
        if deploy.HASHED.search(path.name):
            old_hash = re.search(r"\.([0-9a-f]{8})(?=(?:\.min)?\.(?:js|css)$)", path.name).group(1)
            new_name = path.name.replace(old_hash, hashlib.sha256(f"{tag}{path.name}".encode()).hexdigest()[:8])
            path.rename(path.with_name(new_name))
            path.with_name(new_name).write_bytes(path.with_name(new_name).read_bytes() + f"\n/* {tag} */\n".encode())
            renamed[path.name] = new_name
    for path in out.rglob("*"):
        if path.suffix in TEXT and path.is_file():
            text = data = path.read_text(encoding="utf-8")
            for old, new in renamed.items():
                text = text.replace(old, new)
            if text != data:
                path.write_text(text, encoding="utf-8")
    return out


class Live:
    """The test's nginx over BASE, and how scripts/deploy.py reaches it."""

    def __init__(self, base: Path, url: local_nginx.Served):
        self.base, self.url = base, url

    def args(self, command: str, *more: str) -> list[str]:
        return [command, "--base", str(self.base), "--nginx", shlex.join(self.url.command),
                "--server-conf", str(self.url.prefix / "conf" / "sites-enabled" / "lastensuojelu.conf"),
                "--check-url", str(self.url), "--keep", "3", *more]


@pytest.fixture(scope="module")
def live(release_site, tmp_path_factory):
    """nginx serving BASE/current, which the server had before these tests: release_site."""
    require_nginx()
    base = tmp_path_factory.mktemp("srv") / "lastensuojelu"
    first = base / "releases" / "00000000T000000.000000Z-first"
    shutil.copytree(release_site, first / "site")
    (first / "site-maps.conf").write_text(deploy.nginx_maps.from_site(first / "site"), encoding="utf-8")
    deploy.switch(base, first)
    with local_nginx.serve(live=base, server_name=HOST) as url:
        yield Live(base, url)


@pytest.fixture
def site_url(monkeypatch):
    monkeypatch.setenv("SITE_URL", ADDRESS)


@pytest.fixture
def no_checks(monkeypatch):
    """Deploys without the checks: they have their own tests, and
    test_failing_checks_deploy_nothing runs them all in a deploy; here they would tie the
    deploy's mechanics to the state of the content, and take most of the time."""
    monkeypatch.setattr(deploy.checks, "SOURCE_CHECKS", ())
    monkeypatch.setattr(deploy.checks, "SITE_CHECKS", ())


# ---------------------------------------------------------------- the request loop

class RequestLoop:
    """Threads that GET the pages of PAGES and each page's assets, one connection a request,
    and note every failure: a status other than 200, a page of no release, or an asset
    that is not the one of the page's release."""

    def __init__(self, url: str, builds: dict[str, Path]):
        self.url, self.builds = url, builds
        self.requests, self.failures, self.seen = 0, [], set()
        self.done = threading.Event()
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self.run, args=(n,)) for n in range(THREADS)]
        self.started = time.monotonic()

    def start(self) -> "RequestLoop":
        for thread in self.threads:
            thread.start()
        return self

    def stop(self) -> None:
        self.done.set()
        for thread in self.threads:
            thread.join()

    def more(self) -> bool:
        elapsed = time.monotonic() - self.started
        return (not self.done.is_set() or self.requests < MIN_REQUESTS) \
            and self.requests < MAX_REQUESTS and elapsed < MAX_SECONDS

    def get(self, path: str) -> post_deploy_check.Response | None:
        with self.lock:
            self.requests += 1
        try:
            resp = post_deploy_check.get(self.url, path)
        except OSError as e:
            self.fail(f"{path}: {e!r}")
            return None
        if resp.status != 200:
            self.fail(f"{path}: status {resp.status}")
            return None
        return resp

    def fail(self, message: str) -> None:
        with self.lock:
            self.failures.append(message)

    def run(self, n: int) -> None:
        i = n
        while self.more():
            page = PAGES[i % len(PAGES)]
            i += 1
            resp = self.get(page)
            if resp is None:
                continue
            tag = next((t for t, site in self.builds.items()
                        if post_deploy_check.file_for(site, page).read_bytes() == resp.body), None)
            if tag is None:
                self.fail(f"{page}: a page of no release")
                continue
            with self.lock:
                self.seen.add(tag)
            for asset in post_deploy_check.assets_of(page, resp.body):
                got = self.get(asset)
                if got is not None and got.body != post_deploy_check.file_for(self.builds[tag], asset).read_bytes():
                    self.fail(f"{page} of release {tag}: {asset} is not that release's file")
            time.sleep(PAUSE)


# ---------------------------------------------------------------- tests

def test_two_deploys_and_a_rollback_under_load_lose_no_request(live, release_site, site_url, no_checks,
                                                               tmp_path, capsys):
    before = deploy.current(live.base)
    builds = {"first": release_site,
              "second": new_build(release_site, "second", tmp_path / "second"),
              "third": new_build(release_site, "third", tmp_path / "third")}
    loop = RequestLoop(live.url, builds).start()
    try:
        while loop.requests < 200 and not loop.failures:
            time.sleep(0.05)
        assert deploy.main(live.args("deploy", "--site", str(builds["second"]))) == 0, capsys.readouterr()
        second = deploy.current(live.base)
        time.sleep(0.3)
        assert deploy.main(live.args("deploy", "--site", str(builds["third"]))) == 0, capsys.readouterr()
        third = deploy.current(live.base)
        time.sleep(0.3)
        assert deploy.main(live.args("rollback")) == 0, capsys.readouterr()
        time.sleep(0.3)
    finally:
        loop.stop()
    assert loop.failures == [], f"{len(loop.failures)} of {loop.requests} requests failed: {loop.failures[:5]}"
    assert loop.requests >= MIN_REQUESTS, f"{loop.requests} requests in {time.monotonic() - loop.started:.0f} s"
    assert loop.seen == {"first", "second", "third"}, "the loop did not see every release"
    assert len({before, second, third}) == 3
    assert deploy.current(live.base) == second, "the rollback goes to the release before"
    assert (live.base / "current").is_symlink()
    out = capsys.readouterr().out
    assert f"rolled back: {third.name} -> {second.name}" in out
    assert (live.base / "releases" / f".rolled-back-{third.name}").is_dir(), "no later rollback may return to it"
    assert third not in deploy.releases(live.base)
    # a page loaded from any of the three before a switch still gets its assets
    for tag, site in builds.items():
        for asset in post_deploy_check.assets_of("/", (site / "index.html").read_bytes()):
            assert post_deploy_check.get(live.url, asset).status == 200, f"{tag}: {asset}"


def test_a_release_that_fails_the_post_deploy_check_is_rolled_back(live, release_site, site_url, no_checks,
                                                                   tmp_path, capsys):
    before = deploy.current(live.base)
    broken = new_build(release_site, "broken", tmp_path / "broken")
    (broken / "fi" / "404.html").unlink()  # the Finnish 404 page lost: nginx gives the Swedish one
    aside = set((live.base / "releases").glob(".*"))
    assert deploy.main(live.args("deploy", "--site", str(broken))) == 1
    err = capsys.readouterr().err
    assert f"the post-deploy check of {live.url} failed; rolled back to {before.name}" in err
    assert "/fi/deploy-check-no-such-page/: not the fi 404 page of this release" in err
    assert deploy.current(live.base) == before
    assert post_deploy_check.check(live.url, before / "site") == []
    failed = [p for p in (live.base / "releases").iterdir() if p.name.startswith(".failed-") and p not in aside]
    assert len(failed) == 1 and not (failed[0] / "site" / "fi" / "404.html").exists()
    assert deploy.previous(live.base) not in failed


def test_a_release_that_loses_a_published_address_is_rolled_back_and_the_old_one_checked(
        live, release_site, site_url, no_checks, tmp_path, capsys):
    """No check before the switch (no_checks): the live check finds the short address gone."""
    before = deploy.current(live.base)
    lost = new_build(release_site, "lost", tmp_path / "lost")
    redirects = json.loads((lost / "redirects.json").read_text(encoding="utf-8"))
    del redirects["/fi/jalkihuolto/"]
    (lost / "redirects.json").write_text(json.dumps(redirects), encoding="utf-8")
    shutil.rmtree(lost / "fi" / "jalkihuolto")
    assert deploy.main(live.args("deploy", "--site", str(lost))) == 1
    err = capsys.readouterr().err
    assert f"the post-deploy check of {live.url} failed; rolled back to {before.name}" in err
    assert "/fi/jalkihuolto/: published, but this release has no redirect for it (404 to nowhere)" in err
    assert err.rstrip().endswith("the release rolled back to passes the check")
    assert deploy.current(live.base) == before


def test_rollback_and_check_need_no_site_url(live, tmp_path, monkeypatch, capsys):
    """The live release says the address it was built for (release.json)."""
    monkeypatch.delenv("SITE_URL", raising=False)
    base = tmp_path / "srv"
    release = base / "releases" / "r1"
    shutil.copytree(deploy.current(live.base) / "site", release / "site")
    args = live.args("check")
    args[args.index("--base") + 1] = str(base)
    deploy.switch(base, release)
    assert deploy.main(args) == 1
    assert f"{base}: the live release does not say its address (release.json): give SITE_URL=https://<host>/" \
        in capsys.readouterr().err
    (release / deploy.RELEASE).write_text(json.dumps({"site_url": ADDRESS}), encoding="utf-8")
    assert deploy.main(args) == 0, capsys.readouterr().err
    assert f"post-deploy check of {live.url} (r1): ok" in capsys.readouterr().out


def test_a_failing_build_deploys_nothing(live, site_url, no_checks, tmp_path, capsys):
    before, releases = deploy.current(live.base), deploy.releases(live.base)
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Broken\ndocs_dir: no-such-folder\n", encoding="utf-8")
    assert deploy.main(live.args("deploy", "--mkdocs-config", str(config))) == 1
    err = capsys.readouterr().err
    assert "nothing deployed: the build failed" in err
    assert "no-such-folder" in err
    assert deploy.current(live.base) == before and deploy.releases(live.base) == releases
    assert not [p for p in (live.base / "releases").iterdir() if p.name.startswith(".new-")]


def test_failing_checks_deploy_nothing(live, release_site, site_url, tmp_path, capsys):
    before, releases = deploy.current(live.base), deploy.releases(live.base)
    broken = tmp_path / "site"
    shutil.copytree(release_site, broken)
    page = broken / "fi" / "aftercare" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</main>", '<a href="../no-such-page/">x</a></main>'),
                    encoding="utf-8")
    assert deploy.main(live.args("deploy", "--site", str(broken))) == 1
    err = capsys.readouterr().err
    # every check ran (those of docs/ while the site was copied) and check_links.py stopped it
    assert re.search(r"nothing deployed: .*scripts/check_links\.py failed", err), err
    assert "--- scripts/check_links.py:\n" in err and "fi/aftercare/index.html" in err and "no-such-page" in err
    assert "scripts/check_links.py" in deploy.checks.SITE_CHECKS  # the list `make check` runs
    assert deploy.current(live.base) == before and deploy.releases(live.base) == releases


@pytest.mark.parametrize("value, complaint", [
    (None, "SITE_URL is not set: a deploy needs the site's real address"),
    ("https://lastensuojelu.example.org/", "lastensuojelu.example.org is a placeholder (mkdocs.yml's default for "
                                          "development builds, or a reserved name), not the site's real address"),
    ("https://www.example.com/", "www.example.com is a placeholder"),
    ("http://lastensuojelu.test/", "SITE_URL=http://lastensuojelu.test/: must start with https://"),
    ("https://lastensuojelu.test/portal/", "SITE_URL=https://lastensuojelu.test/portal/: has the path /portal/: the "
                                          "site is served at the root of its host"),
    ("https://lastensuojelu.test/?x=1", "has a query: give the host only"),
])
def test_a_deploy_without_a_real_address_is_refused(monkeypatch, tmp_path, capsys, value, complaint):
    if value is None:
        monkeypatch.delenv("SITE_URL", raising=False)
    else:
        monkeypatch.setenv("SITE_URL", value)
    base = tmp_path / "srv"
    assert deploy.main(["deploy", "--base", str(base), "--server-conf", str(ROOT / "deploy" / "nginx.conf")]) == 1
    assert complaint in capsys.readouterr().err
    assert not base.exists(), "nothing may be built or written"


def test_a_deploy_is_refused_when_nginx_serves_another_host(site_url, tmp_path, capsys):
    base = tmp_path / "srv"
    assert deploy.main(["deploy", "--base", str(base), "--server-conf", str(ROOT / "deploy" / "nginx.conf")]) == 1
    assert ("server_name lastensuojelu.example.org is not SITE_URL's host "
            "lastensuojelu.test: set the lines marked HOST") in capsys.readouterr().err
    assert not base.exists()


def _release(base: Path, name: str, files: dict[str, str], carried: dict[str, str] | None = None) -> Path:
    release = base / "releases" / name
    for path, text in files.items():
        (release / "site" / path).parent.mkdir(parents=True, exist_ok=True)
        (release / "site" / path).write_text(text, encoding="utf-8")
    if carried is not None:
        (release / deploy.CARRIED).write_text(json.dumps(carried), encoding="utf-8")
    return release


def test_hashed_assets_of_the_live_release_are_kept_for_a_set_time(tmp_path):
    now = deploy.dt.datetime(2026, 11, 30, 6, 0, tzinfo=deploy.dt.timezone.utc)
    old = _release(tmp_path, "a", {"assets/site.1111aaaa.css": "live", "assets/site.2222bbbb.css": "8 days",
                                   "assets/site.3333cccc.js": "2 days", "assets/site.css": "unhashed",
                                   "index.html": "page"},
                   carried={"assets/site.2222bbbb.css": "2026-11-22T06:00:00+00:00",
                            "assets/site.3333cccc.js": "2026-11-28T06:00:00+00:00"})
    new = _release(tmp_path, "b", {"assets/site.4444dddd.css": "new", "index.html": "new page"})
    assert deploy.carry_assets(old, new, days=7, now=now) == 2
    assert sorted(p.relative_to(new / "site").as_posix() for p in (new / "site").rglob("*.*")) == [
        "assets/site.1111aaaa.css", "assets/site.3333cccc.js", "assets/site.4444dddd.css", "index.html"]
    assert json.loads((new / deploy.CARRIED).read_text()) == {
        "assets/site.1111aaaa.css": "2026-11-30T06:00:00+00:00", "assets/site.3333cccc.js": "2026-11-28T06:00:00+00:00"}
    assert (new / "site" / "index.html").read_text() == "new page"


def test_old_releases_are_pruned_but_never_the_current_or_the_one_before(tmp_path, capsys):
    names = ["r1", "r2", "r3", "r4", "r5"]
    for name in names:
        _release(tmp_path, name, {"index.html": name})
    for name in [".failed-r0", ".rolled-back-r3", ".failed-r6", ".new-r7"]:
        _release(tmp_path, name, {"index.html": name})
    deploy.switch(tmp_path, tmp_path / "releases" / "r2")  # after a rollback
    assert deploy.previous(tmp_path).name == "r1"
    deploy.prune(tmp_path, keep=2)
    assert [r.name for r in deploy.releases(tmp_path)] == ["r1", "r2", "r4", "r5"]
    assert deploy.current(tmp_path).name == "r2"
    assert sorted(p.name for p in (tmp_path / "releases").glob(".*")) == [".failed-r6", ".rolled-back-r3"]
    assert capsys.readouterr().out == "deploy: removed the old release r3\n"


def test_a_rollback_needs_an_earlier_release(tmp_path):
    _release(tmp_path, "r1", {"index.html": "r1"})
    deploy.switch(tmp_path, tmp_path / "releases" / "r1")
    with pytest.raises(deploy.DeployError, match="no earlier release to roll back to"):
        deploy.rollback(tmp_path, deploy.Server("false"), None, 7)


def test_the_post_deploy_check_names_each_problem(live, tmp_path):
    """The live server against a release that says otherwise: each difference is named."""
    expected = tmp_path / "site"
    shutil.copytree(deploy.current(live.base) / "site", expected)
    assert post_deploy_check.check(live.url, expected) == []
    page = expected / "en" / "index.html"
    page.write_bytes(page.read_bytes().replace(b"</body>", b"<!-- another release --></body>"))
    redirects = json.loads((expected / "redirects.json").read_text(encoding="utf-8"))
    old, new = sorted(redirects.items())[0]
    redirects[old] = "/fi/"
    (expected / "redirects.json").write_text(json.dumps(redirects), encoding="utf-8")
    (expected / "uk" / "404.html").write_text("<html lang=\"uk\">", encoding="utf-8")
    stale = expected / "ru" / "placement" / "index.html"  # a fallback page: no sample would have had it
    stale.write_bytes(stale.read_bytes().replace(b"</body>", b"<!-- changed in this release --></body>"))
    assert post_deploy_check.check(live.url, expected) == [
        f"/en/: the server sent a different page than this release's {expected}/en/index.html",
        f"/ru/placement/: the server sent a different page than this release's {expected}/ru/placement/index.html",
        f"{old}: 301 to {new}, expected 301 to /fi/",
        f"/uk/deploy-check-no-such-page/: not the uk 404 page of this release ({expected}/uk/404.html)",
    ]


def test_the_post_deploy_check_requests_every_published_address(live, tmp_path):
    """The release's ledger: a short address the server does not redirect, a page it does
    not serve and a section id not on its page are each named."""
    site = deploy.current(live.base) / "site"
    ledger = tmp_path / "published-addresses.yml"
    ledger.write_text("pages:\n- /fi/aftercare/\n- /fi/no-such-page/\nsections:\n- /fi/aftercare/#who-is-entitled\n"
                      "- /fi/aftercare/#no-such-section\naliases:\n- /fi/jalkihuolto/\n- /fi/ei-lyhytta/\n",
                      encoding="utf-8")
    problems = post_deploy_check.check(live.url, site, ledger)
    assert problems == [
        "/fi/ei-lyhytta/: published, but this release has no redirect for it (404 to nowhere)",
        "/fi/no-such-page/: published, but this release has no such page",
        "/fi/aftercare/#no-such-section: published, but #no-such-section is not on the page in this release",
    ]


def test_the_post_deploy_check_wants_the_security_headers():
    headers = http.client.HTTPMessage()
    headers["Strict-Transport-Security"] = "max-age=31536000"
    headers["Content-Security-Policy"] = "script-src 'self'"
    resp = post_deploy_check.Response(200, headers, b"")
    assert post_deploy_check.header_problems("/fi/", resp, document=True) == [
        "/fi/: no X-Content-Type-Options header", "/fi/: no Referrer-Policy header",
        "/fi/: no Permissions-Policy header", "/fi/: no Cross-Origin-Opener-Policy header",
        "/fi/: Content-Security-Policy without default-src 'self': \"script-src 'self'\""]
    assert post_deploy_check.header_problems("/a.css", resp, document=False) == [
        "/a.css: no X-Content-Type-Options header", "/a.css: no Referrer-Policy header"]


def test_nginx_refusing_the_release_keeps_the_live_one(live, release_site, site_url, no_checks, tmp_path, capsys):
    before = deploy.current(live.base)
    args = live.args("deploy", "--site", str(release_site))
    args[args.index("--nginx") + 1] = "false"  # `false -t -q`: as nginx -t refusing the configuration
    assert deploy.main(args) == 1
    err = capsys.readouterr().err
    assert re.search(r"nginx refuses the configuration with release \S+:\nfalse -t -q: exit code 1\n", err), err
    assert f"still serving {before.name}" in err
    assert deploy.current(live.base) == before
    assert post_deploy_check.check(live.url, before / "site") == []


def test_maps_that_nginx_would_refuse_deploy_nothing(live, release_site, site_url, no_checks, tmp_path, capsys):
    before, releases = deploy.current(live.base), deploy.releases(live.base)
    site = tmp_path / "site"
    shutil.copytree(release_site, site)
    (site / "redirects.json").write_text('{"/fi/old page/": "/fi/"}', encoding="utf-8")
    assert deploy.main(live.args("deploy", "--site", str(site))) == 1
    err = capsys.readouterr().err
    assert "nothing deployed: the nginx maps:\n" in err and 'entry "/fi/old page/"' in err
    assert deploy.current(live.base) == before and deploy.releases(live.base) == releases
