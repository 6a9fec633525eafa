"""Causes of wrong speakers found on world news beyond campaign coverage (hostages, hoaxes,
royal gardens), one short hand-written case each."""

import pytest

from tests.nlp.quote_helpers import speakers


def speaker_of(analysis, text, quote):
    """The name of the entity a quote's words are given to (a quote ending in a comma without it)."""
    return dict(speakers(analysis, text))[quote.rstrip(",")]


def speaker_words(analysis, text):
    """(quote, the words that name its speaker) for each quote found, in text order."""
    return [(text[q.start : q.end], q.speaker_text) for q in analysis.quotes]


@pytest.mark.parametrize(
    "text, quote",
    [
        (  # 'was keen to point out': someone brought in unnamed leads to speech
            "Presenter Alan Tichborne found the mushroom while filming in the palace garden.\n\n"
            "Last night a palace spokesman was keen to point out the fungus is not served at dinners.\n\n"
            "He told the Sun: “Nothing from the garden reaches the kitchens of the palace.”",
            "Nothing from the garden reaches the kitchens of the palace.",
        ),
        (  # 'One longtime … employee', where 'One' hangs from 'longtime', calling him names
            "Anchor Peter Dunmore has said little about the scandal.\n\n"
            "One longtime network employee who has worked with Brian Hale on several occasions had harsh "
            "words for the celebrated anchor, calling him “a pompous man.”\n\n"
            "“He is not a journalist, he is a reader,” he fumed.",
            "He is not a journalist, he is a reader",
        ),
    ],
)
def test_a_pronoun_after_someone_unnamed_who_spoke_is_theirs(analyse, text, quote):
    assert (quote, None) in speakers(analyse(text), text)


def test_a_person_introduced_with_a_relative_clause_takes_the_next_pronoun(analyse):
    """'the former Conservative MP who is active on Twitter': the description's own subject
    is no one named since the introduction."""
    text = (
        "Kerry Voss was arrested in Watford, a satirical website claimed.\n\n"
        "The story struck a chord with Louise Marsh, the former Conservative MP who is active on Twitter.\n\n"
        "She fell for the prank and criticised the police for not focusing on the "
        "“so many other criminals out there”."
    )
    assert ("so many other criminals out there", "Louise Marsh") in speakers(analyse(text), text)


@pytest.mark.parametrize(
    "text, quote",
    [
        (  # someone known only as another's sister holds no office
            "His sister Lucy Ames said she learned of her brother's death from agents.\n\n"
            "“We did everything we could for him,” the minister said.",
            "We did everything we could for him",
        ),
        (  # news calls those it does not name 'the official'
            "Photographer Luke Ames was wounded during the raid, another account suggests.\n\n"
            "“He was wounded and we do not know if he is alive,” the Yemeni official told a news agency.",
            "He was wounded and we do not know if he is alive",
        ),
    ],
)
def test_a_description_no_one_named_holds_is_nobody_named(analyse, text, quote):
    assert (quote, None) in speakers(analyse(text), text)


@pytest.mark.parametrize(
    "text, quote, words",
    [
        (  # 'with X telling': the one the participle describes, not the main clause's subject
            "Emwazi was identified to the newspaper by friends, with one close acquaintance telling the paper: "
            "“I have no doubt that Mohammad is the man in the video.”",
            "I have no doubt that Mohammad is the man in the video.",
            "one close acquaintance",
        ),
        (  # 'him' read as the subject of 'said'; the account speaks
            "A Twitter account set up by his family to help find him said early on Wednesday: "
            "“We know that many of you are looking for answers.”",
            "We know that many of you are looking for answers.",
            "A Twitter account",
        ),
        (  # 'heaven' tagged a name: no speaker
            "In his Nov. 26 remarks, the pope referred to heaven saying “the Sacred Scripture teaches "
            "us that this plan cannot but affect all that surrounds us.”",
            "the Sacred Scripture teaches us that this plan cannot but affect all that surrounds us.",
            "the pope",
        ),
        (  # a verb of speech read as a noun ends no speaker's name
            "10.05am: Officers at the War Memorial shout 'there is a shooter on the loose' to the public "
            "and tell them to clear the area",
            "there is a shooter on the loose",
            "Officers at the War Memorial",
        ),
        (  # a speech verb in brackets is an aside's
            "Another resident, Andrei Kazaryan (who the website suggests was one of the investigators), "
            "said, “I heard footsteps and we were sure there was no one else around.”",
            "I heard footsteps and we were sure there was no one else around.",
            "Another resident, Andrei Kazaryan",
        ),
    ],
)
def test_the_speaker_words_of_misparsed_sentences(analyse, text, quote, words):
    assert (quote, words) in speaker_words(analyse(text), text)


