import pytest

from briefing.nlp.claim_headline import true_case
from briefing.nlp.claim_junk import is_junk


def claims_of(analysis, text):
    return {text[c.start : c.end]: c for c in analysis.claims}


def kinds_of(analysis, text):
    return {text[c.start : c.end]: c.kind for c in analysis.claims}


@pytest.mark.parametrize(
    "headline",
    [
        "IBM Denies Layoff Rumors",
        "Robert Plant Ripped Up $800M Led Zeppelin Reunion Contract",
        "Meteor Leaves 40-Foot Crater Near Managua's Airport",
        "ISIS Might Be Harvesting Organs, Iraq Tells UN",
        "Axl Rose Dead? Fans Freak Out Over Death Rumors",
        "WATCH: Marine Survives Taliban Sniper Headshot Thanks To Helmet",
    ],
)
def test_title_case_headlines_are_claims_with_a_high_score(analyse, headline):
    claims = analyse(headline, title=headline).claims
    assert len(claims) == 1
    assert claims[0].end == len(headline) and claims[0].score >= 0.9


def test_headline_is_one_claim_and_outranks_the_body(analyse):
    title = "Kessel Point Plant Shuts After Cyber Attack"
    text = f"{title}\n\nThe utility said on Tuesday that 40,000 households were under a boil-water notice."
    claims = sorted(analyse(text, title=title).claims, key=lambda c: -c.score)
    assert text[claims[0].start : claims[0].end] == title
    assert len(claims) == 2


def test_true_casing_keeps_the_names_the_body_capitalises(nlp):
    body = "Shares of Apple fell after the report, and analysts said the company would respond."
    assert true_case("Apple Shares Fall After Report", body, nlp) == "Apple shares fall after report"
    assert true_case("Apple shares fall after report", body, nlp) == "Apple shares fall after report"


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("IBM denies layoff rumors.", "denial"),
        ("The ministry denied the report.", "denial"),
        ("Apple is rumored to be building a car.", "rumour"),
        ("Apple could unveil the watch in March, according to rumours.", "rumour"),
        ("The opposition accused the mayor of hiding a ransom demand.", "allegation"),
        ("He allegedly took bribes from the contractor.", "allegation"),
    ],
)
def test_short_denials_rumours_and_allegations_are_marked(analyse, sentence, kind):
    assert kinds_of(analyse(sentence), sentence) == {sentence: kind}


@pytest.mark.parametrize(
    "sentence",
    [
        "There are reports circling that the ferry has been stolen from the harbour in Port Halden.",
        "Shares fell amid reports that the water board would close the plant.",
        "Reports say the mayor of Port Halden will resign.",
        "Reports emerged on Monday that the mayor would resign.",
    ],
)
def test_reports_no_one_is_named_for_are_rumours(analyse, sentence):
    assert kinds_of(analyse(sentence), sentence) == {sentence: "rumour"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Police reports say that 40 people were hurt in the blast.",  # whose reports: named
        "A report by the inspector found that 40 pumps had failed.",
        "The report that he filed in March listed 40 complaints.",  # a report named before
        "Hours before reports that she had won, the mayor met 40 ferry workers in Port Halden.",  # a time
        "A new report says 40 pumps failed at the plant last year.",  # one document
    ],
)
def test_reports_with_a_named_source_are_no_rumours(analyse, sentence):
    assert kinds_of(analyse(sentence), sentence)[sentence] != "rumour"


def test_a_capitalised_versus_does_not_end_the_sentence(analyse):
    text = "There are reports that the Batmobile has been stolen from the set of Batman Vs. Superman in Detroit."
    assert kinds_of(analyse(text), text) == {text: "rumour"}


@pytest.mark.parametrize("title", ["Sgt.", "Capt.", "Supt.", "Det."])
def test_an_abbreviated_rank_does_not_end_the_sentence(analyse, title):
    text = f"Police spokesman {title} Jonas Brekke said 40 officers had searched the harbour on Tuesday."
    assert list(claims_of(analyse(text), text)) == [text]


