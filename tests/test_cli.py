import json
import os
import re
import subprocess
import sys

import pytest

from briefing import __version__
from briefing.cli import build_parser, main
from briefing.domain import BRIEFING_FORMATS
from briefing.store import open_workspace
from briefing.store.sources import add_document
from tests.store.test_sources import make_doc


@pytest.fixture
def broken_dir(tmp_path):
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "garbage.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    (folder / "notazip.docx").write_bytes(b"PK\x03\x04 this is not really a zip file")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff\xfe" * 100)
    (folder / "good.md").write_text("# Harbour pumps restart\n\nThe pumps restarted at noon.", encoding="utf-8")
    return folder


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def empty_ws(ws_file):
    """A workspace file with nothing in it yet (only an import makes one from a missing path)."""
    open_workspace(ws_file).close()
    return ws_file


def test_import_demo_then_again_is_a_no_op(capsys, ws_file, demo_dir):
    code, out, err = run(capsys, "import", "--workspace", str(ws_file), str(demo_dir))
    assert code == 0, err
    imported = int(out.split()[0])
    assert imported == len(list(demo_dir.iterdir())) >= 10
    code, out, _ = run(capsys, "import", "--workspace", str(ws_file), str(demo_dir))
    assert code == 0
    assert out.startswith("0 imported") and f"{imported} already there" in out


def test_an_import_that_imports_nothing_leaves_no_new_workspace_behind(capsys, tmp_path):
    """A mistyped path gave '0 imported, 0 already there, 1 failed' and a 256 KB workspace."""
    target = tmp_path / "case.briefing"
    (tmp_path / "junk.txt").write_bytes(b"\x00\x01\x02")
    for given in ("no-such-folder", str(tmp_path / "junk.txt")):
        code, out, _ = run(capsys, "import", "--workspace", str(target), given)
        assert code == 1 and out.startswith("0 imported")
        assert sorted(p.name for p in tmp_path.iterdir()) == ["junk.txt"]


def test_a_relative_path_is_stored_as_the_files_full_path(capsys, ws_file, tmp_path, monkeypatch):
    """'pol/a.txt' meant nothing once the working folder changed."""
    (tmp_path / "pol").mkdir()
    (tmp_path / "pol" / "a.txt").write_text("Pumps restarted at dawn, the water board said on Monday.\n")
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "import", "--workspace", str(ws_file), "pol")
    assert code == 0, err
    code, out, _ = run(capsys, "export", "--format", "json", "-o", "-", "--workspace", str(ws_file))
    assert [s["path"] for s in json.loads(out)["sources"]] == [str(tmp_path / "pol" / "a.txt")]


def test_broken_files_fail_one_line_each_and_the_rest_imports(capsys, ws_file, broken_dir):
    code, out, err = run(capsys, "import", "--workspace", str(ws_file), str(broken_dir))
    assert code == 1
    assert out.strip() == "1 imported, 0 already there, 4 failed"
    *lines, made = err.strip().splitlines()
    assert len(lines) == 4 and made == f"briefing: {ws_file} is a new workspace"
    for name in ("empty.txt", "garbage.pdf", "notazip.docx", "binary.txt"):
        assert sum(name in line for line in lines) == 1
    assert "Traceback" not in err
    code, out, _ = run(capsys, "info", "--json", "--workspace", str(ws_file))
    assert json.loads(out)["counts"]["sources"] == 1


def test_info_names_the_workspace_by_its_whole_path(capsys, ws_file, monkeypatch):
    """'info --json' gave the path as typed ('case.briefing'), which a script run elsewhere cannot use."""
    from briefing.store import open_workspace

    open_workspace(ws_file).close()
    monkeypatch.chdir(ws_file.parent)
    code, out, _ = run(capsys, "info", "--json", "--workspace", ws_file.name)
    assert code == 0 and json.loads(out)["workspace"] == str(ws_file.absolute())


def test_missing_path_is_reported(capsys, ws_file, tmp_path):
    code, _, err = run(capsys, "import", "--workspace", str(ws_file), str(tmp_path / "nowhere.txt"))
    assert code == 1
    assert "nowhere.txt" in err


def test_info_prints_counts(capsys, ws_file, demo_dir):
    run(capsys, "import", "--workspace", str(ws_file), str(demo_dir))
    code, out, _ = run(capsys, "info", "--workspace", str(ws_file))
    assert code == 0
    assert "sources" in out and str(ws_file) in out
    code, out, _ = run(capsys, "--workspace", str(ws_file), "info", "--json")
    counts = json.loads(out)["counts"]
    assert counts["sources"] >= 10 and set(counts) >= {"entities", "quotes", "claims", "annotations"}


