"""Migration 0014: a quote is indexed under its speaker's name, not the words describing them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.cjk import spaced  # the index's CJK spacing is part of its format

if TYPE_CHECKING:
    from sqlite_utils import Database

NAME = "0014_speaker_names"

# The speaker field of each quote's index row as this migration writes it, frozen.
_SPEAKERS_0014 = """
SELECT d.id,
       CASE WHEN e.id IS NULL THEN coalesce(q.speaker_text, '') ELSE trim(e.name || ' ' ||
            coalesce((SELECT group_concat(alias, ' ') FROM entity_aliases a WHERE a.entity_id = e.id), ''))
       END
FROM search_docs d JOIN quotes q ON q.id = d.ref_id LEFT JOIN entities e ON e.id = q.speaker_id
WHERE d.kind = 'quote' AND q.speaker_id IS NOT NULL
"""


def run(db: Database) -> None:
    """The speaker field held the speaker's name, the words of the attribution and the aliases:
    "speaker:clinton" found the quotes of "Clinton's campaign manager Robby Mook". A quote with
    a speaker entity keeps its name and aliases; one without keeps the attribution's words."""
    for doc_id, speaker in db.execute(_SPEAKERS_0014).fetchall():
        db.execute("UPDATE search_fts SET speaker = ? WHERE rowid = ?", [spaced(speaker), doc_id])
