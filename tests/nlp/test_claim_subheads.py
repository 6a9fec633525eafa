"""Headlines of several sentences and subheads as claims (issue 13: no headline claim missed)."""

import pytest

from briefing.nlp.claim_headline import sentence_ranges
from briefing.nlp.claim_junk import is_junk
from briefing.nlp.claim_subheads import is_short_line, is_title_like

BODY = (
    "The council voted on Tuesday to close the ferry terminal at Port Halden for six weeks.\n\n"
    "Officials said 40,000 passengers a year use the route, most of them commuters."
)


def claimed(analysis, text):
    return [text[c.start : c.end] for c in analysis.claims if c.part == "text"]


@pytest.mark.parametrize(
    ("line", "sentences"),
    [
        ("Mayor quits. Council names interim head", ["Mayor quits.", "Council names interim head"]),
        ("Gov. Smith signs bill. Mr. Jones objects!", ["Gov. Smith signs bill.", "Mr. Jones objects!"]),
        ("Plant in U.S. Court again", ["Plant in U.S. Court again"]),
        ("Ferry is No. 1 in survey. Fares rise", ["Ferry is No. 1 in survey.", "Fares rise"]),
        ("Fees rise;\nFerries stay", ["Fees rise;", "Ferries stay"]),
        ("Axl Rose Dead? Fans Freak Out", ["Axl Rose Dead? Fans Freak Out"]),  # the rumour and its context
        ("Girls Rock! Is A Celebration", ["Girls Rock! Is A Celebration"]),
        ("Mayor takes Pa. and Md. in vote. Rival concedes", ["Mayor takes Pa. and Md. in vote.", "Rival concedes"]),
        ("Mayor wins amid Calif. fight", ["Mayor wins amid Calif. fight"]),
    ],
)
def test_a_line_is_split_at_its_sentence_marks_only(line, sentences):
    assert [line[s:e] for s, e in sentence_ranges(line)] == sentences


def test_each_fact_of_a_two_sentence_headline_is_a_claim(analyse):
    headline = "The mayor showed up at the hearing. Harbour fees rose 40 percent in May."
    text = f"{headline}\n\n{BODY}"
    claims = claimed(analyse(text), text)
    assert claims[:2] == ["The mayor showed up at the hearing.", "Harbour fees rose 40 percent in May."]


def test_a_view_after_the_headline_s_fact_is_no_claim(analyse):
    text = f"The mayor showed up at the hearing. Council must live with it.\n\n{BODY}"
    claims = claimed(analyse(text), text)
    assert "The mayor showed up at the hearing." in claims
    assert not any("must live" in c for c in claims)


def test_a_hedged_headline_is_still_its_rumour_and_a_fragment_after_it_no_claim(analyse):
    text = f"Halden could lose its ferry. Again.\n\n{BODY}"
    claims = analyse(text).claims
    assert [(text[c.start : c.end], c.kind) for c in claims if c.start == 0] == [
        ("Halden could lose its ferry.", "rumour")
    ]
    assert not any(text[c.start : c.end] == "Again." for c in claims)


def test_a_title_of_two_sentences_gives_a_claim_per_sentence(analyse):
    title = "Kessel Point Plant Shuts After Cyber Attack. Utility Says Water Is Safe"
    titled = [title[c.start : c.end] for c in analyse(BODY, title=title).claims if c.part == "title"]
    assert titled == ["Kessel Point Plant Shuts After Cyber Attack.", "Utility Says Water Is Safe"]


@pytest.mark.parametrize(
    "dek",
    [
        "Funding unclear on whether island routes are covered, officials say.",
        "Time running short for the island's last ferry operator.",
        "Elite donors will help the council try to reach its funding goal.",
        "In a speech, she attacks the council's 'reckless' ferry record.",  # she is the headline's
        "Cruz fields most attacks from rivals in Fox forum.",  # a verb the parser takes for a noun
        "Takes Wisconsin, but Clinton still has the math.",  # the headline's subject left out
    ],
)
def test_a_dek_under_the_headline_is_a_claim(analyse, dek):
    text = f"Ferry plan stalls at council.\n\n{dek}\n\n{BODY}"
    assert dek in claimed(analyse(text), text)


