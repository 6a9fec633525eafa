"""The reader: a source's cleaned text with highlights, never running anything.

The text is laid out block by block so that a character range of the source
maps to a range of the document; highlights are extra selections painted over
the text (entities by type, quotes, claims by status, notes), so they may
overlap and toggle without rebuilding the document.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QGuiApplication,
    QHelpEvent,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QMenu, QTextBrowser, QTextEdit, QToolTip, QWidget

from briefing.domain import Source, counted, file_name_of, inert_bidi, strip_bidi
from briefing.languages import ENGLISH_ONLY, is_analysed_language
from briefing.ui.palette_colours import readable
from briefing.ui.plain import tip
from briefing.ui.widgets import give_unique_letters

LAYERS = ("entity", "quote", "claim", "note")
ENTITY_COLOURS = {"person": "#1f77b4", "organisation": "#2ca02c", "place": "#d97706", "group": "#9467bd"}
CLAIM_COLOURS = {"unreviewed": "#8a8a8a", "corroborated": "#2e9d46", "disputed": "#d62728"}
QUOTE_COLOUR = "#f2c12e"
NOTE_COLOUR = "#3b82f6"
# the translucent highlights an entity's name may sit on (a person named inside a quote)
ENTITY_UNDERLAYS = ((QUOTE_COLOUR, 70), (NOTE_COLOUR, 70), *((c, 45) for c in CLAIM_COLOURS.values()))
LANGUAGE_NAMES = {
    "ar": "Arabic",
    "bn": "Bengali",
    "cs": "Czech",
    "da": "Danish",
    "de": "German",
    "el": "Greek",
    "es": "Spanish",
    "fa": "Persian",
    "fi": "Finnish",
    "fr": "French",
    "he": "Hebrew",
    "hi": "Hindi",
    "hu": "Hungarian",
    "hy": "Armenian",
    "id": "Indonesian",
    "it": "Italian",
    "ja": "Japanese",
    "ka": "Georgian",
    "ko": "Korean",
    "nl": "Dutch",
    "no": "Norwegian",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "sv": "Swedish",
    "ta": "Tamil",
    "th": "Thai",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "vi": "Vietnamese",
    "zh": "Chinese",
}
EMPTY_TEXT = (
    "No source selected.\n\nPick a source on the left, or use File ▸ Import Files… (Ctrl+I) "
    "to add articles, reports and e-mails."
)


@dataclass(frozen=True)
class Highlight:
    kind: str  # entity, quote, claim, note
    item_id: int
    start: int
    end: int
    style: str  # entity type, claim status, "" otherwise
    label: str  # what the tooltip says
    in_title: bool = False  # start and end count in the headline shown above the text


@dataclass
class _Layout:
    source_starts: list[int] = field(default_factory=list)
    doc_starts: list[int] = field(default_factory=list)
    lengths: list[int] = field(default_factory=list)


def heading(source: Source) -> str:
    """The title; an untitled source is named by its file, as the list names it."""
    name = file_name_of(source.path) if source.path else ""
    return source.title or (f"(untitled) · {name}" if name else "(untitled)")


class Reader(QTextBrowser):
    """Shows one source; emits ``highlightClicked(kind, id)`` when a highlight is clicked."""

    highlightClicked = Signal(str, int)
    entityRequested = Signal(int)  # Open Entity Page on a name right-clicked in the text
    navigateRequested = Signal(int)  # -1: the mouse's back button, +1: its forward button

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        # a caret: Shift+arrows select words for a claim, a note or evidence without the mouse
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setAccessibleName("Reader")
        self.setMouseTracking(True)
        self.document().setDocumentMargin(28)
        self.shown: Source | None = None
        self.highlights: list[Highlight] = []
        self.selection_actions: list[QAction] = []  # what the context menu offers for selected text
        # why an action cannot run now ("no claim is pinned"), asked when the context menu opens
        self.action_reasons: dict[QAction, Callable[[], str | None]] = {}
        self.visible = set(LAYERS)
        self.tag_colour: Callable[[str], str | None] | None = None  # a note's colour by its first tag
        self.language_notice = ""  # shown under the meta line for a source not in English
        # writes "· Version 2 · Compare with previous version…" after the meta line (ui/compare_versions.py)
        self.version_line: Callable[[QTextCursor, Source, QTextCharFormat], None] | None = None
        self.version_of: Callable[[Source], object] | None = None  # what that line says depends on
        self._written: tuple | None = None  # what the text shown was written from (_written_as)
        self._revision = -1  # the document's revision once written: any other change writes it anew
        self._layout = _Layout()
        self.header: QWidget | None = None  # a bar above the text: the claim pinned for evidence
        self.show_source(None)

    # -- content ---------------------------------------------------------
    def show_source(self, source: Source | None, highlights: list[Highlight] | None = None) -> None:
        """Show ``source`` with ``highlights``. The same source again, its words, details and
        version unchanged (every edit redraws the source it was made in), keeps the text as
        written and paints the highlights anew: writing a long article again took 20-40 ms."""
        written = self._written_as(source)
        self.shown = source
        self.highlights = list(highlights or [])
        if written is None or written != self._written or self.document().revision() != self._revision:
            self.language_notice = ""
            self.clear()
            self._layout = _Layout()
            if source is None:
                self.setPlainText(EMPTY_TEXT)
            else:
                self._lay_out(source)
            self._written, self._revision = written, self.document().revision()
        self._paint()
        # a fresh cursor: no selection or scrolled-to range of the previous source stays behind
        self.setTextCursor(QTextCursor(self.document()))
        self.verticalScrollBar().setValue(0)

    def show_unavailable(self, reason: str) -> None:
        """No source, and why the one picked cannot be shown (the team's server out of reach)."""
        self.show_source(None)
        self.setPlainText(reason)

    def _written_as(self, source: Source | None) -> tuple | None:
        """What the text written for ``source`` depends on (None: the empty state)."""
        if source is None:
            return None
        version = self.version_of(source) if self.version_of is not None else None
        link = QGuiApplication.palette().color(QPalette.ColorRole.Link).name()  # the version line's link
        return source, version, self.font().pointSizeF(), link

    def set_highlights(self, highlights: list[Highlight]) -> None:
        self.highlights = list(highlights)
        self._paint()

    def set_layer_visible(self, kind: str, visible: bool) -> None:
        (self.visible.add if visible else self.visible.discard)(kind)
        self._paint()

    def _lay_out(self, source: Source) -> None:
        cursor = QTextCursor(self.document())
        # one edit for the whole text: the document is laid out once, from the top as it shows,
        # not again after each paragraph (a 33,000-character article took 40 ms of the GUI thread)
        cursor.beginEditBlock()
        try:
            self._write(cursor, source)
        finally:
            cursor.endEditBlock()

    def _write(self, cursor: QTextCursor, source: Source) -> None:
        title = QTextCharFormat()
        title.setFontPointSize(self.font().pointSizeF() * 1.7)
        title.setFontWeight(QFont.Weight.Bold)
        cursor.insertText(inert_bidi(heading(source)), title)  # a headline claim's offsets hold in it
        meta = QTextCharFormat()
        meta.setForeground(QColor("#808080"))
        block = QTextBlockFormat()
        block.setBottomMargin(14)
        # our line, left to right, each of the source's own words set apart: with an Arabic outlet
        # first, the line ran right to left and the date read "02-12-2014" for 2014-12-02
        block.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        cursor.insertBlock(block)
        cursor.insertText(" · ".join(f"\u2068{part}\u2069" for part in meta_parts(source)), meta)
        if self.version_line is not None:
            self.version_line(cursor, source, meta)
        self.language_notice = language_notice(source.language)
        if self.language_notice:
            notice = QTextCharFormat()
            notice.setForeground(QColor("#c2410c"))
            notice.setFontWeight(QFont.Weight.DemiBold)
            cursor.insertBlock(block)
            cursor.insertText(self.language_notice, notice)
        body_format = QTextBlockFormat()
        body_format.setBottomMargin(10)
        body_format.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        plain = QTextCharFormat()
        plain.setFontPointSize(self.font().pointSizeF() * 1.15)
        for start, paragraph in _paragraphs(source.text):
            cursor.insertBlock(body_format)
            self._layout.source_starts.append(start)
            self._layout.doc_starts.append(cursor.position())
            self._layout.lengths.append(len(paragraph))
            cursor.insertText(paragraph, plain)

    def set_header(self, header: QWidget | None) -> None:
        """Show ``header`` as a bar above the text, inside the reader (None: no bar)."""
        if self.header is not None and self.header is not header:
            self.header.hide()
        self.header = header
        if header is not None:
            header.setParent(self)
            header.show()
        self._place_header()

    def _place_header(self) -> None:
        height = self.header.sizeHint().height() if self.header is not None else 0
        self.setViewportMargins(0, height, 0, 0)
        if self.header is not None:  # over the text's width, beside the scroll bar
            text = self.viewport().geometry()
            self.header.setGeometry(text.left(), self.frameWidth(), text.width(), height)

    # -- positions -------------------------------------------------------
    def doc_position(self, offset: int) -> int:
        layout = self._layout
        if not layout.source_starts:
            return 0
        i = max(0, bisect.bisect_right(layout.source_starts, offset) - 1)
        inside = min(max(0, offset - layout.source_starts[i]), layout.lengths[i])
        return layout.doc_starts[i] + inside

    def source_offset(self, position: int) -> int | None:
        layout = self._layout
        i = bisect.bisect_right(layout.doc_starts, position) - 1
        if i < 0:
            return None
        return layout.source_starts[i] + min(position - layout.doc_starts[i], layout.lengths[i])

    def selected_range(self) -> tuple[int, int] | None:
        """The selection as a range of the source text, or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection() or self.shown is None:
            return None
        start = self.source_offset(cursor.selectionStart())
        end = self.source_offset(cursor.selectionEnd())
        if start is None or end is None or end <= start:
            return None
        return start, end

    def show_item(self, kind: str, item_id: int, start: int, end: int) -> None:
        """Select a highlighted record (a claim in the headline too) and bring it into view."""
        found = next((h for h in self.highlights if h.kind == kind and h.item_id == item_id and h.in_title), None)
        if found is None:
            self.scroll_to(start, end)
            return
        self._select_positions(found.start, found.end)

    def select_headline(self, start: int, end: int) -> None:
        """Select words of the headline, the document's first block (a headline claim's range)."""
        self._select_positions(start, end)

    def scroll_to(self, start: int, end: int) -> None:
        """Select a range of the source and bring it to the middle of the view."""
        self._select_positions(self.doc_position(start), self.doc_position(end))

    def select_range(self, start: int, end: int) -> None:
        """Select a range of the source where it is, without scrolling to it."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.doc_position(start))
        cursor.setPosition(self.doc_position(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def _select_positions(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.center().y() - self.viewport().height() // 2)

    def highlights_at(self, offset: int) -> list[Highlight]:
        order = {kind: i for i, kind in enumerate(("quote", "claim", "note", "entity"))}
        found = [h for h in self.highlights if h.kind in self.visible and not h.in_title and h.start <= offset < h.end]
        return sorted(found, key=lambda h: order[h.kind])

    def highlights_at_position(self, position: int) -> list[Highlight]:
        """What is highlighted at a document position: in the headline, or in the text."""
        if self._layout.doc_starts and position < self._layout.doc_starts[0]:
            return [h for h in self.highlights if h.kind in self.visible and h.in_title and h.start <= position < h.end]
        offset = self.source_offset(position)
        return self.highlights_at(offset) if offset is not None else []

    def tooltip_at(self, position: int) -> str:
        """What hovering a document position shows: the labels of its highlights, or ""."""
        return tip("\n".join(h.label for h in self.highlights_at_position(position)))

    # -- painting --------------------------------------------------------
    def _paint(self) -> None:
        selections = []
        document = self.document()
        formats: dict[tuple[str, str], QTextCharFormat] = {}  # made once per kind and style: hundreds share one
        for kind in ("claim", "quote", "note", "entity"):  # later ones paint over earlier ones
            if kind not in self.visible:
                continue
            for highlight in (h for h in self.highlights if h.kind == kind):
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(document)
                if highlight.in_title:  # the headline is the document's first block
                    cursor.setPosition(highlight.start)
                    cursor.setPosition(highlight.end, QTextCursor.MoveMode.KeepAnchor)
                else:
                    cursor.setPosition(self.doc_position(highlight.start))
                    cursor.setPosition(self.doc_position(highlight.end), QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor
                style = (kind, highlight.style)
                if style not in formats:
                    formats[style] = _format(highlight, self.tag_colour)
                selection.format = formats[style]
                selections.append(selection)
        self.setExtraSelections(selections)

    # -- Qt overrides ----------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            position = self.cursorForPosition(self.viewport().mapFromGlobal(event.globalPos())).position()
            QToolTip.showText(event.globalPos(), self.tooltip_at(position), self)  # "" hides it
            return True
        return super().event(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """What can be done with the selected words first (Annotate, Add as Claim, Attach as
        Evidence, Add Quote, Add to Briefing Note, Copy with Citation), then Copy and Select All.
        An action that cannot run says why in its text and tooltip."""
        menu = QMenu(self)
        menu.setToolTipsVisible(True)
        selected = self.selected_range() is not None
        saved = [(action, action.text(), action.toolTip()) for action in self.selection_actions]
        for action in self.selection_actions:
            reason = self.action_reasons[action]() if action in self.action_reasons else None
            action.setEnabled(selected and reason is None)
            if reason is not None:
                # the reason's head in the text keeps the menu narrow; the whole of it in the tooltip
                action.setText(f"{action.text()} ({reason.split(':', 1)[0]})")
                action.setToolTip(tip(reason))
            menu.addAction(action)
        if self.selection_actions:
            menu.addSeparator()
        clicked = self.cursorForPosition(event.pos()).position()
        for found in [h for h in self.highlights_at_position(clicked) if h.kind == "entity"][:1]:
            page = menu.addAction(f"&Open Entity Page ({found.label.replace('&', '&&')})")
            page.triggered.connect(lambda _=False, entity_id=found.item_id: self.entityRequested.emit(entity_id))
            menu.addSeparator()
        standard = self.createStandardContextMenu(event.pos())
        for action in standard.actions():
            if action.objectName() != "link-copy":  # the text has no links: always greyed out
                menu.addAction(action)
        give_unique_letters(menu)  # the menu bar's texts shared A (Annotate, Attach) and L (Claim, Selection)
        menu.exec(event.globalPos())
        for action, text, hint in saved:  # the same actions live in the menu bar
            action.setEnabled(True)
            action.setText(text)
            action.setToolTip(tip(hint))
        standard.deleteLater()
        menu.deleteLater()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_header()

    def mousePressEvent(self, event) -> None:
        step = {Qt.MouseButton.BackButton: -1, Qt.MouseButton.ForwardButton: 1}.get(event.button())
        if step is not None:
            event.accept()
            self.navigateRequested.emit(step)
            return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        found = self.highlights_at_position(self.cursorForPosition(event.position().toPoint()).position())
        if found:
            self.highlightClicked.emit(found[0].kind, found[0].item_id)


def _format(highlight: Highlight, tag_colour: Callable[[str], str | None] | None = None) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if highlight.kind == "entity":
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        colour = readable(ENTITY_COLOURS.get(highlight.style, "#888888"), ENTITY_UNDERLAYS)  # 4.5:1 in this palette
        fmt.setUnderlineColor(colour)
        fmt.setForeground(colour)
    else:
        tagged = tag_colour(highlight.style) if highlight.kind == "note" and tag_colour else None
        colour = QColor(
            tagged
            or {"quote": QUOTE_COLOUR, "note": NOTE_COLOUR}.get(
                highlight.kind, CLAIM_COLOURS.get(highlight.style, "#8a8a8a")
            )
        )
        if highlight.kind == "note":  # a shape as well as a hue: an orange tag's note is no quote
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
            fmt.setUnderlineColor(QColor(colour))
        colour.setAlpha(70 if highlight.kind != "claim" else 45)  # readable on light and dark
        fmt.setBackground(colour)
    return fmt


def _paragraphs(text: str) -> list[tuple[int, str]]:
    found, position = [], 0
    for piece in text.split("\n\n"):
        if piece.strip():
            found.append((position, piece))
        position += len(piece) + 2
    return found


def meta_parts(source: Source) -> list[str]:
    parts = [
        source.outlet,
        f"by {source.author}" if source.author else None,
        source.published or "no date",
        f"grade {source.reliability}" if source.reliability else "not graded",
        source.format.upper(),
    ]
    return [strip_bidi(p) for p in parts if p]  # a U+202E in an outlet must not reverse the line


def language_notice(language: str | None) -> str:
    """What the reader says of a source not in English: the analysis reads English only."""
    if is_analysed_language(language):
        return ""
    code = (language or "").strip().lower()
    name = LANGUAGE_NAMES.get(code.split("-")[0], strip_bidi(language or ""))
    return f"Language: {name} — {ENGLISH_ONLY}"


def highlights_of(entities, quotes, claims, notes) -> list[Highlight]:
    """What the reader marks in a source, each with the text its tooltip shows."""
    found = [
        Highlight("entity", e.id, s, t, e.type, f"{e.type.capitalize()}: {e.name} ({counted(e.sources, 'source')})")
        for e in entities
        for s, t in e.mentions
    ]
    found += [
        Highlight(
            "quote",
            q.id,
            q.start,
            q.end,
            "",
            (f"Quote by {q.speaker}" if q.speaker else "Quote, no speaker") + (f" ({q.cue})" if q.cue else ""),
        )
        for q in quotes
    ]
    found += [
        Highlight(
            "claim",
            c.id,
            c.start,
            c.end,
            c.status,
            f"{'Headline claim' if c.part == 'title' else 'Claim'}, {c.status}",
            c.part == "title",
        )
        for c in claims
    ]
    found += [
        Highlight("note", n.id, n.start, n.end, n.tags[0] if n.tags else "", f"Note: {n.note or n.exact}")
        for n in notes
    ]  # a note's style: its first tag, whose colour it takes
    return found
