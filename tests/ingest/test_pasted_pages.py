"""Pasted web pages: the article span, the headline, byline and date found among page furniture."""

import pytest

from briefing.ingest.page_blocks import is_table_row
from briefing.ingest.page_furniture import is_cookie_paragraph, is_media_label, is_thread_line
from briefing.ingest.page_headline import score_headline
from briefing.ingest.page_lines import find_teasers, label_line, name_of_author_line, read_pasted_page
from briefing.ingest.plain import read_txt

HEADLINE_LINE = "Harbour authority approves ferry terminal despite lighthouse protests"
LEAD = (
    "PORT HALDEN — The harbour authority approved a new ferry terminal on Tuesday after two years of "
    "objections from residents, who said the building would block the view of the old lighthouse."
)
SECOND = (
    "The terminal will cost about 40 million crowns and open in 2028, the authority said, adding that "
    "the lighthouse would be lit again as part of the work."
)
PAGE = f"""Skip to content
Home
News
Sport
Business
Culture
Subscribe
Sign in
English
Español
Harbour authority approves ferry terminal despite lighthouse protests
By Mira Okafor
12 March 2026
Share
Tweet
Email

{LEAD}

Advertisement

{SECOND}

Related articles
Lighthouse keepers return to Halden coast
Ferry fares to rise in spring
Most read
Council votes to close night bus route
Copyright © 2026 Halden Courier. All rights reserved.
Privacy policy
Terms of use
"""


def test_a_pasted_page_keeps_only_the_article_lines():
    page = read_pasted_page(PAGE)
    assert page is not None
    assert page.body.split("\n") == [LEAD, "", SECOND]


def test_the_headline_is_the_title_like_line_above_the_byline_not_the_first_line():
    page = read_pasted_page(PAGE)
    assert page is not None
    assert page.title == "Harbour authority approves ferry terminal despite lighthouse protests"
    assert page.author == "Mira Okafor"
    assert page.published == "2026-03-12"


def test_the_txt_reader_hands_over_the_article_and_its_headline():
    extracted = read_txt(PAGE.encode())
    assert extracted.title == "Harbour authority approves ferry terminal despite lighthouse protests"
    assert "Subscribe" not in extracted.text and "Most read" not in extracted.text
    assert LEAD in extracted.text


def test_many_pages_in_one_file_are_kept_whole_not_cut_to_one_article():
    """A file of 200 articles put together, twice over, was read as one pasted page: 7,423 of
    1.5 million characters were kept, and the import said '1 imported'."""
    pages = []
    for n in range(40):
        words = " ".join(f"{w}{n}" for w in ("council", "ferry", "harbour", "pumping", "lighthouse") * 6)
        pages.append(PAGE.replace(SECOND, f"{SECOND} The {words} figures were revised."))
    text = "\n\n".join(pages * 2)
    assert read_pasted_page(PAGE) is not None  # one page is still read as one
    assert read_pasted_page(text) is None
    assert read_txt(text.encode()).text == text


def test_an_ordinary_article_saved_as_text_is_left_alone():
    article = f"A headline for the article\n\nBy Mira Okafor\n\n12 March 2026\n\n{LEAD}\n\n{SECOND}\n"
    assert read_pasted_page(article) is None
    assert read_txt(article.encode()).text == article


def test_comments_after_the_article_are_cut_at_their_heading():
    comment = "I have lived here for forty years and nobody ever asked us what we wanted, which is a shame."
    page = PAGE.replace("Related articles\n", f"12 comments\nJo Bloggs\n3 hours ago\n{comment}\nReply\n")
    found = read_pasted_page(page)
    assert found is not None and comment not in found.body


