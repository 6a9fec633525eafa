"""Parse a byline line: "By Jane Doe", "By Jane Doe and John Roe", "By Jane Doe, Halden Courier".

Besides "By", a byline may open with "Written by", "Words by", "Story by", "Text by",
"Interview by" or "Report by" (or "von", "par", "por", "door").

A byline is accepted only when every name is name-shaped (capitalised words, initials, name
particles such as "van" or "de"), so a sentence that happens to start with "By the time..."
is never taken for one. Roles ("Political Editor") are dropped; a part that looks like a
publication ("Halden Courier", "for the Veldra Times") becomes the outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.ingest.dates import find_full_dates

BYLINE_START = re.compile(
    r"^(?:(?:written|words|story|text|interview|report)\s+)?by:?\s+(?=\S)|^(?:von|par|por|door)\s+(?=\S)",
    re.IGNORECASE,
)
PART_SEPARATORS = re.compile(r"\s+[|·•—–-]\s+|\s*\|\s*")
NAME_SEPARATORS = re.compile(r"\s+(?:and|&|und|et|y|e|en)\s+")
NAME_PARTICLES = frozenset("de da di del della der den van von la le du dos das bin ibn al el ter ten".split())
ROLE_WORDS = frozenset(
    """
    editor correspondent reporter writer staff contributor columnist analyst bureau chief senior
    special political economics foreign deputy news desk team contributing investigations
    phd md ms rdn rd mph mba rn
    """.split()
)
OUTLET_WORDS = frozenset(
    """
    courier times news post wire herald gazette journal tribune press agency daily review
    telegraph guardian observer chronicle express mail star sun standard monitor report radio
    tv television broadcasting network media magazine weekly bulletin dispatch record register
    inquirer independent economist insider today reuters bloomberg afp ap bbc cnn service online
    digital world mercury examiner sentinel globe ledger leader echo advertiser argus
    """.split()
)
MAX_BYLINE_WORDS = 16
NAME_JOINS = re.compile(r"\s*,\s*|\s+(?:and|&)\s+")
LINE_END = re.compile(r"[.!?…。！？:][\"'’”»)\]]*$")
# a line naming where a story came from ("Source: Bleeding Cool", "H/T: Meridian Wire")
# (a name of up to four words: "Source: Tom Brokaw Wants Brian Williams Fired" is a headline)
CREDIT_NAME = r"(?:[A-Z@\d][\w.&'’/@-]*|of|the|and|&|[\w-]+\.[a-z]{2,})"
CREDIT_LINE = re.compile(
    rf"(?i:sources?|credits?|courtesy|via|h/t|hat tip)\s*:\s*{CREDIT_NAME}(?:\s+{CREDIT_NAME}){{0,3}}"
)
# "Jane Doe writes for the Halden Courier", "Jane Doe is a senior reporter at Meridian Wire"
WRITER_LINE = re.compile(
    r"(?P<name>[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){1,4}?)\s+(?:writes\s+for|is\s+an?\s+(?:[\w-]+\s+){0,3}?"
    r"(?:writer|reporter|correspondent|editor|columnist|contributor|journalist)\s+(?:for|at|with))\s+"
    r"(?P<outlet>(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|of|on|and|the|&)){0,6})\.?"
)
NUMERIC_DATE = re.compile(r"^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\s+")
NUMERIC_DATE_INSIDE = re.compile(r"\s\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")
SEPARATOR_END = re.compile(r"\S\s*[|·•—–,-]\s*$")
# what may stand before a date opening a line, and the clock time after it
DATE_WORDS = re.compile(
    r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:published|posted|updated|on)\b|[|,·•—–:-]"
)
CLOCK = re.compile(r"^[\s,|·•—–-]*\d{1,2}[:.]\d{2}\s*(?i:[ap]\.?m\.?)?(?:\s*(?:[A-Z]{1,3}T|GMT|UTC)\b)?")
# the label a byline puts before its date: "Von Jane Doe publiziert am 30. Juli 2018"
DATE_LABEL_TAIL = re.compile(
    r"\s+(?:(?:first\s+)?(?:published|posted|updated|publiziert|veröffentlicht|aktualisiert|publié|publicado|"
    r"pubblicato)(?:\s+(?:on|am|le|el|il|em))?|(?-i:on|am))\s*:?$",
    re.IGNORECASE,
)


@dataclass
class Byline:
    author: str | None
    outlet: str | None
    published: str | None


def parse_byline(line: str) -> Byline | None:
    """The byline in ``line``, or None when the line is not a byline."""
    undated = without_leading_date(line)  # "11/19/2019 by Jane Doe"
    lead = find_full_dates(line[: len(line) - len(undated)])
    line = undated
    start = BYLINE_START.match(line)
    if not start and len(line.split()) <= MAX_BYLINE_WORDS:
        return _writer_line(line, lead)
    if not start or len(line.split()) > MAX_BYLINE_WORDS:
        return None
    rest = line[start.end() :]
    dates = find_full_dates(rest)
    for _, begin, end in reversed(dates):
        rest = rest[:begin] + " | " + rest[end:]
    parts = [p.strip(" ,;") for p in PART_SEPARATORS.split(rest)]
    parts[0] = DATE_LABEL_TAIL.sub("", parts[0])  # "Jane Doe published on | ..."
    people = split_names_and_outlet(parts[0])
    if "\n" in line or not people:
        return None
    outlet = people[1] or next((p for p in parts[1:] if is_outlet(p)), None)
    published = dates[0][0] if dates else lead[0][0] if lead else None
    return Byline(join_names(people[0]), outlet, published)


def _writer_line(line: str, lead: list) -> Byline | None:
    """A line telling who wrote the story and for whom: "Jane Doe writes for the Halden
    Courier", "Jane Doe is a staff writer at Meridian Wire"."""
    match = WRITER_LINE.fullmatch(line.strip())
    if match is None or not is_person_name(match["name"]):
        return None
    outlet = strip_article(match["outlet"])
    return Byline(tidy_name(match["name"]), outlet, lead[0][0] if lead else None)


