"""Direct quotes and who said them.

For each pair of quotation marks: is it speech (not a scare quote or a title)?
What is the cue ("said", "told reporters", "according to", "called it")? Who
is the speaker: a name, a pronoun or a role noun resolved to the right earlier
mention, or the previous speaker when a paragraph is only a quote? And the posts
a page embeds, signed by their author (``quote_tweets``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from briefing.nlp.entities import Cluster
from briefing.nlp.lexicon import NO_ONE_PRONOUNS
from briefing.nlp.marks import pair_marks
from briefing.nlp.parse import Paragraph, ParsedText, trim_range
from briefing.nlp.quote_colons import colon_before, colon_in_sentence
from briefing.nlp.quote_cue_words import ABBREVIATION, FRAGMENT_PREFIXES, Cue
from briefing.nlp.quote_cues import find_cue, in_reported_clause, labels_the_addressed
from briefing.nlp.quote_gender import find_genders
from briefing.nlp.quote_lines import headline_subject, line_cue, signed_cue, transcript_cue
from briefing.nlp.quote_pronouns import untyped_last_speaker
from briefing.nlp.quote_speakers import find_people, resolve_speaker
from briefing.nlp.quote_topics import find_subjects
from briefing.nlp.quote_tweets import tweet_quotes

# the speaker's words end before a relative clause about them: "Mrs. Clinton, who did not
# explicitly say that Mr. Sanders was not qualified to be president, said ..." names Mrs. Clinton
RELATIVE_CLAUSE = re.compile(r",\s+(?:who|whom|whose|which)\b")

TITLE_CUES = re.compile(r"(?i)\b(titled|entitled|named|dubbed|headlined|known as|so-called|billed as|nicknamed)\s*$")
SPEECHLIKE = re.compile(r"(?i)\b(i|we|you|our|us|my|me)\b|[.!?,]$")


@dataclass
class Quote:
    start: int
    end: int
    speaker: int | None  # index into the entity clusters
    speaker_text: str | None
    cue: str | None


def find_quotes(parsed: ParsedText, clusters: list[Cluster]) -> list[Quote]:
    text = parsed.text
    quotes: list[Quote] = []
    previous: Quote | None = None
    before: Paragraph | None = None
    subjects = find_subjects(parsed)
    genders, referred = find_genders(parsed, clusters)
    people = find_people(clusters, text, referred)
    known = (subjects, people, genders)
    # every quoted range, found as a quote or not: people named inside quotation marks are
    # not those a pronoun outside them refers to
    quoted = [
        Quote(p.start + s.open, p.start + s.close, None, None, None)
        for p in parsed.paragraphs
        for s in pair_marks(p.text)
    ]
    for para in parsed.paragraphs:
        for span in pair_marks(para.text):
            _pass_topic(para.start + span.open, clusters, text, quotes + quoted, known)
            quote = _read_quote(para, span, text, clusters, previous, quotes + quoted, before, known)
            if quote is not None:
                quotes.append(quote)
                previous = quote
        before = para
    return [_without_joining_mark(text, q) for q in _with_posts(parsed, clusters, quotes)]


def _without_joining_mark(text: str, quote: Quote) -> Quote:
    """The quote without the comma or semicolon that joins it to the sentence it stands in
    (‘“We will win,” she said’): the words said end before it. A period, question or
    exclamation mark is the speaker's own and stays."""
    end = quote.end
    while end > quote.start + 1 and text[end - 1] in ",;":
        end -= 1
    return quote if end == quote.end else replace(quote, end=end)


def _with_posts(parsed: ParsedText, clusters: list[Cluster], quotes: list[Quote]) -> list[Quote]:
    """The quotes, and the words of each post the page embeds that holds none of them."""
    posts = [
        Quote(start, end, speaker, name, "tweeted")
        for start, end, speaker, name in tweet_quotes(parsed, clusters)
        if not any(q.start < end and start < q.end for q in quotes)
    ]
    return sorted(quotes + posts, key=lambda q: q.start) if posts else quotes


