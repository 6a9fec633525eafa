"""The Help menu: Keyboard Shortcuts (F1, Ctrl+/), Search Language and Getting Started, three
tabs of one window that stays open beside the work; and the first-run hint of an empty workspace.

The shortcuts are read from the window's menus each time the tab is shown, so the list never
goes stale; the search examples run in the search pane when clicked. All text here is the app's
own: nothing from a workspace is shown as markup.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLineEdit,
    QMenu,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.ui.plain import InertDocument, plain_label, tip
from briefing.ui.widgets import arrows_into_list

EMPTY_WORKSPACE = (
    "No sources yet.\n\nImport articles, reports, PDFs, Word files and e-mails with File ▸ Import "
    "Files… (Ctrl+I) or Import Folder… (Ctrl+Shift+I), or drop them on this window.\n\n"
    "New to Briefing? Help ▸ Getting Started walks through a first briefing; F1 lists the shortcuts."
)
TABS = ("Keyboard Shortcuts", "Search Language", "Getting Started")
# Keys that work outside the menus, as (where, what, keys).
OTHER_KEYS = (
    ("Search pane", "Run the search now", "Enter"),
    ("Search pane", "Clear the query", "Escape"),
    ("Entities tab", "Open the entity's page", "Enter, double-click"),
    ("Entity page", "Not This Entity: take a wrong mention off", "Menu key or right-click on the mention"),
    ("Claims tab", "Open the selected evidence's or suggestion's source", "Enter, double-click"),
    ("Claims tab", "Close a suggestion's preview (the history shows again)", "Escape"),
    ("Timeline", "Step to the next or previous source (or day), then open it", "Ctrl+Right, Ctrl+Left, Enter"),
    ("Timeline", "Pan; zoom in, out, to fit", "Left, Right; +, −, 0"),
    ("Notes pane", "Open the selected note in the reader", "Enter, double-click"),
    ("Briefing Note pane", "Move the selected item up or down", "Ctrl+Up, Ctrl+Down"),
    ("Briefing Note pane", "Remove the selected item from the note", "Delete"),
    ("Briefing Note pane", "Save the text section being written", "Ctrl+Return (or leave the editor)"),
    ("Reader", "Copy the selected text", "Ctrl+C"),
)
SEARCH_EXAMPLES = (
    ("ransom demand", "items with both words (stemmed, case and accents ignored); the exact phrase ranks first"),
    ('"boil-water notice"', "the exact phrase"),
    ('"water outage"~5', "both words within 5 words of each other, in any order"),
    ("outag*", "words starting with “outag”"),
    ("ransom OR hoax", "either word"),
    ("ransom AND ministry", "both words (the same as a space)"),
    ("ransom NOT hoax", "ransom, but not where hoax is said (-hoax also works)"),
    ("(outage OR ransom) AND ministry", "brackets group the words"),
    ("type:quote water", "one kind of item: type:quote, type:claim, type:note or type:source"),
    ("speaker:okafor", 'quotes by that speaker (name or alias; speaker:"Marta Okafor" too)'),
    ("speaker:okafor speaker:neumann", "quotes by either; a field given twice takes either, but entity: and tag: both"),
    ("status:disputed", "claims with that status: unreviewed, corroborated or disputed"),
    ("source:ministry", "items of sources with that word in the title"),
    ("outlet:courier", "items of sources of that outlet (whole words of its name: outlet:ap is not Apple Daily)"),
    ("entity:HWA", "items of sources that mention that entity"),
    ("grade:AB", "items of sources graded A or B"),
    ("tag:figures", "notes with that tag"),
    ("from:2026-03 to:2026-03-05", "published in those dates (YYYY, YYYY-MM or YYYY-MM-DD)"),
    ("investgation", "a misspelt word that finds nothing is searched as the closest word the workspace holds"),
    ("neuman", "names too: “Neumann”; the results say what was searched, and if it found nothing"),
)

if TYPE_CHECKING:
    from briefing.ui.main_window import MainWindow
GETTING_STARTED = """
<h2>Getting started</h2>
<p>Briefing turns a pile of articles and reports into a short, sourced briefing note. Everything
stays in one workspace file on this computer; nothing is sent anywhere. One workspace per
investigation: <b>File ▸ New Workspace…</b> (Ctrl+N) starts one, <b>Open Workspace…</b> (Ctrl+O)
and <b>Open Recent</b> go back to another. Briefing keeps backups of it as you work; <b>File ▸
Back Up Now</b> makes one at once and <b>Restore Backup…</b> brings one back.</p>
<h3>1. Import</h3>
<p><b>File ▸ Import Files…</b> (Ctrl+I) or <b>Import Folder…</b> (Ctrl+Shift+I), or drop files on
the window: web pages (.html, or .mhtml saved as one file), PDF, Word, e-mail, text and Markdown.
The analysis finds who is quoted, the people, organisations and places, and the claims each source
makes.</p>
<h3>2. Read</h3>
<p>Pick a source on the left. The reader highlights people and organisations, quotes (yellow),
claims (by status) and your notes; hover a highlight to see what it is, click it to select it in
the tabs beside the reader (Summary, Entities, Quotes, Claims, Notes). A quote given to the
wrong person? <b>Quotes ▸ Change Speaker…</b> (Ctrl+Alt+S) puts it right, <b>Add Selection as
Quote…</b> (Ctrl+Alt+Q) adds one the analysis missed; re-analysis keeps your corrections.</p>
<h3>3. Judge claims</h3>
<p>In the Claims tab, mark a claim <b>Corroborated</b>, <b>Disputed</b> or <b>Unreviewed</b>
(Ctrl+Alt+C, D, U) with a reason. Confirm suggested evidence from other sources, or pin the claim
(Ctrl+Alt+P), select a passage in another source and attach it (Ctrl+Alt+E). Every judgement is
kept in the history and can be undone (Ctrl+Z).</p>
<h3>4. Annotate</h3>
<p>Select a passage and choose <b>Edit ▸ Annotate Selection…</b> (Ctrl+Shift+A) to add a note and
tags. <b>View ▸ Notes</b> (Ctrl+Shift+N) lists every note of the workspace; filter by tag or text,
and right-click a tag to choose its colour in the reader.</p>
<h3>5. Search</h3>
<p><b>Edit ▸ Find…</b> (Ctrl+F) searches quotes, claims, notes and sources as you type.
<b>Help ▸ Search Language</b> lists what a query can say, with examples to click.</p>
<h3>6. Compose and export a note</h3>
<p><b>Briefing ▸ Show Briefing Note</b> (Ctrl+Shift+B), <b>New…</b>, then add the selected quote,
claim or note with Ctrl+B or by dragging it. Add text sections, reorder, and
<b>Export…</b> (Ctrl+E) to Markdown, HTML, PDF, Word or JSON, with citations a reader can follow.</p>
"""


def plain_text(text: str) -> str:
    """A menu text without its mnemonic marks ("&Import Files…" -> "Import Files…")."""
    return re.sub(r"&(.)", r"\1", text.split("\t")[0])


def menu_shortcuts(window: MainWindow) -> list[tuple[str, str, str]]:
    """(menu, command, shortcuts) of every command in the window's menus, in menu order."""
    rows: list[tuple[str, str, str]] = []
    for top in window.menuBar().actions():
        if top.menu() is not None:
            _walk(top.menu(), [plain_text(top.text())], rows)
    return rows


