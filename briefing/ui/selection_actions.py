"""What the reader's selected words can become besides a claim, a quote or a note: a passage
item of the briefing note (its source and range kept, so the export checks the words and lists
the source), or a quotation with its citation on the clipboard.

Both cite as the exports do: title, outlet, author, date, the address when the source has
one, and the paragraph (counted as ``briefing.note_content.paragraph_number`` counts it), never a
character range, so a reader who never opens the app can find the words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu

from briefing.domain import Source, file_name_of
from briefing.export.citations import passage_locator, sentence, unquoted
from briefing.export.source_links import read_source_links
from briefing.note_content import Citation, last_paragraph_number, paragraph_number
from briefing.store import Workspace
from briefing.store.claim_spans import snap_to_words
from briefing.store.quotes import list_quote_rows
from briefing.store.source_versions import source_version
from briefing.store.sources import get_source
from briefing.store.views import item_range
from briefing.ui.refusals import refusing

if TYPE_CHECKING:
    from briefing.ui.main_window import MainWindow

ADD_SHORTCUT = "Ctrl+Alt+B"
COPY_SHORTCUT = "Ctrl+Shift+C"


@dataclass(frozen=True)
class CitedPassage:
    words: str  # the selected words, verbatim, without quotation marks of their own at the ends
    citation: Citation
    url: str | None
    speaker: str | None = None  # the words are a quote of this speaker's

    @property
    def locator(self) -> str:
        """'paragraph 3', or 'paragraphs 3–4' for words across a paragraph break."""
        return passage_locator(self.citation) or ""

    def reference(self) -> str:
        """'Title. Outlet, by Author, 2026-03-03. Paragraph 3. https://…'"""
        c = self.citation
        where = ", ".join(x for x in (c.outlet, f"by {c.author}" if c.author else None, c.published or "undated") if x)
        parts = [c.shown_title, where[:1].upper() + where[1:], self.locator.capitalize()]
        if c.version > 1 or c.newer:  # words of an older version may read otherwise in the newer one
            replaced = ", since replaced by a newer version" if c.newer else ""
            parts.append(f"Version {c.version} of the article{replaced}")
        # a headline ending in its own full stop or question mark is not given a second one
        return " ".join(sentence(part) for part in parts) + (f" {self.url}" if self.url else "")

    def clipboard_text(self) -> str:
        said = f"{self.speaker}, quoted in " if self.speaker else ""
        return f"“{self.words}”\n— {said}{self.reference()}"


def cite_passage(ws: Workspace, source: Source, start: int, end: int) -> CitedPassage:
    """The words of ``source`` between ``start`` and ``end``, grown to whole words (a drag often
    starts or ends inside one: "ndition is unknown. The reports were n"), with their citation;
    the words of a quote, exactly, with its speaker."""
    speaker = next((q.speaker for q in list_quote_rows(ws, source.id) if (q.start, q.end) == (start, end)), None)
    start, end = snap_to_words(source.text, start, end)
    words = unquoted(source.text[start:end])  # the quotation marks are added once, around it all
    text = source.text
    version, _, newer = source_version(ws, source.id)
    citation = Citation(
        source.id, source.title, source.outlet, source.author, source.published, source.reliability,
        start, end, paragraph_number(text, start), last_paragraph_number(text, start, end),
        version=version or 1, file_name=file_name_of(source.path) if source.path else None, newer=newer is not None,
    )  # fmt: skip
    url = read_source_links(ws, {source.id}).get(source.id)
    return CitedPassage(words, citation, url, speaker)


class SelectionActions:
    """Add Selection to Briefing Note and Copy with Citation, for the menus and the reader."""

    def __init__(self, window: MainWindow):
        self.window = window
        self.add_to_note = self._action("Add Se&lection to Briefing Note", ADD_SHORTCUT, self.add_passage)
        self.add_to_note.setToolTip(
            "The selected words as a passage of the note, cited with its source and checked word for word at export"
        )
        self.copy_cited = self._action("Copy &with Citation", COPY_SHORTCUT, self.copy_with_citation)
        self.copy_cited.setToolTip(
            "The selected words in quotation marks, then title, outlet, author, date, address and paragraph"
        )

    def _action(self, text: str, shortcut: str, slot) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def add_to_menus(self, briefing_menu: QMenu, annotate: QAction | None) -> None:
        """Add to Note in the Briefing menu, Copy with Citation beside Annotate in the Edit menu,
        and both at the end of the reader's context menu."""
        briefing_menu.addAction(self.add_to_note)
        edit = next((m for m in (annotate.associatedObjects() if annotate else []) if isinstance(m, QMenu)), None)
        if edit is None or annotate is None:
            self.window.addAction(self.copy_cited)
        else:
            actions = edit.actions()
            after = actions.index(annotate) + 1
            if after < len(actions):
                edit.insertAction(actions[after], self.copy_cited)
            else:
                edit.addAction(self.copy_cited)
        self.window.reader.selection_actions += [self.add_to_note, self.copy_cited]

    def selection(self) -> CitedPassage | None:
        reader = self.window.reader
        selected = reader.selected_range()
        if selected is None or reader.shown is None:
            self.window.statusBar().showMessage("Select words in the reader first.", 5000)
            return None
        return cite_passage(self.window.ws, reader.shown, *selected)

    def add_passage(self) -> None:
        passage = self.selection()
        if passage is None:
            return
        c = passage.citation
        if c.start is None or c.end is None or c.end <= c.start:
            self.window.statusBar().showMessage("Selection: only spaces are selected; select words.", 5000)
            return
        dock = self.window.briefing_dock
        if dock.add_passage(c.source_id, c.start, c.end) and dock.note is not None:
            self.window.statusBar().showMessage(f"Added the passage ({passage.locator}) to “{dock.note.title}”.", 6000)

    def copy_with_citation(self) -> None:
        """The reader's selected words; in the Quotes tab, its selected quote (the reader may
        show other words selected)."""
        panel = self.window.panel
        quote_id = panel.current_quote() if panel.quotes.hasFocus() else None
        if quote_id is not None:
            self.copy_quote(quote_id)
        elif (passage := self.selection()) is not None:
            self._copy(passage)

    @refusing
    def copy_quote(self, quote_id: int) -> None:
        ws = self.window.ws
        source_id, start, end = item_range(ws, "quote", quote_id)
        self._copy(cite_passage(ws, get_source(ws, source_id), start, end))

    def _copy(self, passage: CitedPassage) -> None:
        QGuiApplication.clipboard().setText(passage.clipboard_text())
        what = f"{passage.speaker}’s quote" if passage.speaker else "the passage"
        self.window.statusBar().showMessage(f"Copied {what} with its citation ({passage.locator}).", 5000)