def test_a_relative_clause_hung_from_a_verb_names_no_speaker_with_the_verb(analyse):
    text = (
        "A video popped up online this week that appears to add yet another thread to this trend, "
        "as a “secret ending” to a game called Electric Boogie."
    )
    assert all(not words.endswith("popped") for _, words in speaker_words(analyse(text), text))


@pytest.mark.parametrize(
    "caption",
    [
        "Gunned down: Nathan Cirelli is raced to an ambulance after he was shot at the memorial this morning",
        "Nathan Cirelli (pictured) was shot as he stood guard at the memorial this morning",
    ],
)
def test_a_caption_between_speaker_and_pronoun_holds_no_topic(analyse, caption):
    """A picture's caption set as a paragraph ('Gunned down: Cirillo is raced …') says whom a
    picture shows; the pronoun after it is still the story's, the police chief's."""
    text = (
        "At an afternoon press conference, Chief of Police Charles Bordeau would not confirm whether "
        f"they are still searching for other shooters.\n\n{caption}\n\n"
        "“We are still in the process of clearing Parliament Hill,” he said."
    )
    assert ("We are still in the process of clearing Parliament Hill", "Charles Bordeau") in speakers(
        analyse(text), text
    )


def test_a_title_with_of_before_the_name_makes_its_holder_the_subject(analyse):
    from briefing.nlp.model import load_model
    from briefing.nlp.parse import parse_texts
    from briefing.nlp.quote_topics import find_subjects

    text = (
        "At a press conference, Chief of Police Charles Bordeau would not confirm whether they are still "
        "searching. The president of Corvane Systems said so too."
    )
    parsed = next(parse_texts(load_model(), [text], 1))
    named = {text[start:end] for start, end, _ in find_subjects(parsed).spans}
    assert "Bordeau" in named
    assert "Systems" not in named and "Corvane" not in named


def test_a_quote_ending_its_line_is_not_cued_by_the_next_lines_report(analyse):
    """'…,” Gubio said.' then a quote alone on its line, then 'The government claimed a deal
    was reached …' on the next: that report is the next paragraph's, the quote goes on
    Gubio's; on one line, '“We will win.” Hoover said he was sure.' is Hoover's."""
    text = (
        '"I do not think they would continue attacking people if they are aware of a ceasefire," '
        "said spokesman Bulama Gubio.\n"
        "The Borno Elders Forum, which last month warned that the group was preparing to take over key sites, "
        "suggested the government had not negotiated with the entire group.\n"
        '"If the federal government does not know who the real group is, I think they should come here to find '
        'out from us," Gubio said.\n'
        '"The real group who are killing us, who are burning our towns and villages, are not the group that a '
        'peace deal was reached with."\n'
        "The government claimed a deal was reached after talks in Chad, which included provisions for the release "
        "of more girls."
    )
    last = speakers(analyse(text), text)[-1]
    assert last[0].startswith("The real group") and last[1] == "Bulama Gubio"
    one_line = "“We will win the seat.” Tom Hoover said he was sure of it."
    assert speakers(analyse(one_line), one_line) == [("We will win the seat.", "Tom Hoover")]


