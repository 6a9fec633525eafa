"""clean_text: characters, paragraphs, boilerplate, glued words, hyphenation, quotes."""

import pytest

from briefing.ingest import clean_text
from briefing.ingest.clean import clean_text_reporting, count_quote_marks

ARTICLE = "The mayor said the grid had failed again and that repairs would take a week."


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("a\u00a0b\u202fc", "a b c"),
        ("zero\u200bwidth\u2060joined\ufeff", "zerowidthjoined"),
        ("infra\u00adstructure", "infrastructure"),
        ("tabs\tand   runs  of spaces ", "tabs and runs of spaces"),
        ("windows\r\nline\rends", "windows\n\nline\n\nends"),
        ("cafe\u0301", "café"),
        ("control\x07chars\x1b gone", "controlchars gone"),
        ("one\n\n\n\n\ntwo", "one\n\ntwo"),
        ("the \ufb01gures \ufb02ow o\ufb00 the e\ufb03cient sta\ufb00", "the figures flow off the efficient staff"),
    ],
    ids=["nbsp", "zero-width", "soft-hyphen", "spaces", "newlines", "nfc", "controls", "blank-runs", "ligatures"],
)
def test_characters_and_whitespace_are_normalised(raw, expected):
    assert clean_text(raw) == expected


def test_joiners_inside_non_latin_words_survive():
    persian = "می\u200cخواهم"
    assert clean_text(persian) == persian


@pytest.mark.parametrize(
    "quoted",
    [
        "“Curly,” she said.",
        "'Single straight' and \"double straight\" marks.",
        "«Guillemets» and ‹single› ones.",
        "„German“ and ‚single‘ quotes.",
        "「Japanese」 and 『nested』 brackets.",
        "The minister’s ‘robust’ response.",
    ],
)
def test_quotation_marks_are_never_changed(quoted):
    assert clean_text(quoted) == quoted


@pytest.mark.parametrize(
    "furniture",
    [
        "You are viewing the beta version of our new site. Tell us what you think",
        "More From The Halden Courier",
        "Edit Story",
        "Facebook Twitter LinkedIn WhatsApp Email",
        "Share on Facebook",
        "Follow Pam Key on Twitter @pamkeyNEN.",
        "Follow @USATOpinion or #tellusatoday on Twitter for more of this discussion.",
        "Follow The Halden Courier Opinion section on Facebook, Twitter (@HCopinion) and Instagram.",
        "Like this story? Share it with a friend!",
        "See more photos:",
        "See tweets :",
        "Share:",
        "Photo: Jonah Reeve / Halden Courier",
        "Image: Reuters",
        "Main image credit: Getty",
        "Cover image: an artist's impression of the lighting installation at the harbour",
        "Image caption Residents wait at the market on Tuesday",
        "Photograph: Jonah Reeve/Halden Courier",
        "(Photo by Jane Doe/Getty Images)",
        "Getty Images",
        # a picture's credit, its agency first or its source behind "Via"
        "REUTERS/Stringer",
        "AP Photo/The Halden Courier, Jonah Reeve",
        "© AP PHOTO/ JONAH REEVE",
        "Mira Okafor for Veldra News / Via Halden Water Board data",
        "Residents wait at the market on Tuesday. Photo: Jonah Reeve / Getty Images",
        "Editing by Piet Angarde",
        "(Reporting by Sam Ortolan; Editing by Lena Fairweather)",
        "Reporting by Jane Doe in Port Halden; additional reporting by John Roe; editing by Ann Poe",
        "Sign up for our newsletter",
        "Start your morning with the Harbour Brief from Veldra Media. It is the commuters' favourite read. "
        "Sign up for the free daily newsletter.",
        "There's plenty more where that came from. Sign up for the Harbour Brief today to get the free newsletter.",
        "Advertisement",
        "ADVERTISEMENT",
        "Story continues below gallery",
        "Advertisement-content continues below",
        "Advertisement - story continues below",
        "SEE MORE: Hong Kong protests: 800 students under siege in university",
        "MORE: ‘We waited years for this,’ say commuters as night buses return to Halden",
        "More: Halden water board defends rate rise",
        "Watch: the mayor explains the boil-water notice",
        "Also on rt.com Journalists & politicians threatened with sedition arrests",
        "© 2019 Halden Courier Media. All rights reserved.",
        "Copyright 2024 Veldra Review",
        "This document is subject to copyright. Apart from any fair dealing for the purpose of private study or"
        " research, no part may be reproduced without the written permission.",
        "We use cookies to improve your experience. By continuing you accept our cookie policy.",
        "Read more: Boil-water notice: what you need to know",
        "Related post: Pickled Brussels Sprouts Recipe",
        "* * *",
        "FOR IMMEDIATE RELEASE",
        "Press release",
        "NEWS RELEASE - FOR IMMEDIATE PUBLICATION",
        "EMBARGOED UNTIL 00:01 GMT, 5 March 2026",
        "Embargo: 10:00 CET Thursday",
        "Notes to editors",
        "Editor's notes:",
        "###",
        "-ends-",
        "[ENDS]",
        "ENDS",
        "Media contact: press@halden-water.example",
        "Pick Six Newsletter",
        "Get the day's big stories, fantasy advice and more",
        "Sorry we are not currently accepting comments on this article.",
        "Comments are closed for this article.",
        "The Courier is committed to publishing a diversity of letters to the editor. We'd like to hear what you "
        "think about this or any of our articles. Here are some tips. And here's our email: letters@courier.example.",
    ],
)
def test_boilerplate_lines_are_dropped(furniture):
    text = f"{ARTICLE}\n\n{furniture}\n\n{ARTICLE}"
    assert clean_text(text) == f"{ARTICLE}\n\n{ARTICLE}"


