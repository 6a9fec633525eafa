"""Types the page layout decides: datelines, US state abbreviations and results tables.

A wire story opens with a dateline, the place it was filed from, in capitals: "LONDON -",
"ROME (Reuters) -", "BONN 1996-08-22". The small model reads those capitals as an
organisation, or not at all, and the rule that makes short all-capital names acronyms
would do the same; a dateline is a place.

A line of results or standings ("Cincinnati 3 Pittsburgh 5", "CHICAGO 69 59 .539") names
clubs by their city: a place there, followed by its score, is a team, an organisation.
A country stays a place (a national side is named as its country).

A US state written as news abbreviates it ("Raleigh, N.C.", "Tampa, Fla.") is a place,
though its short capitals look like an organisation's acronym.
"""

from __future__ import annotations

import re

from briefing.domain import normalise_name
from briefing.nlp.lexicon import COUNTRIES, STATE_ABBREVIATIONS, STATE_INITIALS
from briefing.nlp.mention import Mention
from briefing.nlp.parse import ParsedText

# One to three words in capitals at a paragraph's start, an optional ", REGION", then a date,
# an outlet in brackets, or a dash and a sentence ("CRICKET - ENGLAND WIN" is a headline and
# "CHICAGO 69 59 .539" a table row, not datelines).
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ ]+\d"
DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){0,2})(?:,[ ]+[A-Z][\w.]+(?:[ ][A-Z][\w.]+)?)?"
    rf"(?:[ ]+\d{{4}}-\d\d-\d\d|,?[ ]+{_MONTH}|[ ]+\(\s*[A-Z]|[ ]*[-–—][ ]+(?:\S+[ ]+){{0,3}}[a-z])"
)


def with_layout_types(mentions: list[Mention], parsed: ParsedText) -> list[Mention]:
    """The mentions with the types of datelines and results lines, less section labels and the
    first word of a day's name."""
    mentions = with_teams(with_datelines(without_labels(mentions, parsed), parsed), parsed)
    return with_chambers(with_states(without_day_names(mentions, parsed.text), parsed.text))


# a legislature's chamber named alone: a body, though 'served in the House' reads as a place
CHAMBER_NAMES = frozenset("House Senate Congress Parliament".split())


def with_chambers(mentions: list[Mention]) -> list[Mention]:
    """A chamber named alone ('in the House', 'in Congress') is an organisation: the model made it a place
    in a quarter of its mentions, and an entity of each type."""
    for mention in mentions:
        if mention.text in CHAMBER_NAMES and mention.type == "place":
            mention.type = "organisation"
    return mentions


