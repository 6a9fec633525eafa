"""Search latency on a 1,000,000-quote workspace: the app's call against plain FTS5.

    python -m bench.search [--path P] [--repeat N] [--kinds K,...]

Builds the workspace first if needed (``bench.search_corpus``; reused once complete).
For each kind of query (single words, two words, phrases, prefixes, three kinds of
filters, CJK words, a very common word, a misspelt word) it times, on a warm cache and in one
connection opened with ``open_workspace``:

* app: ``briefing.search.engine.search(ws, text, limit=20)`` (parse, count, first page
  with snippets, facets);
* raw: ``SELECT rowid, bm25(search_fts), snippet(...) FROM search_fts WHERE search_fts
  MATCH ? ORDER BY bm25(search_fts) LIMIT 20`` with the plain FTS5 expression of the same
  query (filters as a JOIN on search_docs or a column filter),

alternating the two (each first for every other query: the second finds the pages the first
read in the cache), and prints p50/p95/p99 of each with the p95 ratio app/raw (goal <= 1.5),
then the very common words against the median single-word query (goal < 10x).
A misspelt word ("typo": a medium-frequency word with a letter dropped or two swapped
after its fourth) finds nothing, so the app also reads the index's vocabulary and searches
the correction; raw is the plain query of the word the app shows (its correction, found on
the SQLite workspace as the queries are chosen: the same on both engines), so that the
ratio is the cost of correcting, not that of another word. The run says how many typos
were corrected to the intended word (when not, the word shown is a closer or more frequent
one, and may be in many more rows than the intended one); the report, how many searches found
rows, and the typo's p50 against the single-word one.

A small run: ``--kinds "single word,typo" --part 1/3`` (a third of each kind's queries).

On PostgreSQL (``--workspace postgresql://…``, or ``--postgres`` for a private server made for
the run in a temporary folder, as the tests make theirs): the same queries, chosen from the
SQLite workspace, against a copy of it on the server (``briefing copy``, made once when the
database is empty; its search index is built when it is first opened); app is the same call,
raw is plain PostgreSQL full-text search with the index's own weights:

  ``SELECT id, ts_rank(...), ts_headline(...) FROM search_docs d, to_tsquery('briefing', ?) q
  WHERE d.doc @@ q [AND filters] ORDER BY 2 DESC LIMIT 20``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from bench.search_corpus import DEFAULT_PATH, JA_WORDS, PHRASES, ZH_WORDS, build
from briefing.search.engine import search
from briefing.search.typos import corrections
from briefing.store import Workspace
from briefing.store.copying import copy_workspace
from briefing.store.opening import open_workspace
from briefing.store.pg_search_queries import WEIGHTS
from briefing.store.pg_tsquery import tsquery_text

RAW = (
    "SELECT search_fts.rowid, bm25(search_fts), snippet(search_fts, 0, '[', ']', '…', 16) "
    "FROM search_fts{join} WHERE search_fts MATCH ?{where} ORDER BY bm25(search_fts) LIMIT 20"
)
JOIN = " JOIN search_docs d ON d.id = search_fts.rowid"
RAW_PG = (
    f"SELECT d.id, ts_rank({WEIGHTS}, d.doc, q, 1) AS rank, "
    "ts_headline('briefing', d.body, q, 'StartSel=[, StopSel=], MaxWords=16, MinWords=8, MaxFragments=1') "
    "FROM search_docs d, to_tsquery('briefing', ?) q WHERE d.doc @@ q{where} ORDER BY rank DESC LIMIT 20"
)
RATIO_GOAL, COMMON_GOAL = 1.5, 10.0
MEDIUM = (2_000, 20_000)  # index rows holding a medium-frequency word (of 1.1 million)
COMMON_ISH = (20_000, 150_000)
OUTLET_WORDS = (
    "Herald",
    "Times",
    "Ledger",
    "Wire",
    "Post",
    "Gazette",
    "Journal",
    "Daily",
    "Review",
    "Record",
    "Chronicle",
    "Tribune",
    "Press",
    "Report",
    "Star",
)
REAL_PREFIXES = (
    "govern*",
    "elect*",
    "invest*",
    "polic*",
    "econom*",
    "minist*",
    "secur*",
    "inflat*",
    "protest*",
    "hospital*",
)


@dataclass
class Probe:
    """One query as the app gets it and as plain FTS5 gets it."""

    text: str
    raw_match: str
    raw_where: str = ""
    raw_params: list = field(default_factory=list)

    def raw_sql(self) -> str:
        join = JOIN if self.raw_where else ""
        return RAW.format(join=join, where=f" AND {self.raw_where}" if self.raw_where else "")

    def raw_pg(self) -> tuple[str, list]:
        """The plain PostgreSQL full-text query and its parameters."""
        where = f" AND {self.raw_where}" if self.raw_where else ""
        return RAW_PG.replace("{where}", where), [tsquery_text(self.raw_match), *self.raw_params]


def q(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _band(ws: Workspace, low: int, high: int, count: int, offset: int = 0) -> list[str]:
    """``count`` words whose index term is in ``low``..``high`` rows, spread over the band."""
    rows = ws.db.execute(
        "SELECT word FROM bench_words WHERE docs BETWEEN ? AND ? AND word = term ORDER BY rank", [low, high]
    ).fetchall()
    words = [r[0] for r in rows]
    step = max(1, len(words) // count)
    return [words[(offset + i * step) % len(words)] for i in range(count)]


def _speakers(ws: Workspace, count: int) -> list[str]:
    rows = ws.db.execute(
        "SELECT e.name FROM quotes q JOIN entities e ON e.id = q.speaker_id WHERE e.id <= 4900 "
        "GROUP BY q.speaker_id ORDER BY count(*) DESC, e.id LIMIT 200"
    ).fetchall()
    return [rows[i * 200 // count][0] for i in range(count)]


def misspelt(word: str, i: int) -> str:
    """``word`` with a letter after its fourth dropped (even ``i``) or two swapped (odd)."""
    at = 4 + i % max(1, len(word) - 5)
    if i % 2 == 0:
        return word[:at] + word[at + 1 :]
    return word[:at] + word[at + 1] + word[at] + word[at + 2 :]


def typo_probes(ws: Workspace, words: list[str]) -> list[Probe]:
    """A misspelling of each of ``words`` of seven letters or more, with the plain query of the
    word the search shows for it (the intended word when it finds no correction)."""
    typed = {misspelt(w, i): w for i, w in enumerate(words) if len(w) >= 7}
    shown = corrections(ws, list(typed))
    intended = sum(1 for t, w in typed.items() if shown.get(t, "").lower() == w)
    print(f"misspelt words: {intended} of {len(typed)} corrected to the intended word", flush=True)
    return [Probe(t, q(shown.get(t, w))) for t, w in typed.items()]


def probes(ws: Workspace) -> dict[str, list[Probe]]:
    """The queries of every kind, chosen from the workspace's word counts (deterministic)."""
    medium = _band(ws, *MEDIUM, 30)
    other = _band(ws, *MEDIUM, 30, offset=7)
    common = _band(ws, *COMMON_ISH, 30)
    cjk = ZH_WORDS[:15] + JA_WORDS[:15]
    very_common = [r[0] for r in ws.db.execute("SELECT word FROM bench_words ORDER BY docs DESC LIMIT 6")]
    synthetic = [w[: max(4, len(w) - 2)] + "*" for w in _band(ws, *MEDIUM, 20, offset=3)]
    kinds = {
        "single word": [Probe(w, q(w)) for w in medium],
        "two words": [Probe(f"{a} {b}", f"{q(a)} AND {q(b)}") for a, b in zip(common, other, strict=True)],
        "phrase": [Probe(f'"{p}"', q(p)) for p in PHRASES],
        "prefix": [Probe(p, q(p[:-1]) + "*") for p in list(REAL_PREFIXES) + synthetic],
        "speaker:": [],
        "type:quote from: to:": [],
        "outlet:": [],
        "cjk word": [Probe(w, q(" ".join(w))) for w in cjk],
        "very common": [Probe(w, q(w)) for w in very_common * 5],
        "typo": typo_probes(ws, medium),
    }
    for i, name in enumerate(_speakers(ws, 30)):
        shown = f'"{name}"' if i % 2 == 0 else name.split()[-1]
        kinds["speaker:"].append(
            Probe(f"speaker:{shown} {common[i]}", f"{q(common[i])} AND speaker : {q(shown.strip(chr(34)))}")
        )
    for i, word in enumerate(medium):
        begin = (2018 + i % 7) * 12 + i % 12  # months since year 0; 6 to 18 months long
        end = begin + 6 + i % 13
        first, last = f"{begin // 12}-{begin % 12 + 1:02d}-01", f"{end // 12}-{end % 12 + 1:02d}-28"
        kinds["type:quote from: to:"].append(
            Probe(
                f"type:quote from:{first} to:{last} {word}",
                q(word),
                "d.kind = 'quote' AND d.published >= ? AND d.published <= ?",
                [first, last],
            )
        )
    for i, word in enumerate(other):
        outlet = OUTLET_WORDS[i % len(OUTLET_WORDS)]
        kinds["outlet:"].append(Probe(f"outlet:{outlet} {word}", q(word), "d.outlet LIKE ?", [f"%{outlet}%"]))
    return kinds


