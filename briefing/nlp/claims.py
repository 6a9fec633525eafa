"""Checkable statements an analyst would track: figures, money, percentages, dates,
allegations, denials, reported rumours, plans and promises, findings and reported actions,
and the headline, which is often the main claim: each of its sentences that states one, and
the subheads under and between the paragraphs (``claim_subheads``), read as headlines are.

Each sentence is judged on its own: page furniture (``claim_junk``), questions (also one
that ends on a quoted question) and pieces of a sentence the parser split never count, nor
does a view held by no one named (``claim_voice``); a hedge or opinion takes out only its
own clause (``claim_clauses``), and so do a quoted view, a prediction or a feeling reported
in speech (``claim_quotes``); the kind comes
from rules (``claim_kinds``) and the score, 0-1, from a logistic regression over linguistic
features (``claim_score``). A sentence is a claim when its score reaches the threshold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from briefing.ingest.metadata import dateline_end, opens_like_a_lead
from briefing.nlp.captions import is_caption
from briefing.nlp.claim_clauses import Clauses, speculates, split_clauses
from briefing.nlp.claim_features import sentence_features
from briefing.nlp.claim_headline import headline_ranges, sentence_ranges, true_case
from briefing.nlp.claim_junk import is_junk
from briefing.nlp.claim_kinds import claim_kind
from briefing.nlp.claim_quotes import attribution_ids, quoted_spans, without_stray_marks
from briefing.nlp.claim_repeats import repeated
from briefing.nlp.claim_score import THRESHOLD, check_worthiness
from briefing.nlp.claim_subheads import run_in_head_end, subhead_paragraphs
from briefing.nlp.claim_voice import is_piece, is_unattributed_view
from briefing.nlp.claim_words import SPEECH_LEMMAS
from briefing.nlp.marks import QUOTE_TOKENS
from briefing.nlp.model import load_model
from briefing.nlp.parse import ParsedText, after_bullet, trim_range

MIN_WORDS, MAX_WORDS = 3, 90
# verbs that lead into words quoted after a colon: 'Jared Potts echoed:', 'O'Malley responded:'
INTRODUCING_LEMMAS = frozenset("echo respond reply answer speak tweet post continue explain put".split())
# labels in front of a headline, not part of what it claims: "WATCH:", "Video:", "UPDATED"
HEADLINE_TAIL = re.compile(r"(?i)\s+read more(?: at)?\s*:?\s*https?://\S+\s*$")
HEADLINE_LABEL = re.compile(
    r"(?i)^(?:(?:watch|video|photos?|pictures?|graphic(?: photo| video)?|updated?|breaking(?: news)?|"
    r"exclusive|live|report|analysis|opinion|listen|audio)\s*[:|–—-]\s*|(?:updated|breaking)\s+(?=\S))"
)
LEAD_TITLE_WORDS = 20  # a first paragraph this short, of one line, above more text is the headline
LEAD_TITLE_SENTENCES = 3
HEADLINE_FLOOR = 0.9  # a headline outranks the body's claims
SUBHEAD_FLOOR = 0.7  # a subhead states its fact in few words: it ranks under the headline
LINKING_WORDS = frozenset("now yet still also then so yes no instead meanwhile however here what why how who".split())
DEMONSTRATIVES = frozenset("this that these those".split())
POINTING_OBJECTS = DEMONSTRATIVES | frozenset(("same", "it"))
PERSONAL = frozenset("he she they".split())  # under the headline, the headline's people
POINTING = DEMONSTRATIVES | PERSONAL | frozenset("it we i you one".split())
VERBLESS_WORDS = 5
READER_POSSESSIVES = frozenset("your our my".split())  # "Your go-forward plan for business focus": a label
# "How to Tackle Game Day Snack Temptations", "What to know about ...", "10 things in tech you
# need to know today", "7 key questions heading into the debate": advice and lists, not claims
HOW_TO = re.compile(
    r"^\W*(?:(?:how|what|where|when|why|which) to\b|\d+ (?:\w+ )?(?:things|ways|reasons|questions|tips|"
    r"signs|steps|lessons|takeaways|facts|tricks|ideas)\b)",
    re.IGNORECASE,
)
# A sentence no rule gives a kind to needs a higher score: the weights come from debate
# transcripts, and in news the quoted and reported opinion passes the debate threshold.
STATEMENT_THRESHOLD = 0.6
QUOTE_ENDS = "\"'”’.) "
REPORTING_LEMMAS = frozenset(
    "remark elaborate contend predict suggest believe tweet hypothesize speculate write".split()
)


@dataclass(frozen=True)
class Claim:
    start: int
    end: int
    kind: str
    score: float = 0.0
    part: str = "text"  # "title": start and end count in the title, which the text does not hold


def find_claims(parsed: ParsedText, title: str | None = None, nlp: Any = None) -> list[Claim]:
    claims: list[Claim] = []
    headline_end = 0
    title = title or _lead_title(parsed)
    if title and parsed.paragraphs:
        headline = find_headline(parsed, title, nlp)
        if headline is not None:
            found, headline_end = headline
            claims.extend(found)
        else:  # importers keep the headline apart from the text: the claims count in the title
            claims.extend(title_claims(title, parsed.text, nlp))
    subheads = subhead_paragraphs(parsed, headline_end, bool(title)) if parsed.paragraphs else {}
    for index, para in enumerate(parsed.paragraphs):
        if is_caption(para.text):
            continue  # 'Grief: Dorian Johnson leaves Brown's funeral …': what a picture shows
        subhead = _subhead_claim(parsed, para, nlp, subheads[index]) if index in subheads else None
        if subhead is not None:
            claims.append(subhead)
            continue
        bullet = after_bullet(parsed.text, para.start)
        for parsed_sent in para.doc.sents:
            sent, start, end = _sentence_words(para, parsed_sent, nlp)
            start, after_dash = _after_dash(para.text, start, end)
            if after_dash and para.text[start : start + 1].islower():
                continue  # the rest of a sentence an aside broke: '- but the real culprit is …'
            if para.start + start < headline_end or start == end or bullet and not _has_subject(sent):
                continue  # a list's item without a subject: '8-9 ripe pears, cored and peeled'
            judged = judge_sentence(sent)
            if judged is not None:
                claims.append(Claim(para.start + start, para.start + end, *judged))
    twice = repeated(claims, parsed.text, headline_end)
    return [claim for index, claim in enumerate(claims) if index not in twice]


def _sentence_words(para: Any, sent: Any, nlp: Any) -> tuple[Any, int, int]:
    """A sentence to judge and where its words are in its paragraph: a paragraph's first
    sentence without the dateline or the run-in head in capitals before it. A sentence parsed
    with such a head lost its own root ("SAVE A QUARTER Let's say you think …" read as a
    statement): it is parsed again without it."""
    start, end = without_stray_marks(para.text, *trim_range(para.text, sent.start_char, sent.end_char))
    if sent.start != 0:
        return sent, start, end
    start += dateline_end(para.text[start:end])  # 'New York (AFP) – Oscar-winning actress …'
    head = run_in_head_end(para.text[start:end])  # 'THE BORROWING Back when he wrote …'
    start, end = trim_range(para.text, start + head, end)
    return ((nlp or load_model())(para.text[start:end])[:] if head else sent), start, end


LEADING_DASH = re.compile(r"[-–—]+[ \t]+")


def _after_dash(text: str, start: int, end: int) -> tuple[int, bool]:
    """Where a sentence's words start after a dash opening it ('MISLEADING? - Donald Trump has
    enjoyed …', a run-in head's; '… unpatriotic - and I have! - but …'), and whether there was one."""
    dash = LEADING_DASH.match(text, start, end)
    return (dash.end(), True) if dash else (start, False)


def _lead_title(parsed: ParsedText) -> str | None:
    """The headline a text opens with when no title came apart from it: a short first
    paragraph of one line with more text after it ("Donald Trump Finally Endorses House
    Speaker Paul Ryan." above the story), which may hold a few short sentences ("The real
    Trump showed up at debate. GOP must live with it."). A text of one paragraph has no
    headline of its own; a line that opens as a lead does ("It would have been ...") is the
    story's first sentence."""
    if len(parsed.paragraphs) < 2:
        return None
    first = parsed.paragraphs[0]
    text = first.text.strip()
    words = sum(1 for t in first.doc if not t.is_punct and not t.is_space)
    # sentences by their marks: the parser splits title-case headlines in two
    if not 2 <= words <= LEAD_TITLE_WORDS or text.endswith(":") or "\n" in text or opens_like_a_lead(text):
        return None
    return text if len(sentence_ranges(text)) <= LEAD_TITLE_SENTENCES else None


def judge_sentence(sent) -> tuple[str, float] | None:
    """(kind, score) when a spaCy sentence is a claim, else None."""
    candidate = sentence_candidate(sent)
    if candidate is None:
        return None
    clauses, kind = candidate
    score = check_worthiness(sentence_features(sent, clauses, kind))
    if score < (THRESHOLD if kind else max(THRESHOLD, STATEMENT_THRESHOLD)):
        return None
    return kind or "statement", score


def sentence_candidate(sent) -> tuple[Clauses, str | None] | None:
    """(clauses, kind or None) when the rules let a sentence be scored, else None: no page
    furniture, question, command, or sentence whose only live words report who said it."""
    words = sum(1 for t in sent if not t.is_punct and not t.is_space)
    text = sent.text.strip()
    if not MIN_WORDS <= words <= MAX_WORDS or _asks(sent) or is_junk(text):
        return None
    if _is_imperative(sent) or is_piece(sent) or _introduces(sent):
        return None
    clauses = split_clauses(sent)
    if not any(t.pos_ in ("VERB", "AUX") for t in clauses.live):
        return None
    if _no_clause(sent, words):
        return None
    kind = claim_kind(sent, clauses)
    speaker = attribution_ids(sent)
    content = [t for t in clauses.live if t.i not in speaker]
    if kind is None and (
        clauses.vetoed and _reports_only_vetoed(sent, clauses) or not any(map(_is_content_verb, content))
    ):
        return None  # only who said it ("Jane Doe said in a statement."), or what they said is opinion
    if kind is None and is_unattributed_view(sent):
        return None  # "was widely viewed as payback": a view held by no one named
    return clauses, kind


FINITE_TAGS = frozenset(("VBD", "VBZ", "VBP", "MD"))
CURRENCY = frozenset("$£€¥₹")
SUBJECT_DEPS = frozenset(("nsubj", "nsubjpass", "csubj", "expl"))


def _no_clause(sent, words: int) -> bool:
    """A line with no finite verb and no subject that prices a product ("4 Month of Amazon Music
    Unlimited for $0.99", a deals page's) or counts in a few words ("1 pass defended.", a stats
    table's): no clause states anything. A wire brief's "Three people killed in crash on I-95."
    stays, and so does "Pfizer buying Allergan for $150 billion." (a subject) and a longer
    sentence the parser misread ("One ranking pegs [as a noun] the Ikea tycoon ... $42 billion").
    """
    if any(t.tag_ in FINITE_TAGS or t.dep_ in SUBJECT_DEPS for t in sent):
        return False  # the parser reads some past tenses as participles: a subject still makes a clause
    return words <= SHORT_FRAGMENT_WORDS or words <= PRICE_LINE_WORDS and any(t.text in CURRENCY for t in sent)


def _introduces(sent) -> bool:
    """A sentence that only leads into what follows its colon: 'In a 1963 speech, he declared:',
    'Clinton released the following statement:', 'The Latest on the race (all times local):'.
    One that states something before its colon stays ('Cruz captured two states on Super
    Tuesday:', 'Sanders pointed out that veterans' issues were ignored:')."""
    if not sent.text.rstrip().endswith(":"):
        return False
    if "following" in {t.lower_ for t in sent} or "the latest" in sent.text.lower():
        return True
    root = sent.root
    if root.pos_ in ("NOUN", "PROPN"):
        return True  # a list's heading: 'Seven big questions heading into the debate, to be carried on MSNBC:'
    if root.lemma_ not in SPEECH_LEMMAS and root.lemma_ not in INTRODUCING_LEMMAS:
        return False
    # who was told is no content ('told the Washington Post:'), nor what points at the quote ('confirmed the same:')
    said = [c for c in root.children if c.dep_ in ("ccomp", "xcomp") or c.dep_ == "dobj" and root.lemma_ != "tell"]
    return not any(c.dep_ != "dobj" or c.lower_ not in POINTING_OBJECTS for c in said)


def _reports_only_vetoed(sent, clauses) -> bool:
    """ "“Maybe X has difficulty,” she remarked": all the reported speech is hedge or opinion."""
    root = sent.root
    if root.lemma_ not in SPEECH_LEMMAS and root.lemma_ not in REPORTING_LEMMAS:
        return False
    live = {t.i for t in clauses.live}
    said = [c for c in root.children if c.dep_ in ("ccomp", "parataxis")]
    return bool(said) and all(c.i not in live for c in said)


def _asks(sent) -> bool:
    """A question, also when what is reported is a quoted question: "“... why would brands
    align with him?” he said" (not "she clashed with him, asking “what difference does it make?”")."""
    if sent.text.rstrip().endswith("?"):
        return True
    if sent.text.rstrip().rstrip(QUOTE_ENDS).endswith("?") and sent.root.i in quoted_spans(sent):
        return True  # the sentence is the quoted question: "As X put it, ''Did he lower his taxes?''"
    return sent.root.lemma_ in SPEECH_LEMMAS and any(
        t.text == "?" and t.i + 1 < sent.end and sent.doc[t.i + 1].text in QUOTE_TOKENS for t in sent
    )


SHORT_FRAGMENT_WORDS = 4
READER_COMMANDS = frozenset("imagine consider remember note suppose picture".split())  # the parser may miss the verb
PRICE_LINE_WORDS = 10  # a longer sentence the parser left without a verb or subject is a sentence still
BARE_OPENERS = frozenset("stay get be keep".split())  # a command's verb before its participle


def _is_imperative(sent) -> bool:
    """ "Attack specific policies.", "Or support Paul Ryan, who ...": a bare verb without subject;
    also "Don't forget to drink water" (the only auxiliary the "do" of a negative command)."""
    root, first = sent.root, sent[0]
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if root.tag_ == "VBN" and first.lower_ in BARE_OPENERS and first.head.i == root.i:
        if all(c.i == first.i for c in subjects):  # "Get" itself may be read as the subject
            return True  # "Stay tuned for more ...", "Get started with ... here.", "Be prepared to ..."
    if subjects:
        return False
    if root.i == first.i and first.lower_ in READER_COMMANDS:
        return True  # "Imagine paying $50,000 ...": tagged a proper noun at the start, still a command
    if root.tag_ != "VB":
        return False
    helpers = [c for c in root.children if c.dep_ == "aux"]
    return all(c.lower_ in ("do", "don't", "don’t") and c.i < root.i for c in helpers) and (
        not helpers or any(c.dep_ == "neg" for c in root.children) or "n't" in helpers[0].lower_
    )


def _has_subject(sent) -> bool:
    return any(t.dep_ in ("nsubj", "nsubjpass", "expl") and t.head.pos_ in ("VERB", "AUX") for t in sent)


def _is_content_verb(token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass") and token.lemma_ not in SPEECH_LEMMAS


def find_headline(parsed: ParsedText, title: str, nlp: Any = None) -> tuple[list[Claim], int] | None:
    """The title's claims and where it ends, when the text opens with the title.

    Returns (claims, end of the title in the text), or None when the text does not open with
    the title.
    """
    first = parsed.paragraphs[0]
    title = title.strip()
    lead = first.text.lstrip()
    if not title or not lead.startswith(title):
        return None
    offset = len(first.text) - len(lead)
    start, end = _headline_words(title, first.start + offset)
    # a headline that is its whole paragraph was parsed with it: no second parse
    whole = lead.rstrip() == title and end - start == len(title)
    alone = first.doc.char_span(start - first.start, end - first.start) if whole else None
    return _headline_claims(parsed.text[start:end], start, parsed.text[end:], nlp, "text", alone), end


def title_claims(title: str, body: str, nlp: Any = None) -> list[Claim]:
    """The title's claims, in a part of their own: offsets in ``title``."""
    start, end = _headline_words(title.strip(), len(title) - len(title.lstrip()))
    return _headline_claims(title[start:end], start, body, nlp, "title")


def _headline_words(title: str, at: int) -> tuple[int, int]:
    """The range of what a headline claims, at offset ``at``: without "WATCH:" labels in front
    or a "Read more: URL" behind."""
    end = at + len(title)
    tail = HEADLINE_TAIL.search(title)
    if tail:
        end -= len(title) - tail.start()
        title = title[: tail.start()]
    label = HEADLINE_LABEL.match(title)
    if label:
        title = title[label.end() :]
    return end - len(title), end


def _headline_claims(words: str, start: int, body: str, nlp: Any, part: str, parsed: Any = None) -> list[Claim]:
    """A claim for each sentence of a headline that states one ("X did Y. Z says W"): the
    first one found is the headline's claim, judged as a headline; the next ones must state
    a fact of their own (``judge_subhead``: "GOP must live with it." is a view)."""
    if not words.strip() or is_junk(words):
        return []
    nlp = nlp or load_model()
    sentences = sentence_ranges(words)
    claims: list[Claim] = []
    for s, e in sentences:
        cased = true_case(words[s:e], body, nlp)
        reuse = parsed is not None and (s, e) == (0, len(words)) and cased == words
        span = parsed if reuse else nlp(cased)[:]
        judged = judge_headline(span) if not claims else judge_subhead(span, HEADLINE_FLOOR, under_headline=True)
        claims.extend([Claim(start + s, start + e, *judged, part=part)] if judged else [])
    return claims


def _subhead_claim(parsed: ParsedText, para: Any, nlp: Any, dek: bool) -> Claim | None:
    """A subhead's claim (``claim_subheads``), judged on its true-cased words; a dek is read
    with the headline above it."""
    start, end = trim_range(para.text, 0, len(para.text))
    lead = dateline_end(para.text[start:end])  # 'WASHINGTON (AP) — Sanders has scored a big win…'
    start += lead
    words = para.text[start:end]
    nlp = nlp or load_model()
    cased = true_case(words, _prose_around(parsed, para), nlp)
    span = para.doc.char_span(start, end) if cased == words else None
    judged = judge_subhead(span if span is not None else nlp(cased)[:], SUBHEAD_FLOOR, under_headline=dek)
    if judged and lead and judged[0] == "headline":
        judged = ("statement", judged[1])  # the story's lead, read as leniently, is no headline
    return Claim(para.start + start, para.start + end, *judged) if judged else None


def _prose_around(parsed: ParsedText, para: Any) -> str:
    """The text a subhead's names are learnt from: what follows it, and the prose before it
    but its headline and title-case lines ("Google Play Store" under the last paragraph is
    named earlier: "back to the Google Play Store")."""
    titles = set(headline_ranges(parsed))
    before = [p.text for p in parsed.paragraphs if p.end <= para.start and (p.start, p.end) not in titles]
    return "\n\n".join([*before, parsed.text[para.end :]])


def judge_headline(span) -> tuple[str, float] | None:
    words = [t for t in span if not t.is_punct and not t.is_space]
    if len(words) < 2:
        return None
    clauses = split_clauses(span)
    clauses.live = list(span)  # a headline's hedge is the rumour it reports, never a veto
    kind = claim_kind(span, clauses)
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in span)
    question = "?" in span.text
    if question and _asks_the_reader(span) or HOW_TO.match(span.text):
        return None  # "Can you imagine if Trump were a woman?" reports no rumour; a how-to title none
    if kind is None and not has_verb and not question and len(words) < 4:
        return None
    if (question or speculates(span)) and kind not in ("denial", "allegation"):
        kind = "rumour"  # "Axl Rose Dead?", "ISIS Might Be Harvesting Organs": the rumour checked
    score = check_worthiness(sentence_features(span, clauses, kind))
    return kind or "headline", HEADLINE_FLOOR + (1.0 - HEADLINE_FLOOR) * score


def judge_subhead(span, floor: float, under_headline: bool = False) -> tuple[str, float] | None:
    """(kind, score) when a title-like line states a checkable fact in headline grammar
    ("Time running short for some candidates."): a headline's leniency on its form, none on
    its content. A hedge, a call ("GOP must live with it.") or an opinion vetoes it unless it
    reports a rumour; so does a question, a command, a line that leans on what came before
    ("Now he's doing the same."; "he", "she", "they" are fine ``under_headline``, where they
    are the headline's people: "In speech, she attacks rival's record."), and one with no verb
    unless it reads as a headline's phrase (``_states``)."""
    words = [t for t in span if not t.is_punct and not t.is_space]
    if len(words) < MIN_WORDS or "?" in span.text or span.text.rstrip().endswith(":") or is_junk(span.text):
        return None
    if _no_subject(span, under_headline) or _leans_back(span, words[0], under_headline) or _labels_a_command(span):
        return None
    clauses = split_clauses(span)
    kind = claim_kind(span, clauses)
    if not _states(span, clauses, words) or kind is None and is_unattributed_view(span):
        return None  # a figure alone is no statement either: "Jane Doe, 52" in a list of victims
    score = check_worthiness(sentence_features(span, clauses, kind))
    return kind or "headline", floor + (1.0 - floor) * score


def _states(span, clauses: Clauses, words: list) -> bool:
    """A live verb that predicates, or (no verb read at all) a phrase long enough to be a
    headline's, with common words and a preposition in it ("Cruz fields most attacks from
    rivals in Fox forum"), not a label ("The Upshot.", "Your plan for business focus") or a
    row of names ("Jane Doe, Policy Institute.")."""
    bracketed = _bracketed(span)
    if any(_predicates(t) and t.i not in bracketed for t in clauses.live):
        return True
    if any(t.pos_ in ("VERB", "AUX") for t in span) or len(words) < VERBLESS_WORDS or words[0].pos_ in ("DET", "PRON"):
        return False  # 'The Upshot of the Week', 'Some of 2019's best tech gadgets': a label
    if words[0].lower_ in READER_POSSESSIVES:
        return False
    common = sum(1 for t in words if t.pos_ in ("NOUN", "ADJ") and t.text.islower())
    return common >= 2 and any(t.pos_ == "ADP" for t in words)


def _predicates(token) -> bool:
    """A verb that says something of a subject, not one inside a phrase: "Focus on what
    really matters" (under a preposition), "Something to Consider" (an infinitive modifier)."""
    if token.pos_ not in ("VERB", "AUX") or token.dep_ == "pcomp":
        return False
    return token.dep_ == "ROOT" or not any(c.tag_ == "TO" for c in token.children)


def _bracketed(span) -> set[int]:
    """Indexes of the tokens inside round brackets: "Tue – Sat 4PM (Closed on Sun & Mon)"."""
    inside, depth = set(), 0
    for token in span:
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth = max(0, depth - 1)
        elif depth:
            inside.add(token.i)
    return inside


def _labels_a_command(span) -> bool:
    """ "The Build Stage: Create a tangible online asset": a label, then a command."""
    colon = next((t.i for t in span if t.text == ":"), None)
    if colon is None or colon + 1 >= span.end:
        return False
    return span.doc[colon + 1].tag_ == "VB"


def _no_subject(span, under_headline: bool) -> bool:
    """A verb heading the line with no subject: a command ("Reduce the fees"), a title that
    names a topic ("Speaking with One Voice ...") or a credit ("Co-authored by ..."). Under
    the headline, a verb in the present or past leaves out the headline's subject, as
    headlines do ("Takes Wisconsin, but Clinton still has the math.")."""
    root = span.root
    if root.pos_ not in ("VERB", "AUX") or under_headline and root.tag_ in ("VBZ", "VBD"):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in root.children)


