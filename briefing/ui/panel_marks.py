"""What the side panel's rows carry besides their words: a claim's evidence count, a quote
reported differently elsewhere, a record whose words a newer version of its article changed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QTreeWidgetItem

from briefing.store.changed_words import changed_words_hint
from briefing.store.claims import ClaimRow
from briefing.store.quote_variants import QuoteVariant
from briefing.ui.palette_colours import readable
from briefing.ui.plain import tip

VARIANT_COLOUR = "#d9480f"


def evidence_cell(c: ClaimRow) -> str:
    """What a claim's Evidence column says: its evidence linked, else its open suggestions."""
    return f"{c.evidence} linked" if c.evidence else (f"{c.open_suggestions} suggested" if c.open_suggestions else "")


def mark_variants(row: QTreeWidgetItem, variants: list[QuoteVariant]) -> None:
    """≠ in the Variant column, and a tooltip naming the other sources and what differs."""
    if not variants:
        return
    row.setText(2, f"≠ {len(variants)}" if len(variants) > 1 else "≠")
    lines = [f"Reported differently by {v.second.source} ({v.description}): “{v.second.text}”" for v in variants]
    row.setToolTip(2, tip("\n".join(lines)))
    row.setForeground(2, QBrush(readable(VARIANT_COLOUR)))
    row.setTextAlignment(2, Qt.AlignmentFlag.AlignCenter)
    font = row.font(2)
    font.setBold(True)
    row.setFont(2, font)


def mark_changed(row: QTreeWidgetItem, column: int, words_now: str | None) -> None:
    """A record carried to a newer version of its article whose words that version changed."""
    words = row.text(column)
    if words_now is None or words.startswith("(text changed)"):
        return
    row.setText(column, f"(text changed) {words}")
    row.setToolTip(column, tip(changed_words_hint(words, words_now)))
