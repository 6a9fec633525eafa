import os
import subprocess
import sys
import unicodedata

import pytest

from briefing.export.formats import render_briefing
from tests.export.helpers import CITATION_TEXTS, ITEM_TEXTS, QUOTE, normal, pdf_text, squeezed


def test_pdf_round_trip_finds_every_item_citation_and_page_number(case):
    data = render_briefing(case.ws, case.briefing_id, "pdf")
    pages, reader = pdf_text(data)
    text = squeezed("\n".join(pages))
    for words in ITEM_TEXTS + CITATION_TEXTS:
        assert squeezed(words) in text, words
    assert squeezed(f"“{QUOTE}” [1, paragraph 2]") in text
    assert squeezed("Sources") in text and squeezed("1. Pumps back. Meridian Wire") in text
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in normal(page)
    assert reader.metadata.title == "Port Halden outage, day 3"
    assert "ﬁ" not in "".join(pages)  # no ligatures: words copied out of the PDF are the source's words


def test_a_long_note_breaks_into_numbered_pages(ws):
    from briefing.store.briefings import add_item, create_briefing

    note = create_briefing(ws, "Long note")
    for n in range(40):
        add_item(ws, note, "text", body=f"## Section {n}\n\n" + "Words of the analyst. " * 30)
    pages, _ = pdf_text(render_briefing(ws, note, "pdf"))
    assert len(pages) >= 5
    assert f"Page {len(pages)} of {len(pages)}" in normal(pages[-1])
    assert "Section 39" in normal(pages[-1])


