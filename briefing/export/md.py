"""A briefing note as a Markdown file with YAML front matter (Obsidian, Logseq, any editor)."""

from __future__ import annotations

from briefing.export.markup import front_matter
from briefing.export.note import GENERATOR, RenderedNote


def render_markdown(rendered: RenderedNote) -> str:
    note = rendered.note
    header = front_matter(
        {
            "title": note.title,
            "audience": note.audience,
            "date": note.date,
            "author": note.author,
            "generator": GENERATOR,
            "generated": rendered.generated,
            "items": len(note.items),
            "sources_cited": len(rendered.citations),
            "not_verified": len(note.problems()),
            "judgements_to_check": rendered.cautioned(),
        }
    )
    return header + "\n" + rendered.markdown(escape_html=True)
