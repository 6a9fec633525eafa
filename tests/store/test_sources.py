import hashlib

import pytest

from briefing.domain import BriefingError, Document
from briefing.store.history import history_for
from briefing.store.search_index import indexed
from briefing.store.sources import (
    add_document,
    delete_source,
    get_original,
    get_source,
    list_sources,
    update_source,
)

BACKENDS = ("sqlite", "postgresql")  # tests/conftest.py runs ``ws`` on both


def make_doc(text="The ministry said the outage was over.", title="Outage ends", **fields):
    raw = (title + "\n\n" + text).encode()
    return Document(
        path="a.txt",
        format="txt",
        raw=raw,
        content_hash=hashlib.sha256(raw).hexdigest(),
        text=text,
        title=title,
        **fields,
    )


def _fts_ids(ws, query):
    sql = (
        "SELECT d.ref_id FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid "
        "WHERE search_fts MATCH ? AND d.kind = 'source'"
    )
    return [r[0] for r in ws.db.execute(sql, [query])]


def test_add_document_stores_text_original_and_index(ws):
    doc = make_doc(outlet="Meridian Wire", published="2026-03-03")
    source_id, created = add_document(ws, doc)
    assert created
    source = get_source(ws, source_id)
    assert (source.text, source.outlet, source.published) == (doc.text, "Meridian Wire", "2026-03-03")
    assert get_original(ws, source_id) == doc.raw
    if indexed(ws):  # the search index is SQLite's until PostgreSQL search lands
        assert _fts_ids(ws, "ministry") == [source_id]
    if indexed(ws):  # the search index is SQLite's until PostgreSQL search lands
        assert _fts_ids(ws, "outages") == [source_id]  # stemmed


def test_same_content_is_stored_once(ws):
    first, created_first = add_document(ws, make_doc())
    second, created_second = add_document(ws, make_doc())
    assert (created_first, created_second) == (True, False)
    assert first == second
    assert len(list_sources(ws)) == 1


def test_list_sources_orders_newest_first_and_undated_last(ws):
    add_document(ws, make_doc("a", title="old", published="2026-03-01"))
    add_document(ws, make_doc("b", title="undated"))
    add_document(ws, make_doc("c", title="new", published="2026-03-05"))
    assert [r.title for r in list_sources(ws)] == ["new", "old", "undated"]


def test_update_records_history_and_reindexes_title(ws):
    source_id, _ = add_document(ws, make_doc())
    update_source(ws, source_id, reason="checked masthead", reliability="B", title="Water back on")
    assert get_source(ws, source_id).reliability == "B"
    if indexed(ws):  # the search index is SQLite's until PostgreSQL search lands
        assert _fts_ids(ws, "water") == [source_id]
    if indexed(ws):  # the search index is SQLite's until PostgreSQL search lands
        assert _fts_ids(ws, "ends") == []
    entries = {(h.field, h.old_value, h.new_value, h.reason) for h in history_for(ws, "source", source_id)}
    assert ("reliability", None, "B", "checked masthead") in entries
    assert ("title", "Outage ends", "Water back on", "checked masthead") in entries


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("reliability", "G", "A-F"),
        ("published", "March 3", "must be a date such as 2019-11-18 or 18 November 2019"),
        ("text", "new text", "not an editable"),
    ],
)
def test_update_rejects_bad_values(ws, field, value, message):
    source_id, _ = add_document(ws, make_doc())
    with pytest.raises(BriefingError, match=message):
        update_source(ws, source_id, **{field: value})
    assert ws.db.execute("SELECT count(*) FROM history").fetchone()[0] == 0


def test_blank_value_clears_a_field(ws):
    source_id, _ = add_document(ws, make_doc(author="Ada Brandt"))
    assert update_source(ws, source_id, author="  ").author is None


