"""Entity names without stray words: verbs, conjunctions and figures at a name's edges."""

import pytest

from briefing.nlp.mention_passes import _after_quote_mark


def names(analysis, kind=None):
    return {e.name for e in analysis.entities if kind is None or e.type == kind}


def mention_texts(text, analysis):
    return {text[s:e] for e in analysis.entities for s, e in e.mentions}


@pytest.mark.parametrize(
    ("text", "name", "stray"),
    [
        (
            "Hammering Priya Castellanos has become a habit for the opposition. "
            "Priya Castellanos says she does not mind.",
            "Priya Castellanos",
            "Hammering Priya Castellanos",
        ),
        ("Although Berm said no, the plan went ahead.", "Berm", "Although Berm"),
        ("Ugo Brennan 1 goal, Kerstin Varga 2 assists.", "Ugo Brennan", "Ugo Brennan 1"),
    ],
)
def test_a_word_at_the_edge_that_is_not_the_name_is_left_out(analyse, text, name, stray):
    analysis = analyse(text)
    assert name in names(analysis)
    assert stray not in mention_texts(text, analysis)
    assert stray not in names(analysis)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Carly Fiorina threw her support behind the governor on Wednesday.", "Carly Fiorina"),
        ("Carly Fiorina threw her support behind Sen. Ted Cruz (R-Texas) Wednesday.", "Carly Fiorina"),
    ],
)
def test_a_given_name_opening_a_sentence_is_no_adverb(analyse, text, name):
    """The model tags 'Carly' an adverb at a sentence's start here, for its -ly."""
    assert name in names(analyse(text), "person")


def test_a_score_between_two_teams_makes_two_names(analyse):
    text = "Results on Saturday: Halden Rovers 2 Port Meadow United 1."
    found = mention_texts(text, analyse(text))
    assert not any(any(c.isdigit() for c in m) for m in found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Halden-based Corvane Systems said profits rose.", "Corvane Systems"),
    ],
)
def test_a_description_or_minute_is_not_part_of_the_name(analyse, text, name):
    assert name in names(analyse(text))


def test_two_people_joined_by_and_are_two_people(analyse):
    text = "The try came from Laurent Cabrel and Laurent Benoit in the second half."
    found = names(analyse(text))
    assert "Laurent Cabrel and Laurent Benoit" not in found


@pytest.mark.parametrize(
    ("word", "figure"), [("75th", True), ("4-95", True), ("1", True), ("Brennan", False), ("M3", False)]
)
def test_figures_are_told_from_words(nlp, word, figure):
    from briefing.nlp.entity_words import is_number

    assert is_number(nlp(word)[0]) is figure


def test_a_conjunction_ending_a_title_is_no_part_of_a_name(analyse):
    text = "Thomas Frank’s new book Listen, Liberal Or, Whatever Happened to the Party of the People? documents it."
    assert not any(name.endswith(" Or") for name in names(analyse(text)))


def test_a_greeting_is_no_part_of_a_name(analyse):
    text = "ELIN MARROW: Hi Maya. I work nights at the clinic.\n\nMAYA QUILLON: Thank you. Maya here again."
    assert not any(name.startswith("Hi ") for name in names(analyse(text)))


@pytest.mark.parametrize(
    ("text", "name", "stray"),
    [
        ("The mayor spoke to a news conference at City Hall on Sunday.", None, "Hall"),
        ("State Senator Ugo Brennan voted against the harbour plan.", "Ugo Brennan", "State Senator Ugo Brennan"),
        (
            "The defence chief, Air Chief Marshal Ugo Brennan, announced the truce.",
            "Ugo Brennan",
            "Marshal Ugo Brennan",
        ),
        ("Rear Admiral Ugo Brennan said the ferry sank in 40 minutes.", "Ugo Brennan", "Rear Admiral Ugo Brennan"),
        ("Air Halden cut 40 flights on Monday, the airline said.", "Air Halden", "Halden"),
    ],
)
def test_a_word_that_qualifies_a_title_counts_only_before_one(analyse, text, name, stray):
    found = names(analyse(text))
    assert stray not in found
    assert name is None or name in found


# Real names: the model reads the lone name only where it knows it.
@pytest.mark.parametrize(
    ("text", "junk", "name"),
    [
        (
            'Trump has questioned the need for moderators.\n\n"Let Hillary and I sit there and just debate," he said.',
            "Let Hillary",
            "Hillary",
        ),
        ("Hold Melania Trump to her husband's standards.\n\nTrump said no.", "Hold Melania Trump", "Melania Trump"),
        ("We don't care. Everything Trump says is a lie. Trump said no.", "Everything Trump", "Trump"),
        (
            "Gennifer Flowers Won’t Be at Debate, Trump Was ‘Mocking’ Clinton Camp.\n\nClinton said no.",
            "Mocking’ Clinton",
            "Clinton",
        ),
    ],
)
def test_a_lone_name_takes_in_no_verb_pronoun_or_quoted_word_before_it(analyse, text, junk, name):
    found = names(analyse(text))
    assert junk not in found
    assert name in found


