import pytest

from briefing.store.annotations import add_annotation
from briefing.store.notes_list import (
    annotation_ids,
    annotation_rows,
    count_annotations,
    like_pattern,
    list_annotations,
    tag_counts,
)
from briefing.store.sources import add_document
from tests.store.test_sources import make_doc

BACKENDS = ("sqlite", "postgresql")  # tests/conftest.py runs ``ws`` on both

TEXT_A = "The outage hit 40,000 households. Pumping resumed at dawn, 100% of the plant."
TEXT_B = "Officials now say 62,000 households lost water, according to the ministry."


@pytest.fixture
def notes(ws):
    """Four notes over two sources, oldest first: ids a1, a2, b1, b2."""
    a, _ = add_document(ws, make_doc(TEXT_A, title="Courier report"))
    b, _ = add_document(ws, make_doc(TEXT_B, title="Ministry_statement"))
    ids = {
        "a1": add_annotation(ws, a, 4, 10, "check the figure", ("figures", "follow-up")),
        "a2": add_annotation(ws, a, 59, 63, "100% of what?", ("50%_done",)),
        "b1": add_annotation(ws, b, 18, 24, None, ("Figures",)),
        "b2": add_annotation(ws, b, 0, 9, "<img src=x> who are they", ()),
    }
    return ids


def test_every_note_is_listed_newest_first(ws, notes):
    assert annotation_ids(ws) == [notes["b2"], notes["b1"], notes["a2"], notes["a1"]]


def test_a_row_carries_source_title_passage_note_and_tags(ws, notes):
    row = annotation_rows(ws, [notes["a1"]])[notes["a1"]]
    assert (row.title, row.exact, row.note, row.tags, row.anchor) == (
        "Courier report",
        "outage",
        "check the figure",
        ("figures", "follow-up"),
        "anchored",
    )
    assert annotation_rows(ws, [notes["a1"], 999_999]).keys() == {notes["a1"]}


def test_a_note_of_an_untitled_source_names_its_file_and_is_found_by_it(ws):
    # the Notes list said "(untitled)" for each note of nine untitled text files
    from dataclasses import replace

    doc = make_doc("The ferry ran late on Tuesday, the harbour master said.", title="")
    source, _ = add_document(ws, replace(doc, title=None, path="C:\\cases\\nigeria\\1139.txt"))
    note = add_annotation(ws, source, 4, 9, "which ferry?", ())
    assert annotation_rows(ws, [note])[note].title == "(untitled) · 1139.txt"
    assert annotation_ids(ws, text="1139") == [note]


def test_a_tag_filter_matches_the_name_whatever_its_case(ws, notes):
    assert annotation_ids(ws, tag="FIGURES") == [notes["b1"], notes["a1"]]  # "Figures" is the same tag
    assert annotation_ids(ws, tag="follow-up") == [notes["a1"]]


def test_a_tag_with_percent_and_underscore_matches_only_itself(ws, notes):
    assert annotation_ids(ws, tag="50%_done") == [notes["a2"]]
    assert annotation_ids(ws, tag="50%") == []
    assert annotation_ids(ws, tag="%") == []


def test_untagged_notes(ws, notes):
    assert annotation_ids(ws, untagged=True) == [notes["b2"]]
    assert count_annotations(ws) == (4, 1)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("FIGURE", ["a1"]),  # the note, any case
        ("households", []),  # in both texts, but in no passage, note or title
        ("62,000", ["b1"]),  # the passage
        ("ministry", ["b2", "b1"]),  # the source title
        ("100%", ["a2"]),  # % means itself
        ("%", ["a2"]),
        ("_", ["b2", "b1"]),  # _ means itself: only the title "Ministry_statement" has one
        ("<img src=x>", ["b2"]),
        ("  ", ["b2", "b1", "a2", "a1"]),  # blank: every note
        ("nowhere", []),
    ],
)
def test_a_text_filter_matches_note_passage_and_title_literally(ws, notes, text, expected):
    assert annotation_ids(ws, text=text) == [notes[k] for k in expected]


def test_tag_and_text_filters_combine(ws, notes):
    assert annotation_ids(ws, tag="figures", text="ministry") == [notes["b1"]]
    assert [r.id for r in list_annotations(ws, tag="figures", text="figure")] == [notes["a1"]]


def test_tag_counts_list_tags_in_use_by_name(ws, notes):
    assert tag_counts(ws) == [("50%_done", 1), ("figures", 2), ("follow-up", 1)]


def test_markup_in_a_note_is_kept_as_written(ws, notes):
    row = list_annotations(ws, text="img")[0]
    assert row.note == "<img src=x> who are they"


def test_like_pattern_escapes_wildcards_and_the_escape():
    assert like_pattern("a%b_c\\d") == "%a\\%b\\_c\\\\d%"


def test_ten_thousand_notes_list_by_id_then_rows_by_page(ws):
    source, _ = add_document(ws, make_doc(TEXT_A, title="Long"))
    add_annotation(ws, source, 0, 3, "the first", ("bulk",))
    with ws.transaction() as db:  # add_annotation reindexes the source each time: too slow for a fixture
        db.conn.executemany(
            'INSERT INTO annotations (source_id, exact, start, "end", note, created_at, updated_at) '
            "VALUES (?, 'The', 0, 3, ?, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z')",
            [(source, f"note {i}") for i in range(9_999)],
        )
    ids = annotation_ids(ws)
    assert len(ids) == 10_000 and ids[1] > ids[-1]  # the note made now first, then the older ones by id
    assert len(annotation_rows(ws, ids[:200])) == 200
    assert count_annotations(ws) == (10_000, 9_999)
    assert annotation_ids(ws, tag="bulk") == [ids[0]]
