"""Where a briefing note is exported to: the save dialog, the format the typed name asks for,
and the folder (and format) of the last export, kept between runs (QSettings).

The typed extension decides the format ("week47.pdf" is a PDF whatever filter is selected);
the selected filter's extension is added only to a name without one of ours.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from briefing.domain import BRIEFING_FORMATS, FORMAT_SUFFIXES
from briefing.ui.file_dialogs import save_file

SUFFIXES = FORMAT_SUFFIXES
FORMAT_NAMES = {
    "md": "Markdown (*.md)",
    "html": "Web page (*.html)",
    "pdf": "PDF (*.pdf)",
    "docx": "Word document (*.docx)",
    "json": "JSON-LD (*.json)",
}
FOLDER_KEY = "export/folder"
FORMAT_KEY = "export/format"


def ask_export_target(parent: QWidget, title: str) -> tuple[str, str] | None:
    """Ask where to export the note titled ``title``: (file, format), or None when cancelled."""
    settings = QSettings()
    last = str(settings.value(FORMAT_KEY) or "md")
    last = last if last in SUFFIXES else "md"
    suggested = str(last_folder() / (file_stem(title) + SUFFIXES[last]))
    filters = ";;".join(FORMAT_NAMES[f] for f in BRIEFING_FORMATS)
    target, chosen = save_file(parent, "Export Briefing Note", suggested, filters, FORMAT_NAMES[last])
    if not target:
        return None
    target, fmt = resolve_target(target, next((f for f, name in FORMAT_NAMES.items() if name == chosen), None))
    settings.setValue(FOLDER_KEY, str(Path(target).parent))
    settings.setValue(FORMAT_KEY, fmt)
    return target, fmt


def last_folder() -> Path:
    """The folder of the last export while it still exists, else the home folder."""
    folder = QSettings().value(FOLDER_KEY)
    return Path(folder) if isinstance(folder, str) and folder and Path(folder).is_dir() else Path.home()


def resolve_target(target: str, chosen: str | None) -> tuple[str, str]:
    """The file and format for a typed name: its own extension's format, else the chosen filter's
    (Markdown without one) with that extension added."""
    from briefing.export.formats import format_of_path  # the exporters load when an export starts

    typed = format_of_path(target)
    if typed is not None:
        return target, typed
    fmt = chosen or "md"
    return target + SUFFIXES[fmt], fmt


# Unicode's default-ignorable code points: drawn as nothing (soft hyphen, joiners, bidi controls,
# variation selectors, Hangul fillers, tag characters); a file name holding them looks like another
DEFAULT_IGNORABLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f"
    "\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)
# names Windows keeps for devices, whatever the extension: "CON.pdf" cannot be made there
RESERVED_NAMES = {"CON", "PRN", "AUX", "NUL", *(f"{d}{n}" for d in ("COM", "LPT") for n in "0123456789¹²³")}
STEM_LENGTH = 80


def file_stem(title: str) -> str:
    """The title as a file name: an apostrophe keeps its word whole ("doesn't" -> "doesnt"),
    other marks a file manager or a shell would trip on become spaces. Letters keep their accents
    and vowel signs ("हिन्दी" was cut into "ह न द"), what is drawn as nothing goes (a name of
    invisible letters), and a name Windows keeps for a device is not the whole name."""
    title = DEFAULT_IGNORABLE.sub("", unicodedata.normalize("NFC", title)).replace("'", "").replace("\u2019", "")
    kept: list[str] = []
    for char in title:
        mark = unicodedata.category(char) in ("Mn", "Mc") and bool(kept) and kept[-1] != " "
        kept.append(char if char.isalnum() or char in "-_" or mark else " ")
    stem = " ".join("".join(kept).split())[:STEM_LENGTH].strip()
    if stem.upper() in RESERVED_NAMES:
        return f"{stem} briefing"
    return stem or "briefing"
