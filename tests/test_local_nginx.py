"""scripts/local_nginx.py stopped with SIGTERM leaves no nginx running and no folder behind."""

import os
import signal
import subprocess
import sys
import time

import pytest
from conftest import ROOT

import local_nginx


@pytest.mark.skipif(local_nginx.binary() is None, reason="nginx is not installed")
def test_sigterm_stops_nginx_and_removes_its_folder(built_site, tmp_path):
    env = dict(os.environ, TMPDIR=str(tmp_path))  # its temporary folder goes here, where we can look
    proc = subprocess.Popen([sys.executable, str(ROOT / "scripts" / "local_nginx.py"), str(built_site)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    line = proc.stdout.readline()
    assert line.startswith("serving through deploy/nginx.conf"), line + proc.stdout.read()
    folders = list(tmp_path.glob("nginx-*"))
    assert len(folders) == 1
    masters = _nginx_using(folders[0])
    assert masters, "no nginx master found for the folder"

    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 128 + signal.SIGTERM
    deadline = time.monotonic() + 10
    while _nginx_using(folders[0]) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _nginx_using(folders[0]) == []
    assert list(tmp_path.glob("nginx-*")) == []


def _nginx_using(folder) -> list[int]:
    """Pids of nginx processes started with this prefix folder."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                cmdline = open(f"/proc/{entry}/cmdline", "rb").read().decode(errors="replace")
            except OSError:
                continue
            if "nginx" in cmdline and str(folder) in cmdline:
                found.append(int(entry))
    return found
