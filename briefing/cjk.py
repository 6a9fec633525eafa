"""Unspaced scripts (Chinese, Japanese, Korean) made searchable by substring.

SQLite's unicode61 tokenizer makes an unspaced run one token, and the trigram
tokenizer of SQLite 3.40 finds nothing for two-character terms. So the index
holds CJK text with a space between characters: each character is a token and
a word of any length is a phrase of consecutive tokens, found anywhere inside
a sentence. ``unspace`` removes exactly the spaces ``spaced`` added: a space the
text had between two characters is kept as two (Korean puts spaces between words),
which the tokenizer reads the same as one.

Indexes written before that kept such a space as one, which ``unspace`` cannot tell
from an added one; re-indexing a source (any re-analysis) writes it anew.
"""

from __future__ import annotations

import re

CJK_RANGES = (
    "\u1100-\u11ff"  # Hangul Jamo
    "\u2e80-\u2fdf"  # CJK radicals
    "\u3040-\u30ff"  # Hiragana, Katakana
    "\u3100-\u31ff"  # Bopomofo, Katakana extensions
    "\u3400-\u4dbf"  # CJK Extension A
    "\u4e00-\u9fff"  # CJK Unified Ideographs
    "\uac00-\ud7af"  # Hangul syllables
    "\uf900-\ufaff"  # CJK compatibility ideographs
    "\uff66-\uff9f"  # half-width Katakana
)
CJK_CHAR = re.compile(f"[{CJK_RANGES}]")
# A snippet's match marks may sit between a character and its spaces: looked through.
_MARK = "\ue000\ue001"
_BETWEEN = re.compile(f"([{CJK_RANGES}][{_MARK}]*) ( *)(?=[{_MARK}]*[{CJK_RANGES}])")
_GAP = re.compile(f"(?<=[{CJK_RANGES}])( *)(?=[{CJK_RANGES}])")


def has_cjk(text: str) -> bool:
    return CJK_CHAR.search(text) is not None


def spaced(text: str) -> str:
    """'在北京市' -> '在 北 京 市', '서울 시장' -> '서 울  시 장'; other text unchanged."""
    return _GAP.sub(r"\1 ", text) if has_cjk(text) else text


def unspace(text: str) -> str:
    """The text ``spaced`` was given (match marks kept where they were)."""
    return _BETWEEN.sub(r"\1\2", text) if has_cjk(text) else text
