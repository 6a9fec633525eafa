"""Metadata from text: bylines, datelines, date lines, and the dates that must never count."""

from datetime import date

import pytest

from briefing.ingest import read_document
from briefing.ingest.byline import outlet_or_credit, parse_byline, tidy_author, tidy_outlet
from briefing.ingest.dates import find_full_dates, parse_date_value
from briefing.ingest.metadata import read_text_metadata, strip_site_affix

BODY = "The mayor said on Tuesday that the water plant had failed again, leaving thousands without water."
NEXT_YEAR = date.today().year + 1


@pytest.mark.parametrize(
    "line, author, outlet",
    [
        ("By Jane Doe", "Jane Doe", None),
        ("BY JANE DOE", "Jane Doe", None),
        ("By Jane Doe and John Roe", "Jane Doe and John Roe", None),
        ("By Ann van der Berg, John Roe and Li Wei", "Ann van der Berg, John Roe and Li Wei", None),
        ("By Jane Doe, Halden Courier", "Jane Doe", "Halden Courier"),
        ("By Felix Armand, The Veldran Standard", "Felix Armand", "The Veldran Standard"),
        ("By Jane Doe and John Roe, Halden Courier", "Jane Doe and John Roe", "Halden Courier"),
        ("By Jane Doe for the Veldra Times", "Jane Doe", "Veldra Times"),
        ("By Jane Doe, Political Editor", "Jane Doe", None),
        ("By Jane Doe in Port Halden", "Jane Doe", None),
        ("By Jane Doe | Halden Courier | Updated 10:32 GMT", "Jane Doe", "Halden Courier"),
        ("Written by J. R. Hartley", "J. R. Hartley", None),
        ("Interview by Tomás Ferreira", "Tomás Ferreira", None),
        ("Words by Jane Doe", "Jane Doe", None),
        ("Story by Jane Doe and John Roe", "Jane Doe and John Roe", None),
        ("Text by Ann van der Berg", "Ann van der Berg", None),
        ("Report by Jane Doe, Halden Courier", "Jane Doe", "Halden Courier"),
        ("03/12/2026 by Jane Doe", "Jane Doe", None),
        ("12 March 2026 | BY: Jane Doe, MS, RDN", "Jane Doe", None),
        ("Von Jana Berger publiziert am 12. März 2026", "Jana Berger", None),
        ("By Jane Doe published on 12 March 2026", "Jane Doe", None),
        ("Thursday March 12, 2026 7:45 am PST by Jane Doe", "Jane Doe", None),
        (
            "Jane Doe writes for the Halden Courier and the Courier on Sunday",
            "Jane Doe",
            "Halden Courier and the Courier on Sunday",
        ),
        ("Jane Doe is a senior reporter at Meridian Wire.", "Jane Doe", "Meridian Wire"),
    ],
)
def test_bylines_give_author_and_outlet(line, author, outlet):
    byline = parse_byline(line)
    assert byline is not None
    assert (byline.author, byline.outlet) == (author, outlet)


@pytest.mark.parametrize(
    "line",
    [
        "By the time the mayor arrived, the plant was dark.",
        "By Friday, the people of Port Halden had been boiling their water for five days.",
        "By 2026",
        "Bylines are hard",
        "By far the biggest outage",
        "Report by the regulator finds failures",
        "Interview by phone with the mayor",
        "Jane Doe is a reporter for the Courier who was arrested on Tuesday.",
        "The mayor is a columnist for the Halden Courier",
        "Jane Doe writes for fun",
    ],
)
def test_sentences_starting_with_by_or_naming_a_writer_are_not_bylines(line):
    assert parse_byline(line) is None


