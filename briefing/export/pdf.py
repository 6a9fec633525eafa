"""A briefing note as PDF, drawn by Qt (QTextDocument on a QPdfWriter): no external tools.

The only export module that uses Qt, and only inside ``render_pdf``, so the other formats
never load it. The page body is the same cleaned HTML as the HTML export; each page is
painted separately so its footer can say "Page N of M". The document information carries the
note's title, author and audience (as subject), the generator and the creation date; the
catalog names the note's language.
"""

from __future__ import annotations

import io
import os
import re
import sys
from typing import Any

from briefing.domain import counted
from briefing.export.html import note_language, render_html_body
from briefing.export.markup import right_to_left
from briefing.export.note import GENERATOR, RenderedNote

PDF_STYLESHEET = """
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 10.5pt; }
h1 { font-size: 19pt; } h2 { font-size: 13.5pt; margin-top: 14pt; } h3 { font-size: 11.5pt; }
blockquote { margin-left: 18pt; margin-right: 12pt; color: #333333; }
p.flag { color: #a4161a; font-weight: bold; }
code, pre { font-family: "DejaVu Sans Mono", monospace; }
"""
MARGIN_MM = 18.0
FOOTER_GAP_MM = 8.0
TABLE_GAP = 8.0  # a frame's margins are in the layout's pixels (1/96 inch), scaled to the device
_application: Any = None  # the application object made here, kept alive for later exports


def render_pdf(rendered: RenderedNote) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

    _ensure_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    _describe_document(writer, rendered)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)

    page = writer.pageLayout().paintRectPixels(writer.resolution())
    footer = writer.resolution() * FOOTER_GAP_MM / 25.4
    document = note_document(rendered, writer)
    document.setPageSize(QSizeF(page.width(), page.height() - footer))
    keep_items_together(document)
    keep_headings_with_text(document)
    pages = document.pageCount()

    height = page.height() - footer
    running = running_on(document, height)
    painter = QPainter(writer)
    try:
        for number in range(pages):
            if number:
                writer.newPage()
            painter.save()
            painter.translate(0, -number * height)
            draw_page(document, painter, QRectF(0, number * height, page.width(), height), running.get(number, ()))
            painter.restore()
            box = QRectF(0, page.height() - footer * 0.7, page.width(), footer * 0.7)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), f"Page {number + 1} of {pages}")
    finally:
        painter.end()
    buffer.close()
    return _with_subject_and_language(bytes(data.data()), rendered.note.audience, note_language(rendered))


def note_document(rendered: RenderedNote, device: Any = None) -> Any:
    """The note's body as a QTextDocument laid out for ``device`` (the PDF writer), not paginated."""
    from PySide6.QtGui import QFont, QTextDocument

    _ensure_application()
    document = QTextDocument()
    if device is not None:
        document.documentLayout().setPaintDevice(device)
    font = QFont("DejaVu Sans", 10)
    font.setFeature(QFont.Tag("liga"), 0)  # "ﬁ" copied out of the PDF would not be the source's "fi"
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(PDF_STYLESHEET)
    body = render_html_body(rendered).replace("<table>", '<table border="1" cellspacing="0" cellpadding="4">')
    body = LINK.sub(_with_address, body)  # on paper a link shows where it goes, as in the DOCX
    document.setHtml(f"<html><body>{body}</body></html>")  # Qt draws a table's grid from its attributes
    read_right_to_left(document)
    set_tables_apart(document)
    return document


def set_tables_apart(document: Any) -> None:
    """A table with some space above and below it: Qt's HTML import gives it none (nor reads a
    stylesheet's margin for it), and drops the top margin of the heading after it, which touched
    the table's last row, as the table touched the list above it."""
    for frame in document.rootFrame().childFrames():
        spaced = frame.format()
        spaced.setTopMargin(TABLE_GAP)
        spaced.setBottomMargin(TABLE_GAP)
        frame.setFormat(spaced)