def is_credit_line(line: str) -> bool:
    """A credit line: no headline, no claim, no byline either (it names no author)."""
    return CREDIT_LINE.fullmatch(line.strip()) is not None


def without_leading_date(line: str) -> str:
    """``line`` without the date it opens with: "November 20, 2019 Jane Doe" -> "Jane Doe",
    "Monday November 18, 2019 7:45 am PST by Jane Doe" -> "by Jane Doe"."""
    numeric = NUMERIC_DATE.match(line)
    if numeric:
        return line[numeric.end() :]
    dates = find_full_dates(line)
    if not dates or DATE_WORDS.sub("", line[: dates[0][1]]).strip():
        return line
    return CLOCK.sub("", line[dates[0][2] :], count=1).lstrip(" ,|·•—–-")


def without_trailing_date(line: str) -> str:
    """``line`` up to the date that follows a name: "Jane Doe - Nov 19, 2019, 8:15 pm" and
    "Jane Doe 19/11/2019 2 comments" -> "Jane Doe"; a date run into words stays."""
    starts = [start for _, start, _ in find_full_dates(line) if SEPARATOR_END.search(line[:start])]
    numeric = NUMERIC_DATE_INSIDE.search(line)
    starts += [numeric.start()] if numeric else []
    return line[: min(starts)].rstrip(" ,|·•—–-") if starts and min(starts) > 0 else line


def split_names_and_outlet(text: str) -> tuple[list[str], str | None] | None:
    """Names of the byline's people and the outlet it mentions; None when not name-shaped.

    "A, B and C" lists people; in "A, B" without "and" the part after the comma is an
    affiliation ("By Jane Doe, Halden Courier"), dropped when it is a role ("Political Editor").
    """
    text, outlet = split_for_outlet(text)
    text = re.sub(r"\s+in\s+[A-Z][\w .'’-]*$", "", text)  # "By Jane Doe in Port Halden"
    segments = [s.strip(" .") for s in text.split(",") if s.strip(" .")]
    if not segments or outlet == "":
        return None
    listed = len(segments) > 1 and NAME_SEPARATORS.search(segments[-1])
    people, extra = (segments, []) if listed else (segments[:1], segments[1:])
    names = names_in(people)
    # "By Friday, the people of ..." is a sentence, not a byline
    if not names or not all(is_role(s) or is_affiliation(s) for s in extra):
        return None
    affiliations = [s for s in extra if not is_role(s)]
    return names, outlet or (strip_article(affiliations[0]) if affiliations else None)