def test_a_caption_or_a_standfirst_is_not_the_headline():
    page = PAGE.replace(
        "By Mira Okafor\n",
        "Residents had fought the plan for two years\nThe old lighthouse at dusk (Photo: Jan Veld)\nBy Mira Okafor\n",
    )
    found = read_pasted_page(page)
    assert found is not None
    assert found.title == "Harbour authority approves ferry terminal despite lighthouse protests"


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Subscribe", "furniture"),
        ("Sign in", "furniture"),
        ("Español", "furniture"),
        ("Share this article", "furniture"),
        ("To read the full story", "furniture"),
        ("3 hours ago", "furniture"),
        ("Contact us: desk@halden.example", "furniture"),
        ("Share this with Facebook", "furniture"),
        ("Click to share on Reddit (Opens in new window)", "furniture"),
        ("Click to email this to a friend (Opens in new window)", "furniture"),
        ("These are external links and will open in a new window", "furniture"),
        ("Image copyright Getty Images", "furniture"),
        ("You are signed in as", "furniture"),
        ("Zurück zur Übersicht", "furniture"),
        ("New, 15 comments", "furniture"),
        ("Most read", "end"),
        ("[ 12 comments ]", "end"),
        ("Tags: ferries, harbour", "end"),
        ("Ferry fares to rise in spring", "other"),
        ("Sport", "short"),
        (LEAD, "prose"),
    ],
)
def test_lines_are_labelled_by_what_they_are(line, label):
    assert label_line(line) == label


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Mira Okafor", "Mira Okafor"),
        ("Mira Okafor, Staff Writer", "Mira Okafor"),
        ("Mira Okafor and Tomas Lind, Halden Courier", "Mira Okafor and Tomas Lind"),
        ("Ferry fares to rise in spring", None),
        ("The harbour will reopen.", None),
        ("Mira Okafor @mokafor", "Mira Okafor"),
        ("Mira Okafor and Tomas J. Lind Port Halden Courier", "Mira Okafor and Tomas J. Lind"),
        ("Harbour Bets on the Future With a New Ferry Service", None),
        ("The Halden Courier", None),
        ("Senior Discounts", None),
        ("Tomas Lind Halden Press", "Tomas Lind"),
        ("Mira Okafor and Tomas Lind HALDEN COURIER", "Mira Okafor and Tomas Lind"),
        ("12 March 2026 Mira Okafor", "Mira Okafor"),
        ("Mira Okafor - Mar 12, 2026, 8:15 pm CST", "Mira Okafor"),
        ("Mira Okafor 12/03/2026 2 comments Harbour, Ferries", "Mira Okafor"),
        ("Harbour Works 12 March 2026 Update", None),
    ],
)
def test_a_line_naming_the_author_without_by(line, name):
    assert name_of_author_line(line) == name


def test_a_related_headline_right_above_is_not_taken_for_the_headline():
    """The article's headline speaks of what its lead speaks of; the list of other stories
    above it, and a sign-in line, do not."""
    related = "\n".join(
        [
            "You are signed in as",
            "Trending now",
            "Council votes to close night bus route for the winter months",
            "Why you should always close the door before you go to bed",
            "Harbour authority approves ferry terminal despite lighthouse protests",
        ]
    )
    page = read_pasted_page(
        PAGE.replace("Harbour authority approves ferry terminal despite lighthouse protests", related)
    )
    assert page is not None
    assert page.title == "Harbour authority approves ferry terminal despite lighthouse protests"
    assert page.body.split("\n") == [LEAD, "", SECOND]


def test_names_heading_later_sections_do_not_move_the_body_start_further():
    """Only the first run of byline and date lines starts the body: the names heading the
    later parts of an interview article are no bylines, and the text above them stays (under
    the byline and date, the first name too heads a part)."""
    answer = "Asked about the cost, she said the crowns were well spent on a building the town would keep. " * 3
    parts = [LEAD, "Tomas Lind", SECOND, "Anna Berg", answer, "Jonas Holm", answer, answer, answer]
    found = read_pasted_page(PAGE.replace(f"{LEAD}\n", "\n\n".join(parts) + "\n"))
    assert found is not None
    assert found.body.startswith(LEAD)


def test_comment_time_stamps_are_not_a_byline_above_the_body():
    comment = "I have lived here for forty years and nobody ever asked us what we wanted, which is a shame."
    third = "Work on the site starts in the autumn, once the last fishing boats have left the old quay."
    comments = "\n".join(["2 days ago at 07:52 am", comment, "Rating: 36 Votes"] * 16)
    page = PAGE.replace("Related articles\n", f"\n{third}\n\nTop rated comments\n{comments}\n")
    found = read_pasted_page(page)
    assert found is not None and found.body.startswith(LEAD)


def test_the_line_right_above_the_date_is_the_headline_even_in_a_run_of_short_lines():
    """A short headline among the site's section names: the date line right below marks it."""
    menu = "Harbour and Ferry News\nLighthouse Protests Live\nPort Halden Terminal\nNew terminal approved\n"
    page = PAGE.replace("Harbour authority approves ferry terminal despite lighthouse protests\nBy Mira Okafor\n", menu)
    found = read_pasted_page(page)
    assert found is not None and found.title == "New terminal approved"


