"""Related sources and relations for claims, measured on FNC-1's train split.

    python -m bench.claim_related DATA_DIR [--limit N]

DATA_DIR holds FNC-1's ``train_stances.csv`` (Headline, Body ID, Stance: agree, disagree,
discuss, unrelated; copies that write Body_ID and 0-3 are read too) and ``train_bodies.csv``
(Body ID, articleBody); the competition's
test files are never read. Train is split by body: bodies with ``Body_ID % 5 == 0`` and their
pairs are the held-out part, the rest the dev part the rules were tuned on. Each part is its
own workspace: its bodies are the sources, split into sentences by a regular-expression proxy
of the app's splitter (paragraphs, then sentence ends), and each distinct headline is a claim
from none of them.

Reported per part:
- success@1/3/5: a body labelled agree, disagree or discuss for the headline is among the first
  k sources, for Briefing (lexical, then semantic re-ranking of ten candidates when the model is
  installed, as for a claim the analyst makes; "on opening": the five suggestions the analysis
  stores, re-ranked as when a claim is opened) and a plain BM25 baseline over the same sentences
  (best sentence per source, no length prior, no furniture filter);
- relation accuracy on the related pairs (agree -> supports, disagree -> contradicts,
  discuss -> related) of the passage Briefing shows for that body, read with the body as its
  source text, beside the best constant answer, and how often "contradicts" and "supports" are
  said with their precision and recall (the relation model is fitted on the dev part only, by
  ``bench/fit_relation_weights.py``: dev figures are in-sample, held-out ones are the measure);
- "supports" and "contradicts" on the five suggestions the analysis stores per claim, where a
  passage of another story counts as wrong (a workspace's suggestions are mostly other stories;
  the pairs above are all of the claim's own);
- seconds per claim of the semantic re-ranking on one core (model loaded beforehand).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from briefing.nlp import embeddings
from briefing.nlp.related import RERANK_CANDIDATES, TOP_SOURCES, Passage, PassageIndex, rerank, terms
from briefing.nlp.relation import ClaimSides
from briefing.nlp.relation_rules import RULES

# FNC-1's labels, and the digits some copies of its train split use for them
STANCES = {"0": "agree", "1": "disagree", "2": "discuss", "3": "unrelated"} | {
    label: label for label in ("agree", "disagree", "discuss", "unrelated")
}


def body_number(row: dict[str, str]) -> int:
    """FNC-1 names the column "Body ID"; some copies say "Body_ID"."""
    return int(row["Body ID"] if "Body ID" in row else row["Body_ID"])


GOLD_RELATION = {"agree": "supports", "disagree": "contradicts", "discuss": "related"}
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")
KS = (1, 3, 5)


@dataclass
class Part:
    name: str
    bodies: dict[int, str]
    related: dict[str, dict[int, str]] = field(default_factory=dict)  # headline -> body -> stance

    def stories(self, pairs: dict[str, set[int]]) -> dict[str, set[int]]:
        """Each headline's story: this part's bodies linked to it through shared headlines over
        ``pairs``, every related pair of the train split (FNC-1 pairs a headline with only some
        of the bodies of its story, so a top body of the same story that was paired with another
        headline counts as unlabelled, not as wrong; linking over the whole split keeps a story
        whole when the bodies that join it fell in the other part)."""
        parent: dict[Any, Any] = {}

        def root(node: Any) -> Any:
            while parent.setdefault(node, node) != node:
                node = parent[node]
            return node

        for headline, bodies in pairs.items():
            for body in bodies:
                parent[root(("h", headline))] = root(("b", body))
        members: dict[Any, set[int]] = defaultdict(set)
        for bodies in pairs.values():
            for body in bodies:
                if body in self.bodies:
                    members[root(("b", body))].add(body)
        return {headline: members[root(("h", headline))] for headline in self.related}


def read_parts(data_dir: Path) -> list[Part]:
    csv.field_size_limit(sys.maxsize)
    with open(data_dir / "train_bodies.csv", encoding="utf-8", newline="") as handle:
        bodies = {body_number(row): row["articleBody"] for row in csv.DictReader(handle)}
    parts = [Part("dev", {}), Part("held-out", {})]
    for body_id, text in bodies.items():
        parts[body_id % 5 == 0].bodies[body_id] = text
    with open(data_dir / "train_stances.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            stance, body = STANCES[row["Stance"].strip()], body_number(row)
            if stance != "unrelated":
                parts[body % 5 == 0].related.setdefault(row["Headline"], {})[body] = stance
    return parts


def split_sentences(source_id: int, text: str) -> Iterator[Passage]:
    """Paragraphs (lines), then sentence ends followed by a capital: a proxy of the app's splitter."""
    for paragraph in re.finditer(r"[^\n]+", text):
        start = paragraph.start()
        for piece in SENTENCE_END.split(paragraph.group()):
            at = text.index(piece, start) if piece else start
            if piece.strip():
                yield Passage(source_id, at, at + len(piece), piece)
            start = at + len(piece)