def test_info_says_how_many_sources_wait_for_the_analysis(capsys, ws_file):
    with open_workspace(ws_file) as ws:
        add_document(ws, make_doc("The pumps restarted.", title="Pumps restart"))
        add_document(ws, make_doc("The outage was over.", title="Outage over"))
    code, out, _ = run(capsys, "info", "--workspace", str(ws_file))
    assert code == 0
    assert out.strip().splitlines()[-1] == (
        "2 sources wait for the analysis; run 'briefing analyse' to find their entities, quotes and claims"
    )
    assert json.loads(run(capsys, "info", "--json", "--workspace", str(ws_file))[1])["not_analysed"] == 2
    run(capsys, "analyse", "--workspace", str(ws_file))
    code, out, _ = run(capsys, "info", "--workspace", str(ws_file))
    assert "wait" not in out
    assert json.loads(run(capsys, "info", "--json", "--workspace", str(ws_file))[1])["not_analysed"] == 0


def test_export_json_holds_everything_imported(capsys, ws_file, demo_dir, tmp_path):
    run(capsys, "import", "--workspace", str(ws_file), str(demo_dir))
    target = tmp_path / "out.json"
    code, out, err = run(capsys, "export", "--workspace", str(ws_file), "--format", "json", "-o", str(target))
    assert code == 0, err
    document = json.loads(target.read_text(encoding="utf-8"))
    assert {"sources", "entities", "quotes", "claims", "annotations"} <= set(document)
    assert len(document["sources"]) >= 10
    for source in document["sources"]:
        assert {"id", "path", "title", "outlet", "author", "published", "summary", "text"} <= set(source)
        assert source["text"].strip()


def test_export_to_stdout(capsys, empty_ws):
    code, out, _ = run(capsys, "export", "--workspace", str(empty_ws), "--format", "json", "-o", "-")
    assert code == 0
    assert json.loads(out)["sources"] == []


@pytest.mark.parametrize(
    "args",
    [
        ["export", "--format", "xml", "-o", "x"],
        ["import"],
        ["frobnicate"],
        ["--bogus"],
        ["import", "--jobs", "0", "x.txt"],
        ["analyse", "--jobs", "two"],
        ["--screenshot", "x.png", "--size", "big"],
        ["search", "outage", "--limit", "0"],  # exited 1, as if the search had failed
        ["search", "outage", "--limit", "many"],
    ],
)
def test_usage_errors_exit_2_with_one_line(capsys, args):
    with pytest.raises(SystemExit) as exited:
        main(args)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and err.startswith("briefing")


def test_unusable_workspace_is_one_line(capsys, tmp_path):
    bad = tmp_path / "bad.briefing"
    bad.write_text("not a database", encoding="utf-8")
    code, _, err = run(capsys, "info", "--workspace", str(bad))
    assert code == 1
    assert err.strip() == f"briefing: {bad}: not a Briefing workspace (not an SQLite file, or its header is damaged)"


def test_export_into_missing_folder_is_one_line(capsys, empty_ws, tmp_path):
    code, _, err = run(
        capsys, "export", "--workspace", str(empty_ws), "--format", "json", "-o", str(tmp_path / "no" / "out.json")
    )
    assert code == 1 and "does not exist" in err and len(err.strip().splitlines()) == 1


def test_default_workspace_is_made_from_the_demo_corpus(capsys, monkeypatch, tmp_path):
    monkeypatch.setattr("briefing.paths.default_workspace", lambda: tmp_path / "data" / "workspace.briefing")
    code, out, _ = run(capsys, "info", "--json")
    assert code == 0
    assert json.loads(out)["counts"]["sources"] >= 10
    code, out, _ = run(capsys, "briefings", "--json")  # a new user can export a note at once
    [note] = json.loads(out)
    assert note["title"] == "Port Halden water outage: where the accounts disagree" and note["items"] == 10


