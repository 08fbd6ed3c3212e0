# The two commands: `make run` (the app on the embedded default) and `make test` (the whole suite).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PYTEST_ARGS ?=
# Two test processes: most of the suite waits on workers, servers and a browser, so two overlap well on 2 cores.
PYTEST_WORKERS ?= 2

.PHONY: run test lint format services venv bench clean

$(VENV)/.installed: requirements.txt requirements-dev.txt constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements-dev.txt -c constraints.txt
	touch $@

venv: $(VENV)/.installed

services:
	bash scripts/ensure_services.sh

run: venv
	bash scripts/ensure_tesseract.sh
	$(PY) manage.py run

test: venv services
	bash scripts/ensure_chromium.sh
	bash scripts/ensure_tesseract.sh
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy core/
	$(PY) -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: venv
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check . && $(VENV)/bin/mypy core/

format: venv
	$(VENV)/bin/ruff format . && $(VENV)/bin/ruff check --fix .

bench: venv
	for b in bench/bench_*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