def _walk(menu, path: list[str], rows: list[tuple[str, str, str]]) -> None:
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue  # a command this workspace does not offer (the team queue on a file) is not listed
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            _walk(submenu, [*path, plain_text(action.text())], rows)
            continue
        keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
        rows.append((" ▸ ".join(path), plain_text(action.text()), keys))


class HelpDialog(QDialog):
    """One window with the three help pages as tabs; stays open beside the main window."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.setObjectName("help")
        self.setWindowTitle("Briefing Help")
        self.window_ = window
        self.resize(840, 640)
        self.groups: dict[str, tuple[QTreeWidgetItem, list[QTreeWidgetItem]]] = {}  # menu: its row, commands
        self.tabs = QTabWidget()
        self.tabs.addTab(self._shortcuts_page(), TABS[0])
        self.tabs.addTab(self._search_page(), TABS[1])
        self.tabs.addTab(self._start_page(), TABS[2])
        self.tabs.currentChanged.connect(lambda i: self.fill_shortcuts() if i == 0 else None)
        self.column = QVBoxLayout(self)
        self.column.addWidget(self.tabs)

    def _shortcuts_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.filter = QLineEdit(placeholderText="Find a command or a key (e.g. claim, Ctrl+E)")
        self.filter.setAccessibleName("Find a shortcut")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.apply_filter)
        self.shortcuts = _tree("Keyboard shortcuts", ["Command", "Shortcut"], {0: 380})
        layout.addWidget(self.filter)
        layout.addWidget(self.shortcuts)
        arrows_into_list(self.filter, self.shortcuts)
        self.fill_shortcuts()
        return page

    def fill_shortcuts(self) -> None:
        """The commands of the window's menus as they are now, under their menu, then the keys
        that work outside the menus."""
        self.shortcuts.clear()
        self.groups = {}
        for menu, command, keys in [*menu_shortcuts(self.window_), *OTHER_KEYS]:
            if menu not in self.groups:
                group = QTreeWidgetItem(self.shortcuts, [menu])
                group.setFirstColumnSpanned(True)
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                self.groups[menu] = (group, [])
            group, rows = self.groups[menu]
            rows.append(QTreeWidgetItem(group, [command, keys]))
        self.shortcuts.expandAll()
        self.apply_filter(self.filter.text())

    def apply_filter(self, text: str) -> None:
        """Show the commands whose name or keys hold ``text``, or all of a menu whose name does."""
        wanted = text.strip().casefold()
        for menu, (group, rows) in self.groups.items():
            whole = not wanted or wanted in menu.casefold()
            for row in rows:
                row.setHidden(not (whole or wanted in row.text(0).casefold() or wanted in row.text(1).casefold()))
            group.setHidden(all(row.isHidden() for row in rows))

    def visible_commands(self) -> list[tuple[str, str]]:
        """(command, shortcut) of the rows the filter leaves."""
        return [
            (row.text(0), row.text(1))
            for group, rows in self.groups.values()
            for row in rows
            if not group.isHidden() and not row.isHidden()
        ]

    def _search_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(
            plain_label(
                "Search (Ctrl+F) finds quotes, claims, notes and sources. Click an example to run it in "
                "the search pane. Anything typed is safe: what the language cannot read is searched "
                "literally, and the results say so.",
                word_wrap=True,
            )
        )
        self.examples = _tree("Search examples", ["You type", "Finds"], {0: 260})
        for query, finds in SEARCH_EXAMPLES:
            item = QTreeWidgetItem([query, finds])
            item.setToolTip(0, tip(f"Run {query} in the search pane"))
            item.setToolTip(1, tip(finds))
            self.examples.addTopLevelItem(item)
        self.examples.itemClicked.connect(lambda item, _c: self.run_example(item.text(0)))
        self.examples.itemActivated.connect(lambda item, _c: self.run_example(item.text(0)))
        layout.addWidget(self.examples)
        return page

    def run_example(self, query: str) -> None:
        dock = self.window_.search_dock
        dock.focus()
        dock.field.setText(query)
        dock.run()

    def _start_page(self) -> QWidget:
        page = QTextBrowser()
        page.setDocument(InertDocument(page))  # the page is the app's own; it loads nothing
        page.setAccessibleName("Getting started")
        page.setOpenLinks(False)
        page.setHtml(GETTING_STARTED)
        return page

    def show_tab(self, index: int) -> None:
        if index == 0:
            self.fill_shortcuts()
        self.tabs.setCurrentIndex(index)
        self.show()
        self.raise_()
        self.activateWindow()
        # the keyboard in the page, not on its tab, where Fusion marks nothing: F1 then typing finds a command
        first = (self.filter, self.examples, self.tabs.widget(2))[index] or self.tabs
        first.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if first is self.filter:
            self.filter.selectAll()


class Help:
    """The Help menu's pages, made on first use."""

    def __init__(self, window: MainWindow):
        self.window = window
        self.dialog: HelpDialog | None = None

    def show(self, tab: int) -> HelpDialog:
        if self.dialog is None:
            self.dialog = HelpDialog(self.window)
        self.dialog.show_tab(tab)
        return self.dialog

    def show_inside(self, tab: int = 0) -> HelpDialog:
        """The help drawn inside the main window, centred (a screenshot grabs only the window)."""
        dialog = self.show(tab)
        dialog.setParent(self.window, Qt.WindowType.Widget)
        dialog.setAutoFillBackground(True)
        dialog.setStyleSheet("QDialog#help { background: palette(window); border: 1px solid palette(mid); }")
        title = plain_label(dialog.windowTitle())  # no title bar inside the window
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        dialog.column.insertWidget(0, title)
        centre = _Centre(dialog, self.window)
        self.window.installEventFilter(centre)
        centre.place()
        dialog.show()
        dialog.raise_()
        return dialog


