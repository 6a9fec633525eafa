"""PDFs as producers write them: a browser's printed header and footer, fonts that map glyphs
to no characters (pypdf gives glyph names, "/g24/g149", for text) and a program's values in
the document information."""

import pytest
from fpdf import FPDF

from briefing.domain import IngestError
from briefing.ingest import read_document
from briefing.ingest.pdf import glyph_name_chars
from tests.ingest.builders import make_pdf

READABLE = [
    "The regional grid operator said on Tuesday that the outage had left 40,000 homes without power.",
    "Officials and/or engineers blamed a transformer fault; the TCP/IP link to the substation failed too.",
]
GLYPHS = "/g24/g149/g135/g148/g3/g131/g133/g133/g135/g146/g150/g131/g144/g133/g135/g3/g145/g136/g3/g150/g135/g133"


def test_a_pdf_that_is_mostly_glyph_names_is_refused(tmp_path):
    """A working paper came in as 230,000 characters of "/g3/g145/g136": search and the reader
    showed only those, and its readable cover page would have passed for the document."""
    path = make_pdf(tmp_path / "paper.pdf", [READABLE[0], *[GLYPHS] * 6])
    with pytest.raises(IngestError) as caught:
        read_document(path)
    assert caught.value.reason.startswith("no readable text: the pdf's fonts map their glyphs to no characters")


def test_a_line_of_glyph_names_among_text_is_dropped(tmp_path):
    path = make_pdf(tmp_path / "report.pdf", [READABLE[0], GLYPHS, READABLE[1]])
    assert read_document(path).text == "\n\n".join(READABLE)


@pytest.mark.parametrize(
    "text, glyphs",
    [
        ("and/or, TCP/IP, 24/7, N/A, km/h", 0),
        ("/g3", 3),
        ("/G43/G24/G14", 12),
        ("/BT /D5/D9/CP", 9),  # a lone "/BT" is no run
    ],
)
def test_glyph_names_are_told_from_slashes_in_text(text, glyphs):
    assert glyph_name_chars(text) == glyphs


def test_a_program_value_in_the_document_information_is_no_title_or_author(tmp_path):
    """A working paper's PDF gave the author "ARRAY(0x2c7cf020)", a Perl list printed as text."""
    path = make_pdf(tmp_path / "paper.pdf", READABLE, title="ARRAY(0x2c7cf020)", author="ARRAY(0x2c7cf020)")
    doc = read_document(path)
    assert doc.author is None and "ARRAY" not in (doc.title or "")


class PrintedPage(FPDF):
    """An article printed from a browser: its date and title on top, its address and page below."""

    def header(self):
        self.set_font("Helvetica", "", 8)
        self.cell(95, 5, "3/4/26, 9:05 AM")
        self.cell(0, 5, "Grid outage hits Port Halden | Halden Courier", align="R")
        self.ln(10)

    def footer(self):
        self.set_y(-12)
        self.set_font("Helvetica", "", 8)
        self.cell(150, 5, "https://courier.example/news/2026/03/04/grid-outage-hits-port-halden")
        self.cell(0, 5, f"{self.page_no()}/{{nb}}", align="R")


def test_a_one_page_article_printed_from_a_browser_loses_the_browsers_header_and_footer(tmp_path):
    """The browser's header was the title ("3/4/26, 9:05 AM Grid outage hits Port Halden |
    Halden Courier") and its footer the last paragraph: on one page nothing repeats."""
    pdf = PrintedPage()
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 20)
    pdf.multi_cell(0, 9, "Grid outage hits Port Halden")
    pdf.set_font("Times", "", 12)
    for paragraph in READABLE:
        pdf.ln(3)
        pdf.multi_cell(0, 6, paragraph)
    path = tmp_path / "printed.pdf"
    path.write_bytes(bytes(pdf.output()))
    doc = read_document(path)
    assert (doc.title, doc.text) == ("Grid outage hits Port Halden", "\n\n".join(READABLE))


def numbered_pdf(path, paragraphs: list[str], numbers: range):
    """Paragraphs with ``numbers`` down the left margin, one a line, as on pleading paper."""
    pdf = FPDF()
    pdf.set_margins(25, 16, 20)
    pdf.add_page()
    pdf.set_font("Times", "", 12)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 9, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(9)
    pdf.set_font("Courier", "", 10)
    for number in numbers:
        pdf.text(12, 22 + (number - 1) * 9, str(number))
    path.write_bytes(bytes(pdf.output()))
    return path


