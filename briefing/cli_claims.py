"""``briefing claims``: list, add, edit, mark and dismiss claims, and show their related passages.

Thin over the same store and pipeline functions the window uses, so what a script does here is
what the analyst does there: every change is in the judgement history, an added claim gets its
suggested related passages at once, and the analyst's claims survive ``briefing analyse --all``.
"""

from __future__ import annotations

import argparse
from collections.abc import Set as AbstractSet
from typing import Any

from briefing.cli_output import command_error
from briefing.domain import CLAIM_STATUSES, BriefingError, clipped, counted, judged_on_earlier_words, one_line
from briefing.origins import OWN_STORY
from briefing.terminal import echo, echo_json

CLAIM_ACTIONS = ("add", "edit", "mark", "dismiss", "restore", "related")
READING_ACTIONS = (None, "related")  # these open a workspace another process is writing, read-only


def add_claims_parser(commands, workspace_option) -> None:
    claims = commands.add_parser("claims", help="list, add, edit, mark and dismiss claims; show related passages")
    workspace_option(claims)
    claims.add_argument("--source", type=int, metavar="ID", help="only the claims of this source")
    claims.add_argument("--status", type=str.lower, choices=CLAIM_STATUSES, help="only claims with this status")
    claims.add_argument(
        "--dismissed", action="store_true", help="only the claims dismissed as not claims (bring one back: restore ID)"
    )
    claims.add_argument("--json", action="store_true", help="print JSON")
    actions = claims.add_subparsers(dest="action", metavar="ACTION", parser_class=type(claims))

    add = actions.add_parser("add", help="make a passage of a source a claim (kept by re-analysis)")
    workspace_option(add)
    add.add_argument("source_id", type=int, metavar="SOURCE_ID")
    where = add.add_mutually_exclusive_group(required=True)
    where.add_argument("--text", help="the exact passage, word for word as in the source")
    where.add_argument("--start", type=int, help="character offset where the claim starts (with --end)")
    where.add_argument("--title", action="store_true", help="the source's title (headline)")
    add.add_argument("--end", type=int, help="character offset where the claim ends")
    add.add_argument("--reason", help="why (kept in the judgement history)")

    edit = actions.add_parser("edit", help="give a claim other words of its source")
    workspace_option(edit)
    edit.add_argument("claim_id", type=int, metavar="CLAIM_ID")
    span = edit.add_mutually_exclusive_group(required=True)
    span.add_argument("--text", help="the new passage, word for word as in the source")
    span.add_argument("--start", type=int, help="new start offset (with --end)")
    edit.add_argument("--end", type=int, help="new end offset")
    edit.add_argument("--reason", help="why (kept in the judgement history)")

    mark = actions.add_parser("mark", help="set a claim's status")
    workspace_option(mark)
    mark.add_argument("claim_id", type=int, metavar="CLAIM_ID")
    mark.add_argument("status", type=str.lower, choices=CLAIM_STATUSES)
    mark.add_argument("--reason", help="why (kept in the judgement history)")

    for name, text in (
        ("dismiss", "not a claim: hide it; re-analysis will not bring it back"),
        ("restore", "bring a dismissed claim back"),
    ):
        one = actions.add_parser(name, help=text)
        workspace_option(one)
        one.add_argument("claim_id", type=int, metavar="CLAIM_ID")
        one.add_argument("--reason", help="why (kept in the judgement history)")

    related = actions.add_parser("related", help="a claim's evidence and suggested related passages")
    workspace_option(related)
    related.add_argument("claim_id", type=int, metavar="CLAIM_ID")
    related.add_argument("--json", action="store_true", help="print JSON")
    related.add_argument("--refresh", action="store_true", help="look for related passages again first")


