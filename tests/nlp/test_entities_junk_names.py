"""No junk entity names on news: scraps of punctuation and layout, names cut short, phrases
glued past a name, words of the language capitalised by their place."""

import pytest

from briefing.nlp.entity_fragments import with_whole_ends
from briefing.nlp.mention import Mention


def names(analysis):
    return {e.name for e in analysis.entities}


@pytest.mark.parametrize(
    ("text", "junk"),
    [
        ("“[W]e are reminded of the millions of refugees,” Obama said in New York.", "W]e"),
        ("“Do you know what the Republican Party is?” Graham asked. “Neither do I.”", "I."),
        (
            "Michael Carpenter, a foreign policy advisor to Vice President (then-Senator) Joseph R. Biden, Jr., "
            "is Senior Fellow at the Center for Transatlantic Relations.",
            "Jr.",
        ),
        ("Most of Mr. Trump's assets are held in the form of L.L.C.s and partnerships.", "L.L.C.s"),
        ("Trump walked onto the stage, chanting “U-S-A! U-S-A!” in Charlotte.", "U-S-A"),
        (
            "Civil rights activists say Charlotte officers have been too aggressive toward black residents.  A6.",
            "A6",
        ),
        ("Write to Dear Abby at www.DearAbby.com or P.O. Box 69440, Los Angeles, CA 90069.", "P.O. Box"),
        ("Follow The New York Times Opinion section on Facebook and Twitter.", "Follow The New York Times"),
        ("The startup named Ivan Braiker as the company’s first Chief Strategy Officer.", "Strategy Officer"),
        ("“GET OUT and VOTE on November 5th for your GREAT Governor, @MattBevin!”", "GREAT Governor"),
        (
            "Should I tell him? -- CONCERNED SISTER\n\nDEAR CONCERNED SISTER: Tell him.\n\nDEAR ABBY: My husband left.",
            "DEAR CONCERNED SISTER",
        ),
    ],
)
def test_a_scrap_of_punctuation_or_layout_is_no_name(analyse, text, junk):
    assert junk not in names(analyse(text))


@pytest.mark.parametrize(
    ("text", "junk", "name"),
    [
        (
            "Super PAC ad attack coming. Billionaire Donald Trump has dominated the race. Donald Trump said so.",
            "Billionaire Donald Trump",
            "Donald Trump",
        ),
        (  # a nickname no dictionary holds, before the full name the text uses
            "They prefer her to the apoplectic Cheeto Donald Trump, they said. Donald Trump disagreed.",
            "Cheeto Donald Trump",
            "Donald Trump",
        ),
        (
            "Rose Mary Tan opened the shop. Mary Tan said it was her mother's idea.",
            None,
            "Rose Mary Tan",
        ),
        (
            "Ahmed Hassan Mohamed spoke first. Hassan Mohamed, his cousin, spoke later.",
            None,
            "Ahmed Hassan Mohamed",
        ),
        (
            "Chandler Van Voorhis runs the fund. Van Voorhis said it would grow.",
            None,
            "Chandler Van Voorhis",
        ),
    ],
)
def test_a_word_opening_a_sentence_before_a_full_name_is_no_part_of_it(analyse, text, junk, name):
    found = names(analyse(text))
    assert name in found and (junk is None or junk not in found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("It was a good night for the party, he wrote.\n\n-David Andersen", "David Andersen"),
        ("--Ray Lewis said the season was over.", "Ray Lewis"),
    ],
)
def test_a_sign_off_s_dash_is_no_part_of_the_name(analyse, text, name):
    """'-David Andersen', '--Ray Lewis': the tokenizer keeps a dash glued to the first name."""
    found = names(analyse(text))
    assert name in found and not any(n.startswith("-") for n in found)


@pytest.mark.parametrize(
    ("text", "junk", "name"),
    [
        (
            'NEWPORT NEWS, Va. - In a tradition he has kept for 40 years, Rep. Robert C. "Bobby" Scott threw '
            "open his family's farm. Scott said he was glad.",
            'Robert C. "Bobby',
            'Robert C. "Bobby" Scott',
        ),
        (
            "Super PACs supported by the billionaire brothers Charles G. and David H. Koch had seized on it.",
            "Charles G.",
            "Charles",
        ),
    ],
)
def test_a_person_cut_short_is_made_whole_or_cut_to_the_sure_part(analyse, text, junk, name):
    found = names(analyse(text))
    assert junk not in found
    assert name in found


