# Two entry points for a fresh Debian/Ubuntu machine with Python 3.10+ and a C compiler:
#   make demo   translate every sample to HIP, OpenCL and CPU, verify them, print a table
#   make test   run the unit, golden and numeric tests
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# pytest-xdist workers for `make test` and friends: one per core by default (CI has 2)
TEST_JOBS ?= auto
PYTEST := $(PY) -m pytest -q -rs -n $(TEST_JOBS) --dist worksteal

.PHONY: demo test unit golden numeric generate check-generated clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/cutrans demo

test: $(STAMP) check-generated
	$(PYTEST) tests

unit: $(STAMP)
	$(PYTEST) tests/unit

golden: $(STAMP)
	$(PYTEST) tests/golden

numeric: $(STAMP)
	$(PYTEST) tests/numeric

# Regenerate the files derived from data (IR node classes, support matrix).
generate: $(STAMP)
	$(PY) -m translator.devtools.generate --write

check-generated: $(STAMP)
	$(PY) -m translator.devtools.generate --check

clean:
	rm -rf $(VENV) build .pytest_cache
