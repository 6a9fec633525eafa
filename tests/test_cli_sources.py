"""``briefing sources``: the list with the analysed state, edit, delete, one-line errors."""

import json

import pytest

from briefing.cli import main
from briefing.domain import ANALYSIS_VERSION
from briefing.store import open_workspace
from briefing.store.backup import list_backups
from briefing.store.history import history_for
from briefing.store.sources import add_document, get_source_details
from tests.store.test_sources import make_doc


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def two_sources(ws_file):
    """One source analysed (as far as the list can tell) and one not."""
    with open_workspace(ws_file) as ws:
        first, _ = add_document(ws, make_doc("The pumps restarted.", title="Pumps restart", outlet="Wire"))
        add_document(ws, make_doc("The outage\x1b[31m was over.", title="Outage\x1b[2J\nforged line"))
        ws.db.execute(
            "UPDATE sources SET analysis_version = ?, analysed_at = '2026-03-04' WHERE id = ?",
            [ANALYSIS_VERSION, first],
        )
    return ws_file


def test_sources_json_lists_details_and_the_analysed_state(capsys, two_sources):
    code, out, err = run(capsys, "sources", "--json", "--workspace", str(two_sources))
    assert code == 0, err
    rows = json.loads(out)
    assert [(r["id"], r["analysed"]) for r in rows] == [(1, True), (2, False)]
    assert set(rows[0]) == {
        "id",
        "title",
        "outlet",
        "author",
        "published",
        "url",
        "language",
        "analysed",
        "analysis_withheld",
        "quotes",
        "claims",
        "version",
        "file",
    }
    assert rows[0]["outlet"] == "Wire" and rows[0]["quotes"] == 0


def test_an_untitled_source_is_listed_by_its_file_as_the_window_lists_it(capsys, ws_file):
    # nine of ten text files without a headline were nine lines of "(untitled)"
    from dataclasses import replace

    with open_workspace(ws_file) as ws:
        doc = make_doc("The ferry ran late on Tuesday, the harbour master said.", title="")
        add_document(ws, replace(doc, title=None, path="C:\\cases\\nigeria\\1139.txt"))
    code, out, err = run(capsys, "sources", "--workspace", str(ws_file))
    assert code == 0 and out.splitlines()[1].endswith("  (untitled) · 1139.txt"), out
    code, out, err = run(capsys, "sources", "--json", "--workspace", str(ws_file))
    [row] = json.loads(out)
    assert (row["title"], row["file"]) == (None, "1139.txt")


def test_sources_edit_takes_a_date_written_out(capsys, two_sources):
    """As the window's Source Details does: '18 November 2019', as a page prints it."""
    code, out, err = run(capsys, "sources", "edit", "1", "--date", "18 November 2019", "--workspace", str(two_sources))
    assert code == 0 and out.strip().endswith("date changed"), err
    with open_workspace(two_sources) as ws:
        assert get_source_details(ws, 1).published == "2019-11-18"


def test_sources_table_says_which_are_not_analysed_with_titles_as_data(capsys, two_sources):
    code, out, err = run(capsys, "sources", "--workspace", str(two_sources))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["id", "analysed", "quotes", "claims"]
    assert lines[1].split()[:2] == ["1", "yes"] and lines[2].split()[:2] == ["2", "no"]
    assert "forged line" not in lines and "\x1b" not in out
    assert err.strip() == (
        "briefing: 1 source waits for the analysis; run 'briefing analyse' to find its entities, quotes and claims"
    )


def test_a_source_in_a_language_not_analysed_is_listed_as_not_analysed(capsys, two_sources):
    """The import says "1 not analysed: language ko"; the list must not say "yes" of that source."""
    with open_workspace(two_sources) as ws:
        korean, _ = add_document(ws, make_doc("서울에서 회의가 열렸다.", title="회의", language="ko"))
        ws.db.execute(
            "UPDATE sources SET analysis_version = ?, analysed_at = '2026-03-04' WHERE id = ?",
            [ANALYSIS_VERSION, korean],
        )
    code, out, err = run(capsys, "sources", "--workspace", str(two_sources))
    assert code == 0
    assert out.splitlines()[3].split()[:3] == ["3", "no", "(ko)"]
    assert err.splitlines()[-1] == (
        "briefing: 1 not analysed: language ko — entities, quotes and claims are found in English text only"
    )
    code, out, err = run(capsys, "sources", "--json", "--workspace", str(two_sources))
    rows = {r["id"]: r for r in json.loads(out)}
    assert rows[3]["analysis_withheld"] == ("language ko: entities, quotes and claims are found in English text only")
    assert rows[1]["analysis_withheld"] is None and rows[2]["analysis_withheld"] is None


