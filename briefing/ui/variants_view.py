"""The entity page's Variants tab: each pair of quotes two sources report differently, side by
side, with the words that differ emphasised; a source's link opens it at the quote.

The HTML is the app's own, built from escaped pieces of the quotes, in a document that loads
nothing (``InertDocument``)."""

from __future__ import annotations

import html

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from briefing.store.quote_variants import QuoteVariant, VariantSide
from briefing.ui.plain import InertDocument

EMPTY = "No quote of this entity is reported differently by two sources."


class VariantsView(QTextBrowser):
    """Emits ``passageOpened(source_id, start, end)`` when a quote's source link is clicked."""

    passageOpened = Signal(int, int, int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setDocument(InertDocument(self))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName("Quote variants")
        self.anchorClicked.connect(self._open)
        self.pairs: list[QuoteVariant] = []
        self.show_variants([])

    def show_variants(self, variants: list[QuoteVariant]) -> None:
        self.pairs = list(variants)
        if not variants:
            self.setPlainText(EMPTY)
            return
        rows = "".join(_pair_html(v) for v in variants)
        self.setHtml(f"<table width='100%' cellspacing='0' cellpadding='6'>{rows}</table>")

    def put_first(self, quote_id: int) -> None:
        """The pairs of the quote ``quote_id`` first, at the top (Show Variants of one quote: a
        speaker reported often has dozens of pairs), the speaker's others after them."""
        mine = [v for v in self.pairs if quote_id in (v.first.quote_id, v.second.quote_id)]
        self.show_variants(mine + [v for v in self.pairs if v not in mine])

    def _open(self, url: QUrl) -> None:
        parts = url.toString().split(":")
        if len(parts) == 4 and parts[0] == "passage" and all(p.isdigit() for p in parts[1:]):
            self.passageOpened.emit(int(parts[1]), int(parts[2]), int(parts[3]))


def _pair_html(variant: QuoteVariant) -> str:
    heading = html.escape(variant.description.capitalize())
    cells = "".join(f"<td width='50%' valign='top'>{_side_html(side)}</td>" for side in (variant.first, variant.second))
    return f"<tr><td colspan='2' style='border-top: 1px solid #9aa3ad'><b>{heading}</b></td></tr><tr>{cells}</tr>"


def _side_html(side: VariantSide) -> str:
    link = f"passage:{side.source_id}:{side.start}:{side.end}"
    return f"<a href='{link}'>{html.escape(side.source)}</a><br>“{emphasised(side.text, side.spans)}”"


def emphasised(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """``text`` escaped, with the words in ``spans`` in bold orange."""
    pieces, at = [], 0
    for start, end in spans:
        pieces.append(html.escape(text[at:start]))
        pieces.append(f"<b style='color:#d9480f'>{html.escape(text[start:end])}</b>")
        at = end
    pieces.append(html.escape(text[at:]))
    return "".join(pieces)
