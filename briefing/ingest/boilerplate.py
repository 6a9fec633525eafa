"""Recognise the web furniture that pasted and scraped articles carry, line by line.

Two kinds of rule:
- single lines dropped on their own: beta banners, "Edit Story", rows of social networks,
  photo credits, editor credits, newsletter and advertisement lines, copyright footers,
  cookie notices, lines with no letters or digits, and press-release furniture ("FOR
  IMMEDIATE RELEASE", "PRESS RELEASE", "EMBARGOED UNTIL ...", "Notes to editors", "-ends-");
- block headings ("Related reading", "Read more", "Most Viewed", "More From X", "Comments",
  "Add your comment" ...) dropped together with the short link-like lines that follow them;
  a "Media contact:" heading takes only the short lines of its own paragraph (name, role,
  address, phone), so an "About <Company>" paragraph after it stays.

The rules are deliberately narrow: each matches a whole line of typical furniture, so an
article sentence that merely mentions Facebook or cookies stays. A line holding a double
quotation mark is never dropped by a single-line rule, since it probably carries speech.
"""

from __future__ import annotations

import re

I = re.IGNORECASE  # noqa: E741 - a short flag keeps the pattern table readable

SOCIAL_NETWORKS = "twitter|x|facebook|instagram|threads|bluesky|mastodon|linkedin|tiktok|youtube|telegram"
SINGLE_LINE_RULES = [
    re.compile(r"(you are|you're) (now )?(viewing|reading|using|on) (the|a|our) beta\b.*", I),
    re.compile(r"(this is|welcome to|try) (the|our) (new )?beta (version|site)\b.*", I),
    re.compile(r"edit story|listen to (this )?(article|story)|\d{1,2} min(ute)?s? read", I),
    re.compile(r"print( this)?( page| article)?|skip to (main )?content|back to top", I),
    re.compile(r"(story continues below( this)? )?advertisement(s)?( - scroll to continue.*)?", I),
    re.compile(r"(story|article) continues (below|after)( the| this)? (gallery|video|photos?|slideshow|ad)\.?", I),
    # "Advertisement-content continues below", "Advertisement - story continues below"
    re.compile(r"advertisement\s*[-–—:]?\s*(content|story|article|text) continues (below|after)\.?", I),
    re.compile(r"advert|sponsored( content)?|click here to (subscribe|sign up|read more).{0,40}", I),
    re.compile(r"also on [\w-]+(\.[\w-]+)*\.(com|net|org|co\.uk|tv)\b.{0,150}", I),  # "Also on rt.com Journalists ..."
    re.compile(r"(sign up|subscribe|register)\b.{0,80}\bnewsletters?\b.{0,80}", I),
    re.compile(r"(get|receive) (our|the) .{0,40}newsletter.{0,80}", I),
    # a newsletter's pitch ending in its sign-up call: "Start your day with the Opening Bell powered by
    # X. X is the reading of finance professionals. Sign up for the free daily newsletter."
    re.compile(
        r"(?:[^.!?]{1,200}[.!?]\s+){1,2}(sign up|subscribe|register)\b[^.!?]{0,80}\bnewsletters?\b[^.!?]{0,80}[.!]?", I
    ),
    # a newsletter's name and its pitch: "Pick Six Newsletter", "Get the day's big stories, fantasy advice and more"
    re.compile(r"[\w'’&.-]+(?: [\w'’&.-]+){0,3} newsletters?", I),
    re.compile(
        r"(get|receive) the (day|week|morning|evening|weekend)['’]s (big(gest)? |top |best |most important |latest )?"
        r"(stories|news|headlines|reads)\b.{0,100}",
        I,
    ),
    # an outlet's call for letters: "... We'd like to hear what you think about this or any of our articles ..."
    re.compile(r".{0,200}\bwe['’](?:d| would) (?:like|love) to hear (?:what you think|from you)\b.{0,300}", I),
    re.compile(r"share( this( article| story| page)?| on \w+| via \w+)?\s*:?", I),
    re.compile(r"follow (us|@\w+) on\b.{0,80}", I),
    # "Like this story? Share it with a friend!"
    re.compile(
        r"(like|liked|enjoy|enjoyed|love|loved) (this|the) (story|article|post|piece)\s*\?"
        r"\s*(share|send|tell|pass)\b.{0,60}",
        I,
    ),
    # a gallery's or an embed's label left without it: "See more photos:", "See tweets :"
    re.compile(
        r"(see|view) (more |all |the |our )?(photos|pictures|images|tweets|videos|posts)( below| here)?\s*:?", I
    ),
    # a writer's sign-off: "Follow Pam Key on Twitter @pamkeyNEN.", "Follow @USATOpinion or #x on Twitter"
    # and an outlet's: "Follow The New York Times Opinion section on Facebook, Twitter (@NYTopinion) and Instagram."
    re.compile(rf"follow (?:[@#]?[\w'’.-]+ ){{1,6}}on (?:{SOCIAL_NETWORKS})\b.{{0,80}}", I),
    re.compile(r"(©|\(c\) ?\d{4}|copyright\s*(©|\(c\))?\s*\d{4}).{0,200}|all rights reserved\.?", I),
    # "This document is subject to copyright. Apart from any fair dealing ... no part may be reproduced ..."
    re.compile(
        r"this (document|article|story|material|content|page) is (subject to|protected by) copyright\b.{0,300}", I
    ),
    re.compile(
        r"((cover|main|top|lead|featured|feature|header|hero|file)\s+)?"
        r"(photo|photograph|image|picture|illustration|video|graphic)s?( credits?| caption| source)?\s*[:|©].{0,160}",
        I,
    ),
    re.compile(r"(image|media|photo|video) (caption|copyright)\b.{0,160}", I),
    re.compile(r"\(?(photo|image|picture)s?\s+(by|courtesy|credit)\b.{0,160}", I),
    re.compile(r"(getty images|shutterstock|alamy|ap photo)\.?", I),
    re.compile(r"(sorry,? )?(we are|we're) not (currently )?accepting comments( on this (article|story))?\.?", I),
    re.compile(r"comments (are|have been) (now )?(closed|disabled)( (on|for) this (article|story))?\.?", I),
]
RELEASE_PHRASE = r"(?:(?:press|news|media) release|for (?:immediate|general) (?:release|publication|distribution|use))"
# press-release furniture: labels above the headline, the embargo line, end marks
RELEASE_RULES = [
    re.compile(rf"{RELEASE_PHRASE}(?:\s*[-–—:|/,•]?\s*{RELEASE_PHRASE})*\s*[.:]?", I),
    re.compile(
        r"(?:embargoed|under embargo)\s+(?:until|till|to|for)\b.{0,80}|"
        r"embargo(?:ed)?\s*:\s*(?:until|till|for|none|\d).{0,80}",
        I,
    ),
    re.compile(r"(?:notes? (?:to|for) (?:the )?editors?|editor['’]?s['’]? notes?)\s*:?", I),
    # "-ends-", "[ENDS]", "– END –"; a bare word only in capitals, as releases print it
    re.compile(r"(?:[-–—\[(*]+\s*(?i:ends?)\s*[-–—\])*]+|ENDS?)\.?"),
]
CONTACT_HEADING = re.compile(
    r"(?:(?:media|press|news) (?:contacts?|enquiries|inquiries|relations)|"
    r"for (?:further|more) information,? (?:please )?contact|contacts?)\s*(?::\s*(?P<rest>.{0,160}))?",
    I,
)
MAX_CONTACT_WORDS = 12
# lines ending in a credit (captions): "Firefighters on Tuesday. (Photo by Jane Doe/Getty Images)"
CREDIT_TAIL = re.compile(
    r"(\((photo|image|picture)s?\b[^()]{0,120}\)|(photo|image|picture)s?( by|:)\s[^.]{0,100}"
    r"|[/|]\s*(getty images|afp|reuters|ap|epa|shutterstock|alamy)( via getty images)?)\s*$",
    I,
)
CREDIT_LINE_WORDS = 40
# a picture's credit set as a line of its own, its agency first ("REUTERS/Stringer", "AP Photo/The
# Daily Courier, Matt Hinshaw", "© AP PHOTO/ JOHN MINCHILLO"; the agency last is CREDIT_TAIL's) or
# its source behind "Via" ("Jeny Chang for BuzzFeed / Via Drug Policy Alliance data"). The names
# are capitalised words, at most four between commas, so "Reuters/Ipsos poll shows …" is no credit.
PICTURE_AGENCY = (
    r"(?i:ap(?: photo)?|reuters|afp|epa(?:-efe)?|getty(?: images)?|pa(?: wire| images)?|shutterstock|"
    r"alamy|rex(?: features)?|xinhua|anadolu|sipa|zuma(?: press)?|nurphoto|splash news)"
)
CREDIT_NAME = r"(?:[A-Z][\w.'’&-]*|@\w+)(?:\s+(?:[A-Z][\w.'’&-]*|of|the|de|van|von|for))*"
CREDITED_NAMES = rf"{CREDIT_NAME}(?:\s*[,/]\s*{CREDIT_NAME})*"
AGENCY_CREDIT = re.compile(rf"(?:©\s*)?{PICTURE_AGENCY}\s*/\s*{CREDITED_NAMES}")
VIA_CREDIT = re.compile(rf"{CREDITED_NAMES}\s+/\s*(?i:via)(?:\s+[^\s.!?/]+){{1,6}}")  # a source of few words
MAX_CREDIT_NAME_WORDS = 4
SOCIAL_WORDS = frozenset(
    """
    facebook twitter x linkedin whatsapp email e-mail mail print reddit telegram pinterest
    messenger copy link share tweet pin flipboard threads bluesky mastodon instagram youtube
    tiktok sms save gift article url comments comment
    """.split()
)
EDITOR_CREDIT = re.compile(
    r"^\(?((additional |editing |)(reporting|editing|edited|writing|compiled|produced|"
    r"production|fact-checking|research|graphics|translation|translated) by\b)",
    I,
)
CREDIT_CONNECTORS = frozenset("and in from with by additional editing reporting writing the".split())
# a wire story's credits closing its last sentence's line: "... from Quebec. (Additional reporting by
# Mark Hosenball in Washington; Editing by Chris Reese)"; and a wire slug before them
PAREN_TAIL = re.compile(r"\s*(\([^()]{3,400}\))\s*$")
WIRE_SLUG_TAIL = re.compile(r"\s*STORY_NUMBER:\s*\S+\s+STORY_DATE:\s*\S+\s+STORY_TIME:\s*\d{3,4}( GMT)?\s*$")
COOKIE_MARKERS = (
    "we use cookies",
    "this site uses",
    "this website uses",
    "our site uses",
    "accept all",
    "cookie settings",
    "cookie policy",
    "manage cookies",
    "by continuing",
)
BLOCK_HEADING = re.compile(
    r"(related( reading| articles?| stories| coverage| content| links| topics| news)?|"
    r"read more|read next|"
    r"more (from|on|about|in) .{1,40}|more stories|most (viewed|read|popular|shared|watched)|"
    r"(popular|trending)( now| stories| today)?|recommended( for you| stories| reading)?|"
    r"you (may|might) also (like|be interested in)|further reading|see also|also read|top stories|"
    r"add (your|a) comment|leave a comment|comments?( \(\d+\))?|\d+ comments?|"
    r"join the (conversation|discussion)|(show|view) comments)\s*:?",
    I,
)
INLINE_TEASER = re.compile(
    r"(read more|read next|related( posts?| articles?| stor(y|ies)| reading| coverage| content)?|also read|read also"
    r"|see also|see more|also see|watch|don'?t miss|more from \w+"
    r"|(?-i:MORE|More))"  # "MORE: Man lucky to be alive after ...", a link to another story
    r"\s*:\s*\S.{0,150}",
    I,
)
DOUBLE_QUOTES = frozenset('"«»“”„‟「」『』〝〞〟＂')
MAX_LINK_LINES = 8
LINK_LINE_WORDS = 16


