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
    r"^(?:(?:written|words|story|text|interview|report)\s+)?by\s+(?=\S)|^(?:von|par|por|door)\s+(?=\S)",
    re.IGNORECASE,
)
PART_SEPARATORS = re.compile(r"\s+[|·•—–-]\s+|\s*\|\s*")
NAME_SEPARATORS = re.compile(r"\s+(?:and|&|und|et|y|e|en)\s+")
NAME_PARTICLES = frozenset("de da di del della der den van von la le du dos das bin ibn al el ter ten".split())
ROLE_WORDS = frozenset(
    """
    editor correspondent reporter writer staff contributor columnist analyst bureau chief senior
    special political economics foreign deputy news desk team contributing investigations
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


@dataclass
class Byline:
    author: str | None
    outlet: str | None
    published: str | None


def parse_byline(line: str) -> Byline | None:
    """The byline in ``line``, or None when the line is not a byline."""
    start = BYLINE_START.match(line)
    if not start or len(line.split()) > MAX_BYLINE_WORDS:
        return None
    rest = line[start.end() :]
    dates = find_full_dates(rest)
    for _, begin, end in reversed(dates):
        rest = rest[:begin] + " | " + rest[end:]
    parts = [p.strip(" ,;") for p in PART_SEPARATORS.split(rest)]
    people = split_names_and_outlet(parts[0])
    if "\n" in line or not people:
        return None
    outlet = people[1] or next((p for p in parts[1:] if is_outlet(p)), None)
    return Byline(join_names(people[0]), outlet, dates[0][0] if dates else None)


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
    video videos getty shutterstock staff editorial newsroom desk team""".split()
)
HANDLE = re.compile(r"@\w+")


def tidy_author(value: str | None) -> str | None:
    """An author field that names people: roles, placeholders and sentences refused or cut.

    "Admin" is a placeholder; "Jane Doe is a reporter" keeps "Jane Doe"; a list joined by
    ";" stays only when every part is a name ("The Interior; Defence ministries" is not); a
    handle goes ("Jane Doe@janedoe"); a credit, an advert or a team ("Courtesy Google",
    "Jerusalem Post Staff") is no author.
    """
    if not value or not value.strip():
        return None
    value = " ".join(HANDLE.sub(" ", value).split()).strip(" ,;")  # "Jane Doe@janedoe"
    sentence = ROLE_SENTENCE.match(value)
    if sentence and is_person_name(sentence["name"]):
        value = sentence["name"]
    if any(w.lower().strip(".,") in NOT_NAME_WORDS for w in value.split()):
        return None
    if value.lower().strip(".") in NOT_AUTHORS or COPYRIGHT.search(value):
        return None
    if ";" in value and not all(is_person_name(part.strip()) for part in value.split(";")):
        return None
    return None if is_role(value) and not is_person_name(value) else value


OUTLET_ADDRESS = re.compile(r"(?i)(?:https?://)?(?:www\.)?(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)+)(?:[/?#]\S*)?")


def tidy_outlet(value: str | None) -> str | None:
    """An outlet field that names a publication: copyright lines and generic words refused."""
    if not value or not value.strip() or COPYRIGHT.search(value):
        return None
    value = " ".join(value.split())
    site = OUTLET_ADDRESS.fullmatch(value)
    if site:  # a publisher given as its address ("https://www.hawaiinewsnow.com/"): its site name
        value = site["host"]
    return None if value.lower().strip(".") in NOT_OUTLETS or len(value.split()) > 8 else value


def is_bare_name(line: str) -> bool:
    """A line that is only a name ("Jane Doe"): no "By", no date, no role or outlet."""
    return not parse_byline(line) and name_of_author_line(line) == line.strip()


def name_of_author_line(line: str) -> str | None:
    """The name in "Jane Doe", "Jane Doe, Staff Writer" or "Jane Doe and John Roe USA TODAY"."""
    if not 2 <= len(line.split()) <= 12 or LINE_END.search(line):
        return None
    head, _, tail = line.rpartition(",")
    if head and (is_outlet(tail.strip()) or is_role(tail)):
        line = head
    words = re.sub(r"@\w+", " ", line).split()  # without a handle: "Jane Doe @janedoe"
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
