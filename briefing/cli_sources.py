"""``briefing sources``: list sources (analysed or not), edit their details, delete one, list
the versions of one article.

Thin over the store functions the window's Source menu uses: an edit is validated field by
field and recorded in the judgement history, and re-analysis keeps it; a delete makes a backup
of the workspace first (the window's Undo has no command-line counterpart).
"""

from __future__ import annotations

import argparse
from collections.abc import Set as AbstractSet

from briefing.cli_output import TITLE_WIDTH, confirmed, waiting_hint
from briefing.domain import BriefingError, clipped, counted, one_line
from briefing.languages import analysis_withheld, withheld_note
from briefing.terminal import echo, echo_json

SOURCE_ACTIONS = ("edit", "delete", "versions")
# ``briefing sources`` (and ``versions``) open a workspace another process is writing, read-only
READING_ACTIONS = (None, "versions")
OUTLET_WIDTH = 20  # characters of the outlet in the list
# option -> store field
EDIT_OPTIONS = {
    "title": "title",
    "outlet": "outlet",
    "author": "author",
    "date": "published",
    "url": "url",
    "language": "language",
}


def add_sources_parser(commands, workspace_option) -> None:
    sources = commands.add_parser("sources", help="list the sources (analysed or not); edit or delete one")
    workspace_option(sources)
    sources.add_argument("--json", action="store_true", help="print the list as JSON")
    actions = sources.add_subparsers(dest="action", metavar="ACTION", parser_class=type(sources))

    edit = actions.add_parser("edit", help="change a source's title, outlet, author, date, URL or language")
    workspace_option(edit)
    edit.add_argument("source_id", type=int, metavar="ID")
    for option, meaning in (
        ("title", "the headline"),
        ("outlet", "who published it"),
        ("author", "who wrote it"),
        ("date", "published date as YYYY-MM-DD, or written out ('18 November 2019')"),
        ("url", "the http(s) address it was published at"),
        ("language", "language code, e.g. en or pt-BR"),
    ):
        edit.add_argument(
            f"--{option}", metavar="TEXT" if option != "date" else "YYYY-MM-DD", help=f'{meaning} ("" clears it)'
        )
    edit.add_argument("--reason", help="why (kept in the judgement history)")

    versions = actions.add_parser("versions", help="list the versions of a source's article, oldest first")
    workspace_option(versions)
    versions.add_argument("source_id", type=int, metavar="ID")
    versions.add_argument("--json", action="store_true", help="print the versions as JSON")

    delete = actions.add_parser("delete", help="delete a source and everything found in it (a backup is made first)")
    workspace_option(delete)
    delete.add_argument("source_id", type=int, metavar="ID")
    delete.add_argument("--yes", action="store_true", help="do not ask")


def run_sources(ws, args: argparse.Namespace) -> int:
    if args.action == "edit":
        return _edit(ws, args)
    if args.action == "delete":
        return _delete(ws, args.source_id, args.yes)
    if args.action == "versions":
        return _print_versions(ws, args.source_id, args.json)
    return _print_sources(ws, args.json)


def _print_sources(ws, as_json: bool) -> int:
    from briefing.store.pg_jobs import list_waiting_for_workers
    from briefing.store.sources import list_source_details

    rows = list_source_details(ws)
    queued = set(list_waiting_for_workers(ws))  # a team's queued jobs; none on a file
    if as_json:
        echo_json([_document(row) for row in rows])
        return 0
    if not rows:
        echo(f"no sources in {ws.name}")
        return 0
    echo(
        f"{'id':>5}  {'analysed':<8}  {'quotes':>6}  {'claims':>6}  {'version':>7}  {'published':<10}  "
        f"{'outlet':<20}  title"
    )
    for r in rows:
        echo(
            f"{r.id:>5}  {_analysed(r, queued):<8}  {r.quote_count:>6}  {r.claim_count:>6}  {r.version:>7}  "
            f"{r.published or '':<10}  {clipped(one_line(r.outlet or ''), OUTLET_WIDTH):<{OUTLET_WIDTH}}  "
            f"{one_line(r.shown_title)}"
        )
    waiting = sum(not r.analysed for r in rows)
    if waiting:
        echo(f"briefing: {waiting_hint(waiting, sum(r.id in queued for r in rows if not r.analysed))}", err=True)
    withheld = [one_line(r.language or "") for r in rows if r.analysed and analysis_withheld(r.language)]
    if withheld:
        echo(f"briefing: {withheld_note(withheld)}", err=True)
    return 0


def _analysed(row, queued: AbstractSet[int] = frozenset()) -> str:
    """'yes', 'no' (waiting for the analysis), 'queued' (for a team worker) or 'no (ko)': a
    language the analysis is not written for."""
    if not row.analysed:
        return "queued" if row.id in queued else "no"
    return f"no ({one_line(row.language or '')[:12]})" if analysis_withheld(row.language) else "yes"


