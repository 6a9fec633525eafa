"""A change refused because a colleague got there first: said in one line with who did what and
when, and the window drawn again from what is stored now.

The store refuses a write over a newer revision (``StaleWrite``: "claim “The outage hit…” was
changed by Ben Adler at …"), a write to an item gone (``GoneWrite``) and a read of one (``Gone``:
"the source of the claim, “Outage”, was deleted by Ben Adler at …"). An action that reads the item first (the
claim's words before Edit Claim Text, a quote's speaker before Change Speaker) meets ``Gone``
before anything is written; so does a write whose command reads as it is made. A claim, quote or
suggested passage a re-analysis drew again since the window drew it (``Missing``: the history
leaves the machine's churn out) is said as such (ui.redrawn); one gone some other unrecorded way
is "that quote", never "quote 3", a number the window shows nowhere.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtWidgets import QApplication

from briefing.domain import BriefingError
from briefing.store.claims import dismissed_refusal, get_claim
from briefing.store.revisions import Gone, Missing, StaleWrite
from briefing.ui.plain import as_sentence
from briefing.ui.redrawn import redrawn_line

if TYPE_CHECKING:
    from briefing.ui.main_window import MainWindow

REFUSED_MS = 15000
SEEN_ELSEWHERE = 0  # a revision no claim has: shown as a claim where no revision is kept (a search result)
Action = TypeVar("Action", bound=Callable[..., Any])


def refusal_line(exc: BriefingError) -> str | None:
    """What the status bar says of a change a colleague's made impossible; None for any other error."""
    if isinstance(exc, Gone):
        return f"{exc}; nothing was saved"
    if isinstance(exc, StaleWrite):
        return str(exc)
    if isinstance(exc, Missing) and exc.by_number:  # 'quote 3 does not exist': a number shown nowhere
        return f"That {exc.kind} is no longer there; nothing was saved."
    return None


def show_refusal(window: MainWindow, exc: BriefingError, prefix: str = "") -> bool:
    """Say a colleague's change refused this one and draw the window as stored now; False (nothing
    done) for any other error. The source list is read again: the colleague's change may have
    deleted the source being read (with the item, or beside it), and the reader never stays on it."""
    said = redrawn_line(window.ws, window.analyses, exc) or refusal_line(exc)
    if said is None:
        return False
    window.refresh_sources()  # the colleague's change may have taken the source being read
    window.after_edit()
    window.statusBar().showMessage(f"{prefix}{said}", REFUSED_MS)  # last: the redraw may say something else
    return True


def keep_typed(window: MainWindow, text: str | None, what: str) -> None:
    """Words the analyst typed for a change that was refused (``what``: 'reason', 'words') wait on
    the clipboard, as a refused note's do, and the refusal says so."""
    if not text or not text.strip():
        return
    QApplication.clipboard().setText(text)
    bar = window.statusBar()
    verb = "are" if what.endswith("s") else "is"
    bar.showMessage(f"{bar.currentMessage().rstrip('.')}. Your {what} {verb} on the clipboard.", 20000)


def refused_as_dismissed(window: MainWindow, claim_id: int) -> bool:
    """True (said, redrawn) when the window showed the claim (its list, a search result) and a
    colleague has dismissed it as not a claim since, or it is gone: adding it to a briefing note
    would cite a non-claim, unsaid."""
    try:
        dismissed = get_claim(window.ws, claim_id)["dismissed"]
    except (Gone, Missing) as exc:
        return show_refusal(window, exc)
    if not dismissed:
        return False
    seen = window.panel.shown_revision(claim_id)
    return show_refusal(window, dismissed_refusal(window.ws, claim_id, SEEN_ELSEWHERE if seen is None else seen))


def refusing(action: Action) -> Action:
    """A method of an object with a ``window`` whose item a colleague changed or removed meanwhile:
    said and redrawn by ``show_refusal`` instead of escaping as an error."""

    @functools.wraps(action)
    def run(self, *args, **kwargs):
        try:
            return action(self, *args, **kwargs)
        except (Gone, StaleWrite, Missing) as exc:
            if not show_refusal(self.window, exc):  # gone, and nothing says how
                self.window.statusBar().showMessage(as_sentence(str(exc)), 8000)
            return None

    return run  # type: ignore[return-value]
