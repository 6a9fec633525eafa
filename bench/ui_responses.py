"""How long the window's GUI thread works to answer the analyst, on a real workspace.

    python -m bench.ui --responses WORKSPACE [--repeat N]
    python -m bench.ui_responses WORKSPACE [N]      (the same, in this process)

Measured as CPU time of the GUI thread (``time.thread_time``), which follows the machine's
load far less than wall time (on a shared two-core machine still by a third or more): the work
from the action until the window is idle again (the worker's re-ranking and what it sends back
included; its own thread is not). Each figure is the median of ``--repeat`` runs. Goal for each:
at most 100 ms.

1. Open a source: the three longest sources of the workspace, each opened from another as for
   the first time (the quote variants kept between calls forgotten).
2. An entity edit: rename, and undo the rename, of the speaker quoted most, with a source of
   theirs in the reader and their entity page open; merge an entity of the same type into it
   and undo the merge.
3. Views: each side-panel tab and each dock raised; a keystroke in the source filter and in the
   search field, the list filtered or the search run once typing pauses, and the field cleared.

The workspace is copied first: the edits never touch the file named.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

GOAL_MS = 100
QUIET_S = 0.4  # longer than the filter's and the search's pause after typing


class Probe:
    """Runs one window and measures the GUI thread's CPU time of each action until idle."""

    def __init__(self, workspace: Path):
        from PySide6.QtWidgets import QApplication

        from briefing.store import open_workspace
        from briefing.ui.main_window import MainWindow

        self.app = QApplication.instance() or QApplication([])
        self.ws = open_workspace(workspace)
        self.window = MainWindow(self.ws, remember=False)
        self.window.resize(1600, 1000)
        self.window.show()
        self.settle()
        self.idle = statistics.median(self.settle() for _ in range(3))  # what waiting alone costs

    def settle(self) -> float:
        """Let the window finish (events, timers, the worker's answers); its GUI-thread CPU ms.
        The event loop waits in the system between events, so a long wait for the worker costs
        only a check every 50 ms, not a busy poll."""
        from PySide6.QtCore import QEventLoop, QTimer

        loop, check = QEventLoop(), QTimer(interval=50)
        quiet_since = [time.monotonic()]

        def done_yet() -> None:
            if self.window.runner.busy():
                quiet_since[0] = time.monotonic()
            elif time.monotonic() - quiet_since[0] >= QUIET_S:
                loop.quit()

        check.timeout.connect(done_yet)
        started = time.thread_time()
        check.start()
        loop.exec()
        check.stop()
        return (time.thread_time() - started) * 1000

    def measure(self, action: Callable[[], object], before: Callable[[], object] | None = None) -> float:
        """GUI-thread CPU ms of ``action`` and all it sets off (``before`` runs first, unmeasured)."""
        if before is not None:
            before()
            self.settle()
        started = time.thread_time()
        action()
        spent = (time.thread_time() - started) * 1000
        return spent + max(0.0, self.settle() - self.idle)

    def close(self) -> None:
        self.window.close()
        self.ws.close()


def _sources_by_length(ws) -> list[tuple[int, int, str]]:
    from briefing.store.sources import get_source, source_ids

    found = []
    for source_id in source_ids(ws, "published", True, ""):
        source = get_source(ws, source_id)
        found.append((len(source.text), source_id, source.title or ""))
    return sorted(found, reverse=True)


def _forget_what_was_read() -> None:
    """Each source opened as for the first time: the quote variants kept between calls dropped."""
    from briefing import quote_variants

    for name in ("_variants_of", "_words_and_vocabulary"):
        kept = getattr(quote_variants, name, None)
        if kept is not None:
            kept.cache_clear()


def measure_opening(probe: Probe, repeat: int) -> list[tuple[str, float]]:
    window, by_length = probe.window, _sources_by_length(probe.ws)
    shortest = by_length[-1][1]
    figures = []
    for length, source_id, title in by_length[:3]:

        def before() -> None:
            window.select_source(shortest)
            _forget_what_was_read()

        runs = [probe.measure(lambda i=source_id: window.select_source(i), before) for _ in range(repeat)]
        figures.append((f"open source {source_id} ({length:,} characters, {title[:40]!r})", statistics.median(runs)))
    return figures


def _busiest_speaker(ws) -> tuple[int, str, int, int]:
    """(entity id, name, revision, the source quoting them most) of the speaker quoted most."""
    from collections import Counter

    from briefing.store.entities import get_entity
    from briefing.store.quotes import list_quote_rows
    from briefing.store.sources import source_ids

    speakers: Counter[int] = Counter()
    per_source: dict[int, Counter[int]] = {}

    for source_id in source_ids(ws, "published", True, ""):
        for quote in list_quote_rows(ws, source_id):
            if quote.speaker_id is not None:
                speakers[quote.speaker_id] += 1
                per_source.setdefault(quote.speaker_id, Counter())[source_id] += 1
    entity_id = speakers.most_common(1)[0][0]
    name, _type, revision = get_entity(ws, entity_id)
    return entity_id, name, revision, per_source[entity_id].most_common(1)[0][0]


