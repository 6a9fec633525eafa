import json

from briefing.export.workspace_json import workspace_document, write_workspace_json
from briefing.store.annotations import add_annotation
from briefing.store.claims import add_claim
from briefing.store.entities import add_entity, add_mention
from briefing.store.evidence import add_evidence
from briefing.store.quotes import add_quote
from briefing.store.sources import add_document
from tests.store.test_sources import make_doc


def test_document_follows_the_contract(ws, tmp_path):
    a, _ = add_document(
        ws,
        make_doc(
            "“Pumps are back,” Okafor said. 40,000 homes were cut off.",
            title="A",
            published="2026-03-03",
            outlet="Meridian Wire",
        ),
    )
    b, _ = add_document(ws, make_doc("Some 62,000 homes were cut off.", title="B"))
    person = add_entity(ws, "Marta Okafor", "person", aliases=("Okafor",))
    add_mention(ws, person, a, 20, 26)
    add_quote(ws, a, 0, 18, speaker_id=person, speaker_text="Okafor", cue="said")
    claim = add_claim(ws, a, 31, 57)
    add_evidence(ws, claim, b, 0, 31, "contradicts")
    add_annotation(ws, a, 31, 37, note="figure", tags=("numbers",))
    target = tmp_path / "w.json"
    write_workspace_json(ws, target)
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert doc == json.loads(json.dumps(workspace_document(ws)))
    assert doc["sources"][0]["published"] == "2026-03-03" and doc["sources"][1]["published"] is None
    assert doc["entities"][0]["mentions"] == [{"source_id": a, "start": 20, "end": 26}]
    assert doc["entities"][0]["aliases"] == ["Okafor"]
    assert doc["quotes"][0]["speaker"] == "Marta Okafor" and doc["quotes"][0]["cue"] == "said"
    assert doc["claims"][0]["status"] == "unreviewed"
    assert doc["claims"][0]["evidence"][0]["source_id"] == b
    assert doc["annotations"][0]["tags"] == ["numbers"]
    assert not list(tmp_path.glob(".w.json.*")), "temporary file left behind"


def test_the_file_is_written_record_by_record_as_the_whole_document_reads(ws, tmp_path):
    """The file is the document json.dumps gives, byte for byte, written without the whole of
    it in memory (a workspace of 62 MB of JSON peaked at 770 MB); an empty list stays '[]'."""
    a, _ = add_document(ws, make_doc("“Pumps are back,” Okafor said.\n\nNo — 北京 said “no”.", title="A\u2028"))
    add_claim(ws, a, 0, 20)
    target = tmp_path / "w.json"
    write_workspace_json(ws, target)
    document = workspace_document(ws)
    assert document["annotations"] == [] and document["entities"] == []
    assert target.read_text(encoding="utf-8") == json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def test_an_export_gets_the_mode_of_any_new_file(tmp_path):
    from briefing.export.workspace_json import write_text_atomically

    target = tmp_path / "out.json"
    write_text_atomically(target, "{}\n")
    plain = tmp_path / "plain.txt"
    plain.write_text("x")
    assert target.stat().st_mode & 0o777 == plain.stat().st_mode & 0o777


def test_writing_over_an_export_keeps_its_permissions(tmp_path):
    from briefing.export.workspace_json import write_text_atomically

    target = tmp_path / "note.md"
    target.write_text("old")
    target.chmod(0o600)
    write_text_atomically(target, "new\n")
    assert target.read_text() == "new\n"
    assert target.stat().st_mode & 0o777 == 0o600


def test_a_symbolic_link_is_written_through_to_its_file(tmp_path):
    from briefing.export.workspace_json import write_text_atomically

    real = tmp_path / "real.md"
    real.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_text_atomically(link, "new\n")
    assert link.is_symlink()
    assert real.read_text() == "new\n"


def test_a_pipe_or_a_folder_at_the_path_is_refused_and_left_alone(tmp_path):
    import os

    import pytest

    from briefing.domain import BriefingError
    from briefing.export.workspace_json import write_text_atomically

    pipe = tmp_path / "pipe.md"
    os.mkfifo(pipe)
    folder = tmp_path / "folder.md"
    folder.mkdir()
    for target in (pipe, folder):
        with pytest.raises(BriefingError, match="not a regular file"):
            write_text_atomically(target, "new\n")
    assert pipe.is_fifo() and folder.is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder.md", "pipe.md"]


def test_a_name_too_long_for_the_file_system_is_refused_in_one_line(tmp_path):
    """'unexpected error: OSError: [Errno 36] File name too long' came out of the path checks."""
    import pytest

    from briefing.domain import BriefingError
    from briefing.export.workspace_json import write_text_atomically

    target = tmp_path / ("x" * 300 + ".md")
    with pytest.raises(BriefingError) as caught:
        write_text_atomically(target, "words")
    assert "cannot write (File name too long)" in str(caught.value) and "\n" not in str(caught.value)


def test_an_export_stopped_half_way_leaves_nothing_behind(tmp_path):
    """Ctrl+C during a 62 MB workspace export left a hidden 16 MB '.big.json.4r_95jkc' beside it."""
    import pytest

    from briefing.export.workspace_json import write_atomically

    def stopped(out):
        out.write(b'{\n  "sources": [')
        raise KeyboardInterrupt

    for target in (tmp_path / "new.json", tmp_path / "old.json"):
        if target.name == "old.json":
            target.write_text("{}\n")
        with pytest.raises(KeyboardInterrupt):
            write_atomically(target, stopped)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.json"]
    assert (tmp_path / "old.json").read_text() == "{}\n"


def test_a_judged_claim_says_who_judged_it_why_and_when(ws, monkeypatch):
    """The note exports gave a claim's judge and reason; the workspace export only its status."""
    from briefing.store.claims import mark_claim

    a, _ = add_document(ws, make_doc("40,000 homes were cut off on Monday night.", title="A"))
    judged, open_ = add_claim(ws, a, 0, 28), add_claim(ws, a, 29, 42)
    monkeypatch.setenv("BRIEFING_ANALYST", "Ana Ruiz")
    mark_claim(ws, judged, "disputed", reason="the utility says 62,000")
    monkeypatch.setenv("BRIEFING_ANALYST", "Ben Adler")
    mark_claim(ws, judged, "corroborated", reason="the ministry's count")
    mark_claim(ws, judged, "disputed", reason="undo")  # an undo gives back the status, not its author
    claims = {c["id"]: c for c in workspace_document(ws)["claims"]}
    judgement = claims[judged]["judgement"]
    assert (judgement["status"], judgement["analyst"], judgement["reason"]) == (
        "disputed",
        "Ana Ruiz",
        "the utility says 62,000",
    )
    assert judgement["at"] and claims[open_]["judgement"] is None


def test_a_file_named_as_the_folder_is_called_a_file(tmp_path):
    """'notes.md/brief.pdf' said 'folder notes.md does not exist' of a file that was there."""
    import pytest

    from briefing.domain import BriefingError
    from briefing.export.workspace_json import write_text_atomically

    notes = tmp_path / "notes.md"
    notes.write_text("kept\n")
    with pytest.raises(BriefingError) as refused:
        write_text_atomically(notes / "brief.pdf", "new\n")
    assert str(refused.value) == f"{notes / 'brief.pdf'}: {notes} is a file, not a folder"
    assert (tmp_path / "notes.md").read_text() == "kept\n"
