"""The ids written inside text, renumbered when ``briefing copy`` gives rows new ids (``merging``).

The judgement history names rows in its words ("item 12", "summary 4", "passage of source 2 at
10-48", the mentions a split moved, the source of a mention taken off its entity: "Pence (source
114)"), and an alias rejection's key names its entity ("12:jo"); a copy into a workspace that has
work already rewrites them as the target numbers those rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

ByKind = Callable[[str, int], int | None]  # (kind, old id) -> the target's id, None when not copied

# the ids a history entry writes in its text: a note's item, a carried passage's source, the
# mentions a split moved and the entity they went to, the source a new version follows
_ITEM_FIELD = re.compile(r"^(item|evidence) (\d+)$")
_ITEM_VALUE = re.compile(r"^(quote|claim|annotation|summary|entity) (\d+)$|^passage of (source) (\d+) at")
_CARRIED = re.compile(r"\b(summary|source) (\d+)\b")
_UNLINKED = re.compile(r"\((source) (\d+)\)$")  # a mention taken off its entity: "Pence (source 114)"


def relabel(values: dict[str, Any], by_kind: ByKind) -> None:
    """The ids a history entry writes in its text, as the target numbers those rows; "?" for a
    row that was not copied (deleted before the copy)."""
    action, name = values["action"], values["field"] or ""
    if _ITEM_FIELD.match(name):
        values["field"] = _ITEM_FIELD.sub(lambda m: _renumbered(m, by_kind), name)
    pattern = None
    if action in ("add_item", "remove_item"):
        pattern = _ITEM_VALUE
    elif action == "carry_version" and (name == "source" or _ITEM_FIELD.match(name)):
        pattern = _CARRIED
    elif (action, name) == ("unlink", "mention"):
        pattern = _UNLINKED
    for column in ("old_value", "new_value"):
        text = values[column]
        if not isinstance(text, str):
            continue
        if pattern is not None:
            values[column] = pattern.sub(lambda m: _renumbered(m, by_kind), text)
        elif (action, name, column) == ("split", "mentions", "old_value"):
            values[column] = ",".join(_number("mention", part, by_kind) for part in text.split(","))
        elif (action, name, column) in (("split", "mentions", "new_value"), ("new_version", "version_of", "new_value")):
            values[column] = _number("entity" if action == "split" else "source", text, by_kind)


def _renumbered(match: re.Match, by_kind: ByKind) -> str:
    """A matched "<kind> <id>" (in the pattern's first two groups that took part) renumbered."""
    groups = [i for i in range(1, (match.lastindex or 0) + 1) if match.group(i) is not None]
    kind_at, id_at = groups[0], groups[1]
    kind = "item" if match.group(kind_at) == "item" else match.group(kind_at)
    whole, start = match.group(0), match.start(id_at) - match.start(0)
    new = _number(kind, match.group(id_at), by_kind)
    return whole[:start] + new + whole[start + len(match.group(id_at)) :]


def _number(kind: str, text: str, by_kind: ByKind) -> str:
    if not text.strip().isdigit():
        return text
    new = by_kind(kind, int(text))
    return "?" if new is None else str(new)


def entity_key(key: str, entities: dict[int, int]) -> str | None:
    """An alias rejection's key, "<entity id>:<alias>", with the target's entity id (None when
    the entity was not copied); a name's rejection as it is."""
    number, colon, rest = key.partition(":")
    if not (colon and number.isdigit()):
        return key
    return f"{entities[int(number)]}:{rest}" if int(number) in entities else None
