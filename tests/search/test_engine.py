import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.cjk import unspace
from briefing.domain import Document
from briefing.search.engine import _expression, empty_line, highlighted_html, search
from briefing.store.annotations import add_annotation
from briefing.store.claims import add_claim, mark_claim
from briefing.store.entities import add_entity
from briefing.store.quotes import add_quote
from briefing.store.sources import add_document

BACKENDS = ("sqlite", "postgresql")  # tests/conftest.py runs ``ws`` on both


def _doc(text, title, published=None, outlet=None, language="en"):
    raw = (title + text).encode()
    import hashlib

    return Document(
        path=f"{title}.txt",
        format="txt",
        raw=raw,
        content_hash=hashlib.sha256(raw).hexdigest(),
        text=text,
        title=title,
        published=published,
        outlet=outlet,
        language=language,
    )


A = "“We restored pumping at dawn,” said Marta Okafor. The outage hit 40,000 households in Port Halden."
B = "Officials now say 62,000 households lost water, according to the ministry. A ransom note was found."
ZH = "北京市政府周二表示，自来水供应已经恢复。"
JA = "東京電力は水曜日、停電が解消したと発表した。"
KO = "서울시는 수요일 단수가 해제되었다고 밝혔다."


@pytest.fixture
def corpus(ws):
    a, _ = add_document(ws, _doc(A, "Pumps back on", "2026-03-03", "Meridian Wire"))
    b, _ = add_document(ws, _doc(B, "Report says 62,000 homes hit", "2026-03-07", "Veldran Standard"))
    okafor = add_entity(ws, "Marta Okafor", "person", aliases=("Okafor",))
    add_quote(ws, a, 1, A.index("”"), speaker_id=okafor, speaker_text="Marta Okafor", cue="said")
    claim = add_claim(ws, a, A.index("The outage"), len(A))
    mark_claim(ws, claim, "disputed")
    add_annotation(ws, b, 0, 10, note="check the ministry figure", tags=("figures",))
    for text, title in ((ZH, "北京供水"), (JA, "東京の停電"), (KO, "서울 단수")):
        add_document(ws, _doc(text, title, "2026-03-08", language="zh"))
    return ws, a, b


def kinds(result):
    return sorted(h.kind for h in result.page.hits)


def test_words_find_every_kind_with_highlighted_snippets(corpus):
    ws, a, b = corpus
    result = search(ws, "households")
    assert result.page.total == 3
    assert kinds(result) == ["claim", "source", "source"]
    assert all("\ue000households\ue001" in h.snippet for h in result.page.hits)
    assert "<b>households</b>" in highlighted_html(result.page.hits[0].snippet)


def test_speaker_filter_and_speaker_words_rank_first(corpus):
    ws, *_ = corpus
    result = search(ws, "speaker:okafor")
    assert [(h.kind, h.speaker) for h in result.page.hits] == [("quote", "Marta Okafor")]
    assert search(ws, "okafor").page.hits[0].kind == "quote"


@pytest.mark.parametrize(
    "query, expected",
    [
        ("type:claim", ["claim"]),
        ("status:disputed", ["claim"]),
        ("tag:figures", ["note"]),
        ("outlet:standard type:source", ["source"]),
        ("from:2026-03-05 to:2026-03-07", ["note", "source"]),
        ("ransom OR pumping", ["quote", "source", "source"]),
        ("households NOT ransom", ["claim", "source"]),
        ('"lost water"', ["source"]),
        ("house*", ["claim", "source", "source"]),
    ],
)
def test_filters_and_operators(corpus, query, expected):
    ws, *_ = corpus
    assert kinds(search(ws, query)) == expected


def test_title_words_find_the_source_and_source_filters_keep_its_items(corpus):
    ws, *_ = corpus
    assert kinds(search(ws, "homes")) == ["source"]  # in one title, in no text
    assert kinds(search(ws, "source:homes")) == ["note", "source"]
    assert kinds(search(ws, "source:pumps households")) == ["claim", "source"]
    assert kinds(search(ws, 'source:"back on" speaker:okafor')) == ["quote"]
    assert kinds(search(ws, "source:供水")) == ["source"]
    assert search(ws, "source:nothing households").page.total == 0


