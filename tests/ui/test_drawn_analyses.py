"""What the window remembers of the analyses it drew (ui.redrawn): bounded, the newest kept."""

from briefing.ui import redrawn


def test_past_its_bound_the_items_drawn_longest_ago_are_forgotten_first(monkeypatch):
    """A claim of the source being read, drawn again and again, was forgotten first: it had
    been remembered first."""
    monkeypatch.setattr(redrawn, "_DRAWN_AT_MOST", 10)
    drawn = redrawn.DrawnAnalyses()
    times = {1: "2026-01-05T09:00:00+00:00", 2: "2026-01-06T09:00:00+00:00"}
    drawn.remember("claim", [(7, (1,))], times)  # the claim being read
    for item_id in range(100, 109):
        drawn.remember("quote", [(item_id, (2,))], times)
    drawn.remember("claim", [(7, (1,))], times)  # drawn again with its source
    drawn.remember("quote", [(200, (2,))], times)  # past the bound
    assert ("claim", 7) in drawn._drawn
    assert ("quote", 100) not in drawn._drawn and ("quote", 200) in drawn._drawn
