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
