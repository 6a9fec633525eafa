"""The query language: words, "phrases", "proximity"~N, prefix*, AND / OR / NOT,
parentheses and field filters, turned into an FTS5 expression plus filters.

Anything a user types is safe: input the grammar cannot read falls back to a
literal search for its words, never an error. Every word reaches FTS5 quoted,
so punctuation such as C++, e-mail or don't cannot break the expression.
Anything a user types is also quick: a word repeated counts once, only the first
``MAX_TERMS`` different words and phrases are searched (FTS5 scores every row
against every term, so 2,000 of them took minutes), and parentheses or NOTs
nested deeper than ``MAX_DEPTH`` fall back to a literal search; ``Query.problem``
says so in one line.

``Query.words`` are the bare words a misspelling may hide in (not quoted, negated,
prefixed or filtered): the engine may search them again with ``corrections``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from briefing.cjk import has_cjk
from briefing.domain import CLAIM_STATUSES, SearchFilters
from briefing.store.search_index import phrase

FIELDS = ("speaker", "source", "outlet", "entity", "tag", "status", "type", "from", "to", "grade")
TYPES = ("quote", "claim", "note", "source")
# given twice, an item with either value matches ("speaker:trump speaker:clinton": the quotes of
# both); entity: and tag: given twice keep the sources that mention both, the notes with both tags
EITHER_FIELDS = ("type", "status", "grade", "speaker", "source", "outlet")
TOKEN = re.compile(
    r'\s*(?:(?P<field>[A-Za-z]+):(?:"(?P<fquoted>[^"]*)"|(?P<fvalue>[^\s()"]+)|(?P<fempty>(?=[\s)]|$)))'
    r'|"(?P<phrase>[^"]*)"(?:~(?P<near>\d+))?|(?P<lparen>\()|(?P<rparen>\))|(?P<word>[^\s()"]+))'
)
SUBGROUPS = ("fquoted", "fvalue", "fempty", "near")  # parts of a token, not kinds of one
NEAR_SUFFIX = re.compile(r'(?<=")~\d+')
WORD_CHARS = re.compile(r"[^\W_]+", re.UNICODE)
DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")
POSSESSIVE = re.compile(r"[^\W_]+['\u2019][sS]")  # Trump's, Trump’s: the index reads "trump" "s"
ONLY_SPACE = re.compile(r"\s*\Z")
OPERATORS = ("AND", "OR", "NOT")
MAX_TERMS = 64  # different words and phrases searched; the rest of a longer query is left out
MAX_DEPTH = 20  # parentheses and NOTs inside each other
MAX_DISTANCE = 1_000  # of "a b"~N: tokens between the words
# Typographic double quotes read as the straight one: a phrase pasted from a word processor or
# typed on a Mac (“build a wall”) was searched as three separate words, 29 results for 16
QUOTE_MARKS = str.maketrans(dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\uff02", '"'))


class QuerySyntaxError(ValueError):
    """The query is not in the language; the caller falls back to a literal search."""


Filters = SearchFilters


@dataclass
class Query:
    text: str
    match: str | None  # the FTS5 expression; None: no words (list recent items)
    filters: Filters
    phrases: list[str]  # exact phrases and plain words, for ranking exact matches first
    literal: bool = False  # True when the input fell back to a literal search
    problem: str | None = None  # one line: why it fell back, what was left out or corrected
    words: list[str] = field(default_factory=list)  # bare words that could be misspelt, lower case
    filter_text: list[str] = field(default_factory=list)  # the filters as name:value, for messages
    corrections: dict[str, str] = field(default_factory=dict)  # word typed -> word searched


def parse(text: str, corrections: Mapping[str, str] | None = None) -> Query:
    """Parse ``text``, searching bare words (lower case) of ``corrections`` as their values;
    never raises."""
    try:
        return _parse(text, {k.lower(): v for k, v in (corrections or {}).items()})
    except QuerySyntaxError as exc:
        return literal_query(text, str(exc))


def literal_query(text: str, problem: str | None) -> Query:
    """Every word of ``text`` (a proximity's distance is not one), all of them required."""
    different = [w for w in _first_of_each(WORD_CHARS.findall(NEAR_SUFFIX.sub("", text.translate(QUOTE_MARKS)))) if w]
    words = different[:MAX_TERMS]
    left_out = _left_out(len(different) - len(words))
    match = " AND ".join(phrase(w) for w in words) or None
    nothing = "nothing left to search for: the most recent items are listed" if match is None else None
    problem = "; ".join(p for p in (problem, left_out, nothing) if p) or None
    return Query(text, match, Filters(), [" ".join(words)] if words else [], literal=True, problem=problem)


def _first_of_each(items: list[str | None]) -> list[str | None]:
    """``items`` without repeats, letter case aside (FTS5 ignores it), in their first order."""
    unique: dict[str, str | None] = {}
    for item in items:
        unique.setdefault((item or "").lower(), item)
    return list(unique.values())


def _left_out(count: int) -> str | None:
    if count <= 0:
        return None
    return f"only the first {MAX_TERMS} different terms were searched; {count:,} more were left out"


def _parse(text: str, corrections: dict[str, str]) -> Query:
    tokens = _filters_joined(_tokens(text))
    filters = Filters()
    terms, left_out = _capped([t for t in tokens if not _take_filter(t, filters)])
    parser = _Parser(terms, corrections)
    expression = parser.expression()
    if parser.position != len(terms):
        raise QuerySyntaxError("unbalanced parentheses")
    if expression is not None and expression.startswith("NOT ") and not filters.speaker:
        # nothing in the index to subtract the words from: every item (of the filters) is listed
        # without the rows that hold them; a speaker's quotes less some words ("speaker:clinton
        # -email") is an expression of the index
        filters.without, expression = parser.subtracted, None
    shown = [
        f'{name}:"{value}"' if " " in value else f"{name}:{value}"
        for name, value in (t[1].split(":", 1) for t in tokens if t[0] == "field")
    ] + [f"NOT {words}" for words in filters.without]  # 'no matches for status:disputed NOT "wall"'
    used = {k: v for k, v in corrections.items() if k in parser.words}
    return Query(
        text,
        expression,
        filters,
        parser.plain,
        problem=_left_out(left_out),
        words=list(dict.fromkeys(parser.words)),
        filter_text=shown,
        corrections=used,
    )


def _enclosed(expression: str) -> bool:
    """True when one pair of brackets holds all of ``expression``: "(a OR b)", not "(a OR b) AND c"
    (terms are quoted words, so every bracket here is the expression's own)."""
    if not expression.startswith("(") or not expression.endswith(")"):
        return False
    depth = 0
    for position, char in enumerate(expression):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0:
            return position == len(expression) - 1
    return False


def _capped(tokens: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], int]:
    """The tokens up to the ``MAX_TERMS``-th different term, still well formed (no operator or
    opening parenthesis left dangling, every parenthesis closed); and how many different terms
    were left out."""
    seen: set[str] = set()
    end = len(tokens)
    for index, (kind, value) in enumerate(tokens):
        if kind in ("word", "phrase", "near") and value not in OPERATORS:
            key = kind + value.lstrip("-").lower()
            if key not in seen and len(seen) == MAX_TERMS and end == len(tokens):
                end = index
            seen.add(key)
    if end == len(tokens):
        return tokens, 0
    kept = tokens[:end]
    while kept and (kept[-1][0] == "lparen" or kept[-1][1] in OPERATORS):
        kept.pop()
    unclosed = sum(1 if kind == "lparen" else -1 if kind == "rparen" else 0 for kind, _ in kept)
    return kept + [("rparen", ")")] * max(unclosed, 0), len(seen) - MAX_TERMS