@pytest.mark.parametrize(
    "line, iso",
    [
        ("Published 5 March 2026", "2026-03-05"),
        ("March 4, 2026", "2026-03-04"),
        ("2026-03-04", "2026-03-04"),
        ("4 Mar 2026", "2026-03-04"),
        ("Friday 6 March 2026", "2026-03-06"),
        ("Updated: Mar. 4, 2026 10:32 am GMT", "2026-03-04"),
        ("5. März 2026", "2026-03-05"),
        ("5 de marzo de 2026", "2026-03-05"),
        ("Last Updated: 22 September 2026, 21:40 IST", "2026-09-22"),
        ("Updated 9.40pm (AEDT) 4 March 2026", "2026-03-04"),
        ("First published: 4 March 2026 06:02 UTC+5:30", "2026-03-04"),
        ("Published 3 November 2026 at 06:02 GMT", "2026-11-03"),
        # a date that may be day or month first is no date, but no text either (a printed page's line)
        ("11/09/2015 06:04 pm ET | Updated Nov 09, 2015", "2015-11-09"),
        ("11/09/2015 06:04 pm ET", None),
        # a byline naming a role, not a person: no author, and no part of the article
        ("By Staff Writer, November 9, 2015", "2015-11-09"),
        ("By Staff Reporter", None),
    ],
)
def test_date_lines_near_the_top_give_the_published_date(line, iso):
    found = read_text_metadata(f"Grid outage hits Port Halden\n\n{line}\n\n{BODY}", None)
    assert found.published == iso
    assert found.body == BODY  # the pure date line left the body
    assert found.author is None


@pytest.mark.parametrize(
    ("line", "outlet", "iso"),
    [
        ("By Halden Courier staff, 13 July 2016", "Halden Courier", "2016-07-13"),
        ("By the Halden Courier Editorial Staff", "Halden Courier", None),
    ],
)
def test_a_byline_naming_a_team_gives_its_outlet_and_leaves_the_body(line, outlet, iso):
    """'By Washington Post staff, 13 July 2016' under a Markdown headline stayed in the text
    and became a claim."""
    found = read_text_metadata(f"Grid outage hits Port Halden\n\n{line}\n\n{BODY}", None)
    assert (found.author, found.outlet, found.published, found.body) == (None, outlet, iso, BODY)


def test_a_markdown_byline_in_italics_naming_a_team_leaves_the_body(tmp_path):
    path = tmp_path / "story.md"
    path.write_text(f"# Grid outage hits Port Halden\n\n*By Meridian Wire staff, 13 July 2016*\n\n{BODY}\n")
    document = read_document(path)
    assert (document.outlet, document.published, document.text) == ("Meridian Wire", "2016-07-13", BODY)


def test_published_label_beats_updated_label():
    text = f"Updated 6 March 2026\n\nPublished 5 March 2026\n\n{BODY}"
    assert read_text_metadata(text, "Headline").published == "2026-03-05"


@pytest.mark.parametrize(
    "line",
    [
        "Updated 6 March 2026, 10:15 IST | First published 5 March 2026",
        "Published: 5 March 2026 — last updated: 6 March 2026",
    ],
)
def test_published_beats_updated_on_the_same_line(line):
    found = read_text_metadata(f"{line}\n\n{BODY}", "Headline")
    assert (found.published, found.body) == ("2026-03-05", BODY)


def test_an_updated_date_is_used_only_when_nothing_better_is_found():
    updated = "Last updated: 6 March 2026, 21:40 IST"
    assert read_text_metadata(f"{updated}\n\n{BODY}", "Headline").published == "2026-03-06"
    text = f"{updated}\n\nPORT HALDEN, March 3 (Meridian Wire) - The mayor spoke."
    assert read_text_metadata(text, "Headline").published == "2026-03-03"


@pytest.mark.parametrize(
    "text",
    [
        f"{BODY}\n\n© 2019 Halden Courier",
        f"{BODY}\n\nThe plant has run since 2019 without a failure.",
        f"{BODY}\n\n{BODY}\n\n{BODY}\n\nThe report dated 5 March 2026 said so.",
        f"{BODY} The first outage was on 1 March 2024, officials said.",
        f"{BODY}\n\nOn 4 March 2026 the minister resigned, officials said.",
    ],
    ids=["copyright", "bare-year", "deep-in-body", "inside-first-paragraph", "after-prose"],
)
def test_dates_in_the_body_are_never_publication_dates(text):
    assert read_text_metadata(text, None).published is None


DATELINE = "PORT HALDEN, Veldra, March 3 (Meridian Wire) - The mayor said the plant had failed."