def test_python_dash_m_and_version():
    result = subprocess.run([sys.executable, "-m", "briefing", "--version"], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.strip() == f"Briefing {__version__}"


def test_readme_documents_every_command_and_format():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    commands = build_parser()._subparsers._group_actions[0].choices  # noqa: SLF001
    for command in commands:
        assert f"briefing {command}" in readme, command
    for fmt in BRIEFING_FORMATS:
        assert f"--format {fmt}" in readme
    assert "make run" in readme and "make test" in readme


class _Terminal:
    def __init__(self):
        self.written = []

    def isatty(self):
        return True

    def write(self, text):
        self.written.append(text)

    def flush(self):
        pass


def test_progress_bar_draws_on_a_terminal_and_clears_itself():
    from briefing.cli_output import progress_printer as _progress_printer

    terminal = _Terminal()
    show = _progress_printer(terminal)
    show(1, 4, "a.txt")
    show(4, 4, "")
    assert "[#######" in terminal.written[0] and "1/4 a.txt" in terminal.written[0]
    assert terminal.written[-1].strip() == ""


def test_no_progress_bar_when_piped():
    import io

    from briefing.cli_output import progress_printer as _progress_printer

    stream = io.StringIO()
    _progress_printer(stream)(1, 2, "x")
    assert stream.getvalue() == ""


@pytest.fixture
def noted_workspace(ws_file):
    from briefing.store import open_workspace
    from tests.export.helpers import make_case

    with open_workspace(ws_file) as ws:
        make_case(ws)
    return ws_file


def test_briefings_lists_the_notes(capsys, noted_workspace):
    code, out, _ = run(capsys, "briefings", "--workspace", str(noted_workspace))
    assert code == 0
    header, row = out.splitlines()
    assert header.split() == ["id", "items", "updated", "title"]
    assert row.split()[:2] == ["1", "6"] and row.endswith("  Port Halden outage, day 3")
    # the time says it is UTC, as every time the program shows does (a colleague elsewhere reads it)
    assert row.split()[4] == "UTC" and header.index("title") == row.index("Port Halden")
    code, out, _ = run(capsys, "briefings", "--json", "--workspace", str(noted_workspace))
    [note] = json.loads(out)
    assert (note["id"], note["title"], note["items"], note["audience"]) == (
        1,
        "Port Halden outage, day 3",
        6,
        "Crisis desk",
    )


def test_briefings_on_a_workspace_without_notes(capsys, empty_ws):
    code, out, _ = run(capsys, "briefings", "--workspace", str(empty_ws))
    assert code == 0 and out.strip() == "no briefing notes in test.briefing"


@pytest.mark.parametrize(
    "fmt, check",
    [
        ("md", lambda data: data.startswith(b'---\ntitle: "Port Halden outage, day 3"\n')),
        ("html", lambda data: b'<h1 dir="auto">Port Halden outage, day 3</h1>' in data),
        ("pdf", lambda data: data.startswith(b"%PDF")),
        ("docx", lambda data: data.startswith(b"PK")),
        ("json", lambda data: json.loads(data)["briefing"]["title"] == "Port Halden outage, day 3"),
    ],
)
def test_export_a_briefing_note_by_title_or_id(capsys, noted_workspace, tmp_path, fmt, check):
    target = tmp_path / f"note.{fmt}"
    for name in ("port halden outage, day 3", "1"):
        code, out, err = run(
            capsys,
            "export",
            "--workspace",
            str(noted_workspace),
            "--briefing",
            name,
            "--format",
            fmt,
            "-o",
            str(target),
        )
        assert code == 0, err
        replaced = ", replacing the file that was there" if name == "1" else ""  # the second export
        assert out.strip() == f"exported briefing note 1 (Port Halden outage, day 3) to {target}{replaced}"
        assert check(target.read_bytes())


def test_exporting_an_empty_note_says_so(capsys, empty_ws, tmp_path):
    """An empty note exported a file holding its title alone, without a word."""
    from briefing.store import open_workspace
    from briefing.store.briefings import create_briefing

    with open_workspace(empty_ws) as ws:
        create_briefing(ws, "Nothing yet")
    code, _, err = run(capsys, "export", "--workspace", str(empty_ws), "--briefing", "1", "-o", str(tmp_path / "n.md"))
    assert code == 0 and err.strip() == "briefing: the note has no items yet: the export holds its title alone"


def test_export_a_note_to_standard_output(capfdbinary, noted_workspace):
    code = main(["export", "--workspace", str(noted_workspace), "--briefing", "1", "--format", "md", "-o", "-"])
    out = capfdbinary.readouterr().out
    assert code == 0 and out.startswith(b"---\n") and "“We restored pumping".encode() in out


def test_unknown_briefing_is_one_line_and_writes_nothing(capsys, noted_workspace, tmp_path):
    target = tmp_path / "note.pdf"
    code, out, err = run(
        capsys,
        "export",
        "--workspace",
        str(noted_workspace),
        "--briefing",
        "Weekly",
        "--format",
        "pdf",
        "-o",
        str(target),
    )
    assert code == 1 and out == ""
    assert err == "briefing: no briefing note has the title or id 'Weekly' (see 'briefing briefings')\n"
    assert not target.exists() and not list(tmp_path.glob(".note.pdf.*"))


def test_a_note_format_without_briefing_is_a_usage_error(capsys, ws_file):
    with pytest.raises(SystemExit) as exited:
        main(["export", "--workspace", str(ws_file), "--format", "docx", "-o", "x.docx"])
    assert exited.value.code == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        "briefing: export: --format docx needs --briefing NAME (the whole workspace exports as json) "
        "(see 'briefing export --help')"
    ]


