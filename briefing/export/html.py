"""A briefing note as one self-contained HTML file, rendered from the note's Markdown.

Safety in three layers: all source and note text is escaped before rendering; the Markdown
renderer runs with raw HTML and images switched off; an allow-list cleaner removes anything
else. The page loads nothing: no scripts, no remote images or stylesheets, and a content
security policy that forbids them anyway.
"""

from __future__ import annotations

import re
from html import escape

import markdown

from briefing.domain import inert
from briefing.export.note import FLAG_PREFIX, GENERATOR, RenderedNote
from briefing.export.sanitise import clean_html
from briefing.languages import RIGHT_TO_LEFT_LANGUAGES, text_language
from briefing.note_content import AnnotationContent

STYLESHEET = """
body { font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; line-height: 1.5; color: #1d1d1f;
       max-width: 46em; margin: 2em auto; padding: 0 1em; overflow-wrap: anywhere; }
h1 { font-size: 1.8em; margin-bottom: 0.2em; }
h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid #ddd; padding-bottom: 0.2em; }
h3 { font-size: 1.05em; }
blockquote { margin: 0.8em 0; padding: 0.2em 1em; border-inline-start: 4px solid #c9a227; background: #faf7ec; }
p.flag { color: #a4161a; background: #fdecea; padding: 0.4em 0.6em; border-inline-start: 4px solid #a4161a; }
code, pre { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 0.92em; }
pre { white-space: pre-wrap; }
table { border-collapse: collapse; display: block; max-width: 100%; overflow-x: auto; }
th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; }
"""
CONTENT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'"
_NO_IMAGES_OR_HTML = {
    "preprocessors": ("html_block",),
    "inlinePatterns": ("html", "image_link", "image_reference", "short_image_ref", "automail"),
}


def markdown_to_html(text: str) -> str:
    """Render Markdown that is already escaped and sanitised, then clean the result."""
    renderer = markdown.Markdown(extensions=["tables", "fenced_code", "sane_lists"], output_format="html")
    for registry, names in _NO_IMAGES_OR_HTML.items():
        for name in names:
            if name in getattr(renderer, registry):
                getattr(renderer, registry).deregister(name)
    renderer.ESCAPED_CHARS = [*renderer.ESCAPED_CHARS, "|", "~", "="]  # what markup.inline escapes beyond these
    html = clean_html(renderer.convert(text))
    return html.replace(f"<p><strong>{FLAG_PREFIX}", f'<p class="flag"><strong>{FLAG_PREFIX}')


def render_html_body(rendered: RenderedNote) -> str:
    return markdown_to_html(rendered.markdown(escape_html=False))


# the blocks whose direction a browser is to take from their own text (dir="auto"): a Hebrew title
# or line of the analyst's read left to right, its full stop at the wrong end
_BLOCK = re.compile(r"<(p|li|h[1-6]|td|th)(?=[\s>])")


def note_language(rendered: RenderedNote) -> str:
    """The language the analyst wrote the note in, read from the note's own words (its title, text
    sections and notes on highlights), not from the sources it quotes; 'en' when unsure, as an
    unsure source is read."""
    note = rendered.note
    words = [note.title] + [item.body or "" for item in note.items if item.kind == "text"]
    words += [item.content.note or "" for item in note.items if isinstance(item.content, AnnotationContent)]
    return text_language("\n".join(words)) or "en"


def render_html(rendered: RenderedNote, stylesheet: str = STYLESHEET, language: str | None = None) -> str:
    """The page; ``language`` when the caller knows it (the preview, which no reader of the file
    sees), else ``note_language``. A note in a right-to-left language is a right-to-left page: lists
    and quote blocks start at the right; each block still takes its direction from its own text."""
    note = rendered.note
    body = _BLOCK.sub(r'<\1 dir="auto"', render_html_body(rendered))
    language = language or note_language(rendered)
    direction = ' dir="rtl"' if language.split("-")[0] in RIGHT_TO_LEFT_LANGUAGES else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(language)}"{direction}>\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_POLICY}">\n'
        f'<meta name="generator" content="{escape(GENERATOR)}">\n'
        f"<title>{escape(inert(note.title))}</title>\n<style>{stylesheet}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )
