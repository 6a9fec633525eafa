"""Words of a headline, event nouns, state abbreviations and chamber groups: names and types
on real news (issue 15), written here with the demo's invented names."""

import pytest

from briefing.nlp.entity_capitals import trim_capitals_names
from briefing.nlp.entity_cuts import cut_to_names
from briefing.nlp.entity_forms import trim_headline_names, without_headline_phrases
from briefing.nlp.entity_types import with_states
from briefing.nlp.entity_words import strays_before_name
from briefing.nlp.mention import Mention
from briefing.nlp.parse import parse_texts


def types(analysis):
    return {e.name: e.type for e in analysis.entities}


def test_a_headline_phrase_the_body_writes_in_lower_case_is_no_name(analyse):
    text = (
        "Top Water Group Will Run Ads Demanding Answers On The Outage.\n\n"
        "A major water group is demanding that the Halden Water Authority explain the outage. "
        "Tidewater Collective will air an ad on Tuesday."
    )
    found = types(analyse(text))
    assert "Top Water Group" not in found
    assert found["Tidewater Collective"] == "organisation"


def test_a_headline_name_runs_on_into_words_the_body_writes_in_lower_case(nlp):
    headline = "Tenbrook Raised His Kessel Point Rent Once Somebody Else Was Paying It."
    body = "Hugo Tenbrook raised the rent at Kessel Point in March. The rent jumped again."
    text = f"{headline}\n\n{body}"
    (parsed,) = parse_texts(nlp, [text])
    junk = "Kessel Point Rent Once Somebody"
    at, name_at = text.index(junk), text.index("Kessel Point", len(headline))
    mentions = [
        Mention(at, at + len(junk), junk, "organisation"),
        Mention(name_at, name_at + len("Kessel Point"), "Kessel Point", "place"),
    ]
    cut = trim_headline_names(mentions, parsed)
    assert [(m.text, m.start) for m in cut] == [("Kessel Point", at), ("Kessel Point", name_at)]


def test_a_list_of_names_set_in_title_case_keeps_its_names(analyse):
    text = (
        "The letter was signed by Bend the Arc, Harbour Action Radio, Tidewater Collective.\n\n"
        "Groups such as these say the radio station and the collective speak for residents."
    )
    assert "Harbour Action Radio" in types(analyse(text))


def test_a_common_word_only_opening_sentences_is_no_name(analyse):
    text = "Officials worried about low turnout in Saltmarsh. Turnout makes a difference, Marta Okafor said."
    assert "Turnout" not in types(analyse(text))


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "Watch: Full Speech: Mayor Vasquel Speech at Harbour Hall. Ingrid Vasquel spoke for "
            "an hour, and Vasquel took questions.",
            "Ingrid Vasquel",
            "person",
        ),
        (
            "On Friday she addressed the Harbour Women's Agenda Symposium in Port Halden.",
            "Agenda Symposium",
            "organisation",
        ),
    ],
)
def test_an_event_noun_ending_a_name_makes_no_person(analyse, text, name, kind):
    found = types(analyse(text))
    assert found.get(name) == kind
    assert not any(n.endswith("Speech") and t == "person" for n, t in found.items())


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("He spoke at a rally in Fayetteville, N.C., on Monday.", "N.C."),
        ("She campaigned in Kansas City, Mo., and then in Denver.", "Mo."),
    ],
)
def test_a_us_state_abbreviation_after_a_place_is_a_place(text, form):
    start = text.index(form)
    mention = Mention(start, start + len(form), form, "organisation", 2)
    (typed,) = with_states([mention], text)
    assert (typed.type, typed.weight) == ("place", 3)


def test_an_abbreviation_without_a_place_before_it_keeps_its_type():
    text = "Miss. Okafor answered the questions."
    mention = Mention(0, 5, "Miss.", "organisation", 1)
    assert with_states([mention], text)[0].type == "organisation"


