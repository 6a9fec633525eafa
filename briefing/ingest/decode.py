"""Bytes to text for the text-like formats, refusing binary data and undecodable garbage.

Order: a byte-order mark decides (UTF-8, UTF-16, UTF-32); then a charset the file declares
(HTML meta, XML declaration, e-mail Content-Type; a single-byte one after strict UTF-8); then
strict UTF-8; then UTF-8 with a rare broken byte replaced; then Windows-1252 when
the bytes look like Western text in it and the result is in a language it is written for
(charset-normalizer may prefer Central European cp1250 and turn "Señor" into "Seńor"); then charset-normalizer's
best guess among the encodings news files are written in, accepted only when the language
identifier recognises a language in the result (its confidence floor: mojibake and binary
data are in no language); then Windows-1252, but only when the bytes look like Western text
in it, because cp1252 maps almost every byte and would otherwise "decode" anything. Short
Western texts land there: too few words for the identifier to be sure of a language.

``repair_surrogates`` is the guard for strings that other decoders produced: Python keeps
undecodable bytes as lone surrogates ("surrogate escapes"), which no later step, store or
export can encode, so no such character may reach a Document.
"""

from __future__ import annotations

import codecs
import re

from briefing.ingest.extracted import FormatError

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# cp1252 characters above ASCII that Western text really uses, besides letters
CP1252_PUNCTUATION = frozenset("‘’“”‚„–—…•€£¥¢©®™°§¶«»‹›†‡‰¡¿·×÷±²³¹¼½¾µ ")
MAX_NON_ASCII_SHARE = 0.3
# the languages Windows-1252 is written for (ISO 639-1)
CP1252_LANGUAGES = frozenset("en fr de es it pt nl da sv nb no nn fi is ca gl eu ga af lb sq id ms sw".split())
# Encodings charset-normalizer may choose from: the Windows, ISO and KOI8 families and the
# East Asian ones. DOS and Mac code pages are left out: they decode short Western texts
# "better" than cp1252 does (cp775 turned "Café “the grid”" into "Cafķ ōthe gridö").
NEWS_ENCODINGS = [
    *(f"cp{n}" for n in range(1250, 1259)),
    *(f"iso8859_{n}" for n in (2, 4, 5, 6, 7, 8, 9, 13, 15)),
    *("koi8_r koi8_u cp874 cp932 euc_jp iso2022_jp gb18030 big5 euc_kr cp949".split()),
]
SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "euc_kr": "cp949",
    "shift_jis": "cp932",
    "big5": "big5hkscs",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
}
MAX_BROKEN_SHARE = 2000  # at most one broken UTF-8 sequence in this many bytes
MIN_WELL_FORMED = 20  # and this many well-formed characters beyond ASCII for each
MAX_CHAOS = 0.2  # charset-normalizer's share of odd characters, its own default limit
MAX_CONTROL_SHARE = 0.01
SYMBOL_IN_WORD = re.compile(r"(?<=[^\W\d_])[¹²³¿¥£¤¦¨ª¬¯°±´µ¸º](?=[^\W\d_])")
SURROGATES = re.compile(r"[\ud800-\udfff]+")
# lone surrogates that are not escaped bytes (U+DC80..U+DCFF) stand for no byte at all
NON_BYTE_SURROGATES = re.compile(r"[\ud800-\udc7f\udd00-\udfff]")


