"""The claims tab's splitter boxes: the claims list with the judging row, then evidence,
suggestions and history, each a box the analyst sizes with the splitter's handles.

Until the analyst moves a handle (or a size kept from the last session is restored), the
splitter's height is shared by what the boxes' lists show: each box keeps what its label and
buttons need and the rest goes to the lists by ``LIST_SHARES``, each list raised to its
``CLAIM_ROWS`` where the room holds them. Shared by fixed sizes, a 1280x800 window showed two
claims' worth of list for every row of evidence (1.9 rows)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLayout,
    QSplitter,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from briefing.store.suggestions import BY_WORDS
from briefing.ui.evidence import RANKED_NOTES, SUGGESTIONS_TITLE, EvidencePanel, list_height, smallest_list_height
from briefing.ui.title_row import TitleRow
from briefing.ui.widgets import SqueezedColumns

CLAIM_BOX_SIZES = [300, 130, 170, 110]  # list and judging, evidence, suggestions, history
RANKED_TITLE = SUGGESTIONS_TITLE + RANKED_NOTES[BY_WORDS]  # the suggestions' title once a claim shows
# of the claims, evidence, suggestions and history: the rows to work with (two and a half of
# evidence and suggestions: the half row in sight says there are more, two whole rows did not)
CLAIM_ROWS = (3, 2.5, 2.5, 2)
LIST_SHARES = (0.38, 0.29, 0.27, 0.06)  # of the lists' height: claims, evidence, suggestions, history


class _Box(QWidget):
    """A box of the claims splitter, at least as tall as its parts need at its width: a wrapped
    label (a title on two lines at a large font)
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


TITLE_GAP = 2  # pixels between a list's title line and the list: the title belongs to it


def claim_box(*parts: QWidget | QLayout, spacing: int | None = None) -> QWidget:
    """A box for the claims splitter: its parts stacked, no margins."""
    made = _Box()
    layout = QVBoxLayout(made)
    layout.setContentsMargins(0, 2, 0, 0)
    if spacing is not None:
        layout.setSpacing(spacing)
    for part in parts:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)
    return made


def evidence_boxes(panel: EvidencePanel) -> list[QWidget]:
    """The evidence panel's lists (it fills them) as three boxes: evidence with Remove Evidence,
    suggestions with Confirm and Dismiss, each button on its list's title line, and the history
    or, in its place, the previewed passage. Dismiss and Remove get mnemonics no menu uses."""
    panel.dismiss.setText("&Dismiss")
    panel.remove.setText("&Remove Evidence")
    suggestions_title = TitleRow(panel.suggestions_label, panel.confirm, panel.dismiss, reserve=RANKED_TITLE)
    return [
        claim_box(TitleRow(panel.evidence_label, panel.remove), panel.evidence, spacing=TITLE_GAP),
        claim_box(suggestions_title, panel.suggestions, spacing=TITLE_GAP),
        claim_box(panel.history_or_preview),
    ]


def claims_splitter(judged: QWidget, claims: QTreeWidget, panel: EvidencePanel) -> ClaimsSplitter:
    """The claims tab's splitter: ``judged`` (the claims list and the judging row) over the
    evidence panel's three boxes, none collapsible, shared by their lists until the analyst
    sizes them."""
    splitter = ClaimsSplitter(panel, claims)
    for box, stretch in zip([judged, *evidence_boxes(panel)], (3, 2, 2, 1), strict=True):
        splitter.addWidget(box)
        splitter.setStretchFactor(splitter.count() - 1, stretch)
        splitter.setCollapsible(splitter.count() - 1, False)
    splitter.setSizes(CLAIM_BOX_SIZES)
    for tree in (claims, panel.evidence, panel.suggestions, panel.history):
        tree.setMinimumHeight(smallest_list_height(tree))
        squeeze_columns(tree)
    return splitter


WORDS_LEAST = 140  # pixels of a list's words (claim, passage, change) before its other columns narrow


def squeeze_columns(tree: QTreeWidget) -> None:
    """The list's status, source, origin and score columns narrow where the panel is narrow (a
    large font, a scaled screen): at 330 pixels its words column was three letters wide and the
    suggestions scrolled 24 pixels sideways."""
    header = tree.header()
    free = next(c for c in range(header.count()) if header.sectionResizeMode(c) == QHeaderView.ResizeMode.Stretch)
    widths = {c: header.sectionSize(c) for c in range(header.count()) if c != free}
    tree.squeezed = SqueezedColumns(tree, widths, WORDS_LEAST, free)  # type: ignore[attr-defined]


