"""Briefing notes: the analyst's ordered selection of items, and reading a note back for export.

Every edit is one transaction that commits before returning, touches the note's
``updated_at`` and is recorded in the judgement history (target kind 'briefing').
Item positions stay dense (0..n-1). A non-text item keeps in ``body`` its words as
they were when added, so a note can still show an item whose record is gone. A passage
item is words the analyst selected in a source: ``ref_id`` is the source, ``start``/``end``
their place, and ``body`` the words, checked against the source at export like a quote.
"""

from __future__ import annotations

from typing import Any

from briefing.domain import BriefingError, check_iso_date, check_one_line, clipped, counted, one_line, strip_bidi
from briefing.note_content import BRIEFING_ITEM_KINDS, BriefingItem, BriefingNote, BriefingRow
from briefing.store.briefing_items import ItemReader, remembered
from briefing.store.history import record_judgement
from briefing.store.revisions import ITEM_WORDS, created, ensure_current, missing, revise
from briefing.store.workspace import Workspace, utc_now

METADATA_FIELDS = ("title", "audience", "date", "author")
DISMISSED_WORDS = 60  # of a dismissed claim, in the one line that refuses it
# the record a non-text item refers to, and the words kept in its body when added
_REFERENCES = {
    **{kind: ITEM_WORDS[kind] for kind in ("quote", "claim", "annotation", "entity")},
    "summary": ("sources", "coalesce(title, '(untitled)')"),
}


def create_briefing(
    ws: Workspace,
    title: str,
    audience: str | None = None,
    date: str | None = None,
    author: str | None = None,
    briefing_id: int | None = None,
) -> int:
    """A new, empty note; titles are unique (ignoring case) so a note can be named by its title.
    ``briefing_id``: the id it had, when a redo or an undo makes a note again (the undo steps
    around it name the note by that id)."""
    values = _checked_metadata({"title": title, "audience": audience, "date": date, "author": author})
    with ws.transaction():
        _check_title_free(ws, values["title"], None)
        now = utc_now()
        given = {"id": briefing_id} if briefing_id is not None else {}
        briefing_id = ws.insert("briefings", {**values, "created_at": now, "updated_at": now, **given})
        record_judgement(ws, "create", "briefing", briefing_id, "title", None, values["title"], None)
        return briefing_id


def update_briefing(ws: Workspace, briefing_id: int, reason: str | None = None, **changes: str | None) -> None:
    """Change title, audience, date or author; each change goes into the judgement history."""
    values = _checked_metadata(changes)
    with ws.transaction() as db:
        old = _briefing_row(ws, briefing_id)
        changed = {f: v for f, v in values.items() if old[f] != v}
        if "title" in changed:
            _check_title_free(ws, changed["title"], briefing_id)
        for field, value in changed.items():
            db.execute(f"UPDATE briefings SET {field} = ? WHERE id = ?", [value, briefing_id])
            record_judgement(ws, "edit", "briefing", briefing_id, field, old[field], value, reason)
        if changed:
            _touch(ws, briefing_id)


def rename_briefing(ws: Workspace, briefing_id: int, title: str, reason: str | None = None) -> None:
    update_briefing(ws, briefing_id, reason, title=title)


def delete_briefing(ws: Workspace, briefing_id: int, reason: str | None = None) -> None:
    """Delete a note and its items; the sources and records it cites stay."""
    with ws.transaction() as db:
        old = _briefing_row(ws, briefing_id)
        db.execute("DELETE FROM briefings WHERE id = ?", [briefing_id])
        record_judgement(ws, "delete", "briefing", briefing_id, "title", old["title"], None, reason)


def list_briefings(ws: Workspace) -> list[BriefingRow]:
    """Every note with its item count, most recently changed first."""
    rows = ws.db.execute(
        "SELECT b.id, b.title, b.audience, b.date, b.author, b.updated_at, "
        "(SELECT count(*) FROM briefing_items i WHERE i.briefing_id = b.id) "
        "FROM briefings b ORDER BY b.updated_at DESC, b.id DESC"
    ).fetchall()
    return [BriefingRow(*row) for row in rows]


