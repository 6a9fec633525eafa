"""Search latency on a 1,000,000-quote workspace: the app's call against plain FTS5.

    python -m bench.search [--path P] [--repeat N] [--profile]

Builds the workspace first if needed (``bench.search_corpus``; reused once complete).
For each kind of query (single words, two words, phrases, prefixes, three kinds of
filters, CJK words, a very common word) it times, on a warm cache and in one
connection opened with ``open_workspace``:

* app: ``briefing.search.engine.search(ws, text, limit=20)`` (parse, count, first page
  with snippets, facets);
* raw: ``SELECT rowid, bm25(search_fts), snippet(...) FROM search_fts WHERE search_fts
  MATCH ? ORDER BY bm25(search_fts) LIMIT 20`` with the plain FTS5 expression of the same
  query (filters as a JOIN on search_docs or a column filter),

alternating the two, and prints p50/p95/p99 of each with the p95 ratio app/raw (goal
<= 1.5), then the very common words against the median single-word query (goal < 10x).
``--profile`` also times the parts of ``search_index`` (count, page, facets) per kind.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from bench.search_corpus import DEFAULT_PATH, JA_WORDS, PHRASES, ZH_WORDS, build
from briefing.search.engine import _expression, search
from briefing.search.query import parse
from briefing.store import Workspace
from briefing.store import search_queries as sq
from briefing.store.workspace import open_workspace

RAW = ("SELECT search_fts.rowid, bm25(search_fts), snippet(search_fts, 0, '[', ']', '…', 16) "
       "FROM search_fts{join} WHERE search_fts MATCH ?{where} ORDER BY bm25(search_fts) LIMIT 20")
JOIN = " JOIN search_docs d ON d.id = search_fts.rowid"
RATIO_GOAL, COMMON_GOAL = 1.5, 10.0
MEDIUM = (2_000, 20_000)  # index rows holding a medium-frequency word (of 1.1 million)
COMMON_ISH = (20_000, 150_000)
OUTLET_WORDS = ("Herald", "Times", "Ledger", "Wire", "Post", "Gazette", "Journal", "Daily", "Review", "Record",
                "Chronicle", "Tribune", "Press", "Report", "Star")
REAL_PREFIXES = ("govern*", "elect*", "invest*", "polic*", "econom*", "minist*", "secur*", "inflat*", "protest*",
                 "hospital*")


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


def q(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _band(ws: Workspace, low: int, high: int, count: int, offset: int = 0) -> list[str]:
    """``count`` words whose index term is in ``low``..``high`` rows, spread over the band."""
    rows = ws.db.execute("SELECT word FROM bench_words WHERE docs BETWEEN ? AND ? AND word = term ORDER BY rank",
                         [low, high]).fetchall()
    words = [r[0] for r in rows]
    step = max(1, len(words) // count)
    return [words[(offset + i * step) % len(words)] for i in range(count)]


def _speakers(ws: Workspace, count: int) -> list[str]:
    rows = ws.db.execute("SELECT e.name FROM quotes q JOIN entities e ON e.id = q.speaker_id WHERE e.id <= 4900 "
                         "GROUP BY q.speaker_id ORDER BY count(*) DESC, e.id LIMIT 200").fetchall()
    return [rows[i * 200 // count][0] for i in range(count)]


def probes(ws: Workspace) -> dict[str, list[Probe]]:
    """The queries of every kind, chosen from the workspace's word counts (deterministic)."""
    medium = _band(ws, *MEDIUM, 30)
    other = _band(ws, *MEDIUM, 30, offset=7)
    common = _band(ws, *COMMON_ISH, 30)
    cjk = (ZH_WORDS[:15] + JA_WORDS[:15])
    very_common = [r[0] for r in ws.db.execute("SELECT word FROM bench_words ORDER BY docs DESC LIMIT 6")]
    synthetic = [w[:max(4, len(w) - 2)] + "*" for w in _band(ws, *MEDIUM, 20, offset=3)]
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
    }
    for i, name in enumerate(_speakers(ws, 30)):
        shown = f'"{name}"' if i % 2 == 0 else name.split()[-1]
        kinds["speaker:"].append(Probe(f"speaker:{shown} {common[i]}",
                                       f"{q(common[i])} AND speaker : {q(shown.strip(chr(34)))}"))
    for i, word in enumerate(medium):
        begin = (2018 + i % 7) * 12 + i % 12  # months since year 0; 6 to 18 months long
        end = begin + 6 + i % 13
        first, last = f"{begin // 12}-{begin % 12 + 1:02d}-01", f"{end // 12}-{end % 12 + 1:02d}-28"
        kinds["type:quote from: to:"].append(Probe(
            f"type:quote from:{first} to:{last} {word}", q(word),
            "d.kind = 'quote' AND d.published >= ? AND d.published <= ?", [first, last]))
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
    """Warm with the first queries, then time app and raw alternately, ``repeat`` times each query."""
    def app(p: Probe) -> Callable[[], object]:
        return lambda: search(ws, p.text, limit=20).page.total

    def raw(p: Probe) -> Callable[[], object]:
        return lambda: ws.db.execute(p.raw_sql(), [p.raw_match, *p.raw_params]).fetchall()

    out: dict[str, list] = {"app": [], "raw": [], "total": []}
    for p in items[:1]:
        app(p)()
        raw(p)()
    for _ in range(repeat):
        for p in items:
            elapsed, total = _timed(app(p))
            out["app"].append(elapsed)
            out["total"].append(float(total))  # type: ignore[arg-type]
            out["raw"].append(_timed(raw(p))[0])
    return out


