import io

import docx
import pytest

from briefing.export.formats import render_briefing
from tests.export.helpers import CITATION_TEXTS, CLAIM, EVIDENCE, ITEM_TEXTS, QUOTE, docx_paragraphs, normal


def test_docx_round_trip_uses_word_headings_quote_style_and_a_numbered_source_list(case):
    data = render_briefing(case.ws, case.briefing_id, "docx")
    paragraphs = docx_paragraphs(data)
    text = normal("\n".join(t for _, t in paragraphs))
    for words in ITEM_TEXTS + CITATION_TEXTS:
        assert normal(words) in text, words
    assert paragraphs[0] == ("Title", "Port Halden outage, day 3")
    headings = [t for style, t in paragraphs if style == "Heading 1"]
    assert headings == [
        "Bottom line",
        "Quote: Mira Okafor",
        "Claim: disputed, credibility 4 (doubtful)",
        "Annotation",
        "Summary: Pumps back",
        "Entity: Mira Okafor (person)",
        "Sources",
    ]
    assert ("Quote", f"“{QUOTE}” [1, paragraph 2]") in paragraphs
    assert ("Normal", f"{CLAIM} [1, paragraph 2]") in paragraphs
    assert ("List Bullet", f"Contradicts: “{EVIDENCE}” [2, paragraph 1] — later and higher") in paragraphs
    sources = [t for style, t in paragraphs if style == "List"]
    assert [s.split(".")[0] for s in sources] == ["1", "2"]
    assert sources[1].startswith("2. Figures revised. The Veldran Standard, undated. Reliability C")
    link = next(t for _, t in paragraphs if "ministry site" in t)
    assert "ministry site (https://example.org/press)" in link
    properties = docx.Document(io.BytesIO(data)).core_properties
    assert (properties.title, properties.author, properties.subject) == (
        "Port Halden outage, day 3",
        "K. Ames",
        "Crisis desk",
    )


def test_the_document_is_on_the_pdfs_paper(case):
    """The DOCX was US Letter (the template's) and the PDF A4."""
    section = docx.Document(io.BytesIO(render_briefing(case.ws, case.briefing_id, "docx"))).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_the_documents_properties_are_the_notes_not_the_templates(case):
    """The file said it was made on 2013-12-23 by Microsoft Macintosh Word, with a blank page as
    its thumbnail: the properties of python-docx's template."""
    import zipfile
    from datetime import UTC, datetime

    data = render_briefing(case.ws, case.briefing_id, "docx")
    made = docx.Document(io.BytesIO(data)).core_properties
    assert made.created.year == made.modified.year == datetime.now(UTC).year
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    app = zipfile.ZipFile(io.BytesIO(data)).read("docProps/app.xml").decode()
    assert "Macintosh" not in app and "<Application>Briefing " in app
    rels = zipfile.ZipFile(io.BytesIO(data)).read("_rels/.rels").decode()
    assert "thumbnail" not in rels and "docProps/thumbnail.jpeg" not in names


def test_a_markdown_table_in_the_analysts_text_is_a_word_table(ws):
    """A table in a text section became plain paragraphs ('  | a  | b ')."""
    from briefing.store.briefings import add_item, create_briefing

    note = create_briefing(ws, "Figures")
    add_item(
        ws, note, "text", body="Counts:\n\n| Outlet | Households |\n|---|---|\n| Courier | 40,000 |\n| Wire | 62,000 |"
    )
    document = docx.Document(io.BytesIO(render_briefing(ws, note, "docx")))
    [table] = document.tables
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert cells == [["Outlet", "Households"], ["Courier", "40,000"], ["Wire", "62,000"]]
    assert table.rows[0].cells[0].paragraphs[0].runs[0].bold
    assert not any("|" in p.text for p in document.paragraphs)


def test_each_item_is_held_together_on_one_page_where_it_fits(case):
    """A quote's speaker was left at the top of a page, its words at the foot of the one before."""
    paragraphs = docx.Document(io.BytesIO(render_briefing(case.ws, case.briefing_id, "docx"))).paragraphs
    quote = next(n for n, p in enumerate(paragraphs) if p.style.name == "Quote" and QUOTE in p.text)
    assert paragraphs[quote + 1].text == "— Mira Okafor"
    for paragraph, following in zip(paragraphs, paragraphs[1:], strict=False):
        held = paragraph.paragraph_format.keep_with_next
        if following.style.name == "Heading 1":
            assert not held, paragraph.text  # an item's last paragraph lets the next item move on
        else:
            assert held, paragraph.text