@pytest.mark.parametrize(
    "subhead",
    [
        "Water Board Cuts Supply To Three Districts",
        "Plans to expand the port approved by council",  # a predicate with an infinitive before it
        "Harbour fees rise (again) for ferry users",
    ],
)
def test_a_title_case_subhead_in_the_body_is_a_claim(analyse, subhead):
    text = f"Ferry plan stalls at council.\n\n{BODY}\n\n{subhead}\n\n{BODY}"
    claims = [c for c in analyse(text).claims if text[c.start : c.end] == subhead]
    assert claims and claims[0].score < 0.9  # ranked under the headline


@pytest.mark.parametrize(
    "subhead",
    [
        "They Cut Supply To Three Districts",
        "Window On Wall Street",
        "The Upshot Today",
        "Speaking With One Voice To Save The Ferry",
        "Jane Doe, 52",
        "Jane Doe, Marta Okafor, Tom Roe and Ann Lee",
        "Josh Roe, Economic Policy Institute",
        "of the council's methods in closing the terminal",
        "Co-authored by Jane Doe",
        # found on real web pages: a verb only in brackets, under a preposition or in an
        # infinitive; a label and a command; a label for the reader
        "Tue – Sat 4PM (Closed on Sun & Mon)",
        "Focus on what really matters in the near future of your business",
        "Something to Consider About the Ferry",
        "The Build Stage: Create a tangible online asset",
        "The Grow Stage: Leverage Your Success",
        "Your go-forward plan for business focus",
        "Some of 2026's best harbour ferries",  # a pronoun heads no headline's phrase
        "Privacy Policy, Terms of Use",  # a footer's links
        # a lead-in to the quoted passage below it
        "The council document reads",
        "As the Halden Courier reports,",
        "But, perhaps most concerning,",
    ],
)
def test_a_body_subhead_that_leans_back_or_only_labels_is_no_claim(analyse, subhead):
    text = f"Ferry plan stalls at council.\n\n{BODY}\n\n{subhead}\n\n{BODY}"
    assert subhead not in claimed(analyse(text), text)


@pytest.mark.parametrize(
    "line",
    [
        "ABSTRACT.",
        "News Analysis.",
        "The Upshot.",
        "From the Halden Gazette:",
        "By Jane Doe and Tom Roe",
        "Photo: Ferry passengers queue at Port Halden",
        "Ferry passengers queue at Port Halden on Monday (AP Photo/Jane Doe)",
        "Jane Doe via Getty Images.",
        "2:45 p.m.",
        "Now he's doing the same.",
        "What each candidate needs in Tuesday's showdown.",
        "“We will keep the ferry,” the mayor said.",
        "Reduce the fees for island families.",
    ],
)
def test_labels_kickers_bylines_captions_and_body_lines_are_no_dek(analyse, line):
    text = f"Ferry plan stalls at council.\n\n{line}\n\n{BODY}"
    assert line not in claimed(analyse(text), text)


@pytest.mark.parametrize(
    ("line", "short", "title_like"),
    [
        ("Water Board Cuts Supply To Three Districts", True, True),
        ("Council cuts supply to three districts", True, True),  # no closing mark
        ("The council cut supply to three districts on Monday.", True, False),
        ("From the Halden Gazette:", False, True),  # a lead-in to what follows
        ("“We will keep the ferry,” the mayor said.", False, False),
        ("The council met. It voted.", False, False),
    ],
)
def test_what_a_subhead_line_looks_like(line, short, title_like):
    assert is_short_line(line) is short
    assert is_title_like(line) is title_like


def test_a_picture_credit_ends_a_caption_but_a_photo_in_a_sentence_is_no_caption():
    assert is_junk("Supporters cheer in Des Moines. (Photo: Jane Doe, AP)")
    assert not is_junk("The mayor posed for photos with 40 ferry workers on Monday.")
    assert not is_junk("Mob Storms Ferry Office In Port Halden (GRAPHIC PICTURES)")


