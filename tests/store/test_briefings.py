import pytest

from briefing.domain import BriefingError
from briefing.note_content import AnnotationContent, ClaimContent, EntityCard, QuoteContent, SummaryContent
from briefing.store.annotations import add_annotation
from briefing.store.briefings import (
    add_item,
    create_briefing,
    delete_briefing,
    find_briefing,
    list_briefings,
    move_item,
    read_briefing,
    remove_item,
    rename_briefing,
    update_briefing,
    update_text,
)
from briefing.store.claims import add_claim, dismiss_claim
from briefing.store.entities import add_entity, add_mention
from briefing.store.evidence import add_evidence
from briefing.store.history import history_for
from briefing.store.quotes import add_quote
from briefing.store.record_finder import find_record, find_words
from briefing.store.sources import add_document, delete_source, update_source
from tests.store.test_sources import make_doc

BACKENDS = ("sqlite", "postgresql")  # tests/conftest.py runs ``ws`` on both

TEXT_A = (
    "The plant failed overnight.\n\n“We restored pumping at dawn,” said Mira Okafor. The outage hit 40,000 households."
)
TEXT_B = "Officials now say 62,000 households lost water.\n\nThe ministry confirmed 62,000 households."


@pytest.fixture
def case(ws):
    """Two sources, a quote, a claim with evidence, an annotation and an entity."""
    a, _ = add_document(
        ws, make_doc(TEXT_A, title="Pumps back", outlet="Meridian Wire", author="Sam Ortolan", published="2026-03-03")
    )
    b, _ = add_document(ws, make_doc(TEXT_B, title="Figures revised", outlet="The Veldran Standard"))
    update_source(ws, a, reliability="B")
    okafor = add_entity(ws, "Mira Okafor", "person", aliases=("Okafor",))
    name_at = TEXT_A.index("Mira")
    add_mention(ws, okafor, a, name_at, name_at + len("Mira Okafor"))
    quote_at = TEXT_A.index("We restored")
    quote = add_quote(ws, a, quote_at, quote_at + len("We restored pumping at dawn,"), okafor, "Mira Okafor", "said")
    claim_at = TEXT_A.index("The outage")
    claim = add_claim(ws, a, claim_at, len(TEXT_A))
    add_evidence(ws, claim, b, 0, TEXT_B.index("\n"), "contradicts", note="later figure")
    note_at = TEXT_A.index("40,000")
    annotation = add_annotation(ws, a, note_at, note_at + 6, note="check the figure", tags=("figures",))
    return {"a": a, "b": b, "okafor": okafor, "quote": quote, "claim": claim, "annotation": annotation}


def _kinds(ws, briefing_id):
    return [(item.position, item.kind) for item in read_briefing(ws, briefing_id).items]


def test_create_list_update_and_delete_a_note(ws):
    first = create_briefing(ws, "  Outage, day 3 ", audience="Crisis desk", date="2026-03-04", author="K. Ames")
    second = create_briefing(ws, "Ransom question")
    add_item(ws, second, "text", body="Open.")
    rows = {row.title: row for row in list_briefings(ws)}
    assert rows["Outage, day 3"].audience == "Crisis desk" and rows["Outage, day 3"].items == 0
    assert rows["Ransom question"].items == 1
    update_briefing(ws, first, audience="Minister's office", date=None, reason="wider readership")
    rename_briefing(ws, first, "Outage, day 4")
    note = read_briefing(ws, first)
    assert (note.title, note.audience, note.date, note.author) == (
        "Outage, day 4",
        "Minister's office",
        None,
        "K. Ames",
    )
    fields = [(h.action, h.field, h.old_value, h.new_value) for h in history_for(ws, "briefing", first)]
    assert fields == [
        ("create", "title", None, "Outage, day 3"),
        ("edit", "audience", "Crisis desk", "Minister's office"),
        ("edit", "date", "2026-03-04", None),
        ("edit", "title", "Outage, day 3", "Outage, day 4"),
    ]
    delete_briefing(ws, second)
    assert [row.id for row in list_briefings(ws)] == [first]
    assert ws.db.execute("SELECT count(*) FROM briefing_items").fetchone()[0] == 0


