# eventwire: `make demo` and `make test` work on a fresh machine (PyPI reachable).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint eval bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,postgres,server,spark]'
	touch $(STAMP)

demo: $(STAMP)
	rm -f eventwire.db eventwire.db-wal eventwire.db-shm
	$(BIN)/eventwire ingest examples --db sqlite:///eventwire.db
	$(BIN)/eventwire events --db sqlite:///eventwire.db --format table
	$(BIN)/eventwire stats --db sqlite:///eventwire.db

test: $(STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts

eval: $(STAMP)
	$(BIN)/python scripts/make_eval.py

bench: $(STAMP)
	$(BIN)/eventwire bench --articles 200

clean:
	rm -rf $(VENV) build dist *.egg-info eventwire.db*
