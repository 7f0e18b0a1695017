# Överenskommelsens studieplattform. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-15s %s\n", $$1, $$2}'

$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

install: $(BIN)/.installed ## Create the virtualenv and install the project

migrate: install ## Apply database migrations
	$(MANAGE) migrate --noinput

demo: migrate ## Load the demo content and demo accounts (idempotent)
	$(MANAGE) load_demo_content --accounts --address $(HOST):$(PORT)

run: demo ## Set everything up and serve the site at http://127.0.0.1:8000
	@echo "Webbplatsen: http://$(HOST):$(PORT)/   Redigering: http://$(HOST):$(PORT)/admin/"
	$(MANAGE) runserver $(HOST):$(PORT)

chromium: ## Install Debian's Chromium for the browser tests, if missing
	@command -v chromium >/dev/null || { \
	  echo "Installerar Debians chromium (apt) för webbläsartesterna"; \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

test: install chromium ## Run the whole test suite (browser tests included) on SQLite
	$(BIN)/pytest

test-postgres: install chromium ## Run the whole suite on temporary PostgreSQL and Redis servers (two app servers too)
	scripts/with-postgres.sh scripts/with-redis.sh $(BIN)/pytest

lint: install ## ruff format --check, ruff check, Django's checks and the migrations check
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run --noinput

format: install ## Format and fix the code with ruff
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

serve: install ## Serve with gunicorn under production settings (needs SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL)
	DJANGO_SETTINGS_MODULE=config.settings.production $(MANAGE) collectstatic --noinput
	DJANGO_SETTINGS_MODULE=config.settings.production $(BIN)/gunicorn config.wsgi --bind $(HOST):$(PORT) --workers $${WEB_CONCURRENCY:-3} --access-logfile -

worker: install ## Run background tasks (e-mail) from the database queue, under production settings
	DJANGO_SETTINGS_MODULE=config.settings.production $(MANAGE) db_worker

bench: install chromium ## Measure the main pages on a large seeded data set
	@# Only what is missing, each on its own: a Node.js from elsewhere may bring its own npm,
	@# which apt's npm would conflict with.
	@SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	for tool in wrk node npm; do \
	  command -v $$tool >/dev/null && continue; \
	  package=$$([ $$tool = node ] && echo nodejs || echo $$tool); \
	  echo "Installerar $$package (apt) för mätningen"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$package || exit 1; \
	done
	scripts/with-redis.sh $(BIN)/python -m scripts.bench

.PHONY: help install migrate demo run chromium test test-postgres lint format serve worker bench
