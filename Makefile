# TruStone portal. Two commands on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
SERVICES := $(PY) -m trustone.devservices
ADDRESS ?= 127.0.0.1:8000
# Links in e-mails point at the address the portal is served on (0.0.0.0 is not a host).
PORTAL_URL ?= http://$(subst 0.0.0.0,localhost,$(ADDRESS))
export DJANGO_SETTINGS_MODULE ?= trustone.settings.local

# Debian packages: Pango and fonts for WeasyPrint, gettext for the catalogues,
# Chromium for the browser tests, wrk for the load benchmarks.
RUN_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-liberation gettext
TEST_PACKAGES := $(RUN_PACKAGES) chromium
BENCH_PACKAGES := $(RUN_PACKAGES) wrk

.PHONY: help run test bench lint migrate seed messages messages-update services-down clean totp system-packages-run system-packages-test system-packages-bench

help:
	@echo "make run    set everything up and serve the portal with demo data on http://$(ADDRESS)"
	@echo "make test   set everything up and run the whole test suite (ruff, migrations check, pytest)"
	@echo "make bench  run the benchmarks (BENCH_SCALE organisations, default 10000)"
	@echo "make services-down  stop the embedded PostgreSQL and Redis"

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev,embedded]"
	touch $@

system-packages-run:
	@.ci/system-packages $(RUN_PACKAGES)
system-packages-test:
	@.ci/system-packages $(TEST_PACKAGES)
system-packages-bench:
	@.ci/system-packages $(BENCH_PACKAGES)

messages: $(VENV)/.installed
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0

migrate: $(VENV)/.installed
	$(SERVICES) run -- $(PY) manage.py migrate --noinput -v 0

seed: migrate
	PORTAL_URL=$(PORTAL_URL) $(SERVICES) run -- $(PY) manage.py seed_demo

run: system-packages-run $(VENV)/.installed messages seed
	PORTAL_URL=$(PORTAL_URL) $(SERVICES) serve $(ADDRESS)

# ruff, then the architecture (import-linter: apps depend one way, rules stay pure) and
# the types (mypy with django-stubs, strict on rules and services).
lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	DJANGO_SETTINGS_MODULE=trustone.settings.test $(VENV)/bin/mypy

test: system-packages-test $(VENV)/.installed messages lint
	DJANGO_SETTINGS_MODULE=trustone.settings.test $(SERVICES) run -- $(PY) manage.py makemigrations --check --dry-run -v 1
	DJANGO_SETTINGS_MODULE=trustone.settings.test $(SERVICES) run -- $(PY) -m pytest $(PYTEST_ARGS)

bench: system-packages-bench $(VENV)/.installed messages
	DJANGO_SETTINGS_MODULE=trustone.settings.bench $(SERVICES) run -- $(PY) -m tests.perf.bench

messages-update: $(VENV)/.installed
	$(PY) -m trustone.i18n

services-down:
	-$(SERVICES) down

clean: services-down
	rm -rf $(VENV) .local

totp: $(VENV)/.installed
	@$(PY) manage.py demo_totp