def test_a_two_word_headline_counts_when_a_date_follows_it():
    page = PAGE.replace(
        "Harbour authority approves ferry terminal despite lighthouse protests\nBy Mira Okafor\n",
        "Ferry terminal\n",
    )
    found = read_pasted_page(page)
    assert found is not None and found.title == "Ferry terminal"


def test_a_short_line_in_a_list_of_short_lines_scores_lower_as_a_headline():
    """A short line among short lines is a menu entry or a pick: it counts less than the same
    line standing alone above the byline."""
    alone = ["Ferry terminal gets approval", "", "Residents fought the plan for years", "By Mira Okafor", LEAD]
    listed = ["Lighthouse tours", "Night bus cut", *alone]
    scores = []
    for lines in (alone, listed):
        labels = [label_line(line) for line in lines]
        scores.append(score_headline(lines, labels, lines.index("Ferry terminal gets approval"), len(lines) - 1))
    assert scores[1] < scores[0]


def test_a_long_share_row_does_not_push_the_headline_out_of_reach():
    shares = "\n".join(f"Share this with {site}\n" for site in ["Facebook", "Twitter", "Email", "WhatsApp"] * 12)
    found = read_pasted_page(PAGE.replace("Share\nTweet\nEmail\n", f"{shares}\n"))
    assert found is not None
    assert found.title == "Harbour authority approves ferry terminal despite lighthouse protests"


def test_a_breadcrumb_glued_to_the_headline_is_not_kept_in_the_title():
    headline = "Harbour authority approves ferry terminal despite lighthouse protests"
    found = read_pasted_page(PAGE.replace(f"{headline}\n", f"Home News Local News {headline}\n{headline}\n"))
    assert found is not None and found.title == headline


@pytest.mark.parametrize(
    ("top", "author"),
    [
        ("By Mira Okafor\n12 March 2026", "Mira Okafor"),
        ("Mira Okafor\n12 March 2026", "Mira Okafor"),  # a bare name over the date
        ("Mira Okafor\n3 hours ago", "Mira Okafor"),
        ("12/03/2026 by Mira Okafor", "Mira Okafor"),
        ("12 March 2026 Mira Okafor\nPolicy\nHarbour Works", "Mira Okafor"),
        # a tag or a caption among the lines above the body names no author
        ("12 March 2026\nShare\nTweet\nPolicy\nSouth Veldra", None),
        ("12 March 2026\nPhoto Desk\nDoobie Singers", None),
    ],
)
def test_a_bare_name_above_the_body_is_the_author_only_beside_a_date(top, author):
    page = PAGE.replace("By Mira Okafor\n12 March 2026\n", f"{top}\n")
    found = read_pasted_page(page)
    assert found is not None and found.body.startswith(LEAD)
    assert found.author == author


def test_a_byline_set_above_the_headline_gives_the_author():
    page = PAGE.replace(
        f"{HEADLINE_LINE}\nBy Mira Okafor\n",
        f"Back to the overview\nVon Mira Okafor publiziert am 12. März 2026\n{HEADLINE_LINE}\n",
    )
    found = read_pasted_page(page)
    assert found is not None and found.title == HEADLINE_LINE
    assert found.author == "Mira Okafor"


def test_a_bare_name_under_three_paragraphs_is_a_caption_not_a_byline():
    """A bare name line below the first paragraphs is an image's alt text or a section
    heading ("Status Quo"); the paragraphs above it are the article, not a standfirst."""
    more = "Work on the site starts in the autumn, once the last fishing boats have left the old quay. " * 2
    parts = [LEAD, SECOND, more, "Status Quo", more, more, more, more, more, more, more, more]
    found = read_pasted_page(PAGE.replace(f"{LEAD}\n", "\n\n".join(parts) + "\n"))
    assert found is not None
    assert found.body.startswith(LEAD)


HEADLINE = "Harbour authority approves ferry terminal despite lighthouse protests"