def test_dateline_gives_outlet_and_is_stripped_when_the_sentence_survives():
    found = read_text_metadata(f"Headline here\n\n{DATELINE}", None)
    assert found.outlet == "Meridian Wire"
    assert found.body == "The mayor said the plant had failed."
    assert found.published is None  # March 3 of which year? nobody says


@pytest.mark.parametrize("credit", ["CNN", "Reuters"])
def test_a_credit_alone_in_brackets_is_a_dateline_naming_the_outlet(credit):
    body = "The harbour authority approved the terminal on Tuesday, officials said."
    text = f"Ferry terminal approved\n\n({credit}) -- {body}"
    found = read_text_metadata(text, None)
    assert found.outlet == credit
    assert found.body == body


@pytest.mark.parametrize("opening", ["(Nov. 26, 2014) - The mayor spoke.", "(AP Photo) - The mayor at the plant."])
def test_a_date_or_a_picture_credit_in_brackets_is_no_dateline(opening):
    found = read_text_metadata(f"{opening}\n\n{BODY}", None)
    assert found.outlet is None and found.body.startswith(opening)


@pytest.mark.parametrize("dateline", ["NORTH HALDEN, Veldra -", "PORT HALDEN, Veldra, March 3 (Meridian Wire) —"])
def test_a_dateline_alone_over_its_lead_is_no_title(dateline):
    body = "The harbour authority approved the terminal on Tuesday, officials said."
    found = read_text_metadata(f"{dateline}\n\n{body}\n\n{BODY}", None)
    assert found.title is None
    assert found.body == f"{body}\n\n{BODY}"


def test_a_headline_in_capitals_ending_with_a_dash_is_no_dateline():
    found = read_text_metadata(f"HARBOUR TERMINAL APPROVED —\n\n{BODY}", None)
    assert found.title == "HARBOUR TERMINAL APPROVED —"


def test_dateline_stays_when_removing_it_would_behead_the_sentence():
    text = "PORT HALDEN, Veldra, March 3 (Meridian Wire) - where the plant failed, residents queued."
    found = read_text_metadata(f"Headline here\n\n{text}", None)
    assert found.body == text
    assert found.outlet == "Meridian Wire"


def test_dateline_borrows_the_year_of_another_full_date():
    text = f"Headline here\n\n{DATELINE}\n\n{BODY}\n\nThe inquiry reports on 30 June 2026."
    assert read_text_metadata(text, None).published == "2026-03-03"


@pytest.mark.parametrize(
    "dateline, outlet",
    [
        ("LONDON (Reuters) - The", "Reuters"),
        ("PORT HALDEN, March 3 (AP) - The", "AP"),
        ("NEW YORK, 3 March 2026 (Meridian Wire) -- The", "Meridian Wire"),
    ],
)
def test_wire_credits_after_datelines_are_outlets(dateline, outlet):
    assert read_text_metadata(f"Headline\n\n{dateline} mayor spoke.", None).outlet == outlet


@pytest.mark.parametrize(
    "dateline, published",
    [
        ("BẮC NINH, Vietnam, 21 April 2026 - The plant", "2026-04-21"),
        ("İZMIR, Türkiye (Anadolu Wire) — The plant", None),
        ("ŁÓDŹ, 3 March 2026: The plant", "2026-03-03"),
        ("ΑΘΗΝΑ, Ελλάδα – The plant", None),
    ],
)
def test_datelines_with_non_ascii_capitals_are_datelines(dateline, published):
    found = read_text_metadata(f"Headline\n\n{dateline} opened.", None)
    assert (found.body, found.published) == ("The plant opened.", published)


def test_full_date_in_dateline_is_published():
    found = read_text_metadata("Headline\n\nNEW YORK, 3 March 2026 (Meridian Wire) - The mayor spoke.", None)
    assert found.published == "2026-03-03"


def test_headline_byline_and_body_are_separated():
    text = f"Grid outage hits Port Halden\n\nBy Jane Doe, Halden Courier\n\n{BODY}"
    found = read_text_metadata(text, None)
    assert found.title == "Grid outage hits Port Halden"
    assert (found.author, found.outlet) == ("Jane Doe", "Halden Courier")
    assert found.body == BODY


