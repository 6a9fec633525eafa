"""File ▸ Restore Backup…: the workspace's backups, newest first, each with when it was made,
why, and its size; the analyst picks one, or a copy kept elsewhere (Other File…). The damaged
files a restore kept aside sit in the same folder but are no backups: they are counted, never
offered."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.domain import strip_bidi
from briefing.paths import WORKSPACE_SUFFIX
from briefing.store.backup_files import backup_folder, backup_kind, list_backups, list_set_aside
from briefing.store.revisions import shown_time
from briefing.ui.evidence import time_tip
from briefing.ui.file_dialogs import open_file
from briefing.ui.plain import plain_label, tip

PathRole = Qt.ItemDataRole.UserRole
FILE_FILTER = f"Briefing workspaces (*{WORKSPACE_SUFFIX});;All files (*)"


class BackupDialog(QDialog):
    """The backups of ``workspace`` to restore from; ``chosen`` is the file picked."""

    def __init__(self, parent: QWidget | None, workspace: Path):
        super().__init__(parent)
        self.workspace = workspace
        self.chosen: Path | None = None
        self.backups = list_backups(workspace)  # oldest first; the folder is read once
        self.setWindowTitle("Restore Backup")
        self.list = QTreeWidget()
        self.list.setHeaderLabels(["Made", "Kind", "Size"])
        self.list.setRootIsDecorated(False)
        self.list.setAccessibleName("Backups")
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.list.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.list.headerItem().setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.list.itemDoubleClicked.connect(lambda _item, _column: self._pick_selected())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton("&Restore…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.other_button = self.buttons.addButton("&Other File…", QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self._pick_selected)
        self.other_button.clicked.connect(self._pick_other)
        self.buttons.rejected.connect(self.reject)
        self.list.currentItemChanged.connect(lambda item, _old: self.restore_button.setEnabled(item is not None))
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self._intro(), word_wrap=True))
        layout.addWidget(self.list)
        aside = list_set_aside(workspace)
        if aside:
            noun = "file" if len(aside) == 1 else "files"
            layout.addWidget(
                plain_label(
                    f"The folder also holds {len(aside)} damaged {noun} a restore kept aside (ending in "
                    "“-replaced”); they are not backups and are not listed.",
                    word_wrap=True,
                )
            )
        layout.addWidget(self.buttons)
        self._fill()
        self.resize(560, 380)

    def _intro(self) -> str:
        name, folder = strip_bidi(self.workspace.name), strip_bidi(str(backup_folder(self.workspace)))
        if not self.backups:
            return f"No backups of {name} in {folder} yet. Other File… restores from a copy kept elsewhere."
        return (
            f"Backups of {name}, newest first (in {folder}). Restoring replaces everything in the "
            "workspace; its present state is kept as a backup first."
        )

    def _fill(self) -> None:
        for backup in reversed(self.backups):
            try:
                info = backup.stat()
            except OSError:
                continue  # removed meanwhile
            # in UTC and saying so, as the judgement history and every message naming a time:
            # "a backup from before the 15:02 UTC merge" is picked without converting clocks
            made = datetime.fromtimestamp(info.st_mtime, UTC).isoformat(timespec="seconds")
            item = QTreeWidgetItem(
                [shown_time(made), backup_kind(backup, self.workspace), f"{info.st_size / 1048576:.1f} MB"]
            )
            item.setToolTip(0, tip(time_tip(made)))
            item.setData(0, PathRole, str(backup))
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
        newest = self.list.topLevelItem(0)
        if newest is not None:
            self.list.setCurrentItem(newest)
            self.restore_button.setDefault(True)
        else:
            self.restore_button.setEnabled(False)
            self.other_button.setDefault(True)

    def _pick_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen = Path(item.data(0, PathRole))
            self.accept()

    def _pick_other(self) -> None:
        folder = str(self.workspace.parent)
        name = open_file(self, "Restore from Another File", folder, FILE_FILTER)
        if name:
            self.chosen = Path(name)
            self.accept()
