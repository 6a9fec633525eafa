"""Named-entity F1 on CoNLL-2003 (English, Reuters news): plain spaCy against Briefing.

    python -m bench.ner_real DATA_DIR [--split validation|train] [--failures N] [--limit N]

DATA_DIR holds the CoNLL-2003 files ``valid.txt`` (or ``eng.testa``) and ``train.txt`` (or
``eng.train``), one token a line with its IOB tag last, ``-DOCSTART-`` between documents.
The data is under the Reuters licence and stays out of the repository. Develop on train
(``--failures`` lists misses to read), measure on validation; the test split is never read.

Each document is rebuilt as text: tokens joined by single spaces, sentences by blank lines,
so that both systems see the whole document and its headline and dateline stay paragraphs
of their own. Both systems read the same spaCy parse (``parse_texts``, en_core_web_sm):

- plain spaCy: the model's entities, typed by ``SPACY_TYPES``;
- Briefing: every mention of every entity ``find_entities`` links, typed by its entity.

Type mapping: person -> PER (spaCy PERSON), organisation -> ORG (ORG), place -> LOC (GPE,
LOC, FAC), group -> MISC (NORP). MISC is not scored: gold MISC spans are dropped, and a
predicted span (of any type) that covers exactly a gold MISC span counts neither way, for
both systems alike. A prediction is right when its tokens and type equal a gold entity's
(exact match, token level); a prediction that cuts a token takes every token it touches.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from briefing.nlp.entities import find_entities
from briefing.nlp.lexicon import SPACY_TYPES
from briefing.nlp.model import load_model
from briefing.nlp.parse import ParsedText, parse_texts
from briefing.nlp.quotes import title_spans

SPLIT_FILES = {"validation": ("valid.txt", "eng.testa"), "train": ("train.txt", "eng.train")}
CONLL_TYPES = {"person": "PER", "organisation": "ORG", "place": "LOC", "group": "MISC"}
SCORED = ("PER", "ORG", "LOC")

Span = tuple[int, int, str]  # first token, last token + 1, CoNLL type


@dataclass
class Document:
    tokens: list[str] = field(default_factory=list)
    gold: list[Span] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)

    def text_and_offsets(self) -> tuple[str, list[int]]:
        """Tokens joined by spaces, sentences by blank lines; each token's offset."""
        parts, offsets, position = [], [], 0
        starts = set(self.sentence_starts)
        for i, token in enumerate(self.tokens):
            if i:
                gap = "\n\n" if i in starts else " "
                parts.append(gap)
                position += len(gap)
            offsets.append(position)
            parts.append(token)
            position += len(token)
        return "".join(parts), offsets


def read_split(folder: Path, split: str) -> list[Document]:
    path = next((folder / n for n in SPLIT_FILES[split] if (folder / n).exists()), None)
    if path is None:
        raise SystemExit(f"no {' or '.join(SPLIT_FILES[split])} in {folder}")
    return list(_documents(path.read_text(encoding="utf-8").splitlines()))


def _documents(lines: list[str]) -> Iterator[Document]:
    doc, new_sentence = Document(), True
    tags: list[str] = []
    for line in lines:
        fields = line.split()
        if not fields or fields[0] == "-DOCSTART-":
            new_sentence = True
            if fields and doc.tokens:
                doc.gold = _spans(tags)
                yield doc
                doc, tags = Document(), []
            continue
        if new_sentence:
            doc.sentence_starts.append(len(doc.tokens))
            new_sentence = False
        doc.tokens.append(fields[0])
        tags.append(fields[-1])
    if doc.tokens:
        doc.gold = _spans(tags)
        yield doc


def _spans(tags: list[str]) -> list[Span]:
    """Entity spans from IOB1 or IOB2 tags."""
    spans: list[Span] = []
    start, kind = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and label == kind
        if start is not None and not continues:
            spans.append((start, i, kind or ""))
            start, kind = None, None
        if prefix in ("B", "I") and start is None:
            start, kind = i, label
    return spans


def predict_spacy(parsed: ParsedText) -> list[tuple[int, int, str]]:
    return [
        (para.start + ent.start_char, para.start + ent.end_char, CONLL_TYPES[SPACY_TYPES[ent.label_]])
        for para in parsed.paragraphs
        for ent in para.doc.ents
        if ent.label_ in SPACY_TYPES
    ]


def predict_briefing(parsed: ParsedText) -> list[tuple[int, int, str]]:
    """Mentions as the app keeps them: inside quoted titles of works there are none."""
    titles = title_spans(parsed)
    return [
        (m.start, m.end, CONLL_TYPES[cluster.type])
        for cluster in find_entities(parsed)
        for m in cluster.mentions
        if not any(s < m.start and m.end <= e for s, e in titles)
    ]


def to_tokens(spans: list[tuple[int, int, str]], offsets: list[int], tokens: list[str]) -> set[Span]:
    ends = [o + len(t) for o, t in zip(offsets, tokens, strict=True)]
    found = set()
    for start, end, kind in spans:
        touched = [i for i, (s, e) in enumerate(zip(offsets, ends, strict=True)) if s < end and start < e]
        if touched:
            found.add((touched[0], touched[-1] + 1, kind))
    return found


