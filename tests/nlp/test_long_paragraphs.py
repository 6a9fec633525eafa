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


def test_a_bulleted_list_is_one_piece_an_item_without_its_bullet():
    from briefing.nlp.parse import split_paragraphs

    text = (
        "Ingredients\n\n- 8 ripe pears, cored\n- 1 lemon, or about\n  a quarter cup of juice\n\n"
        "“We will see,” he said.\n— Jane Doe\n\n3.5 million people voted.\n2. The second point"
    )
    pieces = split_paragraphs(text)
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)
    assert [piece for _, piece in pieces] == [
        "Ingredients",
        "8 ripe pears, cored",
        "1 lemon, or about\n  a quarter cup of juice",
        "“We will see,” he said.\n— Jane Doe",  # a signature's dash is no bullet
        "3.5 million people voted.\n2. The second point",  # nor is a number
    ]


def test_a_digests_tilde_bullets_and_a_hyphen_run_into_a_name_are_bullets():
    """'~ Two former punters died ...' and '-Bernie Sanders won ...' were claims opening with their mark."""
    from briefing.nlp.parse import split_paragraphs

    text = "BEFORE YOU GO.\n\n~ Two punters died in a wreck.\n\n-Sanders won 84 percent.\n\n+ A third item.\n- Jane"
    assert [piece for _, piece in split_paragraphs(text)] == [
        "BEFORE YOU GO.",
        "Two punters died in a wreck.",
        "Sanders won 84 percent.",
        "A third item.",
        "Jane",
    ]


def test_a_sentence_opened_by_a_dash_is_a_claim_without_it_or_a_fragment(analyse):
    """A run-in head's dash opened the claim ('- Donald Trump has enjoyed ...'); the rest of a
    sentence an aside broke ('- but the real culprit is ...') was a claim."""
    text = (
        "It is easy to call Pfizer unpatriotic - and I have! - but the real culprit is the nation's "
        "corporate tax system, which has not been reformed since 1986.\n\n"
        "NEW HAMPSHIRE SHOWS STRONG TRUMP LEAD, BUT COULD IT BE MISLEADING? - Donald Trump has enjoyed a "
        "20-point lead in New Hampshire polls for much of the fall."
    )
    found = [text[c.start : c.end] for c in analyse(text).claims]
    assert "Donald Trump has enjoyed a 20-point lead in New Hampshire polls for much of the fall." in found
    assert not [claim for claim in found if claim.startswith(("-", "but"))]


def test_a_bulleted_item_is_a_claim_only_when_it_states_something(analyse):
    text = (
        "Harbour plant reopens.\n\nThe plant reopened on Monday after a week of repairs, the utility said.\n\n"
        "What we know:\n\n- The utility restored supplies to 40,000 households on Monday\n"
        "- 12 tonnes of chlorine, delivered by barge\n- 3 tankers\n"
    )
    claims = {text[c.start : c.end] for c in analyse(text).claims}
    assert "The utility restored supplies to 40,000 households on Monday" in claims
    assert not any("chlorine" in c or "tankers" in c for c in claims)


def test_no_sentence_starts_with_a_word_in_lower_case():
    from briefing.nlp.model import load_model

    nlp = load_model()
    cut_before = [
        'The mayor, who was greeted with chants of "Ingrid!" at a harbour meeting last month, said no.',
        "What we should be doing is what Marta and I have been doing in the last two budgets.",
    ]
    for text in cut_before:
        assert [s.text for s in nlp(text).sents] == [text]
    assert len(list(nlp("“Why?” she asked. iPhone sales rose 5 percent.").sents)) == 2
    assert len(list(nlp("this is bad. we need help. i met them there.").sents)) == 3  # no capitals at all


def test_the_parser_gets_batches_of_bounded_size_whatever_the_paragraphs():
    """Memory follows the words of a batch: 64 paragraphs cut from a page without line breaks
    (20,000 characters each) took 4 GB; a batch stops at MAX_BATCH_CHARS or 64 paragraphs."""
    from briefing.nlp.parse import MAX_BATCH_CHARS, parse_texts

    class Recording:
        def __init__(self, nlp):
            self.nlp, self.batches = nlp, []

        def pipe(self, pieces, **kwargs):
            self.batches.append([len(text) for text, _ in pieces])
            return self.nlp.pipe(pieces, **kwargs)

    from briefing.nlp.model import load_model

    nlp = Recording(load_model())
    long_line = "The mayor said the pumps failed at dawn. " * (MAX_PARAGRAPH_CHARS * 12 // 41)
    short = "\n\n".join(f"Paragraph {n} says the pumps failed." for n in range(150))
    parsed = list(parse_texts(nlp, [long_line, short]))
    assert [len(p.paragraphs) for p in parsed] == [len(split_paragraphs(long_line)), 150]
    assert all(sum(batch) < MAX_BATCH_CHARS + MAX_PARAGRAPH_CHARS and len(batch) <= 64 for batch in nlp.batches)
    assert max(len(batch) for batch in nlp.batches) == 64  # short paragraphs still go 64 at a time
