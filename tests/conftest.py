"""Test setup: headless Qt, a private user folder, one-line workspace fixtures."""

import os
import shutil
import tempfile

# Qt aborts the process without a display unless a platform is set before any
# QApplication exists; tests never touch the real user's settings or data.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = tempfile.mkdtemp(prefix="briefing-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_HOME, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "data")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QtMsgType, qInstallMessageHandler  # noqa: E402

# Qt's critical and fatal messages, each with the test that was running, in a file that outlives
# the process: a qFatal aborts it, and a message pytest captured would be lost with it. The
# parallel workers of `make test` (pytest-xdist) inherit the file of the run that started them,
# the one pytest's header names.
QT_MESSAGES = Path(os.environ.setdefault("BRIEFING_TEST_QT_MESSAGES", os.path.join(_HOME, "qt-messages.log")))


def _log_qt_message(kind, context, message) -> None:
    if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        with QT_MESSAGES.open("a", encoding="utf-8") as log:
            log.write(f"{os.environ.get('PYTEST_CURRENT_TEST', '?')}: {kind.name}: {message}\n")


qInstallMessageHandler(_log_qt_message)


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config):
    config.option.qt_log = False  # pytest-qt's capture would replace the handler above


def pytest_report_header():
    return f"Qt critical and fatal messages go to {QT_MESSAGES}"


def pytest_unconfigure(config):
    # the private user folder goes with a run that ends; it stays when Qt logged something to read
    # into it (and after an abort, which never gets here)
    if not (QT_MESSAGES.exists() and QT_MESSAGES.is_relative_to(_HOME)):
        shutil.rmtree(_HOME, ignore_errors=True)


from briefing import paths  # noqa: E402
from briefing.store import open_workspace  # noqa: E402


@pytest.fixture
def ws(request, backend):
    """An empty workspace: in memory, or on the private PostgreSQL server when the module runs
    its tests on both backends (``BACKENDS = ("sqlite", "postgresql")``)."""
    if backend == "postgresql":
        target = request.getfixturevalue("postgres_server").emptied_workspace()
        with open_workspace(target) as workspace:
            yield workspace
        return
    with open_workspace(memory=True) as workspace:
        yield workspace


@pytest.fixture
def ws_file(tmp_path: Path) -> Path:
    return tmp_path / "test.briefing"


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    return paths.demo_dir()


@pytest.fixture(scope="session")
def analysed_path(tmp_path_factory, demo_dir) -> Path:
    """The demo corpus imported and analysed once per test session; copy it before changing it."""
    from briefing.pipeline import import_paths

    path = tmp_path_factory.mktemp("demo") / "demo.briefing"
    with open_workspace(path) as ws:
        assert import_paths(ws, [demo_dir]).ok
    return path


@pytest.fixture(scope="session")
def postgres_server():
    """A private PostgreSQL server (tests/postgres_server.py), one per test session. Skipped where
    PostgreSQL is not installed, except in CI, whose .ci/run installs it."""
    from tests.postgres_server import PostgresServer, find_bin_dir

    bin_dir = find_bin_dir()
    if bin_dir is None:
        message = "PostgreSQL is not installed (initdb, pg_ctl); .ci/run installs it"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    server = PostgresServer(bin_dir).start()
    yield server
    server.stop()


@pytest.fixture
def team_database(postgres_server) -> str:
    """The connection string of a new, empty database on the private server."""
    return postgres_server.new_database()


@pytest.fixture
def ws_copy(analysed_path, tmp_path) -> str:
    """The analysed demo workspace copied into a new file, for a test that changes it."""
    copy = tmp_path / "copy.briefing"
    copy.write_bytes(analysed_path.read_bytes())
    return str(copy)


@pytest.fixture(params=["sqlite", "postgresql"])
def analysed_copy(request, analysed_path, tmp_path) -> str:
    """The analysed demo workspace, copied into a new file or a new team database: where it is
    shared, for tests that open it twice (two windows, a window and a colleague)."""
    copy = tmp_path / "copy.briefing"
    copy.write_bytes(analysed_path.read_bytes())
    if request.param == "sqlite":
        return str(copy)
    from briefing.store.copying import copy_workspace

    database = request.getfixturevalue("team_database")
    copy_workspace(str(copy), database)
    return database


def pytest_generate_tests(metafunc):
    """``ws`` runs on both backends in test modules that say so (``BACKENDS``); the PostgreSQL
    one on the private server, in a new database each test."""
    backends = getattr(metafunc.module, "BACKENDS", ("sqlite",))
    if metafunc.definition.get_closest_marker("sqlite_only"):
        backends = ("sqlite",)
    if metafunc.definition.get_closest_marker("postgresql_only"):
        backends = ("postgresql",)
    if "ws" in metafunc.fixturenames and (len(backends) > 1 or backends == ("postgresql",)):
        metafunc.parametrize("backend", backends)


@pytest.fixture
def backend():
    return "sqlite"
