"""The Entities tab's context menu: rename, retype, merge, split, remove an alias and delete, as the
analyst decides; and the entity page's Not This Entity on a mention.

Rename, retype and split go through the undo stack. Merge and delete change many rows
across sources; they ask first, are recorded in the judgement history, and the
names they remove are not brought back by re-analysis.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QDialog, QMenu

from briefing.domain import ENTITY_TYPES, BriefingError, WorkspaceError, counted, inert_bidi, one_of
from briefing.store.entities import EntityPage, entity_page, get_entity
from briefing.store.entity_candidates import entity_source_counts, list_entity_names, merge_candidates
from briefing.store.mentions import list_mentions
from briefing.store.quote_variants import QuoteVariant, list_entity_variants
from briefing.store.revisions import find_removal
from briefing.store.views import item_range
from briefing.ui.commands import rename_entity_command, retype_entity_command
from briefing.ui.entity_commands import DeleteEntity, MergeEntities, RemoveAlias, UnlinkMention
from briefing.ui.entity_page import ALL_ROWS, PAGE_ROWS
from briefing.ui.merge_dialog import MergeDialog
from briefing.ui.panels import ItemRole
from briefing.ui.panes import in_sight
from briefing.ui.plain import ask, ask_text, choose
from briefing.ui.read_only import refuse_change
from briefing.ui.slot_errors import showing
from briefing.ui.split_entity import SplitChoice, SplitDialog, SplitEntity
from briefing.ui.widgets import menu_key_at_current

ARTICLES = {"organisation": "an"}  # "now an organisation", "now a person"

if TYPE_CHECKING:
    from briefing.ui.main_window import MainWindow


class EntityActions:
    def __init__(self, window: MainWindow):
        self.window = window
        tree = window.panel.entities
        tree.setContextMenuPolicy(tree.contextMenuPolicy().CustomContextMenu)
        tree.customContextMenuRequested.connect(self.show_menu)
        menu_key_at_current(tree)
        tree.itemActivated.connect(lambda *_: self.open_page())  # Enter, as a double-click does
        window.entity_dock.splitRequested.connect(lambda entity_id: self.split(entity_id))
        window.entity_dock.entityOpened.connect(lambda entity_id: window.open_entity(entity_id))
        window.entity_dock.allRequested.connect(self.show_all)
        window.entity_dock.unlinkRequested.connect(lambda entity_id, mention_id: self.unlink(entity_id, mention_id))
        self.stale = False  # an edit came while the page was behind another tab: read it when raised
        window.entity_dock.visibilityChanged.connect(self._brought_up)

    def open_page(self) -> None:
        entity = self.current()
        if entity is not None:
            self.window.open_entity(entity[0])

    def current(self) -> tuple[int, str, str, int] | None:
        """(id, name, type, revision) of the selected entity, read when an action starts: a
        colleague's change while a dialog is open refuses the action (store.revisions)."""
        item = self.window.panel.entities.currentItem()
        data = item.data(0, ItemRole) if item is not None else None
        if not data:
            return None
        entity = get_entity(self.window.ws, data[1])  # one row, not every entity with its mentions
        return (data[1], *entity) if entity is not None else None

    def show_menu(self, point: QPoint) -> None:
        entity = self.current()
        if entity is not None:
            self.menu(entity).exec(self.window.panel.entities.viewport().mapToGlobal(point))

    def menu(self, entity: tuple[int, str, str, int]) -> QMenu:
        menu = QMenu(self.window)
        menu.addAction("&Open Entity Page").triggered.connect(self.open_page)
        menu.addAction("&Rename…").triggered.connect(lambda: self.rename())
        retype = menu.addMenu("Change &Type")
        for kind in ENTITY_TYPES:
            action = retype.addAction(kind.capitalize())
            action.triggered.connect(partial(self.retype, kind))
            action.setEnabled(kind != entity[2])
        menu.addAction("&Merge Into…").triggered.connect(lambda: self.merge())
        split = menu.addAction("S&plit Entity…")
        split.setShortcut("Ctrl+Alt+Shift+S")
        split.triggered.connect(lambda: self.split(entity[0]))
        aliases = menu.addMenu("Remove A&lias")  # a wrong name form, which re-analysis does not give back
        for alias in entity_page(self.window.ws, entity[0], limit=0).aliases:
            aliases.addAction(inert_bidi(alias).replace("&", "&&")).triggered.connect(partial(self.remove_alias, alias))
        aliases.setEnabled(not aliases.isEmpty())
        menu.addAction("Add to &Briefing Note").triggered.connect(
            lambda: self.window.add_to_briefing("entity", entity[0])
        )
        menu.addSeparator()
        menu.addAction("&Delete Entity…").triggered.connect(lambda: self.delete())
        return menu

    def rename(self, name: str | None = None) -> None:
        entity = self.current()
        if entity is None or refuse_change(self.window, self.window.ws):
            return
        if name is None:
            name = ask_text(self.window, "Rename Entity", "New name:", entity[1])  # its title in full
            if name is None:
                return
        taken = next(
            (
                i
                for i, n, _ in list_entity_names(self.window.ws)
                if i != entity[0] and n.casefold() == name.strip().casefold()
            ),
            None,
        )
        if taken is not None:
            answer = choose(
                self.window,
                "Rename Entity",
                f"“{name.strip()}” is already another entity's name. Merge into it instead, or rename "
                "this one anyway and keep two entities of one name?",
                ("&Merge Into It", "&Rename Anyway"),
            )
            if answer is None:
                return
            if answer == 0:
                self.merge(taken)
                return
        if self.window.push_command(
            lambda: rename_entity_command(
                self.window.ws, entity[0], name.strip(), entity[1], None, self.window.after_edit, entity[3]
            )
        ):
            self._said(f"Renamed “{entity[1]}” to “{name.strip()}”.")

    def retype(self, kind: str) -> None:
        entity = self.current()
        if entity is None:
            return
        twin = next(
            (i for i, n, k in list_entity_names(self.window.ws) if i != entity[0] and k == kind and n == entity[1]),
            None,
        )
        if twin is not None:  # "Twitter" the person made an organisation, and there is one already
            answer = choose(
                self.window,
                "Change Type",
                f"There is already {ARTICLES.get(kind, 'a')} {kind} called “{entity[1]}”. Merge into it instead, "
                "or change the type anyway and keep two entities of one name?",
                ("&Merge Into It", "&Change Type Anyway"),
            )
            if answer is None:
                return
            if answer == 0:
                self.merge(twin, sure=True)
                return
        if self.window.push_command(
            lambda: retype_entity_command(
                self.window.ws, entity[0], kind, entity[2], None, self.window.after_edit, entity[3]
            )
        ):
            self._said(f"“{entity[1]}” is now {ARTICLES.get(kind, 'a')} {kind}, was {entity[2]}.")

    def remove_alias(self, alias: str) -> None:
        entity = self.current()
        if entity is None or refuse_change(self.window, self.window.ws):
            return
        command = RemoveAlias(self.window.ws, entity[0], alias, self.window.after_edit, entity[3])
        if self.window.push_command(lambda: command):
            self._said(f"“{alias}” is no longer an alias of “{entity[1]}”.")

    def unlink(self, entity_id: int, mention_id: int) -> None:
        """Not This Entity: take one mention off the entity the page shows, for good in its source."""
        from briefing.store.mention_edits import get_mention

        window = self.window
        if refuse_change(window, window.ws):
            return
        entity = get_entity(window.ws, entity_id)
        try:
            owner, _, words = get_mention(window.ws, mention_id)
        except BriefingError as exc:  # gone meanwhile (a colleague, a re-analysis)
            window.statusBar().showMessage(str(exc), 8000)
            window.after_edit()
            return
        if entity is None or owner != entity_id:
            window.after_edit()  # the page is out of date: show what is there now
            return
        words = inert_bidi(" ".join(words.split()))
        command = UnlinkMention(window.ws, entity_id, mention_id, words, window.quote_actions.changed, entity[2])
        if window.push_command(lambda: command):
            self._said(
                f"This “{words}” is no longer a mention of “{inert_bidi(entity[0])}”; re-analysis leaves it off."
            )

    def _said(self, done: str) -> None:
        """A correction said in the status bar, as merge, split and delete say theirs."""
        self.window.statusBar().showMessage(f"{done} Undo (Ctrl+Z) takes it back.", 8000)

    def merge(self, target: int | str | None = None, sure: bool = False) -> None:
        """Fold the selected entity into ``target`` (an id, or "Name (type)"); without one, the
        dialog proposes the likely duplicates first. ``sure``: the analyst has chosen this target
        of another type already (Change Type), so the merge does not ask about the types again."""
        entity = self.current()
        if entity is None or refuse_change(self.window, self.window.ws):
            return
        everyone = list_entity_names(self.window.ws)
        target = self._merge_target(entity, everyone, target)
        if target is None:
            return
        name, kind = next(((n, k) for i, n, k in everyone if i == target), (str(target), entity[2]))
        if not sure and not self._one_kind(entity[1], entity[2], name, kind):
            return
        dock, window = self.window.entity_dock, self.window
        command = MergeEntities(window.ws, target, entity[0], (entity[1], name), window.after_edit, entity[3])
        followed = dock.entity_id == entity[0]
        if followed:
            dock.entity_id = target  # the page follows the entity into the one it joined
        if window.push_command(lambda: command):
            window.panel.pick("entity", target)  # the merged row is gone: the one it joined is picked
            window.statusBar().showMessage(
                f"Merged “{entity[1]}” into “{name}”. Undo (Ctrl+Z) splits them again.", 8000
            )
        elif followed:
            dock.entity_id = entity[0]  # refused: the page stays on the entity

    def _merge_target(self, entity: tuple, everyone: list, target: int | str | None) -> int | None:
        """The id to merge into: ``target``'s, or the one chosen in the dialog; None to stop."""
        if isinstance(target, str):
            label, target = target, next((i for i, n, k in everyone if f"{n} ({k})" == target and i != entity[0]), None)
            if target is None:
                self.window.statusBar().showMessage(f"Merge: no other entity is called {label}.", 6000)
            return target
        if target is None:
            sources = entity_source_counts(self.window.ws)
            dialog = MergeDialog(
                self.window,
                entity[1],
                entity[2],
                merge_candidates(self.window.ws, entity[0]),
                [e for e in everyone if e[0] != entity[0]],
                {i: sources.get(i, 0) for i, _, _ in everyone},
                sources.get(entity[0], 0),
            )
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.chosen()
        return target

    def _one_kind(self, name: str, kind: str, target: str, target_kind: str) -> bool:
        """Whether to merge: at once for one type, after asking for two ('the Clintons', a group,
        into Hillary Clinton, a person: one slip in a long list of names)."""
        if kind == target_kind:
            return True
        question = (
            f"“{name}” is {one_of(kind)} and “{target}” {one_of(target_kind)}: "
            f"merge them into one {target_kind} anyway?"
        )
        return ask(self.window, "Merge Entities", question)

    def show_all(self, entity_id: int) -> None:
        """List every mention and quote of the page, not the first 200 of each."""
        dock = self.window.entity_dock
        dock.rows = ALL_ROWS
        if dock.entity_id == entity_id:
            self.refresh_page()

    def refresh_page(self) -> None:
        """Bring the entity page up to date after an edit (a rename, retype, merge, alias or
        split shows at once); its tab stays where it is. Called by MainWindow.after_edit."""
        dock = self.window.entity_dock
        if dock.entity_id is None or not dock.toggleViewAction().isChecked():
            return
        if not in_sight(dock):  # behind the briefing note's tab: read when its tab is raised, not
            self.stale = True  # at every edit (a page of thousands of mentions is a tenth of a second)
            return
        self.stale = False
        try:
            with showing("The entity page"):
                page, ranges, variants = load_page(self.window.ws, dock.entity_id, dock.rows)
        except WorkspaceError:
            raise  # the server out of reach: the window says so, the page stays as it was
        except BriefingError:
            dock.show_gone(gone_message(self.window.ws, dock.entity_id))
            return
        dock.show_page(page, ranges, variants, bring_forward=False)

    def _brought_up(self, visible: bool) -> None:
        """The page's tab was raised: the edits made while it was behind another show now."""
        if visible and self.stale:
            self.refresh_page()

    def split(self, entity_id: int | None = None, choice: SplitChoice | None = None) -> None:
        """Move the chosen mentions to a new entity (the dialog asks which, unless ``choice``);
        without an id, the entity selected in the Entities tab when the keyboard is there, else the
        entity page's when it is open, else the Entities tab's. (The page's came first even with
        another entity just selected in the tab, whose context menu shows the same shortcut.)"""
        window = self.window
        if entity_id is None:
            selected = (self.current() or (None,))[0]
            shown = window.entity_dock.entity_id if window.entity_dock.isVisible() else None
            in_tab = window.panel.entities.hasFocus() and selected is not None
            entity_id = selected if in_tab or shown is None else shown
        if entity_id is None:
            window.statusBar().showMessage("Select an entity in the Entities tab first.", 6000)
            return
        if refuse_change(window, window.ws):
            return
        if choice is None:
            page = entity_page(window.ws, entity_id, limit=0)
            dialog = SplitDialog(window, page.name, page.type, list_mentions(window.ws, entity_id))
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            choice = dialog.choice()
        command = SplitEntity(window.ws, entity_id, choice, window.quote_actions.changed)
        if window.push_command(lambda: command):
            moved = counted(len(choice.mention_ids), "mention")
            window.statusBar().showMessage(f"Split: {moved} moved to “{choice.name}”.", 8000)

    def delete(self, confirmed: bool = False) -> None:
        entity = self.current()
        if entity is None or refuse_change(self.window, self.window.ws):
            return
        if not confirmed and not ask(
            self.window,
            "Delete Entity",
            f"Delete the {entity[2]} “{entity[1]}” everywhere? Re-analysis will not find {one_of(entity[2])} "
            "by its names again (another type keeps them); Edit ▸ Undo brings it back.",
        ):
            return
        window = self.window
        if window.push_command(lambda: DeleteEntity(window.ws, entity[0], entity[1], window.after_edit, entity[3])):
            window.statusBar().showMessage(f"Deleted “{entity[1]}”. Undo (Ctrl+Z) brings it back.", 8000)


def load_page(
    ws, entity_id: int, rows: int = PAGE_ROWS
) -> tuple[EntityPage, dict[int, tuple[int, int]], list[QuoteVariant]]:
    """What the entity page shows: the page (its first ``rows`` mentions and quotes), its quotes'
    ranges and its quote variants."""
    page = entity_page(ws, entity_id, limit=rows)
    ranges = {q[0]: item_range(ws, "quote", q[0])[1:] for q in page.quotes}
    return page, ranges, list_entity_variants(ws, entity_id)


def gone_message(ws, entity_id: int) -> str:
    """What the entity page says of an entity no longer there: who merged it into which, or
    deleted it, and when, where the history says."""
    removal = find_removal(ws, "entity", entity_id)
    if removal is None:
        return "This entity no longer exists: it was deleted or merged into another."
    return f"This entity no longer exists: it was {removal.done()}."
