"""Tag colours: each tag's colour in the Notes browser and in the reader's note highlights.

By default a tag takes a colour of a fixed palette chosen by its name, so the same tag has the
same colour in every workspace and every run. The analyst may choose another; chosen colours are
kept in QSettings under the workspace's path (the workspace has no table for them), a workspace in
memory keeps them until it closes.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QIcon, QPixmap

# Okabe-Ito hues (told apart with colour-blindness) and five more; mid-tones, so a translucent
# highlight of any of them keeps dark text readable on white and light text readable on black.
PALETTE = (
    "#e69f00",
    "#56b4e9",
    "#009e73",
    "#cc79a7",
    "#d55e00",
    "#8e6bbf",
    "#17becf",
    "#a6761d",
    "#ff9da7",
    "#7f9c2c",
)
SETTINGS_GROUP = "tag-colours"


def default_colour(tag: str) -> str:
    """The palette's colour for ``tag``: the same for the same name, whatever its case."""
    return PALETTE[zlib.crc32(tag.strip().casefold().encode("utf-8")) % len(PALETTE)]


def settings_key(path: Path | None) -> str | None:
    """Where a workspace's chosen colours live in QSettings (None: a workspace in memory)."""
    if path is None:
        return None
    digest = hashlib.sha1(str(Path(path).resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:20]
    return f"{SETTINGS_GROUP}/{digest}"


class TagColours:
    """The colours of one workspace's tags: chosen ones, else the default."""

    def __init__(self, path: Path | None = None):
        self.key: str | None = None
        self.chosen: dict[str, str] = {}
        self.use(path)

    def use(self, path: Path | None) -> None:
        """Read the chosen colours of the workspace at ``path``."""
        self.key = settings_key(path)
        self.chosen = _read(self.key) if self.key else {}

    def colour(self, tag: str) -> str:
        """``#rrggbb`` of ``tag``."""
        return self.chosen.get(tag.strip().casefold()) or default_colour(tag)

    def is_chosen(self, tag: str) -> bool:
        return tag.strip().casefold() in self.chosen

    def note_colour(self, first_tag: str) -> str | None:
        """A note's highlight colour from its first tag; None for an untagged note (the reader's own)."""
        return self.colour(first_tag) if first_tag else None

    def set_colour(self, tag: str, colour: str | None) -> None:
        """Keep ``colour`` (``#rrggbb``) for ``tag``; None goes back to the default."""
        name = tag.strip().casefold()
        if colour is None:
            self.chosen.pop(name, None)
        else:
            checked = QColor(colour)
            if not checked.isValid():
                raise ValueError(f"colour: {colour!r} is not a colour")
            self.chosen[name] = checked.name()
        if self.key:
            QSettings().setValue(self.key, json.dumps(self.chosen, sort_keys=True))

    def icon(self, tag: str, size: int = 12) -> QIcon:
        """A small square of the tag's colour, for lists and menus."""
        pixmap = QPixmap(size, size)
        pixmap.fill(QColor(self.colour(tag)))
        return QIcon(pixmap)


def _read(key: str) -> dict[str, str]:
    """The chosen colours under ``key``; anything that is not a map of names to colours is ignored."""
    try:
        value = json.loads(str(QSettings().value(key, "{}")))
    except (TypeError, ValueError):
        return {}
    if not isinstance(value, dict):
        return {}
    return {
        str(name): QColor(colour).name()
        for name, colour in value.items()
        if isinstance(colour, str) and QColor(colour).isValid()
    }
