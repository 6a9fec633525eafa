"""Regression: PySide6 6.12.0 on CPython 3.11 corrupts None's refcount and aborts
the interpreter ("none_dealloc") after a few thousand void Qt calls. Runs in a
child process so that an abort fails this test instead of killing the suite."""

import os
import subprocess
import sys

SCRIPT = """
import sys
from PySide6.QtCore import QObject, QSize
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
obj, widget = QObject(), QWidget()
for i in range(CALLS // 2):
    obj.setObjectName("n")            # void calls return None
    widget.setMinimumSize(QSize(i % 50, 10))
print("ok", sys.getrefcount(None) > 0)
"""
CALLS = 50_000


def test_many_void_qt_calls_do_not_abort_the_interpreter():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", f"CALLS = {CALLS}\n" + SCRIPT],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok True"
