"""The window appears first; the workspace opens in the next turn of the event loop."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from briefing.domain import BriefingError


def open_when_painted(window, opener: Callable[[], object], failed: Callable[[BriefingError], None]) -> None:
    """Call ``opener`` once ``window`` (a MainWindow) has painted and attach the workspace it
    opens: the window appears at once, however long the workspace takes. ``failed`` gets its error."""
    def open_now() -> None:
        try:
            ws = opener()
        except BriefingError as exc:
            failed(exc)
            return
        window.attach(ws)

    window.first_paint = FirstPaint(window, open_now)


class FirstPaint(QObject):
    """Calls ``then`` once, after ``window`` first paints (or after a second, if it never does:
    a window started minimised)."""

    def __init__(self, window: QWidget, then: Callable[[], None]):
        super().__init__(window)
        self.window = window
        self.then: Callable[[], None] | None = then
        window.installEventFilter(self)
        QTimer.singleShot(1000, self._fire)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self._fire)  # after this paint has reached the screen
        return False

    def _fire(self) -> None:
        if self.then is not None:
            then, self.then = self.then, None
            self.window.removeEventFilter(self)
            then()