def find_briefing(ws: Workspace, name: str) -> int:
    """The id of the note named by ``name``: its numeric id or its title (ignoring case)."""
    wanted = name.strip()
    if wanted.isdigit():
        row = ws.db.execute("SELECT id FROM briefings WHERE id = ?", [int(wanted)]).fetchone()
        if row is not None:
            return row[0]
    ids = [r[0] for r in ws.db.execute("SELECT id FROM briefings WHERE lower(title) = lower(?)", [wanted])]
    if len(ids) == 1:
        return ids[0]
    if ids:  # only workspaces written by other tools, since titles are kept unique
        raise BriefingError(
            f"several briefing notes have the title {name!r} (ids {', '.join(map(str, ids))}); give the id"
        )
    if ws.db.execute("SELECT 1 FROM briefings LIMIT 1").fetchone() is None:
        where = "make one in the window (Briefing ▸ New Briefing Note…)"
        raise BriefingError(f"{ws.name} has no briefing notes yet: {where}")
    raise BriefingError(f"no briefing note has the title or id {name!r} (see 'briefing briefings')")


def add_item(
    ws: Workspace,
    briefing_id: int,
    kind: str,
    ref_id: int | None = None,
    body: str | None = None,
    position: int | None = None,
    start: int | None = None,
    end: int | None = None,
    item_id: int | None = None,
) -> int:
    """Add an item at ``position`` (default: the end). A text item takes Markdown ``body`` and no
    ``ref_id``; a passage takes its source's id as ``ref_id`` and the range ``start``-``end``
    (its words are read from the source, or given as ``body`` when an undo puts back the words
    as they were when first added); the others take the id of a quote, claim, annotation,
    source (summary) or entity."""
    if kind not in BRIEFING_ITEM_KINDS:
        raise BriefingError(f"item kind: must be one of {', '.join(BRIEFING_ITEM_KINDS)}, not {kind!r}")
    with ws.transaction():
        _briefing_row(ws, briefing_id)
        if kind == "text":
            body = _text_body(body)
        elif kind == "passage":
            words = _selected_words(ws, ref_id, start, end)
            body = words if body is None else _passage_words(body)
        else:
            body = _referenced_words(ws, kind, ref_id)
            _refuse_dismissed(ws, kind, ref_id)
        if kind != "text":
            _refuse_twin(ws, briefing_id, kind, ref_id, start, end)
        span = {"start": start, "end": end} if kind == "passage" else {}
        order = _item_ids(ws, briefing_id)
        position = len(order) if position is None else _checked_position(position, len(order) + 1)
        item_id = ws.insert(
            "briefing_items",
            {
                "briefing_id": briefing_id,
                "position": len(order),
                "kind": kind,
                "ref_id": None if kind == "text" else ref_id,
                "body": body,
                **span,
                **({"id": item_id} if item_id is not None else {}),
            },
        )
        created(ws, "item", item_id)
        order.insert(position, item_id)
        _renumber(ws, order)
        new_value = body if kind == "text" else _item_value(kind, ref_id, start, end)
        record_judgement(ws, "add_item", "briefing", briefing_id, f"item {item_id}", None, new_value, None)
        _touch(ws, briefing_id)
        return item_id


def put_back_item(
    ws: Workspace,
    briefing_id: int,
    item_id: int,
    kind: str,
    ref_id: int | None,
    body: str | None,
    position: int,
    start: int | None = None,
    end: int | None = None,
) -> int:
    """Put a removed item back as it was, under its id and at ``position`` (an undo): its words as
    they were when added, and no check of its record, which may be gone since (the note shows it
    as orphaned, as it did before the item was removed)."""
    with ws.transaction():
        _briefing_row(ws, briefing_id)
        order = _item_ids(ws, briefing_id)
        span = {"start": start, "end": end} if kind == "passage" else {}
        row = {"id": item_id, "briefing_id": briefing_id, "position": len(order), "kind": kind, "ref_id": ref_id}
        ws.insert("briefing_items", {**row, "body": body, **span})
        created(ws, "item", item_id)
        order.insert(min(max(position, 0), len(order)), item_id)
        _renumber(ws, order)
        new_value = body if kind == "text" else _item_value(kind, ref_id, start, end)
        record_judgement(ws, "add_item", "briefing", briefing_id, f"item {item_id}", None, new_value, "undo")
        _touch(ws, briefing_id)
        return item_id


