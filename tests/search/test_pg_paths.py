"""On PostgreSQL a query with more than RANK_LIMIT matches is listed newest first one of three
ways, chosen by the planner's estimate and the count: counted first (expected to be many), from the
rows the ranking statement read (more than expected, but at most READ_AT_MOST times RANK_LIMIT),
or from every match read once (more still). Each must give the same pages, count and facets; a
query with few matches is ranked the same whatever the planner expected."""

import pytest

from briefing.search.engine import search
from briefing.store import pg_search_queries, search_queries
from briefing.store.sources import add_document
from tests.search.test_engine import _doc

BACKENDS = ("postgresql",)
TEXTS = [f"Households in district {n} lost water on day {n}; the households were told to wait." for n in range(7)]


@pytest.fixture
def corpus(ws):
    for n, text in enumerate(TEXTS):
        add_document(ws, _doc(text, f"Outage report {n}", f"2026-03-{n + 1:02d}", "Meridian Wire"))
    return ws


def _pages(ws, query):
    """Every page of ``query``, two hits a page: what each hit and page shows."""
    pages, cursor = [], None
    while True:
        page = search(ws, query, limit=2, cursor=cursor).page
        hits = [(h.kind, h.ref_id, h.snippet) for h in page.hits]
        pages.append((hits, page.total, page.ranked, page.facets, page.facets_partial))
        cursor = page.cursor
        if cursor is None:
            return pages


def _listed(ws, monkeypatch, query, estimate, read_at_most):
    monkeypatch.setattr(pg_search_queries, "_estimate", lambda *args: estimate)
    monkeypatch.setattr(pg_search_queries, "READ_AT_MOST", read_at_most)
    return _pages(ws, query)


@pytest.mark.parametrize("query", ["households", "households water", '"lost water" type:source'])
def test_a_query_with_many_matches_is_listed_alike_however_it_was_read(corpus, monkeypatch, query):
    monkeypatch.setattr(search_queries, "RANK_LIMIT", 3)
    monkeypatch.setattr(search_queries, "FACET_LIMIT", 2)
    counted_first = _listed(corpus, monkeypatch, query, 1e6, 4)
    from_ranking_rows = _listed(corpus, monkeypatch, query, 1, 4)
    read_once = _listed(corpus, monkeypatch, query, 1, 1)
    assert from_ranking_rows == counted_first and read_once == counted_first
    first_hits, total, ranked, _, partial = counted_first[0]
    assert total == len(TEXTS) and not ranked and partial
    listed = [hit for hits, *_ in counted_first for hit in hits]
    assert [ref for _, ref, _ in listed] == sorted((ref for _, ref, _ in listed), reverse=True)
    assert len(listed) == len(TEXTS) and all("\ue000" in snippet for *_, snippet in first_hits)


def test_a_query_with_few_matches_is_ranked_alike_whatever_was_expected(corpus, monkeypatch):
    monkeypatch.setattr(search_queries, "RANK_LIMIT", 20)
    expected_few = _listed(corpus, monkeypatch, "households water", 1, 4)
    expected_many = _listed(corpus, monkeypatch, "households water", 1e6, 4)
    assert expected_many == expected_few
    assert expected_few[0][1] == len(TEXTS) and expected_few[0][2]
