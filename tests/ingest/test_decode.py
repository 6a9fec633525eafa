"""decode_text: BOMs, declared charsets, UTF-8, guessed legacy encodings, cp1252 only when it fits,
refusal of binary and garbage."""

import codecs

import pytest

from briefing.ingest.decode import decode_text
from briefing.ingest.extracted import FormatError
from briefing.ingest.web import decode_html

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


# several sentences each, as a file in that encoding would hold them
LEGACY = {
    "cp1251": (
        "Мэр города заявил, что водоочистная станция всё ещё не работает. "
        "Ремонт продлится до конца недели, а жителям советуют кипятить воду. "
        "По словам инженеров, причиной аварии стал сбой в системе управления. "
        "Городской совет соберётся в пятницу, чтобы обсудить расходы на восстановление."
    ),
    "shift_jis": (
        "市長は、浄水場が依然として停止していると述べた。"
        "修理は週末まで続く見込みで、住民には水を沸かして使うよう呼びかけている。"
        "技術者によると、事故の原因は制御システムの故障だった。"
        "市議会は金曜日に復旧費用について協議する予定だ。"
    ),
    "gb18030": (
        "市长表示，水厂仍处于停运状态。"
        "维修工作将持续到本周末，居民被建议将水煮沸后再饮用。"
        "据工程师介绍，事故原因是控制系统出现故障。"
        "市议会将于周五开会，讨论恢复供水所需的费用。"
    ),
    "cp1253": (
        "Ο δήμαρχος δήλωσε ότι η μονάδα επεξεργασίας νερού παραμένει εκτός λειτουργίας. "
        "Οι επισκευές θα διαρκέσουν έως το τέλος της εβδομάδας και οι κάτοικοι καλούνται να βράζουν το νερό. "
        "Σύμφωνα με τους μηχανικούς, αιτία της βλάβης ήταν ένα σφάλμα στο σύστημα ελέγχου. "
        "Το δημοτικό συμβούλιο θα συνεδριάσει την Παρασκευή για να συζητήσει το κόστος."
    ),
    "cp1250": (
        "Burmistrz oświadczył, że stacja uzdatniania wody nadal nie działa. "
        "Naprawa potrwa do końca tygodnia, a mieszkańcom zaleca się gotowanie wody. "
        "Według inżynierów przyczyną awarii była usterka w systemie sterowania. "
        "Rada miejska zbierze się w piątek, żeby omówić koszty odbudowy źródła."
    ),
}


@pytest.mark.parametrize("encoding", LEGACY)
def test_legacy_encodings_decode_exactly_without_a_declaration(encoding):
    assert decode_text(LEGACY[encoding].encode(encoding)) == LEGACY[encoding]


@pytest.mark.parametrize("encoding", LEGACY)
def test_legacy_encodings_decode_exactly_in_a_page_that_declares_them(encoding):
    page = (
        f'<html><head><meta charset="{encoding}"><title>t</title></head><body><p>{LEGACY[encoding]}</p></body></html>'
    )
    assert LEGACY[encoding] in decode_html(page.encode(encoding))


def test_an_xml_declaration_names_the_encoding():
    raw = '<?xml version="1.0" encoding="koi8-r"?><html><body><p>Москва</p></body></html>'.encode("koi8-r")
    assert "Москва" in decode_html(raw)


@pytest.mark.parametrize("text", ["Zażółć gęślą jaźń, powiedział.", "Naprawa potrwa do końca tygodnia."])
def test_short_polish_cp1250_is_not_read_as_cp1252(text):
    # cp1252 maps these bytes too ("powiedzia³"): a symbol inside a word rules it out
    assert decode_text(text.encode("cp1250")) == text


@pytest.mark.parametrize(
    "text",
    [
        "Café owner says Zürich rents rose 15% in 2014\n\nThe café owner in Zürich said rents rose by 15 per cent "
        "last year. Señor Müller confirmed the figure on Friday.",
        "Le café de la gare a fermé ses portes. Le maire a déclaré que les loyers avaient augmenté en 2014.",
    ],
)
def test_western_text_in_cp1252_is_not_read_as_central_european(text):
    # charset-normalizer prefers cp1250 for the English one: "Señor" became "Seńor"
    assert decode_text(text.encode("cp1252")) == text


def test_czech_in_cp1250_stays_czech():
    text = "Vláda v Praze schválila nový zákon o daních, řekl ministr financí ve čtvrtek. Příliš žluťoučký kůň."
    assert decode_text(text.encode("cp1250")) == text


def test_declared_charset_is_honoured():
    assert decode_text("Москва".encode("koi8-r"), "koi8-r") == "Москва"


def test_utf8_labelled_with_a_single_byte_charset_is_read_as_utf8():
    """A mail part labelled Windows-1251 but written in UTF-8 showed "ProtecciГіn" for "Protección"."""
    text = "Fabricante especialista en Protección & Control, Parque Tecnológico de Bizkaia"
    assert decode_text(text.encode("utf-8"), "windows-1251") == text
    russian = "Правительство заявило, что энергоснабжение будет восстановлено к выходным."
    assert decode_text(russian.encode("cp1251"), "windows-1251") == russian
    assert decode_text("電力会社は週末までに復旧すると述べた。".encode("shift_jis"), "shift_jis").startswith("電力会社")


def test_utf8_damaged_in_one_place_is_read_with_one_replacement():
    """A Russian newsletter with one byte lost in transit was refused whole as "not readable text"."""
    sentence = "Профессионалы.ru — ведущая деловая сеть России и СНГ для поиска специалистов и клиентов. "
    raw = (sentence * 20).encode("utf-8")
    damaged = raw[:900] + raw[901:]  # a two-byte letter loses its second byte
    text = decode_text(damaged, "utf-8")
    assert text.count("\ufffd") == 1 and len(text) >= len(sentence * 20) - 2


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


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_saved_without_its_byte_order_mark_is_read(encoding):
    """It was refused as 'binary data, not text (contains NUL bytes)'."""
    text = "Pumps restarted at dawn, the board said. Señor Núñez agreed.\n"
    assert decode_text(text.encode(encoding)) == text


def test_binary_with_nul_bytes_is_still_refused():
    with pytest.raises(FormatError, match="binary data"):
        decode_text(bytes(range(256)) * 4)