def test_export_warns_when_a_passage_does_not_match(capsys, noted_workspace, tmp_path):
    from briefing.store import open_workspace

    with open_workspace(noted_workspace) as ws:
        ws.db.execute("UPDATE quotes SET text = 'We restored everything' WHERE id = 1")
        ws.db.conn.commit()
    code, _, err = run(
        capsys,
        "export",
        "--workspace",
        str(noted_workspace),
        "--briefing",
        "1",
        "--format",
        "md",
        "-o",
        str(tmp_path / "n.md"),
    )
    assert code == 0
    assert err == "briefing: 2 passages did not match the stored sources word for word; flagged in the export\n"
    assert "**Not verified (altered):** the quote is" in (tmp_path / "n.md").read_text(encoding="utf-8")


HOSTILE_NAME = "bad\x1b[2J\x1b]0;owned\x07\nbriefing: 9 imported, 0 failed\r.txt"


def _terminal_safe(text: str) -> None:
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", text), repr(text)


@pytest.fixture
def hostile_workspace(ws_file):
    from briefing.store import open_workspace
    from briefing.store.sources import add_document
    from tests.export.helpers import received_note
    from tests.store.test_sources import make_doc

    with open_workspace(ws_file) as ws:
        title = "Outage\x1b[2J\u202eecruos\n1 result\x9b31m"
        add_document(ws, make_doc("The outage\x1b[31m was over.\x07", title=title, outlet="Wire\x1b[8m"))
        received_note(ws, "Note\x1b[2J\nforged line")
    return ws_file


def test_import_failures_print_file_names_as_data(capsys, ws_file, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / HOSTILE_NAME).write_bytes(b"")
    code, out, err = run(capsys, "import", "--workspace", str(ws_file), str(folder))
    assert code == 1 and out.strip() == "0 imported, 0 already there, 1 failed"
    _terminal_safe(out + err)
    assert len(err.strip().splitlines()) == 1 and "bad\ufffd[2J" in err


@pytest.mark.parametrize("command", [["search", "outage"], ["briefings"], ["search", "outage", "--limit", "1"]])
def test_titles_and_text_reach_the_terminal_as_data(capsys, hostile_workspace, command):
    code, out, err = run(capsys, *command, "--workspace", str(hostile_workspace))
    assert code == 0, err
    _terminal_safe(out + err)
    assert "forged line" not in out.splitlines() and "1 result\ufffd31m" not in out.splitlines()


@pytest.mark.parametrize(
    "command", [["search", "outage", "--json"], ["briefings", "--json"], ["export", "--format", "json", "-o", "-"]]
)
def test_json_output_escapes_every_control_character(capsys, hostile_workspace, command):
    code, out, err = run(capsys, *command, "--workspace", str(hostile_workspace))
    assert code == 0, err
    _terminal_safe(out.replace("\n", " "))
    assert "\\u001b[2J" in out and json.loads(out)


def test_errors_and_usage_errors_print_names_as_data(capsys, tmp_path):
    bad = tmp_path / "bad\x1b[2J\nx.briefing"
    bad.write_text("not a database", encoding="utf-8")
    code, _, err = run(capsys, "info", "--workspace", str(bad))
    assert code == 1 and len(err.strip().splitlines()) == 1
    _terminal_safe(err)
    with pytest.raises(SystemExit):
        main(["frob\x1b[2J\nnicate"])
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    _terminal_safe(err)


def test_progress_bar_shows_file_names_as_data():
    from briefing.cli_output import progress_printer as _progress_printer

    terminal = _Terminal()
    _progress_printer(terminal)(1, 4, "a\x1b[2J\nb.txt")
    _terminal_safe(terminal.written[0].lstrip("\r"))
    assert "a\ufffd[2J\ufffdb.txt" in terminal.written[0]


def test_a_capped_search_says_so_in_one_line(capsys, hostile_workspace):
    query = " OR ".join(f"word{i}" for i in range(500)) + " OR outage"
    code, out, _ = run(capsys, "search", query, "--workspace", str(hostile_workspace))
    assert code == 0 and "(only the first 64 different terms were searched; 437 more were left out)" in out
    code, out, _ = run(capsys, "search", "(" * 600 + "outage", "--workspace", str(hostile_workspace))
    assert code == 0 and "nested more than 20 deep" in out and "1 result" in out


