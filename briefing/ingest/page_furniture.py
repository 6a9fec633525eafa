"""What page furniture looks like in a pasted web page: menus and account words, subscribe and
paywall lines, share rows, headings that end an article, comment-thread and footer lines, lines
that are no headline, and byline or date lines. ``page_lines`` labels and weighs the lines with
these."""

from __future__ import annotations

import re

from briefing.ingest.boilerplate import BLOCK_HEADING, is_boilerplate_line
from briefing.ingest.byline import name_of_author_line, parse_byline
from briefing.ingest.dates import find_full_dates
from briefing.ingest.language import STOP_WORDS

STOPS = frozenset(word for words in STOP_WORDS.values() for word in words.split())
SENTENCE_END = re.compile(r"[.!?…。！？:][\"'’”»)\]]*$")
WORD = re.compile(r"[^\W\d_]+")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
FURNITURE = re.compile(
    r"(home|menu|search|sections?|subscribe( now)?|sign ?in|sign ?up|log ?in|log ?out|register|"
    r"skip to (main )?(content|article|navigation)|close|x|more|next|previous|back|top|"
    r"newsletters?|podcasts?|videos?|latest( news)?|trending|topics|account|my account|profile|"
    r"edition|(english|international|print|us|uk) edition|beta|share|tweet|email|e-mail|print|"
    r"comments?|advertisement|ad|sponsored|follow us|contact( us)?|about( us)?|privacy( policy)?|"
    r"terms( of (use|service))?|cookie (policy|settings)|sitemap|rss|help|faq|careers|jobs|"
    r"advertise( with us)?|subscriptions?|menu close|toggle navigation|open menu|loading\.*|"
    r"(to )?read the full (story|article)|already a (subscriber|member)\??.*|"
    r"(subscribe|sign up|register) (to|for) (continue|read|unlimited|full).{0,80}|"
    r"(create|start) (a|your) free account.{0,80}|you('ve| have) reached your .{0,60}|"
    r"become a (member|subscriber).{0,60}|support (our|independent) journalism.{0,80}|"
    r"you are (signed|logged) in as.{0,60}|(edit profile|sign out)+|copy (this )?link|"
    r"(click to )?(share|print|email)( this( article| story)?)?( (on|with|to) [\w ]{1,30})?( \(opens in new window\))?|"
    r"click to email this to a friend.{0,30}|read more about sharing\.?|"
    r"these are external links and will open in a new window|image (copyright|caption|source).{0,60}|"
    r"(back|return) to (overview|top|home|news|articles?|blog)|zurück( zur übersicht)?|"
    r"new, \d+ comments?|"
    r"(english|español|français|deutsch|italiano|português|русский|中文.*|日本語.*|한국어|العربية)"
    r"( \(.{1,20}\))?)\W*",
    re.IGNORECASE,
)

# headings of what follows an article: comments, related lists, tags, the author's box
END_MARKER = re.compile(
    r"\[?\s*\d+ (comments?|responses?|replies)\s*\]?|(top rated |reader |latest |view |show )?comments?"
    r"( \(\d+\))?|leave a (reply|comment)|post a comment|join the (conversation|discussion)|"
    r"about the author|"
    r"related( articles?| stories| posts| coverage| content| news| roundup.*)?( (from|on|in) .{1,60})?|"
    r"(tags?|filed under|topics|categories|category)\s*:.*|"
    r"you (may|might) (also )?(like|enjoy|be interested in).*|more (stories|articles|news|from|on) ?.{0,40}|"
    r"(most|the most) (popular|read|viewed|shared)( articles| stories| now| today)?|"
    r"(recommended|sponsored|trending|popular|latest)( for you| stories| articles| posts| news| now)?|"
    r"read (more|next|also)|see also|also read|further reading|what to read next|"
    # the same in the languages of the stop lists: related articles, comments, leave a reply
    r"(artigos|artículos|articoli|articles|notícias|noticias|notizie|posts?) "
    r"(relacionad[oa]s|correlati|similaires|liés|associés)|ähnliche (artikel|beiträge)|"
    r"(comentários|comentarios|commenti|commentaires|kommentare)( \(\d+\))?|"
    r"(deixe|deja|lascia|laissez|laisser|hinterlasse|schreibe) (uma?|un|une|einen) "
    r"(resposta|respuesta|risposta|réponse|comentário|comentario|commento|commentaire|kommentar)|"
    r"(sobre|acerca de|à propos de|über) (o|el|l'|den) (autor|auteur)|sull'autore",
    re.IGNORECASE,
)
# lines of comment threads: "2 days ago at 07:52 am", "Rating: 36 Votes", "Reply"
THREAD = (
    r"\d+ (seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?) ago\b.{0,30}|"
    r"(rating|votes?|likes?|points?)\s*:?\s*\d+\s*(votes?|likes?|points?)?|reply|report"
)
# and of page footers: a contact line
THREAD_OR_FOOTER = re.compile(
    THREAD + r"|.{0,200}(\b[\w.+-]+@[\w-]+\.[\w.]+|\b(telephone|tel|fax|phone)\s*:).{0,300}", re.IGNORECASE
)
# and of a comment form: "Name *", "Your email address will not be published."
COMMENT_FORM = (
    r"(name|nome|nombre|nom|e-?mail|website|site|comment|comentário|comentario|commento|kommentar)\s*\*|"
    r"your e-?mail address will not be published.*|"
    r"required fields are marked.*|save my name, e-?mail.*"
)
THREAD_LINE = re.compile(THREAD + "|" + COMMENT_FORM, re.IGNORECASE)
COMMENTS_HEADING = re.compile(r"comment|repl(y|ies)|respons|conversation|discussion", re.IGNORECASE)

