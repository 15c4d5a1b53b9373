# The two commands in the README: `make serve` and `make test`. Both set up everything
# on a fresh machine: a virtual environment with the pinned Python packages, and the
# Debian packages the browser tests need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Material prints a boxed end-of-life notice on every run; it buries the editors' messages.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test test-fast build check readability benchmark deploy rollback setup system clean

serve: setup
	$(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:8000

test: setup system
	$(BIN)/python -m pytest

# While editing: every test that needs no browser (build, HTML, checks, nginx). The Nu
# HTML checker is installed where npm and Java are (no root needed); elsewhere its tests
# are skipped, saying why (`make system` installs them; `make test` always does).
test-fast: setup
	@if command -v npm >/dev/null && command -v java >/dev/null; then scripts/install-vnu.sh; fi
	$(BIN)/python -m pytest -m "not browser and not slow"

build: setup
	$(BIN)/mkdocs build

# The build and every check, for editors: all problems of an edit in one pass, each with
# its file and line; exits non-zero if any of them failed. The same build and list of
# checks as `make deploy` and the tests (portal/checks.py). CONFIG and SITE build another
# config (a fixture) into another folder.
CONFIG ?= mkdocs.yml
SITE ?= site
check: setup
	$(BIN)/python scripts/check.py --config $(CONFIG) --site $(SITE)

# The readability (LIX) of every page, for editors
readability: setup
	$(BIN)/python scripts/lint_content.py --report

# The performance budget, measured (not a test): builds, first views through nginx in
# Chromium, Lighthouse (needs npm). Writes reports/benchmark.md. See README.
benchmark: setup system
	$(BIN)/python scripts/benchmark.py

# Deploy on this server, and go back (deploy/README.md); deploy needs SITE_URL=https://<host>/
deploy: setup
	$(BIN)/python scripts/deploy.py deploy

rollback: setup
	$(BIN)/python scripts/deploy.py rollback

setup: $(VENV)/.installed

# a Python that can set the project up (or, at once, what to install), the pinned
# dependencies, then the shared code (portal/) as an editable package
$(VENV)/.installed: requirements.txt pyproject.toml
	@$(PYTHON) scripts/require_python.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

system:
	scripts/install-system-packages.sh
	scripts/install-vnu.sh

clean:
	rm -rf site $(VENV) .pytest_cache
