# make run   — set up a virtualenv, migrate the embedded SQLite database, load demo data, serve.
# make test  — set up the dev dependencies and system tools the tests use, then run the suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
FLASK  := FLASK_APP=wsgi $(BIN)/flask
# Debian packages the tests drive: a real browser, a calendar client, PDF checkers, fonts.
SYSTEM_PACKAGES := chromium calcurse poppler-utils qpdf fonts-dejavu-core

.PHONY: install run test system-deps migrate seed bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

migrate: $(STAMP)
	$(FLASK) db upgrade

seed: migrate
	$(FLASK) seed-demo

run: seed
	$(FLASK) run --host 127.0.0.1 --port 5000

system-deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages the tests need:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

test: $(STAMP) system-deps
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/bench_pages.py

clean:
	rm -rf $(VENV) instance .pytest_cache