@pytest.mark.parametrize(
    ("text", "junk", "kept"),
    [
        (
            "Clinton has pledged to push for an amendment to overturn the Supreme Court's Citizens United "
            "decision that helped pave the way for super PACs.",
            "Supreme Court's Citizens United",
            {"Supreme Court", "Citizens United"},
        ),
        (
            "West Virginia and industry groups are challenging the Environmental Protection Agency’s Clean "
            "Power Plan rules before 10 judges of the U.S. Court of Appeals.",
            "Environmental Protection Agency’s Clean Power",
            {"Environmental Protection Agency"},
        ),
        (
            "Trump complimented the moderator of Monday night's first debate, Lester Holt of NBC News, but "
            "with a distinct edge.",
            "Lester Holt of NBC News",
            {"NBC News"},
        ),
        (
            "Clearly a man with NO credentials to even be a president is the GOP for the Republican Party. "
            "He is an immature frat boy.",
            "GOP for the Republican Party",
            {"GOP", "Republican Party"},
        ),
    ],
)
def test_two_names_the_model_read_apart_stay_apart(analyse, text, junk, kept):
    found = names(analyse(text))
    assert junk not in found
    assert kept <= found


def test_a_pageant_title_is_no_part_of_a_name(analyse):
    text = (
        "Kaine said Donald Trump’s flurry of late-night tweets targeting former Miss Universe Alicia Machado "
        "was “unhinged, even for him.” Trump attacked a former Miss Universe. Machado said she was hurt."
    )
    found = names(analyse(text))
    assert "Alicia Machado" in found
    assert not any("Universe" in name for name in found)


@pytest.mark.parametrize(
    ("text", "junk", "kept"),
    [
        (
            "Trump said drugs were a factor in the violence in Charlotte.\n\nCharlotte Mayor Jennifer Roberts "
            "said Friday that she would release the video.",
            "Charlotte Mayor",
            {"Charlotte", "Jennifer Roberts"},
        ),
        (
            "Clinton leads ahead of the first debate, at Hofstra University on Long Island -- 44 percent to "
            "Trump's 34 percent.",
            "Hofstra University on Long Island",
            {"Hofstra University"},
        ),
        (
            "Trump has questioned NATO. In a March 2016 meeting with the editorial board of the Washington Post "
            "Trump said that U.S. involvement in NATO may need to be reduced.",
            "Washington Post Trump",
            {"Washington Post", "Trump"},
        ),
    ],
)
def test_a_title_a_place_or_a_name_after_a_name_is_no_part_of_it(analyse, text, junk, kept):
    found = names(analyse(text))
    assert junk not in found
    assert kept <= found


def test_a_nickname_adjective_before_a_full_name_is_no_part_of_it(analyse):
    text = (
        "Donald Trump is raising questions about his microphone problems during Monday’s debate with "
        "Hillary Clinton.\n\nHe says, “Working that microphone was a hell of a lot more difficult than working "
        "Crooked Hillary Clinton.”\n\nIn one tweet Friday, Trump said: “Did Crooked Hillary help disgusting "
        "(check out sex tape and past) Alicia M become a U.S. citizen so she could use her in the debate?”\n"
    )
    found = names(analyse(text))
    assert not any("Crooked" in name for name in found)
    assert "Hillary Clinton" in found


@pytest.mark.parametrize(
    ("text", "junk"),
    [
        (
            "FULL TEXT.\n\nCorrection Appended.\n\nFAIRVIEW, W.Va. - The coal was piled high at the mine.",
            "Correction Appended",
        ),
        (
            "New Poll Shows Minor Post-Debate Bump For Clinton.\n\nClinton did not receive a bump in one of "
            "the first post-debate polls to emerge, Reuters said.",
            "Post-Debate",
        ),
        (
            "Trump's stance is hammered home to the regions’ large communities of Eastern and Northern "
            "European heritage.",
            "Eastern",
        ),
        (
            "How much do these figures matter?  Scholars have long debated the salience of ethnic voting in Michigan.",
            "Scholars",
        ),
        (
            "Unlike demonstrations in Charlotte, the Tulsa protest remained peaceful.\n\nDemonstrators said\xa0"
            "they want “justice for Terrence,” but pledged to remain civil.",
            "Demonstrators",
        ),
    ],
)
def test_words_of_the_language_capitalised_by_their_place_are_no_name(analyse, text, junk):
    assert junk not in names(analyse(text))


def test_a_word_in_lower_case_in_front_of_a_name_is_no_part_of_it(analyse):
    text = (
        "Doctors in Aberdeen treated Martin Taylor, 43, for a rare lung disease. "
        "Dempsey picked up the phone and rang Taylor. Taylor said he felt better."
    )
    entities = {e.name: e for e in analyse(text).entities}
    assert "rang Taylor" not in entities and "Taylor" in entities["Martin Taylor"].aliases
    text = "The charges were brought by the federal Securities and Exchange Commission on Monday."
    assert "Securities and Exchange Commission" in names(analyse(text))
    assert "Osama bin Laden" in names(analyse("Osama bin Laden was killed in 2011."))


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "Evidence Action leads two of our top charities (Deworm the World Initiative and No Lean Season).",
            {"Deworm the World Initiative", "No Lean Season"},
        ),
        ("Patients at the Cleveland Clinic and University Hospitals were moved.", {"Cleveland Clinic"}),
        ("The Securities and Exchange Commission opened an inquiry.", {"Securities and Exchange Commission"}),
        (
            "Researchers at the Program on Energy and Sustainable Development said so.",
            {"Program on Energy and Sustainable Development"},
        ),
    ],
)
def test_a_bodys_name_and_another_name_are_two(analyse, text, parts):
    assert parts <= names(analyse(text))