def add_passage(
    ws: Workspace,
    briefing_id: int,
    source_id: int,
    start: int,
    end: int,
    position: int | None = None,
    words: str | None = None,
    item_id: int | None = None,
) -> int:
    """Add the words of source ``source_id`` between ``start`` and ``end`` as a passage item
    (``words``: the words as they were when first added, for an undo; ``item_id``: the id it had,
    for a redo)."""
    return add_item(ws, briefing_id, "passage", source_id, words, position, start=start, end=end, item_id=item_id)


def move_item(ws: Workspace, item_id: int, position: int, *, expected: int | None = None) -> None:
    """Move an item to ``position`` (0 is the top); the others close up around it. ``expected``
    is the item's revision as the analyst saw it (store.revisions)."""
    with ws.transaction():
        briefing_id, old_position = _item_row(ws, item_id)[:2]
        order = _item_ids(ws, briefing_id)
        position = _checked_position(position, len(order))
        if position == old_position:
            ensure_current(ws, "item", item_id, expected)
            return
        revise(ws, "item", item_id, expected)
        order.remove(item_id)
        order.insert(position, item_id)
        _renumber(ws, order)
        record_judgement(ws, "move_item", "briefing", briefing_id, f"item {item_id}", old_position, position, None)
        _touch(ws, briefing_id)


def update_text(
    ws: Workspace, item_id: int, body: str, reason: str | None = None, *, expected: int | None = None
) -> None:
    """Replace the Markdown of a text item."""
    body = _text_body(body)
    with ws.transaction() as db:
        briefing_id, _, kind, old_body = _item_row(ws, item_id)
        if kind != "text":
            raise BriefingError(f"item {item_id} is a {kind}, not a text item; only text items are edited")
        if body == old_body:
            ensure_current(ws, "item", item_id, expected)
            return
        revise(ws, "item", item_id, expected)
        db.execute("UPDATE briefing_items SET body = ? WHERE id = ?", [body, item_id])
        record_judgement(ws, "edit_text", "briefing", briefing_id, f"item {item_id}", old_body, body, reason)
        _touch(ws, briefing_id)


def remove_item(ws: Workspace, item_id: int, reason: str | None = None, *, expected: int | None = None) -> None:
    with ws.transaction() as db:
        briefing_id, _, kind, body = _item_row(ws, item_id)
        revise(ws, "item", item_id, expected)
        ref_id, start, end = db.execute(
            'SELECT ref_id, start, "end" FROM briefing_items WHERE id = ?', [item_id]
        ).fetchone()
        db.execute("DELETE FROM briefing_items WHERE id = ?", [item_id])
        _renumber(ws, _item_ids(ws, briefing_id))
        old_value = body if kind == "text" else _item_value(kind, ref_id, start, end)
        record_judgement(ws, "remove_item", "briefing", briefing_id, f"item {item_id}", old_value, None, reason)
        _touch(ws, briefing_id)


def read_briefing(ws: Workspace, briefing_id: int) -> BriefingNote:
    """The note with every item resolved into what an export shows, each passage checked
    verbatim against its stored source text (see ``briefing.note_content.verify_passage``)."""
    row = _briefing_row(ws, briefing_id)
    reader = ItemReader(ws)
    items = []
    for item_id, position, kind, ref_id, body, start, end, revision in ws.db.execute(
        'SELECT id, position, kind, ref_id, body, start, "end", revision FROM briefing_items WHERE briefing_id = ? '
        "ORDER BY position",
        [briefing_id],
    ).fetchall():
        content = reader.content(kind, ref_id, body, start, end)
        was = remembered(ws, kind, item_id, ref_id) if content is None and kind != "text" else None
        items.append(BriefingItem(item_id, position, kind, ref_id, body, content, start, end, revision, was))
    return BriefingNote(
        row["id"],
        row["title"],
        row["audience"],
        row["date"],
        row["author"],
        row["created_at"],
        row["updated_at"],
        tuple(items),
    )


