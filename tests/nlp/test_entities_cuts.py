"""Mentions that hold more than a name: words glued to it without a space, headline and
sentence-start words around it, a clause after it, a lower-case word hyphened to it."""

import re

import pytest

from briefing.nlp.entity_cuts import cut_to_names
from briefing.nlp.entity_forms import trim_to_known_names
from briefing.nlp.entity_glue import split_glued
from briefing.nlp.mention import Mention
from briefing.nlp.parse import Paragraph, ParsedText, parse_texts


def mention(text, form, kind="person"):
    start = text.index(form)
    return Mention(start, start + len(form), form, kind)


def cut_to_names_in(mentions, text=""):
    """``cut_to_names`` over a text of one paragraph (no doc needed for these rules)."""
    text = text or mentions[0].text
    return cut_to_names(mentions, ParsedText(text, [Paragraph(0, None, text)]))


def glued(text, form, others=()):
    mentions = [mention(text, form)] + [mention(text, o) for o in others]
    return [m.text for m in split_glued(mentions, text)][: -len(others) or None]


@pytest.mark.parametrize(
    ("form", "names"),
    [
        ("Laura BassettFlagShareLikeReplyPaige Lavender", ["Laura Bassett", "Paige Lavender"]),
        ("FlagShareLikeReplySara Bondioli", ["Sara Bondioli"]),
        ("Mari Hayman 5ptsmoderatorFeaturedFebruary", ["Mari Hayman"]),
        ("United StatesIn", ["United States"]),
    ],
)
def test_words_glued_to_a_name_are_cut_off(form, names):
    text = f"Comments.\n{form} an interview with Paige Lavender."
    assert glued(text, form, ["Paige Lavender"]) == names


def test_a_word_glued_to_a_name_used_alone_is_cut_off_inside_a_sentence_too():
    text = "Video produced by Jon StraussCinematography by Jon Strauss and Sam Wilkes."
    assert glued(text, "Jon StraussCinematography", ["Jon Strauss"]) == ["Jon Strauss"]


def test_a_brand_in_camel_case_after_a_name_stays_whole_inside_its_sentence():
    text = "The plant's Corvane AquaLink control software failed. Corvane Systems said so."
    mentions = [mention(text, "Corvane AquaLink", "organisation"), mention(text, "Corvane Systems", "organisation")]
    assert [m.text for m in split_glued(mentions, text)] == ["Corvane AquaLink", "Corvane Systems"]
    credits = "Cinematography by Sam WilkesAssociate production by Audrey Horwitz."
    assert glued(credits, "Sam WilkesAssociate") == ["Sam Wilkes"]  # a person's name: glued


@pytest.mark.parametrize(
    "form", ["YouTube", "BuzzFeed", "SurveyMonkey", "NeverTrump", "YouGov", "McCain", "DeMoro", "iPhones", "EgyptAir"]
)
def test_a_name_written_in_camel_case_stays_whole(form):
    text = f"Trump, Egypt and Gov. Lee spoke. {form} said so."
    assert glued(text, form, ["Trump", "Egypt"]) == [form]


def test_a_word_that_ends_the_name_before_is_cut_off():
    text = "Photo: Getty ImagesRepublican candidates met. Getty Images took it."
    mentions = [mention(text, "ImagesRepublican", "group"), Mention(46, 58, "Getty Images", "organisation")]
    assert [m.text for m in split_glued(mentions, text)][0] == "Republican"


@pytest.mark.parametrize(
    ("form", "name"),
    [
        ("Asked on Fox News", "Fox News"),
        ("Two Supreme Court", "Supreme Court"),
        ("Both The New York Times", "The New York Times"),
        ("Trump May be Aligning", "Trump"),
        ("Christie Says He", "Christie"),
        ("Luciana Lopez: Saying", "Luciana Lopez"),
    ],
)
def test_words_around_a_name_are_cut_off(form, name):
    assert [m.text for m in cut_to_names_in([mention(form, form)])] == [name]


@pytest.mark.parametrize(
    ("form", "name"),
    [
        ("Jeb Bush-spent", "Jeb Bush"),
        ("Wall Street Journal-ers", "Wall Street Journal"),
        ("Trump's TV-friendly", "Trump"),
        ("Oh Ha-eun", None),
        ("Marta Okafor-led", "Marta Okafor"),
        ("Seongsu-dong", None),
    ],
)
def test_a_lower_case_word_hyphened_to_a_name_the_text_uses_is_cut_off(form, name):
    text = f"{form} spoke. Jeb Bush, Trump and the Wall Street Journal. Oh Ha and Seongsu."
    mentions = [mention(text, form)] + [mention(text, n) for n in ("Jeb Bush", "Trump", "Wall Street Journal")]
    assert cut_to_names_in(mentions, text)[0].text == (name or form)


@pytest.mark.parametrize(
    "form",
    [
        "Theresa May",
        "Will Smith",
        "Bank of England",
        "Girl Scouts of America",
        "Coca-Cola",
        "The Who",
        "We The People Foundation",
        "Under Armour",
        "National Center for Missing & Exploited Children",
    ],
)
def test_a_name_with_such_words_in_it_stays_whole(form):
    assert [m.text for m in cut_to_names_in([mention(form, form)])] == [form]