def drop_boilerplate(lines: list[str]) -> tuple[list[str], list[str]]:
    """Return (kept lines, dropped lines); empty lines are paragraph breaks and are kept."""
    kept: list[str] = []
    dropped: list[str] = []
    links_left = 0  # link-like lines still to drop after a block heading
    in_contact = False  # inside the paragraph a "Media contact:" heading opened
    for line in lines:
        if not line:
            kept.append(line)
            in_contact = False
        elif BLOCK_HEADING.fullmatch(line):
            dropped.append(line)
            links_left = MAX_LINK_LINES
        elif is_contact_heading(line):
            dropped.append(line)
            in_contact = True
        elif links_left and is_link_like(line):
            dropped.append(line)
            links_left -= 1
        elif (in_contact and is_contact_line(line)) or is_boilerplate_line(line):
            dropped.append(line)
        else:
            body, tail = split_credit_tail(line)
            kept.append(body)
            dropped.extend([tail] if tail else [])
            links_left, in_contact = 0, False
    return kept, dropped


def split_credit_tail(line: str) -> tuple[str, str]:
    """(the line, "") or (its text, the editor credits and wire slug that close it)."""
    text = line
    match = PAREN_TAIL.search(text)
    if match and not DOUBLE_QUOTES.intersection(match[1]) and is_editor_credit(match[1]):
        text = text[: match.start()]
    slug = WIRE_SLUG_TAIL.search(text)
    if slug:
        text = text[: slug.start()]
    if text == line or not text.strip():  # a line of credits alone is the single-line rule's
        return line, ""
    return text, line[len(text) :].strip()


