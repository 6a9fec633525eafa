"""The demo workspace's example briefing note, so a new user can open and export one at once.

``resources/demo-briefing.json`` describes it: the note's metadata, a few reliability grades, a
few tagged notes on passages (so the Notes pane has something to show), and items that name
quotes and claims by a distinctive piece of their words and their source's title or outlet (ids
differ from run to run). Claims may carry a status and evidence. What the analysis did not find
is skipped, so without the language model the note holds only its text sections.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from briefing import paths
from briefing.domain import BriefingError
from briefing.store import Workspace
from briefing.store.annotations import add_annotation
from briefing.store.briefings import add_item, create_briefing
from briefing.store.claims import mark_claim
from briefing.store.evidence import add_evidence
from briefing.store.record_finder import find_record, find_words
from briefing.store.sources import source_ids, update_source


def demo_briefing_spec(path: Path | None = None) -> dict[str, Any]:
    path = path or paths.demo_briefing()
    try:
        spec = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BriefingError(f"{path}: cannot read ({exc.strerror})") from None
    except json.JSONDecodeError as exc:
        raise BriefingError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(spec, dict) or not isinstance(spec.get("items"), list) or not spec.get("title"):
        raise BriefingError(f"{path}: needs a title and a list of items")
    return spec


def add_demo_briefing(ws: Workspace, path: Path | None = None) -> tuple[int, list[str]]:
    """Create the example note; returns its id and a line for each item that was skipped."""
    spec = demo_briefing_spec(path)
    reason = spec.get("reason")
    for grade in spec.get("grades", []):
        for source_id in source_ids(ws, text=grade["source"])[:1]:
            update_source(ws, source_id, reason=reason, reliability=grade["grade"])
    skipped = []
    for note in spec.get("annotations", []):
        found = find_words(ws, note["source"], note["passage"])
        if found is None:
            skipped.append(f"note: {note['passage']!r} in {note['source']!r}")
            continue
        add_annotation(ws, *found, note=note.get("note"), tags=tuple(note.get("tags", ())))
    briefing_id = create_briefing(ws, spec["title"], spec.get("audience"), spec.get("date"), spec.get("author"))
    for item in spec["items"]:
        if not _add(ws, briefing_id, item, reason):
            skipped.append(f"{item['kind']}: {item.get('text')!r} in {item.get('source')!r}")
    return briefing_id, skipped


def _add(ws: Workspace, briefing_id: int, item: dict[str, Any], reason: str | None) -> bool:
    kind = item["kind"]
    if kind == "text":
        add_item(ws, briefing_id, "text", body=item["body"])
        return True
    ref_id = find_record(ws, kind, item["text"], item.get("source"))
    if ref_id is None:
        return False
    if kind == "claim":
        _judge(ws, ref_id, item, reason)
    add_item(ws, briefing_id, kind, ref_id)
    return True


def _judge(ws: Workspace, claim_id: int, item: dict[str, Any], reason: str | None) -> None:
    for evidence in item.get("evidence", []):
        found = find_words(ws, evidence["source"], evidence["passage"])
        if found is not None:
            add_evidence(ws, claim_id, *found, evidence["relation"], evidence.get("note"))
    if item.get("status"):
        mark_claim(ws, claim_id, item["status"], reason=item.get("reason") or reason)