@pytest.mark.parametrize(
    "sentence",
    [
        "Armenia and Azerbaijan are in a heated dispute over the territory of Nagorno-Karabakh.",
        "Any action by China to reclaim land in the disputed sea would have consequences, Carter said.",
        "The 2011 ruling denied class-action status to 1.5 million female employees of the retailer.",
        "Obama spoke on Tuesday about rights that had been denied victims of 14 other mass shootings.",
    ],
)
def test_a_dispute_between_two_sides_or_a_thing_withheld_is_no_denial(analyse, sentence):
    assert kinds_of(analyse(sentence), sentence).get(sentence) != "denial"


@pytest.mark.parametrize(
    "sentence",
    [
        "Cruz denied that waterboarding constitutes torture.",
        "The senator has always denied it.",
        "CNN disputed the account.",
    ],
)
def test_a_denial_of_what_was_said_is_one(analyse, sentence):
    assert kinds_of(analyse(sentence), sentence) == {sentence: "denial"}


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("Two-thirds of the households lost water.", "figure"),
        ("The deal is worth a hundred billion dollars.", "money"),
        ("Thousands of workers walked out on Monday.", "figure"),
    ],
)
def test_numbers_in_words_count(analyse, sentence, kind):
    assert kinds_of(analyse(sentence), sentence) == {sentence: kind}


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("The bank raised EUR 500 million from the sale.", "money"),
        ("The simulation TNG50 tracked 20 billion particles.", "figure"),  # a model's name, not an amount
        ("The new laptop has two USB 3 ports and weighs 1.2 kg.", "figure"),
    ],
)
def test_money_needs_a_currency(analyse, sentence, kind):
    assert kinds_of(analyse(sentence), sentence) == {sentence: kind}


@pytest.mark.parametrize(
    "sentence",
    [
        "Turnout fell to 38 per cent in May.",
        "In May, the council cut the water budget by 12 percent.",
    ],
)
def test_may_the_month_is_not_a_hedge(analyse, sentence):
    assert kinds_of(analyse(sentence), sentence) == {sentence: "percent"}


@pytest.mark.parametrize(
    "sentence, is_claim",
    [
        ("I think we lost 800,000 jobs last year.", True),  # the opinion is only "I think"
        ("The attackers may have entered through an unpatched gateway.", False),
        ("The results are alarming, the party said.", False),
        ("“It's too early to tell,” said the mayor.", False),
        ("The plant might reopen, but 40,000 households were still without water on Tuesday.", True),
        ("The mayor says there needs to be a law that requires the two utilities to publish their tests.", False),
        ("To save that much, families will need to put aside about $115 each month.", False),
        ("The utility had to recall 40,000 meters in 2019.", True),  # a past obligation is a fact
        ("The council is $7.5 million short of the $64 million it must collect.", True),
    ],
)
def test_a_hedge_or_opinion_vetoes_only_its_own_clause(analyse, sentence, is_claim):
    assert bool(analyse(sentence).claims) is is_claim


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("The company plans to cut 2,000 jobs by 2026.", "plan"),
        ("The ministry will release VLD 3 million next week.", "plan"),
        ("The government pledged to build 300,000 homes a year.", "promise"),
        ("The company cut 2,000 jobs in 2024.", "figure"),
        ("The council planned 300 new homes for the district.", "plan"),
        ("Two infected patients sought treatment at a hospital in the capital.", "figure"),
        ("Volunteers prepared 300 meals on Sunday.", "figure"),
        ("A poll found 40% of voters are not sure they will vote for her.", "percent"),
    ],
)
def test_plans_and_promises_with_figures_are_their_own_kind(analyse, sentence, kind):
    assert kinds_of(analyse(sentence), sentence) == {sentence: kind}


