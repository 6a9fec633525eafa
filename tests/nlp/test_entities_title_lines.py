"""Names on title-case lines inside a text (related headlines, section heads, follow lines),
and links, handles and hashtags, which are never names."""

import pytest

from briefing.nlp.title_lines import is_title_case_line, true_case_lines

BODY = (
    "Ugo Brennan told reporters on Monday that the harbour plan would go ahead. "
    "He said the council had agreed to a direct vote, and the first hit to the budget was small."
)


def names(analysis):
    return {e.name for e in analysis.entities}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Ugo Brennan Scores Direct Hit On Donald Trump.", True),
        ("Follow Kerstin Varga on Twitter @kvarga.", True),
        ("Texas Sen. Ted Cruz and Florida Sen. Marco Rubio are in close race for second.", False),
        ("FIREWORKS FLY IN FIRST DEBATE.", False),  # capitals: another rule reads those
        ("Ugo Brennan.", False),
    ],
)
def test_a_title_case_line_has_every_word_capitalised_but_short_function_words(line, expected):
    assert is_title_case_line(line) is expected


def test_true_casing_lowers_headline_words_and_keeps_names_and_length(nlp):
    line = "Ugo Brennan Scores Direct Hit On Donald Trump."
    text = f"{BODY}\n\n{line}\n"
    cased = true_case_lines(text, nlp)
    assert len(cased) == len(text)
    assert cased[: len(BODY)] == BODY  # only title-case lines change
    # 'Trump' is a verb the model knows, but right after a name it is the name's next word
    assert cased[len(BODY) + 2 :].strip() == "Ugo Brennan scores direct hit on Donald Trump."


def test_a_verb_after_a_plural_subject_is_the_headline_verb_not_a_name(nlp):
    # 'Abandon' and 'Share' are base forms: after a name they could be its next word
    # ('Donald Trump'), after a plural they are the headline's verb
    lines = (
        "Poll: Wealthy Voters Abandon Harbour Party for Ugo Brennan.",
        "Dockers Share Their Thoughts On Ugo Brennan.",
    )
    text = f"{BODY}\n\n" + "\n".join(lines) + "\n"
    cased = true_case_lines(text, nlp)
    assert "Voters abandon harbour party for Ugo Brennan." in cased
    assert "Dockers share their thoughts on Ugo Brennan." in cased


def test_names_on_a_related_headline_are_cut_at_its_verbs(analyse):
    text = (
        f"{BODY}\n\nRelated:\n\nUgo Brennan Scores Direct Hit On Donald Trump.\n\n"
        "Marta Okafor Responds To Question About Harbour Fees.\n"
    )
    found = names(analyse(text))
    assert {"Ugo Brennan", "Donald Trump", "Marta Okafor"} <= found
    assert not any(word in name for name in found for word in ("Scores", "Hit", "Responds", "Question"))


def test_a_head_run_into_its_paragraph_is_read_as_a_title_case_line(nlp, analyse):
    text = (
        f"{BODY}\n\nVeto Power Impedes Harbour Plans: Stopping the flooding is one of the council's "
        "first goals, and the Water Board is the body with the mandate to act.\n"
    )
    cased = true_case_lines(text, nlp)
    assert "power impedes harbour plans: Stopping" in cased  # the head only: the sentence keeps its capital
    assert not any("Impedes" in name for name in names(analyse(text)))


def test_a_short_name_the_model_found_on_the_line_keeps_its_capitals(analyse):
    text = f"{BODY}\n\nKerstin Varga via Getty Images.\n"
    assert "Getty Images" in names(analyse(text))


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Ugo Brennan spoke.\n\nFollow Ugo Brennan on Twitter @UgoBrennan.", {"Ugo Brennan"}),
        ("Ugo Brennan spoke at the harbour, https://t.co/KR4767EKcx said the post.", {"Ugo Brennan"}),
        ("Ugo Brennan spoke. #HarbourPlan was trending.", {"Ugo Brennan"}),
    ],
)
def test_links_handles_and_hashtags_are_never_names(analyse, text, kept):
    found = names(analyse(text))
    assert kept <= found
    assert not any(c in name for name in found for c in "@#/")
    assert "Twitter" not in found


def test_a_credit_of_two_names_joined_by_a_slash_is_two_names(analyse):
    text = "Ugo Brennan at the harbour on Monday.\n\nPhoto by Kerstin Varga / Reuters."
    found = names(analyse(text))
    assert not any("/" in name for name in found)
    assert "Kerstin Varga" in found