def test_every_line_the_cli_prints_goes_through_one_function():
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "briefing"
    for module in ("cli.py", "cli_output.py", "cli_claims.py", "search/report.py"):
        source = (root / module).read_text(encoding="utf-8")
        # the progress bar's stream.write shows its file name with terminal.shown; an exported file's
        # bytes go to standard output as they are
        assert not re.search(r"\bprint\(|json\.dump\(|ensure_ascii", source), module


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_given_as_a_bare_word_is_not_read(tmp_path):
    """A bare word that is not a command is read to see whether it is a workspace; a pipe would block."""
    fifo = tmp_path / "notes"
    os.mkfifo(fifo)
    result = subprocess.run(
        [sys.executable, "-m", "briefing", str(fifo), "info"],
        capture_output=True,
        text=True,
        timeout=120,  # only a safety net: the command must not read the pipe
    )
    assert result.returncode == 2
    assert "neither a command" in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="displays are found this way on Linux")
def test_without_a_display_the_app_says_so_in_one_line(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "--workspace", str(tmp_path / "w.briefing")],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,  # only a safety net
    )
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "no display" in lines[0] and "--screenshot" in lines[0]
    assert not (tmp_path / "w.briefing").exists()  # nothing made before it gave up


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 libraries are found this way on Linux")
def test_without_the_x11_libraries_the_app_names_them_in_one_line(monkeypatch):
    """Qt's X11 plugin prints a paragraph and aborts when libxcb-cursor0 and its kin are missing."""
    from briefing.domain import BriefingError
    from briefing.ui import app

    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(app, "_loadable", lambda soname: soname != "libxcb-cursor.so.0")
    with pytest.raises(BriefingError) as error:
        app.check_display()
    message = str(error.value)
    assert "libxcb-cursor0" in message and "apt-get install libxcb-cursor0" in message and "\n" not in message
    monkeypatch.setattr(app, "_loadable", lambda soname: True)
    app.check_display()  # all there: nothing to say


@pytest.mark.parametrize(
    "name, magic",
    [("week47.pdf", b"%PDF"), ("week47.DOCX", b"PK"), ("week47.md", b"---\n"), ("week47.htm", b"<!DOCTYPE html>")],
)
def test_export_without_format_writes_what_the_file_name_says(capsys, noted_workspace, tmp_path, name, magic):
    target = tmp_path / name
    code, out, err = run(capsys, "export", "--workspace", str(noted_workspace), "--briefing", "1", "-o", str(target))
    assert code == 0, err
    assert target.read_bytes().startswith(magic) and [p.name for p in tmp_path.glob("week47*")] == [name]


def test_export_of_the_workspace_without_format_takes_json_from_the_name(capsys, empty_ws, tmp_path):
    code, _, err = run(capsys, "export", "--workspace", str(empty_ws), "-o", str(tmp_path / "all.json"))
    assert code == 0, err and json.loads((tmp_path / "all.json").read_text())["sources"] == []


@pytest.mark.parametrize(
    "args, message",
    [
        (["-o", "week47.txt"], "cannot tell the format of 'week47.txt' (not .md, .html, .pdf, .docx or .json)"),
        (["-o", "-"], "cannot tell the format of standard output; give --format"),
        (["-o", "week47.pdf", "--format", "md"], "--format md does not match the output file 'week47.pdf'"),
    ],
)
def test_export_refuses_a_format_it_cannot_tell_or_that_disagrees_in_one_line(capsys, tmp_path, args, message):
    with pytest.raises(SystemExit) as exited:
        main(["export", "--workspace", str(tmp_path / "w.briefing"), "--briefing", "1", *args])
    err = capsys.readouterr().err
    assert exited.value.code == 2 and len(err.strip().splitlines()) == 1 and message in err, err
    assert err.rstrip().endswith("(see 'briefing export --help')")  # not the program's whole help
    assert not list(tmp_path.iterdir())


def test_the_whole_workspace_goes_to_standard_output_as_json_without_format(capsys, empty_ws):
    """'export -o -' was refused for want of --format, though the workspace has json alone."""
    code, out, err = run(capsys, "export", "--workspace", str(empty_ws), "-o", "-")
    assert code == 0, err
    assert json.loads(out)["sources"] == []


def test_a_note_format_for_the_whole_workspace_names_what_it_needs(capsys, tmp_path):
    with pytest.raises(SystemExit) as exited:
        main(["export", "--workspace", str(tmp_path / "w.briefing"), "-o", "week47.md"])
    err = capsys.readouterr().err
    assert exited.value.code == 2
    assert err == (
        "briefing: export: 'week47.md', a .md name, needs --briefing NAME (the whole workspace exports as json) "
        "(see 'briefing export --help')\n"
    )


def test_an_explicit_format_still_writes_a_file_with_another_extension(capsys, noted_workspace, tmp_path):
    target = tmp_path / "week47.txt"
    code, _, err = run(
        capsys, "export", "--workspace", str(noted_workspace), "--briefing", "1", "--format", "md", "-o", str(target)
    )
    assert code == 0, err and target.read_bytes().startswith(b"---\n")


