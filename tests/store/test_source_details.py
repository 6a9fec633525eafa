"""Source details the analyst edits (url among them), the not-analysed state, and a deleted
source kept whole so Undo can put it back."""

import hashlib

import pytest

from briefing.domain import ANALYSIS_VERSION, BriefingError, Document
from briefing.store import open_workspace
from briefing.store.history import history_for
from briefing.store.search_index import indexed
from briefing.store.source_snapshots import delete_source_keeping, restore_snapshot
from briefing.store.sources import (
    add_document,
    get_source_details,
    list_source_details,
    list_sources,
    not_analysed_ids,
    source_rows,
    source_urls,
    update_source,
)
from tests.old_schema import workspace_at_schema

BACKENDS = ("sqlite", "postgresql")  # tests/conftest.py runs ``ws`` on both

PAGE = (
    b'<html><head><title>Pumps back</title><link rel="canonical" href="https://news.example/pumps">'
    b'<meta property="og:url" content="https://other.example/x"></head><body><p>Pumps restarted.</p></body></html>'
)


def _doc(raw=b"Pumps restarted at dawn.", fmt="txt", title="Pumps"):
    return Document(
        path=f"a.{fmt}",
        format=fmt,
        raw=raw,
        content_hash=hashlib.sha256(raw).hexdigest(),
        text="Pumps restarted at dawn.",
        title=title,
    )


def test_an_imported_page_keeps_the_address_it_names(ws):
    page_id, _ = add_document(ws, _doc(PAGE, "html"))
    text_id, _ = add_document(ws, _doc())
    assert source_urls(ws, {page_id, text_id}) == {page_id: "https://news.example/pumps"}
    assert get_source_details(ws, page_id).url == "https://news.example/pumps"


def test_a_web_archive_keeps_the_address_it_was_saved_from_if_plain(ws):
    archive = Document(**{**_doc(b"From: <Saved by Blink>", "mhtml").__dict__, "url": "https://news.example/pumps"})
    hostile = Document(**{**_doc(b"From: <Saved by X>", "mhtml").__dict__, "url": "javascript:alert(1)"})
    archive_id, _ = add_document(ws, archive)
    hostile_id, _ = add_document(ws, hostile)
    assert source_urls(ws, {archive_id, hostile_id}) == {archive_id: "https://news.example/pumps"}


def test_details_are_edited_together_and_each_field_recorded(ws):
    source_id, _ = add_document(ws, _doc())
    update_source(
        ws,
        source_id,
        reason="byline was wrong",
        title="Pumps back",
        author="Ana Ruiz",
        url="https://news.example/a",
        published="2026-03-04",
        language="en",
    )
    details = get_source_details(ws, source_id)
    assert (details.title, details.author, details.url, details.published) == (
        "Pumps back",
        "Ana Ruiz",
        "https://news.example/a",
        "2026-03-04",
    )
    fields = {j.field: (j.old_value, j.new_value, j.reason) for j in history_for(ws, "source", source_id)}
    assert fields["url"] == (None, "https://news.example/a", "byline was wrong")
    assert fields["title"] == ("Pumps", "Pumps back", "byline was wrong")


def test_tomorrow_is_a_date_somewhere_already(ws):
    from datetime import date, timedelta

    source_id, _ = add_document(ws, _doc())
    tomorrow = (date.today() + timedelta(days=1)).isoformat()  # a paper dated by a time zone ahead
    assert update_source(ws, source_id, published=tomorrow).published == tomorrow


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("published", "04/03/2026", "published: must be a date such as 2019-11-18 or 18 November 2019"),
        ("published", "2026-02-30", "published: 2026-02-30 is not a day of the calendar"),
        ("published", "2999-01-01", "published: 2999-01-01 is after today; a source is dated when it came out"),
        ("url", "javascript:alert(1)", "url: must be a plain http:// or https:// address"),
        ("url", "https://a.example/x y", "url: must be a plain"),
        ("language", "English please", "language: must be a language code"),
        ("language", "xx", "language: 'xx' is no language code"),  # the shape of one, none assigned
        ("author", "Ann \x1b[31mRed\x1b[0m", "author: must be one line of text without control characters"),
        ("outlet", "Daily\nPost", "outlet: must be one line of text without control characters"),
    ],
)
def test_bad_details_are_refused_whole_with_the_field_named(ws, field, value, message):
    source_id, _ = add_document(ws, _doc())
    with pytest.raises(BriefingError, match=message.replace("(", r"\(")):
        update_source(ws, source_id, title="Changed", **{field: value})
    assert get_source_details(ws, source_id).title == "Pumps"  # nothing half-written
    assert history_for(ws, "source", source_id) == []


def test_a_source_not_analysed_is_listed_as_such(ws):
    source_id, _ = add_document(ws, _doc())
    assert not_analysed_ids(ws) == [source_id]
    assert source_rows(ws, [source_id])[source_id].analysed is False
    assert list_sources(ws)[0].analysed is False
    ws.db.execute(
        "UPDATE sources SET analysis_version = ?, analysed_at = '2026-03-04' WHERE id = ?",
        [ANALYSIS_VERSION, source_id],
    )
    assert not_analysed_ids(ws) == []
    assert list_source_details(ws)[0].analysed is True


