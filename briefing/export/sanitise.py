"""An allow-list HTML cleaner: the last guard between rendered Markdown and a reader's browser.

Only structural and inline formatting tags survive, with no attributes except a link's
``href`` when it is http, https or mailto. Images, scripts, styles, frames and forms are
dropped with what they contain; every other unknown tag is dropped and its text kept.
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

from briefing.export.markup import SAFE_LINK

ALLOWED = frozenset(
    {
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "p",
        "br",
        "hr",
        "blockquote",
        "ul",
        "ol",
        "li",
        "em",
        "strong",
        "b",
        "i",
        "code",
        "pre",
        "a",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "del",
        "sup",
        "sub",
        "dl",
        "dt",
        "dd",
    }
)
VOID = frozenset({"br", "hr"})
# tags whose content is dropped with them
DROPPED = frozenset(
    {
        "script",
        "style",
        "iframe",
        "object",
        "embed",
        "template",
        "svg",
        "math",
        "noscript",
        "textarea",
        "select",
        "title",
        "head",
        "frame",
        "frameset",
        "applet",
        "audio",
        "video",
    }
)


class _Cleaner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []
        self.dropping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DROPPED:
            self.dropping += 1
        if self.dropping or tag not in ALLOWED:
            return
        href = dict(attrs).get("href") if tag == "a" else None
        safe_href = href if href is not None and SAFE_LINK.match(href) and href.strip() == href else None
        self.out.append(f'<a href="{escape(safe_href, quote=True)}">' if safe_href else f"<{tag}>")
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID and not self.dropping:
            self.out.append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if tag in DROPPED:
            self.dropping = max(0, self.dropping - 1)
            return
        if self.dropping or tag not in self.open:
            return
        while self.open:  # close what was left open inside, so the output stays well nested
            inner = self.open.pop()
            self.out.append(f"</{inner}>")
            if inner == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.out.append(escape(data, quote=False))

    def result(self) -> str:
        self.close()
        return "".join(self.out) + "".join(f"</{tag}>" for tag in reversed(self.open))


def clean_html(html: str) -> str:
    cleaner = _Cleaner()
    cleaner.feed(html)
    return cleaner.result()
