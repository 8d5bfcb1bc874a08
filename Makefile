# corefact: `make demo` and `make test` are the only set-up commands a fresh clone needs.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test eval bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q -U pip
	$(BIN)/python -m pip install -q -e ".[eval,test,serve,parquet,ray]"
	test -x /usr/bin/chromium || (apt-get update -q && apt-get install -y -q chromium)
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/corefact explain examples/flood.txt --facts

test: install
	$(BIN)/python -m pytest

eval: install
	$(BIN)/corefact eval all --data-dir ../shared/data

bench: install
	$(BIN)/python benchmarks/speed.py

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache
