"""HTML pages: main text and metadata through trafilatura, a plain lxml walk as fallback.

Nothing is ever fetched: trafilatura gets the page as a string and no URL, and lxml's parser
does not load external resources. trafilatura's extensive date search is switched off because
it guesses dates from copyright lines and body text, which the product must never do.
"""

from __future__ import annotations

import json
import re
from html import escape, unescape

import lxml.html
from lxml import etree

from briefing.embedded_posts import find_signature
from briefing.ingest.dates import days_apart, labelled_publication, parse_date_value
from briefing.ingest.decode import decode_text
from briefing.ingest.extracted import Extracted, FormatError
from briefing.ingest.metadata import pick
from briefing.ingest.page_markup import BLOCK_TAGS, prepare_markup

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""", re.I)
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
SKIP_TAGS = frozenset("script style noscript template nav aside form button select svg iframe head".split())
JSON_LD = re.compile(r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", re.S | re.I)
TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
TITLE_SEPARATOR = re.compile(r"\s+[|–—:-]\s+|\s*::\s*")
DATE_PARAMS = {"extensive_search": False, "original_date": True}
MAX_TAG_CHARS = 16_384
TAG_START = re.compile(r"<[A-Za-z/!?]")  # "a < b" in sloppy text is text, not a tag
TAG_NAME = re.compile(r"/?[A-Za-z][\w:-]{0,40}")
OPENING_TAG = re.compile(r"<[A-Za-z]")
# lxml and trafilatura need about 2 KB a element, and ~0.1 ms: 7.8 MB of "<p a b c>" took
# 1.4 GB. Long real pages have a few tens of thousands of elements.
MAX_ELEMENTS = 100_000
# a precision-mode body under this many words is checked against the default mode's, which
# replaces it when FALLBACK_RATIO times longer
PLAUSIBLE_BODY_WORDS = 250
FALLBACK_RATIO = 3


def read_html(raw: bytes) -> Extracted:
    return extract_html(decode_html(raw))


def decode_html(raw: bytes) -> str:
    declared = META_CHARSET.search(raw[:4096]) or XML_ENCODING.search(raw[:256])
    text = decode_text(raw, declared.group(1).decode("ascii", "ignore") if declared else None)
    return XML_DECLARATION.sub("", text, count=1)


def extract_html(html: str) -> Extracted:
    """Main text and metadata of a page; raises FormatError when nothing readable is in it."""
    if not html.strip():
        raise FormatError("empty file")
    check_elements(html)
    html = tame_tags(html)
    markup = prepare_markup(html)
    result = extract_body(markup.html)
    meta = {key: getattr(result, key, None) for key in ("title", "author", "sitename", "date")}
    extra = read_json_ld(html)
    body = getattr(result, "body", None)
    paragraphs = body_paragraphs(body) if body is not None else []
    heading = page_heading(html)
    paragraphs = without_closing_link_list(from_headline(paragraphs, heading), markup.link_lists)
    # the headline as shown beats the <title> tag
    shown = paragraphs.pop(0)[1] if paragraphs and paragraphs[0][0] == "h1" else None
    field_title = None if names_the_site(meta["title"], meta["sitename"], extra) else meta["title"]
    if is_logo(field_title, html):  # the site's logo set as an <h1> ("엔터 미디어" linking home)
        field_title = heading = title_tag_text(html)
    title = pick(shown, field_title, extra.get("headline"), heading)
    return Extracted(
        text="\n\n".join(p for _, p in paragraphs) or walk_text(html),
        title=title,
        author=pick(meta["author"], extra.get("author")),
        outlet=pick(meta["sitename"], extra.get("publisher"), outlet_from_title_tag(html, title)),
        published=publication_date(html, pick(meta["date"], extra.get("datePublished"))),
    )


# what trafilatura may put above the headline: a promo box's heading, a rail's teaser
MAX_BLOCKS_ABOVE_HEADLINE = 3
MAX_WORDS_ABOVE_HEADLINE = 100


def from_headline(paragraphs: list[tuple[str, str]], heading: str | None) -> list[tuple[str, str]]:
    """``paragraphs`` from the page's headline on, when trafilatura put a few short blocks above it.

    The page's first <h1> is its headline, and nothing of the article stands above it: a promo
    box's heading ("16-inch laptop now available") and a teaser of the side rail came out first
    when trafilatura read the whole content column. Only a few blocks of few words are dropped,
    and only above an <h1> that is the page's first."""
    for index, (kind, text) in enumerate(paragraphs[: MAX_BLOCKS_ABOVE_HEADLINE + 1]):
        if kind == "h1" and index and heading and " ".join(text.split()) == heading:
            above = sum(len(block.split()) for _, block in paragraphs[:index])
            return paragraphs[index:] if above <= MAX_WORDS_ABOVE_HEADLINE else paragraphs
    return paragraphs