class ClaimsSplitter(QSplitter):
    """Shares its height by the boxes' lists (``LIST_SHARES``) each time it is resized, until the
    analyst moves a handle or the sizes of the last session are restored."""

    def __init__(self, panel: EvidencePanel, claims: QTreeWidget) -> None:
        super().__init__(Qt.Orientation.Vertical)
        self.setObjectName("claims-splitter")
        self.panel = panel
        self.lists = (claims, panel.evidence, panel.suggestions)  # the history's is the last box's
        self.kept = False
        self.splitterMoved.connect(self._moved)

    def wanted(self, width: int) -> int:
        """The height ``CLAIM_ROWS`` of each box's list need at ``width``, labels and buttons
        with them."""
        boxes = self._boxes()
        leasts = [_least(box, width) for box in boxes[:-1]] + [self._history_least(width, 1)]
        return sum(leasts) + sum(self._wants(width)) + self.handleWidth() * (len(boxes) - 1)

    def _boxes(self) -> list[QWidget]:
        return [box for i in range(self.count()) if (box := self.widget(i)) is not None]

    def _history_least(self, width: int, rows: float) -> int:
        margins = self._boxes()[-1].contentsMargins()
        return self.panel.history_or_preview.least_for(width, rows) + margins.top() + margins.bottom()

    def _wants(self, width: int) -> list[int]:
        """What each box needs beyond its least for ``CLAIM_ROWS`` of its list (the history's
        box, kept as tall as a preview, often has them already)."""
        lists = zip(self.lists, CLAIM_ROWS[:3], strict=True)
        wants = [list_height(tree, rows) - list_height(tree, 1) for tree, rows in lists]
        return [*wants, self._history_least(width, CLAIM_ROWS[3]) - self._history_least(width, 1)]

    def _moved(self, _position: int, _index: int) -> None:
        self.kept = True

    def restoreState(self, state) -> bool:  # noqa: N802 - Qt's name
        restored = super().restoreState(state)
        self.kept = self.kept or restored
        return restored

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if not self.kept:
            self.fit()

    def fit(self) -> None:
        """The spare height by ``LIST_SHARES``, each list raised to ``CLAIM_ROWS`` where the room
        holds them: by shares alone, at 15 points on a 1280x800 screen the suggestions had 1.8
        rows where the room held 2 of each list."""
        boxes = self._boxes()
        fixed = [box.minimumSizeHint().height() for box in boxes]  # label, buttons, a header and a row
        spare = self.height() - self.handleWidth() * (len(boxes) - 1) - sum(fixed)
        if spare > 0:
            wants = self._wants(self.width())
            extra = count_kept_room(share_height(spare, wants, LIST_SHARES), wants, self._kept_room())
            self.setSizes([part + more for part, more in zip(fixed, extra, strict=True)])

    def _kept_room(self) -> int:
        """The history box's height kept for a suggestion's preview beyond the history's least."""
        box = self._boxes()[-1]
        margins = box.contentsMargins()
        history = self.panel.history_or_preview.history_least() + margins.top() + margins.bottom()
        return max(0, box.minimumSizeHint().height() - history)


def count_kept_room(extra: list[int], wants: list[int], kept: int) -> list[int]:
    """The history's share of ``extra`` less the room its box keeps for a preview, which shows
    history rows already, given to the other lists by their shares: counted twice, at 1280x800 it
    cost each list above about 0.6 rows at rest."""
    moved = max(0, min(kept, extra[-1] - wants[-1]))
    shares = LIST_SHARES[:-1]
    given = [part + int(moved * share / sum(shares)) for part, share in zip(extra[:-1], shares, strict=True)]
    return [*given, extra[-1] - moved]


def share_height(spare: int, wants: list[int], shares: tuple[float, ...]) -> list[int]:
    """``spare`` pixels by ``shares``, each part raised to its want where the others have more
    than theirs to give; where they have not, the wants levelled (``level``)."""
    given = [int(spare * share) for share in shares]
    short = sum(max(0, want - part) for want, part in zip(wants, given, strict=True))
    surplus = [max(0, part - want) for want, part in zip(wants, given, strict=True)]
    if short <= sum(surplus):
        taken = [short * more // max(1, sum(surplus)) for more in surplus]
        raised = [max(part - take, want) for part, take, want in zip(given, taken, wants, strict=True)]
        return raised if sum(raised) <= spare else level(spare, wants, shares)
    return level(spare, wants, shares)


def level(spare: int, wants: list[int], shares: tuple[float, ...]) -> list[int]:
    """``spare`` pixels to the wants alike, each part as much as the others until its want is
    met, the rest by ``shares``. The wants in turn gave the claims list its three rows and left
    the suggestions 1.8 at 15 points in a 1152x720 window, where alike each list has 2.5."""
    given = [0] * len(wants)
    short = [i for i, want in enumerate(wants) if want > 0]
    while spare > 0 and short:
        each = max(1, spare // len(short))
        for i in short:
            take = min(each, wants[i] - given[i], spare)
            given[i] += take
            spare -= take
        short = [i for i in short if given[i] < wants[i]]
    return [part + int(spare * share) for part, share in zip(given, shares, strict=True)]


def _least(box: QWidget, width: int) -> int:
    """A box's least height at ``width``: its wrapped labels' and button rows' lines counted."""
    layout = box.layout()
    if layout is not None and layout.hasHeightForWidth():
        return layout.totalMinimumHeightForWidth(width)
    return box.minimumSizeHint().height()
