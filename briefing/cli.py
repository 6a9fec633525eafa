"""The ``briefing`` command: opens the app, or runs one command over a workspace.

Thin over the core: parse arguments, call one operation, print, exit. Errors
are one line on stderr; exit 1 when work failed, 2 on usage errors. Every line
goes out through ``terminal.echo``, which shows control characters in titles,
file names and messages as data.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from briefing import __version__
from briefing.cli_argv import page_size, positive, qt_options, window_size, with_workspace_option
from briefing.cli_backups import add_backup_parsers, run_backup, run_list_backups, run_restore
from briefing.cli_claims import READING_ACTIONS, add_claims_parser, check_claims_args, run_claims
from briefing.cli_entities import READING_ACTIONS as READING_ENTITY_ACTIONS
from briefing.cli_entities import add_entities_parser, run_entities
from briefing.cli_export import check_export_format, export_briefing, export_workspace
from briefing.cli_help import PROGRAM as HELP_PROGRAM
from briefing.cli_help import SEARCH as SEARCH_HELP
from briefing.cli_help import describe_commands
from briefing.cli_interrupt import stop_on_ctrl_c
from briefing.cli_output import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    command_error,
    print_briefings,
    print_import,
    print_info,
    progress_printer,
    waiting_hint,
)
from briefing.cli_sources import READING_ACTIONS as READING_SOURCE_ACTIONS
from briefing.cli_sources import add_sources_parser, run_sources
from briefing.cli_team import add_team_parsers, check_queue_target, import_and_queue, run_copy, run_worker
from briefing.domain import (
    BRIEFING_FORMATS,
    SCREENSHOT_VIEWS,
    BriefingError,
    WorkspaceError,
)
from briefing.store.lock import LOCK_WAIT
from briefing.store.postgres import is_postgres
from briefing.terminal import echo, shown

# Commands that only read: they open a workspace another process is writing, read-only.
READING_COMMANDS = ("info", "search", "searches", "export", "briefings", "backup")


# 'briefing search -hoax': the word to leave out read as -h with 'oax' stuck to it
_HELP_WITH_WORD = re.compile(r"argument -h/--help: ignored explicit argument '(?P<rest>.*)'")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        stuck = _HELP_WITH_WORD.fullmatch(message)
        if stuck is not None and self.prog == "briefing search":
            message += f"; a word to leave out goes after --: briefing search -- {shlex.quote('-h' + stuck['rest'])}"
        self.exit(EXIT_USAGE, shown(f"{self.prog}: {message} (see '{self.prog} --help')") + "\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="briefing",
        description="Read sources offline, see who said what, write briefing notes. "
        f"'briefing FILE.briefing' opens the app on that workspace (as a file manager does). {HELP_PROGRAM}",
    )
    parser.add_argument("--version", action="version", version=f"Briefing {__version__}")
    _add_workspace_option(parser, None)
    parser.add_argument("--screenshot", metavar="PNG", help="render the main window to a PNG file and exit")
    parser.add_argument(
        "--view",
        choices=SCREENSHOT_VIEWS,
        default="reader",
        help="what the screenshot shows (default: reader)",
    )
    parser.add_argument("--size", metavar="WxH", type=window_size, help="the screenshot's size (default: 1600x1000)")
    parser.add_argument(
        "--palette",
        choices=("system", "light", "dark"),
        default="system",
        help="colours of the window (default: follow the system)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    imp = commands.add_parser("import", help="import files and folders into the workspace")
    _add_workspace_option(imp, argparse.SUPPRESS)
    imp.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched recursively)")
    _add_jobs_option(imp)
    imp.add_argument(
        "--queue",
        action="store_true",
        help="team workspace: store the sources and queue their analysis for 'briefing worker' instead",
    )

    info = commands.add_parser("info", help="show how many records of each kind the workspace holds")
    _add_workspace_option(info, argparse.SUPPRESS)
    info.add_argument("--json", action="store_true", help="print the counts as JSON")

    analyse = commands.add_parser("analyse", help="find entities, quotes, claims and summaries again")
    _add_workspace_option(analyse, argparse.SUPPRESS)
    which = analyse.add_mutually_exclusive_group()
    which.add_argument("--all", action="store_true", help="re-analyse every source")
    which.add_argument("sources", nargs="*", type=int, default=[], metavar="SOURCE", help="source ids")
    _add_jobs_option(analyse)

    evaluate = commands.add_parser("eval", help="measure the analysis on the annotated evaluation set")
    evaluate.add_argument("--data", metavar="FOLDER", help="folder of texts with gold .json files")
    evaluate.add_argument("--quiet", action="store_true", help="only the table, not every miss")

    find = commands.add_parser("search", help="search quotes, claims, notes and sources", description=SEARCH_HELP)
    _add_workspace_option(find, argparse.SUPPRESS)
    find.add_argument("query", nargs="*", help='words, "phrases", prefix*, AND/OR/NOT, field:value filters')
    find.add_argument("--json", action="store_true", help="print the results as JSON")
    find.add_argument("--limit", type=page_size, default=20, metavar="N", help="results per page (default 20)")
    find.add_argument("--after", metavar="CURSOR", help="the cursor printed at the end of the previous page")
    kept = find.add_mutually_exclusive_group()
    kept.add_argument("--save", metavar="NAME", help="save the query under NAME (see 'briefing searches')")
    kept.add_argument("--saved", metavar="NAME", help="run the search saved under NAME")

    saved = commands.add_parser("searches", help="list the saved searches")
    _add_workspace_option(saved, argparse.SUPPRESS)
    saved.add_argument("--json", action="store_true", help="print the list as JSON")
    saved.add_argument("--delete", metavar="NAME", help="delete the search saved under NAME")

    export = commands.add_parser("export", help="export one briefing note, or the whole workspace as JSON")
    _add_workspace_option(export, argparse.SUPPRESS)
    export.add_argument(
        "--briefing",
        metavar="NAME",
        help="the note's title or id (see 'briefing briefings'); "
        "without it the whole workspace is exported (json only)",
    )
    export.add_argument(
        "--format",
        type=str.lower,  # 'MD' as '.MD' is taken
        choices=BRIEFING_FORMATS,
        help="output format (default: the output file's extension; json for the whole workspace)",
    )
    export.add_argument("-o", "--output", required=True, metavar="FILE", help="output file, or - for standard output")

    notes = commands.add_parser("briefings", help="list the briefing notes")
    _add_workspace_option(notes, argparse.SUPPRESS)
    notes.add_argument("--json", action="store_true", help="print the list as JSON")

    add_claims_parser(commands, lambda p: _add_workspace_option(p, argparse.SUPPRESS))
    add_entities_parser(commands, lambda p: _add_workspace_option(p, argparse.SUPPRESS))
    add_sources_parser(commands, lambda p: _add_workspace_option(p, argparse.SUPPRESS))
    add_backup_parsers(commands, lambda p: _add_workspace_option(p, argparse.SUPPRESS))
    add_team_parsers(commands, lambda p: _add_workspace_option(p, argparse.SUPPRESS))
    describe_commands(parser)
    return parser


def _add_jobs_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--jobs",
        type=positive,
        metavar="N",
        help="analyse in N worker processes (default: one per core; 1 analyses in this process)",
    )


def _add_workspace_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--workspace",
        metavar="PATH",
        default=default,
        help="workspace file (default: your workspace in the user data folder, made from the demo corpus)",
    )


def _left_out_hint(args: argparse.Namespace, extra: list[str]) -> str:
    """For 'briefing search -hoax': argparse takes a word to leave out for an option."""
    word = next((w for w in extra if w.startswith("-") and not w.startswith("--")), None)
    if args.command != "search" or word is None:
        return ""
    return f"; a word to leave out goes after --: briefing search -- {shlex.quote(word)}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    given, qt_arguments = qt_options(sys.argv[1:] if argv is None else argv)
    args, extra = parser.parse_known_args(with_workspace_option(given, parser))
    if extra:  # said by the command's own parser, which points at its own --help
        command_parser(parser, args).error(f"unrecognized arguments: {' '.join(extra)}{_left_out_hint(args, extra)}")
    args.qt_arguments = qt_arguments
    if qt_arguments and args.command is not None:
        parser.error(f"{qt_arguments[0]} is an option of the window, not of '{args.command}'")
    check_command_args(parser, args)
    # Libraries (pypdf, trafilatura) log warnings about damaged files; the user
    # gets one line per file from us instead of Python's last-resort handler.
    logging.getLogger().addHandler(logging.NullHandler())
    try:
        return _dispatch(args)
    except BriefingError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        if sys.stderr.isatty():  # the terminal echoed "^C" at the start of a line: the message covers it
            sys.stderr.write("\r")
        return _fail("interrupted")
    except BrokenPipeError:  # `briefing search … | head`: the reader left, nothing is wrong
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # the last line of defence: a user never sees a traceback
        if os.environ.get("BRIEFING_DEBUG"):
            raise
        if type(exc).__module__.startswith("psycopg"):
            return _fail(_refused_by_database(exc, getattr(args, "workspace", None)))
        return _fail(f"unexpected error: {type(exc).__name__}: {exc}".splitlines()[0])


def command_parser(parser: argparse.ArgumentParser, args: argparse.Namespace) -> argparse.ArgumentParser:
    """The parser of the command (and action) ``args`` names: 'claims mark' of 'briefing claims mark …'."""
    for dest in ("command", "action"):
        commands = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction) and a.dest == dest]
        name = getattr(args, dest, None)
        if not commands or name is None:
            break
        parser = commands[0].choices[name]
    return parser


def check_command_args(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """What argparse cannot check of one command's arguments: a usage error (exit 2) if wrong."""
    if args.command == "export":
        check_export_format(parser, args)
    if args.command == "claims":
        check_claims_args(parser, args)
    if args.command == "search" and args.saved is not None and args.query:
        command_error(
            parser,
            "search",
            f"--saved runs the search as saved; words of its own ({' '.join(args.query)!r}) do not go with it",
        )
    if (args.command == "import" and args.queue) or args.command == "worker":
        check_queue_target(parser, args)


