"""The app ended from outside (a logout, a shutdown, `kill`, Ctrl+C) closes its workspace as Quit does."""

import signal
import subprocess

import pytest

from tests.processes import spawn_python

APP = """
import sys
from briefing.ui import main_window

attach = main_window.MainWindow.attach


def announced(self, ws):
    attach(self, ws)
    print("attached", flush=True)  # the test's cue: the workspace is open in the window


main_window.MainWindow.attach = announced
from briefing.ui.app import run_app

sys.exit(run_app(sys.argv[1]))
"""
WAIT_S = 600  # bounds a hang only: the test waits for the child's own word and its exit


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_closes_the_workspace_cleanly(analysed_path, tmp_path, number):
    """Killed by the default handler, the window left the marker 'open' (the next opening checked
    the whole file first) and its last edits only in the write-ahead log beside the file."""
    copy = tmp_path / "case.briefing"
    copy.write_bytes(analysed_path.read_bytes())
    child = spawn_python(APP, str(copy))
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "attached"
        assert copy.with_name("case.briefing.lock").read_text().startswith("open")
        child.send_signal(number)
        _, errors = child.communicate(timeout=WAIT_S)
    except (AssertionError, subprocess.TimeoutExpired):
        child.kill()
        raise
    assert child.returncode == 0, errors
    assert "Traceback" not in errors
    assert copy.with_name("case.briefing.lock").read_text().startswith("closed")
    wal = copy.with_name("case.briefing-wal")
    assert not wal.exists() or wal.stat().st_size == 0
