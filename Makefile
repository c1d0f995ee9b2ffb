# Portal WTZ — the two commands: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
PG_PORT ?= 54329
# This machine's environment sets PYTHONDONTWRITEBYTECODE=1: no process would keep what it
# compiles, and every Python process the targets start (pytest's workers, each manage.py,
# gunicorn node and task worker of the tests) would compile Django and Wagtail from source
# again, 4-5 s of CPU each (`manage.py shell -c pass`: 7.4 s, 2.6 s with the cache).
unexport PYTHONDONTWRITEBYTECODE
# The PostgreSQL suite runs on this many processes (pytest-xdist; one file stays on one process).
PYTEST_WORKERS ?= 2

.PHONY: fonts identity run test install install-test system-deps lint check pytest pytest-sqlite pytest-cluster bench messages clean cluster cluster-stop

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# --no-compile: Python compiles a module when it is first imported, so pip does not compile
# the thousands that are never imported (Faker's locales, botocore…): 22 -> 12 s of CPU.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --no-compile -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --no-compile -e ".[test]"
	touch $(VENV)/.installed $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

messages: $(VENV)/.installed
	$(MANAGE) compile_translations

# The committed WOFF2 fonts (static/fonts/) from npm's @fontsource package, and the wordmark,
# logo, favicon and share pictures (static/img/) drawn from them; run after an upgrade or a
# redrawn pictogram, then commit the files. Serving the site needs neither.
fonts: node_modules/.installed install-test
	$(MANAGE) build_fonts

identity: fonts
	$(MANAGE) build_identity

# Every absolute link (canonical, feeds, sitemap, e-mails) leads to http://HOST:PORT.
run: export PORTAL_BASE_URL = http://$(HOST):$(PORT)
run: install messages
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_content
	$(MANAGE) configure_site
	$(MANAGE) ensure_admin
	@echo "Portal WTZ: http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	$(MANAGE) runserver $(HOST):$(PORT)

# Debian's Chromium for the browser tests, PostgreSQL for the database tests, gettext
# for the test that every marked string is translated and redis-server for the tests that
# stop Redis under the site, installed only when missing (the machines run as root; see
# DESIGN.md). Java (default-jre-headless) runs the HTML validator of the demo's smoke test.
system-deps:
	@missing=""; \
	test -x /usr/bin/chromium || missing="$$missing chromium"; \
	test -x /usr/bin/chromium-headless-shell || missing="$$missing chromium-headless-shell"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	command -v xgettext >/dev/null || missing="$$missing gettext"; \
	command -v redis-server >/dev/null || missing="$$missing redis-server"; \
	test -x /usr/sbin/varnishd || missing="$$missing varnish"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
		echo "Installing from Debian:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

# stylelint and its config come from npm (package-lock.json); `npm ci` runs only when
# node_modules is missing or older than the lock. The machines come with Node 20; where npm
# is missing it comes from Debian.
node_modules/.installed: package-lock.json
	@command -v npm >/dev/null || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; }
	PUPPETEER_SKIP_DOWNLOAD=true npm ci --no-audit --no-fund --omit=optional  # pa11y drives Debian's chromium
	touch $@

# Lighthouse is package.json's one optional dependency: only `make lighthouse` installs it.
node_modules/.bin/lighthouse: package-lock.json
	PUPPETEER_SKIP_DOWNLOAD=true npm ci --no-audit --no-fund
	touch node_modules/.installed $@

lint: node_modules/.installed
# lint-imports checks the layers (pyproject.toml [tool.importlinter]): core at the bottom.
lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates
	$(BIN)/lint-imports
	npx stylelint "static/css/**/*.css"

check: install-test messages
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) makemigrations --check --dry-run

# The whole suite on PostgreSQL, in a throw-away cluster started here and stopped afterwards,
# but for the demo build (marker `demo`), which pytest-sqlite runs.
pytest: install-test system-deps messages node_modules/.installed
	@$(call with_postgres,$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadfile --durations=25 \
		-m "not demo and not cluster" $(PYTEST_ARGS))

# Runs a command with DATABASE_URL on PostgreSQL: on the server in PG_DIR if `make test`
# started one for its stages (the migrated template the first stage builds serves the next,
# tests/pg_template.py), else on a throw-away one started and stopped here.
with_postgres = pg_dir="$(PG_DIR)"; own=""; \
	if [ -z "$$pg_dir" ]; then \
		pg_dir=$$(mktemp -d /tmp/portal-wtz-pg.XXXXXX); own=1; \
		.ci/postgres start "$$pg_dir" $(PG_PORT) || exit 1; \
	fi; \
	status=0; \
	DATABASE_URL="postgres://portal@/portal?host=$$pg_dir&port=$(PG_PORT)" $(1) || status=$$?; \
	if [ -n "$$own" ]; then .ci/postgres stop "$$pg_dir"; fi; \
	exit $$status

# The embedded default: SQLite gets migrate, the one build of the whole demo (marker `demo`),
# as `make run` builds it, and the tests of code with a SQLite branch of its own (marker
# `sqlite`); the other page smoke tests are database-neutral and run on PostgreSQL. One
# process: a second would migrate a second SQLite database for a handful of tests.
# The demo's smoke test runs the W3C validator (npm's vnu-jar) on Debian's Java over its pages.
pytest-sqlite: node_modules/.installed system-deps
pytest-sqlite: install-test messages
	DATABASE_URL="sqlite:///$(CURDIR)/.tmp/smoke.sqlite3" $(BIN)/pytest -p no:xdist \
		--durations=10 -m "demo or sqlite" -p no:cacheprovider $(PYTEST_ARGS)

