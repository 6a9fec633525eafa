"""The main window's geometry and layout, kept between runs (QSettings)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings


def _parts(window):
    return (
        ("main/geometry", window.saveGeometry, window.restoreGeometry),
        ("main/splitter", window.splitter.saveState, window.splitter.restoreState),
        ("main/table", window.table.horizontalHeader().saveState, window.table.horizontalHeader().restoreState),
        ("main/state", window.saveState, window.restoreState),
        ("claims/splitter", window.panel.claims_splitter.saveState, window.panel.claims_splitter.restoreState),
        ("claims/columns", window.panel.claims.header().saveState, window.panel.claims.header().restoreState),
    )


def save_state(window) -> None:
    settings = QSettings()
    for key, save, _ in _parts(window):
        settings.setValue(key, save())


def restore_state(window) -> None:
    settings = QSettings()
    for key, _, restore in _parts(window):
        value = settings.value(key)
        if isinstance(value, QByteArray):
            restore(value)