def _timed(fn: Callable[..., object], *args: object) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn(*args)
    return (time.perf_counter() - start) * 1000, result


def warm(path: Path) -> None:
    """Read the whole file once, so that the OS cache holds it (it fits: 1.8 GB)."""
    with path.open("rb") as handle:
        while handle.read(1 << 24):
            pass


def run_kind(ws: Workspace, items: list[Probe], repeat: int) -> dict[str, list[float]]:
    """Warm with the first query, then time app and raw alternately, ``repeat`` times each query."""

    def app(p: Probe) -> Callable[[], object]:
        return lambda: search(ws, p.text, limit=20).page.total

    def raw(p: Probe) -> Callable[[], object]:
        if ws.backend == "postgresql":
            sql, params = p.raw_pg()
            return lambda: ws.db.execute(sql, params).fetchall()
        return lambda: ws.db.execute(p.raw_sql(), [p.raw_match, *p.raw_params]).fetchall()

    out: dict[str, list] = {"app": [], "raw": [], "total": []}
    for p in items[:1]:
        app(p)()
        raw(p)()
    for _ in range(repeat):
        for i, p in enumerate(items):
            # whichever runs second finds the pages the first read in the server's buffers, so
            # each goes first for every other query
            if i % 2:
                out["raw"].append(_timed(raw(p))[0])
            elapsed, total = _timed(app(p))
            out["app"].append(elapsed)
            out["total"].append(float(total))  # type: ignore[arg-type]
            if not i % 2:
                out["raw"].append(_timed(raw(p))[0])
    return out


