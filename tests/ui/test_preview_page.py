"""The briefing note preview in the window's colours: no white page on a dark window."""

import pytest
from PySide6.QtGui import QPalette

from briefing.ui.app import apply_palette
from briefing.ui.panels import ItemRole
from briefing.ui.preview_page import page_stylesheet


@pytest.fixture
def dark(qapp):
    apply_palette(qapp, "dark")
    yield qapp.palette()
    apply_palette(qapp, "light")  # the palette belongs to the QApplication the other tests share


def colours_of_text(document):
    """The lightness of every run of text in the preview."""
    found = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.text().strip():
                found.append(fragment.charFormat().foreground().color().lightness())
            fragments += 1
        block = block.next()
    return found


def test_on_a_dark_palette_the_preview_is_a_dark_page_with_light_words(dark, demo_window, qtbot):
    """The preview stayed paper-white beside the dark window (a white box while no note is open)."""
    dock = demo_window.briefing_dock
    demo_window.show_briefing()
    assert dock.preview.palette().color(QPalette.ColorRole.Base).lightness() < 80  # the empty preview too
    dock.new_note({"title": "Night desk", "audience": "Desk", "date": None, "author": None})
    dock.add_text()
    dock.items.setCurrentRow(0)
    dock.editor.setPlainText("## Assessment\n\nThe timeline is wrong.\n\n> A quoted line.")
    dock.save_editor()
    qtbot.waitUntil(lambda: "A quoted line." in dock.preview.toPlainText())
    lightness = colours_of_text(dock.preview.document())
    assert lightness and min(lightness) > 150  # every word reads on the dark base, none in near-black
    assert "#faf7ec" not in dock.preview.toHtml()  # the quote block's light tint is not painted either


def test_on_a_light_palette_the_page_keeps_the_exported_colours(qapp):
    sheet = page_stylesheet(qapp.palette())
    assert "#faf7ec" in sheet and "#a4161a" in sheet


def test_a_claim_dismissed_since_it_went_into_the_note_says_so_in_its_row_and_the_preview(demo_window, qtbot):
    """The row and the preview's heading still said 'Claim: unreviewed', the caution only further down."""
    from briefing.store.claims import dismiss_claim

    dock = demo_window.briefing_dock
    dock.new_note({"title": "Dismissed since", "audience": None, "date": None, "author": None})
    demo_window.panel.setCurrentIndex(3)
    tree = demo_window.panel.claims
    tree.setCurrentItem(tree.topLevelItem(0))
    demo_window.add_to_briefing()
    dismiss_claim(demo_window.ws, tree.topLevelItem(0).data(0, ItemRole)[1])
    dock.refresh()
    row = dock.items.item(0).text()
    assert "Claim (dismissed)" in row and "Claim:" not in row  # after the caution mark
    qtbot.waitUntil(lambda: "Claim (dismissed)" in dock.preview.toPlainText())