@pytest.mark.parametrize(
    "between",
    [
        "New, 15 comments\n\n",  # a comment count between headline and standfirst
        "",
    ],
)
def test_the_headline_above_its_standfirst_is_the_title(between):
    standfirst = "The vote ends two years of objections from people living near the old lighthouse"
    found = read_pasted_page(PAGE.replace(f"{HEADLINE}\n", f"{HEADLINE}\n{between}{standfirst}\n"))
    assert found is not None and found.title == HEADLINE


def test_a_title_above_a_sentence_standfirst_is_the_headline_whatever_its_words():
    """A title above a standfirst that is a full sentence is the headline, even when it shares
    few words with the lead ("4 Things to Do in October" above its description)."""
    title = "Five things to do this spring"
    standfirst = "Our picks of harbour walks, ferry trips and lighthouse tours for the month of March."
    found = read_pasted_page(PAGE.replace(f"{HEADLINE}\n", f"{title}\n{standfirst}\n"))
    assert found is not None and found.title == title


def test_a_menu_entry_right_above_the_headline_is_not_taken_for_it():
    menu = "Ferry timetables\nHarbour maps\nLighthouse tours and terminal news\n"
    found = read_pasted_page(PAGE.replace(f"{HEADLINE}\nBy Mira Okafor\n", f"{menu}{HEADLINE}\n"))
    assert found is not None and found.title == HEADLINE


def test_a_simple_page_with_a_caption_above_the_headline_gives_headline_and_author():
    """Not a pasted page (no menus), but its first lines are a photo caption, the headline and
    the byline: the headline is the line the byline follows."""
    text = (
        "The old lighthouse at dusk, seen from the ferry quay. (credit: Jan Veld)\n"
        f"{HEADLINE}\nby Mira Okafor\nMonday, 12 March 2026\n\n\n{LEAD}\n\n{SECOND}\n"
    )
    extracted = read_txt(text.encode())
    assert extracted.title == HEADLINE and extracted.author == "Mira Okafor"
    assert read_txt(f"{LEAD}\nby the harbour\n\n{SECOND}\n".encode()).title is None


def test_a_one_line_standfirst_above_the_byline_leaves_a_short_body():
    """Above a short body (a paywalled article shows two paragraphs) the standfirst is a large
    share of the prose; one line of it above the byline is still the standfirst."""
    standfirst = (
        "There are more ferries, routes and fares to choose from than ever before. Here is how the new "
        "terminal will change the crossing for people living on both sides of the harbour."
    )
    page = PAGE.replace(f"{HEADLINE}\n", f"{HEADLINE}\n{standfirst}\n")
    found = read_pasted_page(page)
    assert found is not None
    assert found.title == HEADLINE and found.body.split("\n") == [LEAD, "", SECOND]


CONTACT = (
    "The Halden Courier customer service centre can be reached with any questions or requests by telephone on "
    "weekdays between nine and five, by fax at the number on our website, or by e-mail, and it also handles "
    "delivery requests from subscribers, advertising enquiries, corrections, letters to the editor, archive "
    "orders and reprint permissions for every edition of the newspaper in print or online"
)
SHORT_ARTICLE_PAGE = f"""Home
News
World
Sign in
Subscribe
BREAKING NEWS
Ferry terminal approved in Port Halden
By Mira Okafor
12 March 2026
The harbour authority approved a new ferry terminal on Tuesday after two years of objections.
Residents said the building would block the view of the old lighthouse.
Council votes to close night bus route
By Ben Adler
11 March 2026
Ferry fares to rise in spring
By Ana Lund
10 March 2026
Lighthouse keepers return to Halden coast
By Ben Adler
9 March 2026
Night trains to Veldra resume after repairs
By Ana Lund
9 March 2026
Harbour dredging delayed by storm damage
By Mira Okafor
8 March 2026
New bridge toll approved by regional council
By Ben Adler
7 March 2026
Contact us
Customer service
{CONTACT}
Copyright © 2026 Halden Courier. All rights reserved.
"""


def test_a_short_article_under_its_headline_and_byline_outweighs_a_long_footer():
    """The lead right under a headline with its byline and date opens the article: two short
    paragraphs there are not outweighed by one long contact paragraph in the footer (without the
    lead's gain, the body was that paragraph and the title a related headline), and the related
    headlines with their own bylines (no lead below them) gain nothing."""
    page = read_pasted_page(SHORT_ARTICLE_PAGE)
    assert page is not None
    assert page.title == "Ferry terminal approved in Port Halden"
    assert page.body.startswith("The harbour authority approved a new ferry terminal")


