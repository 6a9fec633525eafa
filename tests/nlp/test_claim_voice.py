"""News sentences that carry no checkable fact: views held by no one named, feelings,
quoted questions, pieces of a split sentence; and kind cues that only look like one."""

import pytest

from briefing.nlp.claim_clauses import split_clauses
from briefing.nlp.claim_kinds import claim_kind
from briefing.nlp.claim_voice import is_piece
from briefing.nlp.claims import find_claims
from briefing.nlp.parse import Paragraph, ParsedText


@pytest.fixture
def analyse_headline(nlp):
    from briefing.nlp.claims import judge_headline

    return lambda words: judge_headline(nlp(words)[:])


def claims_in(nlp, text):
    doc = nlp(text)
    return find_claims(ParsedText(text, [Paragraph(0, doc, text)]), None, nlp)


def first_sentence(nlp, text):
    return next(nlp(text).sents)


@pytest.mark.parametrize(
    "sentence, is_claim",
    [
        ("The mayor's refusal to sign the budget was widely viewed as payback for the strike.", False),
        ("Like many tenants, Jane Roe said she was angered by the decision to close the library.", False),
        ("As one lawyer recently put it, ''Did the mayor lower his taxes through legal avoidance?''", False),
        # the same sentences with a fact in them stay claims
        ("The mayor's refusal was described by the union in a letter sent on May 3 to 40 members.", True),
        ("Jane Roe said the council closed the library on March 3 after a vote of 5 to 2.", True),
    ],
)
def test_views_feelings_and_quoted_questions_are_not_claims(nlp, sentence, is_claim):
    assert bool(claims_in(nlp, sentence)) is is_claim


def test_a_sentence_ending_on_a_title_is_a_piece_of_the_next(nlp):
    doc = nlp(
        "Joining them were three moderates who have led big states: Bush and Govs. Chris Christie and John Kasich."
    )
    sentences = list(doc.sents)
    assert [is_piece(s) for s in sentences if s.text.rstrip().endswith("Govs.")] in ([True], [])
    assert not is_piece(first_sentence(nlp, "The governor signed the bill on Tuesday."))


def test_a_question_to_the_reader_is_no_headline_claim(analyse_headline):
    assert analyse_headline("Can you imagine if the mayor were a woman?") is None
    assert analyse_headline("Axl Rose Dead?")[0] == "rumour"
    # "are you" left out: the question opens on what the reader is asked about
    assert analyse_headline("Ready for Okafor vs. Ferreira?") is None
    assert analyse_headline("Looking for a new job in Port Halden?") is None
    assert analyse_headline("Mayor Okafor to resign?")[0] == "rumour"
    # a label before the question is no report; a figure or a verb is
    assert analyse_headline("Business Focus: Do You Have What It Takes to Build a Business Online?") is None
    assert analyse_headline("9to5Mac Gift Guide: What do you buy for the person who has the latest phone?") is None
    assert analyse_headline("Apple Watch rumored at $1200: will you buy?")[0] == "rumour"


@pytest.mark.parametrize(
    "headline, rumour",
    [
        ("ISIS might be harvesting organs, Iraq tells UN.", True),
        ("Senator Graham says the mayor could address clean energy.", True),
        # a call, or a hedge in the words someone is quoted saying, reports no rumour
        ("Senator Warren hammers bank chief: 'You should be criminally investigated.'", False),
        ("Sanders: Clinton needs to 'get away from all of this personality stuff' with Trump.", False),
        ("The mayor must resign, council says.", False),
    ],
)
def test_a_headline_is_a_rumour_for_what_may_be_not_for_a_call_or_quoted_words(analyse_headline, headline, rumour):
    judged = analyse_headline(headline)
    assert judged is not None and (judged[0] == "rumour") is rumour, judged


def test_a_how_to_title_is_no_headline_claim(analyse_headline):
    assert analyse_headline("How to Tackle Game Day Snack Temptations") is None
    assert analyse_headline("What to know about the new water rates") is None
    assert analyse_headline("How the Water Authority Lost 40,000 Households")[0] == "figure"
    assert analyse_headline("7 key questions heading into the 2020 council election") is None
    assert analyse_headline("10 things in tech you need to know today") is None
    assert analyse_headline("3 demonstrators killed in clashes with police near the plant") is not None
    assert analyse_headline("Passenger Wears A Hazmat Suit To Dulles Airport [PHOTO]") is not None


def test_a_negative_command_is_no_claim(nlp):
    assert not claims_in(nlp, "2. Don’t forget to drink water")
    assert not claims_in(nlp, "Don't throw yourself in the deep end on Day 1.")
    assert claims_in(nlp, "Officials did not say how many of the 40,000 households were affected.")


