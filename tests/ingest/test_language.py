"""guess_language: by script for non-Latin text, by stop words for Latin, None when unsure."""

import pytest

from briefing.ingest import guess_language


@pytest.mark.parametrize(
    "text, language",
    [
        ("The mayor said that the water plant was offline and that it would be"
         " repaired by the end of the week.", "en"),
        ("Le maire a déclaré que la station est hors service et que les"
         " réparations sont en cours pour la ville.", "fr"),
        ("Der Bürgermeister sagte, dass die Anlage nicht in Betrieb ist und die"
         " Reparatur auch mit dem Team läuft.", "de"),
        ("El alcalde dijo que la planta no funciona y que las reparaciones"
         " están en curso para los vecinos.", "es"),
        ("Il sindaco ha detto che la centrale non è in funzione e che le"
         " riparazioni sono in corso per la città.", "it"),
        ("De burgemeester zei dat de installatie niet werkt en dat het herstel"
         " voor de stad is begonnen.", "nl"),
        ("O prefeito disse que a estação não está em funcionamento e que os"
         " reparos estão em curso para a cidade.", "pt"),
        ("市长表示，水厂仍处于停运状态，维修工作正在进行中。", "zh"),
        ("市長は、浄水場が停止したままで、修理が進められていると述べた。", "ja"),
        ("시장은 정수장이 여전히 가동 중단 상태이며 복구 작업이 진행 중이라고 말했다.", "ko"),
        ("Мэр заявил, что станция по-прежнему не работает, а ремонт продолжается.", "ru"),
        ("Мер заявив, що станція досі не працює, а ремонт триває і їх багато.", "uk"),
        ("وقال رئيس البلدية إن المحطة لا تزال متوقفة وإن أعمال الإصلاح جارية.", "ar"),
        ("Ο δήμαρχος δήλωσε ότι η μονάδα παραμένει εκτός λειτουργίας.", "el"),
        ("ראש העיר אמר כי המתקן עדיין מושבת וכי התיקונים נמשכים.", "he"),
    ],
)
def test_languages_are_recognised(text, language):
    assert guess_language(text) == language


@pytest.mark.parametrize("text", ["", "12345 67.8", "Kessel Point AquaLink VCSC HWA", "OK", "la the de"])
def test_thin_evidence_gives_none(text):
    assert guess_language(text) is None
