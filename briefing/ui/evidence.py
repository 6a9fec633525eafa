"""A claim's evidence and suggested related passages, with confirm, dismiss and attach.

Every change is an undoable command (``briefing.ui.evidence_commands``): confirming a
suggestion makes it evidence, dismissing hides it, attaching links a passage the analyst
selected in another source; undo takes each back and the history keeps both.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.domain import clipped, one_line
from briefing.export.citations import unquoted
from briefing.origins import OWN_STORY
from briefing.store.changed_words import changed_words_hint
from briefing.store.evidence import ATTACHED_AS
from briefing.store.history import UNDO_REASON, Judgement
from briefing.store.revisions import shown_time
from briefing.store.suggestions import BY_MEANING, BY_WORDS
from briefing.ui.flow_layout import FlowLayout
from briefing.ui.plain import isolated, plain_label, tip
from briefing.ui.widgets import LatestInSight, VerticalRoom, make_tree, one_line_row_height, wrap_rows

RowRole = Qt.ItemDataRole.UserRole + 1  # (kind, id, source_id, start, end)
RELATIONS = ("supports", "contradicts", "related")
SCORE_HELP = (
    "How close the passage is to the claim, 0-1. Ranked by shared words: the share of the best "
    "suggestion's word score (the first is 1.00). Re-ranked by meaning: shared words and the "
    "similarity of meaning of passage and claim, blended."
)
SCORE_TIPS = {
    BY_WORDS: "Ranked by shared words: this passage's word score as a share of the best suggestion's",
    BY_MEANING: "Re-ranked by meaning: shared words and the similarity of meaning with the claim, blended (0-1)",
}
RANKED_NOTES = {BY_WORDS: " · by words", BY_MEANING: " · by meaning"}  # the tooltips say which words
# re-ranking by meaning off (no model, a read-only window): the title's tooltip says why; the
# title said so in words that took two or three lines at 15 points, a row of the list
WORDS_ONLY_NOTE = " · by words only"

# one word, as Evidence and History are, so that with its ranking note it keeps to one line beside
# Confirm and Dismiss at 15 points in a 1152-pixel window (a side panel 484 pixels wide):
# "Suggested related passages, one per source" took the list's second row there (three lines
# kept); the rest is in its tooltip
SUGGESTIONS_TITLE = "Suggestions"
SUGGESTIONS_TIP = (
    "Related passages of other sources, one per source: confirm one to make it evidence. "
    "Ranked by shared words, then re-ranked by meaning when a claim opens"
)
NONE_FOUND = "Suggestions: none found close enough to this claim in the other sources"
NONE_LEFT = "Suggestions: none left, each one was confirmed or dismissed"
PREVIEW_LINES = 2  # of a suggested passage shown at the least; a longer one scrolls


class SuggestionPreview(QFrame):
    """A suggested passage shown in place, with its source, before the analyst leaves the
    claim's source: Open Source jumps to it, Attach as … makes it evidence.

    It takes the place of the claim's history, under the Confirm and Dismiss buttons, in the
    room the history had: opened under the list, it took its room from the claims and evidence
    lists (one row of evidence left at 1600x1000) and moved Confirm down under the pointer, so
    the second click landed on the preview. Its height does not follow the passage either: a
    longer passage scrolls in the same room, and nothing moves from one suggestion to the next."""

    openRequested = Signal()
    attachRequested = Signal(str)  # relation
    closeRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("suggestion-preview")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Suggested passage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        # title, outlet and date come from the source; one line, cut with "…" (the whole on
        # hover): wrapped, it asked for a line more than the layout had and covered the passage
        top = QHBoxLayout()
        self.source = plain_label()
        self.source.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.source_text = ""
        self.source.setStyleSheet("color: palette(placeholder-text);")
        top.addWidget(self.source, stretch=1)
        self.open = QPushButton("Open Source")
        self.open.setToolTip("Show the passage in its source (Back returns here)")
        self.open.clicked.connect(lambda: self.openRequested.emit())
        top.addWidget(self.open)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAccessibleName("Close the preview")
        self.close_button.setToolTip("Close the preview: the claim's history shows again (Esc)")
        self.close_button.clicked.connect(lambda: self.closeRequested.emit())
        top.addWidget(self.close_button)
        layout.addLayout(top)
        self.passage = plain_label(word_wrap=True)
        self.passage.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # a long passage scrolls in the room the box has: its words wrapped in the narrow panel
        # asked for more height than an 800-pixel screen has, and the window grew past it
        self.passage_room = VerticalRoom(self.passage)
        self.passage_room.setAccessibleName("Suggested passage's words")
        self.passage_room.setMinimumHeight(self.passage.fontMetrics().lineSpacing() * PREVIEW_LINES + 4)
        self.passage_room.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout.addWidget(self.passage_room, stretch=1)
        # short names, wrapped onto a second line where the panel is narrow (a large font): in one
        # row the four widened the side panel over the source list
        buttons = FlowLayout()
        buttons.add(plain_label("Attach as:"))
        self.attach_buttons: dict[str, QPushButton] = {}
        for relation in RELATIONS:
            button = QPushButton(relation.capitalize())
            button.setAccessibleName(f"Attach as {relation}")
            button.setToolTip(tip(f"Attach as evidence that {relation_phrase(relation)} the claim"))
            button.clicked.connect(lambda _=False, r=relation: self.attachRequested.emit(r))
            buttons.add(button)
            self.attach_buttons[relation] = button
        layout.addLayout(buttons)

    def show_passage(self, passage: str, title: str, outlet: str | None, published: str | None, suggested: str) -> None:
        self.passage.setText(f"“{unquoted(passage)}”")  # a quote's own marks are not doubled
        self.passage_room.verticalScrollBar().setValue(0)
        self.source_text = " · ".join(p for p in (title, outlet, published or "no date") if p)
        self.source.setToolTip(tip(self.source_text))
        for relation, button in self.attach_buttons.items():
            button.setDefault(relation == suggested)  # what the analysis suggests, in bold
        self._elide_source()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._elide_source()

    def _elide_source(self) -> None:
        """The source's line cut to the width it has."""
        room = max(1, self.source.width())
        self.source.setText(self.source.fontMetrics().elidedText(self.source_text, Qt.TextElideMode.ElideRight, room))