@pytest.mark.parametrize(
    "text, quote",
    [
        (  # an aunt is kin, known through the one named
            "Corporal Nathan Cirelli was shot at the memorial.\n\n"
            "“He was a wonderful young man. Not an enemy in the world,” Cpl. Cirelli’s aunt told the newspaper.",
            "He was a wonderful young man. Not an enemy in the world,",
        ),
        (  # 'One of Emwazi's friends': the parser makes 'One' the head
            "Mohammed Emwazi was named on Thursday.\n\n"
            "One of Emwazi's friends was quoted by the paper as saying: “I have no doubt that Mohammed is the man.”",
            "I have no doubt that Mohammed is the man.",
        ),
        (  # 'the Marine Corps veteran' is a person, not the corps
            "Rep. Duncan Hunter met the king on Tuesday.\n\n"
            "“He said there is going to be retribution like they have not seen,” said the Marine Corps veteran.",
            "He said there is going to be retribution like they have not seen,",
        ),
    ],
)
def test_someone_known_through_a_name_or_a_body_is_not_that_one(analyse, text, quote):
    assert all(speaker is None for found, speaker in speakers(analyse(text), text) if found.startswith(quote[:20]))


def test_the_one_a_pronoun_tells_is_not_the_speaker(analyse):
    text = (
        "“Mohammed was quite incensed by his treatment,” Asim Qureshi told the paper.\n\n"
        "The paper reports that Emwazi then moved to Kuwait, his birthplace, and returned to London twice.\n\n"
        "He was allegedly prevented from returning to Kuwait, telling Mr Qureshi in an email: "
        "“I had a job waiting for me and marriage to get started.”"
    )
    found = dict(speakers(analyse(text), text))
    assert found["I had a job waiting for me and marriage to get started."] != "Asim Qureshi"


@pytest.mark.parametrize(
    "text, quote, speaker",
    [
        (  # an age alone describes the one the passage is about
            "Stan Beaton had kept a voicemail from his late wife for 14 years.\n\n"
            "The 68-year-old told a radio station: “I have always resisted changing companies.”",
            "I have always resisted changing companies.",
            "Stan Beaton",
        ),
        (  # an age describes kin too: the wife the passage is about
            "Paul Ryder spoke first on Monday.\n\n"
            "The candidate's wife Melania Trump brought some pizzazz to the opening night.\n\n"
            "With millions watching, the former model delivered a heartfelt defense of her husband.\n\n"
            "“Donald is, and always has been, an amazing leader,” said the 46-year-old.",
            "Donald is, and always has been, an amazing leader",
            "Melania Trump",
        ),
        (  # a newspaper named like a party's member speaks as itself, not as the one before
            "Muhammad Rahman met a friend after coming home from a safari.\n\n"
            "“The men allege they were harassed by the police,” The Independent reported at the time.",
            "The men allege they were harassed by the police",
            None,
        ),
        (  # 'the Wisconsin Republican' is the senator, not the party
            "Sen. Ron Jansen spoke at the fair on Monday. "
            "“We will win this seat by a lot of votes,” said the Wisconsin Republican.",
            "We will win this seat by a lot of votes",
            "Ron Jansen",
        ),
        (  # 'a New Hampshire Republican': someone unnamed, not the party
            "Voters met Hillary Brandt on Monday. “I think she will win this state easily,” said a New Hampshire "
            "Republican.",
            "I think she will win this state easily",
            None,
        ),
        (  # 'one company source': a person of the company, not the building named before
            "The magazine moved to One World Trade Center, the tallest building in the city.\n\n"
            "“A bunch ate through the ceiling of an editor's office,” one company source told the paper.",
            "A bunch ate through the ceiling of an editor's office",
            None,
        ),
    ],
)
def test_descriptions_of_one_person(analyse, text, quote, speaker):
    assert (quote, speaker) in speakers(analyse(text), text)


