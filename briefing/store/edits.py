"""The analyst's corrections to entities and quotes, which re-analysis respects.

Each function is one transaction that records a judgement (with the optional reason) and
either completes or, on bad input, raises BriefingError and writes nothing. Entity edits take
``expected``, the entity's revision the analyst saw (``store.revisions``): an edit over a
colleague's newer one is refused. Touched entities
get ``edited = 1`` so re-analysis never renames or retypes them; removals leave rejections
(keys described in ``briefing.store.analysis``) so re-analysis does not bring them back.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from briefing.domain import CONTROL_CHARACTERS, ENTITY_TYPES, BriefingError, normalise_name
from briefing.store.analysis import alias_rejection_key, index_quote
from briefing.store.entities import add_entity, get_entity, move_entity_rows
from briefing.store.entity_resolver import type_rejection_key
from briefing.store.history import history_for, record_judgement
from briefing.store.revisions import (
    Revision,
    StaleWrite,
    created,
    ensure_current,
    find_removal,
    gone,
    hold,
    item_name,
    missing,
    revise,
)
from briefing.store.search_index import reindex_sources, reindex_sources_of_speaker
from briefing.store.sources import get_passage
from briefing.store.workspace import Workspace, utc_now


def rename_entity(
    ws: Workspace, entity_id: int, new_name: str, reason: str | None = None, *, expected: int | None = None
) -> int:
    """Give an entity a new name; the old name stays as an alias where a source names the entity
    so (a name only typed, such as one an undo takes back, does not). Returns its revision after."""
    new_name = _required(new_name, "entity name")
    with ws.transaction() as db:
        hold(ws, "entity", entity_id, expected)
        old_name, _ = _entity(ws, entity_id)
        if new_name == old_name:
            return ensure_current(ws, "entity", entity_id, expected)
        revision = revise(ws, "entity", entity_id, expected)
        db.execute("DELETE FROM entity_aliases WHERE entity_id = ? AND alias = ?", [entity_id, new_name])
        old_key = normalise_name(old_name)
        if old_key != normalise_name(new_name) and old_key in {form for _, form in _forms_by_source(ws, entity_id)}:
            _insert_alias(ws, entity_id, old_name)
        db.execute("UPDATE entities SET name = ?, edited = 1 WHERE id = ?", [new_name, entity_id])
        _allow_form(ws, entity_id, new_name)
        record_judgement(ws, "rename", "entity", entity_id, "name", old_name, new_name, reason)
        reindex_sources_of_speaker(ws, entity_id)
        return revision


def retype_entity(
    ws: Workspace, entity_id: int, new_type: str, reason: str | None = None, *, expected: int | None = None
) -> int:
    """Give an entity another type; returns its revision after."""
    _check_type(new_type)
    with ws.transaction() as db:
        hold(ws, "entity", entity_id, expected)
        _, old_type = _entity(ws, entity_id)
        if new_type == old_type:
            return ensure_current(ws, "entity", entity_id, expected)
        revision = revise(ws, "entity", entity_id, expected)
        db.execute("UPDATE entities SET type = ?, edited = 1 WHERE id = ?", [new_type, entity_id])
        # analysis reads field 'type' entries to still link the old type to this entity
        record_judgement(ws, "retype", "entity", entity_id, "type", old_type, new_type, reason)
        return revision


def add_alias(
    ws: Workspace, entity_id: int, alias: str, reason: str | None = None, *, expected: int | None = None
) -> None:
    alias = _required(alias, "alias")
    with ws.transaction() as db:
        name, _ = _entity(ws, entity_id)
        if normalise_name(alias) == normalise_name(name):
            raise BriefingError(f"{alias!r} is already the name of entity {entity_id}")
        if alias in _aliases(ws, entity_id):
            ensure_current(ws, "entity", entity_id, expected)
            return
        revise(ws, "entity", entity_id, expected)
        _insert_alias(ws, entity_id, alias)
        _allow_form(ws, entity_id, alias)
        db.execute("UPDATE entities SET edited = 1 WHERE id = ?", [entity_id])
        record_judgement(ws, "add_alias", "entity", entity_id, "alias", None, alias, reason)
        reindex_sources_of_speaker(ws, entity_id)


def remove_alias(
    ws: Workspace, entity_id: int, alias: str, reason: str | None = None, *, expected: int | None = None
) -> None:
    """Remove an alias; re-analysis will not link that form to this entity again."""
    with ws.transaction() as db:
        _entity(ws, entity_id)
        if alias not in _aliases(ws, entity_id):
            raise BriefingError(f"entity {entity_id} has no alias {alias!r}")
        revise(ws, "entity", entity_id, expected)
        db.execute("DELETE FROM entity_aliases WHERE entity_id = ? AND alias = ?", [entity_id, alias])
        _reject(ws, "entity", alias_rejection_key(entity_id, alias))
        db.execute("UPDATE entities SET edited = 1 WHERE id = ?", [entity_id])
        record_judgement(ws, "remove_alias", "entity", entity_id, "alias", alias, None, reason)
        reindex_sources_of_speaker(ws, entity_id)


def merge_entities(
    ws: Workspace,
    target_id: int,
    other_ids: Iterable[int],
    reason: str | None = None,
    *,
    expected: dict[int, int] | None = None,
) -> None:
    """Fold other entities into the target: mentions, quotes, names and aliases move over.
    ``expected`` maps entity ids to the revisions the analyst saw."""
    others = list(dict.fromkeys(other_ids))
    if not others:
        raise BriefingError("merge: choose at least one entity to merge into the target")
    if target_id in others:
        raise BriefingError(f"entity {target_id} cannot be merged into itself")
    with ws.transaction() as db:
        seen = expected or {}
        if find_removal(ws, "entity", target_id) is not None:  # chosen from a list a colleague changed since
            raise gone(ws, "entity", target_id)
        for entity_id in (target_id, *others):
            hold(ws, "entity", entity_id, seen.get(entity_id))
        _entity(ws, target_id)
        for entity_id in (target_id, *others):
            revise(ws, "entity", entity_id, seen.get(entity_id))
        for other_id in others:
            _merge_one(ws, target_id, other_id, reason)
        db.execute("UPDATE entities SET edited = 1 WHERE id = ?", [target_id])
        reindex_sources_of_speaker(ws, target_id)


def split_entity(
    ws: Workspace,
    entity_id: int,
    mention_ids: Iterable[int],
    new_name: str,
    new_type: str | None = None,
    reason: str | None = None,
    *,
    expected: int | None = None,
) -> int:
    """Move some mentions to a new entity ``new_name``; returns the new entity's id.

    The moved mentions become the analyst's, so re-analysis leaves them with the new entity. A
    quote goes with them when its speaker is named, in its source, by a moved form and by none
    the original keeps there.
    ``new_name`` may equal the original's name (a person and a country both called "Jordan").
    """
    new_name = _required(new_name, "entity name")
    ids = list(dict.fromkeys(mention_ids))
    if not ids:
        raise BriefingError("split: choose at least one mention to move")
    if new_type is not None:
        _check_type(new_type)
    with ws.transaction() as db:
        name, type_ = _entity(ws, entity_id)
        new_key = normalise_name(new_name)
        _check_mentions(ws, entity_id, ids)
        revise(ws, "entity", entity_id, expected)
        record = {
            "name": new_name,
            "type": new_type or type_,
            "created_at": utc_now(),
            "origin": "analyst",
            "edited": 1,
        }
        new_id = ws.insert("entities", record)
        created(ws, "entity", new_id)
        marks = ", ".join("?" * len(ids))
        db.execute(f"UPDATE mentions SET entity_id = ?, origin = 'analyst' WHERE id IN ({marks})", [new_id, *ids])
        moved_forms, kept_forms = _forms_by_source(ws, new_id), _forms_by_source(ws, entity_id)
        for quote_id, source_id, speaker_text in db.execute(
            "SELECT id, source_id, speaker_text FROM quotes WHERE speaker_id = ?", [entity_id]
        ).fetchall():
            said = (source_id, normalise_name(speaker_text or ""))
            if said in moved_forms and said not in kept_forms:  # named there by a moved form only
                db.execute("UPDATE quotes SET speaker_id = ?, speaker_confirmed = 1 WHERE id = ?", [new_id, quote_id])
        still_read = any(form == new_key for _, form in kept_forms)  # other "Pence" mentions stay "Mike Pence"
        if new_key != normalise_name(name) and not still_read:  # "Jordan" the person split from the country
            _drop_alias_form(ws, entity_id, new_key)
        db.execute("UPDATE entities SET edited = 1 WHERE id = ?", [entity_id])
        moved = ",".join(map(str, ids))
        record_judgement(ws, "split", "entity", entity_id, "mentions", moved, new_id, reason)
        record_judgement(ws, "split", "entity", new_id, "name", name, new_name, reason)
        reindex_sources_of_speaker(ws, entity_id)
        reindex_sources_of_speaker(ws, new_id)
        return new_id


def delete_entity(ws: Workspace, entity_id: int, reason: str | None = None, *, expected: int | None = None) -> None:
    """Delete an entity everywhere; re-analysis will not create an entity of its type (or of a type
    the analyst changed it from) under any of its names again. Another type keeps the name: deleting
    the person "Dodd-Frank" leaves the organisation "Dodd-Frank"."""
    with ws.transaction() as db:
        hold(ws, "entity", entity_id, expected)
        name, type_ = _entity(ws, entity_id)
        revise(ws, "entity", entity_id, expected)
        types = dict.fromkeys([type_, *_former_types(ws, entity_id)])
        for form in dict.fromkeys(map(normalise_name, [name, *_aliases(ws, entity_id)])):
            for rejected_type in types if form else ():
                _reject(ws, "entity", type_rejection_key(rejected_type, form))
        db.execute("DELETE FROM rejections WHERE kind = 'entity' AND key LIKE ?", [f"{entity_id}:%"])
        spoken = db.execute("SELECT DISTINCT source_id FROM quotes WHERE speaker_id = ?", [entity_id])
        spoken_in = [row[0] for row in spoken]
        db.execute("DELETE FROM entities WHERE id = ?", [entity_id])
        reindex_sources(ws, spoken_in)
        record_judgement(ws, "delete", "entity", entity_id, "name", name, None, reason)


MAX_NAME_CHARS = 200


def add_person_by_analyst(ws: Workspace, name: str) -> int:
    """A person the analyst names (a speaker the analysis did not find): the person of that name
    when there is one, else a new entity of the analyst's, which re-analysis keeps."""
    name = " ".join(_required(name, "entity name").split())
    if CONTROL_CHARACTERS.search(name) or len(name) > MAX_NAME_CHARS:
        raise BriefingError(f"name: one line of at most {MAX_NAME_CHARS} characters without control characters")
    key = normalise_name(name)
    for entity_id, known in ws.db.execute("SELECT id, name FROM entities WHERE type = 'person'").fetchall():
        if normalise_name(known) == key:
            return entity_id
    with ws.transaction():
        entity_id = add_entity(ws, name, "person", origin="analyst")
        record_judgement(ws, "add", "entity", entity_id, "name", None, name, "named by the analyst as a speaker")
        return entity_id


