"""Finding a list's picked row again after the list is filled anew: by its record, else by its
words at the same place (a re-analysis finds a quote again under a new id)."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from briefing.ui.sorted_items import ItemRole

WORDS_COLUMN = {"entity": 0, "quote": 1, "claim": 1, "note": 0}  # a row's words, by its kind
Picked = tuple[str, int, int, int, str]  # a row's kind, id, start, end and words (``row_identity``)


def all_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    items: list[QTreeWidgetItem] = []
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        if top is None:
            continue
        items.append(top)
        items.extend(child for j in range(top.childCount()) if (child := top.child(j)) is not None)
    return items


def picked_row(tree: QTreeWidget) -> Picked | None:
    item = tree.currentItem()
    return row_identity(item) if item is not None else None


def row_identity(item: QTreeWidgetItem) -> Picked | None:
    """(kind, id, start, end, words) of a row: its record, and where and what it is in the text."""
    data = item.data(0, ItemRole)
    return (data[0], data[1], data[2], data[3], item.text(WORDS_COLUMN[data[0]])) if data else None


def listed_row(tree: QTreeWidget, picked: Picked | None) -> QTreeWidgetItem | None:
    """The row of ``picked``: the same record, else one on the same words at the same place (a
    re-analysis finds a quote again under a new id), else for a quote the one quote over its
    place (quotes never overlap: a newer analysis that ends it a character sooner found it
    again); None when none is listed."""
    if picked is None:
        return None
    rows = [(item, identity) for item in all_items(tree) if (identity := row_identity(item)) is not None]
    kind, _, start, end, _ = picked
    for same in (
        lambda row: row[:2] == picked[:2],
        lambda row: (row[0], *row[2:]) == (kind, *picked[2:]),
    ):
        found = next((item for item, identity in rows if same(identity)), None)
        if found is not None:
            return found
    over = [item for item, row in rows if kind == "quote" == row[0] and row[2] < end and start < row[3]]
    return over[0] if len(over) == 1 else None


def pick_again(tree: QTreeWidget, picked: Picked | None) -> None:
    """The row of ``picked`` current again, quietly (no jump in the reader), if it is still
    listed (``listed_row``); else no row is current or selected: the analyst sees it went."""
    keep = listed_row(tree, picked)
    if keep is None:  # the list was filled anew: nothing is current (set none, and Tab would pick none)
        return
    tree.blockSignals(True)
    tree.setCurrentItem(keep)
    tree.blockSignals(False)
    tree.scrollToItem(keep)
