"""Ending the app from outside as Quit does: SIGTERM (a logout, a shutdown, ``kill``), SIGHUP
(its terminal closed) and SIGINT (Ctrl+C in the terminal that started it).

Killed by the default handlers, the app left its workspace as a crash does: the last edits only
in the write-ahead log beside the file (a plain copy of the file missed them), and the lock's
clean-close marker saying "open", so the next opening checked the whole file first. Here the
event loop ends and the workspace closes normally.

Python runs a signal handler only between bytecodes, and Qt's loop runs none while it waits for
events: the signal also writes a byte to a socket Qt watches, which wakes the loop at once.
"""

from __future__ import annotations

import signal
import socket

from PySide6.QtCore import QCoreApplication, QSocketNotifier

SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name))


def quit_on_signals(app: QCoreApplication) -> None:
    """End ``app``'s event loop on SIGTERM, SIGHUP or SIGINT, whatever it is waiting for."""
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)
    notifier.activated.connect(lambda *_: _drain(reader))  # Python runs the pending handler on its way back
    for number in SIGNALS:
        signal.signal(number, lambda *_: app.quit())
    _KEPT.extend([reader, writer, notifier])  # alive as long as the app


_KEPT: list[object] = []


def _drain(reader: socket.socket) -> None:
    try:
        while reader.recv(64):
            pass
    except BlockingIOError:
        pass
