"""``briefing copy`` into a workspace that already holds work, both ways, with ids mapped.

The team's database and the analyst's file both start from the analysed demo corpus, each
without some of its sources and each with work of its own, so that their ids differ for the
same content. Everything is checked by content: titles, passages, statuses, never ids.
"""

import re

import pytest

from briefing.domain import BriefingError, counted, normalise_name
from briefing.search.engine import search
from briefing.store import merging, open_workspace
from briefing.store.annotations import add_annotation
from briefing.store.briefings import add_item, add_passage, create_briefing, read_briefing
from briefing.store.claims import add_claim, claim_at, list_claim_history, mark_claim
from briefing.store.copy_labels import relabel
from briefing.store.copy_tables import KIND_REFERENCES, KIND_TABLES, TABLES, foreign_keys, sqlite_columns
from briefing.store.copying import copy_workspace
from briefing.store.counts import count_rows
from briefing.store.evidence import add_evidence
from briefing.store.saved_searches import save_search
from briefing.store.sources import delete_source
from briefing.store.suggestions import dismiss_suggestion

SOLO_ONLY = ("10-ferrow-labs-aqualink-gateway.html", "11-northgate-herald-followup.docx")
TEAM_ONLY = ("01-meridian-wire-outage.txt",)


def _source_id(ws, name: str) -> int:
    return ws.db.execute("SELECT id FROM sources WHERE path LIKE ?", [f"%{name}"]).fetchone()[0]


def _file(analysed_path, tmp_path, name: str, without: tuple[str, ...]):
    path = tmp_path / name
    path.write_bytes(analysed_path.read_bytes())
    with open_workspace(path) as ws:
        for source in without:
            delete_source(ws, _source_id(ws, source))
    return path


def _claims(ws, source: str) -> list[tuple[int, str, int, int]]:
    return ws.db.execute(
        "SELECT id, text, start, \"end\" FROM claims WHERE source_id = ? AND dismissed = 0 AND part = 'text' "
        "ORDER BY start",
        [_source_id(ws, source)],
    ).fetchall()


def _claim(ws, text: str) -> dict:
    row = ws.db.execute(
        "SELECT c.id, c.status, s.path FROM claims c JOIN sources s ON s.id = c.source_id WHERE c.text = ?", [text]
    ).fetchall()
    assert len(row) == 1, (text, row)
    return {"id": row[0][0], "status": row[0][1], "path": row[0][2]}


def _evidence(ws, claim_id: int) -> list[tuple]:
    return ws.db.execute(
        "SELECT s.path, v.passage, v.relation, v.note FROM evidence v JOIN sources s ON s.id = v.source_id "
        "WHERE v.claim_id = ? ORDER BY v.passage",
        [claim_id],
    ).fetchall()


def _judgements(ws, claim_id: int) -> list[tuple]:
    return sorted((j.action, j.field, j.old_value, j.new_value, j.actor) for j in list_claim_history(ws, claim_id))


def _item(item) -> tuple:
    """A note's item as the reader sees it: its words, where they come from, a claim's status
    and evidence."""
    content = item.content
    passage = getattr(content, "passage", None)
    return (
        item.kind,
        item.body,
        passage and passage.text,
        passage and passage.citation and passage.citation.title,
        getattr(content, "status", None),
        tuple(e.passage.text for e in getattr(content, "evidence", ())),
    )


def _dump(ws) -> dict[str, list[tuple]]:
    return {t: sorted(map(repr, ws.db.execute(f"SELECT * FROM {t}").fetchall())) for t in TABLES}


def _sentence(ws, source: str, index: int) -> tuple[int, int]:
    rows = ws.db.execute(
        'SELECT start, "end" FROM sentences WHERE source_id = ? ORDER BY start', [_source_id(ws, source)]
    ).fetchall()
    return rows[index]


