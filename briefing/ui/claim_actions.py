"""Claims the analyst makes and corrects: Add as Claim (a reader selection, the source's
title, a quote), Edit Claim Text and Not a Claim, each an undoable command.

A new or re-spanned claim gets its suggested related passages at once, from the whole
workspace, in the worker (its own connection: a Database belongs to the thread that opened it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QDialog, QInputDialog, QPlainTextEdit

from briefing.domain import BriefingError, clipped, judged_on_earlier_words, one_line
from briefing.store import Workspace
from briefing.store.briefings import cited_dismissed_line
from briefing.store.claim_spans import find_passage, title_span
from briefing.store.claims import (
    add_claim,
    claim_at,
    claim_exists,
    dismiss_claim,
    dismissed_refusal,
    edit_claim_span,
    get_claim,
    get_claim_status,
    list_claims,
    reason_differs,
    remove_claim,
    restore_claim,
)
from briefing.store.revisions import last_written
from briefing.store.suggestions import claims_ranked_by_words
from briefing.store.views import item_range
from briefing.suggesting import rerank_claim, rerank_source_claims, suggest_for_claims
from briefing.ui.commands import claim_of
from briefing.ui.plain import as_sentence, ask_item, input_dialog, isolated, ok_needs_words
from briefing.ui.read_only import refuse_change
from briefing.ui.refusals import keep_typed, refusing, show_refusal
from briefing.ui.step_names import claim_words, name_step, passage_words, source_title
from briefing.ui.tasks import Task

if TYPE_CHECKING:
    from briefing.ui.main_window import MainWindow

EMBED_IN_CHILD_PROCESS = True  # tests that stub ``embeddings.embed`` in this process set it False


class AddClaim(QUndoCommand):
    """Redo makes the claim (under its first id again after an undo); undo removes it."""

    def __init__(
        self, ws: Workspace, source_id: int, span: tuple[int, int], changed: Callable[[], None], part: str = "text"
    ):
        super().__init__()
        words = source_title(ws, source_id) if part == "title" else passage_words(ws, source_id, *span)
        name_step(self, "Add claim {}", words[span[0] : span[1]] if part == "title" and words else words)
        self.ws, self.source_id, self.span, self.changed, self.part = ws, source_id, span, changed, part
        self.claim_id: int | None = None
        self.restores = False  # the words were a dismissed claim: undo dismisses it again

    def redo(self) -> None:
        if self.claim_id is None:
            existing = claim_at(self.ws, self.source_id, *self.span, part=self.part)
            self.restores = existing is not None and bool(existing["dismissed"])
        self.claim_id = add_claim(self.ws, self.source_id, *self.span, claim_id=self.claim_id, part=self.part)
        self.changed()

    def undo(self) -> None:
        if self.claim_id is not None:
            if self.restores:
                dismiss_claim(self.ws, self.claim_id, reason="undo")
            else:
                remove_claim(self.ws, self.claim_id, reason="undo")
        self.changed()


class EditClaim(QUndoCommand):
    """New words for a claim. ``seen`` is the claim's revision the analyst saw: each write,
    undo and redo included, is refused when a colleague changed the claim since
    (store.revisions)."""

    def __init__(
        self, ws: Workspace, claim_id: int, span: tuple[int, int], changed: Callable[[], None], seen: int | None = None
    ):
        super().__init__()
        claim = get_claim(ws, claim_id)
        name_step(self, "Edit words of claim {}", claim["text"])
        self.ws, self.claim_id, self.changed = ws, claim_id, changed
        self.new, self.old = span, (claim["start"], claim["end"])
        self.found_by_analysis = claim["origin"] == "analysis"  # undo gives it back to the analysis
        self.seen = seen

    def redo(self) -> None:
        expected = self.seen if self.seen is not None else self._left()
        edit_claim_span(self.ws, self.claim_id, *self.new, expected=expected)
        self.seen = None  # later: as this window left it (last_written)
        self.changed()

    def undo(self) -> None:
        edit_claim_span(
            self.ws,
            self.claim_id,
            *self.old,
            reason="undo",
            expected=self._left(),
            back_to_analysis=self.found_by_analysis,
        )
        self.changed()

    def _left(self) -> int | None:
        return last_written(self.ws, "claim", self.claim_id)


class DismissClaim(QUndoCommand):
    def __init__(self, ws: Workspace, claim_id: int, changed: Callable[[], None], seen: int | None = None):
        super().__init__()
        name_step(self, "Not a claim: {}", claim_words(ws, claim_id))
        self.ws, self.claim_id, self.changed, self.seen = ws, claim_id, changed, seen

    def redo(self) -> None:
        expected = self.seen if self.seen is not None else last_written(self.ws, "claim", self.claim_id)
        dismiss_claim(self.ws, self.claim_id, reason="not a claim", expected=expected)
        self.seen = None  # later: as this window left it
        self.changed()

    def undo(self) -> None:
        restore_claim(self.ws, self.claim_id, reason="undo", expected=last_written(self.ws, "claim", self.claim_id))
        self.changed()


class RestoreClaim(QUndoCommand):
    """A dismissed claim made a claim again; undo dismisses it once more."""

    def __init__(self, ws: Workspace, claim_id: int, changed: Callable[[], None]):
        super().__init__()
        name_step(self, "Restore claim {}", claim_words(ws, claim_id))
        self.ws, self.claim_id, self.changed = ws, claim_id, changed

    def redo(self) -> None:
        restore_claim(self.ws, self.claim_id, expected=last_written(self.ws, "claim", self.claim_id))
        self.changed()

    def undo(self) -> None:
        dismiss_claim(self.ws, self.claim_id, reason="undo", expected=last_written(self.ws, "claim", self.claim_id))
        self.changed()


class ClaimActions(QObject):
    """The window's claim-making actions (menus, context menus and shortcuts call these).

    A QObject so that a worker's results arrive in its slots on the GUI thread."""

    def __init__(self, window: MainWindow, ask_text=None, pick_dismissed=None):
        super().__init__(window)
        self.window = window
        self.ask_text = ask_text or _ask_text
        self.pick_dismissed = pick_dismissed or _pick_dismissed  # tests answer without a dialog
        self.reranked: set[int] = set()
        self._source_task: tuple[int, Task] | None = None  # the source whose claims are being re-ranked

    def add_selection(self) -> None:
        selected, source_id = self.window.reader.selected_range(), self.window.current_source_id()
        if selected is None or source_id is None:
            self.window.statusBar().showMessage("Select the words of the claim in the reader first.", 6000)
            return
        self._add(source_id, selected)

    def add_title(self) -> None:
        source_id = self.window.current_source_id()
        if source_id is None:
            self.window.statusBar().showMessage("Select a source first.", 6000)
            return
        try:
            part, start, end = title_span(self.window.ws, source_id)
        except BriefingError as exc:
            self.window.statusBar().showMessage(str(exc), 8000)
            return
        self._add(source_id, (start, end), part)

    @refusing
    def add_quote(self, quote_id: int | None = None) -> None:
        if quote_id is None:
            picked = self.window.panel.current_item()
            quote_id = picked[1] if picked and picked[0] == "quote" else None
        if quote_id is None:
            self.window.statusBar().showMessage("Select a quote in the Quotes tab first.", 6000)
            return
        source_id, start, end = item_range(self.window.ws, "quote", quote_id)
        self._add(source_id, (start, end))

    @refusing
    def edit_text(self, claim_id: int | None = None) -> None:
        """New words for a claim: the reader's selection when there is one, else typed (or
        corrected) in a dialog; either must stand word for word in the claim's source."""
        window = self.window
        claim_id = claim_id if claim_id is not None else window.panel.current_claim()
        if claim_id is None:
            window.statusBar().showMessage("Select a claim in the Claims tab first.", 6000)
            return
        if refuse_change(window, window.ws):
            return
        claim = get_claim(window.ws, claim_id)
        if claim["dismissed"]:  # by a colleague since the list showed it: said before words are asked for
            refused = dismissed_refusal(window.ws, claim_id, window.panel.shown_revision(claim_id))
            if not show_refusal(window, refused):
                window.statusBar().showMessage(as_sentence(str(refused)), 8000)
            return
        selected = window.reader.selected_range()
        on_claim = window.current_source_id() == claim["source_id"] and claim["part"] == "text"
        span: tuple[int, int] | None = selected
        typed = None
        if not on_claim or selected is None or selected == (claim["start"], claim["end"]):
            span, typed = self._typed_span(claim)  # none, or the claim's own words, which clicking it selects
        if span is None:
            return
        seen = claim["revision"]  # read before the dialog: a colleague's edit meanwhile refuses this one
        if not window.push_command(lambda: EditClaim(window.ws, claim_id, span, window.after_edit, seen)):
            keep_typed(window, typed, "words")  # the claim changed or went meanwhile: the words typed are kept
        else:
            self._select_in_reader(claim_id)
            self.suggest([claim_id])
            kept = judged_on_earlier_words(claim_id, claim["status"], claim["evidence"])
            if kept:
                window.statusBar().showMessage(kept[:1].upper() + kept[1:] + ".", 15000)

    def _typed_span(self, claim) -> tuple[tuple[int, int] | None, str | None]:
        """The range of the words typed in the dialog, and the words; asked again, with what was
        typed and why it was refused, until they are found in the source or the analyst cancels."""
        text, problem = claim["text"], ""
        while True:
            text = self.ask_text(self.window, text, problem)
            if text is None:
                return None, None
            try:
                return find_passage(self.window.ws, claim["source_id"], text, claim["start"], claim["part"]), text
            except BriefingError as exc:
                problem = f"Not changed: {exc}. Correct the words, or cancel."
                self.window.statusBar().showMessage(f"Claim not changed: {exc}", 8000)

    def not_a_claim(self, claim_id: int | None = None) -> None:
        window = self.window
        claim_id = claim_id if claim_id is not None else window.panel.current_claim()
        if claim_id is None:
            window.statusBar().showMessage("Select a claim in the Claims tab first.", 6000)
            return
        seen = window.panel.shown_revision(claim_id)
        after = window.panel.listed_after("claim", claim_id)  # picked next, as after Not a Quote
        if window.push_command(lambda: DismissClaim(window.ws, claim_id, window.after_edit, seen)):
            if after is not None:
                window.panel.select("claim", after)
                window.reader.show_item("claim", after, *item_range(window.ws, "claim", after)[1:])
            cited = cited_dismissed_line(window.ws, claim_id)  # kept there, flagged: said, not found later
            said = f"Dismissed: not a claim. {cited + ' ' if cited else ''}Undo (Ctrl+Z) brings it back."
            window.statusBar().showMessage(said, 10000 if cited else 6000)

    def show_dismissed(self) -> None:
        """The source's claims dismissed as not claims, one of which can be made a claim again:
        once the undo history is gone, the only way back to them in the window."""
        window = self.window
        source_id = window.current_source_id()
        if source_id is None:
            window.statusBar().showMessage("Select a source first.", 6000)
            return
        dismissed = list_claims(window.ws, source_id, only_dismissed=True)
        if not dismissed:
            window.statusBar().showMessage("No claim of this source was dismissed.", 6000)
            return
        chosen = self.pick_dismissed(window, [(c["id"], one_line(c["text"])) for c in dismissed])
        if chosen is None:
            return
        command = RestoreClaim(window.ws, chosen, window.after_edit)
        if window.push_command(lambda: command):
            window.panel.select("claim", chosen)
            window.statusBar().showMessage(f"{command.text()}: a claim again. Undo (Ctrl+Z) dismisses it.", 6000)

    def show_step(self, command, verb: str) -> None:
        """After an undo or redo, the step named; for a claim's, a quote's or a note's change, the
        item in sight too, so nothing changes where the analyst cannot see it."""
        window = self.window
        claim_id = claim_of(command)
        for kind, attribute in (("quote", "quote_id"), ("note", "annotation_id")):
            item_id = getattr(command, attribute, None)
            if claim_id is None and isinstance(item_id, int):
                self._show_item_step(command, verb, kind, item_id)
                return
        if claim_id is None:
            if isinstance(getattr(command, "briefing_id", None), int):  # a briefing note's step: the note in sight
                window.briefing_dock.show()
                window.briefing_dock.raise_()
            # any other step too (a source's details, an entity's merge): named, or Ctrl+Z seems to do nothing
            window.statusBar().showMessage(f"{verb}: {command.text()}.", 8000)
            return
        try:
            claim = get_claim(window.ws, claim_id)
        except BriefingError:  # an undone new claim is gone
            window.statusBar().showMessage(f"{verb}: {command.text()}.", 8000)
            return
        if not claim["dismissed"] and window.panel.current_claim() != claim_id:
            window.open_item("claim", claim_id, claim["source_id"])
        if isinstance(command, (AddClaim, EditClaim)) and not claim["dismissed"]:
            self._select_in_reader(claim_id)  # its words as they are now, not the ones undone
            self.suggest([claim_id])  # and the passages related to them
        window.statusBar().showMessage(f"{verb}: {command.text()}.", 8000)  # the step names the claim

    def _show_item_step(self, command, verb: str, kind: str, item_id: int) -> None:
        """A quote's or an annotation's ("note") step: its source open at it, the row picked."""
        window = self.window
        try:
            source_id = item_range(window.ws, kind, item_id)[0]
        except BriefingError:  # the step took the item away
            window.statusBar().showMessage(f"{verb}: {command.text()}.", 8000)
            return
        window.open_item(kind, item_id, source_id)  # the reader at the item, not at its top
        window.statusBar().showMessage(f"{verb}: {command.text()}.", 8000)  # the step names the item

    def _add(self, source_id: int, span: tuple[int, int], part: str = "text") -> None:
        window = self.window
        existing = claim_at(window.ws, source_id, *span, part=part)
        if existing is not None and not existing["dismissed"]:  # shown, not refused with its bare id
            window.panel.select("claim", existing["id"])
            words = clipped(one_line(existing["text"]), 60)
            window.statusBar().showMessage(f"Those words are already a claim, now selected: “{words}”.", 8000)
            return
        command = AddClaim(window.ws, source_id, span, window.after_edit, part)
        if window.push_command(lambda: command) and command.claim_id is not None:
            window.panel.select("claim", command.claim_id)
            self._select_in_reader(command.claim_id)
            window.statusBar().showMessage("Claim added; looking for related passages in other sources…", 6000)
            self.suggest([command.claim_id])

    def _select_in_reader(self, claim_id: int) -> None:
        """The claim's words as stored (snapped to whole words) selected in the reader."""
        claim = get_claim(self.window.ws, claim_id)
        if claim["part"] == "text":
            self.window.reader.select_range(claim["start"], claim["end"])

    def suggest(self, claim_ids: list[int]) -> None:
        """Related passages for these claims, from the whole workspace, in the worker."""
        embed = self._embed()
        self._in_worker(lambda ws: suggest_for_claims(ws, claim_ids, embed), "related passages", self._suggested)

    def rerank_when_opened(self, claim_id: int) -> None:
        """Re-rank an opened claim's suggestions by meaning (once per claim and session), in the
        worker; the panel redraws when the order changed."""
        if claim_id in self.reranked:
            return
        self.reranked.add(claim_id)
        embed = self._embed()
        label = "re-ranking related passages"
        self._in_worker(lambda ws: rerank_claim(ws, claim_id, embed=embed), label, self._reranked)

    def rerank_source(self, source_id: int) -> None:
        """Re-rank by meaning the suggestions of every claim of a source when it is shown, in
        the worker, so the claims list counts only passages close in meaning; the store says
        which claims still wait. Showing another source first cancels what is left, so paging
        through sources queues no work; nothing to do when the model is not installed."""
        from briefing.nlp import embeddings  # looks for the packages; loads nothing

        if not embeddings.available() or self.window.ws.read_only:
            return
        if self._source_task is not None:
            if self._source_task[0] == source_id:
                return  # already under way (a redraw while it runs)
            self._source_task[1].cancel()
            self._source_task = None
        if not claims_ranked_by_words(self.window.ws, source_id):
            return
        embed = self._embed()
        task = Task.on_workspace(
            lambda ws, progress, cancelled: rerank_source_claims(ws, source_id, cancelled, embed),
            "re-ranking related passages",
        )
        self._source_task = (source_id, task)
        task.succeeded.connect(self._reranked)
        task.failed.connect(self._failed)
        task.done.connect(lambda: self._source_done(task))
        self.window.runner.start_on(self.window.ws, task)

    def _embed(self) -> Callable | None:
        """Where the tasks compute sentence embeddings: the runner's child process, so the model
        never loads into the window's process (None, in this process, when tests stub it here)."""
        return self.window.runner.embedding if EMBED_IN_CHILD_PROCESS else None

    def _source_done(self, task: Task) -> None:
        if self._source_task is not None and self._source_task[1] is task:
            self._source_task = None

    @Slot(object)
    def _suggested(self, _result: object) -> None:
        self.window.after_edit()

    @Slot(object)
    def _reranked(self, changed: object) -> None:
        if changed:  # the claims list counts the suggestions too: passages far in meaning left
            self.window.after_ranking()

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 10000)

    def _in_worker(self, work: Callable[[Workspace], object], label: str, done: Callable[[object], None]) -> None:
        ws = self.window.ws
        if ws.read_only:
            return
        task = Task.on_workspace(lambda worker_ws, progress, cancelled: work(worker_ws), label)
        task.succeeded.connect(done)
        task.failed.connect(self._failed)
        self.window.runner.start_on(ws, task)  # the workspace thread's own connection