# not a headline: breadcrumbs, captions with a credit, reading times, calls to action, list
# items, a teaser cut short ("Star quits after..": two dots; an ellipsis may end a headline)
NOT_HEADLINE = re.compile(
    r"^[*•·▪–-]\s|(?<![.])\.\.$|"
    r"\s[>»›/]\s|[>»›]\s*$|\((photo|credit|image|foto)s?\b|\b(getty|reuters|ap photo|afp|shutterstock)\b\)?$|"
    r"^(reading time|tempo de leitura|lesezeit|temps de lecture)\b|\bmin(ute)?s? read$|"
    r"^(click|tap|get|view|follow|subscribe|sign up|download|watch|listen)\b",
    re.IGNORECASE,
)

# a date without a year or a time with a label: "Updated Nov 19, 6:55 AM", "11/19/2019", "18.11.2019"
SHORT_DATE = re.compile(
    r"\b(updated|posted|published|modified)\b|\b\d{1,2}:\d{2}\s*([ap]\.?m\.?)?\b|"
    r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d+ (minutes?|hours?|days?) ago\b",
    re.IGNORECASE,
)

# a video's or a recording's label with its running time: "VIDEO3:45", "Video 02:31 / 03:10"
MEDIA_LABEL = re.compile(
    r"(video|audio|podcast|play|watch|listen)\W*(\d{1,2}:){1,2}\d{2}(\W*(\d{1,2}:){1,2}\d{2})*", re.I
)

COOKIE_OPENING = re.compile(r"(this (web)?site|our (web)?site|we) uses? cookies\b", re.IGNORECASE)
COOKIE_WORD = re.compile(r"\bcookies?\b", re.IGNORECASE)
MIN_COOKIE_WORDS = 3
PHOTO_CREDIT = re.compile(
    r"(photo|photograph|image|picture)s?( credit)?\s*[:|©].{0,160}|"
    r"\(?(photo|image|picture)s?\s+(by|courtesy|credit)\b.{0,160}",
    re.IGNORECASE,
)


def count_words(line: str) -> int:
    """Words, with runs of CJK characters counted as one word per two characters."""
    return len(line.split()) + len(CJK.findall(line)) // 2


def is_furniture(line: str) -> bool:
    return bool(
        FURNITURE.fullmatch(line)
        or THREAD_OR_FOOTER.fullmatch(line)
        or is_boilerplate_line(line)
        or is_cookie_paragraph(line)
    )


def is_cookie_paragraph(line: str) -> bool:
    """A cookie banner's or consent dialog's paragraph: it opens with "This website uses
    cookies" or speaks of cookies again and again (an article about cookies says so once or
    twice a paragraph, and is no pasted page's footer)."""
    return bool(COOKIE_OPENING.match(line)) or len(COOKIE_WORD.findall(line)) >= MIN_COOKIE_WORDS


def is_end_marker(line: str) -> bool:
    return bool(END_MARKER.fullmatch(line.strip(" :»›>|-–—")) or BLOCK_HEADING.fullmatch(line))


def is_meta_line(line: str) -> bool:
    """A byline, a line naming the author ("Jane Doe, Staff Writer") or a short dated line."""
    if parse_byline(line) or re.fullmatch(r"(?i)by:?", line.strip()) or name_of_author_line(line):
        return True
    return count_words(line) <= 15 and bool(find_full_dates(line) or SHORT_DATE.search(line))


def is_media_label(line: str) -> bool:
    return bool(MEDIA_LABEL.fullmatch(line.strip()))


def is_thread_line(line: str) -> bool:
    return bool(THREAD_LINE.fullmatch(line))


def is_comments_heading(line: str) -> bool:
    return is_end_marker(line) and bool(COMMENTS_HEADING.search(line))


def is_photo_credit(line: str) -> bool:
    return bool(PHOTO_CREDIT.fullmatch(line))
