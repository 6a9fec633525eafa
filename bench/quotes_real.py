"""Direct quotes on real news: Briefing against peers on PolNeAR's attributions.

    python -m bench.quotes_real DATA_DIR [--split dev|train] [--failures N] [--textacy PYTHON]

DATA_DIR is the folder written by ``python -m bench.quotes_real_data`` (train and dev
only); its docstring defines a gold direct quote and its speaker. Each article's text
goes through Briefing's quote finder; in the same run, through two peers on the same
parse: a plain spaCy baseline (a quoted span whose sentence has a speech verb from a
short list; the speaker is that verb's subject, else the nearest earlier PERSON) and,
when ``--textacy`` names a Python that has textacy, textacy's ``direct_quotations``.

Measures:
- recall: gold quotes overlapped by a predicted quote;
- precision: predicted quotes that overlap a gold quote;
- speaker: of the found gold quotes, those whose predicted speaker is right. Right when
  a name word of the predicted speaker (its entity's name forms; for a peer, its speaker
  words) equals a name word of the gold source (capitalised words less titles such as
  "Mr." or "Sen."). A gold source without a name ("he", "the campaign") takes its name
  words from the CoreNLP coreference chain that mentions it ("coreferent"; CoreNLP's
  chains are noisy, so this part is shown on its own); with no name there either (the
  chain holds only the description's own words: "the Republican nominee") the quote is
  "unverifiable" and left out of the speaker figure. A predicted speaker that
  is a bare pronoun or role ("he", "the spokesman") names nobody and is wrong.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from bench.quotes_real_data import Article, GoldQuote, load_split, quoted_spans
from briefing.nlp.entities import find_entities
from briefing.nlp.lexicon import PERSON_TITLES
from briefing.nlp.model import load_model, model_package
from briefing.nlp.parse import ParsedText, parse_texts
from briefing.nlp.quotes import find_quotes, title_spans

KINDS = ("named", "coreferent", "unverifiable")
NOT_NAMES = PERSON_TITLES | set("the a an he she i we they it his her its their our this that who".split())
BASELINE_VERBS = frozenset("say tell add ask write state claim argue explain note announce".split())
TEXTACY_SCRIPT = """
import json, sys, spacy
from textacy.extract.triples import direct_quotations
nlp = spacy.load(sys.argv[1])
for line in sys.stdin:
    doc = nlp(json.loads(line))
    out = []
    try:
        triples = list(direct_quotations(doc))
    except Exception as exc:  # textacy 0.13 fails on some texts; count those as no quotes
        print(type(exc).__name__, exc, file=sys.stderr)
        triples = []
    for triple in triples:
        content = triple.content
        spans = [(t.idx, t.idx + len(t.text)) for t in triple.speaker]
        out.append([content[0].idx, content[-1].idx + len(content[-1].text), spans,
                    " ".join(t.text for t in triple.speaker)])
    print(json.dumps(out), flush=True)
"""


@dataclass
class Predicted:
    start: int
    end: int
    spans: list[tuple[int, int]]  # where the speaker is mentioned
    names: str  # the speaker's words


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0
    right_speaker: int = 0
    kinds: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    right_kinds: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    failures: dict[str, list[str]] = field(default_factory=lambda: {"missed": [], "false": [], "speaker": []})

    def line(self, label: str) -> str:
        recall = self.found / max(1, self.gold)
        precision = self.correct / max(1, self.predicted)
        checked = self.kinds["named"] + self.kinds["coreferent"]
        named, coreferent = (f"{self.right_kinds[k] / max(1, self.kinds[k]):.3f}" for k in ("named", "coreferent"))
        return (
            f"{label:<15} recall {recall:.3f} ({self.found}/{self.gold})  precision {precision:.3f} "
            f"({self.correct}/{self.predicted})  speaker {self.right_speaker / max(1, checked):.3f} "
            f"({self.right_speaker}/{checked}; named {named}, coreferent {coreferent}, "
            f"{self.kinds['unverifiable']} unverifiable)"
        )


def run_briefing(parsed: ParsedText) -> list[Predicted]:
    clusters = find_entities(parsed)
    titles = title_spans(parsed)
    for cluster in clusters:  # as analyse_parsed does: words of titles are no mentions
        cluster.mentions = [m for m in cluster.mentions if not any(s < m.start and m.end <= e for s, e in titles)]
    clusters = [c for c in clusters if c.mentions]
    out = []
    for quote in find_quotes(parsed, clusters):
        if quote.speaker is not None:
            cluster = clusters[quote.speaker]
            spans = [(m.start, m.end) for m in cluster.mentions]
            names = " ".join(cluster.forms)
        else:
            spans, names = [], quote.speaker_text or ""
        out.append(Predicted(quote.start, quote.end, spans, names))
    return out


def run_baseline(parsed: ParsedText) -> list[Predicted]:
    out = []
    for para in parsed.paragraphs:
        for start, end in quoted_spans(para.text):
            found = _baseline_quote(para, start, end)
            if found is not None:
                out.append(Predicted(para.start + start, para.start + end, *found))
    return out


def _baseline_quote(para, start: int, end: int) -> tuple[list[tuple[int, int]], str] | None:
    doc = para.doc
    sentences = {s.start for s in doc.sents if s.start_char <= end and s.end_char >= start}
    for sent in (s for s in doc.sents if s.start in sentences):
        for token in sent:
            if token.lemma_ in BASELINE_VERBS and token.pos_ == "VERB" and not start <= token.idx < end:
                subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subject is not None and not start <= subject.idx < end:
                    words = list(subject.subtree)
                    return [(para.start + words[0].idx, para.start + words[-1].idx + len(words[-1].text))], _text(words)
                people = [e for e in doc.ents if e.label_ == "PERSON" and e.start_char < start]
                if people:
                    e = people[-1]
                    return [(para.start + e.start_char, para.start + e.end_char)], e.text
                return [], ""
    return None


def _text(tokens) -> str:
    return " ".join(t.text for t in tokens)


def run_textacy(python: str, articles: list[Article]) -> list[list[Predicted]]:
    lines = "".join(json.dumps(a.text) + "\n" for a in articles)
    done = subprocess.run(
        [python, "-c", TEXTACY_SCRIPT, model_package() or ""], input=lines, capture_output=True, text=True, check=True
    )
    results = []
    for line in done.stdout.splitlines():
        results.append([Predicted(s, e, [tuple(x) for x in spans], names) for s, e, spans, names in json.loads(line)])
    return results


# -- scoring ---------------------------------------------------------------


def name_words(text: str) -> set[str]:
    words = re.findall(r"[A-Z][\w.\-]*[A-Za-z]|[A-Z]", text.replace("’s", "").replace("'s", ""))
    return {w.lower().rstrip(".") for w in words if w.lower().rstrip(".") not in NOT_NAMES}


def gold_names(article: Article, gold: GoldQuote) -> set[str]:
    """The source's name words; for a pronoun or a description ending in a role noun ("The
    Florida senator", "Clinton's aides") also those of its CoreNLP coreference chain."""
    names = name_words(gold.source_text)
    words = gold.source_text.split()
    if gold.source is None or (names and words and not words[-1][:1].islower()):
        return names
    a, b = gold.source
    for chain in article.chains:
        if any(s >= a and e <= b for s, e in chain):
            names |= set().union(*(name_words(article.text[s:e]) for s, e in chain))
    return names


