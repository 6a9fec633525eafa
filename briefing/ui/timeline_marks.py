"""The timeline's claims: one item per column of the plot, drawing that column's claims as a
grid of squares coloured by status.

A square per QGraphicsItem made a zoom step of a 1,300-source workspace (12,000 claims) build
and then delete 12,000 items, with a tooltip and data each, on the GUI thread: 0.1 to 0.4 s per
step. A column's grid is one item; the square under the pointer gives its tooltip and its
click, worked out from where it is."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSceneHoverEvent, QStyleOptionGraphicsItem, QWidget

from briefing.ui.plain import tip
from briefing.ui.reader import CLAIM_COLOURS

CLAIM_SIZE = 9.0
GAP = 2.0
CLAIM_PAINT = {s: (QPen(QColor(c).darker()), QBrush(QColor(c))) for s, c in CLAIM_COLOURS.items()}

Claim = tuple[int, int, str, str, str]  # id, source id, published, status, text


class ClaimGrid(QGraphicsItem):
    """The claims of one column, ``per_row`` squares a row from (left, top), in order."""

    def __init__(self, claims: list[Claim], left: float, top: float, per_row: int):
        super().__init__()
        self.claims = claims
        self.left, self.top, self.per_row = left, top, max(1, per_row)
        rows = (len(claims) + self.per_row - 1) // self.per_row
        self._rect = QRectF(left, top, self.per_row * (CLAIM_SIZE + GAP), rows * (CLAIM_SIZE + GAP))
        self._squares: dict[str, list[QRectF]] | None = None  # by status, once first painted
        self.setAcceptHoverEvents(True)

    @property
    def bottom(self) -> float:
        return self._rect.bottom()

    def square(self, n: int) -> QRectF:
        """Where the ``n``-th claim's square is, in scene coordinates."""
        row, column = divmod(n, self.per_row)
        step = CLAIM_SIZE + GAP
        return QRectF(self.left + column * step, self.top + row * step, CLAIM_SIZE, CLAIM_SIZE)

    def claim_at(self, point: QPointF) -> Claim | None:
        """The claim whose square (or the gap after it) is at scene ``point``."""
        column = int((point.x() - self.left) // (CLAIM_SIZE + GAP))
        row = int((point.y() - self.top) // (CLAIM_SIZE + GAP))
        n = row * self.per_row + column
        if not 0 <= column < self.per_row or row < 0 or n >= len(self.claims):
            return None
        return self.claims[n]

    def marks(self) -> list[tuple[tuple[str, int, int], QRectF]]:
        """Each claim's (kind, id, source id), as a click opens it, and its square."""
        return [(("claim", c[0], c[1]), self.square(n)) for n, c in enumerate(self.claims)]

    # -- QGraphicsItem --------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self._squares is None:  # a column out of sight is never worked out
            self._squares = {}
            for n, claim in enumerate(self.claims):
                self._squares.setdefault(claim[3], []).append(self.square(n))
        for status, squares in self._squares.items():
            pen, brush = CLAIM_PAINT[status]
            painter.setPen(pen)
            painter.setBrush(brush)
            painter.drawRects(squares)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._tip_at(event.scenePos())
        super().hoverEnterEvent(event)

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._tip_at(event.scenePos())
        super().hoverMoveEvent(event)

    def _tip_at(self, point: QPointF) -> None:
        """The tooltip says the claim under the pointer."""
        claim = self.claim_at(point)
        self.setToolTip(tip(f"{claim[3]}: {claim[4][:200]}" if claim is not None else ""))
