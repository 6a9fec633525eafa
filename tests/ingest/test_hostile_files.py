"""Hostile files, each read in a fresh process: bounded time and memory, one clear line or a document.

The long word (a 24,000-letter one took 9 s, found by the fuzzer) and the 4 MB of text wrapped
at 72 columns without a blank line (400 KB took over two minutes) were quadratic once; so were
40 KB of "[" in Markdown (25 s; 2 MB never ended), a Subject of 50,000 encoded words (over
3 GB), 7.8 MB of "<p a b c>" (1.4 GB) and 100,000 MIME parts (51 s), and spaCy's tokenizer on
20,000 "(" (81 s): the analysis of such text runs in a child too.

Each case runs ``read_document`` in a child with a 3 GB address-space cap and reports its
outcome, seconds and peak resident memory; none may take more than 60 s or 400 MB (the child
itself is ~80 MB) or run out of memory. Then the whole set goes through one import into a
workspace: one line per refused file, nothing of them stored.
"""

from __future__ import annotations

import json
import sqlite3
import textwrap
from pathlib import Path

import pytest

from tests.ingest import hostile
from tests.ingest.builders import make_eml
from tests.processes import run_python

MAX_SECONDS = 60  # a safety net on a loaded machine; the measured times are far lower
MAX_PEAK_MB = 400
PARAGRAPH = b"The mayor said on Tuesday that the grid had failed again. "


def _nested_eml(depth: int) -> bytes:
    heads = b"".join(b"Content-Type: multipart/mixed; boundary=b%d\n\n--b%d\n" % (i, i) for i in range(depth))
    return b"From: a@example.org\nSubject: deep\nMIME-Version: 1.0\n" + heads + b"\nThe mayor said hello.\n"


def _utf16_without_bom() -> bytes:
    return ("<html><body><p>" + PARAGRAPH.decode() * 20 + "</p></body></html>").encode("utf-16-le")