def remove_unused_entity(ws: Workspace, entity_id: int) -> bool:
    """Delete an entity nothing refers to (no mention, quote or note item): undoing the creation
    of a speaker the analyst named. False, and nothing deleted, when something does."""
    with ws.transaction() as db:
        used = db.execute(
            "SELECT EXISTS (SELECT 1 FROM mentions WHERE entity_id = ?) OR EXISTS "
            "(SELECT 1 FROM quotes WHERE speaker_id = ?) OR EXISTS "
            "(SELECT 1 FROM briefing_items WHERE kind = 'entity' AND ref_id = ?)",
            [entity_id, entity_id, entity_id],
        ).fetchone()[0]
        if used:
            return False
        db.execute("DELETE FROM entities WHERE id = ?", [entity_id])
        record_judgement(ws, "delete", "entity", entity_id, None, None, None, "undo")
        return True


def set_quote_speaker(
    ws: Workspace,
    quote_id: int,
    entity_id: int | None,
    reason: str | None = None,
    named: str | None = None,
    *,
    expected: tuple[int | None, str | None] | None = None,
) -> None:
    """Confirm who speaks (None: nobody the workspace knows); search then finds the speaker's name.
    ``named``: without an entity, the name the text gives (an undo puts back the analysis's
    speaker that is no entity of the workspace). ``expected``: the speaker the analyst saw (its
    entity id, else the name shown); a colleague's re-attribution since is refused (StaleWrite)."""
    with ws.transaction() as db:
        old = _quote(ws, quote_id, hold=expected is not None)
        if expected is not None and _speaker(old["speaker_id"], old["speaker"]) != _speaker(*expected):
            raise _reattributed(ws, quote_id)
        name = named if entity_id is None else _entity(ws, entity_id)[0]
        db.execute(
            "UPDATE quotes SET speaker_id = ?, speaker_text = ?, speaker_confirmed = 1 WHERE id = ?",
            [entity_id, name, quote_id],
        )
        index_quote(ws, quote_id)
        if entity_id is not None:
            db.execute("UPDATE entities SET edited = 1 WHERE id = ?", [entity_id])
        record_judgement(ws, "set_speaker", "quote", quote_id, "speaker", old["speaker"], name, reason)