@pytest.mark.parametrize("prefix", ["Interview by", "Words by", "Story by", "Text by", "Report by"])
def test_bylines_with_other_openings_leave_the_body(prefix):
    found = read_text_metadata(f"Grid outage hits Port Halden\n\n{prefix} Tomás Ferreira\n\n{BODY}", None)
    assert (found.author, found.body) == ("Tomás Ferreira", BODY)


def test_known_title_repeated_in_text_is_removed():
    found = read_text_metadata(f"Grid Outage Hits Port Halden!\n\n{BODY}", "Grid outage hits Port Halden")
    assert found.body == BODY and found.title is None


@pytest.mark.parametrize(
    "first",
    [BODY, "The mayor spoke.", "PORT HALDEN, Veldra (Meridian Wire) - The mayor spoke.", "March 4, 2026"],
)
def test_no_headline_is_invented(first):
    assert read_text_metadata(f"{first}\n\n{BODY}", None).title is None


@pytest.mark.parametrize(
    "first",
    [
        "Stealth Over Health: Hillary Clinton Was Headed to ER But Diverted to Avoid Bad Optics.",
        "Washington Post Hit Piece Exploits Trump Supporter Who Was in a Hospital for Mental Issues.",
        "Grid Outage Hits Port Halden as U.S. Aid Arrives.",
        "Outage Hits Port Halden. Mayor Marta Okafor Resigns Over Failures.",
        "Once Again, The Water Board 'Scandal' Is A Giant Hoax. Repeat: A Hoax.",
    ],
)
def test_a_title_case_headline_ending_with_a_period_is_the_headline(first):
    found = read_text_metadata(f"{first}\n\n{BODY}", None)
    assert found.title == first and found.body == BODY


@pytest.mark.parametrize(
    "first",
    [
        "Port Halden Water Board chair Marta Okafor resigned on Friday.",  # a lead full of names
        "The mayor of Port Halden said the Water Board would meet.",
        "Outage Hits Port. Mayor Resigns. Board Meets. Council Votes On Water Rates.",  # a paragraph
        "Port Halden Mayor Marta Okafor Warns Of...",
        # a period inside the closing quotation mark ends a sentence as well
        'A recent report from the Courier stated that the mayor had been "forced out of office by the board."',
        "Mayor Marta Okafor told the Water Board on Friday night that it had been 'asleep at the wheel.'",
    ],
)
def test_a_sentence_ending_with_a_period_is_no_headline_unless_in_title_case(first):
    assert read_text_metadata(f"{first}\n\n{BODY}", None).title is None


@pytest.mark.parametrize(
    "first",
    [
        "Okafor looks to ease bad blood with the Water Board.",
        "Water Board chief says Okafor can win.",
        "5 things to watch in the Port Halden debate.",
        "With 'emergency powers,' mayor escalates the water row.",
        "Councillor slams board, praises mayor as 'work horse, not show horse.'",
        "Okafor: My water plans aren't set in stone.",  # a name, then their words
        "Calif. may raise the water rate by 2027.",  # an abbreviation ends no sentence
        "5 things to watch in tonight's Port Halden debate.",  # a possessive day is no lead's date
        "Okafor campaign buys ad time for 4 Super Tuesday states.",
        # two short sentences (PolNeAR's "Virginian could make history. Again.")
        "Councillor could make history. Again.",
        "The real Okafor showed up at debate. Board must live with it.",
    ],
)
def test_a_short_sentence_case_headline_ending_with_a_period_is_the_headline(first):
    found = read_text_metadata(f"{first}\n\n{BODY}", None)
    assert found.title == first and found.body == BODY


@pytest.mark.parametrize(
    "first",
    [
        "It won't be easy to fix the water plant.",  # a lead opens with a pronoun or an adverb
        "Maybe the old rules of politics still apply.",
        "Marta Okafor had a rough day on Monday.",  # a day, a reporting verb: a lead's
        "Okafor told the board it had failed the city.",
        "Mr. Okafor, I have a deal for you.",  # the writer speaking
        "Port Halden mayor Marta Okafor faces a new inquiry into the failed plant now.",  # too long
        "The plant failed. Repairs began. Water returned.",  # three sentences: a paragraph
    ],
)
def test_a_lead_is_no_sentence_case_headline(first):
    assert read_text_metadata(f"{first}\n\n{BODY}", None).title is None