def test_a_word_dating_a_role_where_a_sentence_opens_is_no_part_of_a_name(analyse):
    text = "Former National Security Council official Timothy Morrison told investigators about the call."
    found = names(analyse(text))
    assert "National Security Council" in found and "Former National Security Council" not in found


@pytest.mark.parametrize(
    "span, name",
    [
        ("Halden Institute of Earth Studies (Ineter", "Halden Institute of Earth Studies"),
        ("Halden Water Authority (HWA", "Halden Water Authority"),
        ("Search for Kessel Point (SKP) Institute", "Search for Kessel Point (SKP) Institute"),  # closed: kept
    ],
)
def test_a_round_bracket_the_name_does_not_close_is_cut_off(span, name):
    text = f"Jonas Brekke, from the {span}), said residents were lucky."
    start = text.index(span)
    mention = with_whole_ends(Mention(start, start + len(span), span, "organisation"), text, set())
    assert (mention.text, text[mention.start : mention.end]) == (name, name)


@pytest.mark.parametrize(
    "text, names",
    [
        (  # a country run into the envoy's name
            "Another diplomat, former special envoy to Norway Marta Okafor, shifted her account.",
            {"Norway": "place", "Marta Okafor": "person"},
        ),
        (  # a place the text names alone
            "Floods hit Veldra on Monday.\n\nThe envoy to Veldra Marta Okafor, who arrived in Veldra on "
            "Tuesday, shifted her account.",
            {"Veldra": "place", "Marta Okafor": "person"},
        ),
    ],
)
def test_a_place_run_into_a_person_s_name_is_two_names(analyse, text, names):
    found = {e.name: e.type for e in analyse(text).entities}
    assert {name: found.get(name) for name in names} == names


def test_no_name_runs_over_a_line_break(analyse):
    """A page's menu pasted as one paragraph, one item a line: the model read 'Angela Merkel\\nDonald
    Trump' as one person and 'The Weekend Interview\\nPotomac Watch Podcast...' as one body."""
    menu = (
        "Letters to the Editor\nThe Weekend Interview\nPotomac Watch Podcast\nForeign Edition Podcast\n"
        "Opinion Video\nNotable & Quotable\nBrexit\nEuropean Union\nTheresa May\nAngela Merkel\nDonald Trump\n"
        "The Queen\nKate Middleton"
    )
    found = names(analyse(menu + "\n\nAngela Merkel met Donald Trump in Berlin on Monday, officials said."))
    assert not [name for name in found if "\n" in name]
    assert {"Angela Merkel", "Donald Trump"} <= found


def test_a_name_and_a_figure_over_a_line_break_do_not_stop_the_analysis(analyse):
    """'Developed by Netro42\\nSyndication and Licensing' on a page's footer made a person whose
    last word holds a figure; cutting it at its last space raised (no space, a line break)."""
    analysis = analyse("Terms & Conditions\nDeveloped by Netro42\nSyndication and Licensing\nClarifications")
    assert not [e.name for e in analysis.entities if "\n" in e.name]


def test_a_no_break_space_inside_a_name_keeps_it_whole(analyse):
    found = names(analyse("Former House Speaker Newt\xa0Gingrich said the transition reflects the vote."))
    assert "Newt\xa0Gingrich" in found or "Newt Gingrich" in found


def test_a_name_cut_to_its_known_part_keeps_the_spaces_of_the_text():
    """Rules split a name into words and join them with one space; 'Apple\\xa0Watch Series' on a
    shop page's title-case line cut to 'Apple Watch' raised, the no-break space not found."""
    mention = Mention(10, 30, "Apple\xa0Watch  Series", "organisation")
    cut = mention.cut_to("Watch Series")
    assert (cut.start, cut.end, cut.text) == (16, 29, "Watch  Series")
    assert mention.cut_to("Apple Watch").text == "Apple\xa0Watch"


