import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.export.markup import analyst_markdown, front_matter, inline, yaml_scalar

SAFE_LINKS = "[site](https://example.org) [mail](mailto:a@b.example)"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("# Title\n\n## Section", "## Title\n\n## Section"),  # the note's title is the only level 1
        ("Title\n=====\n\nwords\n\n===", "Title\n-----\n\nwords\n\n==="),  # so too underlined ('===' alone stays)
        (SAFE_LINKS, SAFE_LINKS),
        ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
        ("[x]( JAVASCRIPT:alert(1))", "\\[x\\]( JAVASCRIPT:alert(1))"),
        ("[x](file:///etc/passwd) [y](relative/page)", "\\[x\\](file:///etc/passwd) \\[y\\](relative/page)"),
        ("![chart](http://remote/c.png)", "!\\[chart\\](http://remote/c.png)"),
        ("[ref]: javascript:alert(1)", "\\[ref\\]: javascript:alert(1)"),
        ("[ref]: https://example.org", "\\[ref\\]: https://example.org"),  # reference links are shown as text
        ("> [r]: javascript:x\n- [s]: file:///etc/passwd", "> \\[r\\]: javascript:x\n- \\[s\\]: file:///etc/passwd"),
        ("[a](https://x.example/){: href=x}", "[a](https://x.example/)\\{: href=x\\}"),
        ("\\[kept\\] \\\\[x](https://x.example/) \\<b>", "\\[kept\\] \\\\[x](https://x.example/) &lt;b>"),
        ("a&b [a&b](https://x.example/?a&b)", "a&amp;b [a&amp;b](https://x.example/?a&amp;b)"),
        ("a <b>bold</b> & <!-- c -->", "a &lt;b>bold&lt;/b> &amp; &lt;!-- c -->"),
        ("```html\n<b>x</b>\n```\n# after", "```html\n&lt;b>x&lt;/b>\n```\n## after"),
        ("~~~\n[x](javascript:y) # not a heading\n~~~", "~~~\n\\[x\\](javascript:y) # not a heading\n~~~"),
        ("```\nnever closed <i>", "```\nnever closed &lt;i>\n```"),
    ],
)
def test_analyst_markdown_keeps_formatting_and_disarms_the_rest(text, expected):
    assert analyst_markdown(text) == expected


def test_analyst_markdown_for_the_html_renderer_leaves_html_to_it():
    assert analyst_markdown("a <b> & [x](javascript:y)", escape_html=False) == "a <b> & \\[x\\](javascript:y)"


def test_a_list_nested_by_three_spaces_stays_nested_in_the_html_pdf_and_docx():
    """'2. Second point' over '   - nested bullet' (CommonMark nests it) came out as one item
    'Second point - nested bullet': Python-Markdown nests only an item indented by four."""
    from briefing.export.html import markdown_to_html

    html = markdown_to_html(analyst_markdown("1. First\n2. Second\n   - nested\n   - again", escape_html=False))
    assert html.count("<ul>") == 1 and "<li>nested</li>" in html and "<li>again</li>" in html
    assert analyst_markdown("  - two spaces, no list above", escape_html=False) == "  - two spaces, no list above"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("```python {.x}\na[i] <b>\n```", "```python\na[i] <b>\n```"),
        (" ~~~~\n[x](y)\n~~~~~\nafter [x](y)", "~~~~\n[x](y)\n~~~~\nafter \\[x\\](y)"),
        ("```\nnever closed [x](y)", "```\nnever closed [x](y)\n```"),
    ],
)
def test_code_for_the_html_renderer_is_written_as_fences_it_reads_as_code(text, expected):
    assert analyst_markdown(text, escape_html=False) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("*not* _emphasis_ `code` [link](x)", "\\*not\\* \\_emphasis\\_ \\`code\\` \\[link\\](x)"),
        ("1. not a list", "1\\. not a list"),
        ("- not a bullet", "\\- not a bullet"),
        ("# not a heading", "\\# not a heading"),
        ("<b> & </b>", "&lt;b&gt; &amp; &lt;/b&gt;"),
        ("two\n\nparagraphs", "two paragraphs"),
        # a '!' is markup only before '[', and every '[' of the text is escaped: only a last one
        ('victim: "We got her!" [1]', 'victim: "We got her!" \\[1\\]'),
        ("![img](x) Please!", "!\\[img\\](x) Please\\!"),
    ],
)
def test_inline_escapes_markup(text, expected):
    assert inline(text) == expected


