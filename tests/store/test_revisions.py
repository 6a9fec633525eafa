"""Revisions: a write over a revision the analyst did not see is refused, on both engines."""

import json

import pytest

from briefing.domain import BriefingError, FoundClaim
from briefing.store.analysis import save_analysis
from briefing.store.annotations import add_annotation, delete_annotation, list_note_rows
from briefing.store.briefings import add_item, create_briefing, read_briefing, update_text
from briefing.store.claims import get_claim, list_claim_rows, mark_claim
from briefing.store.edits import merge_entities, rename_entity, retype_entity
from briefing.store.entities import add_entity
from briefing.store.evidence import add_evidence
from briefing.store.history import history_for
from briefing.store.revisions import StaleWrite, get_revision
from briefing.store.sources import add_document
from tests.processes import spawn_python
from tests.store.test_sources import make_doc

BACKENDS = ("sqlite", "postgresql")  # tests/conftest.py runs ``ws`` on both

TEXT = "The outage hit 40,000 households on Monday. Officials said pumping never stopped."


@pytest.fixture
def claim_id(ws):
    source_id = add_document(ws, make_doc(TEXT))[0]
    found = FoundClaim(start=0, end=43, kind="figure")
    from briefing.domain import Analysis

    save_analysis(ws, source_id, Analysis(entities=(), quotes=(), claims=(found,), sentences=(), summary=None))
    return get_claim(ws, list_claims_ids(ws)[0])["id"]


def list_claims_ids(ws):
    return [r[0] for r in ws.db.execute("SELECT id FROM claims ORDER BY id").fetchall()]


def test_each_write_counts_a_revision_and_names_who_made_it(ws, claim_id, monkeypatch):
    monkeypatch.setenv("BRIEFING_ANALYST", "Ana Okafor")
    assert get_revision(ws, "claim", claim_id).number == 1
    assert mark_claim(ws, claim_id, "disputed", expected=1) == 2
    revision = get_revision(ws, "claim", claim_id)
    assert (revision.number, revision.by) == (2, "Ana Okafor")
    assert revision.at is not None
    assert get_claim(ws, claim_id)["revision"] == 2
    source_id = get_claim(ws, claim_id)["source_id"]
    assert [row.revision for row in list_claim_rows(ws, source_id)] == [2]


def test_a_judgement_over_a_colleagues_newer_one_is_refused_and_nothing_is_written(ws, claim_id, monkeypatch):
    monkeypatch.setenv("BRIEFING_ANALYST", "Ben Adler")
    mark_claim(ws, claim_id, "corroborated", expected=1)  # Ben judged first
    monkeypatch.setenv("BRIEFING_ANALYST", "Ana Okafor")
    history_before = len(history_for(ws, "claim", claim_id))
    with pytest.raises(StaleWrite) as refused:
        mark_claim(ws, claim_id, "disputed", expected=1)  # Ana still saw revision 1
    message = str(refused.value)
    assert message.startswith("claim “The outage hit 40,000 households on Monday.” was changed by Ben Adler at ")
    assert "UTC" in message and "nothing was saved" in message
    assert refused.value.current.number == 2
    assert get_claim(ws, claim_id)["status"] == "corroborated"
    assert len(history_for(ws, "claim", claim_id)) == history_before
    # a write that would change nothing is refused as well: it was made on an outdated view
    with pytest.raises(StaleWrite):
        mark_claim(ws, claim_id, "corroborated", expected=1)
    # without a revision (the command line), the write goes through and counts
    assert mark_claim(ws, claim_id, "disputed") == 3


def test_evidence_counts_as_a_revision_of_its_claim(ws, claim_id):
    other = add_document(ws, make_doc("Officials now say 62,000 households lost water.", title="Other"))[0]
    add_evidence(ws, claim_id, other, 0, 9, "supports", expected=1)
    with pytest.raises(StaleWrite):
        add_evidence(ws, claim_id, other, 0, 9, "contradicts", expected=1)
    assert [r[0] for r in ws.db.execute("SELECT relation FROM evidence").fetchall()] == ["supports"]


def test_entity_edits_are_refused_over_a_newer_revision(ws, monkeypatch):
    monkeypatch.setenv("BRIEFING_ANALYST", "Ben Adler")
    okafor = add_entity(ws, "Ana Okafor", "person")
    other = add_entity(ws, "A. Okafor", "person")
    rename_entity(ws, okafor, "Ana Okafor-Reyes", expected=1)
    with pytest.raises(StaleWrite, match="entity “Ana Okafor-Reyes” was changed by Ben Adler"):
        retype_entity(ws, okafor, "organisation", expected=1)
    with pytest.raises(StaleWrite):
        merge_entities(ws, okafor, [other], expected={okafor: 1, other: 1})
    assert ws.db.execute("SELECT count(*) FROM entities").fetchone()[0] == 2
    merge_entities(ws, okafor, [other], expected={okafor: 2, other: 1})
    assert ws.db.execute("SELECT name, type FROM entities").fetchall() == [("Ana Okafor-Reyes", "person")]