def is_contact_heading(line: str) -> bool:
    """ "Media contact:" alone, or followed on its line by a name, address or number."""
    match = CONTACT_HEADING.fullmatch(line)
    if not match or DOUBLE_QUOTES.intersection(line):
        return False
    return not match["rest"] or is_contact_line(match["rest"])


def is_contact_line(line: str) -> bool:
    """A name, role, address or phone number: short and not a sentence."""
    return len(line.split()) <= MAX_CONTACT_WORDS and not re.search(r"[.!?;][\"'’”»)]*$", line)


def is_boilerplate_line(line: str) -> bool:
    if is_empty_or_copyright(line):
        return True
    if DOUBLE_QUOTES.intersection(line) or len(line.split()) > CREDIT_LINE_WORDS:
        return False
    if any(rule.fullmatch(line) for rule in SINGLE_LINE_RULES) or INLINE_TEASER.fullmatch(line):
        return True
    if is_release_furniture(line):
        return True
    checks = (is_social_row, is_editor_credit, is_cookie_notice, is_picture_credit, CREDIT_TAIL.search)
    return any(check(line) for check in checks)


def is_picture_credit(line: str) -> bool:
    """A picture's credit alone on its line, its agency first or its source behind "Via"."""
    if AGENCY_CREDIT.fullmatch(line):
        names = line
    elif VIA_CREDIT.fullmatch(line):
        names = re.split(r"\s+/\s*(?i:via)\s+", line)[0]  # the source behind "Via" is any words
    else:
        return False
    return all(len(name.split()) <= MAX_CREDIT_NAME_WORDS for name in re.split(r"\s*[,/]\s*|\s+for\s+", names))


