"""Starting the app: QApplication, the workspace, the main window, screenshots."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from briefing import __version__, paths
from briefing.domain import BriefingError
from briefing.pipeline import open_default_workspace

SCREENSHOT_SIZE = (1600, 1000)


def run_app(workspace: str | None, screenshot: str | None = None) -> int:
    """Open the main window on ``workspace`` (default: the user's); returns the exit code."""
    if screenshot and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    from briefing.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    configure_application(app)
    with open_default_workspace(workspace) as ws:
        window = MainWindow(ws)
        if screenshot:
            return save_screenshot(window, Path(screenshot))
        window.show()
        return app.exec()


def configure_application(app) -> None:
    from PySide6.QtGui import QIcon

    app.setApplicationName("Briefing")
    app.setOrganizationName("Briefing")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("briefing")
    icon = paths.resources_dir() / "icons" / "briefing.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))


def save_screenshot(window, target: Path) -> int:
    from PySide6.QtWidgets import QApplication

    window.resize(*SCREENSHOT_SIZE)
    window.show()
    QApplication.processEvents()
    if not window.grab().save(str(target), "PNG"):
        raise BriefingError(f"{target}: cannot write the screenshot")
    window.close()
    print(f"saved screenshot to {target}")
    return 0
