"""The signature that closes a post a page embeds: "— Paul Ryan (@SpeakerRyan) July 5, 2016".

A tweet embedded in a page keeps, once the page is text, its words and then this line. The web
importer keeps such a post in one paragraph (``briefing.ingest.web``) and the quote finder makes
it its author's quote (``briefing.nlp.quote_tweets``).
"""

from __future__ import annotations

import re

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
SIGNATURE = re.compile(
    r"\s*[—–―]\s*(?P<name>[^\s()—–―@][^\n()—–―@]{0,79}?)\s*\(@\w{1,30}\)\s*"
    rf"(?:{_MONTHS}) \d{{1,2}}, \d{{4}}\s*$"
)
SIGNATURE_REACH = 160  # the signature is looked for in a text's last characters only


def find_signature(text: str) -> re.Match[str] | None:
    """The post signature that ends ``text``, if one does."""
    return SIGNATURE.search(text, max(0, len(text) - SIGNATURE_REACH))
