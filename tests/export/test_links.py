"""No export holds a live link other than http, https, mailto or an anchor in the document.

Hostile link syntax of every kind goes into a source's title and text, a quote, an annotation's
note, an entity's name and the analyst's own text sections; each export is then rendered by
real Markdown renderers (Python-Markdown bare and with its common extensions, markdown-it in
CommonMark mode with its link check switched off, as a permissive renderer would be) and every
href and src of the resulting HTML is read back with html.parser.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from html.parser import HTMLParser

import docx
import markdown
import pytest
from markdown_it import MarkdownIt
from pypdf import PdfReader

from briefing.export.formats import render_briefing
from briefing.export.html import markdown_to_html
from briefing.export.markup import analyst_markdown
from briefing.store.annotations import add_annotation
from briefing.store.briefings import add_item
from briefing.store.entities import add_entity
from briefing.store.quotes import add_quote
from briefing.store.sources import add_document
from tests.export.helpers import received_note, split_front_matter
from tests.store.test_sources import make_doc

HOSTILE = (
    "> [r1]: javascript:alert(1)\n>\n> [quoted][r1]",
    "- [r2]: file:///etc/passwd\n\n[listed][r2]",
    "1. [r3]: javascript:alert(3)\n\n[numbered][r3]",
    "[r4\nsplit]: javascript:alert(4)\n\n[split][r4 split]",
    '[r5]:\n  javascript:alert(5)\n  "a title\n  over lines"\n\n[titled][r5]',
    '[r6]: javascript:alert(6) "title"\n\n[r6]',
    "   [r7]: <javascript:alert(7)>\n\n[r7][]",
    "[r8]: &#106;avascript:alert(8)\n\n[r8]",
    "<javascript:alert(9)>",
    "<file:///etc/passwd>",
    "[x](javascript:alert(10))",
    "[x]( <file:///etc/passwd> )",
    "[x](<javascript:alert(11)>)",
    "[x](&#106;avascript:alert(12))",
    "[x](jav&#x09;ascript:alert(13))",
    "[x](JaVaScRiPt:alert(14) 'title')",
    "[x](data:text/html,<script>alert(15)</script>)",
    "[x]\n(javascript:alert(16))",
    '<a href="javascript:alert(17)">raw</a>',
    "<div>\n[in html](javascript:alert(18))\n</div>",
    "<img src=x onerror=alert(19)>",
    "![image](file:///etc/passwd) ![ref][r1]",
    "[![nested](https://ok.example/i.png)](javascript:alert(20))",
    '[fine](https://ok.example/){: href="javascript:alert(21)" onclick="alert(22)"}',
    'Paragraph\n{: onclick="alert(23)" }',
    "`\\`[after code](javascript:alert(24))`",
    "\\\\[double](javascript:alert(25))",
    "\\[escaped\\](javascript:alert(26)) \\<javascript:alert(27)>",
    "~~~\n[in tildes](javascript:alert(28))\n~~~",
    "```\n\n[in backticks](javascript:alert(29))\n\n```",
    "```a`b\n[after a false fence](javascript:alert(30))",
    "[[javascript:alert(31)]] [^n]\n\n[^n]: javascript:alert(32)",
    "*[ABBR]: javascript:alert(33)",
    "[x](https://ok.example/)(javascript:alert(34))",
)
SAFE = "[kept](https://example.org/ok) and [mail](mailto:desk@example.org)"


class Links(HTMLParser):
    """Every URL-valued attribute of a page, and every attribute that runs script."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.handlers: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src", "action", "formaction", "data", "poster", "srcset", "xlink:href"):
                self.urls.append(value or "")
            if name.startswith("on"):
                self.handlers.append(f"{tag} {name}={value}")


ALLOWED_URL = re.compile(r"(?i)(https?://|mailto:|#)")


def _assert_only_safe_links(html: str) -> list[str]:
    links = Links(html)
    assert not links.handlers, links.handlers
    unsafe = [url for url in links.urls if not ALLOWED_URL.match(url)]
    assert not unsafe, unsafe
    return links.urls


def _permissive_markdown_it() -> Callable[[str], str]:
    renderer = MarkdownIt("commonmark", {"html": True})
    renderer.validateLink = lambda url: True  # as a renderer without markdown-it's own check would be
    return renderer.render


RENDERERS: dict[str, Callable[[str], str]] = {
    "python-markdown": markdown.markdown,
    "python-markdown extra": lambda text: markdown.markdown(
        text, extensions=["extra", "sane_lists", "nl2br", "admonition", "toc", "wikilinks"]
    ),
    "markdown-it permissive": _permissive_markdown_it(),
    "markdown-it default": MarkdownIt("default").render,
}


@pytest.fixture
def hostile_note(ws):
    text = "Intro.\n\n" + "\n\n".join(f"She said “{h}” at noon." for h in HOSTILE)
    source, _ = add_document(
        ws,
        make_doc(
            text, title=" ".join(h.replace("\n", " ") for h in HOSTILE[:12]), outlet=HOSTILE[9], author=HOSTILE[0]
        ),
    )
    note = received_note(ws, HOSTILE[3], audience=HOSTILE[1], author=HOSTILE[10])
    entity = add_entity(ws, HOSTILE[13], "person")
    for hostile in HOSTILE:
        start = text.index(hostile)
        quote = add_quote(ws, source, start, start + len(hostile), speaker_text=hostile)
        annotation = add_annotation(ws, source, start, start + len(hostile), note=hostile, tags=(hostile,))
        add_item(ws, note, "quote", quote)
        add_item(ws, note, "annotation", annotation)
        add_item(ws, note, "text", body=hostile)
    add_item(ws, note, "entity", entity)
    add_item(ws, note, "summary", source)
    add_item(ws, note, "text", body=SAFE)
    return ws, note


@pytest.mark.parametrize("renderer", RENDERERS)
def test_the_markdown_export_has_no_live_link_in_any_renderer(hostile_note, renderer):
    ws, note = hostile_note
    _, body = split_front_matter(render_briefing(ws, note, "md").decode())
    urls = _assert_only_safe_links(RENDERERS[renderer](body))
    assert "https://example.org/ok" in urls  # the analyst's own safe link still works


def test_the_html_export_has_no_live_link(hostile_note):
    ws, note = hostile_note
    urls = _assert_only_safe_links(render_briefing(ws, note, "html").decode())
    assert "https://example.org/ok" in urls and "mailto:desk@example.org" in urls


def test_the_pdf_and_docx_exports_have_no_live_link(hostile_note):
    ws, note = hostile_note
    reader = PdfReader(io.BytesIO(render_briefing(ws, note, "pdf")))
    uris = [
        str(annot.get_object().get("/A", {}).get("/URI", ""))
        for page in reader.pages
        for annot in page.get("/Annots", [])
    ]
    assert all(ALLOWED_URL.match(uri) for uri in uris), uris
    document = docx.Document(io.BytesIO(render_briefing(ws, note, "docx")))
    targets = [rel.target_ref for rel in document.part.rels.values() if rel.is_external]
    assert all(ALLOWED_URL.match(target) for target in targets), targets


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("renderer", RENDERERS)
def test_each_construct_is_inert_on_its_own(text, renderer):
    _assert_only_safe_links(RENDERERS[renderer](analyst_markdown(text, escape_html=True)))
    _assert_only_safe_links(markdown_to_html(analyst_markdown(text, escape_html=False)))
