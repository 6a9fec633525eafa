"""Source versions in the window: the reader's version line and the Compare Versions dialog.

A source that is a newer version of an article says so on the reader's meta line ("Version 2 ·
Compare with previous version…"); an older one says which it is and links to the newest. The
dialog shows the two texts paragraph by paragraph (added and removed paragraphs, changed words
marked within a changed one) and what became of the analyst's work when the newer version came
in: how many notes, claims, evidence passages and quotes were verified, moved, altered or
orphaned, with the altered and orphaned ones listed. Every word from a source is escaped before
it goes into the dialog's rich text, and the document loads nothing.
"""

from __future__ import annotations

import html
from collections import Counter

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from briefing.domain import Source
from briefing.store import Workspace
from briefing.store.source_versions import Carry, list_carries, source_version
from briefing.store.sources import get_source
from briefing.text_versions import ParagraphChange, change_counts, compare_paragraphs
from briefing.ui.palette_colours import blend
from briefing.ui.plain import InertDocument, plain_label

COMPARE_HREF = "briefing-version:compare"
NEWEST_HREF = "briefing-version:newest"
ADDED_COLOUR, REMOVED_COLOUR = "#2e9d46", "#d62728"
KIND_NAMES = {"annotation": "note", "claim": "claim", "evidence": "evidence", "quote": "quote", "mention": "mention"}
CarryRef = Qt.ItemDataRole.UserRole + 1  # (source id, start, end, in the headline) to open


def write_version_line(ws: Workspace, cursor: QTextCursor, source: Source, meta: QTextCharFormat) -> None:
    """What the reader writes after a source's meta line: its version and a link to compare it
    with the previous one, or to open the newest (nothing for an article with one version)."""
    version, previous, newer = source_version(ws, source.id)
    if version == 1 and newer is None:
        return
    cursor.insertText(f" · Version {version}" + (" (an older version)" if newer is not None else ""), meta)
    link = QTextCharFormat(meta)
    link.setAnchor(True)
    link.setAnchorHref(NEWEST_HREF if newer is not None else COMPARE_HREF)
    link.setForeground(QGuiApplication.palette().color(QPalette.ColorRole.Link))
    link.setFontUnderline(True)
    if newer is not None:
        cursor.insertText(" · ", meta)
        cursor.insertText("Open the newest version", link)
    elif previous is not None:
        cursor.insertText(" · ", meta)
        cursor.insertText("Compare with previous version…", link)
    cursor.setCharFormat(meta)


def describe_outcome(carries: list[Carry]) -> str:
    """'The analyst's work carried over: 4 notes verified, 1 moved, 1 altered, 1 orphaned (notes,
    claims, evidence and quotes together).'"""
    if not carries:
        return "Nothing of the analyst's work was on the previous version."
    counts = Counter(c.state for c in carries)
    states = [f"{counts[s]} {s}" for s in ("verified", "moved", "altered", "orphaned") if counts[s]]
    kinds = Counter(KIND_NAMES[c.kind] for c in carries)
    what = ", ".join(f"{n} {k}{'s' if n != 1 and k != 'evidence' else ''}" for k, n in kinds.items())
    return f"The analyst's work carried over ({what}): {', '.join(states)}."


def changes_html(changes: list[ParagraphChange], palette: QPalette) -> str:
    """The comparison as the dialog's rich text; every word of the source escaped."""
    base = palette.color(QPalette.ColorRole.Base)
    added = blend(base, ADDED_COLOUR, 80).name()
    removed = blend(base, REMOVED_COLOUR, 70).name()
    muted = palette.color(QPalette.ColorRole.PlaceholderText).name()
    parts: list[str] = []
    for change in changes:
        if change.kind == "same":
            parts.append(f"<p>{_escaped(change.new)}</p>")
        elif change.kind == "added":
            parts.append(f"<p style='background-color:{added}'><b>+ Added:</b> {_escaped(change.new)}</p>")
        elif change.kind == "removed":
            parts.append(f"<p style='background-color:{removed}'><b>− Removed:</b> <s>{_escaped(change.old)}</s></p>")
        else:
            words = []
            for kind, text in change.runs:
                if kind == "same":
                    words.append(_escaped(text))
                elif kind == "added":
                    words.append(f"<span style='background-color:{added}'><b>{_escaped(text)}</b></span>")
                else:
                    words.append(f"<span style='background-color:{removed}'><s>{_escaped(text)}</s></span>")
            parts.append(f"<p><span style='color:{muted}'>~ Changed:</span> {' '.join(words)}</p>")
    return "".join(parts) or "<p>The two versions have the same text.</p>"


def _escaped(text: str | None) -> str:
    return html.escape(text or "", quote=True)