class PlainBM25:
    """The baseline: BM25 over every sentence, each source ranked by its best sentence."""

    def __init__(self, passages: list[Passage], k1: float = 1.2, b: float = 0.75):
        self.sources = np.array([p.source_id for p in passages])
        counted = [Counter(terms(p.text)) for p in passages]
        lengths = np.array([sum(c.values()) for c in counted], dtype=np.float32)
        norm = k1 * (1 - b + b * lengths / max(1.0, float(lengths.mean())))
        postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for i, c in enumerate(counted):
            for term, n in c.items():
                postings[term].append((i, n))
        self.weights = {}
        for term, rows in postings.items():
            ids = np.array([r[0] for r in rows])
            tf = np.array([r[1] for r in rows], dtype=np.float32)
            idf = np.log(1 + (len(passages) - len(ids) + 0.5) / (len(ids) + 0.5))
            self.weights[term] = (ids, idf * tf * (k1 + 1) / (tf + norm[ids]))

    def ranked_sources(self, claim: str, top_n: int) -> list[int]:
        scores = np.zeros(len(self.sources), dtype=np.float32)
        for term in set(terms(claim)):
            if term in self.weights:
                ids, weights = self.weights[term]
                scores[ids] += weights
        order = np.argsort(-scores, kind="stable")
        order = order[scores[order] > 0]
        seen: list[int] = []
        for source in self.sources[order]:
            if int(source) not in seen:
                seen.append(int(source))
                if len(seen) == top_n:
                    break
        return seen


class _Memo:
    """An embedding function that embeds each text once (the app embeds a claim's stored
    suggestions again on opening; here they are the first of the candidates just embedded)."""

    def __init__(self, embed):
        self.embed, self.vectors = embed, {}

    def __call__(self, texts):
        missing = [t for t in dict.fromkeys(texts) if t not in self.vectors]
        if missing:
            self.vectors.update(zip(missing, self.embed(missing), strict=True))
        return np.array([self.vectors[t] for t in texts])


def best_passage(index: PassageIndex, scores: np.ndarray, claim_terms: set[str], source_id: int) -> Passage | None:
    """The passage Briefing would show for this source: its best sentence, widened."""
    mine = np.flatnonzero(index.sources == source_id)
    if not len(mine) or scores[mine].max() <= 0:
        return None
    best = int(mine[np.argmax(scores[mine])])
    return index._widened(best, claim_terms)[0]


def success(ranked: list[int], gold: set[int]) -> dict[int, bool]:
    return {k: bool(gold.intersection(ranked[:k])) for k in KS}


def measure_part(part: Part, limit: int | None, semantic: bool, all_pairs: dict[str, set[int]]) -> dict[str, Any]:
    passages = [p for body_id, text in part.bodies.items() for p in split_sentences(body_id, text)]
    started = time.perf_counter()
    index = PassageIndex(passages)
    build_s = time.perf_counter() - started
    baseline = PlainBM25(passages)
    claims = sorted(part.related)[:limit]
    names = ("briefing", "opened", "lexical", "bm25")
    hits: dict[str, Counter] = {name: Counter() for name in names}
    story_hits: dict[str, Counter] = {name: Counter() for name in names}
    stories = part.stories(all_pairs)
    confusion: Counter = Counter()
    shown: Counter = Counter()  # (said, right) over the suggestions the analysis stores
    by_rule: Counter = Counter()  # (rule, gold) -> pairs where the rule fired
    rerank_s = relation_s = 0.0
    misses: list[tuple[str, int | None, set[int]]] = []  # claim, Briefing's first source, its story
    for claim in claims:
        gold = set(part.related[claim])
        candidates = index.candidates(claim, exclude_source=-1, top_n=RERANK_CANDIDATES)
        lexical = [p.source_id for p, _ in candidates]
        final = opened = lexical
        if semantic:
            embed = _Memo(embeddings.embed)
            started = time.perf_counter()
            final = [s.passage.source_id for s in rerank(claim, candidates, embed)]
            rerank_s += time.perf_counter() - started
            # the app on opening a claim: its five stored suggestions, re-ranked the same way
            opened = [s.passage.source_id for s in rerank(claim, candidates[:TOP_SOURCES], embed)]
        ranked_by = {"briefing": final, "opened": opened, "lexical": lexical, "bm25": baseline.ranked_sources(claim, 5)}
        for name, ranked in ranked_by.items():
            hits[name].update(k for k, hit in success(ranked, gold).items() if hit)
            story_hits[name].update(k for k, hit in success(ranked, stories[claim]).items() if hit)
        if not success(final, stories[claim])[1]:
            misses.append((claim, final[0] if final else None, stories[claim]))
        shown.update(shown_relations(index, claim, part.related[claim], stories[claim]))
        started = time.perf_counter()
        said_relations = list(relations(index, claim, part.related[claim]))
        relation_s += time.perf_counter() - started
        for gold_relation, said, rule in said_relations:
            confusion[(gold_relation, said)] += 1
            if rule:
                by_rule[(rule, gold_relation)] += 1
    result = report(part, claims, hits, confusion, build_s, rerank_s if semantic else None, len(passages))
    result["rules"] = rule_breakdown(by_rule)
    result["shown"] = {
        said: {"said": shown[(said, True)] + shown[(said, False)], "right": shown[(said, True)]}
        for said in ("supports", "contradicts")
    }
    result["relation_ms_per_pair"] = round(1000 * relation_s / max(1, sum(confusion.values())), 2)
    result["story_misses"] = [
        {
            "claim": claim,
            "first": part.bodies.get(first, "")[:300] if first is not None else "",
            "story": [part.bodies[body][:300] for body in sorted(story)[:2]],
        }
        for claim, first, story in misses
    ]
    result["success_story"] = {
        name: {k: round(c[k] / max(1, len(claims)), 3) for k in KS} for name, c in story_hits.items()
    }
    return result