def test_saved_searches_from_the_command_line(capsys, ws_file, demo_dir):
    run(capsys, "import", "--workspace", str(ws_file), str(demo_dir))
    code, out, _ = run(capsys, "search", "--workspace", str(ws_file), "--save", "Okafor", "speaker:okafor")
    assert code == 0 and out == "saved search 'Okafor': speaker:okafor\n"
    code, out, _ = run(capsys, "searches", "--workspace", str(ws_file), "--json")
    assert code == 0 and [s["name"] for s in json.loads(out)] == ["Okafor"]
    code, out, _ = run(capsys, "search", "--workspace", str(ws_file), "--saved", "okafor", "--json")
    assert code == 0 and {h["speaker"] for h in json.loads(out)["hits"]} == {"Marta Okafor"}
    code, _, err = run(capsys, "search", "--workspace", str(ws_file), "--saved", "nobody")
    assert code == 1 and err == "briefing: no saved search named 'nobody' (saved: Okafor)\n"
    code, out, err = run(capsys, "search", "--workspace", str(ws_file), "--save", "", "pumps")
    assert (code, out, err) == (1, "", "briefing: a saved search needs a name\n")  # it ran the search
    code, out, _ = run(capsys, "search", "--workspace", str(ws_file), "--save", "OKAFOR", "pumps")
    assert out == "replaced search 'Okafor': pumps (it was: speaker:okafor)\n"
    code, out, _ = run(capsys, "searches", "--workspace", str(ws_file), "--delete", "okafor")
    assert (code, out) == (0, "deleted search 'Okafor': pumps\n")
    code, out, _ = run(capsys, "searches", "--workspace", str(ws_file))
    assert out.startswith("no saved searches")
    run(capsys, "search", "--workspace", str(ws_file), "--save", "Okafor", "speaker:okafor")
    with pytest.raises(SystemExit) as usage:  # the words were silently left out
        run(capsys, "search", "--workspace", str(ws_file), "--saved", "Okafor", "clinton")
    assert usage.value.code == 2
    assert capsys.readouterr().err == (
        "briefing: search: --saved runs the search as saved; words of its own ('clinton') do not go with it "
        "(see 'briefing search --help')\n"
    )


@pytest.mark.parametrize(
    ("word", "parser_said"),
    [
        ("-ransom", "unrecognized arguments: -ransom"),
        # '-hoax' is '-h' with 'oax' to the option parser, which said only that it ignored 'oax'
        ("-hoax", "argument -h/--help: ignored explicit argument 'oax'"),
    ],
)
def test_a_word_to_leave_out_taken_for_an_option_says_how_to_give_it(capsys, hostile_workspace, word, parser_said):
    with pytest.raises(SystemExit) as usage:
        run(capsys, "search", "type:claim", word, "--workspace", str(hostile_workspace))
    assert usage.value.code == 2
    assert capsys.readouterr().err == (
        f"briefing search: {parser_said}; a word to leave out goes after --: "
        f"briefing search -- {word} (see 'briefing search --help')\n"
    )
    code, out, _ = run(capsys, "search", "--workspace", str(hostile_workspace), "--", "type:claim", word)
    assert code == 0 and "searched literally" not in out


def test_a_misspelt_search_says_what_it_showed(capsys, hostile_workspace):
    from briefing.store import open_workspace

    code, out, _ = run(capsys, "search", "outgae", "--workspace", str(hostile_workspace))
    assert code == 0 and out.startswith('(no results for "outgae"; showing "outage")\n1 result\n')
    with open_workspace(hostile_workspace, read_only=True):  # read-only: the CLI opens it that way too
        code, out, _ = run(capsys, "search", "outgae", "--json", "--workspace", str(hostile_workspace))
    document = json.loads(out)
    assert document["corrected"] == {"outgae": "outage"} and document["total"] == 1
    code, out, _ = run(capsys, "search", "speaker:nobody", "--workspace", str(hostile_workspace))
    assert out == "no matches for speaker:nobody\n"
    # the correction found nothing either: said, where "0 results" alone was printed
    code, out, _ = run(capsys, "search", "outgae", "zzzqqq", "--workspace", str(hostile_workspace))
    assert code == 0 and out == '(no results for "outgae", nor for "outage")\n0 results\n'
    code, out, _ = run(capsys, "search", "outgae", "zzzqqq", "--json", "--workspace", str(hostile_workspace))
    assert json.loads(out)["problem"] == 'no results for "outgae", nor for "outage"'


def test_the_sources_command_prints_through_the_one_function_too():
    from pathlib import Path

    source = (Path(__file__).resolve().parents[1] / "briefing" / "cli_sources.py").read_text(encoding="utf-8")
    assert not re.search(r"\bprint\(|json\.dump\(|ensure_ascii", source)