def _refuse_twin(ws: Workspace, briefing_id: int, kind: str, ref_id, start, end) -> None:
    """A record shown twice in one note is a slip (the key pressed twice): refused, saying where it is."""
    twin = ws.db.execute(
        "SELECT position FROM briefing_items WHERE briefing_id = ? AND kind = ? AND ref_id = ? AND "
        'coalesce(start, -1) = coalesce(?, -1) AND coalesce("end", -1) = coalesce(?, -1)',
        [briefing_id, kind, ref_id, start if kind == "passage" else None, end if kind == "passage" else None],
    ).fetchone()
    if twin is not None:
        what = "that passage" if kind == "passage" else f"this {kind}"
        raise BriefingError(f"{what} is already item {twin[0] + 1} of the note")


def _briefing_row(ws: Workspace, briefing_id: int) -> dict[str, Any]:
    cursor = ws.db.execute(
        "SELECT id, title, audience, date, author, created_at, updated_at FROM briefings WHERE id = ?", [briefing_id]
    )
    row = cursor.fetchone()
    if row is None:
        raise BriefingError(f"briefing note {briefing_id} does not exist")
    return dict(zip([d[0] for d in cursor.description], row, strict=True))


def _item_row(ws: Workspace, item_id: int) -> tuple[int, int, str, str | None]:
    row = ws.db.execute(
        "SELECT briefing_id, position, kind, body FROM briefing_items WHERE id = ?", [item_id]
    ).fetchone()
    if row is None:
        raise BriefingError(f"briefing item {item_id} does not exist")
    return row[0], row[1], row[2], row[3]


def _item_ids(ws: Workspace, briefing_id: int) -> list[int]:
    sql = "SELECT id FROM briefing_items WHERE briefing_id = ? ORDER BY position, id"
    return [r[0] for r in ws.db.execute(sql, [briefing_id])]


def drop_twin_entity_cards(ws: Workspace, target_id: int, other_id: int, reason: str) -> None:
    """Before entity ``other_id`` is folded into ``target_id``: take its card out of every note
    that has the target's card too, which would show the same entity twice."""
    twins = ws.db.execute(
        "SELECT id FROM briefing_items WHERE kind = 'entity' AND ref_id = ? AND briefing_id IN "
        "(SELECT briefing_id FROM briefing_items WHERE kind = 'entity' AND ref_id = ?) ORDER BY id",
        [other_id, target_id],
    ).fetchall()
    for (item_id,) in twins:
        remove_item(ws, item_id, reason)  # as the analyst's removal, recorded with the merge's reason


def renumber_items(ws: Workspace) -> list[int]:
    """Give every note whose item positions repeat or skip (a copy merged into a file that had
    items of its own) positions 0, 1, 2… in their order; the notes renumbered."""
    broken = [
        row[0]
        for row in ws.db.execute(
            "SELECT briefing_id FROM briefing_items GROUP BY briefing_id "
            "HAVING count(DISTINCT position) < count(*) OR min(position) <> 0 OR max(position) <> count(*) - 1 "
            "ORDER BY briefing_id"
        ).fetchall()
    ]
    for briefing_id in broken:
        _renumber(ws, _item_ids(ws, briefing_id))
    return broken


def _renumber(ws: Workspace, order: list[int]) -> None:
    ws.db.conn.executemany(
        "UPDATE briefing_items SET position = ? WHERE id = ?",
        [(position, item_id) for position, item_id in enumerate(order)],
    )


def _touch(ws: Workspace, briefing_id: int) -> None:
    ws.db.execute("UPDATE briefings SET updated_at = ? WHERE id = ?", [utc_now(), briefing_id])


def _checked_position(position: int, size: int) -> int:
    if not isinstance(position, int) or not 0 <= position < max(size, 1):
        raise BriefingError(f"position: must be between 0 and {max(size - 1, 0)}, not {position!r}")
    return position


def _referenced_words(ws: Workspace, kind: str, ref_id: int | None) -> str:
    if not isinstance(ref_id, int):
        raise BriefingError(f"a {kind} item needs the id of its {kind}")
    table, column = _REFERENCES[kind]
    row = ws.db.execute(f"SELECT {column} FROM {table} WHERE id = ?", [ref_id]).fetchone()
    if row is None:
        raise missing(ws, "source" if kind == "summary" else kind, ref_id, writing=True)
    return row[0]