def _pass_topic(upto: int, clusters: list[Cluster], text: str, quotes: list[Quote], known) -> None:
    """Resolves, in order, the 'he' and 'she' subjects before ``upto`` that are not yet: each
    keeps its person the topic ('Sanders spoke first. He said that…' then '“…,” he told me')."""
    subjects = known[0]
    while subjects.pending and subjects.pending[0][0] < upto:
        start, end, word = subjects.pending.popleft()
        if untyped_last_speaker(word, start, clusters, quotes, *known) is not None:
            continue
        found = resolve_speaker(word, start, end, None, clusters, text, quotes, *known)
        if found is not None:
            subjects.pronouns.setdefault(found, []).append((start, end, word))


def _read_quote(para: Paragraph, span, text: str, clusters, previous, quotes, before, known) -> Quote | None:
    """The quote at ``span``, or None; ``known``: the text's subject ranges, its people and their genders."""
    inner_start, inner_end = (para.start + i for i in span.inner)
    inner_start, inner_end = trim_range(text, inner_start, inner_end)
    if inner_end <= inner_start:
        return None
    inner = text[inner_start:inner_end]
    words = inner.split()
    if not span.closed and text[para.end :].lstrip()[:1] not in "“\"«‘'":
        return None  # an opening mark never closed, and the quote does not go on: a stray mark
    lead = text[max(para.start, inner_start - 30) : inner_start - 1]
    headline_cue = _headline_cue(para, span) if _is_headline(para.text) else None
    if headline_cue is None and (TITLE_CUES.search(lead) or _is_title(inner) or _is_show(inner, lead)):
        return None
    cue = (
        headline_cue
        or signed_cue(para, span)
        or transcript_cue(para, span)
        or find_cue(para, span)
        or line_cue(para, span)
        or colon_before(para, span, before)
        or colon_in_sentence(para, span)
    )
    if cue is None:
        if _continues(para, span, previous, words, before) or _follows_in_paragraph(text, para, previous, inner_start):
            return Quote(inner_start, inner_end, previous.speaker, previous.speaker_text, "continuation")
        if _after_colon_paragraph(para, span, before, words):
            # 'Transcript as follows:' then the quoted words: whoever spoke last, if anyone
            near = previous is not None and before is not None and previous.end >= before.start - 2000
            speaker, speaker_text = (previous.speaker, previous.speaker_text) if near and previous else (None, None)
            return Quote(inner_start, inner_end, speaker, speaker_text, "colon")
        return None
    if _names_a_thing(para, cue) or (len(words) <= 3 and labels_the_addressed(para, span)):
        return None
    if len(words) <= 3 and not (_short_quote_allowed(inner, cue, para, span) or in_reported_clause(para, cue, span)):
        return None
    speaker_start, speaker_end = _on_the_verb_line(text, para, cue)
    relative = RELATIVE_CLAUSE.search(text, speaker_start, speaker_end)
    speaker_end = relative.start() if relative and relative.start() > speaker_start else speaker_end
    speaker_end = _closing_parenthesis(text, speaker_start, speaker_end)
    speaker_text = text[speaker_start:speaker_end].strip(" ,")
    untyped = untyped_last_speaker(speaker_text.lower(), speaker_start, clusters, quotes, *known)
    if untyped is not None:
        return Quote(inner_start, inner_end, *untyped, cue.verb)
    told = _told(para, speaker_text, cue, clusters, known[1])
    known = (known[0], known[1] - told, known[2])
    speaker = resolve_speaker(speaker_text, speaker_start, speaker_end, cue.head, clusters, text, quotes, *known)
    return Quote(inner_start, inner_end, speaker, speaker_text or None, cue.verb)


def _on_the_verb_line(text: str, para: Paragraph, cue) -> tuple[int, int]:
    """The speaker's words on the line of the verb: a paragraph of lines the parser ran together
    ('… Conference in New York\n© AP PHOTO\nOne former Vice editorial employee told Gawker …')
    gives a subject across them, whose speaker is what stands on the verb's line."""
    start, end = cue.speaker_start, cue.speaker_end
    if cue.verb_i is None or cue.verb_i >= len(para.doc) or "\n" not in text[start:end]:
        return start, end
    verb = para.start + para.doc[cue.verb_i].idx
    line_start = text.rfind("\n", 0, verb) + 1
    if start < line_start < end:
        start = line_start
    line_end = text.find("\n", verb)
    return start, min(end, line_end) if start < line_end < end else end