def test_upgrade_fills_the_address_of_pages_already_imported(ws_file):
    db = workspace_at_schema(ws_file, 6)
    for source_id, fmt, raw in (
        (1, "html", PAGE),
        (2, "txt", b"plain"),
        (3, "html", b"<link rel=canonical href='ftp://x'>"),
    ):
        db.execute(
            "INSERT INTO sources (id, path, format, content_hash, text, imported_at) "
            "VALUES (?, 'a', ?, ?, 'text', '2026-03-01')",
            [source_id, fmt, f"h{source_id}"],
        )
        db.execute("INSERT INTO originals (source_id, bytes) VALUES (?, ?)", [source_id, raw])
    db.conn.commit()
    db.close()
    with open_workspace(ws_file) as ws:
        assert source_urls(ws, {1, 2, 3}) == {1: "https://news.example/pumps"}


def _everything(ws, source_id):
    tables = (
        "sources",
        "originals",
        "mentions",
        "quotes",
        "claims",
        "evidence",
        "annotations",
        "annotation_tags",
        "sentences",
        "claim_suggestions",
        *(("search_docs",) if indexed(ws) else ()),  # no search index on PostgreSQL yet
    )
    counts = {t: ws.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    statuses = ws.db.execute("SELECT id, status, credibility FROM claims ORDER BY id").fetchall()
    mine = ws.db.execute("SELECT * FROM claims WHERE source_id = ? ORDER BY id", [source_id]).fetchall()
    return counts, statuses, mine


def test_a_deleted_source_comes_back_whole_with_the_same_ids(analysed_copy):
    from briefing.store.annotations import add_annotation
    from briefing.store.claims import mark_claim
    from briefing.store.evidence import add_evidence

    with open_workspace(analysed_copy) as ws:
        claims = ws.db.execute("SELECT id, source_id FROM claims ORDER BY id").fetchall()
        (claim_id, source_id), other = claims[0], next(c for c in claims if c[1] != claims[0][1])
        mark_claim(ws, claim_id, "disputed", "two outlets disagree")
        add_evidence(ws, other[0], source_id, 0, 20, "contradicts", "says otherwise")  # evidence from it
        add_evidence(ws, claim_id, other[1], 0, 20, "supports")  # evidence for its claim
        add_annotation(ws, source_id, 0, 10, "check", ("water",))
        before = _everything(ws, source_id)
        snapshot = delete_source_keeping(ws, source_id, "duplicate")
        after_delete = _everything(ws, source_id)
        assert after_delete[0]["sources"] == before[0]["sources"] - 1
        assert after_delete[0]["evidence"] == before[0]["evidence"] - 2
        assert after_delete[2] == []
        credibility = {i: value for i, _, value in after_delete[1]}
        assert {i: value for i, _, value in before[1]}[other[0]] == 4  # doubtful: one origin against
        assert credibility[other[0]] is None  # that passage went with its source
        restore_snapshot(ws, snapshot)
        assert _everything(ws, source_id) == before
        actions = [j.action for j in history_for(ws, "source", source_id)]
        assert actions[-2:] == ["delete", "restore"]


def test_a_freed_id_is_never_given_again_so_undo_after_an_import_works(ws):
    first, _ = add_document(ws, _doc(b"first", title="First"))
    source_id, _ = add_document(ws, _doc())
    snapshot = delete_source_keeping(ws, source_id)
    taken, _ = add_document(ws, _doc(b"other", title="Other"))
    assert taken not in (first, source_id)
    restore_snapshot(ws, snapshot)
    assert sorted(s.title for s in list_sources(ws)) == ["First", "Other", "Pumps"]
    assert [j.action for j in history_for(ws, "source", source_id)][-2:] == ["delete", "restore"]
    assert history_for(ws, "source", taken) == []  # the delete's history names the restored source only


def test_re_analysis_keeps_the_analysts_details(analysed_path, tmp_path):
    from briefing.pipeline import analyse_sources

    copy = tmp_path / "copy.briefing"
    copy.write_bytes(analysed_path.read_bytes())
    with open_workspace(copy) as ws:
        source_id = list_sources(ws)[0].id
        edits = {
            "title": "Analyst's title",
            "outlet": "Analyst's outlet",
            "author": "A. Analyst",
            "published": "2020-01-02",
            "url": "https://analyst.example/a",
            "language": "en",
        }
        update_source(ws, source_id, **edits)
        assert analyse_sources(ws, [source_id]) == 1
        details = get_source_details(ws, source_id)
        assert {f: getattr(details, f) for f in edits} == edits


def test_the_note_cites_the_address_kept_with_the_source(ws):
    from briefing.export.source_links import read_source_links

    page_id, _ = add_document(ws, _doc(PAGE, "html"))
    text_id, _ = add_document(ws, _doc())
    assert read_source_links(ws, {page_id, text_id}) == {page_id: "https://news.example/pumps"}
    update_source(ws, text_id, url="https://wire.example/pumps")
    update_source(ws, page_id, url="")  # the analyst cleared a wrong address: the page is not read again
    assert read_source_links(ws, {page_id, text_id}) == {text_id: "https://wire.example/pumps"}