@pytest.mark.parametrize(
    "word, title",
    [
        ("北京", "北京供水"),
        ("供应", "北京供水"),
        ("恢复", "北京供水"),
        ("東京", "東京の停電"),
        ("停電", "東京の停電"),
        ("発表", "東京の停電"),
        ("서울", "서울 단수"),
        ("단수", "서울 단수"),
        ("해제", "서울 단수"),
    ],
)
def test_cjk_words_are_found_inside_sentences(corpus, word, title):
    ws, *_ = corpus
    hits = search(ws, word).page.hits
    assert [h.title for h in hits] == [title]
    assert f"\ue000{word}\ue001" in hits[0].snippet


def test_empty_query_lists_recent_items_and_pages_by_key(corpus):
    ws, *_ = corpus
    first = search(ws, "", limit=3)
    assert first.page.total == 8 and len(first.page.hits) == 3
    seen = [h.position for h in first.page.hits]
    cursor = first.page.cursor
    while cursor is not None:
        page = search(ws, "", limit=3, cursor=cursor).page
        seen.extend(h.position for h in page.hits)
        cursor = page.cursor
    assert len(seen) == len(set(seen)) == 8
    dates = [h.published or "" for h in first.page.hits]
    assert dates == sorted(dates, reverse=True)


def test_ranked_paging_visits_every_hit_once(corpus):
    ws, *_ = corpus
    first = search(ws, "households OR water OR ransom", limit=1)
    seen, cursor = [h.position for h in first.page.hits], first.page.cursor
    while cursor is not None:
        page = search(ws, "households OR water OR ransom", limit=1, cursor=cursor).page
        seen.extend(h.position for h in page.hits)
        cursor = page.cursor
    assert len(seen) == len(set(seen)) == first.page.total


def test_facets_count_types_sources_and_speakers(corpus):
    ws, *_ = corpus
    facets = search(ws, "households OR pumping").page.facets
    assert dict(facets["type"]) == {"source": 2, "claim": 1, "quote": 1}
    assert dict(facets["speaker"]) == {"Marta Okafor": 1}
    assert dict(facets["status"]) == {"disputed": 1}


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30))
def test_any_input_gives_results_not_errors(corpus, text):
    ws, *_ = corpus
    result = search(ws, text, limit=5)
    assert result.page.total >= len(result.page.hits)


def test_facets_of_a_ranked_query_count_every_match(corpus):
    from briefing.search.report import facet_line

    ws = corpus[0]
    page = search(ws, "households OR pumping OR ministry").page
    assert page.ranked and page.total == 5 and not page.facets_partial
    assert dict(page.facets["type"]) == {"source": 2, "claim": 1, "quote": 1, "note": 1}
    assert dict(page.facets["source"]) == {"Pumps back on": 3, "Report says 62,000 homes hit": 2}
    assert not facet_line(page).startswith("in the first")


def _all_pages(ws, query):
    page, seen = search(ws, query, limit=1).page, []
    while True:
        seen.extend((h.position, h.snippet) for h in page.hits)
        if page.cursor is None:
            return seen
        page = search(ws, query, limit=1, cursor=page.cursor).page


@pytest.mark.parametrize("facet_limit", [1000, 1])
def test_a_filter_that_keeps_everything_changes_nothing(corpus, monkeypatch, facet_limit):
    """Unfiltered queries are ranked in the index, narrowed ones in one pass: same order."""
    from briefing.store import search_queries

    monkeypatch.setattr(search_queries, "FACET_LIMIT", facet_limit)
    ws, *_ = corpus
    add_document(ws, _doc("Households said the households water pumps failed; water lost, households again.", "c"))
    for words in ("households", "house*", "households OR water OR ransom", "households water", "lost water"):
        unfiltered = _all_pages(ws, words)
        assert len(unfiltered) >= 2
        assert _all_pages(ws, f"{words} type:source type:quote type:claim type:note") == unfiltered


