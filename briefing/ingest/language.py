"""Guess a text's language without dependencies: by script, then by common function words.

Scripts used by one main language decide at once (Hangul -> ko, kana -> ja, Greek -> el ...).
Latin text is scored by stop words of en, fr, de, es, it, nl and pt; the guess must rest on
enough hits and clearly beat the runner-up, otherwise the answer is None (unsure).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

SAMPLE_CHARS = 20000
MIN_SCRIPT_SHARE = 0.3
MIN_STOPWORD_HITS = 4
MIN_LEAD = 1.5  # the best language needs 1.5x the runner-up's hits
# first word of the Unicode character name -> language, for scripts with one main language
SCRIPT_LANGUAGES = {
    "HANGUL": "ko",
    "CYRILLIC": "ru",
    "ARABIC": "ar",
    "GREEK": "el",
    "HEBREW": "he",
    "THAI": "th",
    "DEVANAGARI": "hi",
    "GEORGIAN": "ka",
    "ARMENIAN": "hy",
    "BENGALI": "bn",
    "TAMIL": "ta",
}
STOP_WORDS = {
    "en": "the and of to in is that for it was with as on are by this be from have has not were said which",
    "fr": "le la les des et est une du dans que qui pour pas sur au avec sont ce il elle ont été aux",
    "de": "der die und das ist nicht ein eine mit den von zu sich des auf für im dem wird sind auch",
    "es": "el la los las y es una del que en por con para se su al como más pero fue está sus",
    "it": "il la di che e è gli una del della per con non sono nel alla anche ma sul dei delle",
    "nl": "de het een en van is dat op te zijn niet met voor ook er aan als bij wordt werd",
    "pt": "o a os as e é um uma do da que em para com não por são no na mais foi pelo",
}
STOP_SETS = {lang: frozenset(words.split()) for lang, words in STOP_WORDS.items()}
WORD = re.compile(r"[^\W\d_]+")


def guess_language(text: str) -> str | None:
    """ISO 639-1 code for ``text``, or None when the evidence is thin or mixed."""
    sample = text[:SAMPLE_CHARS]
    scripts = count_scripts(sample)
    letters = sum(scripts.values())
    if not letters:
        return None
    script, count = scripts.most_common(1)[0] if scripts else ("", 0)
    if script != "LATIN" and count >= MIN_SCRIPT_SHARE * letters:
        return language_of_script(script, scripts, sample)
    return guess_latin_language(sample)


def count_scripts(text: str) -> Counter[str]:
    scripts: Counter[str] = Counter()
    for ch, count in Counter(text).items():  # each distinct character named once
        if ch.isalpha():
            scripts[script_of(unicodedata.name(ch, ""))] += count
    return scripts


def script_of(name: str) -> str:
    if name.startswith(("CJK", "KANGXI")):
        return "HAN"
    return name.split(" ", 1)[0]


def language_of_script(script: str, scripts: Counter[str], text: str) -> str | None:
    if script in ("HIRAGANA", "KATAKANA"):
        return "ja"
    if script == "HAN":
        # Japanese mixes kana into kanji text; Chinese has none
        kana = scripts["HIRAGANA"] + scripts["KATAKANA"]
        return "ja" if kana >= 0.05 * scripts["HAN"] else "zh"
    if script == "CYRILLIC" and re.search(r"[іїєґ]", text, re.IGNORECASE):
        return "uk"
    if script == "ARABIC" and re.search(r"[پچژگ]", text):
        return "fa"
    return SCRIPT_LANGUAGES.get(script)


def guess_latin_language(text: str) -> str | None:
    words = [w.lower() for w in WORD.findall(text)]
    hits = Counter({lang: sum(1 for w in words if w in stops) for lang, stops in STOP_SETS.items()})
    ranked = hits.most_common(2)
    best, best_hits = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if best_hits < MIN_STOPWORD_HITS or best_hits < MIN_LEAD * runner_up:
        return None
    return best
