"""Related passages for claims, suggested from the other sources of a workspace.

After an analysis every claim gets suggestions ranked by shared words
(:func:`suggest_related_passages`, shared among the analysis workers for a large workspace); a
claim made or edited gets its own at once (:func:`suggest_for_claims`), re-ranked by meaning
when the embedding model is installed; a claim opened, or every claim of a source shown, is
re-ranked by meaning then (:func:`rerank_claim`, :func:`rerank_source_claims`). The app, the
CLI and a team's workers call these; the ranking itself is ``briefing.nlp.related``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from typing import TYPE_CHECKING

from briefing.store import Workspace
from briefing.store.claims import get_claim, list_claim_texts
from briefing.store.passages import iter_passages
from briefing.store.sources import get_source_text
from briefing.store.suggestions import (
    BY_MEANING,
    BY_WORDS,
    claims_ranked_by_words,
    list_suggestions,
    replace_all_suggestions,
    replace_suggestions,
    suggestion_relations,
)
from briefing.workers import AnalysisPool

if TYPE_CHECKING:
    from briefing.nlp.related import Embed  # imported when used: the window reads this module at start

# Fewer claims than this are ranked in the writer: sending every passage to the workers costs more
MIN_CLAIMS_TO_SHARE = 200


def suggest_related_passages(
    ws: Workspace, pool: AnalysisPool | None = None, changed: Collection[int] | None = None
) -> None:
    """Refresh every claim's open suggestions from the passages of other sources (lexical ranking);
    with ``changed``, the sources just analysed, only the claims they can change (``related_rows``).

    With a ``pool`` of two or more workers the claims are shared out among them, each ranking
    its share over its own index of every passage; the suggestions are saved here, the one
    writer. The semantic re-ranking is left to :func:`rerank_claim` when a claim is opened: for
    every claim of a large workspace it would cost far more than the analysis itself.
    """
    from briefing.nlp.related import related_rows

    passages, claims = list(iter_passages(ws)), list_claim_texts(ws)
    suggested = None if changed is None else suggestion_relations(ws)
    if pool is None or len(pool.workers) < 2 or len(claims) < MIN_CLAIMS_TO_SHARE:
        found = related_rows(passages, claims, changed, suggested)
    else:
        share = -(-len(claims) // len(pool.workers))
        shares = [(passages, claims[i : i + share], changed, suggested) for i in range(0, len(claims), share)]
        parts = pool.spread(related_rows, shares)
        found = [row for part in parts for row in part]
    replace_all_suggestions(ws, found)  # one commit for all claims, not one per claim


def suggest_for_claims(ws: Workspace, claim_ids: Iterable[int], embed: Embed | None = None) -> None:
    """Suggestions for just these claims from the whole workspace (a claim made or edited),
    re-ranked by meaning when the embedding model is installed (``semantic_unavailable()``).
    ``embed``: where the sentence embeddings are computed (default: in this process; the window
    hands in its ``EmbeddingProcess``)."""
    from briefing.nlp import embeddings
    from briefing.nlp.related import RERANK_CANDIDATES, PassageIndex, rerank

    claims = [get_claim(ws, claim_id) for claim_id in claim_ids]
    if not claims:
        return
    index = PassageIndex(_passages(ws))
    semantic = embeddings.available()
    found: dict[str, list] = {BY_WORDS: [], BY_MEANING: []}
    for claim in claims:
        suggestions = None
        if semantic:
            candidates = index.candidates(claim["text"], claim["source_id"], RERANK_CANDIDATES)
            suggestions = _semantic_or_none(
                rerank, claim["text"], candidates, embed or embeddings.embed, context=index.source_text
            )
            semantic = suggestions is not None  # a model that fails to load fails for every claim
        if suggestions is None:
            by_words = index.related(claim["text"], exclude_source=claim["source_id"])
            found[BY_WORDS].append((claim["id"], _rows(by_words)))
        else:
            found[BY_MEANING].append((claim["id"], _rows(suggestions)))
    for ranking, rows in found.items():
        if rows:
            replace_all_suggestions(ws, rows, ranking)


def rerank_claim(ws: Workspace, claim_id: int, texts: dict[int, str] | None = None, embed: Embed | None = None) -> bool:
    """Re-rank a claim's open suggestions by meaning when it is opened (:func:`rerank` over the
    suggestions ranked by shared words, each relation judged in its source's text); a passage
    whose meaning is further from the claim than MIN_MEANING is no longer suggested. Returns
    whether anything changed: False when they were re-ranked already, and when the model is not
    installed (``semantic_unavailable()`` says why). ``texts`` keeps the source texts read, for
    the next claim of a run over many; ``embed`` as for :func:`suggest_for_claims`."""
    from briefing.nlp import embeddings
    from briefing.nlp.related import Passage, rerank

    if not embeddings.available():
        return False
    claim = get_claim(ws, claim_id)
    current = [s for s in list_suggestions(ws, claim_id) if s["state"] == "open"]
    if not current or all(s["ranking"] == BY_MEANING for s in current):
        return False
    candidates = [(Passage(s["source_id"], s["start"], s["end"], s["passage"]), s["score"]) for s in current]
    texts = {} if texts is None else texts

    def source_text(source_id: int) -> str:
        if source_id not in texts:
            texts[source_id] = get_source_text(ws, source_id)
        return texts[source_id]

    found = _semantic_or_none(rerank, claim["text"], candidates, embed or embeddings.embed, context=source_text)
    if found is None:
        return False
    replace_suggestions(ws, claim_id, _rows(found), BY_MEANING)
    return True


def rerank_source_claims(
    ws: Workspace, source_id: int, cancelled: Callable[[], bool] = lambda: False, embed: Embed | None = None
) -> bool:
    """:func:`rerank_claim` for each claim of a source just opened whose suggestions are still
    ranked by shared words, read from the store when the work starts (an analysis queued
    before it may have replaced them), so that the claims list counts only passages close in
    meaning, not every chance of shared words. Returns whether anything changed; stops when
    ``cancelled()`` says so (another source was opened), or the model is not installed or
    fails to load."""
    from briefing.nlp import embeddings

    changed = False
    texts: dict[int, str] = {}  # the claims of one source mostly suggest the same few sources
    for claim_id in claims_ranked_by_words(ws, source_id):
        if cancelled() or not embeddings.available():
            break
        changed = rerank_claim(ws, claim_id, texts, embed) or changed
    return changed


def semantic_unavailable() -> str | None:
    """Why suggestions are not re-ranked by meaning here, or None when they are."""
    from briefing.nlp.embeddings import unavailable_reason

    return unavailable_reason()


def _passages(ws: Workspace):
    from briefing.nlp.related import Passage

    return (Passage(*row) for row in iter_passages(ws))


def _rows(suggestions) -> list[tuple[int, int, int, float, str]]:
    return [(s.passage.source_id, s.passage.start, s.passage.end, s.score, s.relation) for s in suggestions]


def _semantic_or_none(compute, *args, **kwargs):
    """``compute(*args, **kwargs)``, an embedding step, or None when the model turns out not to load."""
    from briefing.nlp.embeddings import EmbeddingsUnavailable

    try:
        return compute(*args, **kwargs)
    except EmbeddingsUnavailable:
        return None