def _told(para: Paragraph, speaker_text: str, cue, clusters, people: set[int]) -> set[int]:
    """'He was prevented from returning, telling Mr Qureshi in an email: “…”', 'He calls
    Christie's endorsement “…”': the people named in the cue verb's object (up to its head, not
    'Ryan, who used the same words … endorse Trump'), whom a pronoun speaking tells or speaks
    of; none of them speaks."""
    if speaker_text.lower() not in ("he", "she") or cue.verb_i is None or cue.verb_i >= len(para.doc):
        return set()
    objects = [c for c in para.doc[cue.verb_i].children if c.dep_ in ("dobj", "dative", "iobj")]
    spans = [(para.start + o.left_edge.idx, para.start + o.idx + len(o.text)) for o in objects]
    return {i for i in people if any(s <= m.start < e for m in clusters[i].mentions for s, e in spans)}


def _closing_parenthesis(text: str, start: int, end: int) -> int:
    """``end``, past the ')' that closes a parenthesis the speaker's words open: 'said Sen. Ted
    Cruz (R-Texas)' names 'Sen. Ted Cruz (R-Texas)', not 'Sen. Ted Cruz (R-Texas'."""
    words = text[start:end]
    if words.count("(") <= words.count(")"):
        return end
    close = re.match(r"[^\S\n]*\)", text[end : end + 3])
    return end + close.end() if close else end


def title_spans(parsed: ParsedText) -> list[tuple[int, int]]:
    """Ranges of quoted titles and names of works ('the inquiry, titled “Clean Water, Safe
    Systems”'): the words inside are not entities of the story."""
    spans = []
    for para in parsed.paragraphs:
        for span in pair_marks(para.text):
            inner = para.text[span.open + 1 : span.close]
            before = para.text[max(0, span.open - 30) : span.open]
            if _is_title(inner.strip()) or TITLE_CUES.search(before.rstrip()):
                spans.append((para.start + span.open, para.start + span.close))
    return spans


def _is_title(inner: str) -> bool:
    """'Resilient Veldra 2030', 'Clean Water, Safe Systems': capitalised words, no sentence."""
    words = [w for w in re.split(r"[\s,:]+", inner) if w]
    if not 1 < len(words) <= 7 or inner.rstrip()[-1:] in ".!?":
        return False
    small = {"of", "the", "a", "an", "and", "for", "in", "on", "to", "at", "with"}
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in small for w in words) and words[0][0].isupper()


NAMERS = frozenset(("they", "we", "you", "people", "some", "many", "what"))  # 'what is called a “…”'


def _names_a_thing(para: Paragraph, cue: Cue) -> bool:
    """'what they call the “green tax”', 'residents call it the “fire corridor”': a name
    people give a thing, not words someone said; nor are words no one says ('nothing says
    success quite like “Koch brothers.”')."""
    if para.text[cue.speaker_start - para.start : cue.speaker_end - para.start].strip(" ,").lower() in NO_ONE_PRONOUNS:
        return True
    if (
        not (cue.naming or cue.verb.lower().startswith(FRAGMENT_PREFIXES))
        or cue.head is None
        or not para.start <= cue.head < para.end
    ):
        return False
    head_i = para.token_from(cue.head - para.start)
    head = para.doc[head_i] if head_i is not None else None
    return head is not None and (head.tag_ == "NNS" or head.lower_ in NAMERS)


def _headline_cue(para: Paragraph, span) -> Cue | None:
    """'Trump: ‘…’' names its speaker before a colon. In a headline, words in single curly
    marks past its first word are someone's words ('Chris Christie Calls Hillary Clinton ‘A
    Disgrace’'), as headline style has it: the cue verb's subject, else the headline's."""
    named = line_cue(para, span)
    if named is not None or para.text[span.open] != "‘" or not para.text[: span.open].strip():
        return named
    return find_cue(para, span) or headline_subject(para)