def check_claims_args(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Usage errors argparse cannot see: --start needs --end, and --end needs --start."""
    if args.action in ("add", "edit") and (args.start is None) != (args.end is None):
        command_error(parser, f"claims {args.action}", "--start and --end go together")


def run_claims(ws, args: argparse.Namespace) -> int:
    from briefing.store import claims

    if args.action is None:
        return _list(ws, args)
    if args.action == "add":
        return _add(ws, args)
    if args.action == "edit":
        claim = claims.get_claim(ws, args.claim_id)
        start, end = _span(ws, claim["source_id"], args.text, args.start, args.end, claim["start"], claim["part"])
        claims.edit_claim_span(ws, args.claim_id, start, end, args.reason)
        _suggest(ws, [args.claim_id])
        _said(ws, args.claim_id, "edited")
        warning = judged_on_earlier_words(args.claim_id, claim["status"], claim["evidence"])
        if warning:
            echo(f"briefing: {warning}", err=True)
        return 0
    if args.action == "mark":
        from briefing.store.claims import mark_claim

        claim = claims.get_claim(ws, args.claim_id)
        again = claim["status"] == args.status and not claim["dismissed"]
        if again and not claims.reason_differs(ws, args.claim_id, args.status, args.reason):
            unsaid = _unsaid_reason(args.status) if args.reason else ""
            echo(f"claim {args.claim_id} is {args.status} already: nothing changed{unsaid}")
            return 0
        mark_claim(ws, args.claim_id, args.status, args.reason)
        return _said(ws, args.claim_id, "given a new reason" if again else "marked")
    if args.action in ("dismiss", "restore"):
        return _dismiss(ws, args, args.action == "dismiss")
    return _print_related(ws, args.claim_id, args.json, args.refresh)


def _unsaid_reason(status: str) -> str:
    """Why a reason given with the status a claim has already was not recorded."""
    if status == "unreviewed":
        return "; an unreviewed claim has no judgement to give a reason for"
    return "; it was judged for that reason"


def _dismiss(ws, args: argparse.Namespace, dismiss: bool) -> int:
    """Dismiss or restore a claim; one already so is left as it is (exit 0), as mark does."""
    from briefing.store import claims
    from briefing.store.briefings import cited_dismissed_line

    if bool(claims.get_claim(ws, args.claim_id)["dismissed"]) == dismiss:
        unsaid = "; the reason was not recorded" if args.reason else ""
        state = "dismissed already" if dismiss else "not dismissed"
        echo(f"claim {args.claim_id} is {state}: nothing changed{unsaid}")
        return 0
    (claims.dismiss_claim if dismiss else claims.restore_claim)(ws, args.claim_id, args.reason)
    if not dismiss and not claims.get_claim(ws, args.claim_id)["suggestions"]:
        _suggest(ws, [args.claim_id])  # an analysis while it was dismissed passed it over
    _said(ws, args.claim_id, "dismissed" if dismiss else "restored")
    if dismiss and (cited := cited_dismissed_line(ws, args.claim_id)):
        echo(cited)
    return 0


def _list(ws, args: argparse.Namespace) -> int:
    from briefing.store.claims import list_claims
    from briefing.store.sources import get_source_details

    if args.source is not None:
        get_source_details(ws, args.source)  # a mistyped id is an error, not "no claims"
    rows = list_claims(ws, args.source, args.status, only_dismissed=args.dismissed)
    if args.json:
        echo_json([_claim_document(r, judgement) for r, judgement in zip(rows, _judgements(ws, rows), strict=True)])
        return 0
    return _print_claims(rows, _altered(ws, rows), _none_line(args))


def _judgements(ws, rows: list[dict[str, Any]]) -> list[dict[str, Any] | None]:
    """Each claim's judgement as the JSON export gives it (status, reason, analyst, time): the
    mark that gave it its status, a reason given later for that status included."""
    from briefing.export.workspace_json import judgement_record
    from briefing.store.history import present_judgement, status_marks

    marks = status_marks(ws) if len(rows) > 1 else status_marks(ws, rows[0]["id"]) if rows else {}
    return [judgement_record(present_judgement(marks.get(r["id"], []), r["status"])) for r in rows]


def _add(ws, args: argparse.Namespace) -> int:
    from briefing.store.claim_spans import title_span
    from briefing.store.claims import add_claim

    part = "text"
    if args.title:
        part, start, end = title_span(ws, args.source_id)
    else:
        try:
            start, end = _span(ws, args.source_id, args.text, args.start, args.end)
        except BriefingError as exc:
            raise BriefingError(f"{exc}{_in_the_title(ws, args)}") from None
    claim_id = add_claim(ws, args.source_id, start, end, args.reason, part=part)
    _suggest(ws, [claim_id])
    return _said(ws, claim_id, "added")


def _in_the_title(ws, args: argparse.Namespace) -> str:
    """'; it is in the source's title: --title …' when the words not found in the text are there."""
    from briefing.store.claim_spans import find_passage

    if args.text is None:
        return ""
    try:
        find_passage(ws, args.source_id, args.text, part="title")
    except BriefingError:
        return ""
    return "; it is in the source's title: --title makes the headline a claim"


def _span(
    ws, source_id: int, text: str | None, start: int | None, end: int | None, near: int = 0, part: str = "text"
) -> tuple[int, int]:
    from briefing.store.claim_spans import find_passage

    if text is not None:
        return find_passage(ws, source_id, text, near, part)
    assert start is not None and end is not None  # check_claims_args saw to it
    return start, end


def _suggest(ws, claim_ids: list[int]) -> None:
    """Related passages for new or changed claims, from the whole workspace, at once."""
    from briefing.suggesting import suggest_for_claims

    suggest_for_claims(ws, claim_ids)


def _said(ws, claim_id: int, verb: str) -> int:
    from briefing.store.claims import get_claim

    claim = get_claim(ws, claim_id)
    echo(
        f"claim {claim_id} {verb} ({claim['status']}, {counted(claim['suggestions'], 'suggested related passage')}): "
        f"{one_line(claim['text'])}"
    )
    return 0


def _altered(ws, rows: list[dict[str, Any]]) -> set[int]:
    """Claims whose words the source no longer has at their place, in its text or its headline:
    carried over to a newer version of the article that changed them (store.source_versions keeps
    them, as altered)."""
    from briefing.store.changed_words import SourceWords

    sources: dict[int, SourceWords] = {}
    altered = set()
    for row in rows:
        words = sources.get(row["source_id"]) or sources.setdefault(
            row["source_id"], SourceWords.of(ws, row["source_id"])
        )
        if words.now(row["text"], row["start"], row["end"], row["part"]) is not None:
            altered.add(row["id"])
    return altered


def _none_line(args: argparse.Namespace) -> str:
    """What an empty list says: 'no disputed claims in source 4'."""
    status = f"{args.status} " if args.status else ""
    kind = "dismissed claims" if args.dismissed else "claims"
    return f"no {status}{kind}" + (f" in source {args.source}" if args.source is not None else "")


def _print_claims(rows: list[dict[str, Any]], altered: AbstractSet[int] = frozenset(), none: str = "no claims") -> int:
    if not rows:
        echo(none)
        return 0
    echo(f"{'id':>5}  {'source':>6}  {'status':<12}  {'kind':<10}  {'score':>5}  {'made by':<8}  claim")
    for r in rows:
        score = "" if r["score"] is None else f"{r['score']:.2f}"
        mark = "*" if r["id"] in altered else " "
        echo(
            f"{r['id']:>5}{mark} {r['source_id']:>6}  {r['status']:<12}  {r['kind'] or '':<10}  {score:>5}  "
            f"{r['origin']:<8}  {one_line(r['text'])}"
        )
    if altered:
        echo(
            f"briefing: * {counted(len(altered), 'claim')}: the source's words there differ now (a newer version of "
            "the article changed them); check before judging",
            err=True,
        )
    return 0


def _claim_document(row: dict[str, Any], judgement: dict[str, Any] | None) -> dict[str, Any]:
    return {
        "id": row["id"],
        "source": {"id": row["source_id"], "title": row["title"]},
        "text": row["text"],
        "part": row["part"],
        "start": row["start"],
        "end": row["end"],
        "status": row["status"],
        "credibility": row["credibility"],
        "kind": row["kind"],
        "score": row["score"],
        "origin": row["origin"],
        "dismissed": bool(row["dismissed"]),
        "evidence": row["evidence"],
        "suggestions": row["suggestions"],
        "judgement": judgement,
    }


def _print_related(ws, claim_id: int, as_json: bool, refresh: bool) -> int:
    from briefing.store.claims import dismissed_message, get_claim
    from briefing.store.views import get_claim_related

    claim = get_claim(ws, claim_id)
    if claim["dismissed"]:
        raise BriefingError(dismissed_message(claim_id))
    if refresh:
        _suggest(ws, [claim_id])
        claim = get_claim(ws, claim_id)
    related = get_claim_related(ws, claim_id)
    if as_json:
        echo_json({"claim": _claim_document(claim, _judgements(ws, [claim])[0]), **related})
        return 0
    echo(f"claim {claim_id}: {one_line(claim['text'])}")
    echo(f"  {related['summary']}")
    for kind in ("evidence", "suggestions"):
        if kind == "evidence" and not related[kind]:
            continue  # the summary above says there is none yet
        echo(f"{kind}{_ranked(related[kind])}:" if related[kind] else f"{kind}: none")
        for row in related[kind]:
            score = f"{row['score']:>4.2f}  " if "score" in row else ""
            echo(
                f"  {row['relation']:<11}  {score}{_origin(row['origin']):<10}  source {row['source']['id']:<5}  "
                f"{clipped(one_line(row['passage']), 160)}"
            )
            for line in note_lines(row.get("note")):
                echo(line)
    return 0


def note_lines(note: str | None) -> list[str]:
    """An evidence note under its row, a line for each of its lines: made one line, 'They leave
    out:' over '1. the tankers' and '2. the pumps' read as one sentence."""
    lines = [" ".join(line.split()) for line in (note or "").splitlines() if line.strip()]
    return [("    note: " if n == 0 else " " * 10) + line for n, line in enumerate(lines)]


def _origin(number: int | None) -> str:
    return "own story" if number == OWN_STORY else f"origin {number}"


def _ranked(rows: list[dict[str, Any]]) -> str:
    """How suggestions were ranked, for their heading ("" for evidence)."""
    from briefing.store.suggestions import BY_MEANING, BY_WORDS

    rankings = {row["ranking"] for row in rows if "ranking" in row}
    if rankings == {BY_MEANING}:
        return " (re-ranked by meaning; score 0-1)"
    if rankings == {BY_WORDS}:
        return " (ranked by shared words, score a share of the best one's; --refresh re-ranks by meaning)"
    return ""