# what may follow an article's closing list of related stories: "Originally published on Live Science."
MAX_BLOCKS_AFTER_LINKS = 2
MAX_WORDS_AFTER_LINKS = 30


def without_closing_link_list(
    paragraphs: list[tuple[str, str]], link_lists: frozenset[tuple[str, ...]]
) -> list[tuple[str, str]]:
    """``paragraphs`` without a list made of links alone that closes the article (at most a
    line or two of few words after it): the page's list of related stories, whatever its
    heading, or with none. A list of links inside the article (a shop's links under each
    product of a deals page) stays."""
    last = len(paragraphs) - MAX_BLOCKS_AFTER_LINKS - 1
    for index in range(len(paragraphs) - 1, max(last, 0) - 1, -1):
        kind, text = paragraphs[index]
        after = sum(len(block.split()) for _, block in paragraphs[index + 1 :])
        if kind == "list" and after <= MAX_WORDS_AFTER_LINKS and list_items(text) in link_lists:
            return paragraphs[:index] + paragraphs[index + 1 :]
    return paragraphs


def list_items(text: str) -> tuple[str, ...]:
    return tuple(" ".join(line.removeprefix("- ").split()) for line in text.split("\n"))


def publication_date(html: str, found: str | None) -> str | None:
    """The date the page shows as "Published", where it is more than a day from ``found``.

    htmldate takes the earliest date of an element it deems a date's; on a fact check
    (PolitiFact) that is the date of the statement checked, weeks before the check was
    published, while the page says "Published: Monday, November 18th, 2019". A day's difference
    is a time zone's (a page's local date against its UTC metadata) and is left alone."""
    shown = labelled_publication(page_text(html))
    known = parse_date_value(found)
    if shown and (known is None or days_apart(shown, known) > 1):
        return shown
    return found


SCRIPT_OR_STYLE_TAG = re.compile(r"(</?(?:script|style)\b[^>]{0,2000}>)", re.IGNORECASE)


def page_text(html: str) -> str:
    """Every text of the page in one line, tags, scripts and styles taken out.

    One pass over the page: a search for each script's end would read a page of unclosed
    "<script" tags once per tag."""
    kept, inside = [], False
    for index, part in enumerate(SCRIPT_OR_STYLE_TAG.split(html)):
        if index % 2:
            inside = not part.startswith("</")
        elif not inside:
            kept.append(part)
    return " ".join(unescape(re.sub(r"<[^<>]*>", " ", " ".join(kept))).split())


def check_elements(html: str) -> None:
    """Refuse a page with more elements than the parsers can hold in bounded memory."""
    count = sum(1 for _ in OPENING_TAG.finditer(html))
    if count > MAX_ELEMENTS:
        raise FormatError(f"html has too many elements ({count:,}; the limit is {MAX_ELEMENTS:,})")


def tame_tags(html: str) -> str:
    """``html`` with every tag longer than MAX_TAG_CHARS reduced to its bare name.

    libxml2, jusText and htmldate all take time growing with the square of a tag's attribute
    count: one ``<p>`` with 300,000 attributes kept the import busy for over ten minutes. No
    text lives inside a tag; the one long tag a real page has is an image with its picture
    inlined as a data: URL, and that loses nothing by going. One pass, linear in the page.
    """
    if len(html) <= MAX_TAG_CHARS:
        return html
    pieces, copied, position = [], 0, 0
    while (tag := TAG_START.search(html, position)) and (end := html.find(">", tag.start())) >= 0:
        start = tag.start()
        if end - start > MAX_TAG_CHARS:
            name = TAG_NAME.match(html, start + 1)
            pieces += [html[copied:start], f"<{name.group(0)}>" if name else " "]
            copied = end + 1
        position = end + 1
    return "".join([*pieces, html[copied:]]) if pieces else html


H1_OPEN = re.compile(r"<h1[\s>]", re.IGNORECASE)
H1_CLOSE = re.compile(r"</h1\s*>", re.IGNORECASE)
MAX_HEADING_CHARS = 400
MAX_HEADING_MARKUP = 4_000  # an <h1> with its inner tags; unclosed ones are not searched further
MAX_HEADINGS = 20


def names_the_site(title: str | None, sitename: str | None, extra: dict[str, str]) -> bool:
    """True when a page's title field is only the site's name (some sites put their name in
    every page's <title> and og:title; a Korean news page was imported as its portal's name)."""
    if not title:
        return False
    site = " ".join(title.split()).casefold()
    return any(name and site == " ".join(name.split()).casefold() for name in (sitename, extra.get("publisher")))


