"""Who the app's user is in the judgement history: a name kept in the settings (Edit > Your Name…).

Without one the history records the login name; $BRIEFING_ANALYST, when set, wins over both
(``briefing.store.history.current_actor``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog, QLineEdit

from briefing.store.history import MAX_NAME, clean_name, current_actor, set_analyst_name

if TYPE_CHECKING:
    from briefing.ui.main_window import MainWindow

NAME_KEY = "analyst/name"


def apply_saved_name() -> None:
    """Record the name kept in the settings (if any) from now on."""
    set_analyst_name(str(QSettings().value(NAME_KEY) or "") or None)


def ask_analyst_name(window: MainWindow, ask=QInputDialog.getText) -> None:
    """Ask for the name the history records for this user's changes, keep it and use it."""
    saved = str(QSettings().value(NAME_KEY) or "")
    ws = window.ws if window.attached else None
    text, ok = ask(
        window,
        "Your Name",
        f"The name the judgement history records for your changes (now: {current_actor(ws)}).\n"
        "Leave it empty to use your login name.",
        QLineEdit.EchoMode.Normal,
        saved,
    )
    if not ok:
        return
    name = clean_name(text)
    settings = QSettings()
    if name is None:
        settings.remove(NAME_KEY)
    else:
        settings.setValue(NAME_KEY, name[:MAX_NAME])
    set_analyst_name(name)
    window.statusBar().showMessage(f"Your changes are recorded as {current_actor(ws)}.", 8000)