def classify_errors(gold: set[Span], predicted: set[Span]) -> Iterator[str]:
    """Each wrong prediction and each miss, by kind: a wrong type on the right words, wrong
    boundaries, a name that is none, a name not found at all."""
    gold_at = {(s, e): k for s, e, k in gold}
    for start, end, kind in predicted - gold:
        truth = gold_at.get((start, end))
        if truth is not None:
            yield f"type {truth} as {kind}"
        elif any(s < end and start < e for s, e in gold_at):
            yield f"boundary ({kind})"
        else:
            yield f"not a name, as {kind}"
    found = {(s, e) for s, e, _ in predicted}
    for start, end, kind in gold - predicted:
        if (start, end) not in found and not any(s < end and start < e for s, e in found):
            yield f"missed {kind}"


@dataclass
class Score:
    counts: Counter = field(default_factory=Counter)  # (type, "tp"|"fp"|"fn") -> n
    classes: Counter = field(default_factory=Counter)  # kind of each error -> n

    def add(self, gold: set[Span], predicted: set[Span]) -> tuple[set[Span], set[Span]]:
        misc = {(s, e) for s, e, k in gold if k == "MISC"}
        gold = {g for g in gold if g[2] in SCORED}
        predicted = {p for p in predicted if p[2] in SCORED and (p[0], p[1]) not in misc}
        for kind in SCORED:
            self.counts[kind, "tp"] += len({g for g in gold & predicted if g[2] == kind})
            self.counts[kind, "fp"] += len({p for p in predicted - gold if p[2] == kind})
            self.counts[kind, "fn"] += len({g for g in gold - predicted if g[2] == kind})
        self.classes.update(classify_errors(gold, predicted))
        return predicted - gold, gold - predicted

    def prf(self, kinds: tuple[str, ...]) -> tuple[float, float, float]:
        tp = sum(self.counts[k, "tp"] for k in kinds)
        fp = sum(self.counts[k, "fp"] for k in kinds)
        fn = sum(self.counts[k, "fn"] for k in kinds)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def run(documents: list[Document], failures: int) -> dict[str, Score]:
    scores = {"spaCy": Score(), "Briefing": Score()}
    texts = [d.text_and_offsets() for d in documents]
    shown = 0
    parsed_texts = parse_texts(load_model(), (text for text, _ in texts))
    for doc, (_, offsets), parsed in zip(documents, texts, parsed_texts, strict=True):
        gold = set(doc.gold)
        scores["spaCy"].add(gold, to_tokens(predict_spacy(parsed), offsets, doc.tokens))
        wrong, missed = scores["Briefing"].add(gold, to_tokens(predict_briefing(parsed), offsets, doc.tokens))
        if shown < failures and (wrong or missed):
            shown += print_failures(doc, wrong, missed, gold)
    return scores


def print_failures(doc: Document, wrong: set[Span], missed: set[Span], gold: set[Span]) -> int:
    def words(span: Span) -> str:
        return " ".join(doc.tokens[span[0] : span[1]])

    gold_at = {(s, e): k for s, e, k in gold}
    print(f"--- {' '.join(doc.tokens[:12])}")
    for span in sorted(wrong | missed):
        if span in wrong:
            truth = gold_at.get((span[0], span[1]), "-")
            print(f"  wrong  {span[2]:<4} {words(span)!r} (gold {truth})")
        elif (span[0], span[1]) not in {(s, e) for s, e, _ in wrong}:
            context = " ".join(doc.tokens[max(0, span[0] - 4) : span[1] + 3])
            print(f"  missed {span[2]:<4} {words(span)!r} in {context!r}")
    return 1


def print_table(scores: dict[str, Score], split: str, n_docs: int) -> None:
    print(f"CoNLL-2003 {split}: {n_docs} documents; exact span and type, MISC not scored")
    print(f"{'system':<10} {'type':<8} {'P':>6} {'R':>6} {'F1':>6}")
    for system, score in scores.items():
        for kind in (*SCORED, "overall"):
            p, r, f = score.prf(SCORED if kind == "overall" else (kind,))
            print(f"{system:<10} {kind:<8} {p:6.3f} {r:6.3f} {f:6.3f}")
    gain = scores["Briefing"].prf(SCORED)[2] - scores["spaCy"].prf(SCORED)[2]
    print(f"Briefing - spaCy, overall F1: {gain:+.3f}")
    print("Briefing's errors by kind:")
    for kind, n in scores["Briefing"].classes.most_common():
        print(f"  {n:5}  {kind}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.ner_real", description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path, help="folder with the CoNLL-2003 train and validation files")
    parser.add_argument("--split", choices=tuple(SPLIT_FILES), default="validation")
    parser.add_argument("--failures", type=int, default=0, help="list Briefing's misses in the first N documents")
    parser.add_argument("--limit", type=int, help="only the first N documents")
    args = parser.parse_args(argv)
    documents = read_split(args.data_dir, args.split)[: args.limit]
    scores = run(documents, args.failures)
    print_table(scores, args.split, len(documents))
    return 0


if __name__ == "__main__":
    sys.exit(main())