DATE_FORMS = "must be a date such as 2019-11-18 or 18 November 2019"


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"title": "  "}, "title: a briefing note needs a title"),
        ({"title": "X", "date": "4 March"}, f"date: {DATE_FORMS}, not '4 March'"),
        ({"title": "X", "date": "2026-02-30"}, "date: 2026-02-30 is not a day of the calendar"),
        ({"title": "X", "audience": 3}, "audience: must be text"),
        # a line break went into the Markdown front matter and split the body's metadata line
        ({"title": "X", "audience": "Desk\nEditor"}, "audience: must be one line of text without control characters"),
        ({"title": "X", "author": "K. Ames\x1b[31m"}, "author: must be one line of text without control characters"),
        ({"title": "Week\u2028in review"}, "title: must be one line of text without control characters"),
        ({"title": "X", "date": "2026-03-04\x07"}, "date: must be one line of text without control characters"),
    ],
)
def test_bad_metadata_is_refused_with_the_field_named(ws, fields, message):
    with pytest.raises(BriefingError) as error:
        create_briefing(ws, **fields)
    assert str(error.value) == message
    assert list_briefings(ws) == []


def test_an_edit_with_a_line_break_is_refused_and_changes_nothing(ws):
    note = create_briefing(ws, "Daily note", audience="Desk")
    with pytest.raises(BriefingError, match="^audience: must be one line of text without control characters$"):
        update_briefing(ws, note, audience="Desk\n---\ntitle: forged", author="Ana")
    row = list_briefings(ws)[0]
    assert (row.title, row.audience, row.author) == ("Daily note", "Desk", None)


def test_titles_are_unique_and_name_a_note(ws):
    first = create_briefing(ws, "Daily note")
    with pytest.raises(BriefingError, match="already has the title"):
        create_briefing(ws, "daily NOTE")
    second = create_briefing(ws, "2")  # a title that looks like an id
    with pytest.raises(BriefingError, match="already has the title"):
        rename_briefing(ws, second, "Daily note")
    with pytest.raises(BriefingError, match="not a briefing note field"):
        update_briefing(ws, first, colour="red")
    assert find_briefing(ws, "daily note") == first
    assert find_briefing(ws, str(first)) == first
    assert find_briefing(ws, "2") == second  # the id 2 is the note titled "2"
    with pytest.raises(BriefingError) as error:
        find_briefing(ws, "Weekly note")
    assert str(error.value) == "no briefing note has the title or id 'Weekly note' (see 'briefing briefings')"


def test_a_workspace_without_notes_says_so_rather_than_missing_the_one_named(ws):
    with pytest.raises(BriefingError) as error:
        find_briefing(ws, "1")
    assert str(error.value) == (
        f"{ws.name} has no briefing notes yet: make one in the window (Briefing ▸ New Briefing Note…)"
    )


def test_items_are_added_moved_and_removed_with_dense_positions(ws, case):
    note = create_briefing(ws, "Note")
    intro = add_item(ws, note, "text", body="## Bottom line\n\nMore homes than first said.")
    quote = add_item(ws, note, "quote", case["quote"])
    claim = add_item(ws, note, "claim", case["claim"], position=1)
    add_item(ws, note, "annotation", case["annotation"])
    add_item(ws, note, "summary", case["a"], position=0)
    add_item(ws, note, "entity", case["okafor"])
    assert _kinds(ws, note) == [
        (0, "summary"),
        (1, "text"),
        (2, "claim"),
        (3, "quote"),
        (4, "annotation"),
        (5, "entity"),
    ]
    move_item(ws, intro, 0)
    move_item(ws, quote, 5)
    assert _kinds(ws, note) == [
        (0, "text"),
        (1, "summary"),
        (2, "claim"),
        (3, "annotation"),
        (4, "entity"),
        (5, "quote"),
    ]
    remove_item(ws, claim)
    assert _kinds(ws, note) == [(0, "text"), (1, "summary"), (2, "annotation"), (3, "entity"), (4, "quote")]
    update_text(ws, intro, "## Bottom line\n\nAbout 62,000 homes.")
    assert read_briefing(ws, note).items[0].body == "## Bottom line\n\nAbout 62,000 homes."
    actions = [h.action for h in history_for(ws, "briefing", note)]
    assert actions == ["create"] + ["add_item"] * 6 + ["move_item"] * 2 + ["remove_item", "edit_text"]