def _dispatch(args: argparse.Namespace) -> int:
    if args.command is None:
        from briefing.ui.app import run_app  # Qt loads only when the window is wanted

        size = {"size": args.size} if args.size else {}
        return run_app(
            args.workspace,
            screenshot=args.screenshot,
            view=args.view,
            palette=args.palette,
            qt_arguments=args.qt_arguments,
            **size,
        )
    if args.command == "eval":
        return _evaluate(args.data, args.quiet)
    if args.command == "restore":
        return run_restore(args.workspace, args.backup)
    if args.command == "copy":
        return run_copy(args)
    if args.command == "backup" and args.list:
        return run_list_backups(args.workspace)
    if args.command == "worker":
        return run_worker(args)
    return _open_and_run(args)


def _reads_only(args: argparse.Namespace) -> bool:
    """Whether the command only reads: it opens a workspace another process is writing, read-only."""
    return (
        (
            args.command in READING_COMMANDS
            and getattr(args, "save", None) is None
            and getattr(args, "delete", None) is None
        )
        or (args.command == "claims" and args.action in READING_ACTIONS and not getattr(args, "refresh", False))
        or (args.command == "sources" and args.action in READING_SOURCE_ACTIONS)
        or (args.command == "entities" and args.action in READING_ENTITY_ACTIONS)
    )