def test_a_lead_under_its_dateline_is_a_statement_not_a_second_headline(analyse):
    text = (
        "Ferry wins harbour vote.\n\n"
        "PORT HALDEN (AP) — Mayor Ingrid Vasquel has scored a narrow win in the harbour council vote.\n\n" + BODY
    )
    analysis = analyse(text)
    lead = "Mayor Ingrid Vasquel has scored a narrow win in the harbour council vote."
    [claim] = [c for c in analysis.claims if text[c.start : c.end].endswith("council vote.")]
    assert (text[claim.start : claim.end], claim.kind) == (lead, "statement")


@pytest.mark.parametrize("opening", ["Port Halden (AFP) – ", "PORT HALDEN, March 4 (UPI) — "])
def test_a_claim_opening_a_story_leaves_its_dateline_out(analyse, opening):
    claim = "Mayor Ingrid Vasquel said on Monday that 40,000 households had lost water."
    body = "Officials said 40,000 passengers a year use the ferry route, most of them commuters, and fares rose."
    text = f"{opening}{claim} The utility said repairs would take a week.\n\n{body}"
    assert claim in claimed(analyse(text), text)


def test_a_transcripts_speaker_stays_with_the_claim(analyse):
    claim = (
        "RAMOS: Secretary Clinton, on the night of the attacks in Veldra, you sent an e-mail to your daughter "
        "saying that the militia was responsible for 40 deaths."
    )
    body = "Officials said 40,000 passengers a year use the ferry route, most of them commuters, and fares rose."
    text = f"{claim}\n\n{body}"
    assert claim in claimed(analyse(text), text)


def test_a_subhead_that_names_what_the_story_named_before_is_no_claim(analyse):
    """ "Google Play Store" under the last paragraph, a link's words: the story wrote it as
    a name before ("back to the Google Play Store"), so it is not true-cased into a verb."""
    text = (
        "Ferry plan stalls at council.\n\n"
        "The council voted on Tuesday to close the terminal. You can follow the timetable back to "
        "the Google Play Store where the app is listed.\n\n"
        "Officials said 40,000 passengers a year use the route.\n\nGoogle Play Store\n\nPhoto via Flickr"
    )
    assert "Google Play Store" not in claimed(analyse(text), text)


@pytest.mark.parametrize(
    "sentence, claim",
    [
        (
            "THE BORROWING Back when he wrote his book, Mr. McKinley said that he considered debt a last resort.",
            "Back when he wrote his book, Mr. McKinley said that he considered debt a last resort.",
        ),
        (
            "AT&T CEO Randall Stephenson said the company would cut 4,000 jobs in its wireless division this year.",
            "AT&T CEO Randall Stephenson said the company would cut 4,000 jobs in its wireless division this year.",
        ),
    ],
)
def test_a_run_in_subhead_in_capitals_is_no_part_of_the_claim(analyse, sentence, claim):
    text = "Saving for college\n\nThe council said tuition rose by 12 percent this year.\n\n" + sentence
    assert claim in [text[c.start : c.end] for c in analyse(text).claims]


def test_a_sentence_after_a_run_in_subhead_is_judged_without_it(analyse):
    """Parsed with "SAVE A QUARTER" before it, "Let's say you think ..." lost its root to the
    head and came out a plan; read alone it is the writer's hypothetical, no claim."""
    hypothetical = "Let's say you think a degree from a state university will cost $160,000 in 18 years."
    text = (
        "Saving for college\n\nThe council said tuition rose by 12 percent this year.\n\n"
        f"SAVE A QUARTER {hypothetical} Officials said 40,000 students borrowed money last year."
    )
    claimed = [text[c.start : c.end] for c in analyse(text).claims]
    assert "Officials said 40,000 students borrowed money last year." in claimed
    assert not any("Let's say" in claim for claim in claimed)
