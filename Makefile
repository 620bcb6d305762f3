# Newsdesk: `make run` sets up and serves the demo; `make test` runs the whole suite.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# The scorer modules compiled with Cython (setup.py), rebuilt when a source changes.
SCORERS := $(filter-out %/__init__.py %/compiled.py,$(wildcard analysis/scoring/*.py))
COMPILED := analysis/scoring/compiled-sources.json

.PHONY: run test lint format worker bench compile clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

# Without a C compiler the scorers still run, from source (slower): a warning, not a stop.
# CI fails on it all the same (tests/analysis/scoring/test_compiled.py).
$(COMPILED): $(STAMP) $(SCORERS) setup.py
	$(PY) setup.py --quiet build_ext --inplace || \
	  echo "WARNING: the scorers could not be compiled and will run from their Python source"

compile: $(COMPILED)

run: $(STAMP) $(COMPILED)
	mkdir -p var
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py create_demo_users --file var/demo-logins.txt
	DEBUG=1 $(PY) manage.py load_demo
	@echo "Serving on http://127.0.0.1:8000/ with a Celery worker and beat (Ctrl-C stops both)"
	# The logins again once the worker's and the server's banners have scrolled them away.
	DEBUG=1 $(VENV)/bin/celery -A config worker --loglevel=warning --concurrency=1 \
	  -Q newsdesk,newsdesk-grouping,newsdesk-feeds -B & \
	  worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  (sleep 8; printf '\nOpen http://127.0.0.1:8000/ and log in as (also in var/demo-logins.txt):\n'; \
	   cat var/demo-logins.txt) & \
	  DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

worker: $(STAMP) $(COMPILED)
	$(VENV)/bin/celery -A config worker --loglevel=info -Q newsdesk,newsdesk-grouping,newsdesk-feeds

test: $(STAMP) $(COMPILED)
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: $(STAMP) $(COMPILED)
	DEBUG=1 $(PY) bench/score.py
	DEBUG=1 $(PY) bench/eval_framing.py
	DEBUG=1 $(PY) bench/eval_events.py
	$(PY) bench/anchoring.py

clean:
	rm -rf $(VENV) var newsdesk.sqlite3 test-newsdesk.sqlite3 build $(COMPILED)
	rm -f analysis/scoring/*.so