def drop_quote(ws: Workspace, quote_id: int, reason: str | None = None) -> dict[str, Any]:
    """Delete a quote; re-analysis will not find the same words in that source again.

    Returns the deleted row as it was, for ``restore_quote``."""
    with ws.transaction() as db:
        old = _quote(ws, quote_id)
        cursor = db.execute("SELECT * FROM quotes WHERE id = ?", [quote_id])
        row = dict(zip([c[0] for c in cursor.description], cursor.fetchone(), strict=True))
        db.execute("DELETE FROM quotes WHERE id = ?", [quote_id])
        reindex_sources(ws, [old["source_id"]])
        _reject(ws, "quote", old["text"], old["source_id"])
        record_judgement(ws, "drop", "quote", quote_id, "text", old["text"], None, reason)
        return row


def restore_quote(ws: Workspace, row: dict[str, Any], reason: str | None = None) -> int:
    """Put a dropped quote back as it was, under its own id, so a briefing note or a variant
    that cites it finds it again (the undo of ``drop_quote``)."""
    with ws.transaction() as db:
        quote_id = row["id"]
        if db.execute("SELECT 1 FROM quotes WHERE id = ?", [quote_id]).fetchone() is not None:
            raise BriefingError(f"quote {quote_id} exists already")
        if db.execute("SELECT 1 FROM sources WHERE id = ?", [row["source_id"]]).fetchone() is None:
            said = f"source {row['source_id']} of quote {quote_id} no longer exists"
            raise missing(ws, "source", row["source_id"], writing=True, said=said)
        restored = dict(row)
        speaker = restored.get("speaker_id")
        if speaker is not None and db.execute("SELECT 1 FROM entities WHERE id = ?", [speaker]).fetchone() is None:
            restored["speaker_id"] = None  # the speaker was deleted meanwhile: keep the name as text
        columns = ", ".join(f'"{name}"' for name in restored)
        marks = ", ".join("?" for _ in restored)
        db.execute(f"INSERT INTO quotes ({columns}) VALUES ({marks})", list(restored.values()))
        index_quote(ws, quote_id)
        db.execute(
            "DELETE FROM rejections WHERE kind = 'quote' AND source_id = ? AND key = ?",
            [restored["source_id"], restored["text"]],
        )
        record_judgement(ws, "restore", "quote", quote_id, "text", None, restored["text"], reason)
        return quote_id


