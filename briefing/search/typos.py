"""Typo tolerance: for a bare word the index does not hold at all, the closest word it does.

Close means an edit distance (letters inserted, deleted, replaced or two side by side
swapped) of 1, or 2 for words of ``LONG_WORD`` letters or more, both between the index
terms (stems) and between the typed word and the word shown. Among the close ones the
nearest wins, then the one in more rows; the written forms of a term in fewer rows than the
best one-edit word are not read, since it cannot win. Candidates come from the index's
vocabulary in a few narrow prefix ranges: the typed term's first letters, and those letters
with one of them left out, doubled or two swapped (a slip near the start of a word: the double
letter typed once is the commonest misspelling of all, "imigration", "Hilary"). A slip that
changes the first letters some other way is not corrected by those: reading the whole
vocabulary of a large workspace takes seconds.

A slip can also keep the stemmer from taking an ending off ("presdent" stays "presdent", while
"president" is indexed as "presid", three edits away): a term of those ranges one edit from the
typed word's first letters, with the kept ending after it, is a candidate when the index keeps
that word as the term (the words are asked of the tokenizer at once; every term read is compared
in one pass, not by edit distance, so this costs next to nothing).

When none of those is written within reach of the typed word, two causes of a slip in an
inflected word are undone: the stemmer keeps a misspelt ending whole ("elecion" stays
"elecion", while "election" is indexed as "elect"), so terms close to the word's first letters
are tried too; and the few rows read for a term's written forms may not write the typed
ending ("imigrants", where they said "immigration"), so the typed ending on a term one edit from
the typed one counts as a form when the index keeps it as that term ("immigrants").

When that finds nothing either, or nothing nearer than two edits, a letter dropped among the
first ones ("delgates"; "elegates" is "delegates", one edit, not "elevated", two) is put back:
each word the typed one makes with a letter from a to z inserted there is asked of the index
(``_letter_restored``), one statement for each place (most find none). The ranges above cannot
hold it cheaply: a letter missing in the third place needs every term of the first two letters.
This costs a few milliseconds on a million quotes, and only a search that found nothing and
was corrected no other way within one edit pays it.
"""

from __future__ import annotations

from briefing.store import Workspace
from briefing.store.search_vocab import (
    count_matches,
    holds_any,
    index_term,
    index_terms,
    list_terms,
    list_word_forms_of,
)

LONG_WORD = 7  # letters from which two edits are allowed
CANDIDATES = 6  # close terms whose written forms are looked up
LETTERS = "abcdefghijklmnopqrstuvwxyz"  # the letters a dropped one is looked for among
RANKED_ROWS = 1000  # rows counted, at most, to choose between words a restored letter makes


def corrections(ws: Workspace, words: list[str]) -> dict[str, str]:
    """word -> suggestion, for each of ``words`` (lower case) that no index row holds."""
    found = {}
    for word in words:
        if count_matches(ws, word, 1):
            continue
        suggestion = _closest(ws, word)
        if suggestion is not None:
            found[word] = suggestion
    return found


def allowed_edits(word: str) -> int:
    return 2 if len(word) >= LONG_WORD else 1


def _closest(ws: Workspace, word: str) -> str | None:
    term = index_term(word)
    if term is None or len(term) < 3:
        return None
    limit = allowed_edits(word)
    ranges = prefix_ranges(term, limit)
    moved: dict[str, str] = {}
    terms = list_terms(ws, ranges, lambda c: c != term and _close_or_moved(word, term, c, limit, moved))
    made = _kept_as_term(moved)
    near = [(1 if c in made else distance(term, c, limit), -rows, c) for c, rows in terms.items()]
    best = _best_of(ws, word, limit, [n for n in near if n[0] <= limit], None, made)
    if best is None:
        # the stemmer kept a slip that hid the word's ending whole ("elecion", while the index holds
        # "election" as "elect"), or none of the rows read wrote the typed ending ("stratgies": they
        # said "strategy"): the terms close to the word's first letters too, and the typed ending on
        # a term (read again: this costs more, and most misspelt words are found without it)
        terms = list_terms(ws, ranges, lambda c: c != term and _near(word, term, c, limit) <= limit)
        near = [(_near(word, term, c, limit), -rows, c) for c, rows in terms.items()]
        best = _best_of(ws, word, limit, near, term, made)
    shown = None if best is None else best[3]
    if best is None or best[0] > 1:  # a word with a letter put back is one edit away: nearer
        return _letter_restored(ws, word, slip_letters(term)) or shown
    return shown


def _letter_restored(ws: Workspace, word: str, letters: int) -> str | None:
    """The typed word with a letter put back among its first ``letters`` ("delgates": "delegates"),
    when the index holds it; of several, the one in more rows, then the first alphabetically.
    Latin letters only: a word of another script (or with a digit) is left as it is."""
    typed = word.lower()
    if not (typed.isascii() and typed.isalpha()):
        return None
    found: list[str] = []
    asked: set[str] = set()
    for at in range(min(letters, len(typed))):
        words = [w for w in (typed[:at] + letter + typed[at:] for letter in LETTERS) if w not in asked]
        asked.update(words)
        if holds_any(ws, words):
            found += [w for w in words if count_matches(ws, w, 1)]
    if len(found) < 2:
        return found[0] if found else None
    return min(found, key=lambda w: (-count_matches(ws, w, RANKED_ROWS), w))


