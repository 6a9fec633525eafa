"""The timeline's arithmetic, without Qt: which span of days to fit (the dense part, so that one
2015 source does not squash 2019-2026), and the axis ticks for a zoom level (days, weeks, months
or years, as many as fit without their labels touching)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
OUTLIER_SHARE = 0.02  # at most this share of the sources at each end is left outside the fit
MIN_GAP_DAYS = 30  # ... and only when a gap this long (and a quarter of the rest's span) parts them
# most of the sources in a short stretch of a long span (18 of 25 in four days of two years) are
# fitted to that stretch when it would have under CROWDED of the width, the rest behind the buttons
CORE_SHARE, CROWDED = 0.6, 1 / 10
CORE_PAD_DAYS = 7  # the fit of a crowded stretch takes in the sources this near it as well
# the axis steps, finest first: (unit, how many, the shortest such step in days)
STEPS = (
    ("weekday", 1, 1),
    ("day", 1, 1),
    ("day", 2, 2),
    ("week", 1, 7),
    ("month", 1, 28),
    ("month", 3, 90),
    ("month", 6, 181),
    ("year", 1, 365),
    ("year", 2, 730),
    ("year", 5, 1826),
    ("year", 10, 3652),
    ("year", 25, 9131),
    ("year", 50, 18262),
    ("year", 100, 36524),
)
LABEL_GAP = 10.0  # pixels between two labels of the axis at the least


@dataclass(frozen=True)
class Tick:
    day: float  # date ordinal: the tick is at the start of that day
    label: str


@dataclass(frozen=True)
class Axis:
    unit: str  # "weekday", "day", "week", "month" or "year"
    minor: list[Tick]  # each step, labelled with what changes from one to the next
    major: list[Tick]  # the larger period the minor labels belong to ("March 2026", "2026")


def dense_range(days: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """The first and last day (ordinals) of the bulk of ``days`` (sorted (ordinal, sources)
    pairs): up to OUTLIER_SHARE of the sources at each end (at least one) are left out when a long
    gap parts them from the rest; evenly spread dates are all kept."""
    if not days:
        raise ValueError("no days to fit")
    budget = max(1, int(sum(n for _, n in days) * OUTLIER_SHARE))
    first = _trimmed(list(days), budget)
    last = _trimmed([(-d, n) for d, n in reversed(days)], budget)
    kept = list(days[first : len(days) - last]) or list(days)
    return _crowded(kept) or (kept[0][0], kept[-1][0])


def _crowded(days: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The short stretch of ``days`` holding CORE_SHARE of their sources, with the days within
    CORE_PAD_DAYS (or its own length) of it, when it is under CROWDED of their whole span: fitted
    to the whole, 18 sources of four days shared one column at the edge of two years. None when
    the sources are spread enough to fit them all."""
    total, need = days[-1][0] - days[0][0] + 1, sum(n for _, n in days) * CORE_SHARE
    best: tuple[int, int] | None = None
    held, start = 0, 0
    for day, count in days:
        held += count
        while held - days[start][1] >= need:
            held -= days[start][1]
            start += 1
        if held >= need and (best is None or day - days[start][0] < best[1] - best[0]):
            best = (days[start][0], day)
    if best is None or (best[1] - best[0] + 1) >= total * CROWDED:
        return None
    reach = max(CORE_PAD_DAYS, best[1] - best[0] + 1)
    near = [d for d, _ in days if best[0] - reach <= d <= best[1] + reach]
    return near[0], near[-1]


def _trimmed(days: list[tuple[int, int]], budget: int) -> int:
    """How many of the first ``days`` are outliers."""
    cut, dropped = 0, 0
    for j in range(1, len(days)):
        dropped += days[j - 1][1]
        if dropped > budget:
            break
        gap, rest = days[j][0] - days[j - 1][0], days[-1][0] - days[j][0]
        if gap >= MIN_GAP_DAYS and gap > rest / 4:
            cut = j
    return cut


def axis_ticks(first: float, last: float, pixels_per_day: float, text_width: Callable[[str], float]) -> Axis:
    """Ticks from day ``first`` to ``last`` (ordinals) at the finest step whose labels fit."""
    fits = (s for s in STEPS if s[2] * pixels_per_day >= _widest(s[0], text_width) + LABEL_GAP)
    unit, count, days = next(fits, STEPS[-1])
    start = date.fromordinal(max(1, int(first) - days))
    end = date.fromordinal(min(date.max.toordinal(), int(last) + days + 1))
    minor = [Tick(d.toordinal(), _label(unit, d)) for d in _steps(unit, count, start, end)]
    return Axis(unit, minor, _major(unit, start, end))


def _widest(unit: str, text_width: Callable[[str], float]) -> float:
    samples = {
        "weekday": ["Wed 28"],
        "day": ["28"],
        "week": ["28 May", "30 Sep"],
        "month": list(MONTHS),
        "year": ["2026"],
    }[unit]
    return max(text_width(s) for s in samples)


def _label(unit: str, day: date) -> str:
    if unit == "weekday":
        return f"{WEEKDAYS[day.weekday()]} {day.day}"
    if unit == "day":
        return str(day.day)
    if unit == "week":
        return f"{day.day} {MONTHS[day.month - 1]}"
    return MONTHS[day.month - 1] if unit == "month" else str(day.year)


def _steps(unit: str, count: int, start: date, end: date) -> list[date]:
    if unit in ("day", "weekday"):
        first = start.toordinal() + (-start.toordinal()) % count
        return [date.fromordinal(o) for o in range(first, end.toordinal() + 1, count)]
    if unit == "week":
        monday = start + timedelta(days=(7 - start.weekday()) % 7)
        return [monday + timedelta(weeks=i) for i in range((end - monday).days // 7 + 1)]
    if unit == "month":
        months = range(start.year * 12 + start.month - 1, end.year * 12 + end.month)
        firsts = [date(m // 12, m % 12 + 1, 1) for m in months if (m % 12) % count == 0]
        return [d for d in firsts if d >= start]
    return [date(y, 1, 1) for y in range(start.year, end.year + 1) if y % count == 0 and date(y, 1, 1) >= start]


def _major(unit: str, start: date, end: date) -> list[Tick]:
    """Month starts under day ticks, year starts under week and month ticks; none under years."""
    if unit in ("day", "weekday"):
        return [Tick(d.toordinal(), f"{MONTH_NAMES[d.month - 1]} {d.year}") for d in _steps("month", 1, start, end)]
    if unit in ("week", "month"):
        return [Tick(d.toordinal(), str(d.year)) for d in _steps("year", 1, start, end)]
    return []


def period_label(unit: str, day: float) -> str:
    """The major label of the period holding ``day`` (shown at the left edge of the axis)."""
    d = date.fromordinal(max(1, int(day)))
    if unit in ("day", "weekday"):
        return f"{MONTH_NAMES[d.month - 1]} {d.year}"
    return str(d.year) if unit in ("week", "month") else ""


def span_label(first: float, last: float) -> str:
    """ "3 Mar – 9 Mar 2026", "Nov 2019 – Feb 2026": the visible span in words."""
    a, b = date.fromordinal(max(1, int(first))), date.fromordinal(max(1, int(last)))
    if (b - a).days > 120:
        return f"{MONTHS[a.month - 1]} {a.year} – {MONTHS[b.month - 1]} {b.year}"
    left = f"{a.day} {MONTHS[a.month - 1]}" + (f" {a.year}" if a.year != b.year else "")
    return f"{left} – {b.day} {MONTHS[b.month - 1]} {b.year}"