def unchanged_message(ws: Workspace, claim_id: int, status: str, reason: str) -> str | None:
    """What the status bar says when marking the claim ``status`` would change nothing (no undo
    step made; a typed reason stays in its field, never dropped unsaid), or None. A new reason
    for the status it has changes its judgement's reason (``marked_message``)."""
    claim = get_claim(ws, claim_id) if claim_exists(ws, claim_id) else None
    if claim is None or claim["dismissed"] or claim["status"] != status:
        return None  # gone or dismissed: marking it says why it cannot be
    if reason_differs(ws, claim_id, status, reason):
        return None
    words = clipped(one_line(claim["text"]), 60)
    if not reason.strip():
        return f"Claim “{words}” is already {status}."
    if status == "unreviewed":
        return f"Claim “{words}” is already unreviewed; the reason stays in its field, unsaved: it has no judgement."
    return f"Claim “{words}” is already {status} for that reason."


def has_status(ws: Workspace, claim_id: int, status: str) -> bool:
    """Whether the claim (still there) has ``status`` already."""
    return claim_exists(ws, claim_id) and get_claim_status(ws, claim_id) == status


def marked_message(ws: Workspace, claim_id: int, status: str, reason: str, again: bool = False) -> str:
    """What the status bar says of a judgement: the claim by its words, as the window shows it
    (it shows no claim ids: "Claim 113 marked corroborated" named nothing the analyst could see);
    ``again``: the claim had that status, and the reason is what changed."""
    words = clipped(one_line(get_claim(ws, claim_id)["text"]), 60)
    if again:
        return f"Claim “{words}” stays {status}, now for your reason. Undo (Ctrl+Z) takes it back."
    why = " with your reason" if reason else ""
    return f"Claim “{words}” marked {status}{why}. Undo (Ctrl+Z) takes it back."