# The stages on one PostgreSQL server; the SQLite run (one process) and then the cluster's
# beside the PostgreSQL run, whose two processes leave a core idle while their last file
# ends. Everything is installed first (Debian's packages, then pip beside npm: pip waits on
# the disk much of its time), then lint, check and the migrated
# template of the test databases (pg-template) run side by side, so that no test process
# waits for the template's 20 s of migrations at its start. The catalogues are compiled
# once, here (-o messages: not again under the running tests).
# --output-sync prints each stage's output whole when it ends.
test: test-deps
	@pg_dir=$$(mktemp -d /tmp/portal-wtz-pg.XXXXXX); \
	.ci/postgres start "$$pg_dir" $(PG_PORT) || exit 1; \
	status=0; \
	$(MAKE) --no-print-directory -j2 --output-sync=target -o messages lint check pg-template \
		PG_DIR="$$pg_dir" || status=$$?; \
	if [ $$status = 0 ]; then \
		$(MAKE) --no-print-directory -j2 --output-sync=target -o messages \
			pytest pytest-sqlite-then-cluster \
			PG_DIR="$$pg_dir" || status=$$?; \
	fi; \
	.ci/postgres stop "$$pg_dir"; \
	exit $$status

# What `make test` installs: Debian's packages first, then pip beside npm.
.PHONY: test-deps
test-deps: system-deps
	@$(MAKE) --no-print-directory -j2 install-test node_modules/.installed
	@$(MAKE) --no-print-directory messages

# The migrated template the test databases are copied from (tests/pg_template.py), on the
# server of PG_DIR (or a throw-away one, to time it).
.PHONY: pg-template
pg-template: install-test messages
	@$(call with_postgres,$(BIN)/python -m tests.pg_template)

# wrk (the load generator) and varnish (the front cache) from Debian, installed only when
# missing, as system-deps does.
# `make screenshots`: every page type at 360 and 1280 px in Polish and English, from the demo
# site under gunicorn (production settings), into .tmp/screenshots/ (open index.html there).
# `make lighthouse`: Lighthouse's mobile performance of the home page, a zone, a report and an
# event; the table goes to bench/results/. Both build the demo once into .tmp/review/
# (REVIEW_REBUILD=1 builds it anew) and serve it on REVIEW_PORT (8760).
.PHONY: screenshots lighthouse
screenshots: install-test system-deps messages
	$(BIN)/python -m review.screenshots

lighthouse: install-test system-deps messages node_modules/.bin/lighthouse
	$(BIN)/python -m review.lighthouse

.PHONY: bench-deps
bench-deps:
	@missing=""; \
	command -v wrk >/dev/null || missing="$$missing wrk"; \
	command -v varnishd >/dev/null || test -x /usr/sbin/varnishd || missing="$$missing varnish"; \
	if [ -n "$$missing" ]; then \
		echo "Installing from Debian:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

# Every stage of bench/ (pages under gunicorn and Varnish, search, booking): one table, also
# written to bench/results/. BENCH_SECONDS sets the length of each wrk run (README "Benchmarks").
bench: install-test messages bench-deps
	$(BIN)/python -m bench

# The demo's illustrations (portal/core/illustrations): SVG drawn by code, rendered to PNG at
# twice their size by Debian's Chromium. Run it after changing draw.py, and commit the files.
.PHONY: illustrations
illustrations: install-test system-deps
	$(BIN)/python -m portal.core.illustrations.draw

clean:
	rm -rf .tmp staticfiles .pytest_cache

# The production topology on this machine (deploy/cluster.py): PostgreSQL, Redis, two gunicorn
# app servers, a db_worker and Varnish in front at http://127.0.0.1:$(CLUSTER_PORT)/, with the
# demo content. State, PIDs and logs in .tmp/cluster/; `make cluster-stop` ends it all.
CLUSTER_PORT ?= 8080
CLUSTER_APP_PORTS ?= 8001,8002
CLUSTER_PG_PORT ?= 54330
CLUSTER_REDIS_PORT ?= 6380
CLUSTER_CONTENT ?= demo

cluster: install messages
	$(BIN)/python deploy/cluster.py start --varnish-port $(CLUSTER_PORT) \
		--app-ports $(CLUSTER_APP_PORTS) --pg-port $(CLUSTER_PG_PORT) \
		--redis-port $(CLUSTER_REDIS_PORT) --content $(CLUSTER_CONTENT)

cluster-stop:
	$(BIN)/python deploy/cluster.py stop

# The cluster tests (marker `cluster`, tests/cluster/): they start the cluster once, on
# these ports, with the test database of a throw-away PostgreSQL as its database.
CLUSTER_TEST_PORTS ?= 8090,8091,8092
CLUSTER_TEST_REDIS_PORT ?= 6390
pytest-cluster: install-test system-deps messages
	@$(cluster_tests)

cluster_tests = $(call with_postgres,CLUSTER_TEST_PORTS=$(CLUSTER_TEST_PORTS) \
	CLUSTER_TEST_REDIS_PORT=$(CLUSTER_TEST_REDIS_PORT) \
	$(BIN)/pytest -p no:xdist --durations=10 -m cluster tests/cluster $(PYTEST_ARGS))

# `make test`'s second line of stages: the cluster's once the SQLite run is over, beside the
# PostgreSQL run (same make, so `messages` is not written again under the running tests).
.PHONY: pytest-sqlite-then-cluster
pytest-sqlite-then-cluster: pytest-sqlite
	@$(cluster_tests)
