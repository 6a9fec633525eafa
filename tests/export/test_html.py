import pytest

from briefing.export.formats import render_briefing
from tests.export.helpers import CITATION_TEXTS, CLAIM, ITEM_TEXTS, QUOTE, HtmlText, normal

EXTERNAL_TAGS = {"script", "img", "link", "iframe", "object", "embed", "video", "audio", "source", "base", "form"}


def test_html_round_trip_finds_every_item_and_citation(case):
    page = HtmlText(render_briefing(case.ws, case.briefing_id, "html").decode("utf-8"))
    for words in ITEM_TEXTS + CITATION_TEXTS:
        assert normal(words) in page.text, words
    headings = [t for t, _ in page.tags if t in ("h1", "h2", "h3")]
    assert headings.count("h1") == 1 and headings.count("h2") == 7 and headings.count("h3") == 0
    assert f"“{QUOTE}” [1, paragraph 2]" in page.text and f"{CLAIM} [1, paragraph 2]" in page.text
    assert "Claim: disputed, credibility 4 (doubtful)" in page.text
    assert [t for t, _ in page.tags].count("li") == 2 + 1 + 1  # sources, the evidence, the entity's quote
    assert ("a", {"href": "https://example.org/press"}) in page.tags


def test_html_is_one_self_contained_file(case):
    html = render_briefing(case.ws, case.briefing_id, "html").decode("utf-8")
    page = HtmlText(html)
    tags = [t for t, _ in page.tags]
    assert not EXTERNAL_TAGS & set(tags)
    assert tags.count("style") == 1 and "url(" not in html and "@import" not in html
    policy = next(a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv"))
    assert "default-src 'none'" in policy
    assert html.startswith("<!DOCTYPE html>") and "<title>Port Halden outage, day 3</title>" in html


def test_a_long_word_or_a_wide_table_stays_in_the_page_column(case):
    """The column was 46em wide with nothing to break a 380-character word or to contain a
    13-column table: both ran off it."""
    html = render_briefing(case.ws, case.briefing_id, "html").decode("utf-8")
    style = html.split("<style>", 1)[1].split("</style>", 1)[0]
    body = style.split("body {", 1)[1].split("}", 1)[0]
    table = style.split("table {", 1)[1].split("}", 1)[0]
    assert "overflow-wrap: anywhere" in body and "overflow-x: auto" in table and "max-width: 100%" in table


def test_each_block_takes_its_direction_from_its_own_text(ws):
    """A Hebrew title or line of the analyst's was shown left to right in a browser, its full
    stop at the wrong end: each heading, paragraph, list item and table cell is dir="auto"."""
    from briefing.store.briefings import add_item, create_briefing

    note = create_briefing(ws, "סיכום השבוע: המרוץ.")
    add_item(ws, note, "text", body="הסיכום של השבוע (טיוטה).\n\n- פריט ראשון.\n\n| א | B |\n|---|---|\n| שורה | row |")
    page = render_briefing(ws, note, "html").decode()
    assert '<h1 dir="auto">סיכום השבוע: המרוץ.</h1>' in page
    assert '<p dir="auto">הסיכום של השבוע (טיוטה).</p>' in page and '<li dir="auto">פריט ראשון.</li>' in page
    assert '<th dir="auto">א</th>' in page and '<td dir="auto">שורה</td>' in page


@pytest.mark.parametrize(
    ("title", "body", "opening"),
    [
        ("סיכום השבוע: המרוץ", "הסיכום של השבוע, טיוטה ראשונה לדיון.", '<html lang="he" dir="rtl">'),
        ("ملخص الأسبوع", "هذا ملخص الأسبوع للمكتب، مسودة أولى للنقاش.", '<html lang="ar" dir="rtl">'),
        ("Point de la semaine", "Le ministère a publié un nouveau bilan des pannes mardi.", '<html lang="fr">'),
        ("Week in review", "The ministry published new figures on Tuesday.", '<html lang="en">'),
        ("Q3", "", '<html lang="en">'),  # too few words to tell: read as English, as an unsure source is
    ],
)
def test_the_page_has_the_language_and_direction_of_the_notes_own_words(ws, title, body, opening):
    """Every page said lang="en", a Hebrew or French note too."""
    from briefing.store.briefings import add_item, create_briefing

    note = create_briefing(ws, title)
    if body:
        add_item(ws, note, "text", body=body)
    assert opening in render_briefing(ws, note, "html").decode()
