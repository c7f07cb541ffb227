# The two commands of the README:
#   make run   — the portal with demo data on SQLite at http://127.0.0.1:8000
#   make test  — the whole test suite (SQLite by default; set DATABASE_URL for PostgreSQL)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test venv dev-venv browser lint translations

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

translations: dev-venv
	$(BIN)/python scripts/translate.py
