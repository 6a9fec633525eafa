"""The fast attribute rules set exactly what the model's own AttributeRuler sets."""

from pathlib import Path

import pytest

from briefing.ingest import read_document
from briefing.nlp.attribute_rules import fast_rules
from briefing.nlp.parse import split_paragraphs

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo"
ODD = [
    "Y'all gonna do it? There's nothin' left, innit. I'd go, you'd stay; we ain't got time.",
    "Something happened . anyone there ?  \n  Nobody.\tThose were THE days, wasn't it?",
    "He said that if it rains, whereas she'd said so, tho we coz of it til dawn.",
]


@pytest.fixture(scope="module")
def paragraphs():
    texts = [read_document(path).text for path in sorted(DEMO.iterdir())]
    return [p for text in texts for _, p in split_paragraphs(text)] + ODD


def _attributes(docs):
    return [(t.i, t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for doc in docs for t in doc]


def test_the_fast_rules_set_what_the_models_ruler_sets(paragraphs):
    import spacy
    from spacy.tokens._retokenize import set_token_attrs

    from briefing.nlp.model import LOWERCASE_CONTINUES, load_model, model_package

    fast = load_model()
    original = spacy.load(model_package())
    original.add_pipe(LOWERCASE_CONTINUES, before="parser")  # the app's own step, in both pipelines
    ruler = original.get_pipe("attribute_ruler")
    assert type(ruler).__name__ == "AttributeRuler"
    assert fast_rules(ruler, set_token_attrs) is not None  # every pattern of the model understood
    assert type(fast.get_pipe("attribute_ruler")).__name__ == "AttributeRules"
    assert fast.pipe_names == original.pipe_names
    expected = _attributes(original.pipe(paragraphs))
    assert len(expected) > 5_000
    assert _attributes(fast.pipe(paragraphs)) == expected


def test_a_pattern_it_cannot_run_keeps_the_original_ruler():
    class Ruler:
        patterns = [{"patterns": [[{"SHAPE": "Xxxx"}]], "attrs": {"POS": "PROPN"}, "index": 0}]
        attrs = [{}]

    assert fast_rules(Ruler(), lambda token, attrs: None) is None
