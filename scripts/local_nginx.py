"""Run the production nginx configuration (deploy/) on loopback, over a built site.

For tests/test_nginx.py and scripts/benchmark.py:

    with local_nginx.serve(site_dir) as base:   # "http://127.0.0.1:PORT/"
        ...

It starts Debian's nginx as the current user, in the foreground, with its own prefix,
logs, pid file and temp dirs in a temporary directory, on a free loopback port, and
stops it on exit. deploy/nginx.conf runs as it is; only the lines a hosting team sets
change: its TLS server listens on the loopback port without TLS (the certificate lines
go), its plain-HTTP server on a second port (`serve(...).http_port`), and root is the
given site. The redirect and language maps are generated from the site's redirects.json
and languages.json with scripts/nginx_maps.py, as on the server.

For tests/test_deploy.py, `serve(live=BASE)` serves a release layout as scripts/deploy.py
makes it on the server: root is BASE/current/site and the maps are a symlink to
BASE/current/site-maps.conf, so switching `current` and reloading (`base.command` +
["-s", "reload"], a signal to this nginx's master) changes the release. The brotli modules are
loaded if Debian's libnginx-mod-http-brotli-filter and -static are installed; otherwise brotli.conf is
left out, as the README tells a host without it.
"""

from __future__ import annotations

import contextlib
import grp
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import nginx_maps

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
SERVER_CONF = DEPLOY / "nginx.conf"
SNIPPETS = DEPLOY / "nginx"
# brotli on the fly, and the .br files the build makes (hooks/precompress.py)
BROTLI_MODULES = (Path("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so"),
                  Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"))
MIME_TYPES = Path("/etc/nginx/mime.types")
BROTLI_INCLUDE = "include snippets/lastensuojelu/brotli.conf;"
# Chromium as the browser tests start it (tests/conftest.py), for the benchmark.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


class NginxError(RuntimeError):
    pass


def binary() -> str | None:
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None)


def brotli_available() -> bool:
    return all(module.is_file() for module in BROTLI_MODULES)


def render_server(text: str, *, port: int, http_port: int, root: Path, brotli: bool,
                  server_name: str | None = None) -> str:
    """deploy/nginx.conf with a hosting team's lines set for a loopback test server
    (and, if given, server_name: a deploy checks that it matches SITE_URL)."""
    counts = {"tls listen": 0, "http listen": 0, "root": 0}

    def line(match: re.Match) -> str:
        indent, directive, rest = match.group(1), match.group(2), match.group(3)
        if directive == "listen":
            if rest.startswith("[::]"):
                return ""  # IPv6 lines: loopback IPv4 only
            if rest.startswith("443"):
                counts["tls listen"] += 1
                return f"{indent}listen 127.0.0.1:{port};\n"
            if rest.startswith("80"):
                counts["http listen"] += 1
                return f"{indent}listen 127.0.0.1:{http_port};\n"
            raise NginxError(f"{SERVER_CONF}: unexpected listen line: listen {rest}")
        if directive in ("ssl_certificate", "ssl_certificate_key"):
            return ""
        counts["root"] += 1
        return f'{indent}root "{root}";\n'

    out = re.sub(r"(?m)^([ \t]*)(listen|ssl_certificate_key|ssl_certificate|root)[ \t]+([^;\n]*);[^\n]*\n",
                 line, text)
    if counts != {"tls listen": 1, "http listen": 1, "root": 1}:
        raise NginxError(f"{SERVER_CONF}: expected one 'listen 443', one 'listen 80' and one 'root' line "
                         f"for scripts/local_nginx.py to replace, found {counts}")
    if server_name:
        out = re.sub(r"(?m)^([ \t]*)server_name[ \t]+[^;\n]*;", rf"\1server_name {server_name};", out)
    if not brotli:
        if BROTLI_INCLUDE not in out:
            raise NginxError(f"{SERVER_CONF}: '{BROTLI_INCLUDE}' not found; update scripts/local_nginx.py")
        out = out.replace(BROTLI_INCLUDE, "# brotli left out: module not installed")
    return out


