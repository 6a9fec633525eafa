"""Measuring the analysis against the hand-annotated evaluation set.

Each text ``NN-slug.ext`` in the folder has a gold ``NN-slug.json`` (format in
tests/data/eval/README.md). Entities match when a name or alias agrees
(case, accents, dots and possessives folded) and the type is the same; quotes
match when their words agree; a speaker is right when the predicted entity
carries the gold speaker's name or an alias of it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from briefing import ingest
from briefing.domain import Analysis, BriefingError, Document, normalise_name

FLOORS = {"entity_recall": 0.90, "entity_precision": 0.85, "quote_recall": 0.90, "speaker_accuracy": 0.90}


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched_gold: int = 0
    matched_predicted: int = 0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.matched_predicted / self.predicted if self.predicted else 1.0

    def add(self, other: Score) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched_gold += other.matched_gold
        self.matched_predicted += other.matched_predicted


@dataclass
class DocumentResult:
    name: str
    entities: Score
    quotes: Score
    speakers: Score  # gold = matched quotes, matched_gold = right speaker
    false_quotes: int  # predicted quotes on a scare-quote or title
    metadata_errors: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)


def load_gold(folder: Path) -> list[tuple[Path, dict]]:
    """(text file, its gold annotations) for each .json of ``folder``; a folder with none, or a
    .json that is no gold file, is a BriefingError naming it."""
    pairs = []
    for gold_path in sorted(folder.glob("*.json")):
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            pairs.append((folder / gold["file"], gold))
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
            reason = f"no {exc} key" if isinstance(exc, KeyError) else str(exc).splitlines()[0]
            raise BriefingError(f"{gold_path}: not a gold annotation file ({reason})") from None
    if not pairs:
        raise BriefingError(f"{folder}: no gold annotations here (a .json beside each text, naming it in 'file')")
    return pairs


def evaluate_document(name: str, doc: Document, analysis: Analysis, gold: dict) -> DocumentResult:
    misses: list[str] = []
    entities = _score_entities(analysis, gold, misses)
    quotes, speakers, false_quotes = _score_quotes(doc.text, analysis, gold, misses)
    return DocumentResult(name, entities, quotes, speakers, false_quotes, _metadata_errors(doc, gold), misses)


def _forms(name: str, aliases) -> set[str]:
    return {normalise_name(f) for f in (name, *aliases) if f.strip()}


def _score_entities(analysis: Analysis, gold: dict, misses: list[str]) -> Score:
    gold_entities = [(e["name"], e["type"], _forms(e["name"], e["aliases"])) for e in gold["entities"]]
    predicted = [(e.name, e.type, _forms(e.name, e.aliases)) for e in analysis.entities]
    score = Score(gold=len(gold_entities), predicted=len(predicted))
    for name, kind, forms in gold_entities:
        if any(k == kind and f & forms for _, k, f in predicted):
            score.matched_gold += 1
        else:
            found = [f"{n} ({k})" for n, k, f in predicted if f & forms]
            misses.append(f"entity missed: {name} ({kind})" + (f", found as {', '.join(found)}" if found else ""))
    for name, kind, forms in predicted:
        if any(k == kind and f & forms for _, k, f in gold_entities):
            score.matched_predicted += 1
        else:
            misses.append(f"entity extra: {name} ({kind})")
    return score


def _quote_key(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


def _same_quote(a: str, b: str) -> bool:
    a, b = _quote_key(a), _quote_key(b)
    if not a or not b:
        return False
    shorter, longer = sorted((a, b), key=len)
    return shorter == longer or (shorter in longer and len(shorter) >= 0.8 * len(longer))


def _score_quotes(text: str, analysis: Analysis, gold: dict, misses: list[str]) -> tuple[Score, Score, int]:
    predicted = [(text[q.start : q.end], q) for q in analysis.quotes]
    score = Score(gold=len(gold["quotes"]), predicted=len(predicted))
    speakers = Score()
    aliases = {e["name"]: _forms(e["name"], e["aliases"]) for e in gold["entities"]}
    matched_predicted: set[int] = set()
    for quote in gold["quotes"]:
        index = next((i for i, (t, _) in enumerate(predicted) if _same_quote(t, quote["text"])), None)
        if index is None:
            misses.append(f"quote missed: “{quote['text'][:70]}” ({quote['speaker']})")
            continue
        score.matched_gold += 1
        matched_predicted.add(index)
        speakers.gold += 1
        speaker = predicted[index][1].speaker
        entity = analysis.entities[speaker] if speaker is not None else None
        wanted = aliases.get(quote["speaker"], {normalise_name(quote["speaker"])})
        if entity is not None and _forms(entity.name, entity.aliases) & wanted:
            speakers.matched_gold += 1
        else:
            got = entity.name if entity else predicted[index][1].speaker_text
            misses.append(f"speaker wrong: “{quote['text'][:50]}” is {quote['speaker']}, got {got}")
    score.matched_predicted = len(matched_predicted)
    false_quotes = 0
    for i, (quote_text, _) in enumerate(predicted):
        if i in matched_predicted:
            continue
        misses.append(f"quote extra: “{quote_text[:70]}”")
        false_quotes += any(_same_quote(quote_text, n) for n in gold.get("not_quotes", []))
    if not gold["quotes"]:
        false_quotes = len(predicted)
    return score, speakers, false_quotes


def _metadata_errors(doc: Document, gold: dict) -> list[str]:
    return [
        f"{field_name}: expected {gold[field_name]!r}, got {getattr(doc, field_name)!r}"
        for field_name in ("title", "author", "published")
        if gold.get(field_name) != getattr(doc, field_name)
    ]


def evaluate_folder(folder: Path) -> list[DocumentResult]:
    from briefing.nlp.analyse import analyse_texts

    pairs = load_gold(folder)
    docs = [ingest.read_document(path) for path, _ in pairs]
    analyses = analyse_texts((d.text, d.title) for d in docs)
    return [
        evaluate_document(path.name, doc, analysis, gold)
        for (path, gold), doc, analysis in zip(pairs, docs, analyses, strict=True)
    ]


def totals(results: list[DocumentResult]) -> dict[str, float]:
    entities, quotes, speakers = Score(), Score(), Score()
    for result in results:
        entities.add(result.entities)
        quotes.add(result.quotes)
        speakers.add(result.speakers)
    return {
        "entity_recall": entities.recall,
        "entity_precision": entities.precision,
        "quote_recall": quotes.recall,
        "quote_precision": quotes.precision,
        "speaker_accuracy": speakers.recall,
        "false_quotes": sum(r.false_quotes for r in results),
        "metadata_errors": sum(len(r.metadata_errors) for r in results),
    }


def format_report(results: list[DocumentResult], show_misses: bool = True) -> str:
    lines = [f"{'document':<40} {'ent P':>6} {'ent R':>6} {'quo P':>6} {'quo R':>6} {'spkr':>6}"]
    for r in results:
        lines.append(
            f"{r.name[:40]:<40} {r.entities.precision:6.2f} {r.entities.recall:6.2f} "
            f"{r.quotes.precision:6.2f} {r.quotes.recall:6.2f} {r.speakers.recall:6.2f}"
        )
    overall = totals(results)
    lines.append(
        f"{'overall':<40} {overall['entity_precision']:6.2f} {overall['entity_recall']:6.2f} "
        f"{overall['quote_precision']:6.2f} {overall['quote_recall']:6.2f} {overall['speaker_accuracy']:6.2f}"
    )
    lines.append(f"false quotes (scare quotes or titles taken as quotes): {overall['false_quotes']}")
    lines.append(f"metadata errors (title, author, date): {overall['metadata_errors']}")
    if show_misses:
        for r in results:
            for line in r.metadata_errors + r.misses:
                lines.append(f"  {r.name}: {line}")
    return "\n".join(lines)
