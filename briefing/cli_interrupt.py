"""Ctrl+C during a long command (an import, an analysis): the first press asks the work to stop
after the source at hand, so what was stored and analysed is kept and the command's summary
says how far it got; a second press stops at once ("briefing: interrupted").

The analysis's worker processes ignore Ctrl+C (``briefing.workers.serve``): this process
decides, and stops them itself.
"""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from briefing.cli_output import ProgressBar

STOPPING = "Stopping after this source (Ctrl+C again stops at once)"


@contextmanager
def stop_on_ctrl_c(bar: ProgressBar) -> Iterator[Callable[[], bool]]:
    """A ``cancelled()`` for the core function, true once Ctrl+C was pressed; the bar says so."""
    pressed: list[bool] = []

    def on_ctrl_c(number, frame) -> None:
        if pressed:
            raise KeyboardInterrupt
        pressed.append(True)
        bar.note = STOPPING  # shown at its next redraw: printing from a signal handler can fail

    previous = signal.getsignal(signal.SIGINT)
    installed = previous is signal.default_int_handler  # not when ignored: a command run in the background
    if installed:
        try:
            signal.signal(signal.SIGINT, on_ctrl_c)
        except ValueError:  # not the main thread, where only Python may set a handler
            installed = False
    try:
        yield lambda: bool(pressed)
    finally:
        if installed:
            signal.signal(signal.SIGINT, previous)
        bar.clear()
