"""The search dock (Ctrl+F): runs as you type, off the UI thread, opens results in place;
saved searches beside the results."""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.domain import BriefingError, counted, inert_bidi, strip_bidi
from briefing.search.engine import SearchResult, empty_line, highlighted_html, search
from briefing.search.report import facet_line
from briefing.store import Workspace
from briefing.store.analysis import analysis_times
from briefing.store.search_queries import CLOSE, OPEN
from briefing.store.sources import get_source
from briefing.ui.evidence import list_height
from briefing.ui.plain import InertDocument, plain_label, tip
from briefing.ui.redrawn import DrawnAnalyses
from briefing.ui.saved_search_list import SavedSearchList
from briefing.ui.slot_errors import showing
from briefing.ui.tasks import Task, TaskRunner
from briefing.ui.widgets import SqueezedColumns, arrows_into_list, menu_key_at_current

DEBOUNCE_MS = 250
PAGE_SIZE = 50
HitRole = Qt.ItemDataRole.UserRole + 1  # (kind, ref_id, source_id)
HtmlRole = Qt.ItemDataRole.UserRole + 2
SnippetRole = Qt.ItemDataRole.UserRole + 3  # the snippet with the matched words marked
MATCHED = re.compile(f"{OPEN}(.*?){CLOSE}", re.DOTALL)
HINT = 'Search quotes, claims, notes, sources — e.g. ransom, "boil-water notice", speaker:okafor, status:disputed'