@pytest.mark.slow
def test_pdf_export_works_without_a_display_and_leaves_widgets_usable(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    script = (
        "import sys\n"
        "from briefing.store import open_workspace\n"
        "from briefing.export.formats import export_briefing\n"
        "from tests.export.helpers import make_case\n"
        "case = make_case(open_workspace(memory=True))\n"
        "export_briefing(case.ws, case.briefing_id, 'pdf', sys.argv[1])\n"
        "from PySide6.QtWidgets import QWidget\n"
        "QWidget()  # a window can still be opened in the same process after an export\n"
    )
    target = tmp_path / "note.pdf"
    result = subprocess.run(
        [sys.executable, "-c", script, str(target)], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert target.read_bytes().startswith(b"%PDF")


def test_a_character_no_installed_font_has_is_named_after_a_pdf_export(tmp_path, capsys):
    """Korean and some emoji came out of the PDF as empty boxes where no font had them, with no
    word of it. A private-use character stands in for them: no font has it anywhere."""
    from briefing.cli import main
    from briefing.export.formats import export_briefing
    from briefing.store import open_workspace
    from briefing.store.briefings import add_item, create_briefing

    path = tmp_path / "w.briefing"
    with open_workspace(path) as ws:
        note = create_briefing(ws, "Scripts")
        add_item(ws, note, "text", body="Plain words only.")
        assert export_briefing(ws, note, "pdf", tmp_path / "plain.pdf") is None
        add_item(ws, note, "text", body="A sign: \U000f0001.")
        said = export_briefing(ws, note, "pdf", tmp_path / "sign.pdf")
        assert said is not None and said.startswith("the PDF shows 1 character as empty boxes (\U000f0001)")
        assert export_briefing(ws, note, "docx", tmp_path / "sign.docx") is None  # DOCX keeps it
    assert main(["export", "--workspace", str(path), "--briefing", "Scripts", "-o", str(tmp_path / "cli.pdf")]) == 0
    assert f"briefing: {said}" in capsys.readouterr().err


def test_arabic_in_a_quoted_passage_is_printed_and_in_italics_is_named(tmp_path):
    """Quoted passages were set in italic, whose face has no Arabic: the PDF printed boxes for
    every cited Arabic word, and the check for missing characters, reading the upright face,
    said nothing."""
    from briefing.domain import Document
    from briefing.export.formats import export_briefing
    from briefing.store import open_workspace
    from briefing.store.briefings import add_item, create_briefing
    from briefing.store.quotes import add_quote
    from briefing.store.sources import add_document

    words = "قال المتحدث إن الحكومة ستعلن القرار غدا"
    text = f"«{words}» قال المتحدث."
    with open_workspace(tmp_path / "w.briefing") as ws:
        source, _ = add_document(
            ws, Document(path="a.txt", format="txt", raw=text.encode(), content_hash="h", text=text, title="خبر")
        )
        quote = add_quote(ws, source, 1, 1 + len(words), speaker_text="المتحدث", cue="قال")
        note = create_briefing(ws, "Arabic")
        add_item(ws, note, "quote", quote)
        assert export_briefing(ws, note, "pdf", tmp_path / "quote.pdf") is None
        pages, _ = pdf_text((tmp_path / "quote.pdf").read_bytes())
        printed = unicodedata.normalize("NFKC", "".join(pages))  # the PDF holds the letters' joined forms
        assert "الحكومة" in printed or "الحكومة"[::-1] in printed  # in logical or visual order
        add_item(ws, note, "text", body=f"*{words}*")
        said = export_briefing(ws, note, "pdf", tmp_path / "italic.pdf")
        assert said is not None and "empty boxes" in said


def _headings_apart(filler_lines: int) -> list[str]:
    """Headings left at a page's foot, their text on the next page, in a laid-out note."""
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QTextDocument

    from briefing.export.pdf import _ensure_application, _lines_span, keep_headings_with_text

    _ensure_application()
    document = QTextDocument()
    filler = "".join(f"<p>Line {n} of the analyst's words.</p>" for n in range(filler_lines))
    sections = "".join(f"<h2>Claim {n}</h2><p>{'The outage hit 40,000 households. ' * 8}</p>" for n in range(12))
    document.setHtml(f"<html><body>{filler}{sections}</body></html>")
    document.setPageSize(QSizeF(400, 300))
    keep_headings_with_text(document)
    layout, height = document.documentLayout(), 300
    apart = []
    block = document.begin()
    while block.isValid() and block.next().isValid():
        top, below = _lines_span(block, layout)[0], _lines_span(block.next(), layout)[0]
        if block.blockFormat().headingLevel() and int(top // height) != int(below // height):
            apart.append(block.text())
        block = block.next()
    return apart


@pytest.mark.parametrize("filler_lines", range(0, 14))
def test_a_heading_never_ends_a_page_without_its_text(filler_lines):
    """'Claim: unreviewed' stood at the foot of page 1, its claim on page 2."""
    assert _headings_apart(filler_lines) == []


def test_a_link_prints_its_address_on_paper(ws):
    from briefing.store.briefings import add_item, create_briefing

    note = create_briefing(ws, "Links")
    add_item(ws, note, "text", body="See [the ministry](https://example.org/press) and <https://example.org/raw>.")
    text = normal("".join(pdf_text(render_briefing(ws, note, "pdf"))[0]))
    assert "See the ministry (https://example.org/press) and https://example.org/raw" in text
    assert text.count("example.org/raw") == 1  # an address shown as itself is not repeated


def _items_cut(filler_lines: int) -> list[str]:
    """Items shorter than a page that a page break cuts, in a laid-out note: the heading of each."""
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QTextDocument

    from briefing.export.pdf import _ensure_application, _lines_span, keep_headings_with_text, keep_items_together

    _ensure_application()
    document = QTextDocument()
    filler = "".join(f"<p>Line {n} of the analyst's words.</p>" for n in range(filler_lines))
    quote = "<blockquote><p>“We restored pumping at dawn,” [1, paragraph 2]</p></blockquote><p>— Mira Okafor</p>"
    sections = "".join(f"<h2>Quote {n}</h2>{quote}" for n in range(12))
    document.setHtml(f"<html><body>{filler}{sections}</body></html>")
    document.setPageSize(QSizeF(400, 300))
    keep_items_together(document)
    keep_headings_with_text(document)
    layout, height = document.documentLayout(), 300
    cut = []
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == 2:
            last = block
            while last.next().isValid() and not last.next().blockFormat().headingLevel():
                last = last.next()
            top, bottom = _lines_span(block, layout)[0], _lines_span(last, layout)[1]
            if int(top // height) != int((bottom - 1) // height):
                cut.append(block.text())
        block = block.next()
    return cut


@pytest.mark.parametrize("filler_lines", range(0, 14))
def test_a_page_break_never_cuts_an_item_that_fits_on_a_page(filler_lines):
    """A quote's words stood at the foot of page 1 and '— Hillary Clinton' alone at the top of page 2."""
    assert _items_cut(filler_lines) == []


def test_a_quote_and_its_speaker_are_printed_on_one_page(case):
    from briefing.store.briefings import add_item, create_briefing

    for lines in range(24, 31):  # the quote ends page 1 somewhere in here, whatever the font's size
        note = create_briefing(case.ws, f"Speaker with the words after {lines} lines")
        add_item(case.ws, note, "text", body="## Background\n\n" + "\n\n".join(f"Line {n}." for n in range(lines)))
        add_item(case.ws, note, "quote", case.ids["quote_id"])
        pages, _ = pdf_text(render_briefing(case.ws, note, "pdf"))
        with_words = [n for n, page in enumerate(pages) if squeezed("untreated water") in squeezed(page)]
        with_speaker = [n for n, page in enumerate(pages) if squeezed("— Mira Okafor") in squeezed(page)]
        assert with_words == with_speaker and len(with_words) == 1, lines


def test_a_paragraph_running_over_pages_is_in_the_text_once(ws):
    """Qt drew the last line of a page again above the next one, hidden but in the PDF's text: a
    search found it twice and a copy held it twice. Formats of the words are kept."""
    import re
    from collections import Counter

    from briefing.store.briefings import add_item, create_briefing

    note = create_briefing(ws, "Long paragraphs")
    for section in range(3):
        words = " ".join(f"w{section}x{n:04d}" + (" **bold**" if n % 50 == 0 else "") for n in range(1300))
        add_item(ws, note, "text", body=f"## Section {section}\n\n{words}")
    pages, _ = pdf_text(render_briefing(ws, note, "pdf"))
    counts = Counter(re.findall(r"w\dx\d{4}", "\n".join(pages)))
    assert len(pages) >= 4 and len(counts) == 3 * 1300
    assert [word for word, seen in counts.items() if seen > 1] == []


def _words_seen_twice(ws, body: str) -> tuple[list[str], int, int]:
    """The numbered words of a note of one text item seen more than once in its PDF's text, how
    many different ones were seen, and its number of pages."""
    import re
    from collections import Counter

    from briefing.store.briefings import add_item, create_briefing

    note = create_briefing(ws, "Running over pages")
    add_item(ws, note, "text", body=body)
    pages, _ = pdf_text(render_briefing(ws, note, "pdf"))
    counts = Counter(re.findall(r"w\d+x\d{4}", "\n".join(pages)))
    return [word for word, seen in counts.items() if seen > 1], len(counts), len(pages)


def _long_words(group: int, count: int) -> str:
    return " ".join(f"w{group}x{n:04d}" for n in range(count))


@pytest.mark.parametrize("marker", ["-", "1."])
def test_a_list_item_running_over_pages_is_in_the_text_once(ws, marker):
    """A list item cut by a page break (a long entry of the list of sources, an analyst's long
    bullet) had its last line on the first page drawn again, hidden, above the next one: a search
    of the PDF found it twice."""
    body = "\n".join(f"{marker} {_long_words(item, 260)}" for item in range(12))
    twice, seen, pages = _words_seen_twice(ws, body)
    assert pages >= 3 and seen == 12 * 260
    assert twice == []


def test_a_table_cell_running_over_pages_is_in_the_text_once(ws):
    """A table cell cut by a page break had its last line on the first page drawn again, hidden,
    above the next one (Qt splits a row taller than what is left of the page)."""
    rows = "\n".join(f"| row {row} | {_long_words(row, 700)} |" for row in range(4))
    twice, seen, pages = _words_seen_twice(ws, f"| Row | Words |\n|---|---|\n{rows}")
    assert pages >= 3 and seen == 4 * 700
    assert twice == []


def test_a_right_to_left_paragraph_is_laid_out_right_to_left(ws):
    """Qt's HTML import made every paragraph left to right: a Hebrew title was aligned left with
    its full stop at the wrong end. A paragraph whose first strong character is right to left is
    laid out right to left; an English one, or ours with a Hebrew value after it, stays as it was."""
    from PySide6.QtCore import Qt

    from briefing.export.formats import render_workspace_note
    from briefing.export.pdf import note_document
    from briefing.store.briefings import add_item, create_briefing, read_briefing

    note = create_briefing(ws, "סיכום השבוע: המרוץ.", audience="דסק")
    table = "| שורה | row |\n|---|---|\n| א | b |"
    add_item(ws, note, "text", body=f"- פריט, עם Trump.\n\nEnglish, with שלום inside.\n\n{table}")
    document = note_document(render_workspace_note(ws, read_briefing(ws, note)))
    directions = {}
    block = document.begin()
    while block.isValid():
        directions[block.text()] = block.textDirection() == Qt.LayoutDirection.RightToLeft
        block = block.next()
    assert directions["סיכום השבוע: המרוץ."] and directions["פריט, עם Trump."] and directions["שורה"]
    assert not directions["English, with שלום inside."] and not directions["Audience: דסק"] and not directions["row"]


def test_a_table_is_set_apart_from_the_text_above_and_below_it(ws):
    """Qt gave a table no space around it and dropped the top margin of the heading after it: the
    heading touched the table's last row, and the table the list above it."""
    from briefing.export.formats import render_workspace_note
    from briefing.export.pdf import note_document
    from briefing.store.briefings import add_item, create_briefing, read_briefing

    note = create_briefing(ws, "Table")
    add_item(ws, note, "text", body="- item one\n- item two\n\n| A | B |\n|---|---|\n| a | b |\n\n## After\n\ntext")
    document = note_document(render_workspace_note(ws, read_briefing(ws, note)))
    layout = document.documentLayout()
    spans = {}
    block = document.begin()
    while block.isValid():
        spans[block.text()] = layout.blockBoundingRect(block)
        block = block.next()
    line = spans["item one"].height()
    assert spans["A"].top() - spans["item two"].bottom() > line / 2
    assert spans["After"].top() - spans["b"].bottom() > line / 2


@pytest.mark.parametrize(
    ("title", "body", "language"),
    [
        ("Point de la semaine", "Le ministère a publié un nouveau bilan des pannes mardi.", "fr"),
        ("סיכום השבוע: המרוץ", "הסיכום של השבוע, טיוטה ראשונה לדיון.", "he"),
        ("Week in review", "The ministry published new figures on Tuesday.", "en"),
    ],
)
def test_the_document_has_the_language_of_the_notes_own_words(ws, title, body, language):
    """A PDF named no language (no /Lang in its catalog): a screen reader read a French or Hebrew
    note with the reader's own default voice. Qt's writer cannot set it; the title stays Qt's."""
    from briefing.store.briefings import add_item, create_briefing

    note = create_briefing(ws, title)
    add_item(ws, note, "text", body=body)
    _, reader = pdf_text(render_briefing(ws, note, "pdf"))
    assert reader.trailer["/Root"]["/Lang"] == language
    assert reader.metadata.title == title
