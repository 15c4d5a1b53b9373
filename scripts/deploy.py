#!/usr/bin/env python3
"""Deploy the site as atomic releases, roll back in one step, check the live site.

Usage (deploy/README.md):
    SITE_URL=https://HOST/ deploy.py deploy [--site BUILT_SITE]
    deploy.py rollback          (the live release's address; SITE_URL may name it)
    deploy.py check

deploy    refuses without a real SITE_URL whose host is the server_name of the installed
          nginx site; builds (or takes --site, a site built by CI from this commit for
          this SITE_URL) and runs every check; writes the release's nginx maps and tests
          them with `nginx -t`; keeps the hashed assets of the live release for
          --asset-days; switches BASE/current in one rename; `nginx -t`, reload; checks
          the live site (scripts/post_deploy_check.py) and rolls back if it fails; prunes
          old releases, keeping --keep. Nothing changes if any step before the switch fails.
rollback  switches back to the release before the current one, the same way, and checks.
check     runs the post-deploy check against the live site and the current release.

Layout under BASE (--base, $DEPLOY_BASE, default /srv/lastensuojelu):
    releases/<id>/site/                the built site of that release
    releases/<id>/site-maps.conf       its nginx maps (scripts/nginx_maps.py)
    releases/<id>/carried-assets.json  hashed assets of earlier releases kept in it, and when
                                       they left the live site
    releases/<id>/published-addresses.yml
                                       the ledger of published addresses of its commit: the
                                       post-deploy check requests every one
    releases/<id>/release.json         the SITE_URL it was built for (rollback and check use it)
    releases/.failed-<id>/, .rolled-back-<id>/
                                       releases that failed or were rolled back: never a
                                       rollback's target; kept for a look until pruned
    current -> releases/<id>           what nginx serves: root BASE/current/site, and the
                                       maps snippet is a symlink to BASE/current/site-maps.conf
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import fcntl
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import local_nginx
import nginx_maps
import post_deploy_check

from portal import checks, published

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = "https://lastensuojelu.example.org/"  # mkdocs.yml's default: development builds only
# Reserved names that are never a real address (RFC 2606, RFC 6761)
NOT_REAL = re.compile(r"(^|\.)(example\.(org|com|net)|example|invalid|localhost)$")
# as deploy/nginx.conf caches for a year, with their compressed copies (hooks/precompress.py)
HASHED = re.compile(r"\.[0-9a-f]{8}(?:\.min)?\.(?:js|css)(?:\.br|\.gz)?$")
CARRIED = "carried-assets.json"
RELEASE = "release.json"  # the address the release was built for: a rollback needs no SITE_URL


class DeployError(Exception):
    pass


def say(message: str) -> None:
    print(f"deploy: {message}", flush=True)


# ---------------------------------------------------------------- the address

def site_address(value: str | None) -> str:
    """SITE_URL, refused unless it is a real https address at the root of a host; the
    refusal says what is wrong with it."""
    if not value:
        raise DeployError("SITE_URL is not set: a deploy needs the site's real address, like "
                          "SITE_URL=https://lastensuojelu.fi/ (canonical links, hreflang, the sitemap, the QR "
                          "codes and the links-for-letters page are built from it)")
    url = urlsplit(value)
    example = "like https://lastensuojelu.fi/"
    if url.scheme != "https":
        raise DeployError(f"SITE_URL={value}: must start with https:// (the server sends every http request "
                          f"to https, and the addresses in letters and QR codes must be the final ones), {example}")
    if not url.hostname:
        raise DeployError(f"SITE_URL={value}: has no host name, {example}")
    if url.path not in ("", "/"):
        raise DeployError(f"SITE_URL={value}: has the path {url.path}: the site is served at the root of its host "
                          f"(deploy/nginx.conf), so give the host only, {example}")
    if url.query or url.fragment:
        raise DeployError(f"SITE_URL={value}: has a {'query' if url.query else 'fragment'}: give the host only, "
                          f"{example}")
    if NOT_REAL.search(url.hostname):
        raise DeployError(f"SITE_URL={value}: {url.hostname} is a placeholder (mkdocs.yml's default for "
                          f"development builds, or a reserved name), not the site's real address")
    return f"https://{url.netloc}/"


def check_server_name(conf: Path, host: str) -> None:
    """Every server_name line of the installed nginx site must name SITE_URL's host."""
    try:
        text = conf.read_text(encoding="utf-8")
    except OSError as e:
        raise DeployError(f"{conf}: cannot read the nginx site ({e.strerror}); install deploy/nginx.conf "
                          f"there (deploy/README.md) or name it with --server-conf") from None
    names = re.findall(r"(?m)^[ \t]*server_name[ \t]+([^;#\n]+);", text)
    wrong = list(dict.fromkeys(line.strip() for line in names if host not in line.split()))
    if not names or wrong:
        raise DeployError(f"{conf}: server_name {', '.join(wrong) or '(none)'} is not SITE_URL's host {host}: "
                          f"set the lines marked HOST")


