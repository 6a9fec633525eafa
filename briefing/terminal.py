"""Text from sources on a terminal: shown as data, never as control sequences."""

from __future__ import annotations

import re

# C0 and C1 controls (ESC, CSI, BEL, backspace, carriage return…), DEL, and the bidirectional
# overrides that reorder what a terminal shows; tabs and line breaks are the caller's to fold.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with every control character shown as U+FFFD instead of acted on."""
    return _CONTROL.sub("\ufffd", text)