def _tokens(text: str) -> list[tuple[str, str]]:
    text = text.translate(QUOTE_MARKS)
    tokens: list[tuple[str, str]] = []
    position = 0
    while position < len(text):
        if ONLY_SPACE.match(text, position):
            break
        match = TOKEN.match(text, position)
        if match is None or match.end() == position:
            raise QuerySyntaxError("unbalanced quotation marks")
        position = match.end()
        kind = next(
            k
            for k, v in match.groupdict().items()
            if v is not None and k not in ("fquoted", "fvalue", "fempty", "near")
        )
        if kind == "field" and match["fempty"] is not None and match["field"].lower() not in FIELDS:
            tokens.append(("word", match["field"] + ":"))  # "Update:" is a word; "speaker:" a field, refused
        elif kind == "field":
            value = match["fquoted"] if match["fquoted"] is not None else match["fvalue"] or ""
            tokens.append(("field", f"{match['field'].lower()}:{value}"))
        elif kind == "phrase" and match["near"] is not None:
            tokens.append(("near", f"{match['near']}~{match['phrase']}"))
        else:
            tokens.append((kind, match[kind]))
    return tokens


def _filters_joined(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``tokens`` without an OR between two filters of one field that takes either of its values
    (``status:corroborated OR status:disputed`` is ``status:corroborated status:disputed``): it
    was an OR with nothing on either side once the filters were taken out, so the query was
    searched literally for its words and found nothing."""
    kept = []
    for index, token in enumerate(tokens):
        before, after = tokens[index - 1] if index else None, tokens[index + 1] if index + 1 < len(tokens) else None
        if token != ("word", "OR") or not (before and after and before[0] == after[0] == "field"):
            kept.append(token)
            continue
        name = before[1].split(":", 1)[0]
        if name != after[1].split(":", 1)[0] or name not in EITHER_FIELDS:
            raise QuerySyntaxError(
                "OR cannot join filters, except two of the same speaker:, source:, outlet:, type:, status: or grade:"
            )
    return kept


def _take_filter(token: tuple[str, str], filters: Filters) -> bool:
    kind, value = token
    if kind != "field":
        return False
    name, _, argument = value.partition(":")
    argument = argument.strip()
    if name not in FIELDS:
        raise QuerySyntaxError(f"unknown field {name}:")
    if not argument:
        raise QuerySyntaxError(f"{name}: needs a value")
    _apply_filter(filters, name, argument)
    return True


def _apply_filter(filters: Filters, name: str, argument: str) -> None:
    lowered = argument.lower()
    if name == "type":
        kind = lowered.rstrip("s")
        if kind not in TYPES:
            raise QuerySyntaxError(f"type: is one of {', '.join(TYPES)}")
        filters.type.append(kind)
    elif name == "status":
        if lowered not in CLAIM_STATUSES:
            raise QuerySyntaxError(f"status: is one of {', '.join(CLAIM_STATUSES)}")
        filters.status.append(lowered)
    elif name == "grade":
        grades = [g for g in argument.upper() if g in "ABCDEF"]
        if not grades:
            raise QuerySyntaxError("grade: is a letter from A to F")
        filters.grade.extend(grades)
    elif name in ("from", "to"):
        bound = _date_bound(name, argument, upper=name == "to")
        if name == "from":
            filters.date_from = bound
        else:
            filters.date_to = bound
    else:
        getattr(filters, name).append(argument)


def _date_bound(name: str, value: str, upper: bool) -> str:
    match = DATE.match(value.strip())
    if match is None:
        raise QuerySyntaxError(f"{name}:{value}: dates are written YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = int(match.group(1)), match.group(2), match.group(3)
    month_number = int(month) if month else (12 if upper else 1)
    if not 1 <= month_number <= 12:
        raise QuerySyntaxError(f"{name}:{value} is not a date")
    last_day = calendar.monthrange(year, month_number)[1]
    day_number = int(day) if day else (last_day if upper else 1)
    if not 1 <= day_number <= last_day:
        raise QuerySyntaxError(f"{name}:{value} is not a date (that month has {last_day} days)")
    return f"{year:04d}-{month_number:02d}-{day_number:02d}"


class _Parser:
    """or_expr := and_expr (OR and_expr)* ; and_expr := unary (AND? unary)* ;
    unary := NOT unary | ( or_expr ) | term"""

    def __init__(self, tokens: list[tuple[str, str]], corrections: dict[str, str]):
        self.tokens = tokens
        self.corrections = corrections
        self.position = 0
        self.depth = 0
        self.negated = 0  # NOTs around the current term
        self.plain: list[str] = []
        self.words: list[str] = []  # bare words, which a correction may replace
        self.subtracted: list[str] = []  # the NOT terms of the last conjunction read

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def at_end(self) -> bool:
        """No more tokens, or a closing parenthesis."""
        token = self.peek()
        return token is None or token[0] == "rparen"

    def is_operator(self, name: str) -> bool:
        token = self.peek()
        return token is not None and token[0] == "word" and token[1] == name

    def expression(self) -> str | None:
        parts = [self.conjunction()]
        while self.is_operator("OR"):
            self.position += 1
            parts.append(self.conjunction())
        if len(parts) == 1:
            return parts[0]
        parts = _first_of_each(parts)
        if any(p is None for p in parts):
            raise QuerySyntaxError("OR needs something on both sides")
        if any(p.startswith("NOT ") for p in parts if p) and len(parts) > 1:
            raise QuerySyntaxError("NOT needs something to subtract from")
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(p for p in parts if p) + ")"

    def conjunction(self) -> str | None:
        result: str | None = None
        seen: dict[tuple[bool, str], str] = {}
        while (token := self.peek()) is not None and token[0] != "rparen" and not self.is_operator("OR"):
            if self.is_operator("AND"):
                if result is None:
                    raise QuerySyntaxError("AND needs something on both sides")
                self.position += 1
                if self.at_end():
                    raise QuerySyntaxError("AND needs something on both sides")
                continue
            negated, term = self.unary()
            if (negated, term.lower()) in seen:
                continue
            seen[(negated, term.lower())] = term
            if negated:
                result = f"NOT {term}" if result is None else f"{result} NOT {term}"
            else:
                result = (
                    term
                    if result is None
                    else (f"{term} NOT {result[4:]}" if result.startswith("NOT ") else f"{result} AND {term}")
                )
        self.subtracted = [term for (negated, _), term in seen.items() if negated]  # the outermost's is read last
        return result

    def unary(self) -> tuple[bool, str]:
        token = self.peek()
        assert token is not None
        negation = self.is_operator("NOT") or (token[0] == "word" and token[1].startswith("-") and len(token[1]) > 1)
        if negation or token[0] == "lparen":
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise QuerySyntaxError(f"parentheses or NOTs nested more than {MAX_DEPTH} deep")
            try:
                return self.negation(token) if negation else self.group()
            finally:
                self.depth -= 1
        if token[0] == "rparen":
            raise QuerySyntaxError("unbalanced parentheses")
        self.position += 1
        return False, self.term(token)

    def negation(self, token: tuple[str, str]) -> tuple[bool, str]:
        if token[1] == "NOT":
            self.position += 1
            if self.at_end():
                raise QuerySyntaxError("NOT needs a word after it")
        else:
            self.tokens[self.position] = ("word", token[1][1:])
        self.negated += 1
        try:
            _, term = self.unary()
        finally:
            self.negated -= 1
        return True, term

    def group(self) -> tuple[bool, str]:
        self.position += 1
        inner = self.expression()
        closing = self.peek()
        if closing is None or closing[0] != "rparen" or inner is None:
            raise QuerySyntaxError("unbalanced parentheses")
        self.position += 1
        return False, inner if _enclosed(inner) else f"({inner})"

    def term(self, token: tuple[str, str]) -> str:
        kind, value = token
        if kind == "near":
            return self.near(value)
        if kind == "phrase":
            words = WORD_CHARS.findall(value)
            if not words:
                raise QuerySyntaxError("an empty phrase")
            self.plain.append(" ".join(words))
            return phrase(" ".join(words))
        prefix = value.endswith("*") and not has_cjk(value)
        words = WORD_CHARS.findall(value)
        if not words:
            raise QuerySyntaxError(f"{value!r} has no letters or digits")
        # a bare word, or one with 's (Clintn's: the index reads "clinton" "s"), may be misspelt
        if (
            (len(words) == 1 or POSSESSIVE.fullmatch(value))
            and not prefix
            and not self.negated
            and _correctable(words[0])
        ):
            self.words.append(words[0].lower())
            words = [self.corrections.get(words[0].lower(), words[0]), *words[1:]]
        self.plain.append(" ".join(words))
        if len(words) == 1:
            return phrase(words[0]) + ("*" if prefix else "")
        # 'e-mail', "don't", 'C++': the word's parts, next to each other
        return phrase(" ".join(words)) + ("*" if prefix else "")

    def near(self, value: str) -> str:
        """'5~water outage': the words within 5 tokens of each other, in any order."""
        distance, _, text = value.partition("~")
        parts = [" ".join(WORD_CHARS.findall(w)) for w in text.split()]
        parts = [p for p in parts if p]
        if not parts:
            raise QuerySyntaxError("an empty phrase")
        self.plain.append(" ".join(parts))
        if len(parts) == 1:
            return phrase(parts[0])
        return f"NEAR({' '.join(phrase(p) for p in parts)}, {min(int(distance), MAX_DISTANCE)})"


def _correctable(word: str) -> bool:
    """Letters only, three or more of them, and not Chinese, Japanese or Korean (each character
    of those is a token of its own)."""
    return len(word) >= 3 and word.isalpha() and not has_cjk(word)
