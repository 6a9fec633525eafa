"""Which languages the analysis reads, and how Briefing says a source was left out of it.

A source whose language is known and is not one of ``ANALYSED_LANGUAGES`` is imported and
searchable but not analysed (the parser and the rules read English); a source with no language
known is analysed. The import, ``briefing analyse``, ``briefing sources`` and the reader word it
the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

# languages the analysis is written for; a source with no language known is analysed too
ANALYSED_LANGUAGES = frozenset({"en"})
ENGLISH_ONLY = "entities, quotes and claims are found in English text only"


# ISO 639-1: the two-letter language codes assigned ("xx" is none)
TWO_LETTER_CODES = frozenset(
    """
aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz
ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii
ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi
mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw
sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk
ur uz ve vi vo wa wo xh yi yo za zh zu
""".split()
)


def is_analysed_language(language: str | None) -> bool:
    """Whether the analysis reads a source in ``language`` ("en", "en-GB", or unknown)."""
    code = (language or "").strip().lower().split("-")[0]
    return not code or code in ANALYSED_LANGUAGES


def analysis_withheld(language: str | None) -> str | None:
    """Why a source in ``language`` is not analysed ("language pl: ..."), or None when it is."""
    return None if is_analysed_language(language) else f"language {language}: {ENGLISH_ONLY}"


def withheld_note(languages: Iterable[str]) -> str:
    """One line for the sources left out, one language per source: "2 not analysed: language ko, pl — ..."."""
    languages = list(languages)
    return f"{len(languages)} not analysed: language {', '.join(dict.fromkeys(languages))} — {ENGLISH_ONLY}"


# languages written right to left (ISO 639-1)
RIGHT_TO_LEFT_LANGUAGES = frozenset({"ar", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi"})
SAMPLE_CHARS = 5000  # what the identifier reads of a text
# the identifier's labels for varieties of a language that has a two-letter code
_VARIETIES = {"hbo": "he", "grc": "el", "yue": "zh", "wuu": "zh", "arz": "ar", "ary": "ar", "uzs": "uz"}


def text_language(text: str, min_letters: int = 12, min_confidence: float = 0.8) -> str | None:
    """ISO 639-1 code of ``text`` by py3langid, or None when the letters are too few or the
    identifier unsure: the rule sources are read by (``ingest.language.guess_language``) and an
    export decides a note's language by. The identifier loads on the first call."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < min_letters:
        return None
    language, confidence = _identifier().classify(sample)
    if confidence < min_confidence or language == "zxx":  # zxx: "no linguistic content"
        return None
    return _VARIETIES.get(language, language)


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