def pct(values: list[float], p: float) -> float:
    return float(np.percentile(values, p))


def report(results: dict[str, dict]) -> None:
    print(
        f"\n{'kind':22} {'runs':>4} {'matches':>8} | {'app p50':>8} {'p95':>7} {'p99':>7} | "
        f"{'raw p50':>8} {'p95':>7} {'p99':>7} | {'p95 app/raw':>11}  goal <= {RATIO_GOAL}"
    )
    for kind, r in results.items():
        ratio = pct(r["app"], 95) / pct(r["raw"], 95)
        print(
            f"{kind:22} {len(r['app']):4d} {statistics.median(r['total']):8.0f} | "
            f"{pct(r['app'], 50):8.1f} {pct(r['app'], 95):7.1f} {pct(r['app'], 99):7.1f} | "
            f"{pct(r['raw'], 50):8.1f} {pct(r['raw'], 95):7.1f} {pct(r['raw'], 99):7.1f} | "
            f"{ratio:11.2f}  {'PASS' if ratio <= RATIO_GOAL else 'BELOW'}"
        )
    if "very common" in results and "single word" in results:
        common, single = results["very common"], results["single word"]
        ratio = pct(common["app"], 50) / pct(single["app"], 50)
        print(
            f"\nvery common words ({', '.join(common['queries'])}): {int(min(common['total'])):,}-"
            f"{int(max(common['total'])):,} matches; app first page p50 {pct(common['app'], 50):.1f} ms = "
            f"{ratio:.2f}x the median single-word query ({pct(single['app'], 50):.1f} ms); "
            f"goal < {COMMON_GOAL:.0f}x: {'PASS' if ratio < COMMON_GOAL else 'BELOW'}"
        )
    if "typo" in results and "single word" in results:
        typo, single = results["typo"], results["single word"]
        found = sum(1 for total in typo["total"] if total > 0)
        print(
            f"\nmisspelt words: {found} of {len(typo['total'])} searches were corrected to a word with rows; app p50 "
            f"{pct(typo['app'], 50):.1f} ms, p95 {pct(typo['app'], 95):.1f} ms = "
            f"{pct(typo['app'], 50) / pct(single['app'], 50):.2f}x the median single-word query"
        )


def _merged(parts: dict[str, dict[str, list]]) -> dict[str, list]:
    """The timings of every part of one kind, together."""
    return {key: [v for timings in parts.values() for v in timings[key]] for key in ("app", "raw", "total", "queries")}