def add_quote_by_analyst(
    ws: Workspace,
    source_id: int,
    start: int,
    end: int,
    speaker_id: int | None = None,
    cue: str | None = None,
    reason: str | None = None,
) -> int:
    """Add a quote the analysis missed; it overlaps no other quote and survives re-analysis."""
    with ws.transaction() as db:
        text = get_passage(ws, source_id, start, end)
        clash = db.execute(
            'SELECT id FROM quotes WHERE source_id = ? AND start < ? AND "end" > ?', [source_id, end, start]
        ).fetchone()
        if clash is not None:
            raise BriefingError(f"the passage overlaps quote {clash[0]}; change or drop that quote instead")
        speaker_text = None if speaker_id is None else _entity(ws, speaker_id)[0]
        record = {
            "source_id": source_id,
            "text": text,
            "start": start,
            "end": end,
            "speaker_id": speaker_id,
            "speaker_text": speaker_text,
            "cue": cue,
            "origin": "analyst",
            "speaker_confirmed": 1,
        }
        quote_id = ws.insert("quotes", record)
        index_quote(ws, quote_id)
        db.execute("DELETE FROM rejections WHERE kind = 'quote' AND source_id = ? AND key = ?", [source_id, text])
        record_judgement(ws, "add", "quote", quote_id, "text", None, text, reason)
        return quote_id