def test_a_headline_ending_on_a_quoted_phrase_may_run_longer():
    first = "Port Halden councillor slams the board, praises the mayor as 'work horse, not show horse.'"
    body = f"{BODY} The board met again on Wednesday."
    assert read_text_metadata(f"{first}\n\n{body}", None).title == first


@pytest.mark.parametrize(
    "first",
    [
        "Okafor: the board needs to 'get away from all of this blame stuff' over the plant.",
        "Councillors pointing fingers at the 'poison pill' in the water bill for the failed plant.",
    ],
)
def test_a_headline_quoting_words_inside_may_run_longer(first):
    body = f"{BODY} The board met again on Wednesday."
    assert read_text_metadata(f"{first}\n\n{body}", None).title == first


def test_a_long_lead_quoting_a_title_is_no_headline():
    first = "The Port Halden Courier chose mayor Marta Okafor as its “Person of the Year” for 2025."
    body = f"{BODY} The board met again on Wednesday."
    assert read_text_metadata(f"{first}\n\n{body}", None).title is None


def test_a_longer_sentence_case_headline_stands_over_a_dateline_lead():
    first = "As Marta Okafor turns 70, a look at where she fits into the Port Halden water board."
    lead = "PORT HALDEN, Aug. 19 (UPI) — Former mayor Marta Okafor celebrated her 70th birthday on Friday, "
    body = f"{lead}the start of a year in which she may chair the water board.\n\n{BODY}"
    assert read_text_metadata(f"{first}\n\n{body}", None).title == first
    assert read_text_metadata(f"{first}\n\n{BODY}", None).title is None  # no dateline: too long for one


@pytest.mark.parametrize(
    "headline", ["Sources say the mayor will quit", "Source: Water Board Wants Mayor Marta Okafor Fired"]
)
def test_a_headline_that_opens_with_sources_is_no_credit_line(headline):
    assert read_text_metadata(f"{headline}\n\n{BODY}", None).title == headline


def test_a_sentence_case_headline_needs_a_longer_paragraph_after_it():
    text = "Grid outage hits Port Halden.\n\nThe plant failed again.\n\nCrews are out."
    assert read_text_metadata(text, None).title is None


def test_a_headline_line_ending_with_a_semicolon_leaves_its_standfirst_in_the_body():
    standfirst = "Diligent effort to court voters puts the mayor at the top of the field."
    found = read_text_metadata(f"Evangelical voters flock to Okafor;\n{standfirst}\n\n{BODY}", None)
    assert found.title == "Evangelical voters flock to Okafor"
    assert found.body == f"{standfirst}\n\n{BODY}"


@pytest.mark.parametrize(
    ("first", "title"),
    [
        # the standfirst in a paragraph of its own
        (
            "Trump turns attacks on another Clinton;\n\nOnetime friend Bill now fair game.",
            "Trump turns attacks on another Clinton",
        ),
        # a section label under it, a headline sentence with a period
        ("Syrians find a home in Clarkston, Ga.; \nThe Upshot.", "Syrians find a home in Clarkston, Ga."),
        # a standfirst opening with a quotation mark or a figure
        ("Clinton, surprise populist;\n'Stay or pay' could make companies think twice.", "Clinton, surprise populist"),
        ("Auction of gun quashed again;\n2nd website refuses the sale.", "Auction of gun quashed again"),
    ],
)
def test_an_archive_headline_ending_with_a_semicolon_is_the_headline(first, title):
    assert read_text_metadata(f"{first}\n\n{BODY}", None).title == title


def test_two_lines_that_are_no_headline_stay_as_written():
    first = "The mayor said on Tuesday that the plant failed again and again and again;\nthe board met."
    found = read_text_metadata(f"{first}\n\n{BODY}", None)
    assert found.title is None and found.body == f"{first}\n\n{BODY}"


