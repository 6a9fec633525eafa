"""Export a briefing note in one of five formats: render fully in memory, then write atomically."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from briefing.domain import BRIEFING_FORMATS, FORMAT_SUFFIXES, BriefingError
from briefing.export.cautions import note_cautions
from briefing.export.citations import note_source_ids
from briefing.export.note import RenderedNote, render_note
from briefing.export.source_links import read_source_links
from briefing.export.workspace_json import write_bytes_atomically
from briefing.note_content import BriefingNote, ClaimContent
from briefing.store import Workspace
from briefing.store.briefings import read_briefing
from briefing.store.history import Judgement, present_judgement, status_marks
from briefing.store.origins import OriginSummary, list_claim_origins

SUFFIXES = FORMAT_SUFFIXES
# what a typed file name may end with; ".markdown" and ".htm" are read as their formats too
FORMAT_OF_SUFFIX = {**{suffix: fmt for fmt, suffix in SUFFIXES.items()}, ".markdown": "md", ".htm": "html"}


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


def format_of_path(path: str | Path) -> str | None:
    """The export format a file name asks for by its extension ('week47.PDF' -> 'pdf'), else None."""
    return FORMAT_OF_SUFFIX.get(Path(path).suffix.lower())


def note_origins(ws: Workspace, note: BriefingNote) -> dict[int, OriginSummary]:
    """The origin summaries of the note's claims, for ``render_note``: claim id -> summary."""
    claims = [item.ref_id for item in note.items if item.kind == "claim" and item.ref_id is not None]
    return list_claim_origins(ws, claims) if claims else {}


def note_judgements(ws: Workspace, note: BriefingNote) -> dict[int, Judgement]:
    """claim id -> the judgement that gave the claim its present status, for its reason: the latest
    status change to that status that was not an undo. Claims never marked are left out."""
    found = {}
    for item in note.items:
        claim = item.content
        if not isinstance(claim, ClaimContent) or item.ref_id is None:
            continue
        judgement = present_judgement(status_marks(ws, item.ref_id).get(item.ref_id, []), claim.status)
        if judgement is not None:
            found[item.ref_id] = judgement
    return found


def render_workspace_note(ws: Workspace, note: BriefingNote) -> RenderedNote:
    """A note read by ``read_briefing`` laid out with what the workspace knows around it: its
    claims' origins and judgements, its sources' web addresses."""
    judgements = note_judgements(ws, note)
    return render_note(
        note,
        origins=note_origins(ws, note),
        judgements=judgements,
        links=read_source_links(ws, note_source_ids(note)),
        cautions=note_cautions(ws, note, judgements),
    )


def write_note_as(rendered: RenderedNote, fmt: str) -> bytes:
    """The laid-out note as the bytes of a file in ``fmt``."""
    return _writer(fmt)(rendered)


def render_note_as(note: BriefingNote, fmt: str, origins: Mapping[int, OriginSummary] | None = None) -> bytes:
    """A note read by ``read_briefing`` as the bytes of a file in ``fmt``; pass
    ``note_origins(ws, note)`` so its claims say how many independent origins their evidence has
    (``render_workspace_note`` reads that and the rest)."""
    return _writer(fmt)(render_note(note, origins=origins))


def render_briefing(ws: Workspace, briefing_id: int, fmt: str) -> bytes:
    """The note as the bytes of a file in ``fmt``; every passage is checked against its source now."""
    _writer(fmt)  # an unknown format fails before any reading
    return write_note_as(render_workspace_note(ws, read_briefing(ws, briefing_id)), fmt)


def export_briefing(ws: Workspace, briefing_id: int, fmt: str, target: str | Path) -> str | None:
    """Write the note to ``target``; on any error nothing is written. Returns a line on what
    the file cannot show (a PDF's characters no installed font has), or None."""
    _writer(fmt)  # an unknown format fails before any reading
    rendered = render_workspace_note(ws, read_briefing(ws, briefing_id))
    write_bytes_atomically(Path(target), write_note_as(rendered, fmt))
    return shortfall(rendered, fmt)


def shortfall(rendered: RenderedNote, fmt: str) -> str | None:
    """What a file in ``fmt`` cannot show of the note, in one line; None when it shows it all."""
    if fmt != "pdf":
        return None
    from briefing.export.pdf import missing_characters, missing_characters_note

    return missing_characters_note(missing_characters(rendered))
