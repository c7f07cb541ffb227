# The two commands of the README:
#   make run   — the portal with demo data on SQLite at http://127.0.0.1:8000
#   make test  — the whole test suite (SQLite by default; set DATABASE_URL for PostgreSQL)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test venv dev-venv browser lint translations mutation

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

venv: $(BIN)/python
	$(BIN)/pip install --quiet .

dev-venv: $(BIN)/python
	$(BIN)/pip install --quiet ".[dev]"

run: venv
	DEBUG=1 $(BIN)/python manage.py migrate --no-input
	DEBUG=1 $(BIN)/python manage.py seed_demo
	DEBUG=1 $(BIN)/python manage.py create_demo_signing_certificate
	DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:8000

browser:
	bash scripts/ensure-browser.sh

test: dev-venv browser
	$(BIN)/python -m pytest

lint: dev-venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

translations: dev-venv
	$(BIN)/python scripts/translate.py

# Mutation testing of the modules that hold boundaries and rules ([tool.mutmut] in pyproject.toml).
# Slow (the tests run once per mutant), so not in CI; its summary goes to tests/MUTATION.md.
# make mutation [MODULES="evaluations/permissions.py ..."] [TESTS="tests/evaluations ..."]
# [CHILDREN=1]: the table in tests/MUTATION.md keeps the rows of modules not run this time.
CHILDREN ?= 2
mutation: dev-venv
	rm -rf mutants var/mutation-template.sqlite3
	mkdir -p var
	DEBUG=1 DATABASE_URL=sqlite:///$(CURDIR)/var/mutation-template.sqlite3 $(BIN)/python manage.py migrate --no-input -v 0
	OCOP_TEST_DB_TEMPLATE=$(CURDIR)/var/mutation-template.sqlite3 MUTATION_MODULES="$(MODULES)" MUTATION_TESTS="$(TESTS)" \
		nice -n 15 $(BIN)/python scripts/mutation_run.py --max-children $(CHILDREN) || true
	$(BIN)/python scripts/mutation_summary.py
