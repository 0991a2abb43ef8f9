# UPR Cycle — every target creates or updates the virtual environment itself.
#   make run    install, migrate, import the default corpus when the database is empty, serve on :8000
#               (with the background worker for long tasks)
#   make test   install, then run the whole suite on SQLite and on PostgreSQL
SHELL := /bin/bash
.DEFAULT_GOAL := run

# Django 6 needs Python >= 3.12: take the first one found on PATH or under pyenv.
PYTHON ?= $(shell for p in python3.13 python3.12 python3.14 $$HOME/.pyenv/versions/3.13*/bin/python3 $$HOME/.pyenv/versions/3.12*/bin/python3 python3; do \
	  command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { command -v $$p; break; }; done)
UV_VERSION := 0.13.8
UV := .tools/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
UPR := $(VENV)/bin/upr
export UPR_DATA_DIR ?= $(abspath ../shared/data)
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/test

.PHONY: run test test-sqlite test-postgres install system-deps lint format bench messages serve clean

$(UV):
	@test -n "$(PYTHON)" || { echo "UPR Cycle needs Python 3.12 or newer; none was found." >&2; exit 1; }
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

install: $(VENV)/.synced

# Debian packages the suite needs: Chromium for the browser tests, fonts and Pango for PDF rendering.
system-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! ldconfig -p | grep -q libpango-1.0; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 >/dev/null; \
	  else echo "Please install Debian packages: chromium fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0" >&2; exit 1; fi; fi

run: install
	$(UPR) migrate --no-input
	$(UPR) load_default_corpus
	@# The background worker runs long tasks (model training, UN document imports) beside the server.
	$(UPR) db_worker --interval 2 & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(UPR) runserver 127.0.0.1:8000

test: install system-deps
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres

test-sqlite: install
	$(VENV)/bin/ruff check src tests bench scripts
	$(VENV)/bin/ruff format --check src tests bench scripts
	$(VENV)/bin/python -m pytest -p no:cacheprovider $(PYTEST_ARGS)

test-postgres: install
	DATABASE_URL=$(PG_TEST_URL) $(VENV)/bin/python -m pytest -p no:cacheprovider $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check src tests bench scripts
	$(VENV)/bin/ruff format --check src tests bench scripts

format: install
	$(VENV)/bin/ruff check --fix src tests bench scripts
	$(VENV)/bin/ruff format src tests bench scripts

# French and Spanish: refresh the catalogues from the code and compile them. Needs GNU gettext
# (Debian: gettext) on the developer's machine only; the .po and .mo files are committed, so the app
# never needs it. Translate every new or fuzzy entry of src/upr/locale/*/LC_MESSAGES/django.po, then
# run it again (tests/web/test_i18n.py fails while one is missing or the .mo files are stale).
I18N_IGNORE := --ignore=.venv --ignore=.tools --ignore=tests --ignore=bench --ignore=scripts \
	--ignore=var --ignore=docs --ignore=node_modules
messages: install
	$(UPR) makemessages -l fr -l es --no-obsolete --add-location=file $(I18N_IGNORE)
	$(UPR) compilemessages -l fr -l es $(I18N_IGNORE)

bench: install
	@for b in bench/*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

clean:
	rm -rf .tools $(VENV) var
