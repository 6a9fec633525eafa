import hashlib

import pytest

from briefing.domain import Document
from briefing.store.annotations import add_annotation
from briefing.store.briefings import add_item, create_briefing, read_briefing
from briefing.store.claims import add_claim, get_claim, list_claim_history, mark_claim
from briefing.store.evidence import add_evidence
from briefing.store.history import history_for
from briefing.store.quotes import add_quote
from briefing.store.source_versions import (
    describe_carries,
    find_previous_version,
    import_document,
    list_carries,
    list_versions,
    newest_version,
    normalised,
    source_version,
)
from briefing.store.sources import get_source, list_source_details, list_sources, source_ids, update_source
from briefing.text_versions import compare_paragraphs

BACKENDS = ("sqlite", "postgresql")  # tests/conftest.py runs ``ws`` on both

P1 = "The ministry said the water outage in the north ended on Tuesday."
P2 = "Engineers repaired the main pipe near the old bridge overnight."
P3 = "Officials estimated that 12,000 homes lost water for two days."
P4 = "A spokesperson declined to say what caused the break."
INSERTED = "Residents in two districts still reported brown water on Wednesday morning."
OLD = "\n\n".join([P1, P2, P3, P4])
# a paragraph inserted above P2, a word changed in P3, P4 deleted
NEW = "\n\n".join([P1, INSERTED, P2, P3.replace("12,000", "14,000")])


def doc(text=OLD, title="Water outage ends", outlet="Meridian Wire", fmt="txt", raw=None, path="a.txt"):
    raw = raw if raw is not None else (title + "\n\n" + text).encode()
    return Document(
        path=path,
        format=fmt,
        raw=raw,
        content_hash=hashlib.sha256(raw).hexdigest(),
        text=text,
        title=title,
        outlet=outlet,
    )


def page(text, url="https://news.example/outage", title="Water outage ends"):
    head = f'<html><head><link rel="canonical" href="{url}"><title>{title}</title></head><body>'
    raw = (head + "".join(f"<p>{p}</p>" for p in text.split("\n\n")) + "</body></html>").encode()
    return doc(text, title=title, outlet=None, fmt="html", raw=raw, path="page.html")


def span(text, words):
    start = text.index(words)
    return start, start + len(words)


def test_same_title_and_outlet_with_another_text_is_the_next_version(ws):
    first = import_document(ws, doc())
    second = import_document(ws, doc(NEW, title="Water Outage Ends!", outlet="meridian  wire"))
    assert (first.status, second.status, second.previous_id) == ("created", "version", first.source_id)
    assert source_version(ws, second.source_id) == (2, first.source_id, None)
    assert source_version(ws, first.source_id) == (1, None, second.source_id)
    assert [s.id for s in list_sources(ws)] == [second.source_id]  # the list shows the newest
    assert source_ids(ws) == [second.source_id]
    assert [d.version for d in list_source_details(ws)] == [2]
    assert [(v.id, v.version, v.newest) for v in list_versions(ws, first.source_id)] == [
        (first.source_id, 1, False),
        (second.source_id, 2, True),
    ]
    assert history_for(ws, "source", second.source_id)[0].action == "new_version"
    assert newest_version(ws, first.source_id) == newest_version(ws, second.source_id) == second.source_id
    assert newest_version(ws, 40_000) == 40_000  # a source deleted meanwhile (PostgreSQL refused the query)


def test_same_address_is_the_next_version_whatever_the_title(ws):
    first = import_document(ws, page(OLD))
    second = import_document(ws, page(NEW, title="Outage: brown water reported"))
    assert second.status == "version" and second.previous_id == first.source_id
    assert get_source(ws, second.source_id).title == "Outage: brown water reported"


def test_a_new_headline_over_the_same_text_is_the_next_version(ws):
    """A corrected headline over unchanged paragraphs was 'already there', the new headline dropped."""
    first = import_document(ws, page(OLD))
    claim = add_claim(ws, first.source_id, 0, len("Water outage ends"), part="title")
    mark_claim(ws, claim, "disputed")
    second = import_document(ws, page(OLD, title="Water outage finally ends"))
    assert second.status == "version" and second.previous_id == first.source_id
    assert get_source(ws, second.source_id).title == "Water outage finally ends"
    assert [(c.kind, c.state) for c in second.carries] == [("claim", "altered")]


def test_the_same_page_saved_again_after_the_analyst_retitled_it_is_unchanged(ws):
    first = import_document(ws, page(OLD))
    update_source(ws, first.source_id, title="Outage over (our title)")
    saved = page(OLD)
    raw = saved.raw + b"<!-- saved again -->"  # another file, the same text and headline
    again = import_document(ws, doc(OLD, title=saved.title, outlet=None, fmt="html", raw=raw, path="page.html"))
    assert (again.status, again.source_id) == ("unchanged", first.source_id)
    renamed = import_document(ws, page(OLD, title="Water outage finally ends"))
    assert renamed.status == "version"
    assert get_source(ws, renamed.source_id).title == "Outage over (our title)"  # the analyst's title holds


