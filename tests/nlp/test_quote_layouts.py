"""Quotes laid out as lines rather than sentences: signed vox-pop lines and transcripts."""


def speakers(analysis, text):
    names = {e.key: e.name for e in analysis.entities}
    return [(text[q.start : q.end], q.speaker_text, names.get(q.speaker)) for q in analysis.quotes]


def test_a_quote_signed_with_a_dash_and_a_name_is_that_persons(analyse):
    text = (
        "We asked voters what they thought of the debate.\n\n"
        "“He cannot answer a single question without scaring people first.” ―\xa0Esther Tapia\xa0\n\n"
        "“Maybe we can build a wall around the candidate instead.” — Steve Quinlan.\n"
        "“The most unqualified candidate ever to run for president.” ― Francisco Herrero "
    )
    found = speakers(analyse(text), text)
    assert [(q, s) for q, s, _ in found] == [
        ("He cannot answer a single question without scaring people first.", "Esther Tapia"),
        ("Maybe we can build a wall around the candidate instead.", "Steve Quinlan"),
        ("The most unqualified candidate ever to run for president.", "Francisco Herrero"),
    ]


def test_transcript_lines_speak_for_their_capitalised_label(analyse):
    text = (
        "Chris Wallace interviewed Mike Pence on Sunday. Partial transcript as follows:\n\n"
        '"WALLACE: Let’s start with the debate. Will she be there tomorrow night?\n\n'
        '"(CROSSTALK.)\n\n'
        '"PENCE: She will not be attending the debate tomorrow night, and that is final.\n\n'
        '"But the truth is that the campaign has a unique way of talking to voters.'
    )
    found = speakers(analyse(text), text)
    assert [(q[:8], s) for q, s, _ in found] == [
        ("WALLACE:", "WALLACE"),
        ("PENCE: S", "PENCE"),
        ("But the ", "PENCE"),
    ]
