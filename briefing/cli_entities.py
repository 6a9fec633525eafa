"""``briefing entities``: list entities, show one, and correct them as the window does.

Thin over the same store functions the window's Entities tab and entity page call: a rename,
a change of type, a merge, an alias added or removed, a deletion and a mention taken off its
entity are in the judgement history and survive ``briefing analyse --all``. Names come from
sources and from received workspaces: every line goes out through ``terminal.echo``, which shows
their control characters and bidi overrides as data.
"""

from __future__ import annotations

import argparse
import re
import sys

from briefing.cli_argv import count_or_all
from briefing.cli_output import confirmed
from briefing.domain import CONTROL_CHARACTERS, ENTITY_TYPES, BriefingError, clipped, counted, one_line, one_of
from briefing.terminal import echo, echo_json

ENTITY_ID = "the entity's id, as 'briefing entities' lists it"
READING_ACTIONS = (None, "show")  # these open a workspace another process is writing, read-only
ALIASES_SHOWN = 100  # characters of a list line's aliases: "Trump" has dozens
_NOT_IN_A_NAME = re.compile("[\n\r\t\u2028\u2029\u202a-\u202e\u2066-\u2069]")
MAX_NAME_CHARS = 200
FORM_WIDTH = 24  # characters of a mention's words in 'entities show'
SHOWN_BY_DEFAULT = 50  # mentions and quotes 'entities show' prints of each: "Trump" has 1,562 mentions


def add_entities_parser(commands, workspace_option) -> None:
    entities = commands.add_parser(
        "entities",
        help="list and show entities; rename, retype, merge or delete one, fix its aliases, unlink a wrong mention",
    )
    workspace_option(entities)
    entities.add_argument("--type", type=str.lower, choices=ENTITY_TYPES, help="only entities of this type")
    entities.add_argument("--source", type=int, metavar="ID", help="only the entities this source mentions")
    entities.add_argument("--search", metavar="TEXT", help="only entities whose name or an alias holds TEXT")
    entities.add_argument("--json", action="store_true", help="print JSON")
    actions = entities.add_subparsers(dest="action", metavar="ACTION", parser_class=type(entities))

    show = actions.add_parser("show", help="an entity's aliases, its mentions in context and its quotes")
    workspace_option(show)
    show.add_argument("entity_id", type=int, metavar="ID", help=ENTITY_ID)
    show.add_argument("--json", action="store_true", help="print JSON")
    show.add_argument(
        "--limit",
        type=count_or_all,
        metavar="N",
        help=f"mentions and quotes to print of each (default {SHOWN_BY_DEFAULT}; 0 prints all; "
        "--json gives all unless N is given)",
    )

    rename = actions.add_parser("rename", help="give an entity a new name (the old one stays an alias)")
    _edit(rename, workspace_option, "NAME", "the new name")
    retype = actions.add_parser("retype", help="give an entity another type")
    _edit(retype, workspace_option)
    retype.add_argument("type", type=str.lower, choices=ENTITY_TYPES, metavar="TYPE", help=", ".join(ENTITY_TYPES))

    merge = actions.add_parser("merge", help="fold other entities into one: their mentions, quotes and names")
    workspace_option(merge)
    merge.add_argument("target_id", type=int, metavar="TARGET_ID", help="the entity that stays")
    merge.add_argument("other_ids", type=int, nargs="+", metavar="OTHER_ID", help="the entities folded into it")
    _reason(merge)

    alias = actions.add_parser("alias", help="add a name form to an entity, or remove a wrong one")
    workspace_option(alias)
    alias.add_argument("change", choices=("add", "remove"), metavar="add|remove", help="add the alias, or remove it")
    alias.add_argument("entity_id", type=int, metavar="ID", help=ENTITY_ID)
    alias.add_argument("name", metavar="NAME", help="the alias, as the entity page lists it")
    _reason(alias)

    delete = actions.add_parser("delete", help="delete an entity everywhere; re-analysis does not bring it back")
    _edit(delete, workspace_option)
    delete.add_argument("--yes", action="store_true", help="do not ask")

    unlink = actions.add_parser(
        "unlink", help="take one wrong mention off its entity; re-analysis of its source does not link it there again"
    )
    workspace_option(unlink)
    unlink.add_argument(
        "mention_id", type=int, metavar="MENTION_ID", help="the mention's id, as 'briefing entities show ID' lists it"
    )
    _reason(unlink)


def _edit(parser: argparse.ArgumentParser, workspace_option, name: str | None = None, what: str = "") -> None:
    workspace_option(parser)
    parser.add_argument("entity_id", type=int, metavar="ID", help=ENTITY_ID)
    if name is not None:
        parser.add_argument("name", metavar=name, help=what)
    _reason(parser)