@pytest.mark.parametrize(
    "value",
    [
        'Outage: "day 3"',
        "---",
        "a: b",
        "line\nbreak",
        "back\\slash",
        "tab\there",
        "# comment",
        "- item",
        "{x: 1}",
        "[1, 2]",
        "'single'",
        "null",
        "true",
        "12",
        "\u2028\u2029\x85",
        "\ufeffbom",
        "",
        " padded ",
    ],
)
def test_yaml_scalars_are_one_line_and_read_back(value):
    written = yaml_scalar(value)
    assert "\n" not in written and written.startswith('"') and written.endswith('"')
    assert json.loads(written) == value
    assert not set(written) & {"\x85", "\u2028", "\u2029", "\ufeff"}


@given(st.text())
def test_any_text_survives_front_matter(value):
    head = front_matter({"title": value, "items": 3, "author": None})
    lines = head.split("\n")
    assert lines[0] == lines[4] == "---" and lines[5] == ""
    assert json.loads(lines[1].removeprefix("title: ")) == value
    assert lines[2:4] == ["items: 3", "author: null"]


def test_right_to_left_words_are_set_apart_in_every_format(tmp_path):
    """An Arabic title beside its outlet and date read '.تقرير… , by 02-12-2014 ,مراسل' in the
    list of sources, and a Hebrew quote's full stop moved to its start: the words of a source
    in right-to-left letters are isolated from ours (U+2068 ... U+2069)."""
    import io

    import docx

    from briefing.domain import Document
    from briefing.export.formats import render_briefing
    from briefing.store import open_workspace
    from briefing.store.briefings import add_item, create_briefing
    from briefing.store.quotes import add_quote
    from briefing.store.sources import add_document

    words = "הממשלה תחליט מחר."
    text = f"“{words}” אמר הדובר."
    with open_workspace(tmp_path / "w.briefing") as ws:
        document = Document(
            path="a.txt",
            format="txt",
            raw=text.encode(),
            content_hash="h",
            text=text,
            title="تقرير المراسل",
            outlet="Reuters",
            author="مراسل",
            published="2014-12-02",
        )
        source, _ = add_document(ws, document)
        note = create_briefing(ws, "RTL")
        add_item(ws, note, "quote", add_quote(ws, source, 1, 1 + len(words), speaker_text="הדובר", cue="אמר"))
        markdown = render_briefing(ws, note, "md").decode()
        html = render_briefing(ws, note, "html").decode()
        paragraphs = " ".join(p.text for p in docx.Document(io.BytesIO(render_briefing(ws, note, "docx"))).paragraphs)
    for written in (markdown, html, paragraphs):
        assert "\u2068تقرير المراسل\u2069." in written and "by \u2068مراسل\u2069, 2014-12-02" in written
        assert f"“\u2068{words}\u2069”" in written
    assert analyst_markdown("plain words") == "plain words"  # left-to-right text is left alone


@pytest.mark.parametrize(
    ("text", "backwards"),
    [
        ("שלום, world", True),
        ("(1) هذا", True),
        ("Hello שלום", False),
        ("123 ...", False),
        ("“\u2068שלום\u2069” [1, paragraph 2]", False),  # an isolated quote leaves the line as it was
        ("\u2068Hi\u2069 שלום", True),
    ],
)
def test_a_paragraph_reads_right_to_left_by_its_first_strong_character(text, backwards):
    from briefing.export.markup import right_to_left

    assert right_to_left(text) is backwards
