"""The embedding experiment's entry points, now served by ``briefing.nlp.embeddings``.

``bench.related_probe`` compares rankers with these; the model, its tokenizer (the
``tokenizers`` library rather than the Python WordPiece loop this module used to hold) and
the pinned hashes live in the app's module, so the bench measures what the app runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from briefing.nlp.embeddings import Embedder, EmbeddingsUnavailable, available, unavailable_reason

__all__ = ["Embedder", "EmbeddingsUnavailable", "available", "embed", "unavailable_reason"]


def embed(texts: Sequence[str]) -> Any:
    """Unit vectors for ``texts`` (numpy float32, shape (n, 384)); raises EmbeddingsUnavailable."""
    from briefing.nlp.embeddings import embed as embed_texts

    return embed_texts(texts)
