"""Title, outlet, author and published date: from format metadata first, then from the text.

The text is searched only where articles print metadata: the first few short paragraphs
(headline, byline, date line) and the dateline that opens the body ("PORT HALDEN, Veldra,
March 3 (Meridian Wire) - ..."). A date deep in the body, a copyright year or a bare year is
never a publication date. A dateline without a year borrows one only from another explicit
full date in the document. The headline, byline and pure date lines ("Last updated: 22
September 2026, 21:40 IST", with any time-zone label) leave the body once used; a date
labelled as an update counts only when nothing better is found. Datelines may be written in
any script's capitals ("BẮC NINH, Vietnam, 21 April 2026 -").

The dateline prefix is removed from the body when the rest of the paragraph starts like a
sentence (capital letter, digit or quotation mark), because the first sentence then reads
complete without it; otherwise it stays, so no sentence is left beheaded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.cjk import CJK_CHAR
from briefing.ingest.byline import (
    ROLE_WORDS,
    TEAM_WORDS,
    is_credit_line,
    outlet_or_credit,
    parse_byline,
    strip_article,
    tidy_author,
    tidy_outlet,
)
from briefing.ingest.dates import MONTH_WORD, find_full_dates, make_date, parse_month_day

TOP_PARAGRAPHS = 6
MAX_TOP_WORDS = 40  # a longer paragraph is body text: the metadata zone ends there
MAX_HEADLINE_WORDS = 30
MAX_TITLE_SENTENCES = 3  # a title-case headline of short sentences: "X Is A Giant Hoax. Repeat: A Hoax."
DATELINE_HEADLINE_WORDS = 20  # a sentence-case headline with a dateline's lead right under it
MIN_SENTENCE_HEADLINE_WORDS, MAX_SENTENCE_HEADLINE_WORDS = 4, 12
MAX_SENTENCE_HEADLINE_SENTENCES = 2  # "Virginian could make history. Again."
QUOTED_ENDING_WORDS = 4  # a headline ending on a quoted phrase ("... as 'work horse, not show horse.'") runs longer
# someone's words quoted inside a headline, two words or more: "... at 'poison pill' in House bill ..." (not a
# name in title case, "its “Person of the Year” for 2015", which a lead gives too)
QUOTED_PHRASE = re.compile(r"(?:^|(?<=[\s:]))[\"“‘'][a-z][^\"“”‘’'\s]*(?:\s[^\"“”‘’'\s]+)+[\"”’'](?=[\s.,;:!?]|$)")
# What opens a lead sentence and no headline: a pronoun or a linking adverb
LEAD_OPENING = re.compile(
    r"(?i:it|its|this|that|these|those|there|here|maybe|perhaps|now|then|still|indeed|also|even|just|only|"
    r"but|and|so|yet|he|she|they|we|i|you|his|her|their|our|my|your)\b"
)
PERSONAL = re.compile(r"\b(?:I|[Ww]e|[Yy]ou|[Mm]y|[Oo]ur|[Yy]our|[Uu]s)\b")
QUOTE_MARK = re.compile(r"[\"“”‘]|(?:^|\s)'")
# A reporting verb or a day: the lead tells what was said and when; the headline does not
LEAD_WORDS = re.compile(
    r"\b(?:said|told|according|announced|reported|wrote|yesterday|today|tonight|last week|this week|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!['’]s\b)(?<!Super Tuesday)",
    re.I,
)
# A headline giving someone's words after their name: "Trump: My immigration plans aren't set in stone."
NAMED_WORDS = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}: [A-Z\"'“‘]")
# Abbreviations of five letters or more that end no sentence ("Calif. may raise…", "Corp.")
LONG_ABBREVIATIONS = frozenset(
    "Calif. Ariz. Colo. Conn. Mass. Mich. Minn. Miss. Mont. Nebr. Okla. Penn. Tenn. Wash. Kans. Wisc. "
    "Corp. Dept. Univ. Prof. Supt. Sept. Lieut. Assn.".split()
)
UPDATED = 2  # the priority of an "Updated:" date: used only when nothing better is found
# a clock time with its zone label, whatever the zone: "21:40 IST", "9.40pm (CEST)", "06:02 UTC+5:30"
TIME_WITH_ZONE = re.compile(
    r"\b\d{1,2}(?:[:.]\d{2}\s*(?i:[ap]\.?m\.?)?|\s*(?i:[ap]\.?m\.?))\s*\(?"
    r"(?:(?:UTC|GMT)\s?[+\-−]\s?\d{1,2}(?::?\d{2})?|[A-Z]{2,5})\)?(?!\w)"
)
AMBIGUOUS_DATE = re.compile(r"(?<![\d/.])\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})(?![\d/.])")
ROLE_BYLINE = re.compile(r"by:?\s+(?P<who>[A-Za-z]+(?: [A-Za-z]+){0,5})\s*(?=$|[,|·•—–-])", re.IGNORECASE)
BYLINE_SEPARATORS = " ,|·•—–-"
DATE_LABELS = re.compile(
    r"\b(first |last |originally )?(published|posted|updated|modified|issued|date|on|at)\b:?|"
    r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b|\b\d{1,2}[:.]\d{2}\b|\b(am|pm|a\.m\.|p\.m\.)|"
    r"\b(gmt|utc|bst|cet|cest|est|edt|pst|pdt)\b|[|,·•—–()/-]",
    re.IGNORECASE,
)


def upper_case_ranges() -> str:
    """Every upper-case letter as the inside of a character class ("A-ZÀ-ÖØ-Þ...").

    The ``re`` module has no Unicode property classes; without this a dateline written
    "BẮC NINH" or "İZMIR" would not be a dateline. All cased letters lie below U+20000.
    """
    codes = [code for code in range(0x20000) if chr(code).isupper()]
    runs: list[list[int]] = []
    for code in codes:
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in runs)


UPPER = upper_case_ranges()
DATELINE_DATE = rf"(?:{MONTH_WORD}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{MONTH_WORD}(?:\s+\d{{4}})?)"
DATELINE = re.compile(
    rf"^(?P<place>[{UPPER}][{UPPER}.'’\- ]{{1,40}}[{UPPER}.])"
    rf"(?:,\s*(?!{MONTH_WORD}\s)(?P<region>[{UPPER}][\w.'’\- ]{{1,30}}?))?"
    rf"(?:,\s*(?P<date>{DATELINE_DATE}))?"
    r"\s*(?:\((?P<credit>[^()]{2,40})\))?"
    r"\s*(?:-{1,2}|–|—|:)\s+"
)

CREDIT_DATELINE = re.compile(rf"^\((?P<credit>[{UPPER}][\w.&'’ -]{{1,30}})\)\s*(?:-{{1,2}}|–|—)\s+")
# a place in title case with a news agency's credit: "New York (AFP) – ", "Paris (Reuters) - " (not a
# company's ticker: "Apple (AAPL) - shares rose")
WIRES = "AFP|AP|UPI|Reuters|CNN|dpa|DPA|Xinhua|Bloomberg|IANS|PTI|ANI|TASS|Yonhap|Kyodo|EFE|ANSA|BBC|Anadolu|Bernama"
WIRE_DATELINE = re.compile(
    rf"^[{UPPER}][\w.'’-]+(?: [{UPPER}][\w.'’-]+){{0,3}}(?:, [{UPPER}][\w.]+(?: [{UPPER}][\w.]+)?)?"
    rf" \((?:{WIRES})\)\s*(?:-{{1,2}}|–|—)\s+"
)

BANNER = re.compile(
    r"(?i:beta|new|live|breaking|exclusive|home|menu|subscribe|sections?|skip to (main )?(content|article)|"
    r"x|close|search|sign in|log ?in|advertisement|sponsored|updated?|opinion)\W*"
)
CAPTION_CREDIT = re.compile(r"\((?:photo|image|credit|picture)s?\b[^()]*\)\s*$|\b(?:photo|image)s?:\s", re.I)
CLOSING = "\"'’”»)]"
SITE_SEPARATOR = re.compile(r"\s+[|–—]\s+|\s+-\s+|\s*\|\s*")
DOMAIN = re.compile(r"(?:www\.)?[\w-]+(?:\.[a-z]{2,}){1,2}", re.I)


@dataclass
class TextMetadata:
    """What the text itself says, and the body with the used metadata lines removed."""

    body: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None
    dateline_date: str | None = None  # "MM-DD" when the dateline gives no year


def read_text_metadata(text: str, known_title: str | None) -> TextMetadata:
    """Scan the top of ``text`` for headline, byline, date lines and dateline."""
    paragraphs = split_headline_line([p for p in text.split("\n\n") if p.strip()])
    found = TextMetadata(body="")
    top = TopZone(found, known_title, paragraphs)
    keep: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        in_zone = index < TOP_PARAGRAPHS and len(paragraph.split()) <= MAX_TOP_WORDS
        if not (in_zone and top.take(index, paragraph)):
            keep.append(paragraph)
            top.prose_started = top.prose_started or is_prose(paragraph)
    keep = take_dateline(found, keep, top.dated)
    found.published = best_date(top.dated, found.dateline_date, text)
    found.body = "\n\n".join(keep)
    return found


def best_date(dated: list[tuple[int, str]], dateline_date: str | None, text: str) -> str | None:
    """The best-ranked date; a dateline's month and day beat a mere "Updated:" date."""
    best = min(dated) if dated else None
    if dateline_date and (best is None or best[0] == UPDATED):
        return date_with_borrowed_year(dateline_date, text) or (best[1] if best else None)
    return best[1] if best else None