def utf16_without_bom(raw: bytes) -> str | None:
    """The text of UTF-16 saved without its byte-order mark (Windows' "Unicode" without one),
    which is mostly Latin letters: a NUL in every other byte, on one side; None otherwise."""
    if len(raw) < 4 or len(raw) % 2:
        return None
    sample = raw[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.6 * half and even == 0:
        encoding = "utf-16-le"
    elif even > 0.6 * half and odd == 0:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        return None


def decode_text(raw: bytes, declared: str | None = None) -> str:
    """Decode ``raw`` or raise FormatError saying why it is not text."""
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            return check_text(decode_strictly(raw, encoding, encoding.removesuffix("-sig")))
    if b"\x00" in raw:
        utf16 = utf16_without_bom(raw)
        if utf16 is not None:
            return check_text(utf16)
        raise FormatError("binary data, not text (contains NUL bytes)")
    labelled = decode_labelled(raw, declared)
    if labelled is not None:
        return check_text(labelled)
    western = looks_like_cp1252(raw)
    if western and in_a_western_language(raw.decode("cp1252")):
        return check_text(raw.decode("cp1252"))  # a guess could make "Señor" "Seńor" (cp1250)
    guessed = guess_encoding(raw)
    if guessed is not None:
        return check_text(guessed)
    if western:
        return check_text(raw.decode("cp1252"))
    raise FormatError("not readable text (not UTF-8, and no other encoding gives text in a known language)")


def decode_labelled(raw: bytes, declared: str | None) -> str | None:
    """``raw`` in its declared encoding or UTF-8 (``candidate_encodings``), else as UTF-8 damaged
    in a few places; None when neither fits."""
    for encoding in candidate_encodings(declared):
        try:
            return raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return nearly_utf8(raw)


def guess_encoding(raw: bytes) -> str | None:
    """``raw`` decoded in charset-normalizer's best guess, or None when the result is no language."""
    from charset_normalizer import from_bytes  # imported late: only files that are not UTF-8 need it

    from briefing.ingest.language import guess_language

    best = from_bytes(raw, cp_isolation=NEWS_ENCODINGS).best()
    if best is None or best.chaos > MAX_CHAOS:
        return None
    try:
        text = raw.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return text if guess_language(text) is not None else None


def in_a_western_language(text: str) -> bool:
    """Text in a language Windows-1252 is made for: decoded so, it is that language's own text.
    (Czech in cp1250 reads as Czech with "ø" for "ř" in cp1252: not one of these.)"""
    from briefing.ingest.language import guess_language

    return guess_language(text) in CP1252_LANGUAGES


def candidate_encodings(declared: str | None) -> list[str]:
    """UTF-8 and the declared encoding, in the order to try them.

    A single-byte encoding decodes any bytes, so it comes after UTF-8: text that is valid UTF-8
    with letters beyond ASCII was written in UTF-8 whatever its label says (a mail part labelled
    Windows-1251 showed "ProtecciГіn" for "Protección"), and cp125x text is never valid UTF-8
    by chance. A multi-byte label (GBK, Shift_JIS) is tried first, as declared.
    """
    encodings = ["utf-8"]
    if declared:
        try:
            name = codecs.lookup(declared).name
        except LookupError:
            return encodings
        name = superset_of(name)
        if name not in ("utf-8", "cp1252"):
            encodings.insert(len(encodings) if is_single_byte(name) else 0, name)
    return encodings


def is_single_byte(encoding: str) -> bool:
    """True for an encoding with one character a byte (Windows, ISO 8859, KOI8 code pages)."""
    try:
        return len(bytes(range(0x80, 0x100)).decode(encoding, errors="replace")) == 0x80
    except LookupError:
        return False


def nearly_utf8(raw: bytes) -> str | None:
    """``raw`` as UTF-8 with its few broken bytes replaced, when it is UTF-8 text damaged in
    transit (a byte lost where a relay split a line): a whole message was refused for one byte.
    None when the bytes are not mostly well-formed UTF-8 beyond ASCII."""
    text = raw.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    beyond_ascii = sum(1 for ch in text if ord(ch) > 127) - broken
    if broken <= max(1, len(raw) // MAX_BROKEN_SHARE) and beyond_ascii >= MIN_WELL_FORMED * broken:
        return text
    return None


def superset_of(label: str) -> str:
    """The encoding text labelled ``label`` is really written in: a page that says latin-1 is
    nearly always cp1252 in practice, one that says gb2312 is written in its superset GBK, and
    so on (the WHATWG rule browsers follow). An unknown label is returned as it is."""
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return label
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else SUPERSETS.get(name, name)


def decode_strictly(raw: bytes, encoding: str, label: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        raise FormatError(f"not valid {label} text despite its byte-order mark") from None


def looks_like_cp1252(raw: bytes) -> bool:
    """True when the bytes decode as cp1252 into mostly ASCII with letters and typography.

    A symbol between two letters is a letter of another code page: Polish "ł", "ą" and "ż"
    in cp1250 are "³", "¹" and "¿" in cp1252 ("dzia³a").
    """
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        return False
    non_ascii = [ch for ch in text if ord(ch) > 127]
    if len(non_ascii) > MAX_NON_ASCII_SHARE * len(text) or SYMBOL_IN_WORD.search(text):
        return False
    return all(ch.isalpha() or ch in CP1252_PUNCTUATION for ch in non_ascii)


def check_text(text: str) -> str:
    """Refuse decoded text that is really binary: too many control characters."""
    controls = len(CONTROL.findall(text))
    if controls > max(8, MAX_CONTROL_SHARE * len(text)):
        raise FormatError("binary data, not text (control characters)")
    return text


CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # category Cc but the white-space controls


def repair_surrogates(text: str) -> str:
    """``text`` without surrogates: escaped bytes decoded as UTF-8, else as Windows-1252.

    UTF-8 is tried on the whole string, so a character split over several escapes comes
    back whole; when that fails, each run of escaped bytes is read as Windows-1252 and the
    characters around it stay as they are. Surrogates that stand for no byte become U+FFFD.
    """
    if not SURROGATES.search(text):
        return text
    text = NON_BYTE_SURROGATES.sub("\ufffd", text)
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8")
    except UnicodeDecodeError:
        return SURROGATES.sub(decode_escaped_cp1252, text)


def decode_escaped_cp1252(match: re.Match[str]) -> str:
    raw = match.group(0).encode("utf-8", "surrogateescape")
    # the five bytes cp1252 leaves undefined become U+FFFD rather than another surrogate
    return raw.decode("cp1252", errors="replace")