def test_the_headline_over_a_run_of_photo_captions_is_the_title():
    """A gallery's short captions between the headline and the date: the longer line starting
    the run is the headline, not the caption right above the date."""
    headline = "2026 Port Halden Harbour Vote Results"
    captions = "Harbour authority approved\nLighthouse residents objected\nFerry terminal building\n"
    found = read_pasted_page(PAGE.replace(f"{HEADLINE}\nBy Mira Okafor\n", f"{headline}\n{captions}"))
    assert found is not None and found.title == headline


@pytest.mark.parametrize("marker", ["* ", "- ", "• "])
def test_a_list_item_is_never_the_headline(marker):
    item = f"{marker}Click the link to see the full timetable of the new ferry terminal"
    found = read_pasted_page(PAGE.replace(f"{HEADLINE}\nBy Mira Okafor\n", f"{HEADLINE}\nBy Mira Okafor\n{item}\n"))
    assert found is not None and found.title == HEADLINE
    assert score_headline([item, "12 March 2026", LEAD], [label_line(item), "other", "prose"], 0, 2) == 0.0


@pytest.mark.parametrize("label", ["VIDEO3:4503:45", "Video 02:31", "Play 1:02:10 / 1:05:00", "AUDIO 12:03"])
def test_the_title_under_a_video_label_is_not_the_headline(label):
    """A video between the byline and the lead shows its running time, then its title and its
    show's name, right above the lead: that title is the video's, not the article's (its show's
    name below it looks like a byline)."""
    video = f"{label}\nPlans for the ferry terminal in Port Halden harbour\nHarbour Watch\n"
    top = f"12 March 2026\nMira Okafor@miraokafor\n{video}"
    found = read_pasted_page(PAGE.replace("By Mira Okafor\n12 March 2026\n", top))
    assert found is not None and found.title == HEADLINE


@pytest.mark.parametrize(
    ("line", "media"),
    [("VIDEO3:4503:45", True), ("Watch 3:45", True), ("Listen: 1:02:33", True), ("Updated 10:45", False)],
)
def test_a_media_label_is_a_media_word_with_a_running_time(line, media):
    assert is_media_label(line) is media


TICKER = "\n".join(
    [
        "Council votes to close night bus route NORTH HALDEN: The council voted on Monday to close the route.",
        "Fishing quota cut for a third year VELDRA: The ministry cut the cod quota again, citing low stocks.",
        "School opens in old post office EASTPORT: Pupils moved into the restored building this week.",
        "Storm closes the coast road WESTHAM: The road was shut overnight after waves broke over the wall.",
    ]
)


def test_a_ticker_shown_at_the_top_and_the_bottom_is_not_the_body():
    """A news ticker of teaser paragraphs, repeated at the page's foot, outweighs a short
    article by its size; shown twice, it is page furniture."""
    page = PAGE.replace("English\n", f"English\n{TICKER}\n").replace("Privacy policy\n", f"{TICKER}\nPrivacy policy\n")
    found = read_pasted_page(page)
    assert found is not None
    assert found.body.split("\n") == [LEAD, "", SECOND]


def test_a_question_put_to_several_people_stays_in_the_body():
    """The same question before different answers is no repeated run."""
    question = "What made you start cooking for the whole harbour every Sunday morning?"
    answers = [
        f"{name} said the crowns were well spent and the lighthouse was a fine thing to see."
        for name in ("Anna", "Jonas", "Tomas")
    ]
    interview = "\n\n".join(f"{question}\n\n{answer}" for answer in answers)
    found = read_pasted_page(PAGE.replace(f"{SECOND}\n", f"{SECOND}\n\n{interview}\n"))
    assert found is not None
    assert found.body.count(question) == 3


def test_a_teaser_cut_short_is_never_the_headline():
    """A list of other stories shows their headlines cut short with two dots; the last one,
    right above the headline and on its topic, is no headline."""
    teaser = "Ferry terminal protest: lighthouse residents say harbour authority ignored.."
    found = read_pasted_page(PAGE.replace(f"{HEADLINE}\n", f"{teaser}\n{HEADLINE}\n"))
    assert found is not None and found.title == HEADLINE