def _refuse_a_change_up_front(ws, args: argparse.Namespace, reading: bool) -> None:
    """A command that changes a workspace this role may only read (a team workspace's reader) is
    refused before its work: 'analyse --all' loaded the analysis and 'sources delete' asked for a
    confirmation, then the first write said the change was not saved. Backup, import --queue and
    worker say why in their own words."""
    if not ws.read_only or reading or args.command in ("backup", "worker") or getattr(args, "queue", False):
        return
    raise BriefingError(f"{ws.name} is read-only here: {ws.read_only_reason}; nothing was changed")


def _open_and_run(args: argparse.Namespace) -> int:
    from briefing.pipeline import open_default_workspace, workspace_path  # imports wait for a command
    from briefing.store.sources import all_source_ids

    _check_workspace_exists(args)
    reading = _reads_only(args)

    new_file = _new_workspace_file(args)
    demo = args.workspace is None and not workspace_path(None).exists()
    with open_default_workspace(
        args.workspace,
        fallback_read_only=reading,
        backup=args.command != "backup",
        create=args.command == "import",
        wait=0.0 if reading else LOCK_WAIT,  # a reader never waits; an edit outlasts another's quick read
    ) as ws:
        if ws.backup_problem:
            echo(f"briefing: no backup made: {ws.backup_problem}", err=True)
        if demo:
            echo(
                f"briefing: made your workspace {ws.path} from the demo corpus, {len(all_source_ids(ws))} example "
                "sources; --workspace FILE works on a workspace of your own",
                err=True,
            )
        _refuse_a_change_up_front(ws, args, reading)
        code = _run_on_workspace(ws, args)
        empty = new_file is not None and not all_source_ids(ws)
    if empty and new_file is not None:
        from briefing.store.opening import discard_new_workspace

        discard_new_workspace(new_file)  # an import that imported nothing leaves nothing behind
    elif new_file is not None:  # a slip in the name ('cse.briefing') shows here, not in a missing import
        echo(f"briefing: {new_file} is a new workspace", err=True)
    return code