def test_a_write_to_an_item_a_colleague_removed_is_refused_as_such(ws, monkeypatch):
    """Renaming an entity a colleague had merged away said 'entity 304 does not exist', as if the
    analyst had mistyped, and named nobody; then 'was merged into another or deleted by a
    colleague': the merge was not recorded on the entity merged away, so nobody could be named."""
    from briefing.store.annotations import edit_annotation
    from briefing.store.edits import delete_entity

    party, republicans = add_entity(ws, "Grand Old Party", "organisation"), add_entity(ws, "Republicans", "group")
    deleted = add_entity(ws, "Rep. Smith", "person")
    annotation = add_annotation(ws, add_document(ws, make_doc(TEXT))[0], 4, 10, note="check")
    monkeypatch.setenv("BRIEFING_ANALYST", "Ben Adler")
    merge_entities(ws, republicans, [party])
    delete_entity(ws, deleted)
    delete_annotation(ws, annotation)
    monkeypatch.setenv("BRIEFING_ANALYST", "Ana Okafor")
    by_ben = r" by Ben Adler at \d{4}-\d\d-\d\d \d\d:\d\d UTC after you opened it; nothing was saved$"
    merged = rf"^entity “Grand Old Party” was merged into “Republicans”{by_ben}"
    for write in (
        lambda: rename_entity(ws, party, "GOP", expected=1),
        lambda: retype_entity(ws, party, "group", expected=1),
        lambda: merge_entities(ws, republicans, [party], expected={party: 1}),
    ):
        with pytest.raises(StaleWrite, match=merged):
            write()
    with pytest.raises(StaleWrite, match=rf"^entity “Rep. Smith” was deleted{by_ben}"):
        rename_entity(ws, deleted, "Rep. Jane Smith", expected=1)
    with pytest.raises(StaleWrite, match=rf"^annotation “outage” was deleted{by_ben}"):
        edit_annotation(ws, annotation, "mine", (), expected=1)
    assert ws.db.execute("SELECT name FROM entities ORDER BY id").fetchall() == [("Republicans",)]
    older = add_entity(ws, "GOP", "organisation")
    with ws.transaction() as db:  # merged before merges were recorded on the entity merged away
        db.execute("DELETE FROM entities WHERE id = ?", [older])
    unrecorded = f"entity {older} was merged into another or deleted by a colleague after you opened it"
    with pytest.raises(StaleWrite) as refused:
        rename_entity(ws, older, "G.O.P.", expected=1)
    assert str(refused.value) == unrecorded + "; nothing was saved"


def test_a_merge_into_an_entity_a_colleague_merged_away_names_who(ws, monkeypatch):
    """The analyst chose 'Jeb Bush' in the Merge dialog while a colleague merged 'Jeb Bush' into
    'John Ellis Bush': the merge said 'entity 2971 does not exist'."""
    jeb, bush, full = (add_entity(ws, name, "person") for name in ("Jeb", "Jeb Bush", "John Ellis Bush"))
    monkeypatch.setenv("BRIEFING_ANALYST", "Ben Adler")
    merge_entities(ws, full, [bush])
    monkeypatch.setenv("BRIEFING_ANALYST", "Ana Okafor")
    by_ben = r" by Ben Adler at \d{4}-\d\d-\d\d \d\d:\d\d UTC after you opened it; nothing was saved$"
    with pytest.raises(StaleWrite, match=rf"^entity “Jeb Bush” was merged into “John Ellis Bush”{by_ben}"):
        merge_entities(ws, bush, [jeb], expected={jeb: 1})
    assert ws.db.execute("SELECT name FROM entities ORDER BY id").fetchall() == [("Jeb",), ("John Ellis Bush",)]


def test_annotations_and_briefing_items_are_refused_over_a_newer_revision(ws):
    source_id = add_document(ws, make_doc(TEXT))[0]
    annotation = add_annotation(ws, source_id, 4, 10, note="check")
    ws.db.execute("UPDATE annotations SET revision = 2 WHERE id = ?", [annotation])  # a colleague's edit
    with pytest.raises(StaleWrite):
        delete_annotation(ws, annotation, expected=1)
    assert [row.revision for row in list_note_rows(ws, source_id)] == [2]
    delete_annotation(ws, annotation, expected=2)
    assert list_note_rows(ws, source_id) == []

    briefing = create_briefing(ws, "Water")
    item = add_item(ws, briefing, "text", body="First draft")
    update_text(ws, item, "Second draft", expected=1)
    with pytest.raises(StaleWrite):
        update_text(ws, item, "My draft", expected=1)
    (shown,) = read_briefing(ws, briefing).items
    assert (shown.body, shown.revision) == ("Second draft", 2)


