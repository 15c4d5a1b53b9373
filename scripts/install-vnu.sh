#!/usr/bin/env bash
# Install the W3C Nu HTML checker (npm `vnu-jar`, pinned in scripts/vnu/package-lock.json)
# for tests/test_valid_html.py and scripts/valid_html.py. It runs on the system's Java
# (scripts/install-system-packages.sh installs default-jre-headless if java is missing).
#
# --ignore-scripts: the package's postinstall would download a Java runtime if it found
# no system Java; the tests use the system's Java, and nothing is fetched at test time.
# Does nothing when the pinned version is already installed.
set -euo pipefail
dir="$(cd "$(dirname "$0")/vnu" && pwd)"
jar="$dir/node_modules/vnu-jar/build/dist/vnu.jar"
stamp="$dir/node_modules/.installed-lock.json"
if [ -f "$jar" ] && cmp -s "$dir/package-lock.json" "$stamp"; then
  exit 0
fi
if ! command -v npm >/dev/null; then
  echo "install-vnu: npm is missing: run scripts/install-system-packages.sh first" >&2
  exit 1
fi
echo "Installing vnu-jar (W3C Nu HTML checker) into scripts/vnu/"
(cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --silent)
cp "$dir/package-lock.json" "$stamp"
