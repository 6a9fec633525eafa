"""Small widget builders the panels, docks and dialogs share."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Slot,
)
from PySide6.QtGui import QColor, QContextMenuEvent, QKeyEvent, QKeySequence, QPainter, QPalette, QPen, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHeaderView,
    QLineEdit,
    QMenu,
    QProxyStyle,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from briefing.ui.plain import tip

BRIEFING_MIME = "application/x-briefing-item"  # "kind:id" of an item dragged to the briefing pane


def item_mime(kind: str, ref_id: int) -> QMimeData:
    data = QMimeData()
    data.setData(BRIEFING_MIME, f"{kind}:{ref_id}".encode())
    data.setText(f"{kind} {ref_id}")
    return data


def parse_mime(data: QMimeData) -> tuple[str, int] | None:
    if not data.hasFormat(BRIEFING_MIME):
        return None
    kind, _, ref = bytes(data.data(BRIEFING_MIME).data()).decode(errors="replace").partition(":")
    return (kind, int(ref)) if ref.isdigit() else None


class DragTree(QTreeWidget):
    """A tree whose rows can be dragged out as whatever ``mime_for`` makes of them."""

    def __init__(self) -> None:
        super().__init__()
        self.mime_for: Callable[[Sequence[QTreeWidgetItem]], QMimeData | None] | None = None

    def mimeTypes(self) -> list[str]:
        return [BRIEFING_MIME]

    def mimeData(self, items: Sequence[QTreeWidgetItem]) -> QMimeData:
        made = self.mime_for(items) if self.mime_for is not None else None
        return made if made is not None else QMimeData()


class _MenuKeyAtCurrent(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            isinstance(event, QContextMenuEvent)
            and event.reason() == QContextMenuEvent.Reason.Keyboard
            and isinstance(watched, QAbstractItemView)
            and watched.currentIndex().isValid()
        ):
            watched.customContextMenuRequested.emit(watched.visualRect(watched.currentIndex()).center())
            return True
        return False


def menu_key_at_current(view: QAbstractItemView) -> None:
    """The Menu key (Shift+F10) opens ``view``'s context menu on its current row. Qt places the
    menu at the row in the view's own coordinates, which customContextMenuRequested reads as the
    viewport's, below the heading: the menu acted on the row under the current one."""
    view.installEventFilter(_MenuKeyAtCurrent(view))


class _ArrowsIntoList(QObject):
    def __init__(self, field: QLineEdit, view: QAbstractItemView):
        super().__init__(field)
        self.view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if not (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            return False
        model = self.view.model()
        if model is None or model.rowCount() == 0 or not self.view.isVisible():
            return False
        self.view.setFocus(Qt.FocusReason.TabFocusReason)
        if not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(model.index(0, 0))
        return True


def arrows_into_list(field: QLineEdit, view: QAbstractItemView) -> None:
    """Down (or Page Down) in a filter or search field goes on into the list under it, on its
    current row or the first: what the field found was otherwise several Tabs away."""
    field.installEventFilter(_ArrowsIntoList(field, view))


def make_tree(
    name: str, headers: list[str], stretch: int | None = None, widths: dict[int, int] | None = None
) -> DragTree:
    """A flat list with an accessible name; the ``stretch`` column takes the room left. A cell
    too long for its column is cut with an ellipsis (``wrap_rows`` makes rows grow instead)."""
    tree = DragTree()
    tree.setAccessibleName(name)
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setWordWrap(True)
    tree.setAlternatingRowColors(True)
    header = tree.header()
    header.setStretchLastSection(stretch is None)
    for column, width in (widths or {}).items():
        tree.setColumnWidth(column, width)
    if stretch is not None:
        for column in range(len(headers)):
            mode = QHeaderView.ResizeMode.Stretch if column == stretch else QHeaderView.ResizeMode.Interactive
            header.setSectionResizeMode(column, mode)
    return tree


def add_buttons(
    layout: QBoxLayout, specs: Sequence[tuple[str, str, Callable[[], object]]], narrow: bool = False
) -> None:
    """Push buttons from (text, tooltip, slot); the slot is called without the 'checked' flag.
    ``narrow`` buttons may shrink to their words, not the style's least button width: a row of
    them sets a pane's least width."""
    for text, hint, slot in specs:
        button = QPushButton(text)
        button.setToolTip(tip(hint))
        button.clicked.connect(lambda _checked=False, call=slot: call())
        if narrow:
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance(text.replace("&", "")) + 16)
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout.addWidget(button)


def add_ok_cancel(dialog: QDialog, layout: QFormLayout) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addRow(buttons)


