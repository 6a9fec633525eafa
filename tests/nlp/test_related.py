"""Related passages: ranked by source, one passage each, tiny sentences and furniture never win."""

import numpy as np
import pytest

from briefing.nlp import embeddings
from briefing.nlp.related import TOP_SOURCES, Passage, PassageIndex, is_furniture, related_rows, rerank

PASSAGES = [
    Passage(2, 0, 60, "Some 62,000 households lost running water, an internal report says."),
    Passage(2, 61, 120, "The mayor opened a new library in the harbour district."),
    Passage(3, 0, 70, "About 40,000 homes were left without safe tap water, the utility said."),
    Passage(3, 71, 140, "No ransom demand was received, the ministry said."),
    Passage(1, 0, 50, "The outage left 40,000 households without water."),
]
CLAIM = "The outage left 40,000 households without water."


def test_related_passages_come_from_other_sources_ranked():
    found = PassageIndex(PASSAGES).related(CLAIM, exclude_source=1)
    assert {s.passage.source_id for s in found} == {2, 3}
    assert "library" not in " ".join(s.passage.text for s in found)


def test_one_passage_per_source():
    passages = [
        Passage(2, i * 100, i * 100 + 90, f"The outage left households without water, day {i}.") for i in range(6)
    ]
    found = PassageIndex(passages).related(CLAIM, exclude_source=1)
    assert [s.passage.source_id for s in found] == [2]


def test_at_most_five_sources():
    passages = [Passage(s, 0, 60, "Households were left without water after the outage.") for s in range(2, 12)]
    found = PassageIndex(passages).related(CLAIM, exclude_source=1)
    assert len(found) == TOP_SOURCES == 5
    assert len({s.passage.source_id for s in found}) == 5


BACKGROUND = [
    "The mayor opened a new library in the harbour district.",
    "The ferry terminal will open in March after a long delay.",
    "Shares in the shipping company fell sharply on Monday.",
    "The council voted to raise parking fees in the old town.",
    "Rain is expected across the region later this week.",
]
WIRE = "The outage left 40,000 households without water for three days, the utility said on Tuesday."


def test_a_reprinted_passage_waits_behind_other_sources_reporting_the_claim():
    """Three outlets reprinting one wire story are one origin: other sources reporting the
    claim come before the second and third copies."""
    passages = [Passage(10 + i, 0, 60, text) for i, text in enumerate(BACKGROUND)]
    passages += [Passage(s, 0, 90, WIRE) for s in (2, 3, 4)] + [
        Passage(5, 0, 80, "About 40,000 households were left without water after the outage, officials said."),
        Passage(6, 0, 80, "The utility said the outage left 40,000 homes without running water."),
    ]
    found = PassageIndex(passages).related(CLAIM, exclude_source=1)
    assert [s.passage.source_id for s in found][:3] == [5, 2, 6]
    assert [s.passage.text for s in found][3:] == [WIRE, WIRE]
    assert [s.score for s in found] == sorted((s.score for s in found), reverse=True)


def test_reprints_stay_when_nothing_else_comes_close():
    passages = [Passage(s, 0, 90, WIRE) for s in (2, 3)] + [
        Passage(5, 0, 80, "The harbour district library opened on Tuesday with 40,000 books in its stacks."),
    ]
    found = PassageIndex(passages).related("The outage left 40,000 households without water on Tuesday.", 1)
    assert [s.passage.source_id for s in found][:2] == [2, 3]


@pytest.mark.parametrize("tiny", ["I was stunned.", "1.", "9.", "Water.", "40,000."])
def test_tiny_sentences_never_win(tiny):
    passages = [
        Passage(2, 0, len(tiny), tiny),
        Passage(3, 0, 80, "The water outage hit the northern districts hardest, officials said on Monday."),
    ]
    found = PassageIndex(passages).related("40,000 people were stunned by the water outage.", exclude_source=1)
    assert found and found[0].passage.source_id == 3
    assert all(s.passage.text != tiny for s in found)


def test_common_words_still_count():
    """A word in every passage ("apple" in an Apple story) still ranks; none is cut as common."""
    passages = [Passage(s, 0, 40, f"Apple shares closed at a record on day {s}.") for s in range(2, 60)]
    passages.append(Passage(99, 0, 60, "Apple will launch its watch in April, the company said."))
    found = PassageIndex(passages).related("Apple watch launch in April", exclude_source=1)
    assert found[0].passage.source_id == 99


def test_titles_are_found():
    """A title put before the lead (as the store does for a title not in the text) finds the source."""
    passages = [
        Passage(2, 0, 50, "Apple unveils smartwatch\nThe company showed its device on Tuesday in Cupertino."),
        Passage(3, 0, 50, "Shares of several firms rose on Tuesday in New York trading."),
    ]
    found = PassageIndex(passages).related("Apple unveils a smartwatch", exclude_source=1)
    assert found[0].passage.source_id == 2
    assert (found[0].passage.start, found[0].passage.end) == (0, 50)


