"""The shipped demo corpus imports cleanly: text, a title, metadata, no web furniture left."""

import pytest

from briefing import paths
from briefing.ingest import collect_files, read_document

DEMO_FILES, _ = collect_files([paths.demo_dir()])
MARKERS = (
    "Edit Story",
    "More From",
    "Most Viewed",
    "Add your comment",
    "beta version",
    "©",
    "Facebook Twitter",
    "Editing by",
    "Photo:",
)

# file prefix -> (outlet, author, published) as an analyst would read them off the page
EXPECTED = {
    "01": ("Meridian Wire", "Sam Ortolan", "2026-03-03"),
    "02": ("The Halden Courier", "Rhea Castellane", "2026-03-04"),
    "03": ("Waterline OT", "Owen Threlfall", "2026-03-05"),
    "04": (None, "Ministry of Infrastructure, Press Office", "2026-03-04"),
    "05": (None, "Corvane Systems Communications", "2026-03-05"),
    "06": (None, "Halden Water Authority Press Office", "2026-03-06"),
    "07": ("Veldra Review", "Clara Vennick", "2026-03-06"),
    "08": ("The Veldran Standard", "Felix Armand", "2026-03-07"),
    "09": (None, None, None),  # a transcript with only "since 2019" in it: no date is invented
    "10": ("Ferrow Labs", "Nadia Ferrow", "2026-03-07"),
    "11": ("Northgate Herald", "Tove Hallam", "2026-03-09"),
}


def test_every_demo_file_is_covered():
    assert sorted(p.name[:2] for p in DEMO_FILES) == sorted(EXPECTED)
    assert {p.suffix for p in DEMO_FILES} >= {".txt", ".md", ".html", ".pdf", ".docx", ".eml"}


@pytest.mark.parametrize("path", DEMO_FILES, ids=[p.name for p in DEMO_FILES])
def test_demo_file_reads_cleanly(path):
    doc = read_document(path)
    assert doc.text.strip() and doc.title
    assert not [m for m in MARKERS if m in doc.text]
    assert not doc.text.startswith(doc.title)  # the headline is not glued to the body
    assert "\n\n\n" not in doc.text
    assert doc.language == "en"
    assert (doc.outlet, doc.author, doc.published) == EXPECTED[path.name[:2]]


def test_scraper_glue_in_the_courier_page_is_repaired():
    [courier] = [p for p in DEMO_FILES if p.name.startswith("02")]
    text = read_document(courier).text
    assert "system.The" not in text and "outageThe" not in text
    assert "system. The mayor" in text
