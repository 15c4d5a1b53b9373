#!/usr/bin/env bash
# Install the Debian packages the tests need, if they are missing: Chromium for the
# browser tests (Playwright cannot download a browser here, so it drives Debian's),
# nginx with its brotli modules for tests/test_nginx.py, which runs deploy/nginx.conf,
# and, for the HTML check (tests/test_valid_html.py), a Java runtime to run vnu.jar and
# npm to install it (scripts/install-vnu.sh): each only if there is none yet.
#
# The tests start their own nginx as the current user on a free loopback port; they need
# only the binary and its modules. Debian's nginx package would start a system service
# on port 80 on install: a policy-rc.d keeps it from starting during the install
# (and an existing one, or a service manager's own policy, is left as it is).
set -euo pipefail
packages=(chromium nginx libnginx-mod-http-brotli-filter libnginx-mod-http-brotli-static)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v java >/dev/null || missing+=(default-jre-headless)
command -v npm >/dev/null || missing+=(npm)
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing Debian packages: ${missing[*]}"

policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
  # exit 101: "action forbidden" for invoke-rc.d, so no service is started by the install
  printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
  $sudo chmod 755 "$policy"
  trap '$sudo rm -f "$policy"' EXIT
fi

$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null  # with its fonts
