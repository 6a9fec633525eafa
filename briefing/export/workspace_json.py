"""The whole workspace as one JSON document: the contract for tools that read a workspace."""

from __future__ import annotations

import json
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from briefing import __version__
from briefing.domain import BriefingError
from briefing.store import Workspace
from briefing.store.annotations import list_annotations_with_tags
from briefing.store.claims import list_claims_with_evidence
from briefing.store.entities import list_entities
from briefing.store.history import Judgement, present_judgement, status_marks
from briefing.store.origins import SIDES, OriginSummary, SideCount, list_claim_origins, read_suggestions
from briefing.store.quote_variants import QuoteVariant, list_all_variants
from briefing.store.quotes import list_quotes
from briefing.store.sources import iter_sources

FORMAT_NAME = "briefing-workspace"
FORMAT_VERSION = 1


def _new_file_mode() -> int:
    """The mode ``open()`` would give a new file under the user's umask (read once, at import:
    reading it means setting it for a moment, which is not safe while other threads create files)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


NEW_FILE_MODE = _new_file_mode()


def _header() -> dict[str, Any]:
    return {"format": FORMAT_NAME, "format_version": FORMAT_VERSION, "generator": f"Briefing {__version__}"}


def _sections(ws: Workspace) -> Iterator[tuple[str, Iterable[dict[str, Any]]]]:
    """(key, records) of each list of the document, in order; each section's records are read
    when it is reached, and the sources one at a time."""
    yield "sources", (_source(s) for s in iter_sources(ws))
    yield "entities", (_entity(e) for e in list_entities(ws))
    variants = list_all_variants(ws)
    yield "quotes", (_quote(q, variants.get(q["id"], [])) for q in list_quotes(ws))
    del variants
    origins, suggestions, marks = list_claim_origins(ws), read_suggestions(ws), status_marks(ws)
    yield (
        "claims",
        (
            _claim(
                c,
                origins.get(c["id"]) or OriginSummary.empty(c["id"]),
                suggestions.get(c["id"], []),
                present_judgement(marks.get(c["id"], []), c["status"]),
            )
            for c in list_claims_with_evidence(ws)
        ),
    )
    del origins, suggestions, marks
    yield "annotations", (_annotation(a) for a in list_annotations_with_tags(ws))


def workspace_document(ws: Workspace) -> dict[str, Any]:
    """Top-level keys: sources, entities, quotes, claims, annotations (plus a header). Each claim
    carries its evidence and suggestions with their origin numbers and an ``origins`` count."""
    return {**_header(), **{key: list(records) for key, records in _sections(ws)}}


def write_workspace_json(ws: Workspace, target: str | Path) -> None:
    """Write atomically (a reader never sees a half-written file), record by record: the text
    ``json.dumps(workspace_document(ws), indent=2)`` gives, without the whole document in memory
    (a workspace of 1,291 sources, 62 MB of JSON, peaked at 770 MB)."""
    write_atomically(Path(target), lambda out: _write_document(ws, out))


def _write_document(ws: Workspace, out: BinaryIO) -> None:
    def put(text: str) -> None:
        out.write(text.encode("utf-8"))

    put("{")
    for key, value in _header().items():
        put(f"\n  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},")
    for number, (key, records) in enumerate(_sections(ws)):  # each section read when its turn comes
        put(f"{',' if number else ''}\n  {json.dumps(key)}: ")
        opened = False
        for record in records:
            put(",\n    " if opened else "[\n    ")
            put(json.dumps(record, ensure_ascii=False, indent=2).replace("\n", "\n    "))  # no raw line break in JSON
            opened = True
        put("\n  ]" if opened else "[]")
    put("\n}\n")


def write_text_atomically(target: Path, text: str) -> None:
    write_bytes_atomically(target, text.encode("utf-8"))


def write_bytes_atomically(target: Path, data: bytes) -> None:
    write_atomically(target, lambda out: out.write(data))


def write_atomically(target: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write through a temporary file in the same folder and rename it into place. A symbolic
    link is written through to its file; a file written over keeps its permissions; a device,
    a pipe or a folder at the path is refused, never replaced."""
    try:
        target, mode = _target_and_mode(target)
    except OSError as exc:  # a name too long for the file system, a folder one may not read
        raise BriefingError(f"{target}: cannot write ({exc.strerror or exc})") from None
    folder = target.parent if str(target.parent) else Path(".")
    if folder.exists() and not folder.is_dir():  # 'notes.md/brief.pdf': notes.md is there, as a file
        raise BriefingError(f"{target}: {folder} is a file, not a folder")
    if not folder.is_dir():
        raise BriefingError(f"{target}: folder {folder} does not exist")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    except OSError as exc:
        raise BriefingError(f"{target}: cannot write ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)  # mkstemp makes it private; an export is an ordinary file
        os.replace(temp, target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise BriefingError(f"{target}: cannot write ({exc.strerror})") from None
    except BaseException:  # Ctrl+C half-way through, or the document failed: no part of it stays behind
        Path(temp).unlink(missing_ok=True)
        raise


def _target_and_mode(target: Path) -> tuple[Path, int]:
    """The file to write (a symbolic link's own file) and the mode it gets: a file's own, else
    a new file's."""
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    if not (target.exists() or target.is_symlink()):
        return target, NEW_FILE_MODE
    if not target.is_file():
        raise BriefingError(f"{target}: not a regular file; choose a file name to export to")
    return target, stat.S_IMODE(target.stat().st_mode)


def _source(s: Any) -> dict[str, Any]:
    return {
        "id": s.id,
        "path": s.path,
        "format": s.format,
        "title": s.title,
        "outlet": s.outlet,
        "author": s.author,
        "published": s.published,
        "language": s.language,
        "reliability": s.reliability,
        "imported_at": s.imported_at,
        "content_hash": s.content_hash,
        "summary": s.summary,
        "text": s.text,
    }


def _range(row: dict[str, Any]) -> dict[str, int]:
    return {"start": row["start"], "end": row["end"]}


def _entity(e: dict[str, Any]) -> dict[str, Any]:
    mentions = [{"source_id": m["source_id"], **_range(m)} for m in e["mentions"]]
    return {"id": e["id"], "name": e["name"], "type": e["type"], "aliases": e["aliases"], "mentions": mentions}


def _quote(q: dict[str, Any], variants: list[QuoteVariant]) -> dict[str, Any]:
    """A quote; ``variants``: the same speaker's words as other sources report them differently."""
    reported = [
        {"quote_id": v.second.quote_id, "source_id": v.second.source_id, "differences": list(v.kinds)} for v in variants
    ]
    return {
        "id": q["id"],
        "source_id": q["source_id"],
        "text": q["text"],
        "speaker": q["speaker"],
        "speaker_text": q["speaker_text"],
        "cue": q["cue"],
        **_range(q),
        "variants": reported,
    }


def _claim(
    c: dict[str, Any], origins: OriginSummary, suggestions: list[dict[str, Any]], judgement: Judgement | None
) -> dict[str, Any]:
    evidence = [
        {
            "source_id": e["source_id"],
            "passage": e["passage"],
            "relation": e["relation"],
            "note": e["note"],
            "origin": origins.origin_at(e["source_id"], e["start"], e["end"], e["relation"]),
            **_range(e),
        }
        for e in c["evidence"]
    ]
    return {
        "id": c["id"],
        "source_id": c["source_id"],
        "text": c["text"],
        "status": c["status"],
        "judgement": judgement_record(judgement),
        "credibility": c["credibility"],
        "kind": c["kind"],
        "score": c["score"],
        "made_by": c["origin"],
        "part": c["part"],
        "origins": origin_counts(origins),
        "evidence": evidence,
        "suggestions": [_suggestion(s) for s in suggestions],
        **_range(c),
    }


def judgement_record(judgement: Judgement | None) -> dict[str, Any] | None:
    """A claim's judgement in JSON: its status, reason, analyst and time; None when never marked."""
    if judgement is None:
        return None
    return {"status": judgement.new_value, "reason": judgement.reason, "analyst": judgement.actor, "at": judgement.at}


def origin_counts(origins: OriginSummary) -> dict[str, Any]:
    """Distinct sources and independent origins of a claim's evidence, in all and per relation
    (credibility counts the origins that support and contradict), and the words a note shows."""
    sides = {relation: _side(origins.side(relation)) for relation in SIDES}
    return {"sources": origins.sources, "origins": origins.origins, "text": origins.describe(), **sides}


def _side(count: SideCount) -> dict[str, int]:
    return {"sources": count.sources, "origins": count.origins}


def _suggestion(s: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": s["id"],
        "source_id": s["source_id"],
        "passage": s["passage"],
        "score": s["score"],
        "ranking": s["ranking"],
        "relation": s["relation"],
        "state": s["state"],
        "origin": s["origin"],
        **_range(s),
    }


def _annotation(a: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": a["id"],
        "source_id": a["source_id"],
        "exact": a["exact"],
        "prefix": a["prefix"],
        "suffix": a["suffix"],
        "note": a["note"],
        "tags": a["tags"],
        "anchor": a["anchor"],
        **_range(a),
    }
