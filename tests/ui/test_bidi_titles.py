"""A right-to-left override in a received workspace's titles (U+202E) never shows what follows
it reversed: 'report\u202eexe.txt' must not read as a file name it is not, in the source list,
the reader's headline, the search results or the window's title."""

from briefing.store.sources import update_source
from briefing.ui.source_model import SourceIdRole

CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
HOSTILE = "Minutes \u202etxt.exe of the council\u202c meeting"


def test_bidi_controls_of_a_title_take_no_effect_where_it_is_shown(demo_window):
    window = demo_window
    source_id = window.current_source_id()
    update_source(window.ws, source_id, title=HOSTILE, outlet="Wire\u202eService")
    window.refresh_sources(source_id)
    window.show_source(source_id)
    row = next(r for r in range(window.model.rowCount()) if window.model.index(r, 0).data(SourceIdRole) == source_id)
    shown = [window.model.index(row, column).data() for column in (0, 1)]
    assert shown == ["Minutes txt.exe of the council meeting", "WireService"]
    headline = window.reader.document().firstBlock().text()
    assert len(headline) == len(HOSTILE) and not any(c in headline for c in CONTROLS)  # offsets hold
    assert not any(c in window.windowTitle() for c in CONTROLS)