class TopZone:
    """The metadata lines above the body: headline, byline, date lines."""

    def __init__(self, found: TextMetadata, known_title: str | None, paragraphs: list[str]):
        self.found = found
        self.known_title = known_title
        self.paragraphs = paragraphs
        self.dated: list[tuple[int, str]] = []  # (priority, iso): published 0, plain 1, updated 2
        self.prose_started = False  # after the first sentence only pure date lines count

    def take(self, index: int, paragraph: str) -> bool:
        """Record metadata from one top paragraph; True when the paragraph leaves the body."""
        if self.take_headline(index, paragraph):
            return True
        return self.take_byline(paragraph) or self.take_date_line(paragraph)

    def take_headline(self, index: int, paragraph: str) -> bool:
        if self.known_title:
            return index <= 2 and same_title(paragraph, self.known_title)
        if index == 0 and len(self.paragraphs) > 1 and is_headline(paragraph, self.paragraphs[1:4]):
            self.found.title = paragraph
            return True
        return False

    def take_byline(self, paragraph: str) -> bool:
        byline = None if self.found.author else parse_byline(paragraph)
        if not byline:
            return self.take_role_byline(paragraph)
        self.found.author = tidy_author(byline.author)
        self.found.outlet = self.found.outlet or tidy_outlet(byline.outlet)
        if byline.published:
            self.dated.append((1, byline.published))
        return True

    def take_role_byline(self, paragraph: str) -> bool:
        """A byline naming a role or a team, not a person ("By Staff Writer, November 9, 2015",
        "By Washington Post staff, 13 July 2016"): no author, but a line of the page's furniture,
        which leaves the body with its date noted and gives the team's outlet."""
        match = ROLE_BYLINE.match(paragraph)
        if match is None:
            return False
        if not all(word.lower() in ROLE_WORDS | TEAM_WORDS for word in match["who"].split()):
            credit = outlet_or_credit(None, strip_article(match["who"]))
            if credit is None:
                return False
            self.found.outlet = self.found.outlet or credit
        rest = paragraph[match.end() :].strip(BYLINE_SEPARATORS)
        return not rest or self.take_date_line(rest)

    def take_date_line(self, paragraph: str) -> bool:
        """Note the dates of a short line; True when the line is nothing but dates and labels.

        Such a line ("Last updated: 22 September 2026, 21:40 IST") leaves the body wherever
        it stands in the top zone; each date is ranked by the label in front of it.
        """
        if "\n" in paragraph or len(paragraph.split()) > 15:
            return False
        dates = find_full_dates(paragraph)
        if not dates and not AMBIGUOUS_DATE.search(paragraph):
            return False
        rest = paragraph
        for _, start, end in reversed(dates):
            rest = rest[:start] + rest[end:]
        # "11/09/2015" names no day for sure (day or month first?) but makes a line a date line
        pure = not DATE_LABELS.sub("", TIME_WITH_ZONE.sub("", AMBIGUOUS_DATE.sub("", rest))).strip()
        if pure or not self.prose_started:
            self.dated.extend(ranked_dates(paragraph, dates))
        return pure


