"""Finding or creating the workspace entity for each entity the analysis found in a source.

A found entity links to a stored one by its normalised name or aliases, of a compatible type;
a person also by a lone surname that one person has, or by a full name written another way
(``briefing.person_names``); a machine entity is renamed by the full form most sources use
(``briefing.store.entity_settling`` settles which entities are one).
The analyst's rejections (``rejected_keys``) keep names and aliases from linking again.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from briefing.domain import ENTITY_TYPES, BriefingError, FoundEntity, normalise_name, singular_of
from briefing.person_names import last_token, may_be_same_person, surname_of
from briefing.store.search_index import reindex_sources_of_speaker
from briefing.store.workspace import Workspace, utc_now

_POSSESSIVE_END = re.compile(r"[’']s?$")
Placed = Mapping[tuple[int, int], tuple[int, str]]  # a mention's range -> (entity id, its words)


def type_rejection_key(type_: str, form: str) -> str:
    """The rejection of a normalised name as an entity of one type: "person:dodd-frank". A type
    is a word, so the key never reads as an alias rejection ("12:dodd-frank")."""
    return f"{type_}:{form}"


def rejected_keys(ws: Workspace, kind: str, source_id: int) -> set[str]:
    """The rejections of ``kind`` that hold in the source (the workspace's and its own)."""
    sql = "SELECT key FROM rejections WHERE kind = ? AND (source_id IS NULL OR source_id = ?)"
    return {row[0] for row in ws.db.execute(sql, [kind, source_id])}


def unlinked_keys(ws: Workspace, source_id: int) -> set[str]:
    """The source's own alias rejections, "<entity id>:<normalised form>": mentions the analyst
    took off an entity there (Not This Entity). Its mentions of that form never link to that
    entity again, whatever else the analysis links there."""
    sql = "SELECT key FROM rejections WHERE kind = 'entity' AND source_id = ?"
    return {row[0] for row in ws.db.execute(sql, [source_id])}


@dataclass
class _Entity:
    id: int
    name: str
    key: str  # normalised name
    type: str
    edited: bool
    forms: set[str] = field(default_factory=set)  # normalised name and aliases
    former_types: set[str] = field(default_factory=set)  # types the analyst changed away from


# Peoples named by an adjective whose plural is another word: "the Democratic base" and
# "Democrats", "Jewish voters" and "Jews" are one group.
GROUP_PLURALS = {
    "democratic": "democrats",
    "jewish": "jews",
    "turkish": "turks",
    "kurdish": "kurds",
    "polish": "poles",
    "danish": "danes",
    "swedish": "swedes",
    "finnish": "finns",
    "scottish": "scots",
    "spanish": "spaniards",
}
_GROUP_ADJECTIVES = {plural: adjective for adjective, plural in GROUP_PLURALS.items()}


_LINKING_WORDS = frozenset(("of", "the", "and", "for", "&"))
# Initials name a body only when this many times as many sources use them as spell the name out:
# "GOP" (225 sources) for "Grand Old Party" (3), but "United States" beside "U.S."
INITIALS_RATIO = 10
# The one word a text uses to refer back to a body it has named ("the Party", "the Committee"):
# never the body's name while a longer one is known.
_BACK_REFERENCES = frozenset(
    """
the a an party committee council commission agency department ministry company corporation firm group
organization organisation association authority foundation institute board bureau office union league
coalition campaign administration court fund network channel paper newspaper magazine station
""".split()
)


def _abbreviates(short: str, name: str) -> bool:
    """Whether ``short`` is the initials of ``name`` ("u.s." of "united states", "fbi" of
    "federal bureau of investigation", "usa" of "united states of america")."""
    letters = short.replace(".", "")
    words = [w for w in name.replace("-", " ").split() if w not in _LINKING_WORDS]
    return " " not in short and len(words) > 1 and letters == "".join(w[0] for w in words)


def _plural(key: str) -> str:
    return GROUP_PLURALS.get(key, key + "s")


def _number_forms(forms: list[str]) -> list[str]:
    """A group's name in the other number: "republican" and "republicans", "american" and
    "americans", "democratic" and "democrats" are one group of people, and so are
    "african-americans" and "african americans"."""
    other = []
    for form in (f for f in forms if len(f) > 3):
        other.append(singular_of(form) or form + "s")
        other += [word for word in (GROUP_PLURALS.get(form), _GROUP_ADJECTIVES.get(form)) if word]
        other.append(form.replace("-", " ") if "-" in form else form.replace(" ", "-"))
    return [f for f in dict.fromkeys(other) if f not in forms]


PLACE_OR_BODY = ("place", "organisation")
ACRONYM_LETTERS = 4  # a word in capitals longer than this is more often a headline's than an acronym ("NATO")


class EntityResolver:
    """Finds or creates the workspace entity for each entity found in a source."""

    def __init__(self, ws: Workspace):
        self.ws = ws
        self.rejected: set[str] = set()
        self.entities: dict[int, _Entity] = {}
        self.by_form: dict[str, set[int]] = {}
        self.by_key: dict[str, set[int]] = {}  # normalised name -> entities
        self.by_surname: dict[str, set[int]] = {}  # last word of a person's name -> people
        for entity_id, name, type_, edited in ws.db.execute("SELECT id, name, type, edited FROM entities"):
            self._keep(_Entity(entity_id, name, normalise_name(name), type_, bool(edited)))
        for entity_id, alias in ws.db.execute("SELECT entity_id, alias FROM entity_aliases"):
            self.add_form(entity_id, normalise_name(alias))
        retypes = "SELECT target_id, old_value FROM history WHERE target_kind = 'entity' AND field = 'type'"
        for entity_id, old_type in ws.db.execute(retypes):
            if entity_id in self.entities:
                self.entities[entity_id].former_types.add(old_type)

    def start_source(self, source_id: int) -> None:
        self.rejected = rejected_keys(self.ws, "entity", source_id)

    def forget(self, entity_ids: list[int]) -> None:
        for entity_id in entity_ids:
            entity = self.entities.pop(entity_id, None)
            if entity is None:
                continue
            for form in entity.forms:
                self.by_form.get(form, set()).discard(entity_id)
            self._unindex(entity)

    def _keep(self, entity: _Entity) -> None:
        self.entities[entity.id] = entity
        self.add_form(entity.id, entity.key)
        self.by_key.setdefault(entity.key, set()).add(entity.id)
        if entity.type == "person" and entity.key:
            self.by_surname.setdefault(surname_of(entity.key), set()).add(entity.id)

    def _unindex(self, entity: _Entity) -> None:
        self.by_key.get(entity.key, set()).discard(entity.id)
        if entity.type == "person" and entity.key:
            self.by_surname.get(surname_of(entity.key), set()).discard(entity.id)

    def resolve(self, found: FoundEntity, placed: Placed | None = None) -> int | None:
        """The entity id for ``found``, or None when the analyst rejected its name. ``placed``: the
        source's mentions of entities the analyst edited before this analysis (range -> entity,
        words); one of them that held most of ``found``'s mentions keeps them (``_placed``)."""
        if found.type not in ENTITY_TYPES:
            raise BriefingError(f"entity type: must be one of {', '.join(ENTITY_TYPES)}, not {found.type!r}")
        name_key = normalise_name(found.name)
        if not name_key or self._refused(found.type, name_key):
            return None
        kept = self._placed(found, placed or {})
        if kept is not None:
            return kept
        forms = [f for f in dict.fromkeys(map(normalise_name, found.aliases)) if f and not self._refused(found.type, f)]
        if found.type == "group":
            forms += [f for f in _number_forms([name_key, *forms]) if not self._refused(found.type, f)]
        entity = self._match(found.type, [name_key, *forms])
        if entity is None:
            entity = self._create(found)
        elif self._is_fuller(entity, found.type, name_key):
            self._rename(entity, found.name, name_key)
        for surface in dict.fromkeys((found.name, *found.aliases)):
            self._add_alias(entity, surface)
        return entity.id

    def _refused(self, type_: str, form: str) -> bool:
        """Whether the analyst deleted an entity of this type by this name (or, in an older
        workspace, of any type)."""
        return form in self.rejected or type_rejection_key(type_, form) in self.rejected

    def _placed(self, found: FoundEntity, placed: Placed) -> int | None:
        """The edited entity that held more than half of ``found``'s mentions, counting only those
        whose words the analyst did not take away from it (an alias removed): where a merge or a
        split put them. Merged into Jeb Bush, then the full name split off, a source's "Mr. Bush"
        mentions went to the split-off "John Ellis Bush" that the analysis's cluster is named after."""
        votes: Counter[int] = Counter()
        for span in found.mentions:
            entity_id, words = placed.get(span, (None, ""))
            if entity_id in self.entities and f"{entity_id}:{normalise_name(words)}" not in self.rejected:
                votes[entity_id] += 1
        if not votes:
            return None
        entity_id, count = votes.most_common(1)[0]
        return entity_id if 2 * count > len(found.mentions) else None

    def _match(self, type_: str, forms: list[str]) -> _Entity | None:
        ids = {i for form in forms for i in self.by_form.get(form, ()) if f"{i}:{form}" not in self.rejected}
        hits = [self.entities[i] for i in ids if self._compatible(type_, self.entities[i])]
        if type_ == "person":  # "Jeb Bush" shares "Bush" with "George W. Bush", and is someone else
            hits = [e for e in hits if may_be_same_person(forms[0], e.key) or self._shares_full_form(e, forms)]
        if hits:  # of a group named in both numbers (made before they linked), the plural one
            return min(hits, key=lambda e: (type_ == "group" and not e.key.endswith("s"), e.key != forms[0], e.id))
        same_name = self._match_same_name(type_, forms[0])
        if same_name is not None:
            return same_name
        if type_ != "person":
            return None
        return self._match_surname(forms[0]) or self._match_name_variant(forms[0])

    def _shares_full_form(self, entity: _Entity, forms: list[str]) -> bool:
        """Whether a name of two or more words of ``forms`` is one of the entity's."""
        return any(" " in form and entity.id in self.by_form.get(form, ()) for form in forms)

    def _match_same_name(self, type_: str, name_key: str) -> _Entity | None:
        """'Kessel Point' typed a place in one source and an organisation in ten others is
        one thing: a name of two or more words links across types, the stored type wins.
        A one-word name links only between a place and an organisation, the model's commonest
        confusion ('Brackenholm' read as a body where the text lists it without a cue); a
        person and a place ('Jordan') stay apart."""
        one_word = len(name_key.split()) < 2
        if type_ == "group" or (one_word and type_ not in PLACE_OR_BODY):
            return None
        hits = [self.entities[i] for i in self.by_key.get(name_key, ())]
        hits = [e for e in hits if e.type != "group" and (not one_word or e.type in PLACE_OR_BODY)]
        return min(hits, key=lambda e: e.id) if hits else None

    @staticmethod
    def _compatible(type_: str, entity: _Entity) -> bool:
        if type_ == entity.type:
            return True
        # The analyst's retype wins: the analysis may still call it by its old type.
        return entity.edited and (type_ == "organisation" or type_ in entity.former_types)

    def _match_surname(self, name_key: str) -> _Entity | None:
        """A lone surname links to the one person who has it; a full name to the one lone surname."""
        last = last_token(name_key)
        hits = [self.entities[i] for i in sorted(self.by_surname.get(surname_of(name_key), ()))]
        hits = [e for e in hits if last_token(e.key) == last and f"{e.id}:{name_key}" not in self.rejected]
        if len(hits) == 1 and (name_key == last or hits[0].key == last):
            return hits[0]  # 'Zehaf-Bibeau' alone is the one 'Michael Zehaf-Bibeau'
        return None

    def _match_name_variant(self, name_key: str) -> _Entity | None:
        """A full name links to the one person named in full another way: "Paul D. Ryan" to
        "Paul Ryan", "Joe Biden" to "Joseph R. Biden" (``may_be_same_person``). With two such
        people ("George W. Bush" and "George H. W. Bush" for "George Bush") it links to none."""
        if " " not in name_key:
            return None
        hits = [
            self.entities[i]
            for i in sorted(self.by_surname.get(surname_of(name_key), ()))
            if " " in self.entities[i].key and may_be_same_person(name_key, self.entities[i].key)
        ]
        hits = [e for e in hits if f"{e.id}:{name_key}" not in self.rejected]
        return hits[0] if len(hits) == 1 else None

    def _create(self, found: FoundEntity) -> _Entity:
        record = {"name": found.name, "type": found.type, "created_at": utc_now(), "origin": "analysis"}
        entity_id = self.ws.insert("entities", record)
        entity = _Entity(entity_id, found.name, normalise_name(found.name), found.type, False)
        self._keep(entity)
        return entity

    def _is_fuller(self, entity: _Entity, type_: str, name_key: str) -> bool:
        """A machine entity called by one word takes the first full name seen ("Okafor" ->
        "Marta Okafor", "US" -> "United States"). A full name is not replaced by a longer one:
        each source already names an entity by its most frequent clean form, and the longest
        form seen was often a headline's ("Donald Trump Invokes")."""
        if entity.edited or type_ != entity.type or f"{entity.id}:{name_key}" in self.rejected:
            return False
        return len(entity.key.split()) == 1 and len(name_key.split()) > 1

    def settle_names(self, entity_ids: Iterable[int]) -> None:
        """Name each machine entity by the full form the most sources use.

        The first source's name stuck before, junk included ("Hammering Hillary Clinton" from
        a headline, while nine other sources say "Hillary Clinton"). A form counts the
        sources whose stored mentions use it (within one source the analysis already chose);
        a one-word form never replaces a longer one (a surname is the usual second mention,
        not the name), and the current name stays on a tie."""
        for entity_id in sorted(entity_ids):
            entity = self.entities.get(entity_id)
            if entity is None or entity.edited:
                continue
            best = self._most_frequent_form(entity)
            if best is not None and best != (entity.name, entity.key):
                self._rename(entity, *best)
                reindex_sources_of_speaker(self.ws, entity.id)  # its quotes are found by the new name

    def _most_frequent_form(self, entity: _Entity) -> tuple[str, str] | None:
        counts: dict[str, int] = {}
        spellings: dict[str, dict[str, int]] = {}
        rows = self.ws.db.execute(
            "SELECT text, group_concat(DISTINCT source_id) FROM mentions WHERE entity_id = ? GROUP BY text",
            [entity.id],
        )
        sources: dict[str, set[str]] = {}
        for surface, source_list in rows:
            shown = " ".join(_POSSESSIVE_END.sub("", surface).split())
            key = normalise_name(shown)
            if not key or self._refused(entity.type, key) or f"{entity.id}:{key}" in self.rejected:
                continue
            found_in = set(source_list.split(","))
            sources.setdefault(key, set()).update(found_in)
            counts[key] = len(sources[key])
            spellings.setdefault(key, {})
            spellings[key][shown] = spellings[key].get(shown, 0) + len(found_in)
        if entity.type == "group":  # "Republican" counts for "Republicans": a group of people is named in the plural
            for key in [k for k in counts if _plural(k) in counts or _plural(k) == entity.key]:
                plural = _plural(key)
                sources.setdefault(plural, set()).update(sources.pop(key))
                spellings.setdefault(plural, {entity.name: 0})
                counts[plural] = len(sources[plural])
                del counts[key]
        longest = max((len(key.split()) for key in counts), default=0)
        if entity.type == "person":  # a surname alone is the usual second mention, not the name
            full = {k: n for k, n in counts.items() if len(k.split()) > 1 or longest == 1}
        else:  # "Congress" in 124 sources, not the "Republican Congress" of 3; initials only when nearly all use them
            full = {
                k: n
                for k, n in counts.items()
                if not any(_abbreviates(k, other) and n < INITIALS_RATIO * counts[other] for other in counts)
                and not (longest > 1 and k in _BACK_REFERENCES)
            }
        if not full:
            return None
        current = (
            full.get(entity.key, 0) if entity.type != "person" or len(entity.key.split()) > 1 or longest == 1 else 0
        )
        key = max(full, key=lambda k: (full[k], k == entity.key))
        if full[key] <= current:
            return self._usual_spelling(entity, spellings.get(entity.key, {}))
        # the usual spelling, not a headline's capitals ("DONALD TRUMP") when another exists
        forms = spellings[key]
        name = max(forms, key=lambda form: (not form.isupper(), forms[form]))
        return name, key

    @staticmethod
    def _usual_spelling(entity: _Entity, forms: dict[str, int]) -> tuple[str, str] | None:
        """The name in the spelling most sources use when it is in capitals only where a dateline
        or a headline set it ("WASHINGTON" where ten sources say "Washington"); an acronym
        most sources write in capitals ("NATO") keeps them, and so does one on a tie."""
        usual = max(forms, key=lambda form: (forms[form], not form.isupper()), default=None)
        if usual is None or not entity.name.isupper() or usual.isupper():
            return None
        # on a tie, a word too long for an acronym is a headline's capitals ("MIDWAY ATOLL")
        wordy = any(len(word) > ACRONYM_LETTERS for word in re.findall(r"[A-Z]+", entity.name))
        return (usual, entity.key) if forms[usual] > forms.get(entity.name, 0) - wordy else None

    def _rename(self, entity: _Entity, name: str, name_key: str) -> None:
        db = self.ws.db
        for alias_id, alias in db.execute(
            "SELECT id, alias FROM entity_aliases WHERE entity_id = ?", [entity.id]
        ).fetchall():
            if normalise_name(alias) == name_key:
                db.execute("DELETE FROM entity_aliases WHERE id = ?", [alias_id])
        db.execute("UPDATE entities SET name = ? WHERE id = ?", [name, entity.id])
        if name_key != entity.key:  # a new spelling of the same name is no alias
            db.execute(
                "INSERT OR IGNORE INTO entity_aliases (entity_id, alias) VALUES (?, ?)", [entity.id, entity.name]
            )
        self._unindex(entity)
        entity.name, entity.key = name, name_key
        self._keep(entity)

    def retype(self, entity: _Entity, type_: str) -> None:
        """Give a machine entity another type (the one most sources read: ``entity_settling``)."""
        self.ws.db.execute("UPDATE entities SET type = ? WHERE id = ?", [type_, entity.id])
        self._unindex(entity)
        entity.type = type_
        self._keep(entity)

    def _add_alias(self, entity: _Entity, surface: str) -> None:
        form = normalise_name(surface)
        if not form or form in entity.forms or self._refused(entity.type, form):
            return
        if f"{entity.id}:{form}" in self.rejected:
            return
        self.ws.db.execute("INSERT INTO entity_aliases (entity_id, alias) VALUES (?, ?)", [entity.id, surface])
        self.add_form(entity.id, form)

    def add_form(self, entity_id: int, form: str) -> None:
        self.entities[entity_id].forms.add(form)
        self.by_form.setdefault(form, set()).add(entity_id)