# ---------------------------------------------------------------- build and checks

def build_and_check(site: Path, site_url: str, prebuilt: Path | None, mkdocs_config: Path) -> None:
    """Build into site (or copy prebuilt there) and run every check, as `make check` does
    (portal/checks.py); DeployError names each failure with what it printed."""
    if prebuilt is not None:
        say(f"taking the built site {prebuilt}")
    else:
        say(f"building for {site_url}")
    outcome = checks.run(ROOT, mkdocs_config, site, site_url=site_url, prebuilt=prebuilt)
    if not outcome.ok:
        details = "\n".join(f"--- {name}:\n{outcome.output[name].strip()}" for name in outcome.failed)
        raise DeployError(f"nothing deployed: {', '.join(outcome.failed)} failed\n{details}")


def write_maps(release: Path) -> None:
    """The release's nginx maps, tested with `nginx -t` in deploy/nginx.conf before any switch."""
    try:
        (release / "site-maps.conf").write_text(nginx_maps.from_site(release / "site"), encoding="utf-8")
    except nginx_maps.MapsError as e:
        raise DeployError(f"nothing deployed: the nginx maps:\n{e}") from None
    nginx = local_nginx.binary()
    if nginx is None:
        raise DeployError("nothing deployed: nginx is not installed here, so the maps cannot be tested")
    with tempfile.TemporaryDirectory(prefix="deploy-nginx-") as tmp:
        main = local_nginx.configure(Path(tmp), release / "site", port=8080, http_port=8081,
                                     brotli=local_nginx.brotli_available())
        test = subprocess.run([nginx, "-t", "-q", "-p", tmp, "-e", f"{tmp}/logs/error.log", "-c", str(main)],
                              capture_output=True, text=True)
    if test.returncode != 0:
        raise DeployError(f"nothing deployed: nginx refuses the release's maps:\n{test.stderr}")


# ---------------------------------------------------------------- releases

def releases(base: Path) -> list[Path]:
    folder = base / "releases"
    return sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")) \
        if folder.is_dir() else []


def current(base: Path) -> Path | None:
    link = base / "current"
    return base / "releases" / Path(os.readlink(link)).name if link.is_symlink() else None


def previous(base: Path) -> Path | None:
    """The newest release older than the current one: where a rollback goes."""
    live = current(base)
    older = [r for r in releases(base) if live is not None and r.name < live.name]
    return older[-1] if older else None