class ColumnFitter(QObject):
    """Keeps a table free of horizontal scrolling: the stretch column (the title) takes the room
    left, and the other columns show in ``priority`` order while they fit beside it with at least
    ``stretch_min`` pixels; the rest are hidden until the table is wide enough again."""

    def __init__(self, table: QTableView, priority: Sequence[int], stretch_min: int = 160) -> None:
        super().__init__(table)
        self.table, self.priority, self.stretch_min = table, tuple(priority), stretch_min
        self.widths: dict[int, int] = {}
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        header = self.table.horizontalHeader()
        room = self.table.viewport().width() - self.stretch_min
        fitting = True
        for column in self.priority:
            if not header.isSectionHidden(column):
                self.widths[column] = header.sectionSize(column)  # as the analyst left it
            width = self.widths.get(column, header.defaultSectionSize())
            fitting = fitting and room >= width
            header.setSectionHidden(column, not fitting)
            room -= width if fitting else 0


def fit_columns(table: QTableView, priority: Sequence[int], stretch_min: int = 160) -> ColumnFitter:
    return ColumnFitter(table, priority, stretch_min)


SQUEEZED_LEAST = 48  # a squeezed column's least width: a few letters and the "…"


class SqueezedColumns(QObject):
    """Narrows ``widths``' columns of a view, in proportion, where the view has too little room
    for them and ``last_least`` pixels for the ``free`` column (the words it is about; by default
    the last): they were pushed off to the right behind a sideways scroll bar. Widths the analyst
    sets are kept."""

    def __init__(self, view: QTreeView, widths: dict[int, int], last_least: int = 160, free: int | None = None) -> None:
        super().__init__(view)
        self.view, self.widths, self.last_least = view, dict(widths), last_least
        self.free = free  # the column of words, which takes the room left; None: the last
        self._fitting = False
        for column, width in self.widths.items():
            view.header().resizeSection(column, width)
        view.header().sectionResized.connect(self._resized)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _resized(self, column: int, _old: int, new: int) -> None:
        if not self._fitting and column in self.widths:
            self.widths[column] = new  # the analyst's width, wanted whenever there is room

    def fit(self) -> None:
        header = self.view.header()
        free = header.count() - 1 if self.free is None else self.free
        kept = (c for c in range(header.count()) if c != free and c not in self.widths)
        shown = [c for c in kept if not header.isSectionHidden(c)]
        others = sum(header.sectionSize(c) for c in shown)
        allowed = self.view.viewport().width() - self.last_least - others
        scale = min(1.0, max(0.0, allowed) / max(1, sum(self.widths.values())))
        self._fitting = True
        try:
            for column, width in self.widths.items():
                header.resizeSection(column, max(SQUEEZED_LEAST, int(width * scale)))
        finally:
            self._fitting = False


class ReasonEdit(QLineEdit):
    """The reason for a judgement. Ctrl+Z undoes typing not yet saved with a judgement; with
    nothing typed since, it undoes the judgement itself on ``undo_stack`` (so does Redo).

    The field takes the key itself and calls the window's stack rather than letting the window's
    shortcut have it: a shortcut fires only while its window is the active one."""

    undo_stack: QUndoStack | None = None  # the window's, set when the window is built

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if self._window_step(event) is not None:
                event.accept()  # the key comes to keyPressEvent, not to any shortcut
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = self._window_step(event)
        if step is None:
            super().keyPressEvent(event)
            return
        step()
        event.accept()

    def _window_step(self, event: QKeyEvent):
        """The window's undo or redo when the key asks for one the field itself cannot do."""
        if self.undo_stack is None:
            return None
        if event.matches(QKeySequence.StandardKey.Undo) and not self.isUndoAvailable():
            return self.undo_stack.undo
        if _is_redo(event) and not self.isRedoAvailable():
            return self.undo_stack.redo
        return None

    def clear(self) -> None:
        """Empty, with no undo history: the saved reason cannot be typed back by Ctrl+Z."""
        self.setText("")


def _is_redo(event: QKeyEvent) -> bool:
    pressed = QKeySequence(event.keyCombination())
    return event.matches(QKeySequence.StandardKey.Redo) or pressed == QKeySequence("Ctrl+Shift+Z")


class VerticalRoom(QScrollArea):
    """Scrolls its widget up and down, never sideways: as wide as the widget needs at the least,
    and as tall as its parts need when one grows (a previewed passage), the rest scrolling."""

    def __init__(self, widget: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(widget)

    def setWidget(self, widget: QWidget) -> None:  # noqa: N802 - Qt's name
        super().setWidget(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            QTimer.singleShot(0, self, self._fit)  # not after the room is gone
        return super().eventFilter(watched, event)

    def _fit(self) -> None:
        inside = self.widget()
        if inside is not None:
            height = max(self.viewport().height(), inside.minimumSizeHint().height())
            if inside.height() != height:
                inside.resize(self.viewport().width(), height)
            self.updateGeometry()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        inside = self.widget()
        if inside is None:
            return hint
        return QSize(inside.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width(), hint.height())


class FocusFrames(QProxyStyle):
    """The style of the platform, with the frame of a focused scrolling view (the reader, the
    side panels' editors and lists, a preview, the timeline) in the highlight colour, as a
    focused field's: Fusion marks a focused line edit or button but not these, so the reader
    and the note preview showed nothing when tabbed to."""

    def drawPrimitive(self, element, option, painter, widget=None) -> None:  # noqa: N802 - Qt's name
        super().drawPrimitive(element, option, painter, widget)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        if element != QStyle.PrimitiveElement.PE_Frame or not focused or not isinstance(widget, QAbstractScrollArea):
            return
        painter.save()
        painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Highlight), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5))
        painter.restore()