def speaker_kind(article: Article, gold: GoldQuote) -> str:
    """'named' (the source span names someone), 'coreferent' (a name only through CoreNLP's
    coreference chain) or 'unverifiable' (no name anywhere: left out of the speaker figure)."""
    words = gold.source_text.split()
    own = name_words(gold.source_text)
    if own and words and not words[-1][:1].islower():
        return "named"
    # 'the Republican nominee', 'One strategist': a description whose chain adds no name of its
    # own; its capitalised words name no one, so no answer can be checked
    return "coreferent" if gold_names(article, gold) - own else "unverifiable"


def speaker_right(article: Article, gold: GoldQuote, pred: Predicted) -> bool:
    """A name word of the predicted speaker is one of the gold source's (see the docstring)."""
    return gold.source is not None and bool(gold_names(article, gold) & name_words(pred.names))


def score(article: Article, preds: list[Predicted], total: Score, show: int) -> None:
    text = article.text
    total.gold += len(article.quotes)
    total.predicted += len(preds)
    for pred in preds:
        if any(g.start < pred.end and g.end > pred.start for g in article.quotes):
            total.correct += 1
        elif len(total.failures["false"]) < show:
            total.failures["false"].append(f"{article.name}: {_context(text, pred.start, pred.end)}")
    for gold in article.quotes:
        matches = [p for p in preds if p.start < gold.end and p.end > gold.start]
        if not matches:
            if len(total.failures["missed"]) < show:
                total.failures["missed"].append(f"{article.name}: {_context(text, gold.start, gold.end)}")
            continue
        total.found += 1
        best = max(matches, key=lambda p: min(p.end, gold.end) - max(p.start, gold.start))
        kind = speaker_kind(article, gold)
        total.kinds[kind] += 1
        if kind == "unverifiable":
            continue
        if speaker_right(article, gold, best):
            total.right_speaker += 1
            total.right_kinds[kind] += 1
        elif len(total.failures["speaker"]) < show:
            total.failures["speaker"].append(
                f"{article.name}: gold {gold.source_text!r} {sorted(gold_names(article, gold))} "
                f"predicted {best.names[:80]!r}: "
                f"{_context(text, gold.start, gold.end)}"
            )


def _context(text: str, start: int, end: int) -> str:
    left = max(text.rfind("\n", 0, start) + 1, start - 300)
    right = text.find("\n", end)
    right = min(len(text) if right < 0 else right, end + 200)
    return (text[left:start] + "[[" + text[start:end] + "]]" + text[end:right]).replace("\n", " ")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.quotes_real", description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--failures", type=int, default=0, help="print up to N failures of each kind (Briefing)")
    parser.add_argument("--textacy", metavar="PYTHON", help="a Python with textacy and en_core_web_sm")
    parser.add_argument("--limit", type=int, help="only the first N articles")
    args = parser.parse_args(argv)
    articles = load_split(args.data_dir, args.split)[: args.limit]
    scores = {"Briefing": Score(), "spaCy baseline": Score()}
    parses = parse_texts(load_model(), (a.text for a in articles))
    for article, parsed in zip(articles, parses, strict=True):
        score(article, run_briefing(parsed), scores["Briefing"], args.failures)
        score(article, run_baseline(parsed), scores["spaCy baseline"], 0)
    if args.textacy:
        scores["textacy"] = Score()
        for article, preds in zip(articles, run_textacy(args.textacy, articles), strict=True):
            score(article, preds, scores["textacy"], 0)
    print(f"PolNeAR {args.split}: {len(articles)} articles, {scores['Briefing'].gold} gold direct quotes")
    for label, result in scores.items():
        print(result.line(label))
    for kind, lines in scores["Briefing"].failures.items():
        for line in lines:
            print(f"\n[{kind}] {line}")


if __name__ == "__main__":
    main(sys.argv[1:])
