"""HTML bodies: text after an inline element at body level, data tables, the precision fallback."""

from types import SimpleNamespace

from lxml import etree

from briefing.ingest import web
from briefing.ingest.web import extract_html

FILLER = " ".join(["The council met on Tuesday to discuss the new budget for the water works."] * 3)


def page(middle: str) -> str:
    return f"""<html><head><title>Budget vote</title></head><body><article><h1>Budget vote</h1>
<p>{FILLER}</p>
{middle}
<p>{FILLER} Last paragraph.</p>
</article></body></html>"""


def test_text_after_an_inline_element_at_body_level_is_kept():
    html = page("<b>Update:</b> The vote was postponed until next week because two members were ill.")
    text = extract_html(html).text
    assert "Update: The vote was postponed until next week because two members were ill." in text.split("\n\n")
    assert text.endswith("Last paragraph.")


def test_a_data_table_is_one_line_a_row():
    table = (
        "<table><tr><th>Year</th><th>Spending</th></tr>"
        "<tr><td>2023</td><td>4.1 <b>million</b></td></tr><tr><td>2024</td><td>5.3 million</td></tr></table>"
    )
    paragraphs = extract_html(page(table)).text.split("\n\n")
    assert "Year | Spending\n2023 | 4.1 million\n2024 | 5.3 million" in paragraphs


def test_a_layout_table_keeps_its_paragraphs():
    body = etree.fromstring(
        "<body><table><row><cell/><cell><head rend='h3'>by Jane Doe</head>"
        "<p>The council met on Tuesday.</p><p>The vote was postponed.</p></cell><cell/></row></table>"
        "<table><row><cell>Year</cell><cell>Spending</cell></row></table></body>"
    )
    assert web.body_paragraphs(body) == [
        ("head", "by Jane Doe"),
        ("p", "The council met on Tuesday."),
        ("p", "The vote was postponed."),
        ("table", "Year | Spending"),
    ]


def test_body_tails_and_leading_text_become_paragraphs():
    body = etree.fromstring("<body>lead<p>one</p>after one<head rend='h2'>Sub</head>after head</body>")
    assert web.body_paragraphs(body) == [
        ("p", "lead"),
        ("p", "one"),
        ("p", "after one"),
        ("head", "Sub"),
        ("p", "after head"),
    ]


def fake_result(words: int):
    return SimpleNamespace(body=etree.fromstring(f"<body><p>{' '.join(['word'] * words)}</p></body>"))


def test_an_implausibly_short_precise_body_falls_back_to_the_fuller_one(monkeypatch):
    results = {True: fake_result(12), False: fake_result(900)}
    monkeypatch.setattr(web, "run_trafilatura", lambda html, precise=True: results[precise])
    assert web.extract_body("<html></html>") is results[False]


def test_a_plausible_or_comparable_precise_body_is_kept(monkeypatch):
    for precise_words, default_words in ((600, 2000), (120, 200)):
        results = {True: fake_result(precise_words), False: fake_result(default_words)}
        monkeypatch.setattr(web, "run_trafilatura", lambda html, precise=True, r=results: r[precise])
        assert web.extract_body("<html></html>") is results[True]


def test_a_title_field_that_is_only_the_site_name_gives_way_to_the_page_heading():
    html = f"""<html><head><title>한빛일보</title><meta property="og:title" content="한빛일보">
<meta property="og:site_name" content="한빛일보"></head><body>
<div class="top"><h1 class="headline">서울시, 내년 예산 12조 원 <em>확정</em></h1></div>
<article><p>{FILLER}</p><p>{FILLER}</p></article></body></html>"""
    extracted = extract_html(html)
    assert extracted.title == "서울시, 내년 예산 12조 원 확정"
    assert extracted.outlet == "한빛일보"


def test_an_unclosed_heading_is_not_read_to_the_end_of_the_page():
    assert web.page_heading("<h1>" + "x " * 50_000) is None
    assert web.page_heading("<h1 class=a>Open<h1>Second</h1>") == "Open Second"


def test_a_hover_card_inside_a_name_stays_out_of_the_text():
    card = (
        '<p>The mayor met Rep. <span class="rollover-people"><a href="/people/jane-doe">Jane Doe</a>'
        '<span class="rollover-people-block"><a class="name">Jane Doe</a>'
        '<a href="/story/1">Council delays budget vote | Water rates rise</a> MORE</span></span>'
        " (D-Halden) on Tuesday to discuss the new budget for the water works.</p>"
    )
    text = extract_html(page(card)).text
    assert "The mayor met Rep. Jane Doe (D-Halden) on Tuesday" in text
    assert "Water rates rise" not in text and "MORE" not in text