def draw_page(document: Any, painter: Any, rect: Any, blocks: Any = ()) -> None:
    """Draw the part of the laid-out ``document`` in ``rect`` (one page). Qt draws a block that
    runs on from the page before with its last line there too, above the page and hidden, but in
    the PDF's text: a search found the line twice and a copy held it twice (its ``QTextLayout::draw``
    starts at the last line above the clip, not the one after). Such blocks, ``blocks``
    (``running_on``: paragraphs, list items, table cells), have their lines on this page drawn one
    by one, and are set aside below the page while Qt draws the rest of it: a table's grid and the
    cells beside them as it lays them out."""
    from PySide6.QtGui import QAbstractTextDocumentLayout

    painter.setClipRect(rect)
    layout = document.documentLayout()
    for block in blocks:
        origin = layout.blockBoundingRect(block).topLeft()  # a cell's lines are placed in its cell
        lines = block.layout()
        for index in range(lines.lineCount()):
            line = lines.lineAt(index)
            if rect.top() <= origin.y() + line.rect().top() < rect.bottom():
                line.draw(painter, origin)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = rect
    kept = [_set_aside(layout, block, rect.bottom()) for block in blocks]
    try:
        layout.draw(painter, context)
    finally:
        for block, places in zip(blocks, kept, strict=True):
            lines = block.layout()
            for index, place in enumerate(places):
                lines.lineAt(index).setPosition(place)


def _set_aside(layout: Any, block: Any, bottom: float) -> list[Any]:
    """Move every line of ``block`` below ``bottom`` (Qt then draws none of them); returns where
    they were."""
    from PySide6.QtCore import QPointF

    below = bottom + 1 - layout.blockBoundingRect(block).top()
    lines = block.layout()
    places = [lines.lineAt(index).position() for index in range(lines.lineCount())]
    for index, place in enumerate(places):
        lines.lineAt(index).setPosition(QPointF(place.x(), below + place.y()))
    return places


