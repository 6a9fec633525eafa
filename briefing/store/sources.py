"""Sources: imported documents, their original bytes and their full-text index."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

from briefing.domain import (
    ANALYSIS_VERSION,
    CONTROL_CHARACTERS,
    RELIABILITY_GRADES,
    BriefingError,
    Document,
    Source,
    SourceRow,
    check_iso_date,
    clipped,
    file_name_of,
    one_line,
    strip_bidi,
)
from briefing.languages import TWO_LETTER_CODES
from briefing.page_urls import find_page_url, is_plain_url
from briefing.store.history import record_judgement
from briefing.store.revisions import Revision, StaleWrite, missing
from briefing.store.search_index import reindex_sources, unindex_source
from briefing.store.workspace import Workspace, utc_now

EDITABLE_FIELDS = ("title", "outlet", "author", "published", "language", "reliability", "summary", "url")
DETAIL_FIELDS = ("title", "outlet", "author", "published", "url", "language")  # what Source Details edits
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_SOURCE_COLUMNS = (
    "id, path, format, content_hash, text, title, outlet, author, published, "
    "language, imported_at, reliability, summary"
)


def find_source_by_hash(ws: Workspace, content_hash: str) -> int | None:
    row = ws.db.execute("SELECT id FROM sources WHERE content_hash = ?", [content_hash]).fetchone()
    return row[0] if row else None


def add_document(ws: Workspace, doc: Document) -> tuple[int, bool]:
    """Store ``doc`` as a source; returns (id, created). Same content is stored once.
    (An import that looks for an older version of the article first is
    ``briefing.store.source_versions.import_document``.)"""
    with ws.transaction():
        existing = find_source_by_hash(ws, doc.content_hash)
        if existing is not None:
            return existing, False
        return insert_document(ws, doc, document_url(doc)), True


def document_url(doc: Document) -> str | None:
    """The web address a document names for itself (a saved page's canonical link, a web
    archive's address)."""
    if doc.url is not None:
        return doc.url if is_plain_url(doc.url) else None
    return find_page_url(doc.raw) if doc.format == "html" else None


def insert_document(
    ws: Workspace, doc: Document, url: str | None, version_of: int | None = None, version: int = 1
) -> int:
    """Insert ``doc`` as a new source row with its original and index; call inside a transaction."""
    record = asdict(doc)
    raw = record.pop("raw")
    record.pop("left_out")  # said at import, not stored
    record["imported_at"] = utc_now()
    record["url"] = url
    record["version_of"] = version_of
    record["version"] = version
    source_id = ws.insert("sources", record)
    ws.db.execute("INSERT INTO originals (source_id, bytes) VALUES (?, ?)", [source_id, raw])
    reindex_sources(ws, [source_id])
    return source_id


def get_source(ws: Workspace, source_id: int) -> Source:
    row = ws.db.execute(f"SELECT {_SOURCE_COLUMNS} FROM sources WHERE id = ?", [source_id]).fetchone()
    if row is None:
        raise missing(ws, "source", source_id)
    return Source(*row)


def get_original(ws: Workspace, source_id: int) -> bytes:
    row = ws.db.execute("SELECT bytes FROM originals WHERE source_id = ?", [source_id]).fetchone()
    if row is None:
        raise BriefingError(f"source {source_id} has no stored original")
    return bytes(row[0])


@dataclass(frozen=True)
class ListedSource(SourceRow):
    """A source list's row with whether this version's analysis has run on it, and which
    version of its article it is (1 unless a newer copy was imported over an older one)."""

    analysed: bool = True
    version: int = 1
    file_name: str | None = None  # of the file imported, for a source without a title


@dataclass(frozen=True)
class SourceDetails:
    """What Source Details and ``briefing sources`` show of one source."""

    id: int
    title: str | None
    outlet: str | None
    author: str | None
    published: str | None
    url: str | None
    language: str | None
    analysed: bool
    quote_count: int
    claim_count: int
    version: int = 1
    file_name: str | None = None  # of the file imported, which names a source without a title

    @property
    def shown_title(self) -> str:
        """The title, or for a source without one "(untitled) · " and its file's name, as the
        window's list says it."""
        if self.title:
            return self.title
        return f"(untitled) · {self.file_name}" if self.file_name else "(untitled)"


_ANALYSED = f"(s.analysis_version IS NOT NULL AND s.analysis_version >= {int(ANALYSIS_VERSION)})"
# not analysed by this version, and no older version of another source (the analysis skips those)
WAITING = f"NOT {_ANALYSED} AND NOT EXISTS (SELECT 1 FROM sources n WHERE n.version_of = s.id)"
_COUNTS = """(SELECT count(*) FROM quotes q WHERE q.source_id = s.id),
             (SELECT count(*) FROM claims c WHERE c.source_id = s.id AND c.dismissed = 0)"""
_LIST_COLUMNS = (
    f"s.id, s.title, s.outlet, s.published, s.reliability, {_COUNTS}, {_ANALYSED}, s.version, "
    "CASE WHEN s.title IS NULL THEN s.path END"
)


def shown_title_sql(alias: str = "s") -> str:
    """SQL for a source's title as the app shows it (``ui.source_model.shown_title``): the title,
    or "(untitled) · " and the name of the file imported (the last part of its path, on any
    system), or "(untitled)". The same on SQLite and PostgreSQL."""
    path = f"replace({alias}.path, '\\', '/')"
    folder = f"rtrim({path}, replace({path}, '/', ''))"
    name = f"substr({path}, length({folder}) + 1)"
    return (
        f"coalesce(nullif({alias}.title, ''), CASE WHEN coalesce({name}, '') = '' THEN '(untitled)' "
        f"ELSE '(untitled) · ' || {name} END)"
    )


# The newest version of each article: an older one is reached from its newer version.
NEWEST = "NOT EXISTS (SELECT 1 FROM sources n WHERE n.version_of = s.id)"


def versioned_title_sql() -> str:
    """SQL for a source's shown title (``shown_title_sql``, alias ``s``) in a list that can mix
    versions of an article: an older version's starts "v1 (older) · ", as a record left on it
    (orphaned when a newer version changed its words) would otherwise look current."""
    return (
        f"CASE WHEN {NEWEST} THEN {shown_title_sql()} "
        f"ELSE 'v' || CAST(s.version AS TEXT) || ' (older) · ' || {shown_title_sql()} END"
    )


def list_sources(ws: Workspace) -> list[ListedSource]:
    """Every source (the newest version of each article) with its quote and claim counts,
    newest publication first."""
    rows = ws.db.execute(
        f"SELECT {_LIST_COLUMNS} FROM sources s WHERE {NEWEST} ORDER BY s.published IS NULL, s.published DESC, s.id"
    ).fetchall()
    return [_listed(row) for row in rows]


def _listed(row: tuple) -> ListedSource:
    source_id, title, outlet, published, reliability, quotes, claims, analysed, version, path = row
    name = file_name_of(path) or None if path else None
    return ListedSource(source_id, title, outlet, published, reliability, quotes, claims, bool(analysed), version, name)


def list_source_details(ws: Workspace, source_ids: list[int] | None = None) -> list[SourceDetails]:
    """Sources with their details and counts, by id (without ``source_ids``: the newest version
    of every article)."""
    where, params = f"WHERE {NEWEST}", []
    if source_ids is not None:
        where, params = f"WHERE s.id IN ({', '.join('?' * len(source_ids))})", list(source_ids)
    rows = ws.db.execute(
        f"""SELECT s.id, s.title, s.outlet, s.author, s.published, s.url, s.language, {_ANALYSED}, {_COUNTS},
                   s.version, s.path FROM sources s {where} ORDER BY s.id""",
        params,
    ).fetchall()
    return [_details(*row) for row in rows]


def _details(
    source_id, title, outlet, author, published, url, language, analysed, quotes, claims, version, path
) -> SourceDetails:
    name = file_name_of(path) or None if path else None
    return SourceDetails(
        source_id, title, outlet, author, published, url, language, bool(analysed), quotes, claims, version, name
    )


def get_source_details(ws: Workspace, source_id: int) -> SourceDetails:
    found = list_source_details(ws, [source_id])
    if not found:
        raise missing(ws, "source", source_id)
    return found[0]


def source_urls(ws: Workspace, source_ids: set[int] | list[int]) -> dict[int, str]:
    """source id -> the web address kept with it, for the sources that have one."""
    ids = sorted(source_ids)
    found: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = ws.db.execute(
            f"SELECT id, url FROM sources WHERE url IS NOT NULL AND id IN ({', '.join('?' * len(chunk))})", chunk
        )
        found.update((row[0], row[1]) for row in rows)
    return found


def not_analysed_ids(ws: Workspace) -> list[int]:
    """Sources waiting for this version's analysis (never run on them, or by an older version):
    the newest version of each article only, as the analysis takes them (``WAITING``)."""
    return [row[0] for row in ws.db.execute(f"SELECT s.id FROM sources s WHERE {WAITING} ORDER BY s.id")]


def count_not_analysed(ws: Workspace) -> int:
    """How many sources ``not_analysed_ids`` lists: an "Analyse Now (3 waiting)" that analysis
    would leave at 3 (an older version, which it skips) never went away."""
    return ws.db.execute(f"SELECT count(*) FROM sources s WHERE {WAITING}").fetchone()[0]


def iter_sources(ws: Workspace) -> list[Source]:
    rows = ws.db.execute(f"SELECT {_SOURCE_COLUMNS} FROM sources ORDER BY id").fetchall()
    return [Source(*row) for row in rows]


def source_values(ws: Workspace, source_id: int, fields: tuple[str, ...] = EDITABLE_FIELDS) -> dict[str, Any]:
    """The current values of editable fields, by name."""
    for field in fields:
        if field not in EDITABLE_FIELDS:
            raise BriefingError(f"{field}: not an editable source field")
    row = ws.db.execute(f"SELECT {', '.join(fields)} FROM sources WHERE id = ?", [source_id]).fetchone()
    if row is None:
        raise missing(ws, "source", source_id)
    return dict(zip(fields, row, strict=True))


def update_source(
    ws: Workspace, source_id: int, reason: str | None = None, *, expected: dict[str, Any] | None = None, **changes: Any
) -> Source:
    """Change editable metadata in one transaction; every change is recorded in the judgement history.
    Re-analysis never writes these fields (the summary has its own ``summary_edited`` lock).
    ``expected``: the values the analyst saw; a field a colleague changed since is refused
    (StaleWrite), since sources carry no revision."""
    for field, value in changes.items():
        check_source_field(field, value)
    with ws.transaction() as db:
        if expected is not None and ws.backend == "postgresql":
            db.execute("SELECT 1 FROM sources WHERE id = ? FOR UPDATE", [source_id]).fetchall()
        old = source_values(ws, source_id, tuple(changes))
        seen = expected or {}
        stale = [field for field in changes if field in seen and old[field] != seen[field]]
        if stale:
            raise _changed_meanwhile(ws, source_id, stale)
        for field, value in changes.items():
            value = value.strip() or None if isinstance(value, str) else value
            if old[field] == value:
                continue
            db.execute(f"UPDATE sources SET {field} = ? WHERE id = ?", [value, source_id])
            if field == "summary":  # re-analysis must not overwrite the analyst's summary
                db.execute("UPDATE sources SET summary_edited = 1 WHERE id = ?", [source_id])
            record_judgement(ws, "edit", "source", source_id, field, old[field], value, reason)
        reindex_sources(ws, [source_id])
    return get_source(ws, source_id)


def _changed_meanwhile(ws: Workspace, source_id: int, fields: list[str]) -> StaleWrite:
    """The refusal of an edit over a colleague's change to the same fields: who, when, which."""
    marks = ", ".join("?" * len(fields))
    row = ws.db.execute(
        "SELECT actor, at FROM history WHERE target_kind = 'source' AND target_id = ? AND action = 'edit' "
        f"AND field IN ({marks}) ORDER BY id DESC LIMIT 1",
        [source_id, *fields],
    ).fetchone()
    title = clipped(one_line(strip_bidi(get_source(ws, source_id).title or "")), 60) or None
    by, at = (row[0], row[1]) if row else (None, None)
    return StaleWrite("source", source_id, Revision(0, by, at), title, f"changed ({', '.join(fields)})")


def delete_source(ws: Workspace, source_id: int, reason: str | None = None) -> None:
    with ws.transaction() as db:
        old = get_source(ws, source_id)
        unindex_source(ws, source_id)
        db.execute("DELETE FROM sources WHERE id = ?", [source_id])
        record_judgement(ws, "delete", "source", source_id, None, old.title, None, reason)


def check_source_field(field: str, value: Any) -> None:
    """Raise a one-line BriefingError naming ``field`` when ``value`` cannot be stored there."""
    if field not in EDITABLE_FIELDS:
        raise BriefingError(f"{field}: not an editable source field")
    if value is None or (isinstance(value, str) and not value.strip()):
        return
    if not isinstance(value, str):
        raise BriefingError(f"{field}: must be text")
    value = value.strip()
    if CONTROL_CHARACTERS.search(value) or "\n" in value or "\r" in value or "\t" in value:
        raise BriefingError(f"{field}: must be one line of text without control characters")
    if field == "reliability" and value not in RELIABILITY_GRADES:
        raise BriefingError(f"reliability: must be one of A-F, not {value!r}")
    if field == "published":
        _check_published(value)
    if field == "url" and not is_plain_url(value):
        raise BriefingError(f"url: must be a plain http:// or https:// address without spaces, not {value[:80]!r}")
    if field == "language":
        _check_language(value)


def _check_published(value: str) -> None:
    check_iso_date("published", value)
    if date.fromisoformat(value) > date.today() + timedelta(days=1):  # a day ahead: a time zone's
        raise BriefingError(f"published: {value} is after today; a source is dated when it came out")


def _check_language(value: str) -> None:
    if not _LANGUAGE.match(value):
        raise BriefingError(f"language: must be a language code such as en or pt-BR, not {value[:40]!r}")
    if len(value.split("-")[0]) == 2 and value.split("-")[0].lower() not in TWO_LETTER_CODES:
        raise BriefingError(f"language: {value.split('-')[0]!r} is no language code (ISO 639-1); en, de or pt-BR are")


SOURCE_ORDER = {
    "title": "lower(coalesce(s.title, ''))",
    "outlet": "lower(coalesce(s.outlet, ''))",
    "published": "s.published",  # NULLs sort as '' would, and the index on published serves it
    "grade": "coalesce(s.reliability, 'Z')",
    "quotes": "(SELECT count(*) FROM quotes q WHERE q.source_id = s.id)",
    "claims": "(SELECT count(*) FROM claims c WHERE c.source_id = s.id AND c.dismissed = 0)",
}


def list_file_names(ws: Workspace) -> list[str]:
    """The name of the file each source was imported from ("" for text pasted or typed)."""
    return [file_name_of(path) if path else "" for (path,) in ws.db.execute("SELECT path FROM sources")]


def all_source_ids(ws: Workspace) -> list[int]:
    """Every source's id, each version of an article its own."""
    return [row[0] for row in ws.db.execute("SELECT id FROM sources ORDER BY id")]


def source_ids(ws: Workspace, order: str = "published", descending: bool = True, text: str = "") -> list[int]:
    """Ids of the sources (the newest version of each article) whose title as shown ("(untitled) ·
    1139.txt" for one without), outlet or date contain ``text``, in the asked order. The list
    view holds only these ids and fetches rows for what it shows."""
    if order not in SOURCE_ORDER:
        raise BriefingError(f"cannot sort sources by {order!r}")
    where, params = f"WHERE {NEWEST}", []
    if text.strip():  # the title as the list shows it: an untitled source by its file's name
        where += f" AND ({shown_title_sql()} LIKE ? OR s.outlet LIKE ? OR s.published LIKE ?)"
        params = [f"%{text.strip()}%"] * 3
    # NULLs as SQLite sorts them (smallest), said out loud for PostgreSQL, which sorts them largest
    direction = "DESC" if descending else "ASC"
    nulls = "NULLS LAST" if descending else "NULLS FIRST"
    sql = f"SELECT s.id FROM sources s {where} ORDER BY {SOURCE_ORDER[order]} {direction} {nulls}, s.id {direction}"
    return [row[0] for row in ws.db.execute(sql, params)]


def source_rows(ws: Workspace, ids: list[int]) -> dict[int, ListedSource]:
    """The list columns of these sources (a page of the view), by id."""
    found: dict[int, ListedSource] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = ws.db.execute(
            f"SELECT {_LIST_COLUMNS} FROM sources s WHERE s.id IN ({', '.join('?' * len(chunk))})", chunk
        ).fetchall()
        found.update((row[0], _listed(row)) for row in rows)
    return found


def get_source_text(ws: Workspace, source_id: int) -> str:
    """A source's cleaned text; BriefingError when the source does not exist."""
    row = ws.db.execute("SELECT text FROM sources WHERE id = ?", [source_id]).fetchone()
    if row is None:
        raise missing(ws, "source", source_id)
    return row[0]


def check_range(text: str, start: int, end: int, source_id: int) -> tuple[int, int]:
    """``(start, end)`` when it is a passage of the source's ``text``; else BriefingError."""
    if end <= start:
        raise BriefingError(f"range {start}-{end} of source {source_id} is empty: the start must come before the end")
    if start < 0:
        raise BriefingError(f"start {start}: must be 0 or more (the first character of source {source_id})")
    if end > len(text):
        raise BriefingError(f"end {end}: past the end of source {source_id}, which has {len(text):,} characters")
    return start, end


def get_passage(ws: Workspace, source_id: int, start: int, end: int) -> str:
    """The text of ``start``-``end`` in a source; BriefingError when the range is outside it."""
    text = get_source_text(ws, source_id)
    check_range(text, start, end, source_id)
    return text[start:end]
