"""Dropping the machine aliases an analysis no longer finds.

An alias the analysis gave an entity stayed for good: a headline's "Billionaire Donald Trump",
once the entity's name and then its alias when a fuller form won, still showed on Donald Trump's
page after a re-analysis where no mention had those words. After a run, an alias of an entity
is dropped when every source that mentions the entity was analysed in the run and none of them
uses it: no mention of the entity has its form, and no entity the run found there, now this
entity, was called so (``yielded``: the analysis also names an entity by forms it does not
mention, "North Atlantic Treaty Organization" for "NATO"). The analyst's names stay: an alias
they added, a name they renamed away from, the name of an entity they merged into it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from briefing.domain import normalise_name
from briefing.store.search_index import reindex_sources_of_speaker
from briefing.store.workspace import Workspace

Yielded = Mapping[tuple[int, int, int], Iterable[str]]  # (source, start, end) of a found mention -> its entity's forms

_ANALYST_NAMES = """
SELECT target_id, CASE WHEN action = 'add_alias' THEN new_value ELSE old_value END FROM history
WHERE target_kind = 'entity' AND ((action = 'add_alias' AND field = 'alias')
  OR (action = 'rename' AND field = 'name') OR (action = 'merge' AND field = 'merged'))
"""


_ID_CHUNK = 500  # ids per IN (...) list


def prune_stale_aliases(ws: Workspace, analysed: set[int], yielded: Yielded) -> int:
    """Delete the aliases no analysed source uses any more (see the module); returns how many.
    Only the mentions of entities an analysed source mentions are read: a run of one source (a
    team's worker saves one per job) reads its entities', not the workspace's."""
    sources: dict[int, set[int]] = {}
    used: dict[int, set[str]] = {}
    at: dict[tuple[int, int, int], int] = {}
    for entity_id, source_id, start, end, text in _mentions_of_entities_in(ws, analysed):
        sources.setdefault(entity_id, set()).add(source_id)
        used.setdefault(entity_id, set()).add(normalise_name(text))
        at[(source_id, start, end)] = entity_id
    for place, forms in yielded.items():
        if place in at:
            used[at[place]].update(forms)
    settled = {entity_id for entity_id, found_in in sources.items() if found_in <= analysed}
    if not settled:
        return 0
    kept = {(entity_id, normalise_name(name or "")) for entity_id, name in ws.db.execute(_ANALYST_NAMES)}
    # an alias the analyst gave an entity since merged into another went with it (history names the old id)
    existing = {row[0] for row in ws.db.execute("SELECT id FROM entities")}
    moved = {form for entity_id, form in kept if entity_id not in existing}
    stale = [
        (alias_id, entity_id)
        for alias_id, entity_id, alias in ws.db.execute("SELECT id, entity_id, alias FROM entity_aliases").fetchall()
        if entity_id in settled
        and normalise_name(alias) not in used[entity_id] | moved
        and (entity_id, normalise_name(alias)) not in kept
    ]
    with ws.transaction() as db:
        for alias_id, _ in stale:
            db.execute("DELETE FROM entity_aliases WHERE id = ?", [alias_id])
        for entity_id in sorted({entity_id for _, entity_id in stale}):
            reindex_sources_of_speaker(ws, entity_id)  # a speaker's quotes are found by its aliases
    return len(stale)


def _mentions_of_entities_in(ws: Workspace, source_ids: set[int]) -> list[tuple[int, int, int, int, str]]:
    """(entity, source, start, end, words) of every mention of the entities the sources mention;
    a run over many sources reads every mention at once, which is quicker than picking them."""
    sql = 'SELECT entity_id, source_id, start, "end", text FROM mentions'
    if len(source_ids) > _ID_CHUNK or not source_ids:
        return [tuple(row) for row in ws.db.execute(sql)] if source_ids else []
    marks = ", ".join("?" * len(source_ids))
    picked = f" WHERE entity_id IN (SELECT entity_id FROM mentions WHERE source_id IN ({marks}))"
    return [tuple(row) for row in ws.db.execute(sql + picked, sorted(source_ids))]
