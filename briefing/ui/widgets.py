"""Small widget builders the panels, docks and dialogs share."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QHeaderView, QTreeWidget


def make_tree(name: str, headers: list[str], stretch: int | None = None,
              widths: dict[int, int] | None = None) -> QTreeWidget:
    """A flat list with an accessible name; the ``stretch`` column takes the room left and wraps."""
    tree = QTreeWidget()
    tree.setAccessibleName(name)
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setWordWrap(True)
    tree.setAlternatingRowColors(True)
    header = tree.header()
    header.setStretchLastSection(stretch is None)
    for column, width in (widths or {}).items():
        tree.setColumnWidth(column, width)
    if stretch is not None:
        for column in range(len(headers)):
            mode = QHeaderView.ResizeMode.Stretch if column == stretch else QHeaderView.ResizeMode.Interactive
            header.setSectionResizeMode(column, mode)
    return tree


def add_ok_cancel(dialog: QDialog, layout: QFormLayout) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addRow(buttons)