def test_sources_edit_changes_and_records_the_fields(capsys, two_sources):
    code, out, err = run(
        capsys,
        "sources",
        "edit",
        "1",
        "--title",
        "Pumps back",
        "--author",
        "Ana Ruiz",
        "--date",
        "2026-03-04",
        "--url",
        "https://wire.example/pumps",
        "--outlet",
        "Wire",
        "--reason",
        "byline",
        "--workspace",
        str(two_sources),
    )
    assert code == 0, err
    assert out.strip() == "source 1 (Pumps back): title, author, date, url changed"
    with open_workspace(two_sources) as ws:
        details = get_source_details(ws, 1)
        assert (details.title, details.author, details.published, details.url) == (
            "Pumps back",
            "Ana Ruiz",
            "2026-03-04",
            "https://wire.example/pumps",
        )
        assert {j.field for j in history_for(ws, "source", 1)} == {"title", "author", "published", "url"}


@pytest.mark.parametrize(
    "args, message",
    [
        (["edit", "9", "--title", "x"], "briefing: source 9 does not exist"),
        (["edit", "1", "--date", "4 March"], "briefing: --date: must be a date such as 2019-11-18 or 18 November 20"),
        (["edit", "1", "--url", "ftp://x"], "briefing: --url: must be a plain http:// or https:// address"),
        (["edit", "1"], "briefing: sources edit: give at least one of"),
        (["delete", "9", "--yes"], "briefing: source 9 does not exist"),
        (["delete", "1"], "briefing: source 1 not deleted (give --yes to delete without asking)"),
    ],
)
def test_bad_sources_commands_fail_in_one_line(capsys, two_sources, args, message):
    code, out, err = run(capsys, "sources", *args, "--workspace", str(two_sources))
    assert code == 1 and out == ""
    assert err.startswith(message) and len(err.strip().splitlines()) == 1
    with open_workspace(two_sources) as ws:
        assert get_source_details(ws, 1).title == "Pumps restart"


def test_sources_delete_makes_a_backup_first(capsys, two_sources):
    code, out, err = run(capsys, "sources", "delete", "1", "--yes", "--workspace", str(two_sources))
    assert code == 0, err
    assert out.startswith("deleted source 1 (Pumps restart); a backup is in ")
    backups = list_backups(two_sources)
    assert any("before-delete" in b.name for b in backups)
    with open_workspace(backups[-1]) as old:
        assert get_source_details(old, 1).title == "Pumps restart"
    code, out, _ = run(capsys, "sources", "--json", "--workspace", str(two_sources))
    assert [r["id"] for r in json.loads(out)] == [2]


def test_deleting_a_source_says_which_claims_of_other_sources_lose_its_evidence(capsys, two_sources):
    from briefing.store.claims import add_claim, mark_claim
    from briefing.store.evidence import add_evidence

    with open_workspace(two_sources) as ws:
        claim = add_claim(ws, 1, 0, len("The pumps restarted."))
        add_evidence(ws, claim, 2, 0, len("The outage"), "supports")
        mark_claim(ws, claim, "corroborated", reason="the outage report")
    code, out, err = run(capsys, "sources", "delete", "2", "--yes", "--workspace", str(two_sources))
    assert code == 0 and out.startswith("deleted source 2 ")
    assert err.strip() == (
        "Source 2 was evidence for 1 claim of other sources (1 passage), which lost it; "
        "their judgements stay, flagged in briefing notes."
    )
    with open_workspace(two_sources) as ws:
        (lost,) = [j for j in history_for(ws, "claim", claim) if j.action == "remove_evidence"]
    assert (lost.field, lost.old_value, lost.reason) == ("supports", "The outage", "its source 2 was deleted")


