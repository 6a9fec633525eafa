"""read_document per format: text, headline kept apart, metadata from format and text."""

import hashlib
import os
import socket
import textwrap
import zipfile
from datetime import UTC, datetime

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from fpdf import FPDF
from pypdf import PdfReader

from briefing.domain import Document, IngestError
from briefing.ingest import read_document
from tests.ingest.builders import make_docx, make_eml, make_paged_pdf, make_pdf

HEADLINE = "Grid outage hits Port Halden"
PARA_1 = "The mayor said on Tuesday that the city's grid had failed again, leaving homes without power."
PARA_2 = "“We are doing everything we can,” she said. Officials blamed a transformer fault at Kessel Point."
PARAS = [PARA_1, PARA_2]
PLAIN_PARA_2 = PARA_2.replace("“", '"').replace("”", '"')  # fpdf2's core fonts are Latin-1


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_text_file_gives_a_complete_document(tmp_path):
    source = f"{HEADLINE}\nBy Jane Doe\nPublished 5 March 2026\n\n{PARA_1}\n\n{PARA_2}\n"
    path = write(tmp_path, "story.txt", source)
    doc = read_document(str(path))
    assert isinstance(doc, Document)
    assert (doc.path, doc.format, doc.raw) == (str(path), "txt", path.read_bytes())
    assert doc.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()
    assert (doc.title, doc.author, doc.published, doc.language) == (HEADLINE, "Jane Doe", "2026-03-05", "en")
    assert doc.text == f"{PARA_1}\n\n{PARA_2}"


def test_cp1252_text_file_decodes(tmp_path):
    path = write(tmp_path, "old.txt", f"Café report\n\n{PARA_1} It cost €5 – or more…", encoding="cp1252")
    doc = read_document(path)
    assert doc.title == "Café report"
    assert doc.text.endswith("It cost €5 – or more…")