def test_a_full_name_starts_after_its_owner():
    assert _after_quote_mark(0, "Democracy Corps’ Stan Greenberg") == (17, "Stan Greenberg")
    assert _after_quote_mark(0, "Conan O'Brien") == (0, "Conan O'Brien")


def test_an_owner_and_what_they_own_are_no_one_name(analyse):
    # after a title the name ends at its possessive; a person's body is the body alone
    text = (
        "Critics seized upon Mr. Trump's RT appearance. RT is funded by the Kremlin. Donald Trump spoke.\n\n"
        "Robert Scott may fill Tim Kaine's Senate seat. The Senate votes next week. Tim Kaine agreed.\n\n"
        "The Swiss People's Party and the Women's Media Center both replied."
    )
    found = names(analyse(text))
    assert not {"Trump's RT", "Tim Kaine's Senate"} & set(found)
    assert {"Donald Trump", "Tim Kaine", "Senate", "Swiss People's Party", "Women's Media Center"} <= set(found)


def test_a_plural_before_a_possessive_is_part_of_the_name(analyse):
    # 'Port Halden’s Saltmarsh' has an owner; 'the People’s Daily' is one name
    text = (
        "On Monday, the People’s Daily, the mouthpiece of the Communist party, warned protesters. "
        "The People’s Daily also said the unrest must end."
    )
    assert "People’s Daily" in names(analyse(text), "organisation")


def test_a_typographic_apostrophe_inside_a_name_is_read_as_a_straight_one(analyse):
    """The parser, trained on straight apostrophes, missed 'Dinesh D’Souza' and read 'BlazeTV’s
    Glenn Beck' as one organisation: the five quotes of a real article went to no one. The names
    keep the source's apostrophe."""
    text = (
        "Filmmaker and best-selling author Dinesh D’Souza made his prediction.\n\n"
        "After BlazeTV’s Glenn Beck asked the conservative who he thought would win, D’Souza replied, "
        "“If I had to bet now, I would bet on Hillary.”"
    )
    analysis = analyse(text)
    found = {(e.name, e.type) for e in analysis.entities}
    assert {("Dinesh D’Souza", "person"), ("Glenn Beck", "person")} <= found
    assert not any("BlazeTV’s" in name for name, _ in found)
    names = {e.key: e.name for e in analysis.entities}
    assert [names.get(q.speaker) for q in analysis.quotes] == ["Dinesh D’Souza"]


@pytest.mark.parametrize(
    "text, name, stray",
    [
        (
            "Reports that Jordanian King Abdullah, himself a pilot, will fly sorties spread fast.",
            "Abdullah",
            "Jordanian",
        ),
        ("“We pledge allegiance to Caliph Abu Bakr al-Baghdadi,” the fighter said.", "Abu Bakr al-Baghdadi", "Caliph"),
        ("Grand Ayatollah Ali al-Sistani called for calm on Friday.", "Ali al-Sistani", "Ayatollah"),
        ("The head of RCMP Bob Paulson briefed the prime minister.", "Bob Paulson", "RCMP"),
    ],
)
def test_a_peoples_adjective_a_title_or_a_bodys_initials_before_a_name_are_not_the_name(analyse, text, name, stray):
    names = {e.name for e in analyse(text).entities}
    assert name in names
    assert not any(stray in n for n in names if n != stray)


def test_an_initial_before_a_given_name_stays_part_of_the_name(analyse):
    text = (
        "The super PAC got money from J. Joe Ricketts, the billionaire. L. Douglas Wilder, the former governor, spoke."
    )
    names = {e.name for e in analyse(text).entities}
    assert {"J. Joe Ricketts", "L. Douglas Wilder"} <= names


def test_a_name_run_into_a_web_address_is_no_mention_of_it(analyse):
    text = (
        "MSNBC reported nothing of the kind on Friday.\n\n"
        'The misleading report on MSNBC.website said: "Sources are reporting that the actor has been found dead."'
    )
    analysis = analyse(text)
    msnbc = next(e for e in analysis.entities if e.name == "MSNBC")
    assert [text[s:e] for s, e in msnbc.mentions] == ["MSNBC"]
    assert all(q.speaker != msnbc.key for q in analysis.quotes)
