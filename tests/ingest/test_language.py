"""guess_language: the identifier's answer for a paragraph, None when the evidence is thin."""

import pytest

from briefing.ingest import guess_language

PARAGRAPHS = [
    ("The mayor said that the water plant was offline and that it would be repaired by the end of the week.", "en"),
    ("Le maire a déclaré que la station est hors service et que les réparations sont en cours pour la ville.", "fr"),
    ("Der Bürgermeister sagte, dass die Anlage nicht in Betrieb ist und die Reparatur auch mit dem Team läuft.", "de"),
    ("El alcalde dijo que la planta no funciona y que las reparaciones están en curso para los vecinos.", "es"),
    ("Il sindaco ha detto che la centrale non è in funzione e che le riparazioni sono in corso per la città.", "it"),
    ("De burgemeester zei dat de installatie niet werkt en dat het herstel voor de stad is begonnen.", "nl"),
    ("O prefeito disse que a estação não está em funcionamento e que os reparos estão em curso para a cidade.", "pt"),
    ("Burmistrz powiedział, że stacja uzdatniania wody nadal nie działa, a naprawy potrwają do końca tygodnia.", "pl"),
    ("Borgmästaren sade att vattenverket fortfarande är ur drift och att reparationerna pågår hela veckan.", "sv"),
    (
        "Belediye başkanı, su arıtma tesisinin hâlâ çalışmadığını ve onarımların"
        " hafta sonuna kadar süreceğini söyledi.",
        "tr",
    ),
    (
        "Primarul a declarat că stația de tratare a apei nu funcționează încă"
        " și că reparațiile vor dura până la sfârșitul săptămânii.",
        "ro",
    ),
    (
        "Wali kota mengatakan bahwa instalasi pengolahan air masih belum beroperasi"
        " dan perbaikan akan berlangsung hingga akhir pekan.",
        "id",
    ),
    ("市长表示，水厂仍处于停运状态，维修工作正在进行中。", "zh"),
    ("市長は、浄水場が停止したままで、修理が進められていると述べた。", "ja"),
    ("시장은 정수장이 여전히 가동 중단 상태이며 복구 작업이 진행 중이라고 말했다.", "ko"),
    ("Мэр заявил, что станция по-прежнему не работает, а ремонт продолжается.", "ru"),
    ("Мер заявив, що станція досі не працює, а ремонт триває і їх багато.", "uk"),
    ("وقال رئيس البلدية إن المحطة لا تزال متوقفة وإن أعمال الإصلاح جارية.", "ar"),
    ("Ο δήμαρχος δήλωσε ότι η μονάδα παραμένει εκτός λειτουργίας.", "el"),
    ("ראש העיר אמר כי המתקן עדיין מושבת וכי התיקונים נמשכים.", "he"),
]


@pytest.mark.parametrize("text, language", PARAGRAPHS, ids=[language for _, language in PARAGRAPHS])
def test_languages_are_recognised(text, language):
    assert guess_language(text) == language


@pytest.mark.parametrize("text", ["", "12345 67.8", "Kessel Point AquaLink VCSC HWA", "OK", "la the de"])
def test_thin_evidence_gives_none(text):
    assert guess_language(text) is None


def test_an_english_article_quoting_a_foreign_phrase_stays_english():
    text = (
        'The minister arrived in Warsaw on Monday. Protesters outside chanted "Nie dla podwyżek",'
        " which means no to price rises, while officials said the talks would continue through the week"
        " and that a joint statement was expected on Friday."
    )
    assert guess_language(text) == "en"
