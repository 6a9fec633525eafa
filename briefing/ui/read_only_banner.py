"""The banner above the window's panes on a workspace it may only read (a received workspace, a
file another process has open, a newer schema): an amber band in the palette in use.

It was a fixed cream box with brown text, a light slab on the dark palette. Its background is now
amber laid over the window's own colour (a pale band on a light window, a dark amber one on a
dark window) and its text the palette's, nudged until it reads at 4.5:1 on that background; it
follows the palette when the desktop switches between light and dark."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from briefing.ui.palette_colours import blend, luminance, readable_on

AMBER = "#ffc107"
# of the amber over the window colour: a light window takes a pale wash, a dark one a deeper one
# (as much again would turn the band orange under light text)
AMBER_SHARE = {True: 56, False: 60}  # keyed by "the window is dark"
DARK_WINDOW = 0.18  # relative luminance under which a window colour counts as dark


def banner_colours(palette: QPalette) -> tuple[QColor, QColor, QColor]:
    """(background, text, edge) of the banner in ``palette``."""
    window = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Window)
    dark = luminance(window) < DARK_WINDOW
    background = blend(window, AMBER, AMBER_SHARE[dark])
    text = readable_on("#ffe8a3" if dark else "#5c4400", background)
    return background, text, blend(window, AMBER, 200)


class ReadOnlyBanner(QLabel):
    """The read-only banner: the app's markup (the reason in it escaped by the caller).

    Its colours are its palette's Window and WindowText, set from the application's palette and
    set again when that changes (no style sheet: a widget with one is not told of a new palette)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)  # the app's markup; the reason is escaped
        self.setObjectName("read-only-banner")
        self.setWordWrap(True)
        self.setAutoFillBackground(True)
        self.setContentsMargins(6, 6, 6, 7)  # the last pixel for the amber edge under it
        self._colour()
        self.hide()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the desktop switched between light and dark
            self._colour()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        painter = QPainter(self)
        painter.setPen(banner_colours(QApplication.palette())[2])
        painter.drawLine(0, self.height() - 1, self.width(), self.height() - 1)
        painter.end()

    def _colour(self) -> None:
        background, text, _ = banner_colours(QApplication.palette())  # its own is amber already
        palette = self.palette()
        if (palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.WindowText)) == (
            background,
            text,
        ):
            return  # set already: setting it again would tell it of a change, and so on
        palette.setColor(QPalette.ColorRole.Window, background)
        palette.setColor(QPalette.ColorRole.WindowText, text)
        self.setPalette(palette)
