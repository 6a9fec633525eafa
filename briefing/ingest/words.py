"""Small word lists the cleaning rules rely on; kept apart so the rules read as rules."""

from __future__ import annotations

# "left-" at a PDF line end followed by one of these stays hyphenated: they form compounds far
# more often than they are the first syllables of a split word
COMPOUND_FIRST_PARTS = frozenset(
    """
    all anti cross decision ex far full half high long low mid multi near non north south east
    west one two three four five six seven eight nine ten hundred thousand million billion self
    semi short so state well year month week day first second third part post fact cost
    government policy energy middle upper lower left right old new open close free
    """.split()
)
COMPOUND_SECOND_PARTS = frozenset(
    """
    old term based led run owned made known level scale wide free like style related backed
    funded linked driven making run-up up down off out in over term year month week day time
    hand minded friendly oriented specific wise long born elected designate general
    """.split()
)

# A capitalised word glued to the end of a lowercase word ("outageThe") is split off only when
# it is one of these: words that begin sentences but never end a legitimate camel-case name.
SENTENCE_STARTERS = frozenset(
    """
    The A An In On He She It They We But And This That These Those There Their Our According
    However Meanwhile Officials Authorities Police Residents Some Many Most After Before When
    While Although Despite During Since Until Last Earlier Later Today Yesterday Both Neither
    """.split()
)