def test_a_very_common_query_is_listed_newest_first_with_its_count(corpus, monkeypatch):
    from briefing.search.report import facet_line
    from briefing.store import search_queries

    ws = corpus[0]
    monkeypatch.setattr(search_queries, "RANK_LIMIT", 2)
    monkeypatch.setattr(search_queries, "FACET_LIMIT", 1)
    # one word (counted first), a filtered query and an expression (both found to be too many)
    for query in ("households", "households type:claim type:source", "households OR householder"):
        first = search(ws, query, limit=1).page
        assert not first.ranked and first.total == 3 and first.facets_partial
        assert facet_line(first).startswith("in the first 1")
        seen, cursor = [first.hits[0].position], first.cursor
        while cursor is not None:
            page = search(ws, query, limit=1, cursor=cursor).page
            seen.extend(h.position for h in page.hits)
            cursor = page.cursor
        assert seen == sorted(seen, reverse=True) and len(set(seen)) == 3
        assert all("\ue000households\ue001" in h.snippet for h in first.hits)


def test_exact_phrase_matches_rank_before_other_matches_of_the_words(ws):
    filler = "Officials met on Tuesday to discuss the budget for the coming year in detail. " * 6
    texts = [
        "Harbour, harbour, harbour: the water, water, water.",  # both words often, never side by side
        filler + "Pumps failed, the harbour water board said.",
        filler + "Residents saw the harbour water rise before dawn.",
    ]
    ids = [add_document(ws, _doc(text, f"t{i}"))[0] for i, text in enumerate(texts)]
    hits = search(ws, "harbour water").page.hits
    assert {h.source_id for h in hits[:2]} == set(ids[1:]) and hits[2].source_id == ids[0]


@pytest.mark.sqlite_only("FTS5's own snippets; PostgreSQL's are ts_headline's")
def test_snippets_are_the_ones_fts5_makes(corpus):
    from briefing.store.search_queries import SNIPPET

    ws, *_ = corpus
    for query in ("households", "ransom OR pumping", "北京", "speaker:okafor pumping"):
        result = search(ws, query)
        match = _expression(result.query)
        expected = dict(
            ws.db.execute(
                f"SELECT rowid, {SNIPPET.format(table='search_fts')} FROM search_fts WHERE search_fts MATCH ?", [match]
            ).fetchall()
        )
        assert result.page.hits
        for hit in result.page.hits:
            assert hit.snippet == unspace(expected[hit.position])


@pytest.fixture
def spelled(ws):
    texts = [
        "The investigation by Anna Neumann found the water outage began at dawn.",
        "Investigators said the water pumps failed. An investigation continues.",
        "Neumann, the ministry's engineer, said the outage lasted two days.",
        "Hillary Okoro of the immigration office was not told of the outage.",
    ]
    for i, text in enumerate(texts):
        add_document(ws, _doc(text, f"report {i}"))
    return ws


@pytest.mark.parametrize(
    "typed, shown, total",
    [
        ("investgation", "investigation", 2),
        ("invesitgation", "investigation", 2),  # two letters swapped
        ("neuman", "Neumann", 2),
        ("neuman outage", "Neumann", 2),
        ("imigration", "immigration", 1),  # a double letter typed once, near the start
        ("hilary", "Hillary", 1),
    ],
)
def test_a_misspelt_word_is_searched_as_the_closest_word_of_the_index(spelled, typed, shown, total):
    result = search(spelled, typed)
    assert result.page.total == total
    assert result.query.corrections == {typed.split()[0]: shown}
    assert result.query.problem == f'no results for "{typed.split()[0]}"; showing "{shown}"'


def test_the_correction_line_quotes_the_word_as_typed(spelled):
    result = search(spelled, "water NEUMAN")
    assert result.query.problem == 'no results for "NEUMAN"; showing "Neumann"'
    assert result.query.corrections == {"neuman": "Neumann"}  # --json's "corrected", as before


@pytest.mark.parametrize("typed", ["Clintn's emails", "Clintn\u2019s emails"])
def test_a_misspelt_possessive_is_corrected(ws, typed):
    add_document(ws, _doc("Clinton's emails were released on Friday.", "emails"))
    add_document(ws, _doc("Clinton spoke about trade.", "trade"))
    result = search(ws, typed)
    assert [hit.title for hit in result.page.hits] == ["emails"]
    assert result.query.problem == 'no results for "Clintn"; showing "Clinton"'


