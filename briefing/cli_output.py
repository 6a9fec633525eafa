"""What the ``briefing`` command prints for its listings and reports: the note list, an import's
summary, workspace counts and the progress bar. Every line goes out through ``terminal.echo``."""

from __future__ import annotations

import argparse
from typing import NoReturn, TextIO

from briefing.domain import ImportReport, one_line
from briefing.terminal import echo, echo_json, shown

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2  # EXIT_USAGE: argparse's own code for a usage error


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
    echo(f"{'id':>4}  {'items':>5}  {'updated':<16}  title")
    for r in rows:
        echo(f"{r.id:>4}  {r.items:>5}  {r.updated_at[:16].replace('T', ' '):<16}  {one_line(r.title)}")
    return EXIT_OK


def print_import(report: ImportReport) -> int:
    for path, reason in report.failed:
        echo(f"{path}: {reason}", err=True)
    for note in report.notes:
        echo(f"briefing: {note}", err=True)
    echo(report.summary_line())
    return EXIT_OK if report.ok else EXIT_FAILED


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


def progress_printer(stream: TextIO):
    if not stream.isatty():
        return lambda done, total, label: None

    def show(done: int, total: int, label: str) -> None:
        width = 30
        filled = width * done // total if total else width
        line = f"\r[{'#' * filled}{' ' * (width - filled)}] {done}/{total} {shown(label[:40]):<40}"
        stream.write(line if done < total else "\r" + " " * len(line) + "\r")
        stream.flush()

    return show
