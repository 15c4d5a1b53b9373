# The two commands in the README: `make serve` and `make test`. Both set up everything
# on a fresh machine: a virtual environment with the pinned Python packages, and the
# Debian packages the browser tests need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: serve test build check benchmark setup system clean

serve: setup
	$(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:8000

test: setup system
	$(BIN)/python -m pytest

build: setup
	$(BIN)/mkdocs build

# The three quality gates on their own, with readable messages for editors
# (`make test` runs them too, through the test suite).
check: build
	$(BIN)/python scripts/lint_content.py --report
	$(BIN)/python scripts/check_translations.py
	$(BIN)/python scripts/check_links.py site

# The performance budget, measured (not a test): builds, first views through nginx in
# Chromium, Lighthouse (needs npm). Writes reports/benchmark.md. See README.
benchmark: setup system
	$(BIN)/python scripts/benchmark.py

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

system:
	scripts/install-system-packages.sh

clean:
	rm -rf site $(VENV) .pytest_cache
