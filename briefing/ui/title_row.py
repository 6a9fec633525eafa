"""A box's title with the buttons that act on its list, on the title's line.

Under their lists, Remove Evidence and Confirm with Dismiss each took a line of the claims tab:
at 1280x800 the two lines were more than the room kept for a suggestion's preview cost the lists
above it. Beside the title they take none; where the panel is too narrow for the title to keep
``TITLE_LEAST_CHARACTERS`` beside them (a large font), they go on a line under it, as before.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLabel, QLayoutItem, QStyle, QWidget

from briefing.ui.flow_layout import PlacedLayout

TITLE_LEAST_CHARACTERS = 14  # of the title's width beside the buttons, else they go under it


class TitleRow(PlacedLayout):
    """A word-wrapped title on the left, its buttons on the right of its first line."""

    def __init__(self, title: QLabel, *buttons: QWidget, reserve: str = "") -> None:
        """``reserve``: a text whose lines the title keeps room for whatever it says, so the row's
        height does not change as the list's title does (the suggestions' gains its ranking
        note once a claim is shown, after the claims tab shared its height)."""
        super().__init__()
        self.title = title
        self.reserve = reserve
        for widget in (title, *buttons):
            self.add(widget)

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt's name
        return Qt.Orientation.Horizontal

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """The title on one line and the buttons beside it."""
        shown = self._buttons()
        width = self.title.sizeHint().width() + sum(i.sizeHint().width() + self._gap() for i in shown)
        height = max([self.title.sizeHint().height(), *(i.sizeHint().height() for i in shown)])
        return QSize(width, height)

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        """The widest button: the title wraps and the buttons go under it."""
        size = QSize()
        for item in self._buttons():
            size = size.expandedTo(item.minimumSize())
        return size

    def beside(self, width: int) -> bool:
        """Whether the buttons go on the title's line at ``width``: where the title keeps
        ``TITLE_LEAST_CHARACTERS`` beside them and the row is no taller than with them under it
        (the long title of the suggestions wrapped on to five lines at 15 points)."""
        room = width - self._buttons_width() - self._gap()
        if room < self.title.fontMetrics().averageCharWidth() * TITLE_LEAST_CHARACTERS:
            return False
        return max(self._line(), self._title_height(room)) <= self._under(width, move=False, top=0)

    def _line(self) -> int:
        return max((i.sizeHint().height() for i in self._buttons()), default=0)

    def _buttons(self) -> list[QLayoutItem]:
        return [i for i in self._items[1:] if not i.isEmpty()]

    def _buttons_width(self) -> int:
        shown = self._buttons()
        return sum(i.sizeHint().width() for i in shown) + self._gap() * max(0, len(shown) - 1)

    def _gap(self) -> int:
        parent = self.parentWidget()
        if parent is None:
            return 6
        return parent.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing, None, parent)

    def _title_height(self, width: int) -> int:
        if not self.title.wordWrap():
            return self.title.sizeHint().height()
        reserved = self.title.fontMetrics().boundingRect(0, 0, width, 0, Qt.TextFlag.TextWordWrap, self.reserve)
        return max(self.title.heightForWidth(width), reserved.height() if self.reserve else 0)

    def _place(self, rect: QRect, move: bool) -> int:
        """Lay the title and buttons out in ``rect`` (``move``: for real); the height they take."""
        if not self.beside(rect.width()):
            return self._under(rect.width(), move, rect.y(), rect.x())
        gap, line = self._gap(), self._line()
        width = rect.width() - self._buttons_width() - gap
        title = self._title_height(width)
        if move:  # one line of title centred on the buttons' line, more from its top
            top = rect.y() + max(0, (line - title) // 2)
            self._items[0].setGeometry(QRect(rect.x(), top, width, title))
            x = rect.x() + width + gap
            for item in self._buttons():
                item.setGeometry(QRect(QPoint(x, rect.y()), item.sizeHint()))
                x += item.sizeHint().width() + gap
        return max(line, title)

    def _under(self, width: int, move: bool, top: int, left: int = 0) -> int:
        """The title across ``width`` and the buttons under it, left to right on as many lines as
        they need (``move``: for real, from ``left``, ``top``); the height they take."""
        gap, title = self._gap(), self._title_height(width)
        if move:
            self._items[0].setGeometry(QRect(left, top, width, title))
        x, y, row = left, top + title + gap, 0
        for item in self._buttons():
            size = item.sizeHint()
            if x > left and x + size.width() > left + width:
                x, y, row = left, y + row + gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), size))
            x += size.width() + gap
            row = max(row, size.height())
        return y + row - top