def _close_or_moved(word: str, term: str, candidate: str, limit: int, moved: dict[str, str]) -> bool:
    """Whether ``candidate`` is within ``limit`` edits of the typed term, or one edit from the
    typed word's first letters before an ending the stemmer kept on the typed term; then
    ``moved`` takes the word that ending makes on it ("presdent" stays "presdent", while
    "president" is indexed as "presid", three edits away). An ending the stemmer took off is not
    moved ("goverment" is "gover" and "ment": on "over" it made "overment")."""
    if distance(term, candidate, limit) <= limit:
        return True
    typed = word.lower()
    for size in range(max(3, len(candidate) - 1), min(len(term), len(typed), len(candidate) + 2)):
        if one_edit_apart(typed[:size], candidate):  # every term read is asked: no edit distance here
            moved[candidate] = candidate + typed[size:]
            return True
    return False


def _kept_as_term(moved: dict[str, str]) -> dict[str, dict[str, int]]:
    """candidate -> {word: 0} for each word of ``moved`` the index keeps as its candidate (asked of
    the stemmer at once): a form no row read may have shown, one edit from the typed word."""
    terms = index_terms(list(moved.values()))
    return {c: {form: 0} for (c, form), kept in zip(moved.items(), terms, strict=True) if kept == c}


def one_edit_apart(a: str, b: str) -> bool:
    """Whether ``distance(a, b, 1)`` is 1: a letter inserted, deleted or replaced, or two side by
    side swapped; in one pass."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    if len(a) != len(b):
        longer, shorter = (a, b) if len(a) > len(b) else (b, a)
        return longer[at + 1 :] == shorter[at:]
    swapped = a[at : at + 2] == b[at : at + 2][::-1] and a[at + 2 :] == b[at + 2 :]
    return a[at + 1 :] == b[at + 1 :] or swapped


def _near(word: str, term: str, candidate: str, limit: int) -> int:
    return min(distance(term, candidate, limit), _start_distance(word, candidate, limit))


def _start_distance(word: str, candidate: str, limit: int) -> int:
    """Edits from ``candidate`` to the closest of the typed word's beginnings as long as it, give
    or take ``limit`` letters (three letters at least), or ``limit`` + 1."""
    lengths = range(max(3, len(candidate) - limit), min(len(word), len(candidate) + limit) + 1)
    return min((distance(word.lower()[:n], candidate, limit) for n in lengths), default=limit + 1)


def _best_of(ws: Workspace, word: str, limit: int, near: list, term: str | None, made: dict) -> tuple | None:
    """The least (edits, -rows, -count, form) among the written forms of the closest of ``near``
    ((distance, -rows, term) each); with the typed ``term``, the forms its ending makes too."""
    closest = sorted(near)[:CANDIDATES]
    most = min(minus_rows for _, minus_rows, _ in closest) if closest else 0
    best = _best_form(ws, word, limit, [c for c in closest if c[1] == most], None, term, made)
    # a form is never the typed word itself (that would be in rows), so it is an edit away at
    # least: a candidate in fewer rows can win only when the best so far is further than that
    rest = [c for c in closest if c[1] != most and (best is None or (1, c[1]) <= best[:2])]
    return _best_form(ws, word, limit, rest, best, term, made)


def _best_form(
    ws: Workspace, word: str, limit: int, candidates: list, best: tuple | None, term: str | None, made: dict
) -> tuple | None:
    """The least (edits, -rows, -count, form) of ``best`` and the written forms of ``candidates``
    ((distance, -rows, term) each) within ``limit`` edits of ``word``; ``made``: candidate -> the
    forms ``_kept_as_term`` made of it."""
    forms = list_word_forms_of(ws, [candidate for _, _, candidate in candidates]) if candidates else {}
    for _, minus_rows, candidate in candidates:
        written = {**_typed_ending(word, term, candidate), **made.get(candidate, {}), **forms[candidate]}
        for form, count in written.items():
            edits = distance(word, form.lower(), limit)
            key = (edits, minus_rows, -count, form)
            if edits <= limit and (best is None or key < best):
                best = key
    return best


def _typed_ending(word: str, term: str | None, candidate: str) -> dict[str, int]:
    """The typed word's ending on ``candidate`` when the slip is in the stem alone ("stratgies":
    "strategies", for "strategi") and the index keeps that as ``candidate``: a form no row read
    may have shown (count 0, so a written one goes first)."""
    typed = word.lower()
    if term is None or not typed.startswith(term) or distance(term, candidate, 1) > 1:
        return {}
    inflected = candidate + typed[len(term) :]
    return {inflected: 0} if inflected != candidate and index_term(inflected) == candidate else {}


def slip_letters(term: str) -> int:
    """How many of a term's first letters a slip is looked for among (past them, the term's own
    prefix holds the word meant)."""
    return 4 if len(term) >= 6 else 3


def prefix_ranges(term: str, limit: int) -> list[tuple[str, str]]:
    """(after, before) bounds of the terms starting as ``term`` does, or with a slip in its
    first letters undone. A bound excludes the bare prefix when it is too short to be close."""
    size = slip_letters(term)
    shortest = len(term) - limit
    prefixes = {term[:size]}
    for i in range(size):
        prefixes.add((term[:i] + term[i + 1 :])[:size])  # a letter typed too many
        prefixes.add((term[: i + 1] + term[i:])[:size])  # a double letter typed once: imigration, Hilary
        if i + 1 < len(term):
            prefixes.add((term[:i] + term[i + 1] + term[i] + term[i + 2 :])[:size])  # two swapped
    ranges = []
    for prefix in sorted(p for p in prefixes if len(p) >= 2):
        low = prefix if len(prefix) < shortest else prefix[:-1] + chr(ord(prefix[-1]) - 1) + "\U0010ffff"
        ranges.append((low, prefix[:-1] + chr(ord(prefix[-1]) + 1)))
    return ranges


def distance(a: str, b: str, limit: int) -> int:
    """Edits from ``a`` to ``b`` (a swap of neighbours is one), or ``limit`` + 1 when more."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, y in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y))
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return min(previous[-1], limit + 1)