# the first words of days' names: "Super Tuesday", "Black Friday", "Easter Sunday" ("Texas
# Tuesday" in "won Texas Tuesday" is a place and a day)
DAY_NAME_WORDS = frozenset("super black cyber easter bloody giving ash good holy fat palm shrove maundy boxing".split())
_WEEKDAY_AFTER = re.compile(r" (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


# a clock's zone, which the model calls an organisation ("Eastern Standard Time")
TIME_ZONE = re.compile(
    r"(?:(?:Eastern|Central|Mountain|Pacific|Atlantic|Alaska|Hawaii)(?: Standard| Daylight)?|Greenwich Mean"
    r"|Coordinated Universal|British Summer|Central European(?: Summer)?) Time"
)


# a time of day, with its zone ("3:02pm PST" of a social post's line, "10 a.m. ET")
CLOCK = re.compile(r"\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]m|[ap]\.m\.?)(?:\s+(?-i:[A-Z]{1,4}T))?", re.IGNORECASE)


# a disease or its virus, which the model reads as a place or a body ('Ebola' was a place of 12
# mentions in a story on the outbreak), with what news puts after it ('Ebola Scare')
DISEASE = re.compile(
    r"(?i)(?:ebola|zika|hiv|aids|sars|mers|covid(?:-19)?|sars-cov-2|h1n1|h5n1|h7n9|mpox|monkeypox|"
    r"chikungunya|dengue|cholera|measles|polio|malaria|anthrax)"
    r"(?:[ -](?:virus|outbreak|scare|crisis|epidemic|pandemic|vaccine|fever|patient|case|cases))?"
)


# a faith, which the model reads as a place ('Islam'); its believers are a group (``lexicon.PEOPLES``)
RELIGIONS = frozenset("islam christianity judaism hinduism buddhism sikhism catholicism protestantism".split())


def without_day_names(mentions: list[Mention], text: str) -> list[Mention]:
    """Less the first word of a day's name the model took for a name ('Super' of 'Super Tuesday'
    was a place in 40 mentions of a campaign's coverage), a time zone ('Eastern Standard
    Time'), a time of day ('3:02pm PST', an organisation to the model), a disease ('Ebola', a
    place to it) and a faith ('Islam'): no person, organisation or place."""
    return [
        m
        for m in mentions
        if not (m.text.lower() in DAY_NAME_WORDS and _WEEKDAY_AFTER.match(text, m.end))
        and not _time_zone(m, text)
        and not DISEASE.fullmatch(m.text)
        and not (m.text.lower() in RELIGIONS and not m.role and m.weight < 3)  # "Mr. Islam" stays
    ]


def _time_zone(mention: Mention, text: str) -> bool:
    """The mention is a time zone's name, or all of it but the 'Time' the model left out."""
    whole = mention.text + (" Time" if text.startswith(" Time", mention.end) else "")
    return bool(TIME_ZONE.fullmatch(mention.text) or TIME_ZONE.fullmatch(whole) or CLOCK.fullmatch(mention.text))


# A place and a comma before a state's abbreviation: 'Raleigh, N.C.', 'Kansas City, Mo.'
_PLACE_COMMA = re.compile(r"[A-Z][\w.'’-]*,[ ]*$")


def with_states(mentions: list[Mention], text: str) -> list[Mention]:
    """A US state's abbreviation is a place: one with a period inside ('N.C.', 'W.Va.')
    wherever it stands, the others ('Fla.', 'Miss.') after a place and a comma."""
    for mention in mentions:
        form = mention.text if mention.text.endswith(".") else mention.text + "."
        if form not in STATE_ABBREVIATIONS:
            continue
        if form in STATE_INITIALS or _PLACE_COMMA.search(text, max(0, mention.start - 40), mention.start):
            mention.type, mention.weight = "place", 3
    return mentions


# A word that labels what follows: a section before a headline in capitals ("SOCCER - KEANE
# SIGNS FOR UNITED"), a field before its figure ("Attendance : 8,000").
LABEL = re.compile(r"(?P<label>[A-Z][A-Za-z]+)(?:[ ]+[-–—][ ]+(?=[^a-z]+$)|[ ]*:[ ]*\d)")


def without_labels(mentions: list[Mention], parsed: ParsedText) -> list[Mention]:
    """The mentions less the one word labelling a paragraph (a country stays: 'ENGLAND - ...')."""
    labels = set()
    for para in parsed.paragraphs:
        match = LABEL.match(para.text)
        if match and normalise_name(match["label"]) not in COUNTRY_KEYS:
            labels.add((para.start, para.start + match.end("label")))
    return [m for m in mentions if (m.start, m.end) not in labels]


# the agency in brackets after a dateline, before the dash: "ROME (Reuters) -", "NEW YORK, Nov. 19 (UPI) —"
DATELINE_AGENCY = re.compile(r"[^()\n]{0,40}?\(\s*(?P<agency>[A-Z][\w.&'’ -]{1,40}?)\s*\)\s*[-–—:]")


def with_datelines(mentions: list[Mention], parsed: ParsedText) -> list[Mention]:
    """Each paragraph's dateline is a place, whatever the model said it was (with the role
    DATELINE_ROLE, which with_teams keeps only where a team has the same name), and the
    agency in brackets after it an organisation (the model made UPI a group)."""
    for para in parsed.paragraphs:
        match = DATELINE.match(para.text)
        if match is None or len(match["place"]) < 3:
            continue
        found: list[tuple[int, int, str, str | None]] = [
            (match.start("place"), match.end("place"), "place", DATELINE_ROLE)
        ]
        agency = DATELINE_AGENCY.match(para.text, match.end("place"))
        if agency is not None:
            found.append((agency.start("agency"), agency.end("agency"), "organisation", None))
        for start, end, kind, role in found:
            start, end = para.start + start, para.start + end
            mentions = [m for m in mentions if not (m.start < end and start < m.end)]
            mentions.append(Mention(start, end, parsed.text[start:end], kind, 3, role))
    return sorted(mentions, key=lambda m: m.start)


# A line of standings ("CHICAGO 69 59 .539 7 1/2") or of results ("Texas 10 CLEVELAND 8
# ( in 10 )", "Palmeiras 3 Vasco da Gama 1"): names, each followed by figures.
_TEAM = r"[A-Z][\w.'’&-]*(?:[ ](?:[A-Z][\w.'’&-]*|da|de|del|di|van|von|of)){0,4}"
STANDINGS_LINE = re.compile(rf"(?P<a>{_TEAM})(?:[ ]+[\d./-]+)+")
RESULTS_LINE = re.compile(rf"(?P<a>{_TEAM})[ ]+\d+[ ]+(?P<b>{_TEAM})[ ]+\d+(?:[ ]*\(.*\))?")
TABLE_FIGURES = 6  # a golfer's line has five ('Ernie Els 68 70 72 70 280')
_NOT_TEAMS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday".split()
)