class CompareVersionsDialog(QDialog):
    """One source's text against its previous version's, and what the analyst's work did."""

    def __init__(self, parent: QWidget | None, ws: Workspace, source_id: int, open_passage=None):
        super().__init__(parent)
        self.setWindowTitle("Compare Versions")
        self.setAccessibleName("Compare Versions")
        self.open_passage = open_passage  # (source id, start, end) -> None: show it in the reader
        version, previous_id, _ = source_version(ws, source_id)
        if previous_id is None:
            raise ValueError(f"source {source_id} has no previous version")
        self.source_id, self.previous_id = source_id, previous_id
        new, old = get_source(ws, source_id), get_source(ws, previous_id)
        previous_number = source_version(ws, previous_id)[0]
        self.changes = compare_paragraphs(old.text, new.text)
        counts = change_counts(self.changes)
        self.carries = list_carries(ws, source_id)

        layout = QVBoxLayout(self)
        self.heading = plain_label(
            f"{new.title or '(untitled)'}: version {previous_number} (imported {old.imported_at[:10]}) "
            f"and version {version} (imported {new.imported_at[:10]})",
            word_wrap=True,
        )
        self.heading.setStyleSheet("font-weight: 600")
        layout.addWidget(self.heading)
        changed_line = (
            f"{counts['changed']} paragraph{'s' if counts['changed'] != 1 else ''} changed, "
            f"{counts['added']} added, {counts['removed']} removed, {counts['same']} the same"
        )
        if old.title != new.title:
            changed_line += f"; the title was “{old.title or ''}”"
        self.summary = plain_label(changed_line + ".\n" + describe_outcome(self.carries), word_wrap=True)
        self.summary.setAccessibleName("What changed")
        layout.addWidget(self.summary)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.text = QTextBrowser()
        self.text.setDocument(InertDocument(self.text))
        self.text.setOpenLinks(False)
        self.text.setOpenExternalLinks(False)
        self.text.setAccessibleName("Differences")
        self.text.document().setDocumentMargin(12)
        self.text.setHtml(changes_html(self.changes, self.text.palette()))
        splitter.addWidget(self.text)
        self.flagged = QListWidget()
        self.flagged.setAccessibleName("Altered and orphaned")
        self.flagged.setToolTip("Double-click or Enter: show the passage in the reader")
        for carry in self.carries:
            if carry.state in ("altered", "orphaned"):
                self.flagged.addItem(self._flag_item(carry))
        self.flagged.itemActivated.connect(self._open_flagged)
        if self.flagged.count():
            below = QWidget()
            column = QVBoxLayout(below)
            column.setContentsMargins(0, 4, 0, 0)
            column.addWidget(
                plain_label(
                    "To check: altered passages were carried to the changed words; orphaned "
                    "ones stay on the previous version (double-click shows one in the reader)",
                    word_wrap=True,
                )
            )
            column.addWidget(self.flagged)
            splitter.addWidget(below)
            splitter.setStretchFactor(0, 4)
            splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_previous = QPushButton(f"Open Version {previous_number}")
        self.open_previous.setAccessibleName("Open the previous version")
        buttons.addButton(self.open_previous, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_previous.clicked.connect(self._open_previous)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._size_to(parent)

    def _flag_item(self, carry: Carry) -> QListWidgetItem:
        kind = ("headline " if carry.part == "title" else "") + KIND_NAMES[carry.kind]
        words = " ".join(carry.passage.split())
        words = words if len(words) <= 90 else words[:89] + "…"
        if carry.state == "orphaned":
            text = f"Orphaned {kind.lower()}, left on the previous version: “{words}”"
            where = (self.previous_id, carry.old_start, carry.old_end)
        else:
            text = f"Altered {kind.lower()}, carried over and flagged (was “{words}”)"
            where = (self.source_id, carry.new_start, carry.new_end)
        item = QListWidgetItem(text)  # plain item text: never markup
        item.setData(CarryRef, (*where, carry.part == "title"))
        return item

    def _open_flagged(self, item: QListWidgetItem) -> None:
        source_id, start, end, in_title = item.data(CarryRef)
        if self.open_passage is not None:
            self.open_passage(source_id, start or 0, end or 0, in_title)

    def _open_previous(self) -> None:
        if self.open_passage is not None:
            self.open_passage(self.previous_id, 0, 0)
        self.accept()

    def _size_to(self, parent: QWidget | None) -> None:
        screen = parent.window().geometry() if parent is not None else None
        width, height = 920, 680
        if screen is not None:
            width, height = min(width, int(screen.width() * 0.85)), min(height, int(screen.height() * 0.85))
        self.resize(width, height)


def is_version_link(url: QUrl) -> bool:
    return url.toString() in (COMPARE_HREF, NEWEST_HREF)