class HtmlDelegate(QStyledItemDelegate):
    """Paints a cell's HtmlRole text, so matched words show in bold."""

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        html = index.data(HtmlRole)
        if html is None:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QStyle()
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        document = InertDocument()  # the snippet is escaped; nothing it names is loaded either way
        document.setDefaultFont(option.font)
        document.setHtml(html)
        document.setTextWidth(option.rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, option.rect.width(), option.rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        """Two lines at the least, and as many as the snippet takes at the column's width: a fixed
        two cut a snippet's third line in half in a narrower window (1280 pixels)."""
        size = super().sizeHint(option, index)
        least = max(size.height(), 2 * option.fontMetrics.height() + 6)
        html, view = index.data(HtmlRole), self.parent()
        if html is None or not isinstance(view, QTreeWidget):
            return QSize(size.width(), least)
        document = InertDocument()
        document.setDefaultFont(option.font)
        document.setHtml(html)
        document.setTextWidth(view.header().sectionSize(index.column()))
        return QSize(size.width(), max(least, math.ceil(document.size().height())))


ROOM_ROWS = 5  # results the pane makes room for at the first search
ROOM_SHARE = 0.4  # of the window's height, at most


class SearchDock(QDockWidget):
    """Emits ``resultOpened(kind, ref_id, source_id)``, or for a source ``passageOpened(source_id,
    start, end)`` with the matched words, so the reader shows them and not the source's top."""

    resultOpened = Signal(str, int, int)
    passageOpened = Signal(int, int, int)
    addToBriefing = Signal(str, int)  # briefing item kind, record id

    def __init__(
        self,
        workspace: Callable[[], Workspace],
        runner: TaskRunner,
        parent: QWidget | None = None,
        analyses: DrawnAnalyses | None = None,
    ):
        super().__init__("Search", parent)
        self.setObjectName("search-dock")
        self.workspace, self.runner = workspace, runner  # the window's, once it has opened one
        self.analyses = analyses or DrawnAnalyses()  # the claims and quotes listed, for a re-analysis
        self.generation = 0
        self._grown = False  # the pane made room for results once (_make_room)
        self.page_cursor: tuple | None = None
        self.query_text = ""
        self._keep: tuple | None = None  # the row to select again when the results come back (an edit)
        self.timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.timer.timeout.connect(self.run)
        self.setWidget(self._build())

    def _build(self) -> QWidget:
        body = QWidget()
        layout = QVBoxLayout(body)
        self.saved = SavedSearchList(self._open_workspace)
        self.saved.chosen.connect(self.run_saved)
        row = QHBoxLayout()
        self.field = QLineEdit(placeholderText=HINT)
        self.field.setAccessibleName("Search")
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self._typed)
        self.field.returnPressed.connect(self.run)
        # Escape clears the query, as the field's clear button does
        escape = QKeySequence(Qt.Key.Key_Escape)
        QShortcut(escape, self.field, self.field.clear, context=Qt.ShortcutContext.WidgetShortcut)
        row.addWidget(self.field)
        self.more = QPushButton("More Results")
        self.more.setEnabled(False)
        self.more.clicked.connect(lambda: self.run(more=True))
        row.addWidget(self.more)
        self.save_button = QPushButton("Save Search…")
        self.save_button.setToolTip("Keep this query under a name, in the list beside the results")
        self.save_button.clicked.connect(lambda: self.saved.save(self.field.text()))
        self.save_button.setEnabled(False)  # nothing typed: nothing to keep (briefing search --save refuses it too)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        self.status = plain_label("Type to search every source, quote, claim and note.")  # quotes the query
        self.status.setObjectName("search-status")  # read by its words, not a name
        layout.addWidget(self.status)
        self.results = QTreeWidget()
        self.results.setAccessibleName("Search results")
        self.results.setHeaderLabels(["Type", "Source", "Speaker", "Match"])
        self.results.setRootIsDecorated(False)
        self.results.setItemDelegateForColumn(3, HtmlDelegate(self.results))
        self.results.header().sectionResized.connect(self._column_resized)
        # the longest type in full: "claim · corroborated" was cut to "claim · u…"
        self.results.setColumnWidth(0, self.results.fontMetrics().horizontalAdvance("claim · corroborated") + 16)
        # source and speaker narrow in a narrow window: the matched words stay in sight
        self.squeezed = SqueezedColumns(self.results, {1: 260, 2: 150})
        self.results.itemActivated.connect(self.open_row)
        arrows_into_list(self.field, self.results)
        self.results.itemClicked.connect(self.open_row)
        self.results.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        menu_key_at_current(self.results)
        self.results.customContextMenuRequested.connect(self._show_menu)
        split = QSplitter(Qt.Orientation.Horizontal)
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(plain_label("Saved searches"))
        column.addWidget(self.saved)
        split.addWidget(side)
        split.addWidget(self.results)
        split.setStretchFactor(1, 1)
        split.setSizes([170, 1200])
        # at the least the lists' headings, not a scroll area's 70 pixels nor two rows: the pane
        # gives way to the side panels where the height is short (at 15 points two empty rows held
        # it at 202 pixels of a 1280x800 screen, and the claims tab showed one row of each list);
        # the first results make room for themselves (_make_room)
        self.results.setMinimumHeight(list_height(self.results, 0))
        self.saved.setMinimumHeight(2 * self.saved.frameWidth())  # its frame: 0 would mean "the hint, 70"
        layout.addWidget(split)
        return body

    def _typed(self, text: str) -> None:
        """Search after a pause; a blank query cannot be saved, and a saved search no longer in
        the field is no longer shown chosen."""
        self.timer.start()
        self.save_button.setEnabled(bool(text.strip()))
        self.saved.show_chosen(text)

    def _column_resized(self, column: int, _old: int, _new: int) -> None:
        if column == 3:  # the snippets wrap to another number of lines
            self.results.doItemsLayout()

    def showEvent(self, event) -> None:
        self.saved.refresh()  # the window opens its workspace after the pane is made
        super().showEvent(event)

    def _open_workspace(self) -> Workspace | None:
        """The window's workspace, or None while it is still opening (the pane shows first)."""
        try:
            return self.workspace()
        except BriefingError:
            return None

    def run_saved(self, query: str) -> None:
        self.field.setText(query)
        self.run()

    def focus(self) -> None:
        self.show()
        self.raise_()
        self.field.setFocus()
        self.field.selectAll()

    def refresh_after_edit(self) -> None:
        """Show an edit in the results on show: the first page searched again, the row selected
        kept; with more pages loaded (the analyst's place in them), a word that they may be out of
        date. A note edited kept its old words in the results."""
        if not self.query_text or not self.results.topLevelItemCount() or self.field.text() != self.query_text:
            return  # nothing shown, or another search typed and on its way
        if self.results.topLevelItemCount() > PAGE_SIZE:
            self.status.setText(f"{self.status.text()} Edited since: press Enter to search again.")
            return
        current = self.results.currentItem()
        self._keep = (current.data(0, HitRole), current.data(3, SnippetRole)) if current is not None else None
        self.run()

    @Slot()
    def run(self, more: bool = False) -> None:
        self.timer.stop()
        if not more:
            self.query_text, self.page_cursor = self.field.text(), None
        self.generation += 1
        generation, text, cursor = self.generation, self.query_text, self.page_cursor
        # results reach bound slots, which Qt calls on the GUI thread (a lambda would run in the worker)
        task = Task.on_workspace(
            lambda ws, progress, cancelled: (generation, more, *_search_drawn(ws, text, cursor)), "search"
        )
        task.succeeded.connect(self._searched)
        task.failed.connect(self.status.setText)
        self.runner.start_on(self.workspace(), task)  # the workspace thread's one connection

    @Slot(object)
    def _searched(self, value: tuple) -> None:
        generation, more, result, times = value
        if generation == self.generation:
            for kind in ("claim", "quote"):
                hits = [(hit.ref_id, (hit.source_id,)) for hit in result.page.hits if hit.kind == kind]
                self.analyses.remember(kind, hits, times)
        self._show(result, generation, more)

    def _show(self, result: SearchResult, generation: int, more: bool) -> None:
        if generation != self.generation:
            return  # the user typed on; a newer search is coming
        if not more:
            self.results.clear()
        for hit in result.page.hits:
            item = QTreeWidgetItem(
                [
                    hit.kind + (f" · {hit.status}" if hit.status else ""),
                    strip_bidi(hit.title or "(untitled)"),
                    strip_bidi(hit.speaker or ""),
                    "",
                ]
            )
            item.setData(0, HitRole, (hit.kind, hit.ref_id, hit.source_id))
            shown = highlighted_html(inert_bidi(hit.snippet))  # a source's U+202E reverses nothing after it
            if result.query.match and OPEN not in hit.snippet:
                shown += _matched_where(hit)
            item.setData(3, HtmlRole, shown)
            item.setData(3, SnippetRole, hit.snippet)
            item.setToolTip(1, tip(", ".join(p for p in (hit.title, hit.outlet, hit.published) if p)))
            self.results.addTopLevelItem(item)
        self.page_cursor = result.page.cursor
        if not more and self._keep is not None:  # searched again after an edit: the same row stays selected
            kept = _kept_row(self.results, *self._keep)
            if kept is not None:
                self.results.setCurrentItem(kept)
        self._keep = None
        self.more.setEnabled(self.page_cursor is not None)
        self.status.setText(_status(result, self.results.topLevelItemCount()))
        if not more:
            QTimer.singleShot(0, self, self._make_room)  # once the rows are laid out; dropped with the pane

    def _make_room(self) -> None:
        """The first results of a window whose search pane shows fewer than ROOM_ROWS of them (at
        1280x800 it showed one and a half): the pane grows to show that many, up to
        ROOM_SHARE of the window. Once: a pane the analyst makes smaller again stays so."""
        window = self.parentWidget()
        results = self.results
        if self._grown or not isinstance(window, QMainWindow) or self.isFloating() or not self.isVisible():
            return
        rows = min(results.topLevelItemCount(), ROOM_ROWS)
        item = results.topLevelItem(0)
        first = results.visualItemRect(item) if item is not None else None
        if first is None or first.height() <= 0:
            return
        missing = rows * first.height() + results.header().height() + 4 - results.viewport().height()
        if missing <= 0:
            return
        self._grown = True
        target = min(self.height() + missing, int(window.height() * ROOM_SHARE))
        if target > self.height():
            window.resizeDocks([self], [target], Qt.Orientation.Vertical)

    def briefing_item(self, item: QTreeWidgetItem | None) -> tuple[str, int] | None:
        """What a result adds to a briefing note: the quote, claim or note; a source adds its summary."""
        if item is None:
            return None
        kind, ref_id, source_id = item.data(0, HitRole)
        return {
            "quote": ("quote", ref_id),
            "claim": ("claim", ref_id),
            "note": ("annotation", ref_id),
            "source": ("summary", source_id),
        }.get(kind)

    def _show_menu(self, point) -> None:
        item = self.results.itemAt(point)
        target = self.briefing_item(item)
        if item is None or target is None:
            return
        menu = QMenu(self)
        menu.addAction("&Open").triggered.connect(lambda: self.open_row(item))
        menu.addAction("Add to &Briefing Note").triggered.connect(lambda: self.addToBriefing.emit(*target))
        menu.exec(self.results.viewport().mapToGlobal(point))

    def open_row(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        kind, ref_id, source_id = item.data(0, HitRole)
        found = self._source_match(source_id, item.data(3, SnippetRole) or "") if kind == "source" else None
        if found is not None:
            self.passageOpened.emit(source_id, *found)
        else:
            self.resultOpened.emit(kind, ref_id, source_id)

    def _source_match(self, source_id: int, snippet: str) -> tuple[int, int] | None:
        try:
            text = get_source(self.workspace(), source_id).text
        except BriefingError:
            return None  # the window says the source is gone when it opens it
        return match_range(text, snippet)


def match_range(text: str, snippet: str) -> tuple[int, int] | None:
    """Where a source result's matched words are in the source's text: the first marked word at
    the place the snippet shows, else the first occurrence of any marked word (any case)."""
    terms = [t for t in MATCHED.findall(snippet) if t.strip()]
    if not terms:
        return None
    first = snippet.index(OPEN)
    context = _unmarked(snippet).strip("…")
    lead = len(_unmarked(snippet[:first]).lstrip("…"))
    at = text.find(context) if context.strip() else -1
    if at >= 0:
        return at + lead, at + lead + len(terms[0])
    hits = [m for m in (re.search(re.escape(t), text, re.IGNORECASE) for t in terms) if m is not None]
    if not hits:
        return None
    best = min(hits, key=lambda m: m.start())
    return best.start(), best.end()


def _unmarked(snippet: str) -> str:
    return snippet.replace(OPEN, "").replace(CLOSE, "")


def _matched_where(hit) -> str:
    """Why a hit whose snippet (of its text) shows no matched word was found: the words are in
    the speaker's name or description, or a source's title (the snippet of a short source
    whose title alone held the words showed nothing highlighted and said nothing)."""
    if hit.speaker:
        return " <i>(matched in who speaks)</i>"
    return " <i>(matched in the title)</i>" if hit.kind == "source" else ""


def _status(result: SearchResult, shown: int) -> str:
    page = result.page
    facets = facet_line(page)
    order = "" if page.ranked or not result.query.match else " (very common: newest first)"
    searched = result.query.literal and result.query.text.strip() and result.query.match is not None
    literal = " · searched literally" if searched else ""
    if result.query.problem and result.query.text.strip():
        literal += f" ({result.query.problem})" if literal else f" · {result.query.problem}"
    recent = not result.query.match and not result.query.filter_text  # no words, no filter: the newest
    what = "recent item" if recent else "result"
    empty = empty_line(result)
    if empty:
        return empty + literal
    problem = result.query.problem or ""
    if not page.total and problem.startswith("no results for "):  # nor for its correction: said once
        return "N" + problem[1:]
    if not page.total:
        return "No results" + literal
    listed = counted(page.total, what) + order + (f", showing {shown:,}" if shown < page.total else "")
    return listed + (f" · {facets}" if facets else "") + literal


def _kept_row(results: QTreeWidget, hit: tuple, snippet: str) -> QTreeWidgetItem | None:
    """The row of the hit selected before the results were searched again: the same record, else
    the one hit of its kind and source with the same words (a re-analysis finds a quote again
    under a new id); None when it went, or when several could be it."""
    rows = [row for i in range(results.topLevelItemCount()) if (row := results.topLevelItem(i)) is not None]
    same = [row for row in rows if row.data(0, HitRole) == hit]
    if same:
        return same[0]
    kind, _, source_id = hit
    alike = [
        row
        for row in rows
        if (row.data(0, HitRole)[0], row.data(0, HitRole)[2], row.data(3, SnippetRole)) == (kind, source_id, snippet)
    ]
    return alike[0] if len(alike) == 1 else None


def _search_drawn(ws: Workspace, text: str, cursor) -> tuple[SearchResult, dict[int, str | None]]:
    """A page of results, with the analysis times of the sources of its claims and quotes: one a
    re-analysis draws again after it is listed is said as such when acted on (ui.redrawn)."""
    result = _search(ws, text, cursor)
    return result, analysis_times(ws, {hit.source_id for hit in result.page.hits if hit.kind in ("claim", "quote")})


def _search(ws: Workspace, text: str, cursor) -> SearchResult:
    """One page of results, in the workspace's thread; a server out of reach says the results
    could not be shown (not that nothing was saved)."""
    with showing("The search results"):
        return search(ws, text, PAGE_SIZE, cursor)
