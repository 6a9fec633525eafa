"""What the ``briefing`` command prints for its listings and reports: the note list, an import's
summary, workspace counts and the progress bar. Every line goes out through ``terminal.echo``."""

from __future__ import annotations

import argparse
import os
import sys
import unicodedata
from typing import NoReturn, TextIO

from briefing.domain import ImportReport, one_line
from briefing.terminal import echo, echo_json, shown

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2  # EXIT_USAGE: argparse's own code for a usage error
TITLE_WIDTH = 80  # characters of a title in a line that says what was done (a 3,000-character one came whole)


def print_briefings(ws, as_json: bool) -> int:
    from briefing.store.briefings import list_briefings

    rows = list_briefings(ws)
    if as_json:
        echo_json(
            [
                {
                    "id": r.id,
                    "title": r.title,
                    "audience": r.audience,
                    "date": r.date,
                    "author": r.author,
                    "items": r.items,
                    "updated": r.updated_at,
                }
                for r in rows
            ]
        )
        return EXIT_OK
    if not rows:
        echo(f"no briefing notes in {ws.name}")
        return EXIT_OK
    from briefing.store.revisions import shown_time

    echo(f"{'id':>4}  {'items':>5}  {'updated':<20}  title")
    for r in rows:
        echo(f"{r.id:>4}  {r.items:>5}  {shown_time(r.updated_at):<20}  {one_line(r.title)}")
    return EXIT_OK


def print_import(report: ImportReport) -> int:
    for path, reason in report.failed:
        echo(f"{path}: {reason}", err=True)
    for path, remark in report.left_out:
        echo(f"{path}: {remark}", err=True)
    for note in report.notes:
        echo(f"briefing: {note}", err=True)
    echo(report.summary_line())
    return EXIT_OK if report.ok else EXIT_FAILED


def confirmed(question: str) -> bool:
    """The user's yes to ``question`` on a terminal; no terminal to ask is a no."""
    if not sys.stdin.isatty():
        return False
    echo(question.rstrip(), err=True)
    return sys.stdin.readline().strip().lower() in ("y", "yes")


def command_error(parser: argparse.ArgumentParser, command: str, message: str) -> NoReturn:
    """A usage error of one command (exit 2), pointing at that command's help, not the program's."""
    parser.exit(EXIT_USAGE, shown(f"{parser.prog}: {command}: {message} (see '{parser.prog} {command} --help')") + "\n")


def print_info(path, counts: dict[str, int], as_json: bool, not_analysed: int = 0, queued: int = 0) -> int:
    """The workspace's record counts, and how many sources wait for the analysis (never run on
    them, or run by an older version of Briefing)."""
    if as_json:
        echo_json({"workspace": str(path), "counts": counts, "not_analysed": not_analysed})
        return EXIT_OK
    echo(f"workspace: {path}")
    width = max(len(name) for name in counts)
    for name, count in counts.items():
        echo(f"  {name.replace('_', ' '):<{width}}  {count:>8}")
    if not_analysed:
        echo(waiting_hint(not_analysed, queued))
    return EXIT_OK


def waiting_hint(not_analysed: int, queued: int = 0) -> str:
    """What `info` and `sources` say of the sources the analysis has not run on (or ran on with
    an older version of Briefing); ``queued`` of them wait in a team workspace's job queue."""
    plural = "s wait" if not_analysed != 1 else " waits"
    its = "their" if not_analysed != 1 else "its"
    run = f"run 'briefing analyse' to find {its} entities, quotes and claims"
    if queued >= not_analysed:
        jobs = "their jobs are" if not_analysed != 1 else "its job is"
        run = f"{jobs} queued: 'briefing worker --workspace …' on any machine runs them"
    elif queued:
        run = f"{queued} queued for 'briefing worker'; for the others, {run}"
    return f"{not_analysed} source{plural} for the analysis; {run}"


def progress_printer(stream: TextIO) -> ProgressBar:
    """A progress bar on ``stream`` when it is a terminal; when piped, it draws nothing."""
    return ProgressBar(stream)


class ProgressBar:
    """``[####    ] 12/840 Reading a.txt`` redrawn in place on one line of a terminal: never
    wider than the terminal, or each redraw would wrap and scroll a new line (an 80-column
    terminal and a bar of 840 files did)."""

    BAR = 30  # characters of the bar itself, fewer on a narrow terminal

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.live = stream.isatty()
        self.drawn = 0  # columns of the line on the terminal now
        self.note: str | None = None  # shown instead of the label: "Stopping…"

    def __call__(self, done: int, total: int, label: str) -> None:
        if not self.live:
            return
        if done >= total:
            self.clear()
            return
        room = _columns_of(self.stream) - 3  # room for the "^C" a terminal echoes after it
        bar = max(5, min(self.BAR, room - 40))  # the count and the label keep 40 columns if they can
        filled = bar * done // total if total else bar
        head = f"[{'#' * filled}{' ' * (bar - filled)}] {done}/{total} "
        text = head + fitted(shown(self.note or label), room - len(head))
        self.stream.write("\r" + text + " " * max(0, self.drawn - text_columns(text)))
        self.stream.flush()
        self.drawn = text_columns(text)

    def clear(self) -> None:
        """Blank the bar's line, so the next line printed starts at its left edge."""
        if self.drawn:
            self.stream.write("\r" + " " * self.drawn + "\r")
            self.stream.flush()
        self.drawn = 0


def _columns_of(stream: TextIO) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns or 80
    except (AttributeError, OSError, ValueError):  # no file descriptor (a test's stream), or no terminal
        return 80


def text_columns(text: str) -> int:
    """How many terminal columns ``text`` takes: wide (CJK) characters two, combining marks none."""
    return sum(_char_columns(c) for c in text)


def fitted(text: str, columns: int) -> str:
    """``text`` cut to at most ``columns`` terminal columns."""
    used = 0
    for index, char in enumerate(text):
        used += _char_columns(char)
        if used > columns:
            return text[:index]
    return text


def _char_columns(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
