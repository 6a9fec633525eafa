"""Words, word keys and quantities as the relation reads them (``briefing.nlp.relation``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD = re.compile(r"[a-z0-9]+(?:[.,']\d+)*(?:n't)?|n't", re.IGNORECASE)
STOP = frozenset(
    """
a an the and or but of to in on at for from by with as is are was were be been being it its this that these
those he she they we you i his her their our your said says say told has have had will would could should
may might do does did not no than then there here which who whom what when where while after before into
over under about also more most other such only own same so very can just has have
""".split()
)
MEASURED = frozenset(("mass", "length", "percent", "$", "£", "€"))  # figures compared across sources
# quantity: a figure, an optional scale word, then the unit
QUANTITY = re.compile(
    r"(?P<cur>[$£€])?\s?(?P<num>\d+(?:[.,]\d+)*)\s?-?\s?"
    r"(?P<scale>thousand|million|billion|trillion|bn|m|k)?\b\s?-?\s?(?P<unit>%|[a-z]+)?",
    re.IGNORECASE,
)
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
# unit word -> (dimension, factor to the dimension's base unit)
UNITS = {
    **dict.fromkeys(("pound", "pounds", "lb", "lbs"), ("mass", 0.45359)),
    **dict.fromkeys(("kg", "kilo", "kilos", "kilogram", "kilograms"), ("mass", 1.0)),
    **dict.fromkeys(("g", "gram", "grams"), ("mass", 0.001)),
    **dict.fromkeys(("ton", "tons", "tonne", "tonnes"), ("mass", 1000.0)),
    **dict.fromkeys(("mile", "miles", "mi"), ("length", 1609.34)),
    **dict.fromkeys(("km", "kilometer", "kilometers", "kilometre", "kilometres"), ("length", 1000.0)),
    **dict.fromkeys(("m", "meter", "meters", "metre", "metres"), ("length", 1.0)),
    **dict.fromkeys(("ft", "foot", "feet"), ("length", 0.3048)),
    **dict.fromkeys(("inch", "inches", "in"), ("length", 0.0254)),
    **dict.fromkeys(("cm", "centimeter", "centimeters", "centimetre", "centimetres"), ("length", 0.01)),
    **dict.fromkeys(("%", "percent", "per"), ("percent", 1.0)),
}
PURITY = frozenset("gold karat carat ct kt".split())  # "18k gold" is a purity
MONTHS = frozenset(
    """
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
""".split()
)
TOLERANCE = 0.06  # figures this close are the same (rounding, conversions)


def number(text: str) -> float:
    return float(text.replace(",", ""))


@dataclass(frozen=True)
class Quantity:
    dimension: str  # mass, length, percent, a currency sign, or the counted noun
    value: float


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text.replace("’", "'"))]


def key(word: str) -> str:
    """A crude lemma for matching a claim's word with a passage's: its first five letters."""
    return word[:5] if word.isalpha() else word


def quantities(text: str) -> list[Quantity]:
    """Figures with their unit; years, dates and purities ("18k gold") are left out."""
    found = []
    for match in QUANTITY.finditer(text):
        number, unit = match["num"], (match["unit"] or "").lower()
        scale, currency = (match["scale"] or "").lower(), match["cur"]
        if _year_or_date(number, unit, text, match.start()) or (scale == "k" and unit in PURITY):
            continue
        try:
            value = float(number.replace(",", ""))
        except ValueError:
            continue
        if scale == "m" and not currency and unit == "":
            scale, unit = "", "m"  # "100 m" is metres unless money
        value *= SCALES.get(scale, 1.0)
        if currency:
            found.append(Quantity(currency, value))
        elif unit in UNITS:
            dimension, factor = UNITS[unit]
            found.append(Quantity(dimension, value * factor))
        elif unit.isalpha() and unit not in STOP and len(unit) > 2:
            found.append(Quantity(key(unit), value))
    return found


def _year_or_date(number: str, unit: str, text: str, at: int) -> bool:
    if len(number) == 4 and number.isdigit() and 1900 <= int(number) <= 2100:
        return True
    before = text[max(0, at - 12) : at].lower().split()
    return unit in MONTHS or bool(before and before[-1].strip(".,") in MONTHS)


def same(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b), 1e-9)