def pct(values: list[float], p: float) -> float:
    return float(np.percentile(values, p))


def profile_kind(ws: Workspace, items: list[Probe]) -> dict[str, float]:
    """p50 (ms) of each part of search_index and of the proposed search; p95 ratios to raw."""
    parts: dict[str, list[float]] = {name: [] for name in PARTS + ("raw",)}
    for p in items:
        elapsed, query = _timed(parse, p.text)
        parts["parse"].append(elapsed)
        match = _expression(query)  # type: ignore[arg-type]
        where, params = sq._filters(query.filters)  # type: ignore[attr-defined]
        elapsed, total = _timed(sq._count, ws, match, where, params)
        parts["count"].append(elapsed)
        ranked = total <= sq.RANK_LIMIT  # type: ignore[operator]
        parts["page"].append(_timed(sq._matches, ws, match, where, params, 21, None, ranked)[0])
        parts["facets"].append(_current_facets(ws, match, where, params, total))
        parts["page'"].append(_timed(matches_proposed, ws, match, where, params, 21, ranked)[0])
        elapsed, rows = _timed(facet_rows, ws, match, where, params)
        parts["facets'"].append(elapsed + _timed(facets_from, ws, rows)[0])
        parts["app'"].append(_timed(search_proposed, ws, p.text)[0])
        parts["raw"].append(_timed(lambda s, v: ws.db.execute(s, v).fetchall(), p.raw_sql(),
                                   [p.raw_match, *p.raw_params])[0])
    summary = {name: statistics.median(values) for name, values in parts.items()}
    now = [sum(v) for v in zip(*(parts[n] for n in ("parse", "count", "page", "facets")), strict=True)]
    summary["p95 now/raw"] = pct(now, 95) / pct(parts["raw"], 95)
    summary["p95 proposed/raw"] = pct(parts["app'"], 95) / pct(parts["raw"], 95)
    return summary


def _current_facets(ws: Workspace, match: str, where: list[str], params: list, total: int) -> float:
    """ms for the facets as search_queries computes them (before or after its one-pass change)."""
    if hasattr(sq, "_facets"):
        return _timed(sq._facets, ws, match, where, params, total)[0]
    elapsed, sample = _timed(sq._facet_sample, ws, match, where, params)
    return elapsed + _timed(sq._facets_from, ws, sample)[0]


PARTS = ("parse", "count", "page", "facets", "page'", "facets'", "app'")
_FROM = "FROM search_fts CROSS JOIN search_docs d ON d.id = search_fts.rowid"  # CROSS: the index drives