def test_rules_that_read_capitals_do_not_run_a_name_into_a_headline(analyse):
    text = (
        "Brennan Files Largest Financial Statement In Harbour History.\n\n"
        "Candidate Ugo Brennan announced on Tuesday that he filed his financial statement. "
        "Brennan said it set a new benchmark."
    )
    found = names(analyse(text))
    assert "Ugo Brennan" in found
    assert not any("Files" in name or "Largest" in name for name in found)


def test_a_site_name_is_an_outlet_not_a_link(analyse):
    text = "The claim was checked by Factcheck.org on Monday, and Ugo Brennan said it was wrong."
    assert "Factcheck.org" in names(analyse(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Both Brennan and the council said no. Ugo Brennan spoke first.", "Ugo Brennan"),
        ("Some Democrats said no. Several Brennan aides left.", None),
        ("Why Brennan left is unclear. Ugo Brennan did not say.", "Ugo Brennan"),
        ("Among Latinos, the plan is popular, Ugo Brennan said.", None),
    ],
)
def test_a_determiner_wh_word_or_preposition_opening_a_sentence_is_no_part_of_a_name(analyse, text, name):
    found = names(analyse(text))
    assert not any(n.split()[0] in ("Both", "Some", "Several", "Why", "Among") for n in found)
    assert name is None or name in found


def test_a_lone_common_word_on_a_title_case_line_is_no_name(analyse):
    text = f"{BODY}\n\nUgo Brennan Heckled At Harbour Rally, And His Answer Is EPIC.\n"
    found = names(analyse(text))
    assert "Ugo Brennan" in found
    assert "EPIC" not in found


def test_a_person_on_a_title_case_line_keeps_a_name_made_of_common_words(analyse):
    text = f"{BODY}\n\nRand Paul Scores Direct Hit On Ugo Brennan.\n"
    assert {"Rand Paul", "Ugo Brennan"} <= names(analyse(text))


def test_a_group_on_a_title_case_line_is_kept_though_an_adjective(analyse):
    text = f"{BODY}\n\nRepublican Leaders Say The Harbour Plan Is Dead.\n"
    assert "Republican" in names(analyse(text))


@pytest.mark.parametrize(
    ("headline", "name", "stray"),
    [
        ("Wisconsin Elects A Mayor Who Once Mocked The Port.", "Wisconsin", "Wisconsin Elects"),
        ("St. Paul Votes To Condemn The Harbour Plan.", "St. Paul", "St. Paul Votes"),
        ("France’s Marine Le Pen Backs Trump And Denounces Clinton.", "Clinton", "Denounces Clinton"),
    ],
)
def test_a_verb_the_model_read_into_a_name_on_a_headline_is_lowered(analyse, headline, name, stray):
    found = names(analyse(f"{BODY}\n\n{headline}"))
    assert name in found
    assert stray not in found


def test_a_plural_ending_a_name_on_a_credit_line_stays(analyse):
    assert "Getty Images" in names(analyse(f"{BODY}\n\nScott Olson via Getty Images."))


def test_a_headline_read_as_one_name_in_lower_case_is_no_name(analyse):
    body = "Returning refugees to danger is refoulement, and the law forbids it, the council said."
    found = names(analyse(f"Refoulement Violates International Law.\n\n{body}"))
    assert not any("Violates" in name for name in found)


def test_common_nouns_of_a_related_headline_name_nothing(analyse):
    """Related stories' headlines kept in a page's text made organisations and people of their
    nouns: 'Hospital', 'Woman', 'Fertilizer', 'Man Shot', 'Recommendations'."""
    text = (
        f"{BODY}\n\nMan Shot at Dallas Gas Station Dies at Hospital\n\n"
        "Updated Police Identify Man, Woman Found Dead in Plano Apartment\n\n"
        "Fort Worth May Dry Human Waste and Sell It as Fertilizer\n\n"
        "New Safety Recommendations Issued After Deadly Flight\n\n"
        "Ugo Brennan said the vote would be held in June."
    )
    found = names(analyse(text))
    assert not found & {"Hospital", "Woman", "Fertilizer", "Man Shot", "Recommendations", "Man"}
    assert {"Ugo Brennan", "Dallas", "Plano", "Fort Worth"} <= found
    # a person's thing in a headline is no part of the person's name
    found = names(analyse(f"Barack Obama’s Endorsement Couldn’t Come At A Better Time For Hillary Clinton.\n\n{BODY}"))
    assert "Barack Obama" in found and "Endorsement" not in found