@pytest.mark.parametrize("ellipsis", ["...", "…"])
def test_a_headline_may_end_with_an_ellipsis(ellipsis):
    headline = f"Harbour authority approves ferry terminal, and then{ellipsis}"
    found = read_pasted_page(PAGE.replace(f"{HEADLINE}\n", f"{headline}\n"))
    assert found is not None and found.title == headline


def test_a_table_of_results_stays_in_the_body_between_its_paragraphs():
    """Rows of figures ("3 Halden Rowing Club 48 12 3") are the article's results: they count
    neither for nor against the body, so the paragraph after a long table stays."""
    rows = [f"{rank} Harbour Rowing Club {rank}{rank} {60 - rank} 2 1 {rank}" for rank in range(1, 21)]
    table = "Pos. Club Points Wins Poles\n" + "\n".join(rows)
    found = read_pasted_page(PAGE.replace(f"{LEAD}\n", f"{LEAD}\n\n{table}\n"))
    assert found is not None
    assert found.body.startswith(LEAD) and found.body.endswith(SECOND)
    assert rows[-1] in found.body


@pytest.mark.parametrize(
    ("line", "row"),
    [
        ("3 Kevin Harvick 5033 4 6 15 26", True),
        ("Chelsea 12 8 2 2 26", True),
        ("November 19, 2019 at 5:10 pm", False),
        ("Top 5 stories of 2019", False),
    ],
)
def test_a_table_row_is_mostly_figures(line, row):
    assert is_table_row(line) is row


@pytest.mark.parametrize("heading", ["[ 167 comments ]", "Top Rated Comments", "Leave a Reply"])
def test_a_long_comment_thread_is_cut_at_its_heading(heading):
    """Comments longer than the article under its headline and byline outweigh their heading's
    cost; a heading that a thread follows (time stamps, "Reply") ends the body all the same."""
    comment = "I have lived here for forty years and nobody ever asked us what we wanted, which is a shame. " * 4
    thread = "\n".join(f"Reader {n}\n{n} days ago at 07:52 am\n{comment}\nRating: {n} Votes" for n in range(2, 8))
    page = PAGE.replace("Share\nTweet\nEmail\n", "").replace("Related articles\n", f"{heading}\n{thread}\n")
    found = read_pasted_page(page)
    assert found is not None
    assert found.body.split("\n") == [LEAD, "", SECOND]


def test_a_comment_count_without_a_thread_below_does_not_cut_the_body():
    """A comments heading that no thread follows (a link to them, "3 comments" by the byline) is
    only the usual cost, and the article after it stays."""
    more = "Work on the site starts in the autumn, once the last fishing boats have left the old quay. " * 3
    found = read_pasted_page(PAGE.replace(f"{SECOND}\n", f"{SECOND}\n\nView Comments\n\n{more}\n\n{more}\n"))
    assert found is not None and found.body.endswith(more.strip())


@pytest.mark.parametrize(("dated", "start"), [("12 March 2026\n", LEAD), ("", SECOND)])
def test_a_bare_name_under_the_first_paragraphs_is_a_caption_when_a_date_heads_them(dated, start):
    """Under a headline and its date, two short paragraphs, then a photo's caption naming a
    person: the caption is no byline, and the paragraphs above it are the article's. Without
    the date above, the name is the byline under a standfirst."""
    top = f"{HEADLINE}\n{dated}Share\nTweet\nEmail\n\n{LEAD}\n\nTomas Lind\n\n{SECOND}\n"
    page = PAGE.replace(
        f"{HEADLINE}\nBy Mira Okafor\n12 March 2026\nShare\nTweet\nEmail\n\n{LEAD}\n\nAdvertisement\n\n{SECOND}\n", top
    )
    assert page != PAGE
    found = read_pasted_page(page)
    assert found is not None and found.body.startswith(start)


def test_a_list_of_other_stories_with_their_leads_is_not_the_body():
    """Below the article, other stories each with title, author, date and first paragraph: each
    looks like an article's start, but starts this close together are a list of teasers."""
    lead = (
        "The council said the change would save money, though bus users in the north of the town disagreed strongly. "
        * 2
    )
    teasers = "\n".join(
        f"Council story number {n} about the night bus route\nJo Bloggs\n1{n} March 2026\n{lead}" for n in range(1, 7)
    )
    found = read_pasted_page(PAGE.replace("Related articles\n", f"More Halden Courier\n{teasers}\n"))
    assert found is not None
    assert found.body.split("\n") == [LEAD, "", SECOND]