def _solo_work(ws) -> dict:
    """The analyst's work on the file: judgements on claims the team has too, evidence from a
    source only the file has, an analyst claim, a note, an annotation with a tag."""
    shared = "02-halden-courier-ransom-claim.html"
    first, second = _claims(ws, shared)[:2]
    start, end = _sentence(ws, SOLO_ONLY[0], 1)
    add_evidence(ws, first[0], _source_id(ws, SOLO_ONLY[0]), start, end, "contradicts", "the lab says otherwise")
    mark_claim(ws, first[0], "disputed", "the lab's report")
    mark_claim(ws, second[0], "disputed", "mine")
    for index in range(5):
        start, end = _sentence(ws, "03-waterline-ot-corvane-aqualink.md", index)
        if claim_at(ws, _source_id(ws, "03-waterline-ot-corvane-aqualink.md"), start, end) is None:
            break
    analyst_claim = add_claim(ws, _source_id(ws, "03-waterline-ot-corvane-aqualink.md"), start, end, "worth checking")
    start, end = _sentence(ws, SOLO_ONLY[1], 0)
    add_annotation(ws, _source_id(ws, SOLO_ONLY[1]), start, end, "follow up", ("lead",))
    note = create_briefing(ws, "Outage brief")
    add_item(ws, note, "claim", first[0])
    add_passage(ws, note, _source_id(ws, SOLO_ONLY[0]), *_sentence(ws, SOLO_ONLY[0], 1))
    add_item(ws, note, "text", body="Our reading")
    save_search(ws, "ransom", "ransom")
    suggestion = ws.db.execute(
        "SELECT g.id, c.text, g.passage FROM claim_suggestions g JOIN claims c ON c.id = g.claim_id "
        "WHERE c.source_id = ? AND g.state = 'open' ORDER BY g.id",
        [_source_id(ws, shared)],
    ).fetchone()
    dismiss_suggestion(ws, suggestion[0], "not the same event")
    analyst_text = ws.db.execute("SELECT text FROM claims WHERE id = ?", [analyst_claim]).fetchone()[0]
    return {
        "disputed": first[1],
        "judged_by_both": second[1],
        "analyst_claim": analyst_text,
        "dismissed": suggestion[1:],
    }


def _team_work(ws, judged_by_both: str) -> None:
    """The team's own work: a judgement on a claim the analyst judges too, an annotation."""
    mark_claim(ws, _claim(ws, judged_by_both)["id"], "corroborated", "two outlets")
    start, end = _sentence(ws, TEAM_ONLY[0], 0)
    add_annotation(ws, _source_id(ws, TEAM_ONLY[0]), start, end, "the team's note", ("lead",))
    save_search(ws, "Ransom", "ransom NOT hoax")


@pytest.fixture
def published(analysed_path, team_database, tmp_path, monkeypatch):
    """The team's database (the demo without the file's two sources) and the analyst's file (the
    demo without the team's one), each with work of its own; the file is not yet copied."""
    monkeypatch.setenv("BRIEFING_ANALYST", "solo")
    solo = _file(analysed_path, tmp_path, "solo.briefing", TEAM_ONLY)
    with open_workspace(solo) as ws:
        facts = _solo_work(ws)
    team_file = _file(analysed_path, tmp_path, "team.briefing", SOLO_ONLY)
    copy_workspace(str(team_file), team_database)
    monkeypatch.setenv("BRIEFING_ANALYST", "team")
    with open_workspace(team_database) as ws:
        _team_work(ws, facts["judged_by_both"])
    return solo, team_database, facts


