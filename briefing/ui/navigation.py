"""Back and Forward across the window's jumps, as a web browser does.

Every jump (a search result, a suggestion, a piece of evidence, an entity's mention, a
timeline item, a source picked in the list by hand, another entity's page) records the
location it leaves: the source, the range selected in it, how far it was scrolled and the
entity page open. View ▸ Back (Alt+Left, the
mouse's back button) returns there; View ▸ Forward (Alt+Right, the forward button) goes
to where Back came from. The window calls ``jump_to`` to open a source and
``source_changed`` when the list's current row changes; nothing else is recorded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QMouseEvent, QTextCursor

if TYPE_CHECKING:
    from briefing.ui.main_window import MainWindow

HISTORY_LIMIT = 200
BUTTON_STEPS = {Qt.MouseButton.BackButton: -1, Qt.MouseButton.ForwardButton: 1}


@dataclass(frozen=True)
class Location:
    source_id: int
    selection: tuple[int, int] | None  # the range of the source's text selected there
    scroll: int  # the reader's vertical scroll position
    entity_id: int | None = None  # the entity page open there, if any


class History:
    """Two stacks of locations: where Back goes, and where Forward goes."""

    def __init__(self, limit: int = HISTORY_LIMIT):
        self.limit = limit
        self.behind: list[Location] = []
        self.ahead: list[Location] = []

    def record(self, left: Location) -> None:
        """A jump left ``left``: Back returns there; what was ahead is forgotten."""
        if not self.behind or self.behind[-1] != left:
            self.behind.append(left)
            del self.behind[: -self.limit]
        self.ahead.clear()

    def back(self, here: Location | None) -> Location | None:
        return self._step(self.behind, self.ahead, here)

    def forward(self, here: Location | None) -> Location | None:
        return self._step(self.ahead, self.behind, here)

    @staticmethod
    def _step(source: list[Location], target: list[Location], here: Location | None) -> Location | None:
        if not source:
            return None
        if here is not None:
            target.append(here)
        return source.pop()


class Navigation(QObject):
    """The window's history of locations with its Back and Forward actions."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.history = History()
        self._quiet = 0  # inside a jump or a step: the list's row change is not a jump of its own
        self.back_action = self._action("&Back", QKeySequence.StandardKey.Back, self.back)
        self.forward_action = self._action("Fo&rward", QKeySequence.StandardKey.Forward, self.forward)
        window.reader.navigateRequested.connect(self.step)
        window.installEventFilter(self)
        window.table.viewport().installEventFilter(self)
        self._update()

    def _action(self, text: str, key: QKeySequence.StandardKey, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(slot)
        self.window.addAction(action)  # works before the menu is built, and in tests without it
        return action

    def add_to_menu(self, menu) -> None:
        menu.addActions([self.back_action, self.forward_action])

    def reset(self) -> None:
        """Forget every location: a workspace just opened has nowhere to go back to."""
        self.history = History()
        self._update()

    # -- recording ------------------------------------------------------
    def here(self) -> Location | None:
        reader = self.window.reader
        if reader.shown is None or reader.shown.id is None:
            return None
        dock = self.window.entity_dock
        entity = dock.entity_id if dock.isVisible() else None
        return Location(reader.shown.id, reader.selected_range(), reader.verticalScrollBar().value(), entity)

    def record(self) -> None:
        here = self.here()
        if here is not None:
            self.history.record(here)
            self._update()

    def jump_to(self, source_id: int) -> None:
        """Open ``source_id`` in the list and the reader, recording the location left."""
        self.record()
        with self._quietly():
            self._select(source_id)

    def source_changed(self, source_id: int | None) -> None:
        """The list's current source changed: a jump when the analyst picked it by hand."""
        here = self.here()
        if self._quiet or source_id is None or here is None or here.source_id == source_id:
            return
        self.history.record(here)
        self._update()

    # -- moving ---------------------------------------------------------
    def back(self) -> None:
        self._go(self.history.back, "Nothing to go back to.")

    def forward(self) -> None:
        self._go(self.history.forward, "Nothing to go forward to.")

    def step(self, direction: int) -> None:
        (self.back if direction < 0 else self.forward)()

    def _go(self, move: Callable[[Location | None], Location | None], nowhere: str) -> None:
        target = move(self.here())
        self._update()
        if target is None:
            self.window.statusBar().showMessage(nowhere, 4000)
            return
        with self._quietly():
            self._select(target.source_id)
        reader = self.window.reader
        if reader.shown is None or reader.shown.id != target.source_id:
            self.window.statusBar().showMessage("That source is no longer in the workspace.", 6000)
            return
        if target.selection is not None:
            reader.scroll_to(*target.selection)
        else:
            reader.setTextCursor(QTextCursor(reader.document()))
        reader.verticalScrollBar().setValue(target.scroll)
        dock = self.window.entity_dock
        if target.entity_id is not None and (target.entity_id != dock.entity_id or not dock.isVisible()):
            self.window.open_entity(target.entity_id, record=False)  # the page that was open there

    def _select(self, source_id: int) -> None:
        window = self.window
        if window.model.row_of(source_id) is None and window.model.text:
            window.filter_edit.clear()  # a filter hides the source: show every source again
            window.filter_timer.stop()
            window.source_filter.apply()  # and the status bar stops counting its matches
        window._select(source_id)

    @contextmanager
    def _quietly(self) -> Iterator[None]:
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1

    def _update(self) -> None:
        self.back_action.setEnabled(bool(self.history.behind))
        self.forward_action.setEnabled(bool(self.history.ahead))
        self.back_action.setToolTip("Back to where the last jump came from (Alt+Left, the mouse's back button)")
        self.forward_action.setToolTip("Forward again (Alt+Right, the mouse's forward button)")

    # -- Qt overrides ---------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            direction = BUTTON_STEPS.get(event.button())
            if direction is not None:
                self.step(direction)
                return True
        return super().eventFilter(watched, event)