def is_logo(heading: str | None, html: str) -> bool:
    """True when ``heading`` (a short title field) is an <h1> inside a link to the home page."""
    if not heading or len(heading.split()) > 3 or len(heading) > 60:
        return False
    words = r"\s+".join(re.escape(escape(w, quote=False)) for w in heading.split())
    home = rf"""<a\s[^>]*href=["'](?:/|https?://[^/"'\s]+/?)["'][^>]*>\s*<h1[^>]*>\s*{words}\s*</h1>"""
    return re.search(home, html[:200_000], re.IGNORECASE) is not None


def title_tag_text(html: str) -> str | None:
    match = TITLE_TAG.search(html)
    text = " ".join(unescape(re.sub(r"<[^>]*>", "", match.group(1))).split()) if match else ""
    return text or None


def page_heading(html: str) -> str | None:
    """The text of the page's first non-empty <h1>, when the extracted body did not start
    with it."""
    for count, opening in enumerate(H1_OPEN.finditer(html)):
        if count == MAX_HEADINGS:
            break
        window = html[opening.start() : opening.start() + MAX_HEADING_MARKUP]
        closing = H1_CLOSE.search(window)
        inner_start = window.find(">") + 1
        if closing is None or inner_start <= 0 or inner_start > closing.start():
            continue
        text = " ".join(unescape(re.sub(r"<[^>]*>", " ", window[inner_start : closing.start()])).split())
        if text and len(text) <= MAX_HEADING_CHARS:
            return text
    return None


def outlet_from_title_tag(html: str, title: str | None) -> str | None:
    """The site name a <title> adds after the headline: "Headline - Veldra Review" (also when the
    title is that whole <title>, as for a page whose <h1> is its logo)."""
    match = TITLE_TAG.search(html)
    if not match or not title:
        return None
    tag_text = " ".join(unescape(re.sub(r"<[^>]*>", "", match.group(1))).split())
    parts = TITLE_SEPARATOR.split(tag_text)
    shown = " ".join(title.split()).casefold()
    if len(parts) < 2 or shown not in (parts[0].casefold(), tag_text.casefold()):
        return None
    site = parts[-1].strip()
    return site if 1 <= len(site.split()) <= 6 else None


# Hover cards, tooltips and popovers: hidden until the pointer is on them, so no reader sees their
# text in the article ("Rep. Ilhan Omar" carries a card of her latest headlines on The Hill).
HIDDEN_PANELS = (
    "//*[(contains(@class,'rollover') or contains(@class,'hovercard') or contains(@class,'hover-card')"
    " or contains(@class,'tooltip') or contains(@class,'popover')) and (contains(@class,'block')"
    " or contains(@class,'content') or contains(@class,'body') or contains(@class,'panel')"
    " or contains(@class,'popup') or contains(@class,'inner'))]"
)


def run_trafilatura(html: str, *, precise: bool = True):
    import trafilatura  # imported late: it takes a while and only HTML and e-mail need it

    try:
        return trafilatura.bare_extraction(
            html,
            favor_precision=precise,
            include_comments=False,
            include_tables=True,
            include_links=False,
            with_metadata=True,
            date_extraction_params=DATE_PARAMS,
            prune_xpath=HIDDEN_PANELS,
        )
    except (ValueError, TypeError, etree.LxmlError):
        return None  # the lxml walk below still gets a chance


def extract_body(html: str):
    """trafilatura's result in precision mode, or in its default mode when that body is implausibly short.

    Precision mode keeps less furniture, but on some pages it keeps only a fragment (a reprint
    notice, one section of a list article) of a body the default mode reads whole.
    """
    precise = run_trafilatura(html)
    words = count_body_words(precise)
    if words >= PLAUSIBLE_BODY_WORDS:
        return precise
    fuller = run_trafilatura(html, precise=False)
    return fuller if count_body_words(fuller) > FALLBACK_RATIO * max(words, 1) else precise


def count_body_words(result) -> int:
    body = getattr(result, "body", None)
    return 0 if body is None else sum(len(text.split()) for text in body.itertext())


def body_paragraphs(body) -> list[tuple[str, str]]:
    """(kind, text) for each block of trafilatura's output tree; line breaks kept.

    Text right inside the body, or after a block (an element's ``tail``), is a paragraph of
    its own: trafilatura leaves a paragraph there when the page had it outside any ``<p>``.
    """
    blocks = [("p", body.text or "")]
    for element in body:
        if element.tag == "table" and is_layout_table(element):
            blocks.extend(layout_table_blocks(element))
        else:
            blocks.append(read_block(element))
        blocks.append(("p", element.tail or ""))
    return [(kind, text.strip()) for kind, text in blocks if text.strip()]