def names_in(segments: list[str]) -> list[str]:
    """The people named in byline segments; empty unless every name is name-shaped."""
    names = [tidy_name(n) for s in segments for n in NAME_SEPARATORS.split(s) if n and not is_role(n)]
    return names if all(map(is_person_name, names)) else []


def split_for_outlet(text: str) -> tuple[str, str | None]:
    """("Jane Doe", "Veldra Times") from "Jane Doe for the Veldra Times"; "" when "for" is prose."""
    match = re.search(r"\s+for\s+(?:the\s+)?(.+)$", text)
    if not match:
        return text, None
    if not is_affiliation(match.group(1)):
        return text, ""
    return text[: match.start()], strip_article(match.group(1))


def is_affiliation(text: str) -> bool:
    words = text.split()
    small = ("of", "the", "and", "for")
    return 1 <= len(words) <= 6 and all(w[:1].isupper() or w.lower() in small for w in words)


def is_person_name(text: str) -> bool:
    words = text.split()
    # two words at least: a lone capitalised word ("By Friday") is rarely a byline; "The
    # Jerusalem" (of "The Jerusalem Post") is no one's name
    if not 2 <= len(words) <= 5 or not words[0][:1].isupper() or words[0].lower() in ("the", "a", "an"):
        return False
    return all(w[:1].isupper() or w.lower() in NAME_PARTICLES or re.fullmatch(r"[A-Z]\.", w) for w in words)


def is_role(text: str) -> bool:
    return any(w.lower().strip(".") in ROLE_WORDS for w in text.split())


