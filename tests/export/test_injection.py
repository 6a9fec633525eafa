"""Hostile source and note text comes out inert in every format: no script, no remote image or
stylesheet, no javascript: link, and YAML front matter that reads back to the exact title."""

import io
import json
from html import escape as html_escape

import docx
import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from briefing.domain import BIDI_CONTROLS, as_one_line, strip_bidi
from briefing.export.formats import render_briefing
from briefing.export.html import markdown_to_html
from briefing.export.markup import SAFE_LINK, analyst_markdown, inline
from briefing.store.annotations import add_annotation
from briefing.store.briefings import add_item, create_briefing
from briefing.store.entities import add_entity
from briefing.store.quotes import add_quote
from briefing.store.sources import add_document
from tests.export.helpers import HtmlText, normal, pdf_text, received_note, split_front_matter, squeezed
from tests.store.test_sources import make_doc

PASSAGE = (
    "<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3)) "
    '![](http://remote/img.png) " onmouseover="alert(4)" AT&amp;T <style>@import url(http://remote/s.css)</style>'
)
SOURCE = f"Intro.\n\nShe said “{PASSAGE}” at noon."
TITLE = 'Outage: "day 3" \\ \n---\nrole: admin # <script>alert(10)</script>\n---'
ANALYST = """# Analysis <script>alert(11)</script>

[ok link](https://example.org/ok) and [bad](javascript:alert(12)) and [bad2]( JaVaScRiPt:alert(13)) and
<a href="javascript:alert(14)">raw link</a> and <http://remote/auto>

![remote](http://remote/img.png) and ![ref][img] and [ref link][evil]

[img]: http://remote/ref.png
[evil]: javascript:alert(15)

<style>body { background: url(http://remote/bg.png) }</style>
<link rel="stylesheet" href="http://remote/x.css">
<iframe src="http://remote/frame"></iframe>

```<script>
<script>alert(16)</script>
```
"""
DANGEROUS_TAGS = {
    "script",
    "img",
    "link",
    "iframe",
    "object",
    "embed",
    "style",
    "svg",
    "math",
    "form",
    "base",
    "meta",
    "video",
    "audio",
    "source",
    "input",
    "button",
}


@pytest.fixture
def hostile(ws):
    source, _ = add_document(
        ws,
        make_doc(
            SOURCE, title='Courier <b onclick="alert(5)">live</b> [t](javascript:x)', outlet='<i>Halden</i> & "Co"'
        ),
    )
    start = SOURCE.index(PASSAGE)
    quote = add_quote(ws, source, start, start + len(PASSAGE), speaker_text="<svg onload=alert(6)>")
    note = add_annotation(
        ws,
        source,
        start,
        start + 25,
        note="[click](javascript:alert(7)) ![t](http://remote/t.png)",
        tags=("<iframe src=http://remote/f>",),
    )
    entity = add_entity(ws, "<script>alert(8)</script> Okafor", "person")
    briefing = received_note(ws, TITLE, audience="desk: night\n- shift", author='O\'Brien "Bob"')
    for kind, ref in (("quote", quote), ("annotation", note), ("entity", entity), ("summary", source)):
        add_item(ws, briefing, kind, ref)
    add_item(ws, briefing, "text", body=ANALYST)
    return ws, briefing


def _assert_inert(page: HtmlText, allowed_style_tags: int = 0) -> None:
    tags = [tag for tag, _ in page.tags]
    assert tags.count("style") == allowed_style_tags
    assert not (DANGEROUS_TAGS - {"style", "meta"}) & set(tags)
    for tag, attrs in page.tags:
        if tag in ("html", "meta"):  # lang, charset, the content policy
            continue
        for name, value in attrs.items():  # a link may point anywhere on the web; nothing loads by itself
            if (name, value) == ("dir", "auto"):  # ours: a block's direction from its own text
                continue
            assert tag == "a" and name == "href" and SAFE_LINK.match(value), (tag, name, value)


def test_markdown_is_inert_in_any_renderer_and_the_front_matter_reads_back(hostile):
    ws, briefing = hostile
    fields, body = split_front_matter(render_briefing(ws, briefing, "md").decode())
    assert fields["title"] == as_one_line(TITLE)  # on one line, as every export writes a note's details
    assert fields["audience"] == "desk: night - shift" and fields["author"] == 'O\'Brien "Bob"'
    assert set(fields) == {
        "title",
        "audience",
        "date",
        "author",
        "generator",
        "generated",
        "items",
        "sources_cited",
        "not_verified",
        "judgements_to_check",
    }
    assert "<" not in body  # no tag of any kind, even for a renderer that passes raw HTML through
    page = HtmlText(markdown.markdown(body))  # Python-Markdown's defaults: raw HTML allowed
    _assert_inert(page)
    assert normal(PASSAGE) in page.text  # shown as written, the entity "&amp;" included
    assert ("a", {"href": "https://example.org/ok"}) in page.tags


