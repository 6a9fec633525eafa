"""Claims, quotes and suggested passages a re-analysis drew again while the window still showed
them: acting on one says when its source was analysed again, never 'claim 12 does not exist'.

A re-analysis (``briefing analyse``, the window's own worker, a team's worker) deletes what the
analysis found that nobody has touched and finds it again: a claim on the same words keeps its
id, a quote never does, a claim it no longer finds is gone, and so are the open suggestions of
the source's claims (store.analysis). This churn is the machine's, never a judgement, and the
judgement history leaves it out. Instead the window keeps, for each claim, quote and suggested
passage it drew, the source it came from and that source's analysis time then
(``DrawnAnalyses``); an item gone whose source was analysed at another time since was drawn
again by that analysis.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from briefing.domain import BriefingError, clipped, one_line, strip_bidi
from briefing.store.analysis import Analysed, analysis_times, last_analysis
from briefing.store.claims import claim_exists
from briefing.store.revisions import GoneWrite, Missing, StaleWrite, shown_time
from briefing.ui.step_names import claim_words, quoted

if TYPE_CHECKING:
    from briefing.store import Workspace

# what a re-analysis takes with it, and how a refusal names its kind
_WHOSE = {"claim": "the claims of {title}", "quote": "the quotes of {title}"}
TITLE_CHARACTERS = 32  # the line, the clipboard's note after it, holds in a 1280-pixel window
# a suggestion gone unrecorded while its claim and both sources stay: its claim's open suggestions
# were ranked again (another source analysed, a claim opened with the model installed)
RANKED_AGAIN = "The suggested passages were ranked again since they were shown; that passage is no longer there."
_DRAWN_AT_MOST = 200_000  # items remembered; past it the oldest half is forgotten (said as before)


class DrawnAnalyses:
    """For each claim, quote and suggestion the window drew: the sources it came from (a
    suggestion: its claim's and its passage's), each with its analysis time when it was drawn."""

    def __init__(self) -> None:
        self._drawn: dict[tuple[str, int], tuple[tuple[int, str | None], ...]] = {}

    def drew(self, ws: Workspace, kind: str, items: Iterable[tuple[int, tuple[int, ...]]]) -> None:
        """``items``: (item id, the ids of the sources it came from) of ``kind``, drawn just now."""
        listed = list(items)
        if not listed:
            return
        times = analysis_times(ws, {source for _, sources in listed for source in sources})
        self.remember(kind, listed, times)

    def drew_source(self, ws: Workspace, source_id: int, claims: Iterable, quotes: Iterable) -> None:
        """The source's claim and quote rows (with an ``id``) drawn just now."""
        times = analysis_times(ws, [source_id])
        self.remember("claim", [(claim.id, (source_id,)) for claim in claims], times)
        self.remember("quote", [(quote.id, (source_id,)) for quote in quotes], times)

    def remember(self, kind: str, items: Iterable[tuple[int, tuple[int, ...]]], times: dict[int, str | None]) -> None:
        """As ``drew``, with the sources' analysis times already read (by a worker's task)."""
        for item_id, sources in items:
            self._drawn.pop((kind, item_id), None)  # drawn again: the newest, the last forgotten
            self._drawn[(kind, item_id)] = tuple((source, times.get(source)) for source in sources)
        if len(self._drawn) > _DRAWN_AT_MOST:
            for key in list(self._drawn)[: _DRAWN_AT_MOST // 2]:
                del self._drawn[key]

    def drawn(self, kind: str, item_id: int) -> bool:
        return (kind, item_id) in self._drawn

    def analysed_since(self, ws: Workspace, kind: str, item_id: int) -> Analysed | None:
        """The analysis of a source the item came from, when it is later than the one drawn."""
        for source_id, then in self._drawn.get((kind, item_id), ()):
            now = last_analysis(ws, source_id)
            if now is not None and now.at is not None and now.at != then:
                return now
        return None


def redrawn_line(ws: Workspace, drawn: DrawnAnalyses, exc: BriefingError) -> str | None:
    """What the status bar says when ``exc`` refused an action on an item a re-analysis drew
    again after the window drew it; None for any other refusal."""
    found = _item_of(exc)
    if found is None:
        return None
    kind, item_id, gone = found
    analysed = drawn.analysed_since(ws, kind, item_id)
    if analysed is None:
        return RANKED_AGAIN if kind == "suggestion" and drawn.drawn(kind, item_id) else None
    if kind == "suggestion":
        return f"{_redrawn(kind, analysed)}; that passage is no longer there, nothing was saved."
    # the analyst just acted on it: 'that claim', with its words where it is still there
    words = None if gone else claim_words(ws, item_id)
    that = f"the {kind} {quoted(words, TITLE_CHARACTERS)}" if words else f"that {kind}"
    now = "is no longer there" if gone else "was found again, shown as it is now"
    return f"{_redrawn(kind, analysed)}; {that} {now}, nothing was saved."


def unpinned_line(ws: Workspace, drawn: DrawnAnalyses, claim_id: int, text: str | None = None) -> str | None:
    """Why the pinned claim (its words: ``text``) went, when a re-analysis of its source took it;
    None otherwise."""
    analysed = drawn.analysed_since(ws, "claim", claim_id)
    if analysed is None or claim_exists(ws, claim_id):
        return None
    pinned = f"the pinned claim {quoted(text, TITLE_CHARACTERS)}" if text and text.strip() else "the pinned claim"
    return f"{_redrawn('claim', analysed)}; {pinned} is no longer there, and no longer pinned."


def _redrawn(kind: str, analysed: Analysed) -> str:
    """'The claims of “Outage ends” were redrawn when it was analysed again at …'."""
    title = f"“{clipped(one_line(strip_bidi(analysed.title)), TITLE_CHARACTERS)}”"
    at = shown_time(analysed.at)
    if kind == "suggestion":
        return f"The suggested passages were redrawn when {title} was analysed again at {at}"
    whose = _WHOSE[kind].format(title=title)
    return f"{whose[0].upper()}{whose[1:]} were redrawn when it was analysed again at {at}"


def _item_of(exc: BriefingError) -> tuple[str, int, bool] | None:
    """(kind, id, gone) of the claim, quote or suggestion a refusal names with no one who removed
    or changed it: gone unrecorded (Missing, a GoneWrite that names nobody), or a claim found again
    under its id with a new first revision (a StaleWrite that names nobody)."""
    if isinstance(exc, Missing):
        kind, item_id, gone = exc.kind, exc.item_id, True
    elif isinstance(exc, StaleWrite) and exc.current.by is None:
        kind, item_id, gone = exc.kind, exc.item_id, isinstance(exc, GoneWrite)
    else:
        return None
    if kind not in (*_WHOSE, "suggestion") or (kind != "claim" and not gone):
        return None
    return kind, item_id, gone