def test_publishing_into_the_team_database_maps_every_reference_and_keeps_the_teams_work(published):
    solo, team, facts = published
    with open_workspace(solo, read_only=True) as ws:
        solo_counts = count_rows(ws)
        disputed = _claim(ws, facts["disputed"])
        solo_evidence, solo_history = _evidence(ws, disputed["id"]), _judgements(ws, disputed["id"])
        solo_note = [_item(i) for i in read_briefing(ws, 1).items]
        both = _judgements(ws, _claim(ws, facts["judged_by_both"])["id"])
    with open_workspace(team, read_only=True) as ws:
        before = count_rows(ws)
    report = copy_workspace(str(solo), team)
    with open_workspace(team, read_only=True) as ws:
        after = count_rows(ws)
        # the shared sources are not duplicated; the file's two sources are added
        assert after["sources"] == before["sources"] + len(SOLO_ONLY) == solo_counts["sources"] + len(TEAM_ONLY)
        paths = [r[0] for r in ws.db.execute("SELECT path FROM sources")]
        assert len(paths) == len(set(paths))
        # one entity per name and type, whose mentions reach the sources of both
        names = ws.db.execute("SELECT name, type FROM entities").fetchall()
        assert len({(normalise_name(n), t) for n, t in names}) == len(names)
        spread = ws.db.execute(
            "SELECT count(DISTINCT m.source_id) FROM mentions m JOIN entities e ON e.id = m.entity_id "
            "JOIN sources s ON s.id = m.source_id WHERE e.name = ? AND (s.path LIKE ? OR s.path LIKE ?)",
            ["Corvane Systems", f"%{SOLO_ONLY[0]}", f"%{TEAM_ONLY[0]}"],
        ).fetchone()[0]
        assert spread == 2
        # the claim's evidence and judgement history point at the right rows
        claim = _claim(ws, facts["disputed"])
        assert claim["status"] == "disputed"  # the team had not judged it
        assert _evidence(ws, claim["id"]) == solo_evidence
        assert set(solo_history) <= set(_judgements(ws, claim["id"]))
        # a claim both judged keeps the team's status; the analyst's judgement is in its history
        judged = _claim(ws, facts["judged_by_both"])
        assert judged["status"] == "corroborated"
        assert set(both) <= set(_judgements(ws, judged["id"]))
        assert any(j[0] == "mark" and j[3] == "corroborated" and j[4] == "team" for j in _judgements(ws, judged["id"]))
        # a suggestion the analyst dismissed is dismissed on the team's claim
        state = ws.db.execute(
            "SELECT g.state FROM claim_suggestions g JOIN claims c ON c.id = g.claim_id "
            "WHERE c.text = ? AND g.passage = ?",
            list(facts["dismissed"]),
        ).fetchall()
        assert state == [("dismissed",)]
        # the analyst's claim, note and annotation arrive; the note's items name the same things
        assert _claim(ws, facts["analyst_claim"])["path"].endswith("03-waterline-ot-corvane-aqualink.md")
        note = ws.db.execute("SELECT id FROM briefings WHERE title = 'Outage brief'").fetchone()[0]
        assert [_item(i) for i in read_briefing(ws, note).items] == solo_note
        tags = ws.db.execute("SELECT name FROM tags").fetchall()
        assert [t[0] for t in tags] == ["lead"]
        assert ws.db.execute("SELECT count(*) FROM saved_searches").fetchone()[0] == 1  # the team's "Ransom"
        # the new rows are searchable
        hits = search(ws, '"follow up"', 10, None).page.hits
        assert any(h.kind == "note" for h in hits)
    assert report.counts["sources"] == len(SOLO_ONLY)
    for table in TABLES:
        assert after.get(table, 0) == before.get(table, 0) + report.counts.get(table, 0) or table not in after


def test_the_report_line_says_what_was_added_and_what_was_there(published):
    solo, team, _ = published
    line = copy_workspace(str(solo), team).line()
    assert "\n" not in line
    assert re.search(rf"added {counted(len(SOLO_ONLY), 'source')} \(8 already present\)", line), line
    assert re.search(r"\d+ entities \(\d+ merged with the target's\)", line), line
    assert "1 judgements taken where the target had none" in line or "judgements taken" in line
    assert "its rows before plus the rows added" in line
    again = copy_workspace(str(solo), team)
    assert not any(again.counts.values()), again.counts  # a second copy adds nothing
    assert f"added 0 sources ({8 + len(SOLO_ONLY)} already present)" in again.line()


