"""A web page's markup put right where trafilatura would misread it, before it reads the page.

Four things on real pages lose an article's words in trafilatura:
- it drops an element by its class alone (in precision mode every span of class "link" or
  "bottom"), words of a sentence with it;
- it reads paragraphs from ``<p>`` elements and line breaks, and drops the words a ``<div>`` or
  ``<section>`` holds itself, outside any ``<p>``: a lede written straight into the article's
  container ("<div class=content>Following the launch, … <br><br>The report …") or a summary
  in a div of its own. Every later paragraph of such a container, after a ``<br>``, was kept;
  the first one, before it, was not;
- it takes a heading or a short paragraph holding a link without words (an anchor, an
  affiliate pixel: "<h2>Controller for $39.99<a href=…></a></h2>") for a list of links, and
  drops it;
- in precision mode it deletes an empty element with the words after it: a paragraph written
  after an empty ``<strong></strong>`` was lost.

The page is parsed once more only when one of these may be on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
from lxml import etree

SPAN_WITH_NAMES = re.compile(r"<span\b[^>]*\b(?:class|id|style)\s*=", re.IGNORECASE)
# a container's opening tag with words right after it
LOOSE_TEXT = re.compile(r"<(?:div|section|article)\b[^>]*>\s*[^\s<]", re.IGNORECASE)
LINKED_ITEM = re.compile(r"<li\b[^>]*>\s*<a\b", re.IGNORECASE)
EMPTY_INLINE_TAGS = frozenset("a b em i q s small span strong u".split())
EMPTY_INLINE = re.compile(r"<(a|b|em|i|q|s|small|span|strong|u)\b[^>]*>\s*</\1\s*>", re.IGNORECASE)
BLOCK_TAGS = frozenset(
    """
    p div h1 h2 h3 h4 h5 h6 li blockquote pre section article header footer tr dd dt figcaption
    td th br
    """.split()
)
SENTENCE_BLOCKS = frozenset("p li blockquote dd td".split())
WORD_CHARACTER = re.compile(r"\w")
CONTAINERS = frozenset("div section article".split())
# elements a sentence runs on through: a link, an emphasis, a named span
INLINE_TAGS = frozenset(
    "a abbr b bdi bdo cite code data dfn em font i kbd mark q s small span strong sub sup time u".split()
)
# a paragraph, not a date, a label or a credit: this many words, the last closing a sentence
MIN_LOOSE_WORDS = 4
SENTENCE_END = re.compile(r"[.!?…][\"'’”»)]*\s*$")


@dataclass(frozen=True)
class Markup:
    """The page to give trafilatura, and the items of each list on it made of links alone (each
    item's words, spaces collapsed): trafilatura's output no longer says what was a link."""

    html: str
    link_lists: frozenset[tuple[str, ...]] = frozenset()


def prepare_markup(html: str) -> Markup:
    """``html`` with named spans inside sentences freed, a container's loose sentences in a
    ``<p>`` and empty links and emphases gone (the page as it was when none of these is on it), and
    the page's lists of links."""
    steps = [
        step
        for pattern, step in (
            (SPAN_WITH_NAMES, free_inline_spans),
            (LOOSE_TEXT, wrap_loose_text),
            (EMPTY_INLINE, drop_empty_inline),
        )
        if pattern.search(html)
    ]
    if not steps and not LINKED_ITEM.search(html):
        return Markup(html)
    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return Markup(html)
    link_lists = find_link_lists(root)
    changed = [step(root) for step in steps]
    return Markup(lxml.html.tostring(root, encoding="unicode") if any(changed) else html, link_lists)


def find_link_lists(root) -> frozenset[tuple[str, ...]]:
    """The items of each list of two or more items whose every item is all link: a list of
    related stories, a menu."""
    found = set()
    for listing in root.iter("ul", "ol"):
        items = [item for item in listing if item.tag == "li"]
        texts = [" ".join(item.text_content().split()) for item in items]
        if (
            len(items) >= 2
            and all(texts)
            and all(_all_link(item, text) for item, text in zip(items, texts, strict=True))
        ):
            found.add(tuple(texts))
    return frozenset(found)


def _all_link(item, text: str) -> bool:
    linked = " ".join(" ".join(link.text_content().split()) for link in item.iter("a"))
    return linked == text


def free_inline_spans(root) -> bool:
    """Take the class, id and style off each span that stands inside a sentence; True when one was.

    trafilatura drops an element by its class alone: in precision mode every span of class
    "link" or "bottom", so "reported that <span class="link"><a>the NFL will fine Rudolph</a>
    </span> for his role" lost the words a link carried, mid-sentence. A span with words of its
    paragraph on both sides is part of the sentence, whatever its class."""
    freed = [span for span in root.iter("span") if span.attrib and _inside_a_sentence(span)]
    for span in freed:
        for name in ("class", "id", "style"):
            span.attrib.pop(name, None)
    return bool(freed)


def _inside_a_sentence(span) -> bool:
    block = next((a for a in span.iterancestors() if a.tag in SENTENCE_BLOCKS or a.tag in BLOCK_TAGS), None)
    if block is None or block.tag not in SENTENCE_BLOCKS:
        return False
    previous, parent = span.getprevious(), span.getparent()
    before = (previous.tail if previous is not None else parent.text) or ""
    return bool(WORD_CHARACTER.search(before) and WORD_CHARACTER.search(span.tail or ""))


def wrap_loose_text(root) -> bool:
    """Put the sentences that open a div, section or article, outside any child block, in a
    ``<p>`` of their own; True when one was.

    The run is the container's own text and the inline elements that follow it, up to the
    first line break or block. It counts only when the container itself holds most of its
    words (a teaser's link is no paragraph) and it reads as one: MIN_LOOSE_WORDS words or
    more, the last ending a sentence (a date or a label above an article stays as it was)."""
    wrapped = False
    for container in [element for element in root.iter(*CONTAINERS) if element.text and element.text.strip()]:
        run = _leading_run(container)
        if _reads_as_a_paragraph(container, run):
            paragraph = etree.Element("p")
            paragraph.text, container.text = container.text, None
            for child in run:
                paragraph.append(child)  # moves it, its tail with it
            container.insert(0, paragraph)
            wrapped = True
    return wrapped


def _leading_run(container) -> list:
    run = []
    for child in container:
        if not isinstance(child.tag, str) or child.tag not in INLINE_TAGS:
            break
        run.append(child)
    return run


def _reads_as_a_paragraph(container, run: list) -> bool:
    own = " ".join([container.text or "", *(child.tail or "" for child in run)])
    words = " ".join([container.text or "", *(child.text_content() + (child.tail or "") for child in run)])
    count = len(words.split())
    return count >= MIN_LOOSE_WORDS and 2 * len(own.split()) >= count and SENTENCE_END.search(words) is not None


def drop_empty_inline(root) -> bool:
    """Take out each link, emphasis or span with neither words nor anything inside it (an image
    link stays); True when one was. The words after it stay where they were."""
    empty = [
        element for element in root.iter(*EMPTY_INLINE_TAGS) if len(element) == 0 and not (element.text or "").strip()
    ]
    for element in empty:
        element.drop_tree()
    return bool(empty)
