"""The rows of the side panel's sortable lists: each sorts by what its heading names, then by
the position in the text, so equal rows keep the order the analyst reads them in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem

ItemRole = Qt.ItemDataRole.UserRole + 1  # (kind, id, start, end)
SortRole = Qt.ItemDataRole.UserRole + 2  # a claim's (origin rank, start, score), a quote's (start, variants)


class ClaimItem(QTreeWidgetItem):
    """Sorts by text position under "Claim", by score under "Score", by status then position."""

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        tree = self.treeWidget()
        column = tree.sortColumn() if tree is not None else 1
        mine, theirs = self.data(0, SortRole), other.data(0, SortRole)
        if mine is None or theirs is None:
            return super().__lt__(other)
        if column == 3:
            return (mine[2], mine[1]) < (theirs[2], theirs[1])
        if column == 0:
            return (self.text(0), mine[1]) < (other.text(0), theirs[1])
        return mine[1] < theirs[1]


class QuoteItem(QTreeWidgetItem):
    """Sorts by speaker (the unknown last) then position under "Speaker", by position under
    "Quote", by the number of variants then position under "Variant"."""

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        tree = self.treeWidget()
        column = tree.sortColumn() if tree is not None else 1
        mine, theirs = self.data(0, SortRole), other.data(0, SortRole)
        if mine is None or theirs is None:
            return super().__lt__(other)
        if column == 0:
            return (_speaker_key(self), mine[0]) < (_speaker_key(other), theirs[0])
        if column == 2:
            return (mine[1], mine[0]) < (theirs[1], theirs[0])
        return mine[0] < theirs[0]


def _speaker_key(item: QTreeWidgetItem) -> tuple[bool, str]:
    name = item.text(0)
    return (name.startswith("("), name.casefold())  # "(no speaker)" after every name