_JUDGE = """
import json, sys
from briefing.domain import CLAIM_STATUSES
from briefing.store.opening import open_workspace
from briefing.store.revisions import StaleWrite

workspace, name, count, claims = sys.argv[1], sys.argv[2], int(sys.argv[3]), json.loads(sys.argv[4])
import os
os.environ["BRIEFING_ANALYST"] = name
from briefing.store.claims import mark_claim
ws = open_workspace(workspace)
print("ready", flush=True)
sys.stdin.readline()  # both start together
done = []
for n in range(count):
    claim_id = claims[n % len(claims)]
    revision, status = ws.db.execute("SELECT revision, status FROM claims WHERE id = ?", [claim_id]).fetchone()
    new = CLAIM_STATUSES[(CLAIM_STATUSES.index(status) + 1) % len(CLAIM_STATUSES)]
    try:
        after = mark_claim(ws, claim_id, new, expected=revision)
        done.append([claim_id, revision, after, status, new])
    except StaleWrite:
        done.append([claim_id, revision, None, status, new])
ws.close()
print(json.dumps(done), flush=True)
"""


@pytest.mark.postgresql_only("two analysts share a workspace on a server")
def test_two_analysts_judging_the_same_claims_lose_no_write(ws, tmp_path):
    """Two processes each record 1,000 judgements on claims they share: every write made over a
    revision its analyst saw is kept in the history, and every write over a newer one is refused."""
    source_id = add_document(ws, make_doc(TEXT * 4))[0]
    from briefing.domain import Analysis

    claims = tuple(FoundClaim(start=i * len(TEXT), end=i * len(TEXT) + 43, kind="figure") for i in range(4))
    save_analysis(ws, source_id, Analysis(entities=(), quotes=(), claims=claims, sentences=(), summary=None))
    claim_ids = list_claims_ids(ws)
    workspace = ws.conninfo
    children = [
        spawn_python(_JUDGE, workspace, name, "1000", json.dumps(claim_ids), stdin=__import__("subprocess").PIPE)
        for name in ("Ana Okafor", "Ben Adler")
    ]
    for child in children:
        assert child.stdout.readline().strip() == "ready", child.stderr.read()
    for child in children:
        child.stdin.write("go\n")
        child.stdin.flush()
    results = {}
    for name, child in zip(("Ana Okafor", "Ben Adler"), children, strict=True):
        out, err = child.communicate(timeout=600)
        assert child.returncode == 0, err
        results[name] = json.loads(out.strip().splitlines()[-1])
    kept = [(name, *row) for name, rows in results.items() for row in rows if row[2] is not None]
    refused = [row for rows in results.values() for row in rows if row[2] is None]
    assert len(kept) + len(refused) == 2000
    # who wins the races is the scheduler's choice: on a loaded machine one analyst may lose them all
    assert kept and {row[0] for row in kept} <= {"Ana Okafor", "Ben Adler"}
    for claim_id in claim_ids:
        mine = sorted((row for row in kept if row[1] == claim_id), key=lambda row: row[3])
        # each kept write moved the claim on from the revision its analyst saw, one after another
        assert [row[3] for row in mine] == list(range(2, len(mine) + 2))
        assert [row[2] for row in mine] == list(range(1, len(mine) + 1))
        history = [h for h in history_for(ws, "claim", claim_id) if h.action == "mark"]
        assert [(h.actor, h.old_value, h.new_value) for h in history] == [(row[0], row[4], row[5]) for row in mine]
        assert get_revision(ws, "claim", claim_id).number == len(mine) + 1
    # every refused write was made on a revision somebody else had already moved on from
    kept_from = {(row[1], row[2]) for row in kept}
    assert refused and all((claim_id, seen) in kept_from for claim_id, seen, *_ in refused)


def test_a_connection_remembers_only_the_revisions_it_committed(ws, claim_id):
    from briefing.store.revisions import last_written, revise

    assert last_written(ws, "claim", claim_id) is None
    mark_claim(ws, claim_id, "disputed", expected=1)
    assert last_written(ws, "claim", claim_id) == 2
    with pytest.raises(RuntimeError), ws.transaction():
        revise(ws, "claim", claim_id)
        raise RuntimeError("the rest of the change failed")
    assert last_written(ws, "claim", claim_id) == 2
    assert get_revision(ws, "claim", claim_id).number == 2
    assert ws.pending_revisions == {}