def test_speaker_words_that_are_only_punctuation_name_no_one():
    from briefing.nlp.quote_speakers import resolve_speaker

    assert resolve_speaker("", 10, 10, None, [], "“Yes,” , said.", []) is None
    assert resolve_speaker(" , ", 10, 13, None, [], "“Yes,” , said.", []) is None


def test_a_name_the_tagger_missed_before_a_description_is_nobody_else(analyse):
    """'Obi Ezekwesili, a former education minister said' with no entity for her: not the woman
    the passage was about, and her next 'she said' neither."""
    text = (
        "Michelle Obama tweeted a photo of herself holding a sign.\n\n"
        '"We are really cautious because there have been many times that such optimism has been expressed," '
        'Obi Ezekwesili, a former education minister said in a TV interview. "But all the same, we are hopeful," '
        "she said."
    )
    assert all(speaker != "Michelle Obama" for _, speaker in speakers(analyse(text), text))


@pytest.mark.parametrize(
    "text, quote, speaker",
    [
        (  # people the text did not name, not the last body mentioned
            "Hundreds of marchers gathered outside Temple University on Monday.\n\n"
            "As they made their way down Broad Street, they chanted “no justice, no peace” for an hour.",
            "no justice, no peace",
            None,
        ),
        (  # a body that was the subject takes 'they'
            "The Wall Street Journal attacked the critics of the governor on Thursday.\n\n"
            "“The attacks show that many on the right oppose any immigrants,” they conclude.",
            "The attacks show that many on the right oppose any immigrants,",
            "Wall Street Journal",
        ),
    ],
)
def test_they_is_a_body_only_when_it_was_the_subject(analyse, text, quote, speaker):
    assert speaker_of(analyse(text), text, quote) == speaker


def test_a_body_set_off_with_its_description_takes_no_he(analyse):
    text = (
        "The derogatory comments had a goal, Admiral Harry Harris said.\n\n"
        "“Some may say an overemphasis on his background is a bit unkind,” Xinhua, the official Chinese "
        "news agency, wrote.\n\n"
        "The comments had two goals, the admiral said. “You know, when I am described as a Japanese admiral, "
        "it's not true,” he said."
    )
    found = dict(speakers(analyse(text), text))
    assert found["You know, when I am described as a Japanese admiral, it's not true"] == "Harry Harris"


@pytest.mark.parametrize(
    "text, quote, speaker",
    [
        (  # the participle hung inside what was made known: the one who made it known speaks
            "Officers questioned the intruder, Omar Gonzales, on Monday.\n\n"
            "The Secret Service initially indicated Gonzales was tackled just inside the main entrance, "
            "saying he was “physically apprehended after entering the doors.”",
            "physically apprehended after entering the doors.",
            "Secret Service",
        ),
        (  # the one quoted saying it, not the reporter who quoted him
            "Kamal Rahman, 17, says he trades from his school's canteen.\n\n"
            "Reporter Joan Pessler quoted him saying, “It is not just about money. We want a brotherhood.”",
            "It is not just about money. We want a brotherhood.",
            "Kamal Rahman",
        ),
        (  # a statement said to come from someone: theirs, not the body last in the news
            "The White House must now weigh the risks of a wider war.\n\n"
            "Foley's family confirmed his death in a statement posted on a Facebook page.\n\n"
            "“He gave his life trying to expose the suffering of the Syrian people,” said the statement, "
            "which was attributed to Foley's mother, Diane Foley.",
            "He gave his life trying to expose the suffering of the Syrian people,",
            "Diane Foley",
        ),
    ],
)
def test_who_made_it_known_was_heard_or_signed_it_speaks(analyse, text, quote, speaker):
    assert speaker_of(analyse(text), text, quote) == speaker


