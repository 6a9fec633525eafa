"""The timeline's legend: what the marks mean on one line, how to move about on the next, beside
the zoom buttons where the pane has room for both lines whole, else on a row of their own under
them; a line longer than even that row ends in an ellipsis, and the tooltip holds it all.

Wrapped beside the buttons, the legend took five lines in a 1280x800 window with the entity page
open (the pane 915 pixels wide, the earlier and later buttons showing): more height than the
plot's first row of marks."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QLabel, QWidget

from briefing.ui.plain import tip

LEAST_WIDTH = 120  # pixels: a few words of each line, the rest in the tooltip


class LegendLabel(QLabel):
    """A label of whole lines, each cut with an ellipsis at the label's width, never wrapped."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)
        self.lines: list[str] = []

    def set_lines(self, lines: list[str]) -> None:
        self.lines = [line for line in lines if line]
        self.setToolTip(tip(self.full_text()))  # none when there are no lines
        self._elide()
        self.updateGeometry()

    def full_text(self) -> str:
        return "\n".join(self.lines)

    def full_width(self) -> int:
        """The width the lines need whole."""
        metrics, margins = self.fontMetrics(), self.contentsMargins()
        widest = max((metrics.horizontalAdvance(line) for line in self.lines), default=0)
        return widest + margins.left() + margins.right()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self.full_width(), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """A few words of one line: squeezed to its least (a large font, a short window), the pane
        keeps its search results' headings in sight rather than the legend's second line."""
        margins = self.contentsMargins()
        line = self.fontMetrics().lineSpacing() + margins.top() + margins.bottom()
        return QSize(min(LEAST_WIDTH, self.full_width()), min(line, super().minimumSizeHint().height()))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics, room = self.fontMetrics(), self.contentsRect().width()
        mode = Qt.TextElideMode.ElideRight
        shown = "\n".join(metrics.elidedText(line, mode, room) if room > 0 else line for line in self.lines)
        if shown != self.text():
            self.setText(shown)


def room_beside(row: QBoxLayout, legend: QWidget) -> int:
    """The pixels the row's other items take at their preferred widths, their spacing counted."""
    taken = 0
    for item in (row.itemAt(i) for i in range(row.count())):
        widget = item.widget() if item is not None else None
        if item is None or widget is legend or (widget is not None and widget.isHidden()):
            continue
        taken += item.sizeHint().width() + row.spacing()
    return taken


def place_legend(legend: LegendLabel, beside: QBoxLayout, under: QBoxLayout, width: int) -> None:
    """The legend in the row ``beside``, before its last stretch and button, when the row's
    ``width`` leaves room for its lines whole; else alone in the row ``under``, which is empty
    (no height) while the legend is beside."""
    whole = legend.full_width()  # none before the timeline is drawn: no row of its own for nothing
    wanted = beside if not whole or width - room_beside(beside, legend) >= whole else under
    if wanted.indexOf(legend) >= 0:
        return
    (under if wanted is beside else beside).removeWidget(legend)
    if wanted is beside:
        beside.insertWidget(beside.count() - 2, legend, 1)
    else:
        under.addWidget(legend, 1)