@pytest.mark.parametrize(
    ("starts", "teasers"),
    [([10, 14, 18], {10, 14, 18}), ([10, 14], set()), ([10, 30, 50], set()), ([2, 30, 34, 38], {30, 34, 38})],
)
def test_teasers_are_three_article_starts_close_together(starts, teasers):
    lines = [f"line {n}" for n in range(60)]
    assert find_teasers(lines, starts) == teasers


CONSENT = (
    "This website uses cookies to improve your experience while you navigate through the website. Of these "
    "cookies, the ones categorised as necessary are stored in your browser as they are essential for the site "
    "to work, and we also use third-party cookies that help us understand how you use this website."
)


def test_a_cookie_dialog_at_the_foot_is_not_the_body():
    """A consent dialog's long paragraphs, copied with the page, outweighed a short article."""
    necessary = "Necessary cookies are essential for the site to work. These cookies store no personal data."
    dialog = f"Privacy Overview\n\n{CONSENT}\n\n{CONSENT} {CONSENT}\n\nNecessary\n\n{necessary}\n\n"
    found = read_pasted_page(PAGE.replace("Privacy policy\n", dialog))
    assert found is not None
    assert found.body.split("\n") == [LEAD, "", SECOND]


@pytest.mark.parametrize(
    ("line", "consent"),
    [
        (CONSENT, True),
        ("We use cookies to give you the best experience on our site.", True),
        ("The regulator said the site had used tracking cookies without asking its readers first.", False),
    ],
)
def test_a_cookie_paragraph_opens_with_the_notice_or_repeats_the_word(line, consent):
    assert is_cookie_paragraph(line) is consent


CAPTION = "Harbour staff walk past the old lighthouse on Tuesday, where the new terminal will be built."


@pytest.mark.parametrize("credit", ["Photo: Jane Doe, AP", "Image: Halden Courier", "Photo by Jane Doe"])
def test_a_caption_right_above_its_photo_credit_is_not_the_body(credit):
    found = read_pasted_page(PAGE.replace(f"\n{LEAD}\n", f"\n{CAPTION}\n{CAPTION}\n{credit}\n\n{LEAD}\n"))
    assert found is not None
    assert found.body.split("\n") == [LEAD, "", SECOND]


def test_a_paragraph_above_a_photo_credit_after_a_blank_line_stays():
    """A paragraph ends with a blank line; the credit below it belongs to the next image."""
    found = read_pasted_page(PAGE.replace(f"\n{SECOND}\n", f"\n{SECOND}\n\nPhoto: Jane Doe, AP\n"))
    assert found is not None
    assert found.body.startswith(LEAD) and SECOND in found.body


def test_a_comment_form_after_the_article_is_cut_at_its_heading():
    """ "Leave a Reply" with a form below (its fields and its consent paragraphs) ends the body."""
    consent = "By submitting this form you agree to the Halden Courier using your data to publish your comment. " * 3
    fields = "Your email address will not be published. Required fields are marked *\nName *\nEmail *"
    form = f"Leave a Reply\n{fields}\n{consent}\n\n{consent.upper()}\n"
    more = "Work on the site starts in the autumn, once the last fishing boats have left the old quay. " * 3
    page = PAGE.replace(f"{SECOND}\n", f"{SECOND}\n\n{more.strip()}\n").replace("Related articles\n", form)
    found = read_pasted_page(page)
    assert found is not None
    assert found.body.split("\n") == [LEAD, "", SECOND, "", more.strip()]


@pytest.mark.parametrize(
    "line",
    [
        "Artigos relacionados",
        "Deixe uma resposta",
        "Artículos relacionados",
        "Deja un comentario",
        "Commenti (4)",
        "Laisser un commentaire",
        "Ähnliche Beiträge",
        "Schreibe einen Kommentar",
        "Sobre o autor",
    ],
)
def test_headings_that_end_an_article_in_other_languages(line):
    assert label_line(line) == "end"


@pytest.mark.parametrize("field", ["Nome *", "Comentário *", "Kommentar *"])
def test_comment_form_fields_in_other_languages_are_thread_lines(field):
    assert is_thread_line(field)


DATES = "\n".join(f"June {day} -- Harbour Hall, Port Halden, open day" for day in (9, 10, 14, 17, 19))