def test_the_team_database_copies_into_a_file_that_has_work_of_its_own(published, tmp_path):
    solo, team, facts = published
    with open_workspace(solo, read_only=True) as ws:
        before = count_rows(ws)
        mine = _judgements(ws, _claim(ws, facts["judged_by_both"])["id"])
    report = copy_workspace(team, str(solo))
    with open_workspace(solo, read_only=True) as ws:
        after = count_rows(ws)
        assert after["sources"] == before["sources"] + len(TEAM_ONLY)
        for table, added in report.counts.items():
            assert after.get(table, before.get(table, 0)) == before.get(table, 0) + added or table not in after
        # the file's own judgement stays; the team's is in the history
        judged = _claim(ws, facts["judged_by_both"])
        assert judged["status"] == "disputed"
        history = _judgements(ws, judged["id"])
        assert set(mine) <= set(history) and any(j[3] == "corroborated" and j[4] == "team" for j in history)
        # the team's annotation arrives on the source the file lacked, with the same tag row
        note = ws.db.execute(
            "SELECT s.path, t.name FROM annotations a JOIN sources s ON s.id = a.source_id "
            "JOIN annotation_tags x ON x.annotation_id = a.id JOIN tags t ON t.id = x.tag_id "
            "WHERE a.note = 'the team''s note'"
        ).fetchall()
        assert note == [(next(p for p in [note[0][0]] if p.endswith(TEAM_ONLY[0])), "lead")]
        assert ws.db.execute("SELECT count(*) FROM tags").fetchone()[0] == 1
        assert search(ws, '"the team\'s note"', 10, None).page.hits
        assert ws.db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert f"added {counted(len(TEAM_ONLY), 'source')}" in report.line()


@pytest.mark.parametrize("direction", ["to the team", "to the file"])
def test_a_failure_mid_copy_leaves_the_target_as_it_was(published, monkeypatch, direction):
    solo, team, _ = published
    source, target = (str(solo), team) if direction == "to the team" else (team, str(solo))
    with open_workspace(target, read_only=True) as ws:
        before = _dump(ws)
    real = merging._Merge._write

    def failing(self, table, columns, rows):
        real(self, table, columns, rows)
        if table == "annotations" and rows:  # after the sources, entities, claims: mid-copy
            raise OSError("disk gone")

    monkeypatch.setattr(merging._Merge, "_write", failing)
    with pytest.raises(BriefingError, match="disk gone") as failed:
        copy_workspace(source, target)
    assert "\n" not in str(failed.value)
    with open_workspace(target, read_only=True) as ws:
        assert _dump(ws) == before


# --- the id columns, without a server ----------------------------------------------------------


def test_every_column_holding_an_id_is_a_foreign_key_or_named_by_its_kind(ws):
    for table in TABLES:
        keys = foreign_keys(ws, table)
        for column in sqlite_columns(ws, table):
            if column == "id" or not re.search(r"(_id|_of)$", column):
                continue
            assert column in keys or (table, column) in KIND_REFERENCES, (table, column)
    for (table, _), kind_column in KIND_REFERENCES.items():
        sql = ws.db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
        kinds = re.search(rf"{kind_column} TEXT NOT NULL CHECK \({kind_column} IN \(([^)]*)\)\)", sql)
        if kinds:
            assert {k.strip("' ") for k in kinds.group(1).split(",")} - {"text"} <= set(KIND_TABLES), table


def test_ids_written_in_the_historys_text_are_renumbered():
    ids = {("briefing_items", 4): 40, ("sources", 2): 20, ("sources", 3): 30, ("mentions", 7): 70, ("quotes", 5): 50}

    def by_kind(kind, old):
        return ids.get((KIND_TABLES[kind], old))

    def relabelled(action, field, old, new):
        values = {"action": action, "field": field, "old_value": old, "new_value": new}
        relabel(values, by_kind)
        return values["field"], values["old_value"], values["new_value"]

    assert relabelled("add_item", "item 4", None, "quote 5") == ("item 40", None, "quote 50")
    assert relabelled("add_item", "item 4", None, "passage of source 2 at 10-48") == (
        "item 40",
        None,
        "passage of source 20 at 10-48",
    )
    assert relabelled("carry_version", "source", "source 2, characters 1-5", "source 3, characters 1-5 (moved)") == (
        "source",
        "source 20, characters 1-5",
        "source 30, characters 1-5 (moved)",
    )
    assert relabelled("carry_version", "item 4", "summary 2", "summary 3") == ("item 40", "summary 20", "summary 30")
    assert relabelled("carry_version", "title", "source 2 says", "x") == ("title", "source 2 says", "x")
    assert relabelled("split", "mentions", "7,8", "2") == ("mentions", "70,?", "?")
    assert relabelled("edit_text", "item 9", "see quote 5", "claim 2") == ("item ?", "see quote 5", "claim 2")
    # the source of a mention taken off its entity (Not This Entity); words that read so stay
    assert relabelled("unlink", "mention", "Pence (source 2)", None) == ("mention", "Pence (source 20)", None)
    assert relabelled("unlink", "mention", "source 3 (source 3)", None) == ("mention", "source 3 (source 30)", None)