@pytest.mark.parametrize(
    "typed, shown",
    [
        ("elecion", "election"),  # kept whole by the stemmer, while "election" is indexed as "elect"
        ("imigrants", "immigrants"),  # the rows read wrote "immigration" alone
        ("stratgies", "strategies"),  # and "strategy"
        ("imigration", "immigration"),  # as before
    ],
)
def test_a_misspelt_inflected_word_is_corrected(ws, typed, shown):
    """A misspelt word was compared with the index's terms by its own stem, and with the words
    of a few rows holding a close term: "elecion" (stem "elecion", two letters and more from
    "elect") and "imigrants" (where those rows said "immigration") went uncorrected, though
    "imigration" was."""
    add_document(ws, _doc("The election was won on Sunday by the immigration minister.", "vote"))
    add_document(ws, _doc("Her strategy, and the immigration office's, is to wait.", "strategy"))
    result = search(ws, typed)
    assert result.query.corrections == {typed: shown}
    assert result.page.total >= 1


@pytest.mark.parametrize("typed, shown", [("presdent", "president"), ("presdents", "presidents")])
def test_a_slip_that_keeps_the_stemmer_from_an_ending_still_finds_the_word(ws, typed, shown):
    """ "presdent" is one letter from "president" and from "present", and "president" is in more
    rows, but it showed "present": the index keeps "president" as "presid", three edits from the
    typed word, which the stemmer keeps whole, so it was never a candidate."""
    for day in ("Monday", "Tuesday", "Friday"):
        add_document(ws, _doc(f"The president spoke on {day}; the presidents met after.", f"talks {day}"))
    add_document(ws, _doc("Delegates were present at dawn.", "dawn"))
    result = search(ws, typed)
    assert result.query.corrections == {typed: shown}
    assert result.page.total == 3


@pytest.mark.parametrize("typed", ['"neuman"', "speaker:neuman", "-neuman water", "neuman*", "zzzzqqq", "Neumann"])
def test_quoted_filtered_negated_known_and_hopeless_words_are_not_corrected(spelled, typed):
    assert not search(spelled, typed).query.corrections


def test_a_correction_pages_on(spelled):
    first = search(spelled, "investgation", limit=1)
    assert first.page.cursor is not None and first.query.corrections
    second = search(spelled, "investgation", limit=1, cursor=first.page.cursor)
    assert second.page.hits and second.page.hits[0].position != first.page.hits[0].position


def test_proximity_finds_words_near_each_other_in_any_order(ws):
    add_document(ws, _doc("The water supply had an outage overnight.", "near"))
    add_document(ws, _doc("Outage reports came in. Much later, after many hours of work, the water ran.", "far"))
    add_document(ws, _doc("停電は水曜日に発表された。", "ja"))
    assert [h.title for h in search(ws, '"water outage"~3').page.hits] == ["near"]
    assert [h.title for h in search(ws, '"outage water"~3').page.hits] == ["near"]
    assert sorted(h.title for h in search(ws, '"water outage"~20').page.hits) == ["far", "near"]
    assert [h.title for h in search(ws, '"停電 発表"~5').page.hits] == ["ja"]
    assert search(ws, '"停電 発表"~1').page.total == 0


def test_korean_snippets_keep_their_spaces(corpus):
    ws, *_ = corpus
    hit = search(ws, "단수").page.hits[0]
    assert hit.snippet.startswith("서울시는 수요일 \ue000단수\ue001가 해제되었다고")
    recent = [h.snippet for h in search(ws, "from:2026-03-08", limit=10).page.hits]
    assert KO in recent


def test_a_filter_without_hits_says_so(corpus):
    from briefing.search.engine import empty_line

    ws, *_ = corpus
    assert empty_line(search(ws, "speaker:nobody")) == "no matches for speaker:nobody"
    assert empty_line(search(ws, "type:claim status:corroborated")) == "no matches for type:claim status:corroborated"
    assert empty_line(search(ws, "type:claim")) is None
    assert empty_line(search(ws, "")) is None


@pytest.mark.parametrize("words", ["officials", ""])  # ranked, and the newest items of a query without words
def test_a_speaker_named_only_by_description_is_shown(corpus, words):
    ws, _, b = corpus
    add_quote(ws, b, 0, B.index(" lost"), speaker_text="a ministry spokeswoman", cue="according to")
    hits = [h for h in search(ws, f"{words} type:quote".strip()).page.hits if h.source_id == b]
    assert [h.speaker for h in hits] == ["a ministry spokeswoman"]