def test_utf16_text_file_decodes(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes(f"{HEADLINE}\n\n{PARA_2}".encode("utf-16"))
    assert read_document(path).text == PARA_2


def test_markdown_front_matter_is_metadata_not_text(tmp_path):
    front = f'---\ntitle: "{HEADLINE}"\nauthor: Jane Doe\ndate: 2026-03-04\nsource: Halden Courier\n---\n\n'
    doc = read_document(write(tmp_path, "fm.md", f"{front}{PARA_1}\n\n{PARA_2}\n"))
    assert (doc.title, doc.author, doc.outlet, doc.published) == (HEADLINE, "Jane Doe", "Halden Courier", "2026-03-04")
    assert doc.text == f"{PARA_1}\n\n{PARA_2}"
    ruled = read_document(write(tmp_path, "rule.md", f"---\n\n{PARA_1}\n\n---\n\n{PARA_2}\n"))
    assert PARA_1 in ruled.text and PARA_2 in ruled.text  # thematic breaks, not front matter


def test_markdown_front_matter_values_are_read_as_yaml_reads_them(tmp_path):
    """A Markdown export writes a note title's markup characters as escapes ('\\u003cb\\u003e'):
    imported again, the title read the escapes as they stood."""
    from briefing.export.markup import yaml_scalar as written

    title = "DNC leak: *who* knew <b>“Schultz”</b> [1] #2 — אמר"
    front = f"---\ntitle: {written(title)}\nauthor: 'Jane O''Doe'\nsource: \"Halden \\\"Courier\\\"\"\n---\n\n"
    doc = read_document(write(tmp_path, "note.md", f"{front}{PARA_1}\n"))
    assert (doc.title, doc.author, doc.outlet) == (title, "Jane O'Doe", 'Halden "Courier"')


@pytest.mark.parametrize("suffix", [".md", ".markdown"])
def test_markdown_syntax_is_stripped(tmp_path, suffix):
    source = (
        f"# {HEADLINE}\n\n"
        "By **Jane Doe**\n\n"
        "The *mayor* said the [grid operator](https://grid.example) had __failed__ again.\n"
        "![a photo](photo.jpg)\n\n"
        "## What happens next\n\n"
        "- Repairs start on `Monday`\n"
        "* Tankers arrive\n"
        "1. An inquiry opens\n\n"
        "> A quoted line.\n\n"
        "[ref]: https://example.com\n"
    )
    doc = read_document(write(tmp_path, f"story{suffix}", source))
    assert doc.format == "md"
    assert (doc.title, doc.author) == (HEADLINE, "Jane Doe")
    assert doc.text.split("\n\n") == [
        "The mayor said the grid operator had failed again.",
        "What happens next",
        "- Repairs start on Monday\n- Tankers arrive\n1. An inquiry opens",
        "A quoted line.",
    ]


HTML = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{HEADLINE} | Halden Courier</title>
<meta property="og:site_name" content="Halden Courier">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2026-03-04T09:30:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<div class="banner">You are viewing the beta version of our site.</div>
<article><h1>{HEADLINE}</h1><p class="byline">By Jane Doe</p>
<p>{PARA_1}</p><p>{PARA_2}</p>
<p>Photo: John Roe / Getty Images</p>
<h2>Related reading</h2>
<ul><li><a href="/a">Halden grid fails again</a></li><li><a href="/b">Minister orders inquiry</a></li></ul>
<p>The regional minister said an inquiry would begin next week and publish before summer.</p>
</article>
<footer>© 2019 Halden Courier. All rights reserved. <a href="#">Facebook</a> <a href="#">Twitter</a></footer>
</body></html>"""


XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


@pytest.mark.parametrize("suffix", [".html", ".htm", ".xhtml"])
def test_html_main_text_and_metadata(tmp_path, suffix):
    """A page saved as XHTML (an XML declaration first) reads as any other."""
    page = XML_DECLARATION + HTML if suffix == ".xhtml" else HTML
    doc = read_document(write(tmp_path, f"page{suffix}", page))
    assert doc.format == "html"
    expected = (HEADLINE, "Halden Courier", "Jane Doe", "2026-03-04")
    assert (doc.title, doc.outlet, doc.author, doc.published) == expected
    assert doc.text.startswith(PARA_1)
    assert PARA_2 in doc.text
    for furniture in ("beta version", "Getty", "Related", "Halden grid fails", "©", "Home", "By Jane Doe"):
        assert furniture not in doc.text


def test_html_copyright_year_is_not_a_date(tmp_path):
    page = f"<html><body><article><h1>{HEADLINE}</h1><p>{PARA_1}</p><p>{PARA_2}</p></article>"
    page += "<footer>© 2019 Halden Courier</footer></body></html>"
    doc = read_document(write(tmp_path, "page.html", page))
    assert doc.published is None
    assert doc.title == HEADLINE


def test_tiny_html_falls_back_to_the_text_walk(tmp_path):
    page = "<html><body><div>Short note on the grid.</div></body></html>"
    doc = read_document(write(tmp_path, "tiny.html", page))
    assert doc.text == "Short note on the grid."


def test_html_json_ld_supplies_metadata(tmp_path):
    ld = (
        '{"@context": "https://schema.org", "@type": "NewsArticle", "datePublished": "2026-02-01",'
        ' "author": [{"@type": "Person", "name": "Ann Poe"}], "publisher": {"name": "Veldra Times"}}'
    )
    page = f'<html><head><script type="application/ld+json">{ld}</script></head><body><article>'
    page += f"<h1>{HEADLINE}</h1><p>{PARA_1}</p><p>{PARA_2}</p></article></body></html>"
    doc = read_document(write(tmp_path, "ld.html", page))
    assert (doc.author, doc.outlet, doc.published) == ("Ann Poe", "Veldra Times", "2026-02-01")


def test_html_declared_charset_is_used(tmp_path):
    page = f'<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9 {PARA_1}</p></body></html>'
    path = tmp_path / "legacy.html"
    path.write_bytes(page.encode("cp1252"))
    assert read_document(path).text == f"Café {PARA_1}"


def test_pdf_paragraphs_headline_and_info(tmp_path):
    long_para = " ".join([PARA_1] * 3)
    path = make_pdf(
        tmp_path / "story.pdf", [long_para, PLAIN_PARA_2], headline=HEADLINE, title=HEADLINE, author="J Doe"
    )
    doc = read_document(path)
    assert doc.format == "pdf"
    assert (doc.title, doc.author, doc.published) == (HEADLINE, "J Doe", "2026-03-04")
    # the wrapped lines of each paragraph are joined, the paragraphs stay apart
    assert doc.text == f"{long_para}\n\n{PLAIN_PARA_2}"


@pytest.mark.parametrize(
    "headline",
    [
        "Why the Harbour Authority Finally\nApproved the Ferry Terminal",
        "Storm damage:\nwhat insurers will pay",
        "Council backs long-\ndelayed harbour plan",
    ],
)
@pytest.mark.parametrize("info_title", ["first line", None])
def test_a_pdf_headline_broken_over_lines_is_the_whole_title(tmp_path, headline, info_title):
    """The first line of a headline is no title, and the rest is no paragraph of the body."""
    first = headline.split("\n")[0]
    body = " ".join([PARA_1] * 3)
    path = make_pdf(tmp_path / "story.pdf", [body, PLAIN_PARA_2], headline=headline, title=info_title and first)
    doc = read_document(path)
    whole = headline.replace("-\n", "-").replace("\n", " ")
    assert doc.title == whole
    assert doc.text == f"{body}\n\n{PLAIN_PARA_2}"


@pytest.mark.parametrize("edges_first", [False, True], ids=["in reading order", "header and footer drawn first"])
def test_pdf_pages_lose_running_lines_but_no_text(tmp_path, edges_first):
    sentence = "The mayor said on Tuesday that the city's grid had failed again, leaving homes dark. "
    paragraphs = [f"Paragraph {n}. {sentence * 6}".strip() for n in range(9)]
    doc = read_document(make_paged_pdf(tmp_path / "report.pdf", paragraphs, edges_first))
    assert PdfReader(tmp_path / "report.pdf").get_num_pages() == 2
    # every paragraph whole, including the one split by the page break; no header or page number
    assert doc.text == "\n\n".join(paragraphs)


def test_pdf_sentence_running_on_into_the_next_column_stays_one_paragraph(tmp_path):
    """A two-column analyst note split "subject to small upward" / "pressures due to the guidance"
    into two paragraphs at the column break."""
    left = (
        "Kreate guides that its revenue will grow to 290-310 MEUR in 2025, and that EBITA will grow to 9-11 MEUR. "
        "Our revenue forecasts for the company were subject to some small upward"
    )
    right = "pressures due to the guidance and outlook, but changes in earnings forecasts were moderate."
    after = "We now expect 2025 revenue to grow by 7% to 296 MEUR and adjusted EBITA to increase to 10.3 MEUR."
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.set_xy(10, 200)
    pdf.multi_cell(90, 6, left)
    pdf.set_xy(110, 20)
    pdf.multi_cell(90, 6, right)
    pdf.ln(6)
    pdf.set_x(110)
    pdf.multi_cell(90, 6, after)
    path = tmp_path / "columns.pdf"
    path.write_bytes(bytes(pdf.output()))
    assert read_document(path).text == f"{left} {right}\n\n{after}"


def test_pdf_words_set_in_bold_or_italic_stay_in_their_sentence(qapp, tmp_path):
    """Qt's PDF writer, as browsers' Print to PDF, sets each run of one font in a text block of
    its own, and pypdf ends a line at each: "turned on **accountability** of senior staff" came
    out as three paragraphs, and "**Warning:** the figures" as two."""
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    path = tmp_path / "bold.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    document = QTextDocument()
    document.setHtml(
        "<h1>Bank chief questioned over fake accounts</h1>"
        "<p><b>Warning:</b> the figures below are <i>provisional</i> and will change.</p>"
        "<p>The questioning turned on <b>accountability</b> of senior staff, and on <i>who knew</i>.</p>"
        "<p>A plain paragraph follows it, set in the body font on a line of its own.</p>"
    )
    document.print_(writer)
    del writer  # the file is complete once its writer is gone
    doc = read_document(path)
    assert doc.title == "Bank chief questioned over fake accounts"
    assert doc.text == (
        "Warning: the figures below are provisional and will change.\n\n"
        "The questioning turned on accountability of senior staff, and on who knew.\n\n"
        "A plain paragraph follows it, set in the body font on a line of its own."
    )


def test_pdf_byline_in_text_beats_the_file_author(tmp_path):
    path = make_pdf(tmp_path / "s.pdf", ["By Jane Doe", PARA_1], headline=HEADLINE, author="Office Scanner")
    doc = read_document(path)
    assert doc.author == "Jane Doe"
    assert doc.text == PARA_1


def test_pdf_creation_date_contradicting_the_dateline_is_not_used(tmp_path):
    dateline = "PORT HALDEN, Veldra, March 3 (Meridian Wire) - The mayor said the plant had failed again."
    made = datetime(2026, 11, 20, tzinfo=UTC)
    doc = read_document(make_pdf(tmp_path / "wire.pdf", [dateline, PARA_1], headline=HEADLINE, created=made))
    assert (doc.outlet, doc.published) == ("Meridian Wire", None)
    assert doc.text.startswith("The mayor said the plant had failed again.")


def test_docx_title_paragraphs_and_core_properties(tmp_path):
    created = datetime(2026, 3, 5, 8, 0, tzinfo=UTC)
    path = make_docx(
        tmp_path / "story.docx",
        PARAS,
        headline=HEADLINE,
        author="Jane Doe",
        created=created,
        bullets=("Repairs start Monday", "Tankers arrive"),
    )
    doc = read_document(path)
    assert doc.format == "docx"
    assert (doc.title, doc.author, doc.published) == (HEADLINE, "Jane Doe", "2026-03-05")
    assert doc.text == f"{PARA_1}\n\n{PARA_2}\n\n- Repairs start Monday\n- Tankers arrive"


def test_docx_list_items_that_write_their_own_mark_get_no_second_one(tmp_path):
    """A briefing note exported to Word lists its sources as "1. ..." in the List style; read back,
    each came in as "- 1. ..."."""
    path = make_docx(
        tmp_path / "note.docx", PARAS, headline=HEADLINE, bullets=("1. Halden Courier", "• Tankers arrive")
    )
    assert read_document(path).text == f"{PARA_1}\n\n{PARA_2}\n\n1. Halden Courier\n• Tankers arrive"


def test_docx_heading_1_opening_the_document_is_the_title(tmp_path):
    doc = read_document(make_docx(tmp_path / "h1.docx", PARAS, headline=HEADLINE, headline_style="Heading 1"))
    assert doc.title == HEADLINE


def test_docx_generator_defaults_are_not_metadata(tmp_path):
    # python-docx's template says author "python-docx", created 2013-12-23
    doc = read_document(make_docx(tmp_path / "plain.docx", [HEADLINE, *PARAS]))
    assert (doc.author, doc.published) == (None, None)
    assert doc.title == HEADLINE


def test_docx_tables_are_kept_between_their_paragraphs(tmp_path):
    """A table of positions was dropped: 'More special forces in Syria' could not be found."""
    table = [["Candidate", "Position"], ["Marta Okafor", "More ferries to the islands"]]
    doc = read_document(make_docx(tmp_path / "t.docx", [PARA_1, PARA_2], headline=HEADLINE, table=table))
    row = doc.text.index("Marta Okafor | More ferries to the islands")
    assert doc.text.index(PARA_1) < row < doc.text.index(PARA_2)
    assert "Candidate | Position" in doc.text


def test_docx_core_title_is_a_fallback(tmp_path):
    doc = read_document(make_docx(tmp_path / "t.docx", [PARA_1, PARA_2], core_title="Outage report"))
    assert doc.title == "Outage report"


def test_docx_reads_tracked_insertions_content_controls_and_not_deletions(tmp_path):
    """A document saved with Track Changes lost its inserted words ("the plant reopen" for "the plant
    would not reopen"); a content control's date and a cover page's title were lost too."""
    w = nsdecls("w")
    document = docx.Document()
    changed = document.add_paragraph("The ministry said the plant ")
    for change in (
        '<w:ins w:id="1"><w:r><w:t xml:space="preserve">would not </w:t></w:r></w:ins>',
        '<w:del w:id="2"><w:r><w:delText>will </w:delText></w:r></w:del>',
        '<w:moveFrom w:id="3"><w:r><w:t>soon </w:t></w:r></w:moveFrom>',
    ):
        changed._p.append(parse_xml(change.replace(" w:id", f" {w} w:id", 1)))
    changed.add_run("reopen before the inquiry reports in May.")
    dated = document.add_paragraph("Officials met on ")
    dated._p.append(parse_xml(f"<w:sdt {w}><w:sdtContent><w:r><w:t>4 March 2026</w:t></w:r></w:sdtContent></w:sdt>"))
    dated.add_run(" to discuss the outage at Kessel Point.")
    cover = f"<w:sdt {w}><w:sdtContent><w:p><w:r><w:t>{HEADLINE}</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    document.element.body.insert(0, parse_xml(cover))
    path = tmp_path / "tracked.docx"
    document.save(str(path))
    doc = read_document(path)
    assert doc.title == HEADLINE
    assert doc.text == (
        "The ministry said the plant would not reopen before the inquiry reports in May.\n\n"
        "Officials met on 4 March 2026 to discuss the outage at Kessel Point."
    )


TEXT_BOX = (
    '<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
    "<wps:wsp><wps:txbx><w:txbxContent>{paragraphs}</w:txbxContent></wps:txbx></wps:wsp>"
    "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
    "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{paragraphs}</w:txbxContent></v:textbox>"
    "</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
)


def test_docx_text_boxes_are_read_once_after_the_paragraph_anchoring_them(tmp_path):
    """A fact box's figures were skipped: Word keeps a text box's paragraphs inside a drawing
    (twice: the drawing and a fallback copy for older readers)."""
    ns = nsdecls("w", "wp", "a") + (
        ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
        ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
        ' xmlns:v="urn:schemas-microsoft-com:vml"'
    )
    box = TEXT_BOX.format(
        ns=ns,
        paragraphs="<w:p><w:r><w:t>Key figures</w:t></w:r></w:p><w:p><w:r><w:t>40,000 homes on boil-water notice."
        "</w:t></w:r></w:p>",
    )
    document = docx.Document()
    document.add_paragraph(PARA_1)._p.append(parse_xml(box))
    document.add_paragraph()._p.append(parse_xml(box.replace("Key figures", "In numbers")))  # anchored alone
    document.add_paragraph(PARA_2)
    path = tmp_path / "boxed.docx"
    document.save(str(path))
    assert read_document(path).text == (
        f"{PARA_1}\n\nKey figures\n\n40,000 homes on boil-water notice.\n\n"
        f"In numbers\n\n40,000 homes on boil-water notice.\n\n{PARA_2}"
    )


W_MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _with_parts(path, edits: dict[str, object]) -> None:
    """Rewrite the .docx at ``path``: each member's text through its edit, or a new member."""
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    for name, edit in edits.items():
        members[name] = (edit(members.get(name, b"").decode()) if callable(edit) else str(edit)).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def _notes_part(kind: str, notes: dict[str, str]) -> str:
    body = "".join(
        f'<w:{kind} w:id="{i}"><w:p><w:r><w:{kind}Ref/></w:r><w:r><w:t xml:space="preserve"> {t}</w:t></w:r></w:p>'
        f"</w:{kind}>"
        for i, t in notes.items()
    )
    separator = f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
    return f'<w:{kind}s xmlns:w="{W_MAIN}">{separator}{body}</w:{kind}s>'


def test_docx_footnotes_and_endnotes_follow_the_text_in_the_order_it_cites_them(tmp_path):
    """A report's footnotes, its sources, were skipped; a document whose only text was a note was
    refused as empty."""
    document = docx.Document()
    cited = document.add_paragraph("Officials blamed a transformer fault.")
    for kind, note_id in (("footnote", "7"), ("endnote", "2"), ("footnote", "3"), ("footnote", "7")):
        cited._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:{kind}Reference w:id="{note_id}"/></w:r>'))
    path = tmp_path / "noted.docx"
    document.save(str(path))
    rels = "".join(
        f'<Relationship Id="rNote{k}" Type="{RELS}/{k}s" Target="{k}s.xml"/>' for k in ("footnote", "endnote")
    )
    types = "".join(
        f'<Override PartName="/word/{k}s.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        f'wordprocessingml.{k}s+xml"/>'
        for k in ("footnote", "endnote")
    )
    _with_parts(
        path,
        {
            "word/footnotes.xml": _notes_part("footnote", {"3": "Ministry figures, 4 March.", "7": "Grid log."}),
            "word/endnotes.xml": _notes_part("endnote", {"2": "Interview with the mayor."}),
            "word/_rels/document.xml.rels": lambda text: text.replace("</Relationships>", rels + "</Relationships>"),
            "[Content_Types].xml": lambda text: text.replace("</Types>", types + "</Types>"),
        },
    )
    assert read_document(path).text == (
        "Officials blamed a transformer fault.\n\n1 Grid log.\n\n2 Ministry figures, 4 March.\n\n"
        "i Interview with the mayor."
    )


def test_a_strict_open_xml_docx_is_refused_saying_how_to_save_it(tmp_path):
    path = tmp_path / "strict.docx"
    make_docx(path, [PARA_1], headline=HEADLINE)
    strict = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
    _with_parts(path, {"_rels/.rels": lambda text: text.replace(f"{RELS}/officeDocument", strict)})
    with pytest.raises(IngestError, match=r"strict.docx: a Strict Open XML document: save it in Word as a Word"):
        read_document(path)


def test_eml_headers_and_plain_part(tmp_path):
    plain = f"{PARA_1}\n\n{PARA_2}\n\n-- \nJane\nDesk"
    html = f"<p>HTML VERSION {PARA_1}</p>"
    subject = f"Fwd: {HEADLINE}"
    path = make_eml(tmp_path / "m.eml", subject=subject, plain=plain, html=html, attachment=b"\x00bin")
    doc = read_document(path)
    assert doc.format == "eml"
    assert (doc.title, doc.author, doc.published) == (HEADLINE, "Jane Doe", "2026-03-04")
    assert doc.text == f"{PARA_1}\n\n{PARA_2}"


RAW_HEADER_EML = (
    "From: {sender} <desk@mekong.example>\r\nSubject: {subject}\r\n"
    "Date: Tue, 21 Apr 2026 09:15:00 +0700\r\nMIME-Version: 1.0\r\n"
    "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{body}\r\n"
)


RAW_HEADERS = {"utf-8": ("Lê Thu Trang", "Nhà máy ở Bắc Ninh"), "cp1252": ("José Müller", "Café owners count")}


@pytest.mark.parametrize("encoding", sorted(RAW_HEADERS))
def test_eml_raw_8bit_headers_are_decoded(tmp_path, encoding):
    # hand-written mail: non-ASCII header bytes instead of RFC 2047 encoded words
    sender, subject = RAW_HEADERS[encoding]
    headers = RAW_HEADER_EML.format(sender=sender, subject=subject, body="").encode(encoding)
    path = tmp_path / "raw.eml"
    path.write_bytes(headers + f"{PARA_1}\r\n".encode())
    doc = read_document(path)
    assert (doc.author, doc.title, doc.published) == (sender, subject, "2026-04-21")


def test_undecodable_bytes_never_reach_a_document(tmp_path):
    name = tmp_path / os.fsdecode(b"caf\xe9.txt")  # a Latin-1 file name on a UTF-8 system
    name.write_bytes(f"{HEADLINE}\n\n{PARA_1}".encode())
    doc = read_document(name)
    assert doc.path.endswith("café.txt")
    assert all(not 0xD800 <= ord(ch) <= 0xDFFF for field in (doc.path, doc.title, doc.text) for ch in field)


@pytest.mark.parametrize("label", ["FOR IMMEDIATE RELEASE", "PRESS RELEASE", "News release"])
def test_press_release_labels_are_never_the_title(tmp_path, label):
    source = (
        f"{label}\n\n{HEADLINE}\n\nPORT HALDEN, Veldra, 4 March 2026 — {PARA_1}\n\n"
        "Media contact:\nPetra Saljen, Press Office\npress@halden.example\n\n-ends-\n"
    )
    doc = read_document(write(tmp_path, "release.txt", source))
    assert (doc.title, doc.author, doc.published, doc.text) == (HEADLINE, None, "2026-03-04", PARA_1)
    eml = read_document(make_eml(tmp_path / "r.eml", subject=label, plain=source.split("\n\n", 1)[1]))
    assert (eml.title, eml.text) == (HEADLINE, PARA_1)


def test_eml_html_only_goes_through_the_html_reader(tmp_path):
    html = f"<html><body><article><p>{PARA_1}</p><p>{PARA_2}</p></article>"
    html += "<footer>© 2019 X</footer></body></html>"
    doc = read_document(make_eml(tmp_path / "h.eml", html=html))
    assert doc.text == f"{PARA_1}\n\n{PARA_2}"


def test_eml_hard_wrapped_body_is_unwrapped(tmp_path):
    long_para = " ".join([PARA_1] * 3)
    plain = textwrap.fill(long_para, 72) + "\n\n" + textwrap.fill(PARA_2, 72)
    doc = read_document(make_eml(tmp_path / "w.eml", plain=plain))
    assert doc.text == f"{long_para}\n\n{PARA_2}"


def test_eml_forwarded_header_block_is_cut(tmp_path):
    plain = "---------- Forwarded message ---------\nFrom: Desk <d@x.example>\nDate: Tue, 3 Mar 2026\n"
    plain += f"Subject: {HEADLINE}\nTo: me@x.example\n\n{PARA_1}"
    assert read_document(make_eml(tmp_path / "f.eml", plain=plain)).text == PARA_1


def test_html_import_never_touches_the_network(tmp_path, monkeypatch):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network used during import")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    page = (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"'
        ' "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">'
        '<html><head><link rel="stylesheet" href="http://cdn.example/s.css">'
        '<script src="http://cdn.example/x.js"></script></head>'
        f'<body><img src="http://img.example/a.jpg"><iframe src="http://ads.example/"></iframe>'
        f"<article><p>{PARA_1}</p><p>{PARA_2}</p></article></body></html>"
    )
    doc = read_document(write(tmp_path, "remote.html", page))
    assert doc.text == f"{PARA_1}\n\n{PARA_2}"
    assert attempts == []


def test_eml_forward_quoting_the_article_gives_the_article(tmp_path):
    """A forward with a note, a signature, then "On ..., X wrote:" and the article on "> " lines
    kept only the note; the forwarder is not the article's author."""
    article = [" ".join([PARA_1] * 3), " ".join([PARA_2] * 3)]
    quoted = "\n>\n".join("\n".join(f"> {line}" for line in textwrap.wrap(para, 60)) for para in article)
    plain = (
        "Team, see below from the Courier.\n\nJane\n\n-- \nJane Doe | Analyst\n+1 202 555 0143\n\n"
        f"On Mon, Mar 2, 2026 at 9:02 AM, Courier <alerts@courier.example> wrote:\n{quoted}\n"
    )
    doc = read_document(make_eml(tmp_path / "q.eml", subject=f"Fwd: {HEADLINE}", plain=plain))
    assert doc.text == "\n\n".join(article) and doc.author is None
    reply = f"{PARA_1}\n\n{PARA_2}\n\nOn Mon, Jane wrote:\n> Is the plant back?\n> Thanks"
    assert read_document(make_eml(tmp_path / "r.eml", plain=reply)).text == f"{PARA_1}\n\n{PARA_2}"  # a reply's quote


def test_eml_phone_signature_short_note_and_sender_written_last_name_first(tmp_path):
    plain = "FYI\n\n---------- Forwarded message ---------\nFrom: Desk <d@x.example>\n\n"
    plain += f"{PARA_1}\n\n{PARA_2}\n\nSent from my iPhone\n"
    doc = read_document(
        make_eml(tmp_path / "p.eml", subject=f"{HEADLINE};", plain=plain, sender='"Doe, Jane" <jane@courier.example>')
    )
    assert (doc.title, doc.author, doc.text) == (HEADLINE, None, f"{PARA_1}\n\n{PARA_2}")
    own = read_document(make_eml(tmp_path / "o.eml", plain=PARA_1, sender='"Doe, Jane" <jane@courier.example>'))
    assert own.author == "Jane Doe"