def ranked_dates(line: str, dates: list[tuple[str, int, int]]) -> list[tuple[int, str]]:
    """(priority, iso) for each date, ranked by the label in front of it.

    The label is the text since the date before; the last date, when nothing labels it in
    front, takes the label after it ("4 March 2026 (updated)").
    """
    ranked = []
    begin = 0
    for index, (iso, start, end) in enumerate(dates):
        priority = date_priority(line[begin:start])
        if priority == 1 and index == len(dates) - 1:
            priority = date_priority(line[end:])
        ranked.append((priority, iso))
        begin = end
    return ranked


def date_priority(label: str) -> int:
    """0 for a publication date, 1 for a date without label, 2 for an update."""
    lower = label.lower()
    if "updated" in lower or "modified" in lower:
        return UPDATED
    return 0 if "publish" in lower or "posted" in lower else 1


def is_prose(paragraph: str) -> bool:
    return len(paragraph.split()) >= 6 and re.search(r"[.!?][\"'’”»)]*$", paragraph) is not None


def take_dateline(found: TextMetadata, keep: list[str], dated: list[tuple[int, str]]) -> list[str]:
    """Find the dateline at the start of the first body paragraphs; strip it when safe."""
    for index, paragraph in enumerate(keep[:3]):
        match = match_dateline(paragraph)
        if not match:
            continue
        if match["credit"]:
            found.outlet = found.outlet or match["credit"].strip()
        date = match.groupdict().get("date")  # a credit alone ("(CNN) -- ") has none
        if date:
            note_dateline_date(found, date, dated)
        rest = paragraph[match.end() :]
        if not rest.strip():  # a dateline alone over its lead
            return keep[:index] + keep[index + 1 :]
        if rest[:1].isupper() or rest[:1].isdigit() or rest[:1] in "\"“‘«'„":
            return keep[:index] + [rest] + keep[index + 1 :]
        return keep
    return keep


