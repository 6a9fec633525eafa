"""``briefing export``: one briefing note in any format, or the whole workspace as JSON; the
format taken from the output file's name when --format is not given."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefing.cli_output import EXIT_OK, TITLE_WIDTH, command_error
from briefing.domain import BriefingError, clipped, one_line
from briefing.terminal import echo, echo_json


def check_export_format(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Take the format from the output file's extension when --format is not given (the whole
    workspace has one format: json); refuse an extension that names no format, and a --format
    that disagrees with the extension."""
    from briefing.export.formats import format_of_path

    named = format_of_path(args.output) if args.output != "-" else None
    if args.format is None and named is None and args.briefing is not None:
        where = "standard output" if args.output == "-" else f"{args.output!r} (not .md, .html, .pdf, .docx or .json)"
        command_error(parser, "export", f"cannot tell the format of {where}; give --format")
    if args.format is not None and named is not None and named != args.format:
        command_error(
            parser, "export", f"--format {args.format} does not match the output file {args.output!r}, a .{named} name"
        )
    if args.briefing is None and (args.format or named or "json") != "json":
        given = f"--format {args.format}" if args.format else f"{args.output!r}, a .{named} name,"
        command_error(parser, "export", f"{given} needs --briefing NAME (the whole workspace exports as json)")
    args.format = args.format or named or "json"


def _replacing(output: str) -> str:
    """What the line after an export adds when a file was there: a command cannot ask, as the
    app's dialog does, but it says so."""
    return ", replacing the file that was there" if Path(output).is_file() else ""


def export_workspace(ws, output: str) -> int:
    from briefing.export.workspace_json import workspace_document, write_workspace_json

    if output == "-":
        echo_json(workspace_document(ws))
    else:
        replacing = _replacing(output)
        write_workspace_json(ws, output)
        echo(f"exported workspace to {output}{replacing}")
    return EXIT_OK


def export_briefing(ws, name: str, fmt: str, output: str) -> int:
    """Find the note, render it fully, then write it: a bad name or format leaves no file."""
    from briefing.export.formats import render_workspace_note, shortfall, write_note_as
    from briefing.export.note import cautions_line
    from briefing.export.workspace_json import write_bytes_atomically
    from briefing.store.briefings import find_briefing, read_briefing

    if output == "-" and fmt in ("pdf", "docx") and sys.stdout.isatty():
        raise BriefingError(f"-o -: a {fmt.upper()} file is no text for the terminal; give -o FILE, or pipe it")
    note = read_briefing(ws, find_briefing(ws, name))
    rendered = render_workspace_note(ws, note)
    data = write_note_as(rendered, fmt)
    if output == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        replacing = _replacing(output)
        write_bytes_atomically(Path(output), data)
        echo(f"exported briefing note {note.id} ({clipped(one_line(note.title), TITLE_WIDTH)}) to {output}{replacing}")
    if not note.items:
        echo("briefing: the note has no items yet: the export holds its title alone", err=True)
    problems = note.problems()
    if problems:
        count = len(problems)
        echo(
            f"briefing: {count} passage{'s' if count != 1 else ''} did not match the stored sources word for "
            "word; flagged in the export",
            err=True,
        )
    cautioned = cautions_line(rendered.cautioned())
    if cautioned:
        why = "re-worded, evidence gone or changed, or dismissed since"
        echo(f"briefing: {cautioned} ({why}); flagged in the export", err=True)
    missing = shortfall(rendered, fmt)
    if missing:
        echo(f"briefing: {missing}", err=True)
    return EXIT_OK