def relations(index: PassageIndex, claim: str, stances: dict[int, str]) -> Iterator[tuple[str, str, str | None]]:
    """(gold relation, said relation, the contradiction rule that fired or None) per related body."""
    scores, claim_terms, sides = index.scores(claim), set(terms(claim)), ClaimSides(claim)
    for body_id, stance in stances.items():
        passage = best_passage(index, scores, claim_terms, body_id)
        context = index.source_text(body_id)  # the source's text: the relation reads it as a whole
        if passage is None:
            yield GOLD_RELATION[stance], "related", None
            continue
        yield (
            GOLD_RELATION[stance],
            sides.relation(passage.text, context),
            sides.contradiction_rule(passage.text, context),
        )


def shown_relations(
    index: PassageIndex, claim: str, stances: dict[int, str], story: set[int]
) -> Iterator[tuple[str, bool]]:
    """(said, right) for each suggestion the analysis stores for the claim that says more than
    "related": right when its body is labelled with that stance; a body of another story is
    wrong (it neither supports nor contradicts), one of the story left unlabelled is not counted."""
    for suggestion in index.related(claim, exclude_source=-1, top_n=TOP_SOURCES):
        body = suggestion.passage.source_id
        if suggestion.relation == "related" or body not in stances and body in story:
            continue
        gold = GOLD_RELATION[stances[body]] if body in stances else "related"
        yield suggestion.relation, gold == suggestion.relation


def rule_breakdown(by_rule: Counter) -> dict[str, dict[str, Any]]:
    """Per contradiction rule: how often it fired and its precision (gold "contradicts")."""
    breakdown = {}
    for rule in RULES:
        fired = sum(n for (name, _), n in by_rule.items() if name == rule)
        right = by_rule[(rule, "contradicts")]
        breakdown[rule] = {"fired": fired, "right": right, "precision": round(right / fired, 3) if fired else None}
    return breakdown


def report(
    part: Part,
    claims: list[str],
    hits: dict[str, Counter],
    confusion: Counter,
    build_s: float,
    rerank_s: float | None,
    passages: int,
) -> dict[str, Any]:
    pairs = sum(confusion.values())
    gold: Counter[str] = Counter()
    for (truth, _), n in confusion.items():
        gold[truth] += n
    said = sum(n for (_, guess), n in confusion.items() if guess == "contradicts")
    right = confusion[("contradicts", "contradicts")]
    constant, constant_n = gold.most_common(1)[0]
    return {
        "part": part.name,
        "sources": len(part.bodies),
        "passages": passages,
        "claims": len(claims),
        "success": {name: {k: round(c[k] / max(1, len(claims)), 3) for k in KS} for name, c in hits.items()},
        "relation_pairs": pairs,
        "relation_accuracy": round(sum(n for (t, g), n in confusion.items() if t == g) / max(1, pairs), 3),
        "constant": constant,
        "constant_accuracy": round(constant_n / max(1, pairs), 3),
        "contradicts_said": said,
        "contradicts_precision": round(right / said, 3) if said else None,
        "contradicts_recall": round(right / max(1, gold["contradicts"]), 3),
        "supports_said": sum(n for (_, g), n in confusion.items() if g == "supports"),
        "supports_precision": _precision(confusion, "supports"),
        "supports_recall": round(confusion[("supports", "supports")] / max(1, gold["supports"]), 3),
        "confusion": {f"{t}->{g}": n for (t, g), n in sorted(confusion.items())},
        "index_build_s": round(build_s, 2),
        "rerank_s_per_claim": round(rerank_s / max(1, len(claims)), 4) if rerank_s is not None else None,
    }