def test_single_paragraph_has_no_headline():
    assert read_text_metadata("Short note", None).title is None


@pytest.mark.parametrize(
    "value, iso",
    [
        ("2026-03-04T09:30:00Z", "2026-03-04"),
        ("D:20260304100000+01'00'", "2026-03-04"),
        (date(2026, 3, 4), "2026-03-04"),
        ("4 March 2026", "2026-03-04"),
        ("1899-12-31", None),
        (f"{NEXT_YEAR + 1}-01-01", None),
        ("2026-02-30", None),
        ("D:2026", None),
        ("yesterday", None),
        (None, None),
    ],
)
def test_format_dates_are_validated(value, iso):
    assert parse_date_value(value) == iso


def test_numeric_day_month_dates_are_ambiguous_and_ignored():
    assert find_full_dates("04/03/2026") == []


@pytest.mark.parametrize(
    ("title", "outlet", "expected"),
    [
        ("Startup raises $20M for warehouse robots – TechCrunch", None, "Startup raises $20M for warehouse robots"),
        ("LinkNaija | President signs the new budget into law", None, "President signs the new budget into law"),
        ("Harbour plan approved - Halden Courier", "Halden Courier", "Harbour plan approved"),
        ("Ferry terminal approved – what comes next", None, "Ferry terminal approved – what comes next"),
        ("Oil: prices fall again after the cartel meets", None, "Oil: prices fall again after the cartel meets"),
        ("商品の改造が商標法違反に！？ - ライトハウス特許", "ライトハウス特許", "商品の改造が商標法違反に！？"),
        ("速報 - 中央日報", "中央日報", "速報 - 中央日報"),  # two characters are no headline
    ],
)
def test_a_site_name_beside_the_title_goes(title, outlet, expected):
    assert strip_site_affix(title, outlet) == expected


@pytest.mark.parametrize(
    "line",
    ["BETA", "Home", "Subscribe", "Skip to Article", "X", "Menu", "Source: Halden Courier", "Via: Meridian Wire"],
)
def test_a_banner_navigation_word_or_credit_is_never_the_headline(line):
    found = read_text_metadata(f"{line}\n\nThe harbour authority approved the terminal on Tuesday.", None)
    assert found.title is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Admin", None),
        ("Mira Okafor is a reporter for the Halden Courier", "Mira Okafor"),
        ("The Interior; Defence ministries", None),
        ("Mira Okafor; Tomas Lind", "Mira Okafor and Tomas Lind"),
        (
            "MIRA OKAFOR; TOMAS J. LIND; ANN VAN DER BERG Halden Press",
            "Mira Okafor, Tomas J. Lind and Ann Van Der Berg",
        ),
        ("Mira Okafor; Halden Courier", "Mira Okafor"),
        ("MIRA OKAFOR", "Mira Okafor"),
        ("Halden Courier Bureau", None),
        ("Hcadmin", None),
        ("Copyright 2014", None),
        ("Mira Okafor", "Mira Okafor"),
        ("Mira Okafor is a staff writer for the Halden Courier", "Mira Okafor"),
        ("Mira Okafor@mokafor", "Mira Okafor"),
        ("Courtesy Halden Harbour", None),
        ("Sponsored Advert", None),
        ("Life Video", None),
        ("Halden Courier Editorial", None),
        ("Halden Courier Staff", None),
        # a program's value where the name belongs: a working paper's PDF said "ARRAY(0x2c7cf020)"
        ("ARRAY(0x2c7cf020)", None),
        ("[object Object]", None),
        ("undefined", None),
        ("${author.name}", None),
    ],
)
def test_an_author_is_people_not_a_role_a_sentence_or_a_list_of_things(value, expected):
    assert tidy_author(value) == expected


