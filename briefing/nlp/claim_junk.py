"""Text that is never a claim: bylines, writer and credit lines, captions, article-age notices,
price-table lines and table rows, promos, press-release headers, list markers, links run
together, calls to a telephone number and site boilerplate.

The importer's own line detectors (``briefing.ingest.boilerplate`` and ``byline``) are
reused; the patterns here cover what survives cleaning and reaches a sentence.
"""

from __future__ import annotations

import re

from briefing.ingest.boilerplate import is_boilerplate_line
from briefing.ingest.byline import is_credit_line, parse_byline
from briefing.ingest.page_furniture import is_furniture

# "By Reuters · Nov. 19, 2014", "By AFP | Updated 3:45 PM": a short "By X" with a separator
SHORT_BYLINE = re.compile(r"[Bb][Yy]\s+[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}\s*(?:[·|•—–]|\s-\s|$)")
DATELINE_STAMP = re.compile(r"(?i)^(?:updated|published|posted|last (?:updated|modified)|first published)\b.{0,80}$")
CAPTION = re.compile(
    r"(?i)^[(\[]\s*(?:graphic|photo|picture|image|video|map|chart|illustration|reporting|editing|"
    r"writing|source|file photo|additional reporting)s?\b.*[)\]]\.?$|"
    r"^(?:(?:cover|main|top|lead|featured|feature|header|hero|file)\s+)?"
    r"(?:photo|photograph|picture|image|graphic|video|illustration|chart|map|watch|listen)s?"
    r"(?:\s+(?:credits?|caption|source))?\s*[:|].{0,200}$|"
    r"^(?:image|media|photo|video) (?:caption|copyright)\b.{0,200}$|"
    # a picture's file name: "Screen Shot 2014-10-23 at 4.11.02 PM", "IMG_20150102_101500"
    r"^(?:screen ?shot|img|dsc|pxl)[ _-]?\d{4}-?\d\d-?\d\d(?!\d).{0,40}$|"
    # "Handout picture released by the presidency showing soldiers at the crater"
    r"^(?:an? |this )?(?:handout|file|undated) (?:photo(?:graph)?|picture|image|video still)s?\b.{0,300}$|"
    # "A screengrab taken on October 2, 2014 from a video released by Boko Haram shows ...": what
    # a picture shows, in the present ("The picture taken by the drone was fake" is a claim)
    # "This graphic, provided by Statista, shows the states where ...": a chart's caption too
    r"^(?:an? |this )?(?:screen ?grab|screen ?shot|frame ?grab|video ?grab|video still|still image|photo(?:graph)?|"
    r"picture|image|graphic|chart|map|infographic),? (?:taken|made|grabbed|obtained|provided|released|posted|"
    r"shared|distributed|from|compiled|produced|created|drawn)\b"
    r"(?!.*\b(?:said|says|according to)\b).{0,300}\b(?:shows|showing)\b(?! that\b).{0,300}$"
)
AGE_NOTICE = re.compile(
    r"(?i)\bthis (?:article|story|content|page|post|piece) is (?:more|over|older) than \w+ \w+ old\b|"
    r"^(?:this (?:article|story) was (?:first )?published|(?:originally )?published on)\b.{0,60}$|"
    # the page's own update notice: "This story was amended on 10 November, following a comment from
    # …", "(This story was updated at 8:30 p.m. CT.)" ("this report" may be a document the story is about)
    r"^[(\[]?this (?:article|story|post|piece) (?:has been|was|has been further) "
    r"(?:amended|updated|corrected|changed|edited|revised)\b.{0,200}$"
)
PROMO = re.compile(
    r"(?i)^(?:editor['’]?s['’]? note|have something to add|got a (?:news )?tip|share your (?:thoughts|story|views)|"
    r"tell us what you think|(?:sign up|subscribe|register) (?:for|to|now)|click (?:here|to)|"
    r"download (?:our|the) app|follow (?:us|@)|get (?:the latest|our|unlimited)|"
    r"(?:read|see|watch) (?:more|also|the full|next)|like us on|join (?:us|our)|"
    r"related:|more:|contact (?:us|the author)|email us|we want to hear|for the latest|welcome to)\b|"
    r"^good (?:morning|afternoon|evening)\b[^.!?]{0,20}!|"
    r"^(?:co-?)?(?:written|authored|reported|edited|compiled|produced) by\b"
)
PROMO_ANYWHERE = re.compile(
    r"(?i)\b(?:is|are) (?:now )?available (?:from|at|on|through|in stores|for pre-?order)\b|"
    r"\bfollow (?:him|her|them|us|me) (?:on|at)\b|\b(?:subscribe|sign up) (?:to|for) (?:our|the|his|her)\b|"
    r"\buse (?:the |our )?(?:promo |coupon |discount |offer |voucher )?code\b|\bclick to tweet\b|"
    r"\((?:originally|orig\.|regularly|reg\.|list price)[:\s]+[$€£]\s?\d[\d,.]*\)|^(?:new )?price drop\b|"
    r"\bcontributed (?:to (?:this|the) (?:report|story|article)|(?:additional )?reporting)"
    r"(?: from [A-Z][\w ,.-]{0,40})?\.?$"
)
# a byline behind a section label: "Analysis: Will Ross, BBC News, Lagos"
LABELLED_BYLINE = re.compile(
    r"(?i:analysis|opinion|comment(?:ary)?|review|column|interview)\s*[:|]\s*(?P<rest>\S.{2,80})"
)
# a link to another story behind its section label: "China furious at Macron for protest jibe [INSIGHT]";
# a label of what the story itself shows ("... Dulles Airport [PHOTO]", "[UPDATE]") leaves a headline one
TEASER_LABEL = re.compile(
    r"\[(?!(?:VIDEOS?|PHOTOS?|PICS?|PICTURES?|AUDIO|UPDATED?|GRAPHIC|WATCH|LIVE|GALLERY)\])"
    r"[A-Z]{3,}(?: [A-Z]{3,})?\]\W*$"
)
# a picture's credit, which ends a caption: "(AP Photo/Jane Doe)", "Scott Olson via Getty Images"
PHOTO_CREDIT = re.compile(
    r"(?i)\((?:ap |afp |reuters |file )?(?:photo|image|picture|graphic)s?\s*(?:[:/]|by\b|credit)[^)]*\)|"
    r"\b(?:via|/)\s*(?:getty|shutterstock|ap photo|afp|reuters|epa)\b|\b(?:ap|afp|epa) photo\b|\bgetty images\b"
)
# a press release's header: "Ministry of Infrastructure - Press release - 4 March 2026 - For immediate release"
RELEASE_HEADER = re.compile(
    r"(?i)\bfor (?:immediate|general) release\b|\bembargoed (?:until|till)\b|"
    r"(?:^|[-–—|·]\s*)(?:press|news|media) release\s*(?:[-–—|·:]|$)"
)
LIST_MARKER = re.compile(r"^\s*(?:\(?\d{1,3}[.)]|[-•*·▪]|[a-z][.)])\s*$")
MARKUP_OR_LINK = re.compile(r"<[a-z/][^>]{0,200}>|https?://|\bpic\.twitter\.com/|\bwww\.\w", re.IGNORECASE)
# a table's row as the importer writes it ("DL | Myles Garrett | 57 | 77% | 1 tackle"), or Markdown's
TABLE_ROW = re.compile(r"(?:^|\s)\|\s.*\s\|(?:\s|$)")
NUMBER_TOKEN = re.compile(r"^[-+$€£¥]?\d[\d,.:/]*%?$")
# a reference list's entry: "[2] Joint Commission National Patient Safety Goal: Alarm Management"
FOOTNOTE = re.compile(r"^\[\d{1,2}\]\s")  # not "[538] …", an outlet's tag
# a page's script that came along with its text: "BF_STATIC.timequeue.push(function () {
# document.getElementById(...).innerHTML = ...; });"
CODE = re.compile(
    r"\bfunction\s*\([\w\s,]*\)\s*\{|\}\s*\)+\s*;|\b(?:document|window)\.[a-z]\w*\s*[.(=]|\.innerHTML\b|"
    r"\b(?:var|let|const)\s+\w+\s*=[^=]"
)
# links to other stories run together, each headline glued to the next: "... cheating deathLiberia
# Ebola victims ... decree relaxedEbola drug ..." (not a handle, "@realDonaldTrump", or a brand, "BuzzFeed")
GLUED_HEADLINE = re.compile(r"(?<![@#\w])[a-z]{3,}[A-Z][a-z]+")
MIN_GLUED_HEADLINES = 2
RELATED_RUN = re.compile(r"Related(?=[A-Z])")  # a list's label glued to its first link: "RelatedApple Watch …"
# a call to the reader with a telephone number: "For more information, call (785) 273-0325."
PHONE_CALL = re.compile(r"(?i)\b(?:call|contact|text|dial|phone|ring)\b[^.]{0,60}?\(?\b\d{3}\)?[ .-]?\d{3}[ .-]\d{4}\b")
LINK_SEPARATORS = re.compile(r"\s*(?:[,|·•/]|\s-\s)\s*")
# a review's or a spec sheet's fields on one line: "Tested by: John Milbank RRP: 49.95 Euro (£40)"
FIELD_LABEL = re.compile(r"(?:^|\s)[A-Z][\w-]*(?: [a-z]+)?:\s")


