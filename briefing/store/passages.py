"""Read access to the sentences of every source, for related-claim search (the claims: ``store.claims``)."""

from __future__ import annotations

from collections.abc import Iterator

from briefing.store.workspace import Workspace

TITLE_NEAR_START = 500  # a title found this close to the start of the text is its first paragraph


def iter_passages(ws: Workspace) -> Iterator[tuple[int, int, int, str]]:
    """(source_id, start, end, text) of every stored sentence, source by source.

    A title that is not the first paragraph of its text is put before the text of the source's
    first sentence, so the title's words find the source and the lead is what is shown.
    """
    titles = dict(
        ws.db.execute(
            "SELECT id, title FROM sources WHERE trim(coalesce(title, '')) != '' "
            "AND instr(substr(text, 1, length(title) + ?), title) = 0",
            [TITLE_NEAR_START],
        ).fetchall()
    )
    cursor = ws.db.execute(
        'SELECT s.source_id, s.start, s."end", substr(src.text, s.start + 1, s."end" - s.start) '
        "FROM sentences s JOIN sources src ON src.id = s.source_id "
        # an older version of an article is no other source's evidence: its newest version is
        "WHERE NOT EXISTS (SELECT 1 FROM sources n WHERE n.version_of = src.id) ORDER BY s.source_id, s.start"
    )
    previous = None
    for source_id, start, end, text in cursor:
        if source_id != previous:
            previous = source_id
            title = titles.get(source_id)
            if title:
                text = f"{title.strip()}\n{text}"
        yield source_id, start, end, text
