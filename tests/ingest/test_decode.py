"""decode_text: BOMs, UTF-8, cp1252 only when it fits, refusal of binary and garbage."""

import codecs

import pytest

from briefing.ingest.decode import decode_text
from briefing.ingest.extracted import FormatError

TEXT = "Café owners said “the grid failed” – again… €5 lost"


@pytest.mark.parametrize(
    "raw",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-32"),
        TEXT.encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le", "utf16-be", "utf32", "cp1252"],
)
def test_encodings_decode_to_the_same_text(raw):
    assert decode_text(raw) == TEXT


def test_declared_charset_is_honoured():
    assert decode_text("Москва".encode("koi8-r"), "koi8-r") == "Москва"


@pytest.mark.parametrize(
    "raw, reason",
    [
        (b"plain text\x00\x00 with NULs", "binary data"),
        (bytes(range(256)) * 4, "binary data"),
        (b"\x81\x8d\x8f\x90\x9d\xfe\xff" * 20, "not readable text"),
        (bytes([0xC3, 0x28, 0xE2, 0x82, 0xFF, 0xFE, 0x9D]) * 30, "not readable text"),
        (codecs.BOM_UTF8 + b"\xff\xfe\xfd broken", "not valid utf-8"),
        (b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f ascii controls", "binary data"),
    ],
    ids=["nul", "all-bytes", "cp1252-undefined", "random-high", "bad-after-bom", "controls"],
)
def test_garbage_is_refused_with_a_reason(raw, reason):
    with pytest.raises(FormatError) as caught:
        decode_text(raw)
    assert reason in caught.value.reason


def test_mostly_high_bytes_are_not_taken_for_cp1252():
    # every byte is defined in cp1252, but text is not 60% accented letters and symbols
    raw = "ÆØÅ¤¦¨ª¬¯".encode("cp1252") * 20 + b"abc"
    with pytest.raises(FormatError):
        decode_text(raw)
