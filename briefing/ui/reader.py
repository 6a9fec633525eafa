"""The reader: a source's cleaned text with its metadata, never running anything."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser, QWidget

from briefing import paths
from briefing.domain import Source

EMPTY_HTML = (
    "<div style='margin-top:4em; text-align:center; color:#808080'>"
    "<h2>No source selected</h2>"
    "<p>Pick a source on the left, or use <b>File ▸ Import Files…</b> (Ctrl+I) "
    "to add articles, reports and e-mails.</p></div>"
)


class Reader(QTextBrowser):
    """Shows one source as escaped HTML; links are never followed on their own."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName("Reader")
        self.setPlaceholderText("")
        self.document().setDocumentMargin(24)
        self.document().setDefaultStyleSheet(_reader_css())
        self.show_source(None)

    def show_source(self, source: Source | None) -> None:
        self.setHtml(EMPTY_HTML if source is None else source_html(source))
        self.verticalScrollBar().setValue(0)


def source_html(source: Source) -> str:
    title = html.escape(source.title or "(untitled)")
    meta = " · ".join(html.escape(part) for part in _meta_parts(source))
    paragraphs = "".join(
        f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in source.text.split("\n\n") if p.strip()
    )
    return f"<h1>{title}</h1><p class='meta'>{meta}</p><hr><div class='body'>{paragraphs}</div>"


def _meta_parts(source: Source) -> list[str]:
    parts = [
        source.outlet,
        f"by {source.author}" if source.author else None,
        source.published or "no date",
        f"grade {source.reliability}" if source.reliability else "not graded",
        source.format.upper(),
    ]
    return [p for p in parts if p]


def _reader_css() -> str:
    css = paths.resources_dir() / "styles" / "reader.css"
    return css.read_text(encoding="utf-8") if css.exists() else ""