def _refused_by_database(exc: Exception, workspace: str | None) -> str:
    """A team database's refusal in one line, naming the database and what to do about a grant."""
    from briefing.store.postgres import describe, error_line, hide_passwords

    name = describe(workspace) if workspace else "the team database"
    reason = hide_passwords(error_line(exc), workspace or "")
    if type(exc).__name__ == "InsufficientPrivilege":
        return f"{name}: the database refused: {reason} (your role lacks a grant; ask the database's owner)"
    return f"{name}: the database refused: {reason}"


def _new_workspace_file(args: argparse.Namespace) -> Path | None:
    """The file an import is about to make (named by --workspace, not there yet), else None."""
    if args.command != "import" or args.workspace is None or is_postgres(args.workspace):
        return None
    path = Path(args.workspace).expanduser()
    return None if path.exists() or path.is_symlink() else path


def _check_workspace_exists(args: argparse.Namespace) -> None:
    """Only an import makes a new workspace file: any other command given a path where no file is
    (a typing slip, 'case.briefng') says so instead of leaving an empty workspace there. An empty
    PostgreSQL database is refused the same way when it is opened (``create``)."""
    if args.command == "import" or args.workspace is None or is_postgres(args.workspace):
        return
    path = Path(args.workspace).expanduser()
    if not path.exists() and not path.is_symlink():
        raise WorkspaceError(
            f"{path}: no workspace there (check the path; 'briefing import FILE --workspace PATH' makes a new one)"
        )


def _run_on_workspace(ws, args: argparse.Namespace) -> int:
    if args.command == "backup":
        return run_backup(ws, args.to)
    if args.command == "analyse":
        return _analyse(ws, args)
    if args.command in ("search", "searches"):
        return _search(ws, args)
    if args.command == "import":
        return import_and_queue(ws, args.paths) if args.queue else _import(ws, args.paths, _jobs(args))
    if args.command == "info":
        from briefing.store.counts import count_rows
        from briefing.store.pg_jobs import list_waiting_for_workers
        from briefing.store.sources import count_not_analysed

        queued = len(list_waiting_for_workers(ws))
        return print_info(
            ws.path.absolute() if ws.path else ws.name,  # a script run elsewhere finds the file
            count_rows(ws),
            as_json=args.json,
            not_analysed=count_not_analysed(ws),
            queued=queued,
        )
    if args.command == "briefings":
        return print_briefings(ws, as_json=args.json)
    runner = {"claims": run_claims, "sources": run_sources, "entities": run_entities}.get(args.command)
    if runner is not None:
        return runner(ws, args)
    if args.briefing is not None:
        return export_briefing(ws, args.briefing, args.format, args.output)
    return export_workspace(ws, args.output)


def _import(ws, targets: list[str], jobs: int) -> int:
    from briefing.pipeline import import_paths
    from briefing.store.sources import not_analysed_ids

    waiting = not_analysed_ids(ws)
    bar = progress_printer(sys.stderr)
    with stop_on_ctrl_c(bar) as cancelled:
        report = import_paths(ws, targets, progress=bar, cancelled=cancelled, jobs=jobs)
    report.count_analysis(waiting, not_analysed_ids(ws))
    code = print_import(report)
    if report.cancelled:
        echo("briefing: stopped by Ctrl+C; what was imported is kept: the same command goes on from there", err=True)
    return code


def _jobs(args: argparse.Namespace) -> int:
    from briefing.workers import default_jobs

    return args.jobs or default_jobs()


def _search(ws, args: argparse.Namespace) -> int:
    from briefing.search import report

    if args.command == "searches":
        if args.delete is not None:
            return report.delete_and_print(ws, args.delete)
        return report.print_saved_searches(ws, args.json)
    if args.save is not None:  # an empty name is refused, not taken for no --save at all
        return report.save_and_print(ws, args.save, " ".join(args.query))
    if args.saved is not None:
        return report.print_saved_search(ws, args.saved, args.limit, args.after, args.json)
    return report.print_search(ws, " ".join(args.query), args.limit, args.after, args.json)


def _analyse(ws, args: argparse.Namespace) -> int:
    from briefing.languages import withheld_note
    from briefing.pipeline import analyse_sources
    from briefing.store.sources import count_not_analysed, list_sources

    known = {row.id for row in list_sources(ws)}
    missing = [i for i in args.sources if i not in known]
    if missing:
        which = (
            f"source {missing[0]} does not" if len(missing) == 1 else f"sources {', '.join(map(str, missing))} do not"
        )
        raise BriefingError(f"{which} exist in {ws.name}")
    ids = sorted(known) if args.all else (args.sources or None)
    if ids is None and not count_not_analysed(ws):
        echo("0 sources analysed: none waits for the analysis ('--all' analyses every source again)")
        return EXIT_OK
    withheld: list[str] = []
    bar = progress_printer(sys.stderr)
    with stop_on_ctrl_c(bar) as cancelled:
        count = analyse_sources(ws, ids, progress=bar, cancelled=cancelled, withheld=withheld, jobs=_jobs(args))
    echo(f"{count} source{'s' if count != 1 else ''} analysed" + (" (stopped by Ctrl+C)" if cancelled() else ""))
    if withheld:
        echo(f"briefing: {withheld_note(withheld)}", err=True)
    if cancelled():
        waiting = count_not_analysed(ws)
        echo(f"briefing: the analyses saved so far are kept{f'; {waiting_hint(waiting)}' if waiting else ''}", err=True)
        return EXIT_FAILED
    return EXIT_OK


def _evaluate(data: str | None, quiet: bool) -> int:
    from briefing.evaluation import FLOORS, evaluate_folder, format_report, totals

    folder = Path(data) if data else Path(__file__).resolve().parent.parent / "tests" / "data" / "eval"
    if not folder.is_dir():
        raise BriefingError(f"{folder}: no evaluation folder (give one with --data)")
    results = evaluate_folder(folder)
    for line in format_report(results, show_misses=not quiet).split("\n"):
        echo(line)
    overall = totals(results)
    below = [f"{name} {overall[name]:.2f} < {floor:.2f}" for name, floor in FLOORS.items() if overall[name] < floor]
    for line in below:
        echo(f"below the floor: {line}")
    return EXIT_FAILED if below or overall["false_quotes"] else EXIT_OK


def _fail(message: str) -> int:
    echo(f"briefing: {message}", err=True)
    return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
