"""Every annotation of the workspace, for the Notes browser: ids filtered by tag and text,
newest first, then the rows of the ids a view shows, and the tags with their counts."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.store.annotations import ANCHOR_OF_ANNOTATION, TAGS_OF_ANNOTATION
from briefing.store.sources import shown_title_sql
from briefing.store.workspace import Workspace

_TAGS = TAGS_OF_ANNOTATION  # as the reader lists them, so "the first tag" is the same one
_HAS_TAG = (
    "a.id IN (SELECT at.annotation_id FROM annotation_tags at JOIN tags t ON t.id = at.tag_id "
    "WHERE lower(t.name) = lower(?))"
)
_UNTAGGED = "NOT EXISTS (SELECT 1 FROM annotation_tags at WHERE at.annotation_id = a.id)"
_SHOWN_TITLE = shown_title_sql("s")  # an untitled source by its file's name, as the lists name it
_TEXT = f"(coalesce(a.note, '') LIKE ? ESCAPE '\\' OR a.exact LIKE ? ESCAPE '\\' OR {_SHOWN_TITLE} LIKE ? ESCAPE '\\')"


@dataclass(frozen=True)
class NoteListRow:
    id: int
    source_id: int
    title: str | None
    exact: str  # the annotated passage
    note: str | None
    tags: tuple[str, ...]
    anchor: str  # anchored, moved, altered (its words changed in a newer version) or orphaned
    created_at: str
    start: int
    end: int


def like_pattern(text: str) -> str:
    """``text`` anywhere, its % and _ meant literally (with ESCAPE '\\')."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def annotation_ids(ws: Workspace, tag: str | None = None, text: str | None = None, untagged: bool = False) -> list[int]:
    """Ids of the annotations with ``tag`` (or none, when ``untagged``) whose note, passage or
    source title holds ``text``; newest first."""
    where, params = _conditions(tag, text, untagged)
    sql = (
        "SELECT a.id FROM annotations a JOIN sources s ON s.id = a.source_id"
        f"{' WHERE ' + ' AND '.join(where) if where else ''} ORDER BY a.created_at DESC, a.id DESC"
    )
    return [row[0] for row in ws.db.execute(sql, params)]


def _conditions(tag: str | None, text: str | None, untagged: bool) -> tuple[list[str], list[str]]:
    where: list[str] = []
    params: list[str] = []
    if untagged:
        where.append(_UNTAGGED)
    elif tag:
        where.append(_HAS_TAG)
        params.append(tag)
    if text and text.strip():
        where.append(_TEXT)
        params += [like_pattern(text.strip())] * 3
    return where, params


def annotation_rows(ws: Workspace, ids: list[int]) -> dict[int, NoteListRow]:
    """The rows of ``ids`` (a page of a view), by id; ids no longer there are left out."""
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    rows = ws.db.execute(
        f"SELECT a.id, a.source_id, {_SHOWN_TITLE}, a.exact, a.note, {_TAGS}, {ANCHOR_OF_ANNOTATION}, a.created_at, "
        'a.start, a."end" '
        f"FROM annotations a JOIN sources s ON s.id = a.source_id WHERE a.id IN ({marks})",
        list(ids),
    ).fetchall()
    return {row[0]: _row(*row) for row in rows}


def _row(id_, source_id, title, exact, note, tags, anchor, created_at, start, end) -> NoteListRow:
    split = tuple(tags.split("\x1f")) if tags else ()
    return NoteListRow(id_, source_id, title, exact, note, split, anchor, created_at, start, end)


def list_annotations(
    ws: Workspace, tag: str | None = None, text: str | None = None, untagged: bool = False
) -> list[NoteListRow]:
    """The annotations ``annotation_ids`` finds, as rows, newest first."""
    ids = annotation_ids(ws, tag, text, untagged)
    rows = annotation_rows(ws, ids)
    return [rows[i] for i in ids if i in rows]


def tag_counts(ws: Workspace) -> list[tuple[str, int]]:
    """Each tag in use and how many annotations carry it, by name."""
    return [
        (name, count)
        for name, count in ws.db.execute(
            "SELECT t.name, count(*) FROM tags t JOIN annotation_tags at ON at.tag_id = t.id "
            "GROUP BY t.id, t.name ORDER BY lower(t.name)"
        )
    ]


def count_annotations(ws: Workspace) -> tuple[int, int]:
    """(all annotations, those without a tag)."""
    total = ws.db.execute("SELECT count(*) FROM annotations").fetchone()[0]
    untagged = ws.db.execute(f"SELECT count(*) FROM annotations a WHERE {_UNTAGGED}").fetchone()[0]
    return total, untagged
