"""A claim a source states twice is listed once (captions, live blogs' tallies, pull quotes)."""

BODY = (
    "The council voted on Tuesday to close the ferry terminal at Port Halden for six weeks.\n\n"
    "Officials said 40,000 passengers a year use the route, most of them commuters."
)


def claimed(analysis, text):
    return [text[c.start : c.end] for c in analysis.claims if c.part == "text"]


def test_a_tally_a_live_blog_repeats_is_one_claim_where_it_first_stands(analyse):
    tally = "It takes 1,237 delegates to win the Republican nomination for president."
    text = f"Ferry plan stalls at council.\n\n{BODY}\n\n{tally}\n\n{BODY}\n\n{tally}"
    starts = [c.start for c in analyse(text).claims if text[c.start : c.end] == tally]
    assert starts == [text.index(tally)]


def test_a_caption_restating_the_body_leaves_the_body_s_sentence(analyse):
    caption = "Dr Mark Harvey says the fear of spiders fuels urban myths from people hoping to instil fear"
    sentence = "Harvey said the fear most people have of spiders fuels urban myths from those hoping to instil fear."
    text = f"Ferry plan stalls at council.\n\n{BODY}\n\n{caption}\n\n{sentence}\n\n{BODY}"
    claims = claimed(analyse(text), text)
    assert sentence in claims
    assert caption not in claims


def test_sentences_with_other_figures_or_other_names_both_stay(analyse):
    first = "The ferry carried 40,000 passengers across the strait in 2024."
    second = "The ferry carried 52,000 passengers across the strait in 2025."
    other_name = "The council voted on Tuesday to close the ferry terminal at Port Ellis for six weeks."
    text = f"Ferry plan stalls at council.\n\n{BODY}\n\n{first}\n\n{second}\n\n{other_name}"
    claims = claimed(analyse(text), text)
    assert {first, second, other_name, BODY.split("\n\n")[0]} <= set(claims)


def test_the_headline_and_the_lead_that_retells_it_both_stay(analyse):
    headline = "Council closes Port Halden ferry terminal for six weeks."
    lead = "The council voted on Tuesday to close the ferry terminal at Port Halden for six weeks."
    text = f"{headline}\n\n{lead}\n\nOfficials said 40,000 passengers a year use the route."
    claims = claimed(analyse(text), text)
    assert headline in claims
    assert lead in claims
