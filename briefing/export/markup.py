"""Text made inert for Markdown and YAML: source words, the analyst's Markdown, front matter values.

Source and note text (quotes, titles, notes) is never markup: ``inline`` escapes it so every
Markdown renderer shows it as written. The analyst's free text is Markdown, so
``analyst_markdown`` keeps its formatting but takes away what could act on a reader:
raw HTML, images, attribute lists and every link but an inline link to http, https or
mailto. Link syntax is neutralised in the Markdown itself, for every construct (reference
definitions in quotes and lists too), so no renderer can make a live ``javascript:`` or
``file:`` link of it; the HTML cleaner is a second guard, not the first.
"""

from __future__ import annotations

import json
import re
import unicodedata

from briefing.domain import inert

SAFE_LINK = re.compile(r"(?i)\s*<?\s*(https?://|mailto:)")
# Escaped with a backslash; '&', '<' and '>' become entities, which every flavour understands.
# '!' only at the end: an image needs '![' and every '[' inside is escaped, so 'We got her\!' in
# the middle of a headline was noise for the reader of the file.
_BACKSLASHED = frozenset("\\`*_[]{}#|~")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_LEADING_MARKER = re.compile(r"^(\d+)([.)])|^([-+=])")
# An opening fence as CommonMark reads it: a backtick fence's info string has no backtick.
_FENCE = re.compile(r"^ {0,3}(?:(`{3,})[^`]*|(~{3,}).*)$")
_NOT_LANGUAGE = re.compile(r"[^\w#.+-]")
_HEADING = re.compile(r"^( {0,3})(#{1,6})(?=\s|$)")
_SETEXT_TITLE = re.compile(r"^ {0,3}=+[ \t]*$")  # the line under a level 1 heading
_LIST_ITEM = re.compile(r"^ *(?:[-*+]|\d{1,9}[.)])[ \t]")
_NESTED_ITEM = re.compile(r"^( {2,3})(?:[-*+]|\d{1,9}[.)])[ \t]")  # CommonMark nests it; Python-Markdown does not
# The analyst's text in pieces: a backslash escape kept as written (except before '&' and '<',
# which become entities), an image opener, the one link form kept (an inline link to http,
# https or mailto, without title, nested brackets or a backslash) and the characters that
# start any other link syntax: brackets (inline, reference, footnote and wiki links, reference
# definitions in any block), braces (attribute lists), '<' (autolinks, raw HTML) and '&'.
_PIECE = re.compile(
    r"(?P<escaped>\\[\x21-\x25\x27-\x2f\x3a\x3b\x3d-\x40\x5b-\x60\x7b-\x7e])"
    r"|\\(?P<entity>[&<])"
    r"|(?P<image>!\[)"
    r"|\[(?P<label>[^\[\]\\\n]*)\]\((?P<url>(?i:https?://|mailto:)[^\x00-\x20\x7f()<>\[\]\\\"'`]*)\)"
    r"|(?P<char>[\[\]{}&<])"
)
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff<>&`*_\\[\\]{}#|~!]")


def inline(text: str) -> str:
    """Source or note text as one line of literal Markdown text, without the bidi controls that
    would make it read backwards in the file, the page, the PDF or the document, and without
    control characters (an escape sequence in a title would recolour a terminal showing the file)."""
    text = " ".join(inert(text).split())
    escaped = "".join(_ENTITIES.get(ch) or ("\\" + ch if ch in _BACKSLASHED else ch) for ch in text)
    if escaped.endswith("!"):  # what follows the text (a citation's '[') would make it an image
        escaped = escaped[:-1] + "\\!"
    return _LEADING_MARKER.sub(
        lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else "\\" + m.group(3), escaped, count=1
    )


def inline_lines(text: str, indent: str = "") -> str:
    """The analyst's note as literal Markdown text that keeps its line breaks: each line as
    ``inline`` writes it, the lines joined by hard breaks. Made one line, 'Check:' over '1. the
    tankers' and '2. the pumps' read 'Check: 1. the tankers 2. the pumps'; each line is escaped
    on its own, so a '1.' or '#' starting one stays text, and blank lines go. ``indent`` starts
    each line after the first: a list item's, so its lines stay in the item in every renderer."""
    lines = [inline(line) for line in inert(text).splitlines() if line.strip()]
    return f"  \n{indent}".join(lines)


_FIRST_STRONG_ISOLATE, _POP_ISOLATE = "\u2068", "\u2069"


def isolated_inline(text: str) -> str:
    """``inline(text)``, set apart from the words around it when it holds right-to-left letters
    (a first-strong isolate): an Arabic title beside a date and an outlet read '02-12-2014'
    and came before them in the list of sources, and a Hebrew quote's full stop moved to its
    start. The isolate is ours, added after the text's own bidi controls were taken out."""
    escaped = inline(text)
    if any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in escaped):
        return f"{_FIRST_STRONG_ISOLATE}{escaped}{_POP_ISOLATE}"
    return escaped


_ISOLATES = {"\u2066": 1, "\u2067": 1, "\u2068": 1, "\u2069": -1}  # LRI, RLI, FSI open; PDI closes


def right_to_left(text: str) -> bool:
    """Whether a paragraph of ``text`` reads right to left: its first strong character (a letter
    with a direction of its own) is Hebrew, Arabic or another right-to-left script, as the Unicode
    bidi algorithm decides (rule P2, what a browser's ``dir="auto"`` does). Text inside an isolate
    (``isolated_inline``'s) is skipped: a quote set apart in an English line leaves it English."""
    depth = 0
    for char in text:
        depth = max(0, depth + _ISOLATES.get(char, 0))
        kind = unicodedata.bidirectional(char)
        if depth == 0 and kind in ("L", "R", "AL"):
            return kind != "L"
    return False


def analyst_markdown(text: str, escape_html: bool = True) -> str:
    """The analyst's Markdown with level 1 headings made level 2 (the note's title is the only one)
    and every link construct shown as text except inline links to http, https and mailto.

    ``escape_html`` (the Markdown file) also turns '&' and '<' into entities and disarms code
    blocks too, since a renderer without fenced code reads them as paragraphs: the file is
    inert in any renderer, at the cost of a backslash before brackets and braces in code. The
    HTML export passes False: its own renderer has raw HTML switched off, and code blocks are
    rewritten with fences it is sure to read as code, so they stay as written. Bidi and other
    control characters go, as in source text (a received workspace's notes are someone else's text)."""
    out: list[str] = []
    fence: str | None = None
    for line in inert(text).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        opener = _FENCE.match(line)
        marker = (opener.group(1) or opener.group(2)) if opener else None
        if fence is None and marker is None:
            if _SETEXT_TITLE.match(line) and out and out[-1].strip() and not _FENCE.match(out[-1]):
                line = line.replace("=", "-")  # 'Heading' over '===' is a level 1 heading too
            nested = _NESTED_ITEM.match(line)
            if not escape_html and nested and out and _LIST_ITEM.match(out[-1]):
                line = "    " + line[nested.end(1) :]  # Python-Markdown nests an item indented by four
            out.append(_safe_line(line, escape_html))
            continue
        previous, fence = fence, _fence_after(fence, marker)
        out.append(disarm(line) if escape_html else _code_line(line, previous, fence))
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


def _code_line(line: str, previous: str | None, fence: str | None) -> str:
    """A line of a code block for Python-Markdown: the fences in the one form its fenced_code
    reads (at the margin, the closing one the same as the opening one), the code as written."""
    if previous is None:
        assert fence is not None
        info = line.strip()[len(fence) :].strip()
        return fence + _NOT_LANGUAGE.split(info, maxsplit=1)[0]
    return previous if fence is None else line


def _safe_line(line: str, escape_html: bool) -> str:
    line = _HEADING.sub(lambda m: m.group(1) + ("##" if m.group(2) == "#" else m.group(2)), line, count=1)
    return disarm(line, escape_html)


def disarm(text: str, escape_html: bool = True) -> str:
    """``text`` with every link construct but a safe inline link shown as text (see ``_PIECE``)."""

    def piece(match: re.Match[str]) -> str:
        if match["escaped"] or match["image"]:
            return match["escaped"] or "!\\["
        if match["url"] is not None:
            url = _entities(match["url"]) if escape_html else match["url"]
            return f"[{disarm(match['label'], escape_html)}]({url})"
        char = match["entity"] or match["char"]
        if char in "&<":
            return _ENTITIES[char] if escape_html else ("\\" if match["entity"] else "") + char
        return "\\" + char

    return _PIECE.sub(piece, text)


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
    # YAML 1.1 reads NEL, LS and PS as line breaks; C1 controls and BOM are not printable. Markup
    # characters are escaped too: a renderer that does not know front matter shows it as a
    # paragraph, where a title's "<b>" was live HTML and "[x](javascript:…)" a live link.
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def front_matter(fields: dict[str, str | int | None]) -> str:
    lines = [f"{key}: {yaml_scalar(value)}" for key, value in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"