def measure_entity_edits(probe: Probe, repeat: int) -> list[tuple[str, float]]:
    from briefing.store.entities import get_entity, list_entity_rows
    from briefing.store.quotes import list_quote_rows
    from briefing.ui.commands import rename_entity_command
    from briefing.ui.entity_commands import MergeEntities

    window, ws = probe.window, probe.ws
    entity_id, name, _, source_id = _busiest_speaker(ws)
    window.select_source(source_id)
    window.open_entity(entity_id)
    probe.settle()
    quotes = len(list_quote_rows(ws, source_id))

    def rename(to: str, was: str) -> None:
        revision = get_entity(ws, entity_id)[2]
        window.push_command(lambda: rename_entity_command(ws, entity_id, to, was, None, window.after_edit, revision))

    renames, undos = [], []
    for _ in range(repeat):
        renames.append(probe.measure(lambda: rename(f"{name} (bench)", name)))
        undos.append(probe.measure(window.undo_stack.undo))
    kind = get_entity(ws, entity_id)[1]
    others = [e for e in list_entity_rows(ws, source_id) if e.type == kind and e.id != entity_id]
    figures = [
        (f"rename {name!r} ({quotes} quotes in the source read, entity page open)", statistics.median(renames)),
        (f"undo the rename of {name!r}", statistics.median(undos)),
    ]
    if others:
        merges, unmerges = [], []
        for _ in range(repeat):
            other = others[0]
            revision = get_entity(ws, other.id)[2]
            command = MergeEntities(ws, entity_id, other.id, f"{other.name} into {name}", window.after_edit, revision)
            merges.append(probe.measure(lambda c=command: window.push_command(lambda: c)))
            unmerges.append(probe.measure(window.undo_stack.undo))
        figures += [
            (f"merge {others[0].name!r} into {name!r}", statistics.median(merges)),
            ("undo the merge", statistics.median(unmerges)),
        ]
    return figures


def measure_views(probe: Probe, repeat: int) -> list[tuple[str, float]]:
    window, panel = probe.window, probe.window.panel
    window.select_source(_sources_by_length(probe.ws)[0][1])
    probe.settle()
    figures = []
    for index in range(panel.count()):
        runs = [
            probe.measure(lambda i=index: panel.setCurrentIndex(i), lambda i=index: panel.setCurrentIndex(int(not i)))
            for _ in range(repeat)
        ]
        name = panel.tabText(index).replace("&", "").split(" (")[0]  # "Quotes (74)": the tab's name
        figures.append((f"side panel: raise {name}", statistics.median(runs)))
    entity_id = _busiest_speaker(probe.ws)[0]
    docks = {
        "entity page": lambda: window.open_entity(entity_id),
        "timeline": window.show_timeline,
        "briefing note": window.show_briefing,
        "search": lambda: (window.search_dock.show(), window.search_dock.raise_()),
    }
    for label, show in docks.items():
        runs = [
            probe.measure(show, window.timeline.hide if label != "timeline" else window.search_dock.raise_)
            for _ in range(repeat)
        ]
        figures.append((f"dock: raise the {label}", statistics.median(runs)))
    for label, field, done in (
        ("source filter", window.filter_edit, "the list filtered"),
        ("search field", window.search_dock.field, "the search run"),
    ):
        keys, pauses = [], []
        for _ in range(repeat):
            field.clear()
            probe.settle()
            keys += [_key(probe, field, char) for char in "trump"]
            pauses.append(probe.measure(lambda: None))
        figures.append((f"{label}: the longest keystroke", max(keys)))
        figures.append((f"{label}: {done} once typing pauses", statistics.median(pauses)))
        figures.append((f"{label}: cleared", probe.measure(field.clear)))
    return figures


def _key(probe: Probe, field, char: str) -> float:
    """One keystroke's own work: the key handled and the events it posts, not the pause timer."""
    from PySide6.QtTest import QTest

    started = time.thread_time()
    QTest.keyClick(field, char)
    probe.app.processEvents()
    return (time.thread_time() - started) * 1000


def main(workspace: Path, repeat: int) -> int:
    with tempfile.TemporaryDirectory(prefix="briefing-ui-responses-") as folder:
        copy = Path(folder) / workspace.name
        shutil.copy(workspace, copy)
        probe = Probe(copy)
        try:
            figures = [
                *measure_opening(probe, repeat),
                *measure_entity_edits(probe, repeat),
                *measure_views(probe, repeat),
            ]
        finally:
            probe.close()
    for label, ms in figures:
        print(f"{label}: {ms:.0f} ms of GUI-thread CPU (goal <= {GOAL_MS}) {'PASS' if ms <= GOAL_MS else 'BELOW'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 5))