@pytest.mark.parametrize(
    "heading",
    ["Related reading", "Related", "Read more", "Most Viewed", "Most Read", "Add your comment", "Comments"],
)
def test_block_headings_drop_their_link_lists(heading):
    links = "Halden grid fails again\n\nMinister orders inquiry into outage"
    text = f"{ARTICLE}\n\n{heading}\n{links}\n\n{ARTICLE}"
    assert clean_text(text) == f"{ARTICLE}\n\n{ARTICLE}"


def test_media_contact_block_leaves_but_a_following_paragraph_stays():
    contact = "Media contact:\nPetra Saljen, Head of Communications\npress@halden-water.example\n+44 20 5550 0100"
    about = "About Halden Water\nHalden Water supplies 400,000 homes in Veldra."
    text = f"{ARTICLE}\n\n{contact}\n\n{about}\n\n###"
    assert clean_text(text) == f"{ARTICLE}\n\nAbout Halden Water\n\nHalden Water supplies 400,000 homes in Veldra."


def test_a_block_ends_at_the_first_real_paragraph():
    text = f"Related reading\nHalden grid fails again\n{ARTICLE}\nShort subheading"
    assert clean_text(text) == f"{ARTICLE}\n\nShort subheading"


@pytest.mark.parametrize(
    "sentence",
    [
        "A Facebook post by the mayor said the water was safe.",
        "Twitter and Facebook were used to spread the claim, officials said.",
        "The regulator said sites that use cookies without consent will be fined.",
        "Reporting by the Halden Courier revealed that the minister knew.",
        "Photographs taken by residents show the flooding.",
        "Getty Images said on Tuesday it would cut 200 jobs.",
        "Reuters/Ipsos poll shows voters split on the harbour plan",
        "Reuters/Ipsos Poll Shows Halden Voters Split On Harbour Plan",
        "The Courier / Via newsletter readers say the plan is dead",
        "Comments by the minister angered residents.",
        "Share prices fell sharply on Tuesday.",
        "Copyright law changed in 2019, the court said.",
        "“Advertisement,” she said, “is all they care about.”",
        "The press release said the plant would close.",
        "Embargo on Veldran oil to end in June",
        "Contact lenses: a buyer's guide",
        "Media relations at the ministry were tense, officials said.",
        "Ends of the earth",
        "See photos of the ceremony in our gallery, taken by the mayor.",
        "Like this story, the last one ended in court.",
        "We are not accepting comments from the public until May, the regulator said.",
        "The inquiry heard evidence (reported by the Courier in March) on Tuesday.",
        "The plant closed in March (the minister was informed by Doe).",
        "More than 200 people came: the hall was full.",
        "more: a word a list can start with, in lower case",
    ],
)
def test_real_sentences_that_mention_furniture_words_stay(sentence):
    assert clean_text(sentence) == sentence