HEBREW_TITLE = "סיכום השבוע: המרוץ."
HEBREW_LINE = "הסיכום של השבוע (טיוטה)."


def _paragraph_directions(data: bytes) -> dict[str, tuple[bool, list[tuple[str, bool, bool]]]]:
    """Each paragraph's text: whether it is right to left (w:bidi), and each run's text with
    whether it is right to left (w:rtl) and bold for right-to-left script (w:bCs)."""
    document = docx.Document(io.BytesIO(data))
    cells = [p for table in document.tables for row in table.rows for cell in row.cells for p in cell.paragraphs]
    found = {}
    for paragraph in [*document.paragraphs, *cells]:
        bidi = paragraph._p.pPr is not None and paragraph._p.pPr.find(docx.oxml.ns.qn("w:bidi")) is not None
        runs = [(run.text, bool(run.font.rtl), bool(run.font.cs_bold)) for run in paragraph.runs if run.text]
        found[paragraph.text] = (bidi, runs)
    return found


def test_right_to_left_paragraphs_are_marked_right_to_left(ws):
    """A Hebrew title or note was written as a left-to-right paragraph: Word showed it aligned
    left with its full stop at the wrong end, and a bold Hebrew word plain."""
    from briefing.store.briefings import add_item, create_briefing

    note = create_briefing(ws, HEBREW_TITLE, audience="דסק")
    table = "| א | B |\n|---|---|\n| שורה | row |"
    body = f"{HEBREW_LINE}\n\nמילה **מודגשת** כאן.\n\n1. هذا نص عربي!\n\nEnglish, with שלום inside.\n\n{table}"
    add_item(ws, note, "text", body=body)
    found = _paragraph_directions(render_briefing(ws, note, "docx"))
    assert found[HEBREW_TITLE] == (True, [(HEBREW_TITLE, True, False)])
    assert found[HEBREW_LINE] == (True, [(HEBREW_LINE, True, False)])
    assert found["מילה מודגשת כאן."] == (True, [("מילה ", True, False), ("מודגשת", True, True), (" כאן.", True, False)])
    assert found["1. هذا نص عربي!"] == (True, [("1. ", True, False), ("هذا نص عربي!", True, False)])
    assert found["שורה"][0] and not found["row"][0]
    assert found["English, with שלום inside."] == (False, [("English, with שלום inside.", False, False)])
    assert not found["Audience: דסק"][0]  # our label leads: an English line


def _default_language(data: bytes) -> dict[str, str]:
    """The default run properties' w:lang, one language per script: w:val, w:eastAsia, w:bidi."""
    from docx.oxml.ns import qn

    styles = docx.Document(io.BytesIO(data)).styles.element
    lang = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    return {name: lang.get(qn(f"w:{name}")) for name in ("val", "eastAsia", "bidi")}


@pytest.mark.parametrize(
    ("title", "body", "language", "scripts"),
    [
        (
            "Point de la semaine",
            "Le ministère a publié un nouveau bilan des pannes mardi.",
            "fr",
            ("fr", "en-US", "ar-SA"),
        ),
        ("סיכום השבוע: המרוץ", "הסיכום של השבוע, טיוטה ראשונה לדיון.", "he", ("en-US", "en-US", "he")),
        ("ملخص الأسبوع", "هذا ملخص الأسبوع للمكتب، مسودة أولى للنقاش.", "ar", ("en-US", "en-US", "ar")),
        ("今週のまとめ", "省は火曜日に停電の新しい集計を発表しました。", "ja", ("en-US", "ja", "ar-SA")),
        ("Week in review", "The ministry published new figures on Tuesday.", "en", ("en-US", "en-US", "ar-SA")),
    ],
)
def test_the_document_has_the_language_of_the_notes_own_words(ws, title, body, language, scripts):
    """Every DOCX said en-US (the template's), a French or Hebrew note's too, and named no
    language in its properties: Word spell-checked French as English and read it aloud so."""
    from briefing.store.briefings import add_item, create_briefing

    note = create_briefing(ws, title)
    add_item(ws, note, "text", body=body)
    data = render_briefing(ws, note, "docx")
    assert docx.Document(io.BytesIO(data)).core_properties.language == language
    assert _default_language(data) == dict(zip(("val", "eastAsia", "bidi"), scripts, strict=True))
    if language in ("he", "ar"):  # still right to left, paragraph by paragraph
        assert _paragraph_directions(data)[title][0]
