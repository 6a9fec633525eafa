"""The team workspace's commands: ``briefing copy`` between a file and a PostgreSQL database,
``briefing import --queue`` and ``briefing worker`` for the analysis jobs (``team_jobs``)."""

from __future__ import annotations

import argparse
import sys

from briefing.cli_output import EXIT_FAILED, EXIT_OK, command_error, print_import, progress_printer
from briefing.team_purge import KEEP_FAILED_DAYS, KEEP_FINISHED_DAYS
from briefing.terminal import echo


def add_team_parsers(commands, workspace_option) -> None:
    work = commands.add_parser("worker", help="team workspace: run the queued analysis jobs until interrupted")
    workspace_option(work)
    work.add_argument(
        "--concurrency",
        type=_concurrency,
        default=1,
        metavar="N",
        help="run N jobs at a time, one process each (at most 4 per core)",
    )
    work.add_argument(
        "--until-empty",
        "--once",
        action="store_true",
        help="stop once no job waits or runs any more, instead of waiting for new ones",
    )
    work.add_argument(
        "--stalled-after",
        type=_stalled_after,
        default=30,
        metavar="S",
        help="put back in the queue the jobs of a worker silent for S seconds (default 30)",
    )
    work.add_argument(
        "--keep-finished",
        type=_days,
        default=KEEP_FINISHED_DAYS,
        metavar="DAYS",
        help=f"remove jobs that succeeded or were cancelled more than DAYS days ago (default {KEEP_FINISHED_DAYS})",
    )
    work.add_argument(
        "--keep-failed",
        type=_days,
        default=KEEP_FAILED_DAYS,
        metavar="DAYS",
        help=f"remove failed jobs not retried for DAYS days (default {KEEP_FAILED_DAYS})",
    )

    copy = commands.add_parser(
        "copy",
        help="copy a workspace between a file and a PostgreSQL database (publish to a team, or take it offline); "
        "into a workspace that has work already, what it has is not copied again",
    )
    copy.add_argument("source", metavar="SRC", help="a workspace file, or a PostgreSQL connection string")
    copy.add_argument(
        "target", metavar="DST", help="a workspace file (new or existing), or a PostgreSQL database's connection string"
    )


def _concurrency(text: str) -> int:
    import os

    most = 4 * (os.cpu_count() or 1)
    if not text.isdigit() or not 1 <= int(text) <= most:
        raise argparse.ArgumentTypeError(
            f"must be a whole number from 1 to {most}, at most 4 per core of this machine, not {text!r}"
        )
    return int(text)


def _stalled_after(text: str) -> int:
    from briefing.team_jobs import MIN_STALLED_AFTER_S

    if not text.isdigit() or int(text) < MIN_STALLED_AFTER_S:
        raise argparse.ArgumentTypeError(
            f"must be a whole number of seconds, {MIN_STALLED_AFTER_S} or more (a worker's heartbeat comes "
            f"every second), not {text!r}"
        )
    return int(text)


def _days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        days = -1
    if days < 0:
        raise argparse.ArgumentTypeError(f"a number of days, 0 or more, not {text!r}")
    return days


def check_queue_target(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Refuse ``import --queue`` and ``worker`` on a workspace file before opening it, as usage
    errors (exit 2): only a team has workers."""
    from briefing.store.postgres import is_postgres

    if not is_postgres(args.workspace or ""):
        what = "analysis jobs are" if args.command == "import" else "analysis workers are"
        command_error(parser, args.command, f"{what} for a team workspace: give --workspace postgresql://…")


def import_and_queue(ws, targets: list[str]) -> int:
    """Store the sources here; their analysis goes to the team's job queue."""
    from briefing.pipeline import import_paths
    from briefing.store.sources import not_analysed_ids
    from briefing.team_jobs import prepare_queue, queue_analysis

    prepare_queue(ws.conninfo)  # a queue that cannot be made refuses the import before a source is stored
    report = import_paths(ws, targets, progress=progress_printer(sys.stderr), analyse=False)
    status = print_import(report)
    queued, waiting = queue_analysis(ws.conninfo, not_analysed_ids(ws))
    echo(
        f"{queued} analysis job{'s' if queued != 1 else ''} queued" + (f", {waiting} queued already" if waiting else "")
    )
    return status


def run_worker(args: argparse.Namespace) -> int:
    from briefing.team_jobs import Retention, run_worker

    def say(line: str) -> None:  # at once: a script follows the worker line by line
        echo(line)
        sys.stdout.flush()

    retention = Retention(args.keep_finished, args.keep_failed)
    report = run_worker(args.workspace, args.concurrency, args.until_empty, float(args.stalled_after), say, retention)
    echo(report.line())
    return EXIT_FAILED if report.failed else EXIT_OK


def run_copy(args: argparse.Namespace) -> int:
    from briefing.store.copying import copy_workspace

    echo(copy_workspace(args.source, args.target, progress_printer(sys.stderr)).line())
    return EXIT_OK
