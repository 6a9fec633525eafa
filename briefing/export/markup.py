"""Text made inert for Markdown and YAML: source words, the analyst's Markdown, front matter values.

Source and note text (quotes, titles, notes) is never markup: ``inline`` escapes it so every
Markdown renderer shows it as written. The analyst's free text is Markdown, so
``analyst_markdown`` keeps its formatting but takes away what could act on a reader:
raw HTML, images and links other than http, https and mailto.
"""

from __future__ import annotations

import json
import re

SAFE_LINK = re.compile(r"(?i)\s*<?\s*(https?://|mailto:)")
# Escaped with a backslash; '&', '<' and '>' become entities, which every flavour understands.
_BACKSLASHED = frozenset("\\`*_[]{}#|~!")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_LEADING_MARKER = re.compile(r"^(\d+)([.)])|^([-+=])")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^( {0,3})(#{1,6})(?=\s|$)")
_DEFINITION = re.compile(r"^( {0,3})\[(?=[^\]]*\]:)")
_LINK_TARGET = re.compile(r"\]\(")
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]")


def inline(text: str) -> str:
    """Source or note text as one line of literal Markdown text."""
    text = " ".join(text.split())
    escaped = "".join(_ENTITIES.get(ch) or ("\\" + ch if ch in _BACKSLASHED else ch) for ch in text)
    return _LEADING_MARKER.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else "\\" + m.group(3),
                               escaped, count=1)


def analyst_markdown(text: str, escape_html: bool = True) -> str:
    """The analyst's Markdown with level 1 headings made level 2 (the note's title is the only one),
    images and unsafe links shown as text, and raw HTML shown as text.

    ``escape_html`` turns '&' and '<' into entities everywhere (code included), which keeps
    the Markdown file inert in any renderer; the HTML export passes False because its own
    renderer has raw HTML switched off and escapes code properly."""
    out: list[str] = []
    fence: str | None = None
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        opener = _FENCE.match(line)
        if fence is not None or opener:
            fence = _fence_after(fence, opener.group(1) if opener else None)
            out.append(_entities(line) if escape_html else line)
            continue
        out.append(_safe_line(line, escape_html))
    if fence is not None:  # an unclosed fence must not swallow the rest of the note
        out.append(fence)
    return "\n".join(out).strip("\n")


def _fence_after(fence: str | None, marker: str | None) -> str | None:
    """The open code fence after a line inside or opening one: a matching marker closes it."""
    if fence is None:
        return marker
    if marker and marker[0] == fence[0] and len(marker) >= len(fence):
        return None
    return fence


def _safe_line(line: str, escape_html: bool) -> str:
    line = _HEADING.sub(lambda m: m.group(1) + ("##" if m.group(2) == "#" else m.group(2)), line, count=1)
    if escape_html:
        line = _entities(line)
    line = line.replace("![", "!\\[")  # images are never loaded: the syntax is shown as text
    definition = _DEFINITION.match(line)
    if definition and not SAFE_LINK.match(line[line.index("]:") + 2:]):
        line = definition.group(1) + "\\[" + line[definition.end():]
    return _LINK_TARGET.sub(lambda m: "](" if SAFE_LINK.match(line[m.end():]) else "]\\(", line)


def _entities(line: str) -> str:
    return line.replace("&", "&amp;").replace("<", "&lt;")


def yaml_scalar(value: str | int | None) -> str:
    """A YAML value on one line: null, an integer, or a double-quoted string with escapes.

    The double-quoted form is also a JSON string, so any JSON parser reads it back."""
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    quoted = json.dumps(value, ensure_ascii=False)
    # YAML 1.1 reads NEL, LS and PS as line breaks; C1 controls and BOM are not printable.
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def front_matter(fields: dict[str, str | int | None]) -> str:
    lines = [f"{key}: {yaml_scalar(value)}" for key, value in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"