def test_a_speaker_is_found_by_their_name_not_by_the_words_describing_them(ws):
    """'speaker:clinton' found Robby Mook's quotes: the index's speaker field held the words of
    the attribution too ("Clinton's campaign manager Robby Mook"). A speaker known only by a
    description is still found by it."""
    text = (
        "“We will win Iowa,” said Clinton's campaign manager Robby Mook. "
        "“The pumps are back,” said a police spokesperson."
    )
    source, _ = add_document(ws, _doc(text, "Campaign day", "2026-03-03"))
    mook = add_entity(ws, "Robby Mook", "person", aliases=("Mook",))
    add_entity(ws, "Hillary Clinton", "person", aliases=("Clinton",))
    first = add_quote(
        ws,
        source,
        1,
        text.index("”"),
        speaker_id=mook,
        speaker_text="Clinton's campaign manager Robby Mook",
        cue="said",
    )
    start = text.index("“The")
    second = add_quote(ws, source, start + 1, text.index("”", start), speaker_text="a police spokesperson", cue="said")
    assert [h.ref_id for h in search(ws, "speaker:clinton").page.hits] == []
    assert [h.ref_id for h in search(ws, "speaker:mook").page.hits] == [first]
    assert [h.ref_id for h in search(ws, "speaker:spokesperson").page.hits] == [second]


def test_json_facets_add_up_sources_of_one_title(ws):
    from briefing.search.report import result_document

    add_document(ws, _doc("Turnout rose in the morning.", "10 Things to Know"))
    add_document(ws, _doc("Turnout fell by noon. Turnout recovered.", "10 Things to Know", "2026-03-04"))
    document = result_document(search(ws, "turnout"))
    assert document["total"] == 2
    assert document["facets"]["source"] == {"10 Things to Know": 2}
    assert sum(document["facets"]["type"].values()) == 2


@pytest.mark.parametrize(
    "typed, found", [("speaker:okafor -ransom", 1), ("speaker:okafor NOT pumping", 0), ("speaker:okafor -dawn", 0)]
)
def test_a_speaker_s_quotes_less_some_words(corpus, typed, found):
    """'What Okafor said, except about …' fell back to a literal search for the words, the speaker
    filter among them: it listed sources holding "speaker", "okafor" and the word left out."""
    ws, _, _ = corpus
    result = search(ws, typed)
    assert not result.query.literal and result.query.problem is None
    assert result.page.total == found and all(hit.kind == "quote" for hit in result.page.hits)


@pytest.mark.parametrize(
    "typed, kinds_left",
    [
        ("-ransom", ["claim", "note", "quote", "source", "source", "source", "source"]),
        ("type:source NOT (ransom OR pumping)", ["source", "source", "source"]),
        ("NOT households", ["note", "quote", "source", "source", "source"]),
    ],
)
def test_only_not_lists_every_item_without_the_words(corpus, typed, kinds_left):
    """'-ransom' fell back to a literal search for "ransom": it listed the very items it asked
    to leave out."""
    ws, _, _ = corpus
    result = search(ws, typed)
    assert not result.query.literal and result.query.problem is None
    assert kinds(result) == kinds_left
    assert not any("ransom" in (hit.snippet or "").lower() for hit in result.page.hits)


def test_only_not_that_leaves_nothing_says_what_was_left_out(corpus):
    ws, _, _ = corpus
    result = search(ws, "status:disputed -outage")
    assert result.page.total == 0
    assert empty_line(result) == 'no matches for status:disputed NOT "outage"'


SPOKEN = (
    "“Yes,” said Marta Okafor. “Absolutely,” Okafor added. “We restored pumping at dawn, and the "
    "pressure is back in every district of the city but two,” said Okafor. Officials praised Okafor."
)


