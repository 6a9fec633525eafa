"""A paragraph too long for one spaCy doc is cut into pieces that keep their offsets."""

from briefing.nlp.parse import MAX_PARAGRAPH_CHARS, split_paragraphs


def test_a_ten_megabyte_line_is_cut_after_sentences_or_at_spaces():
    sentence = "The mayor said the pumps failed at dawn. "
    text = "Headline\n\n" + sentence * (10_000_000 // len(sentence)) + "\n\n" + "x" * (MAX_PARAGRAPH_CHARS * 2 + 5)
    pieces = split_paragraphs(text)
    assert all(len(piece) <= MAX_PARAGRAPH_CHARS for _, piece in pieces)
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)
    assert "".join(piece for _, piece in pieces) == text.replace("\n\n", "")
    middle = pieces[1:-3]
    assert middle and all(piece.rstrip().endswith("dawn.") for _, piece in middle)


def test_a_long_paragraph_is_analysed_to_its_end(analyse):
    text = "Marta Okafor said the pumps failed. " * (MAX_PARAGRAPH_CHARS // 30)
    [okafor] = analyse(text).entities
    assert max(end for _, end in okafor.mentions) > MAX_PARAGRAPH_CHARS
