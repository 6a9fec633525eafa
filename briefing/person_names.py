"""Whether two people's names, written differently, may be one person's.

Across sources the workspace links "Joseph R. Biden Jr." to "Joe Biden" and "Paul D. Ryan" to
"Paul Ryan", and keeps "Jeb Bush" apart from "George W. Bush" though both are "Bush". Names
here are normalised (``briefing.domain.normalise_name``): folded, without full stops.
"""

from __future__ import annotations

from briefing.nlp.census_given_names import census_given_names
from briefing.nlp.lexicon import FEMALE_NAMES, GIVEN_NAMES, MALE_NAMES

# Given names and their usual short forms: "Joe Biden" is "Joseph R. Biden Jr.", "Bill Clinton"
# is "William J. Clinton". Prefixes ("Chris"/"Christopher") need no entry.
_NICKNAMES = """
william: bill billy will willie
robert: bob bobby rob
richard: dick rick ricky
joseph: joe joey
james: jim jimmy jamie
michael: mike mick
thomas: tom tommy
charles: chuck charlie
edward: ed eddie ted ned
theodore: ted teddy
elizabeth: liz beth betty betsy lisa
margaret: maggie meg peggy
katherine: kate kathy katie
catherine: cathy kate
robin: rob
john: jack johnny
henry: hank harry
lawrence: larry
patricia: pat patty trish
anthony: tony
kenneth: ken kenny
gerald: jerry
jeffrey: jeff
steven: steve
stephen: steve
nicholas: nick
alexander: alex
benjamin: ben
daniel: dan danny
david: dave
andrew: andy drew
jennifer: jenny jen
rebecca: becky
susan: sue susie
deborah: debbie deb
frederick: fred
samuel: sam
ronald: ron
donald: don
timothy: tim
matthew: matt
peter: pete
gregory: greg
jonathan: jon
nathaniel: nate
christopher: chris
philip: phil
douglas: doug
raymond: ray
albert: al
alfred: al
eugene: gene
leonard: len leo
mitchell: mitch
newton: newt
"""
_SHORT_FORMS = {
    (full, short)
    for line in _NICKNAMES.strip().splitlines()
    for full, shorts in [line.split(":")]
    for short in shorts.split()
}
_GENERATIONS = frozenset("jr sr ii iii iv".split())
_PARTICLES = frozenset("al el abu ibn bint ould".split())  # Arabic ones, inside a name


def name_words(name: str) -> list[str]:
    """A normalised name's words, a hyphen splitting them ("kim jong-un" is "kim jong un"),
    without a generation ("jr", "ii") or, after the first word, an Arabic particle ("safi
    al-kasasbeh": "safi kasasbeh", lest "al" agree as a given name with Moaz al-Kasasbeh's, or
    "abu" make Osman Abu Laban his brother Salah Abu-Laban; "Al Gore" keeps his "al")."""
    words = [w for w in name.replace("-", " ").split() if w not in _GENERATIONS]
    return words[:1] + [w for w in words[1:] if w not in _PARTICLES]


def surname_of(name: str) -> str:
    """The last of ``name_words`` ("joseph r biden jr": "biden"), or the name's last word when
    they are fewer than two: a king's "george iii" has no surname "george"."""
    words = name_words(name)
    return words[-1] if len(words) >= 2 else name.split()[-1]


def last_token(name: str) -> str:
    """The name's last word as written, hyphen kept, a generation after it left out: the form
    a lone surname repeats ("zehaf-bibeau" of "michael zehaf-bibeau"; "dodd-frank" is not the
    "frank" of "thomas frank")."""
    words = name.split()
    while len(words) > 1 and words[-1] in _GENERATIONS:
        words.pop()
    return words[-1]