def test_a_speaker_s_name_finds_their_substantive_quotes_before_one_word_ones(ws):
    """Searching a speaker's name listed their quotes shortest first ("Yes.", "Absolutely."):
    bm25's length normalisation rewarded the shortest rows of the speaker column."""
    source, _ = add_document(ws, _doc(SPOKEN, "Pressure back", "2026-03-03"))
    okafor = add_entity(ws, "Marta Okafor", "person", aliases=("Okafor",))
    quotes = {}
    for words in ("Yes", "Absolutely", "We restored pumping"):
        start = SPOKEN.index(words)
        end = SPOKEN.index("”", start)
        quotes[words] = add_quote(ws, source, start, end, speaker_id=okafor, speaker_text="Marta Okafor")
    mention = add_claim(ws, source, SPOKEN.index("Officials"), len(SPOKEN))
    hits = search(ws, "okafor").page.hits
    first = [(h.kind, h.ref_id) for h in hits[:3]]
    assert first[0] == ("quote", quotes["We restored pumping"])
    assert sorted(first[1:]) == sorted(("quote", quotes[q]) for q in ("Yes", "Absolutely"))
    assert ("claim", mention) in [(h.kind, h.ref_id) for h in hits[3:]]  # a speaker's quotes still come first
    assert search(ws, "speaker:okafor").page.hits[0].ref_id == quotes["We restored pumping"]
    # a quote's own words still find it first, with or without its speaker's name
    for words in ("restored pumping", "okafor restored pumping", "absolutely"):
        assert search(ws, words).page.hits[0].kind == "quote", words


@pytest.mark.parametrize("typed", ["investgation zebra", "speaker:okoro neuman", "neuman type:note"])
def test_a_correction_that_finds_nothing_either_says_so(spelled, typed):
    """The corrected query was tried and found nothing, and the user was told only "No results":
    nothing said the word had been corrected, or that the correction was no better."""
    result = search(spelled, typed)
    assert result.page.total == 0
    word = typed.split()[0] if ":" not in typed.split()[0] else typed.split()[1]
    shown = {"investgation": "investigation", "neuman": "Neumann"}[word]
    assert result.query.problem == f'no results for "{word}", nor for "{shown}"'
    assert not result.query.corrections  # the results are the query's as typed


NEUMANN_SAID = "“The pumps are fine,” said Anna Neumann. Engineers checked the valves on Friday."


@pytest.mark.parametrize(
    "typed, found",
    [
        ("speaker:okafor speaker:neumann", {"okafor", "neumann"}),
        ("speaker:okafor OR speaker:neumann", {"okafor", "neumann"}),
        ("speaker:okafor speaker:neumann dawn", {"okafor"}),
        ("speaker:okafor speaker:neumann -dawn", {"neumann"}),
        ("speaker:okafor speaker:nobody", {"okafor"}),
        ("outlet:meridian outlet:courier type:source", {"Pumps back on", "Pumps fine"}),
        ('source:"back on" source:fine type:source', {"Pumps back on", "Pumps fine"}),
        ('source:"back on" OR source:fine type:quote', {"okafor", "neumann"}),
        ("outlet:meridian outlet:courier entity:nobody", set()),  # entity: still narrows
    ],
)
def test_a_speaker_source_or_outlet_given_twice_takes_either(corpus, typed, found):
    """ "speaker:trump speaker:clinton" found nothing (no quote has two speakers), and
    "speaker:trump OR speaker:clinton" was searched literally: an analyst means the quotes of
    either, as "type:quote type:claim" means items of either type."""
    ws, *_ = corpus
    source, _ = add_document(ws, _doc(NEUMANN_SAID, "Pumps fine", "2026-03-09", "Halden Courier"))
    neumann = add_entity(ws, "Anna Neumann", "person", aliases=("Neumann",))
    add_quote(ws, source, 1, NEUMANN_SAID.index("”"), speaker_id=neumann, speaker_text="Anna Neumann")
    result = search(ws, typed)
    assert not result.query.literal
    shown = {h.speaker.split()[-1].lower() if h.kind == "quote" else h.title for h in result.page.hits}
    assert shown == found


@pytest.mark.parametrize(
    "typed, found",
    [
        ("outlet:ap", {"AP", "AP News", "nytimes.com/ap-wire"}),
        ("outlet:AP", {"AP", "AP News", "nytimes.com/ap-wire"}),
        ('outlet:"ap news"', {"AP News"}),
        ("outlet:apple", {"Apple Daily"}),
        ("outlet:appl", {"Apple Daily"}),  # four letters or more: the start of a word
        ("outlet:nytimes", {"nytimes.com/ap-wire"}),
        ("outlet:daily", {"Apple Daily"}),
        ("outlet:ily", set()),
    ],
)
def test_outlet_matches_whole_words_of_the_outlet(ws, typed, found):
    """'outlet:ap' found every outlet with "ap" anywhere in its name: "Apple Daily" too."""
    for outlet in ("AP", "AP News", "Apple Daily", "nytimes.com/ap-wire"):
        add_document(ws, _doc("The pumps are back on.", f"report from {outlet}", "2026-03-03", outlet))
    hits = search(ws, f"{typed} type:source").page.hits
    assert {h.outlet for h in hits} == found