def test_two_names_joined_by_of_the_are_two_names_when_both_stand_alone():
    text = "Hayes of the Weekly Standard wrote it. Hayes and the Weekly Standard agree."
    mentions = [mention(text, "Hayes of the Weekly Standard")]
    mentions += [Mention(39, 44, "Hayes", "person"), Mention(53, 68, "Weekly Standard", "organisation")]
    cut = cut_to_names_in(mentions, text)
    assert [(m.text, m.type) for m in cut[:2]] == [("Hayes", "person"), ("Weekly Standard", "organisation")]
    assert text[cut[1].start : cut[1].end] == "Weekly Standard"


def test_a_headline_verb_between_names_keeps_the_known_name():
    text = "Report Reveals Clinton Plan. Clinton Speaks"
    mentions = [mention(text, "Report Reveals Clinton"), Mention(28, 35, "Clinton", "person")]
    assert [m.text for m in cut_to_names_in(mentions, text)] == ["Clinton", "Clinton"]
    in_body = "A report reveals Clinton plans. The Report Reveals Clinton series. Clinton spoke."
    mentions = [mention(in_body, "Report Reveals Clinton"), Mention(67, 74, "Clinton", "person")]
    assert [m.text for m in cut_to_names_in(mentions, in_body)] == ["Report Reveals Clinton", "Clinton"]


def test_a_glued_byline_row_makes_clean_people(analyse):
    text = (
        "The debate went on.\n\nLaura BassettFlagShareLikeReplyPaige Lavender wrote the next post.\n\n"
        "Paige Lavender said the candidates clashed."
    )
    names = {e.name for e in analyse(text).entities}
    assert "Paige Lavender" in names
    assert not any("Flag" in n or "Reply" in n for n in names)


def test_a_person_of_the_outlet_is_a_person_and_an_organisation():
    form = "Stephen F. Hayes of the Weekly Standard"
    cut = cut_to_names_in([mention(form, form)])
    assert [(m.text, m.type) for m in cut] == [("Stephen F. Hayes", "person"), ("Weekly Standard", "organisation")]


def test_a_verb_form_inside_a_name_the_text_uses_is_no_headline_verb():
    text = "United States Senate Meets Las Vegas Sands Corp. The United States Agrees"
    mentions = [
        mention(text, "United States Senate", "organisation"),
        mention(text, "Las Vegas Sands Corp", "organisation"),
        Mention(text.rindex("United"), len(text) - len(" Agrees"), "United States", "place"),
    ]
    cut = [m.text for m in cut_to_names_in(mentions, text)]
    assert cut[:2] == ["United States Senate", "Las Vegas Sands Corp"]


def test_a_preposition_goes_only_before_a_name_the_text_uses():
    text = "In Nevada, voters queued. Nevada counts fast."
    mentions = [mention(text, "In Nevada", "person"), Mention(26, 32, "Nevada", "place")]
    cut = cut_to_names_in(mentions, text)
    assert [(m.text, m.type) for m in cut] == [("Nevada", "place"), ("Nevada", "place")]


def test_a_verb_before_a_surname_is_cut_a_given_name_is_not():
    text = "Roger Stone spoke. Stated Stone, it was over. Jared Sexton and Jane Sexton wrote."
    mentions = [
        mention(text, "Roger Stone"),
        mention(text, "Stated Stone"),
        mention(text, "Jared Sexton"),
        mention(text, "Jane Sexton"),
    ]
    assert [m.text for m in trim_to_known_names(mentions, text)] == [
        "Roger Stone",
        "Stone",
        "Jared Sexton",
        "Jane Sexton",
    ]


def test_a_title_left_alone_is_no_name():
    assert cut_to_names_in([mention("When Ms", "When Ms")]) == []
    assert cut_to_names_in([mention("Sens.", "Sens.")]) == []


def test_a_headline_verb_after_a_name_is_cut_only_in_a_headline():
    text = "Drachmann Wades Into Row\n\nDrachmann spoke. The Chicago Bears won; Chicago cheered."
    mentions = [
        mention(text, "Drachmann Wades"),
        Mention(26, 35, "Drachmann", "person"),
        mention(text, "Chicago Bears", "organisation"),
        Mention(text.rindex("Chicago"), text.rindex("Chicago") + 7, "Chicago", "organisation"),
    ]
    headlines = [(0, 24)]
    trimmed = [m.text for m in trim_to_known_names(mentions, text, headlines)]
    assert trimmed == ["Drachmann", "Drachmann", "Chicago Bears", "Chicago"]
    assert [m.text for m in trim_to_known_names(mentions, text)][0] == "Drachmann Wades"