@pytest.mark.parametrize(
    ("author", "outlet", "expected"),
    [
        ("Halden News", "Halden News", None),
        ("HNB Halden", "HNB Halden", None),
        ("HNB", "HNB International", None),
        ("Halden Courier Weekly", "Halden Courier", None),
        ("Haldenhub", "Haldenhub", None),
        ("Mira Okafor", "Mira Okafor", "Mira Okafor"),  # a blog named after its writer
        ("Meridian Wire", "Halden Courier", "Meridian Wire"),  # a wire credit on another outlet
        ("Mira Okafor", "Halden Courier", "Mira Okafor"),
    ],
)
def test_an_author_that_repeats_the_outlet_is_no_author(author, outlet, expected):
    assert tidy_author(author, outlet) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Copyright 2014", None),
        ("Hosted", None),
        ("© Halden Courier 2026", None),
        ("Halden Courier", "Halden Courier"),
        ("https://www.haldencourier.example/", "haldencourier.example"),
        ("www.abc.net.au", "abc.net.au"),
        ("Smithsonian.com", "Smithsonian.com"),
        ("U.S. News", "U.S. News"),
        ("Haldenhub | Veldra's popular news platform", "Haldenhub"),
        ("Remember 80/90 - Memorabilia anni 80/90", "Remember 80/90"),
        ("Halden Courier - international", "Halden Courier"),
        ("Times of Halden | Port Halden", "Times of Halden | Port Halden"),
        ("NBC 5 Dallas-Fort Worth", "NBC 5 Dallas-Fort Worth"),
    ],
)
def test_an_outlet_is_a_publication_not_a_copyright_line_or_a_generic_word(value, expected):
    assert tidy_outlet(value) == expected


def test_a_page_s_own_fields_lose_site_names_placeholders_and_copyright_lines(tmp_path):
    from briefing.ingest import read_document

    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Council approves the new harbour budget – Harbour Gazette</title>"
        '<meta name="author" content="Admin"><meta property="og:site_name" content="Harbour Gazette">'
        "</head><body><article><h1>Council approves the new harbour budget – Harbour Gazette</h1>"
        + "<p>The council approved the harbour budget on Tuesday after a long debate in the chamber.</p>" * 5
        + "</article></body></html>",
        encoding="utf-8",
    )
    document = read_document(page)
    assert document.title == "Council approves the new harbour budget"
    assert document.outlet == "Harbour Gazette" and document.author is None


SITE = "Haldenhub | Veldra's news platform"


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        (f"{SITE}: Ferry fares rise in spring", SITE, "Ferry fares rise in spring"),
        (
            "Ferry fares rise in spring - Haldenhub - Notizie di Veldra",
            "Haldenhub - Notizie di Veldra",
            "Ferry fares rise in spring",
        ),
        ("Ferry fares rise in spring", SITE, "Ferry fares rise in spring"),
    ],
)
def test_a_site_name_with_its_tagline_goes_whole_from_the_title(title, site, expected):
    assert strip_site_affix(title, "Haldenhub", site) == expected


@pytest.mark.parametrize(
    ("outlet", "author", "expected"),
    [
        ("Expert advice for harbour pilots", "Halden Pilot Editorial Staff", "Halden Pilot"),
        (None, "Halden Courier Bureau", "Halden Courier"),
        ("Harbour Gazette", "Halden Courier Staff", "Harbour Gazette"),  # a page's own name stays
        ("Kabar tentang Dunia Halden", None, "Kabar tentang Dunia Halden"),
        (None, "Political Staff", None),
        (None, "Mira Okafor", None),
    ],
)
def test_a_team_credit_names_the_outlet_when_the_page_gives_only_a_tagline(outlet, author, expected):
    assert outlet_or_credit(outlet, author) == expected


def test_a_page_by_its_own_outlet_has_no_author_and_no_tagline_in_its_title(tmp_path):
    from briefing.ingest import read_document

    site = "Haldenhub | Veldra&#39;s popular news platform"
    page = tmp_path / "page.html"
    page.write_text(
        f"<html><head><title>{site}: Council approves the new harbour budget</title>"
        f'<meta property="og:site_name" content="{site}"><meta name="author" content="Haldenhub">'
        f'<meta property="og:title" content="{site}: Council approves the new harbour budget">'
        "</head><body><article>"
        + "<p>The council approved the harbour budget on Tuesday after a long debate in the chamber.</p>" * 5
        + "</article></body></html>",
        encoding="utf-8",
    )
    document = read_document(page)
    assert (document.title, document.outlet, document.author) == (
        "Council approves the new harbour budget",
        "Haldenhub",
        None,
    )


