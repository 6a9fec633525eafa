"""What Edit ▸ Undo and Redo and the status bar call an undoable step: its action and the item
it changes in the analyst's words (a claim's first words, a source's title, an entity's name),
never a database id.

The item's words come from sources and received workspaces: they are made one line, without bidi
controls, and shortened with an ellipsis; a menu item reads "&" as its Alt-letter, so the menu's
form doubles it. A command's text is "status form\\nmenu form" (QUndoCommand.setText): the status
bar says more words than the menu has room for."""

from __future__ import annotations

import re

from PySide6.QtGui import QUndoCommand

from briefing.domain import BriefingError, clipped, one_line
from briefing.store import Workspace
from briefing.store.claims import get_claim
from briefing.store.entities import get_entity
from briefing.store.sources import get_passage, get_source_details
from briefing.store.views import item_range
from briefing.ui.plain import isolated

STATUS_WORDS = 60  # the status bar names the item in up to this many characters
MENU_WORDS = 32  # Edit ▸ Undo and Redo, in fewer: the menu is as wide as its longest item
DANGLING = re.compile(r"( (of|from|to|on|for|into))+$")  # a name whose item is gone: "Edit Summary"


def quoted(words: str, limit: int) -> str:
    """Untrusted ``words`` on one line, shortened, in quotation marks: “With just months left…”."""
    return f"“{isolated(clipped(one_line(words), limit))}”"


def name_step(command: QUndoCommand, template: str, *words: str | None) -> None:
    """Name ``command`` by ``template``, each ``{}`` in it standing for one of ``words`` in
    order ('Merge {} into {}'); an item without words (gone) is left out of the name. Only the
    template is read for ``{}``: a name holding one is shown as it is."""
    parts = template.split("{}")
    if len(parts) != len(words) + 1:
        raise ValueError(f"{template!r} names {len(parts) - 1} items, not {len(words)}")

    def form(limit: int) -> str:
        said = parts[0]
        for word, part in zip(words, parts[1:], strict=True):
            said += (quoted(word, limit) if word and word.strip() else "") + part
        return DANGLING.sub("", " ".join(said.split()))

    command.setText(f"{form(STATUS_WORDS)}\n{form(MENU_WORDS).replace('&', '&&')}")


def copy_name(command: QUndoCommand, inner: QUndoCommand) -> None:
    """``command`` named as ``inner`` is, in the status bar and in the menu."""
    command.setText(f"{inner.text()}\n{inner.actionText()}")


def claim_words(ws: Workspace, claim_id: int) -> str | None:
    try:
        return get_claim(ws, claim_id)["text"]
    except BriefingError:  # gone: the step is named without it
        return None


def item_words(ws: Workspace, kind: str, item_id: int) -> str | None:
    """The words of a quote, a claim or an annotation ("note") in its source."""
    if kind == "claim":
        return claim_words(ws, item_id)
    try:
        source_id, start, end = item_range(ws, kind, item_id)
        return get_passage(ws, source_id, start, end)
    except BriefingError:
        return None


def passage_words(ws: Workspace, source_id: int, start: int, end: int) -> str | None:
    try:
        return get_passage(ws, source_id, start, end)
    except BriefingError:
        return None


def source_title(ws: Workspace, source_id: int) -> str | None:
    try:
        return get_source_details(ws, source_id).shown_title
    except BriefingError:
        return None


def entity_name(ws: Workspace, entity_id: int) -> str | None:
    found = get_entity(ws, entity_id)
    return found[0] if found is not None else None


def note_item_words(ws: Workspace, kind: str, ref_id: int | None, body: str | None) -> str | None:
    """The words a briefing note's item shows: its text, its record's words, a summary's source
    title, an entity card's name; ``body`` (the words as they were added) for what is gone."""
    found: str | None = None
    if ref_id is not None and kind in ("quote", "claim", "annotation"):
        found = item_words(ws, "note" if kind == "annotation" else kind, ref_id)
    elif ref_id is not None and kind == "summary":
        found = source_title(ws, ref_id)
    elif ref_id is not None and kind == "entity":
        found = entity_name(ws, ref_id)
    return found or body
