"""The demo workspace ships with an example briefing note that exports at once in every format."""

import io
import json

import docx
import pytest

from briefing.demo import add_demo_briefing, demo_briefing_spec
from briefing.domain import BriefingError
from briefing.export.formats import BRIEFING_FORMATS, render_briefing
from briefing.note_content import ClaimContent, QuoteContent
from briefing.pipeline import create_demo_workspace, import_paths
from briefing.store import open_workspace
from briefing.store.briefings import list_briefings, read_briefing
from tests.export.helpers import HtmlText, normal, pdf_text, squeezed

SPEC = demo_briefing_spec()
QUOTE = "a document that has the form of a ransom note"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "workspace.briefing"
    create_demo_workspace(path)
    with open_workspace(path) as ws:
        yield ws


def test_the_demo_workspace_holds_the_example_note_complete_and_verified(demo):
    [row] = list_briefings(demo)
    assert row.title == SPEC["title"] and row.items == len(SPEC["items"])  # nothing was skipped
    note = read_briefing(demo, row.id)
    assert [item.kind for item in note.items] == [item["kind"] for item in SPEC["items"]]
    assert note.problems() == []
    claims = [item.content for item in note.items if isinstance(item.content, ClaimContent)]
    assert [(c.status, c.credibility, len(c.evidence)) for c in claims] == [
        ("disputed", 5, 2),
        ("corroborated", 2, 1),
        ("unreviewed", None, 0),
    ]
    quotes = [item.content for item in note.items if isinstance(item.content, QuoteContent)]
    assert QUOTE in [q.passage.text for q in quotes]
    assert {q.passage.citation.reliability for q in quotes} == {"B"}


@pytest.mark.parametrize("fmt", BRIEFING_FORMATS)
def test_the_example_note_exports_in_every_format(demo, fmt):
    data = render_briefing(demo, list_briefings(demo)[0].id, fmt)
    if fmt == "pdf":
        text = squeezed("".join(pdf_text(data)[0]))
        assert squeezed(SPEC["title"]) in text and squeezed(QUOTE) in text
        return
    text = {
        "md": lambda: data.decode("utf-8"),
        "html": lambda: HtmlText(data.decode("utf-8")).text,
        "docx": lambda: "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs),
        "json": lambda: json.dumps(json.loads(data), ensure_ascii=False),
    }[fmt]()
    assert normal(SPEC["title"]) in normal(text) and QUOTE in text
    assert "The Veldran Standard" in text
    assert fmt == "json" or "Reliability B (usually reliable)" in text


def test_without_analysis_the_note_holds_only_its_text(tmp_path, demo_dir):
    with open_workspace(tmp_path / "raw.briefing") as ws:
        import_paths(ws, [demo_dir], analyse=False)
        briefing_id, skipped = add_demo_briefing(ws)
        note = read_briefing(ws, briefing_id)
    assert [item.kind for item in note.items] == ["text", "text"]
    assert len(skipped) == len(SPEC["items"]) - 2 and skipped[0].startswith("claim: 'The outage began at 23:40")


def test_a_broken_recipe_is_one_line_naming_the_file(tmp_path, ws):
    recipe = tmp_path / "briefing.json"
    recipe.write_text('{"title": "x", "items": [', encoding="utf-8")
    with pytest.raises(BriefingError) as error:
        add_demo_briefing(ws, recipe)
    assert str(error.value).startswith(f"{recipe}: not valid JSON")
    assert list_briefings(ws) == []


def test_the_demo_workspace_has_tagged_notes_on_its_passages(demo):
    from briefing.store.notes_list import list_annotations, tag_counts

    notes = list_annotations(demo)
    assert sorted(n.exact for n in notes) == sorted(n["passage"] for n in SPEC["annotations"])
    assert {tag for tag, _ in tag_counts(demo)} >= {"contradiction", "figures", "timeline"}