def _refuse_dismissed(ws: Workspace, kind: str, ref_id: int | None) -> None:
    """A claim dismissed as not a claim is no claim a note can cite (the window's lists never
    offer one; a script, a drop or a redo of an undone add could)."""
    if kind != "claim":
        return
    row = ws.db.execute("SELECT dismissed, text FROM claims WHERE id = ?", [ref_id]).fetchone()
    if row is not None and row[0]:
        words = clipped(one_line(strip_bidi(row[1])), DISMISSED_WORDS)
        raise BriefingError(
            f"claim {ref_id} “{words}” is dismissed (not a claim), so a briefing note cannot cite it; "
            f"restore it first (briefing claims restore {ref_id})"
        )


def cited_dismissed_line(ws: Workspace, claim_id: int) -> str:
    """What a dismissal leaves behind in the notes that cite the claim: it stays there, and their
    exports flag it as dismissed ('' when no note cites it)."""
    titles = [
        row[0]
        for row in ws.db.execute(
            "SELECT b.title FROM briefings b WHERE EXISTS (SELECT 1 FROM briefing_items i "
            "WHERE i.briefing_id = b.id AND i.kind = 'claim' AND i.ref_id = ?) ORDER BY b.id",
            [claim_id],
        ).fetchall()
    ]
    if not titles:
        return ""
    named = clipped(one_line(strip_bidi(titles[0])), DISMISSED_WORDS)
    where = f"The briefing note “{named}”" if len(titles) == 1 else counted(len(titles), "briefing note")
    cite, their = ("cites", "its") if len(titles) == 1 else ("cite", "their")
    return f"{where} still {cite} it; {their} exports flag it as dismissed."


def _selected_words(ws: Workspace, source_id: int | None, start: int | None, end: int | None) -> str:
    """The words of a passage item, read from its source; the range must hold some."""
    if not isinstance(source_id, int):
        raise BriefingError("a passage item needs the id of its source")
    row = ws.db.execute("SELECT text FROM sources WHERE id = ?", [source_id]).fetchone()
    if row is None:
        raise missing(ws, "source", source_id, writing=True)
    text = row[0]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        raise BriefingError(
            f"passage: the range must lie within source {source_id} (0-{len(text)}), not {start!r}-{end!r}"
        )
    if not text[start:end].strip():
        raise BriefingError("passage: the selected words are empty")
    return text[start:end]


def _passage_words(body: str) -> str:
    if not isinstance(body, str) or not body.strip():
        raise BriefingError("passage: the words are empty")
    return body


def _item_value(kind: str, ref_id: int | None, start: int | None, end: int | None) -> str:
    """How the judgement history names a non-text item: 'quote 4', 'passage of source 2 at 10-48'."""
    if kind == "passage":
        return f"passage of source {ref_id} at {start}-{end}"
    return f"{kind} {ref_id}"


def _text_body(body: str | None) -> str:
    if not isinstance(body, str) or not body.strip():
        raise BriefingError("text item: the text is empty")
    return body


def _checked_metadata(values: dict[str, Any]) -> dict[str, str | None]:
    checked: dict[str, str | None] = {}
    for field, value in values.items():
        if field not in METADATA_FIELDS:
            raise BriefingError(f"{field}: not a briefing note field (use {', '.join(METADATA_FIELDS)})")
        if value is not None and not isinstance(value, str):
            raise BriefingError(f"{field}: must be text")
        value = (value.strip() or None) if value is not None else None
        if value is not None:
            check_one_line(field, value)
        if field == "title" and value is None:
            raise BriefingError("title: a briefing note needs a title")
        if field == "date" and value is not None:
            check_iso_date("date", value)
        checked[field] = value
    return checked


def _check_title_free(ws: Workspace, title: str | None, briefing_id: int | None) -> None:
    row = ws.db.execute(
        "SELECT id FROM briefings WHERE lower(title) = lower(?) AND id IS NOT ?", [title, briefing_id]
    ).fetchone()
    if row is not None:
        raise BriefingError(f"title: briefing note {row[0]} already has the title {title!r}")