def _merge_one(ws: Workspace, target_id: int, other_id: int, reason: str | None) -> None:
    db = ws.db
    target_name, target_type = _entity(ws, target_id)
    name, type_ = _entity(ws, other_id)
    move_entity_rows(ws, target_id, other_id)
    forms = set(map(normalise_name, [target_name, *_aliases(ws, target_id)]))
    for surface in [name, *_aliases(ws, other_id)]:
        if normalise_name(surface) not in forms:
            forms.add(normalise_name(surface))
            _insert_alias(ws, target_id, surface)
        _allow_form(ws, target_id, surface)
    for rejection_id, key in db.execute(  # a mention taken off it in one source is not the target's either
        "SELECT id, key FROM rejections WHERE kind = 'entity' AND source_id IS NOT NULL AND key LIKE ?",
        [f"{other_id}:%"],
    ).fetchall():
        db.execute("UPDATE rejections SET key = ? WHERE id = ?", [f"{target_id}:{key.partition(':')[2]}", rejection_id])
    db.execute("DELETE FROM rejections WHERE kind = 'entity' AND key LIKE ?", [f"{other_id}:%"])
    db.execute("DELETE FROM entities WHERE id = ?", [other_id])
    record_judgement(ws, "merge", "entity", target_id, "merged", name, target_name, reason)
    # on the merged entity too: a colleague's later write to it is refused naming who merged it, and into what
    record_judgement(ws, "merge", "entity", other_id, "merged_into", name, target_name, reason)
    if type_ != target_type:  # analysis reads field 'type' entries to link the old type here
        record_judgement(ws, "merge", "entity", target_id, "type", type_, target_type, reason)


def _check_mentions(ws: Workspace, entity_id: int, mention_ids: list[int]) -> None:
    marks = ", ".join("?" * len(mention_ids))
    sql = f"SELECT id FROM mentions WHERE entity_id = ? AND id IN ({marks})"
    owned = {row[0] for row in ws.db.execute(sql, [entity_id, *mention_ids])}
    for mention_id in mention_ids:
        if mention_id not in owned:
            raise BriefingError(f"mention {mention_id} is not a mention of entity {entity_id}")


def _forms_by_source(ws: Workspace, entity_id: int) -> set[tuple[int, str]]:
    """(source, normalised name form) of each of the entity's mentions."""
    rows = ws.db.execute("SELECT DISTINCT source_id, text FROM mentions WHERE entity_id = ?", [entity_id]).fetchall()
    return {(source_id, normalise_name(text)) for source_id, text in rows}


def _drop_alias_form(ws: Workspace, entity_id: int, form: str) -> None:
    """Remove every alias of the entity with this normalised form and keep analysis from re-adding it."""
    for alias in _aliases(ws, entity_id):
        if normalise_name(alias) == form:
            ws.db.execute("DELETE FROM entity_aliases WHERE entity_id = ? AND alias = ?", [entity_id, alias])
    _reject(ws, "entity", f"{entity_id}:{form}")