@pytest.mark.parametrize(
    "kind, ref, body, position, message",
    [
        ("poem", None, "x", None, "item kind: must be one of quote, claim, annotation, summary, entity, text"),
        ("quote", 999, None, None, "quote 999 does not exist"),
        ("summary", 999, None, None, "source 999 does not exist"),
        ("quote", None, None, None, "a quote item needs the id of its quote"),
        ("text", None, "   ", None, "text item: the text is empty"),
        ("text", None, "x", 5, "position: must be between 0 and 0, not 5"),
    ],
)
def test_bad_items_are_refused_and_nothing_changes(ws, case, kind, ref, body, position, message):
    note = create_briefing(ws, "Note")
    with pytest.raises(BriefingError) as error:
        add_item(ws, note, kind, ref, body, position)
    assert str(error.value).startswith(message)
    assert read_briefing(ws, note).items == ()


def test_a_record_already_in_the_note_is_not_added_twice(ws, case):
    """Pressing Ctrl+B twice on a claim gave two identical sections."""
    note = create_briefing(ws, "Note")
    add_item(ws, note, "text", body="Intro")
    add_item(ws, note, "claim", case["claim"])
    with pytest.raises(BriefingError, match=r"^this claim is already item 2 of the note$"):
        add_item(ws, note, "claim", case["claim"])
    add_item(ws, note, "passage", case["a"], start=0, end=9)
    with pytest.raises(BriefingError, match=r"^that passage is already item 3 of the note$"):
        add_item(ws, note, "passage", case["a"], start=0, end=9)
    add_item(ws, note, "passage", case["a"], start=0, end=13)  # other words of the source
    add_item(ws, note, "text", body="Intro")  # the analyst's own words may repeat
    assert len(read_briefing(ws, note).items) == 5
    assert add_item(ws, create_briefing(ws, "Other"), "claim", case["claim"])  # another note may cite it


def test_a_dismissed_claim_is_refused_by_name_and_nothing_is_written(ws, case):
    """A claim dismissed as not a claim went into a note from a script or a redo; the window alone
    refused it. A note that cited it before it was dismissed keeps it (its exports flag it)."""
    cited = create_briefing(ws, "Cited before")
    add_item(ws, cited, "claim", case["claim"])
    dismiss_claim(ws, case["claim"], reason="a figure, not a claim")
    note = create_briefing(ws, "Note")
    history = len(history_for(ws, "briefing", note))
    with pytest.raises(BriefingError) as error:
        add_item(ws, note, "claim", case["claim"])
    claim = case["claim"]
    assert str(error.value) == (
        f"claim {claim} “The outage hit 40,000 households.” is dismissed (not a claim), so a briefing note "
        f"cannot cite it; restore it first (briefing claims restore {claim})"
    )
    assert read_briefing(ws, note).items == () and len(history_for(ws, "briefing", note)) == history
    assert [item.ref_id for item in read_briefing(ws, cited).items] == [claim]


def test_only_text_items_are_edited_and_moves_stay_inside_the_note(ws, case):
    note = create_briefing(ws, "Note")
    quote = add_item(ws, note, "quote", case["quote"])
    with pytest.raises(BriefingError, match="not a text item"):
        update_text(ws, quote, "new words")
    with pytest.raises(BriefingError, match="position: must be between 0 and 0"):
        move_item(ws, quote, 1)
    with pytest.raises(BriefingError, match="briefing item 999 does not exist"):
        remove_item(ws, 999)
    with pytest.raises(BriefingError, match="briefing note 999 does not exist"):
        add_item(ws, 999, "text", body="x")


