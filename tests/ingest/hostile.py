"""Hostile input files, built in a moment, and reading one in a child process that is measured.

The builders make what an attacker or a broken exporter sends: zip bombs (honest and lying
headers), decompression-bomb PDFs, entity expansion, nesting deeper than any parser's stack,
10 MB lines and attributes, NUL bytes, mixed encodings, and a PDF of any page count written
by hand (fpdf2 needs 40 s for 2,000 pages; this needs a tenth of a second).
"""

from __future__ import annotations

import json
import struct
import zipfile
import zlib
from pathlib import Path

from tests.ingest.builders import make_docx
from tests.processes import run_python

TEN_MB = 10 * 1024 * 1024
LAUGHS = (
    b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 2 else b"&lol;") * 10) for i in range(2, 10))
    + b"]>"
)

PEAK_MB = r"""
def peak_mb():
    # VmHWM is this program's own peak; ru_maxrss on Linux keeps the parent's from before exec
    try:
        with open("/proc/self/status") as status:
            return round(int(next(line for line in status if line.startswith("VmHWM")).split()[1]) / 1024)
    except (OSError, StopIteration):
        import resource
        return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""

READ_IN_CHILD = (
    PEAK_MB
    + r"""
import json, resource, sys, time
try:  # the address space a read may use: a runaway allocation fails instead of swapping
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))
except (ValueError, OSError):
    pass
from briefing.domain import IngestError
from briefing.ingest import read_document
start = time.perf_counter()
try:
    outcome = {"chars": len(read_document(sys.argv[1]).text)}
except IngestError as error:
    outcome = {"reason": error.reason}
outcome["seconds"] = round(time.perf_counter() - start, 2)
outcome["peak_mb"] = peak_mb()
print(json.dumps(outcome))
"""
)


def read_in_child(path: Path, timeout: float = 120) -> dict:
    """read_document(path) in a fresh process: its outcome, seconds and peak resident memory."""
    result = run_python(READ_IN_CHILD, str(path), timeout=timeout)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def long_pdf(path: Path, pages: int, lines: int = 12, word: bytes = b"ministry") -> Path:
    """A text PDF of ``pages`` pages, each with its own ``lines`` lines, written object by object."""
    font = 3 + 2 * pages
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(pages)), pages),
    ]
    for page in range(pages):
        text = b"".join(
            b"(Page %d, line %d: the %s said the pumps at station %d failed.) Tj 0 -16 Td " % (page, n, word, n)
            for n in range(lines)
        )
        stream = b"BT /F1 11 Tf 72 760 Td " + text + b"ET"
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (4 + 2 * page, font)
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    path.write_bytes(_pdf(objects))
    return path


def pdf_bomb(path: Path, unpacked: int = 256 << 20) -> Path:
    """One page whose content stream inflates to ``unpacked`` bytes (256 MB from about 250 KB)."""
    squeezer = zlib.compressobj(9)
    payload = squeezer.compress(b"BT /F1 12 Tf 72 720 Td (The mayor said) Tj ET\n")
    block = b" " * (1 << 20)
    payload += b"".join(squeezer.compress(block) for _ in range(unpacked >> 20)) + squeezer.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(payload), payload),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    path.write_bytes(_pdf(objects))
    return path


def _pdf(objects: list[bytes]) -> bytes:
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def docx_parts(folder: Path) -> dict[str, bytes]:
    """The parts of a small valid Word document, to be altered and zipped again."""
    seed = make_docx(folder / "seed.docx", ["The mayor said the grid had failed again."], headline="Grid fails")
    with zipfile.ZipFile(seed) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def zip_parts(path: Path, parts: dict[str, bytes], big: dict[str, int] | None = None) -> Path:
    """Zip ``parts`` (deflated); each name in ``big`` gets that many spaces appended, streamed in."""
    big = big or {}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in {**parts, **{name: b"" for name in big if name not in parts}}.items():
            if name not in big:
                archive.writestr(name, data)
                continue
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(info, "w", force_zip64=True) as member:
                member.write(data)
                for _ in range(big[name] >> 20):
                    member.write(b" " * (1 << 20))
    return path


def docx_bomb(folder: Path, part: str = "word/document.xml", unpacked: int = 64 << 20) -> Path:
    """A Word document one of whose parts unpacks to ``unpacked`` bytes, and says so honestly."""
    return zip_parts(folder / "bomb.docx", docx_parts(folder), big={part: unpacked})


def lying_docx_bomb(folder: Path, unpacked: int = 256 << 20) -> Path:
    """A zip bomb whose document.xml claims the size (and CRC) of a normal one, while its
    compressed data goes on to ``unpacked`` bytes. zipfile believes the central directory."""
    parts = docx_parts(folder)
    honest = parts["word/document.xml"]
    path = zip_parts(folder / "liar.docx", parts, big={"word/document.xml": unpacked})
    raw = bytearray(path.read_bytes())
    name = b"word/document.xml"
    central = raw.index(b"PK\x01\x02")
    while raw[central + 46 : central + 46 + len(name)] != name:
        central = raw.index(b"PK\x01\x02", central + 4)
    struct.pack_into("<I", raw, central + 16, zlib.crc32(honest))
    if struct.unpack_from("<I", raw, central + 24)[0] != 0xFFFFFFFF:
        struct.pack_into("<I", raw, central + 24, len(honest))
    else:  # the size is in the zip64 extra field
        name_len, extra_len = struct.unpack_from("<HH", raw, central + 28)
        position = central + 46 + name_len
        while struct.unpack_from("<H", raw, position)[0] != 1:
            position += 4 + struct.unpack_from("<H", raw, position + 2)[0]
        struct.pack_into("<Q", raw, position + 4, len(honest))
    path.write_bytes(bytes(raw))
    return path


def docx_with_document(folder: Path, name: str, transform) -> Path:
    """A Word document whose document.xml is ``transform(document.xml)``."""
    parts = docx_parts(folder)
    parts["word/document.xml"] = transform(parts["word/document.xml"])
    return zip_parts(folder / name, parts)


def mixed_encodings() -> bytes:
    """UTF-8, then Windows-1252, then Latin-1 and a stray UTF-16 code unit, in one file."""
    return (
        "Officials said “the pumps” failed.\n\n".encode()
        + "Le maire a déclaré « c’est fini ».\n\n".encode("cp1252")
        + "Straße geschlossen.\n\n".encode("latin-1")
        + "\ud83d".encode("utf-16-le", "surrogatepass")
        + b"\n\nThe end."
    )


def encoded_subject_eml(words: int = 50_000) -> bytes:
    """A Subject of ``words`` RFC 2047 encoded words (700 KB): the header parser is quadratic in them."""
    subject = b" ".join(b"=?utf-8?q?w%d?=" % (i % 10) for i in range(words))
    return b"From: a@example.org\nSubject: " + subject + b"\nMIME-Version: 1.0\n\nThe mayor said hello.\n"


def many_parts_eml(parts: int = 100_000) -> bytes:
    """A multipart message of ``parts`` tiny parts, the text one first."""
    part = b"--b\nContent-Type: application/octet-stream\n\nx\n"
    return (
        b"From: a@example.org\nSubject: parts\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n"
        b"--b\nContent-Type: text/plain\n\nThe mayor said the grid had failed again.\n" + part * parts + b"--b--\n"
    )


def short_tags_html(size: int = 7_800_000) -> bytes:
    """Short tags with bare attributes, ``<p a b c>``, repeated to ``size`` bytes."""
    return b"<html><body>" + b"<p a b c>" * (size // 9) + b"</body></html>"
