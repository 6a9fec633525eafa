"""The status bar's standing line: how many sources the workspace holds, or what to do first.

A temporary message (a backup made, an import's result) covers it while it lasts and the line
comes back after; shown as the message itself, it was wiped by the first message that expired.
While the workspace holds only the demo articles the line says how to start on one's own."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QStatusBar

from briefing.domain import strip_bidi
from briefing.store import Workspace
from briefing.store.sources import list_file_names

NO_SOURCES = "No sources yet: use File ▸ Import Files… (Ctrl+I) or drop files on the window"
DEMO_HINT = (
    "the demo articles: File ▸ Import Files… (Ctrl+I) adds your own, File ▸ New Workspace… (Ctrl+N) starts an "
    "empty workspace"
)


class StandingLine(QLabel):
    def __init__(self, bar: QStatusBar):
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)  # it names the workspace's file
        self.bar = bar
        bar.addWidget(self, 1)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Shown under a message: QStatusBar hides the line for a message only while it is in
        sight, so a message shown before the window (a screenshot's view, "Opening the
        workspace…") was drawn over the count. Hidden as QStatusBar hides it, so that the
        message's end brings the line back."""
        super().showEvent(event)
        if self.bar.currentMessage():
            self.hide()
            self.setAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide, False)

    def show_count(self, ws: Workspace, count: int) -> None:
        if not count:
            self.setText(NO_SOURCES)
            return
        line = f"{count} source{'s' if count != 1 else ''} in {strip_bidi(ws.name)}"
        self.setText(f"{line} · {DEMO_HINT}" if _only_demo(ws, count) else line)


def _only_demo(ws: Workspace, count: int) -> bool:
    """True when every source is one of the demo corpus's articles (read only for a few sources)."""
    names = _demo_names()
    if count > len(names):
        return False
    return all(name in names for name in list_file_names(ws))


@cache
def _demo_names() -> frozenset[str]:
    from briefing.paths import demo_dir

    return frozenset(path.name for path in demo_dir().iterdir())
