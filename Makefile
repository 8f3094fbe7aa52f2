# make run   — set up a virtualenv, migrate the embedded SQLite database, load demo data, serve.
# make test  — set up the dev dependencies and system tools the tests use, then run the suite.
# make translations — extract new strings, update every catalogue, compile (see README "Languages").
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
FLASK  := FLASK_APP=wsgi $(BIN)/flask
# Debian packages the tests drive: a real browser, a calendar client, PDF checkers, fonts.
SYSTEM_PACKAGES := chromium calcurse poppler-utils qpdf fonts-dejavu-core

# The site's languages; the compiled .mo files are built here, never committed.
LANGUAGES := en fr pt es sw
MO_FILES  := $(foreach l,$(LANGUAGES),translations/$(l)/LC_MESSAGES/messages.mo)
CATALOGUES := $(BIN)/python -m dialogues.languages.catalogues

# axe-core (accessibility rules) from the npm registry, at the version pinned in package.json.
AXE := tests/browser/node_modules/axe-core/axe.min.js

.PHONY: install run test system-deps axe migrate seed bench clean translations compile-translations check-translations

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) $(MO_FILES)

translations/%/LC_MESSAGES/messages.mo: translations/%/LC_MESSAGES/messages.po $(STAMP)
	$(CATALOGUES) compile

compile-translations: $(STAMP)
	$(CATALOGUES) compile

# Extract every string, add the new ones (empty) to each catalogue, drop the gone ones, compile.
translations: $(STAMP)
	$(CATALOGUES) update
	$(CATALOGUES) compile
	@$(CATALOGUES) missing

check-translations: $(STAMP)
	$(CATALOGUES) check

migrate: install
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

$(AXE): tests/browser/package.json
	@command -v npm >/dev/null || { echo "npm is needed for axe-core: apt-get install nodejs npm"; exit 1; }
	npm install --prefix tests/browser --no-package-lock --no-audit --no-fund --loglevel=error
	touch $(AXE)

axe: $(AXE)

test: install system-deps $(AXE)
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python bench/bench_pages.py

clean:
	rm -rf $(VENV) instance .pytest_cache tests/browser/node_modules
