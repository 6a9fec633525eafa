"""The analyst's quote corrections: Change Speaker…, Not a Quote and Add Selection as Quote,
each an undoable command recorded in the judgement history and kept by re-analysis (the store's
edits confirm the speaker, reject the dropped words, mark the added quote as the analyst's)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand

from briefing.domain import BriefingError, clipped
from briefing.store import Workspace
from briefing.store.edits import (
    add_person_by_analyst,
    add_quote_by_analyst,
    drop_quote,
    remove_unused_entity,
    restore_quote,
    set_quote_speaker,
)
from briefing.store.entities import get_entity, list_entity_rows, nearest_person
from briefing.store.quotes import list_quote_rows
from briefing.store.revisions import Missing
from briefing.store.views import item_range
from briefing.ui.plain import ask_item, ask_text
from briefing.ui.read_only import refuse_change
from briefing.ui.refusals import refusing
from briefing.ui.step_names import copy_name, item_words, name_step, passage_words

if TYPE_CHECKING:
    from briefing.ui.main_window import MainWindow

NO_SPEAKER = "No speaker"
NEW_PERSON = "New person…"  # a speaker the analysis did not find: named by the analyst
QUOTE_MARKS = "\"'“”‘’«»„‚‹›「」『』"


class SetSpeaker(QUndoCommand):
    """A quote given another speaker. ``seen`` is the speaker the analyst saw (entity id, name):
    the change, and each undo and redo, is refused when a colleague re-attributed the quote in
    between (quotes carry no revision: the speaker itself is compared)."""

    def __init__(
        self,
        ws: Workspace,
        quote_id: int,
        entity_id: int | None,
        changed: Callable[[], None],
        seen: tuple[int | None, str | None] | None = None,
    ):
        super().__init__()
        name_step(self, "Change speaker of {}", item_words(ws, "quote", quote_id))
        self.ws, self.quote_id, self.entity_id, self.changed = ws, quote_id, entity_id, changed
        row = quote_row(ws, quote_id)
        self.previous = row.speaker_id
        self.previous_name = row.speaker if row.speaker_id is None else None  # named, but no entity
        self.expected = seen if seen is not None else (row.speaker_id, row.speaker)

    def redo(self) -> None:
        why = "changed by the analyst"
        set_quote_speaker(self.ws, self.quote_id, self.entity_id, reason=why, expected=self.expected)
        self.expected = self._left()
        self.changed()

    def undo(self) -> None:
        set_quote_speaker(
            self.ws, self.quote_id, self.previous, reason="undo", named=self.previous_name, expected=self.expected
        )
        self.expected = self._left()
        self.changed()

    def _left(self) -> tuple[int | None, str | None]:
        """The speaker as this window left it: what its next undo or redo expects to find."""
        row = quote_row(self.ws, self.quote_id)
        return row.speaker_id, row.speaker


class DropQuote(QUndoCommand):
    """Undo puts the quote back as it was, under its own id, with its speaker and cue."""

    def __init__(self, ws: Workspace, quote_id: int, changed: Callable[[], None]):
        super().__init__()
        name_step(self, "Not a quote: {}", item_words(ws, "quote", quote_id))
        self.ws, self.quote_id, self.changed = ws, quote_id, changed
        self.dropped: dict | None = None

    def redo(self) -> None:
        self.dropped = drop_quote(self.ws, self.quote_id, reason="not a quote")
        self.changed()

    def undo(self) -> None:
        if self.dropped is not None:
            restore_quote(self.ws, self.dropped, reason="undo")
        self.changed()


class AddQuote(QUndoCommand):
    def __init__(
        self, ws: Workspace, source_id: int, span: tuple[int, int], speaker_id: int | None, changed: Callable[[], None]
    ):
        super().__init__()
        name_step(self, "Add quote {}", passage_words(ws, source_id, *span))
        self.ws, self.source_id, self.span, self.speaker_id, self.changed = ws, source_id, span, speaker_id, changed
        self.quote_id: int | None = None

    def redo(self) -> None:
        self.quote_id = add_quote_by_analyst(
            self.ws, self.source_id, *self.span, self.speaker_id, reason="added by the analyst"
        )
        self.changed()

    def undo(self) -> None:
        if self.quote_id is not None:
            drop_quote(self.ws, self.quote_id, reason="undo")
        self.changed()


class WithNewSpeaker(QUndoCommand):
    """A person the analyst names, made for ``then(entity_id)`` (a speaker change or a new quote);
    undo takes back that step, then the person, unless something else refers to it by then."""

    def __init__(self, ws: Workspace, name: str, text: str, then: Callable[[int], QUndoCommand]):
        super().__init__(text)
        self.ws, self.name, self.then = ws, name, then
        self.entity_id: int | None = None
        self.inner: QUndoCommand | None = None
        self.quote_id: int | None = None  # the quote the step changed, for the window to show

    def redo(self) -> None:
        self.entity_id = add_person_by_analyst(self.ws, self.name)
        try:
            self.inner = self.then(self.entity_id)
            self.inner.redo()
        except BriefingError:  # the quote went meanwhile: the person made for it goes too
            remove_unused_entity(self.ws, self.entity_id)
            raise
        self.quote_id = getattr(self.inner, "quote_id", None)
        copy_name(self, self.inner)  # the step names the quote as its inner one does

    def undo(self) -> None:
        if self.inner is not None:
            self.inner.undo()
        if self.entity_id is not None:
            remove_unused_entity(self.ws, self.entity_id)


class QuoteActions:
    """What the Quotes menu, the quote list's context menu and the reader's menu call."""

    def __init__(self, window: MainWindow, choose: Callable[..., str | None] = ask_item):
        self.window = window
        self.choose = choose  # tests answer the speaker question without a dialog
        self.ask_name: Callable[..., str | None] = ask_text  # and the new person's name
        window.panel.quoteAction.connect(self._from_panel)

    def _quote(self, quote_id: int | None) -> int | None:
        """``quote_id``, else the quote picked in the Quotes tab; None (said) when there is none."""
        picked = quote_id if quote_id is not None else self.window.panel.current_quote()
        if picked is None:
            self.window.statusBar().showMessage("Select a quote in the Quotes tab first.", 6000)
        return picked

    @refusing
    def change_speaker(self, quote_id: int | None = None) -> None:
        window = self.window
        quote_id = self._quote(quote_id)
        if quote_id is None or refuse_change(window, window.ws):
            return
        source_id = item_range(window.ws, "quote", quote_id)[0]
        row = quote_row(window.ws, quote_id)
        seen = (row.speaker_id, row.speaker)  # before the dialog: a colleague's re-attribution meanwhile refuses this
        named = row.speaker if row.speaker_id is None else None  # the text's name, no entity of the workspace
        speaker = self._ask_speaker(source_id, f"Who says “{_short(row.text)}”?", row.speaker_id, named)
        done = False
        if isinstance(speaker, str):  # a new person's name
            name = speaker
            done = window.push_command(
                lambda: WithNewSpeaker(
                    window.ws, name, "Change speaker", lambda e: SetSpeaker(window.ws, quote_id, e, self.changed, seen)
                )
            )
        elif speaker is not False and (speaker != row.speaker_id or named is not None):
            done = window.push_command(lambda: SetSpeaker(window.ws, quote_id, speaker, self.changed, seen))
        if done:  # said as the other corrections are: the list's short cell hid the change
            now = quote_row(window.ws, quote_id).speaker or "no speaker"
            window.statusBar().showMessage(
                f"“{_short(row.text)}”: {now}, was {row.speaker or 'no speaker'}. Undo (Ctrl+Z) takes it back.", 8000
            )

    def not_a_quote(self, quote_id: int | None = None) -> None:
        window = self.window
        quote_id = self._quote(quote_id)
        if quote_id is None:
            return
        after = window.panel.quote_after(quote_id)  # the next row picked: the analyst goes on down the list
        if window.push_command(lambda: DropQuote(window.ws, quote_id, self.changed)):
            if after is not None:
                _, start, end = item_range(window.ws, "quote", after)
                window.panel.select("quote", after)
                window.reader.show_item("quote", after, start, end)
            window.statusBar().showMessage("Dropped: not a quote. Undo (Ctrl+Z) brings it back.", 6000)

    def add_selection(self) -> None:
        window = self.window
        selected, source = window.reader.selected_range(), window.reader.shown
        if selected is None or source is None:
            window.statusBar().showMessage("Select the quoted words in the reader first.", 6000)
            return
        span = snap_quote(source.text, *selected)
        if span is None:
            window.statusBar().showMessage("The selection holds no words to quote.", 6000)
            return
        clash = next((q for q in list_quote_rows(window.ws, source.id) if q.start < span[1] and q.end > span[0]), None)
        if clash is not None:  # refused by the store after the speaker was asked: say so first
            window.panel.select("quote", clash.id)
            window.statusBar().showMessage(
                f"The selection overlaps the quote “{_short(clash.text, 40)}”; change or drop that quote instead.", 8000
            )
            return
        likely = nearest_person(window.ws, source.id, *span)  # offered first: Enter takes the one named nearby
        speaker = self._ask_speaker(source.id, f"Who says “{_short(source.text[span[0] : span[1]])}”?", likely)
        if speaker is False:
            return
        command: AddQuote | WithNewSpeaker
        if isinstance(speaker, str):  # a new person's name
            name, source_id = speaker, source.id
            command = WithNewSpeaker(
                window.ws, name, "Add quote", lambda e: AddQuote(window.ws, source_id, span, e, self.changed)
            )
        else:
            command = AddQuote(window.ws, source.id, span, speaker, self.changed)
        if window.push_command(lambda: command) and command.quote_id is not None:
            window.panel.select("quote", command.quote_id)

    def changed(self) -> None:
        """Show an edit: the open source, and the entity page when it is open."""
        window = self.window
        window.after_edit()
        entity_id = window.entity_dock.entity_id
        if window.entity_dock.isVisible() and entity_id is not None:
            window.open_entity(entity_id)

    def _ask_speaker(
        self, source_id: int, question: str, speaker_id: int | None = None, named: str | None = None
    ) -> int | str | None | bool:
        """The chosen entity's id, a new person's name, None for "No speaker", False when
        cancelled or unchanged; the dialog opens on the quote's speaker (``speaker_id``, or the
        name the text gives, ``named``, when it is no entity), so that Enter changes nothing."""
        people_first = sorted(list_entity_rows(self.window.ws, source_id), key=lambda e: (e.type != "person", e.name))
        choices: dict[str, int | None] = {f"{e.name} ({e.type})": e.id for e in people_first}
        if speaker_id is not None and speaker_id not in choices.values():  # a speaker not named in this source
            known = get_entity(self.window.ws, speaker_id)
            if known is not None:
                choices = {f"{known[0]} ({known[1]})": speaker_id, **choices}
        current = next((label for label, entity_id in choices.items() if entity_id == speaker_id), NO_SPEAKER)
        if speaker_id is None and named:
            # "No speaker" preselected for a quote listed under a name read as a change, and did nothing
            current = f"{named} (named in the text)"
            choices = {current: None, **choices}
        answer = self.choose(self.window, "Speaker", question, [*choices, NEW_PERSON, NO_SPEAKER], current)
        if answer is None or (named and answer == current):
            return False
        if answer == NEW_PERSON:
            # the name the text gives is offered, to be made a person as it is or corrected
            offered = (named,) if named else ()
            name = self.ask_name(self.window, "New Person", "The speaker's name, as the source writes it:", *offered)
            return name.strip() if name and name.strip() else False
        return choices.get(answer)

    @refusing
    def show_variants(self, quote_id: int | None = None) -> None:
        """The speaker's page at its Variants tab: the speaker's words as other sources report them."""
        window = self.window
        quote_id = self._quote(quote_id)
        if quote_id is None:
            return
        speaker_id = quote_row(window.ws, quote_id).speaker_id
        if speaker_id is None:
            window.statusBar().showMessage("Variants are found per speaker: change the speaker first.", 6000)
            return
        window.open_entity(speaker_id)
        dock = window.entity_dock
        dock.tabs.setCurrentWidget(dock.variants)
        dock.variants.put_first(quote_id)
        dock.variants.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _from_panel(self, action: str, quote_id: int) -> None:
        {
            "speaker": self.change_speaker,
            "drop": self.not_a_quote,
            "variants": self.show_variants,
            "copy": self.window.selection_actions.copy_quote,
        }[action](quote_id)


def quote_row(ws: Workspace, quote_id: int):
    source_id = item_range(ws, "quote", quote_id)[0]
    row = next((q for q in list_quote_rows(ws, source_id) if q.id == quote_id), None)
    if row is None:
        raise Missing("quote", quote_id)
    return row


def snap_quote(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The selection grown to whole words, without the spaces and quotation marks around it nor
    the comma joining it to its sentence, as the analysis finds quotes: selecting “We will,”
    with its marks, or half of its first word, gives We will"""
    while start > 0 and _word(text[start - 1]) and _word(text[start]):
        start -= 1
    while end < len(text) and _word(text[end - 1]) and _word(text[end]):
        end += 1
    while start < end and (text[start].isspace() or text[start] in QUOTE_MARKS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in QUOTE_MARKS or text[end - 1] in ",;"):
        end -= 1
    return (start, end) if re.search(r"\w", text[start:end]) else None


def _word(char: str) -> bool:
    return char.isalnum() or char in "-'’"


def _short(text: str, limit: int = 60) -> str:
    return clipped(" ".join(text.split()), limit)
