"""The bounds on every number, date and text footprint lets into a journal, in one place, each with its reason.

Every door checks with these: typed touches (``footprint log``/``edit`` and the TUI's forms, through the
service's ``check_entry``), the records of every importer (one gate in ``services/imports.py``), the user's
catalog files, challenge cards read by ``group summarize``, scores, and migration 005, which repairs journals
written before these bounds existed. Finite is not enough: ``1e308`` is finite and two of them overflow a
sum to ``inf``, and an integer past 2**63 does not fit an SQLite column. So every bound is far above what a
real day or a real export holds, and far below where arithmetic breaks (sums of a century of them stay
finite and exact).

=========================  =============  ==================================================================
bound                      value          why
=========================  =============  ==================================================================
FIRST_YEAR, LAST_YEAR      1970, 2100     a journal's instants; outside them a date is a typo, not a touch
                                          (and one entry dated year 1 makes ``--from all`` cover 2,000 years)
MAX_COUNT                  86,400         a typed touch: one a second for a whole day
MAX_MINUTES                1,440          a typed touch lasts at most the day it is logged on
MAX_NOTE                   500            characters of a private note
MAX_IMPORTED_COUNT         1,000,000      one imported record is at most a day's aggregate (11 a second all
                                          day); the busiest real exports (search and YouTube history,
                                          ActivityWatch unlocks, a load curve's 48 readings) stay in thousands
MAX_IMPORTED_MINUTES       14,400         ten devices in use all day: ActivityWatch gives at most one day
                                          (1,500 min on a DST day) per host, a hand-kept CSV may overlap
MAX_REFERENCE              300            characters of an import's stable reference (group, day, touchpoint)
MAX_ESTIMATE               1,000,000      captures per use, per minute or per day in a catalog entry; the
                                          shipped catalog's largest is 150
MAX_SCORE                  1e15           a score's magnitude: no follower or view count comes near, and
                                          below it a float still holds every whole number
MAX_CARD_CAPTURES          1e15           a card's captures for one run
MAX_CARD_TOUCHES           1e12           touches of one touchpoint during one run
MAX_CARD_HOURS, _DAYS      1,150,000 h,   the length of a run and of its baseline: at most 1970–2100
                           48,000 d
=========================  =============  ==================================================================

Imported counts may be 0 (a record that carries minutes only); typed counts start at 1. The functions return
a message (or an import issue's kind) instead of raising, so each door words its refusal its own way: the
service raises ``BadInput``, the import reports an issue, the catalog names its file, entry and field.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from ..errors import BadInput
from ..i18n import N_, Message, _, say
from .journal import REASONS

if TYPE_CHECKING:  # a Protocol class costs a tenth of a millisecond at import, on every ``footprint log``
    from typing import Protocol

    class TouchLike(Protocol):
        """What the gate reads of an importer's ``Touch`` (importers sit above the domain: no import here)."""

        at: datetime
        count: int
        minutes: float | None
        source_ref: str | None
        group: str | None
        day: date | None
        note: str | None
        reason: str | None
        source: str | None


FIRST_YEAR, LAST_YEAR = 1970, 2100
FIRST_DAY, LAST_DAY = date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31)
MAX_COUNT = 86_400
MAX_MINUTES = 24 * 60
MAX_NOTE = 500
MAX_IMPORTED_COUNT = 1_000_000
MAX_IMPORTED_MINUTES = 10 * 24 * 60
MAX_REFERENCE = 300
MAX_ESTIMATE = 1_000_000
MAX_SCORE = 1e15
MAX_CARD_CAPTURES = 1e15
MAX_CARD_TOUCHES = 10**12
MAX_CARD_HOURS = 1_150_000
MAX_CARD_DAYS = 48_000

TYPED_SOURCES = ("cli", "tui", "demo")  # footprint's own; imports add "import:<format>"


def number(value: Any) -> bool:
    """A real int or float (not a bool, not a numeric string)."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def within(value: Any, low: float, high: float) -> bool:
    """A number from ``low`` to ``high``: NaN, infinities and huge integers are not (comparisons with NaN
    are false, and Python compares big ints with floats exactly)."""
    return number(value) and low <= value <= high


def whole_within(value: Any, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def shown(value: Any) -> str:
    """A number fit to echo in a one-line message, however large: ``inf``, ``nan``, ``2.5``, ``1e+308``…"""
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value) if abs(value) < 10**15 else _("a number over 10^15")
    # One line of printable text: a control character (an escape sequence pasted in) is shown escaped.
    text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in " ".join(str(value).split()))
    return text if len(text) <= 40 else text[:39] + "…"


def in_years(day: date | datetime) -> bool:
    return FIRST_YEAR <= day.year <= LAST_YEAR


# --- typed touches (the CLI and the TUI) ------------------------------------------------------------


def check_count(count: Any) -> None:
    if not isinstance(count, int) or isinstance(count, bool):
        raise BadInput(N_("the count must be a whole number, not {count}"), count=shown(count))
    if count < 1:
        raise BadInput(N_("the count must be 1 or more, not {count}"), count=shown(count))
    if count > MAX_COUNT:
        raise BadInput(
            N_("the count must be at most {max} (one a second for a day), not {count}"),
            max=MAX_COUNT,
            count=shown(count),
        )


def check_minutes(minutes: Any) -> None:
    if not within(minutes, 0, MAX_MINUTES):
        raise BadInput(
            N_("minutes must be between 0 and {max}, not {minutes}"), max=MAX_MINUTES, minutes=shown(minutes)
        )


def check_note(note: str) -> None:
    if len(note) > MAX_NOTE:
        raise BadInput(N_("the note is too long ({length} characters, at most {max})"), length=len(note), max=MAX_NOTE)


def check_reason(reason: str) -> None:
    if reason not in REASONS:
        raise BadInput(
            N_("unknown reason '{reason}': use one of {reasons}"), reason=shown(reason), reasons=", ".join(REASONS)
        )


# --- imported records: the one gate -----------------------------------------------------------------


def import_sources(formats: Collection[str]) -> frozenset[str]:
    """The sources an imported entry may carry: footprint's own, and ``import:<format>`` of each importer."""
    return frozenset((*TYPED_SOURCES, *(f"import:{name}" for name in formats)))


