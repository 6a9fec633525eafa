"""Plain text and Markdown files.

Markdown is reduced to plain text with a few line rules rather than rendered: headings lose
their marks, emphasis and code marks go, links keep their text, images and reference
definitions disappear, list items stay one per line ("*" and "+" bullets become "-"), and
block quotes lose their marks. Raw HTML loses its tags, and scripts, styles, frames and the
like lose their content too: code someone meant a browser to run is not article text.
The first level-one heading is the title; a YAML front matter block ("---" lines around
"title:", "author:", "date:", "source:") gives the metadata and is no part of the text. Line
breaks inside a paragraph are kept for the cleaner, which joins lines that were wrapped and
keeps short lines (a byline above a date line) apart.
"""

from __future__ import annotations

import re

from briefing.ingest.clean import normalise_characters
from briefing.ingest.dates import parse_date_value
from briefing.ingest.decode import decode_text
from briefing.ingest.extracted import Extracted
from briefing.ingest.page_lines import find_top_headline, read_pasted_page

ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)\s*$")
FENCE = re.compile(r"^ {0,3}(```|~~~)")
RULE = re.compile(r"^ {0,3}([-*_])(\s*\1){2,}\s*$")
LIST_ITEM = re.compile(r"^\s*(?:[*+-]|(\d{1,3}[.)]))\s+(.*)$")
FRONT_MATTER_FIELD = re.compile(r"^(?P<key>[A-Za-z][\w-]{0,40}):(?:\s+(?P<value>.*))?$")
MAX_FRONT_MATTER_LINES = 60
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+.*$")
# No pattern may scan past the next character that could start another match of it: inside
# brackets no bracket, inside emphasis no mark of the same kind, inside a tag no "<". Each
# match attempt then stops at the next candidate, and a line of 2 MB of "[" or "**a " is read
# in one pass; with ``[^\]]+`` every "[" scanned to the end of the line (40 KB took 25 s).
IMAGE = re.compile(r"!\[[^\[\]]*\]\([^()\[\]]*\)|!\[[^\[\]]*\]\[[^\[\]]*\]")
LINK = re.compile(r"\[([^\[\]]+)\]\([^()\[\]]*\)|\[([^\[\]]+)\]\[[^\[\]]*\]")
AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]+)>")
HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
HIDDEN_OPEN = re.compile(r"<(script|style|noscript|template|iframe|object|svg|textarea)\b", re.IGNORECASE)
# emphasis marks hugging text: **bold**, __bold__, ~~struck~~, *em*, _em_, `code`
EMPHASIS = re.compile(
    r"\*\*(?=\S)([^*]+?)(?<=\S)\*\*|__(?=\S)([^_]+?)(?<=\S)__|~~(?=\S)([^~]+?)(?<=\S)~~"
    r"|(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?!\w)|(?<![\w_])_(?=\S)([^_]+?)(?<=\S)_(?!\w)|`([^`]+)`"
)


def read_txt(raw: bytes) -> Extracted:
    """A text file; a web page pasted into one gives only its article and headline."""
    text = decode_text(raw)
    page = read_pasted_page(normalise_characters(text))
    if page is None:
        top = find_top_headline(normalise_characters(text))
        return Extracted(text=text, title=top[0], author=top[1]) if top else Extracted(text=text)
    return Extracted(text=page.body, title=page.title, author=page.author, published=page.published)


def read_markdown(raw: bytes) -> Extracted:
    fields, source = front_matter(decode_text(raw))
    title, text = markdown_to_text(source)
    return Extracted(
        text=text,
        title=title or fields.get("title"),
        author=fields.get("author"),
        outlet=fields.get("source") or fields.get("outlet") or fields.get("publication"),
        published=parse_date_value(fields.get("date")),
    )


def front_matter(source: str) -> tuple[dict[str, str], str]:
    """The fields of a YAML front matter block ("---" lines around "title: ...", "author: ...")
    and the Markdown after it; no fields and the whole source when it opens with none."""
    lines = source.lstrip("\ufeff").replace("\r\n", "\n").split("\n", MAX_FRONT_MATTER_LINES + 2)
    if not lines or lines[0].strip() != "---":
        return {}, source
    end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() in ("---", "...")), None)
    if end is None or end > MAX_FRONT_MATTER_LINES:
        return {}, source
    block = lines[1:end]
    if not all(FRONT_MATTER_FIELD.match(line) or not line.strip() or line.startswith((" ", "-")) for line in block):
        return {}, source  # a thematic break, not front matter
    fields = {}
    for line in block:
        found = FRONT_MATTER_FIELD.match(line)
        if found and found["value"].strip():
            fields[found["key"].lower()] = yaml_scalar(found["value"].strip()).strip() or None
    return {k: v for k, v in fields.items() if v}, "\n".join(lines[end + 1 :])


