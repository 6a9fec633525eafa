"""The Help menu: shortcuts read from the menus, the search language with examples that run,
getting started, and the first-run hint of an empty workspace."""

import re
import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QImage, QKeySequence
from PySide6.QtWidgets import QMenu

from briefing.ui.help import EMPTY_WORKSPACE, GETTING_STARTED, SEARCH_EXAMPLES, TABS, menu_shortcuts
from briefing.ui.main_window import MainWindow
from briefing.ui.plain import InertDocument
from briefing.ui.tasks import TaskRunner


def _keys(standard: QKeySequence.StandardKey) -> str:
    return QKeySequence(standard).toString(QKeySequence.SequenceFormat.NativeText)


def test_the_shortcuts_list_every_menu_command_with_its_keys(demo_window):
    dialog = demo_window.help.show(0)
    assert dialog.isVisible() and dialog.tabs.tabText(dialog.tabs.currentIndex()) == TABS[0]
    listed = dialog.visible_commands()
    assert ("Undo", _keys(QKeySequence.StandardKey.Undo)) in listed
    assert ("Import Files…", "Ctrl+I") in listed
    assert ("Find…", _keys(QKeySequence.StandardKey.Find)) in listed
    assert ("Notes", "Ctrl+Shift+N") in listed
    assert ("Quit", _keys(QKeySequence.StandardKey.Quit) or "Ctrl+Q") in listed  # a key on every desktop
    assert ("Keyboard Shortcuts", "F1, Ctrl+/") in listed
    assert not any("Team Workers" in command for command, _ in listed)  # hidden on a file workspace
    in_menus = [(command, keys) for _, command, keys in menu_shortcuts(demo_window)]
    assert set(in_menus) <= set(listed) and len(in_menus) > 40


def test_the_shortcuts_are_read_from_the_menus_each_time(demo_window):
    help_ = demo_window.help
    help_.show(0).close()
    view = next(a.menu() for a in demo_window.menuBar().actions() if a.text() == "&View")
    added = QAction("&Brand New Command", demo_window)
    added.setShortcut(QKeySequence("Ctrl+Alt+Shift+F12"))
    view.addAction(added)
    assert ("Brand New Command", "Ctrl+Alt+Shift+F12") in help_.show(0).visible_commands()


def test_the_shortcuts_can_be_searched_by_command_key_or_menu(demo_window, qtbot):
    dialog = demo_window.help.show(0)
    qtbot.keyClicks(dialog.filter, "ctrl+e")
    assert dialog.visible_commands() == [("Export Briefing Note…", "Ctrl+E")]
    dialog.filter.setText("claims")  # a menu's name shows its commands
    listed = dialog.visible_commands()
    assert ("Mark Disputed", "Ctrl+Alt+D") in listed and ("Undo", _keys(QKeySequence.StandardKey.Undo)) not in listed
    dialog.filter.setText("no such command")
    assert dialog.visible_commands() == []
    dialog.filter.clear()
    assert len(dialog.visible_commands()) > 40


def test_the_shortcuts_say_where_a_wrong_mention_is_taken_off(demo_window):
    """Not This Entity lives in a mention row's context menu on the entity page, in no menu of the
    window: a search of the shortcuts for it found nothing."""
    dialog = demo_window.help.show(0)
    dialog.filter.setText("not this entity")
    [(command, keys)] = dialog.visible_commands()
    assert command == "Not This Entity: take a wrong mention off" and keys == "Menu key or right-click on the mention"


def test_f1_and_ctrl_slash_open_the_shortcuts(demo_window):
    action = demo_window.findChild(QAction, "help-shortcuts")
    assert [k.toString() for k in action.shortcuts()] == ["F1", "Ctrl+/"]
    action.trigger()
    assert demo_window.help.dialog.isVisible() and demo_window.help.dialog.tabs.currentIndex() == 0


def test_the_help_menu_offers_each_page_then_about(demo_window):
    menu = next(a.menu() for a in demo_window.menuBar().actions() if a.text() == "&Help")
    assert isinstance(menu, QMenu)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["&Keyboard Shortcuts", "&Search Language", "&Getting Started", "&About Briefing"]


@pytest.mark.parametrize("query", ["speaker:okafor", '"water outage"~5'])
def test_a_search_example_runs_in_the_search_pane(demo_window, qtbot, query):
    dialog = demo_window.help.show(1)
    tree = dialog.examples
    item = next(tree.topLevelItem(r) for r in range(tree.topLevelItemCount()) if tree.topLevelItem(r).text(0) == query)
    tree.scrollToItem(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center())
    dock = demo_window.search_dock
    assert dock.field.text() == query
    qtbot.waitUntil(lambda: dock.results.topLevelItemCount() > 0)
    assert dock.status.text().split()[0].isdigit()  # "N results, ..."


def test_the_search_examples_cover_the_language():
    typed = " ".join(query for query, _ in SEARCH_EXAMPLES)
    for part in ('"', "~5", "*", " OR ", " AND ", " NOT ", "(", "type:", "speaker:", "status:", "tag:", "from:"):
        assert part in typed, part
    assert "investgation" in typed  # a typo the workspace's words correct


