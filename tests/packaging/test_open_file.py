"""File association: the file manager runs ``briefing PATH`` and the app opens on that workspace."""

import json

import pytest

from briefing.cli import build_parser, main
from briefing.cli_argv import with_workspace_option


@pytest.fixture
def workspace(tmp_path, demo_dir, capsys):
    path = tmp_path / "case.briefing"
    assert main(["import", "--workspace", str(path), str(demo_dir / "01-meridian-wire-outage.txt")]) in (0, 1)
    capsys.readouterr()
    return path


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["case.briefing"], ["--workspace", "case.briefing"]),
        (["case.briefing", "--screenshot", "x.png"], ["--workspace", "case.briefing", "--screenshot", "x.png"]),
        (["--view", "search", "Case.BRIEFING"], ["--workspace", "Case.BRIEFING", "--view", "search"]),
        (["case.briefing", "info", "--json"], ["--workspace", "case.briefing", "info", "--json"]),
        (["info", "--json"], ["info", "--json"]),
        (["--screenshot", "x.png"], ["--screenshot", "x.png"]),
        (["search", "notes.txt"], ["search", "notes.txt"]),
        ([], []),
    ],
)
def test_a_workspace_given_first_means_workspace_option(argv, expected):
    assert with_workspace_option(argv, build_parser()) == expected


def test_any_sqlite_file_counts_as_a_workspace(workspace, tmp_path):
    renamed = tmp_path / "case-from-mail.db"
    renamed.write_bytes(workspace.read_bytes())
    assert with_workspace_option([str(renamed)], build_parser()) == ["--workspace", str(renamed)]


def test_opening_a_workspace_file_shows_it(workspace, tmp_path, qapp, capsys):
    target = tmp_path / "shot.png"
    assert main([str(workspace), "--screenshot", str(target)]) == 0
    assert target.stat().st_size > 10_000
    assert "saved screenshot" in capsys.readouterr().out
    assert main([str(workspace), "info", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["counts"]["sources"] == 1


@pytest.mark.parametrize(
    "argv, says",
    [
        (["imprt", "x"], "'imprt' is neither a command"),
        (["notes.txt"], "nor a workspace file (*.briefing)"),
        (["a.briefing", "--workspace", "b.briefing"], "give the workspace once"),
    ],
)
def test_unknown_words_are_usage_errors(argv, says, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert says in err and err.count("\n") == 1