def test_a_snippet_across_a_paragraph_break_prints_as_one_line(capsys, ws_file):
    from briefing.store import open_workspace
    from briefing.store.sources import add_document
    from tests.store.test_sources import make_doc

    with open_workspace(ws_file) as ws:
        add_document(ws, make_doc('Watch it on YouTube.]\n\n"That speech went beyond the room," she said.'))
    code, out, _ = run(capsys, "search", "speech", "--workspace", str(ws_file))
    assert code == 0 and 'YouTube.] "That [speech] went beyond' in out and "\ufffd" not in out


@pytest.mark.parametrize("command", [["sources"], ["claims"], ["info"], ["search", "pumps"], ["analyse", "--all"]])
def test_a_command_on_a_missing_workspace_says_so_and_makes_none(capsys, tmp_path, command):
    typo = tmp_path / "case.briefng"
    code, _, err = run(capsys, *command, "--workspace", str(typo))
    assert code == 1 and err == f"briefing: {typo}: no workspace there (check the path; " + (
        "'briefing import FILE --workspace PATH' makes a new one)\n"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [["sources"], ["import"]])
def test_a_file_that_is_not_a_workspace_is_left_alone(capsys, tmp_path, broken_dir, command):
    notes, empty = tmp_path / "notes.md", tmp_path / "empty.txt"
    notes.write_text("# my notes\n", encoding="utf-8")
    empty.write_bytes(b"")
    extra = [str(broken_dir / "good.md")] if command == ["import"] else []
    code, _, err = run(capsys, *command, "--workspace", str(notes), *extra)
    assert (
        code == 1
        and err == f"briefing: {notes}: not a Briefing workspace (not an SQLite file, or its header is damaged)\n"
    )
    code, _, err = run(capsys, *command, "--workspace", str(empty), *extra)
    assert (
        code == 1
        and err == f"briefing: {empty}: an empty file, not a workspace; a new workspace's name ends in .briefing\n"
    )
    assert notes.read_text(encoding="utf-8") == "# my notes\n" and empty.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["notes.md", "empty.txt", broken_dir.name])


def test_an_empty_file_named_for_a_workspace_becomes_one(capsys, tmp_path, broken_dir):
    target = tmp_path / "new.briefing"
    target.write_bytes(b"")
    code, out, _ = run(capsys, "import", "--workspace", str(target), str(broken_dir / "good.md"))
    assert code == 0 and out.startswith("1 imported")


def test_a_search_with_no_words_says_it_lists_the_latest_items(capsys, analysed_path):
    code, out, _ = run(capsys, "search", "*", "--workspace", str(analysed_path))
    assert code == 0 and out.startswith("('*' has no letters or digits; nothing left to search for: the most recent")


def _commands(parser, path=()):
    """(words, parser) of every command and action of the command line."""
    import argparse

    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield (*path, name), sub
                yield from _commands(sub, (*path, name))


def test_every_command_and_action_takes_workspace_after_its_words():
    """``briefing claims related 41 --workspace case.briefing`` as for import and export."""
    from briefing.cli import build_parser

    missing = [
        " ".join(words) for words, sub in _commands(build_parser()) if "--workspace" not in sub._option_string_actions
    ]
    assert missing == ["eval", "copy"]  # the evaluation set, and a copy's two named workspaces


def test_a_claim_status_is_read_in_any_case(tmp_path):
    from briefing.cli import build_parser

    args = build_parser().parse_args(["claims", "mark", "12", "Disputed", "--workspace", str(tmp_path / "w.briefing")])
    assert (args.status, args.claim_id, args.workspace) == ("disputed", 12, str(tmp_path / "w.briefing"))


def test_qt_options_go_to_the_window_as_in_any_qt_application():
    """'briefing --workspace WS -platform xcb' was refused: "'xcb' is neither a command …"."""
    from briefing.cli_argv import qt_options

    assert qt_options(["--workspace", "w.briefing", "-platform", "xcb", "-reverse"]) == (
        ["--workspace", "w.briefing"],
        ["-platform", "xcb", "-reverse"],
    )
    assert qt_options(["search", "-x"]) == (["search", "-x"], [])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="displays are found this way on Linux")
