"""Which languages the analysis reads, and how Briefing says a source was left out of it.

A source whose language is known and is not one of ``ANALYSED_LANGUAGES`` is imported and
searchable but not analysed (the parser and the rules read English); a source with no language
known is analysed. The import, ``briefing analyse``, ``briefing sources`` and the reader word it
the same way.
"""

from __future__ import annotations

from collections.abc import Iterable

# languages the analysis is written for; a source with no language known is analysed too
ANALYSED_LANGUAGES = frozenset({"en"})
ENGLISH_ONLY = "entities, quotes and claims are found in English text only"


def is_analysed_language(language: str | None) -> bool:
    """Whether the analysis reads a source in ``language`` ("en", "en-GB", or unknown)."""
    code = (language or "").strip().lower().split("-")[0]
    return not code or code in ANALYSED_LANGUAGES


def analysis_withheld(language: str | None) -> str | None:
    """Why a source in ``language`` is not analysed ("language pl: ..."), or None when it is."""
    return None if is_analysed_language(language) else f"language {language}: {ENGLISH_ONLY}"


def withheld_note(languages: Iterable[str]) -> str:
    """One line for the sources left out, one language per source: "2 not analysed: language ko, pl — ..."."""
    languages = list(languages)
    return f"{len(languages)} not analysed: language {', '.join(dict.fromkeys(languages))} — {ENGLISH_ONLY}"
