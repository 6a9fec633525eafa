"""The rows of the side panel's sortable lists: each sorts by what its heading names, then by
the position in the text, so equal rows keep the order the analyst reads them in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem

ItemRole = Qt.ItemDataRole.UserRole + 1  # (kind, id, start, end)
SortRole = Qt.ItemDataRole.UserRole + 2  # a claim's (origin rank, start, score), a quote's (start, variants)


class _KeyedItem(QTreeWidgetItem):
    """A row that sorts by ``key(column)``, the column being the one its list sorts by."""

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        tree = self.treeWidget()
        column = tree.sortColumn() if tree is not None else 1
        mine = self._key(column)
        theirs = other._key(column) if isinstance(other, _KeyedItem) else None
        if mine is None or theirs is None:
            return super().__lt__(other)
        return mine < theirs

    def _key(self, column: int) -> tuple | None:
        """``key(column)``, worked out once for each column: a list of a hundred rows is sorted
        with a thousand comparisons, each of which read both rows' data from Qt again. None:
        the row has no sort data, and sorts by its text."""
        keys = self.__dict__.setdefault("_keys", {})
        if column not in keys:
            keys[column] = None if self.data(0, SortRole) is None else self.key(column)
        return keys[column]

    def key(self, column: int) -> tuple:
        """What the row sorts by under ``column``: here its text; the rows below say more."""
        return (self.text(column),)


class ClaimItem(_KeyedItem):
    """Sorts by text position under "Claim", by score under "Score", by status then position."""

    def key(self, column: int) -> tuple:
        _, start, score = self.data(0, SortRole)
        if column == 3:
            return (score, start)
        return (self.text(0), start) if column == 0 else (start,)


class QuoteItem(_KeyedItem):
    """Sorts by speaker (the unknown last) then position under "Speaker", by position under
    "Quote", by the number of variants then position under "Variant"."""

    def key(self, column: int) -> tuple:
        start, variants = self.data(0, SortRole)
        if column == 0:
            name = self.text(0)
            return (name.startswith("("), name.casefold(), start)  # "(no speaker)" after every name
        return (variants, start) if column == 2 else (start,)