def test_delete_removes_index_rows(ws):
    source_id, _ = add_document(ws, make_doc())
    delete_source(ws, source_id)
    assert list_sources(ws) == []
    if indexed(ws):  # the search index is SQLite's until PostgreSQL search lands
        assert _fts_ids(ws, "ministry") == []
    with pytest.raises(BriefingError, match="^source “Outage ends” was deleted by .+ at .+ UTC$"):
        get_source(ws, source_id)  # who deleted it and when, as the history says


def test_history_is_append_only(ws):
    source_id, _ = add_document(ws, make_doc())
    update_source(ws, source_id, reliability="C")
    for statement in ("UPDATE history SET reason = 'x'", "DELETE FROM history"):
        with pytest.raises(Exception, match="append-only"):
            with ws.transaction() as db:
                db.execute(statement)
    assert len(history_for(ws, "source", source_id)) == 1


def test_a_failure_mid_import_leaves_nothing_behind(ws, monkeypatch):
    def broken_index(*args):
        raise RuntimeError("disk trouble")

    monkeypatch.setattr("briefing.store.sources.reindex_sources", broken_index)
    with pytest.raises(RuntimeError):
        add_document(ws, make_doc())
    counts = [ws.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("sources", "originals")]
    assert counts == [0, 0]


def test_source_ids_by_date_put_undated_last_then_first_and_break_ties_by_id(ws):
    from briefing.store.sources import source_ids

    ids = [
        add_document(ws, make_doc(t, title=t, published=p))[0]
        for t, p in (("a", "2026-03-01"), ("b", None), ("c", "2026-03-05"), ("d", None), ("e", "2026-03-01"))
    ]
    a, b, c, d, e = ids
    assert source_ids(ws, "published", True) == [c, e, a, d, b]
    assert source_ids(ws, "published", False) == [b, d, a, e, c]


def test_a_source_without_a_title_is_shown_by_its_file_name_wherever_it_is_listed(ws):
    from dataclasses import replace

    from briefing.search.engine import search
    from briefing.store.analysis import save_analysis
    from briefing.store.claims import add_claim, list_claims
    from briefing.store.entities import entity_page
    from briefing.store.views import timeline_items
    from tests.store.test_analysis import analysis, found

    text = "Marta Okafor said the outage hit 40,000 households on Tuesday."
    doc = replace(make_doc(text, title=""), title=None, path="/imports/2025/halden-outage.txt", published="2025-03-02")
    source_id = add_document(ws, doc)[0]
    save_analysis(ws, source_id, analysis(text, [found(0, text, "Marta Okafor", "person")]))
    add_claim(ws, source_id, text.index("the outage"), len(text) - 1)
    shown = "(untitled) · halden-outage.txt"
    assert {c["title"] for c in list_claims(ws, source_id)} == {shown}
    [entity_id] = [r[0] for r in ws.db.execute("SELECT id FROM entities")]
    assert {m[1] for m in entity_page(ws, entity_id).mentions} == {shown}
    assert [s[2] for s in timeline_items(ws).sources] == [shown]
    assert {h.title for h in search(ws, "households").page.hits} == {shown}


def test_an_edit_over_a_colleagues_change_to_the_same_field_is_refused(ws, monkeypatch):
    """Sources carry no revision: the values the analyst saw are compared, field by field."""
    from briefing.store.revisions import StaleWrite

    source_id, _ = add_document(ws, make_doc())
    monkeypatch.setenv("BRIEFING_ANALYST", "Ben Adler")
    update_source(ws, source_id, author="Marta Okafor")
    with pytest.raises(StaleWrite, match=r"^source “Outage ends” was changed \(author\) by Ben Adler at .+ after you"):
        update_source(ws, source_id, expected={"author": None}, author="Ana Ruiz", title="Water back on")
    assert (get_source(ws, source_id).author, get_source(ws, source_id).title) == ("Marta Okafor", "Outage ends")
    update_source(ws, source_id, expected={"outlet": None}, outlet="Meridian Wire")  # another field: no conflict
    assert get_source(ws, source_id).outlet == "Meridian Wire"