def test_read_resolves_every_kind_with_citations(ws, case):
    note = create_briefing(ws, "Note")
    for kind, ref in (
        ("quote", case["quote"]),
        ("claim", case["claim"]),
        ("annotation", case["annotation"]),
        ("summary", case["a"]),
        ("entity", case["okafor"]),
    ):
        add_item(ws, note, kind, ref)
    quote, claim, annotation, summary, entity = (item.content for item in read_briefing(ws, note).items)
    assert isinstance(quote, QuoteContent)
    assert (quote.passage.text, quote.speaker, quote.cue) == ("We restored pumping at dawn,", "Mira Okafor", "said")
    citation = quote.passage.citation
    assert (citation.title, citation.outlet, citation.author, citation.published, citation.reliability) == (
        "Pumps back",
        "Meridian Wire",
        "Sam Ortolan",
        "2026-03-03",
        "B",
    )
    assert citation.paragraph == 2 and citation.locator == f"paragraph 2, characters {citation.start}-{citation.end}"
    assert isinstance(claim, ClaimContent) and claim.passage.text == "The outage hit 40,000 households."
    assert (claim.status, claim.credibility) == ("unreviewed", 4)
    [evidence] = claim.evidence
    assert (evidence.relation, evidence.note, evidence.passage.text) == (
        "contradicts",
        "later figure",
        "Officials now say 62,000 households lost water.",
    )
    assert evidence.passage.citation.outlet == "The Veldran Standard" and evidence.passage.verification.ok
    assert isinstance(annotation, AnnotationContent)
    assert (annotation.passage.text, annotation.note, annotation.tags, annotation.anchor) == (
        "40,000",
        "check the figure",
        ("figures",),
        "anchored",
    )
    assert annotation.prefix.endswith("The outage hit ") and annotation.suffix.startswith(" households")
    assert isinstance(summary, SummaryContent) and summary.citation.locator == "whole source"
    assert isinstance(entity, EntityCard)
    assert (entity.name, entity.type, entity.aliases, entity.mentions, entity.sources) == (
        "Mira Okafor",
        "person",
        ("Okafor",),
        1,
        1,
    )
    assert [q.passage.text for q in entity.quotes] == ["We restored pumping at dawn,"]


def test_verification_states(ws, case):
    note = create_briefing(ws, "Note")
    items = {
        name: add_item(ws, note, "quote", add_quote(ws, case["b"], *span))
        for name, span in (
            ("verified", (0, 9)),
            ("moved", (TEXT_B.index("62,000"), TEXT_B.index(" lost"))),
            ("altered", (0, 9)),
        )
    }
    quotes = {i.id: i.ref_id for i in read_briefing(ws, note).items}
    # the records drift from the text behind them, as after an edit outside the app
    ws.db.execute('UPDATE quotes SET start = 0, "end" = 17 WHERE id = ?', [quotes[items["moved"]]])
    ws.db.execute("UPDATE quotes SET text = 'Officials always say' WHERE id = ?", [quotes[items["altered"]]])
    ws.db.conn.commit()
    states = {i.id: i.verification for i in read_briefing(ws, note).items}
    assert states[items["verified"]].state == "verified"
    moved = states[items["moved"]]
    # found twice; the copy nearest the recorded place is reported
    assert (moved.state, moved.start, moved.end, moved.paragraph) == ("moved", 18, 35, 1)
    assert moved.describe() == "found verbatim at paragraph 1 (characters 18-35), not where it was recorded"
    assert states[items["altered"]].state == "altered"
    delete_source(ws, case["b"])
    after = read_briefing(ws, note)
    assert {i.verification.state for i in after.items} == {"orphaned"}
    assert after.items[0].body == "Officials" and after.items[0].content is None
    assert [v.state for _, v in after.problems()] == ["orphaned"] * 3