def test_same_text_is_unchanged_and_another_outlet_is_a_new_source(ws):
    first = import_document(ws, doc())
    again = import_document(ws, doc(raw=b"saved again " + OLD.encode()))
    assert (again.status, again.source_id) == ("unchanged", first.source_id)
    other = import_document(ws, doc(NEW, outlet="Harbour Times"))
    assert other.status == "created" and other.previous_id is None
    assert len(list_sources(ws)) == 2


def test_a_recurring_headline_with_nothing_in_common_is_a_new_source(ws):
    import_document(ws, doc("Monday: the council met.\n\nRain is expected.", title="Morning briefing"))
    other = import_document(ws, doc("Tuesday: the port reopened.\n\nMarkets fell.", title="Morning briefing"))
    assert other.status == "created"
    assert len(list_sources(ws)) == 2


def test_two_different_addresses_are_two_articles(ws):
    import_document(ws, page(OLD, url="https://news.example/a"))
    second = import_document(ws, page(NEW, url="https://news.example/b"))
    assert second.status == "created"


def test_no_outlet_and_no_address_never_matches(ws):
    import_document(ws, doc(outlet=None))
    assert import_document(ws, doc(NEW, outlet=None)).status == "created"
    assert find_previous_version(ws, None, "Water outage ends", None) is None


def test_normalised_ignores_case_punctuation_and_spacing():
    assert normalised("  Water-Outage  ENDS! ") == normalised("water outage ends")


def test_carry_over_states_with_a_crafted_edit(ws):
    first = import_document(ws, doc()).source_id
    other = import_document(ws, doc("Another outlet's take on it.", title="Elsewhere", outlet="Harbour Times"))
    verified = add_annotation(ws, first, *span(OLD, "water outage in the north"), note="key line")
    moved = add_annotation(ws, first, *span(OLD, "repaired the main pipe"), note="how")
    orphaned = add_annotation(ws, first, *span(OLD, "declined to say what caused the break"), note="why")
    claim = add_claim(ws, first, *span(OLD, "12,000 homes lost water for two days"))
    mark_claim(ws, claim, "disputed", "the utility says fewer")
    # a claim of another source with evidence taken from this one
    their_claim = add_claim(ws, other.source_id, 0, len("Another outlet's take"))
    evidence = add_evidence(ws, their_claim, first, *span(OLD, "near the old bridge"), "supports")
    quote = add_quote(ws, first, *span(OLD, "the water outage in the north ended"))
    ws.db.execute("UPDATE quotes SET speaker_confirmed = 1 WHERE id = ?", [quote])
    note = create_briefing(ws, "Week 47")
    add_item(ws, note, "annotation", moved)
    add_item(ws, note, "summary", first)
    add_item(ws, note, "claim", claim)

    result = import_document(ws, doc(NEW))
    new = result.source_id
    states = {(c.kind, c.ref_id): c.state for c in result.carries}
    assert states == {
        ("annotation", verified): "verified",
        ("annotation", moved): "moved",
        ("annotation", orphaned): "orphaned",
        ("claim", claim): "altered",
        ("evidence", evidence): "moved",
        ("quote", quote): "verified",
    }
    assert describe_carries(result.carries) == "2 verified, 2 moved, 1 altered, 1 orphaned"
    assert list_carries(ws, new) == list(result.carries)

    rows = {r[0]: r[1:] for r in ws.db.execute('SELECT id, source_id, start, "end", exact, anchor FROM annotations')}
    assert rows[verified] == (new, *span(NEW, "water outage in the north"), "water outage in the north", "anchored")
    assert rows[moved] == (new, *span(NEW, "repaired the main pipe"), "repaired the main pipe", "moved")
    assert rows[orphaned][0] == first  # kept on the previous version only
    carried = get_claim(ws, claim)
    assert (carried["source_id"], carried["status"]) == (new, "disputed")
    # an altered claim keeps the words judged, at the place they changed into: the note flags it
    assert carried["text"] == "12,000 homes lost water for two days"
    assert (carried["start"], carried["end"]) == span(NEW, "14,000 homes lost water for two days")
    assert ws.db.execute("SELECT source_id FROM evidence WHERE id = ?", [evidence]).fetchone()[0] == new
    items = read_briefing(ws, note).items
    assert [i.ref_id for i in items] == [moved, new, claim]  # the note follows the records and the summary
    assert [i.verification.state for i in items if i.verification is not None] == ["verified", "altered"]

    carry_rows = [j for j in list_claim_history(ws, claim) if j.action == "carry_version"]
    assert len(carry_rows) == 1 and "altered" in carry_rows[0].new_value
    their_rows = [j for j in list_claim_history(ws, their_claim) if j.action == "carry_version"]
    assert any("evidence" in (j.field or "") for j in their_rows)
    orphan_rows = [j for j in history_for(ws, "annotation", orphaned) if j.action == "carry_version"]
    assert len(orphan_rows) == 1 and "orphaned" in orphan_rows[0].new_value