# --- what the target's own analysis stands for, and notes renamed by a copy ------------------------


def _lone_entities(ws) -> dict[tuple[str, str, str], int]:
    """Entities the analysis found in one source alone, which both workspaces have: {(name, type,
    that source's path): id}."""
    rows = ws.db.execute(
        "SELECT e.name, e.type, min(s.path), e.id FROM entities e JOIN mentions m ON m.entity_id = e.id "
        "JOIN sources s ON s.id = m.source_id WHERE e.origin = 'analysis' AND m.origin = 'analysis' "
        "AND NOT EXISTS (SELECT 1 FROM quotes q WHERE q.speaker_id = e.id AND q.source_id <> m.source_id) "
        "GROUP BY e.id, e.name, e.type HAVING count(DISTINCT m.source_id) = 1"
    ).fetchall()
    return {tuple(r[:3]): r[3] for r in rows if not r[2].endswith(SOLO_ONLY + TEAM_ONLY)}


def _unmentioned(ws) -> set[tuple[str, str]]:
    rows = ws.db.execute(
        "SELECT name, type FROM entities e WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = e.id)"
    ).fetchall()
    return {(normalise_name(n), t) for n, t in rows}


@pytest.mark.parametrize("direction", ["to the team", "to the file"])
def test_an_entity_only_in_the_left_out_analysis_is_not_copied(published, direction):
    solo, team, _ = published
    source, target = (str(solo), team) if direction == "to the team" else (team, str(solo))
    with open_workspace(source, read_only=True) as ws:
        lone = _lone_entities(ws)
    with open_workspace(target) as ws:
        name, type_, path = min(set(lone) & set(_lone_entities(ws)))
        with ws.transaction():  # the target's analysis of that shared source did not find it
            ws.db.execute("DELETE FROM entities WHERE id = ?", [_lone_entities(ws)[name, type_, path]])
        before = _unmentioned(ws)
    report = copy_workspace(source, target)
    with open_workspace(target, read_only=True) as ws:
        assert _unmentioned(ws) <= before
        assert (
            ws.db.execute("SELECT count(*) FROM entities WHERE name = ? AND type = ?", [name, type_]).fetchone()[0] == 0
        )
    assert report.merged.left_out > 0


def test_a_note_renamed_by_a_copy_is_recognised_by_the_next_copy(published):
    solo, team, _ = published
    with open_workspace(team) as ws:
        create_briefing(ws, "outage brief")  # the team's own note of the same title (ignoring case)
    first = copy_workspace(str(solo), team)
    assert first.counts["briefings"] == 1
    with open_workspace(team, read_only=True) as ws:
        titles = sorted(r[0] for r in ws.db.execute("SELECT title FROM briefings").fetchall())
    assert titles == ["Outage brief (copy)", "outage brief"]
    again = copy_workspace(str(solo), team)
    assert again.counts.get("briefings", 0) == 0
    assert not any(again.counts.values()), again.counts
    back = copy_workspace(team, str(solo))  # the renamed note is the file's own note
    assert back.counts.get("briefings", 0) == 1  # the team's "outage brief" alone
    with open_workspace(solo, read_only=True) as ws:
        titles = sorted(r[0] for r in ws.db.execute("SELECT title FROM briefings").fetchall())
    assert titles == ["Outage brief", "outage brief (copy)"]


def test_a_copy_into_a_file_never_gives_a_copied_row_the_id_of_a_deleted_one(published):
    """The file's newest source was deleted (its Undo may still put it back): the team's sources
    arriving in the file take ids after it."""
    solo, team, _ = published
    with open_workspace(solo) as ws:
        newest = ws.db.execute("SELECT max(id) FROM sources").fetchone()[0]
        delete_source(ws, newest)
    copy_workspace(team, str(solo))
    with open_workspace(solo, read_only=True) as ws:
        added = [r[0] for r in ws.db.execute("SELECT id FROM sources WHERE path LIKE ?", [f"%{TEAM_ONLY[0]}"])]
        assert added and min(added) > newest