def test_the_whole_markdown_file_front_matter_included_is_inert_in_any_renderer(hostile):
    """A renderer that does not know front matter shows it as a paragraph: the title's
    "<script>" was live there, as the body never is."""
    ws, briefing = hostile
    exported = render_briefing(ws, briefing, "md").decode()
    assert "<" not in exported
    _assert_inert(HtmlText(markdown.markdown(exported)))  # Python-Markdown's defaults: raw HTML allowed
    assert split_front_matter(exported)[0]["title"] == as_one_line(TITLE)


def test_a_title_is_no_markup_in_the_front_matter_either(ws):
    title = "DNC leak: *who* knew <b>Schultz</b> [more](javascript:alert(1)) #2 _x_ `y`"
    note = create_briefing(ws, title, audience="<i>desk</i> & *night*", author="A. *Analyst*")
    exported = render_briefing(ws, note, "md").decode()
    head = exported.split("\n---\n", 1)[0] + "\n---\n"
    for html in (markdown.markdown(head), MarkdownIt("commonmark", {"html": True}).render(head)):
        assert {tag for tag, _ in HtmlText(html).tags} <= {"hr", "p", "h2"}, html  # no <b>, <em>, <a>, <code>
    fields, _ = split_front_matter(exported)
    assert (fields["title"], fields["audience"], fields["author"]) == (title, "<i>desk</i> & *night*", "A. *Analyst*")


def test_html_is_inert(hostile):
    ws, briefing = hostile
    html = render_briefing(ws, briefing, "html").decode()
    page = HtmlText(html)
    _assert_inert(page, allowed_style_tags=1)  # our own stylesheet in the head
    head_style = html[html.index("<style>") : html.index("</style>")]
    assert "url(" not in head_style and "@import" not in head_style
    text = page.text
    for shown in (
        normal(PASSAGE),
        "Analysis <script>alert(11)</script>",
        "[bad](javascript:alert(12))",
        "![remote](http://remote/img.png)",
        "<script>alert(8)</script> Okafor",
    ):
        assert shown in text, shown
    assert f"<title>{html_escape(as_one_line(TITLE))}</title>" in html


def test_pdf_is_inert(hostile):
    from pypdf import PdfReader

    ws, briefing = hostile
    data = render_briefing(ws, briefing, "pdf")
    for action in (b"/JavaScript", b"/JS", b"/Launch", b"/SubmitForm", b"/ImportData", b"/RichMedia"):
        assert action not in data
    uris = [
        annot.get_object().get("/A", {}).get("/URI")
        for page in PdfReader(io.BytesIO(data)).pages
        for annot in page.get("/Annots", [])
    ]
    assert all(SAFE_LINK.match(uri) for uri in uris if uri), uris
    pages, _ = pdf_text(data)
    assert squeezed("<script>alert(1)</script>") in squeezed("".join(pages))


def test_docx_is_inert(hostile):
    ws, briefing = hostile
    document = docx.Document(io.BytesIO(render_briefing(ws, briefing, "docx")))
    assert not [rel for rel in document.part.rels.values() if rel.is_external]
    assert len(document.inline_shapes) == 0
    text = "\n".join(p.text for p in document.paragraphs)
    assert "<script>alert(1)</script>" in text and "[bad](javascript:alert(12))" in text
    assert document.core_properties.title == as_one_line(TITLE)


def test_json_is_data_and_cannot_be_read_as_markup(hostile):
    ws, briefing = hostile
    raw = render_briefing(ws, briefing, "json").decode()
    assert "<" not in raw and ">" not in raw
    doc = json.loads(raw)
    assert doc["briefing"]["title"] == as_one_line(TITLE)
    assert doc["items"][0]["text"] == PASSAGE and doc["items"][-1]["markdown"] == ANALYST


# A right-to-left override makes "Invoice exe.pdf" show as "Invoice fdp.exe"; an isolate left
# open drags the citation after it. Neither may reach a reader of any format (the PDF is drawn
# from the HTML body, and its extracted text is in logical order whatever the drawing shows).
REVERSED = "Invoice \u202eexe.pdf\u202c and \u2067isolated"


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_bidi_controls_in_source_and_note_text_do_not_reorder_the_export(ws, fmt):
    text = f"Intro.\n\nShe said “{REVERSED}” at noon."
    source, _ = add_document(ws, make_doc(text, title=f"Title {REVERSED}", outlet="Outlet \u202dLR"))
    start = text.index(REVERSED)
    quote = add_quote(ws, source, start, start + len(REVERSED), speaker_text="Speaker \u202bname")
    briefing = create_briefing(ws, "Bidi check")
    add_item(ws, briefing, "quote", quote)
    add_item(ws, briefing, "text", body=f"Analyst text {REVERSED}")
    data = render_briefing(ws, briefing, fmt)
    if fmt == "docx":
        shown = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    else:
        shown = data.decode()
    assert not BIDI_CONTROLS.search(shown)
    assert squeezed("Invoice exe.pdf and isolated") in squeezed(shown)
    assert "Speaker" in shown and "name" in shown