def test_the_analysts_details_and_grade_carry_over(ws):
    first = import_document(ws, doc()).source_id
    update_source(ws, first, author="R. Ahn", reliability="B")
    new = import_document(ws, doc(NEW)).source_id
    source = get_source(ws, new)
    assert (source.author, source.reliability) == ("R. Ahn", "B")


def test_a_third_version_follows_the_second(ws):
    import_document(ws, doc())
    second = import_document(ws, doc(NEW)).source_id
    third = import_document(ws, doc(NEW + "\n\nA final line was added.")).source_id
    assert source_version(ws, third)[:2] == (3, second)
    assert [v.version for v in list_versions(ws, second)] == [1, 2, 3]


@pytest.mark.parametrize(
    "old, new, kinds",
    [
        ("A.\n\nB.", "A.\n\nB.", ["same", "same"]),
        ("A.\n\nB.", "A.\n\nC is new.\n\nB.", ["same", "added", "same"]),
        ("One two three four.\n\nGone entirely here.", "One two five four.", ["changed", "removed"]),
    ],
)
def test_compare_paragraphs(old, new, kinds):
    assert [c.kind for c in compare_paragraphs(old, new)] == kinds


def test_changed_paragraph_marks_the_words():
    [change] = compare_paragraphs("Twelve thousand homes lost water.", "Fourteen thousand homes lost water.")
    assert change.runs == (("removed", "Twelve"), ("added", "Fourteen"), ("same", "thousand homes lost water."))


def test_an_older_version_is_left_out_of_the_timeline_passages_and_analysis_queue(ws):
    from briefing.store.passages import iter_passages
    from briefing.store.sources import count_not_analysed, not_analysed_ids
    from briefing.store.views import timeline_items

    first = import_document(ws, doc())
    update_source(ws, first.source_id, published="2026-03-02")
    ws.db.execute('INSERT INTO sentences (source_id, start, "end") VALUES (?, 0, 10)', [first.source_id])
    second = import_document(ws, doc(NEW))
    update_source(ws, second.source_id, published="2026-03-03")
    assert [row[0] for row in timeline_items(ws).sources] == [second.source_id]
    assert {passage[0] for passage in iter_passages(ws)} <= {second.source_id}
    assert not_analysed_ids(ws) == [second.source_id]
    assert count_not_analysed(ws) == 1  # "Analyse Now (2 waiting)" stayed at 1 once the analysis had run


def test_an_annotation_whose_words_changed_in_the_newer_version_is_listed_as_altered(ws):
    """It kept the words annotated at the place they changed into, listed as merely moved: the
    Notes tab showed "12,000" where the source now reads "14,000", and said nothing."""
    from briefing.store.annotations import list_note_rows
    from briefing.store.notes_list import annotation_rows

    first = import_document(ws, doc()).source_id
    altered = add_annotation(ws, first, *span(OLD, "12,000 homes lost water"), note="figure")
    moved = add_annotation(ws, first, *span(OLD, "repaired the main pipe"), note="how")
    new = import_document(ws, doc(NEW)).source_id
    assert {n.id: n.anchor for n in list_note_rows(ws, new)} == {altered: "altered", moved: "moved"}
    rows = annotation_rows(ws, [altered, moved])
    assert (rows[altered].anchor, rows[altered].exact, rows[moved].anchor) == (
        "altered",
        "12,000 homes lost water",
        "moved",
    )


def test_the_entity_page_names_an_older_version_a_record_was_left_on(ws):
    """A quote left on the first version (its words gone from the newer one) was listed on the
    speaker's page under the article's title alone, as if the article still said it."""
    from briefing.store.entities import add_entity, entity_page
    from briefing.store.mentions import list_mentions

    first = import_document(ws, doc()).source_id
    speaker = add_entity(ws, "A spokesperson", "person")
    gone = add_quote(ws, first, *span(OLD, "declined to say what caused the break"), speaker_id=speaker)
    kept = add_quote(ws, first, *span(OLD, "repaired the main pipe"), speaker_id=speaker)
    ws.db.execute("UPDATE quotes SET speaker_confirmed = 1 WHERE speaker_id = ?", [speaker])
    start, end = span(OLD, "A spokesperson")
    ws.db.execute(
        "INSERT INTO mentions (source_id, entity_id, start, \"end\", text, origin) VALUES (?, ?, ?, ?, ?, 'analyst')",
        [first, speaker, start, end, "A spokesperson"],
    )
    import_document(ws, doc(NEW))
    titles = {quote_id: title for quote_id, _, title, _ in entity_page(ws, speaker).quotes}
    assert titles[gone] == "v1 (older) · Water outage ends"
    assert titles[kept] == "Water outage ends"
    [mention] = list_mentions(ws, speaker)
    assert mention.source == "v1 (older) · Water outage ends"  # NEW has no such words: it stayed
