"""The briefing note preview's page: the exported page's stylesheet in the window's colours.

The preview used to be paper-white whatever the palette: a glaring white box beside a dark
window, and empty while no note is open. It now takes the window's base and text colours, and the
page's own tints (quote blocks, the red of a caution, table rules) turn into their dark
counterparts on a dark palette. The exported files keep the light page.
"""

from __future__ import annotations

from PySide6.QtGui import QPalette

from briefing.export.html import STYLESHEET

# the light page's colours and what stands for each on a dark base
_DARK_TINTS = {
    "#faf7ec": "#2f2b1e",  # a quote block's tint
    "#fdecea": "#3b2022",  # a caution's tint
    "#a4161a": "#ff8f87",  # a caution's words and rule
    "#ddd": "#555",  # the rule under a section heading
    "#ccc": "#666",  # table cell borders
}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def page_stylesheet(palette: QPalette) -> str:
    """The export's stylesheet with its text and tints in colours that read on ``palette``'s base."""
    sheet = STYLESHEET.replace("#1d1d1f", palette.color(QPalette.ColorRole.Text).name())
    if is_dark(palette):
        for light, dark in _DARK_TINTS.items():
            sheet = sheet.replace(light, dark)
    return sheet
