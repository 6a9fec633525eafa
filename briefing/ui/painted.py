"""Waiting until a window is laid out and painted, for ``briefing --screenshot``: the window was
grabbed after one pass of the event loop, before what its showing had queued (a pane making room
for its plot, a layout after a message in the status bar) had run, and the picture could show a
state no screen ever shows.

The wait is for events, not for time: the window's paint, then everything that paint and the
showing queued (posted events, zero-time timers), then a paint again until one leaves nothing to
lay out or repaint. ``HANG_MS`` bounds a hang only (no machine takes it to paint a window)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

HANG_MS = 120_000
MOST_ROUNDS = 10  # paints waited for at the most: a blinking cursor asks for one every half second


class _Watch(QObject):
    """Notes the window's paints, and any widget of it asking to be laid out or repainted."""

    WORK = (QEvent.Type.LayoutRequest, QEvent.Type.UpdateRequest, QEvent.Type.UpdateLater)

    def __init__(self, window: QWidget, loop: QEventLoop):
        super().__init__()
        self.window, self.loop = window, loop
        self.painted = False
        self.dirty = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if isinstance(watched, QWidget) and watched.window() is self.window:
            if event.type() == QEvent.Type.Paint:
                self.painted, self.dirty = True, False
                self.loop.quit()
            elif event.type() in self.WORK:
                self.dirty = True
        return False


def wait_until_painted(window: QWidget) -> None:
    """Return once ``window`` has been painted with nothing of it left to lay out or repaint."""
    app = QApplication.instance()
    if app is None:  # no application, no event loop: nothing can paint
        return
    loop = QEventLoop()
    watch = _Watch(window, loop)
    guard = QTimer(singleShot=True, interval=HANG_MS)
    guard.timeout.connect(loop.quit)
    app.installEventFilter(watch)
    try:
        for _ in range(MOST_ROUNDS):
            if not watch.dirty:
                break
            watch.painted = False
            window.update()
            guard.start()
            if not watch.painted:
                loop.exec()
            # what the paint and the showing queued: layouts, zero-time timers, their own updates
            QApplication.sendPostedEvents()
            QApplication.processEvents()
    finally:
        guard.stop()
        app.removeEventFilter(watch)