def may_be_same_person(name: str, other: str) -> bool:
    """Whether two people's normalised full names may name one person: the same surname and
    given names that agree ("joseph r biden jr" ~ "joe biden", "george w bush" ~ "george bush";
    not "jeb bush" ~ "george w bush", nor "martin taylor" ~ "taylor swift"). A one-word name
    may be anyone's. A generation told apart is another person: "donald trump jr" is not
    "donald trump", nor "duncan hunter sr" "duncan hunter"."""
    a, b = name_words(name), name_words(other)
    if len(a) < 2 or len(b) < 2:
        return len(a) != len(b) or a == b  # not "bush ii" and "abdullah ii"
    if a == b and _GENERATIONS.intersection(name.split()) != _GENERATIONS.intersection(other.split()):
        return False  # father and son share every other word of the name
    if a[-1] != b[-1]:
        return False
    if min(len(a[0]), len(b[0])) == 1 and a[0][0] == b[0][0] or _given_names_agree(a[0], b[0]):
        # "j smith" for "john smith"; middle names, where both have them, agree by their initials
        # ("george w bush" is not "george h w bush")
        middles_a, middles_b = {w[0] for w in a[1:-1]}, {w[0] for w in b[1:-1]}
        return not (middles_a and middles_b and middles_a != middles_b)
    # any given name of one agrees with one of the other's: a headline's word in front
    # ("hammering hillary clinton") or a middle name ("hillary rodham clinton") does not count
    given_a, given_b = [w for w in a[:-1] if len(w) > 1], [w for w in b[:-1] if len(w) > 1]
    return any(_given_names_agree(x, y) for x in given_a for y in given_b)


def _given_names_agree(x: str, y: str) -> bool:
    if x == y:
        return True
    if _of_two_sexes(x, y):
        return False  # "paula" is not "paul", nor "louise" "louis": a couple shares the surname
    if min(len(x), len(y)) >= 3 and (x.startswith(y) or y.startswith(x)):
        return True  # "chris" for "christopher"
    return (x, y) in _SHORT_FORMS or (y, x) in _SHORT_FORMS or _spelt_apart(x, y) or _mistyped(x, y)


def _of_two_sexes(x: str, y: str) -> bool:
    """One a woman's given name and the other a man's (the lexicon's lists of both)."""
    return x in FEMALE_NAMES and y in MALE_NAMES or x in MALE_NAMES and y in FEMALE_NAMES


_VOWELS = frozenset("aeiouy")
SPELLING_VARIANT_LETTERS = 6  # the shorter name has at least this many letters


def _spelt_apart(x: str, y: str) -> bool:
    """One name spelt two ways by one letter that doubles its neighbour or stands beside another
    vowel: "wilfried" and "wilfred", "mohammed" and "mohamed", "phillip" and "philip"; never
    a letter that changes the name ("andrea" and "andreas", "louis" and "louise")."""
    short, long = sorted((x, y), key=len)
    if len(long) != len(short) + 1 or len(short) < SPELLING_VARIANT_LETTERS:
        return False
    at = next((i for i, (a, b) in enumerate(zip(short, long, strict=False)) if a != b), len(short))
    if long[:at] + long[at + 1 :] != short:
        return False
    letter, around = long[at], long[max(0, at - 1) : at] + long[at + 1 : at + 2]
    return letter in around or letter in _VOWELS and any(c in _VOWELS for c in around)


MISTYPED_LETTERS = 5  # the shortest given name read as another's typo


def _mistyped(x: str, y: str) -> bool:
    """A given name no list knows, one key away from one it knows: "donand" for "donald" (a
    letter struck for another, or two swapped), never the first letter and never two names
    both known ("joan" and "john", "karin" and "karen")."""
    if len(x) != len(y) or len(x) < MISTYPED_LETTERS or x[0] != y[0]:
        return False
    known = GIVEN_NAMES | census_given_names()
    if (x in known) == (y in known):
        return False
    apart = [i for i, (a, b) in enumerate(zip(x, y, strict=True)) if a != b]
    swapped = len(apart) == 2 and apart[1] == apart[0] + 1 and x[apart[0]] == y[apart[1]] and x[apart[1]] == y[apart[0]]
    return len(apart) == 1 or swapped