ESCAPE = "\x1b[31mRED\x1b[0m\x07"


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_control_characters_in_source_and_note_text_never_reach_the_export(ws, fmt):
    """A title, a speaker or the analyst's text holding an escape sequence (a received workspace,
    a pasted reason) recoloured the terminal that showed the exported file."""
    text = f"Intro.\n\nShe said “{ESCAPE} words” at noon."
    source, _ = add_document(ws, make_doc(text, title=f"Title {ESCAPE}", outlet="Outlet"))
    start = text.index(ESCAPE)
    quote = add_quote(ws, source, start, start + len(ESCAPE) + 6, speaker_text=f"Speaker {ESCAPE}")
    briefing = received_note(ws, f"Check {ESCAPE}")
    add_item(ws, briefing, "quote", quote)
    add_item(ws, briefing, "text", body=f"Analyst text {ESCAPE}")
    shown = render_briefing(ws, briefing, fmt).decode()
    assert "\x1b" not in shown and "\x07" not in shown
    body = split_front_matter(shown)[1] if fmt == "md" else shown  # front matter escapes it: \u001b
    assert "Analyst text RED" in body and "[31m" not in body  # the sequence goes whole


def test_json_keeps_the_passage_exactly_as_the_source_has_it(ws):
    text = f"Intro.\n\nShe said “{REVERSED}” at noon."
    source, _ = add_document(ws, make_doc(text))
    start = text.index(REVERSED)
    briefing = create_briefing(ws, "Bidi check")
    add_item(ws, briefing, "quote", add_quote(ws, source, start, start + len(REVERSED)))
    doc = json.loads(render_briefing(ws, briefing, "json"))
    assert doc["items"][0]["text"] == REVERSED  # the data itself, for checking against the source


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("*_`[]()<>&#!-+=.1 \\|~{}:/ah\"';"))
        | st.characters(blacklist_categories=("Cc", "Cs")),
        min_size=1,
    )
)
def test_source_text_renders_as_written_and_nothing_else(text):
    page = HtmlText(markdown_to_html(inline(text)))
    assert page.text == normal(strip_bidi(text))
    assert {tag for tag, _ in page.tags} <= {"p"}


def _harmless(name: str, value: str) -> bool:
    """A safe link, a code block's language class or a table column's alignment."""
    if name == "href":
        return bool(SAFE_LINK.match(value))
    return name == "class" and value.startswith("language-") or name == "style" and value.startswith("text-align")


TOKENS = [
    "<script>",
    "</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "JaVaScRiPt:",
    "![",
    "[",
    "]",
    "](",
    ")",
    "(",
    "http://remote/i.png",
    "https://ok.example/",
    "mailto:a@b.example",
    "\n",
    "\n\n",
    "```",
    "~~~",
    "`",
    "    ",
    "> ",
    "# ",
    "[r]: ",
    "<",
    ">",
    "&",
    "&#106;",
    "\\",
    "*",
    "_",
    " ",
    "a",
    '<a href="javascript:x">',
    "<!--",
    "-->",
    "<http://remote/x>",
    "<javascript:alert(1)>",
    '"',
    "=",
    "data:text/html,<script>",
    "<style>",
    "<iframe src=y>",
    "1. ",
    "- ",
    "|",
    "{",
    "}",
    "{: href=x}",
    "[r]:",
    "[r]",
    "file:///etc/passwd",
    "&#106;avascript:x",
    "\t",
    "   ",
    "\\[",
    "\\\\",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=25).map("".join))
def test_analyst_markdown_is_inert_for_any_renderer(text):
    exported = analyst_markdown(text, escape_html=True)
    assert "<" not in exported
    permissive = MarkdownIt("commonmark", {"html": True})
    permissive.validateLink = lambda url: True
    for html in (
        markdown.markdown(exported),
        markdown.markdown(exported, extensions=["extra"]),
        permissive.render(exported),
        markdown_to_html(analyst_markdown(text, escape_html=False)),
    ):
        for tag, attrs in HtmlText(html).tags:
            assert tag not in DANGEROUS_TAGS, html
            assert all(_harmless(name, value) for name, value in attrs.items()), html