def match_dateline(paragraph: str) -> re.Match[str] | None:
    """A dateline: a place in capitals with a region, a date or a credit, then a dash; or a
    credit alone in brackets ("(CNN) -- ", "(Reuters) - "), which names an outlet, no date. A
    dateline may stand alone over its lead ("NORTH HOLLYWOOD, California -"), a paragraph apart."""
    alone = paragraph.rstrip()
    match = DATELINE.match(f"{alone} " if alone.endswith(("-", "–", "—")) else paragraph)
    if match and (match["date"] or match["credit"] or match["region"]):
        return match
    match = CREDIT_DATELINE.match(paragraph)
    return match if match and not re.search(r"\d|(?i:photo|image|picture|video|file)", match["credit"]) else None


def note_dateline_date(found: TextMetadata, value: str, dated: list[tuple[int, str]]) -> None:
    full = find_full_dates(value)
    if full:
        dated.append((1, full[0][0]))
    else:
        month_day = parse_month_day(re.sub(r",?\s+\d{4}$", "", value))
        found.dateline_date = f"{month_day[0]:02d}-{month_day[1]:02d}" if month_day else None


def date_with_borrowed_year(month_day: str, text: str) -> str | None:
    """Complete a dateline's "MM-DD" with the year of the first full date in the document."""
    full = find_full_dates(text)
    if not full:
        return None
    month, day = (int(part) for part in month_day.split("-"))
    return make_date(int(full[0][0][:4]), month, day)


def split_headline_line(paragraphs: list[str]) -> list[str]:
    """``paragraphs`` with a first one written as a headline line ending with ";" (news
    archives' "Evangelical Iowans flock to Cruz;") and its standfirst or section under it, on
    the next line or in the next paragraph: the headline without its ";", then the rest. A
    headline ending with a period is judged beside the paragraphs after it, as any is."""
    lines = paragraphs[0].split("\n") if paragraphs else []
    if not 1 <= len(lines) <= 2 or not lines[0].rstrip().endswith(";"):
        return paragraphs
    headline = lines[0].rstrip().rstrip(";").rstrip()
    under = [line.strip() for line in lines[1:]]
    following = [*under, *paragraphs[1:4]]
    opens = following[0][:1] if following else ""
    if not (headline and (opens.isupper() or opens.isdigit() or opens in "\"'“‘")) or LEAD_WORDS.search(headline):
        return paragraphs
    if not is_headline(headline, following):
        return paragraphs
    return [headline, *under, *paragraphs[1:]]