def switch(base: Path, release: Path | None) -> None:
    """Point BASE/current at release in one step: a new symlink renamed over the old one."""
    link = base / "current"
    if release is None:
        link.unlink(missing_ok=True)
        return
    temp = base / f".current-{os.getpid()}"
    temp.unlink(missing_ok=True)
    temp.symlink_to(Path("releases") / release.name)
    os.replace(temp, link)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def carry_assets(source: Path, target: Path, days: float, now: dt.datetime | None = None) -> int:
    """Keep in target the hashed assets that source serves and target lacks, so that a page of
    source loaded before the switch still gets its stylesheet and scripts: source's own ones,
    and those it carries that left the live site less than `days` ago. Returns how many."""
    now = now or _now()
    before = _read_carried(source)
    kept = _read_carried(target)
    count = 0
    for path in sorted((source / "site").rglob("*")):
        if not (HASHED.search(path.name) and path.is_file()):
            continue
        name = path.relative_to(source / "site").as_posix()
        dest = target / "site" / name
        retired = before.get(name, now.isoformat())
        if dest.exists() or now - dt.datetime.fromisoformat(retired) > dt.timedelta(days=days):
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(path, dest)  # the files never change: one copy on disk
        except OSError:
            shutil.copy2(path, dest)
        kept[name] = retired
        count += 1
    (target / CARRIED).write_text(json.dumps(kept, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return count


def _read_carried(release: Path) -> dict[str, str]:
    path = release / CARRIED
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def set_aside(release: Path, why: str) -> None:
    """Take a release that is no longer live out of the releases a rollback may go to
    (releases/.failed-<id>, .rolled-back-<id>): kept for a look until prune."""
    release.rename(release.with_name(f".{why}-{release.name}"))


def prune(base: Path, keep: int) -> None:
    """Remove the oldest releases beyond `keep`, never the current one or the one before it;
    the releases set aside beyond `keep`; any unfinished .new- directory."""
    spared = {current(base), previous(base)}
    for old in releases(base)[:-keep] if keep > 0 else []:
        if old not in spared:
            shutil.rmtree(old)
            say(f"removed the old release {old.name}")
    hidden = [p for p in (base / "releases").iterdir() if p.is_dir() and p.name.startswith(".")]
    aside = sorted((p for p in hidden if not p.name.startswith(".new-")),
                   key=lambda p: re.sub(r"^\.(failed|rolled-back)-", "", p.name))
    for old in [p for p in hidden if p.name.startswith(".new-")] + aside[:-keep if keep > 0 else None]:
        shutil.rmtree(old)


def new_release_id() -> str:
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S.%fZ")
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    return f"{stamp}-{commit}" if commit else stamp


# ---------------------------------------------------------------- nginx and the live check

class Server:
    """The live nginx: `CMD -t` and `CMD -s reload` (--nginx "sudo nginx" on a server)."""

    def __init__(self, command: str):
        self.command = shlex.split(command)

    def test(self) -> str | None:
        """None if nginx accepts its configuration, else why not."""
        done = subprocess.run([*self.command, "-t", "-q"], capture_output=True, text=True)
        return None if done.returncode == 0 else _why(done)

    def reload(self) -> None:
        done = subprocess.run([*self.command, "-s", "reload"], capture_output=True, text=True)
        if done.returncode != 0:
            raise DeployError(f"nginx reload failed: {_why(done)}")
        time.sleep(0.5)  # the master starts new workers; old ones finish their requests


def _why(done: subprocess.CompletedProcess) -> str:
    return (done.stderr or done.stdout).strip() or f"{shlex.join(done.args)}: exit code {done.returncode}"


def go_live(base: Path, release: Path, server: Server) -> None:
    """Switch current to release, `nginx -t`, reload; if nginx refuses, switch back."""
    before = current(base)
    switch(base, release)
    try:
        refused = server.test()
        if refused:
            raise DeployError(f"nginx refuses the configuration with release {release.name}:\n{refused}")
        server.reload()
    except DeployError as e:
        switch(base, before)
        raise DeployError(f"{e}\nstill serving {before.name if before else 'nothing'}") from None


def live_check(url: str, release: Path) -> list[str]:
    ledger = release / published.LEDGER
    try:
        return post_deploy_check.check(url, release / "site", ledger if ledger.is_file() else None)
    except OSError as e:
        return [f"{url}: no answer: {e}"]


def recorded_address(release: Path | None) -> str | None:
    """The SITE_URL a release was built for (release.json), if it says."""
    path = release / RELEASE if release is not None else None
    return json.loads(path.read_text(encoding="utf-8")).get("site_url") if path and path.is_file() else None


def rollback(base: Path, server: Server, check_url: str | None, days: float) -> Path:
    live, target = current(base), previous(base)
    if live is None or target is None:
        raise DeployError("no earlier release to roll back to")
    carry_assets(live, target, days)  # pages of the release rolled back still get their assets
    go_live(base, target, server)
    set_aside(live, "rolled-back")  # a later rollback must not return to it
    say(f"rolled back: {live.name} -> {target.name}")
    if check_url:
        problems = live_check(check_url, target)
        if problems:
            raise DeployError("the post-deploy check of the release rolled back to failed:\n" + "\n".join(problems))
        say(f"post-deploy check of {check_url}: ok")
    return target


def deploy(base: Path, server: Server, site_url: str, check_url: str, *, prebuilt: Path | None,
           mkdocs_config: Path, keep: int, days: float) -> Path:
    (base / "releases").mkdir(parents=True, exist_ok=True)
    release = base / "releases" / new_release_id()
    staging = base / "releases" / f".new-{release.name}"
    started = time.monotonic()
    try:
        build_and_check(staging / "site", site_url, prebuilt, mkdocs_config)
        write_maps(staging)
        shutil.copy2(ROOT / published.LEDGER, staging / published.LEDGER)
        (staging / RELEASE).write_text(json.dumps({"site_url": site_url}) + "\n", encoding="utf-8")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    say(f"built and checked in {time.monotonic() - started:.1f} s")
    live = current(base)
    if live is not None:
        say(f"kept {carry_assets(live, staging, days)} hashed asset(s) of the live release")
    staging.rename(release)
    try:
        go_live(base, release, server)
    except DeployError:
        set_aside(release, "failed")
        raise
    say(f"live: {release.name}")
    problems = live_check(check_url, release)
    if problems:
        why = "\n".join(problems)
        if live is None:
            raise DeployError(f"the post-deploy check of {check_url} failed, and there is no earlier "
                              f"release to roll back to:\n{why}")
        carry_assets(release, live, days)
        go_live(base, live, server)
        set_aside(release, "failed")
        again = live_check(check_url, live)
        after = ("the release rolled back to passes the check" if not again else
                 "the release rolled back to fails the check too:\n" + "\n".join(again))
        raise DeployError(f"the post-deploy check of {check_url} failed; rolled back to {live.name}:\n{why}\n"
                          f"{after}")
    say(f"post-deploy check of {check_url}: ok")
    prune(base, keep)
    return release


@contextlib.contextmanager
def locked(base: Path):
    """One deploy or rollback at a time."""
    base.mkdir(parents=True, exist_ok=True)
    with open(base / ".lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise DeployError(f"another deploy or rollback is running in {base}") from None
        yield


def main(argv: list[str] | None = None) -> int:
    env = os.environ
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["deploy", "rollback", "check"])
    parser.add_argument("--base", type=Path, default=Path(env.get("DEPLOY_BASE", "/srv/lastensuojelu")),
                        help="where the releases and the current symlink are ($DEPLOY_BASE)")
    parser.add_argument("--nginx", default=env.get("DEPLOY_NGINX", "nginx"),
                        help='the live nginx command, run with -t and -s reload ($DEPLOY_NGINX, e.g. "sudo nginx")')
    parser.add_argument("--server-conf", type=Path,
                        default=Path(env.get("DEPLOY_SERVER_CONF", "/etc/nginx/sites-enabled/lastensuojelu.conf")),
                        help="the installed deploy/nginx.conf, whose server_name must be SITE_URL's host")
    parser.add_argument("--check-url", default=env.get("DEPLOY_CHECK_URL"),
                        help="where the post-deploy check asks ($DEPLOY_CHECK_URL; default SITE_URL)")
    parser.add_argument("--site", type=Path, help="deploy this built site instead of building")
    parser.add_argument("--mkdocs-config", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--keep", type=int, default=int(env.get("DEPLOY_KEEP", 5)),
                        help="releases to keep (default 5)")
    parser.add_argument("--asset-days", type=float, default=float(env.get("DEPLOY_ASSET_DAYS", 7)),
                        help="days the hashed assets of a replaced release stay available (default 7)")
    args = parser.parse_args(argv)
    server = Server(args.nginx)
    try:
        given = env.get("SITE_URL")
        if args.command != "deploy" and not given:  # rollback and check: the live release's own address
            given = recorded_address(current(args.base))
            if not given:
                raise DeployError(f"{args.base}: the live release does not say its address (release.json): "
                                  f"give SITE_URL=https://<host>/")
        site_url = site_address(given)
        check_server_name(args.server_conf, urlsplit(site_url).hostname)
        check_url = args.check_url or site_url
        with locked(args.base):
            if args.command == "deploy":
                deploy(args.base, server, site_url, check_url, prebuilt=args.site,
                       mkdocs_config=args.mkdocs_config, keep=args.keep, days=args.asset_days)
            elif args.command == "rollback":
                rollback(args.base, server, check_url, args.asset_days)
            else:
                live = current(args.base)
                if live is None:
                    raise DeployError(f"{args.base}: no current release")
                problems = live_check(check_url, live)
                if problems:
                    raise DeployError(f"the post-deploy check of {check_url} ({live.name}) failed:\n"
                                      + "\n".join(problems))
                say(f"post-deploy check of {check_url} ({live.name}): ok")
    except DeployError as e:
        print(f"deploy: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
