"""Annotations, the analyst's notes on a passage: made, edited, deleted (and restored), read back.

An annotation anchors a passage by its exact text, prefix, suffix and position (W3C selectors)
and carries a note and tags. The Notes browser's lists are in ``store.notes_list``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from briefing.store.changed_words import SourceWords
from briefing.store.history import record_judgement
from briefing.store.revisions import created, hold, missing, revise
from briefing.store.rows import dict_rows, grouped_rows
from briefing.store.search_index import reindex_sources
from briefing.store.sources import get_passage, get_source_text
from briefing.store.workspace import Workspace, utc_now


@dataclass(frozen=True)
class NoteRow:
    id: int
    start: int
    end: int
    exact: str
    note: str | None
    tags: tuple[str, ...]
    anchor: str  # anchored, moved, altered (its words changed in a newer version) or orphaned
    revision: int = 1  # the stored revision this row shows (store.revisions)
    words_now: str | None = None  # the source's words at its place, when a newer version changed them


def add_annotation(
    ws: Workspace,
    source_id: int,
    start: int,
    end: int,
    note: str | None = None,
    tags: tuple[str, ...] = (),
    context: int = 32,
) -> int:
    """Anchor a highlight by exact text, prefix/suffix and position (W3C selectors)."""
    with ws.transaction():
        text = get_source_text(ws, source_id)
        exact = get_passage(ws, source_id, start, end)
        now = utc_now()
        annotation_id = ws.insert(
            "annotations",
            {
                "source_id": source_id,
                "exact": exact,
                "start": start,
                "end": end,
                "prefix": text[max(0, start - context) : start],
                "suffix": text[end : end + context],
                "note": note,
                "created_at": now,
                "updated_at": now,
            },
        )
        created(ws, "annotation", annotation_id)
        _tag(ws, annotation_id, tags)
        reindex_sources(ws, [source_id])
        return annotation_id


def edit_annotation(
    ws: Workspace,
    annotation_id: int,
    note: str | None,
    tags: tuple[str, ...],
    reason: str | None = None,
    *,
    expected: int | None = None,
) -> None:
    """Give an annotation another note and tags; ``expected`` as in ``delete_annotation``."""
    with ws.transaction() as db:
        row = _revised(ws, annotation_id, "note", expected)
        old_tags = ", ".join(_tags_of(ws, annotation_id))
        db.execute("UPDATE annotations SET note = ?, updated_at = ? WHERE id = ?", [note, utc_now(), annotation_id])
        db.execute("DELETE FROM annotation_tags WHERE annotation_id = ?", [annotation_id])
        _tag(ws, annotation_id, tags)
        if (row[1] or None) != note:
            record_judgement(ws, "edit", "annotation", annotation_id, "note", row[1], note, reason)
        if old_tags != ", ".join(_tags_of(ws, annotation_id)):
            record_judgement(ws, "edit", "annotation", annotation_id, "tags", old_tags, ", ".join(tags), reason)
        reindex_sources(ws, [row[0]])


def get_annotation(ws: Workspace, annotation_id: int) -> dict[str, Any]:
    """Every stored value of an annotation and its tags: what an undo of its deletion writes back."""
    rows = dict_rows(ws, "SELECT * FROM annotations WHERE id = ?", [annotation_id])
    if not rows:
        raise missing(ws, "annotation", annotation_id)
    return {**rows[0], "tags": _tags_of(ws, annotation_id)}


def restore_annotation(ws: Workspace, kept: dict[str, Any], reason: str | None = "undo") -> None:
    """Write back an annotation ``get_annotation`` read before it was deleted, with its id."""
    values = {k: v for k, v in kept.items() if k not in ("tags", "revision", "revised_by", "revised_at")}
    with ws.transaction():
        ws.insert("annotations", values)
        created(ws, "annotation", kept["id"])
        _tag(ws, kept["id"], tuple(kept["tags"]))
        record_judgement(ws, "restore", "annotation", kept["id"], "exact", None, kept["exact"], reason)
        reindex_sources(ws, [kept["source_id"]])


def _revised(ws: Workspace, annotation_id: int, column: str, expected: int | None) -> tuple[Any, ...]:
    """(source id, ``column``) of an annotation about to change, counted one more revision
    (StaleWrite when a colleague's came first); a one-line error when it is gone."""
    hold(ws, "annotation", annotation_id, expected)
    row = ws.db.execute(f"SELECT source_id, {column} FROM annotations WHERE id = ?", [annotation_id]).fetchone()
    if row is None:
        raise missing(ws, "annotation", annotation_id)
    revise(ws, "annotation", annotation_id, expected)
    return tuple(row)


def _tag(ws: Workspace, annotation_id: int, tags: tuple[str, ...]) -> None:
    for tag in dict.fromkeys(t.strip() for t in tags if t.strip()):
        ws.db.execute("INSERT OR IGNORE INTO tags (name) VALUES (?)", [tag])
        ws.db.execute(
            "INSERT INTO annotation_tags (annotation_id, tag_id) SELECT ?, id FROM tags WHERE lower(name) = lower(?)",
            [annotation_id, tag],
        )


def _tags_of(ws: Workspace, annotation_id: int) -> list[str]:
    rows = ws.db.execute(
        "SELECT t.name FROM annotation_tags at JOIN tags t ON t.id = at.tag_id WHERE at.annotation_id = ? "
        "ORDER BY lower(t.name)",
        [annotation_id],
    ).fetchall()
    return [row[0] for row in rows]


def delete_annotation(
    ws: Workspace, annotation_id: int, reason: str | None = None, *, expected: int | None = None
) -> None:
    """Delete an annotation; ``expected`` is its revision as the analyst saw it (store.revisions)."""
    with ws.transaction() as db:
        row = _revised(ws, annotation_id, "exact", expected)
        remember_note(ws, annotation_id, reason)
        db.execute("DELETE FROM annotations WHERE id = ?", [annotation_id])
        record_judgement(ws, "delete", "annotation", annotation_id, "exact", row[1], None, reason)
        reindex_sources(ws, [row[0]])


def remember_note(ws: Workspace, annotation_id: int, reason: str | None) -> None:
    """Before an annotation goes: the history keeps its note and tags ('check the figure (tags:
    figures)'), so a briefing note that shows it still says what the analyst wrote."""
    row = ws.db.execute("SELECT note FROM annotations WHERE id = ?", [annotation_id]).fetchone()
    tags = [
        r[0]
        for r in ws.db.execute(
            "SELECT t.name FROM annotation_tags at JOIN tags t ON t.id = at.tag_id WHERE at.annotation_id = ? "
            "ORDER BY lower(t.name)",
            [annotation_id],
        )
    ]
    note = (row[0] or "").strip() if row else ""
    said = " ".join(part for part in (note, f"(tags: {', '.join(tags)})" if tags else "") if part)
    if said:
        record_judgement(ws, "delete", "annotation", annotation_id, "note", said, None, reason)


# An annotation's (``a``) tag names joined by \x1f, in the order every view and export shows them,
# case-blind alphabetical: its first is the tag whose colour the note takes.
TAGS_OF_ANNOTATION = (
    "(SELECT group_concat(name, '\x1f') FROM (SELECT t.name FROM annotation_tags at JOIN tags t ON t.id = at.tag_id "
    "WHERE at.annotation_id = a.id ORDER BY lower(t.name)) AS ordered)"
)


# An annotation carried to a newer version where its words changed keeps the words annotated, at
# the place they changed into (source_versions): its stored anchor says "moved", its row "altered".
ANCHOR_OF_ANNOTATION = (
    "CASE WHEN a.anchor <> 'orphaned' AND substr(s.text, a.start + 1, a.\"end\" - a.start) <> a.exact "
    "THEN 'altered' ELSE a.anchor END"
)


def list_annotations_with_tags(ws: Workspace) -> list[dict[str, Any]]:
    """Every annotation with its tags, in the order they were made (exports)."""
    annotations = dict_rows(
        ws, 'SELECT id, source_id, exact, prefix, suffix, start, "end", note, anchor FROM annotations ORDER BY id'
    )
    tags = grouped_rows(
        ws,
        "SELECT at.annotation_id, t.name FROM annotation_tags at JOIN tags t ON t.id = at.tag_id "
        "ORDER BY lower(t.name)",
    )
    for annotation in annotations:
        annotation["tags"] = [t["name"] for t in tags.get(annotation["id"], [])]
    return annotations


def list_note_rows(ws: Workspace, source_id: int) -> list[NoteRow]:
    """One source's annotations as the window's rows, in text order."""
    rows = ws.db.execute(
        f'SELECT a.id, a.start, a."end", a.exact, a.note, {ANCHOR_OF_ANNOTATION}, {TAGS_OF_ANNOTATION}, a.revision '
        "FROM annotations a JOIN sources s ON s.id = a.source_id WHERE a.source_id = ? ORDER BY a.start, a.id",
        [source_id],
    ).fetchall()
    words = SourceWords.of(ws, source_id)
    return [
        NoteRow(
            i, s, e, exact, note, tuple(tags.split("\x1f")) if tags else (), anchor, revision, words.now(exact, s, e)
        )
        for i, s, e, exact, note, anchor, tags, revision in rows
    ]