def is_headline(paragraph: str, following: Sequence[str] = ()) -> bool:
    """The first paragraph read as a headline: short, one line, no byline, date or dateline; one
    ending with a period is a title-case sentence or a short sentence-case one (``following``:
    the paragraphs after it)."""
    words = paragraph.split()
    if "\n" in paragraph or not 1 <= len(words) <= MAX_HEADLINE_WORDS or len(paragraph) > 200:
        return False
    last = paragraph.rstrip(CLOSING)[-1:]  # a sentence may end inside its quotation marks
    if last in ",;:" or not last:
        return False
    if last == "." and not (title_case_sentence(words) or sentence_case_headline(paragraph, following)):
        return False
    if paragraph[0].islower() or is_banner(paragraph):
        return False
    return not (parse_byline(paragraph) or find_full_dates(paragraph) or match_dateline(paragraph))


def title_case_sentence(words: list[str]) -> bool:
    """A headline some archives end with a period ("Clinton Was Headed to ER But Diverted to Avoid
    Bad Optics."): up to ``MAX_TITLE_SENTENCES`` short sentences ("Once Again, The Banksy
    'Arrest' Is A Giant Hoax. Repeat: A Hoax.") whose longer words are nearly all capitalised,
    as a lead's are not."""
    if words[-1].endswith("..") or sum(map(_ends_sentence, words[:-1])) >= MAX_TITLE_SENTENCES:
        return False  # an ellipsis, or a paragraph of sentences
    return in_title_case(words)


# Longer words that title case may leave in lower case, as style guides do: "Mike Pence Calls for
# Special Prosecutor after Report Reveals Clinton's Meetings with Foundation Donors."
TITLE_CASE_SMALL_WORDS = frozenset(
    "with from into onto over upon than that after about amid near like past when while before "
    "since until without against between through under".split()
)


def in_title_case(words: list[str]) -> bool:
    """Nearly all the longer words capitalised, as a headline's are and a lead's are not; the
    prepositions and conjunctions some styles write in lower case (``TITLE_CASE_SMALL_WORDS``)
    count only when capitalised."""
    longer = [w.strip("\"'“”‘’()[]:") for w in words]
    longer = [w for w in longer if len(w) >= 4 and w[:1].isalpha() and w not in TITLE_CASE_SMALL_WORDS]
    capitalised = sum(w[0].isupper() for w in longer)
    return capitalised >= 3 and capitalised >= 0.9 * len(longer)


def dateline_end(paragraph: str) -> int:
    """Where the lead's words begin after its dateline ('DES MOINES — She is…', 'WASHINGTON,
    Aug. 19 (UPI) — …', '(CNN) -- …', 'New York (AFP) – …'); 0 when the paragraph opens with none."""
    match = DATELINE.match(paragraph)
    if match and match.group().rstrip().endswith(":") and not (match["date"] or match["credit"] or match["region"]):
        return 0  # 'RAMOS: Secretary Clinton, …': a transcript's speaker, who stays with the words
    match = match or CREDIT_DATELINE.match(paragraph) or WIRE_DATELINE.match(paragraph)
    return match.end() if match else 0


def opens_like_a_lead(paragraph: str) -> bool:
    """A first line opening as a lead does ("It would have been pretty embarrassing for
    Batman.", "There are Christmas miracles after all."), not in title case."""
    return bool(LEAD_OPENING.match(paragraph.lstrip("\"'“‘"))) and not in_title_case(paragraph.split())