def test_getting_started_walks_through_a_first_briefing(demo_window):
    dialog = demo_window.help.show(2)
    page = dialog.tabs.currentWidget()
    assert isinstance(page.document(), InertDocument)
    text = page.toPlainText()
    for step in ("Import", "Read", "Judge claims", "Annotate", "Search", "Compose and export"):
        assert step in text, step


def test_an_empty_workspace_says_what_to_do_first(qtbot, ws):
    window = MainWindow(ws, runner=TaskRunner(synchronous=True), remember=False)
    qtbot.addWidget(window)
    text = window.reader.toPlainText()
    assert text == EMPTY_WORKSPACE
    assert "File ▸ Import Files… (Ctrl+I)" in text and "drop them" in text and "Help ▸ Getting Started" in text


def test_a_filter_that_matches_nothing_is_not_a_first_run(demo_window, qtbot):
    demo_window.filter_edit.setText("no source is called this")
    qtbot.waitUntil(lambda: demo_window.model.rowCount() == 0)
    demo_window.refresh_sources()
    assert demo_window.reader.toPlainText() != EMPTY_WORKSPACE


@pytest.mark.parametrize("view", ["notes", "help"])
def test_the_screenshot_views(view, analysed_path, tmp_path, qapp, capfd):
    from briefing.ui.app import run_app

    workspace = tmp_path / "shot.briefing"
    shutil.copy(analysed_path, workspace)
    target = tmp_path / f"{view}.png"
    assert run_app(str(workspace), screenshot=str(target), view=view) == 0
    assert not QImage(str(target)).isNull()
    assert "does not support" not in capfd.readouterr().err  # the offscreen screen's notices stay quiet


def test_no_two_menu_commands_share_a_key(demo_window):
    """The shortcuts list doubles as a check: a key bound twice in the menus does nothing (Qt calls
    it ambiguous), so each key names one command."""
    owners: dict[str, list[str]] = {}
    for menu, command, keys in menu_shortcuts(demo_window):
        for key in filter(None, (k.strip() for k in keys.split(","))):
            owners.setdefault(key, []).append(f"{menu} ▸ {command}")
    assert {key: names for key, names in owners.items() if len(names) > 1} == {}


def test_redo_holds_each_of_its_keys_once_and_ctrl_shift_z_redoes(demo_window, qtbot):
    from briefing.ui.menus import distinct_keys

    twice = distinct_keys(QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Shift+Z"), QKeySequence())
    assert twice == [QKeySequence("Ctrl+Shift+Z")]  # a desktop whose Redo is Ctrl+Shift+Z already
    redo = next(a for a in demo_window.findChildren(QAction) if a.text() == "&Redo")
    keys = [k.toString() for k in redo.shortcuts()]
    assert "Ctrl+Shift+Z" in keys and len(keys) == len(set(keys))


def test_every_command_and_key_getting_started_names_is_in_the_menus(demo_window):
    """Getting Started is written by hand: a command renamed, moved or given another key in the
    menus would send a new user looking for something that is not there."""
    in_menus = {(menu.split(" ▸ ")[-1], command): keys for menu, command, keys in menu_shortcuts(demo_window)}
    commands = {command: keys for (_, command), keys in in_menus.items()}
    text = re.sub(r"\s+", " ", GETTING_STARTED)
    named = re.findall(r"<b>([^<]+)</b>(?: \(([^)]+)\))?", text)
    checked = 0
    for words, keys in named:
        path = words.split(" ▸ ")
        if len(path) == 2:
            assert tuple(path) in in_menus, f"Getting Started names {words!r}: no such menu command"
            shown = in_menus[tuple(path)]
        elif words in commands:
            shown = commands[words]
        else:
            continue  # a status or a word set in bold, not a command
        checked += 1
        if keys and "," not in keys:  # "Ctrl+Alt+C, D, U" names three commands' keys at once
            assert keys in shown.split(", "), f"Getting Started gives {words!r} the key {keys}, the menu {shown!r}"
    every_key = {key for shown in commands.values() for key in shown.split(", ")}
    for keys in re.findall(r"\((Ctrl[^)]*)\)", text):
        first, *letters = keys.split(", ")  # "Ctrl+Alt+C, D, U": the same modifiers with D and U
        for key in [first, *(first[:-1] + letter for letter in letters)]:
            assert key in every_key, f"Getting Started names {key}: no command has it"
    assert checked >= 8


@pytest.mark.parametrize("tab", [0, 1, 2])
def test_each_help_page_opens_with_the_keyboard_in_it(demo_window, qtbot, tab):
    """F1 left the focus on the tab bar, which shows no mark: typing found nothing, Enter did nothing."""
    from PySide6.QtWidgets import QApplication

    dialog = demo_window.help.show(tab)
    qtbot.waitUntil(dialog.isActiveWindow)
    page = dialog.tabs.widget(tab)
    focus = QApplication.focusWidget()
    assert focus is not None and (focus is page or page.isAncestorOf(focus))
    if tab == 0:
        qtbot.keyClicks(focus, "claim")
        assert dialog.filter.text() == "claim"


def test_getting_started_says_where_workspaces_and_backups_are_handled():
    text = re.sub(r"\s+", " ", GETTING_STARTED)
    assert "File ▸ New Workspace…" in text and "Open Recent" in text and "Restore Backup…" in text
