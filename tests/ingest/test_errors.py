"""Bad input: every broken file gives IngestError with a short, lower-case, one-line reason."""

import io
import zipfile
from pathlib import Path

import pytest

from briefing.domain import IngestError
from briefing.ingest import MAX_FILE_BYTES, SUPPORTED_SUFFIXES, read_document, reader
from tests.ingest.builders import encrypt_pdf, make_docx, make_eml, make_image_only_pdf, make_pdf

PARAGRAPHS = [
    "The mayor said on Tuesday that the grid had failed again.",
    "Officials blamed a transformer fault.",
]


def refusal(path) -> str:
    with pytest.raises(IngestError) as caught:
        read_document(path)
    error = caught.value
    assert error.path == str(path)
    assert error.reason == error.reason.strip() and "\n" not in error.reason
    assert error.reason[:1].islower()
    assert str(error) == f"{path}: {error.reason}"
    return error.reason


@pytest.mark.parametrize("suffix", sorted(SUPPORTED_SUFFIXES))
def test_empty_files_are_refused(tmp_path, suffix):
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    assert refusal(path) == "empty file"


def test_whitespace_only_text_is_empty(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \n\t\r\n ")
    assert refusal(path) == "empty file"


@pytest.mark.parametrize(
    "name, raw, reason",
    [
        ("nul.txt", b"GIF89a\x00\x00\x01\x00binary" * 10, "not a text file: it is an image"),
        ("nul.md", b"text\x00\x00\x01\x00binary" * 10, "binary data"),
        ("garbage.txt", bytes([0x81, 0x8D, 0xFF, 0xC3, 0x28, 0x9D]) * 40, "not readable text"),
        ("garbage.md", bytes([0x81, 0x8D, 0xFF, 0xC3, 0x28, 0x9D]) * 40, "not readable text"),
        ("garbage.html", bytes([0x81, 0x8D, 0xFF, 0xC3, 0x28, 0x9D]) * 40, "not readable text"),
        ("text.pdf", b"This is not a PDF at all.", "not a pdf file"),
        ("text.docx", b"This is not a Word file.", "corrupt docx (not a zip archive)"),
        ("noheaders.eml", b"just some words\nand more words", "not an e-mail message"),
        (
            "scripts.html",
            b"<html><head><script>var x = 1;</script></head><body><nav></nav></body></html>",
            "no text extracted",
        ),
        ("notes.odt", b"whatever", "unsupported file type .odt"),
    ],
)
def test_bad_bytes_are_refused_with_a_reason(tmp_path, name, raw, reason):
    path = tmp_path / name
    path.write_bytes(raw)
    assert reason in refusal(path)


def test_truncated_pdf(tmp_path):
    whole = make_pdf(tmp_path / "whole.pdf", PARAGRAPHS).read_bytes()
    path = tmp_path / "half.pdf"
    path.write_bytes(whole[: len(whole) // 2])
    assert "corrupt or truncated pdf" in refusal(path)


def test_encrypted_pdf(tmp_path):
    source = make_pdf(tmp_path / "open.pdf", PARAGRAPHS)
    locked = encrypt_pdf(source, tmp_path / "locked.pdf", "secret")
    assert refusal(locked) == "encrypted pdf (password protected)"


def test_pdf_with_only_an_owner_password_still_reads(tmp_path):
    source = make_pdf(tmp_path / "open.pdf", PARAGRAPHS)
    doc = read_document(encrypt_pdf(source, tmp_path / "owner-only.pdf", ""))
    assert doc.text == "\n\n".join(PARAGRAPHS)


def test_scanned_pdf_without_text(tmp_path):
    assert "no text found" in refusal(make_image_only_pdf(tmp_path / "scan.pdf"))


def test_truncated_docx(tmp_path):
    whole = make_docx(tmp_path / "whole.docx", PARAGRAPHS).read_bytes()
    path = tmp_path / "half.docx"
    path.write_bytes(whole[: len(whole) // 2])
    assert refusal(path).startswith("corrupt docx")


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "entries, reason",
    [
        ({"word/document.xml": b"<not xml", "[Content_Types].xml": b"garbage"}, "corrupt docx"),
        ({"hello.txt": b"hi"}, "not a word document"),
    ],
    ids=["garbage-inside", "no-document-part"],
)
def test_corrupt_docx_archives(tmp_path, entries, reason):
    path = tmp_path / "bad.docx"
    path.write_bytes(zip_bytes(entries))
    assert refusal(path).startswith(reason)


def test_eml_with_only_an_attachment(tmp_path):
    path = make_eml(tmp_path / "att.eml", attachment=b"\x00\x01")
    assert "no text in the e-mail" in refusal(path)


def test_oversize_file_names_the_limit(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk space used, never read
    reason = refusal(path)
    assert reason.startswith("file too large") and "the limit is 50 MB" in reason


def test_missing_file_and_folder_named_like_a_file(tmp_path):
    assert refusal(tmp_path / "gone.txt") == "no such file"
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert refusal(folder) == "not a file"


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("text")

    def deny(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", deny)  # chmod would not stop root
    assert refusal(path) == "could not be opened (Permission denied)"


def test_unexpected_exceptions_become_ingest_errors(tmp_path, monkeypatch):
    def explode(raw: bytes):
        raise ValueError("boom\n  at line two")

    monkeypatch.setitem(reader.READERS, "txt", explode)
    path = tmp_path / "a.txt"
    path.write_text("fine text")
    assert refusal(path) == "could not be read (ValueError: boom at line two)"


def test_docx_that_unpacks_too_large_is_refused(tmp_path, monkeypatch):
    from briefing.ingest import word

    path = make_docx(tmp_path / "ok.docx", PARAGRAPHS)
    monkeypatch.setattr(word, "MAX_UNPACKED_BYTES", 1000)  # a real zip bomb would be slow to build
    assert refusal(path).startswith("docx too large when unpacked")