def test_a_note_both_worked_on_numbers_its_items_again_after_a_copy(published):
    """A note published to the team, given an item there, and copied back into the file had two
    items at one position and none at another, until its next edit renumbered them."""
    solo, team, _ = published
    copy_workspace(str(solo), team)
    with open_workspace(team) as ws:
        note = ws.db.execute("SELECT id FROM briefings WHERE title = 'Outage brief'").fetchone()[0]
        add_item(ws, note, "text", body="The team's reading")
    with open_workspace(solo) as ws:
        note = ws.db.execute("SELECT id FROM briefings WHERE title = 'Outage brief'").fetchone()[0]
        add_item(ws, note, "text", body="My second reading")
    copy_workspace(team, str(solo))
    with open_workspace(solo, read_only=True) as ws:
        note = ws.db.execute("SELECT id FROM briefings WHERE title = 'Outage brief'").fetchone()[0]
        positions = [
            r[0]
            for r in ws.db.execute(
                "SELECT position FROM briefing_items WHERE briefing_id = ? ORDER BY position", [note]
            )
        ]
        bodies = [item.body for item in read_briefing(ws, note).items if item.kind == "text"]
    assert positions == list(range(len(positions))) and len(positions) >= 5
    assert "The team's reading" in bodies and "My second reading" in bodies


def test_every_judgement_is_copied_however_quickly_they_came(published, monkeypatch):
    """Judgements recorded in one second, even the same change twice, were one row to a copy:
    five quick marks went to the team as four, and a copy back into a file lost eleven."""
    from briefing.store import history

    solo, team, facts = published
    monkeypatch.setattr(history, "utc_now", lambda: "2026-03-09T10:00:00+00:00")
    monkeypatch.setenv("BRIEFING_ANALYST", "solo")
    with open_workspace(solo) as ws:
        claim = _claim(ws, facts["disputed"])["id"]
        for status, reason in [("corroborated", "a"), ("unreviewed", "b"), ("corroborated", "c")] * 2:
            mark_claim(ws, claim, status, reason)
        mine = _judgements(ws, claim)
    copy_workspace(str(solo), team)
    with open_workspace(team, read_only=True) as ws:
        theirs = _judgements(ws, _claim(ws, facts["disputed"])["id"])
    assert [j for j in theirs if j[4] == "solo"] == mine
    again = copy_workspace(str(solo), team)
    assert again.counts.get("history", 0) == 0  # none copied twice
    back = solo.with_name("back.briefing")
    back.write_bytes(b"")  # an empty file: the copy merges into it
    copy_workspace(team, str(back))
    with open_workspace(back, read_only=True) as ws:
        assert _judgements(ws, _claim(ws, facts["disputed"])["id"]) == theirs


def test_copying_again_what_a_first_copy_took_whole_adds_nothing(analysed_path, team_database, tmp_path):
    """A first copy into an empty target keeps every id; the next copy of the same workspace found
    the history of a deleted source ("delete source 1", its note items "orphan") unlike the
    target's, whose rows name the id, and added each again as "source ?" with no target."""
    solo = _file(analysed_path, tmp_path, "solo.briefing", TEAM_ONLY)  # its history names a deleted source
    with open_workspace(solo) as ws:
        deleted = ws.db.execute("SELECT count(*) FROM history WHERE action = 'delete'").fetchone()[0]
    assert deleted
    copy_workspace(str(solo), team_database)
    again = copy_workspace(str(solo), team_database)
    assert not any(again.counts.values()), again.counts
    plane = tmp_path / "plane.briefing"
    copy_workspace(team_database, str(plane))
    again = copy_workspace(team_database, str(plane))
    assert not any(again.counts.values()), again.counts
    with open_workspace(plane, read_only=True) as ws:
        assert ws.db.execute("SELECT count(*) FROM history WHERE target_id IS NULL").fetchone()[0] == 0
