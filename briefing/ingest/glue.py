"""Repair words that scrapers glued together, only where the evidence is clear.

Three rules; each inserts or removes a single space and nothing else:

1. A sentence end glued to the next sentence: ``system.The`` -> ``system. The``,
   ``Sunday.The`` -> ``Sunday. The``. The left word starts a token and is either all
   lower-case letters (two or more) or three or more letters ending in a lower-case one; the
   right word is Capitalised with no other capitals; the token is not a URL, domain or e-mail
   address. This leaves "e.g.", "U.S.", "J.R.R.", "Ph.D", "3.5", "Corp.com", "report.PDF",
   "Mr.Smith", "ASP.NET" and "Console.WriteLine" alone.
2. Camel glue: ``outageThe`` -> ``outage The``, only when the capitalised tail is a common
   sentence-start word (``words.SENTENCE_STARTERS``: The, A, In, He, According, ...) and the
   head is a lower-case word of three or more letters from the token start with a vowel. So
   "iPhone", "McDonald", "PlayStation" and "JavaScript" can never match.
3. A possessive split by a stray space: ``city’ s response`` -> ``city’s response`` (the
   apostrophe follows a letter and a lone "s" follows the space); only the space goes.
"""

from __future__ import annotations

import re

from briefing.ingest.words import SENTENCE_STARTERS

SENTENCE_GLUE = re.compile(r"(?<![\w.@/:'’-])([^\W\d_]{2,})([.!?])([”’»)]?)([^\W\d_]+)")
STARTERS = "|".join(sorted(SENTENCE_STARTERS, key=len, reverse=True))
CAMEL_GLUE = re.compile(rf"(?<![\w@/.'’-])([^\W\d_]{{3,}}?)({STARTERS})(?=[\s,;:]|$)")
SPLIT_POSSESSIVE = re.compile(r"(?<=[^\W\d_])([’']) (s)(?![\w’'])")
VOWELS = frozenset("aeiouyàáâäãåæèéêëìíîïòóôöõøùúûüœ")
URL_HINTS = ("://", "www.", "@")


def repair_glue(line: str) -> str:
    """Insert the missing space in glued sentences and words; close split possessives."""
    line = SENTENCE_GLUE.sub(lambda m: split_sentence_glue(m, line), line)
    line = CAMEL_GLUE.sub(split_camel_glue, line)
    return SPLIT_POSSESSIVE.sub(r"\1\2", line)


def split_sentence_glue(match: re.Match[str], line: str) -> str:
    left, stop, closer, right = match.groups()
    # "Sunday.The" but not "Ph.D" or "Mr.Smith": a capitalised left word needs three letters
    sentence_end = left.islower() or (len(left) >= 3 and left[-1].islower())
    if not (sentence_end and right[:1].isupper()):
        return match.group(0)
    if len(right) > 1 and not right[1:].islower():
        return match.group(0)
    if len(right) == 1 and right not in "AI":
        return match.group(0)
    if is_url_like(line, match.start(), match.end()):
        return match.group(0)
    return f"{left}{stop}{closer} {right}"


def is_url_like(line: str, start: int, end: int) -> bool:
    """True when the text around the match is part of a web or e-mail address."""
    token_start = line.rfind(" ", 0, start) + 1
    token_end = line.find(" ", end)
    token = line[token_start : token_end if token_end >= 0 else len(line)]
    if any(hint in token.lower() for hint in URL_HINTS):
        return True
    # "example.Com/path" or "site.Example.org": more dotted parts follow the right word
    return re.match(r"[./][^\W_]", line[end : end + 2]) is not None


def split_camel_glue(match: re.Match[str]) -> str:
    head, tail = match.groups()
    if head.islower() and VOWELS.intersection(head):
        return f"{head} {tail}"
    return match.group(0)
