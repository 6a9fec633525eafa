"""Passage items: words the analyst selected in a source, kept in a briefing note with their
source and range, and the migration that lets older workspaces hold them."""

import sqlite3

import psycopg
import pytest

from briefing.domain import BriefingError
from briefing.note_content import PassageContent
from briefing.store import open_workspace
from briefing.store.briefings import add_item, add_passage, create_briefing, read_briefing, remove_item
from briefing.store.history import history_for
from briefing.store.sources import add_document
from tests.old_schema import workspace_at_schema
from tests.store.test_sources import make_doc

BACKENDS = ("sqlite", "postgresql")  # tests/conftest.py runs ``ws`` on both
INTEGRITY_ERRORS = (sqlite3.IntegrityError, psycopg.IntegrityError)

TEXT = "The plant failed overnight.\n\nThe outage hit 40,000 households in Port Halden."
WORDS = "40,000 households"


@pytest.fixture
def note(ws):
    source, _ = add_document(ws, make_doc(TEXT, title="Pumps back", outlet="Meridian Wire"))
    return ws, create_briefing(ws, "Outage"), source


def test_a_passage_keeps_its_source_range_and_words(note):
    ws, briefing_id, source = note
    start = TEXT.index(WORDS)
    item_id = add_passage(ws, briefing_id, source, start, start + len(WORDS))
    [item] = read_briefing(ws, briefing_id).items
    assert (item.id, item.kind, item.ref_id, item.body, item.start, item.end) == (
        item_id,
        "passage",
        source,
        WORDS,
        start,
        start + len(WORDS),
    )
    assert isinstance(item.content, PassageContent)
    assert item.verification.state == "verified"
    assert item.content.passage.citation.paragraph == 2
    assert item.content.passage.citation.title == "Pumps back"
    [judgement] = [j for j in history_for(ws, "briefing", briefing_id) if j.action == "add_item"]
    assert judgement.new_value == f"passage of source {source} at {start}-{start + len(WORDS)}"
    remove_item(ws, item_id)
    assert read_briefing(ws, briefing_id).items == ()
    assert history_for(ws, "briefing", briefing_id)[-1].old_value == judgement.new_value


def test_a_passage_goes_where_it_is_put(note):
    ws, briefing_id, source = note
    text_id = add_item(ws, briefing_id, "text", body="Intro")
    passage_id = add_passage(ws, briefing_id, source, 0, 9, position=0)
    assert [i.id for i in read_briefing(ws, briefing_id).items] == [passage_id, text_id]


@pytest.mark.parametrize(
    ("source", "start", "end", "message"),
    [
        (99, 0, 5, "source 99 does not exist"),
        (None, 0, 5, "needs the id of its source"),
        ("own", 5, 5, "passage: the range must lie within source"),
        ("own", -1, 5, "passage: the range must lie within source"),
        ("own", 0, len(TEXT) + 1, "passage: the range must lie within source"),
        ("own", None, 5, "passage: the range must lie within source"),
        ("own", 27, 29, "passage: the selected words are empty"),
    ],
)
def test_a_bad_passage_is_refused_and_nothing_is_written(note, source, start, end, message):
    ws, briefing_id, own = note
    before = len(history_for(ws, "briefing", briefing_id))
    with pytest.raises(BriefingError, match=message):
        add_item(ws, briefing_id, "passage", own if source == "own" else source, start=start, end=end)
    assert read_briefing(ws, briefing_id).items == ()
    assert len(history_for(ws, "briefing", briefing_id)) == before


def test_the_table_refuses_a_passage_without_its_range(note):
    ws, briefing_id, source = note
    with pytest.raises(INTEGRITY_ERRORS):
        ws.db.execute(
            "INSERT INTO briefing_items (briefing_id, position, kind, ref_id, body) VALUES (?, 0, 'passage', ?, 'x')",
            [briefing_id, source],
        )
    with pytest.raises(INTEGRITY_ERRORS):
        ws.db.execute(
            'INSERT INTO briefing_items (briefing_id, position, kind, ref_id, body, start, "end") '
            "VALUES (?, 0, 'quote', 1, 'x', 0, 4)",
            [briefing_id],
        )


def test_an_older_workspace_keeps_its_items_and_ids_and_takes_passages(ws_file):
    db = workspace_at_schema(ws_file, 8)
    db.execute(
        "INSERT INTO sources (id, path, format, content_hash, text, title, imported_at) "
        "VALUES (3, 'a', 'txt', 'h3', ?, 'Pumps back', '2026-03-01')",
        [TEXT],
    )
    db.execute("INSERT INTO briefings (id, title, created_at, updated_at) VALUES (5, 'Outage', 't', 't')")
    db.execute(
        "INSERT INTO briefing_items (id, briefing_id, position, kind, ref_id, body) VALUES "
        "(7, 5, 0, 'text', NULL, '> “40,000 households”'), (9, 5, 1, 'summary', 3, 'Pumps back')"
    )
    db.conn.commit()
    db.close()
    with open_workspace(ws_file) as ws:
        items = read_briefing(ws, 5).items
        assert [(i.id, i.position, i.kind, i.ref_id, i.body, i.start) for i in items] == [
            (7, 0, "text", None, "> “40,000 households”", None),
            (9, 1, "summary", 3, "Pumps back", None),
        ]
        start = TEXT.index(WORDS)
        item_id = add_passage(ws, 5, 3, start, start + len(WORDS))
        assert read_briefing(ws, 5).items[-1].id == item_id
        indexes = {r[0] for r in ws.db.execute("SELECT name FROM sqlite_master WHERE tbl_name = 'briefing_items'")}
        assert "idx_briefing_items_order" in indexes


def test_words_given_back_by_an_undo_are_kept_and_checked(note):
    ws, briefing_id, source = note
    start = TEXT.index(WORDS)
    add_passage(ws, briefing_id, source, start, start + len(WORDS), words="41,000 households")
    [item] = read_briefing(ws, briefing_id).items
    assert item.body == "41,000 households"
    assert item.verification.state == "altered"
    with pytest.raises(BriefingError, match="passage: the words are empty"):
        add_passage(ws, briefing_id, source, start, start + len(WORDS), words="  ")
