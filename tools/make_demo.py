"""Generate the binary articles of the Briefing demo corpus.

The hand-written .txt, .md and .html demo articles live directly in
resources/demo/. The .pdf, .docx and .eml ones are built by this script
from plain-text sources in tools/demo_text/, so their wording stays
reviewable in a diff.

Source format: "key: value" header lines, a line "---", then blocks
separated by blank lines. A block starting with "# " is the headline,
"## " a sub-heading, anything else a paragraph. Header keys:

    output      file name written in resources/demo/ (suffix picks the format)
    title       document title (PDF/DOCX metadata, e-mail Subject)
    author      PDF/DOCX author
    date        ISO 8601 timestamp with UTC offset (creation date / Date:)
    from, to, message-id    e-mail only

Usage:  python tools/make_demo.py
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import docx
from fpdf import FPDF

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "tools" / "demo_text"
DEMO = ROOT / "resources" / "demo"


@dataclass
class Source:
    """One article: header metadata plus (heading level, text) blocks."""

    meta: dict[str, str]
    blocks: list[tuple[int, str]]  # level 1 = headline, 2 = sub-heading, 0 = paragraph

    @property
    def date(self) -> datetime:
        return datetime.fromisoformat(self.meta["date"])


def read_source(path: Path) -> Source:
    """Parse a tools/demo_text/ file into a Source."""
    head, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
    meta = {}
    for line in head.splitlines():
        key, _, value = line.partition(":")
        meta[key.strip()] = value.strip()
    blocks = []
    for raw in body.split("\n\n"):
        text = " ".join(raw.split())
        if text:
            level = len(text) - len(text.lstrip("#"))
            blocks.append((level, text[level:].strip()))
    return Source(meta, blocks)


def write_pdf(src: Source, out: Path) -> None:
    """Render with a core font; core fonts only cover latin-1 text."""
    pdf = FPDF(format="A4")
    pdf.set_title(src.meta["title"])
    pdf.set_author(src.meta["author"])
    pdf.set_creator("Briefing tools/make_demo.py")
    pdf.set_creation_date(src.date)
    pdf.set_margins(20, 20)
    pdf.add_page()
    for level, text in src.blocks:
        text.encode("latin-1")  # fail loudly rather than print "?"
        size, style = {1: (16, "B"), 2: (12, "B")}.get(level, (11, ""))
        pdf.set_font("Helvetica", style, size)
        pdf.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.output(str(out))


def write_docx(src: Source, out: Path) -> None:
    """Headline in the Title style, sub-headings as Heading 1."""
    document = docx.Document()
    for level, text in src.blocks:
        if level:
            document.add_heading(text, level=level - 1)
        else:
            document.add_paragraph(text)
    props = document.core_properties
    props.title = src.meta["title"]
    props.author = props.last_modified_by = src.meta["author"]
    utc = src.date.astimezone(UTC).replace(tzinfo=None)
    props.created = props.modified = utc
    props.revision = 1
    props.comments = "Briefing demo corpus: fictional article"
    document.save(str(out))


def email_html(src: Source) -> str:
    """The text/html part: h1 for the headline, h2 and p for the rest."""
    lines = []
    for level, text in src.blocks:
        tag = {1: "h1", 2: "h2"}.get(level, "p")
        lines.append(f"<{tag}>{html.escape(text, quote=False)}</{tag}>")
    body = "\n".join(lines)
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f"<title>{html.escape(src.meta['title'])}</title></head>\n"
        f"<body>\n{body}\n</body></html>\n"
    )


def email_plain(src: Source) -> str:
    """The text/plain part: one blank-line-separated block per heading or paragraph."""
    return "\n\n".join(text for _, text in src.blocks) + "\n"


def write_eml(src: Source, out: Path) -> None:
    """A UTF-8 multipart/alternative message (quoted-printable + base64)."""
    msg = EmailMessage()
    msg["From"] = src.meta["from"]
    msg["To"] = src.meta["to"]
    msg["Subject"] = src.meta["title"]
    msg["Date"] = format_datetime(src.date)
    msg["Message-ID"] = src.meta["message-id"]
    msg.set_content(email_plain(src), cte="quoted-printable")
    msg.add_alternative(email_html(src), subtype="html", cte="base64")
    msg.set_boundary(f"=_briefing-demo-{out.stem}")  # reproducible output
    out.write_bytes(bytes(msg))


WRITERS = {".pdf": write_pdf, ".docx": write_docx, ".eml": write_eml}


def main() -> None:
    for path in sorted(SOURCES.glob("*.txt")):
        src = read_source(path)
        out = DEMO / src.meta["output"]
        WRITERS[out.suffix](src, out)
        print(out.relative_to(ROOT))


if __name__ == "__main__":
    main()
