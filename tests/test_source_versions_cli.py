"""Importing two versions of one saved page: the pipeline, ``briefing import`` and ``briefing sources``."""

import json

from briefing.cli import main
from briefing.pipeline import import_paths
from briefing.store import open_workspace
from briefing.store.annotations import add_annotation
from briefing.store.source_versions import list_carries
from briefing.store.sources import list_sources

URL = "https://news.example/2026/03/outage"
FIRST = [
    "The ministry said the water outage in the north ended on Tuesday.",
    "Engineers repaired the main pipe near the old bridge overnight.",
    "A spokesperson declined to say what caused the break.",
]
SECOND = [FIRST[0], "Residents still reported brown water on Wednesday.", FIRST[1]]


def write_page(path, paragraphs, title="Water outage ends"):
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    path.write_text(
        f'<html><head><title>{title}</title><link rel="canonical" href="{URL}">'
        f'<meta property="og:site_name" content="Meridian Wire"></head><body><article><h1>{title}</h1>'
        f"{body}</article></body></html>",
        encoding="utf-8",
    )
    return path


def annotate(ws, words):
    [source] = list_sources(ws)
    text = ws.db.execute("SELECT text FROM sources WHERE id = ?", [source.id]).fetchone()[0]
    start = text.index(words)
    return add_annotation(ws, source.id, start, start + len(words), note="check")


def test_pipeline_imports_the_second_page_as_the_next_version(tmp_path, ws):
    first = write_page(tmp_path / "v1.html", FIRST)
    assert import_paths(ws, [first], analyse=False).imported == [str(first)]
    moved = annotate(ws, "repaired the main pipe")
    gone = annotate(ws, "declined to say")
    second = write_page(tmp_path / "v2.html", SECOND, title="Water outage ends; brown water reported")
    report = import_paths(ws, [second], analyse=False)
    assert (report.imported, report.versions) == ([], [str(second)])
    assert report.carried == {"moved": 1, "orphaned": 1}
    assert "1 new version of an existing source (the analyst's work: 1 moved, 1 orphaned)" in report.summary_line()
    [newest] = list_sources(ws)
    assert newest.version == 2
    assert {(c.ref_id, c.state) for c in list_carries(ws, newest.id)} == {(moved, "moved"), (gone, "orphaned")}


def test_briefing_import_says_new_version_and_sources_lists_them(tmp_path, capsys):
    workspace = str(tmp_path / "w.briefing")
    first = write_page(tmp_path / "v1.html", FIRST)
    assert main(["import", "--workspace", workspace, str(first)]) == 0
    with open_workspace(workspace) as ws:
        annotate(ws, "water outage in the north")
    capsys.readouterr()
    second = write_page(tmp_path / "v2.html", SECOND)
    assert main(["import", "--workspace", workspace, str(second)]) == 0
    out, err = capsys.readouterr()
    assert "0 imported, 1 new version of an existing source (the analyst's work: 1 verified)" in out
    assert "briefing: v2.html: a newer version of source 1, stored as source 2; carried over: 1 verified" in err

    assert main(["sources", "--workspace", workspace, "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["version"] == 2
    assert main(["sources", "versions", str(row["id"]), "--workspace", workspace]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:2] == ["id", "version"] and len(lines) == 3
    assert lines[2].split()[1] == "2" and "1 verified" in lines[2] and "(newest)" in lines[2]
    assert main(["sources", "versions", str(row["id"]), "--json", "--workspace", workspace]) == 0
    versions = json.loads(capsys.readouterr().out)
    assert [v["version"] for v in versions] == [1, 2]
    assert [c["state"] for c in versions[1]["carried"]] == ["verified"]


def test_versions_of_an_unknown_source_is_one_line(tmp_path, capsys):
    workspace = str(tmp_path / "w.briefing")
    write_page(tmp_path / "v1.html", FIRST)
    assert main(["import", "--workspace", workspace, str(tmp_path / "v1.html")]) == 0
    capsys.readouterr()
    assert main(["sources", "versions", "99", "--workspace", workspace]) == 1
    err = capsys.readouterr().err
    assert err.strip() == "briefing: source 99 does not exist"


def test_claims_lists_a_claim_whose_words_a_newer_version_changed_with_a_mark(tmp_path, capsys):
    """A claim carried over to a newer version that reworded it was listed like any other."""
    from briefing.store.claims import add_claim

    workspace = str(tmp_path / "w.briefing")
    assert main(["import", "--workspace", workspace, str(write_page(tmp_path / "v1.html", FIRST))]) == 0
    with open_workspace(workspace) as ws:
        [source] = list_sources(ws)
        text = ws.db.execute("SELECT text FROM sources WHERE id = ?", [source.id]).fetchone()[0]
        start = text.index(FIRST[2])
        add_claim(ws, source.id, start, start + len(FIRST[2]), "who caused it")
    changed = [FIRST[0], FIRST[1], "A spokesperson declined to say what caused the leak."]
    assert main(["import", "--workspace", workspace, str(write_page(tmp_path / "v2.html", changed))]) == 0
    capsys.readouterr()
    assert main(["claims", "--workspace", workspace]) == 0
    out, err = capsys.readouterr()
    carried = [line for line in out.splitlines() if "declined to say" in line]
    assert any(line.split()[0].endswith("*") for line in carried), out
    assert "the source's words there differ now" in err


def test_claims_marks_a_headline_claim_whose_words_a_newer_version_changed(tmp_path, capsys):
    """A judged headline carried over to a newer version with another headline had no mark."""
    from briefing.store.claims import add_claim, claim_at, mark_claim

    workspace = str(tmp_path / "w.briefing")
    assert main(["import", "--workspace", workspace, str(write_page(tmp_path / "v1.html", FIRST))]) == 0
    with open_workspace(workspace) as ws:
        [source] = list_sources(ws)
        headline = claim_at(ws, source.id, 0, len("Water outage ends"), part="title")
        claim_id = headline["id"] if headline else add_claim(ws, source.id, 0, len("Water outage ends"), part="title")
        mark_claim(ws, claim_id, "disputed")
    page = write_page(tmp_path / "v2.html", SECOND, title="Water outage finally ends")
    assert main(["import", "--workspace", workspace, str(page)]) == 0
    capsys.readouterr()
    assert main(["claims", "--workspace", workspace, "--status", "disputed"]) == 0
    out, err = capsys.readouterr()
    [line] = [line for line in out.splitlines() if "Water outage ends" in line]
    assert line.split()[0].endswith("*"), out
    assert "the source's words there differ now" in err