def test_the_platform_option_stands_for_the_display_variable(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    shot = tmp_path / "shot.png"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "briefing",
            "-platform",
            "offscreen",
            "--screenshot",
            str(shot),
            "--workspace",
            str(tmp_path / "w.briefing"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,  # only a safety net
    )
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 0
    refused = subprocess.run(
        [sys.executable, "-m", "briefing", "search", "x", "-platform", "xcb"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert refused.returncode == 2 and "an option of the window" in refused.stderr


def test_a_format_is_named_in_any_case(capsys, tmp_path):
    """'--format MD' was refused while a '.MD' file name was taken."""
    with pytest.raises(SystemExit) as exited:
        main(["export", "--format", "MD", "-o", str(tmp_path / "note.md")])
    assert exited.value.code == 2  # no --briefing: the format itself was taken
    assert "export: --format md needs --briefing" in capsys.readouterr().err


def test_a_pdf_or_docx_is_not_written_to_a_terminal(capsys, noted_workspace, monkeypatch):
    """'--format pdf -o -' wrote the PDF's bytes to the terminal (escape sequences included)."""
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    code, out, err = run(
        capsys, "export", "--workspace", str(noted_workspace), "--briefing", "1", "--format", "pdf", "-o", "-"
    )
    assert code != 0 and out == "" and "no text for the terminal" in err and err.count("\n") == 1


def test_the_next_pages_cursor_pastes_into_a_shell(capsys, analysed_path):
    """'more: --after ["",866]' pasted into bash lost its quotes: 'not a cursor printed by briefing search'."""
    import shlex

    pages = []
    after: list[str] = []
    for _ in range(3):
        code, out, err = run(capsys, "search", "--workspace", str(analysed_path), "--limit", "2", *after)
        assert code == 0, err
        pages.append(out)
        pasted = subprocess.run(
            ["bash", "-c", 'printf "%s\\n" ' + out.splitlines()[-1].removeprefix("more: ")],
            capture_output=True,
            text=True,
            check=True,
        )
        after = pasted.stdout.splitlines()
        assert after[0] == "--after" and shlex.split(out.splitlines()[-1])[-1] == after[1]
    assert len(set(pages)) == 3


def test_analyse_with_nothing_waiting_says_why_nothing_was_done(capsys, analysed_path, tmp_path):
    """It said '0 sources analysed' alone, as if the analysis had failed to find the sources."""
    copy = tmp_path / "copy.briefing"
    copy.write_bytes(analysed_path.read_bytes())
    code, out, err = run(capsys, "analyse", "--workspace", str(copy))
    assert (code, err) == (0, "")
    assert out == "0 sources analysed: none waits for the analysis ('--all' analyses every source again)\n"


def test_the_first_command_without_workspace_says_it_made_one_from_the_demo(capsys, monkeypatch, tmp_path):
    """'briefing info' on first use counted 11 sources the user never imported, and 'briefing
    import FOLDER' mixed theirs with them, without a word of where they came from."""
    from briefing import paths

    monkeypatch.setattr(paths, "default_workspace", lambda: tmp_path / "workspace.briefing")
    code, out, err = run(capsys, "info")
    assert code == 0 and out.startswith(f"workspace: {tmp_path / 'workspace.briefing'}")
    assert err.startswith(f"briefing: made your workspace {tmp_path / 'workspace.briefing'} from the demo corpus, ")
    assert "--workspace FILE" in err and len(err.splitlines()) == 1
    code, _, err = run(capsys, "info")
    assert code == 0 and err == ""


@pytest.mark.parametrize(
    "files, message",
    [
        ({"a.txt": "Words."}, "no gold annotations here"),  # it printed perfect scores of nothing
        ({"a.json": "{bad"}, "a.json: not a gold annotation file (Expecting property name"),
        ({"a.json": '{"x": 1}'}, "a.json: not a gold annotation file (no 'file' key)"),
    ],
)
def test_eval_on_a_folder_without_gold_annotations_says_so_in_one_line(capsys, tmp_path, files, message):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "eval", "--data", str(tmp_path), "--quiet")
    assert (code, out) == (1, "")
    assert err.startswith(f"briefing: {tmp_path}") and message in err and len(err.splitlines()) == 1


def test_backup_list_with_to_is_a_usage_error(capsys, empty_ws, tmp_path):
    """'backup --list --to x' listed the backups and ignored --to without a word."""
    with pytest.raises(SystemExit) as exited:
        main(["backup", "--workspace", str(empty_ws), "--list", "--to", str(tmp_path / "copy.briefing")])
    err = capsys.readouterr().err
    assert exited.value.code == 2 and "not allowed with argument" in err and len(err.splitlines()) == 1


def test_an_import_that_makes_a_new_workspace_says_so(capsys, tmp_path):
    """'--workspace cse.briefing' (a slip for case.briefing) made a new workspace without a word."""
    (tmp_path / "a.txt").write_text("Pumps restarted at dawn, the water board said on Monday.\n")
    target = tmp_path / "cse.briefing"
    code, _, err = run(capsys, "import", "--jobs", "1", "--workspace", str(target), str(tmp_path / "a.txt"))
    assert code == 0 and err == f"briefing: {target} is a new workspace\n"
    code, _, err = run(capsys, "import", "--jobs", "1", "--workspace", str(target), str(tmp_path / "a.txt"))
    assert code == 0 and err == ""