# 'in Charlotte', 'In Charlotte,' opening a sentence: the words that put a name in a place
IN_PLACE_BEFORE = re.compile(r"\b(?:[Ii]n|[Nn]ear|[Aa]cross)\s+$")


def placed_by_context(mention: Mention, text: str, before: re.Pattern[str]) -> bool:
    """A place the layout (weight 2 or more) or the words ``before`` it say is one ('in
    Charlotte', a dateline), not only the model."""
    if mention.type != "place":
        return False
    return mention.weight >= 2 or before.search(text[max(0, mention.start - 8) : mention.start]) is not None


DATELINE_ROLE = "dateline"  # a dateline's city is not the club of the same name in a table
COUNTRY_KEYS = frozenset(normalise_name(name) for name in COUNTRIES)  # countries' names as entity keys


def with_teams(mentions: list[Mention], parsed: ParsedText) -> list[Mention]:
    """Each name in a line of results is a team, and so is each in a line of standings but
    a person's; never a country (a national side is named as its country).
    A dateline that names a team's city keeps the role DATELINE_ROLE, so that it is linked
    apart from the team: 'NEW YORK 1996-08-22' over 'NEW YORK 72 53 .576'."""
    teams = set()
    for start, end, scored in team_spans(parsed):
        key = normalise_name(parsed.text[start:end])
        if key in COUNTRY_KEYS:
            continue
        found = [m for m in mentions if m.start < end and start < m.end]
        if not scored and any(m.type != "place" for m in found):
            continue  # 'Ernie Els 68 70 72 70 280': a player's line; only a city is a club there
        if found or scored or parsed.text[start:end].isupper():
            mentions = [m for m in mentions if m not in found]
            mentions.append(Mention(start, end, parsed.text[start:end], "organisation", 3))
            teams.add(key)
    for mention in mentions:
        if mention.role == DATELINE_ROLE and normalise_name(mention.text) not in teams:
            mention.role = None
    return sorted(mentions, key=lambda m: m.start)


def team_spans(parsed: ParsedText) -> list[tuple[int, int, bool]]:
    """(start, end, whether a result) of each name in the text's lines of results ('Hansa
    Rostock 0 Hamburg 1': two sides, each with its score) or standings."""
    spans = []
    for para in parsed.paragraphs:
        if DATELINE.match(para.text):
            continue
        match = RESULTS_LINE.fullmatch(para.text) or STANDINGS_LINE.fullmatch(para.text)
        if match is None:
            continue
        # a result, or a league table's row (played, won, drawn, lost, for, against, points)
        scored = match.re is RESULTS_LINE or len(para.text[match.end("a") :].split()) >= TABLE_FIGURES
        for group in ("a", "b"):
            if match.groupdict().get(group) and match[group].lower() not in _NOT_TEAMS:
                spans.append((para.start + match.start(group), para.start + match.end(group), scored))
    return spans