def test_a_source_found_by_its_title_shows_a_sentence_that_says_the_claim():
    """The title's words find the source; the passage shown is one holding the claim's words
    (the lead "It was the story that had everyone paralysed with fear." proves nothing), or the
    lead when no sentence of the source does."""
    title = "Spider burrowed under tourist's skin"
    lead = "It was the story that had everyone paralysed with fear."
    saying = "Doctors said a spider had burrowed under the skin of the tourist's stomach in Bali."
    passages = [
        Passage(2, 0, len(lead), f"{title}\n{lead}"),
        Passage(2, 60, 60 + len(saying), saying),
        Passage(3, 0, len(lead), f"{title}\n{lead}"),
        Passage(3, 60, 120, "The holiday in Bali was booked a year ago with four friends."),
    ]
    found = {s.passage.source_id: s.passage for s in PassageIndex(passages).related("Spider burrowed under skin", 1)}
    assert (found[2].start, found[2].text) == (60, saying)
    assert found[3].start == 0  # nothing else in source 3 says it: the lead stays


@pytest.mark.parametrize(
    "line",
    [
        "Have something to add to this story?",
        "Have something to add to this story? Share it in the comments.",
        "Share this article",
        "Facebook Twitter Email",
        "Sign up for our daily newsletter for the water outage news.",
        "Click here to subscribe to water outage alerts.",
    ],
)
def test_boilerplate_is_never_suggested(line):
    assert is_furniture(line)
    passages = [Passage(2, 0, len(line), line), Passage(3, 0, 60, "The water outage story was shared widely.")]
    found = PassageIndex(passages).related("Share your water outage story", exclude_source=1)
    assert all(s.passage.source_id != 2 for s in found)


def test_a_dateline_or_a_releases_heading_is_never_suggested():
    """'Hollin Bay, 5 March 2026' over a statement was suggested for 'The outage began at 23:40
    on Sunday 1 March 2026.': it shares the month and year and says nothing of the outage."""
    dateline = "Hollin Bay, 5 March 2026"
    assert is_furniture(dateline) and is_furniture("Port Halden, Veldra - 4 March 2026")
    assert is_furniture("Halden Water Authority – Press update no. 5 – Friday 6 March 2026, 16:30")
    assert not is_furniture("The outage began at 23:40 on Sunday 1 March 2026.")
    passages = [
        Passage(2, 0, len(dateline), dateline),
        Passage(3, 0, 60, "Pumping stopped at the plant on 2 March 2026."),
    ]
    found = PassageIndex(passages).related("The outage began at 23:40 on Sunday 1 March 2026.", exclude_source=1)
    assert [s.passage.source_id for s in found] == [3]


def test_article_sentence_mentioning_facebook_is_not_furniture():
    assert not is_furniture("The outage was first reported on Facebook by residents of the harbour district.")


def test_neighbour_sentence_widens_the_passage():
    passages = [
        Passage(2, 0, 40, "The utility confirmed the outage on Monday."),
        Passage(2, 41, 100, "About 40,000 households in Harlow were without water for two days."),
        Passage(2, 101, 150, "The mayor opened a new library in the district."),
    ]
    found = PassageIndex(passages).related("Utility outage left 40,000 households in Harlow without water", 1)
    assert (found[0].passage.start, found[0].passage.end) == (0, 100)


def test_rerank_orders_by_meaning_and_keeps_one_per_source():
    candidates = [(Passage(2, 0, 10, "cats"), 4.0), (Passage(3, 0, 10, "dogs"), 2.0)]

    def fake_embed(texts):
        table = {"claim": [1.0, 0.0], "cats": [0.4, 0.9165], "dogs": [1.0, 0.0]}
        return np.array([table[t] for t in texts], dtype=np.float32)

    found = rerank("claim", candidates, fake_embed)
    assert [s.passage.source_id for s in found] == [3, 2]
    assert all(0.0 <= s.score <= 1.0 for s in found)
    assert {s.relation for s in found} == {"related"}


def test_rerank_leaves_out_a_passage_on_another_subject():
    candidates = [(Passage(2, 0, 10, "cats"), 4.0), (Passage(3, 0, 10, "dogs"), 2.0)]
    table = {"claim": [1.0, 0.0], "cats": [0.2, 0.98], "dogs": [0.8, 0.6]}
    found = rerank("claim", candidates, lambda texts: np.array([table[t] for t in texts], dtype=np.float32))
    assert [s.passage.source_id for s in found] == [3]


