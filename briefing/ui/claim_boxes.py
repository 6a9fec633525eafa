"""The claims tab's splitter boxes: the claims list with the judging row, then evidence,
suggestions and history, each a box the analyst sizes with the splitter's handles."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLayout, QPushButton, QVBoxLayout, QWidget

from briefing.ui.evidence import EvidencePanel
from briefing.ui.plain import plain_label

CLAIM_BOX_SIZES = [300, 130, 170, 110]  # list and judging, evidence, suggestions, history


class _Box(QWidget):
    """A box of the claims splitter, at least as tall as its parts need at its width: a wrapped
    label ("Suggested related passages, one per source · ranked by meaning" on two lines)
    counts both lines, or the splitter squeezes the parts under it over each other."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        layout = self.layout()
        if layout is None or not layout.hasHeightForWidth():
            return hint
        return QSize(hint.width(), max(hint.height(), layout.totalMinimumHeightForWidth(self.width())))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # another width, other wrapped lines


def claim_box(*parts: QWidget | QLayout) -> QWidget:
    """A box for the claims splitter: its parts stacked, no margins."""
    made = _Box()
    layout = QVBoxLayout(made)
    layout.setContentsMargins(0, 2, 0, 0)
    for part in parts:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)
    return made


def _row(*buttons: QPushButton) -> QBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


def evidence_boxes(panel: EvidencePanel) -> list[QWidget]:
    """The evidence panel's lists (it fills them) as three boxes: evidence with Remove Evidence,
    suggestions with the previewed passage, Confirm and Dismiss, history. Dismiss and Remove get
    mnemonics no menu uses."""
    panel.dismiss.setText("&Dismiss")
    panel.remove.setText("&Remove Evidence")
    history = plain_label("History")  # the panel's own label stays in the hidden panel
    return [
        claim_box(panel.evidence_label, panel.evidence, _row(panel.remove)),
        claim_box(panel.suggestions_label, panel.suggestions, panel.preview, _row(panel.confirm, panel.dismiss)),
        claim_box(history, panel.history),
    ]