@pytest.mark.parametrize("subject", ["Nothing", "Nobody", "Something"])
def test_words_no_one_says_are_no_quote(analyse, subject):
    """'Yep, nothing says success quite like “Koch brothers.”': a phrase named, spoken by no one."""
    text = (
        "Jane Doe, 17, said she trades from the school canteen.\n\n"
        f"Yep, {subject.lower()} says success quite like “a hedge fund.”\n\n"
        "Jane Doe said, “We want a brotherhood.”"
    )
    found = dict(speakers(analyse(text), text))
    assert "a hedge fund." not in found
    assert found["We want a brotherhood."] == "Jane Doe"


def test_according_to_opening_the_next_line_reports_what_follows(analyse):
    """A line break ends the quote's sentence: 'According to Oliver, …' on the next line is no
    attribution of a citation's words above it; the one it opens with reporting is the source a
    later 'he' speaks for, as a subject would be."""
    text = (
        "Reporter Craig Olivier was at the scene.\n"
        "Kevin Vickers was recognised by the Drug Enforcement Agency for “outstanding contribution to drug "
        "enforcement.”\n"
        "According to Olivier, the security staff had been trained for the scenario.\n"
        "“They even rehearsed how to hide behind the marble pillars,” he said."
    )
    analysis = analyse(text)
    assert ("outstanding contribution to drug enforcement.", "Olivier") not in [
        (text[q.start : q.end], q.speaker_text) for q in analysis.quotes
    ]
    assert (
        dict(speakers(analysis, text))["They even rehearsed how to hide behind the marble pillars"] == "Craig Olivier"
    )


@pytest.mark.parametrize(
    "text, quote, words",
    [
        (  # a time between the noun and 'that': the report said it, not the month
            "Speculation was fuelled by a state TV report late last month that said he was suffering from "
            "‘discomfort’.",
            "discomfort",
            "a state TV report",
        ),
        (  # someone unnamed with knowledge of the one named: not that one
            "Kim Jong Un has not been seen for a month.\n\n"
            "The source with knowledge of Kim Jong Un's health said rumours of a coup were ‘rubbish’.",
            "rubbish",
            "The source with knowledge of Kim Jong Un's health",
        ),
        (  # a possessor after the preposition: not the one at whose side the speaker stands
            "Kim Jong Un watched James Foley in the video.\n\n"
            "The militant at Foley’s side started his speech by saying: “This is an American citizen.”",
            "This is an American citizen.",
            "The militant at Foley’s side",
        ),
    ],
)
def test_an_unnamed_source_and_a_report_are_not_the_words_beside_them(analyse, text, quote, words):
    analysis = analyse(text)
    assert dict(speaker_words(analysis, text))[quote] == words
    assert not {"Kim Jong Un", "James Foley"} & {name for _, name in speakers(analysis, text)}


@pytest.mark.parametrize(
    "text, quote",
    [
        (  # a state's government, not the group named last
            "The pilot was captured by ISIS in December and burned alive.\n\n"
            "Jordanian leaders called him a martyr. The government also vowed revenge and an “earth-shaking” "
            "response.",
            "earth-shaking",
        ),
        (  # a government's statement, not the body last a subject (here a word the tagger took for one)
            "Kerry said the United States would speed up the delivery of the helicopters, although it is not "
            "clear the Apaches would be used in any Veldran operations.\n\n"
            "The Veldran government announced Sunday that it no longer controlled the capital.\n\n"
            "“We announce that the ministries in the capital are no longer under our control,” a government "
            "statement said.",
            "We announce that the ministries in the capital are no longer under our control,",
        ),
        (  # a source is someone unnamed who talked to the paper, not the paper
            "The Halden Courier reported on Monday that the band had turned down a 500 million pound deal.\n\n"
            "“Branson tried to pull out all of the stops,” claimed the Courier’s source, who said it was enough.",
            "Branson tried to pull out all of the stops,",
        ),
        (  # nor the network it works for
            "Anchor Peter Dunmore has said little about the scandal.\n\n"
            "“Dunmore wants his head on a platter,” an NBC source said.",
            "Dunmore wants his head on a platter,",
        ),
        (  # nor the candidate whose campaign it is in
            "Donald Trump met Paul Ryan on Thursday.\n\n“It's the nominee's party,” one Trump campaign source said.",
            "It's the nominee's party,",
        ),
        (  # nor the one the source named
            "Investigators looked at the emails in March.\n\n"
            "“His email account initiated a number of emails,” said one source who identified Jake Sullivan but "
            "spoke on the condition of anonymity.",
            "His email account initiated a number of emails,",
        ),
    ],
)
def test_a_government_or_a_source_is_no_body_named_before(analyse, text, quote):
    assert speaker_of(analyse(text), text, quote) is None