def test_a_chamber_and_a_party_plural_are_one_group(analyse):
    text = "The letter was signed by 200 House Republicans and sent to the House on Monday."
    found = types(analyse(text))
    assert found.get("House Republicans") == "group"
    assert "Republicans" not in found


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        ("Okafor Says Tenbrook Can’t Be Trusted With The Budget.", "Tenbrook Can’t", "Tenbrook"),
        ("That’s Hugo Tenbrook for you, the council said.", "That’s Hugo Tenbrook", "Hugo Tenbrook"),
        ("The utility lied, Said Okafor on the radio.", "Said Okafor", "Okafor"),
        ("How Okafor won the vote is a mystery.", "How Okafor", "Okafor"),
    ],
)
def test_a_contraction_or_a_clause_word_is_no_part_of_a_name(nlp, text, span, name):
    (parsed,) = parse_texts(nlp, [text])
    at = text.index(span)
    (cut,) = cut_to_names([Mention(at, at + len(span), span, "person")], parsed)
    assert (cut.text, cut.start) == (name, text.index(name))


@pytest.mark.parametrize("span", ["On Sunday", "In January", "Sunday"])
def test_a_day_or_a_month_is_no_name(nlp, span):
    text = f"{span} the mayor met residents."
    (parsed,) = parse_texts(nlp, [text])
    assert cut_to_names([Mention(0, len(span), span, "person")], parsed) == []


def _cut_one(nlp, text, span, kind="person"):
    (parsed,) = parse_texts(nlp, [text])
    at = text.index(span)
    return cut_to_names([Mention(at, at + len(span), span, kind)], parsed)


def test_an_adverb_and_a_verb_in_a_headline_end_the_name(nlp):
    text = "Courier Casually Conflates Tenbrook With The Mayor.\n\nThe Courier wrote about Tenbrook."
    (cut,) = _cut_one(nlp, text, "Courier Casually Conflates", "organisation")
    assert cut.text == "Courier"


@pytest.mark.parametrize("kind", ["person", "place"])
def test_a_phrase_opening_with_a_verbs_ing_form_is_no_person_or_place(nlp, kind):
    assert _cut_one(nlp, "Okafor Showing Comfort on the stage.", "Showing Comfort", kind) == []


def test_a_quoted_word_ends_a_name(nlp):
    text = "Okafor Pins The Outage On ‘Reckless’ Cuts Of Corvane"
    (cut,) = _cut_one(nlp, text, "Outage On ‘Reckless’ Cuts Of Corvane", "organisation")
    assert cut.text == "Outage"


@pytest.mark.parametrize(
    ("text", "span", "name", "kind"),
    [
        (
            "Shares of Halden-based Tidewater Systems rose.",
            "Halden-based Tidewater Systems",
            "Tidewater Systems",
            "organisation",
        ),
        ("The move to Bergamo-based Corvane reunites them.", "Bergamo-based Corvane", "Corvane", "organisation"),
        ("The Veldra-born Okafor Kettridge spoke.", "Veldra-born Okafor Kettridge", "Okafor Kettridge", "person"),
    ],
)
def test_a_description_before_a_name_is_cut_and_types_it(nlp, text, span, name, kind):
    (cut,) = _cut_one(nlp, text, span)
    assert (cut.text, cut.type) == (name, kind)


def test_a_picture_agency_is_an_organisation(analyse):
    text = "Photographs by Kessel Images and Harbour Pictures were shown."
    assert types(analyse(text)).get("Kessel Images") == "organisation"


def test_two_surnames_joined_by_and_are_two_people(nlp):
    text = "Marta Okafor and Hugo Tenbrook met. Later Okafor and Tenbrook spoke."
    (parsed,) = parse_texts(nlp, [text])
    spans = [("Marta Okafor", "person"), ("Hugo Tenbrook", "person"), ("Okafor and Tenbrook", "place")]
    mentions = []
    for span, kind in spans:
        at = text.index(span)
        mentions.append(Mention(at, at + len(span), span, kind))
    assert [m.text for m in cut_to_names(mentions, parsed)] == ["Marta Okafor", "Hugo Tenbrook", "Okafor", "Tenbrook"]