def _is_headline(paragraph: str) -> bool:
    """'Warren: Trump Is a ‘Proven Failure’ in Business.': short, every long word capitalised."""
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", paragraph) if len(w) > 3]
    return len(paragraph) < 200 and len(words) >= 2 and all(w[0].isupper() for w in words)


def _is_show(inner: str, lead: str) -> bool:
    """'on “Meet the Press.”', 'CNN’s “New Day.”', 'an interview with “Fox News Sunday.”': a
    programme's title, the sentence's period inside."""
    if not inner.endswith((".", ",")) or not re.search(r"(?i)(\bon|\bto|\bin|\bwith|['’]s)\s*$", lead):
        return False
    words = inner[:-1].split()
    return 0 < len(words) <= 6 and _is_title(inner[:-1] + " Show" if len(words) == 1 else inner[:-1])


def _continues(para: Paragraph, span, previous: Quote | None, words: list[str], before: Paragraph | None) -> bool:
    """A paragraph that is only a quote carries on the previous speaker, when the quote before
    it closed the paragraph just before: anyone named in a paragraph between may speak now."""
    if previous is None or len(words) < 3 or before is None or previous.end < before.start:
        return False
    if previous.speaker_text is None and text_after(before, previous.end).strip():
        return False  # a quote without a speaker carries on only when it was left open
    opening = para.text[: span.open].strip()
    after = para.text[span.after :].strip()
    return not opening and len(after) < 3


def text_after(para: Paragraph, offset: int) -> str:
    return para.text[offset - para.start :]


def _after_colon_paragraph(para: Paragraph, span, before: Paragraph | None, words: list[str]) -> bool:
    """A paragraph that opens with a quote of four words or more after one ending in a colon."""
    return (
        before is not None
        and before.text.rstrip().endswith(":")
        and not para.text[: span.open].strip()
        and len(words) >= 4
    )


def _follows_in_paragraph(text: str, para: Paragraph, previous: Quote | None, inner_start: int) -> bool:
    """'“...,” she added, at length. “No ransom ...”': a quote that opens the sentence
    right after its speaker's attribution carries on that speaker."""
    if previous is None or previous.speaker_text is None or not para.start <= previous.start < inner_start:
        return False
    # up to the opening mark, of one character or two ('' in some wire copy)
    gap = text[previous.end : inner_start].rstrip().rstrip("“‘«\"'").rstrip()
    ends = [e for e in re.finditer(r"[.!?](?=\s|$)", gap) if e.start() and not _ends_abbreviation(gap, e.start())]
    if len(gap) > 240 or re.search(r",\s*but\b|\b(while|whereas)\b", gap):
        return False
    return len(ends) <= 1 and (not ends or gap.endswith((".", "!", "?", ":")))


def _ends_abbreviation(text: str, period: int) -> bool:
    """'Gov. Kasich replied.': the period of 'Gov.' ends no sentence."""
    word = re.search(r"[\w.]+$", text[: period + 1])
    return word is not None and bool(ABBREVIATION.match(word.group()))


def _short_quote_allowed(inner: str, cue: Cue, para: Paragraph, span) -> bool:
    """Three words or fewer: a fragment ("called it “slow and chaotic”", "said a cut was
    “a realistic scenario”") or a reply ("“Yes,” she said"); otherwise a scare quote."""
    if (
        cue.naming
        or cue.verb in ("fragment", "according to", "headline")
        or cue.verb.lower().startswith(FRAGMENT_PREFIXES)
    ):
        return True
    if len(inner.split()) >= 2 and cue.speaker_end <= para.start + span.open:
        return True  # a speech verb before the words, in the same sentence
    gap_after = cue.speaker_start - (para.start + span.close)
    right_after = para.text[span.after : span.close + 40]
    close_i = para.token_from(span.close)
    verb_next = close_i is not None and cue.verb_i == close_i + 1  # '“Yes!” beamed Donald Hartley'
    tight = (
        verb_next
        or 0 <= gap_after <= 3
        or bool(re.match(r"\s*(said|says|added|told|asked|replied|insisted)\b", right_after))
    )
    return inner.rstrip()[-1:] in ",.!?" and tight