def main_config(prefix: Path, brotli: bool) -> str:
    """The nginx.conf around the server file, as Debian's /etc/nginx/nginx.conf would be."""
    user = ""
    if os.geteuid() == 0:  # as root, nginx's workers would run as nobody and not read the tmp dir
        user = f"user {pwd.getpwuid(os.getuid()).pw_name} {grp.getgrgid(os.getgid()).gr_name};\n"
    load = "".join(f"load_module {module};\n" for module in BROTLI_MODULES) if brotli else ""
    temp = "".join(f"    {name}_temp_path {prefix / 'temp' / name};\n"
                   for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return (f"{load}{user}daemon off;\nworker_processes 1;\npid {prefix / 'nginx.pid'};\n"
            f"error_log {prefix / 'logs' / 'error.log'} warn;\n"
            f"events {{\n    worker_connections 256;\n}}\n"
            f"http {{\n    include {MIME_TYPES};\n    default_type application/octet-stream;\n"
            f"    sendfile on;\n    access_log {prefix / 'logs' / 'access.log'};\n{temp}"
            f"    include sites-enabled/lastensuojelu.conf;\n}}\n")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_listening(proc: subprocess.Popen, port: int, log: Path, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise NginxError(f"nginx exited with {proc.returncode}:\n{_tail(log)}")
        with socket.socket() as s:
            s.settimeout(0.2)
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise NginxError(f"nginx did not listen on 127.0.0.1:{port} within {timeout} s:\n{_tail(log)}")


def _tail(log: Path) -> str:
    return log.read_text(encoding="utf-8", errors="replace")[-3000:] if log.exists() else "(no error log)"


class Served(str):
    """The base URL ("http://127.0.0.1:PORT/"), with the details of the running server."""
    http_port: int
    prefix: Path
    brotli: bool
    command: list[str]  # nginx with this server's prefix and config: add ["-t"] or ["-s", "reload"]


def configure(prefix: Path, site: Path | None, *, port: int, http_port: int, brotli: bool,
              live: Path | None = None, server_name: str | None = None) -> Path:
    """Write the whole configuration under prefix; returns the main nginx.conf.
    With live (a deploy base directory), serve whatever release BASE/current is."""
    conf = prefix / "conf"
    snippets = conf / "snippets" / "lastensuojelu"
    snippets.mkdir(parents=True, exist_ok=True)
    (conf / "sites-enabled").mkdir(exist_ok=True)
    (prefix / "logs").mkdir(exist_ok=True)
    for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (prefix / "temp" / name).mkdir(parents=True, exist_ok=True)
    for snippet in SNIPPETS.glob("*.conf"):
        shutil.copy(snippet, snippets / snippet.name)
    maps = snippets / "site-maps.conf"
    maps.unlink(missing_ok=True)
    if live is not None:
        root = Path(live).absolute() / "current" / "site"
        maps.symlink_to(Path(live).absolute() / "current" / "site-maps.conf")
    else:
        root = site.resolve()
        maps.write_text(nginx_maps.from_site(site), encoding="utf-8")
    (conf / "sites-enabled" / "lastensuojelu.conf").write_text(
        render_server(SERVER_CONF.read_text(encoding="utf-8"), port=port, http_port=http_port,
                      root=root, brotli=brotli, server_name=server_name), encoding="utf-8")
    main = conf / "nginx.conf"
    main.write_text(main_config(prefix, brotli), encoding="utf-8")
    return main


@contextlib.contextmanager
def serve(site: Path | None = None, *, brotli: bool | None = None, live: Path | None = None,
          server_name: str | None = None):
    """Serve the built site (or, with live, the current release of a deploy base directory)
    through deploy/nginx.conf; yields the base URL (a Served)."""
    nginx = binary()
    if nginx is None:
        raise NginxError("nginx is not installed: run scripts/install-system-packages.sh")
    if not MIME_TYPES.is_file():
        raise NginxError(f"{MIME_TYPES} is missing: install Debian's nginx (scripts/install-system-packages.sh)")
    brotli = brotli_available() if brotli is None else brotli
    site = None if site is None else Path(site)
    with tempfile.TemporaryDirectory(prefix="nginx-") as tmp:
        prefix = Path(tmp)
        os.chmod(prefix, 0o755)
        for attempt in range(3):  # another process may take the free port before nginx does
            port, http_port = _free_port(), _free_port()
            main = configure(prefix, site, port=port, http_port=http_port, brotli=brotli,
                             live=live, server_name=server_name)
            log = prefix / "logs" / "error.log"
            log.unlink(missing_ok=True)
            command = [nginx, "-p", str(prefix), "-e", str(log), "-c", str(main)]
            test = subprocess.run([*command, "-t", "-q"], capture_output=True, text=True)
            if test.returncode != 0:
                raise NginxError(f"nginx refuses the configuration:\n{test.stderr}{_tail(log)}")
            with open(prefix / "logs" / "stderr.log", "ab") as err:
                # its own process group: if it must be killed, its workers go with it
                proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=err, stderr=err,
                                        start_new_session=True)
            try:
                _wait_listening(proc, port, log)
                _wait_listening(proc, http_port, log)
                break
            except NginxError:
                _stop(proc)
                if attempt == 2 or "Address already in use" not in _tail(log):
                    raise
        url = Served(f"http://127.0.0.1:{port}/")
        url.http_port, url.prefix, url.brotli, url.command = http_port, prefix, brotli, command
        try:
            yield url
        finally:
            _stop(proc)


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGQUIT)  # graceful: finish the requests in flight
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def _exit_on_sigterm(signum, frame):
    raise SystemExit(128 + signum)  # unwinds serve(): nginx stopped, temporary folder removed


