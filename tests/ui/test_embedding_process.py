"""The embedding model never loads into the window's process: the window re-ranks suggestions
with sentence embeddings computed in a child process it keeps until it closes."""

import pytest

from briefing.nlp import embeddings
from briefing.store.claims import list_claim_rows
from briefing.store.sources import list_sources
from briefing.store.suggestions import list_suggestions
from briefing.ui import claim_actions

MODEL_MISSING = embeddings.unavailable_reason()  # before the tests' fixture turns the model off


@pytest.mark.skipif(MODEL_MISSING is not None, reason=f"embedding model: {MODEL_MISSING}")
def test_the_window_re_ranks_with_the_model_in_a_child_process(demo_window, monkeypatch):
    monkeypatch.setattr(embeddings, "available", lambda: embeddings.unavailable_reason() is None)
    monkeypatch.setattr(claim_actions, "EMBED_IN_CHILD_PROCESS", True)
    embeddings.default_embedder.cache_clear()  # no model loaded here by an earlier test
    ws = demo_window.ws
    source_id, claim = next(
        (row.id, c) for row in list_sources(ws) for c in list_claim_rows(ws, row.id) if c.open_suggestions
    )
    demo_window.select_source(source_id)
    demo_window.panel.select("claim", claim.id)  # re-ranks its suggestions (the runner runs it at once)
    rankings = {s["ranking"] for s in list_suggestions(ws, claim.id)}
    child = demo_window.runner.embedding._child._process
    assert rankings <= {"meaning"} and child is not None and child.is_alive()
    assert embeddings.default_embedder.cache_info().currsize == 0  # this process made no embedder
    demo_window.close()
    assert demo_window.runner.embedding._child._process is None and not child.is_alive()