@pytest.mark.parametrize(
    "sentence, is_claim",
    [
        ("In a 2019 speech at the harbour, the mayor declared:", False),
        ("When the plant closed in 2021, the council released the following statement:", False),
        ("PORT HALDEN (AP) — The Latest on the water crisis, with 40,000 homes on notice (all times local):", False),
        ("Councillor Hugo Tenbrook, 58, responded:", False),
        ("Seven big questions heading into the council vote, to be carried on Halden TV:", False),  # a list's heading
        # who was told, or what points at the quote, is no content of the sentence
        ("11.12 Ana Ruiz, research director at the water trust since 2019, told the Halden Courier:", False),
        ("The Meridian Wire's Jane Doe confirmed the same:", False),
        ("A council source told reporters that 40,000 homes were cut off:", True),
        ("The utility has cut supplies to at least three districts since Tuesday:", True),
        ("The ministry confirmed that 40,000 households were without water on Monday:", True),
    ],
)
def test_a_sentence_that_only_leads_into_what_follows_its_colon_is_no_claim(analyse, sentence, is_claim):
    text = f"{sentence}\n\n“We are doing all we can,” the mayor said."
    assert (sentence in kinds_of(analyse(text), text)) is is_claim


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("Twenty veterans commit suicide each day, the report found.", "figure"),
        ("Browder, 22, committed suicide in June 2015 after being held for three years.", "figure"),
        ("The company committed $5 billion to the plant over ten years.", "promise"),
    ],
)
def test_committing_an_act_is_no_promise(analyse, sentence, kind):
    assert kinds_of(analyse(sentence), sentence) == {sentence: kind}


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("The session lasts for 10-15 minutes, the company said in a statement.", "figure"),
        ("Police arrested a 57-year-old man in the hotel on Tuesday night.", "figure"),
        ("He now faces a maximum sentence of 175 years in prison.", "figure"),
        ("The researchers observed Europa for 17 nights at the Keck Observatory.", "figure"),
        ("The museum rings a bell from an 18th-century church in Virginia.", "date"),
        ("The new patient hunted and ate a wild rabbit on Nov. 5, according to Xinhua.", "date"),
        ("He had been facing the charge in Sweden since 2010.", "date"),
    ],
)
def test_a_span_of_time_or_an_age_is_a_figure_not_a_date(analyse, sentence, kind):
    assert kinds_of(analyse(sentence), sentence) == {sentence: kind}


@pytest.mark.parametrize(
    "line",
    [
        "By Reuters · Nov. 19, 2014",
        "Tested by: John Milbank RRP: 49.95 Euro (£40)",
        "[2] Joint Commission National Patient Safety Goal: Alarm Management",
        "By Jane Doe and John Roe",
        "(Graphic: Water levels in the reservoir, 2010-2024)",
        "Photo: Jonah Reeve / Halden Courier",
        "Cover image: an artist's impression of the 40 lighting installations built at the harbour in 2018.",
        "Main image credit: Getty",
        "Image caption Residents waited 3 hours at the market on Tuesday.",
        "This article is more than 7 years old.",
        "This story was amended on 10 November 2014, following a comment from the harbour master's office",
        "(This story was updated at 8:30 p.m. CT on March 4.)",
        "AAPL 112.34 +1.25 1.1%",
        "Have something to add to this story?",
        "Sign up for our daily newsletter.",
        "His new book is available from Regnery through Amazon.",
        "1.",
        "9.",
        "Editor’s note: The author regularly writes for the campaign and was paid 2,000 dollars.",
        "DL | Myles Garrett | 57 | 77% | 1 tackle (1 combined).",
        "| Pos | Player | Plays | % | Stats |",
        '- Use code "50OFF699" to get it at Dell for $799.99',
        "Every online business exists in the 'space-time continuum.'Click To Tweet",
        "Plague and zoonotic influenza warning: CDC names EIGHT deadly diseases [WARNING]",
        "Good morning! This is the tech news you need to know this Tuesday.",
        "Ministry of Water, Republic of Veldra - Press release - 4 March 2026 - For immediate release",
        "EMBARGOED UNTIL 00:01 GMT, 5 March 2026: Halden Water Authority annual report",
        "Source: Halden Courier",
        "H/T: Meridian Wire",
        "Jane Doe writes for the Halden Courier and the Courier on Sunday",
        "Handout picture released by the presidency showing a soldier at the crater on September 7, 2014.",
        "A screengrab taken on October 2, 2014 from a video released by the rebels shows their leader.",
        "This graphic, provided by Statista, shows the 11 provinces where the ferry tax has been lifted.",
        "Analysis: Jane Doe, Halden Courier, Port Halden",
        "Meridian Wire's Jane Doe, John Roe and Ann Lee contributed to this report.",
        "Jane Doe in Port Halden contributed additional reporting.",
        "New Price Drop: 2026 Halden Kettle 2 Wireless for $139 (Originally $159)",
        '70" Veldra 4K Smart TV with Remote for $499.99 (Originally $800)',
        # a page's script glued to its last sentence, and a footer's links
        "BF_STATIC.queue.push(function () { document.getElementById(\"t_4050373\").innerHTML = UI.date('2014'); });",
        "Privacy Policy, Terms of Use",
        # a picture's file name left as its caption
        "Screen Shot 2014-10-23 at 4.11.02 PM",
        "IMG_20150102_101500",
        # links to other stories run together, and a call to a telephone number
        "How a Halden orphan survived the winter floodsPort Halden victims can be buried at sea after decree "
        "relaxedFerry drug trial shows results in 40 patients",
        "For more information or to book a visit for your school, call (785) 555-0325.",
        "RelatedFerry Strike Called Off After 40 Hours of TalksHarbour Office Fire Destroys Records",
    ],
)
def test_page_furniture_is_never_a_claim(analyse, line):
    assert is_junk(line)
    assert analyse(line).claims == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "The picture taken by the drone was fake, officials said.",
        "A photo taken in 2019 shows that the bridge had already cracked.",
        "A photo taken in 2019 shows the bridge cracked, the report said.",
        "A map drawn by the water board in 2019 shows that the pipe ran under the school.",
    ],
)
def test_what_a_picture_proves_is_no_caption(sentence):
    assert not is_junk(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "BuzzFeed and HuffPost reported that 40 homes were flooded.",  # capitals inside a brand
        "@realJaneDoe and @HaldenCourier traded 40 posts on Monday.",  # and a handle
        "The plant called its 2019 output a record: 555-1234 units shipped.",  # a figure shaped like a number
    ],
)
def test_brands_handles_and_figures_are_no_glued_links_or_phone_calls(sentence):
    assert not is_junk(sentence)