@pytest.mark.parametrize(
    "glued, repaired",
    [
        ("the water system.The mayor said", "the water system. The mayor said"),
        ("it failed again!Officials said", "it failed again! Officials said"),
        ("the start of the outageThe company declined", "the start of the outage The company declined"),
        ("the city’ s response", "the city’s response"),
        ("the world' s richest", "the world's richest"),
        ("they said.” The", "they said.” The"),
        ("in a statement on Sunday.The trust runs", "in a statement on Sunday. The trust runs"),
        ("said Ms Doe.Officials", "said Ms Doe. Officials"),
    ],
)
def test_glued_words_are_repaired(glued, repaired):
    assert clean_text(glued) == repaired


@pytest.mark.parametrize(
    "legit",
    [
        "e.g.The",
        "U.S.Army",
        "costs rose 3.5 percent",
        "Corp.com",
        "www.Example.com",
        "mail me at jo@Site.org",
        "Mr.Smith",
        "ASP.NET",
        "Console.WriteLine",
        "an iPhone",
        "McDonald",
        "PlayStation",
        "JavaScript",
        "eBay",
        "the iOS update",
        "https://example.com/News.Html",
        "vitamins",
        "a Ph.D thesis",
        "J.R.R.Tolkien",
        "see report.PDF now",
        "the NATO.Summit",
        "Halden.Example.org",
    ],
)
def test_legitimate_dots_and_camel_case_are_left_alone(legit):
    assert clean_text(legit) == legit


def test_headline_stays_apart_from_the_first_sentence():
    text = "Grid outage hits Port Halden\nThe mayor said the grid had failed again on Tuesday night."
    assert clean_text(text).split("\n\n") == [
        "Grid outage hits Port Halden",
        "The mayor said the grid had failed again on Tuesday night.",
    ]


def test_hard_wrapped_text_is_unwrapped_and_lists_stay_lines():
    wrapped = (
        "The regional minister, speaking to reporters on Tuesday, said an inquiry\n"
        "would begin next week and that a long-term plan for the grid would be\n"
        "published before summer.\n"
        "Officials blamed a transformer fault at the Kessel Point substation and\n"
        "said repairs were under way.\n"
        "\n"
        "- first item\n"
        "- second item"
    )
    assert clean_text(wrapped).split("\n\n") == [
        "The regional minister, speaking to reporters on Tuesday, said an inquiry would begin next week "
        "and that a long-term plan for the grid would be published before summer.",
        "Officials blamed a transformer fault at the Kessel Point substation and said repairs were under way.",
        "- first item\n- second item",
    ]