class _Centre(QObject):
    """Keeps a child widget in the middle of its window as the window resizes."""

    def __init__(self, child: QWidget, window: QWidget):
        super().__init__(child)
        self.child, self.window = child, window

    def place(self) -> None:
        width = min(820, self.window.width() - 80)
        height = min(680, self.window.height() - 120)
        self.child.setGeometry((self.window.width() - width) // 2, (self.window.height() - height) // 2, width, height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.place()
        return False


def _tree(name: str, headers: list[str], widths: dict[int, int]) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setAccessibleName(name)
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    tree.setWordWrap(True)
    for column, width in widths.items():
        tree.setColumnWidth(column, width)
    return tree


def add_help_actions(window: MainWindow, menu: QMenu) -> Help:
    """Keyboard Shortcuts, Search Language and Getting Started at the top of the Help menu."""
    help_ = window.help = Help(window)
    shortcuts = QAction("&Keyboard Shortcuts", window)
    shortcuts.setShortcuts([QKeySequence("F1"), QKeySequence("Ctrl+/")])
    shortcuts.setObjectName("help-shortcuts")
    entries = [
        (shortcuts, 0),
        (QAction("&Search Language", window), 1),
        (QAction("&Getting Started", window), 2),
    ]
    for action, tab in entries:
        action.triggered.connect(lambda _=False, t=tab: help_.show(t))
        menu.addAction(action)
    menu.addSeparator()
    return help_
