"""Which machine entities are one, settled after each source is saved by what all sources say.

One source's analysis sees one text; the workspace sees them all. After a save, the entities the
source touched are checked against the rest:

- a one-word body or place that is a person's surname where the sources call that person by it
  joins the person ("Trump" read as an organisation in sources that never name him in full,
  while dozens of others use "Trump" alone for Donald Trump; "Obama" read as a place);
- two bodies, places or groups of one type, one of which has the other's name of two or more
  words among its forms, are one ("United States" and "United States of America", made apart
  by two early sources that wrote them differently);
- an entity whose sources read it as another type takes the type more of them read: a name of
  two or more words links across types and a one-word place and body link, and the first
  source's type stuck ("Tad Devine" an organisation in one source and a person in two others,
  "Batman" a place in 2 sources and an organisation in 9). A source analysed before the type
  was kept counts for the type the entity has.

Mentions and quotes move to the entity that stays; an entity the analyst has worked on
(edited, judged in history, confirmed as a speaker, put in a briefing note) never moves.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from briefing.store.entities import move_entity_rows
from briefing.store.entity_resolver import PLACE_OR_BODY
from briefing.store.search_index import reindex_sources_of_speaker

if TYPE_CHECKING:
    from briefing.store.entity_resolver import EntityResolver, _Entity

# A one-word body or place joins the one person whose lone surname it is when at least this many
# sources use the word alone for that person, and this many times as many as name the body or place.
LONE_NAME_SOURCES = 3
LONE_NAME_RATIO = 3
# {type: sources} of an entity's machine mentions; a source analysed before types were kept
# (found_type NULL) counts for the entity's own type (the parameter).
_TYPE_VOTES = """
SELECT coalesce(found_type, ?), count(DISTINCT source_id) FROM mentions
WHERE entity_id = ? AND origin = 'analysis' GROUP BY 1
"""
_ANALYST_TOUCHED = """
SELECT 1 FROM history WHERE target_kind = 'entity' AND target_id = ?
UNION ALL SELECT 1 FROM quotes WHERE speaker_id = ? AND speaker_confirmed = 1
UNION ALL SELECT 1 FROM briefing_items WHERE kind = 'entity' AND ref_id = ?
LIMIT 1
"""


def settle_entities(resolver: EntityResolver, entity_ids: Iterable[int]) -> set[int]:
    """Join the entities ``entity_ids`` touched to those they are; returns the sources whose
    mentions moved (their search entries name other entities now)."""
    moved: set[int] = set()
    for entity_id in sorted(set(entity_ids)):
        entity = resolver.entities.get(entity_id)
        if entity is None:
            continue
        _settle_type(resolver, entity)
        moved |= _join_same_name(resolver, entity)
        entity = resolver.entities.get(entity_id)
        if entity is None:
            continue
        if entity.type == "person" and entity.key:
            candidates = [resolver.entities[i] for i in sorted(resolver.by_key.get(entity.key.split()[-1], ()))]
        else:
            candidates = [entity]
        for candidate in candidates:
            moved |= _give_to_person(resolver, candidate)
    return moved


def _settle_type(resolver: EntityResolver, entity: _Entity) -> None:
    """The type more sources read than read the entity's own, when the analyst has not worked on it."""
    if entity.edited:
        return
    votes = dict(resolver.ws.db.execute(_TYPE_VOTES, [entity.type, entity.id]).fetchall())
    best = max(votes, key=lambda type_: (votes[type_], type_ == entity.type), default=entity.type)
    if votes.get(best, 0) > votes.get(entity.type, 0) and _movable(resolver, entity):
        resolver.retype(entity, best)


def _join_same_name(resolver: EntityResolver, entity: _Entity) -> set[int]:
    """Join a body, place or group with another of its type whose name of two or more words is
    one of its forms, or that has its name among its forms; the one fewer sources name goes."""
    if entity.type == "person" or entity.edited:
        return set()
    names = {form for form in entity.forms if " " in form}
    others = {i for form in names for i in resolver.by_key.get(form, ())}
    if " " in entity.key:
        others |= resolver.by_form.get(entity.key, set())
    moved: set[int] = set()
    for other_id in sorted(others - {entity.id}):
        other = resolver.entities.get(other_id)
        if other is None or other.edited or other.type != entity.type or not _movable(resolver, other):
            continue
        if not _movable(resolver, entity):
            return moved
        keep, gone = (entity, other) if _sources(resolver, entity) >= _sources(resolver, other) else (other, entity)
        moved |= _move(resolver, gone, keep)
        if gone is entity:
            return moved
    return moved


def _give_to_person(resolver: EntityResolver, entity: _Entity) -> set[int]:
    if entity.edited or entity.type not in PLACE_OR_BODY or " " in entity.key or not entity.key:
        return set()
    db = resolver.ws.db
    by_person = {
        person: db.execute(
            "SELECT count(DISTINCT source_id) FROM mentions WHERE entity_id = ? AND text = ?",
            [person, entity.name],
        ).fetchone()[0]
        for person in sorted(resolver.by_surname.get(entity.key, ()))
        if f"{person}:{entity.key}" not in resolver.rejected
    }
    used = sorted(by_person.items(), key=lambda item: -item[1])
    if not used or used[0][1] < max(LONE_NAME_SOURCES, LONE_NAME_RATIO * _sources(resolver, entity)):
        return set()
    if len(used) > 1 and (used[1][1] >= LONE_NAME_SOURCES or used[0][1] < LONE_NAME_RATIO * used[1][1]):
        return set()  # the word alone is used for two people ("Bush" for Jeb and George W.)
    if not _movable(resolver, entity):
        return set()
    return _move(resolver, entity, resolver.entities[used[0][0]])


def _sources(resolver: EntityResolver, entity: _Entity) -> int:
    sql = "SELECT count(DISTINCT source_id) FROM mentions WHERE entity_id = ?"
    return int(resolver.ws.db.execute(sql, [entity.id]).fetchone()[0])


def _movable(resolver: EntityResolver, entity: _Entity) -> bool:
    """A machine entity the analyst has not worked on."""
    return not entity.edited and not resolver.ws.db.execute(_ANALYST_TOUCHED, [entity.id] * 3).fetchone()


def _move(resolver: EntityResolver, gone: _Entity, keep: _Entity) -> set[int]:
    """``gone``'s mentions, quotes and forms to ``keep``; ``gone`` deleted. Returns its sources."""
    db = resolver.ws.db
    sources = {row[0] for row in db.execute("SELECT DISTINCT source_id FROM mentions WHERE entity_id = ?", [gone.id])}
    move_entity_rows(resolver.ws, keep.id, gone.id)
    if keep.type != "person":  # a body's other names are the kept one's; a surname is already a person's
        for form in sorted({gone.name, *(a for (a,) in db.execute(_ALIASES, [gone.id]))}):
            if form != keep.name:
                db.execute("INSERT OR IGNORE INTO entity_aliases (entity_id, alias) VALUES (?, ?)", [keep.id, form])
    forms = set(gone.forms)
    db.execute("DELETE FROM entities WHERE id = ?", [gone.id])
    resolver.forget([gone.id])
    for form in forms:
        resolver.add_form(keep.id, form)
    reindex_sources_of_speaker(resolver.ws, keep.id)
    return sources


_ALIASES = "SELECT alias FROM entity_aliases WHERE entity_id = ?"
