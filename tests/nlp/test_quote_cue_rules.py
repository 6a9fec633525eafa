"""Which words name a quote's speaker, one short made-up case per rule."""

import pytest

from tests.nlp.quote_helpers import speakers


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # 'described as' in a relative clause: the noun the clause describes speaks
            "Glenn Becker, who has in the past described Donald Trump as “a pathological narcissistic "
            "sociopath,” clearly intended the audience to turn away.",
            ("a pathological narcissistic sociopath", "Glenn Becker"),
        ),
        (  # 'called' in a relative clause
            "Senator Paul Hadley, who called the plan “a disgrace to the state,” voted against it on Monday.",
            ("a disgrace to the state", "Paul Hadley"),
        ),
    ],
)
def test_a_relative_pronoun_speaks_for_the_noun_it_follows(analyse, text, expected):
    assert expected in speakers(analyse(text), text)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Donald Keller Praises Veldra Times Political Editor Matthew Boyle: ‘Very Good Reporter.’\n\n"
            "Keller spoke on Monday.",
            ("Very Good Reporter.", "Donald Keller"),
        ),
        (
            "Hillary Brandt Sides With George W. Bush On ‘Radical Islam.’\n\nBrandt spoke on Monday.",
            ("Radical Islam.", "Hillary Brandt"),
        ),
    ],
)
def test_a_headline_the_parser_found_no_subject_in_is_the_opening_name(analyse, text, expected):
    assert expected in speakers(analyse(text), text)


def test_of_two_subjects_the_name_nearest_the_verb_speaks(analyse):
    """The parser gives 'went' two subjects, the place of an aside and the person."""
    text = (
        "Speaking at a town hall event in Salem, New Hampshire, Donald Keller went after Jeb Bush, "
        "calling him “a total stiff.”"
    )
    assert speakers(analyse(text), text) == [("a total stiff.", "Donald Keller")]


def test_a_description_after_the_name_is_no_subject_of_its_own():
    """'Ortiz, a lawyer, said it' parsed with two subjects: the name speaks, not the description;
    of two names, the nearer one."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from briefing.nlp.quote_cue_words import verb_subject

    words = ["Ortiz", ",", "a", "lawyer", ",", "said", "it"]
    doc = Doc(
        Vocab(),
        words=words,
        heads=[5, 5, 3, 5, 5, 5, 5],
        deps=["nsubj", "punct", "det", "nsubj", "punct", "ROOT", "dobj"],
        pos=["PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "PRON"],
    )
    assert verb_subject(doc[5]).text == "Ortiz"
    names = Doc(
        Vocab(),
        words=["Ohio", ",", "Keller", "went"],
        heads=[3, 3, 3, 3],
        deps=["nsubj", "punct", "nsubj", "ROOT"],
        pos=["PROPN", "PUNCT", "PROPN", "VERB"],
    )
    assert verb_subject(names[3]).text == "Keller"


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # the name after 'said' is the subject of what is said: the clause's subject speaks
            "Louisiana Gov. Bobby Jindal on Monday signed an order, while Mike Hollis, the former Arkansas "
            'governor, proposed we "wake up and smell the falafel" and said House Speaker Paul Ryan '
            "should resign if he can't block the plan.",
            ("wake up and smell the falafel", "Mike Hollis"),
        ),
        (  # a speaker set off after the verb still speaks
            "“What's shaping up is a battle for the ages,” said David Brock, a Clinton confidant who heads the group.",
            ("What's shaping up is a battle for the ages", "David Brock"),
        ),
    ],
)
def test_the_words_after_said_are_a_speaker_only_when_set_off(analyse, text, expected):
    assert expected in speakers(analyse(text), text)


def test_the_person_before_of_speaks_not_the_longer_body_after_it():
    """'said Stephen Vlasic of the University of Texas School of Law': the person, though the
    body's name overlaps more of the speaker words."""
    from briefing.nlp.entities import Cluster
    from briefing.nlp.mention import Mention
    from briefing.nlp.quote_speakers import resolve_speaker

    text = "“It was a long shot,” said Stephen Vlasic of the University of Texas School of Law."
    words = "Stephen Vlasic of the University of Texas School of Law"
    start = text.index(words)
    body_at = text.index("University")
    person = Cluster([Mention(start, start + 14, "Stephen Vlasic", "person")])
    body = Cluster([Mention(body_at, body_at + 33, text[body_at : body_at + 33], "organisation")])
    assert resolve_speaker(words, start, start + len(words), None, [body, person], text, []) == 1


def test_the_one_prompted_to_speak_speaks(analyse):
    text = (
        'At one point, Ted Cruz coached Donald Trump to "breathe, breathe, breathe." That prompted Marco '
        'Rubio to make a joke about yoga and call Trump "very flexible," a nod to his changes.'
    )
    assert ("very flexible", "Marco Rubio") in speakers(analyse(text), text)


def test_a_closing_mark_parsed_as_a_subject_names_no_one(analyse):
    """'«…,» said Teuila Tanielu': the parser made the closing guillemet a subject of 'said'."""
    text = (
        "«We came here to agree a number. Instead we were given a timetable for agreeing a timetable,» "
        "said Teuila Tanielu, Tuvalu's lead negotiator, who coordinates the AOSIS position on finance. "
        "«Our islands do not have until 2028.»"
    )
    found = speakers(analyse(text), text)
    assert [name for _, name in found] == ["Teuila Tanielu", "Teuila Tanielu"]


def test_a_cue_joined_to_what_the_speaker_said_is_the_speakers():
    """'Okafor said it was too early but added, “…”': the parser hung 'added' on 'was', inside
    what Okafor said; the speaker words are hers, not 'it'."""
    from briefing.nlp.marks import pair_marks
    from briefing.nlp.model import load_model
    from briefing.nlp.parse import parse_texts
    from briefing.nlp.quote_cues import find_cue

    text = (
        "Appearing before cheering supporters Monday morning at the party headquarters, Marta Okafor, 70, "
        'said it was too early to congratulate winners but added, "I think you all have an idea of the results."'
    )
    para = next(iter(parse_texts(load_model(), [text]))).paragraphs[0]
    cue = find_cue(para, pair_marks(para.text)[0])
    assert text[cue.speaker_start : cue.speaker_end].startswith("Marta Okafor")


def test_an_indefinite_role_is_someone_not_named_before(analyse):
    """'a Mexican official said' introduces someone new: not the last person named."""
    text = "Mayor Tomas Reyes spoke first on Monday.\n\n“We are ready for the storm,” a city official said."
    assert speakers(analyse(text), text) == [("We are ready for the storm", None)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # 'when' opens a clause of its own: its verb reports nothing of the quote
            "Marta Reyes released an ad on Monday. The spot ends with footage of Paul Keller saying "
            "during the debate, “That makes me smart,” when Reyes attacked him for paying no tax.",
            ("That makes me smart", "Paul Keller"),
        ),
        (  # a cue after such a clause still attributes the quote
            "Polls give Reyes a lead of ten points.\n\n"
            "“Many would call that a defeat for Marta Reyes” if she won by less, said David Wasser, "
            "an analyst at the Cook report.",
            ("Many would call that a defeat for Marta Reyes", "David Wasser"),
        ),
    ],
)
def test_a_clause_after_the_quote_is_no_attribution_of_its_own(analyse, text, expected):
    assert expected in speakers(analyse(text), text)