def is_empty_or_copyright(line: str) -> bool:
    """No letters or digits at all, or a short line carrying a copyright sign."""
    return not any(ch.isalnum() for ch in line) or ("©" in line and len(line.split()) <= 25)


def is_link_like(line: str) -> bool:
    """A teaser headline in a link list: short and not ending like a sentence."""
    words = line.split()
    return len(words) <= LINK_LINE_WORDS and not re.search(r"[.!?:;][\"'’”»)]*$", line)


def is_social_row(line: str) -> bool:
    tokens = [t for t in re.split(r"[\s|/·•,]+", line.lower()) if t]
    return len(tokens) >= 2 and all(t in SOCIAL_WORDS for t in tokens)


def is_editor_credit(line: str) -> bool:
    """ "Reporting by Jane Doe; Editing by John Roe": credit phrases around capitalised names."""
    match = EDITOR_CREDIT.match(line)
    if not match:
        return False
    rest = re.split(r"[\s;,()]+", line[match.end() :].strip(" .)"))
    words = [w for w in rest if w and w.lower() not in CREDIT_CONNECTORS]
    return bool(words) and all(w[:1].isupper() for w in words) and len(words) <= 20


def is_cookie_notice(line: str) -> bool:
    lower = line.lower()
    return "cookie" in lower and any(m in lower for m in COOKIE_MARKERS)


def is_release_furniture(line: str) -> bool:
    """A press-release label or end mark: never a headline, never part of the article."""
    return any(rule.fullmatch(line.strip()) for rule in RELEASE_RULES)
