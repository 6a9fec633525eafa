"""What a format reader hands back before cleaning, and the error it raises for bad input."""

from __future__ import annotations

from dataclasses import dataclass


class FormatError(Exception):
    """A file's bytes are not a readable document; ``reason`` is short and lower-case."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class Extracted:
    """Raw body text plus the metadata the format itself carries.

    ``title``, ``author``, ``outlet`` and ``published`` describe the article (HTML meta and
    JSON-LD, e-mail headers, a DOCX Title paragraph) and beat what the text suggests. The
    ``file_*`` fields describe the file (PDF info, DOCX core properties): often the person or
    program that saved it, so a byline or date printed in the text beats them.
    ``hard_wrapped`` asks the cleaner to join the line breaks inside paragraphs (PDF).
    """

    text: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None
    file_title: str | None = None
    file_author: str | None = None
    file_published: str | None = None
    hard_wrapped: bool = False
    url: str | None = None  # the address a web archive was saved from (an HTML page's is read from it when stored)
    left_out: tuple[str, ...] = ()  # what the file holds that is not imported ("1 attachment not imported: …")