def test_one_before_a_name_the_text_uses_is_a_count(nlp):
    text = "Marta Okafor spoke. One Okafor aide disagreed. Okafor left."
    (parsed,) = parse_texts(nlp, [text])
    mentions = []
    for span, nth in (("Marta Okafor", 0), ("One Okafor", 0), ("Okafor", 2)):
        at = -1
        for _ in range(nth + 1):
            at = text.index(span, at + 1)
        mentions.append(Mention(at, at + len(span), span, "person"))
    assert [m.text for m in cut_to_names(mentions, parsed)] == ["Marta Okafor", "Okafor", "Okafor"]


@pytest.mark.parametrize(
    ("span", "name"),
    [
        ("Halden Water Authority ended last month", "Halden Water Authority"),
        ("Northgate Herald op-ed", "Northgate Herald"),
        ("Okafors of the world", "Okafors"),
        ("Casa de las Gaviotas", "Casa de las Gaviotas"),
        ("Bashar al-Assad", "Bashar al-Assad"),
        ("Democratic party", "Democratic party"),
    ],
)
def test_a_common_word_in_lower_case_ends_a_name(nlp, span, name):
    text = f"Yesterday {span} was mentioned."
    (parsed,) = parse_texts(nlp, [text])
    at = text.index(span)
    (cut,) = cut_to_names([Mention(at, at + len(span), span, "organisation")], parsed)
    assert cut.text == name


@pytest.mark.parametrize(
    ("span", "kind", "name"),
    [
        ("N.J. Hugo Tenbrook", "person", "Hugo Tenbrook"),
        ("D.C. Circuit", "organisation", "D.C. Circuit"),
        ("Okafor-supporting Tidewater Collective", "organisation", "Tidewater Collective"),
        ("Democratic Senate campaign committee", "organisation", "Democratic Senate campaign committee"),
        ("Marta Okafor-run Water Authority", "organisation", "Water Authority"),
        ("Veldran-held Parliament", "organisation", "Parliament"),
    ],
)
def test_words_before_a_name_that_describe_or_place_it(nlp, span, kind, name):
    text = f"On Monday {span} was mentioned."
    (parsed,) = parse_texts(nlp, [text])
    at = text.index(span)
    (cut,) = cut_to_names([Mention(at, at + len(span), span, kind)], parsed)
    assert cut.text == name


def test_a_person_of_a_body_is_two_names(nlp):
    text = "Marta Okafor of Halden Water Authority spoke. Okafor left."
    (parsed,) = parse_texts(nlp, [text])
    later = text.rindex("Okafor")
    mentions = [
        Mention(0, 38, "Marta Okafor of Halden Water Authority", "organisation"),
        Mention(later, later + 6, "Okafor", "person"),
    ]
    assert [m.text for m in cut_to_names(mentions, parsed)] == ["Marta Okafor", "Halden Water Authority", "Okafor"]


def test_a_verbs_ing_form_inside_a_headline_name_cuts_it(nlp):
    text = "Councillors Rebuking Tenbrook Gather In Port Halden.\n\nHugo Tenbrook spoke. Tenbrook left."
    (parsed,) = parse_texts(nlp, [text])
    later = text.rindex("Tenbrook")
    mentions = [
        Mention(0, 29, "Councillors Rebuking Tenbrook", "organisation"),
        Mention(later, later + 8, "Tenbrook", "person"),
    ]
    assert [m.text for m in cut_to_names(mentions, parsed)] == ["Tenbrook", "Tenbrook"]


def test_members_on_the_committee_are_cut_from_it(nlp):
    text = "Councillors on the Harbour Finance Committee met."
    (parsed,) = parse_texts(nlp, [text])
    span = "Councillors on the Harbour Finance Committee"
    cut = cut_to_names([Mention(0, len(span), span, "organisation")], parsed)
    assert [m.text for m in cut] == ["Councillors", "Harbour Finance Committee"]


def test_an_infinitive_after_a_name_in_a_headline_ends_it(nlp):
    text = "Tenbrook Calls On Okafor To Resign.\n\nHugo Tenbrook wants Okafor gone. Okafor said no."
    (parsed,) = parse_texts(nlp, [text])
    span = "Okafor To Resign"
    at, later = text.index(span), text.rindex("Okafor")
    mentions = [Mention(at, at + len(span), span, "organisation"), Mention(later, later + 6, "Okafor", "person")]
    assert [m.text for m in cut_to_names(mentions, parsed)] == ["Okafor", "Okafor"]