def _ask_text(parent, current: str, problem: str = "") -> str | None:
    """The claim's words, typed or corrected in a wrapping text box; ``problem`` says why the
    last ones were refused."""
    prompt = "The claim's words, exactly as they stand in the source:"
    dialog = input_dialog(parent, "Edit Claim Text", f"{problem}\n\n{prompt}" if problem else prompt)
    dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
    dialog.setTextValue(current)
    ok_needs_words(dialog)
    for box in dialog.findChildren(QPlainTextEdit):
        box.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    text = dialog.textValue()
    return text if text.strip() else None


def dismissed_labels(claims: list[tuple[int, str]]) -> list[str]:
    """How the picker names each dismissed claim: by its words on one line (never its id, which
    the window shows nowhere); claims alike in their words are told apart by their order in the
    source ('… (2 of 3)')."""
    words = [isolated(clipped(one_line(text), 120)) for _, text in claims]
    counts = {said: words.count(said) for said in words}
    seen: dict[str, int] = {}
    labels = []
    for said in words:
        seen[said] = seen.get(said, 0) + 1
        labels.append(said if counts[said] == 1 else f"{said} ({seen[said]} of {counts[said]})")
    return labels


def _pick_dismissed(parent, claims: list[tuple[int, str]]) -> int | None:
    """The id of the dismissed claim the analyst picks to restore, or None."""
    labels = dismissed_labels(claims)
    picked = ask_item(parent, "Dismissed Claims", "Restore a dismissed claim of this source:", labels)
    return None if picked is None else claims[labels.index(picked)][0]