def is_junk(text: str) -> bool:
    """True for a sentence or line that is page furniture, never a checkable statement."""
    line = text.strip()
    if not line or LIST_MARKER.match(line):
        return True
    if (
        AGE_NOTICE.search(line)
        or PROMO.match(line)
        or PROMO_ANYWHERE.search(line)
        or CAPTION.match(line)
        or PHOTO_CREDIT.search(line)
        or DATELINE_STAMP.match(line)
        or RELEASE_HEADER.search(line)
    ):
        return True
    if (
        _is_byline(line)
        or is_credit_line(line)
        or _is_price_line(line)
        or MARKUP_OR_LINK.search(line)
        or TABLE_ROW.search(line)
        or CODE.search(line)
    ):
        return True
    if TEASER_LABEL.search(line) or FOOTNOTE.match(line) or len(FIELD_LABEL.findall(line)) >= 2:
        return True
    if len(GLUED_HEADLINE.findall(line)) >= MIN_GLUED_HEADLINES or RELATED_RUN.match(line) or PHONE_CALL.search(line):
        return True
    if _is_link_row(line):
        return True
    return is_boilerplate_line(line)


def _is_link_row(line: str) -> bool:
    """A footer's links on one line: "Privacy Policy, Terms of Use", "About Us | Contact"."""
    parts = [part for part in LINK_SEPARATORS.split(line.rstrip(".")) if part]
    return len(parts) >= 2 and all(is_furniture(part) for part in parts)


def _is_byline(line: str) -> bool:
    if len(line.split()) > 16:
        return False
    labelled = LABELLED_BYLINE.fullmatch(line)
    if labelled and parse_byline(f"By {labelled['rest']}") is not None:
        return True
    return bool(SHORT_BYLINE.match(line)) or parse_byline(line) is not None


def _is_price_line(line: str) -> bool:
    """A row of a price or results table: mostly numbers, few words, no sentence."""
    tokens = line.split()
    if len(tokens) < 3:
        return False
    numbers = sum(1 for t in tokens if NUMBER_TOKEN.match(t.strip("(),;")))
    return numbers / len(tokens) >= 0.4 and not re.search(r"\b(?:is|are|was|were|has|have|had)\b", line)