def test_it_after_a_quote_about_a_story_is_the_magazine(analyse):
    """The subjects inside the quoted words ('Our story', 'the initial headline') are the
    speaker's, not a written thing 'it' takes up."""
    text = (
        "Mohammed Islam was profiled by the New Yorker, which claimed that he made $72 million.\n\n"
        "The New Yorker claimed that it got the figure from rumors.\n\n"
        "“Our story portrays the $72 million figure as a rumor; the initial headline has been changed,” it said "
        "in a statement."
    )
    quote = "Our story portrays the $72 million figure as a rumor; the initial headline has been changed,"
    assert speaker_of(analyse(text), text, quote) == "New Yorker"


def test_a_capitalised_speech_verb_ends_the_name_before_it(analyse):
    text = (
        "Jordanian Author Waleed Abu Nada Tweeted on Wednesday afternoon, “Local reports here in Jordan say "
        "that King Abdullah will personally fly.”"
    )
    quote = "Local reports here in Jordan say that King Abdullah will personally fly."
    assert speaker_of(analyse(text), text, quote) == "Waleed Abu Nada"


def test_a_speaker_is_read_on_the_line_of_the_verb(analyse):
    """Caption lines run into the paragraph above the sentence: the subject the parser builds
    across them starts on the verb's line."""
    text = (
        "The Courier pays low wages, the report said.\n\n"
        "Columnist Jane Doe and Courier chief John Roe at the Halden Media Conference in Port Halden\n"
        "One former Courier editorial employee told Gawker that Roe was a “jackass” who “makes an insane amount "
        "of money” as the public face of the company."
    )
    assert speaker_words(analyse(text), text)[-1] == (
        "makes an insane amount of money",
        "One former Courier editorial employee",
    )


@pytest.mark.parametrize(
    "text, quote, speaker",
    [
        (  # a title naming a body, then the name
            "Lebanese authorities detained a woman and a child near Arsal.\n\n"
            "Speaking to CNN, terror expert and Director at the Asia Pacific Foundation Sajjan M. Cohel said, "
            "“It’s certainly a new dynamic because we’ve never seen anybody connected so close to the leader.”",
            "It’s certainly a new dynamic because we’ve never seen anybody connected so close to the leader.",
            "Sajjan M. Cohel",
        ),
        (  # a colon after a clause: its subject, not its opening word or the place closing it
            "Sajjan M. Cohel spoke to CNN on Tuesday.\n\n"
            "However, Cohel questioned what the pair were doing in Lebanon: “Is he estranged from them? Has he "
            "fallen out with them? Were they escaping from him?”",
            "Is he estranged from them? Has he fallen out with them? Were they escaping from him?",
            "Sajjan M. Cohel",
        ),
        (  # the questioners of someone are not them
            "Barack Obama spoke in Antalya on Monday.\n\n"
            "Obama's first five questioners ranged from skeptical to hostile: “Is it time for your strategy to "
            "change?”",
            "Is it time for your strategy to change?",
            None,
        ),
    ],
)
def test_the_speaker_of_a_title_before_a_name_or_a_colon_after_a_clause(analyse, text, quote, speaker):
    assert speaker_of(analyse(text), text, quote) == speaker