def test_evidence_problems_count_as_problems_of_the_claim(ws, case):
    note = create_briefing(ws, "Note")
    add_item(ws, note, "claim", case["claim"])
    assert read_briefing(ws, note).problems() == []
    ws.db.execute("UPDATE evidence SET passage = 'Officials say 99,000' WHERE claim_id = ?", [case["claim"]])
    ws.db.conn.commit()
    [(item, verification)] = read_briefing(ws, note).problems()
    assert item.kind == "claim" and verification.state == "altered"
    assert item.verification.state == "verified"  # the claim's own words still match


def test_find_records_and_passages_by_their_words(ws, case):
    assert find_record(ws, "quote", "restored pumping", source="meridian") == case["quote"]
    assert find_record(ws, "quote", "restored pumping", source="Veldran") is None
    assert find_record(ws, "claim", "40,000 households") == case["claim"]
    assert find_record(ws, "entity", "mira okafor") == case["okafor"]
    assert find_record(ws, "summary", "pumps") is None  # no summary before analysis
    assert find_words(ws, "veldran standard", "62,000 households") == (case["b"], 18, 35)
    assert find_words(ws, "veldran standard", "40,000") is None


def test_a_deleted_annotation_in_a_note_keeps_its_note_and_tags(ws, case):
    """The note showed only the passage of an annotation deleted after it went in: its note and
    tags, what the analyst wrote, were gone."""
    from briefing.store.annotations import delete_annotation
    from briefing.store.source_snapshots import delete_source_keeping

    note = create_briefing(ws, "Note")
    by_hand = add_annotation(ws, case["b"], 0, 9, note="check the ministry figure", tags=("figures", "Lead"))
    with_source = add_annotation(ws, case["b"], TEXT_B.index("The ministry"), len(TEXT_B), note="second")
    add_item(ws, note, "annotation", by_hand)
    add_item(ws, note, "annotation", with_source)
    delete_annotation(ws, by_hand, reason="done")
    first = read_briefing(ws, note).items[0]
    assert first.content is None and first.was == "The note said: check the ministry figure (tags: figures, Lead)"
    delete_source_keeping(ws, case["b"])  # as the window and the command line delete
    second = read_briefing(ws, note).items[1]
    assert second.content is None and second.was.endswith("The note said: second")


def test_an_annotations_tags_are_in_one_order_everywhere(ws, case):
    """Typed 'follow-up, Clinton': the dialog and the exports said 'Clinton, follow-up', the Notes
    browser 'follow-up, Clinton', and the note took follow-up's colour."""
    from briefing.store.annotations import list_annotations_with_tags, list_note_rows
    from briefing.store.notes_list import annotation_rows

    annotation = add_annotation(ws, case["b"], 0, 9, note="n", tags=("follow-up", "Clinton", "alpha"))
    note = create_briefing(ws, "Note")
    add_item(ws, note, "annotation", annotation)
    shown = ("alpha", "Clinton", "follow-up")
    assert tuple(next(r for r in list_note_rows(ws, case["b"]) if r.id == annotation).tags) == shown
    assert tuple(next(a for a in list_annotations_with_tags(ws) if a["id"] == annotation)["tags"]) == shown
    assert tuple(read_briefing(ws, note).items[0].content.tags) == shown
    assert tuple(annotation_rows(ws, [annotation])[annotation].tags) == shown


def test_the_notes_citing_sources_are_counted_before_a_deletion(ws, case):
    from briefing.store.source_snapshots import cited_in_notes

    assert cited_in_notes(ws, [case["a"], case["b"]]) == (0, [])  # no note: no list to read
    first, second = create_briefing(ws, "Morning"), create_briefing(ws, "Evening")
    add_item(ws, first, "quote", case["quote"])
    add_item(ws, first, "summary", case["a"])
    add_item(ws, second, "claim", case["claim"])
    add_item(ws, second, "passage", case["b"], start=0, end=9)
    assert cited_in_notes(ws, [case["a"]]) == (3, ["Morning", "Evening"])
    assert cited_in_notes(ws, [case["b"]]) == (1, ["Evening"])
