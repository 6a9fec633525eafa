"""Starting the app: QApplication, the workspace, the main window, screenshots."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from briefing import __version__, paths
from briefing.domain import BriefingError

SCREENSHOT_SIZE = (1600, 1000)


DEMO_QUERY = "ransom"


def run_app(
    workspace: str | None,
    screenshot: str | None = None,
    view: str = "reader",
    palette: str = "system",
    size: tuple[int, int] = SCREENSHOT_SIZE,
    qt_arguments: Sequence[str] = (),
) -> int:
    """Open the main window on ``workspace`` (default: the user's); returns the exit code.
    ``qt_arguments`` are Qt's own options ('-platform xcb', '-reverse'), passed to Qt.

    The window paints first and the workspace opens right after (its store and sqlite-utils
    are imported then), so the window appears at once whatever the size of the workspace."""
    arguments = list(qt_arguments)
    if "-platform" in arguments:  # Qt's own option and its variable are one: the display check reads it
        at = arguments.index("-platform")
        os.environ["QT_QPA_PLATFORM"] = arguments[at + 1]
        del arguments[at : at + 2]
    if screenshot and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    check_display()
    from PySide6.QtWidgets import QApplication

    from briefing.ui.main_window import MainWindow
    from briefing.ui.slot_errors import report_in_status_bar
    from briefing.ui.startup import open_when_painted
    from briefing.ui.tasks import wait_for_running_tasks
    from briefing.ui.terminate import quit_on_signals

    app = QApplication.instance() or QApplication(sys.argv[:1] + arguments)
    configure_application(app)
    if palette != "system":
        apply_palette(app, palette)
    if screenshot:
        with _open(workspace) as ws:
            try:
                window = MainWindow(ws, remember=False)
                prepare_view(window, view)
                return save_screenshot(window, Path(screenshot), size)
            finally:
                # the window's work on its workspace thread may outlive its close (the embedding
                # model loading on a busy machine): a thread still running at exit aborts the process
                wait_for_running_tasks()
    window = MainWindow(None)
    failure: list[BriefingError] = []

    def failed(exc: BriefingError) -> None:
        from briefing.ui.damaged import offer_restore
        from briefing.ui.startup import Opening

        # started from a file manager there is no terminal to read: say it in the window, and
        # offer the newest backup of a damaged file
        if offer_restore(window, _file_of(workspace), exc):
            Opening(window, lambda: _open(workspace), failed).start(_preparation(workspace))
            return
        failure.append(exc)
        app.exit(1)

    open_when_painted(window, lambda: _open(workspace), failed, prepare=_preparation(workspace))
    quit_on_signals(app)  # a logout, a shutdown or Ctrl+C closes the workspace as Quit does
    window.show()
    previous_hook = report_in_status_bar(window)  # a read that met the server gone says so in one line
    try:
        code = app.exec()
    finally:
        sys.excepthook = previous_hook
        wait_for_running_tasks()  # a backup still being written ends before the process does
        if window.attached:
            window.ws.close()
    if failure:
        raise failure[0]  # the command line prints it as its one line
    return code


def _file_of(workspace: str | None) -> Path | None:
    """The workspace's file, or None for a team workspace on a server (it keeps its own backups)."""
    from briefing.pipeline import workspace_path

    try:
        return workspace_path(workspace)
    except BriefingError:
        return None


def check_display() -> None:
    """Qt aborts the process (a core dump) when it finds no display; say so in one line instead
    (``make run`` over SSH, a server, a container)."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        raise BriefingError(
            "no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); "
            "the command line works without one (briefing --help), and "
            "briefing --screenshot out.png renders the window to a file"
        )
    if not os.environ.get("WAYLAND_DISPLAY"):
        missing = [name for name, soname in X11_LIBRARIES if not _loadable(soname)]
        if missing:  # Qt's X11 plugin would print a paragraph and abort the process
            raise BriefingError(
                f"the window needs the X11 librar{'ies' if len(missing) > 1 else 'y'} {' '.join(missing)} "
                f"(on Debian or Ubuntu: sudo apt-get install {' '.join(missing)}); the command line "
                "works without them (briefing --help)"
            )


# what Qt's X11 (xcb) plugin loads beyond what the wheels bring: package name, library file
X11_LIBRARIES = (
    ("libxcb-cursor0", "libxcb-cursor.so.0"),
    ("libxcb-icccm4", "libxcb-icccm.so.4"),
    ("libxcb-keysyms1", "libxcb-keysyms.so.1"),
    ("libxkbcommon-x11-0", "libxkbcommon-x11.so.0"),
)

if TYPE_CHECKING:
    from briefing.ui.main_window import MainWindow


def _loadable(soname: str) -> bool:
    import ctypes

    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def _preparation(workspace: str | None):
    """The slow part of opening, for the window's worker: the demo workspace made on first use,
    and the full check of a file the last session did not close (the store runs it at the first
    open in this process; the window's own open, on the GUI thread, then skips it). A team
    workspace has no file: its server keeps it whole."""

    def prepare(progress, cancelled) -> None:
        from briefing.pipeline import create_demo_workspace, workspace_path
        from briefing.store.postgres import is_postgres
        from briefing.ui.startup import check_file

        if workspace is not None and is_postgres(workspace):
            return
        target = workspace_path(workspace)
        if workspace is None and not target.exists():
            progress(0, 0, "Making the demo workspace")
            create_demo_workspace(target)
            return
        check_file(target)(progress, cancelled)

    return prepare


def _open(workspace: str | None):
    from briefing.pipeline import open_default_workspace

    # a workspace another Briefing has open is shown read-only, with a banner saying so; the
    # backup on opening runs in the window's worker, not before the first paint
    from briefing.store.lock import LOCK_WAIT

    # a command that only reads holds the lock a moment: wait it out rather than open read-only
    return open_default_workspace(workspace, fallback_read_only=True, backup=False, wait=LOCK_WAIT)


# Harmless notices of the offscreen platform that would only confuse a user.
_SILENCED_QT_MESSAGES = ("This plugin does not support propagateSizeHints()", "This plugin does not support raise()")


def _qt_message(mode, context, message: str) -> None:
    if not message.startswith(_SILENCED_QT_MESSAGES):
        print(message, file=sys.stderr)


def configure_application(app) -> None:
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtGui import QIcon

    from briefing.ui.widgets import FocusFrames

    qInstallMessageHandler(_qt_message)
    app.setStyle(FocusFrames(app.style().name()))  # the platform's style, focus shown on every view
    app.setApplicationName("Briefing")
    app.setOrganizationName("Briefing")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("org.example.Briefing")  # packaging/linux/org.example.Briefing.desktop
    icon = paths.resources_dir() / "icons" / "briefing.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))


DARK = {  # Fusion's roles for a dark window; the highlights are translucent and work on both
    "Window": "#2b2b2b",
    "WindowText": "#e6e6e6",
    "Base": "#1e1e1e",
    "AlternateBase": "#262626",
    "Text": "#e6e6e6",
    "Button": "#333333",
    "ButtonText": "#e6e6e6",
    "Highlight": "#2f65ca",
    "HighlightedText": "#ffffff",
    "ToolTipBase": "#333333",
    "ToolTipText": "#e6e6e6",
    "Link": "#6ea8fe",
    "PlaceholderText": "#8a8a8a",
    "BrightText": "#ff6b6b",
}


def apply_palette(app, name: str) -> None:
    """Light or dark colours whatever the desktop says (Fusion draws both the same way)."""
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QStyleFactory

    from briefing.ui.widgets import FocusFrames, VisibleIndicators

    if name == "light":
        app.setStyle(FocusFrames(QStyleFactory.create("Fusion")))
        app.setPalette(app.style().standardPalette())
        return
    app.setStyle(VisibleIndicators(QStyleFactory.create("Fusion")))
    palette = QPalette()
    for role, colour in DARK.items():
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    for role in ("Text", "ButtonText", "WindowText"):
        palette.setColor(QPalette.ColorGroup.Disabled, getattr(QPalette.ColorRole, role), QColor("#7a7a7a"))
    app.setPalette(palette)


def prepare_view(window: MainWindow, view: str) -> None:
    """Put the window in the state a screenshot of ``view`` shows."""
    from briefing.ui.tasks import TaskRunner

    if view == "entity":
        _open_busiest_entity(window)
    if view == "claims":
        _open_most_judged_claim(window)
    if view == "timeline":
        window.show_timeline()
        window.resizeDocks([window.timeline], [330], Qt.Orientation.Vertical)
    if view == "briefing":
        window.show_briefing()
        window.resizeDocks([window.briefing_dock], [620], Qt.Orientation.Horizontal)
        window.splitter.setSizes([230, 460, 290])
        window.search_dock.hide()
        window.timeline.hide()
        first = window.briefing_dock.items.item(1)
        if first is not None:
            window.briefing_dock.items.setCurrentItem(first)
        window.briefing_dock.update_preview()
    if view == "notes":  # the workspace's own notes; a screenshot adds none
        window.notes_dock.show_for_screenshot()
    if view == "help":
        window.help.show_inside(0)
    if view == "search":
        window.search_dock.runner = TaskRunner(synchronous=True)
        window.search_dock.field.setText(DEMO_QUERY)
        window.search_dock.run()
        hit = window.search_dock.results.topLevelItem(0)
        if hit is not None:
            window.search_dock.results.setCurrentItem(hit)
            window.search_dock.open_row(hit)


def _open_most_judged_claim(window: MainWindow) -> None:
    """The claims tab on the claim with the most evidence (then suggestions) of the workspace."""
    from briefing.store.claims import list_claims

    claims = list_claims(window.ws)
    if claims:
        claim = max(claims, key=lambda c: (c["evidence"], c["suggestions"], -c["id"]))
        window.select_source(claim["source_id"])
        window.panel.select("claim", claim["id"])
        window.reader.show_item("claim", claim["id"], claim["start"], claim["end"])
        window.splitter.setSizes([330, 640, 630])


def _open_busiest_entity(window: MainWindow) -> None:
    from briefing.store.entities import list_entities

    people = [e for e in list_entities(window.ws) if e["type"] == "person"]
    if people:
        busiest = max(people, key=lambda e: len({m["source_id"] for m in e["mentions"]}))
        window.open_entity(busiest["id"])
        window.resizeDocks([window.entity_dock], [480], Qt.Orientation.Horizontal)
        window.splitter.setSizes([240, 480, 280])


def save_screenshot(window: MainWindow, target: Path, size: tuple[int, int] = SCREENSHOT_SIZE) -> int:
    from PySide6.QtCore import QEvent, QSize
    from PySide6.QtWidgets import QApplication

    from briefing.ui.painted import wait_until_painted
    from briefing.ui.window_state import fit_screen, fit_search_dock

    window.resize(*size)
    fit_search_dock(window, size[1])
    window.show()
    # laid out as on a screen of that size, not the offscreen platform's 800x800 one: the side
    # tabs shortened ("Sum…") and the columns narrowed in a 1280x800 shot, as no such screen shows them
    fit_screen(window, QSize(*size))
    wait_until_painted(window)  # what showing it queued has run: no status message over the count
    saved = window.grab().save(str(target), "PNG")
    # Delete the window now, on this thread, rather than whenever the garbage
    # collector meets it: a Qt destructor run by the collector while a worker
    # thread executes Python has crashed the interpreter.
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if not saved:
        raise BriefingError(f"{target}: cannot write the screenshot")
    print(f"saved screenshot to {target}")
    return 0