def _allow_form(ws: Workspace, entity_id: int, surface: str) -> None:
    """The analyst now says this name belongs to the entity: lift rejections that would block it.
    A mention of it taken off the entity in one source (Not This Entity) stays off there."""
    form = normalise_name(surface)
    _, type_ = _entity(ws, entity_id)
    keys = [form, type_rejection_key(type_, form)]
    ws.db.execute("DELETE FROM rejections WHERE kind = 'entity' AND key IN (?, ?)", keys)
    ws.db.execute(
        "DELETE FROM rejections WHERE kind = 'entity' AND key = ? AND source_id IS NULL", [f"{entity_id}:{form}"]
    )


def _reject(ws: Workspace, kind: str, key: str, source_id: int | None = None) -> None:
    exists = ws.db.execute(
        "SELECT 1 FROM rejections WHERE kind = ? AND key = ? AND source_id IS ?", [kind, key, source_id]
    ).fetchone()
    if exists is None:
        ws.insert("rejections", {"kind": kind, "source_id": source_id, "key": key, "created_at": utc_now()})


def _insert_alias(ws: Workspace, entity_id: int, alias: str) -> None:
    ws.db.execute("INSERT OR IGNORE INTO entity_aliases (entity_id, alias) VALUES (?, ?)", [entity_id, alias])


def _aliases(ws: Workspace, entity_id: int) -> list[str]:
    rows = ws.db.execute("SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY id", [entity_id])
    return [row[0] for row in rows]


def _former_types(ws: Workspace, entity_id: int) -> list[str]:
    """The types the analyst changed the entity from: the type analysis may still read it as."""
    sql = "SELECT old_value FROM history WHERE target_kind = 'entity' AND target_id = ? AND field = 'type'"
    return [row[0] for row in ws.db.execute(sql, [entity_id]) if row[0] in ENTITY_TYPES]


def _entity(ws: Workspace, entity_id: int) -> tuple[str, str]:
    entity = get_entity(ws, entity_id)
    if entity is None:
        raise missing(ws, "entity", entity_id)
    return entity[0], entity[1]


def _quote(ws: Workspace, quote_id: int, hold: bool = False) -> dict[str, Any]:
    """The quote's source, words and speaker (its entity's name, else the name the text gives);
    ``hold``: its row locked until the transaction ends (PostgreSQL), as store.revisions holds."""
    if hold and ws.backend == "postgresql":
        ws.db.execute("SELECT 1 FROM quotes WHERE id = ? FOR UPDATE", [quote_id]).fetchall()
    row = ws.db.execute(
        "SELECT q.source_id, q.text, coalesce(e.name, q.speaker_text), q.speaker_id FROM quotes q "
        "LEFT JOIN entities e ON e.id = q.speaker_id WHERE q.id = ?",
        [quote_id],
    ).fetchone()
    if row is None:
        raise missing(ws, "quote", quote_id, writing=True)
    return {"source_id": row[0], "text": row[1], "speaker": row[2], "speaker_id": row[3]}


def _speaker(entity_id: int | None, name: str | None) -> tuple[int | None, str | None]:
    """Who speaks, as a re-attribution changes it: the entity (whatever its name is now), else the name."""
    return (entity_id, None) if entity_id is not None else (None, name)


def _reattributed(ws: Workspace, quote_id: int) -> StaleWrite:
    """The refusal of a speaker change over a colleague's: who re-attributed the quote, and when."""
    changes = [j for j in history_for(ws, "quote", quote_id) if j.action == "set_speaker"]
    by, at = (changes[-1].actor, changes[-1].at) if changes else (None, None)
    return StaleWrite("quote", quote_id, Revision(0, by, at), item_name(ws, "quote", quote_id), how="re-attributed")


def _check_type(type_: str) -> None:
    if type_ not in ENTITY_TYPES:
        raise BriefingError(f"entity type: must be one of {', '.join(ENTITY_TYPES)}, not {type_!r}")


def _required(value: str, what: str) -> str:
    value = (value or "").strip()
    if not value:
        raise BriefingError(f"{what}: must not be empty")
    return value