def test_a_headline_labelled_source_is_no_credit_line():
    assert not is_junk("Source: Water Board Wants Mayor Marta Okafor Fired")
    assert not is_junk("Source: Port Halden ferries may soon run only at night")


def test_a_credit_line_over_the_story_is_no_headline_claim(analyse):
    text = "Source: Halden Free Press\n\nThe water board said 40,000 households lost water on Tuesday."
    assert list(claims_of(analyse(text), text)) == ["The water board said 40,000 households lost water on Tuesday."]


@pytest.mark.parametrize(
    "sentence",
    [
        "By the time the tankers arrived, 40,000 households had no water.",
        "From January, the tax on fuel will rise by 12 percent.",
        "The ministry said in a press release that 40,000 households lost water on Tuesday.",
        "Sources say 40,000 households lost water on Tuesday.",
        "The file photos were released by the ministry on Tuesday, showing 40 damaged homes.",
        "Analysis: Water board faces 40 lawsuits over the outage in Port Halden",
        "The two firms contributed to the report's findings on 40 failed pumps.",
        "The utility cut the price of a tanker load to $139 from $159 on Monday.",
        "The document.write call on 40 council pages was blocked by the browser, the researchers said.",
        "The council's privacy policy changed in 2024, its terms of use in 2025.",
        "This report was amended on 10 November to show that 40,000 households lost water.",  # the story's document
    ],
)
def test_sentences_that_look_like_furniture_are_kept(analyse, sentence):
    assert not is_junk(sentence)
    assert analyse(sentence).claims


def test_scores_are_between_0_and_1_and_rank_figures_above_chatter(analyse):
    text = (
        "The utility said 40,000 households lost water on Tuesday, 12 percent more than in 2023.\n\n"
        "Residents said the council had been slow to act.\n\n"
        "Well, we will see what happens next."
    )
    claims = claims_of(analyse(text), text)
    assert all(0.0 <= c.score <= 1.0 for c in claims.values())
    figure = next(c for t, c in claims.items() if t.startswith("The utility"))
    assert all(figure.score >= c.score for c in claims.values())
    assert not any(t.startswith("Well") for t in claims)


@pytest.mark.parametrize(
    "title, body",
    [
        ("IBM Denies Layoff Rumors", "The company said on Monday that it had no plans to cut staff."),
        (
            "Water outage hit 62,000 homes, internal report shows",
            "The outage affected 62,000 households, a report says.",
        ),
    ],
)
def test_a_title_kept_apart_from_the_text_is_a_claim_on_the_title(title, body):
    from briefing.nlp.analyse import analyse_text

    analysis = analyse_text(body, title)
    [headline] = [c for c in analysis.claims if c.part == "title"]
    assert title[headline.start : headline.end] == title and headline.score >= 0.9
    assert all(c.part == "text" for c in analysis.claims if c is not headline)


