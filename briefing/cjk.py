"""Unspaced scripts (Chinese, Japanese, Korean) made searchable by substring.

SQLite's unicode61 tokenizer makes an unspaced run one token, and the trigram
tokenizer of SQLite 3.40 finds nothing for two-character terms. So the index
holds CJK text with a space between characters: each character is a token and
a word of any length is a phrase of consecutive tokens, found anywhere inside
a sentence. ``unspace`` removes exactly the spaces ``spaced`` added.
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
# A marker may sit between two characters in a snippet: keep it out of the way.
_MARK = "\ue000\ue001"
_BETWEEN = re.compile(f"(?<=[{CJK_RANGES}{_MARK}]) (?=[{CJK_RANGES}{_MARK}])")
_ADJACENT = re.compile(f"(?<=[{CJK_RANGES}])(?=[{CJK_RANGES}])")


def has_cjk(text: str) -> bool:
    return CJK_CHAR.search(text) is not None


def spaced(text: str) -> str:
    """'在北京市' -> '在 北 京 市'; other text unchanged."""
    return _ADJACENT.sub(" ", text) if has_cjk(text) else text


def unspace(text: str) -> str:
    return _BETWEEN.sub("", text) if has_cjk(text) else text