def test_a_headline_read_from_a_text_file_keeps_a_dash_part(tmp_path):
    from briefing.ingest import read_document

    text = tmp_path / "post.txt"
    text.write_text(
        "Take Care - Harbour Council at the Spring Fair\n\n"
        + "The harbour council set out its plans for the spring fair on Tuesday in a long session. " * 4,
        encoding="utf-8",
    )
    assert read_document(text).title == "Take Care - Harbour Council at the Spring Fair"


def test_a_logo_set_as_an_h1_linking_home_is_not_the_title(tmp_path):
    from briefing.ingest import read_document

    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Council approves the new harbour budget - Haldenmedia</title></head><body>"
        '<div id="top"><a href="/"><h1>Halden Media</h1></a></div><article>'
        + "<p>The council approved the harbour budget on Tuesday after a long debate in the chamber.</p>" * 5
        + "</article></body></html>",
        encoding="utf-8",
    )
    document = read_document(page)
    assert document.title == "Council approves the new harbour budget"
    assert document.outlet == "Haldenmedia"  # the <title>'s site name, which the title was cut of


@pytest.mark.parametrize(
    ("name", "published"),
    [
        ("breitbart_2015-11-11_the-ninth-circle-the-hellish-vie.txt", "2015-11-11"),  # PolNeAR's archive
        ("2016.02.10 Reuters - turnout.txt", "2016-02-10"),
        ("IMG_20240105_scan.txt", None),  # a camera's or scanner's stamp, digits run together
        ("minutes 2016-02-10 to 2016-03-01.txt", None),  # two dates: which one?
        ("notes-2016-02-31.txt", None),  # no such day
        (f"plan-{date.today().year + 1}-12-31.txt", None),  # after tomorrow: a deadline's
    ],
)
def test_a_text_without_a_date_takes_the_one_in_its_file_name(tmp_path, name, published):
    """A text file saved by date ('breitbart_2015-11-11_…') had 'no date': the whole of an
    archive saved so sorted at the bottom of the list, out of the timeline."""
    from briefing.ingest import read_document

    path = tmp_path / name
    path.write_text("Turnout rises\n\nTurnout rose in the primary, officials said on Tuesday.\n")
    assert read_document(path).published == published


def test_the_texts_own_date_beats_the_file_names(tmp_path):
    from briefing.ingest import read_document

    path = tmp_path / "saved-2020-01-01.txt"
    path.write_text("Turnout rises\n\nFebruary 9, 2016\n\nTurnout rose in the primary, officials said on Tuesday.\n")
    assert read_document(path).published == "2016-02-09"


@pytest.mark.parametrize(
    ("name", "published"),
    [
        ("upi_2015-12-07_clinton-camp.txt", "2015-12-08"),  # saved a day off: the dateline's day in that year
        ("upi_2015-12-12_clinton-camp.txt", "2015-12-08"),  # four days after
        ("upi_2016-03-01_clinton-camp.txt", None),  # months off: the day the file was made
    ],
)
def test_a_dateline_without_a_year_takes_it_from_a_file_name_near_it(tmp_path, name, published):
    """'WASHINGTON, Dec. 8 (UPI)' in a file named 2015-12-07 had no date at all: the two
    disagreed on the day, so neither was used."""
    from briefing.ingest import read_document

    path = tmp_path / name
    path.write_text(
        "Clinton camp: Trump's remarks threaten security\n\nWASHINGTON, Dec. 8 (UPI) — In response to the "
        "proposal, the campaign's vice chair rallied supporters on Monday evening.\n"
    )
    assert read_document(path).published == published


def test_a_dateline_near_a_file_date_across_the_new_year():
    from briefing.ingest.reader import dateline_near

    assert dateline_near("12-31", "2016-01-02") == "2015-12-31"
    assert dateline_near("01-02", "2015-12-31") == "2016-01-02"
    assert dateline_near("02-29", "2016-03-02") == "2016-02-29" and dateline_near("02-29", "2015-03-02") is None
