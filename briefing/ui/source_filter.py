"""The source list's filter field: it narrows the list a moment after typing stops, Enter opens
the first match and puts the keyboard in the list, Ctrl+L (View ▸ Filter Sources) comes back to it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLineEdit

if TYPE_CHECKING:
    from briefing.ui.main_window import MainWindow

TYPING_PAUSE_MS = 200


class SourceFilter:
    def __init__(self, window: MainWindow):
        self.window = window
        self.timer = QTimer(window, singleShot=True, interval=TYPING_PAUSE_MS)
        self.edit = QLineEdit(placeholderText="Filter sources (title, outlet, date)")
        self.edit.setAccessibleName("Filter sources")
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(lambda _: self.timer.start())
        self.timer.timeout.connect(self.apply)
        self.edit.returnPressed.connect(self.open_first_match)

    def apply(self) -> None:
        """The list narrowed to what the field holds; the source being read stays picked when
        it is among the matches, and the status bar counts them."""
        window = self.window
        current = window.current_source_id()
        window.model.set_filter(self.edit.text())
        count = window.model.rowCount()
        window.statusBar().showMessage(f"{count} source{'s' if count != 1 else ''} match" if window.model.text else "")
        if current is not None and window.model.row_of(current) is not None:
            window._select(current)

    def open_first_match(self) -> None:
        """Enter in the filter: its first match opens (unless the source shown is one) and the
        list takes the focus, so the arrows go on from there."""
        window = self.window
        self.timer.stop()
        self.apply()
        if window.model.rowCount() == 0:
            return
        if window.current_source_id() is None:
            window._select(window._first_id())  # as a pick by hand: Back returns
        window.table.setFocus()

    def focus(self) -> None:
        self.edit.setFocus()
        self.edit.selectAll()