@pytest.mark.parametrize(
    "left, right, joined",
    [
        # a hyphen ending the line: a split word joins, a hyphenated compound keeps its hyphen
        ("failure of the city's infra-", "structure left homes without power all night", "infrastructure"),
        ("ministers agreed on a long-", "term plan to rebuild the grid before the winter", "long-term"),
        ("the grid operator, which is state-", "owned, said repairs would take a week", "state-owned"),
        ("engineers said the govern-", "ment had been warned about the transformer", "government"),
        # a soft hyphen ending the line: the typesetter hyphenated the word (LaTeX, Word's optional hyphens)
        ("a typical two-column docu\u00ad", "ment with tables, figures and much more besides", "two-column document"),
        ("the grid had been self\u00ad", "sufficient for years before the winter of the storms", "selfsufficient"),
        # a range or a figure broken after its dash: "2026- 2027" was the result
        ("growth prospects in 2026-", "2027 according to the regional grid operator", "2026-2027"),
        ("a valuation of EV/EBIT 10–", "12x according to the analysts at the bank", "10–12x"),
    ],
)
def test_pdf_line_breaks_inside_words_and_ranges_join_without_a_space(left, right, joined):
    padding = "Officials at the grid operator blamed a transformer fault on Tuesday evening, they"
    text = clean_text(f"{padding}\n{left}\n{right}.", hard_wrapped=True)
    assert joined in text
    assert "\n" not in text and "\u00ad" not in text


def test_soft_hyphen_ending_a_pdf_paragraph_keeps_the_short_line_signal():
    lines = [
        "Officials at the grid operator blamed a transformer fault on Tuesday and mathemat\u00ad",
        "ics.",
        "The regional minister said an inquiry would begin next week, and that the plan",
        "would be published before summer.",
    ]
    text = clean_text("\n".join(lines), hard_wrapped=True)
    assert "mathematics.\n\nThe regional minister" in text


def test_pdf_hyphenation_follows_the_documents_own_spelling():
    text = "co-\noperation was promised. Officials praised the cooperation of the utilities involved."
    assert clean_text(text, hard_wrapped=True).startswith("cooperation was promised.")


def test_pdf_paragraph_ends_at_short_line_closing_a_sentence():
    lines = [
        "Officials at the grid operator blamed a transformer fault on Tuesday evening and",
        "said repairs would take at least a week to complete.",
        "The regional minister said an inquiry would begin next week, and that the plan",
        "would be published before summer.",
    ]
    assert clean_text("\n".join(lines), hard_wrapped=True).count("\n\n") == 1


@pytest.mark.parametrize(
    "credits",
    [
        "(Additional reporting by Mark Hosenball in Washington; Editing by Chris Reese)",
        "(Reporting By Mohammed Ghobari and Mohammed Mukhashaf in Sanaa and Aden; Additional reporting by Curtis "
        "Skinner in San Francisco; Writing Angus McDowall; Editing by Janet Lawrence)",
        "STORY_NUMBER: L5N0R62Q3 STORY_DATE: 05/09/2014 STORY_TIME: 1324 GMT (Writing by Edmund Blair; Editing by "
        "Sonya Hepinstall)",
    ],
)
def test_wire_credits_closing_the_last_sentence_leave_it(credits):
    """Reuters' credits on the line of the story's last sentence stayed in the text, and their
    editors became people of the story, linking unrelated stories through one editor."""
    last = "One of the officials said that the man was from Quebec."
    text, dropped = clean_text_reporting(f"{ARTICLE}\n\n{last} {credits}")
    assert text == f"{ARTICLE}\n\n{last}"
    assert dropped == [credits]


def test_dropped_lines_are_reported():
    text, dropped = clean_text_reporting(f"{ARTICLE}\nAdvertisement\nEdit Story")
    assert text == ARTICLE
    assert dropped == ["Advertisement", "Edit Story"]


def test_count_quote_marks_counts_every_kind():
    assert count_quote_marks("“a” 'b' «c»") == {"“": 1, "”": 1, "'": 2, "«": 1, "»": 1}


@pytest.mark.parametrize(
    "sentence",
    [
        "The newsletter was sent to 4,000 staff on Monday, the union said.",
        "The mayor resigned on Tuesday. Staff were told to sign up for a union newsletter, the paper said.",
        "Readers were angry. Subscribers to the newsletter fell by half in a month.",
        "Get the day's work done before the storm, officials urged residents.",
        "We'd like to see the figures first, the minister said.",
    ],
)
def test_sentences_about_newsletters_and_the_day_stay(sentence):
    text = f"{ARTICLE}\n\n{sentence}\n\n{ARTICLE}"
    assert clean_text(text) == text