class HistoryOrPreview(QStackedWidget):
    """The claim's history, or in its place the suggested passage previewed: one box, as tall
    for either, so a preview opening or closing moves nothing around it."""

    def __init__(self, history: QTreeWidget, preview: SuggestionPreview):
        super().__init__()
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(plain_label("History"))
        layout.addWidget(history)
        self.addWidget(page)
        self.addWidget(preview)
        self.preview = preview
        self.history = history

    def show_preview(self, shown: bool) -> None:
        self.setCurrentIndex(1 if shown else 0)

    def previewing(self) -> bool:
        return self.currentIndex() == 1

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return False  # the preview's words scroll: its height is what the box gives it, not theirs

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """The least height of the taller page at this width, the hidden one too: the preview's
        buttons take a second line in a narrow panel, and a box that grew for them when the
        preview opened took the room from the lists above it."""
        return QSize(super().minimumSizeHint().width(), self.least_for(self.width()))

    def least_for(self, width: int, history_rows: float = 1) -> int:
        """The least height at ``width`` with ``history_rows`` of the history in sight."""
        least = self.history_least(history_rows)
        layout = self.preview.layout()
        if layout is not None:
            least = max(least, layout.totalMinimumHeightForWidth(width))
        return least

    def history_least(self, rows: float = 1) -> int:
        """The history's own least height with ``rows`` in sight, the preview's room aside."""
        history = self.widget(0)
        least = history.minimumSizeHint().height() if history is not None else 0
        return least + list_height(self.history, rows) - list_height(self.history, 1)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # another width, the buttons on one line or two


def list_height(tree: QTreeWidget, rows: float) -> int:
    """The height of a list's header and ``rows`` rows of one line."""
    row = one_line_row_height(tree) if tree.topLevelItemCount() else tree.fontMetrics().height() + 4  # Fusion's
    return tree.header().sizeHint().height() + round(rows * row) + 2 * tree.frameWidth()


def smallest_list_height(tree: QTreeWidget) -> int:
    """A header and a row: the claims tab's lists, and the preview beside them, fit 800-pixel
    screens."""
    return list_height(tree, 1)


def relation_phrase(relation: str) -> str:
    return {"supports": "supports", "contradicts": "contradicts"}.get(relation, "is related to")