@pytest.mark.parametrize(
    ("text", "junk", "kept"),
    [
        (
            "5. ELEVEN POLICE KILLED, DOZENS WOUNDED IN TURKEY CAR BOMB ATTACK.\n\n"
            "Authorities blame a powerful explosion that hit a checkpoint in Turkey; dozens were hurt.",
            {"DOZENS", "ATTACK"},
            set(),
        ),
        ("FLOODS HIT CHINA AND JAPAN, DOZENS FEARED DEAD.\n\nRescuers searched the rivers.", set(), {"JAPAN"}),
        ("1. WHAT TRUMP’S IMMIGRATION WAFFLING REFLECTS.\n\nThe candidate spoke on Monday.", set(), {"TRUMP"}),
        ("Marta Okafor wrote: I have NEVER been prouder of this team, and we will win again.", {"NEVER"}, set()),
        ("AIDS activists marched in Paris. The NAACP said so. The ALWAYS campaign began.", {"ALWAYS"}, {"NAACP"}),
    ],
)
def test_a_word_of_the_language_among_capitals_is_no_name(analyse, text, junk, kept):
    """Capitals say nothing of a word in a head or a shout: 'DOZENS' (the text writes 'dozens')
    and 'ATTACK' (a verb too) were an organisation and a place of a real article; a country
    stays, and so does an owner ('TRUMP’S', a verb and a noun but named only there). Alone, an
    adverb set in capitals for stress ('I have NEVER been prouder') is none either."""
    found = set(names(analyse(text)))
    assert not junk & found and kept <= found, found


def test_words_made_of_names_are_no_groups(analyse):
    """'anti-Semitic' made a group 'Semitic' ('Anti-Semitism' one 'Semitism'), 'Okaforian' beside
    Tom Okafor a group 'Okaforian': words of the language, no people named."""

    def found(text):
        return {(e.type, e.name) for e in analyse(text).entities}

    assert found("Rabbi Levi Stern condemned the anti-Semitic attack. Anti-Semitism is rising, he said.") == {
        ("person", "Levi Stern")
    }
    assert found("Senator Tom Okafor spoke for an hour. It was a Okaforian performance, and Okafor knew it.") == {
        ("person", "Tom Okafor")
    }
    # a faith's people keeps its name beside a person whose surname it holds
    assert ("group", "Christian") in found(
        "Rafael Cruz, a Christian minister, quoted Jesus Christ. Christian conservatives cheered."
    )


def test_a_given_name_the_model_missed_is_looked_for_in_full(analyse):
    """'Touché, Carly' was a place and 'Carly Fiorina' no entity: a plain given name, whatever the
    model read it as, finds the full name the text writes."""
    text = (
        "He is simply not likable, although he is still on track to be an MSNBC contributor. And oh yes, Carly "
        "Fiorina: What, exactly, are her qualifications? She said, “Unlike Hillary Clinton, I know that flying is an "
        "activity, not an accomplishment.” Touché, Carly, but getting fired from your company is also not an "
        "accomplishment."
    )
    people = {e.name: tuple(e.aliases) for e in analyse(text).entities if e.type == "person"}
    assert people.get("Carly Fiorina") == ("Carly",)
    # a state, a people or a word before a possessive is no one's first name
    text = (
        "Those losses include Wisconsin’s Brown and Racine counties and Iowa’s Scott and Polk counties. "
        "Virginia Democrats met in Richmond, and the Christian Science Monitor reported it."
    )
    found = {(e.type, e.name) for e in analyse(text).entities}
    assert not [name for kind, name in found if kind == "person"], found


def test_a_hashtag_word_opens_no_name(analyse):
    """'#Browns Greedy Williams' made a person 'Browns Greedy Williams' (the tokenizer splits the
    mark from its word), and '#Browns' alone a person 'Browns'."""
    text = (
        "The #Browns highest-graded player was Joe Schobert. #Browns Greedy Williams has been solid, and "
        "Greedy Williams tackled well."
    )
    assert names(analyse(text)) == {"Joe Schobert", "Greedy Williams"}


def test_a_given_name_opening_a_sentence_is_no_verb_form(analyse):
    """'James Van Der Beek has been eliminated' lost 'James' (read as a form of 'jam'), leaving a
    person 'Van Der Beek' and another, 'James'."""
    text = (
        "James Van Der Beek has been eliminated from the dance show. Van Der Beek was eliminated in what the "
        "host called a shock. Van Der Beek thanked fans."
    )
    people = {e.name: tuple(e.aliases) for e in analyse(text).entities if e.type == "person"}
    assert people == {"James Van Der Beek": ("Van Der Beek",)}


def test_a_product_named_in_camel_case_is_one_name(analyse):
    """'AirPower' was cut into an organisation 'Air': its parts stand alone in 'MacBook Air' and
    'USB-C Power', but they are words of the language, no names run together."""
    text = "Apple canceled its AirPower charging mat. The MacBook Air and the USB-C Power adapter ship today."
    found = names(analyse(text))
    assert "AirPower" in found and "Air" not in found and "Power" not in found
