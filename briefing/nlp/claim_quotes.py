"""Opinion and prediction in reported speech, which no hedge word marks.

News quotes people, and much of what they are quoted saying is a view, not a fact:
"“There's no one tougher than her,” said the chairwoman", "“Our freedom is under
assault,” he said". Two rules veto such a clause (only that clause, as a hedge does):

- a quoted clause about a state (a form of "be", "have", a present-tense verb) that
  carries a mark of a view: an adjective, or the speaker's "we", "our", "you";
- a prediction reported in speech: a future clause ("will", "'ll", "going to") that is
  what someone said or expects ("X will play the woman card, Y said", "he expected that
  voters will say no").

A clause with a figure is kept: "“We have 40,000 troops there,” she said" is checkable.
"""

from __future__ import annotations

from briefing.nlp.claim_words import (
    ACTION_LEMMAS,
    DIGIT,
    NUMBER_WORDS,
    PLAN_LEMMAS,
    PROMISE_LEMMAS,
    SPEECH_LEMMAS,
)
from briefing.nlp.marks import QUOTE_TOKENS

OPENING, CLOSING = frozenset(("“", "``", "„", "«")), frozenset(("”", "»", "’’"))  # wire copy: “…,’’
STATIVE_LEMMAS = frozenset("be have remind see look feel seem mean matter deserve need want love hate unite".split())
VIEW_PRONOUNS = frozenset("we our us ours ourselves you your yours me my".split())
VIEW_ADJ_TAGS = frozenset(("JJ", "JJR", "JJS"))
COMPARED_TAGS = frozenset(("JJR", "JJS", "RBR", "RBS"))
EXPECT_LEMMAS = frozenset("expect predict anticipate forecast foresee".split())
SAY_LEMMAS = SPEECH_LEMMAS | frozenset("write tweet remark predict suggest".split())
UNDER_VIEW = frozenset("relcl acl advcl xcomp ccomp".split())
SPEAKER_DESCRIPTIONS = frozenset("appos relcl acl prep".split())
FEELING_LEMMAS = frozenset(
    "anger frustrate disappoint upset outrage infuriate annoy dismay thrill delight excite worry concern "
    "disgust sadden trouble bother offend".split()
)
# a quoted state whose subject only points back at what the speaker was talking about
POINTING_SUBJECTS = frozenset("this that these those it".split())
FUTURE_AUX = frozenset(("will", "'ll", "’ll", "shall", "wo"))


def quoted_spans(sent) -> set[int]:
    """Indexes of the tokens inside quotation marks; a sentence that opens a quote and does
    not close it (the quote goes on in the next sentence) is quoted to its end, and one that
    only closes a quote is quoted up to the close."""
    marks = [_mark_side(t) for t in sent if t.text in QUOTE_TOKENS]
    sided = [m for m in marks if m is not None]
    inside, quoted = bool(sided) and sided[0] == "close", set()  # a quote going on from before
    for token in sent:
        if token.text in QUOTE_TOKENS:
            side = _mark_side(token)
            inside = True if side == "open" else False if side == "close" else not inside
        elif inside:
            quoted.add(token.i)
    return quoted


def _mark_side(token) -> str | None:
    """ "open" or "close" for a curly mark, and for a straight one by its spacing: a closing
    mark hugs the word or comma before it ('oxygen," said'), an opening one the word after."""
    if token.text in OPENING:
        return "open"
    if token.text in CLOSING:
        return "close"
    doc = token.doc
    before = token.i > 0 and not doc[token.i - 1].whitespace_
    after = bool(token.whitespace_) or token.i + 1 == len(doc)
    if before and after:
        return "close"
    if not before and not after:
        return "open"
    return None


# a double quotation mark as written, with the marks that close it; "''" and a straight mark
# serve both sides, and which side a straight one is on shows in the spaces around it
CURLY_PAIRS = (("“", ("”", "’’")), ("«", ("»",)), ("„", ("“",)))  # wire copy closes “ with ’’ too
BOTH_SIDES = ("''", '"')


def without_stray_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """A sentence's range without a quotation mark at either end that belongs to a quote running
    on past it: "“I have earned 9 million votes." opens a quote of several sentences, "No one has
    disputed a word I said.”" closes one, and "he added. ''" ends on the next quote's mark. A
    claim shows its own words; a mark it holds both sides of stays."""
    for _ in range(2):  # a sentence that both opens and closes others' quotes
        part = text[start:end]
        for opening, closings in CURLY_PAIRS:
            if part.startswith(opening) and part.count(opening) > sum(map(part.count, closings)):
                start += len(opening)
                continue
            closing = next((c for c in closings if part.endswith(c)), None)
            if closing is not None and part.count(closing) > part.count(opening):
                end -= len(closing)
        part = text[start:end]
        for mark in BOTH_SIDES:
            if part.endswith(" " + mark) or part.count(mark) % 2 and part.endswith(mark) and not part.startswith(mark):
                end -= len(mark)
            elif part.startswith(mark + " ") or part.count(mark) % 2 and part.startswith(mark):
                start += len(mark)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
    return start, end