class VisibleIndicators(FocusFrames):
    """Fusion with check boxes and radio buttons that show on a dark palette: Fusion outlines them
    a shade darker than the window, near black on the dark palette's near-black base, so a
    dialog's ticks (Split Entity's mentions) could not be told from blanks."""

    _KINDS = (
        QStyle.PrimitiveElement.PE_IndicatorCheckBox,
        QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
        QStyle.PrimitiveElement.PE_IndicatorRadioButton,
    )

    def drawPrimitive(self, element, option, painter, widget=None) -> None:  # noqa: N802 - Qt's name
        super().drawPrimitive(element, option, painter, widget)
        if element not in self._KINDS:
            return
        outline = QColor(option.palette.color(QPalette.ColorRole.Text))
        outline.setAlpha(150)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(outline, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        box = QRectF(option.rect).adjusted(1.5, 1.5, -1.5, -1.5)
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(box)
        else:
            painter.drawRoundedRect(box, 2, 2)
        painter.restore()


def give_unique_letters(menu: QMenu) -> None:
    """Each item of ``menu`` an Alt-letter of its own: one taken by an earlier item moves to the
    first free letter of a word of the text (else any free letter). A letter two items share only
    highlights the first, and a second press the other, running neither. Text after a tab (the
    shortcut) and a doubled "&&" (an ampersand) are left as they are."""
    taken: set[str] = set()
    for action in menu.actions():
        label, tab, keys = action.text().partition("\t")
        letter = _letter(label)
        if action.isSeparator() or not label or (letter is not None and letter not in taken):
            taken.add(letter or "")
            continue
        plain = re.sub("&(?!&)", "", label.replace("&&", "\0")).replace("\0", "&&")
        spots = [i for i, c in enumerate(plain) if c.isalnum() and c.lower() not in taken]
        starts = [i for i in spots if i == 0 or not plain[i - 1].isalnum()]
        if spots:
            at = (starts or spots)[0]
            taken.add(plain[at].lower())
            action.setText(f"{plain[:at]}&{plain[at:]}{tab}{keys}")


def _letter(label: str) -> str | None:
    found = re.search("&([^&])", label.replace("&&", "\0"))
    return found.group(1).lower() if found else None


class LatestInSight(QObject):
    """Keeps a list's last row in sight as the list is laid out and resized, until the analyst
    scrolls it: a claim's history (oldest first) drawn before the window took its size showed its
    oldest rows, the newest judgement out of sight below them."""

    def __init__(self, view: QAbstractItemView):
        super().__init__(view)
        self.view, self.following = view, True
        bar = view.verticalScrollBar()
        bar.rangeChanged.connect(self._range_changed)
        bar.actionTriggered.connect(self._scrolled)  # the analyst's wheel, drag or click: they look elsewhere

    def follow(self) -> None:
        self.following = True
        self.view.scrollToBottom()

    @Slot(int, int)
    def _range_changed(self, _least: int, most: int) -> None:
        if self.following:
            self.view.verticalScrollBar().setValue(most)

    @Slot(int)
    def _scrolled(self, _action: int) -> None:
        self.following = False


class WrappedRows(QStyledItemDelegate):
    """Rows as tall as their words need in the view's columns as they are now wide. Qt's word
    wrap alone measured a row on one line whatever its column's width, so a claim's history
    showed "Evidence added …" cut, the change whole only in the tooltip; and it does not lay the
    rows out again when a column is resized."""

    def __init__(self, view: QTreeView):
        super().__init__(view)
        self.view = view
        self.one_line = False  # measuring a row's height on one line, as lists are sized
        view.setWordWrap(True)
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
        view.header().sectionResized.connect(self._resized)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        if self.one_line:
            return super().sizeHint(option, index)
        shaped = QStyleOptionViewItem(option)
        shaped.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        # the style wraps only in a valid rectangle: the column's width, any height
        shaped.rect = QRect(0, 0, self.view.header().sectionSize(index.column()), 1 << 16)
        return super().sizeHint(shaped, index)

    @Slot(int, int, int)
    def _resized(self, _column: int, _old: int, _new: int) -> None:
        self.view.doItemsLayout()  # row heights follow the new width at once


def one_line_row_height(view: QTreeView) -> int:
    """The height of ``view``'s first row on one line, however its words wrap: how tall a
    list of so many rows is to be, whatever its first row says."""
    delegate = view.itemDelegate()
    if not isinstance(delegate, WrappedRows):
        return view.sizeHintForRow(0)
    delegate.one_line = True
    try:
        return view.sizeHintForRow(0)
    finally:
        delegate.one_line = False


def wrap_rows(view: QTreeView) -> None:
    """Every cell of ``view`` wraps its words in its column's width, and rows grow to fit."""
    view.setItemDelegate(WrappedRows(view))
