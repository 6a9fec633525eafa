"""The search index's own vocabulary, read to suggest a word for one that finds nothing.

The index keeps terms, not words: lower case, accents removed and stemmed (porter:
'investigation' is kept as 'investig'). ``index_term`` turns a typed word into its term
with the index's tokenizer; ``list_terms`` reads the terms in ranges of the index's sorted
vocabulary with their row counts (``temp.search_terms``, an ``fts5vocab`` table of the
connection's temp schema, made on first use: nothing is written to the workspace file, which
a read-only workspace's connection opens read-only anyway; its ``query_only`` guard is lifted
for that one statement, since it refuses temp objects too); ``list_word_forms`` finds the words
of the text a term stands for, so a suggestion reads as a word.

On PostgreSQL the vocabulary is the table ``search_terms`` and the rows are counted only for the
terms ``list_terms`` is asked to keep (``briefing.store.pg_search_queries``).

Reading a range costs a walk over every row of each of its terms (fts5vocab counts them),
so callers keep the ranges narrow: a three- or four-letter prefix holds a few dozen terms.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable

from briefing.store import pg_search_queries
from briefing.store.migrations import FTS_TOKENIZER
from briefing.store.search_index import phrase
from briefing.store.workspace import Workspace

OPEN, CLOSE = "\ue002", "\ue003"  # not the snippets' marks: a word form is read from between these
_FORM = re.compile(f"{OPEN}([^{CLOSE}]*){CLOSE}")
_VOCABULARY = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms USING fts5vocab(main, search_fts, row)"
_local = threading.local()


def index_term(word: str) -> str | None:
    """The term the index keeps for ``word`` (None for no word or several)."""
    return index_terms([word])[0]


def index_terms(words: list[str]) -> list[str | None]:
    """``index_term`` of each of ``words``, asked of the tokenizer at once."""
    if not words:
        return []
    conn = _stemmer()
    conn.executemany("INSERT INTO typed (rowid, w) VALUES (?, ?)", list(enumerate(words, 1)))
    try:
        found: dict[int, list[str]] = {}
        for term, row in conn.execute("SELECT term, doc FROM typed_terms"):
            found.setdefault(row, []).append(term)
    finally:
        conn.execute("DELETE FROM typed")
    return [terms[0] if len(terms := found.get(i, [])) == 1 else None for i in range(1, len(words) + 1)]


def _stemmer() -> sqlite3.Connection:
    """A small in-memory index with the workspace index's tokenizer, one per thread."""
    conn = getattr(_local, "conn", None)
    if conn is None:
        conn = _local.conn = sqlite3.connect(":memory:", isolation_level=None)
        conn.execute(f"CREATE VIRTUAL TABLE typed USING fts5(w, tokenize='{FTS_TOKENIZER}')")
        conn.execute("CREATE VIRTUAL TABLE typed_terms USING fts5vocab(typed, instance)")
    return conn


def count_matches(ws: Workspace, word: str, up_to: int) -> int:
    """Index rows holding ``word``, counted up to ``up_to``."""
    if ws.backend == "postgresql":
        return pg_search_queries.count_matches(ws, word, up_to)
    sql = "SELECT count(*) FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH ? LIMIT ?)"
    return ws.db.execute(sql, [phrase(word), up_to]).fetchone()[0]


def holds_any(ws: Workspace, words: list[str]) -> bool:
    """Whether some index row holds one of ``words``, asked in one statement."""
    if not words:
        return False
    if ws.backend == "postgresql":
        return pg_search_queries.holds_any(ws, words)
    sql = "SELECT 1 FROM search_fts WHERE search_fts MATCH ? LIMIT 1"
    return ws.db.execute(sql, [" OR ".join(phrase(word) for word in words)]).fetchone() is not None


def list_terms(
    ws: Workspace, ranges: list[tuple[str, str]], keep: Callable[[str], bool] = lambda term: True
) -> dict[str, int]:
    """term -> index rows holding it, for every term ``keep`` keeps after ``low`` and before
    ``high`` of each range."""
    if ws.backend == "postgresql":
        return pg_search_queries.list_terms(ws, ranges, keep)
    _make_vocabulary(ws)
    terms: dict[str, int] = {}
    for low, high in ranges:
        rows = ws.db.execute("SELECT term, doc FROM temp.search_terms WHERE term > ? AND term < ?", [low, high])
        terms.update((term, docs) for term, docs in rows.fetchall() if keep(term))
    return terms


def _make_vocabulary(ws: Workspace) -> None:
    if ws.db.execute("SELECT 1 FROM temp.sqlite_master WHERE name = 'search_terms'").fetchone():
        return
    query_only = ws.db.execute("PRAGMA query_only").fetchone()[0]
    if query_only:
        ws.db.execute("PRAGMA query_only = OFF")
    try:
        ws.db.execute(_VOCABULARY)
    finally:
        if query_only:
            ws.db.execute("PRAGMA query_only = ON")


def list_word_forms(ws: Workspace, term: str, sample: int = 20) -> Counter[str]:
    """The words the index keeps as ``term``, as written in the first ``sample`` rows holding it."""
    if ws.backend == "postgresql":
        return pg_search_queries.list_word_forms(ws, [term], sample)[term]
    sql = f"SELECT snippet(search_fts, -1, '{OPEN}', '{CLOSE}', '', 6) FROM search_fts WHERE search_fts MATCH ? LIMIT ?"
    forms: Counter[str] = Counter()
    for (snippet,) in ws.db.execute(sql, [phrase(term), sample]):
        forms.update(_FORM.findall(snippet))
    return forms


def list_word_forms_of(ws: Workspace, terms: list[str], sample: int = 20) -> dict[str, Counter[str]]:
    """term -> ``list_word_forms`` of it, for each of ``terms`` (on PostgreSQL in one statement)."""
    if ws.backend == "postgresql":
        return pg_search_queries.list_word_forms(ws, terms, sample)
    return {term: list_word_forms(ws, term, sample) for term in terms}