@pytest.mark.parametrize(
    "typed, shown",
    [
        ("delgates", "delegates"),  # the slip of the report: an "e" dropped as the fourth letter
        ("deegates", "delegates"),
        ("elegates", "delegates"),  # the first letter dropped: one edit, where "elevated" is two
        ("delgation", "delegation"),
    ],
)
def test_a_letter_dropped_among_the_first_four_is_put_back(ws, typed, shown):
    """A letter dropped among a word's first four ("delgates") was not corrected: the terms read
    for a correction start as the typed word does, or with a letter of it doubled, left out or
    swapped, and none of those holds "deleg"."""
    add_document(ws, _doc("The delegates voted on Tuesday; the delegation left on Friday.", "vote"))
    add_document(ws, _doc("A deal was struck on Monday; prices stayed elevated and delays followed.", "deal"))
    result = search(ws, typed)
    assert result.query.corrections == {typed: shown}
    assert result.query.problem == f'no results for "{typed}"; showing "{shown}"'
    assert [hit.title for hit in result.page.hits] == ["vote"]


ADVISED = (
    "“We will win,” said Donald Trump. “He doesn't know the new demographics or the new media, and "
    "his knowledge of the delegates is about twenty years old,” said a longtime adviser to Trump."
)


@pytest.mark.parametrize("typed", ["speaker:trump", "trump", "speaker:trump -pumps"])
def test_a_named_speaker_s_quotes_come_before_those_of_a_speaker_described_by_relation_to_them(ws, typed):
    """ "a longtime adviser to Trump" (an attribution no entity speaks, indexed as the speaker's
    words) ranked among Trump's own quotes, ahead of his short ones: for speaker:trump, or a
    search for the name. A quote whose speaker is the named person comes first; the adviser's
    is still found, as a mention of the name is."""
    source, _ = add_document(ws, _doc(ADVISED, "Campaign", "2016-08-17"))
    trump = add_entity(ws, "Donald Trump", "person", aliases=("Trump", "Donald J. Trump"))
    own = add_quote(ws, source, 1, ADVISED.index("”"), speaker_id=trump, speaker_text="Donald Trump")
    start = ADVISED.index("He doesn't")
    adviser = add_quote(ws, source, start, ADVISED.index("”", start), speaker_text="a longtime adviser to Trump")
    quotes = [hit.ref_id for hit in search(ws, typed).page.hits if hit.kind == "quote"]
    assert quotes == [own, adviser]


BILLED = (
    "“We will win,” said Donald Trump. “Also, Mr. Trump makes a personal contribution to the campaign, "
    "obviously, every month,” said a statement from Trump Restaurants LLC."
)


@pytest.mark.parametrize("typed", ["speaker:trump", "trump", "speaker:trump -pumps"])
@pytest.mark.parametrize("kind", ["organisation", "place"])
def test_a_person_named_trump_comes_before_an_organisation_whose_name_holds_the_word(ws, typed, kind):
    """A quote the analysis gave to the organisation "Trump Restaurants LLC" ranked among Trump's
    own, ahead of his short ones, as a named speaker: an organisation or a place whose name holds
    the word is not a person of that name, and ranks as a speaker described by it does."""
    source, _ = add_document(ws, _doc(BILLED, "Rent", "2016-08-23"))
    trump = add_entity(ws, "Donald Trump", "person", aliases=("Trump",))
    company = add_entity(ws, "Trump Restaurants LLC", kind)
    own = add_quote(ws, source, 1, BILLED.index("”"), speaker_id=trump, speaker_text="Donald Trump")
    start = BILLED.index("Also")
    billed = add_quote(ws, source, start, BILLED.index("”", start), speaker_id=company)
    quotes = [hit.ref_id for hit in search(ws, typed).page.hits if hit.kind == "quote"]
    assert quotes == [own, billed]
