import pytest


def speakers(analysis, text):
    names = {e.key: e.name for e in analysis.entities}
    return [(text[q.start : q.end], names.get(q.speaker), q.cue) for q in analysis.quotes]


CASES = [
    (
        "Water utility chief executive Marta Okafor spoke outside the plant.\n\n"
        "“We restored pumping at dawn,” she said.",
        [("We restored pumping at dawn", "Marta Okafor", "said")],
    ),
    (
        "Lucas Brennholt is the spokesperson for Corvane Systems.\n\n"
        "“There is no indication that any other site is affected,” the spokesperson said.",
        [("There is no indication that any other site is affected", "Lucas Brennholt", "said")],
    ),
    (
        "“Families should collect bottled water,” said Mayor Ingrid Vasquel.\n\n"
        "“We are treating this as an emergency because it is one.”",
        [
            ("Families should collect bottled water", "Ingrid Vasquel", "said"),
            ("We are treating this as an emergency because it is one.", "Ingrid Vasquel", "continuation"),
        ],
    ),
    (
        "Councillor Hugo Tenbrook called the response “slow and chaotic” on Tuesday.",
        [("slow and chaotic", "Hugo Tenbrook", "called")],
    ),
    (
        "«I gave Parliament the figures I was given. If they were wrong, I will say so», "
        "Minister Anneliese Dovrin told reporters.",
        [
            (
                "I gave Parliament the figures I was given. If they were wrong, I will say so",
                "Anneliese Dovrin",
                "told reporters",
            )
        ],
    ),
    (  # the parser takes the quoted words into the sentence; the participle still cues them
        "Band member Flea shared the news on social media last week, writing “Feels great to support "
        "someone I believe in. This is a man with integrity.”",
        [
            (
                "Feels great to support someone I believe in. This is a man with integrity.",
                "Flea",
                "writing",
            )
        ],
    ),
    (  # a name in a clause that describes a noun does not take the topic from the last speaker
        "“The pumps are safe,” Mayor Ingrid Vasquel told reporters on Monday.\n\n"
        "Asked about the case in which Marta Okafor faces the council, she replied: “I will wait.”",
        [("The pumps are safe", "Ingrid Vasquel", "told reporters"), ("I will wait.", "Ingrid Vasquel", "replied")],
    ),
    (  # an order shouted is speech; the words called on someone with are the caller's
        "Officers reached the flat at dawn.\n\n"
        '"Hands! Let me see your hands!" an officer ordered. "Step out."\n\n'
        "Councillor Marta Okafor called on residents to stay “calm and indoors.”\n\n"
        '"Stay back," an officer ordered. Okafor says she would order the council to draft “living wills” soon.',
        [
            ("Hands! Let me see your hands!", None, "ordered"),
            ("Step out.", None, "continuation"),
            ("calm and indoors.", "Marta Okafor", "called"),
            ("Stay back", None, "ordered"),
            ("living wills", "Marta Okafor", "says"),
        ],
    ),
    (  # a saying is nobody's words
        "Corvane Systems published the figures on Monday.\n\n"
        "As they say about the old harbour, “slow water runs deep.”",
        [("slow water runs deep.", None, "say")],
    ),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_quotes_have_the_right_speaker(analyse, text, expected):
    assert speakers(analyse(text), text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The so-called “cyber incident” closed the plant, and officials promised a “robust” response.",
        "The inquiry, titled “Clean Water, Safe Systems”, reports in June.",
        "The government's own “Resilient Veldra 2030” programme promised upgrades.",
        "Amid all this, a news story has gone viral on social media about an ‘oxygen bar’!",
        # the words describe those called on, they are nothing the office called anyone
        "The ombudsman's office called on the “interim” government to withdraw its troops.",
        # a word after 'ordered' is the writer's: an order quoted is a sentence
        'A federal judge has ordered the release of internal documents, including "playbooks" for sales staff.',
    ],
)
def test_scare_quotes_and_titles_are_not_quotes(analyse, text):
    assert analyse(text).quotes == ()


def test_unpaired_marks_do_not_break_the_document(analyse):
    text = (
        "“I am not going to pretend this is normal,\" she said of the world' s response.\n\n"
        'Ana Ruiz said "the pumps failed at dawn and nobody came.\n\n'
        "“Nobody told us anything,” said resident Elin Marrow."
    )
    found = speakers(analyse(text), text)
    assert ("Nobody told us anything", "Elin Marrow", "said") in found


def test_a_quote_ends_where_the_words_said_end(analyse):
    """The comma that joins a quote to its sentence is the writer's, not the speaker's; a
    question mark, an exclamation mark or a period is the speaker's own."""
    text = (
        "Mayor Ingrid Vasquel spoke on Monday.\n\n"
        "“The pumps are safe,” she said. “Who told you otherwise?” she asked.\n\n"
        "“We stay open all week;” she added, “the plant works.”"
    )
    quotes = [text[q.start : q.end] for q in analyse(text).quotes]
    assert quotes == ["The pumps are safe", "Who told you otherwise?", "We stay open all week", "the plant works."]
