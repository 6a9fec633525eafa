"""Text on a terminal: shown as data, never as control sequences.

Every line the command line prints goes through ``echo`` (or ``echo_json``): titles, file
names, passages and error messages come from sources and other people's files, and an escape
sequence or a line break in them must not clear the screen, retitle the window or forge a line.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Mapping
from typing import Any, TextIO

# C0 and C1 controls (ESC, CSI, BEL, backspace, carriage return…), DEL, and the bidirectional
# overrides that reorder what a terminal shows; tabs and line breaks are the caller's to fold.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# The same and line breaks: what one printed line may not hold. Tabs stay (column layouts).
_NOT_IN_A_LINE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# What json.dumps(ensure_ascii=False) leaves raw but a terminal acts on or reorders.
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with every control character shown as U+FFFD instead of acted on."""
    return _CONTROL.sub("\ufffd", text)


def shown(text: str) -> str:
    """``text`` as part of one terminal line: line breaks too are shown as U+FFFD."""
    return _NOT_IN_A_LINE.sub("\ufffd", text)


def echo(line: str = "", *, err: bool = False, styles: Mapping[str, str] | None = None) -> None:
    """Print one line on standard output (standard error with ``err``), every control character
    in it shown as data; then ``styles`` turns placeholder characters into terminal codes (bold
    for the matched words), the only codes the command line sends."""
    text = shown(line)
    for mark, code in (styles or {}).items():
        text = text.replace(mark, code)
    print(text, file=sys.stderr if err else sys.stdout)


def json_text(value: Any) -> str:
    """``value`` as indented JSON, readable (not ASCII-escaped) yet inert on a terminal: json.dumps
    escapes C0 controls; C1 controls, line separators and bidirectional overrides are escaped
    here. The same data for any JSON reader."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def echo_json(value: Any, stream: TextIO | None = None) -> None:
    (stream or sys.stdout).write(json_text(value) + "\n")
