"""The query language: words, "phrases", prefix*, AND / OR / NOT, parentheses and
field filters, turned into an FTS5 expression plus filters.

Anything a user types is safe: input the grammar cannot read falls back to a
literal search for its words, never an error. Every word reaches FTS5 quoted,
so punctuation such as C++, e-mail or don't cannot break the expression.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.cjk import has_cjk
from briefing.domain import SearchFilters
from briefing.store.search_index import phrase

FIELDS = ("speaker", "source", "outlet", "entity", "tag", "status", "type", "from", "to", "grade")
TYPES = ("quote", "claim", "note", "source")
STATUSES = ("unreviewed", "corroborated", "disputed")
TOKEN = re.compile(
    r'\s*(?:(?P<field>[A-Za-z]+):(?:"(?P<fquoted>[^"]*)"|(?P<fvalue>[^\s()"]+))'
    r'|"(?P<phrase>[^"]*)"|(?P<lparen>\()|(?P<rparen>\))|(?P<word>[^\s()"]+))'
)
WORD_CHARS = re.compile(r"[^\W_]+", re.UNICODE)
DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")


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
    problem: str | None = None  # why it fell back


def parse(text: str) -> Query:
    """Parse ``text``; never raises."""
    try:
        return _parse(text)
    except QuerySyntaxError as exc:
        return _literal(text, str(exc))


def _literal(text: str, problem: str | None) -> Query:
    words = WORD_CHARS.findall(text)
    match = " AND ".join(phrase(w) for w in words) or None
    return Query(text, match, Filters(), [" ".join(words)] if words else [], literal=True, problem=problem)


def _parse(text: str) -> Query:
    tokens = _tokens(text)
    filters = Filters()
    terms = [t for t in tokens if not _take_filter(t, filters)]
    parser = _Parser(terms)
    expression = parser.expression()
    if parser.position != len(terms):
        raise QuerySyntaxError("unbalanced parentheses")
    if expression is not None and expression.startswith("NOT "):
        raise QuerySyntaxError("a query cannot be only NOT")
    return Query(text, expression, filters, parser.plain)


def _tokens(text: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    position = 0
    while position < len(text):
        if text[position:].strip() == "":
            break
        match = TOKEN.match(text, position)
        if match is None or match.end() == position:
            raise QuerySyntaxError("unbalanced quotation marks")
        position = match.end()
        kind = next(k for k, v in match.groupdict().items() if v is not None and k not in ("fquoted", "fvalue"))
        if kind == "field":
            value = match["fquoted"] if match["fquoted"] is not None else match["fvalue"]
            tokens.append(("field", f"{match['field'].lower()}:{value}"))
        else:
            tokens.append((kind, match[kind]))
    return tokens


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
        if lowered not in STATUSES:
            raise QuerySyntaxError(f"status: is one of {', '.join(STATUSES)}")
        filters.status.append(lowered)
    elif name == "grade":
        grades = [g for g in argument.upper() if g in "ABCDEF"]
        if not grades:
            raise QuerySyntaxError("grade: is a letter from A to F")
        filters.grade.extend(grades)
    elif name in ("from", "to"):
        bound = _date_bound(argument, upper=name == "to")
        if name == "from":
            filters.date_from = bound
        else:
            filters.date_to = bound
    else:
        getattr(filters, name).append(argument)


def _date_bound(value: str, upper: bool) -> str:
    match = DATE.match(value.strip())
    if match is None:
        raise QuerySyntaxError("dates are written YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.group(1), match.group(2), match.group(3)
    month_text = f"{int(month):02d}" if month else ("12" if upper else "01")
    day_text = f"{int(day):02d}" if day else ("31" if upper else "01")
    if not (1 <= int(month_text) <= 12 and 1 <= int(day_text) <= 31):
        raise QuerySyntaxError("not a date")
    return f"{year}-{month_text}-{day_text}"


class _Parser:
    """or_expr := and_expr (OR and_expr)* ; and_expr := unary (AND? unary)* ;
    unary := NOT unary | ( or_expr ) | term"""

    def __init__(self, tokens: list[tuple[str, str]]):
        self.tokens = tokens
        self.position = 0
        self.plain: list[str] = []

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
        if any(p is None for p in parts):
            raise QuerySyntaxError("OR needs something on both sides")
        if any(p.startswith("NOT ") for p in parts if p) and len(parts) > 1:
            raise QuerySyntaxError("NOT needs something to subtract from")
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(p for p in parts if p) + ")"

    def conjunction(self) -> str | None:
        result: str | None = None
        while (token := self.peek()) is not None and token[0] != "rparen" and not self.is_operator("OR"):
            if self.is_operator("AND"):
                if result is None:
                    raise QuerySyntaxError("AND needs something on both sides")
                self.position += 1
                if self.at_end():
                    raise QuerySyntaxError("AND needs something on both sides")
                continue
            negated, term = self.unary()
            if negated:
                result = f"NOT {term}" if result is None else f"{result} NOT {term}"
            else:
                result = term if result is None else (
                    f"{term} NOT {result[4:]}" if result.startswith("NOT ") else f"{result} AND {term}"
                )
        return result

    def unary(self) -> tuple[bool, str]:
        token = self.peek()
        assert token is not None
        if self.is_operator("NOT") or (token[0] == "word" and token[1].startswith("-") and len(token[1]) > 1):
            if token[1] == "NOT":
                self.position += 1
                if self.at_end():
                    raise QuerySyntaxError("NOT needs a word after it")
                _, term = self.unary()
            else:
                self.tokens[self.position] = ("word", token[1][1:])
                _, term = self.unary()
            return True, term
        if token[0] == "lparen":
            self.position += 1
            inner = self.expression()
            closing = self.peek()
            if closing is None or closing[0] != "rparen" or inner is None:
                raise QuerySyntaxError("unbalanced parentheses")
            self.position += 1
            return False, f"({inner})" if not inner.startswith("(") else inner
        if token[0] == "rparen":
            raise QuerySyntaxError("unbalanced parentheses")
        self.position += 1
        return False, self.term(token)

    def term(self, token: tuple[str, str]) -> str:
        kind, value = token
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
        self.plain.append(" ".join(words))
        if len(words) == 1:
            return phrase(words[0]) + ("*" if prefix else "")
        # 'e-mail', "don't", 'C++': the word's parts, next to each other
        return phrase(" ".join(words)) + ("*" if prefix else "")