def test_a_title_label_stays_out_of_the_title_claim():
    from briefing.nlp.analyse import analyse_text

    title = "WATCH: Mayor announces 120 water tankers for Port Halden"
    [headline] = [c for c in analyse_text("The city ordered tankers.", title).claims if c.part == "title"]
    assert title[headline.start : headline.end] == "Mayor announces 120 water tankers for Port Halden"


@pytest.mark.parametrize(
    "sentence, is_claim",
    [
        # a quoted view, a reported prediction and rhetoric to an audience are not claims
        ("“There is nobody stronger on the economy than the governor,” said Ann Marsh, a party official.", False),
        ("“Our freedom is under assault from every side,” the senator told supporters.", False),
        ("“We have come a long way in a very short time,” the campaign manager said.", False),
        ("The mayor will play the victim card in the debate, his rival said on Monday.", False),
        ("The governor said he expected that voters will reject the measure.", False),
        # a quoted state of what the speaker points at ("this", "that", "it") is a view of it
        ("“That is a problem for the party,” said Rep. Jim Clyburn, a member of the House leadership.", False),
        ("“This is in their heads. This is in their consciousness,” said Caddell, speaking of the issue.", False),
        ("“It was built in 1920 and closed in 1987,” the council said of the old mill.", True),
        # what was said, done or counted in the quote stays checkable
        ("“We have 40,000 troops in the region,” the minister said.", True),
        ("“We sent letters to every donor and raised money online,” the candidate told reporters.", True),
        ("“Acme closed its Leeds plant on March 3,” a spokesman said.", True),
    ],
)
def test_quoted_views_and_reported_predictions_are_not_claims(analyse, sentence, is_claim):
    assert bool(analyse(sentence).claims) is is_claim


@pytest.mark.parametrize(
    "sentence, is_claim",
    [
        # the writer talking to the reader states no fact, nor what hangs on it
        ("With the election a year away, you can bet that the Democrats do not want voters thinking about it.", False),
        ("In this system you only get a real choice in the primaries, never in the general election.", False),
        ("You will see nothing like that in the Sanders spots, which focus on his plans for the economy.", False),
        # a deals page telling the reader what to buy, price and all
        ("You’ll also find the Halden Kettle 2 for $150 and winter pricing on heaters from $139.", False),
        ("You can snag the 13-inch model for $999 at the Port Halden store right now.", False),
        ("You will find that 40,000 households lost water on Tuesday.", True),  # told a fact
        ("If you find a cheaper flight, the airline pays 200 dollars back.", True),
        # in a quote "you" is the speaker's audience, and what is said stays checkable
        ("“You owe the city $40,000 in unpaid fees,” the auditor told the developer on Monday.", True),
        ("The council said the developer owed the city $40,000 in unpaid fees.", True),
    ],
)
def test_the_writer_addressing_the_reader_is_not_a_claim(analyse, sentence, is_claim):
    assert bool(analyse(sentence).claims) is is_claim


@pytest.mark.parametrize(
    "sentence, is_claim",
    [
        # who the speaker is (a campaign in 2008, two rivals backed) does not make a view a date or a figure
        (
            "“It's the party unifying because they realize that she is not a viable choice,” said Ron Weiser, "
            "who was a national co-chair of the 2008 campaign.",
            False,
        ),
        (
            "“A vote against Marco is a vote for Donald Trump, and that is a terrible thing,” said Norm Coleman, "
            "who is supporting Mr. Rubio after first backing two of his rivals.",
            False,
        ),
        ("Some 22 percent said they would back Trump.", True),  # the count is the claim, not the speaker
        # a straight closing mark hugs the comma before it: the quote ran on from the sentence before
        (
            'It also means no other Democrat is getting oxygen," said Mo Elleithee, '
            "a campaign aide during her failed 2008 run.",
            False,
        ),
        # a quoted state described below its own clause
        (
            "“Roger Ailes is the epitome of somebody that is not politically correct,” said Gov. Terry Branstad, "
            "who hired him in 1986.",
            False,
        ),
        ("“Here in California, people are very much more revved up,” said Steve Dunwoody.", False),
        # what would happen if: not a fact
        ("“If it were just Trump versus Rubio, Rubio would win that,” said Tim Pawlenty, a candidate in 2012.", False),
        # a quoted question is a question; a question quoted inside a reported fact is not
        (
            '"If the last three nominees don\'t want to get on that stage," Robinson said, '
            '"why would corporate brands want to align themselves with Trump?"',
            False,
        ),
        (
            "Clinton clashed with Johnson during the 2013 Senate hearing, chiding him, "
            "“What difference at this point does it make?” when questioned about the attack.",
            True,
        ),
    ],
)
def test_the_speaker_hypotheticals_and_quoted_questions(analyse, sentence, is_claim):
    assert bool(analyse(sentence).claims) is is_claim


