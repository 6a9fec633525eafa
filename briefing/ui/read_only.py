"""A window on a workspace it may only read refuses a change before a dialog asks for it.

A role granted only SELECT on a team workspace, or a file another process has open for writing,
can read everything; a change is refused by the store at its first write. For a change that
opens a dialog first (a note, a new name, a speaker, a merge target), that refusal came after
the analyst had typed and chosen: the window says it up front instead, in one line.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QWidget

from briefing.store import Workspace
from briefing.ui.plain import warn
from briefing.ui.slot_errors import SHOWN_MS  # as long as any refusal stays in the status bar


def read_only_line(ws: Workspace) -> str:
    return f"{ws.name} is read-only here: {ws.read_only_reason}; nothing can be changed"


def refuse_change(widget: QWidget, ws: Workspace | None) -> bool:
    """True, said in the window's status bar (or a message box outside one), when ``ws`` may
    only be read; False when the change may go on."""
    if ws is None or not ws.read_only:
        return False
    top = widget.window()
    if isinstance(top, QMainWindow):
        top.statusBar().showMessage(read_only_line(ws), SHOWN_MS)
    else:
        warn(widget, "Read-only", read_only_line(ws))
    return True
