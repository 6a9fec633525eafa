"""A workspace the window cannot open because its file is damaged: the window offers to put
back the newest backup (the damaged file is kept aside in the backup folder), so an analyst
who started Briefing from a file manager is not left with a command to type."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from briefing.domain import BriefingError, WorkspaceDamaged
from briefing.ui.plain import choose, warn


def offer_restore(parent: QWidget, target: Path | None, error: BriefingError, ask=None) -> bool:
    """Say why the workspace did not open; for a damaged file with backups, offer to restore the
    newest. True when it was restored (the caller opens it again). ``ask`` answers the question
    in tests: ask(text, backup) -> bool."""
    from briefing.store.backup import list_backups
    from briefing.store.backup_files import backup_folder
    from briefing.store.integrity import RESTORE_HINT

    message = str(error).replace(RESTORE_HINT, "")
    backups = list_backups(target) if isinstance(error, WorkspaceDamaged) and target is not None else []
    if not backups:
        if isinstance(error, WorkspaceDamaged) and target is not None:
            message += f". No backup of it was found in {backup_folder(target)}."
        warn(parent, "Briefing", message, QMessageBox.Icon.Critical)
        return False
    newest = backups[-1]
    when = datetime.fromtimestamp(newest.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    text = (
        f"{message}.\n\nRestore the newest backup, made {when} ({newest.name})? "
        "The damaged file is kept aside in the backup folder."
    )
    if target is None or not (ask(text, newest) if ask is not None else _ask(parent, text)):
        return False
    from briefing.store.restore import restore_backup

    try:
        restore_backup(target, newest)
    except BriefingError as exc:
        warn(parent, "Briefing", f"The backup could not be restored: {exc}", QMessageBox.Icon.Critical)
        return False
    return True


def _ask(parent: QWidget, text: str) -> bool:
    return choose(parent, "Briefing", text, ("Restore Backup",)) == 0
