"""The app's responsiveness, against a bare Qt window measured in the same run.

    python -m bench.ui [--workspace W] [--articles N]

1. Start: wall time from launching a process to the first painted main window on a large
   workspace (default: the 100,000-source search benchmark workspace), against a process
   that paints a bare QMainWindow. Goal: at most 3x.
2. Memory: peak RSS of that process, before any analysis model loads. Goal: at most 250 MB.
3. Stalls: the longest gap of a 10 ms timer on the GUI thread while the window imports and
   analyses N articles (default 500) in its worker thread. Goal: at most 100 ms.
Each measurement runs in its own process, offscreen.
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
import resource, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1600, 1000)
window.show()
QTimer.singleShot(0, lambda: (print("painted", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
                                    flush=True), app.quit()))
app.exec()
"""

APP = """
import resource, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from briefing.store import open_workspace
from briefing.ui.main_window import MainWindow
ws = open_workspace(sys.argv[1])
window = MainWindow(ws)
window.resize(1600, 1000)
window.show()
loaded = "spacy" in sys.modules
QTimer.singleShot(0, lambda: (print("painted", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
                                    "spacy" if loaded else "no-model", flush=True), app.quit()))
app.exec()
ws.close()  # as the app does: an unclean exit makes the next open run a full quick_check
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
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, env=env,
                            timeout=1800)
    elapsed = time.perf_counter() - start
    line = next((ln for ln in result.stdout.splitlines() if ln.startswith(("painted", "longest"))), "")
    if not line:
        raise SystemExit(f"measurement failed: {result.stderr[-800:]}")
    return elapsed, line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workspace", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--articles", type=int, default=500)
    args = parser.parse_args(argv)
    if not args.workspace.exists():
        from bench.search_corpus import build

        build(args.workspace)
    bare = min(run(BARE)[0] for _ in range(3))
    timings = [run(APP, str(args.workspace)) for _ in range(3)]
    app_time, line = min(timings)
    rss = int(line.split()[1])
    print(f"start to first paint: app {app_time:.2f} s on {args.workspace.name}, bare QMainWindow {bare:.2f} s, "
          f"ratio {app_time / bare:.2f} (goal <= 3) {'PASS' if app_time / bare <= 3 else 'BELOW'}")
    print(f"peak RSS at first paint: {rss} MB, model loaded: {line.split()[2] == 'spacy'} (goal <= 250 MB) "
          f"{'PASS' if rss <= 250 else 'BELOW'}")
    from bench.corpus import build_corpus

    with tempfile.TemporaryDirectory(prefix="briefing-ui-bench-") as folder:
        files = build_corpus(Path(folder) / "corpus", articles=args.articles)
        workspace = Path(folder) / "import.briefing"
        _, line = run(STALLS, str(workspace), str(files[0].parent))
    longest = float(line.split()[1])
    print(f"import of {args.articles} articles in the window: longest event-loop stall {longest:.0f} ms, "
          f"{line} (goal <= 100 ms) {'PASS' if longest <= 100 else 'BELOW'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
