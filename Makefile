# One place for what a developer and CI run. `make demo` and `make test` set everything up first.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python

.PHONY: setup demo test lint bench clean

setup: $(VENV)/.installed

# setup.py and the C source too: an edited extension is rebuilt before the tests run.
$(VENV)/.installed: pyproject.toml requirements.lock setup.py src/eightk/parse/_fasthtml.c
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

# The main job on the bundled sample filings: parse every era and print what was found.
demo: setup
	$(VENV)/bin/eightk parse samples --summary

test: setup
	$(PY) -m pytest

lint: setup
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/mypy

bench: setup
	$(PY) benchmarks/accuracy.py
	$(PY) benchmarks/speed.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
