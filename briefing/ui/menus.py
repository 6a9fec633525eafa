"""The main window's menus: every command with its mnemonic and standard shortcut."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from briefing.note_content import RELIABILITY_LABELS
from briefing.store.sources import source_values
from briefing.ui.analyst import ask_analyst_name
from briefing.ui.help import add_help_actions
from briefing.ui.panels import JUDGE_KEYS
from briefing.ui.panes import focus_next_pane
from briefing.ui.reader import LAYERS

if TYPE_CHECKING:
    from briefing.ui.main_window import MainWindow

PLURALS = {"entity": "entities"}  # the reader's highlight layers, as the View menu names them


def build_menus(window: MainWindow) -> None:
    """File, Edit, Source, Claims, Quotes, Briefing, View and Help, with their shortcuts."""
    file_menu = window.menuBar().addMenu("&File")
    window.files.fill_menu(file_menu)
    _add_action(window, file_menu, "&Import Files…", window.imports.choose_files, "Ctrl+I")
    _add_action(window, file_menu, "Import &Folder…", window.imports.choose_folder, "Ctrl+Shift+I")
    file_menu.addAction(window.team_queue.action)  # shown on a team workspace only
    file_menu.addSeparator()
    quit_action = _add_action(window, file_menu, "&Quit", window.close)
    # the desktop's own key where it has one; a bare X11 session or the offscreen screen has none
    quit_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")])
    edit_menu = window.menuBar().addMenu("&Edit")
    undo = window.undo_stack.createUndoAction(window, "&Undo")
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = window.undo_stack.createRedoAction(window, "&Redo")
    redo.setShortcuts(distinct_keys(QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Shift+Z")))
    edit_menu.addActions([undo, redo])
    edit_menu.addSeparator()
    _add_action(window, edit_menu, "&Annotate Selection…", window.annotate, "Ctrl+Shift+A").setObjectName(
        "annotate-selection"
    )
    # the annotation picked in the Notes tab or pane: its context menu's steps, for the keyboard too
    _add_action(window, edit_menu, "&Edit Annotation…", lambda: window.note_actions.act_on_current("edit"))
    _add_action(window, edit_menu, "&Delete Annotation", lambda: window.note_actions.act_on_current("delete"))
    _add_action(window, edit_menu, "&Find…", window.search_dock.focus, QKeySequence.StandardKey.Find)
    edit_menu.addSeparator()
    _add_action(window, edit_menu, "Your &Name…", lambda: ask_analyst_name(window)).setObjectName("analyst-name")
    _build_source_menu(window)
    _build_claim_menu(window)
    _build_quote_menu(window)
    _build_briefing_menu(window)
    _build_view_menu(window)
    help_menu = window.menuBar().addMenu("&Help")
    add_help_actions(window, help_menu)
    _add_action(window, help_menu, "&About Briefing", window._about)


def distinct_keys(*keys: QKeySequence) -> list[QKeySequence]:
    """Each key once: the desktop's Redo is already Ctrl+Shift+Z on some, and one action
    holding a key twice makes Qt call the shortcut ambiguous and run nothing."""
    seen: list[QKeySequence] = []
    for key in keys:
        if not key.isEmpty() and key not in seen:
            seen.append(key)
    return seen


def _build_source_menu(window: MainWindow) -> None:
    menu = window.menuBar().addMenu("&Source")
    window.source_actions.fill_menu(menu)
    menu.addSeparator()
    grades = menu.addMenu("Reliability &Grade")
    group = QActionGroup(grades)  # one grade at a time, the source's own checked
    choices: dict[str | None, QAction] = {}
    for grade, meaning in RELIABILITY_LABELS.items():
        choices[grade] = _add_action(
            window, grades, f"&{grade} – {meaning}", lambda _=False, g=grade: window.edit_source("reliability", g)
        )
    choices[None] = _add_action(window, grades, "&Not Graded", lambda: window.edit_source("reliability", None))
    for action in choices.values():
        action.setCheckable(True)
        group.addAction(action)
    grades.aboutToShow.connect(lambda: _check_grade(window, choices))


def _check_grade(window: MainWindow, choices: dict[str | None, QAction]) -> None:
    """Check the grade the source being read has (none while no source is open)."""
    source_id = window.current_source_id() if window.attached else None
    grade = source_values(window.ws, source_id, ("reliability",))["reliability"] if source_id is not None else None
    for value, action in choices.items():
        action.setChecked(source_id is not None and value == grade)


# each item of a menu its own Alt+letter (D is Dismissed Claims…, E Edit Claim Text…)
JUDGE_LABELS = {"corroborated": "Mark &Corroborated", "disputed": "Mark D&isputed", "unreviewed": "Mark &Unreviewed"}
LAYER_LETTERS = {"entity": "E", "quote": "Q", "claim": "C", "note": "s"}  # View has N (Previous Pane), O (Notes)


def _with_letter(text: str, letter: str | None) -> str:
    """``text`` with '&' before its first ``letter`` after the first word (none if not found)."""
    at = text.find(letter, text.find(" ") + 1) if letter else -1
    return text if at < 0 else f"{text[:at]}&{text[at:]}"


def _build_claim_menu(window: MainWindow) -> None:
    menu = window.menuBar().addMenu("&Claims")
    for status, key in JUDGE_KEYS.items():
        _add_action(window, menu, JUDGE_LABELS[status], lambda _=False, s=status: window.panel.mark_current(s), key)
    menu.addSeparator()
    menu.addSeparator()
    actions = window.claim_actions
    add = _add_action(window, menu, "Add Selection as C&laim", actions.add_selection, "Ctrl+Alt+A")
    _add_action(window, menu, "Add &Title as Claim", actions.add_title, "Ctrl+Alt+T")
    _add_action(window, menu, "Add &Quote as Claim", lambda: actions.add_quote())
    _add_action(window, menu, "&Edit Claim Text…", lambda: actions.edit_text(), "Ctrl+Alt+X")
    _add_action(window, menu, "&Not a Claim", lambda: actions.not_a_claim(), "Ctrl+Alt+N")
    _add_action(window, menu, "&Dismissed Claims…", actions.show_dismissed)
    menu.addSeparator()
    _add_action(window, menu, "&Pin Claim for Evidence", window.evidence_flow.pin, "Ctrl+Alt+P")
    _add_action(window, menu, "&Go to Pinned Claim", window.evidence_flow.go_to_pinned, "Ctrl+Alt+G")
    attach = _add_action(window, menu, "&Attach Selection as Evidence…", window.evidence_flow.attach, "Ctrl+Alt+E")
    annotate = window.findChild(QAction, "annotate-selection")
    window.reader.selection_actions = [a for a in (annotate, add, attach) if a is not None]
    window.reader.action_reasons[attach] = window.evidence_flow.attach_unavailable


def _build_quote_menu(window: MainWindow) -> None:
    menu = window.menuBar().addMenu("&Quotes")
    actions = window.quote_actions
    add = _add_action(window, menu, "Add Selection as &Quote…", actions.add_selection, "Ctrl+Alt+Q")
    _add_action(window, menu, "Change &Speaker…", lambda: actions.change_speaker(), "Ctrl+Alt+S")
    _add_action(window, menu, "&Not a Quote", lambda: actions.not_a_quote(), "Ctrl+Alt+Shift+N")
    _add_action(window, menu, "Show &Variants", lambda: actions.show_variants())
    menu.addSeparator()
    _add_action(window, menu, "S&plit Entity…", lambda: window.entity_actions.split(), "Ctrl+Alt+Shift+S")
    window.reader.selection_actions.append(add)


def _build_briefing_menu(window: MainWindow) -> None:
    menu = window.menuBar().addMenu("&Briefing")
    dock = window.briefing_dock
    _add_action(window, menu, "&Show Briefing Note", lambda: window.show_briefing(focus=True), "Ctrl+Shift+B")
    _add_action(window, menu, "&Add Selected Item to Note", lambda: window.add_to_briefing(), "Ctrl+B")
    _add_action(window, menu, "Add Source S&ummary to Note", lambda: window.add_to_briefing("summary", 0))
    _add_action(window, menu, "Add &Text Section", dock.add_text)
    window.selection_actions.add_to_menus(menu, window.findChild(QAction, "annotate-selection"))
    menu.addSeparator()
    # "Briefing Note" in full: the Notes tab and pane hold annotations, another thing
    _add_action(window, menu, "&New Briefing Note…", lambda: dock.new_note())
    _add_action(window, menu, "Briefing Note Deta&ils…", lambda: dock.edit_details())
    _add_action(window, menu, "&Export Briefing Note…", lambda: dock.export(), "Ctrl+E")
    _add_action(window, menu, "&Delete Briefing Note…", lambda: dock.delete_note())


def _build_view_menu(window: MainWindow) -> None:
    view_menu = window.menuBar().addMenu("&View")
    _add_action(window, view_menu, "&Filter Sources", window.source_filter.focus, "Ctrl+L")
    _add_action(window, view_menu, "Next &Pane", lambda: focus_next_pane(window), "F6")
    _add_action(window, view_menu, "Previous Pa&ne", lambda: focus_next_pane(window, backwards=True), "Shift+F6")
    _add_action(window, view_menu, "&Timeline", window.show_timeline, "Ctrl+T")
    _add_action(window, view_menu, "N&otes", window.notes_dock.show_notes, "Ctrl+Shift+N")
    view_menu.addSeparator()
    window.navigation.add_to_menu(view_menu)
    view_menu.addSeparator()
    for kind in LAYERS:
        action = _add_action(
            window,
            view_menu,
            _with_letter(f"Highlight {PLURALS.get(kind, kind + 's').capitalize()}", LAYER_LETTERS.get(kind)),
            lambda on, k=kind: window.reader.set_layer_visible(k, on),
        )
        action.setCheckable(True)
        action.setChecked(True)


def _add_action(window: MainWindow, menu, text, slot, shortcut=None) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


# -- behaviour ------------------------------------------------------