def test_a_verb_opening_a_sentence_before_a_name_is_cut():
    text = "Jared Sexton wrote it, as we see. (See Sexton for more.) Tessa Ward spoke; they take it. Take Idaho now."
    mentions = [
        mention(text, "Jared Sexton"),
        mention(text, "See Sexton"),
        mention(text, "Tessa Ward"),
        Mention(text.index("Idaho"), text.index("Idaho") + 5, "Idaho", "place"),
        mention(text, "Take Idaho"),
    ]
    assert [m.text for m in trim_to_known_names(mentions, text)] == [
        "Jared Sexton",
        "Sexton",
        "Tessa Ward",
        "Idaho",
        "Idaho",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a given name that is also a verb
        "Will Sexton spoke. Jared Sexton will speak. Mark Sexton marked it.",
        # a verb the text never writes in lower case, before a person's surname
        "Jared Sexton spoke. Watch Sexton closely.",
        # not at a sentence start
        "Jared Sexton wrote, as we see. Then we met See Sexton.",
    ],
)
def test_a_verb_that_may_be_a_given_name_is_kept(text):
    form = next(f for f in ("Will Sexton", "Watch Sexton", "See Sexton") if f in text)
    mentions = [mention(text, "Jared Sexton"), mention(text, form)]
    assert [m.text for m in trim_to_known_names(mentions, text)] == ["Jared Sexton", form]


def test_two_names_joined_by_and_are_two_names_when_both_stand_alone():
    text = "Cornell and Technion built it. Technion hired; Cornell paid. Immigration and Customs Enforcement came."
    forms = ["Cornell and Technion", "Technion", "Cornell", "Immigration and Customs Enforcement"]
    mentions = [mention(text, form, "organisation") for form in forms]
    assert [m.text for m in cut_to_names_in(mentions, text)] == [
        "Cornell",
        "Technion",
        "Technion",
        "Cornell",
        "Immigration and Customs Enforcement",
    ]


@pytest.mark.parametrize(
    ("text", "form", "name"),
    [
        ("February 6, 2016 9:31PMKasich And Bush spoke.", "9:31PMKasich", "Kasich"),
        ("Iowa winner Ted Cruz—35 to 12 percent—lost.", "Ted Cruz—35", "Ted Cruz"),
    ],
)
def test_a_time_or_a_figure_glued_to_a_name_is_cut_off(text, form, name):
    cut = split_glued([mention(text, form)], text)
    assert [(m.text, text[m.start : m.end]) for m in cut] == [(name, name)]


def test_two_words_of_the_language_joined_before_a_noun_are_no_name(analyse):
    text = '"Many schools in Black and Brown communities are called failing," said Keron Blair.'
    assert "Black and Brown" not in {e.name for e in analyse(text).entities}


def test_two_unknown_words_joined_are_two_names_when_the_text_uses_one_alone(analyse):
    text = "The show is also streamed on Hulu and Ora's site. A spokesman for Ora declined to comment."
    found = {e.name for e in analyse(text).entities}
    assert "Hulu and Ora" not in found
    assert {"Hulu", "Ora"} <= found


def test_a_pronoun_and_its_verb_run_together_are_no_name(nlp):
    text = "“I’d vote for Marta Okafor,” said Ugo Brennan."
    (parsed,) = parse_texts(nlp, [text])
    mention = Mention(1, 4, "I’d", "group")
    assert cut_to_names([mention], parsed) == []


def _mentions_of(text: str, forms: list[tuple[str, str]]) -> list[Mention]:
    """Each (form, type) where the text writes it, not as the end of a longer name, in order."""
    found = []
    for form, kind in forms:
        found += [
            Mention(m.start(), m.end(), form, kind) for m in re.finditer(rf"(?<![A-Za-z] )\b{re.escape(form)}\b", text)
        ]
    return sorted(found, key=lambda m: m.start)


def test_an_adjective_opening_a_sentence_before_a_name_is_cut():
    # 'Poor' and 'Candidate' are capitalised only by the sentence start; the model read
    # 'Poor Mexico' as a person
    text = (
        "“Poor Mexico, so far from God.” Mexico trades. Mexico grows.\n\n"
        "“Candidate Trump should act.” Trump said no. The candidate left."
    )
    forms = [("Poor Mexico", "person"), ("Candidate Trump", "person"), ("Mexico", "place"), ("Trump", "person")]
    assert [m.text for m in trim_to_known_names(_mentions_of(text, forms), text)] == ["Mexico"] * 3 + ["Trump"] * 2


def test_an_adjective_that_starts_a_name_is_kept():
    # a place name's adjective, a people's, and one the text capitalises mid-sentence stay
    text = (
        "Great Britain voted. Britain left. African Americans vote. Americans vote. "
        "Popular Mechanics wrote, and Popular Mechanics is read. Mechanics read it. Mechanics agree."
    )
    forms = [
        ("Great Britain", "place"),
        ("Britain", "place"),
        ("African Americans", "group"),
        ("Americans", "group"),
        ("Popular Mechanics", "organisation"),
        ("Mechanics", "organisation"),
    ]
    kept = [m.text for m in trim_to_known_names(_mentions_of(text, forms), text)]
    assert {"Great Britain", "African Americans", "Popular Mechanics"} <= set(kept)
