"""Pieces of a text the model takes for a name that are no name, or a name's broken end.

Punctuation and layout cut a name off or leave a scrap the model types: "[W]e" (an editor's
bracket), "Neither do I." (a pronoun), "Joseph R. Biden, Jr." (a list split leaves "Jr."),
"St., Louis" (a typo), "L.L.C.s" (a legal form alone), "U-S-A! U-S-A!" (a chant spelled
out), "A6." (a print page reference ending an article). A person's name cut short ends in
an initial: "Charles G. and David H. Koch", "Alicia M become", or inside a nickname's
quotation marks: 'Robert C. "Bobby" Scott' read as 'Robert C. "Bobby'.
"""

from __future__ import annotations

import re

from briefing.nlp.lexicon import (
    GIVEN_NAMES,
    LEGAL_FORMS,
    NAME_PARTICLES,
    STATE_ABBREVIATIONS,
)
from briefing.nlp.mention import Mention

# One to three letters and a full stop: an abbreviation ('Jr.', 'St.', 'Mt.'), no name alone
# unless a state's ('Va.', 'Ky.').
_ABBREVIATION = re.compile(r"[A-Za-z]{1,3}\.")
_SPELLED = re.compile(r"[A-Z](?:-[A-Z])+")  # 'U-S-A': letters chanted or spelled out
_PAGE = re.compile(r"[A-F]\d{1,2}")  # 'A6': a print section and page
_PAGE_END = re.compile(r"\.?[ \t]*(?:\n|$)")
_INITIAL = re.compile(r"[A-Z]\.?")
# Legal forms of three letters or more, without their full stops ('llc', 'inc', 'gmbh'); the
# shorter ones are words or initials too ('AG', 'SE').
_LEGAL_FORMS = frozenset(f.replace(".", "") for f in LEGAL_FORMS if len(f.replace(".", "")) >= 3)
_NICKNAME_END = re.compile(r"[\"”] +([A-Z][\w'’-]+)")


def is_fragment(mention: Mention, text: str) -> bool:
    """``mention`` is a scrap of punctuation or layout, no name (see the module's examples)."""
    form = mention.text
    if "[" in form or "]" in form or len(form.rstrip(".")) < 2:
        return True  # what an editor's brackets leave is cut off first (``with_whole_ends``)
    if (_ABBREVIATION.fullmatch(form) and form not in STATE_ABBREVIATIONS) or _SPELLED.fullmatch(form):
        return True
    if form.lower().replace(".", "").removesuffix("s").removesuffix("’").removesuffix("'") in _LEGAL_FORMS:
        return True  # 'L.L.C.s', 'Inc.': a legal form with no name before it
    return bool(_PAGE.fullmatch(form) and _PAGE_END.match(text, mention.end))


def with_whole_ends(mention: Mention, text: str, known: set[str]) -> Mention:
    """A person's name cut short made whole or cut to what is sure: 'Robert C. "Bobby' ->
    'Robert C. "Bobby" Scott'; 'Charles G.' (of 'Charles G. and David H. Koch') -> 'Charles';
    'Alicia M' -> 'Alicia' where the text names 'Alicia Machado'; '[Hillary] Clinton' ->
    'Clinton', 'Newt [Gingrich' -> 'Newt'."""
    mention = _outside_brackets(mention)
    words = mention.text.split()
    if mention.type != "person" or len(words) < 2:
        return mention
    if mention.text.count('"') % 2 or mention.text.count("“") > mention.text.count("”"):
        after = _NICKNAME_END.match(text, mention.end)
        if after is None:
            return mention
        end = after.end()
        return Mention(mention.start, end, text[mention.start : end], mention.type, mention.weight, mention.role)
    last = words[-1]
    if not _INITIAL.fullmatch(last) or words[0].lower() not in GIVEN_NAMES:
        return mention  # 'Title I.' is a programme's name
    rest = " ".join(words[:-1])
    if last.endswith(".") or any(k.startswith(f"{rest} {last}") and len(k) > len(mention.text) for k in known):
        return mention.cut_to(rest) if not _INITIAL.fullmatch(words[-2]) else mention
    return mention


# lower-case words that open names: particles ('bin Laden', 'de Blasio') and prefixes ('pro-Clinton')
_LOWER_OPENINGS = NAME_PARTICLES | frozenset("pro anti un non ex".split())


def without_lower_opening(mention: Mention) -> Mention:
    """A name less a word wholly in lower case in front of it: 'rang Taylor' (of 'Dempsey picked up
    the phone and rang Taylor') -> 'Taylor', 'federal Securities and Exchange Commission' -> the
    Commission. A particle stays ('bin Laden'), and so does a brand's lower-case start ('iPad',
    'eBay': a capital inside the word)."""
    first, _, rest = mention.text.partition(" ")
    if not rest or not first.isalpha() or not first.islower() or first in _LOWER_OPENINGS or not rest[:1].isupper():
        return mention
    return mention.cut_to(rest)


# Words that date someone's role, capitalised only where a sentence opens: 'Former National
# Security Council official Timothy Morrison' names the Council, not a 'Former National ...'.
_ROLE_TIME_WORDS = frozenset("former onetime erstwhile outgoing incoming longtime late".split())
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?:;(\"“‘'–—-]|\n)[ \t]*$")


def without_role_time_word(mention: Mention, text: str) -> Mention:
    """A name less 'Former', 'Outgoing' ... in front of it where a sentence opens."""
    first, _, rest = mention.text.partition(" ")
    if not rest or first.lower() not in _ROLE_TIME_WORDS or not rest[:1].isupper():
        return mention
    if not _OPENS_SENTENCE.search(text, max(0, mention.start - 40), mention.start):
        return mention  # 'the Former Yugoslav Republic of Macedonia' inside a sentence is a name
    return mention.cut_to(rest)


def _outside_brackets(mention: Mention) -> Mention:
    """The name outside an editor's brackets: after a ']' ('[Hillary] Clinton'), before a '['; and
    before a round bracket the span does not close ('Federal Bureau of Investigation (FBI', the
    model's span of 'Federal Bureau of Investigation (FBI)': the initials become a form of the
    name apart)."""
    form = mention.text
    if "]" in form:
        form = form[form.rindex("]") + 1 :]
    if "[" in form:
        form = form[: form.index("[")]
    if form.count("(") > form.count(")"):
        form = form[: form.rindex("(")]
    form = form.strip()
    return mention if form == mention.text or not form[:1].isupper() else mention.cut_to(form)