def test_an_embedded_post_of_several_lines_is_one_paragraph_ending_in_its_signature():
    post = (
        '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Water is back in the north of the city.'
        '<br><br>Crews are still working in the east. <a href="https://t.co/xY9">pic.twitter.com/xY9</a></p>'
        '&mdash; Veldran Water Ministry (@VeldranWater) <a href="https://twitter.com/x/status/1">March 4, 2026</a>'
        "</blockquote>"
    )
    paragraphs = extract_html(page(post)).text.split("\n\n")
    assert (
        "Water is back in the north of the city. Crews are still working in the east. pic.twitter.com/xY9"
        "— Veldran Water Ministry (@VeldranWater) March 4, 2026"
    ) in paragraphs


def test_a_quoted_block_without_a_signature_keeps_its_lines():
    body = etree.fromstring("<body><quote><p>First line.<lb/>Second line.</p></quote></body>")
    assert web.body_paragraphs(body) == [("quote", "First line.\nSecond line.")]


def test_a_line_break_in_the_pages_source_is_a_space_and_a_br_a_line_break():
    # trafilatura keeps the source's line breaks inside a paragraph's text; a browser shows spaces
    body = etree.fromstring(
        "<body><p>\nPhotos\n which were released online, \nshow the actress Kate Doe.  <lb/></p>"
        "<p>Ferry times:<lb/>06:40 Port Halden<lb/>07:10 Veldra</p></body>"
    )
    assert web.body_paragraphs(body) == [
        ("p", "Photos which were released online, show the actress Kate Doe."),
        ("p", "Ferry times:\n06:40 Port Halden\n07:10 Veldra"),
    ]


def test_words_in_a_named_span_inside_a_sentence_are_kept():
    """trafilatura drops span class="link" in precision mode: 'reported that  for his role'."""
    linked = '<span class="link"><a href="https://example.org/x">the board will fine the club</a></span>'
    aside = '<span class="share-bottom">Share this</span>'
    body = extract_html(page(f"<p>The paper reported that {linked} for its role in the fight.</p>\n{aside}")).text
    assert "reported that the board will fine the club for its role in the fight." in body
    assert "Share this" not in body  # a span standing alone is still judged by its class


def fact_check(published: str, statement_meta: str = "on Sunday, October 13th, 2019 in a newspaper") -> str:
    return f"""<html><head><title>What is the value of drugs at the border?</title></head><body>
<article><h1>What is the value of drugs at the border?</h1>
<div class="statement"><div class="statement__text">"$53 million a week is coming across the border."</div>
<p class="statement__meta">David McKinley {statement_meta}</p></div>
<p>{FILLER}</p><p>{FILLER} Last paragraph.</p></article>
<div class="widget"><h3>About this statement:</h3><p>{published}</p></div></body></html>"""


def test_the_date_a_page_labels_published_beats_the_earlier_date_of_what_it_checks():
    assert extract_html(fact_check("Published: Monday, November 18th, 2019 at 11:08 a.m.")).published == "2019-11-18"
    assert extract_html(fact_check("First published on 18 November 2019")).published == "2019-11-18"


def test_a_publication_label_in_another_language_dates_the_page():
    for label in (
        "publiziert am 18. November 2019",
        "Veröffentlicht am Montag, 18. November 2019",
        "Publié le 18 novembre 2019",
        "Publicado el 18 de noviembre de 2019",
    ):
        assert extract_html(fact_check(label)).published == "2019-11-18", label


def test_a_labelled_date_a_day_off_or_one_of_several_leaves_the_found_date():
    # a page's local date against its metadata's UTC date is a day apart: not a correction
    html = fact_check("Published: November 18, 2019", "on Sunday, November 17th, 2019 in a newspaper")
    assert extract_html(html).published == "2019-11-17"
    teasers = "Published: November 18, 2019</p><p>Published: November 25, 2019"
    assert extract_html(fact_check(teasers)).published == "2019-10-13"


def test_a_published_label_inside_a_script_or_among_hundreds_is_no_publication_date():
    script = '<script>var meta = {label: "Published: November 18, 2019"};</script>'
    assert web.page_text(f"<p>Text</p>{script}<style>p {{}}</style><p>more &amp; more</p>") == "Text more & more"
    assert extract_html(fact_check(script)).published == "2019-10-13"
    listing = "".join(f"<p>Published: November {1 + n % 28}, 2019</p>" for n in range(300))
    assert web.labelled_publication(web.page_text(listing)) is None


def site_page(article: str) -> str:
    """An article inside a site's whole content column: a promo box above it, a rail of guides
    below, as trafilatura finds them when the column (id="content") is what it reads."""
    return f"""<html><head><title>Budget vote</title></head><body><div id="content"><div class="wrapper">
<div class="promo"><h2>Tickets on sale</h2><div><a href="/a">Concert season opens</a></div></div>
<div class="article"><h1 class="title">Budget vote</h1>
<div class="byline">Monday March 2, 2026 by <a href="/author/jo">Jo Marsh</a></div>
{article}</div>
<div class="rail"><h3>Guides</h3><ul><li><a href="/guide/1">How to vote</a></li></ul></div>
</div></div></body></html>"""