def test_a_judgement_made_while_a_colleague_judges_records_the_status_it_changed(team_database):
    """Two 'claims mark' at once on a team workspace: the second read the status before the
    first committed, waited, then wrote over it and recorded the status it had read, so the
    history said 'unreviewed -> disputed' after 'unreviewed -> corroborated'."""
    import threading

    import psycopg

    from briefing.store import open_workspace

    with open_workspace(team_database) as first, open_workspace(team_database) as second:
        source_id = add_document(first, make_doc(TEXT))[0]
        from briefing.domain import Analysis

        claim = FoundClaim(start=0, end=43, kind="figure")
        save_analysis(first, source_id, Analysis(entities=(), quotes=(), claims=(claim,), sentences=(), summary=None))
        claim_id = list_claims_ids(first)[0]
        done = threading.Event()
        errors: list[BaseException] = []

        def judge() -> None:
            try:
                mark_claim(second, claim_id, "disputed")
            except BaseException as exc:  # noqa: BLE001 - reported by the test
                errors.append(exc)
            finally:
                done.set()

        with first.transaction():
            mark_claim(first, claim_id, "corroborated")
            colleague = threading.Thread(target=judge)
            colleague.start()
            waiting = "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = %s"
            with psycopg.connect(team_database, autocommit=True) as watch:  # until it waits on the row
                name = watch.info.dbname
                while not done.is_set() and not watch.execute(waiting, [name]).fetchone()[0]:
                    watch.execute("SELECT pg_sleep(0.01)")
        colleague.join()
        assert not errors, errors
        history = [(h.old_value, h.new_value) for h in history_for(first, "claim", claim_id) if h.action == "mark"]
        assert history == [("unreviewed", "corroborated"), ("corroborated", "disputed")]


def test_a_write_to_a_claim_a_colleague_dismissed_since_says_so(ws, claim_id, monkeypatch):
    """Judging a claim a colleague had dismissed said 'claim 12 is dismissed (not a claim); restore it
    first (briefing claims restore 12)': a command's hint, with nothing of who or when."""
    monkeypatch.setenv("BRIEFING_ANALYST", "Ben Adler")
    from briefing.store.claims import dismiss_claim

    dismiss_claim(ws, claim_id, expected=1)
    other = add_document(ws, make_doc("Officials said so.", title="Wire"))[0]
    by_ben = (
        r"^claim “The outage hit 40,000 households on Monday\.” was dismissed as not a claim by Ben Adler at "
        r"\d{4}-\d\d-\d\d \d\d:\d\d UTC after"
    )
    for write in (
        lambda: mark_claim(ws, claim_id, "disputed", expected=1),
        lambda: dismiss_claim(ws, claim_id, expected=1),
        lambda: add_evidence(ws, claim_id, other, 0, 9, "supports", expected=1),
    ):
        with pytest.raises(StaleWrite, match=by_ben):
            write()
    with pytest.raises(BriefingError, match=rf"^claim {claim_id} is dismissed \(not a claim\); restore it first"):
        mark_claim(ws, claim_id, "disputed")  # a command, which saw nothing: how to restore it
    assert get_claim(ws, claim_id)["status"] == "unreviewed"


def test_a_speaker_change_over_a_colleagues_re_attribution_is_refused(ws, monkeypatch):
    """Quotes carry no revision: the speaker the analyst saw is compared with the stored one."""
    from briefing.store.edits import add_quote_by_analyst, set_quote_speaker

    source_id = add_document(ws, make_doc(TEXT))[0]
    quote = add_quote_by_analyst(ws, source_id, 44, 81, None)
    ana, ben = (add_entity(ws, name, "person") for name in ("Ana Okafor", "Ben Adler"))
    monkeypatch.setenv("BRIEFING_ANALYST", "Ben Adler")
    set_quote_speaker(ws, quote, ben)
    with pytest.raises(StaleWrite, match=r"^quote “[^”\d]+” was re-attributed by Ben Adler at .+ after you opened it"):
        set_quote_speaker(ws, quote, ana, expected=(None, None))  # the analyst saw it without a speaker
    rename_entity(ws, ben, "Benjamin Adler")  # a rename is no re-attribution
    set_quote_speaker(ws, quote, ana, expected=(ben, "Ben Adler"))
    speakers = [j.new_value for j in history_for(ws, "quote", quote) if j.action == "set_speaker"]
    assert speakers == ["Ben Adler", "Ana Okafor"]