def _team_workspace_at(conninfo: str, path: Path) -> Workspace:
    """The team workspace at ``conninfo``, a copy of the SQLite one at ``path`` made first when the
    database holds none (its search index is built as it is first opened)."""
    ws = open_workspace(conninfo)
    if ws.db.execute("SELECT count(*) FROM sources").fetchone()[0]:
        return ws
    ws.close()
    started = time.perf_counter()
    print(copy_workspace(str(path), conninfo).line(), f"({time.perf_counter() - started:.0f} s)", flush=True)
    started = time.perf_counter()
    ws = open_workspace(conninfo)
    print(f"search index built on first open: {time.perf_counter() - started:.0f} s", flush=True)
    return ws


def warm_server(ws: Workspace) -> None:
    """Read the index's tables into the OS cache (pg_prewarm), as ``warm`` reads the file."""
    ws.db.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
    relations = "'search_docs', 'idx_search_docs_doc', 'sources', 'entities', 'quotes'"
    for (oid,) in ws.db.execute(
        f"SELECT oid FROM pg_class WHERE relname IN ({relations}) UNION "
        f"SELECT reltoastrelid FROM pg_class WHERE relname IN ({relations}) AND reltoastrelid <> 0"
    ).fetchall():
        ws.db.execute("SELECT pg_prewarm(?::oid::regclass, 'read')", [oid])
    size = ws.db.execute("SELECT pg_total_relation_size('search_docs')").fetchone()[0]
    print(f"search index on the server: {size / 1e9:.2f} GB", flush=True)


@contextmanager
def team_workspace(conninfo: str | None, path: Path) -> Iterator[Workspace]:
    """The workspace at ``conninfo``, or on a private server made for the run (None)."""
    server = None
    if conninfo is None:
        from tests.postgres_server import PostgresServer, find_bin_dir

        bin_dir = find_bin_dir()
        if bin_dir is None:
            raise SystemExit("--postgres: PostgreSQL is not installed (initdb, pg_ctl)")
        server = PostgresServer(bin_dir).start()
        conninfo = server.new_database()
    try:
        ws = _team_workspace_at(conninfo, path)
        try:
            warm_server(ws)
            yield ws
        finally:
            ws.close()
    finally:
        if server is not None:
            server.stop()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--path", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--repeat", type=int, default=1, help="timed passes over each kind's 30-40 queries")
    parser.add_argument("--kinds", help="comma-separated subset of kinds (default: all)")
    parser.add_argument(
        "--results",
        type=Path,
        help="merge this run's timings into this JSON file and report "
        "every kind in it (to spread the kinds over several runs)",
    )
    parser.add_argument(
        "--part",
        default="1/1",
        metavar="K/N",
        help="time only the K-th of N slices of each kind's queries (with --results)",
    )
    team = parser.add_mutually_exclusive_group()
    team.add_argument("--workspace", metavar="CONNINFO", help="a PostgreSQL database: search a copy there")
    team.add_argument("--postgres", action="store_true", help="search a copy on a private server made for the run")
    args = parser.parse_args(argv)
    if not build(args.path):
        raise SystemExit("the workspace is not complete yet; run again to continue building it")
    with open_workspace(args.path) as ws:
        kinds = probes(ws)
    if args.workspace or args.postgres:
        with team_workspace(args.workspace, args.path) as ws:
            time_kinds(ws, kinds, args)
        return
    warm(args.path)
    with open_workspace(args.path) as ws:
        time_kinds(ws, kinds, args)


def time_kinds(ws: Workspace, kinds: dict[str, list[Probe]], args: argparse.Namespace) -> None:
    wanted = args.kinds.split(",") if args.kinds else list(kinds)
    stored = json.loads(args.results.read_text()) if args.results and args.results.exists() else {}
    part, parts = (int(n) for n in args.part.split("/"))
    for kind in wanted:
        started = time.perf_counter()
        items = kinds[kind][part - 1 :: parts]
        timings = run_kind(ws, items, args.repeat)
        timings["queries"] = sorted({p.text for p in items})
        stored.setdefault(kind, {})[args.part] = timings
        print(f"{kind}: {len(items)} queries, {time.perf_counter() - started:.0f} s", flush=True)
    if args.results:
        args.results.write_text(json.dumps(stored))
    print(f"\n{ws.backend}: {ws.name}")
    report({kind: _merged(stored[kind]) for kind in kinds if kind in stored})


if __name__ == "__main__":
    main()
