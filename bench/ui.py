"""The app's responsiveness, against a bare Qt window measured in the same run.

    python -m bench.ui [--workspace W] [--articles N]

1. Start: wall time from launching a process to the first painted main window on a large
   workspace (default: the 100,000-source search benchmark workspace), against a process
   that paints a bare QMainWindow. Goal: at most 3x.
   Also printed: the time until the sources are listed and the newest is shown (the window
   paints first and opens the workspace right after).
2. Memory: peak RSS of that process with the sources listed, before any analysis model
   loads. Goal: at most 250 MB.
3. Stalls: the longest gap of a 10 ms timer on the GUI thread while the window imports and
   analyses N articles (default 500) in its worker thread. Goal: at most 50 ms.
Each measurement runs in its own process, offscreen.

    python -m bench.ui --responses WORKSPACE [--repeat N]

instead measures the GUI thread's CPU time to answer the analyst on a real workspace (opening
the longest sources, an entity edit's redraw, raising views, typing): bench/ui_responses.py.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.search_corpus import DEFAULT_PATH

BARE = """
import resource, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
class Watch(QObject):
    done = False
    def eventFilter(self, obj, event):
        if not self.done and event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
            self.done = True
            print("painted", repr(time.time()), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
                  flush=True)
            QTimer.singleShot(0, app.quit)
        return False
watch = Watch()
app.installEventFilter(watch)
window = QMainWindow()
window.resize(1600, 1000)
window.show()
app.exec()
"""

APP = """
import resource, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
marks = {}
class Watch(QObject):  # the app's own start (the briefing command), watched from outside
    def eventFilter(self, obj, event):
        if "painted" not in marks and event.type() == QEvent.Type.Paint and type(obj).__name__ == "MainWindow":
            marks["painted"] = time.time()
            poll.start()
        return False
def listed():
    window = next((w for w in app.topLevelWidgets() if type(w).__name__ == "MainWindow"), None)
    if window is not None and window.attached and window.current_source_id() is not None:
        poll.stop()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024  # the workspace open, its first source shown
        print("painted", repr(marks["painted"]), rss, "spacy" if "spacy" in sys.modules else "no-model",
              "listed", repr(time.time()), flush=True)
        window.close()  # as a user does: the workspace is closed cleanly
poll = QTimer(interval=2)
poll.timeout.connect(listed)
watch = Watch()
app.installEventFilter(watch)
from briefing.cli import main
sys.exit(main(["--workspace", sys.argv[1]]))
"""

STALLS = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pathlib import Path
app = QApplication([])
from briefing.store import open_workspace
from briefing.ui.main_window import MainWindow
ws = open_workspace(sys.argv[1])
window = MainWindow(ws)
window.show()
gaps, last = [], [time.perf_counter()]
def tick():
    now = time.perf_counter()
    gaps.append(now - last[0])
    last[0] = now
    if window.imports.task is None and len(gaps) > 5:
        print("longest", round(max(gaps) * 1000, 1), "p99", round(sorted(gaps)[int(len(gaps) * 0.99)] * 1000, 1),
              "ticks", len(gaps), flush=True)
        app.quit()
timer = QTimer(interval=10)
timer.timeout.connect(tick)
timer.start()
window.imports.start([Path(sys.argv[2])])
app.exec()
ws.close()
"""


def run(script: str, *args: str) -> tuple[float, str]:
    """(seconds from launching the process to its first paint, its report line)."""
    with tempfile.TemporaryDirectory(prefix="briefing-ui-bench-settings-") as config:
        # a new user's settings: the default layout, whatever this machine's user has left open;
        # bytecode cached as Python does by default (an installed wheel or bundle ships it)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=config)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        start = time.time()
        result = subprocess.run(
            [sys.executable, "-c", script, *args], capture_output=True, text=True, env=env, timeout=1800
        )
    line = next((ln for ln in result.stdout.splitlines() if ln.startswith(("painted", "longest"))), "")
    if not line:
        raise SystemExit(f"measurement failed: {result.stderr[-800:]}")
    return (float(line.split()[1]) - start if line.startswith("painted") else 0.0), line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workspace", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--responses", type=Path, help="a real workspace: the GUI thread's answers to the analyst")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each --responses figure (the median)")
    args = parser.parse_args(argv)
    if args.responses is not None:
        return responses(args.responses, args.repeat)
    if not args.workspace.exists():
        from bench.search_corpus import build

        build(args.workspace)
    run(BARE), run(APP, str(args.workspace))  # once untimed: Python caches the bytecode of every module
    bare = min(run(BARE)[0] for _ in range(5))
    timings = [run(APP, str(args.workspace)) for _ in range(5)]
    app_time, line = min(timings)
    _, painted, rss, model, _, listed = line.split()
    filled = float(listed) - float(painted) + app_time
    print(
        f"start to first paint: app {app_time:.2f} s on {args.workspace.name} (the briefing command, a new "
        f"user's layout), bare QMainWindow {bare:.2f} s, ratio {app_time / bare:.2f} (goal <= 3) "
        f"{'PASS' if app_time / bare <= 3 else 'BELOW'}"
    )
    print(f"start to the sources listed and the newest one shown: {filled:.2f} s ({filled / bare:.2f}x bare)")
    print(
        f"peak RSS with the sources listed: {rss} MB, model loaded: {model == 'spacy'} (goal <= 250 MB) "
        f"{'PASS' if int(rss) <= 250 else 'BELOW'}"
    )
    from bench.corpus import build_corpus

    with tempfile.TemporaryDirectory(prefix="briefing-ui-bench-") as folder:
        files = build_corpus(Path(folder) / "corpus", articles=args.articles)
        workspace = Path(folder) / "import.briefing"
        _, line = run(STALLS, str(workspace), str(files[0].parent))
    longest = float(line.split()[1])
    print(
        f"import of {args.articles} articles in the window: longest event-loop stall {longest:.0f} ms, "
        f"{line} (goal <= 50 ms) {'PASS' if longest <= 50 else 'BELOW'}"
    )
    return 0


def responses(workspace: Path, repeat: int) -> int:
    """bench/ui_responses.py in a process of its own, offscreen, with a new user's settings."""
    if not workspace.exists():
        raise SystemExit(f"{workspace}: no such workspace")
    with tempfile.TemporaryDirectory(prefix="briefing-ui-bench-settings-") as config:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=config)
        command = [sys.executable, "-m", "bench.ui_responses", str(workspace), str(repeat)]
        result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=3600)
    if result.returncode != 0:
        raise SystemExit(f"measurement failed: {result.stderr[-800:]}")
    print(result.stdout, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
