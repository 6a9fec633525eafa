"""Copying a workspace into one that already holds work: ``briefing copy`` onto a filled target.

Publishing a solo investigation to a team's database that already has sources, entities and
claims, or bringing the team's work into an offline file that has some of its own. Every row
copied gets a new id in the target, and every column that holds another row's id is rewritten
through the map of old ids to new ones: the foreign keys (read from the schema), the columns
that name a row by a kind (the history's target, a note's item, a carried record: see
``copy_tables.KIND_REFERENCES``), and the ids written inside the history's text ("item 12",
"summary 4", the mentions a split moved) and an entity alias rejection's key ("12:jo").

What is already in the target is not copied again; the rules:

- A source with the same content (``content_hash``, as a re-import recognises it) is the
  target's: it is reported as already present, and the target's copy keeps its details and its
  analysis. Of the source's rows, one the target has too (same place in the text; the same
  entity) is mapped onto the target's; the analysis' own rows the target lacks (mentions,
  quotes, claims and sentences nobody worked on) are left out, as the target's analysis stands
  for them; every row with the analyst's work is copied: analyst claims, quotes and mentions,
  reviewed or dismissed claims, confirmed speakers, anything evidence, a suggestion's decision,
  a briefing note or the history refers to, annotations, evidence, rejections. An entity is
  copied only when a row copied refers to it (a mention, a quote's speaker, the history, a note's
  item, an alias rejection) or it is the target's already: one the left-out rows alone name is
  left out with them, aliases and all.
- A judgement the target has not made is taken: a claim the target still has unreviewed gets
  the copied status (its revision counts up, so a colleague's window holding the old one is
  refused rather than overwritten), a suggestion still open there gets the copied decision, a
  source without a grade gets the copied grade. A judgement
  the target has made is never overwritten; the copied history shows the other one.
- An entity whose name (normalised as the analysis matches names) and type equal one in the
  target is that entity, so its mentions across both workspaces' sources link together; a tag
  or saved search of the same name (case-blind) is the target's. A briefing note whose title
  the target's notes have already is copied as "<title> (copy)", and a later copy recognises
  that note as the one it copied (same creation time, title without " (copy)").
- Every other row is matched on what identifies it (``MATCH_KEYS``): copying the same workspace
  twice adds nothing the second time.

All of it is one transaction on the target, checked before it commits: every table holds the
rows it held before plus the rows added. The search index is updated for the sources that
gained rows.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from briefing.domain import WorkspaceError
from briefing.store import postgres
from briefing.store.briefings import renumber_items
from briefing.store.copy_labels import entity_key, relabel
from briefing.store.copy_tables import (
    BATCH,
    KIND_REFERENCES,
    KIND_TABLES,
    TABLES,
    copy_order,
    count,
    foreign_keys,
    pg_rows,
    sqlite_columns,
    sqlite_rows,
)
from briefing.store.evidence import refresh_credibility
from briefing.store.merge_keys import (
    COUNTED,
    MATCH_KEYS,
    bare_digest,
    digest,
    loose_digest,
    referred_rows,
    unresolved,
)
from briefing.store.pg_database import server_connection
from briefing.store.search_index import reindex_sources
from briefing.store.workspace import Workspace

Progress = Callable[[int, int, str], None]

# The analysis' own rows: of a source the target has already, the target's analysis stands
ANALYSIS_ROWS = ("mentions", "quotes", "claims", "sentences")
_CHUNK = 500  # ids in one IN (...) list


@dataclass
class MergeCounts:
    added: Counter = field(default_factory=Counter)  # rows written, per table
    present: Counter = field(default_factory=Counter)  # rows the target had already, per table
    left_out: int = 0  # the analysis' rows of a source the target has analysed itself
    judged: int = 0  # judgements taken where the target had none


def merge_workspace(src: Workspace, dst: Workspace, progress: Progress) -> MergeCounts:
    """Copy every row of ``src`` into ``dst`` (one of them a file, the other a team database),
    which already holds a workspace; one transaction on ``dst``, nothing kept if it fails."""
    schema = src if src.backend == "sqlite" else dst
    with _snapshot(src), dst.transaction():
        if dst.backend == "postgresql":  # the counts before and after see this copy's rows alone
            dst.db.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        merge = _Merge(src, dst, schema)
        before = {t: count(dst, t) for t in TABLES}
        order = copy_order(schema)
        for step, table in enumerate(order):
            progress(step, len(order), table)
            merge.copy_table(table)
        merge.finish()
        for table in TABLES:
            found, expected = count(dst, table), before[table] + merge.counts.added[table]
            if found != expected:
                raise WorkspaceError(
                    f"{dst.name}: {table} holds {found} rows after adding {merge.counts.added[table]} "
                    f"to {before[table]}; nothing kept"
                )
    return merge.counts


@contextmanager
def _snapshot(src: Workspace) -> Iterator[None]:
    """Read a team database as one snapshot (its cursors need a transaction anyway)."""
    if src.backend != "postgresql":
        yield
        return
    conn = server_connection(src)
    with conn.transaction():
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


class _Merge:
    def __init__(self, src: Workspace, dst: Workspace, schema: Workspace):
        self.src, self.dst, self.schema = src, dst, schema
        self.ids: dict[str, dict[int, int]] = defaultdict(dict)  # src id -> dst id
        self.existing: dict[str, set[int]] = defaultdict(set)  # dst ids of rows the target had
        self.counts = MergeCounts()
        self.referred = referred_rows(src)
        self.touched: set[int] = set()  # target sources whose search rows change
        self.evidence_claims: set[int] = set()
        self.free_ids: dict[str, list[int]] = defaultdict(list)
        self.past_ids: dict[str, int] = {}  # a file's largest id handed out, per table
        self.loaded: dict[str, dict[bytes, Any]] = {}
        self.titles: set[str] | None = None  # the target's note titles, lower-cased
        self.needed: set[int] | None = None  # src entities a copied row refers to
        self.taken: dict[str, set[int]] = defaultdict(set)  # COUNTED tables: target rows matched
        self.inserted: dict[str, set[int]] = defaultdict(set)  # COUNTED tables: ids this copy wrote
        self.unresolved: dict[int, dict[str, Any]] = {}  # history rows naming a row not copied, as read

    # --- one table --------------------------------------------------------------------------

    def copy_table(self, table: str) -> None:
        columns = sqlite_columns(self.schema, table)
        self._check_columns(table, columns)
        refs = foreign_keys(self.schema, table)
        info = self.schema.db.execute(f"PRAGMA table_info({table})").fetchall()
        required = {row[1] for row in info if row[3]}
        seen: dict[bytes, Any] = {}
        later: list[tuple[int, int]] = []  # (new id, old parent id) of references within the table
        rows = self._src_rows(table, columns)
        while batch := list(islice(rows, BATCH)):
            prepared = [self._prepare(table, dict(zip(columns, r, strict=True)), refs, required) for r in batch]
            kept = [p for p in prepared if p is not None]
            found = self._matches(table, refs, [values for values, _ in kept])
            inserts = []
            for values, analysis_only in kept:
                key = digest(table, values)
                old_id = values.get("id")
                if table in COUNTED:
                    target = self._unmatched(table, key, found.get(key, ()))
                    if target is None and old_id in self.unresolved:
                        target = self._loose_match(self.unresolved.pop(old_id))
                else:
                    target = found.get(key, seen.get(key))
                if target is None and table == "briefings":  # a note a copy before renamed
                    target = found.get(bare_digest(values))
                if target is not None:
                    self._map_onto(table, old_id, target, values)
                elif analysis_only:
                    self.counts.left_out += 1
                else:
                    inserts.append(values)
                    seen[key] = self._assign(table, values, refs, later)
                    if table in COUNTED:
                        self.inserted[table].add(seen[key])
            self._write(table, columns, inserts)
        self._link_within(table, later)

    def _unmatched(self, table: str, key: bytes, targets: Iterable[int]) -> int | None:
        """The first of the target's rows with this key that no row of the source stands for yet
        and this copy did not write, or None."""
        taken = self.taken[table]
        target = next((t for t in targets if t not in taken and t not in self.inserted[table]), None)
        if target is not None:
            taken.add(target)
        return target

    def _relabel(self, old: dict[str, Any], values: dict[str, Any]) -> None:
        """A history row's ids in its text as the target numbers them; one naming a row not
        copied is kept to be matched without its ids."""
        relabel(values, self._by_kind)
        if unresolved(old, values):
            self.unresolved[old["id"]] = old

    def _loose_match(self, old: dict[str, Any]) -> int | None:
        """The target's history row that is ``old`` but for the ids of rows not copied (a
        deleted source): a first copy into an empty target kept those ids, a later copy cannot
        map them."""
        key = loose_digest(old)
        columns = ", ".join(postgres.quoted(c) for c in MATCH_KEYS["history"])
        rows = self.dst.db.execute(
            f"SELECT id, {columns} FROM history WHERE at = ? AND actor = ? AND action = ? ORDER BY id",
            [old["at"], old["actor"], old["action"]],
        ).fetchall()
        alike = [r[0] for r in rows if loose_digest(dict(zip(MATCH_KEYS["history"], r[1:], strict=True))) == key]
        return self._unmatched("history", key, alike)

    def _prepare(
        self, table: str, values: dict[str, Any], refs: dict[str, str], required: set[str]
    ) -> tuple[dict[str, Any], bool] | None:
        """The row with its references mapped and whether it is the analysis' alone, or None when
        a row it needs was left out."""
        old = dict(values)
        for column, parent in refs.items():
            if values[column] is None or parent == table:
                continue
            values[column] = self.ids[parent].get(values[column])
            if values[column] is None and column in required:
                return None
        for (ref_table, column), kind_column in KIND_REFERENCES.items():
            if ref_table == table and values[column] is not None:
                values[column] = self._by_kind(values[kind_column], values[column])
                if values[column] is None and table != "history":  # the history keeps its text
                    return None
        if table == "history":
            self._relabel(old, values)
        elif table == "rejections" and values["kind"] == "entity":
            values["key"] = entity_key(values["key"], self.ids["entities"])
            if values["key"] is None:  # an alias rejection of an entity no longer there
                return None
        return values, self._analysis_only(table, old, values)

    def _analysis_only(self, table: str, old: dict[str, Any], values: dict[str, Any]) -> bool:
        if table == "entities":  # one no copied row refers to is the left-out analysis' alone
            if self.needed is None:
                self.needed = self._needed_entities()
            return old["id"] not in self.needed
        if table not in ANALYSIS_ROWS or values["source_id"] not in self.existing["sources"]:
            return False
        if old["id"] in self.referred[table] or old.get("origin", "analysis") != "analysis":
            return False
        if table == "claims":
            return old["status"] == "unreviewed" and not old["dismissed"]
        return not (table == "quotes" and old["speaker_confirmed"])

    def _needed_entities(self) -> set[int]:
        """The source's entities that a row to be copied refers to: a mention or a quote's speaker
        not left out, the history, a note's item, an alias rejection. Run once the sources are
        mapped (``copy_order`` puts them first)."""
        needed = set(self.referred["entities"])
        rows = (
            ("mentions", "SELECT id, entity_id, source_id, origin, 0 FROM mentions"),
            (
                "quotes",
                "SELECT id, speaker_id, source_id, origin, speaker_confirmed FROM quotes WHERE speaker_id IS NOT NULL",
            ),
        )
        for table, sql in rows:
            for row_id, entity_id, source_id, origin, confirmed in self.src.db.execute(sql).fetchall():
                old = {"id": row_id, "origin": origin, "speaker_confirmed": confirmed}
                if not self._analysis_only(table, old, {"source_id": self.ids["sources"].get(source_id)}):
                    needed.add(entity_id)
        for (key,) in self.src.db.execute("SELECT key FROM rejections WHERE kind = 'entity'").fetchall():
            number, colon, _ = key.partition(":")
            if colon and number.isdigit():
                needed.add(int(number))
        return needed

    def _by_kind(self, kind: str, old_id: int) -> int | None:
        table = KIND_TABLES.get(kind)
        return self.ids[table].get(old_id) if table else None

    def _map_onto(self, table: str, old_id: int | None, target: int, values: dict[str, Any]) -> None:
        """The row is the target's already: refer to the target's, and take a judgement it lacks."""
        self.counts.present[table] += 1
        if old_id is None:
            return
        self.ids[table][old_id] = target
        self.existing[table].add(target)
        db = self.dst.db
        if table == "claims" and values["status"] != "unreviewed":
            done = db.execute(
                "UPDATE claims SET status = ?, revision = revision + 1, revised_by = ?, revised_at = ? "
                "WHERE id = ? AND status = 'unreviewed'",
                [values["status"], values["revised_by"], values["revised_at"], target],
            ).rowcount
            self._judged(done, values["source_id"])
        elif table == "claim_suggestions" and values["state"] != "open":
            done = db.execute(
                "UPDATE claim_suggestions SET state = ? WHERE id = ? AND state = 'open'", [values["state"], target]
            ).rowcount
            self._judged(done, values["source_id"])
        elif table == "sources" and values["reliability"] is not None:
            done = db.execute(
                "UPDATE sources SET reliability = ? WHERE id = ? AND reliability IS NULL",
                [values["reliability"], target],
            ).rowcount
            self._judged(done, target)

    def _judged(self, rows: int, source_id: int) -> None:
        if rows > 0:
            self.counts.judged += rows
            self.touched.add(source_id)

    def _assign(self, table: str, values: dict[str, Any], refs: dict[str, str], later: list) -> Any:
        """A new id for a row to add (its table's next free one); references within its own table
        are set once every row of the table has its id."""
        for column, parent in refs.items():
            if parent == table and values[column] is not None:
                later.append((values["id"], values[column]))
                values[column] = None
        if "source_id" in values and values["source_id"] is not None:
            self.touched.add(values["source_id"])
        if table == "evidence":
            self.evidence_claims.add(values["claim_id"])
        if table == "briefings":
            values["title"] = self._free_title(values["title"])
        if "id" not in values:
            return True
        old_id, values["id"] = values["id"], self._next_id(table)
        self.ids[table][old_id] = values["id"]
        if table == "sources":
            self.touched.add(values["id"])
        return values["id"]

    def _free_title(self, title: str) -> str:
        """A note's title, or "<title> (copy N)" when the target has a note of that title: the
        analyst names a note by its title, so titles stay unique (ignoring case)."""
        if self.titles is None:
            self.titles = {row[0].lower() for row in self.dst.db.execute("SELECT title FROM briefings").fetchall()}
        free, number = title, 1
        while free.lower() in self.titles:
            free, number = f"{title} (copy{f' {number}' if number > 1 else ''})", number + 1
        self.titles.add(free.lower())
        return free

    def _link_within(self, table: str, later: list[tuple[int, int]]) -> None:
        """A source's version_of, once the source it names has its new id."""
        if not later:
            return
        column = next(c for c, parent in foreign_keys(self.schema, table).items() if parent == table)
        updates = [[self.ids[table].get(parent), self.ids[table][old]] for old, parent in later]
        self.dst.db.conn.executemany(f"UPDATE {table} SET {column} = ? WHERE id = ?", updates)

    # --- reading and writing ------------------------------------------------------------------

    def _src_rows(self, table: str, columns: list[str]) -> Iterator[tuple]:
        if self.src.backend == "postgresql":
            return pg_rows(server_connection(self.src), table, columns)
        return sqlite_rows(self.src, table, columns)

    def _check_columns(self, table: str, columns: list[str]) -> None:
        other = self.dst if self.schema is self.src else self.src
        present = postgres.table_columns(server_connection(other), table)
        missing = [c for c in columns if c not in present]
        if missing:
            raise WorkspaceError(
                f"{other.name}: table {table} lacks column {missing[0]}; its schema is not this Briefing's"
            )

    def _matches(self, table: str, refs: dict[str, str], rows: list[dict[str, Any]]) -> dict[bytes, Any]:
        """The target's rows with the keys of ``rows``: {key digest: id (True where no id)}."""
        anchor = MATCH_KEYS[table][0]
        parent = refs.get(anchor)
        kinds = [k for (t, c), k in KIND_REFERENCES.items() if t == table and c == anchor]
        if parent is None and not kinds:
            if table not in self.loaded:
                self.loaded[table] = self._target_keys(table, "", [])
            return self.loaded[table]
        known = set().union(*self.existing.values()) if kinds else self.existing[parent or ""]
        values = {r[anchor] for r in rows}
        wanted = sorted(v for v in values if v is not None and v in known)
        found: dict[bytes, Any] = {}
        if None in values:
            found.update(self._target_keys(table, f"{postgres.quoted(anchor)} IS NULL", []))
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            where = f"{postgres.quoted(anchor)} IN ({', '.join('?' * len(chunk))})"
            found.update(self._target_keys(table, where, chunk))
        return found

    def _target_keys(self, table: str, where: str, params: list) -> dict[bytes, Any]:
        key = MATCH_KEYS[table]
        has_id = table not in ("originals", "annotation_tags")
        names = ", ".join(postgres.quoted(c) for c in (("id",) if has_id else ()) + key)
        sql = f"SELECT {names} FROM {table}" + (f" WHERE {where}" if where else "")
        found: dict[bytes, Any] = {}
        bare: dict[bytes, Any] = {}
        for row in self.dst.db.execute(sql, params or None).fetchall():
            values = dict(zip(key, row[1:] if has_id else row, strict=True))
            if table in COUNTED:  # every row with the key
                found.setdefault(digest(table, values), []).append(row[0])
                continue
            found[digest(table, values)] = row[0] if has_id else True
            if table == "briefings":  # also as "<title>" where a copy named it "<title> (copy)"
                bare.setdefault(bare_digest(values), row[0])
        return {**bare, **found}

    def _next_id(self, table: str) -> int:
        """The table's next free id: from the team's sequence on PostgreSQL, so no colleague's
        new row takes one of them; on a file, whose one writer is this copy, after the largest
        it ever handed out (a deleted row's id stays spent)."""
        pool = self.free_ids[table]
        if not pool:
            if self.dst.backend == "postgresql":
                found = server_connection(self.dst).execute(
                    f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, {BATCH})"
                )
                pool.extend(reversed([int(row[0]) for row in found.fetchall()]))
            else:
                if table not in self.past_ids:
                    self.past_ids[table] = _spent_ids(self.dst, table)
                top = self.past_ids[table]
                pool.extend(range(top + BATCH, top, -1))
                self.past_ids[table] = top + BATCH
        return pool.pop()

    def _write(self, table: str, columns: list[str], rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        self.counts.added[table] += len(rows)
        names = ", ".join(postgres.quoted(c) for c in columns)
        values = [tuple(r[c] for c in columns) for r in rows]
        if self.dst.backend == "sqlite":
            marks = ", ".join("?" * len(columns))
            self.dst.db.conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", values)
            return
        with server_connection(self.dst).cursor() as cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in values:
                copy.write_row(row)

    # --- after every table --------------------------------------------------------------------

    def finish(self) -> None:
        """Claims that gained evidence count their origins again, a note holding items of both
        workspaces numbers them again, and the search index learns the sources that changed."""
        refresh_credibility(self.dst, self.evidence_claims)
        renumber_items(self.dst)  # a note of both holds items at the same positions: 0, 1, 2… again
        reindex_sources(self.dst, sorted(self.touched))


def _spent_ids(ws: Workspace, table: str) -> int:
    """The largest id a file's table holds or has held: SQLite's AUTOINCREMENT counter remembers
    the ids of deleted rows, which Undo may still put back."""
    held = ws.db.execute(f"SELECT max(id) FROM {table}").fetchone()[0] or 0
    spent = ws.db.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", [table]).fetchone()
    return int(max(held, spent[0] if spent else 0))
