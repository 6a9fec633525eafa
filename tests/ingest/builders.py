"""Build input files for importer tests: PDFs with fpdf2, DOCX with python-docx, e-mails."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

import docx
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

FIXED_DATE = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)


def make_pdf(
    path: Path,
    paragraphs: list[str],
    *,
    headline: str | None = None,
    title: str | None = None,
    author: str | None = None,
    created: datetime = FIXED_DATE,
    producer: str | None = None,
    creator: str | None = None,
) -> Path:
    """A text PDF: optional large headline, then 11pt paragraphs with a gap between them;
    ``producer`` and ``creator``: the programs its document information names."""
    pdf = FPDF()
    pdf.set_creation_date(created)
    if producer is not None:
        pdf.set_producer(producer)
    if creator:
        pdf.set_creator(creator)
    if title:
        pdf.set_title(title)
    if author:
        pdf.set_author(author)
    pdf.add_page()
    if headline:
        pdf.set_font("Helvetica", "B", 18)
        pdf.multi_cell(0, 9, headline)
        pdf.ln(5)
    pdf.set_font("Helvetica", "", 11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, paragraph)
        pdf.ln(4)
    path.write_bytes(bytes(pdf.output()))
    return path


class PagedPdf(FPDF):
    """Pages with a running header and a "Page N" footer, like a printed report."""

    def header(self):
        self.set_font("Helvetica", "", 8)
        self.cell(0, 5, "Halden Courier - Special report", align="C")
        self.ln(10)

    def footer(self):
        self.set_y(-15)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 10, f"Page {self.page_no()}", align="C")


class EdgesFirstPdf(FPDF):
    """A header in two pieces on one line (left and right) and the "Page N" footer, both drawn
    before the page's text, as page-layout programs write them: in reading order they are
    neither the page's first nor its last lines."""

    def header(self):
        self.set_font("Helvetica", "", 8)
        self.set_auto_page_break(False)  # the footer's place is below the text's bottom margin
        self.set_y(-15)
        self.cell(0, 10, f"Page {self.page_no()}", align="C")
        self.set_auto_page_break(True, margin=20)
        self.set_y(10)
        self.cell(95, 5, "Halden Courier | 4 March 2026")
        self.cell(0, 5, "POLITICS", align="R")
        self.ln(10)


def make_paged_pdf(path: Path, paragraphs: list[str], edges_first: bool = False) -> Path:
    pdf = EdgesFirstPdf() if edges_first else PagedPdf()
    pdf.set_creation_date(FIXED_DATE)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 5.5, paragraph)
        pdf.ln(3)
    path.write_bytes(bytes(pdf.output()))
    return path


def make_image_only_pdf(path: Path) -> Path:
    """A PDF with a drawing and no text, like a scan."""
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")
    path.write_bytes(bytes(pdf.output()))
    return path


def encrypt_pdf(source: Path, target: Path, user_password: str) -> Path:
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="RC4-128")
    with target.open("wb") as handle:
        writer.write(handle)
    return target


def make_docx(
    path: Path,
    paragraphs: list[str],
    *,
    headline: str | None = None,
    headline_style: str = "Title",
    author: str | None = None,
    core_title: str | None = None,
    created: datetime | None = None,
    bullets: tuple[str, ...] = (),
    table: list[list[str]] | None = None,
) -> Path:
    """``table``: rows of cells, set after the first paragraph."""
    document = docx.Document()
    if headline:
        document.add_paragraph(headline, style=headline_style)
    for index, paragraph in enumerate(paragraphs):
        document.add_paragraph(paragraph)
        if index == 0 and table:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for row, cells in zip(grid.rows, table, strict=True):
                for cell, text in zip(row.cells, cells, strict=True):
                    cell.text = text
    for item in bullets:
        document.add_paragraph(item, style="List Bullet")
    if author is not None:
        document.core_properties.author = author
    if core_title is not None:
        document.core_properties.title = core_title
    if created is not None:
        document.core_properties.created = created
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def make_eml(
    path: Path,
    *,
    subject: str = "Grid outage hits Port Halden",
    sender: str = "Jane Doe <jane@courier.example>",
    date: str | None = "Wed, 04 Mar 2026 09:30:00 +0100",
    plain: str | None = None,
    html: str | None = None,
    attachment: bytes | None = None,
) -> Path:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "desk@briefing.example"
    message["Subject"] = subject
    if date:
        message["Date"] = date
    if plain is not None:
        message.set_content(plain)
    if html is not None:
        if plain is None:
            message.set_content(html, subtype="html")
        else:
            message.add_alternative(html, subtype="html")
    if attachment is not None:
        message.add_attachment(attachment, maintype="application", subtype="octet-stream", filename="data.bin")
    path.write_bytes(bytes(message))
    return path