def _reason(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--reason", metavar="TEXT", help="why (kept in the judgement history)")


def run_entities(ws, args: argparse.Namespace) -> int:
    if args.action is None:
        return _list(ws, args)
    if args.action == "show":
        return _show(ws, args.entity_id, args.json, args.limit)
    if args.action == "rename":
        return _rename(ws, args)
    if args.action == "retype":
        return _retype(ws, args)
    if args.action == "merge":
        return _merge(ws, args)
    if args.action == "alias":
        return _alias(ws, args)
    if args.action == "delete":
        return _delete(ws, args)
    return _unlink(ws, args)


def checked_name(value: str, field: str = "name") -> str:
    """A name typed on the command line: one line, no control characters, not empty."""
    if CONTROL_CHARACTERS.search(value) or _NOT_IN_A_NAME.search(value):
        raise BriefingError(f"{field}: one line without control characters; nothing was changed")
    value = value.strip()
    if not value:
        raise BriefingError(f"{field}: must not be empty; nothing was changed")
    if len(value) > MAX_NAME_CHARS:
        raise BriefingError(f"{field}: at most {MAX_NAME_CHARS} characters, not {len(value):,}; nothing was changed")
    return value


def _entity(ws, entity_id: int) -> tuple[str, str]:
    """(name, type) of an entity; an error naming it, and who removed it when known, if it is gone."""
    from briefing.store.entities import get_entity
    from briefing.store.revisions import missing

    entity = get_entity(ws, entity_id)
    if entity is None:
        raise missing(ws, "entity", entity_id)
    return entity[0], entity[1]


def _named(entity_id: int, name: str) -> str:
    return f"entity {entity_id} ({one_line(name)})"


def _list(ws, args: argparse.Namespace) -> int:
    from briefing.domain import normalise_name
    from briefing.store.entities import list_entity_summaries
    from briefing.store.sources import get_source_details

    if args.source is not None:
        get_source_details(ws, args.source)  # a mistyped id is an error, not "no entities"
    rows = list_entity_summaries(ws, args.type, args.source)
    if args.search is not None:
        needle, folded = normalise_name(args.search), args.search.casefold()
        rows = [
            r
            for r in rows
            if any(
                folded in form.casefold() or (needle and needle in normalise_name(form))
                for form in (r.name, *r.aliases)
            )
        ]
    if args.json:
        echo_json([{**vars(r), "aliases": list(r.aliases)} for r in rows])
        return 0
    if not rows:
        echo(_none_line(args))
        return 0
    echo(f"{'id':>6}  {'type':<12}  {'sources':>7}  {'mentions':>8}  name (aliases)")
    for r in rows:
        aliases = f" (also {clipped(one_line(', '.join(r.aliases)), ALIASES_SHOWN)})" if r.aliases else ""
        echo(f"{r.id:>6}  {r.type:<12}  {r.sources:>7}  {r.mentions:>8}  {one_line(r.name)}{aliases}")
    return 0


def _none_line(args: argparse.Namespace) -> str:
    """What an empty list says: 'no person entities in source 4 matching "okafor"'."""
    kind = f"{args.type} " if args.type else ""
    where = f" in source {args.source}" if args.source is not None else ""
    matching = f" matching {one_line(args.search)!r}" if args.search is not None else ""
    return f"no {kind}entities{where}{matching}"


def _show(ws, entity_id: int, as_json: bool, limit: int | None = None) -> int:
    from briefing.store.entities import entity_page
    from briefing.store.mentions import list_mentions

    _entity(ws, entity_id)
    page = entity_page(ws, entity_id, limit=sys.maxsize >> 1)
    mentions = list_mentions(ws, entity_id)
    if limit is None:
        limit = 0 if as_json else SHOWN_BY_DEFAULT
    shown, quotes = (mentions[:limit], page.quotes[:limit]) if limit else (mentions, page.quotes)
    if as_json:
        echo_json(
            {
                "id": page.id,
                "name": page.name,
                "type": page.type,
                "aliases": list(page.aliases),
                "mentions": [
                    {
                        "id": m.id,
                        "source": {"id": m.source_id, "title": m.source},
                        "start": m.start,
                        "end": m.end,
                        "text": m.text,
                        "context": m.context,
                    }
                    for m in shown
                ],
                "quotes": [{"id": q[0], "source": {"id": q[1], "title": q[2]}, "text": q[3]} for q in quotes],
            }
        )
        return 0
    echo(f"{_named(page.id, page.name)}, {page.type}")
    echo(f"  also called: {one_line(', '.join(page.aliases))}" if page.aliases else "  no aliases")
    echo(
        f"  {counted(page.mention_total, 'mention')} in {counted(page.source_total, 'source')}, "
        f"{counted(page.quote_total, 'quote')}"
    )
    if mentions:
        echo("mentions ('briefing entities unlink MENTION_ID' takes a wrong one off this entity):")
        echo(f"  {'id':>8}  {'source':>6}  {'words':<{FORM_WIDTH}}  in context")
    for m in shown:
        words = clipped(one_line(m.text), FORM_WIDTH)
        echo(f"  {m.id:>8}  {m.source_id:>6}  {words:<{FORM_WIDTH}}  {one_line(m.context)}")
    _say_more(len(mentions) - len(shown))
    if page.quotes:
        echo("quotes:")
        echo(f"  {'id':>8}  {'source':>6}  quote")
    for quote_id, source_id, _, text in quotes:
        echo(f"  {quote_id:>8}  {source_id:>6}  {clipped(one_line(text), 160)}")
    _say_more(len(page.quotes) - len(quotes))
    return 0


def _say_more(left: int) -> None:
    """'  … and 1,512 more; --limit 0 shows all' under a list cut at --limit."""
    if left > 0:
        echo(f"  … and {left:,} more; --limit 0 shows all")


def _rename(ws, args: argparse.Namespace) -> int:
    from briefing.store.edits import rename_entity

    new = checked_name(args.name)
    old, _ = _entity(ws, args.entity_id)
    if new == old:
        return _unchanged(args, f"{_named(args.entity_id, old)} is called so already")
    rename_entity(ws, args.entity_id, new, args.reason)
    echo(f"{_named(args.entity_id, new)} renamed, was {one_line(old)}")
    return 0


def _retype(ws, args: argparse.Namespace) -> int:
    from briefing.store.edits import retype_entity

    name, old = _entity(ws, args.entity_id)
    if args.type == old:
        return _unchanged(args, f"{_named(args.entity_id, name)} is {one_of(old)} already")
    retype_entity(ws, args.entity_id, args.type, args.reason)
    echo(f"{_named(args.entity_id, name)} is {one_of(args.type)} now, was {one_of(old)}")
    return 0


def _merge(ws, args: argparse.Namespace) -> int:
    from briefing.store.edits import merge_entities

    others = list(dict.fromkeys(args.other_ids))
    if args.target_id in others:
        raise BriefingError(f"OTHER_ID: entity {args.target_id} cannot be merged into itself; nothing was changed")
    target, _ = _entity(ws, args.target_id)
    names = [f"{one_line(_entity(ws, i)[0])} ({i})" for i in others]
    merge_entities(ws, args.target_id, others, args.reason)
    echo(
        f"merged {counted(len(others), 'entity', 'entities')} into {_named(args.target_id, target)}: {', '.join(names)}"
    )
    return 0


def _alias(ws, args: argparse.Namespace) -> int:
    from briefing.store.edits import add_alias, remove_alias
    from briefing.store.entities import entity_page

    name, _ = _entity(ws, args.entity_id)
    aliases = entity_page(ws, args.entity_id, limit=0).aliases
    if args.change == "remove":
        if args.name not in aliases:
            known = f" (its aliases: {one_line(', '.join(aliases))})" if aliases else " (it has none)"
            raise BriefingError(f"NAME: {_named(args.entity_id, name)} has no alias {args.name!r}{known}")
        remove_alias(ws, args.entity_id, args.name, args.reason)
        echo(f"{_named(args.entity_id, name)}: alias {one_line(args.name)} removed; re-analysis does not give it back")
        return 0
    alias = checked_name(args.name, "NAME")
    if alias in aliases:
        return _unchanged(args, f"{_named(args.entity_id, name)} has the alias {one_line(alias)} already")
    add_alias(ws, args.entity_id, alias, args.reason)
    echo(f"{_named(args.entity_id, name)}: alias {one_line(alias)} added")
    return 0


def _delete(ws, args: argparse.Namespace) -> int:
    from briefing.store.edits import delete_entity
    from briefing.store.entities import entity_page

    name, kind = _entity(ws, args.entity_id)
    page = entity_page(ws, args.entity_id, limit=0)
    held = f"{counted(page.mention_total, 'mention')} in {counted(page.source_total, 'source')}"
    if not args.yes and not confirmed(
        f"Delete the {kind} {one_line(name)} (entity {args.entity_id}, {held}) everywhere? Re-analysis will not "
        f"find {one_of(kind)} by its names again. [y/N] "
    ):
        raise BriefingError(f"entity {args.entity_id} not deleted (give --yes to delete without asking)")
    delete_entity(ws, args.entity_id, args.reason)
    echo(f"deleted {_named(args.entity_id, name)}, {one_of(kind)} with {held}; re-analysis does not bring it back")
    return 0


def _unlink(ws, args: argparse.Namespace) -> int:
    from briefing.store.mention_edits import get_mention, unlink_mention

    name, _ = _entity(ws, get_mention(ws, args.mention_id)[0])
    done = unlink_mention(ws, args.mention_id, args.reason)
    spoke = f"; {counted(done.quotes, 'quote')} there no longer spoken by it" if done.quotes else ""
    echo(
        f"mention {args.mention_id} ({one_line(done.text)}, source {done.source_id}) taken off "
        f"{_named(done.entity_id, name)}; re-analysis of source {done.source_id} does not link "
        f"{one_line(done.text)!r} to it again{spoke}"
    )
    return 0


def _unchanged(args: argparse.Namespace, state: str) -> int:
    unsaid = "; the reason was not recorded" if args.reason else ""
    echo(f"{state}: nothing changed{unsaid}")
    return 0
