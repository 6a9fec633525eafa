"""A Briefing error that escapes a slot reaches the analyst as one line in the window's status bar.

A slot that reads as the analyst clicks (a claim's evidence, a source's text) meets the team's
server gone like any write, but no caller catches it: Qt prints the traceback on a terminal the
analyst of a desktop app never sees, and the window only stops redrawing. The hook shows the
error's one line (the store's errors are written for the analyst); any other exception goes on to
the hook before it, as a defect to report.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import TracebackType

from briefing.domain import BriefingError, ReadFailed

SHOWN_MS = 15000

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def report_in_status_bar(window) -> Hook:
    """Install the hook for ``window``'s app; the hook it replaced (to put back when the app ends)."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if isinstance(error, BriefingError):
            window.statusBar().showMessage(str(error), SHOWN_MS)
            return
        previous(kind, error, trace)

    sys.excepthook = hook
    return previous


@contextmanager
def showing(what: str) -> Iterator[None]:
    """Reads for ``what`` ('The source'): one the team's server cannot answer fails as '<what>
    could not be shown: <why>' (the store's own line says only that nothing could be read)."""
    try:
        yield
    except ReadFailed as exc:
        raise ReadFailed(exc.cause, f"{what} could not be shown: {exc.cause}") from None