def test_words_of_the_language_on_a_title_case_line_are_no_name(nlp):
    headline = "Halden Water Authority Up for Renewal Amid Allegations of Fraud."
    body = "The Halden Water Authority will vote on the levy in March. Marta Okafor said the vote would go ahead."
    text = f"{headline}\n\n{body}"
    (parsed,) = parse_texts(nlp, [text])
    forms = ["Halden Water Authority", "Renewal Amid Allegations"]
    mentions = [Mention(text.index(f), text.index(f) + len(f), f, "organisation") for f in forms]
    at = text.index("Halden Water Authority", len(headline))
    mentions.append(Mention(at, at + len("Halden Water Authority"), "Halden Water Authority", "organisation"))
    kept = without_headline_phrases(mentions, parsed)
    assert [m.text for m in kept] == ["Halden Water Authority", "Halden Water Authority"]


def test_a_run_in_head_is_read_as_a_headline(nlp):
    text = "Halden Water Authority.\n\nSuccess on Levy Vote: Marta Okafor made the levy vote her signature issue."
    (parsed,) = parse_texts(nlp, [text])
    form = "Success on Levy Vote"
    at = text.index(form)
    assert without_headline_phrases([Mention(at, at + len(form), form, "organisation")], parsed) == []


def test_a_head_in_capitals_is_cut_to_the_name_the_body_uses(nlp):
    text = (
        "The court's chief judge, Marta Okafor, has recused herself.\n\n"
        "OKAFOR STEPS ASIDE.\n\nBANK OF HALDEN RULING.\n\nThe Bank of Halden will appeal."
    )
    (parsed,) = parse_texts(nlp, [text])
    forms = ["OKAFOR STEPS ASIDE", "BANK OF HALDEN"]
    mentions = [Mention(text.index(f), text.index(f) + len(f), f, "organisation") for f in forms]
    assert [m.text for m in trim_capitals_names(mentions, parsed)] == ["OKAFOR", "BANK OF HALDEN"]


def test_a_verb_after_a_name_in_a_headline_only_form_is_cut(analyse):
    # 'Face' after 'Trump' is read as a surname by the model: the body never names 'Trump Face'
    text = (
        "One Tweet Sums Up The Absurd Double Standard Clinton And Trump Face.\n\n"
        "Hillary Clinton needs to tell more jokes. Donald Trump needs to tell the truth. Trump said so."
    )
    found = types(analyse(text))
    assert "Trump Face" not in found
    assert found["Donald Trump"] == "person"


def test_a_phrase_in_capitals_the_text_writes_in_lower_case_is_no_name(analyse):
    text = (
        "Marta Okafor has made questionable medical claims on her show, the British Medical Journal found.\n\n"
        "QUESTIONABLE MEDICAL CLAIMS — For years, Okafor has been dogged by charges about her show."
    )
    found = types(analyse(text))
    assert "QUESTIONABLE MEDICAL CLAIMS" not in found
    assert "British Medical Journal" in found


@pytest.mark.parametrize(
    "sentence, strays",
    [
        ("Scratch Christian Bale off the list of actors.", True),  # a command before a name
        ("Scratch Marta Okafor off the list of engineers.", True),
        ("Hope Marta Okafor stays.", False),  # 'Hope' is a given name too
        ("Scratch Okafor off the list.", False),  # one word after it: no given name and surname
        ("Billionaire Marta Okafor praised the reporter.", True),  # a noun describing her
        ("Rose Marta Okafor praised the reporter.", False),  # 'Rose' is a given name too
        ("Chandler Van Voorhis runs the fund.", False),  # 'Chandler' is a surname too
    ],
)
def test_a_verb_or_noun_opening_a_sentence_before_a_full_name_is_no_part_of_it(nlp, sentence, strays):
    doc = nlp(sentence)
    assert strays_before_name(doc[0], list(doc[1:3])) is strays


def test_a_command_opening_a_sentence_leaves_the_person_it_names(analyse):
    found = types(analyse("Scratch Christian Bale off the list of actors supposed to play the engineer."))
    assert found.get("Christian Bale") == "person"
    assert "Scratch Christian Bale" not in found