def seed(base: Path, site: Path) -> None:
    """A first release in an empty deploy base (as a server has after its first deploy):
    a copy of `site` with its maps, and `current` pointing at it."""
    import deploy  # beside this script

    release = base / "releases" / "00000000T000000.000000Z-first"
    shutil.copytree(site, release / "site")
    (release / "site-maps.conf").write_text(nginx_maps.from_site(release / "site"), encoding="utf-8")
    (release / deploy.RELEASE).write_text(f'{{"site_url": "https://{TRY_HOST}/"}}\n', encoding="utf-8")
    deploy.switch(base, release)


TRY_HOST = "lastensuojelu.test"  # a reserved name (RFC 6761) that deploy.py accepts as a host


def main(argv: list[str]) -> None:
    """Serve site/ (or a given directory) until Ctrl-C or SIGTERM; with --live BASE, serve a
    deploy base as the server does and print the deploy command that deploys to it."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__.split(";")[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "site")
    parser.add_argument("--live", type=Path, metavar="BASE",
                        help="serve BASE/current as a server does (a first release from SITE if BASE is empty)")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    if args.live is not None:
        base = args.live.absolute()
        if not (base / "current").is_symlink():
            seed(base, args.site)
        with serve(live=base, server_name=TRY_HOST) as url:
            conf = url.prefix / "conf" / "sites-enabled" / "lastensuojelu.conf"
            nginx = " ".join(url.command)
            print(f"serving {base}/current through deploy/nginx.conf at {url}\n"
                  f"deploy to it (another shell, in the checkout):\n"
                  f"  SITE_URL=https://{TRY_HOST}/ .venv/bin/python scripts/deploy.py deploy --base {base} "
                  f"--nginx '{nginx}' --server-conf {conf} --check-url {url}\n"
                  f"and back:\n"
                  f"  .venv/bin/python scripts/deploy.py rollback --base {base} --nginx '{nginx}' "
                  f"--server-conf {conf} --check-url {url}", flush=True)
            _wait()
        return
    with serve(args.site) as base:
        print(f"serving through deploy/nginx.conf at {base} (plain HTTP server on port {base.http_port})",
              flush=True)
        _wait()


def _wait() -> None:
    try:
        signal.pause()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
