"""A team workspace's window redraws when a colleague's change commits (store.pg_changes).

A task on the window's runner listens on its own connection; each change another connection
commits reaches the window as one ``changed`` call, and bursts are drawn once. When the server
drops the connection the window says so and listens again every ``RELISTEN_MS``; once it hears
again it redraws, since what colleagues changed meanwhile sent no notice it could hear.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from briefing.ui.tasks import Task

if TYPE_CHECKING:
    from briefing.ui.main_window import MainWindow

POLL_S = 0.5  # how soon the listener sees that the window closed
REDRAW_DELAY_MS = 300  # a colleague's burst of writes is drawn once
UPDATED = "Updated with changes from your team."
KEPT_MS = 15000  # how long a message the redraw would have replaced stays
RELISTEN_MS = 5000
LOST = "Colleagues' changes do not show until the team's server is back"
BACK = "Connected to the team's server again; updated with what changed meanwhile."


class TeamChanges(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.task: Task | None = None
        self.listening = False  # the listener's connection is up
        self.redraws = 0  # how many times a colleague's change was drawn (tests read it)
        self._timer = QTimer(self, singleShot=True, interval=REDRAW_DELAY_MS)
        self._timer.timeout.connect(self._redraw)
        self.lost = False  # the listener failed and listens again
        self._again = QTimer(self, singleShot=True, interval=RELISTEN_MS)
        self._again.timeout.connect(self._listen_again)

    def listen(self) -> None:
        """Start listening to the window's workspace, when it is a team workspace."""
        self.stop()
        ws, runner = self.window.ws, self.window.runner
        if ws.conninfo is None or runner.synchronous:
            return
        conninfo, own = ws.conninfo, ws.origin

        def work(progress, cancelled):
            from briefing.store.pg_changes import ChangeListener

            listener = ChangeListener(conninfo, own)
            try:
                progress(0, 0, "listening")
                while not cancelled():
                    if listener.wait(POLL_S):
                        progress(1, 0, "changed")
            finally:
                listener.close()

        self.task = Task(work, "team changes")
        self.task.progressed.connect(self._heard)
        self.task.failed.connect(self._lost)
        runner.start(self.task)

    def stop(self) -> None:
        self._again.stop()
        if self.task is not None:
            self.task.cancel()
            self.task = None
        self.listening = False

    def _heard(self, changed: int, _total: int, _what: str) -> None:
        self.listening = True
        if self.lost:
            from briefing.domain import BriefingError
            from briefing.store.pg_database import revive

            try:
                revive(self.window.ws)
            except BriefingError:
                return  # heard, yet the window's own connection cannot reach it: the next notice tries again
            self.lost = False
            self._redraw()
            self.window.statusBar().showMessage(BACK, KEPT_MS)
        elif changed:
            self._timer.start()

    def _lost(self, message: str) -> None:
        if not self.lost:
            again = f"trying again every {RELISTEN_MS // 1000} seconds"
            self.window.statusBar().showMessage(f"{LOST}: {message}; {again}", KEPT_MS)
        self.lost = True
        self.listening = False
        self._again.start()

    def _listen_again(self) -> None:
        if self.window.attached and self.window.ws.conninfo is not None:
            self.listen()  # still lost until it hears: _heard then catches up

    def _redraw(self) -> None:
        self.redraws += 1
        status = self.window.statusBar()
        said = status.currentMessage()
        reading = self.window.current_source_id()
        self.window.refresh_sources()
        self.window.after_edit()
        gone = self._deleted(reading) if reading != self.window.current_source_id() else None
        if gone:
            status.showMessage(gone, KEPT_MS)  # the reader went blank: say why
        elif status.currentMessage() not in ("", said):
            pass  # said while redrawing (a pinned claim a colleague dismissed): it stays
        elif said and said != UPDATED:
            status.showMessage(said, KEPT_MS)  # a refusal or a result being read stays in view
        else:
            status.showMessage(UPDATED, 5000)

    def _deleted(self, source_id: int | None) -> str | None:
        """Who deleted the source the analyst was reading, and when; None when it is not gone."""
        from briefing.domain import clipped, one_line, strip_bidi
        from briefing.store.history import last_deletion
        from briefing.store.revisions import shown_time

        deleted = last_deletion(self.window.ws, "source", source_id) if source_id is not None else None
        if deleted is None:
            return None
        title = clipped(one_line(strip_bidi(deleted.old_value or "")), 60)  # a source's words: one plain line
        named = f" (“{title}”)" if title else ""
        return f"{deleted.actor} deleted the source you were reading{named} at {shown_time(deleted.at)}."