class EvidencePanel(QWidget):
    """Shows the current claim's evidence and open suggestions; emits ``passageOpened``."""

    passageOpened = Signal(int, int, int)  # source id, start, end
    suggestionAttached = Signal(int, str)  # suggestion id, relation

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.evidence = make_tree("Evidence", ["Relation", "Passage", "Source", "Origin"], 1, {0: 85, 3: 50})
        self.evidence.headerItem().setToolTip(
            3,
            tip(
                "Passages with the same origin number are near-copies (a reprinted wire story): one independent "
                "voice. 'own' copies the claim's own story: no independent voice at all"
            ),
        )
        self.suggestions = make_tree(
            "Suggested related passages", ["Suggests", "Passage", "Source", "Origin", "Score"], 1, {0: 85, 3: 50, 4: 48}
        )
        self.suggestions.headerItem().setToolTip(
            3,
            "Suggestions with the same origin number as evidence are near-copies of it: confirming one adds "
            "no independent origin",
        )
        self.suggestions.headerItem().setToolTip(4, tip(SCORE_HELP))
        # one line a suggestion, so the five show at once: a click previews the whole passage
        self.suggestions.setWordWrap(False)
        self.suggestions.setUniformRowHeights(True)
        self.suggestions.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.evidence_label = plain_label("Evidence")  # names the origins of the evidence
        layout.addWidget(self.evidence_label)
        layout.addWidget(self.evidence)
        self.suggestions_title = SUGGESTIONS_TITLE
        self.suggestions_label = plain_label(self.suggestions_title, word_wrap=True)
        self.suggestions_label.setToolTip(tip(SUGGESTIONS_TIP))
        layout.addWidget(self.suggestions_label)
        layout.addWidget(self.suggestions)
        self.preview = SuggestionPreview()
        self.preview.openRequested.connect(self._open_previewed)
        self.preview.attachRequested.connect(self._attach_previewed)
        self.preview.closeRequested.connect(self.close_preview)
        self.previewed: dict | None = None
        self.semantic_off = False  # set_ranking_note: the title already says they are ranked by words
        self.ranked_note = ""  # how the shown suggestions were ranked, after the title
        buttons = QHBoxLayout()
        self.confirm = QPushButton("C&onfirm")
        self.dismiss = QPushButton("Dis&miss")
        self.remove = QPushButton("Remove &Evidence")
        for button in (self.confirm, self.dismiss, self.remove):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.history = make_tree("Claim history", ["When", "Who", "Change", "Why"], 2, {0: 120, 1: 70, 3: 120})
        widest = self.history.fontMetrics().horizontalAdvance(shown_time("2026-12-28T20:08:00+00:00"))
        self.history.setColumnWidth(0, widest + 16)  # the whole time and its "UTC", never cut
        wrap_rows(self.history)  # a change and its reason read whole, however narrow the pane
        self.history.setToolTip("Every judgement on this claim: status, evidence and suggestions, oldest first")
        self.latest = LatestInSight(self.history)
        self.history_or_preview = HistoryOrPreview(self.history, self.preview)
        layout.addWidget(self.history_or_preview)
        # a click selects the evidence (for Remove Evidence), as a click on a suggestion does; it
        # opened the passage's source, and the claim's evidence went with it from the tab
        self.evidence.itemActivated.connect(self._open)  # a double-click or Enter opens its source
        self.suggestions.itemClicked.connect(self._preview)  # a click shows it here; the claim stays
        self.suggestions.itemActivated.connect(self._open)  # a double-click or Enter opens its source
        for widget in (self.suggestions, self.preview):  # Esc as the preview's ✕, from the list or the preview
            widget.installEventFilter(self)

    def set_ranking_note(self, unavailable: str | None) -> None:
        """Say whether suggestions are re-ranked by meaning, and why not when they are not."""
        if unavailable is None:
            self.suggestions_title, self.semantic_off = SUGGESTIONS_TITLE, False
            self.suggestions_label.setText(self.suggestions_title)
            self.suggestions_label.setToolTip(tip(SUGGESTIONS_TIP))
            return
        self.suggestions_title = SUGGESTIONS_TITLE + WORDS_ONLY_NOTE
        self.suggestions_label.setText(self.suggestions_title)
        why = f"Ranked by shared words only; re-ranking by meaning is off: {unavailable}"
        self.suggestions_label.setToolTip(tip(why))
        self.semantic_off = True

    def note_none_found(self, none_found: bool, decided: bool = False) -> None:
        """Say under the title that the list is empty for good (not while the worker may still be
        finding passages): none was found (too few shared words, or too far in meaning once
        re-ranked), or, ``decided``, the analyst confirmed or dismissed every one."""
        note = NONE_LEFT if decided else NONE_FOUND
        self.suggestions_label.setText(note if none_found else self.suggestions_title + self.ranked_note)

    def show_claim(
        self, evidence: list[dict], suggestions: list[dict], history: Sequence[Judgement] = (), keep: bool = False
    ) -> None:
        """``keep``: the same claim drawn again; its evidence and suggestion picked, and the
        suggestion previewed, stay when still listed (``_kept_row``)."""
        current = [(tree, tree.currentItem()) for tree in (self.evidence, self.suggestions)] if keep else []
        picked = [(tree, tuple(item.data(0, RowRole))) for tree, item in current if item is not None]
        previewed = self.previewed is not None and self.history_or_preview.previewing()
        self.history.clear()
        for judgement in history:
            change = describe(judgement)
            # in UTC and saying so, as the refusals and the team's messages name a time
            item = QTreeWidgetItem([shown_time(judgement.at), judgement.actor, change, judgement.reason or ""])
            item.setToolTip(0, tip(time_tip(judgement.at)))
            item.setToolTip(1, tip(judgement.actor))  # the columns are narrow: a name or a reason cut
            item.setToolTip(2, tip(change))  # short is read whole on hover
            item.setToolTip(3, tip(judgement.reason or ""))
            self.history.addTopLevelItem(item)
        self.latest.follow()  # oldest first: the latest judgement in view, once laid out too
        self.evidence.clear()
        for e in evidence:
            origin = e.get("origin")
            item = QTreeWidgetItem([e["relation"], one_line(e["passage"]), e["title"], _origin_cell(origin)])
            item.setData(0, RowRole, ("evidence", e["id"], e["source_id"], e["start"], e["end"]))
            item.setToolTip(1, tip((e["note"] or "") + "\n" + e["passage"] + "\n\nDouble-click to open its source"))
            if e.get("words_now") is not None:  # carried to a newer version that changed its words
                item.setText(1, f"(text changed) {item.text(1)}")
                item.setToolTip(1, tip(changed_words_hint(e["passage"], e["words_now"])))
            self.evidence.addTopLevelItem(item)
        self.suggestions.clear()
        self.close_preview()
        rankings = {str(s.get("ranking")) for s in suggestions if s["state"] == "open"}
        only = rankings.pop() if len(rankings) == 1 else ""
        self.ranked_note = "" if self.semantic_off else RANKED_NOTES.get(only, "")
        self.suggestions_label.setText(self.suggestions_title + self.ranked_note)
        for s in (s for s in suggestions if s["state"] == "open"):
            origin = s.get("origin")
            item = QTreeWidgetItem(
                [
                    s["relation"],
                    one_line(s["passage"]),
                    s["title"],
                    _origin_cell(origin),
                    f"{s['score']:.2f}",
                ]
            )
            item.setData(0, RowRole, ("suggestion", s["id"], s["source_id"], s["start"], s["end"]))
            item.setData(1, RowRole, s)
            item.setToolTip(1, tip(s["passage"] + "\n\nClick to preview it here; double-click to open its source"))
            item.setToolTip(4, tip(SCORE_TIPS.get(str(s.get("ranking")), SCORE_HELP)))
            self.suggestions.addTopLevelItem(item)
        for tree, row in picked:
            kept = _kept_row(tree, row)
            if kept is not None:
                tree.setCurrentItem(kept)
                if tree is self.suggestions and previewed:
                    self._preview(kept)

    def current(self, tree: QTreeWidget) -> tuple | None:
        item = tree.currentItem()
        return item.data(0, RowRole) if item is not None else None

    def _open(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        _, _, source_id, start, end = item.data(0, RowRole)
        # once the list has handled the key or the double-click: opening another source clears
        # this list, and clearing it inside its own key event crashed Qt (Enter on an evidence
        # row after Remove Evidence and Undo)
        QTimer.singleShot(0, self, lambda: self.passageOpened.emit(source_id, start, end))

    def _preview(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.previewed = item.data(1, RowRole)
        s = self.previewed
        self.preview.show_passage(s["passage"], s["title"], s.get("outlet"), s.get("published"), s["relation"])
        self.history_or_preview.show_preview(True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Esc closes the preview (the key comes as a shortcut first, which the list takes)."""
        escape = isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape and not event.modifiers()
        keyed = event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
        if keyed and escape and self.history_or_preview.previewing():
            self.close_preview()
            event.accept()
            return True
        return super().eventFilter(watched, event)

    def close_preview(self) -> None:
        """The claim's history again in the preview's place."""
        self.previewed = None
        self.history_or_preview.show_preview(False)

    def _open_previewed(self) -> None:
        if self.previewed is not None:
            s = self.previewed
            self.passageOpened.emit(s["source_id"], s["start"], s["end"])

    def _attach_previewed(self, relation: str) -> None:
        if self.previewed is not None:
            self.suggestionAttached.emit(self.previewed["id"], relation)


def _kept_row(tree: QTreeWidget, row: tuple) -> QTreeWidgetItem | None:
    """The row of the same record, else of the same passage (a re-analysis ranks a claim's
    suggestions again under new ids); None when neither is listed."""
    rows = [item for i in range(tree.topLevelItemCount()) if (item := tree.topLevelItem(i)) is not None]
    same = [item for item in rows if tuple(item.data(0, RowRole))[:2] == row[:2]]
    alike = [item for item in rows if tuple(item.data(0, RowRole))[2:] == row[2:]]
    return next(iter(same or alike), None)


_CARRIED_STATE = re.compile(r"\((verified|moved|altered|orphaned)\b")


_OPENING_MARKS = '"“„«‘'


def _in_marks(text: str) -> str:
    """A passage or claim's words in one line, shortened, in quotation marks: a quote's own marks
    are not doubled (it read 'Evidence added (related): ““Our first…')."""
    words = isolated(clipped(one_line(unquoted(text)), 80))
    return words if words.lstrip("\u2068")[:1] in _OPENING_MARKS else f"“{words}”"


def describe(j: Judgement) -> str:
    """One line for a judgement in a claim's history."""
    short = _in_marks(j.old_value or j.new_value or "")
    if j.action == "mark" and j.old_value == j.new_value:  # a reason given for the status it had
        return "Reason taken back" if j.reason == UNDO_REASON else "Reason given"
    if j.action == "mark":
        return f"Status {j.old_value or 'unreviewed'} → {j.new_value}"
    if j.action == "add_evidence":
        return f"Evidence added ({j.field}): {short}"
    if j.action == "remove_evidence":
        return f"Evidence removed ({j.field}): {short}"
    if j.action == "relate_evidence":  # its old and new values are relations, not a passage
        return f"Evidence changed from {j.old_value} to {j.new_value}"
    if j.action == "note_evidence":
        return f"Evidence note changed to {short}" if j.new_value else "Evidence note cleared"
    if j.action == "carry_version":  # a newer version of the article came in (store.source_versions)
        state = _CARRIED_STATE.search(j.new_value or "")
        what = "Evidence" if (j.field or "").startswith("evidence") else "Claim"
        return f"{what} carried to the article's newer version" + (f" ({state.group(1)})" if state else "")
    if j.target_kind == "claim":
        return {
            "add": f"Claim made: {_in_marks(j.new_value or '')}",
            "edit": f"Claim text changed from {short}",
            "dismiss": "Dismissed: not a claim",
            "restore": "Claim restored",
            "remove": "Claim removed",
            "delete": "Deleted with its source",  # and "restore" when an undo brought the source back
        }.get(j.action, f"{j.action} {j.field or ''}".strip())
    if j.action == "dismiss" and (j.reason or "").startswith(ATTACHED_AS):
        return "Suggested passage closed: attached with another relation"  # the evidence's own line says which
    return {
        "confirm": "Suggested passage confirmed as evidence",
        "dismiss": "Suggested passage dismissed",
        "reopen": "Suggested passage reopened",
    }.get(j.action, f"{j.action} {j.field or ''}".strip())


def _origin_cell(origin: int | None) -> str:
    """An origin's number, or 'own' for a copy of the claim's own story (no origin of its own)."""
    return "" if origin is None else ("own" if origin == OWN_STORY else str(origin))


def time_tip(at: str) -> str:
    """A history time on hover: to the second in UTC and, where this computer's clock is set to
    another zone, the same moment in its local time."""
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return at
    if moment.tzinfo is None:
        return at
    utc = f"{at[:19].replace('T', ' ')} UTC"
    local = moment.astimezone()
    if local.utcoffset() == moment.utcoffset():
        return utc
    return f"{utc} · {local:%Y-%m-%d %H:%M} {local.tzname() or local.strftime('%z')} on this computer"