@pytest.mark.parametrize(
    "line, is_claim",
    [
        ("4 Month of Amazon Music Unlimited for $0.99", False),  # a deals page's price line
        ("1 pass defended.", False),  # a stats table's row
        ("Three people killed in crash on the Halden bypass.", True),  # a wire brief's
        ("Okafor buying the ferry company for $150 million.", True),  # a subject makes a clause
        ("The plant costs $5 million a year to run.", True),
    ],
)
def test_a_price_line_or_a_stats_row_is_no_claim(nlp, line, is_claim):
    assert bool(claims_in(nlp, line)) is is_claim


def test_a_command_on_a_participle_is_no_claim(nlp):
    assert not claims_in(nlp, "Stay tuned for more 9to5Mac Gift Guides!")
    assert not claims_in(nlp, "Get started with 2B Mindset here.")
    # the parser read "Imagine" as a name: it opens a command to the reader all the same
    assert not claims_in(nlp, "Imagine paying $50,000 or more annually for the rest of your son's life.")
    assert not claims_in(nlp, "Get ready for 3 more days of outages in Port Halden.")
    assert claims_in(nlp, "Stay-at-home orders were extended for 40,000 households on Monday.")


def test_a_lower_case_rest_of_a_quotation_is_a_piece(nlp):
    doc = nlp("The ports were sold to a firm. that was something the network made an issue,'' said Ann Lee.")
    pieces = [s for s in doc.sents if s.start > 0]
    assert pieces and all(is_piece(s) for s in pieces if s.text[:1].islower())
    # a transcript's lower-case continuation without a quote is left to the score
    doc = nlp("The standard was passed in 1970. and the bill was passed over the objections of the governor.")
    assert not any(is_piece(s) for s in doc.sents)


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("Choosing between the two parties is a false choice, she said.", None),
        ("The ministry said the report was false.", "denial"),
        ("Officials dismissed the photo as fake.", "denial"),
        ("The campaign called it fake news.", "denial"),
        ("The studio responded to a fake stolen car report.", "denial"),
        ("They were caught with fake passports at the border.", None),
        ("Experts called the mural a bogus Banksy.", "denial"),
        ("A bogus Banksy", "denial"),
        ("Anyone claiming that the bridge is unsafe is lying to the town, the mayor said.", None),
        ("The opposition claimed that the mayor hid the ransom demand.", "allegation"),
        ("If there are people who are believed to be dangerous, the law must apply to them.", None),
        ("The minister is believed to be planning a visit to Paris.", "rumour"),
        ("The band reached #1 on the chart in 2019.", "figure"),  # a rank: "#" is no currency sign
        # someone faking or fabricating is no denial; a report said to be fabricated is one
        ("He was limping, and he was faking worse than I've ever seen him fake.", None),
        ("The aides fabricated the figures for the council report.", None),
        ("The statistics, said to come from a crime bureau, appear to be fabricated.", "denial"),
        ("No, the mayor hasn't been arrested.", "denial"),  # a rumour answered
        ("No, I think the council should wait until March.", None),
    ],
)
def test_kind_cues_that_only_look_like_one(nlp, sentence, kind):
    sent = first_sentence(nlp, sentence)
    found = claim_kind(sent, split_clauses(sent))
    assert found == kind if kind else found in (None, "statement", "date", "figure", "action")


@pytest.mark.parametrize(
    "written, shown",
    [
        ("“I have earned 9 million votes in this election.", "I have earned 9 million votes in this election."),
        ("No one has disputed a word I said.”", "No one has disputed a word I said."),
        ("No one has disputed a word I said.’’", "No one has disputed a word I said."),
        ("''We've shown the capability to grow,'' he added. ''", "''We've shown the capability to grow,'' he added."),
        ("We were at 6 and 7 and 8 and 9.''", "We were at 6 and 7 and 8 and 9."),
        # marks the sentence holds on both sides, or in its middle, stay
        ("“We raised $5 million,” he said.", "“We raised $5 million,” he said."),
        ("“We raised $5 million,’’ he said.", "“We raised $5 million,’’ he said."),  # wire copy's close
        ('He said the vote was "done."', 'He said the vote was "done."'),
        ("Cruz said that “every word is true.", "Cruz said that “every word is true."),
    ],
)
def test_a_mark_of_a_quote_running_past_the_sentence_is_left_out(written, shown):
    from briefing.nlp.claim_quotes import without_stray_marks

    start, end = without_stray_marks(written, 0, len(written))
    assert written[start:end] == shown


def test_a_claim_in_a_quote_of_several_sentences_shows_its_own_words(nlp):
    text = (
        "“The council closed 12 libraries in 2015. It cut the budget by $40 million in 2016,” "
        "the mayor said on Tuesday."
    )
    shown = [text[c.start : c.end] for c in claims_in(nlp, text)]
    assert shown == [
        "The council closed 12 libraries in 2015.",
        "It cut the budget by $40 million in 2016,” the mayor said on Tuesday.",
    ]