def search_proposed(ws: Workspace, text: str, limit: int = 20) -> tuple[int, list, dict]:
    """search() with the changes proposed: one facet pass that also counts (when under FACET_LIMIT),
    FTS5 always driving the join, and the page ranked before anything is joined or snippeted."""
    query = parse(text)
    match = _expression(query)
    assert match is not None
    where, params = sq._filters(query.filters)  # type: ignore[attr-defined]
    rows = facet_rows(ws, match, where, params)
    total = len(rows) if len(rows) < sq.FACET_LIMIT else count_proposed(ws, match, where, params)
    hits = matches_proposed(ws, match, where, params, limit + 1, total <= sq.RANK_LIMIT)
    return total, hits, facets_from(ws, rows)


def count_proposed(ws: Workspace, match: str, where: list[str], params: list) -> int:
    """_count with the join order fixed, so a kind IN (...) filter cannot drive the query."""
    if not where:
        return sq._count(ws, match, where, params)  # type: ignore[attr-defined]
    sql = f"SELECT count(*) {_FROM} WHERE {' AND '.join(['search_fts MATCH ?', *where])}"
    return ws.db.execute(sql, [match, *params]).fetchone()[0]


def matches_proposed(ws: Workspace, match: str, where: list[str], params: list, limit: int, ranked: bool) -> list:
    """_matches (first page) with FTS5 driving and nothing joined before the LIMIT: rank (or list) the
    rowids with their snippets, then read the page's search_docs / sources / entities rows by id."""
    conditions = " AND ".join(["search_fts MATCH ?", *where])
    snippet = f"snippet(search_fts, 0, '{sq.OPEN}', '{sq.CLOSE}', '…', {sq.SNIPPET_TOKENS})"
    score, order = (sq.BM25, f"{sq.BM25}, search_fts.rowid") if ranked else ("0", "search_fts.rowid DESC")
    top = ws.db.execute(f"SELECT search_fts.rowid, {snippet}, {score} {_FROM if where else 'FROM search_fts'} "
                        f"WHERE {conditions} ORDER BY {order} LIMIT ?", [match, *params, limit]).fetchall()
    ids = [r[0] for r in top]
    facts = {r[-1]: r[:-1] for r in ws.db.execute(
        f"SELECT {sq._COLUMNS}, d.id FROM search_docs d {sq._JOINS} WHERE d.id IN ({', '.join('?' * len(ids))})",
        ids).fetchall()}
    return [(*facts[rowid], snippet_text, rowid, rank) for rowid, snippet_text, rank in top]


def facet_rows(ws: Workspace, match: str, where: list[str], params: list) -> list[tuple]:
    """The facts of the first FACET_LIMIT matches, read once (instead of once per facet)."""
    return ws.db.execute(f"SELECT d.kind, d.status, d.source_id, d.speaker_id {_FROM} "
                         f"WHERE {' AND '.join(['search_fts MATCH ?', *where])} LIMIT {sq.FACET_LIMIT}",
                         [match, *params]).fetchall()


def facets_from(ws: Workspace, rows: list[tuple]) -> dict[str, list[tuple[str, int]]]:
    """_facet_counts from those rows; titles and names are looked up for the top ten only."""
    kinds, statuses, sources, speakers = (Counter(r[i] for r in rows if r[i] is not None) for i in range(4))
    facets = {"type": kinds.most_common(), "status": statuses.most_common()}
    for name, counts, table, column in (("source", sources, "sources", "title"),
                                        ("speaker", speakers, "entities", "name")):
        top = counts.most_common(10)
        names = dict(ws.db.execute(f"SELECT id, {column} FROM {table} WHERE id IN ({', '.join('?' * len(top))})",
                                   [i for i, _ in top]).fetchall())
        facets[name] = [(str(names.get(i) or "(untitled)"), n) for i, n in top]
    return facets


