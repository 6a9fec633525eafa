"""The search expression, as FTS5 reads it, rewritten as a PostgreSQL tsquery.

The query language (briefing.search.query) compiles to the part of FTS5's syntax it uses:
"quoted phrases" (CJK characters spaced), a prefix ``"outag"*``, AND, OR, NOT (binary: ``a NOT
b``), parentheses, ``NEAR("a" "b", N)`` and column filters ``speaker : "…"`` and ``title : "…"``.
``tsquery_text`` turns that into the text ``to_tsquery('briefing', …)`` reads: each word quoted
(the server stems it as it stems the index), phrases as ``<->``, a column as the weight its words
have in the index (speaker A, title B), NEAR as the phrases ``<k>`` apart in either order for every
k up to N + 1 (N tokens between them). FTS5's precedence is kept: NOT before AND before OR.
"""

from __future__ import annotations

import re

from briefing.domain import BriefingError

WEIGHTS = {"speaker": "A", "title": "B", "body": "D"}
_TOKEN = re.compile(r'\s*(?:"((?:[^"]|"")*)"(\*?)|(\()|(\))|(,)|(:)|([A-Za-z0-9_]+))')


class ExpressionError(BriefingError):
    """Not an expression of the subset the query language writes."""


def tsquery_text(expression: str) -> str:
    """The tsquery of an FTS5 ``expression`` (as briefing.search.query writes them)."""
    parser = _Parser(_tokens(expression))
    text = parser.disjunction("")
    if parser.position != len(parser.tokens):
        raise ExpressionError(f"cannot read the search expression {expression!r}")
    return text


def phrases(expression: str) -> list[str]:
    """The quoted phrases of ``expression``, as written (CJK characters spaced)."""
    return [text for kind, text in _tokens(expression) if kind in ("phrase", "prefix")]


def in_speaker_text(expression: str) -> str:
    """The tsquery of any phrase or prefix of ``expression`` in the speaker column (weight A)."""
    found = [
        phrase_text(text, "A", kind == "prefix") for kind, text in _tokens(expression) if kind in ("phrase", "prefix")
    ]
    if not found:
        raise ExpressionError(f"no words in the search expression {expression!r}")
    return " | ".join(found)


def _tokens(expression: str) -> list[tuple[str, str]]:
    tokens, position = [], 0
    while position < len(expression.rstrip()):
        match = _TOKEN.match(expression, position)
        if match is None or match.end() == position:
            raise ExpressionError(f"cannot read the search expression {expression!r}")
        position = match.end()
        text, star, lparen, rparen, comma, colon, word = match.groups()
        if text is not None:
            tokens.append(("prefix" if star else "phrase", text.replace('""', '"')))
        else:
            kind = "(" if lparen else ")" if rparen else "," if comma else ":" if colon else "word"
            tokens.append((kind, word or kind))
    return tokens


def phrase_text(words: str, weight: str = "", prefix: bool = False) -> str:
    """'lost water' -> ('lost' <-> 'water'): each word quoted, lower case, weighted."""
    quoted = [_quoted(w) for w in words.lower().split()]
    if not quoted:
        raise ExpressionError("an empty phrase")
    flags = ("*" if prefix else "") + weight  # a prefix is the last word's, as in FTS5
    marks = f":{weight}" if weight else ""
    parts = [q + marks for q in quoted[:-1]] + [quoted[-1] + (f":{flags}" if flags else "")]
    return parts[0] if len(parts) == 1 else "(" + " <-> ".join(parts) + ")"


def _quoted(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]]):
        self.tokens = tokens
        self.position = 0

    def peek(self, kind: str, value: str | None = None) -> bool:
        if self.position >= len(self.tokens):
            return False
        token = self.tokens[self.position]
        return token[0] == kind and (value is None or token[1] == value)

    def take(self, kind: str, value: str | None = None) -> str:
        if not self.peek(kind, value):
            raise ExpressionError("cannot read the search expression")
        self.position += 1
        return self.tokens[self.position - 1][1]

    def disjunction(self, weight: str) -> str:
        parts = [self.conjunction(weight)]
        while self.peek("word", "OR"):
            self.position += 1
            parts.append(self.conjunction(weight))
        return parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"

    def conjunction(self, weight: str) -> str:
        parts = [self.difference(weight)]
        while self.position < len(self.tokens) and not self.peek(")") and not self.peek("word", "OR"):
            if self.peek("word", "AND"):
                self.position += 1
            parts.append(self.difference(weight))  # FTS5 reads two terms side by side as AND too
        return parts[0] if len(parts) == 1 else "(" + " & ".join(parts) + ")"

    def difference(self, weight: str) -> str:
        result = self.primary(weight)
        while self.peek("word", "NOT"):
            self.position += 1
            result = f"({result} & !{self.primary(weight)})"
        return result

    def primary(self, weight: str) -> str:
        if self.peek("("):
            self.position += 1
            inner = self.disjunction(weight)
            self.take(")")
            return inner
        if self.peek("phrase") or self.peek("prefix"):
            kind, text = self.tokens[self.position]
            self.position += 1
            return phrase_text(text, weight, kind == "prefix")
        if self.peek("word", "NEAR"):
            return self.near(weight)
        column = self.take("word")
        if column not in WEIGHTS:
            raise ExpressionError(f"no column {column!r} in the search index")
        self.take(":")
        return self.primary(WEIGHTS[column])

    def near(self, weight: str) -> str:
        self.take("word", "NEAR")
        self.take("(")
        phrases = []
        while self.peek("phrase"):
            phrases.append(phrase_text(self.take("phrase"), weight))
        self.take(",")
        distance = int(self.take("word"))
        self.take(")")
        if len(phrases) < 2:
            return phrases[0] if phrases else ""
        pairs = [_near(a, b, distance) for i, a in enumerate(phrases) for b in phrases[i + 1 :]]
        return pairs[0] if len(pairs) == 1 else "(" + " & ".join(pairs) + ")"


def _near(a: str, b: str, distance: int) -> str:
    """``a`` and ``b`` with at most ``distance`` tokens between them, either first."""
    apart = [f"{x} <{k}> {y}" for k in range(1, distance + 2) for x, y in ((a, b), (b, a))]
    return "(" + " | ".join(apart) + ")"
