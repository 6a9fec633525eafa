"""Export a briefing note in one of five formats: render fully in memory, then write atomically."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from briefing.domain import BriefingError, BriefingNote
from briefing.export.note import RenderedNote, render_note
from briefing.export.workspace_json import write_bytes_atomically
from briefing.store import Workspace
from briefing.store.briefings import read_briefing
from briefing.store.origins import OriginSummary, list_claim_origins

BRIEFING_FORMATS = ("md", "html", "pdf", "docx", "json")
SUFFIXES = {"md": ".md", "html": ".html", "pdf": ".pdf", "docx": ".docx", "json": ".json"}


def _writer(fmt: str) -> Callable[[RenderedNote], bytes]:
    # imported on demand: Markdown export loads neither python-docx nor Qt
    if fmt == "md":
        from briefing.export.md import render_markdown

        return lambda r: render_markdown(r).encode("utf-8")
    if fmt == "html":
        from briefing.export.html import render_html

        return lambda r: render_html(r).encode("utf-8")
    if fmt == "pdf":
        from briefing.export.pdf import render_pdf

        return render_pdf
    if fmt == "docx":
        from briefing.export.docx import render_docx

        return render_docx
    if fmt == "json":
        from briefing.export.jsonld import render_json

        return lambda r: render_json(r).encode("utf-8")
    raise BriefingError(f"format: must be one of {', '.join(BRIEFING_FORMATS)}, not {fmt!r}")


def note_origins(ws: Workspace, note: BriefingNote) -> dict[int, OriginSummary]:
    """The origin summaries of the note's claims, for ``render_note``: claim id -> summary."""
    claims = [item.ref_id for item in note.items if item.kind == "claim" and item.ref_id is not None]
    return list_claim_origins(ws, claims) if claims else {}


def render_note_as(note: BriefingNote, fmt: str, origins: Mapping[int, OriginSummary] | None = None) -> bytes:
    """A note read by ``read_briefing`` as the bytes of a file in ``fmt``; pass
    ``note_origins(ws, note)`` so its claims say how many independent origins their evidence has."""
    return _writer(fmt)(render_note(note, origins=origins))


def render_briefing(ws: Workspace, briefing_id: int, fmt: str) -> bytes:
    """The note as the bytes of a file in ``fmt``; every passage is checked against its source now."""
    _writer(fmt)  # an unknown format fails before any reading
    note = read_briefing(ws, briefing_id)
    return render_note_as(note, fmt, note_origins(ws, note))


def export_briefing(ws: Workspace, briefing_id: int, fmt: str, target: str | Path) -> None:
    """Write the note to ``target``; on any error nothing is written."""
    write_bytes_atomically(Path(target), render_briefing(ws, briefing_id, fmt))
