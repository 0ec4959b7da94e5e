# One command runs the demo, one runs the tests; each makes .venv and installs what it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

CHROMIUM := /usr/bin/chromium

.PHONY: demo test lint typecheck pytest chromium clean bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/auditor demo --out reports

lint: $(STAMP)
	$(BIN)/ruff check auditor tests benchmarks
	$(BIN)/ruff format --check auditor tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

# The browser test drives Debian's chromium (Playwright's bundled driver, never `playwright install`).
# Installed here when missing and we can (root with apt-get); if not, the test skips and says why.
chromium:
	@if [ -x $(CHROMIUM) ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing chromium for the browser test (apt-get)"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	    || echo "could not install chromium: the browser test will skip"; \
	else echo "no $(CHROMIUM), and no apt-get as root to install it: the browser test will skip"; fi

# Four workers on two cores: much of the suite waits on local servers, subprocesses and timeouts. Whole
# files per worker (loadfile), so a module-scoped fixture (a run of audits, a browser) is set up once.
pytest: $(STAMP) chromium
	$(BIN)/pytest -q -n 4 --dist loadfile

test: lint typecheck pytest

# Performance figures beside their bounds (minutes; not part of make test).
bench: $(STAMP)
	cd benchmarks && ../$(BIN)/python bench_all.py

clean:
	rm -rf $(VENV) reports build dist .pytest_cache .mypy_cache .ruff_cache