@pytest.mark.parametrize(
    "headline",
    [
        "Donald Trump Finally Endorses House Speaker Paul Ryan.",
        "Obama slams GOP’s ‘doom and despair’ on economy.",
        "Immediately After Obama’s Terror Speech, Trump Said The 11 Words Everyone Was Thinking.",
        "Port Rules Face Key Test In U.S. Court.",  # the dot of an initial ends no sentence
    ],
)
def test_a_short_first_paragraph_above_the_story_is_its_headline(analyse, headline):
    text = f"{headline}\n\nThe president spoke on Friday in Washington.\n\nHe took questions afterwards."
    claims = analyse(text).claims
    assert claims[0].start == 0 and claims[0].end == len(headline) and claims[0].score >= 0.9
    # one paragraph alone is a sentence, not a headline above a story
    assert all(c.score < 0.9 for c in analyse("He took questions afterwards about his plans.").claims)


@pytest.mark.parametrize(
    "sentence, is_claim",
    [
        # what someone else believes or prays for is their view
        ("Trump said Sunday that he believed the United States would eventually win its fight against ISIS.", False),
        ("Michael Seaman, a volunteer from Sacramento, said he still prays that Bernie ends up the nominee.", False),
        # a figure in the belief stays checkable, and a belief that only names something is no veto
        ("Analysts said they believe the company lost 4,000 jobs last year.", True),
        ("Trump said the 11 words everyone was thinking on Sunday, minutes after the speech.", True),
    ],
)
def test_a_reported_belief_is_a_view(analyse, sentence, is_claim):
    assert bool(analyse(sentence).claims) is is_claim


@pytest.mark.parametrize(
    ("sentence", "scored"),
    [
        ("The council spent $4 million on the bridge in 2019.", True),
        ("Did the council spend $4 million on the bridge?", False),
        ("Read the full report here.", False),
    ],
)
def test_the_rules_decide_which_sentences_are_scored(nlp, sentence, scored):
    from briefing.nlp.claims import judge_sentence, sentence_candidate

    sent = next(nlp(sentence).sents)
    assert (sentence_candidate(sent) is not None) is scored
    assert judge_sentence(sent) is None or scored  # the score never brings back what the rules drop


@pytest.mark.parametrize(
    "sentence, allegation",
    [
        ("Prosecutors charged the former mayor with fraud on Tuesday.", True),
        ("Police charged two men after the attack on the plant.", True),
        ("The union charged that the utility hid the outage for 3 days.", True),
        ("The city charges $5 an hour for parking near the plant.", False),
        ("The earbuds last 24 hours with their wireless charging case.", False),
        ("The laptop can run at full power while charging in the car.", False),
        ("He was charged with assaulting an officer at the plant.", True),
        ("There will be 150 kW fast charging support, with Audi suggesting a full charge in 30 minutes.", False),
        ("The update opened the door for charging laptops with portable batteries and car chargers.", False),
        ("The pad has a spot for charging any watch or earbuds with a wireless charging case.", False),
        # a claim of responsibility or victory is one to check
        ("The union claimed that the utility hid the outage for 3 days.", True),
        ("The rebels claimed responsibility for the attack that killed 12 people.", True),
    ],
)
def test_charge_is_an_allegation_only_when_it_accuses(nlp, sentence, allegation):
    from briefing.nlp.claim_clauses import split_clauses
    from briefing.nlp.claim_kinds import claim_kind

    span = nlp(sentence)[:]
    assert (claim_kind(span, split_clauses(span)) == "allegation") is allegation


