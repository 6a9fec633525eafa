"""Mutation fuzzing of every importer with hypothesis, run as ``python -m tests.ingest.fuzz``.

Seeds are valid files of each format built here (PDF with fpdf2, compressed and not, and
written by hand; DOCX with python-docx; HTML, Markdown, text and e-mail in several encodings).
Each case takes a seed and applies one to six mutations: truncation, byte flips, inserted or
deleted runs, a duplicated slice, a format token repeated up to 200 times, or a splice with
another format's seed. A DOCX case mutates the XML inside the archive half of the time, so the
parser and not only the zip reader is exercised.

Every case must end in a Document or an IngestError whose message is one line naming the
file, within the hypothesis deadline (5 s). The process runs under a 3 GB address-space cap
and prints, as JSON, the cases per format, the slowest case and its peak memory.
``tests/ingest/test_fuzz.py`` runs it; ``FUZZ_SEED`` and ``--examples`` vary it by hand.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import os
import random
import resource
import sys
import tempfile
import time
import zipfile
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from briefing.domain import Document, IngestError
from briefing.ingest import read_document
from tests.ingest import hostile
from tests.ingest.builders import make_docx, make_eml, make_pdf

DEADLINE = timedelta(seconds=5)
PARAGRAPHS = [
    "PORT HALDEN, March 3 (Meridian Wire) - The mayor said on Tuesday that the grid had failed again.",
    "“We are doing our best,” said Marta Okafor, a spokesperson for the Halden Water Authority.",
    "Officials blamed a transformer fault; 40,000 households lost power for 6 hours.",
]
TOKENS = {
    "txt": [
        b"\x00",
        b"\xff",
        b"\xef\xbb\xbf",
        b"\xfe\xff",
        b"\r",
        b"\n\n",
        "\u2028".encode(),
        b"\xed\xa0\x80",
        "“".encode(),
        b"\xe2\x80",
        b"\x1b[31m",
        b"By ",
        b"\t",
        b"-\n",
        b"\xc3",
    ],
    "md": [
        b"# ",
        b"```",
        b"[x](javascript:alert(1))",
        b"<script>alert(1)</script>",
        b"![i](http://evil.example/x.png)",
        b"> ",
        b"- ",
        b"|",
        b"\x00",
        b"*",
        b"<div>",
        b"&#0;",
        b"\\",
        b"---\n",
    ],
    "html": [
        b"<div>",
        b"</div>",
        b"<script>",
        b"<!--",
        b"<![CDATA[",
        b"&#0;",
        b"&#x110000;",
        b"&lol;",
        b"<meta charset=utf-16>",
        b"<meta charset=x-unknown>",
        b"<p title='",
        b"\x00",
        b"\xff\xfe",
        b"<svg><foreignObject>",
        b"<table><tr><td>",
        b"<iframe src=http://evil.example>",
        b"<img src=http://evil.example/x.png onerror=alert(1)>",
        b'<script type="application/ld+json">{"a":',
        b"<title>",
        b"<h1>",
        b"<html>",
    ],
    "pdf": [
        b"obj",
        b"endobj",
        b"stream\n",
        b"endstream",
        b"/Filter /FlateDecode",
        b"xref",
        b"trailer",
        b"<<",
        b">>",
        b"[",
        b"]",
        b"(",
        b")",
        b"/Length 999999999",
        b"BT",
        b"ET",
        b"Tj",
        b"TJ",
        b"Td",
        b"/Type /Page",
        b"%%EOF",
        b"\x00",
        b"1 0 R",
        b"/Kids [3 0 R 3 0 R]",
        b"/Encrypt",
        b"/ObjStm",
        b"\\",
        b"-0.0e99999",
    ],
    "docx": [
        b"<w:p>",
        b"</w:p>",
        b"<w:r><w:t>",
        b'<w:pPr><w:pStyle w:val="Title"/></w:pPr>',
        b"&amp;",
        b"&#0;",
        b"<!DOCTYPE x [<!ENTITY a 'b'>]>",
        b"\x00",
        b"<w:tbl>",
        b"xmlns:w=",
        b"PK\x03\x04",
        b"<w:sdt>",
        b"<",
    ],
    "eml": [
        b"\n",
        b"Content-Type: multipart/mixed; boundary=XX\n",
        b"--XX\n",
        b"Content-Transfer-Encoding: base64\n",
        b"=?utf-8?q?",
        b"=?x-unknown?b?AAAA?=",
        b'charset="x-unknown"',
        b"Content-Type: text/html\n\n<p>",
        b"\x00",
        b"\xff",
        b"From: ",
        b"Subject: ",
        b"Date: ",
        b"=\n",
        b"=XX",
        b"\r\n",
    ],
}
PDF_PARAGRAPHS = [p.replace("“", '"').replace("”", '"') for p in PARAGRAPHS]  # the core fonts are Latin-1
SUFFIX = {"txt": ".txt", "md": ".md", "html": ".html", "pdf": ".pdf", "docx": ".docx", "eml": ".eml"}


def build_seeds(folder: Path) -> dict[str, list[bytes]]:
    """Valid files of every format, in the variants importers meet."""
    text = "\n\n".join(PARAGRAPHS)
    html = (
        f"<html><head><title>Grid fails - Courier</title></head><body><h1>Grid fails</h1><p>{PARAGRAPHS[0]}"
        f"</p><p>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[2]}</p></body></html>"
    )
    compressed = make_pdf(folder / "plain.pdf", PDF_PARAGRAPHS, headline="Grid fails", title="Grid")
    return {
        "txt": [
            f"Grid fails\n\nBy Jane Doe\n\n{text}".encode(),
            text.encode("utf-16"),
            text.encode("cp1252", "replace"),
        ],
        "md": [
            f"# Grid fails\n\n*By Jane Doe*\n\n{text}\n\n- one\n- two\n".encode(),
            f"Grid fails\n==========\n\n> {PARAGRAPHS[1]}\n\n```\ncode\n```\n".encode(),
        ],
        "html": [
            html.encode(),
            html.encode("utf-16"),
            html.replace("<head>", "<head><meta charset=cp1252>").encode("cp1252", "replace"),
        ],
        "pdf": [compressed.read_bytes(), _uncompressed_pdf(), hostile.long_pdf(folder / "l.pdf", 3, 4).read_bytes()],
        "docx": [make_docx(folder / "a.docx", PARAGRAPHS, headline="Grid fails", bullets=("one", "two")).read_bytes()],
        "eml": [
            make_eml(folder / "a.eml", plain=text).read_bytes(),
            make_eml(folder / "b.eml", plain=text, html=html, attachment=b"\x00\x01").read_bytes(),
            make_eml(folder / "c.eml", html=html, subject="Fwd: Grid fails – Zürich").read_bytes(),
        ],
    }


def _uncompressed_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_compression(False)  # operators in plain sight, so byte mutations reach the content parser
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    for paragraph in PDF_PARAGRAPHS:
        pdf.multi_cell(0, 6, paragraph)
        pdf.ln(4)
    return bytes(pdf.output())


@st.composite
def mutated(draw, fmt: str, seeds: dict[str, list[bytes]]) -> bytes:
    raw = draw(st.sampled_from(seeds[fmt]))
    if fmt == "docx" and draw(st.booleans()):
        return _mutate_inside_docx(draw, raw, seeds)
    return _mutate(draw, raw, TOKENS[fmt], seeds)


def _mutate(draw, raw: bytes, tokens: list[bytes], seeds: dict[str, list[bytes]]) -> bytes:
    data = bytearray(raw)
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            data += b"x"
        at = draw(st.integers(0, len(data) - 1))
        operation = draw(st.sampled_from(("truncate", "flip", "insert", "delete", "repeat", "token", "splice")))
        if operation == "truncate":
            del data[at:]
        elif operation == "flip":
            data[at] = draw(st.integers(0, 255))
        elif operation == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif operation == "delete":
            del data[at : at + draw(st.integers(1, 512))]
        elif operation == "repeat":
            data[at:at] = data[at : at + draw(st.integers(1, 512))] * draw(st.integers(2, 50))
        elif operation == "token":
            data[at:at] = draw(st.sampled_from(tokens)) * draw(st.integers(1, 200))
        else:
            other = draw(st.sampled_from([s for group in seeds.values() for s in group]))
            data[at:] = other[draw(st.integers(0, len(other) - 1)) :]
    return bytes(data)


def _mutate_inside_docx(draw, raw: bytes, seeds: dict[str, list[bytes]]) -> bytes:
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    name = draw(st.sampled_from(sorted(n for n in parts if n.endswith((".xml", ".rels")))))
    parts[name] = _mutate(draw, parts[name], TOKENS["docx"], seeds)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, data in parts.items():
            archive.writestr(part, data)
    return out.getvalue()


class Tally:
    def __init__(self) -> None:
        self.cases: dict[str, int] = {}
        self.outcomes: dict[str, int] = {"read": 0, "refused": 0}
        self.slowest = (0.0, "")

    def check(self, fmt: str, path: Path, raw: bytes) -> None:
        path.write_bytes(raw)
        start = time.perf_counter()
        try:
            document = read_document(path)
        except IngestError as error:
            assert error.reason and "\n" not in error.reason and str(error).startswith(f"{path}: "), repr(error)
            self.outcomes["refused"] += 1
        else:
            assert isinstance(document, Document) and document.text.strip()
            fields = (document.text, document.title, document.author, document.outlet)
            assert not any(0xD800 <= ord(ch) <= 0xDFFF for field in fields if field for ch in field)
            self.outcomes["read"] += 1
        elapsed = time.perf_counter() - start
        self.cases[fmt] = self.cases.get(fmt, 0) + 1
        if elapsed > self.slowest[0]:
            self.slowest = (elapsed, f"{fmt} {len(raw)} bytes")


def run(examples: int, fuzz_seed: int, formats: list[str]) -> dict:
    tally = Tally()
    with tempfile.TemporaryDirectory(prefix="briefing-fuzz-") as name:
        folder = Path(name)
        seeds = build_seeds(folder)
        for fmt in formats:
            _fuzz(fmt, folder / f"case{SUFFIX[fmt]}", seeds, tally, examples, fuzz_seed)
    return {
        "cases": tally.cases,
        "total": sum(tally.cases.values()),
        "outcomes": tally.outcomes,
        "slowest_seconds": round(tally.slowest[0], 2),
        "slowest": tally.slowest[1],
        "peak_mb": _peak_mb(),
    }


def _fuzz(fmt: str, path: Path, seeds: dict[str, list[bytes]], tally: Tally, examples: int, fuzz_seed: int) -> None:
    @seed(fuzz_seed)
    @settings(max_examples=examples, deadline=DEADLINE, database=None, suppress_health_check=list(HealthCheck))
    @given(raw=mutated(fmt, seeds))
    def case(raw: bytes) -> None:
        tally.check(fmt, path, raw)

    case()


def _peak_mb() -> int:
    try:
        with open("/proc/self/status") as status:
            return round(int(next(line for line in status if line.startswith("VmHWM")).split()[1]) / 1024)
    except (OSError, StopIteration):
        return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=200, help="cases per format (default 200)")
    parser.add_argument("--formats", default=",".join(SUFFIX), help="comma-separated formats")
    args = parser.parse_args(argv)
    logging.getLogger().addHandler(logging.NullHandler())  # pypdf warns about every damaged file
    try:
        resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))
    except (ValueError, OSError):
        pass
    fuzz_seed = int(os.environ.get("FUZZ_SEED", random.randrange(1 << 30) if os.environ.get("FUZZ_RANDOM") else 1))
    print(f"fuzz seed {fuzz_seed} (FUZZ_SEED={fuzz_seed} repeats this run)", file=sys.stderr, flush=True)
    report = run(args.examples, fuzz_seed, args.formats.split(","))
    report["seed"] = fuzz_seed
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