@pytest.mark.parametrize(("items", "kept"), [(DATES, True), ("Tools\nNews\nSport\nWeather\nPodcasts", False)])
def test_the_list_the_last_paragraph_announces_ends_the_body(items, kept):
    """The body's last paragraph ends with a colon and a list follows (a tour's dates): the
    list is the article's. Single-word lines after a colon are a menu."""
    announce = "The ferry terminal will hold open days for residents on these dates:"
    found = read_pasted_page(PAGE.replace(f"{SECOND}\n", f"{SECOND}\n\n{announce}\n{items}\n"))
    assert found is not None
    assert found.body.endswith(items) is kept and found.body.startswith(LEAD)


@pytest.mark.parametrize("line", ["Related coverage from Halden Courier: Money:", "Related stories on Port Halden"])
def test_a_related_heading_naming_its_source_ends_the_article(line):
    assert label_line(line) == "end"


PICKS = "\n".join(f"{n}) Harbour ferry model kit number {n}, boxed\nhttp://example.com/kit{n}" for n in range(1, 8))


@pytest.mark.parametrize(("heading", "kept"), [("", True), ("Most read\n", False)])
def test_a_numbered_list_right_below_the_body_is_the_article_s(heading, kept):
    """Picks numbered 1), 2), 3)... each with its link, right below the last paragraph, are the
    article's; a numbered list under a heading that ends articles is another list."""
    found = read_pasted_page(PAGE.replace(f"{SECOND}\n", f"{SECOND}\n\n{heading}{PICKS}\n"))
    assert found is not None
    assert found.body.startswith(LEAD)
    assert found.body.endswith("http://example.com/kit7") is kept


def test_a_block_of_links_inside_the_article_does_not_cut_off_its_opening():
    """A "MORE FROM GOLF" block between the first paragraphs and the rest: the rest was the
    body's longest span, and the headline and the opening were lost."""
    opening = [
        "A PGA Tour golfer said he has sources who tell him that the champion is serving a one-month suspension.",
        "The champion has had a tough year, plagued with injuries and surgeries, and now he is facing criticism.",
    ]
    links = [
        "MORE FROM GOLF",
        "3/2 - Champion's Agent, PGA Refute Claims Of Suspension",
        "3/1 - Two Golfers Give Advice To The Champion",
        "2/28 - A Caddie Chases A Duck (Video)",
        "2/25 - Fantasy Golf Picks: The Harbour Classic",
    ]
    rest = [f"{LEAD} The criticism grew on Monday, paragraph {n}, and the tour said nothing more." for n in range(8)]
    headline = "Champion is not on suspension, his agent and a tour official say"
    text = "\n\n".join([headline, *opening]) + "\n\n" + "\n".join(links) + "\n" + "\n\n".join(rest)
    page = read_pasted_page(text)
    assert page is not None and page.title == headline
    assert page.body.startswith(opening[0]) and opening[1] in page.body and rest[-1] in page.body
    assert not any(link in page.body for link in links)


def test_a_wire_lead_above_a_block_of_related_links_stays_the_articles_first_paragraph():
    """FNC-1's copy of an AFP story lost its lead, and took a teaser for its headline and another
    teaser's words ('Nigeria And Boko') for its author."""
    lead = (
        "Port Halden (AFP) - The harbour authority on Friday claimed to have reached a deal with the "
        "striking dockers, but doubts immediately surrounded the purported breakthrough."
    )
    teasers = [
        "Related Stories",
        "",
        "Halden says reaches deal with dockers Reuters",
        "Dockers, harbour agree to immediate return to work Associated Press",
        "Why Halden Was Able to Beat the Floods, but Not the Strike The Atlantic",
        "Six months after the strike began, dockers march near the mayor's house Reuters",
        "Dockers And Harbour Reportedly Reach Deal Huffington Post",
    ]
    body = [LEAD, SECOND, SECOND.replace("2028", "2029"), LEAD.replace("Tuesday", "Monday")]
    text = "\n\n".join([lead, "\n".join(teasers) + "\n" + body[0], *body[1:]])
    assert read_pasted_page(text) is not None  # read as a page, as FNC-1's copy was
    extracted = read_txt(text.encode())
    assert extracted.text.startswith(lead + "\n\n" + LEAD)
    assert "Reuters" not in extracted.text
    assert extracted.title is None and extracted.author is None