def _precision(confusion: Counter, label: str) -> float | None:
    said = sum(n for (_, g), n in confusion.items() if g == label)
    return round(confusion[(label, label)] / said, 3) if said else None


def run(data_dir: str | Path, limit: int | None = None, lexical: bool = False) -> dict[str, Any]:
    """Figures for the dev and held-out parts; semantic re-ranking when the model is installed
    (and ``lexical`` is not asked)."""
    reason = "not asked (--lexical)" if lexical else embeddings.unavailable_reason()
    semantic = reason is None
    if semantic:
        embeddings.embed(["warm up"])  # the model loads once, outside the timing
    parts = read_parts(Path(data_dir))
    all_pairs: dict[str, set[int]] = defaultdict(set)
    for part in parts:
        for headline, bodies in part.related.items():
            all_pairs[headline].update(bodies)
    return {
        "semantic": semantic,
        "semantic_unavailable": reason,
        "parts": [measure_part(part, limit, semantic, all_pairs) for part in parts],
    }


def format_result(result: dict[str, Any]) -> str:
    state = "on" if result["semantic"] else f"off ({result['semantic_unavailable']})"
    lines = [f"semantic re-ranking: {state}"]
    for part in result["parts"]:
        lines.append(
            f"\n{part['part']}: {part['claims']} claims, {part['sources']} sources, "
            f"{part['passages']} sentences (index built in {part['index_build_s']} s)"
        )
        rows = (
            ("briefing", "Briefing"),
            ("opened", "  on opening"),
            ("lexical", "  lexical only"),
            ("bm25", "plain BM25"),
        )
        for name, label in rows:
            row, story = part["success"][name], part["success_story"][name]
            lines.append(
                f"  {label:<16} success@1 {row[1]:.3f}  @3 {row[3]:.3f}  @5 {row[5]:.3f}"
                f"   same story: @1 {story[1]:.3f}  @3 {story[3]:.3f}  @5 {story[5]:.3f}"
            )
        lines.append(
            f"  relation accuracy {part['relation_accuracy']:.3f} on {part['relation_pairs']} pairs; "
            f"constant '{part['constant']}' {part['constant_accuracy']:.3f}"
        )
        lines.append(
            f"  contradicts: said {part['contradicts_said']}, precision {part['contradicts_precision']}, "
            f"recall {part['contradicts_recall']}; supports: said {part['supports_said']}, "
            f"precision {part['supports_precision']}, recall {part['supports_recall']}"
        )
        for said, row in part["shown"].items():
            precision = f"{row['right'] / row['said']:.3f}" if row["said"] else "-"
            lines.append(
                f"  {said} on the five suggestions stored per claim: said {row['said']}, right {row['right']} "
                f"({precision}; another story's passage counts as wrong)"
            )
        for rule, row in part["rules"].items():
            lines.append(
                f"    rule {rule:<16} fired {row['fired']:>4}, right {row['right']:>4}, precision {row['precision']}"
            )
        lines.append(
            f"  relation: {part['relation_ms_per_pair']} ms per pair (best passage, then the relation "
            "read with the whole source as context)"
        )
        if part["rerank_s_per_claim"] is not None:
            lines.append(f"  re-ranking: {part['rerank_s_per_claim']:.3f} s per claim on one core")
        lines.append(f"  confusion (gold->said): {part['confusion']}")
    return "\n".join(lines)


def format_misses(misses: list[dict[str, Any]]) -> str:
    """Each miss: the claim, the start of the source ranked first and of its story's bodies."""
    lines = []
    for miss in misses:
        lines.append(f"\nCLAIM {miss['claim']}\n  FIRST {' '.join(miss['first'].split())[:240]}")
        lines.extend(f"  STORY {' '.join(body.split())[:240]}" for body in miss["story"])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--limit", type=int, default=None, help="claims per part (default: all)")
    parser.add_argument("--lexical", action="store_true", help="skip the semantic re-ranking")
    parser.add_argument(
        "--misses", action="store_true", help="list the dev part's claims whose first source is off-story"
    )
    args = parser.parse_args(argv)
    result = run(args.data_dir, args.limit, args.lexical)
    print(format_result(result))
    if args.misses:
        print(format_misses(result["parts"][0]["story_misses"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