def test_an_edit_survives_briefing_analyse(capsys, analysed_path, tmp_path):
    copy = tmp_path / "copy.briefing"
    copy.write_bytes(analysed_path.read_bytes())
    edits = ["--title", "Analyst's title", "--outlet", "Analyst's outlet", "--author", "A. Analyst"]
    code, _, err = run(capsys, "sources", "edit", "1", *edits, "--date", "2020-01-02", "--workspace", str(copy))
    assert code == 0, err
    code, out, err = run(capsys, "analyse", "1", "--workspace", str(copy))
    assert code == 0 and out.strip() == "1 source analysed", err
    with open_workspace(copy) as ws:
        details = get_source_details(ws, 1)
    assert (details.title, details.outlet, details.author, details.published, details.analysed) == (
        "Analyst's title",
        "Analyst's outlet",
        "A. Analyst",
        "2020-01-02",
        True,
    )


def test_an_import_says_which_older_sources_it_analysed_too(capsys, ws_file, tmp_path):
    from briefing.pipeline import import_paths

    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("Pumps restart\n\nThe port authority said the pumps restarted at noon.", "utf-8")
    second.write_text("Outage over\n\nThe ministry said on Tuesday that the outage was over.", "utf-8")
    with open_workspace(ws_file) as ws:
        import_paths(ws, [first], analyse=False)  # as a cancelled import leaves it
    code, out, err = run(capsys, "sources", "--workspace", str(ws_file))
    assert "1 source waits for the analysis" in err
    code, out, err = run(capsys, "import", str(second), "--workspace", str(ws_file))
    assert code == 0, err
    assert out.strip() == "1 imported, 0 already there, 0 failed, 1 older source analysed too"


def test_a_long_outlet_is_cut_with_a_mark_in_the_list(capsys, ws_file):
    with open_workspace(ws_file) as ws:
        add_document(ws, make_doc("The pumps restarted.", title="Pumps", outlet="Como Educar Seus Filhos Hoje"))
    code, out, _ = run(capsys, "sources", "--workspace", str(ws_file))
    assert code == 0 and "Como Educar Seus Fi…  Pumps" in out


def test_deleting_a_source_says_which_briefing_notes_cite_it(capsys, two_sources):
    from briefing.store.briefings import add_item, create_briefing

    with open_workspace(two_sources) as ws:
        note = create_briefing(ws, "Outage <b>brief</b>")
        add_item(ws, note, "summary", 2)
        add_item(ws, note, "passage", 2, start=0, end=len("The outage"))
    code, out, err = run(capsys, "sources", "delete", "2", "--yes", "--workspace", str(two_sources))
    assert code == 0 and out.startswith("deleted source 2 ")
    assert err.strip() == (
        "Source 2 was cited by 2 items of the briefing note “Outage <b>brief</b>”, "
        "which now cite a source that is gone."
    )


@pytest.mark.parametrize(
    "option, value, message",
    [
        ("--date", "2026-02-30", "--date: 2026-02-30 is not a day of the calendar"),
        ("--title", "a\x1b[2Jb", "--title: must be one line of text without control characters"),
    ],
)
def test_a_bad_value_names_the_option_typed(capsys, two_sources, option, value, message):
    """'--date notadate' was refused as 'published: must be a date', a name the user never typed."""
    code, out, err = run(capsys, "sources", "edit", "1", option, value, "--workspace", str(two_sources))
    assert (code, out) == (1, "")
    assert err.startswith(f"briefing: {message}") and len(err.splitlines()) == 1


def test_a_long_title_is_clipped_in_the_line_that_says_what_was_done(capsys, two_sources):
    """A 3,000-character title came back whole in 'source 1 (…): title changed'."""
    code, out, err = run(capsys, "sources", "edit", "1", "--title", "T" * 3000, "--workspace", str(two_sources))
    assert code == 0, err
    assert out == f"source 1 ({'T' * 79}…): title changed\n"
    code, out, err = run(capsys, "sources", "delete", "1", "--yes", "--workspace", str(two_sources))
    assert code == 0 and out.startswith(f"deleted source 1 ({'T' * 79}…); a backup is in "), err
