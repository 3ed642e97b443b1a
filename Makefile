# Two commands for a newcomer: `make demo` (build the sample database and serve it) and `make test`.
PYTHON ?= python3
VENV ?= .venv
VENV_PRE ?= .venv-pre
PORT ?= 8001
DB ?= sample.db

.PHONY: demo test test-stable test-pre install install-pre chromium db dist clean

$(VENV)/.installed: setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -e ".[loader,test]"
	touch $@

# Datasette 1.0 alpha, for the plugin's tests on both versions
$(VENV_PRE)/.installed: setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV_PRE)
	$(VENV_PRE)/bin/python -m pip install --quiet --upgrade pip
	$(VENV_PRE)/bin/python -m pip install --quiet -e ".[loader,test]"
	$(VENV_PRE)/bin/python -m pip install --quiet --upgrade --pre datasette
	touch $@

install: $(VENV)/.installed
install-pre: $(VENV_PRE)/.installed

db: $(VENV)/.installed
	$(VENV)/bin/python scripts/build_db.py $(DB)

demo: db
	@echo "Serving the sample story at http://127.0.0.1:$(PORT)/sample/-/factcheck"
	$(VENV)/bin/datasette serve $(DB) --metadata metadata.json -h 127.0.0.1 -p $(PORT)

chromium:
	@test -x /usr/bin/chromium || { echo "installing Debian's chromium for the browser tests"; \
	  (apt-get update -qq && apt-get install -y -qq chromium) >/dev/null \
	  || sudo sh -c 'apt-get update -qq && apt-get install -y -qq chromium' >/dev/null; }

test-stable: $(VENV)/.installed chromium
	$(VENV)/bin/python -m pytest -q

test-pre: $(VENV_PRE)/.installed chromium
	$(VENV_PRE)/bin/python -m pytest -q tests/test_plugin.py tests/test_permissions.py tests/test_reviews.py tests/test_browser.py

# the wheel and sdist a server installs from, checked as the package index would
dist: $(VENV)/.installed
	rm -rf dist
	$(VENV)/bin/python -m build --outdir dist . >/dev/null
	$(VENV)/bin/python -m twine check --strict dist/*

test: test-stable test-pre dist

clean:
	rm -rf $(VENV) $(VENV_PRE) *.egg-info dist $(DB)