def is_outlet(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 6 and words[-1][:1].isupper() and any(w.lower().strip(".") in OUTLET_WORDS for w in words)


def strip_article(text: str) -> str:
    # "for the Veldra Times" -> "Veldra Times"; a capitalised "The Veldran Standard" is the name
    return re.sub(r"^the\s+(?=[A-Z])", "", text.strip(" ."))


def tidy_name(name: str) -> str:
    # all-capitals bylines ("BY JANE DOE") read better as names
    return name.title() if name.isupper() and len(name) > 3 else name


def join_names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# "Jane Doe is a reporter for ...", "Jane Doe covers ...": the name before the verb
ROLE_SENTENCE = re.compile(r"^(?P<name>.+?)\s+(?:is|was|has been|writes|covers|reports)\b.*$", re.IGNORECASE)
NOT_AUTHORS = frozenset(
    "admin administrator editor editors staff user owner unknown author anonymous guest webmaster newsroom".split()
)
NOT_OUTLETS = frozenset("hosted home news online website web site blog admin sponsored".split())
COPYRIGHT = re.compile(r"copyright|©|\(c\)|all rights reserved|^\d{4}$", re.IGNORECASE)
# words of a credit, an advert or a team, never of a person's name: "Courtesy Google",
# "Sponsored Advert", "Life Video", "Practical Horseman Editorial", "Jerusalem Post Staff"
NOT_NAME_WORDS = frozenset(
    """courtesy sponsored advert advertisement photo photos photograph image images credit credits
    video videos getty shutterstock staff editorial newsroom desk team bureau""".split()
)
HANDLE = re.compile(r"@\w+")
ACCOUNT = re.compile(r"(?i)\w*admin\w*")  # a site account: "Jdadmin", "siteadmin"
# a program's value printed where a name belongs: a Perl list in a PDF's Author, "[object Object]"
PROGRAM_VALUE = re.compile(
    r"(?i)(?:array|hash|scalar|code|glob|ref)\(0x[0-9a-f]+\)|\[object \w+\]|<[\w.]+ object at 0x[0-9a-f]+>"
    r"|none|null|nil|undefined|nan|n/a|\$\{[\w.]+\}|\{\{[\w. ]+\}\}|%[\w_]+%"
)


def tidy_author(value: str | None, outlet: str | None = None) -> str | None:
    """An author field that names people: roles, placeholders and sentences refused or cut.

    "Admin" is a placeholder; "Jane Doe is a reporter" keeps "Jane Doe"; a list joined by
    ";" keeps its people ("JANE DOE; JOHN ROE Associated Press" is "Jane Doe and John Roe",
    "Jane Doe; Halden Courier" is "Jane Doe") and is refused when a part is neither a name
    nor an outlet ("The Interior; Defence ministries"); a handle goes ("Jane Doe@janedoe");
    a credit, an advert or a team ("Courtesy Google", "Jerusalem Post Staff") is no author,
    and neither is the page's ``outlet`` given again ("CBS News" on a CBS News page).
    """
    if not value or not value.strip() or PROGRAM_VALUE.fullmatch(value.strip()):
        return None
    value = " ".join(HANDLE.sub(" ", value).split()).strip(" ,;")  # "Jane Doe@janedoe"
    sentence = ROLE_SENTENCE.match(value)
    if sentence and is_person_name(sentence["name"]):
        value = sentence["name"]
    if any(w.lower().strip(".,") in NOT_NAME_WORDS for w in value.split()):
        return None
    if value.lower().strip(".") in NOT_AUTHORS or COPYRIGHT.search(value) or ACCOUNT.fullmatch(value):
        return None
    if ";" in value:
        value = names_of_list(value)
    elif is_person_name(value) and not is_outlet(value):
        value = tidy_name(value)
    if not value or repeats_outlet(value, outlet):
        return None
    return None if is_role(value) and not is_person_name(value) else value


def names_of_list(value: str) -> str | None:
    """The people of a ";" list, each without the outlet after the name; None when a part is
    neither a person nor an outlet."""
    names = []
    for part in (p.strip() for p in value.split(";") if p.strip()):
        name = without_outlet_tail(part.split())
        if name:
            names.append(tidy_name(" ".join(name)))
        elif not is_outlet(part):
            return None
    return join_names(names) if names else None


def without_outlet_tail(words: list[str]) -> list[str] | None:
    """The name in ``words`` ("Tom Davies Associated Press" -> Tom Davies); None when no name."""
    capitals = next((i for i, w in enumerate(words) if not w.isupper()), len(words))
    if 2 <= capitals < len(words) and is_outlet(" ".join(words[capitals:])):
        return words[:capitals]  # "JANE DOE Associated Press"
    for size in (3, 2, 1):
        head, tail = words[:-size], " ".join(words[-size:])
        if len(head) >= 2 and is_outlet(tail) and all(w[:1].isupper() for w in words[-size:]):
            if is_person_name(" ".join(head)) and not is_outlet(" ".join(head)):
                return head
    return words if is_person_name(" ".join(words)) and not is_outlet(" ".join(words)) else None


def repeats_outlet(author: str, outlet: str | None) -> bool:
    """True when ``author`` is the outlet's name, or a longer or shorter form of it ("RT" on
    "RT International"), and not a person's name (a blog may be named after its writer)."""
    if not outlet:
        return False
    a, o = simple_name(author), simple_name(outlet)
    if not a or not o or not (a == o or o.startswith(a + " ") or a.startswith(o + " ")):
        return False
    acronym = any(len(w) >= 2 and w.isupper() for w in author.split())
    return acronym or is_outlet(author) or not is_person_name(author)


def simple_name(text: str) -> str:
    return " ".join(re.sub(r"^the\s+", "", re.sub(r"[^\w\s]", " ", text.casefold()).strip()).split())


OUTLET_ADDRESS = re.compile(r"(?i)(?:https?://)?(?:www\.)?(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)+)(?:[/?#]\S*)?")


def tidy_outlet(value: str | None) -> str | None:
    """An outlet field that names a publication: copyright lines and generic words refused."""
    if not value or not value.strip() or COPYRIGHT.search(value):
        return None
    value = " ".join(value.split())
    site = OUTLET_ADDRESS.fullmatch(value)
    if site:  # a publisher given as its address ("https://www.hawaiinewsnow.com/"): its site name
        value = site["host"]
    parts = PART_SEPARATORS.split(value)
    if len(parts) > 1 and all(is_tagline(p) for p in parts[1:]) and not is_tagline(parts[0]):
        value = parts[0]  # "LinkNaija | Nigeria's popular news platform"
    return None if value.lower().strip(".") in NOT_OUTLETS or len(value.split()) > 8 else value


TEAM_WORDS = frozenset("staff editorial bureau desk team newsroom editors writers reporters".split())


def outlet_or_credit(outlet: str | None, author: str | None) -> str | None:
    """``outlet``, or the publication a team credit names ("Halden Courier Editorial Staff")
    when the page gives none or only a tagline ("Expert advice for harbour pilots")."""
    words = (author or "").split()
    first = next((i for i, w in enumerate(words) if w.lower().strip(".,") in TEAM_WORDS), 0)
    credit = " ".join(words[:first])
    if not credit or not all(w.lower().strip(".,") in TEAM_WORDS for w in words[first:]):
        return outlet
    if not is_affiliation(credit) or all(is_role(w) for w in credit.split()) or (outlet and not is_tagline(outlet)):
        return outlet
    return tidy_outlet(credit) or outlet


def is_tagline(text: str) -> bool:
    """A site's description rather than its name: it has lower-case words ("popular news platform")."""
    small = ("of", "the", "and", "for", "in", "on", "a", "de", "di", "la", "le", "du", "des", "y", "e")
    return any(w[:1].islower() and w.lower() not in small for w in text.split())


def is_bare_name(line: str) -> bool:
    """A line that is only a name ("Jane Doe"): no "By", no date, no role or outlet."""
    return not parse_byline(line) and name_of_author_line(line) == line.strip()


def name_of_author_line(line: str) -> str | None:
    """The name in "Jane Doe", "Jane Doe, Staff Writer" or "Jane Doe and John Roe USA TODAY"."""
    line = without_trailing_date(without_leading_date(line))  # "November 20, 2019 Jane Doe"
    if not 2 <= len(line.split()) <= 12 or LINE_END.search(line):
        return None
    head, _, tail = line.rpartition(",")
    if head and (is_outlet(tail.strip()) or is_role(tail)):
        line = head
    words = re.sub(r"@\w+", " ", line).split()  # without a handle: "Jane Doe @janedoe"
    if 3 <= len(words) <= 6 and is_outlet(" ".join(words[-2:])):  # "Jane Doe Associated Press"
        words = without_outlet_tail(words) or words
    while words and (is_role(words[-1]) or is_outlet(words[-1]) or words[-1].isupper()):
        words.pop()
    names = [n.strip() for n in NAME_JOINS.split(" ".join(words)) if n.strip()]
    if names and len(names[-1].split()) > 3:  # "... Trevor J. Mitchell Sioux Falls Argus Leader"
        names[-1] = name_before_outlet(names[-1], line)
    if not names or not all(is_person_name(n) and len(n.split()) <= 3 and not is_role(n) for n in names):
        return None
    plain = len(names) == 1 and " ".join(words) == line.strip()
    # a lone three-word name could be a short title-case headline; two words rarely are
    return None if plain and len(names[0].split()) > 2 else " and ".join(names)


def name_before_outlet(name: str, line: str) -> str:
    """The first two or three words of ``name`` when the rest of the line names an outlet."""
    words = name.split()
    for size in (3, 2):
        rest = line[line.index(words[size]) :].split() if words[size] in line else []
        if is_outlet(" ".join(rest)) and all(w[:1].isupper() for w in rest) and is_person_name(" ".join(words[:size])):
            return " ".join(words[:size])
    return name