def sentence_case_headline(paragraph: str, following: Sequence[str]) -> bool:
    """A headline some archives write as a sentence with a period ("Cruz looks to ease bad blood
    with GOP establishment."): one sentence of at most MAX_SENTENCE_HEADLINE_WORDS words, with no
    reporting verb, weekday or opening pronoun or adverb, as a lead has ("It won't be easy…",
    "…had a rough day Monday", "Maybe…"), followed by a longer paragraph within the next few.
    Of PolNeAR's train texts it finds 232 more headlines (312 -> 544 of 804) and takes the
    paragraph after the headline for one in 26 more texts, most of them a second headline."""
    words = paragraph.split()
    quoted = paragraph[-1] in CLOSING or QUOTED_PHRASE.search(paragraph)
    longest = MAX_SENTENCE_HEADLINE_WORDS + (QUOTED_ENDING_WORDS if quoted else 0)
    if following and dateline_end(following[0]):
        longest = DATELINE_HEADLINE_WORDS  # the story opens right under it: "WASHINGTON, Aug. 19 (UPI) — …"
    if not MIN_SENTENCE_HEADLINE_WORDS <= len(words) <= longest or paragraph.isupper():
        return False
    if not (paragraph[0].isupper() or paragraph[0].isdigit() or paragraph[0] in "\"'“‘") or words[-1].endswith(".."):
        return False
    if sum(map(_ends_sentence, words[:-1])) >= MAX_SENTENCE_HEADLINE_SENTENCES:
        return False  # a paragraph of sentences
    if LEAD_OPENING.match(paragraph.lstrip("\"'“‘")) or LEAD_WORDS.search(paragraph):
        return False
    if PERSONAL.search(paragraph) and not QUOTE_MARK.search(paragraph) and not NAMED_WORDS.match(paragraph):
        return False  # "Mr. Trump, I have a deal for you.": the writer speaking, outside quotation marks
    return any(len(p.split()) >= len(words) + 4 for p in following)


def _ends_sentence(word: str) -> bool:
    """A word closing a sentence: not an abbreviation ("Mr.", "St.", "U.S.")."""
    return word.endswith((".", "!", "?")) and len(word) > 4 and "." not in word[:-1] and word not in LONG_ABBREVIATIONS


def is_banner(line: str) -> bool:
    """A line no headline is: a beta banner, a navigation word, a caption with a credit."""
    line = line.strip()
    return bool(BANNER.fullmatch(line) or CAPTION_CREDIT.search(line) or is_credit_line(line))


def strip_site_affix(title: str | None, outlet: str | None = None, site: str | None = None) -> str | None:
    """``title`` without the site's name set off by a separator (" – Outlet", "Outlet | ").

    The part goes when it matches the outlet or looks like a site name (a domain, or a
    short name of capitalised words) and the rest is at least as long as a headline. ``site``
    is the page's own site-name field, which may hold separators itself ("Haldenhub |
    Veldra's news platform: Headline"): it goes whole from either end.
    """
    if not title:
        return title
    title = strip_whole_site_name(title, site)
    parts = SITE_SEPARATOR.split(title.strip())
    if len(parts) < 2:
        return title
    for side, rest in ((parts[-1], parts[:-1]), (parts[0], parts[1:])):
        joined = " - ".join(rest) if len(rest) > 1 else rest[0]
        if is_site_name(side, outlet) and headline_words(joined) >= 3:
            return joined
    return title


def strip_whole_site_name(title: str, site: str | None) -> str:
    """``title`` without ``site`` at its start or end, set off by a separator."""
    if not site or len(site.split()) < 2 or not SITE_SEPARATOR.search(site):
        return title  # a plain site name is a part like any other
    lower, name = title.casefold(), site.strip().casefold()
    if lower.startswith(name):
        rest = title[len(name) :].lstrip(" :|–—-")
    elif lower.endswith(name):
        rest = title[: -len(name)].rstrip(" :|–—-")
    else:
        return title
    return rest if rest != title and headline_words(rest) >= 3 else title


def headline_words(text: str) -> int:
    """Words in ``text``, counting two CJK characters as one (those scripts set no spaces)."""
    cjk = len(CJK_CHAR.findall(text))
    return len(CJK_CHAR.sub(" ", text).split()) + cjk // 2


def is_site_name(part: str, outlet: str | None) -> bool:
    if outlet and simplify(part) == simplify(outlet):
        return True
    if DOMAIN.fullmatch(part.strip()):
        return True
    words = part.split()
    return 1 <= len(words) <= 3 and all(w[:1].isupper() or w[:1].isdigit() for w in words)


def same_title(paragraph: str, title: str) -> bool:
    """True when a paragraph repeats the title (ignoring case, punctuation, an outlet suffix)."""
    a, b = simplify(paragraph), simplify(title)
    if not a or not b or "\n" in paragraph:
        return False
    shorter, longer = sorted((a, b), key=len)
    return longer.startswith(shorter) and len(shorter) >= 0.6 * len(longer)


def simplify(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def pick(*values: str | None) -> str | None:
    """The first non-empty value."""
    return next((v for v in values if v), None)
