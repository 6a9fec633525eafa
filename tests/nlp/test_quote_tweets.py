"""Embedded posts: a paragraph signed "— Name (@handle) Month D, YYYY" is its author's quote."""

from briefing.embedded_posts import SIGNATURE, find_signature
from briefing.nlp.entities import Cluster
from briefing.nlp.mention import Mention
from briefing.nlp.quote_tweets import _named, _without_links


def posts(analysis, text):
    names = {e.key: e.name for e in analysis.entities}
    return [
        (text[q.start : q.end], names.get(q.speaker), q.speaker_text) for q in analysis.quotes if q.cue == "tweeted"
    ]


def test_an_embedded_post_is_its_authors_quote_without_its_links(analyse):
    text = (
        "The senator answered within the hour.\n\n"
        "The audit found no missing funds and the report will be public on Friday. "
        "pic.twitter.com/Ab12Cd34 — Senator Marta Okafor (@MartaOkafor) March 3, 2026\n\n"
        "Her office said nothing more."
    )
    assert posts(analyse(text), text) == [
        (
            "The audit found no missing funds and the report will be public on Friday.",
            "Marta Okafor",
            "Senator Marta Okafor",
        )
    ]


def test_a_post_is_only_its_own_paragraph(analyse):
    text = (
        "Here is what the ministry posted:\n\n"
        "Water is back in the north of the city. Crews are still working in the east. https://t.co/xY9 "
        "— Veldran Water Ministry Press Desk (@VeldranWater) March 4, 2026\n\n"
        "The Veldran Water Ministry said more on Friday."
    )
    [(words, _, name)] = posts(analyse(text), text)
    assert (words, name) == (
        "Water is back in the north of the city. Crews are still working in the east.",
        "Veldran Water Ministry Press Desk",
    )


def test_the_speaker_is_an_entity_named_in_full_by_the_signature_never_one_named_by_a_part():
    text = (
        "Rep. Ilhan Omar. PFF CLE Browns. Cleveland Browns won. Cleveland Browns. "
        "Donald J. Trump. Donald Trump. Donald Trump."
    )

    def at(words, after=0):
        start = text.index(words, after)
        return Mention(start, start + len(words), words, "person" if "Donald" in words else "organisation")

    omar = Mention(text.index("Ilhan"), text.index("Ilhan") + 10, "Ilhan Omar", "person")
    pff, second, again = at("PFF CLE Browns"), text.index("Donald Trump") + 1, text.index("Cleveland") + 1
    clusters = [
        Cluster([at("Browns", pff.start)]),
        Cluster([omar]),
        Cluster([at("Cleveland Browns"), pff, at("Cleveland Browns", again)]),
        Cluster([at("Donald J. Trump"), at("Donald Trump"), at("Donald Trump", second)]),
    ]
    assert (clusters[2].name, clusters[3].name) == ("Cleveland Browns", "Donald Trump")
    assert _named(clusters, text, 0, omar.end) == 1  # a title before the name
    assert _named(clusters, text, pff.start + 4, pff.end) is None  # "CLE Browns": a part of a body's name
    assert _named(clusters, text, pff.start, pff.end) is None  # read into the Cleveland Browns
    trump = text.index("Donald J.")
    assert _named(clusters, text, trump, trump + 15) == 3  # Donald J. Trump is Donald Trump


def test_a_post_of_a_picture_and_a_word_is_no_quote_nor_is_a_name_without_a_handle(analyse):
    text = (
        "Wow pic.twitter.com/Zz99 — Marta Okafor (@MartaOkafor) March 5, 2026\n\n"
        "Pumps restarted at dawn in the north. — Marta Okafor, March 5, 2026"
    )
    assert posts(analyse(text), text) == []


def test_a_post_that_holds_a_quote_leaves_that_quote_as_it_is(analyse):
    text = "“We will restore water by Friday,” the mayor said on Monday. — Marta Okafor (@MartaOkafor) March 6, 2026"
    analysis = analyse(text)
    assert posts(analysis, text) == []
    assert [text[q.start : q.end] for q in analysis.quotes] == ["We will restore water by Friday"]


def test_the_signature_and_the_links_are_read_from_the_end_only():
    assert SIGNATURE.search("Calm. — Ana Ruiz (@ana_ruiz) June 29, 2016")["name"] == "Ana Ruiz"
    assert SIGNATURE.search("— Ana Ruiz (@ana_ruiz) June 29, 2016 and more words") is None
    assert find_signature("x" * 100_000 + " — Ana Ruiz (@ana_ruiz) June 29, 2016")["name"] == "Ana Ruiz"
    text = "It is dangerous, too.https://t.co/hc pic.twitter.com/Q1 "
    assert text[: _without_links(text, len(text))] == "It is dangerous, too."


def test_a_post_of_nothing_but_links_leaves_no_words():
    text = "http://a " * 5000 + "— Ana Ruiz (@ana_ruiz) June 29, 2016"
    assert _without_links(text, find_signature(text).start()) == 0