def report(results: dict[str, dict]) -> None:
    print(f"\n{'kind':22} {'runs':>4} {'matches':>8} | {'app p50':>8} {'p95':>7} {'p99':>7} | "
          f"{'raw p50':>8} {'p95':>7} {'p99':>7} | {'p95 app/raw':>11}  goal <= {RATIO_GOAL}")
    for kind, r in results.items():
        ratio = pct(r["app"], 95) / pct(r["raw"], 95)
        print(f"{kind:22} {len(r['app']):4d} {statistics.median(r['total']):8.0f} | "
              f"{pct(r['app'], 50):8.1f} {pct(r['app'], 95):7.1f} {pct(r['app'], 99):7.1f} | "
              f"{pct(r['raw'], 50):8.1f} {pct(r['raw'], 95):7.1f} {pct(r['raw'], 99):7.1f} | "
              f"{ratio:11.2f}  {'PASS' if ratio <= RATIO_GOAL else 'BELOW'}")
    if "very common" in results and "single word" in results:
        common, single = results["very common"], results["single word"]
        ratio = pct(common["app"], 50) / pct(single["app"], 50)
        print(f"\nvery common words ({', '.join(common['queries'])}): {int(min(common['total'])):,}-"
              f"{int(max(common['total'])):,} matches; app first page p50 {pct(common['app'], 50):.1f} ms = "
              f"{ratio:.2f}x the median single-word query ({pct(single['app'], 50):.1f} ms); "
              f"goal < {COMMON_GOAL:.0f}x: {'PASS' if ratio < COMMON_GOAL else 'BELOW'}")


def _merged(parts: dict[str, dict[str, list]]) -> dict[str, list]:
    """The timings of every part of one kind, together."""
    return {key: [v for timings in parts.values() for v in timings[key]] for key in ("app", "raw", "total", "queries")}


def profile(ws: Workspace, kinds: dict[str, list[Probe]], wanted: list[str], per_kind: int) -> None:
    print(f"\nparts of search_index, p50 ms over {per_kind} queries per kind; ' = as proposed in this module")
    print(f"{'kind':22} " + " ".join(f"{name:>8}" for name in PARTS) + "  p95 app/raw: now  proposed")
    for kind in wanted:
        parts = profile_kind(ws, kinds[kind][:per_kind])
        print(f"{kind:22} " + " ".join(f"{parts[name]:8.1f}" for name in PARTS)
              + f"  {parts['p95 now/raw']:15.2f} {parts['p95 proposed/raw']:9.2f}  (raw p50 {parts['raw']:.1f})",
              flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--path", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--repeat", type=int, default=1,
                        help="timed passes over each kind's 30-40 queries (0: only --profile)")
    parser.add_argument("--kinds", help="comma-separated subset of kinds (default: all)")
    parser.add_argument("--results", type=Path, help="merge this run's timings into this JSON file and report "
                        "every kind in it (to spread the kinds over several runs)")
    parser.add_argument("--part", default="1/1", metavar="K/N",
                        help="time only the K-th of N slices of each kind's queries (with --results)")
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="also time count / page / facets (current and proposed) on N queries per kind")
    args = parser.parse_args(argv)
    if not build(args.path):
        raise SystemExit("the workspace is not complete yet; run again to continue building it")
    warm(args.path)
    with open_workspace(args.path) as ws:
        kinds = probes(ws)
        wanted = args.kinds.split(",") if args.kinds else list(kinds)
        stored = json.loads(args.results.read_text()) if args.results and args.results.exists() else {}
        part, parts = (int(n) for n in args.part.split("/"))
        for kind in wanted if args.repeat else []:
            started = time.perf_counter()
            items = kinds[kind][part - 1::parts]
            timings = run_kind(ws, items, args.repeat)
            timings["queries"] = sorted({p.text for p in items})
            stored.setdefault(kind, {})[args.part] = timings
            print(f"{kind}: {len(items)} queries, {time.perf_counter() - started:.0f} s", flush=True)
        if args.results:
            args.results.write_text(json.dumps(stored))
        if args.repeat:
            report({kind: _merged(stored[kind]) for kind in kinds if kind in stored})
        if args.profile:
            profile(ws, kinds, wanted, args.profile)


if __name__ == "__main__":
    main()