def test_the_margins_line_numbers_of_pleading_paper_are_not_text(tmp_path):
    """A court filing's 28 margin numbers came in as 28 paragraphs "1", "2", ... on every page."""
    path = numbered_pdf(tmp_path / "filing.pdf", READABLE, range(1, 29))
    assert read_document(path).text == "\n\n".join(READABLE)


def test_a_few_numbers_alone_on_their_lines_stay(tmp_path):
    path = numbered_pdf(tmp_path / "ranks.pdf", READABLE, range(1, 11))
    assert "\n\n5\n\n6\n\n" in read_document(path).text  # the first and last are edge lines: page numbers


BROKEN = "The ministry told the committee on Thursday that the Kessel Point plant"
REOPEN = "reopen in May, once the inquiry had reported its findings to the minister."


def test_a_footnote_goes_to_the_end_and_the_paragraph_it_interrupts_stays_whole(tmp_path):
    """A report's footnote stood between "the plant would" and "reopen in May" as a paragraph of
    its own, splitting the sentence (and any quote in it) in two."""
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Times", "", 11)
    pdf.set_xy(10, 20)
    pdf.multi_cell(0, 6, READABLE[0], new_x="LMARGIN", new_y="NEXT")
    pdf.set_xy(10, 240)
    pdf.multi_cell(
        0, 6, "The ministry told the committee on Thursday that the Kessel Point plant would", new_x="LMARGIN"
    )
    pdf.set_font("Times", "", 8)
    pdf.set_xy(10, 280)
    pdf.multi_cell(0, 4, "1 The plant was closed for repairs in 2019 and again in 2023.", new_x="LMARGIN")
    pdf.add_page()
    pdf.set_font("Times", "", 11)
    pdf.set_xy(10, 20)
    pdf.multi_cell(0, 6, REOPEN, new_x="LMARGIN")
    path = tmp_path / "report.pdf"
    path.write_bytes(bytes(pdf.output()))
    assert read_document(path).text == (
        f"{READABLE[0]}\n\n{BROKEN} would {REOPEN}\n\n1 The plant was closed for repairs in 2019 and again in 2023."
    )


def test_a_stream_filter_by_an_abbreviated_name_is_refused_in_the_analysts_terms(tmp_path):
    # PDF allows "/A85" for ASCII85Decode only inside an inline image; the reader refuses it in a
    # stream, and its reason was advice to programmers ("removed in pypdf 7.0.0. Use …")
    import base64

    from tests.ingest.hostile import _pdf

    def refusal(name: str, filter_name: bytes, content: bytes) -> str:
        path = tmp_path / name
        path.write_bytes(
            _pdf(
                [
                    b"<< /Type /Catalog /Pages 2 0 R >>",
                    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                    b"/Resources << /Font << /F1 5 0 R >> >> >>",
                    b"<< /Length %d /Filter %s >>\nstream\n%s\nendstream" % (len(content), filter_name, content),
                    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                ]
            )
        )
        with pytest.raises(IngestError) as refused:
            read_document(path)
        assert "pypdf" not in refused.value.reason
        return refused.value.reason

    text = b"BT /F1 12 Tf 72 700 Td (Water returns) Tj ET"
    reason = refusal("abbreviated.pdf", b"/A85", base64.a85encode(text) + b"~>")
    assert reason.endswith("(a stream filter named /A85, which PDF allows only inside an inline image)")
    reason = refusal("brotli.pdf", b"/BrotliDecode", b"\x0b\x01\x80" + text + b"\x03")
    assert reason == "pdf compressed with Brotli, a proposed extension of PDF that Briefing cannot read"


@pytest.mark.parametrize(
    ("producer", "creator", "published"),
    [
        ("Skia/PDF m120", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0.0.0 Safari/537.36", None),
        ("Skia/PDF m131", "", None),
        ("wkhtmltopdf 0.12.6", "", None),
        ("Microsoft: Print To PDF", "Microsoft Edge", None),
        ("LibreOffice 7.5", "Writer", "2026-03-04"),  # a report's own file: made when it was written
        ("", "", "2026-03-04"),
    ],
)
def test_a_page_a_browser_printed_has_no_published_date_from_the_file(tmp_path, producer, creator, published):
    """A page saved as PDF on the day of import was dated that day, sorted first and cited so."""
    path = make_pdf(tmp_path / "page.pdf", READABLE, producer=producer, creator=creator)
    assert read_document(path).published == published