@pytest.mark.parametrize(
    "first, is_claim",
    [
        ("It would have been pretty embarrassing for the water board.", False),
        ("There are small miracles after all.", False),
        ("It's being reported that 40,000 households lost water.", True),  # judged as the body's sentences are
    ],
)
def test_a_first_line_opening_as_a_lead_does_is_no_headline(analyse, first, is_claim):
    text = f"{first}\n\nThe water board said 40,000 households lost water on Tuesday in Port Halden."
    claims = claims_of(analyse(text), text)
    assert (first in claims) is is_claim
    assert first not in claims or claims[first].kind != "headline" and claims[first].score < 0.9


STORY = (
    "Three men were arrested on Tuesday after the harbour office in Port Halden was set on fire, police said."
    "\n\n{caption}\n\n"
    "The fire destroyed 40 years of shipping records, according to the harbour master, Jane Doe."
)


@pytest.mark.parametrize(
    "caption",
    [
        # a label, a colon and a sentence without a closing mark, also behind a picture agency's name
        "Gutted: Firefighters work through the night at the harbour office in Port Halden on Tuesday",
        "PA Surprise find: Jane Doe found 40 years of records in the ashes while filming",
        "Getty Ruin: The harbour office after the fire destroyed 40 years of records",
        # pointing at the picture
        "The harbour master, Jane Doe (pictured), said the fire destroyed 40 years of shipping records",
        "Jane Doe (right, with her deputy) inspects the 40 burnt shelves on Wednesday",
        "Pictured, the harbour office in Port Halden, where 40 years of records were kept until Tuesday",
        "Seen here in 2019, the harbour office held 40 years of records",
        # a label over two sentences, the first cut at an abbreviation or not
        "Gutted: Sgt. Ann Lee inspects the harbour office. The fire destroyed 40 years of records",
        "Loss: 40 years of shipping records burnt in the harbour office on Tuesday",
        # behind a picture agency's credit, run into it
        "REUTERS/Jonah Reeve The harbour office in Port Halden, where 40 years of records burnt",
        "Facebook / Jane Doe Sore: When the 40 burns began to blister Jane knew something was wrong",
        "Jane Doe pictured with her son as she queues for water in Port Halden for the 40th day",
    ],
)
def test_a_picture_caption_between_paragraphs_is_no_claim(analyse, caption):
    text = STORY.format(caption=caption)
    found = kinds_of(analyse(text), text)
    assert caption not in found
    assert "The fire destroyed 40 years of shipping records, according to the harbour master, Jane Doe." in found


@pytest.mark.parametrize(
    "line",
    [
        "Update: Police say 40 years of shipping records were destroyed in the fire",  # a live update's entry
        "Monday: Police charged three men over the fire that destroyed 40 years of records",  # a timeline's
        "The harbour master, Jane Doe (pictured), said the fire destroyed 40 years of shipping records.",  # closed
        # a speaker's words behind their name
        "Jane Doe: “The fire destroyed 40 years of records. We have lost our history” [Courier]",
        "Jane Doe: The fire destroyed 40 years of records. We have lost our history",
        "Doe: The fire destroyed 40 years of records. We have lost —",
        "In 2013: 54 boats lost in the harbour fire",  # a timeline's entry
        "Reuters/Ipsos poll: 40 percent of Halden voters back the harbour plan",  # a poll's name, no credit
    ],
)
def test_labelled_lines_of_the_story_are_no_captions(line):
    from briefing.nlp.captions import is_caption

    assert not is_caption(line)


@pytest.mark.parametrize(
    "guess",
    [
        "It's reasonable to assume a ferry ticket with a cabin will cost $500 based on that.",
        "It is safe to say that the new ferries will carry 40 percent more cars than the old ones.",
        "I wouldn't be at all surprised to see the ferry come with a cabin, at an additional $50 to $100.",
    ],
)
def test_the_writers_guess_is_no_claim(analyse, guess):
    text = f"The harbour board met on Tuesday in Port Halden to discuss the new ferries, officials said.\n\n{guess}"
    assert guess not in kinds_of(analyse(text), text)


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister said it was reasonable to assume that 40,000 households lost water.",  # the minister's
        "It is safe to drink the water, the board said on Tuesday after 40,000 households lost supply.",
        "I would not be surprised if 40,000 households lost water, the minister said.",
    ],
)
def test_a_guess_someone_reports_or_no_guess_stays_a_claim(analyse, sentence):
    text = f"The harbour board met on Tuesday in Port Halden to discuss the outage, officials said.\n\n{sentence}"
    assert sentence in kinds_of(analyse(text), text)
