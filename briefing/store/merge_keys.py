"""What identifies a row across two workspaces, for ``briefing copy`` onto a filled target
(``store.merging``): the columns each table is matched on once its references are mapped, the
key made of them, and the analysis rows the analyst's work refers to."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from typing import Any

from briefing.domain import normalise_name
from briefing.store.copy_labels import relabel
from briefing.store.copy_tables import KIND_TABLES
from briefing.store.workspace import Workspace

# What identifies a row across two workspaces, once its references are mapped. The first
# column, when it refers to another row, narrows the target's rows read for a match.
MATCH_KEYS = {
    "sources": ("content_hash",),
    "originals": ("source_id",),
    "entities": ("name", "type"),
    "entity_aliases": ("entity_id", "alias"),
    "mentions": ("source_id", "entity_id", "start", "end"),
    "quotes": ("source_id", "start", "end"),
    "claims": ("source_id", "part", "start", "end"),
    "annotations": ("source_id", "start", "end", "exact", "created_at"),
    "tags": ("name",),
    "annotation_tags": ("annotation_id", "tag_id"),
    "briefings": ("title", "created_at"),
    "briefing_items": ("briefing_id", "kind", "ref_id", "body", "start", "end"),
    "history": ("target_id", "target_kind", "at", "actor", "action", "field", "old_value", "new_value", "reason"),
    "sentences": ("source_id", "start", "end"),
    "rejections": ("source_id", "kind", "key"),
    "evidence": ("claim_id", "source_id", "start", "end", "relation"),
    "claim_suggestions": ("claim_id", "source_id", "start", "end"),
    "saved_searches": ("name",),
    "version_carries": ("source_id", "kind", "ref_id", "state"),
}
CASE_BLIND = {("tags", "name"), ("saved_searches", "name")}
# Tables whose rows may be alike in every column matched and still be two: the same judgement
# made twice in one second. Each of the target's rows stands for one of the source's.
COUNTED = frozenset({"history"})
COPY_SUFFIX = re.compile(r" \(copy(?: \d+)?\)$")  # what a copy adds to a note's title it finds taken


def referred_rows(src: Workspace) -> dict[str, set[int]]:
    """Ids of the analysis' rows the analyst's work refers to: they are the analyst's too."""
    referred: dict[str, set[int]] = defaultdict(set)
    for sql in (
        "SELECT target_kind, target_id FROM history WHERE target_id IS NOT NULL",
        "SELECT kind, ref_id FROM briefing_items WHERE ref_id IS NOT NULL",
        "SELECT kind, ref_id FROM version_carries",
        "SELECT 'claim', claim_id FROM evidence",
        "SELECT 'claim', claim_id FROM claim_suggestions WHERE state <> 'open'",
    ):
        for kind, ref_id in src.db.execute(sql).fetchall():
            if kind in KIND_TABLES:
                referred[KIND_TABLES[kind]].add(ref_id)
    return referred


def bare_digest(note: dict[str, Any]) -> bytes:
    """A note's key with the title as before a copy renamed it: "<title> (copy N)" is "<title>"."""
    return b"copy" + digest("briefings", {**note, "title": COPY_SUFFIX.sub("", note["title"])})


def digest(table: str, values: dict[str, Any]) -> bytes:
    key = []
    for column in MATCH_KEYS[table]:
        value = values[column]
        if isinstance(value, str) and (table, column) in CASE_BLIND:
            value = value.lower()
        elif table == "entities" and column == "name":
            value = normalise_name(value)
        key.append(value)
    return hashlib.blake2b(repr(key).encode("utf-8"), digest_size=16).digest()


_NAMED_IN_TEXT = ("field", "old_value", "new_value")


def unresolved(read: dict[str, Any], mapped: dict[str, Any]) -> bool:
    """True when a history row, ``read`` from the source and ``mapped`` for the target, names a
    row that was not copied (its target or an id in its text: deleted before the copy)."""
    if read["target_id"] is not None and mapped["target_id"] is None:
        return True
    return any(isinstance(mapped[c], str) and mapped[c].count("?") > str(read[c]).count("?") for c in _NAMED_IN_TEXT)


def loose_digest(row: dict[str, Any]) -> bytes:
    """A history row's key with every id it names left out: its target and the ids in its text."""
    values = {**row, "target_id": None}
    relabel(values, lambda _kind, _id: None)
    return b"loose" + digest("history", values)
