"""The timeline shows dated sources and their claims; clicking opens them."""

from briefing.store.sources import list_sources
from briefing.ui.timeline import ItemRole


def test_timeline_places_every_dated_source_and_opens_a_claim(demo_window):
    demo_window.show_timeline()
    items = [i.data(ItemRole) for i in demo_window.timeline.view.scene().items() if i.data(ItemRole)]
    sources = {d[1] for d in items if d[0] == "source"}
    dated = {r.id for r in list_sources(demo_window.ws) if r.published}
    assert sources == dated
    claim = next(d for d in items if d[0] == "claim")
    demo_window.timeline.view.opened.emit(*claim)
    assert demo_window.current_source_id() == claim[2]
    assert demo_window.panel.current_claim() == claim[1]
