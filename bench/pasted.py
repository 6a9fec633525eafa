"""Pasted web pages: Briefing's .txt import against jusText and keep-everything.

    python -m bench.pasted DATA_DIR [--part dev|held-out|all] [--failures N]

DATA_DIR holds the scrapinghub article-extraction-benchmark: ``ground-truth.json`` (page
id -> articleBody, url) and ``html/<id>.html.gz``. The data stays outside the repository.

Each page is rendered to the text a browser's select-all copy gives (``render_page_text``:
block elements become lines, a paragraph is set off by a blank line, inline text is joined,
scripts, styles and hidden elements go, link text and the page's navigation, header, footer
and asides stay) and that text goes through the same code path as a pasted .txt file
(``read_document`` on a .txt). In the same run the same text goes to two peers: keeping
everything, and jusText with one paragraph per line (stop list by Briefing's language
guess, English when there is none for it).

Body: the benchmark's own metric (its evaluate.py): token 4-gram shingles, per-page tp/fp/fn
normalised to sum 1, precision and recall averaged over pages, F1 of the two averages.
Title: normalised exact match against the page's <h1> (the benchmark has no headline); a
page without an <h1> has no title gold and is left out of title accuracy, and so is a page
whose <h1> is not its headline: the site's name (og:site_name), or a heading that shares no
word with the headline part of the <title> (a logo, an embedded item's heading). Counted
strictly, every page with an <h1> has that <h1> for gold, whatever it is. "Site affix"
counts predicted titles carrying the outlet's name after or before a separator.

The benchmark has no train/test split. Pages are split by a stable hash of their id: the
DEV half is for development and reading failures; the HELD-OUT half is measured only, and
``--failures`` refuses it, so that its failures are never read.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import html
import json
import re
import statistics
import sys
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import justext
import lxml.html

from briefing.domain import IngestError
from briefing.ingest.language import guess_language
from briefing.ingest.page_lines import STOPS
from briefing.ingest.reader import read_document

SKIPPED_TAGS = frozenset(
    """script style noscript template head title meta link svg canvas select option iframe
    object embed audio video map area input textarea button datalist""".split()
)
# innerText's "required line break count": 2 around a paragraph, 1 around other blocks
PARAGRAPH_TAGS = frozenset({"p"})
BLOCK_TAGS = frozenset(
    """div section article header footer nav aside main figure figcaption blockquote pre
    table thead tbody tfoot tr caption form fieldset legend ul ol li dl dt dd address hr
    h1 h2 h3 h4 h5 h6 details summary center body html menu dialog""".split()
)
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
BREAK = "\x00"  # a required line break, followed by its count
FORCED = "\x01"  # <br>
JUSTEXT_STOPLISTS = {
    "en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian",
    "nl": "Dutch", "pt": "Portuguese", "ru": "Russian", "ko": "Korean", "ar": "Arabic",
    "el": "Greek", "he": "Hebrew", "hi": "Hindi", "ka": "Georgian", "hy": "Armenian",
    "bn": "Bengali", "ta": "Tamil",
}  # fmt: skip
TOKEN = re.compile(r"\w+", re.UNICODE)
TITLE_SEPARATOR = re.compile(r"\s+[|–—\-:·•»/]\s+|\s*\|\s*")


@dataclass
class Page:
    page_id: str
    url: str
    body: str
    html: bytes


@dataclass
class Scores:
    tp_fp_fns: list[tuple[float, float, float]]

    def summary(self) -> tuple[float, float, float]:
        precision = statistics.mean(shingle_precision(*t) for t in self.tp_fp_fns if t[0] + t[1] > 0)
        recall = statistics.mean(shingle_recall(*t) for t in self.tp_fp_fns if t[0] + t[2] > 0)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def part_of(page_id: str) -> str:
    """The stable DEV / HELD-OUT half of a page: the first byte of a salted hash."""
    digest = hashlib.sha256(f"aeb-split:{page_id}".encode()).digest()
    return "dev" if digest[0] % 2 == 0 else "held-out"


def load_pages(folder: Path, part: str) -> list[Page]:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id, gold in sorted(truth.items()):
        if part != "all" and part_of(page_id) != part:
            continue
        raw = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
        pages.append(Page(page_id, gold.get("url", ""), gold.get("articleBody", ""), raw))
    return pages


# --- the browser's copy -------------------------------------------------------------------


def parse_html(raw: bytes) -> lxml.html.HtmlElement:
    declared = re.search(rb"""<meta[^>]+charset=["']?([\w-]+)""", raw[:4096], re.I)
    encoding = declared.group(1).decode("ascii") if declared else "utf-8"
    try:
        text = raw.decode(encoding, errors="replace")
    except LookupError:
        text = raw.decode("utf-8", errors="replace")
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)
    return lxml.html.document_fromstring(text)