def running_on(document: Any, height: float) -> dict[int, list[Any]]:
    """For each page, the blocks that run on to it from the page before: paragraphs, list items and
    table cells cut by its top."""
    found: dict[int, list[Any]] = {}
    layout = document.documentLayout()
    block = document.begin()
    while block.isValid():
        lines = block.layout()
        if lines is not None and lines.lineCount() > 1:
            y = layout.blockBoundingRect(block).top()
            first, last = (int((y + lines.lineAt(i).rect().top()) // height) for i in (0, lines.lineCount() - 1))
            for page in range(first + 1, last + 1):
                found.setdefault(page, []).append(block)
        block = block.next()
    return found


# a link of the note's HTML (markup.py writes them, attributes escaped): <a href="...">words</a>
LINK = re.compile(r'<a href="(?P<href>[^"]*)"[^>]*>(?P<words>.*?)</a>', re.DOTALL)


def _with_address(match: re.Match) -> str:
    href, words = match.group("href"), match.group("words")
    shown = href.removeprefix("mailto:")
    return match.group(0) if re.sub(r"<[^>]*>", "", words).strip() == shown else f"{match.group(0)} ({shown})"


def read_right_to_left(document: Any) -> None:
    """A paragraph whose text reads right to left (``markup.right_to_left``: a Hebrew title, an
    Arabic note) is laid out right to left, so aligned right with its full stop at its end. Qt's
    HTML import makes every paragraph left to right, whatever its text."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextBlockFormat, QTextCursor

    block = document.begin()
    while block.isValid():
        if right_to_left(block.text()):
            backwards = QTextBlockFormat()
            backwards.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
            QTextCursor(block).mergeBlockFormat(backwards)
        block = block.next()


def keep_items_together(document: Any) -> None:
    """An item (a level 2 heading and what follows up to the next one) that fits on a page but
    would be cut by a page break starts the next page instead: a quote's speaker stood alone at
    the top of page 2, its words at the foot of page 1. An item longer than a page is cut where
    it must (``keep_headings_with_text`` still keeps its heading with its first words)."""
    from PySide6.QtGui import QTextBlockFormat, QTextCursor

    height = document.pageSize().height()
    layout = document.documentLayout()
    document.pageCount()  # lays the document out: positions are final, and follow each break set
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == 2:
            top, bottom = _lines_span(block, layout)[0], _lines_span(_last_of_item(block), layout)[1]
            cut = int(top // height) != int((bottom - 1) // height)
            if cut and bottom - top <= height and top % height > 0:
                moved = QTextBlockFormat()
                moved.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).mergeBlockFormat(moved)
        block = block.next()


def _lines_span(block: Any, layout: Any) -> tuple[float, float]:
    """Where a block's first line starts and its last line ends on the laid-out pages. Its
    bounding rectangle can end above a line the layout pushed onto the next page: '— Mira Okafor'
    measured 11736-11940 on a page 11953 high and was printed at the top of the next."""
    lines = block.layout()
    if lines is None or lines.lineCount() == 0:
        rect = layout.blockBoundingRect(block)
        return rect.top(), rect.bottom()
    y = lines.position().y()
    return y + lines.lineAt(0).rect().top(), y + lines.lineAt(lines.lineCount() - 1).rect().bottom()


def _last_of_item(heading: Any) -> Any:
    """The last block of the item a level 2 heading opens: the block before the next heading of
    level 1 or 2, or the document's last block."""
    block = heading
    while block.next().isValid() and block.next().blockFormat().headingLevel() not in (1, 2):
        block = block.next()
    return block


def keep_headings_with_text(document: Any) -> None:
    """A heading at the foot of a page, its text on the next, starts the next page instead (Qt's
    layout keeps no heading with what follows it)."""
    from PySide6.QtGui import QTextBlockFormat, QTextCursor

    height = document.pageSize().height()
    layout = document.documentLayout()
    document.pageCount()  # the layout is lazy: counting the pages lays it all out, so positions are final
    block = document.begin()
    while block.isValid():
        after = block.next()
        if block.blockFormat().headingLevel() and after.isValid():
            top = _lines_span(block, layout)[0]
            if int(top // height) != int(_lines_span(after, layout)[0] // height) and top % height > 0:
                moved = QTextBlockFormat()
                moved.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).mergeBlockFormat(moved)
        block = after


def missing_characters(rendered: RenderedNote) -> list[str]:
    """The note's characters no font installed here draws: the PDF shows each as an empty box
    (Korean, some emoji, on a machine without their fonts). DOCX, HTML and Markdown keep them."""
    from PySide6.QtGui import QFont, QTextDocument, QTextLayout

    _ensure_application()
    document = QTextDocument()
    document.setHtml(f"<html><body>{render_html_body(rendered)}</body></html>")
    fonts = {italic: QFont("DejaVu Sans", 10, italic=italic) for italic in (False, True)}
    missing: set[str] = set()
    for char, italic in sorted(_characters(document)):  # the italic face lacks Arabic, for one
        if ord(char) < 0x250 or char.isspace() or char in missing:
            continue  # Latin: the PDF's own font has them
        layout = QTextLayout(char, fonts[italic])
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        if any(0 in run.glyphIndexes() for run in layout.glyphRuns()):  # glyph 0: the empty box
            missing.add(char)
    return sorted(missing)


def _characters(document) -> set[tuple[str, bool]]:
    """Each character of the document with whether it is set in italic."""
    found: set[tuple[str, bool]] = set()
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            italic = fragment.charFormat().fontItalic()
            found |= {(char, italic) for char in fragment.text()}
            fragments += 1
        block = block.next()
    return found


def missing_characters_note(missing: list[str]) -> str | None:
    """One line on what the PDF cannot show, or None."""
    if not missing:
        return None
    shown = "".join(missing[:8]) + ("…" if len(missing) > 8 else "")
    boxes = f"the PDF shows {counted(len(missing), 'character')} as empty boxes ({shown})"
    return f"{boxes}: no font installed here has them; the DOCX, HTML and Markdown exports keep them"


def _describe_document(writer: Any, rendered: RenderedNote) -> None:
    """The document information a PDF reader shows: title, author (the note's), creator; Qt adds
    the creation date. Qt's writer has no subject: ``_with_subject_and_language`` adds it."""
    note = rendered.note
    writer.setTitle(note.title)
    writer.setCreator(GENERATOR)
    if note.author and hasattr(writer, "setAuthor"):  # QPdfWriter.setAuthor arrived in Qt 6.9
        writer.setAuthor(note.author)


def _with_subject_and_language(data: bytes, subject: str | None, language: str) -> bytes:
    """The PDF with its document information's subject (the note's audience) and its catalog's
    language (/Lang: ``html.note_language``, as the HTML page's lang), which screen readers and
    read-aloud voices speak the text by; set by pypdf. Qt's writer sets neither: QPdfWriter (Qt
    6.11) has no subject and no language, and writes a catalog of /Type, /Pages, /Names,
    /Metadata and /OutputIntents only; QTextDocument has no document language to hand it."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    writer = PdfWriter(clone_from=io.BytesIO(data))
    writer.pdf_header = data[: data.index(b"\n")]  # Qt's version ("%PDF-1.4"), not pypdf's default
    writer.root_object[NameObject("/Lang")] = TextStringObject(language)
    if subject:
        writer.add_metadata({"/Subject": subject})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _ensure_application() -> None:
    """Qt needs an application object for fonts; without a display it runs offscreen.

    A QApplication rather than a bare QGuiApplication: Qt allows one per process, and a
    process that exports first and opens a window later (the app, the tests) needs widgets."""
    global _application
    from PySide6.QtCore import QCoreApplication

    if QCoreApplication.instance() is not None:
        return
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if headless and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    _application = QApplication(["briefing"])
