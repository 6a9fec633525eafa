"""Return in the claims tab's reason field: a menu of the judgements under the field, and the one
picked marks the selected claim with the typed reason, as its button does.

The field is one line (a reason is a sentence in the judgement history), so Return has no line to
break; it did nothing, and the reason waited for a click on a button. A judgement needs its
status, so Return asks which: Up, Down and Return, or a judgement's first letter, pick it; Escape
leaves the reason typed. The claim's own status is shown but cannot be picked: marking it again
changes nothing and would drop the reason."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget


def judgement_menu(parent: QWidget, statuses: Iterable[str], current: str | None) -> QMenu:
    """A menu of ``statuses`` ("&Corroborated"…), the claim's ``current`` one shown as it is now
    and not to be picked, the first other one active for Return."""
    menu = QMenu(parent)
    menu.setTitle("Mark the Claim")
    for status in statuses:
        action = menu.addAction(f"&{status.capitalize()}" + (" (as now)" if status == current else ""))
        action.setData(status)
        action.setEnabled(status != current)
    menu.setActiveAction(next((a for a in menu.actions() if a.isEnabled()), None))  # type: ignore[arg-type]
    return menu


def pick(menu: QMenu, at: QPoint) -> QAction | None:
    """The judgement picked, or None for Escape (tests replace this: a real menu waits for a person)."""
    return menu.exec(at)


def ask_judgement(field: QWidget, statuses: Iterable[str], current: str | None, mark: Callable[[str], None]) -> None:
    """The menu under ``field``; ``mark(status)`` with the one picked."""
    menu = judgement_menu(field, statuses, current)
    try:
        chosen = pick(menu, field.mapToGlobal(QPoint(0, field.height())))
    finally:
        menu.deleteLater()
    if chosen is not None and chosen.isEnabled():
        mark(chosen.data())
