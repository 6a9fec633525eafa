"""Direct quotes and who said them.

For each pair of quotation marks: is it speech (not a scare quote or a title)?
What is the cue ("said", "told reporters", "according to", "called it")? Who
is the speaker: a name, a pronoun or a role noun resolved to the right earlier
mention, or the previous speaker when a paragraph is only a quote?
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.nlp.entities import Cluster
from briefing.nlp.lexicon import QUOTE_VERBS
from briefing.nlp.marks import pair_marks
from briefing.nlp.parse import Paragraph, ParsedText, trim_range
from briefing.nlp.quote_speakers import resolve_speaker

TITLE_CUES = re.compile(r"(?i)\b(titled|entitled|named|dubbed|headlined|known as|so-called|billed as|nicknamed)\s*$")
FRAGMENT_VERBS = frozenset("call describe label brand term deride praise".split())
FRAGMENT_PREFIXES = ("call", "describ", "label", "brand", "term", "deride", "prais")
SPEECHLIKE = re.compile(r"(?i)\b(i|we|you|our|us|my|me)\b|[.!?,]$")


@dataclass
class Quote:
    start: int
    end: int
    speaker: int | None  # index into the entity clusters
    speaker_text: str | None
    cue: str | None


@dataclass
class _Cue:
    verb: str
    speaker_start: int  # absolute range of the words naming the speaker
    speaker_end: int
    head: int | None = None  # absolute offset of the phrase's head word


def find_quotes(parsed: ParsedText, clusters: list[Cluster]) -> list[Quote]:
    text = parsed.text
    quotes: list[Quote] = []
    previous: Quote | None = None
    for para in parsed.paragraphs:
        for span in pair_marks(para.text):
            quote = _read_quote(para, span, text, clusters, previous, quotes)
            if quote is not None:
                quotes.append(quote)
                previous = quote
    return quotes


def _read_quote(para: Paragraph, span, text: str, clusters, previous, quotes) -> Quote | None:
    inner_start, inner_end = (para.start + i for i in span.inner)
    inner_start, inner_end = trim_range(text, inner_start, inner_end)
    if inner_end <= inner_start:
        return None
    inner = text[inner_start:inner_end]
    words = inner.split()
    if TITLE_CUES.search(text[max(para.start, inner_start - 30):inner_start - 1]) or _is_title(inner):
        return None
    cue = _find_cue(para, span)
    if cue is None:
        if _continues(para, span, previous, words) or _follows_in_paragraph(text, para, previous, inner_start):
            return Quote(inner_start, inner_end, previous.speaker, previous.speaker_text, "continuation")
        return None
    if len(words) <= 3 and not _short_quote_allowed(inner, cue, para, span):
        return None
    speaker_text = text[cue.speaker_start:cue.speaker_end].strip(" ,")
    speaker = resolve_speaker(speaker_text, cue.speaker_start, cue.speaker_end, cue.head, clusters, text, quotes)
    return Quote(inner_start, inner_end, speaker, speaker_text or None, cue.verb)


def title_spans(parsed: ParsedText) -> list[tuple[int, int]]:
    """Ranges of quoted titles and names of works ('the inquiry, titled “Clean Water, Safe
    Systems”'): the words inside are not entities of the story."""
    spans = []
    for para in parsed.paragraphs:
        for span in pair_marks(para.text):
            inner = para.text[span.open + 1:span.close]
            before = para.text[max(0, span.open - 30):span.open]
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


def _continues(para: Paragraph, span, previous: Quote | None, words: list[str]) -> bool:
    """A paragraph that is only a quote carries on the previous speaker."""
    if previous is None or previous.speaker_text is None or len(words) < 3:
        return False
    before = para.text[:span.open].strip()
    after = para.text[span.close + 1:].strip()
    return not before and len(after) < 3


def _follows_in_paragraph(text: str, para: Paragraph, previous: Quote | None, inner_start: int) -> bool:
    """'“...,” she added, at length. “No ransom ...”': a quote that opens the sentence
    right after its speaker's attribution carries on that speaker."""
    if previous is None or previous.speaker_text is None or not para.start <= previous.start < inner_start:
        return False
    gap = text[previous.end:inner_start - 1].rstrip()
    ends = re.findall(r"[.!?](?=\s|$)", gap[1:])
    if len(gap) > 240 or re.search(r"\b(but|while|whereas)\b", gap):
        return False
    return len(ends) <= 1 and (not ends or gap.endswith((".", "!", "?", ":")))


def _short_quote_allowed(inner: str, cue: _Cue, para: Paragraph, span) -> bool:
    """Three words or fewer: a fragment ("called it “slow and chaotic”", "said a cut was
    “a realistic scenario”") or a reply ("“Yes,” she said"); otherwise a scare quote."""
    if cue.verb in ("fragment", "according to") or cue.verb.lower().startswith(FRAGMENT_PREFIXES):
        return True
    if len(inner.split()) >= 2 and cue.speaker_end <= para.start + span.open:
        return True  # a speech verb before the words, in the same sentence
    gap_after = cue.speaker_start - (para.start + span.close)
    right_after = para.text[span.close + 1:span.close + 40]
    tight = 0 <= gap_after <= 3 or bool(re.match(r"\s*(said|says|added|told|asked|replied|insisted)\b", right_after))
    return inner.rstrip()[-1:] in ",.!?" and tight


# -- cues ------------------------------------------------------------------

def _find_cue(para: Paragraph, span) -> _Cue | None:
    open_i, close_i = _token_bounds(para, span)
    if open_i is None:
        return None
    inner = para.text[span.open + 1:span.close].rstrip()
    if inner[-1:] in ",.!?":  # speech: the cue usually follows
        return (_cue_after(para, close_i) or _cue_before(para, open_i)
                or _according_to(para, close_i, open_i) or _fragment(para, open_i, span))
    # a fragment inside a sentence: the speaker is the subject before it
    return (_fragment(para, open_i, span) or _cue_before(para, open_i, whole_sentence=True)
            or _according_to(para, close_i, open_i) or _cue_after(para, close_i))


def _token_bounds(para: Paragraph, span) -> tuple[int | None, int]:
    close_i = para.token_from(span.close)
    return para.token_from(span.open), len(para.doc) if close_i is None else close_i


def _cue_after(para: Paragraph, close_i: int) -> _Cue | None:
    """'..., Okafor said' / '..., said Okafor' / '..., the spokesperson told reporters'."""
    doc = para.doc
    window: list = []
    for token in doc[close_i + 1:close_i + 22]:
        if token.text in "“‘«\"" or (token.is_sent_start and window):
            break
        window.append(token)
        if token.text in ".!?;" and len(window) > 1:
            break
    for token in window:
        if token.lemma_ in QUOTE_VERBS and token.pos_ in ("VERB", "AUX"):
            return _cue_for_verb(para, token, window)
    return None


def _cue_before(para: Paragraph, open_i: int, whole_sentence: bool = False) -> _Cue | None:
    """'Okafor said: “...”' / 'She added that “...”' / 'X told reporters, “...”'."""
    doc = para.doc
    sentence_start = doc[open_i].sent.start if open_i < len(doc) else 0
    reach = open_i if whole_sentence else 14
    for token in reversed(doc[max(sentence_start, open_i - reach):open_i]):
        if token.text in "”’»\"":
            break
        if token.lemma_ in QUOTE_VERBS and token.pos_ in ("VERB", "AUX"):
            cue = _cue_for_verb(para, token, list(doc[sentence_start:open_i]))
            if cue is not None:
                return cue
    return None


def _cue_for_verb(para: Paragraph, verb, window) -> _Cue | None:
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and (subject.is_punct or _inside_marks(para, subject)):
        subject = None
        before = [t for t in window if t.i < verb.i and not t.is_punct]
        if before:  # '«...» the minister told reporters': the words before the verb
            start, end = before[0].idx, before[-1].idx + len(before[-1].text)
            return _Cue(_cue_words(verb), para.start + start, para.start + end, para.start + before[-1].idx)
    if subject is not None:
        tokens = [t for t in subject.subtree if t.dep_ not in ("punct",)]
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        return _Cue(_cue_words(verb), para.start + start, para.start + end, para.start + subject.idx)
    after = [t for t in verb.doc[verb.i + 1:verb.i + 16]]
    name: list = []
    for position, token in enumerate(after):  # inversion: 'said Marta Okafor, chief executive'
        if (token.text == "," and name and not any(t.pos_ == "PROPN" for t in name)
                and position + 1 < len(after) and after[position + 1].pos_ == "PROPN"):
            name = []  # 'said its spokeswoman, Áine Ní Bhriain': the name in apposition
            continue
        if token.is_punct or token.pos_ in ("VERB", "AUX", "ADP", "SCONJ"):
            break
        name.append(token)
    if name:
        start, end = name[0].idx, name[-1].idx + len(name[-1].text)
        return _Cue(_cue_words(verb), para.start + start, para.start + end)
    return None


def _cue_words(verb) -> str:
    following = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    if verb.lemma_ == "tell" and following is not None and following.lower_ in ("reporters", "journalists"):
        return f"{verb.text} {following.text}"
    return verb.text


def _inside_marks(para: Paragraph, token) -> bool:
    return any(s.open < token.idx < s.close for s in pair_marks(para.text))


def _according_to(para: Paragraph, close_i: int, open_i: int) -> _Cue | None:
    text = para.text
    for match in re.finditer(r"(?i)\baccording to\s+([^,.;:“”\"]{2,60}(?:, [A-Z][^,.;:“”\"]{2,50}(?=,))?)", text):
        token_i = para.token_from(match.start())
        if token_i is not None and (0 <= token_i - close_i <= 4 or 0 <= open_i - token_i <= 10):
            start = match.start(1)
            return _Cue("according to", para.start + start, para.start + start + len(match[1].rstrip()))
    return None


def _fragment(para: Paragraph, open_i: int, span) -> _Cue | None:
    """'... called the response “slow and chaotic”': a fragment quote of the subject."""
    doc = para.doc
    if open_i >= len(doc):
        return None
    for token in reversed(doc[doc[open_i].sent.start:open_i]):
        if token.lemma_ in FRAGMENT_VERBS and token.pos_ == "VERB":
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subject is None and token.dep_ in ("advcl", "xcomp", "conj", "acl"):
                subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                tokens = list(subject.subtree)
                start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
                return _Cue(token.text, para.start + start, para.start + end, para.start + subject.idx)
    return None