# a double-quoted YAML scalar's escapes: '\"', '\\', '\n', '\x41', '\u00e9', '\U0001F600'
YAML_ESCAPE = re.compile(r"\\(?:x(?P<x>[0-9A-Fa-f]{2})|u(?P<u>[0-9A-Fa-f]{4})|U(?P<U>[0-9A-Fa-f]{8})|(?P<c>.))")
YAML_CHARACTERS = {"n": "\n", "t": "\t", "r": "\r", "0": "", "_": "\u00a0", "N": "\u0085", "L": "\u2028", "P": "\u2029"}


def yaml_scalar(value: str) -> str:
    """A front matter value as YAML reads it: a double-quoted one with its escapes decoded (an
    export writes markup characters in a title as '\\u003c'), a single-quoted one with its doubled
    quotes, a plain one as it stands."""
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    if len(value) < 2 or value[0] != '"' or value[-1] != '"':
        return value.strip("\"'")
    return YAML_ESCAPE.sub(_yaml_character, value[1:-1])


def _yaml_character(match: re.Match[str]) -> str:
    code = match["x"] or match["u"] or match["U"]
    if code is not None:
        character = chr(int(code, 16)) if int(code, 16) <= 0x10FFFF else ""
        return "" if 0xD800 <= ord(character or "a") <= 0xDFFF else character
    return YAML_CHARACTERS.get(match["c"], match["c"])


def markdown_to_text(source: str) -> tuple[str | None, str]:
    """(first level-one heading, plain text without it) from Markdown source."""
    converter = MarkdownText()
    lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for index, line in enumerate(lines):
        converter.add(line, lines[index + 1] if index + 1 < len(lines) else "")
    return converter.title, "\n\n".join(render_block(block) for block in converter.blocks if block)


class MarkdownText:
    """Collects plain-text blocks line by line; code fences pass through untouched."""

    def __init__(self) -> None:
        self.title: str | None = None
        self.blocks: list[list[str]] = [[]]
        self.in_fence = False
        self.hidden: str | None = None  # the raw-HTML element being skipped, e.g. "script"

    def add(self, line: str, following: str) -> None:
        if self.hidden is None and FENCE.match(line):
            self.in_fence = not self.in_fence
        elif self.in_fence:
            self.blocks[-1].append(line)
        else:
            line = self.without_hidden(line)
            if line.strip() or self.hidden is None:
                self.add_markdown(*classify_line(line, following))

    def without_hidden(self, line: str) -> str:
        """``line`` without raw-HTML script, style and frame elements, which may span lines."""
        kept: list[str] = []
        while line:
            if self.hidden is not None:
                close = re.search(rf"</{self.hidden}\s*>", line, re.IGNORECASE)
                if close is None:
                    return "".join(kept)
                line, self.hidden = line[close.end() :], None
            opening = HIDDEN_OPEN.search(line)
            if opening is None:
                break
            kept.append(line[: opening.start()])
            line, self.hidden = line[opening.end() :], opening.group(1)
        return "".join(kept) + line

    def add_markdown(self, kind: str, text: str) -> None:
        if kind == "h1" and self.title is None:
            self.title = strip_inline(text)
            self.blocks.append([])
        elif kind in ("h1", "heading"):
            self.blocks.extend([[strip_inline(text)], []])
        elif kind == "break":
            self.blocks.append([])
        elif kind in ("item", "text"):
            self.blocks[-1].append(strip_inline(text))


def classify_line(line: str, following: str) -> tuple[str, str]:
    """What a Markdown line is: h1, heading, item, text, skip, or break (blank, rule, underline)."""
    heading = heading_of(line, following)
    if heading:
        return heading
    if not line.strip() or RULE.match(line) or SETEXT_UNDERLINE.match(line):
        return "break", ""
    if REFERENCE_DEFINITION.match(line):
        return "skip", ""
    item = LIST_ITEM.match(line)
    if item:
        return "item", (item.group(1) + " " if item.group(1) else "- ") + item.group(2)
    return "text", re.sub(r"^\s{0,3}>\s?", "", line).strip()


def heading_of(line: str, following: str) -> tuple[str, str] | None:
    """("h1" or "heading", text) for an ATX heading or a line underlined Setext-style."""
    atx = ATX_HEADING.match(line)
    if atx:
        return ("h1" if len(atx.group(1)) == 1 else "heading"), atx.group(2)
    if line.strip() and not LIST_ITEM.match(line) and SETEXT_UNDERLINE.match(following):
        return ("h1" if following.strip().startswith("=") else "heading"), line.strip()
    return None


def render_block(block: list[str]) -> str:
    return "\n".join(part for part in block if part.strip())


def strip_inline(text: str) -> str:
    text = IMAGE.sub("", text)
    text = LINK.sub(lambda m: m.group(1) or m.group(2), text)
    text = AUTOLINK.sub(r"\1", text)
    text = HTML_TAG.sub("", text)
    for _ in range(3):  # nested emphasis, e.g. ***both*** or **bold *em* bold**
        text = EMPHASIS.sub(lambda m: next(g for g in m.groups() if g is not None), text)
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!>])", r"\1", text).strip()