def check_touch(touch: TouchLike, sources: Collection[str]) -> tuple[Message, str] | None:
    """Why an imported record must not become an entry, as an import issue ``(kind, where)``, or None.

    Every importer's records pass here: counts and minutes in range (NaN and infinities are not), instants
    from 1970 to 2100. A record from footprint's own export also carries a day, a note, a reason and a
    source: the day must be within one day of the date its instant carries (footprint writes the day as the
    date in the journal's zone and the instant with that zone's offset, so the two agree exactly for a
    typed touch; an imported aggregate keeps its first instant as the export gave it, often in UTC, which
    moves its date by at most one day; further apart is a contradiction, not a time zone), the note at most
    ``MAX_NOTE`` characters, the source one of ``sources``, and a typed source the bounds of a typed touch.

    It runs once per record of exports of millions: the common case (an importer's aggregate with sane
    numbers) is one expression, and everything else goes to ``_refusal``.
    """
    count, minutes = touch.count, touch.minutes
    if (
        touch.group is not None
        and type(count) is int
        and 0 <= count <= MAX_IMPORTED_COUNT
        and (minutes is None or (type(minutes) is float and 0.0 <= minutes <= MAX_IMPORTED_MINUTES))
        and FIRST_YEAR <= touch.at.year <= LAST_YEAR
    ):
        return None
    kind = _refusal(touch, sources)
    if kind is None:
        return None
    ref = touch.source_ref
    return kind, ref if ref and len(ref) <= 60 else touch.at.isoformat(timespec="minutes")


# The kinds of refusal, as an import summary names them ("3 × count out of range (first at …)").
_COUNT_OUT = say("count out of range")
_MINUTES_OUT = say("minutes out of range")
_DATE_OUT = say("date outside {first}–{last}", first=FIRST_YEAR, last=LAST_YEAR)
_DAY_CONTRADICTS = say("day that contradicts its time")
_NOTE_LONG = say("note over {max} characters", max=MAX_NOTE)
_UNKNOWN_REASON = say("unknown reason")
_REFERENCE_LONG = say("reference over {max} characters", max=MAX_REFERENCE)
_UNKNOWN_SOURCE = say("unknown source")
_TYPED_OUT = say("typed touch out of range")


def _refusal(touch: TouchLike, sources: Collection[str]) -> Message | None:
    count, minutes = touch.count, touch.minutes
    if type(count) is not int or not 0 <= count <= MAX_IMPORTED_COUNT:
        return _COUNT_OUT
    if minutes is not None and not within(minutes, 0.0, MAX_IMPORTED_MINUTES):
        return _MINUTES_OUT
    if not FIRST_YEAR <= touch.at.year <= LAST_YEAR:
        return _DATE_OUT
    return None if touch.group is not None else _own_fields(touch, sources)


def _own_fields(touch: TouchLike, sources: Collection[str]) -> Message | None:
    """The fields only footprint's own export carries (see ``check_touch``)."""
    day, source, ref = touch.day, touch.source, touch.source_ref
    if day is not None:
        if not in_years(day):
            return _DATE_OUT
        if abs((day - touch.at.date()).days) > 1:
            return _DAY_CONTRADICTS
    if touch.note is not None and len(touch.note) > MAX_NOTE:
        return _NOTE_LONG
    if touch.reason is not None and touch.reason not in REASONS:
        return _UNKNOWN_REASON
    if ref is not None and len(ref) > MAX_REFERENCE:
        return _REFERENCE_LONG
    if source is not None:
        if source not in sources:
            return _UNKNOWN_SOURCE
        if source in TYPED_SOURCES and (
            touch.count > MAX_COUNT or (touch.minutes is not None and touch.minutes > MAX_MINUTES)
        ):
            return _TYPED_OUT
    return None


# --- values read back from a journal ----------------------------------------------------------------


def stored_problem(count: Any, minutes: Any) -> Message | None:
    """Which of a stored entry's numbers cannot be shown or written as JSON (NaN, an infinity, a negative
    or non-whole count: a journal changed outside footprint after migration 005 repaired it), or None.
    Looser than the import bounds on purpose: a day aggregated from millions of records is still a day."""
    if type(count) is not int or count < 0:
        return say("a count")
    if minutes is not None and not (number(minutes) and 0.0 <= minutes < _INFINITY):
        return say("minutes")
    return None


_INFINITY = float("inf")
