"""Find and validate explicit dates: ISO, "5 March 2026", "March 4, 2026", "4 Mar 2026".

Only unambiguous forms count: a full date names the year, and numeric dates are accepted
only year-first (2026-03-04), since 04/03/2026 means different days on each side of the
Atlantic. Month names are known in English, French, German, Spanish, Italian, Dutch and
Portuguese. Years outside 1900..next year are refused as implausible.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

MONTH_NAMES = {
    1: "january jan janvier januar jänner enero gennaio januari janeiro",
    2: "february feb février fevrier februar febrero febbraio februari fevereiro",
    3: "march mar mars märz maerz marzo maart março",
    4: "april apr avril abril aprile",
    5: "may mai mayo maggio mei maio",
    6: "june jun juin juni junio giugno junho",
    7: "july jul juillet juli julio luglio julho",
    8: "august aug août aout agosto augustus",
    9: "september sep sept septembre septiembre settembre setembro",
    10: "october oct octobre oktober octubre ottobre oktober outubro",
    11: "november nov novembre noviembre novembro",
    12: "december dec décembre decembre dezember diciembre dicembre dezembro",
}
MONTHS = {name: number for number, names in MONTH_NAMES.items() for name in names.split()}
MONTH_ALTERNATION = "|".join(sorted(MONTHS, key=len, reverse=True))
MONTH_WORD = rf"(?i:{MONTH_ALTERNATION})\.?"  # usable inside case-sensitive patterns
MONTH = rf"(?P<month>(?i:{MONTH_ALTERNATION}))\.?"
DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|º)?\.?"
YEAR = r"(?P<year>\d{4})"
FULL_DATE_PATTERNS = [
    re.compile(r"(?<!\d)(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?!\d)"),
    re.compile(rf"(?<![\w]){DAY}\s+(?:de\s+)?{MONTH},?\s+(?:de\s+)?{YEAR}(?!\d)", re.IGNORECASE),
    re.compile(rf"(?<![\w]){MONTH}\s+{DAY},?\s+{YEAR}(?!\d)", re.IGNORECASE),
]
MONTH_DAY_PATTERNS = [
    re.compile(rf"^{MONTH}\s+{DAY}$", re.IGNORECASE),
    re.compile(rf"^{DAY}\s+(?:de\s+)?{MONTH}$", re.IGNORECASE),
]
PDF_DATE = re.compile(r"^D:(\d{4})(\d{2})?(\d{2})?")
ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def make_date(year: int, month: int, day: int) -> str | None:
    """ISO date string, or None when the date does not exist or the year is implausible."""
    if not 1900 <= year <= date.today().year + 1:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def month_number(value: str) -> int:
    return int(value) if value.isdigit() else MONTHS[value.lower().rstrip(".")]


def find_full_dates(text: str) -> list[tuple[str, int, int]]:
    """Every valid full date in ``text`` as (iso, start, end), in reading order."""
    found = []
    for pattern in FULL_DATE_PATTERNS:
        for match in pattern.finditer(text):
            iso = make_date(int(match["year"]), month_number(match["month"]), int(match["day"]))
            if iso:
                found.append((iso, match.start(), match.end()))
    return sorted(found, key=lambda item: item[1])


def parse_month_day(value: str) -> tuple[int, int] | None:
    """(month, day) from "March 3" or "3 March"; None when it is not that."""
    for pattern in MONTH_DAY_PATTERNS:
        match = pattern.match(value.strip())
        if match:
            return month_number(match["month"]), int(match["day"])
    return None


def parse_date_value(value: object) -> str | None:
    """A date from format metadata (datetime, ISO text, PDF "D:2026..." text) as ISO or None."""
    if isinstance(value, datetime | date):
        return make_date(value.year, value.month, value.day)
    if not isinstance(value, str):
        return None
    for pattern in (ISO_PREFIX, PDF_DATE):
        match = pattern.match(value.strip())
        if match and match.group(2) and match.group(3):
            return make_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    dates = find_full_dates(value)
    return dates[0][0] if dates else None


FILE_NAME_DATE = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})[-_.]([01][0-9])[-_.]([0-3][0-9])(?![0-9])")


def date_in_file_name(name: str) -> str | None:
    """The one date written year first in a file's name ('breitbart_2015-11-11_the-ninth-circle',
    '2016.02.10 Reuters'), as archives and analysts name saved articles; None for none, for two,
    or for one after tomorrow (a plan's or a deadline's, not a publication's). Digits run
    together ('IMG_20240105') are a camera's or a scanner's stamp, not read."""
    found = {make_date(int(y), int(m), int(d)) for y, m, d in FILE_NAME_DATE.findall(name)}
    if len(found) != 1:
        return None
    (value,) = found
    return value if value and date.fromisoformat(value) <= date.today() + timedelta(days=1) else None


def written_date(typed: str | None) -> str | None:
    """A date an analyst typed, written out ('18 November 2019', 'Nov. 18, 2019'), as YYYY-MM-DD;
    any other text as typed, for the store's check to judge."""
    found = find_full_dates(typed) if typed else []
    if len(found) == 1 and (found[0][1], found[0][2]) == (0, len(typed or "")):
        return found[0][0]
    return typed


# "Published: Monday, November 18th, 2019", "First published on November 20, 2019", and the same
# label in the languages whose month names are known: "publiziert am 25. September 2018",
# "Publié le 18 novembre 2019", "Publicado el 18 de noviembre de 2019"
PUBLISHED_WORDS = (
    r"published(?:\s+on)?|(?:veröffentlicht|publiziert|erschienen)(?:\s+am)?|publiée?(?:\s+le)?"
    r"|publicad[oa](?:\s+(?:el|em|a))?|pubblicat[oa](?:\s+il)?|gepubliceerd(?:\s+op)?"
)
WEEKDAYS = (
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
)
PUBLISHED_LABEL = re.compile(
    rf"\b(?:first\s+|originally\s+)?(?:{PUBLISHED_WORDS})\s*:?\s*(?:(?:{WEEKDAYS}),?\s+)?",
    re.IGNORECASE,
)
LABELLED_DATE_CHARS = 40
MAX_LABELS = 200  # a page saying "published" more often is a list, or hostile


def labelled_publication(text: str) -> str | None:
    """The one date ``text`` labels as published, however often it says so; None when it names
    none or several (a list of teasers, each "Published" on its own day)."""
    found = set()
    for count, label in enumerate(PUBLISHED_LABEL.finditer(text)):
        if count == MAX_LABELS:
            return None
        dates = find_full_dates(text[label.end() : label.end() + LABELLED_DATE_CHARS])
        if dates and dates[0][1] == 0:
            found.add(dates[0][0])
    return found.pop() if len(found) == 1 else None


def days_apart(first: str, second: str) -> int:
    """Days between two YYYY-MM-DD dates (a longer ISO value is cut to its date)."""
    return abs((date.fromisoformat(first[:10]) - date.fromisoformat(second[:10])).days)
