import numpy as np
import spacy

from bench.claim_hashing import BUCKETS, Candidates, found, word_buckets
from bench.fit_claim_weights import fit_logistic
from bench.sparse_logistic import Design, fit, sparse_triples
from briefing.nlp.claims import STATEMENT_THRESHOLD


def test_a_sentence_hashes_to_the_same_buckets_whatever_its_case():
    # CRC-32, not Python's salted hash(): weights fitted in one process find their buckets in another
    nlp = spacy.blank("en")
    buckets = word_buckets(nlp("Taxes rose.")[:])
    assert buckets == word_buckets(nlp("TAXES rose.")[:])
    assert buckets == {30081, 14507, 8845, 29809, 24881, 26389, 17909}  # 3 words, 4 pairs with start and end
    assert all(0 <= b < BUCKETS for b in buckets)


def test_a_debate_sentence_is_found_when_one_candidate_passes_the_finder_threshold():
    c = Candidates(
        index=np.array([0, 0, 1, 2]),
        features=np.zeros((4, 1)),
        has_kind=np.array([False, True, False, False]),
        buckets=[set()] * 4,
        labels=np.zeros(4),
    )
    p = np.array([0.1, 0.5, 0.5, STATEMENT_THRESHOLD])
    # a sentence no rule gives a kind needs the statement threshold, not 0.4
    assert found(p, c, 0.4).tolist() == [1.0, 0.0, 1.0, 0.0]


def test_the_sparse_logistic_regression_learns_which_bucket_tells_the_classes_apart():
    y = np.array([1.0, 0.0] * 20)
    buckets = [{3, 7} if label else {5, 7} for label in y]
    x = Design(np.zeros((len(y), 0)), *sparse_triples(buckets), 8)
    w = fit(x, y, 0.0, 0.1)
    p = 1 / (1 + np.exp(-x.dot(w)))
    assert (p[y == 1] > 0.9).all() and (p[y == 0] < 0.1).all()
    assert w[3] > 0 > w[5]


def test_dense_columns_and_the_penalty_are_fitted_as_newton_would():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(200, 3))
    y = (x @ [1.5, -2.0, 0.0] + rng.normal(size=200) > 0).astype(float)
    empty = np.zeros(0, dtype=np.int64)
    w = fit(Design(x, empty, empty, np.zeros(0), 0), y, 1.0, 0.0)
    newton, bias = fit_logistic(x, y, l2=1.0)
    assert np.allclose(w[:3], newton, atol=1e-3) and abs(w[-1] - bias) < 1e-3
