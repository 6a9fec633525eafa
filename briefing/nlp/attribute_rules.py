"""The model's attribute rules (fine tag -> coarse POS, morphology, a few lemmas), applied fast.

en_core_web_sm ends its tagger with spaCy's AttributeRuler: 179 one- and two-token patterns
run through the general token Matcher. On news text that matcher took 31% of the whole parse,
more than the tagger. The patterns only test a token's TAG, LOWER, DEP and IS_SPACE (exact
values, IN, NOT_IN and REGEX), so each token can look up the rules that could match it by its
tag or its lower-case form instead. The rules, their order (a later rule wins), the token each
one sets and the attributes it sets are the ruler's own, read from the loaded model; anything
in a pattern this module does not understand keeps the original ruler (``fast_rules`` returns
None), and tests check the result is the same token for token.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

FIELDS: dict[str, Callable[[Any], Any]] = {
    "TAG": lambda token: token.tag_,
    "LOWER": lambda token: token.lower_,
    "DEP": lambda token: token.dep_,
    "IS_SPACE": lambda token: token.is_space,
}


@dataclass(frozen=True)
class Rule:
    order: int  # the ruler's attribute id: later rules are applied later, so they win
    tokens: tuple[tuple[tuple[str, Callable[[Any], bool]], ...], ...]  # per token: (field, test) pairs
    index: int  # the token of the match that gets the attributes
    attrs: dict  # normalised, as the ruler keeps them
    keys: tuple[tuple, ...]  # lookup keys (see ``_keys``) one of which its first token has; () if any


class AttributeRules:
    """A spaCy pipeline component doing what the model's AttributeRuler does."""

    def __init__(self, rules: list[Rule], set_attrs: Callable[[Any, dict], None]):
        self.set_attrs = set_attrs
        self.by_key: dict[tuple, list[Rule]] = {}
        self.always: list[Rule] = []
        self.take(rules)

    def take(self, rules: list[Rule]) -> None:
        self.by_key.clear()
        self.always = [rule for rule in rules if not rule.keys]
        for rule in rules:
            for key in rule.keys:
                self.by_key.setdefault(key, []).append(rule)
        self.rules = rules

    def __call__(self, doc: Any) -> Any:
        matches: list[tuple[int, int, Rule]] = []
        size = len(doc)
        by_key, always = self.by_key, self.always
        for start, token in enumerate(doc):
            tag, lower = token.tag_, token.lower_
            found = (
                *by_key.get(("TL", tag, lower), ()),
                *by_key.get(("T", tag), ()),
                *by_key.get(("L", lower), ()),
                *by_key.get(("D", token.dep_), ()),
                *by_key.get(("S", token.is_space), ()),
                *always,
            )
            for rule in found:
                if start + len(rule.tokens) <= size and _matches(rule, doc, start):
                    matches.append((rule.order, start, rule))
        matches.sort(key=lambda match: (match[0], match[1]))
        for _, start, rule in matches:
            self.set_attrs(doc[start + rule.index], rule.attrs)
        return doc


def _matches(rule: Rule, doc: Any, start: int) -> bool:
    for offset, tests in enumerate(rule.tokens):
        token = doc[start + offset]
        for field, test in tests:
            if not test(FIELDS[field](token)):
                return False
    return True


def fast_rules(ruler: Any, set_attrs: Callable[[Any, dict], None]) -> AttributeRules | None:
    """The component for the model's ``ruler``, or None when a pattern uses anything else."""
    rules: list[Rule] = []
    for order, entry in enumerate(ruler.patterns):
        index = entry.get("index", 0)
        for pattern in entry["patterns"]:
            compiled = [c for c in map(_compile_token, pattern) if c is not None]
            if not pattern or len(compiled) < len(pattern) or not -len(pattern) <= index < len(pattern):
                return None
            rules.append(Rule(order, tuple(compiled), index % len(pattern), ruler.attrs[order], _keys(pattern[0])))
    return AttributeRules(rules, set_attrs)


def _keys(first: dict) -> tuple[tuple, ...]:
    """The lookup keys of a pattern's first token, one of which a matching token has: its tag
    and lower-case form together, else one of them, else its dependency label, else whether it
    is white space; () when the pattern names none of these (tried on every token)."""
    tags, lowers = _values(first.get("TAG")), _values(first.get("LOWER"))
    if tags and lowers:
        return tuple(("TL", tag, lower) for tag in tags for lower in lowers)
    if tags:
        return tuple(("T", tag) for tag in tags)
    if lowers:
        return tuple(("L", lower) for lower in lowers)
    if deps := _values(first.get("DEP")):
        return tuple(("D", dep) for dep in deps)
    if isinstance(first.get("IS_SPACE"), bool):
        return (("S", first["IS_SPACE"]),)
    return ()


def _values(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, dict) and set(value) == {"IN"}:
        return tuple(value["IN"])
    return ()


def _compile_token(token: dict) -> tuple[tuple[str, Callable[[Any], bool]], ...] | None:
    tests = []
    for field, value in token.items():
        if field not in FIELDS:
            return None
        test = _test(value)
        if test is None:
            return None
        tests.append((field, test))
    return tuple(tests)


def _test(value: Any) -> Callable[[Any], bool] | None:
    if isinstance(value, (str, bool)):
        wanted: str | bool = value
        return lambda actual: actual == wanted
    if not isinstance(value, dict) or len(value) != 1:
        return None
    ((operator, argument),) = value.items()
    if operator == "IN":
        allowed = frozenset(argument)
        return lambda actual: actual in allowed
    if operator == "NOT_IN":
        refused = frozenset(argument)
        return lambda actual: actual not in refused
    if operator == "REGEX":
        pattern = re.compile(argument)
        return lambda actual: isinstance(actual, str) and pattern.search(actual) is not None
    return None


FACTORY = "briefing_attribute_rules"


def use_fast_attribute_rules(nlp: Any) -> bool:
    """Put ``AttributeRules`` in place of the model's attribute ruler, under the same name and
    at the same place; False (the pipeline untouched) when the ruler has patterns it cannot run."""
    from spacy.language import Language
    from spacy.tokens._retokenize import set_token_attrs

    if "attribute_ruler" not in nlp.pipe_names:
        return False
    component = fast_rules(nlp.get_pipe("attribute_ruler"), set_token_attrs)
    if component is None:
        return False
    if not Language.has_factory(FACTORY):
        Language.factory(FACTORY, func=lambda nlp, name: AttributeRules([], set_token_attrs))
    nlp.replace_pipe("attribute_ruler", FACTORY)
    nlp.get_pipe("attribute_ruler").take(component.rules)
    return True