BLOCK_CHILDREN = frozenset({"p", "head", "list", "quote", "table"})
SOURCE_WHITESPACE = re.compile(r"[ \t\r\n\f]*[\r\n][ \t\r\n\f]*")  # a no-break space stays


def is_layout_table(table) -> bool:
    """A table a page is laid out with, not one of data: a cell of it holds paragraphs or headings
    (a whole article in one cell reads as one row of text, its paragraphs run together)."""
    return any(child.tag in BLOCK_CHILDREN for cell in table.iter("cell") for child in cell)


def layout_table_blocks(table) -> list[tuple[str, str]]:
    """The blocks of a layout table's cells, in reading order, each cell's as the body's are read."""
    blocks: list[tuple[str, str]] = []
    for row in table.iter("row"):
        for cell in row.iter("cell"):
            blocks.extend(body_paragraphs(cell))
    return blocks


def read_block(element) -> tuple[str, str]:
    if element.tag == "list":
        items = ["- " + element_text(item) for item in element.iter("item")]
        return "list", "\n".join(i for i in items if i.strip() != "-")
    if element.tag == "table":
        return "table", table_text(element)
    kind = "h1" if element.tag == "head" and element.get("rend") == "h1" else element.tag
    text = element_text(element)
    if find_signature(text) is not None:  # an embedded post: one paragraph, its lines joined
        text = " ".join(text.split())
    return kind, text


def table_text(table) -> str:
    """One line a row, cells separated by " | ": readable as plain text, one offset per character."""
    rows = []
    for row in table.iter("row"):
        cells = [" ".join(inner_text(cell).split()) for cell in row.iter("cell")]
        if any(cells):
            rows.append(" | ".join(cells))
    return "\n".join(rows)


def element_text(element) -> str:
    return inner_text(element).strip()


def inner_text(element) -> str:
    """The element's words; a line break only where the page had one (``<br>``): a line break in
    the page's source is a space, as a browser shows it ('Photos\n which were released…')."""
    parts = [_spaced(element.text)]
    for child in element:
        parts.append("\n" if child.tag == "lb" else inner_text(child))
        parts.append(_spaced(child.tail))
    return "".join(parts)


def _spaced(text: str | None) -> str:
    return SOURCE_WHITESPACE.sub(" ", text) if text else ""


def walk_text(html: str) -> str:
    """Visible text of a page, one block element per line, for pages trafilatura finds empty."""
    try:
        root = lxml.html.fromstring(html)
    except (etree.LxmlError, ValueError):
        return ""
    lines: list[str] = []
    collect_text(root, lines)
    return "\n\n".join(line for line in ("".join(lines)).split("\n") if line.strip())


def collect_text(element, out: list[str]) -> None:
    """Append the element's text; block elements start and end lines."""
    tag = element.tag.lower() if isinstance(element.tag, str) else ""  # comments have no tag name
    if tag and tag not in SKIP_TAGS:
        block = tag in BLOCK_TAGS
        out.append(("\n" if block else "") + flatten(element.text))
        for child in element:
            collect_text(child, out)
        if block:
            out.append("\n")
    out.append(flatten(element.tail))


def flatten(text: str | None) -> str:
    # line breaks in HTML source are just spaces
    return re.sub(r"\s+", " ", text) if text else ""


def read_json_ld(html: str) -> dict[str, str]:
    """headline, author, publisher and datePublished from the page's JSON-LD, when present."""
    found: dict[str, str] = {}
    for block in JSON_LD.findall(html):
        try:
            data = json.loads(block)
        except ValueError:
            continue
        for item in iter_json_objects(data):
            if isinstance(item.get("headline"), str):
                found.setdefault("headline", item["headline"])
            for key in ("author", "publisher"):
                name = name_of(item.get(key))
                if name:
                    found.setdefault(key, name)
            if isinstance(item.get("datePublished"), str):
                found.setdefault("datePublished", item["datePublished"])
    return found


def iter_json_objects(data, depth: int = 0):
    if depth > 5:
        return
    if isinstance(data, dict):
        yield data
        for value in data.values():
            yield from iter_json_objects(value, depth + 1)
    elif isinstance(data, list):
        for value in data:
            yield from iter_json_objects(value, depth + 1)


def name_of(value) -> str | None:
    if isinstance(value, list):
        names = [n for n in (name_of(v) for v in value) if n]
        if len(names) > 1:
            return ", ".join(names[:-1]) + " and " + names[-1]
        return names[0] if names else None
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None
