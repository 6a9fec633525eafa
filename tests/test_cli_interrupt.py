"""Ctrl+C during a long import or analysis: the first press stops after the source at hand,
keeps what was done and says how far it got; a second one stops at once; never a traceback."""

import signal
import sys

import pytest

from briefing import ingest, pipeline
from briefing.cli import main
from briefing.store import open_workspace
from briefing.store.sources import all_source_ids, not_analysed_ids
from briefing.workers import Worker


@pytest.fixture(autouse=True)
def ctrl_c_is_heard():
    """Ctrl+C as a terminal's foreground command gets it: a run started in the background
    (nohup, '&') inherits it ignored, and the command then leaves it so."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(5):
        (folder / f"a{n}.txt").write_text(
            f"Harbour pumps restart {n}\n\nThe pumps at pier {n} restarted at noon, the water board said on Monday.\n",
            encoding="utf-8",
        )
    return folder


def _ctrl_c_while(monkeypatch, module, name, on_call, presses=1):
    """Press Ctrl+C (SIGINT to this process) during the ``on_call``-th call of ``module.name``."""
    real = getattr(module, name)
    calls = []

    def pressing(*args, **kwargs):
        calls.append(1)
        if len(calls) == on_call:
            for _ in range(presses):
                signal.raise_signal(signal.SIGINT)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, pressing)


def test_ctrl_c_during_an_import_keeps_what_was_stored_and_says_so(capsys, monkeypatch, tmp_path, articles):
    """It printed 'briefing: interrupted' and nothing of the sources it had kept."""
    target = tmp_path / "case.briefing"
    _ctrl_c_while(monkeypatch, ingest, "read_document", on_call=2)
    code = main(["import", "--jobs", "1", "--workspace", str(target), str(articles)])
    out, err = capsys.readouterr()
    assert code == 1
    assert out.strip() == "2 imported, 0 already there, 0 failed, 2 not analysed (cancelled)"
    assert "Traceback" not in err and "stopped by Ctrl+C" in err and "the same command goes on" in err
    with open_workspace(target) as ws:
        assert len(all_source_ids(ws)) == 2


def test_ctrl_c_during_the_analysis_keeps_the_analyses_saved(capsys, monkeypatch, tmp_path, articles):
    target = tmp_path / "case.briefing"
    with open_workspace(target) as ws:
        pipeline.import_paths(ws, [articles], analyse=False)
    _ctrl_c_while(monkeypatch, pipeline, "save_analysis", on_call=2)
    code = main(["analyse", "--jobs", "1", "--workspace", str(target)])
    out, err = capsys.readouterr()
    assert code == 1
    assert out.strip() == "2 sources analysed (stopped by Ctrl+C)"
    assert "the analyses saved so far are kept; 3 sources wait for the analysis" in err
    with open_workspace(target) as ws:
        assert len(not_analysed_ids(ws)) == 3


def test_a_second_ctrl_c_stops_at_once_in_one_line(capsys, monkeypatch, tmp_path, articles):
    target = tmp_path / "case.briefing"
    _ctrl_c_while(monkeypatch, ingest, "read_document", on_call=2, presses=2)
    code = main(["import", "--jobs", "1", "--workspace", str(target), str(articles)])
    out, err = capsys.readouterr()
    assert code == 1 and out == "" and err == "briefing: interrupted\n"
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # the command's handler is gone


def test_on_a_terminal_the_message_covers_the_echoed_ctrl_c(capsys, monkeypatch, tmp_path, articles):
    """A terminal echoes "^C" where the cursor is, at the start of a line once the progress bar
    is cleared: the message read "^Cbriefing: interrupted"."""
    _ctrl_c_while(monkeypatch, ingest, "read_document", on_call=2, presses=2)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    code = main(["import", "--jobs", "1", "--workspace", str(tmp_path / "case.briefing"), str(articles)])
    assert code == 1 and capsys.readouterr().err.endswith("\rbriefing: interrupted\n")


def _sigint_handler() -> bool:
    return signal.getsignal(signal.SIGINT) is signal.SIG_IGN


def test_the_analysis_workers_leave_ctrl_c_to_the_command():
    """A Ctrl+C reaches the worker processes too; one waiting for work died with a traceback."""
    with Worker() as worker:
        assert worker.call(_sigint_handler) is True
