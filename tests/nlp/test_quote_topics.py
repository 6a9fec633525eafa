"""Who a speaker's pronoun means: the subject that holds the topic (``quote_topics``)."""

import pytest

from tests.nlp.quote_helpers import speakers


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a name inside the subject's modifiers is not the subject
            "Governor Walter Brandt, one of the candidates beaten by Donald Keller in March, "
            "had pledged his support but sounded unsure this week.\n\n"
            "“We have such poor choices right now,” he told a radio station.",
            ("We have such poor choices right now", "Walter Brandt"),
        ),
        (  # the main clause's subject over the subject of a clause hanging from it
            "Senator Paul Hadley did not sound confident when Jake Morrow asked about the vote.\n\n"
            "“I just think you always run like everything is on the line,” he said.",
            ("I just think you always run like everything is on the line", "Paul Hadley"),
        ),
        (  # a clause inside what someone reports is reported too ('if Keller wins')
            "Governor John Ostrander predicted that the party will take every state if Donald Keller "
            "wins the nomination.\n\n"
            "“That is not even an issue,” he said.",
            ("That is not even an issue", "John Ostrander"),
        ),
    ],
)
def test_the_topic_is_the_subject_itself(analyse, text, expected):
    assert expected in speakers(analyse(text), text)


def test_a_pronoun_subject_carries_the_topic_on(analyse):
    """Named long before, then only 'he' as the subject: the topic stays his, not the man
    named last as an object."""
    text = (
        "Senator Walter Brandt plans to launch a new group next month.\n\n"
        "He says the group will recruit and train candidates for school boards and city councils "
        "across the country, and he wants it to outlast the campaign by many years to come.\n\n"
        "He expects to support at least one hundred candidates through the year, and he hopes "
        "to raise most of the money from small donors in the states where he did well.\n\n"
        "He has already spoken to Mayor Tomas Reyes about the plan and about the money.\n\n"
        "“What matters is that we keep the movement alive,” he told me."
    )
    assert ("What matters is that we keep the movement alive", "Walter Brandt") in speakers(analyse(text), text)


def test_a_pronoun_carries_only_its_own_gender_on(analyse):
    """A 'she' resolved to someone is no topic for a later 'he'."""
    from briefing.nlp.quote_topics import Subjects

    subjects = Subjects(pronouns={3: [(10, 13, "she")]})
    assert subjects.positions(3, [], "he") == []
    assert subjects.positions(3, [], "she") == [(10, 13)]


def test_a_name_the_parser_read_as_a_modifier_is_still_the_subject():
    """'Jolly said he would…' parsed 'Jolly' as an adverb of a verb left without a subject."""
    import spacy
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from briefing.nlp.quote_topics import is_subject

    words = ["Jolly", "said", "he", "would", "go"]
    deps = ["advmod", "ROOT", "nsubj", "aux", "ccomp"]
    pos = ["ADV", "VERB", "PRON", "AUX", "VERB"]
    doc = Doc(Vocab(), words=words, heads=[1, 1, 4, 4, 1], deps=deps, pos=pos)
    assert is_subject(doc[0]) and is_subject(doc[2])
    assert not is_subject(doc[3])
    # a closing mark the parser made a subject is none
    english = spacy.blank("en").vocab
    mark = Doc(english, words=["»", "said", "Ann"], heads=[1, 1, 1], deps=["nsubj", "ROOT", "nsubj"])
    assert not is_subject(mark[0]) and is_subject(mark[2])
    # with a subject of its own, a capitalised modifier before the verb is just that
    words = ["Later", "Reyes", "said", "no"]
    doc = Doc(
        Vocab(),
        words=words,
        heads=[2, 2, 2, 2],
        deps=["advmod", "nsubj", "ROOT", "dobj"],
        pos=["ADV", "PROPN", "VERB", "DET"],
    )
    assert not is_subject(doc[0]) and is_subject(doc[1])


def _parsed(words, heads, deps, pos, tags):
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    return Doc(
        Vocab(), words=words, heads=heads, deps=deps, pos=pos, tags=tags, sent_starts=[1] + [0] * (len(words) - 1)
    )


def test_a_name_the_parser_read_as_an_object_or_a_clause_is_still_the_subject():
    from briefing.nlp.quote_topics import is_subject

    # 'In Dayton, Brenda Johnson also railed …' parsed Johnson as the object of 'In'
    doc = _parsed(
        ["In", "Dayton", ",", "Brenda", "Johnson", "also", "railed"],
        [6, 0, 1, 4, 1, 6, 6],
        ["prep", "pobj", "punct", "compound", "pobj", "advmod", "ROOT"],
        ["ADP", "PROPN", "PUNCT", "PROPN", "PROPN", "ADV", "VERB"],
        ["IN", "NNP", ",", "NNP", "NNP", "RB", "VBD"],
    )
    assert is_subject(doc[4]) and not is_subject(doc[1])
    # 'Trump, appearing later, cited problems' parsed Trump as a clause of 'cited'
    doc = _parsed(
        ["Trump", ",", "appearing", "later", ",", "cited", "problems"],
        [5, 0, 0, 2, 0, 5, 5],
        ["advcl", "punct", "advcl", "advmod", "punct", "ROOT", "dobj"],
        ["ADJ", "PUNCT", "VERB", "ADV", "PUNCT", "VERB", "NOUN"],
        ["JJ", ",", "VBG", "RB", ",", "VBD", "NNS"],
    )
    assert is_subject(doc[0])
    # a verb with a subject of its own keeps it: the name is an object ('In Dayton voters railed')
    doc = _parsed(
        ["In", "Dayton", "voters", "railed"],
        [3, 0, 3, 3],
        ["prep", "pobj", "nsubj", "ROOT"],
        ["ADP", "PROPN", "NOUN", "VERB"],
        ["IN", "NNP", "NNS", "VBD"],
    )
    assert not is_subject(doc[1]) and is_subject(doc[2])