def attribution_ids(sent) -> set[int]:
    """Indexes of the speaker's words when the sentence reports what someone said: "said Tim
    Pawlenty, a candidate in 2012" or "Norm Coleman, who backed two of his rivals, said".
    Who the speaker is does not make what they said a date or a figure."""
    root = sent.root
    if root.lemma_ not in SAY_LEMMAS or not any(c.dep_ in ("ccomp", "parataxis") for c in root.children):
        return set()
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    # only what describes the speaker: in "some 22 percent said ..." the count is the claim
    return {t.i for s in subjects for c in s.children if c.dep_ in SPEAKER_DESCRIPTIONS for t in c.subtree}


def reported_view_heads(sent, heads: dict[int, list]) -> set[int]:
    """Heads of the clauses that are a quoted view or a reported prediction.

    ``heads`` maps each clause head's index to the tokens of its clause.
    """
    quoted = quoted_spans(sent)
    vetoed: set[int] = set()
    for index, tokens in heads.items():
        head = sent.doc[index]
        if has_figure(tokens):
            continue
        in_quote = index in quoted or _predicate_quoted(head, quoted)
        top_of_quote = in_quote and (head.dep_ == "ROOT" or head.head.i not in quoted)
        if top_of_quote and _is_quoted_view(head, tokens):
            # the view takes the clauses under it too ("the right time [to show voters ...]")
            vetoed.add(index)
            for under in head.subtree:
                if under.i not in heads or has_figure(heads[under.i]):
                    continue  # "this crazy system [where 25 million more people have healthcare]"
                if under.dep_ in UNDER_VIEW or under.dep_ == "conj" and under.head.i in vetoed:
                    vetoed.add(under.i)
        elif _is_said_unreal(head, in_quote):
            vetoed.add(index)
        elif _is_reported_prediction(head):
            vetoed.add(index)
            if head.head.lemma_ in EXPECT_LEMMAS:
                vetoed.add(head.head.i)
    return vetoed


def _is_quoted_view(head, tokens) -> bool:
    if head.pos_ not in ("VERB", "AUX"):
        return False
    described = any(t.tag_ in VIEW_ADJ_TAGS and t.ent_type_ == "" for t in tokens)
    if described and any(c.dep_ == "nsubj" and c.lower_ in ("we", "you") for c in head.children):
        return True  # "we came a long way", "you are a great people": rhetoric to an audience
    stative = head.lemma_ in STATIVE_LEMMAS or head.tag_ in ("VBZ", "VBP") or head.lower_ in ("'s", "’s")
    if not stative or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in head.children):
        return False
    if any(t.lower_ in VIEW_PRONOUNS or t.tag_ in COMPARED_TAGS for t in head.subtree):
        return True  # "our freedom is ...", "no one tougher", "France's best interest", "more revved up"
    if any(c.dep_ == "nsubj" and c.lower_ in POINTING_SUBJECTS for c in head.children):
        return True  # "“This is in their consciousness,” said Caddell": about what the speaker points at
    # a quoted state is described anywhere under it: "is the epitome of somebody that is not
    # politically correct", "means no other Democrat is getting oxygen"
    return any(t.tag_ in VIEW_ADJ_TAGS and t.ent_type_ == "" for t in head.subtree)


def _predicate_quoted(head, quoted: set[int]) -> bool:
    """ "Clinton is “the most dishonest candidate,” Pence said": the quote is what she is."""
    return head.lemma_ == "be" and any(c.dep_ in ("attr", "acomp") and c.i in quoted for c in head.children)


def is_said(head) -> bool:
    return head.dep_ in ("ccomp", "parataxis") and head.head.lemma_ in SAY_LEMMAS | EXPECT_LEMMAS


def _is_said_unreal(head, in_quote: bool) -> bool:
    """ "“If it were just the two of them, Rubio would win,” he said": a hypothetical; "she
    said she was angered by the call": how someone felt."""
    said = is_said(head)
    return (in_quote or said) and _is_hypothetical(head) or said and _is_feeling(head)


def _is_feeling(head) -> bool:
    """ "was angered", "is frustrated": a feeling in the passive, not an act."""
    return head.lemma_ in FEELING_LEMMAS and head.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in head.children)


def _is_reported_prediction(head) -> bool:
    return is_said(head) and _future(head) and not _announced_act(head)


def _is_hypothetical(head) -> bool:
    """ "would win ... if it were": what would happen under a condition is not a fact."""
    would = any(c.dep_ == "aux" and c.lower_ in ("would", "'d", "’d") for c in head.children)
    return would and any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "if" for m in c.children) for c in head.children
    )


def _announced_act(head) -> bool:
    """ "Trump will be releasing his tax returns, he said": a plan someone named will carry out."""
    if head.lemma_ not in ACTION_LEMMAS | PLAN_LEMMAS | PROMISE_LEMMAS:
        return False
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for s in subjects for t in s.subtree)


def _future(head) -> bool:
    for child in head.children:
        if child.dep_ == "aux" and child.lower_ in FUTURE_AUX:
            return True
    return head.lower_ == "going" and any(c.dep_ == "xcomp" for c in head.children)


def has_figure(tokens) -> bool:
    """A number, not a bare year ("reminds me of his trip in 1985" is still a view)."""
    return any((DIGIT.search(t.text) and not _is_year(t)) or t.lower_ in NUMBER_WORDS for t in tokens)


def _is_year(token) -> bool:
    return token.ent_type_ == "DATE" and len(token.text) == 4 and token.text.isdigit()
