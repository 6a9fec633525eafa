"""Author, outlet and title on real news: values that are not a name or a publication.

    python -m bench.metadata_real DATA_DIR [--part dev] [--list] [--polnear DIR]

DATA_DIR holds the scrapinghub article-extraction-benchmark (see bench/pasted.py). Each page
is imported twice: as HTML (the whole import, ``read_document`` on a .html file) and as the
text a browser's select-all copy gives (``bench.pasted.render_page_text``, imported as a
.txt). PolNeAR's dev texts (plain .txt, ``--polnear``, by default DATA_DIR's sibling
``polnear/dev/text``) are imported as they are. The data stays outside the repository.

Each stored author and outlet is flagged when it is a sentence (a finite verb, more than
eight words for an author, or a period after a lower-case word), a copyright or rights line,
a role or job title alone ("Staff", "Editor"), a generic word ("Hosted", "Home"), a date, a
URL or e-mail, or a list whose parts are not people ("The Russian; Syrian defense
ministries"). An author is also flagged for an organisation's word ("Tom Davies Associated",
"News Nation Bureau") and for repeating the outlet ("CBS News" by CBS News); an outlet for a
site's description ("LinkNaija | Nigeria's popular news platform"). A title is flagged only
for a copyright line, a URL, a date alone or a generic word. The counts per flag and per
path are printed; ``--list`` prints every value to read (a tag or a heading taken for a
name, "South Korea", is found only by reading).

Only the dev half is read: the HTML path takes bench/html_real.py's dev split, the pasted
path bench/pasted.py's (each bench measures its own path), so no held-out value is shown.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bench.html_real import page_split
from bench.pasted import load_pages, parse_html, part_of, render_page_text
from briefing.domain import IngestError
from briefing.ingest.reader import read_document

FIELDS = ("author", "outlet", "title")
PATHS = ("html", "pasted", "text")
ROLES = frozenset(
    """admin administrator staff reporter reporters editor editors correspondent writer writers
    contributor contributors columnist author authors guest user webmaster newsroom desk team
    editorial producer anchor host moderator intern freelancer blogger photographer
    """.split()
)
ROLE_QUALIFIERS = frozenset("staff senior chief managing contributing political news web guest special".split())
GENERIC = frozenset(
    """hosted home news online website web site blog sponsored advertisement menu share search
    article articles story stories latest more read comments video videos photos main page
    index subscribe login""".split()
)
FINITE_VERBS = frozenset(
    """is are was were has have had says said writes wrote covers covered reports reported
    joined joins lives lived works worked serves served can will would could should does did
    """.split()
)
NAME_PARTICLES = frozenset("de da di del della der den van von la le du dos das bin ibn al el ter ten y e".split())
COPYRIGHT = re.compile(r"copyright|©|\(c\)|rights reserved|\ball rights\b", re.IGNORECASE)
URL = re.compile(r"https?://|www\.|\S+@\S+\.\w|\.(?:com|org|net|co\.uk)/\S", re.IGNORECASE)
MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
DATE = re.compile(
    rf"\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}\b"
    rf"|\b(?:{MONTHS})[a-z]*\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\s+(?:{MONTHS})[a-z]*\b|^\s*\d{{4}}\s*$"
    rf"|\b\d{{1,2}}:\d{{2}}\b",
    re.IGNORECASE,
)
LIST_SEPARATORS = re.compile(r"\s*[;,]\s*|\s+(?:and|&)\s+")
ACCOUNT = re.compile(r"(?i)\w*admin\w*")
# words of an organisation's name, never of a person's: "Tom Davies Associated", "News Nation Bureau"
ORGANISATION_WORDS = frozenset(
    """press associated news times insider post journal media agency bureau ministry ministries
    department network radio tv television magazine wire daily""".split()
)
SEPARATOR = re.compile(r"\s[|–—-]\s|\|")
WORD = re.compile(r"[\w’'.-]+")


@dataclass
class Imported:
    path: str
    name: str
    values: dict[str, str | None] = field(default_factory=dict)
    error: str | None = None


def flag_value(kind: str, value: str | None, outlet: str | None = None) -> list[str]:
    """The flags of one stored ``kind`` ("author", "outlet", "title") value; [] when clean.

    ``outlet`` is the outlet stored with an author: an author that only repeats it ("CBS
    News" by CBS News, "RT" by RT International) is flagged "outlet".
    """
    if not value or not value.strip():
        return []
    value = " ".join(value.split())
    return [name for name, kinds, test in CHECKS if kind in kinds and test(kind, value, outlet)]


CHECKS = (
    ("copyright", FIELDS, lambda kind, value, outlet: bool(COPYRIGHT.search(value))),
    ("url", FIELDS, lambda kind, value, outlet: bool(URL.search(value))),
    (
        "date",
        FIELDS,
        lambda kind, value, outlet: bool(DATE.search(value)) and (kind != "title" or is_date_alone(value)),
    ),
    ("generic", FIELDS, lambda kind, value, outlet: is_generic(value)),
    ("role", ("author", "outlet"), lambda kind, value, outlet: is_role_alone(value)),
    ("sentence", ("author", "outlet"), lambda kind, value, outlet: is_sentence(kind, value)),
    ("not-people", ("author",), lambda kind, value, outlet: is_list_of_non_people(value)),
    ("organisation", ("author",), lambda kind, value, outlet: has_organisation_word(value)),
    ("outlet", ("author",), lambda kind, value, outlet: bool(outlet) and repeats_outlet(value, outlet or "")),
    ("tagline", ("outlet",), lambda kind, value, outlet: is_tagline(value)),
)


def words_of(value: str) -> list[str]:
    return WORD.findall(value)


def is_date_alone(value: str) -> bool:
    return not [w for w in words_of(DATE.sub(" ", value)) if w.isalpha() and w.lower() not in ("on", "at", "the")]


def is_generic(value: str) -> bool:
    return value.lower().strip(" .:|-") in GENERIC


def is_role_alone(value: str) -> bool:
    if ACCOUNT.fullmatch(value):
        return True
    words = [w.lower().strip(".") for w in words_of(value)]
    if not words or not any(w in ROLES for w in words):
        return False
    return all(w in ROLES or w in ROLE_QUALIFIERS or w in ("and", "the", "of", "&") for w in words)


def is_sentence(kind: str, value: str) -> bool:
    words = words_of(value)
    if any(w.lower() in FINITE_VERBS for w in words):
        return True
    if re.search(r"\b[a-z][\w’']*[.!?]$", value) and len(words) > 2:
        return True
    return len(words) > (8 if kind == "author" else 10)


def repeats_outlet(author: str, outlet: str) -> bool:
    a, o = simple(author), simple(outlet)
    return bool(a and o) and (a == o or o.startswith(a + " ") or a.startswith(o + " "))


def simple(text: str) -> str:
    return " ".join(re.sub(r"^the\s+", "", re.sub(r"[^\w\s]", " ", text.casefold()).strip()).split())


def is_tagline(value: str) -> bool:
    """A site's description for its name: a part after a separator, or lower-case words."""
    if SEPARATOR.search(value):
        return True
    return any(w[:1].islower() and len(w) > 3 and "." not in w for w in value.split())


def is_list_of_non_people(value: str) -> bool:
    """A list ("A; B", "A, B and C") one of whose parts is not name-shaped."""
    parts = [p for p in LIST_SEPARATORS.split(value) if p.strip()]
    if len(parts) < 2:
        return False
    return not all(is_name_shaped(p) for p in parts)


def has_organisation_word(value: str) -> bool:
    return any(w.lower().strip(".,;") in ORGANISATION_WORDS for w in value.split())


def is_name_shaped(part: str) -> bool:
    words = part.split()
    if has_organisation_word(part):
        return False
    if not 1 <= len(words) <= 5 or words[0].lower() in ("the", "a", "an"):
        return False
    return all(w[:1].isupper() or w.lower() in NAME_PARTICLES for w in words)


# --- importing ------------------------------------------------------------------------------


def import_values(path: str, name: str, file: Path) -> Imported:
    try:
        document = read_document(file)
    except IngestError as error:
        return Imported(path, name, error=error.reason)
    return Imported(path, name, {f: getattr(document, f) for f in FIELDS})


def import_all(data: Path, polnear: Path | None) -> list[Imported]:
    found: list[Imported] = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for page in load_pages(data, "all"):
            name = page.page_id[:12]
            if page_split(page.page_id) == "dev":
                (folder / "page.html").write_bytes(page.html)
                found.append(import_values("html", name, folder / "page.html"))
            if part_of(page.page_id) == "dev":
                (folder / "page.txt").write_text(render_page_text(parse_html(page.html)), encoding="utf-8")
                found.append(import_values("pasted", name, folder / "page.txt"))
    for file in sorted(polnear.glob("*.txt")) if polnear and polnear.is_dir() else []:
        found.append(import_values("text", file.stem[:40], file))
    return found


# --- reporting ------------------------------------------------------------------------------


def report(found: list[Imported]) -> int:
    """Counts per path and flag; returns the number of flagged values."""
    total = 0
    print(f"{'path':<8}{'files':>6}{'errors':>7}{'authors':>8}{'outlets':>8}{'flagged':>8}  flags")
    for path in PATHS:
        rows = [i for i in found if i.path == path]
        flags: Counter[str] = Counter()
        flagged = 0
        for item in rows:
            for kind in FIELDS:
                these = flag_value(kind, item.values.get(kind), item.values.get("outlet"))
                flags.update(f"{kind}:{f}" for f in these)
                flagged += bool(these)
        total += flagged
        authors = sum(bool(i.values.get("author")) for i in rows)
        outlets = sum(bool(i.values.get("outlet")) for i in rows)
        errors = sum(bool(i.error) for i in rows)
        shown = ", ".join(f"{k} {n}" for k, n in sorted(flags.items())) or "-"
        print(f"{path:<8}{len(rows):>6}{errors:>7}{authors:>8}{outlets:>8}{flagged:>8}  {shown}")
    print(f"flagged values: {total}")
    return total


def print_values(found: list[Imported]) -> None:
    for item in found:
        if item.error:
            print(f"{item.path:<7}{item.name:<14}error   {item.error}")
            continue
        for kind in FIELDS:
            value = item.values.get(kind)
            flags = flag_value(kind, value, item.values.get("outlet"))
            mark = f"  <- {', '.join(flags)}" if flags else ""
            print(f"{item.path:<7}{item.name:<14}{kind:<8}{value!r}{mark}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--part", choices=("dev",), default="dev", help="only the dev half is read")
    parser.add_argument("--list", action="store_true", help="print every stored value")
    parser.add_argument("--polnear", type=Path, help="PolNeAR dev texts (default: DATA_DIR/../polnear/dev/text)")
    args = parser.parse_args(argv)
    if not (args.data / "ground-truth.json").is_file():
        parser.error(f"{args.data}: no ground-truth.json (the article-extraction benchmark)")
    polnear = args.polnear or args.data.parent / "polnear" / "dev" / "text"
    found = import_all(args.data, polnear)
    report(found)
    if args.list:
        print_values(found)
    return 0


if __name__ == "__main__":
    sys.exit(main())
