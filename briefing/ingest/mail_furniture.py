"""What a newsletter or a business e-mail wraps around its text: cut before the text is cleaned.

- "View this email in your browser" and its kin, lines of their own at any place;
- a mailing list's footer (the subscription notice, the unsubscribe and preferences links, the
  postal address) from its first line to the end, with the rows of bare links (social icons),
  rules and copyright line that stand just above it;
- a sign-off ("Best regards,", "Cordiali saluti") and the signature block under it, when no
  "-- " delimiter marks it: name, role, company, telephone and the legal notice.

Each cut needs its line in the message's second half, so an article that quotes an unsubscribe
notice or ends a letter with "Sincerely" in the middle of the text keeps it.
"""

from __future__ import annotations

import re

I = re.IGNORECASE  # noqa: E741 - a short flag keeps the patterns readable

VIEW_ONLINE = re.compile(
    r"(?:(?:click here to |)(?:view|read|open|see) (?:this|the|our) (?:e-?mail|newsletter|message|issue)"
    r"(?: online| in (?:your|a|the) (?:web )?browser| as a web ?page)"
    r"|having trouble (?:viewing|reading) this (?:e-?mail|message)"
    r"|(?:if )?this (?:e-?mail|message) (?:does not|doesn['’]t|is not|isn['’]t) display(?:ing)? (?:correctly|properly)"
    r"|si ce (?:message|courriel|mail) ne s['’]affiche pas correctement"
    r"|(?:wird diese e-?mail nicht (?:richtig|korrekt) angezeigt|e-?mail im browser (?:ansehen|anzeigen))"
    r")\b.{0,200}",
    I,
)
FOOTER_PHRASE = (
    r"(?:"
    r"you(?: are|['’]re| have)? (?:receiving|received|receive|getting|subscribed)\b.{0,40}\b"
    r"(?:e-?mails?|messages?|newsletters?|list|updates)\b"
    r"|(?:this|the) (?:e-?mail|message|newsletter) (?:was|is|has been) sent (?:to|by|because)\b"
    r"|(?:to |click here to |)unsubscribe\b"
    r"|(?:want to |)change how you receive these\b"
    r"|if you (?:no longer|don['’]t|do not) (?:wish|want) to (?:receive|get)\b"
    r"|(?:update|manage|change) (?:your )?(?:e-?mail |subscription |mailing )?(?:preferences|subscriptions?|settings)\b"
    r"|our mailing address is\b"
    r"|vous ne souhaitez plus recevoir\b|pour vous désinscrire|se désabonner|se désinscrire"
    r"|(?:newsletter |)abbestellen\b|vom newsletter abmelden"
    r")"
)
FOOTER_START = re.compile(FOOTER_PHRASE, I)  # a footer's own line: the phrase opens it
FOOTER_INSIDE = re.compile(rf"(?:.{{0,80}}\b){FOOTER_PHRASE}", I)  # the phrase after a few words
# what tells such a line from a sentence of the article ("Users can unsubscribe at any time, the
# company said."): it speaks of this message or list, or carries a link
ABOUT_THE_MESSAGE = re.compile(
    r"\b(?:this|these|our) (?:e-?mails?|list|mailing list|newsletters?|messages?|updates)\b"
    r"|https?://|www\.|mailto:|\bclick\b|\blink\b|\bhere\b|[|•·]",
    I,
)
SIGN_OFF = re.compile(
    r"(?:(?:best|kind|warm|warmest|many thanks and|with (?:best|kind)) regards|regards|best wishes|all the best"
    r"|(?:yours )?sincerely(?: yours)?|yours (?:truly|faithfully)|best|cheers|thanks|many thanks|thank you"
    r"|cordiali saluti|distinti saluti|saluti|mit freundlichen grüßen|freundliche grüße|viele grüße|beste grüße"
    r"|cordialement|bien cordialement|bien à vous|saludos(?: cordiales)?|atentamente|met vriendelijke groet(?:en)?"
    r"|med vänliga hälsningar|vänliga hälsningar|med venlig hilsen|pozdrawiam)\s*[,.!]?",
    I,
)
LINK = re.compile(r"<?(?:https?://|www\.|mailto:)\S+>?|\(\s*\)|\[\s*\]")
COPYRIGHT = re.compile(r"(?:copyright\b|©|\(c\) ?\d{4}|all rights reserved)", I)
LINK_LABEL_WORDS = 3
MAX_SIGNATURE_LINES = 25
SENTENCE_WORDS = 8
SENTENCE_END = re.compile(r"[.!?][\"'’”)]*$")
# the notice a company's signature carries, in prose: it stays part of the signature
LEGAL_NOTICE = re.compile(
    r"\b(?:confidential|privileged|intended (?:only |solely )?for|recipient|disclaimer|virus|"
    r"riservat|vertraulich|confidentiel|destinatari|empfänger|destinataire)",
    I,
)
MAX_LINE_WORDS = 60  # a footer or sign-off line is short; a paragraph that mentions one is not


