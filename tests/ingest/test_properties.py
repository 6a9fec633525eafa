"""Properties: clean_text is total, idempotent and quote-preserving; read_document is total."""

import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.domain import Document, IngestError
from briefing.ingest import SUPPORTED_SUFFIXES, clean_text, read_document
from briefing.ingest.clean import QUOTE_MARKS, clean_text_reporting
from tests.ingest.builders import make_docx, make_eml, make_pdf

# pieces that steer generated text into the cleaner's rules: boilerplate, glue, hyphens, quotes
PIECES = [
    " ",
    "\n",
    "\n\n",
    "\t",
    "\u00a0",
    "\u200b",
    "\u200c",
    "\u00ad",
    "\r\n",
    "-\n",
    "e\u0301",
    "“",
    "”",
    "‘",
    "’",
    "'",
    '"',
    "«",
    "»",
    "「",
    "」",
    "„",
    "The",
    "outage",
    "system.",
    "The mayor",
    "said",
    "infra-",
    "structure",
    "iPhone",
    "e.g.",
    "Advertisement",
    "Related reading",
    "Read more",
    "Most Viewed",
    "Comments",
    "Edit Story",
    "Facebook Twitter",
    "Photo: Jane Doe / Getty Images",
    "© 2019 Courier",
    "By Jane Doe",
    "Reporting by Jane Doe; Editing by John Roe",
    "Sign up for our newsletter",
    "- item",
    "1. item",
    "PORT HALDEN, Veldra, March 3 (Meridian Wire) - ",
    "5 March 2026",
    "city’ s",
]
ARTICLE_LIKE = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=60).map("".join)
ANY_TEXT = st.one_of(st.text(max_size=300), ARTICLE_LIKE)


def quote_counts(text: str) -> Counter:
    return Counter(ch for ch in text if ch in QUOTE_MARKS)


@given(text=ANY_TEXT, hard_wrapped=st.booleans())
@settings(max_examples=300, deadline=None)
def test_clean_text_is_total_and_idempotent(text, hard_wrapped):
    once = clean_text(text, hard_wrapped=hard_wrapped)
    assert isinstance(once, str)
    assert clean_text(once, hard_wrapped=hard_wrapped) == once
    assert "\n\n\n" not in once and once == once.strip()


@given(text=ANY_TEXT, hard_wrapped=st.booleans())
@settings(max_examples=300, deadline=None)
def test_clean_text_never_changes_quotation_marks(text, hard_wrapped):
    cleaned, dropped = clean_text_reporting(text, hard_wrapped=hard_wrapped)
    # every quotation mark is either still there or left with a whole boilerplate line
    assert quote_counts(cleaned) + quote_counts("".join(dropped)) == quote_counts(text)
    if not dropped:
        assert quote_counts(cleaned) == quote_counts(text)


def sample_files() -> dict[str, bytes]:
    """One valid file per suffix, as seeds that generated inputs mutate."""
    with tempfile.TemporaryDirectory(prefix="ingest-seeds-") as folder:
        return _sample_files(Path(folder))


def _sample_files(folder: Path) -> dict[str, bytes]:
    paragraphs = ["The mayor said the grid had failed again.", "“We are doing our best,” she said."]
    html = "<html><head><title>T</title></head><body><h1>Head</h1><p>"
    html += "</p><p>".join(paragraphs) + "</p></body></html>"
    return {
        ".txt": b"Headline\n\nBy Jane Doe\n\n" + "\n\n".join(paragraphs).encode(),
        ".md": b"# Head\n\n*Body* text with a [link](http://x.example).",
        ".markdown": b"Head\n====\n\n- item\n- item two",
        ".html": html.encode(),
        ".htm": html.encode("utf-16"),
        ".xhtml": ('<?xml version="1.0" encoding="UTF-8"?>\n' + html).encode(),
        ".pdf": make_pdf(folder / "s.pdf", paragraphs[:1], headline="Head").read_bytes(),
        ".docx": make_docx(folder / "s.docx", paragraphs, headline="Head").read_bytes(),
        ".eml": make_eml(folder / "s.eml", plain="\n\n".join(paragraphs), html=html).read_bytes(),
        ".mhtml": _archive(html, "quoted-printable"),
        ".mht": _archive(html, "base64"),
    }


def _archive(html: str, encoding: str) -> bytes:
    """A browser's page saved as one file, the page in ``encoding``."""
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "<Saved by Blink>"
    message["Snapshot-Content-Location"] = "https://news.example/grid"
    message.set_content(html, subtype="html", cte=encoding)
    message.make_related()
    message.add_related(b"\x89PNG", maintype="image", subtype="png")
    return message.as_bytes()


SEEDS = sample_files()


@st.composite
def mutated(draw, seed: bytes) -> bytes:
    """The seed truncated, or with a few bytes overwritten, or both."""
    raw = bytearray(seed[: draw(st.integers(1, len(seed)))])
    for _ in range(draw(st.integers(0, 4))):
        position = draw(st.integers(0, len(raw) - 1))
        raw[position] = draw(st.integers(0, 255))
    return bytes(raw)


def inputs_for(suffix: str):
    return st.one_of(
        st.binary(max_size=600),
        st.text(max_size=300).map(str.encode),
        mutated(SEEDS[suffix]),
        st.just(SEEDS[suffix]),
    )


@pytest.mark.parametrize("suffix", sorted(SUPPORTED_SUFFIXES))
def test_read_document_only_ever_raises_ingest_error(suffix, tmp_path):

    @given(raw=inputs_for(suffix))
    @settings(max_examples=60, deadline=None)
    def check(raw):
        path = tmp_path / f"input{suffix}"
        path.write_bytes(raw)
        try:
            doc = read_document(path)
        except IngestError as error:
            assert error.reason and "\n" not in error.reason
            return
        assert isinstance(doc, Document) and doc.text.strip()
        assert doc.published is None or len(doc.published) == 10
        fields = (doc.text, doc.title, doc.author, doc.outlet, doc.path)
        assert not any(0xD800 <= ord(ch) <= 0xDFFF for field in fields if field for ch in field)

    check()


@pytest.mark.parametrize("suffix", sorted(SUPPORTED_SUFFIXES))
def test_seed_files_are_readable(suffix, tmp_path):
    # the fuzz seeds must themselves be valid, or the mutations above test little
    path = tmp_path / f"seed{suffix}"
    path.write_bytes(SEEDS[suffix])
    assert read_document(path).text