def render_page_text(root: lxml.html.HtmlElement) -> str:
    """The text a browser's select-all copy of the page gives (innerText, roughly)."""
    parts: list[str] = []
    body = root.find("body")
    add_element(body if body is not None else root, parts)
    raw = "".join(parts)
    raw = re.sub(r"[ \t\n\r\f\v]+", " ", raw)
    raw = re.sub(rf" *{BREAK}(\d) *", lambda m: f"{BREAK}{m.group(1)}", raw)
    raw = re.sub(rf" *{FORCED} *", "\n", raw)
    raw = re.sub(rf"(?:{BREAK}\d)+", lambda m: "\n" * max(int(c) for c in m.group(0)[1::2]), raw)
    lines = [line.strip() for line in raw.split("\n")]
    return "\n".join(lines).strip("\n") + "\n"


def add_element(element: lxml.html.HtmlElement, parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else None
    if tag is None or tag.lower() in SKIPPED_TAGS or is_hidden(element):
        return
    tag = tag.lower()
    breaks = 2 if tag in PARAGRAPH_TAGS else 1 if tag in BLOCK_TAGS else 0
    if tag == "br":
        parts.append(FORCED)
    if breaks:
        parts.append(f"{BREAK}{breaks}")
    parts.append(element.text or "")
    for child in element:
        add_element(child, parts)
        parts.append(child.tail or "")
    if tag in ("td", "th"):
        parts.append(" ")
    if breaks:
        parts.append(f"{BREAK}{breaks}")


def is_hidden(element: lxml.html.HtmlElement) -> bool:
    if element.get("hidden") is not None or element.get("type") == "hidden":
        return True
    return bool(HIDDEN_STYLE.search(element.get("style") or ""))


def find_h1(root: lxml.html.HtmlElement) -> tuple[str | None, bool]:
    """The page's <h1> and whether it is its headline: of the visible <h1>s, the one closest
    to the page's <title>.

    A page may have several (a logo, a section name); the headline shares the most words
    with the <title> (or og:title), and on a tie is the longer.
    """
    found = []
    for h1 in root.iter("h1"):
        if any(is_hidden(e) for e in [h1, *h1.iterancestors()]):
            continue
        parts: list[str] = []
        add_element(h1, parts)
        text = " ".join(re.sub(rf"{BREAK}\d|{FORCED}", " ", "".join(parts)).split())
        if text:
            found.append(text)
    if not found:
        return None, False
    titles = [root.findtext(".//title") or ""]
    titles += [m.get("content") or "" for m in root.iter("meta") if m.get("property") == "og:title"]
    wanted = set(normalise_title(" ".join(titles)).split())

    def closeness(text: str) -> tuple[int, int]:
        words = normalise_title(text).split()
        return sum(w in wanted for w in set(words)), len(words)

    best = max(found, key=closeness)
    return best, is_headline_h1(best, titles, root)


def is_headline_h1(h1: str, titles: list[str], root: lxml.html.HtmlElement) -> bool:
    """False when the <h1> is the site's name or shares no content word with the <title> or
    og:title: a logo, a blog's name, an embedded item's heading. Such a page has no headline
    gold (its headline is set in another element)."""
    sites = {normalise_title(m.get("content")) for m in root.iter("meta") if m.get("property") == "og:site_name"}
    if normalise_title(h1) in sites:
        return False
    wanted = {w for w in normalise_title(" ".join(titles)).split() if w not in STOPS}
    return not wanted or any(w in wanted for w in normalise_title(h1).split() if w not in STOPS)


# --- the three readers --------------------------------------------------------------------


def read_with_briefing(text: str, folder: Path) -> tuple[str, str | None]:
    path = folder / "page.txt"
    path.write_text(text, encoding="utf-8")
    try:
        document = read_document(path)
    except IngestError:
        return "", None
    return document.text, document.title


def read_with_justext(text: str) -> str:
    language = guess_language(text)
    stoplist = justext.get_stoplist(JUSTEXT_STOPLISTS.get(language or "", "English"))
    markup = "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip())
    paragraphs = justext.justext(f"<html><body>{markup}</body></html>".encode(), stoplist)
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


# --- the benchmark's metric ---------------------------------------------------------------


def match_shingles(true: str, pred: str, n: int = 4) -> tuple[float, float, float]:
    """evaluate.py's string_shingle_matching: tp, fp, fn over token 4-grams, summing to 1."""
    true_counts, pred_counts = Counter(shingles(true, n)), Counter(shingles(pred, n))
    tp = fp = fn = 0.0
    for key in set(true_counts) | set(pred_counts):
        t, p = true_counts.get(key, 0), pred_counts.get(key, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (tp, fp, fn)


def shingles(text: str, n: int) -> list[tuple[str, ...]]:
    tokens = TOKEN.findall(text or "")
    return [tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n]]


def shingle_precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def shingle_recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


# --- titles -------------------------------------------------------------------------------


def normalise_title(title: str | None) -> str:
    text = unicodedata.normalize("NFKC", title or "").casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def has_site_affix(title: str | None, gold: str | None, url: str) -> bool:
    """True when a separator sets off the headline from the site's name in ``title``."""
    parts = [p for p in TITLE_SEPARATOR.split(title or "") if p.strip()]
    if len(parts) < 2:
        return False
    wanted = normalise_title(gold)
    if wanted and any(
        normalise_title(" ".join(parts[i:j])) == wanted
        for i in range(len(parts))
        for j in range(i + 1, len(parts) + 1)
        if j - i < len(parts)
    ):
        return True
    host = urlparse(url).hostname or ""
    compact = [re.sub(r"\W", "", normalise_title(p)) for p in (parts[0], parts[-1])]
    return any(c and len(c) >= 3 and c in host.replace("-", "").replace(".", "") for c in compact)


# --- the run ------------------------------------------------------------------------------


@dataclass
class PageResult:
    page: Page
    h1: str | None
    gold_title: str | None
    title: str | None
    scores: dict[str, tuple[float, float, float]]


def measure_page(page: Page, folder: Path) -> PageResult:
    root = parse_html(page.html)
    text = render_page_text(root)
    body, title = read_with_briefing(text, folder)
    scores = {
        "briefing": match_shingles(page.body, body),
        "keep-everything": match_shingles(page.body, text),
        "justext": match_shingles(page.body, read_with_justext(text)),
    }
    h1, is_headline = find_h1(root)
    return PageResult(page, h1, h1 if is_headline else None, title, scores)


def report(results: list[PageResult], part: str) -> None:
    print(f"part: {part}, pages: {len(results)}")
    print(f"{'':<18}{'precision':>10}{'recall':>9}{'F1':>8}")
    for name in ("briefing", "keep-everything", "justext"):
        precision, recall, f1 = Scores([r.scores[name] for r in results]).summary()
        print(f"{name:<18}{precision:>10.3f}{recall:>9.3f}{f1:>8.3f}")
    with_gold = [r for r in results if r.gold_title]
    right = sum(normalise_title(r.title) == normalise_title(r.gold_title) for r in with_gold)
    titled = [r for r in results if r.title]
    affixed = sum(has_site_affix(r.title, r.gold_title, r.page.url) for r in titled)
    print(f"titles right: {right}/{len(with_gold)} ({right / max(1, len(with_gold)):.1%}) of pages with an <h1>")
    with_h1 = [r for r in results if r.h1]
    strict = sum(normalise_title(r.title) == normalise_title(r.h1) for r in with_h1)
    print(f"strictly, every <h1> as gold: {strict}/{len(with_h1)} ({strict / max(1, len(with_h1)):.1%})")
    share = affixed / max(1, len(titled))
    print(f"no title: {len(results) - len(titled)}; site affix: {affixed}/{len(titled)} ({share:.1%})")


def print_failures(results: list[PageResult], count: int) -> None:
    def f1(r: PageResult) -> float:
        tp, fp, fn = r.scores["briefing"]
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    print("\nworst bodies:")
    for r in sorted(results, key=f1)[:count]:
        tp, fp, fn = r.scores["briefing"]
        print(f"  {r.page.page_id[:12]} F1 {f1(r):.2f} P {shingle_precision(tp, fp, fn):.2f} "
              f"R {shingle_recall(tp, fp, fn):.2f} {r.page.url[:70]}")  # fmt: skip
    print("\nwrong titles:")
    wrong = [r for r in results if r.gold_title and normalise_title(r.title) != normalise_title(r.gold_title)]
    for r in wrong[:count]:
        print(f"  {r.page.page_id[:12]} got {r.title!r}\n{'':15}want {r.gold_title!r}")
    print("\nwrong strictly only (the <h1> is not the headline):")
    loose = [r for r in results if r.h1 and not r.gold_title and normalise_title(r.title) != normalise_title(r.h1)]
    for r in loose[:count]:
        print(f"  {r.page.page_id[:12]} got {r.title!r}\n{'':15}<h1> {r.h1!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--part", choices=("dev", "held-out", "all"), default="dev")
    parser.add_argument("--failures", type=int, default=0)
    parser.add_argument("--dump", type=Path, help="write each rendered page text here (dev only)")
    args = parser.parse_args(argv)
    if args.part != "dev" and (args.failures or args.dump):
        parser.error("failures and texts are shown for the dev half only")
    pages = load_pages(args.data, args.part)
    with tempfile.TemporaryDirectory() as scratch:
        results = [measure_page(page, Path(scratch)) for page in pages]
    report(results, args.part)
    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
        for page in pages:
            text = render_page_text(parse_html(page.html))
            (args.dump / f"{page.page_id[:12]}.txt").write_text(text, encoding="utf-8")
            (args.dump / f"{page.page_id[:12]}.gold").write_text(page.body, encoding="utf-8")
    if args.failures:
        print_failures(results, args.failures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