def test_a_passage_sharing_only_a_common_word_is_no_suggestion():
    """In a workspace of unrelated stories, one shared word ("sales") makes no related passage."""
    claim = "Boeing sales were hit after two crashes of its 737 Max jet."
    passages = [
        Passage(1, 0, 60, claim),
        Passage(2, 0, 90, "The share sale in Hong Kong is the largest for nine years, bankers said."),
        Passage(
            3, 0, 110, "Regulators said the two crashes of the 737 Max jet came from flight software Boeing must fix."
        ),
        Passage(4, 0, 80, "The festival opened with light installations by twenty artists on Friday."),
    ]
    found = PassageIndex(passages).related(claim, exclude_source=1)
    assert [s.passage.source_id for s in found] == [3]


def test_embeddings_say_why_they_are_unavailable(monkeypatch):
    monkeypatch.setattr(embeddings, "LIBRARIES", ("no_such_library_here",))
    reason = embeddings.unavailable_reason()
    assert reason and "no_such_library_here" in reason and "requirements/embeddings.txt" in reason
    assert not embeddings.available()


def test_embeddings_refuse_a_file_with_another_hash(monkeypatch):
    if embeddings.package_file(*embeddings.MODEL[:2]) is None:
        pytest.skip(f"embedding model not installed: {embeddings.unavailable_reason()}")
    monkeypatch.setattr(embeddings, "MODEL", (*embeddings.MODEL[:2], "0" * 64))
    monkeypatch.setattr(embeddings, "_load_errors", [])
    with pytest.raises(embeddings.EmbeddingsUnavailable, match="sha256"):
        embeddings.Embedder().embed(["text"])
    assert "sha256" in (embeddings.unavailable_reason() or "")


@pytest.mark.skipif(not embeddings.available(), reason=f"embedding model: {embeddings.unavailable_reason()}")
def test_embeddings_on_the_real_model():
    vectors = embeddings.embed(
        [
            "The board approved the merger on Friday.",
            "On Friday the merger was approved by the board.",
            "Heavy rain flooded the harbour district.",
        ]
    )
    assert vectors.shape == (3, embeddings.DIMENSION)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    similar, unrelated = float(vectors[0] @ vectors[1]), float(vectors[0] @ vectors[2])
    assert similar > 0.8 > unrelated


def _plain(passages):
    """Passages as the plain tuples a worker process is sent."""
    return [(p.source_id, p.start, p.end, p.text) for p in passages]


def test_an_import_ranks_an_old_claim_among_its_suggested_sources_and_the_new_ones():
    """After an import an old claim's suggestions change only where a new source outranks one
    of them: ranking it against every source again took 41 s on a story 4,400 claims share."""
    old = [Passage(s, 0, 60, "Households were left without water after the outage.") for s in range(2, 9)]
    new = Passage(20, 0, 90, "The outage left 40,000 households without water, officials said.")
    claims = [(100, 1, CLAIM)]
    [(_, before)] = related_rows(_plain(old), claims)
    suggested = {100: {(row[0], row[1], row[2]): row[4] for row in before}}
    assert len(suggested[100]) == TOP_SOURCES
    [(_, after)] = related_rows(_plain([*old, new]), claims, changed={20}, suggested=suggested)
    assert after[0][0] == 20  # the new source says the claim best
    assert {row[0] for row in after} - {20} < {row[0] for row in before}  # the old ones it suggested, less one


def test_an_old_claim_keeps_the_sources_the_meaning_ranking_put_aside():
    """A passage the re-ranking by meaning left out (another subject) does not come back when
    an unrelated-enough import re-ranks the claim by words."""
    passages = [Passage(s, 0, 60, "Households were left without water after the outage.") for s in (2, 3, 4)]
    new = Passage(20, 0, 90, "The outage left 40,000 households without water, officials said.")
    kept = {100: {(2, 0, 60): "related"}}  # 3 and 4 put aside by meaning
    [(_, after)] = related_rows(_plain([*passages, new]), [(100, 1, CLAIM)], changed={20}, suggested=kept)
    assert {row[0] for row in after} == {2, 20}


def test_an_import_keeps_the_relation_judged_for_a_passage_already_suggested():
    passages = [Passage(2, 0, 60, "Households were left without water after the outage.")]
    new = Passage(20, 0, 90, "The outage left 40,000 households without water, officials said.")
    known = {100: {(2, 0, 60): "supports"}}
    [(_, after)] = related_rows(_plain([*passages, new]), [(100, 1, CLAIM)], changed={20}, suggested=known)
    assert dict(((row[0], row[1], row[2]), row[4]) for row in after)[(2, 0, 60)] == "supports"


def test_the_claims_of_a_new_source_are_ranked_against_every_source():
    passages = [Passage(s, 0, 60, "Households were left without water after the outage.") for s in (2, 3)]
    everything = _plain([*passages, Passage(20, 0, 50, CLAIM)])
    [(_, rows)] = related_rows(everything, [(100, 20, CLAIM)], changed={20}, suggested={})
    assert {row[0] for row in rows} == {2, 3}
