"""One entry point: texts in, an ``Analysis`` per text out, in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from briefing.domain import Analysis, FoundClaim, FoundEntity, FoundQuote
from briefing.nlp.claims import find_claims
from briefing.nlp.entities import Cluster, find_entities
from briefing.nlp.model import load_model
from briefing.nlp.parse import DEFAULT_BATCH_SIZE, ParsedText, parse_texts
from briefing.nlp.quotes import find_quotes, title_spans
from briefing.nlp.summary import summarise


def analyse_texts(
    items: Iterable[tuple[str, str | None]], batch_size: int = DEFAULT_BATCH_SIZE, nlp=None
) -> Iterator[Analysis]:
    """(text, title) pairs in, one Analysis each, in the same order."""
    titles: list[str | None] = []

    def texts() -> Iterator[str]:
        for text, title in items:
            titles.append(title)
            yield text

    for index, parsed in enumerate(parse_texts(nlp or load_model(), texts(), batch_size)):
        yield analyse_parsed(parsed, titles[index])
        titles[index] = None


def analyse_text(text: str, title: str | None = None) -> Analysis:
    return next(analyse_texts([(text, title)]))


def analyse_parsed(parsed: ParsedText, title: str | None = None) -> Analysis:
    clusters = _outside_titles(find_entities(parsed), title_spans(parsed))
    quotes = find_quotes(parsed, clusters)
    entities = tuple(
        FoundEntity(i, c.name, c.type, c.aliases(), tuple((m.start, m.end) for m in c.mentions))
        for i, c in enumerate(clusters)
    )
    return Analysis(
        entities=entities,
        quotes=tuple(FoundQuote(q.start, q.end, q.speaker, q.speaker_text, q.cue) for q in quotes),
        claims=tuple(FoundClaim(c.start, c.end, c.kind, c.score, c.part) for c in find_claims(parsed, title)),
        sentences=tuple(parsed.sentences()),
        summary=summarise(parsed, title),
    )


def _outside_titles(clusters: list[Cluster], titles: list[tuple[int, int]]) -> list[Cluster]:
    for cluster in clusters:
        cluster.mentions = [m for m in cluster.mentions if not any(s < m.start and m.end <= e for s, e in titles)]
    return [c for c in clusters if c.mentions]
