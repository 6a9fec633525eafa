"""The analysis keeps its measured quality on the annotated evaluation set."""

from pathlib import Path

import pytest

from briefing.evaluation import FLOORS, evaluate_folder, totals

EVAL = Path(__file__).resolve().parents[1] / "data" / "eval"


@pytest.fixture(scope="module")
def results(nlp):
    return evaluate_folder(EVAL)


def test_the_eval_set_is_there_and_complete(results):
    assert len(results) >= 12
    assert sum(r.quotes.gold for r in results) >= 100


def test_titles_dates_and_authors_stay_right(results):
    errors = [f"{r.name}: {e}" for r in results for e in r.metadata_errors]
    assert errors == []


def test_no_quote_in_a_text_with_only_scare_quotes(results):
    assert sum(r.false_quotes for r in results) <= 3
    [column] = [r for r in results if r.quotes.gold == 0]
    assert column.quotes.predicted == 0


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_floor(results, measure):
    value = totals(results)[measure]
    assert value >= FLOORS[measure], f"{measure} {value:.3f} below the floor {FLOORS[measure]}"