def test_a_lede_written_straight_into_the_articles_container_is_kept():
    lede = (
        "Following a long debate, the council passed the water budget on Tuesday,"
        " according to <em><a href='/x'>the minutes</a></em>."
    )
    article = (
        f'<div class="content">{lede}\n<br> <br><img src="p.jpg"><center><em>The council hall</em></center>'
        f" <br>{FILLER}\n<br> <br>{FILLER} Last paragraph.</div>"
    )
    paragraphs = extract_html(site_page(article)).text.split("\n\n")
    assert paragraphs[0] == (
        "Following a long debate, the council passed the water budget on Tuesday, according to the minutes."
    )
    assert paragraphs[-1].endswith("Last paragraph.")


def test_a_summary_in_a_div_of_its_own_is_a_paragraph_and_a_date_line_stays_out():
    summary = "Two members of the council resigned after the vote on the water budget, the city said."
    article = (
        '<div class="date">March 2, 2026 09:40</div>'
        f'<div class="summary">\n  {summary}\n</div>'
        f'<div class="article__text"><p>{FILLER}</p><p>{FILLER} Last paragraph.</p></div>'
    )
    paragraphs = extract_html(site_page(article)).text.split("\n\n")
    assert paragraphs[0] == summary
    assert not any("09:40" in p for p in paragraphs)


def test_a_heading_holding_a_link_without_words_is_kept():
    """trafilatura takes a short heading whose only link has no words for a list of links."""
    paragraphs = "".join(f"<p>{FILLER} Paragraph {n}.</p>" for n in range(8))
    heading = '<h2>Water rates for 2026<a href="https://example.org/r" rel="nofollow"></a></h2>'
    html = f"""<html><body><div id="content"><h1>Budget vote</h1>{paragraphs}
{heading}<p>Rates rise by four percent this year, the council said on Tuesday.</p>{paragraphs}</div></body></html>"""
    assert "Water rates for 2026" in extract_html(html).text.split("\n\n")


def test_short_blocks_trafilatura_put_above_the_headline_are_dropped(monkeypatch):
    """Reading a site's whole content column, trafilatura put a rail's teaser and a promo box's
    heading above the article's <h1>."""
    body = (
        "<body><p>Night tours show the harbour lights from the water, with guides on every boat.</p>"
        "<head rend='h2'>Tickets on sale</head><head rend='h1'>Budget vote</head>"
        f"<p>{FILLER}</p><p>{FILLER} Last paragraph.</p></body>"
    )
    monkeypatch.setattr(web, "run_trafilatura", lambda html, precise=True: SimpleNamespace(body=etree.fromstring(body)))
    extracted = extract_html("<html><body><div><h1 class='title'>Budget vote</h1></div></body></html>")
    assert extracted.title == "Budget vote"
    assert extracted.text.startswith("The council met on Tuesday")


def test_an_h1_that_is_not_the_headline_or_far_down_leaves_the_body_whole():
    paragraphs = [("p", "First paragraph of the article."), ("h1", "Budget vote"), ("p", "More.")]
    assert web.from_headline(paragraphs, "Another page heading") == paragraphs
    long_lead = [("p", " ".join(["word"] * 120)), ("h1", "Budget vote"), ("p", "More.")]
    assert web.from_headline(long_lead, "Budget vote") == long_lead
    assert web.from_headline(paragraphs, "Budget vote") == paragraphs[1:]


RELATED = (
    '<ul><li><a href="/a">Ten Surprising Facts About the Harbour Bridges</a></li>'
    '<li><a href="/b">The Oldest Water Works of the Veldra Coast</a></li>'
    '<li><a href="/c">Why the Council Meets on Tuesdays, Explained</a></li></ul>'
)


def long_page(middle: str, end: str) -> str:
    paragraphs = "".join(f"<p>{FILLER} Paragraph {n}.</p>" for n in range(8))
    return f"""<html><body><article><h1>Budget vote</h1>{paragraphs}{middle}{paragraphs}
<p>{FILLER} Last paragraph.</p>{end}</article></body></html>"""


ORIGINALLY = '<p><em>Originally published on </em><a href="/">Halden Courier</a><em>.</em></p>'


def test_a_list_of_links_closing_the_article_is_dropped():
    text = extract_html(long_page("", RELATED + ORIGINALLY)).text
    assert "Last paragraph." in text
    assert "Surprising Facts" not in text and "Oldest Water Works" not in text


def test_a_list_of_links_inside_the_article_or_with_words_of_its_own_stays():
    text = extract_html(long_page(RELATED, "")).text
    assert "- Ten Surprising Facts About the Harbour Bridges" in text
    own_words = RELATED.replace("</a></li>", "</a>, from the city archive</li>")
    assert "Surprising Facts" in extract_html(long_page("", own_words + ORIGINALLY)).text


def test_words_after_an_empty_emphasis_are_kept():
    """In precision mode trafilatura deletes an empty element together with the words after it."""
    middle = "<strong></strong>Rates rise by four percent this year, the council said on Tuesday.<br>"
    text = extract_html(long_page(middle, ORIGINALLY)).text
    assert "Rates rise by four percent this year, the council said on Tuesday." in text.split("\n\n")