def _document(row) -> dict:
    return {
        "id": row.id,
        "title": row.title,
        "outlet": row.outlet,
        "author": row.author,
        "published": row.published,
        "url": row.url,
        "language": row.language,
        "analysed": row.analysed,
        "analysis_withheld": analysis_withheld(row.language) if row.analysed else None,
        "quotes": row.quote_count,
        "claims": row.claim_count,
        "version": row.version,
        "file": row.file_name,  # the last part of the path imported
    }


def _print_versions(ws, source_id: int, as_json: bool) -> int:
    from briefing.store.source_versions import describe_carries, list_carries, list_versions
    from briefing.store.sources import get_source_details

    get_source_details(ws, source_id)  # a one-line error for an unknown id
    versions = list_versions(ws, source_id)
    carries = {v.id: list_carries(ws, v.id) for v in versions}
    if as_json:
        echo_json([_version_document(v, carries[v.id]) for v in versions])
        return 0
    echo(f"{'id':>5}  {'version':>7}  {'imported':<16}  {'characters':>10}  carried over")
    for v in versions:
        carried = describe_carries(carries[v.id]) if v.version > 1 else ""
        newest = "  (newest)" if v.newest and len(versions) > 1 else ""
        echo(
            f"{v.id:>5}  {v.version:>7}  {v.imported_at[:16].replace('T', ' '):<16}  {v.characters:>10}  "
            f"{carried}{newest}"
        )
    return 0


def _version_document(version, carries) -> dict:
    return {
        "id": version.id,
        "version": version.version,
        "title": version.title,
        "outlet": version.outlet,
        "published": version.published,
        "url": version.url,
        "imported_at": version.imported_at,
        "characters": version.characters,
        "newest": version.newest,
        "carried": [
            {
                "kind": c.kind,
                "id": c.ref_id,
                "state": c.state,
                "passage": c.passage,
                "old_start": c.old_start,
                "old_end": c.old_end,
                "new_start": c.new_start,
                "new_end": c.new_end,
                "part": c.part,  # "title": the offsets count in the headline
            }
            for c in carries
        ],
    }


def _edit(ws, args: argparse.Namespace) -> int:
    from briefing.ingest.dates import written_date
    from briefing.store.sources import get_source_details, source_values, update_source

    changes = {
        field: getattr(args, option) for option, field in EDIT_OPTIONS.items() if getattr(args, option) is not None
    }
    if changes.get("published"):
        changes["published"] = written_date(changes["published"])  # '18 November 2019' as the page prints it
    if not changes:
        raise BriefingError("sources edit: give at least one of --title, --outlet, --author, --date, --url, --language")
    _check_options(changes)
    before = source_values(ws, args.source_id, tuple(changes))
    update_source(ws, args.source_id, args.reason, **changes)
    after = source_values(ws, args.source_id, tuple(changes))
    option_of = {field: option for option, field in EDIT_OPTIONS.items()}
    changed = [option_of[field] for field in changes if before[field] != after[field]]
    title = get_source_details(ws, args.source_id).shown_title
    what = f"{', '.join(changed)} changed" if changed else "nothing changed"
    echo(f"source {args.source_id} ({clipped(one_line(title), TITLE_WIDTH)}): {what}")
    return 0


def _check_options(changes: dict[str, str]) -> None:
    """The store's checks, their errors naming the option typed ('--date: …', not 'published: …')."""
    from briefing.store.sources import check_source_field

    for option, field in EDIT_OPTIONS.items():
        if field not in changes:
            continue
        try:
            check_source_field(field, changes[field])
        except BriefingError as exc:
            message = str(exc)
            named = f"--{option}{message.removeprefix(field)}" if message.startswith(f"{field}:") else message
            raise BriefingError(named) from None


def _delete(ws, source_id: int, yes: bool) -> int:
    from briefing.store.backup import back_up
    from briefing.store.source_snapshots import (
        cited_in_notes,
        cited_line,
        delete_source_keeping,
        evidence_for_others,
        lost_evidence_line,
    )
    from briefing.store.sources import get_source_details

    details = get_source_details(ws, source_id)
    title = clipped(one_line(details.shown_title), TITLE_WIDTH)
    lent_to = evidence_for_others(ws, [source_id])
    lent = lost_evidence_line(*lent_to)
    citing = cited_in_notes(ws, [source_id])
    cited = cited_line(*citing)
    warnings = "".join(f" {line}" for line in (lent, cited) if line)
    if not yes and not confirmed(
        f"Delete source {source_id} ({title}) with its {counted(details.quote_count, 'quote')} "
        f"and {counted(details.claim_count, 'claim')}?{warnings} [y/N] "
    ):
        raise BriefingError(f"source {source_id} not deleted (give --yes to delete without asking)")
    made = back_up(ws, label="before-delete") if ws.path is not None else None
    delete_source_keeping(ws, source_id, reason="deleted on the command line")
    echo(f"deleted source {source_id} ({title})" + (f"; a backup is in {made}" if made else ""))
    if lent:
        echo(lost_evidence_line(*lent_to, deleted=source_id), err=True)
    if cited:
        echo(cited_line(*citing, deleted=source_id), err=True)
    return 0