# name -> (bytes or a builder taking the folder, what the outcome must say: "" for any text)
CASES = {
    "line.txt": (b"Headline\n\n" + b"word " * (hostile.TEN_MB // 5), ""),
    "line.md": (b"# Headline\n\n" + b"word " * (hostile.TEN_MB // 5), ""),
    "wrapped.txt": ("\n".join(textwrap.wrap(PARAGRAPH.decode() * 70_000, 72)).encode(), ""),
    "long-word.pdf": (lambda folder: hostile.long_pdf(folder / "long-word.pdf", 2, 3, b"x" * 200_000), ""),
    "line.html": (b"<html><body><p>" + b"word " * (hostile.TEN_MB // 5) + b"</p></body></html>", "no text"),
    "nested-divs.html": (b"<html><body>" + b"<div>" * 90_000 + PARAGRAPH * 3 + b"</div>" * 90_000, "no text"),
    "unclosed-tags.html": (b"<html><body>" + b"<b><i>" * 45_000 + PARAGRAPH * 3, "no text"),
    "short-tags.html": (hostile.short_tags_html(), "html has too many elements (866,668; the limit is 100,000)"),
    "huge-attribute.html": (b'<html><body><p title="' + b"A" * hostile.TEN_MB + b'">' + PARAGRAPH + b"</p>", ""),
    "many-attributes.html": (
        b"<html><body><p " + b" ".join(b'a%d="x"' % i for i in range(300_000)) + b">" + PARAGRAPH + b"</p>",
        "",
    ),
    "laughs.html": (b'<?xml version="1.0"?>' + hostile.LAUGHS + b"<html><body><p>&lol9; " + PARAGRAPH + b"</p>", ""),
    "script-only.html": (b"<html><body><script>" + b"x=1;" * 1_000_000 + b"</script></body></html>", "no text"),
    "nul.txt": (PARAGRAPH + b"\x00" * 1000 + PARAGRAPH, "binary data"),
    "nul.html": (b"<html><body><p>" + PARAGRAPH + b"\x00</p></body></html>", "binary data"),
    "nul.md": (b"# Title\x00\n\n" + PARAGRAPH, "binary data"),
    "nul.eml": (b"From: a@example.org\nSubject: x\x00y\n\n" + PARAGRAPH + b"\x00", ""),
    "mixed-encodings.txt": (hostile.mixed_encodings(), "not readable text"),
    "utf16-no-bom.html": (_utf16_without_bom(), ""),  # read as UTF-16, though it has no byte-order mark
    "nested.eml": (_nested_eml(1_000), "nested too deeply"),  # 1,000 parts: at the limit, not over
    "encoded-subject.eml": (hostile.encoded_subject_eml(), "e-mail header too long (732 KB; the limit is 64 KB)"),
    "many-parts.eml": (hostile.many_parts_eml(), "e-mail has too many parts (100,002; the limit is 1,000)"),
    "brackets.md": (b"# Headline\n\n" + PARAGRAPH + b"\n\n" + b"[" * 2_000_000, ""),
    "emphasis.md": (b"# Headline\n\n" + PARAGRAPH + b"\n\n" + b"**a *a _a " * 200_000, ""),
    "links.md": (b"# Headline\n\n" + PARAGRAPH + b"\n\n" + b"![[a](<a<http:" * 150_000, ""),
    "parens.txt": (PARAGRAPH + b"(" * 40_000 + b" " + PARAGRAPH, ""),
    "laughs.docx": (
        lambda folder: hostile.docx_with_document(
            folder,
            "laughs.docx",
            lambda xml: xml.replace(b"?>", b"?>" + hostile.LAUGHS, 1).replace(b"The mayor", b"&lol9; The mayor", 1),
        ),
        "corrupt docx",
    ),
    "deep.docx": (
        lambda folder: hostile.docx_with_document(
            folder,
            "deep.docx",
            lambda xml: xml.replace(
                b"<w:body>", b"<w:body>" + b"<w:sdt><w:sdtContent>" * 100_000 + b"</w:sdtContent></w:sdt>" * 100_000, 1
            ),
        ),
        "corrupt docx",
    ),
    "bomb.docx": (lambda folder: hostile.docx_bomb(folder), "docx too large when unpacked (65 MB of XML"),
    "media-bomb.docx": (
        lambda folder: hostile.docx_bomb(folder, "word/media/image1.png", 300 << 20),
        "docx too large when unpacked (301 MB; the limit is 256 MB",
    ),
    "lying-bomb.docx": (lambda folder: hostile.lying_docx_bomb(folder), ""),
    "bomb.pdf": (lambda folder: hostile.pdf_bomb(folder / "bomb.pdf"), "decompression bomb"),
    "too-long.pdf": (
        lambda folder: hostile.long_pdf(folder / "too-long.pdf", 2001),
        "pdf too long (2,001 pages; the limit is 2,000)",
    ),
}


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    work = tmp_path_factory.mktemp("hostile-work")
    for name, (content, _) in CASES.items():
        path = folder / name
        if callable(content):
            content(work).replace(path)
        else:
            path.write_bytes(content)
    make_eml(folder / "good.eml", plain=(PARAGRAPH * 3).decode())
    return folder


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(CASES))
def test_a_hostile_file_is_read_or_refused_in_bounded_time_and_memory(hostile_folder, name):
    outcome = hostile.read_in_child(hostile_folder / name)
    expected = CASES[name][1]
    assert outcome["seconds"] < MAX_SECONDS and outcome["peak_mb"] < MAX_PEAK_MB, outcome
    if "reason" in outcome:
        reason = outcome["reason"]
        assert "\n" not in reason and "out of memory" not in reason, outcome
        assert expected and expected in reason, outcome
    else:
        assert outcome["chars"] > 0 and not expected, outcome


IMPORT_IN_CHILD = r"""
import json, sys
from briefing.pipeline import import_paths
from briefing.store import open_workspace
with open_workspace(sys.argv[1]) as ws:
    report = import_paths(ws, [sys.argv[2]], analyse=False)
print(json.dumps({"imported": report.imported, "failed": report.failed}))
"""


@pytest.mark.slow
def test_an_import_of_them_all_stores_only_what_was_read(hostile_folder, tmp_path):
    path = tmp_path / "case.briefing"
    result = run_python(IMPORT_IN_CHILD, str(path), str(hostile_folder), timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    failed = {Path(p).name: reason for p, reason in report["failed"]}
    imported = {Path(p).name for p in report["imported"]}
    assert failed.keys() == {name for name, (_, expected) in CASES.items() if expected}
    assert imported == {name for name, (_, expected) in CASES.items() if not expected} | {"good.eml"}
    assert all("\n" not in reason for reason in failed.values())
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {Path(r[0]).name for r in conn.execute("SELECT path FROM sources")}
        originals = conn.execute("SELECT count(*) FROM originals").fetchone()[0]
    assert stored == imported and originals == len(imported)


def test_a_100_mb_text_file_is_refused_without_being_read(tmp_path):
    from briefing.domain import IngestError
    from briefing.ingest import read_document

    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: no disk used, and it is never read
    with pytest.raises(IngestError) as caught:
        read_document(path)
    assert caught.value.reason == "file too large (100.0 MB; the limit is 50 MB)"


def test_text_over_the_character_limit_is_refused(tmp_path, monkeypatch):
    from briefing.domain import IngestError
    from briefing.ingest import files, read_document

    monkeypatch.setattr(files, "MAX_TEXT_CHARS", 1_000_000)  # the real 16 million is slow to build
    path = tmp_path / "long.txt"
    path.write_bytes(PARAGRAPH * 20_000)
    with pytest.raises(IngestError, match=r"text too long \(1\.2 million characters; the limit is 1 million\)"):
        read_document(path)


@pytest.mark.slow
def test_a_2000_page_pdf_imports_in_bounded_memory(tmp_path):
    pdf = hostile.long_pdf(tmp_path / "report.pdf", 2000)
    code = hostile.PEAK_MB + IMPORT_IN_CHILD.replace(
        'print(json.dumps({"imported": report.imported, "failed": report.failed}))',
        'print(json.dumps({"imported": report.imported, "failed": report.failed, "peak_mb": peak_mb()}))',
    )
    result = run_python(code, str(tmp_path / "case.briefing"), str(pdf), timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["imported"] == [str(pdf)] and report["peak_mb"] < 300, report
    with sqlite3.connect(tmp_path / "case.briefing") as conn:
        text = conn.execute("SELECT text FROM sources").fetchone()[0]
    assert "Page 1999, line 11" in text


ANALYSE_IN_CHILD = (
    hostile.PEAK_MB
    + r"""
import json, sys, time
from briefing.ingest import read_document
from briefing.nlp.analyse import analyse_text
document = read_document(sys.argv[1])
start = time.perf_counter()
analysis = analyse_text(document.text, document.title)
print(json.dumps({"seconds": round(time.perf_counter() - start, 2), "peak_mb": peak_mb(),
                  "sentences": [document.text[a:b] for a, b in analysis.sentences]}))
"""
)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["parens.txt", "brackets.md"])
def test_the_analysis_of_a_hostile_text_is_bounded(hostile_folder, name):
    """spaCy sees no run of over 200 non-space characters; sentence offsets stay those of the text."""
    result = run_python(ANALYSE_IN_CHILD, str(hostile_folder / name), timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["peak_mb"] < 1000, outcome["peak_mb"]
    assert PARAGRAPH.decode().strip() in outcome["sentences"]
    print(name, outcome["seconds"], "s", outcome["peak_mb"], "MB")
