"""Names run together with the words around them, cut apart.

Text copied from a web page loses the line breaks between a byline, a share row and the
next byline: "Laura BassettFlagShareLikeReplyPaige Lavender", "Jon StraussCinematography",
"Getty ImagesRepublican", "the United StatesIn an interview". A mention is cut at a
lower-to-upper boundary where a name meets a word of the language, and the words are
dropped; real names written in camel case stay whole: "YouTube", "BuzzFeed" (two words, no
name), "EgyptAir", "SoftBank" (a name and a company word), "NeverTrump", "YouGov" (a function
word before a name), "McCain", "DeMoro" (a name prefix), "iPhones" (a lower-case start).
"""

from __future__ import annotations

import re

from briefing.nlp.entity_forms import FUNCTION_WORDS, RUN_TOGETHER
from briefing.nlp.entity_words import OPENING_WORDS, is_dictionary_word
from briefing.nlp.lexicon import ORG_WORDS, PLACE_WORDS
from briefing.nlp.mention import Mention

# A figure glued to words ("5ptsmoderatorFeaturedFebruary") ends a name: a comment widget;
# so does a dash before a figure ("Ted Cruz—35 to 12 percent").
GLUED_FIGURE = re.compile(r"\s+\d+[a-z]{4,}\S*$|[—–]\d[\d.,%]*$")
# A time glued before a name opens a comment or a live-blog entry: "9:31PMKasich".
GLUED_TIME = re.compile(r"^\d{1,2}:\d\d(?:[AaPp]\.?[Mm]\.?)?(?=[A-Z])")
# After a name, a space and a lower-case word: the name goes on inside its sentence. Glued page
# furniture ends where a line ended, so the word after a glued one ('Jon StraussCinematography')
# opens another element, not the name's sentence.
RUNS_ON = re.compile(r" [a-z]")
NAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Du", "La", "Le", "O’", "O'", "Van", "Von", "Fitz")


def split_glued(mentions: list[Mention], text: str) -> list[Mention]:
    """Each mention cut into the names glued together in it, the glued words dropped."""
    known = {m.text for m in mentions}
    result = []
    for mention in mentions:
        mention = _without_time(mention)
        previous = re.search(r"(\S+) $", text[max(0, mention.start - 40) : mention.start])
        # a body's name runs on into lower-case words of its sentence ('Corvane AquaLink control
        # software'); a person's name never ends in a camel-case word but for its prefixes ('McCain')
        running = mention.type != "person" and RUNS_ON.match(text, mention.end) is not None
        pieces = _name_pieces(mention.text, known, text, previous[1] if previous else "", running)
        if pieces is None:
            result.append(mention)
            continue
        for offset, piece in pieces:
            start = mention.start + offset
            result.append(Mention(start, start + len(piece), piece, mention.type, mention.weight, mention.role))
    return result


def _without_time(mention: Mention) -> Mention:
    """'9:31PMKasich' -> 'Kasich', in its place."""
    time = GLUED_TIME.match(mention.text)
    if time is None:
        return mention
    start = mention.start + time.end()
    return Mention(start, mention.end, mention.text[time.end() :], mention.type, mention.weight, mention.role)


def _name_pieces(
    form: str, known: set[str], text: str, previous: str = "", running: bool = False
) -> list[tuple[int, str]] | None:
    """(offset, name) of each name in ``form``, or None when ``form`` is left as it is.
    ``previous`` is the word before the mention: 'Getty' of 'Getty ImagesRepublican';
    ``running`` when lower-case words of the same sentence follow it."""
    figure = GLUED_FIGURE.search(form)
    usable = form[: figure.start()] if figure else form
    chunks = _chunks(usable)
    words = [_is_word(c, known) for c in chunks]
    drop = _glued_words(chunks, words, known, text, running)
    if len(chunks) > 1 and words[0] and f"{previous} {chunks[0]}" in known:
        drop[0] = True  # the end of the name before: 'Getty Images' + 'Republican'
    if not figure and not any(drop):
        return None
    pieces: list[tuple[int, str]] = []
    offset = 0
    current: list[str] = []
    for chunk, dropped in zip(chunks, drop, strict=True):
        if dropped:
            _flush(pieces, offset - sum(map(len, current)), current)
            current = []
        else:
            current.append(chunk)
        offset += len(chunk)
    _flush(pieces, offset - sum(map(len, current)), current)
    return pieces


def _flush(pieces: list[tuple[int, str]], offset: int, chunks: list[str]) -> None:
    piece = "".join(chunks)
    stripped = piece.strip()
    if stripped[:1].isupper():
        pieces.append((offset + piece.index(stripped), stripped))


def _chunks(form: str) -> list[str]:
    """``form`` cut at every lower-to-upper boundary that is no name prefix ('McCain')."""
    chunks: list[str] = []
    for part in RUN_TOGETHER.split(form):
        last = chunks[-1].split()[-1] if chunks and chunks[-1].split() else ""
        if chunks and (last in NAME_PREFIXES or not last[:1].isupper()):
            chunks[-1] += part
        else:
            chunks.append(part)
    return chunks


def _is_word(chunk: str, known: set[str]) -> bool:
    """One word of the language that the text never uses as a name on its own."""
    return " " not in chunk.strip() and chunk not in known and is_dictionary_word(chunk)


def _glued_words(chunks: list[str], words: list[bool], known: set[str], text: str, running: bool) -> list[bool]:
    drop = [False] * len(chunks)
    if len(chunks) < 2:
        return drop
    i = 0
    while i < len(chunks):
        if not words[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(chunks) and words[j + 1]:
            j += 1
        before = chunks[i - 1] if i > 0 else None
        after = chunks[j + 1] if j + 1 < len(chunks) else None
        if before is None and after is None:
            return drop  # words only: "YouTube", "SurveyMonkey"
        if j > i + 1 or _glued_one("".join(chunks[i : j + 1]), before, after, known, text, running):
            drop[i : j + 1] = [True] * (j + 1 - i)
        i = j + 1
    return drop


def _glued_one(
    word: str, before: str | None, after: str | None, known: set[str], text: str, running: bool = False
) -> bool:
    """A word (or two) glued to a name: after a known or full name ('Jon StraussCinematography',
    'United StatesIn'), or a content word before a known name ('Getty ImagesRepublican').
    ``running``: the mention goes on into lower-case words of its sentence (see ``RUNS_ON``)."""
    lower = word.strip().lower()
    if lower in ORG_WORDS | PLACE_WORDS:
        return False
    function = lower in FUNCTION_WORDS or lower in OPENING_WORDS
    if not function and len(lower) < 4:
        return False
    token = (before.split()[-1] if before else "") + word.strip() + (after.split()[0] if after else "")
    if _repeated(token, text):
        return False  # a name of its own, written so throughout
    if before is not None and (" " in before.strip() or _known(before, known, text)):
        # ending a body's name inside its sentence, after a name the text never uses alone, the
        # word is a brand's, written in camel case ('Corvane AquaLink control software')
        return not (running and after is None and not function and before.strip() not in known)
    return after is not None and not function and _known(after, known, text)


def _known(chunk: str, known: set[str], text: str) -> bool:
    chunk = chunk.strip()
    if chunk in known:
        return True
    return not is_dictionary_word(chunk) and re.search(rf"(?<![\w-]){re.escape(chunk)}(?![\w-])", text) is not None


def _repeated(token: str, text: str) -> bool:
    return len(re.findall(rf"(?<![\w-]){re.escape(token)}(?![\w-])", text)) >= 2
