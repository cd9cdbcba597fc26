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

# The main job on the bundled sample filings: parse every era and print what was found, then store them
# in demo.db (re-running skips what is stored) and say how to browse that store.
demo: setup
	$(VENV)/bin/eightk parse samples --summary
	$(VENV)/bin/eightk ingest samples --db demo.db --workers 2
	@echo
	@echo "See these filings in your browser: run  $(VENV)/bin/eightk serve --db demo.db"
	@echo "then open  http://127.0.0.1:8000/  (the API and its docs: http://127.0.0.1:8000/docs)"

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
