"""File dialogs that never open a file to say what type it is.

Qt's dialogs (and the desktop's own, which run in the app's process) name each file's type by
reading its first bytes when its name does not say: a workspace (``.briefing``) is opened and
closed again. Closing any descriptor of a file drops every POSIX lock this process holds on it,
including the locks of the window's open SQLite connection. From then on the first other program
to open and close the workspace (sqlite-utils, Datasette, the sqlite3 shell) takes itself for
its last user and deletes its ``-wal`` from under the window: later edits go to a deleted file,
lost if the app is then killed, and never seen by any other reader.

So every dialog the app shows is Qt's own, typing files by their names only (``NameTypes``);
a desktop's native dialog cannot be told not to read them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileInfo, QMimeDatabase, QMimeType
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QFileDialog, QFileIconProvider, QTreeView, QWidget

from briefing.paths import WORKSPACE_SUFFIX

WORKSPACE_TYPE = "Briefing workspace"
DIALOG_SIZE = (900, 560)  # Qt's default cut the file names short in the middle
COLUMN_WIDTHS = (330, 90, 160)  # name, size, type: "15.2 MiB" and "Briefing workspace" whole


class NameTypes(QFileIconProvider):
    """A file's type and icon from its name alone ("PDF document", "Briefing workspace"); on an
    X11 or Wayland desktop Qt also read a file to pick its icon."""

    def __init__(self) -> None:
        super().__init__()
        self.mime = QMimeDatabase()

    def type(self, info: QFileInfo) -> str:
        if not info.isFile():
            return super().type(info)  # a folder or a drive: nothing is read
        if info.fileName().lower().endswith(WORKSPACE_SUFFIX):
            return WORKSPACE_TYPE
        found = self._by_name(info)
        return found.comment() or found.name()

    def icon(self, what):  # Qt's two overloads: an IconType or a QFileInfo
        if not isinstance(what, QFileInfo) or not what.isFile():
            return super().icon(what)
        plain = super().icon(QFileIconProvider.IconType.File)
        found = self._by_name(what)
        return QIcon.fromTheme(found.iconName(), QIcon.fromTheme(found.genericIconName(), plain))

    def _by_name(self, info: QFileInfo) -> QMimeType:
        return self.mime.mimeTypeForFile(info, QMimeDatabase.MatchMode.MatchExtension)


def file_dialog(parent: QWidget | None, caption: str, start: str, filters: str = "") -> QFileDialog:
    """Qt's file dialog opening at ``start`` (a folder, or a file to select in its folder)."""
    dialog = QFileDialog(parent, caption)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.types = NameTypes()  # type: ignore[attr-defined]  # the dialog does not own its provider
    dialog.setIconProvider(dialog.types)  # type: ignore[attr-defined]
    if filters:
        dialog.setNameFilters(filters.split(";;"))
    path = Path(start) if start else Path.home()
    if path.is_dir():
        dialog.setDirectory(str(path))
    else:
        dialog.setDirectory(str(path.parent))
        dialog.selectFile(path.name)
    screen = (parent.screen() if parent is not None else dialog.screen()).availableGeometry()
    dialog.resize(min(DIALOG_SIZE[0], screen.width()), min(DIALOG_SIZE[1], screen.height()))
    details = dialog.findChild(QTreeView)
    if details is not None:
        for column, width in enumerate(COLUMN_WIDTHS):
            details.header().resizeSection(column, width)
    return dialog


def open_file(parent: QWidget | None, caption: str, start: str, filters: str) -> str:
    """One existing file, or "" when cancelled."""
    dialog = file_dialog(parent, caption, start, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return _chosen(dialog)[0]


def open_files(parent: QWidget | None, caption: str, start: str, filters: str) -> list[str]:
    """Existing files, or none when cancelled."""
    dialog = file_dialog(parent, caption, start, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return dialog.selectedFiles() if dialog.exec() == QDialog.DialogCode.Accepted else []


def open_folder(parent: QWidget | None, caption: str, start: str) -> str:
    """An existing folder, or "" when cancelled."""
    dialog = file_dialog(parent, caption, start)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return _chosen(dialog)[0]


def save_file(
    parent: QWidget | None, caption: str, start: str, filters: str, chosen_filter: str = "", confirm: bool = True
) -> tuple[str, str]:
    """A file to write and the filter chosen, or ("", "") when cancelled; ``confirm``: ask before
    replacing an existing file."""
    dialog = file_dialog(parent, caption, start, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, not confirm)
    if chosen_filter:
        dialog.selectNameFilter(chosen_filter)
    return _chosen(dialog)


def _chosen(dialog: QFileDialog) -> tuple[str, str]:
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return "", ""
    return dialog.selectedFiles()[0], dialog.selectedNameFilter()
