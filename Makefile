# The README's commands. Everything is installed into .venv from requirements.lock;
# nothing is reinstalled while the lock file is unchanged.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
MANAGE := $(PY) manage.py
PO_FILES := $(wildcard locale/*/LC_MESSAGES/*.po website/upstream_locale/*/LC_MESSAGES/*.po)
MO_FILES := $(PO_FILES:.po=.mo)
# Compiled interface translations: one process compiles every PO file newer than the last compilation.
MESSAGES := $(VENV)/.messages-compiled
AXE := node_modules/axe-core/axe.min.js
HOST ?= 127.0.0.1
PORT ?= 8000
# Test processes (pytest-xdist): each gets its own test database with the demo content.
TEST_WORKERS ?= 2
# The Elasticsearch server major the search backends and client are for (8 or 9; empty: the client installed, 8 from
# requirements.lock). 9 installs the 9 client from requirements-elasticsearch9.lock over it.
export ELASTICSEARCH_VERSION ?=
ES_CLIENT := $(VENV)/.elasticsearch-client-$(or $(ELASTICSEARCH_VERSION),8)
# Where the admin says the site lives (login message, "view live" links); follows HOST and PORT.
export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
# The embedded PostgreSQL's data, the generated secret key and admin password (the settings read the same variable).
export DATA_DIR ?= $(CURDIR)/.data

.DEFAULT_GOAL := help
.PHONY: help run test serve setup lint format messages lock clean-data db-start db-stop db-status backup restore bench bench-pages bench-relevance

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-11s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

run: setup ## Start the site with demo content on http://127.0.0.1:8000/
	@$(MANAGE) runserver $(HOST):$(PORT)

# The seeded test database is built in the background (tests/demo_database.py) while the checks and linters run;
# the test processes wait for it (a failed build is built again, with its error, by the first of them).
test: $(STAMP) $(ES_CLIENT) $(MESSAGES) ## Checks, linters and the whole test suite (browser tests included)
	@mkdir -p "$(DATA_DIR)"; \
	$(PY) -m tests.demo_database > "$(DATA_DIR)/test-template.log" 2>&1 & seeding=$$!; \
	$(MAKE) --no-print-directory $(AXE) \
	&& $(MANAGE) check --fail-level WARNING \
	&& $(MANAGE) makemigrations --check --dry-run \
	&& $(VENV)/bin/ruff check . \
	&& { $(VENV)/bin/ruff format --check --quiet . || { echo "ruff format would change the files above: run make format" >&2; false; }; } \
	&& $(PY) -m tests.browser.provision \
	&& $(VENV)/bin/pytest -n $(TEST_WORKERS); \
	status=$$?; kill $$seeding 2>/dev/null; wait $$seeding 2>/dev/null; exit $$status

serve: setup ## Production settings under gunicorn on 127.0.0.1 (http), for trying the site as it will run
	@$(PY) -m website.serve_locally --host $(HOST) --port $(PORT)

setup: $(STAMP) $(ES_CLIENT) $(MESSAGES) ## Install, migrate and load the demo content, without starting the site
	@$(MANAGE) prepare_site

db-start: $(STAMP) ## Start the embedded PostgreSQL and keep it running until make db-stop
	@$(PY) -m website.database.embedded start

db-stop: $(STAMP) ## Stop the embedded PostgreSQL, even under a running site (which answers 503 until db-start)
	@$(PY) -m website.database.embedded stop

db-status: $(STAMP) ## Say whether the embedded PostgreSQL is running
	@$(PY) -m website.database.embedded status || true

backup: $(STAMP) ## Database and uploaded files into one archive in backups/ (BACKUP_DIR, or FOLDER=... for once)
	@$(MANAGE) backup_site $(if $(FOLDER),--folder "$(FOLDER)")

restore: $(STAMP) $(MESSAGES) ## Restore FILE=<archive> into an empty data folder (or an empty DATABASE_URL database)
	@test -n "$(FILE)" || { echo "usage: make restore FILE=<archive from make backup>" >&2; exit 2; }
	@$(MANAGE) restore_site "$(FILE)"

bench: bench-pages bench-relevance ## Benchmarks: the page report, relevance, then load, search, autocomplete and page weight on the demo content
	@$(MANAGE) prepare_site
	$(PY) bench/load.py
	$(PY) bench/search_bench.py
	$(PY) bench/autocomplete_bench.py
	$(PY) bench/page_weight.py

bench-relevance: setup ## Search relevance per language (nDCG@10, MRR) on the demo content; into the README
	$(PY) bench/relevance_bench.py

# On a site of its own (DATA_DIR=.data/bench), with a generated corpus; wrk from Debian's packages for the load runs.
bench-pages: $(STAMP) $(MESSAGES) ## The page report: every page type in three languages, cached and not; into the README
	@command -v wrk >/dev/null || { echo "error: wrk is needed for the load runs (apt-get install wrk)" >&2; exit 1; }
	$(PY) bench/pages.py

lint: $(STAMP) ## Linters only (ruff check and ruff format --check)
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/ruff format --check .

format: $(STAMP) ## Apply ruff's fixes and formatting
	@$(VENV)/bin/ruff check --fix --quiet .
	@$(VENV)/bin/ruff format --quiet .

$(STAMP): requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=...)")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@echo "Installing the locked Python packages into $(VENV) (requirements.lock is new or changed) ..."
	@$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	@touch $@

# The Elasticsearch client for ELASTICSEARCH_VERSION: requirements.lock's (8) unless 9 is asked for.
$(ES_CLIENT): $(STAMP) requirements-elasticsearch9.lock
	@rm -f $(VENV)/.elasticsearch-client-*
	@case "$(or $(ELASTICSEARCH_VERSION),8)" in \
	  8) $(PY) -c 'import importlib.metadata as m, sys; sys.exit(m.version("elasticsearch").split(".")[0] != "8")' \
	     || $(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock ;; \
	  9) echo "Installing the Elasticsearch 9 client (requirements-elasticsearch9.lock) ..."; \
	     $(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps \
	       -r requirements-elasticsearch9.lock ;; \
	  *) echo "error: ELASTICSEARCH_VERSION is 8 or 9" >&2; exit 2 ;; \
	esac
	@touch $@

# axe-core for the accessibility tests (the site itself needs no Node.js).
$(AXE): package.json package-lock.json
	@command -v npm >/dev/null || { echo "error: npm (Node.js) is needed to install axe-core for the accessibility tests" >&2; exit 1; }
	@echo "Installing axe-core from package-lock.json into node_modules (the accessibility tests need it) ..."
	@npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	@touch $@

$(MESSAGES): $(PO_FILES) $(STAMP)
	@$(MANAGE) compile_ui_messages $(if $(wildcard $@),$(filter %.po,$?),$(PO_FILES))
	@touch $@

messages: $(STAMP) ## Re-extract UI strings into locale/*/LC_MESSAGES/django.po (needs GNU gettext; copies of upstream templates keep upstream's catalogs)
	$(MANAGE) makemessages --all --no-obsolete --ignore=.venv --ignore=.data --ignore=content --ignore=tests --ignore=bench --ignore=node_modules --ignore=templates/wagtailadmin --ignore=templates/wagtail_localize

# Pin with the oldest Python the project supports (e.g. make lock PYTHON=/usr/bin/python3 for Debian 12's 3.11.2),
# so that every pinned version installs on it: pip-compile resolves for the Python it runs on.
lock: ## Re-pin every package in requirements.lock from pyproject.toml
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv && .lock-venv/bin/pip install --quiet pip-tools
	.lock-venv/bin/pip-compile --quiet --extra test --generate-hashes --allow-unsafe --strip-extras \
		--no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml
	rm -rf .lock-venv

clean-data: ## Stop the embedded server and delete DATA_DIR, after asking (FORCE=1 does not ask)
	@if [ "$(FORCE)" != "1" ]; then \
		printf 'This deletes the database, the uploaded files, the admin password and the secret key in %s.\nType "delete" to go on: ' "$(DATA_DIR)"; \
		read answer; [ "$$answer" = "delete" ] || { echo "Nothing deleted."; exit 1; }; \
	fi
	@$(PY) -m website.database.embedded stop || true
	rm -rf "$(DATA_DIR)"