def _leans_back(span, first, under_headline: bool) -> bool:
    """Opening on a conjunction or a linking word ("And ...", "Now ...", "What each candidate
    needs": a title over an explainer), or, away from the headline, with a pronoun or "this"
    something for subject."""
    if first.pos_ == "CCONJ" or first.lower_ in LINKING_WORDS:
        return True
    pointing = POINTING - PERSONAL if under_headline else POINTING
    subjects = [t for t in span if t.dep_ in ("nsubj", "nsubjpass") and t.head.i == span.root.i]
    return any(t.lower_ in pointing or any(c.lower_ in DEMONSTRATIVES for c in t.children) for t in subjects)


def _asks_the_reader(span) -> bool:
    """A question whose subject is the reader, with no figure or report in front of it ("Apple
    Watch rumored at $1200: will you buy?" still carries the rumour; a label in front does not:
    "Gift Guide: What do you buy for ...?")."""
    colon = next((t.i for t in span if t.text == ":"), None)
    if colon is not None:
        before = span.doc[span.start : colon]
        if any(t.like_num or t.pos_ in ("VERB", "AUX") for t in before):
            return False
        span = span.doc[colon + 1 : span.end]
    if any(t.like_num for t in span):
        return False
    if _opens_with_predicate(span):
        return True  # "Ready for Trump vs. Clinton?", "Looking for a new job?": "are you" left out
    return any(t.lower_ == "you" and t.dep_ == "nsubj" and t.head.dep_ in ("ROOT", "ccomp", "parataxis") for t in span)


def _opens_with_predicate(span) -> bool:
    """A question with no subject that opens on its adjective or verb: the reader is asked."""
    words = [t for t in span if not t.is_punct and not t.is_space]
    if not words or words[0].tag_ not in ("JJ", "VB", "VBG") or words[0].dep_ != "ROOT":
        return False  # "Axl Rose Dead?" is tagged as opening on a verb, but not headed by it
    return not any(t.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for t in span)