def cut_mail_furniture(text: str) -> str:
    """``text`` without the newsletter and signature furniture described in the module docstring."""
    lines = [line for line in text.split("\n") if not (VIEW_ONLINE.fullmatch(line.strip()) and is_short(line))]
    lines = cut_from(lines, find_footer(lines))
    lines = cut_from(lines, find_sign_off(lines))
    return "\n".join(lines).strip("\n")


def is_short(line: str) -> bool:
    return len(line.split()) <= MAX_LINE_WORDS


def in_second_half(lines: list[str], index: int) -> bool:
    before = sum(len(line.split()) for line in lines[:index])
    return before > 0 and before >= sum(len(line.split()) for line in lines[index:])


def find_footer(lines: list[str]) -> int | None:
    """Where the footer starts: its first line, moved up over the rows of bare links above it."""
    for index, line in enumerate(lines):
        if is_footer_line(line.strip()) and is_short(line) and in_second_half(lines, index):
            while index and is_footer_trim(lines[index - 1]):
                index -= 1
            return index
    return None


def is_footer_line(line: str) -> bool:
    """A line that opens a mailing list's footer: its phrase first ("Unsubscribe | Update your
    preferences"), or after a few words when the line speaks of the message or carries a link
    ("Want to change how you receive these emails? You can update your preferences or unsubscribe
    from this list"); an article's sentence that mentions unsubscribing is neither."""
    if FOOTER_START.match(line):
        return True
    return FOOTER_INSIDE.match(line) is not None and ABOUT_THE_MESSAGE.search(line) is not None


def find_sign_off(lines: list[str]) -> int | None:
    """The last sign-off line standing alone with a short block of lines under it."""
    for index in range(len(lines) - 1, -1, -1):
        if SIGN_OFF.fullmatch(lines[index].strip()):
            rest = [line for line in lines[index + 1 :] if line.strip()]
            signed = rest and not any(is_sentence(line) and not LEGAL_NOTICE.search(line) for line in rest)
            if signed and len(rest) <= MAX_SIGNATURE_LINES and in_second_half(lines, index):
                return index
            return None
    return None


def is_sentence(line: str) -> bool:
    """A line of prose: a signature block holds names, roles, numbers and its legal notice, while
    the words after "Thank you." in an interview transcript go on in sentences."""
    return len(line.split()) >= SENTENCE_WORDS and SENTENCE_END.search(line.strip()) is not None


def is_footer_trim(line: str) -> bool:
    """A line that goes with the footer below it: blank, a rule, links alone, the copyright."""
    if not any(ch.isalnum() for ch in line) or is_bare_links(line):
        return True
    return is_short(line) and COPYRIGHT.match(line.strip()) is not None


def is_bare_links(line: str) -> bool:
    """A row of links with at most a few words of its own: social icons ("** (http://twitter.com/)",
    "** Twitter (https://twitter.com/courier)")."""
    if not LINK.search(line):
        return False
    return len([word for word in LINK.sub(" ", line).split() if any(ch.isalpha() for ch in word)]) <= LINK_LABEL_WORDS


def cut_from(lines: list[str], index: int | None) -> list[str]:
    return lines if index is None else lines[:index]
