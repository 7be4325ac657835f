"""The bounds of domain/limits.py: what a typed touch, an imported record and a stored entry may hold."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from footprint.domain import limits
from footprint.errors import BadInput
from footprint.importers import IMPORTERS, Touch

SOURCES = limits.import_sources(i.name for i in IMPORTERS)
AT = datetime(2026, 11, 21, 8, 0, tzinfo=timezone(timedelta(hours=1)))


@pytest.mark.parametrize(
    "count", [0, -1, limits.MAX_COUNT + 1, 2**70, 10**5000, True, 2.0, float("nan")], ids=lambda v: type(v).__name__
)
def test_a_typed_count_outside_1_to_max_is_refused_with_a_short_message(count) -> None:
    with pytest.raises(BadInput) as exc:
        limits.check_count(count)
    assert exc.value.message.startswith("the count must be") and len(exc.value.message) < 100


@pytest.mark.parametrize("count", [1, 3, limits.MAX_COUNT])
def test_a_typed_count_within_bounds_passes(count) -> None:
    limits.check_count(count)


@pytest.mark.parametrize(
    ("minutes", "echo"),
    [(float("nan"), "nan"), (float("inf"), "inf"), (float("-inf"), "-inf"), (1e308, "1e+308"), (-0.5, "-0.5"),
     (1441, "1441"), (2**70, "a number over 10^15")],
)  # fmt: skip
def test_typed_minutes_must_be_a_number_from_0_to_1440(minutes, echo) -> None:
    with pytest.raises(BadInput) as exc:
        limits.check_minutes(minutes)
    assert exc.value.message == f"minutes must be between 0 and 1440, not {echo}"


def test_typed_minutes_within_a_day_pass() -> None:
    limits.check_minutes(0)
    limits.check_minutes(1440.0)


def test_a_note_and_a_reason_are_bounded() -> None:
    limits.check_note("x" * limits.MAX_NOTE)
    with pytest.raises(BadInput) as exc:
        limits.check_note("x" * (limits.MAX_NOTE + 1))
    assert exc.value.message == "the note is too long (501 characters, at most 500)"
    limits.check_reason("chosen")
    with pytest.raises(BadInput) as exc:
        limits.check_reason("because\n" * 100)
    assert "\n" not in exc.value.message and len(exc.value.message) < 120


def touch(**changes) -> Touch:
    fields = {"at": AT, "touchpoint": "smartphone", "day": date(2026, 11, 21), "source": "cli", **changes}
    return Touch(**fields)


@pytest.mark.parametrize(
    ("changes", "kind"),
    [
        ({"minutes": float("inf")}, "minutes out of range"),
        ({"minutes": float("nan")}, "minutes out of range"),
        ({"minutes": -1.0}, "minutes out of range"),
        ({"minutes": 1e308, "source": "import:activitywatch"}, "minutes out of range"),
        ({"count": 2**70}, "count out of range"),
        ({"count": -1}, "count out of range"),
        ({"count": 1.5}, "count out of range"),
        ({"count": True}, "count out of range"),
        ({"at": datetime(1, 1, 2, 8, tzinfo=UTC), "day": date(1, 1, 2)}, "date outside 1970–2100"),
        (
            {"at": datetime(9999, 12, 31, 23, tzinfo=timezone(timedelta(hours=-5))), "day": None},
            "date outside 1970–2100",
        ),
        ({"day": date(1969, 12, 31), "at": datetime(1970, 1, 1, 0, 30, tzinfo=UTC)}, "date outside 1970–2100"),
        ({"day": date(2026, 11, 23)}, "day that contradicts its time"),
        ({"day": date(2025, 11, 21)}, "day that contradicts its time"),
        ({"note": "x" * 2_000_000}, "note over 500 characters"),
        ({"reason": "boredom"}, "unknown reason"),
        ({"source": "evil"}, "unknown source"),
        ({"source": "import:nowhere"}, "unknown source"),
        ({"source_ref": "r" * 301, "source": "import:twitter"}, "reference over 300 characters"),
        ({"count": limits.MAX_COUNT + 1}, "typed touch out of range"),
        ({"minutes": 1500.0, "source": "tui"}, "typed touch out of range"),
    ],
)
def test_the_import_gate_names_what_is_wrong_with_a_record(changes, kind) -> None:
    refused = limits.check_touch(touch(**changes), SOURCES)
    assert refused is not None and str(refused[0]) == kind
    assert len(refused[1]) <= 60  # where: a short reference or the instant, never the content


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"count": 0, "minutes": 30.0},  # minutes only
        {"day": date(2026, 11, 20)},  # an aggregate whose first instant is in another zone: a day apart
        {"day": date(2026, 11, 22)},
        {"count": 250_000, "minutes": 1500.0, "source": "import:activitywatch"},  # a day's aggregate
        {"count": 40, "group": "Search", "day": None, "source": None},  # an importer's own record
        {"note": "x" * 500, "reason": "unavoidable", "source": "demo", "source_ref": "demo:2026-11-21:smartphone"},
    ],
)
def test_the_import_gate_lets_real_records_through(changes) -> None:
    assert limits.check_touch(touch(**changes), SOURCES) is None


def test_the_known_sources_are_footprints_own_and_one_per_importer() -> None:
    assert {"cli", "tui", "demo", "import:footprint-json", "import:csv", "import:google-takeout"} <= SOURCES
    assert "import" not in SOURCES and "import:" not in SOURCES


def test_a_stored_value_that_cannot_be_shown_is_named() -> None:
    assert limits.stored_problem(1, None) is None and limits.stored_problem(3_000_000, 20_000.0) is None
    assert str(limits.stored_problem(1, float("inf"))) == "minutes"
    assert str(limits.stored_problem(1, float("nan"))) == "minutes"
    assert str(limits.stored_problem(1, "12")) == "minutes"
    assert str(limits.stored_problem(1.5, None)) == "a count"
    assert str(limits.stored_problem(-2, None)) == "a count"


def test_shown_keeps_any_value_short_and_on_one_line() -> None:
    assert limits.shown(10**5000) == "a number over 10^15"
    assert limits.shown(float("inf")) == "inf" and limits.shown(2.5) == "2.5" and limits.shown(12) == "12"
    text = limits.shown("line\n" * 1000)
    assert "\n" not in text and len(text) <= 40


def test_the_year_bounds_of_typed_dates_are_the_same() -> None:
    from footprint.domain import when

    assert (when.FIRST_YEAR, when.LAST_YEAR) == (limits.FIRST_YEAR, limits.LAST_YEAR) == (1970, 2100)


def test_a_group_of_cards_at_the_bounds_still_adds_up_to_finite_figures() -> None:
    import math

    from footprint.domain.group import parse_card, summarize

    def raw(n: int) -> dict:
        return {
            "format": "footprint-challenge-card", "version": 1, "card_id": f"{n:032x}", "pseudonym": f"p{n}",
            "challenge": "day-without-big-data", "lang": "en", "status": "finished", "started_on": "2026-11-21",
            "hours": limits.MAX_CARD_HOURS, "usual": ["smartphone"], "removed": [],
            "touched": {"smartphone": limits.MAX_CARD_TOUCHES}, "unavoidable": [],
            "captures": {"run": limits.MAX_CARD_CAPTURES, "baseline": limits.MAX_CARD_CAPTURES,
                         "baseline_days": limits.MAX_CARD_DAYS, "baseline_wanted": limits.MAX_CARD_DAYS},
        }  # fmt: skip

    summary = summarize([parse_card(raw(n), f"p{n}.json") for n in range(1000)], min_group=5)
    assert summary.run_mean == limits.MAX_CARD_CAPTURES and math.isfinite(summary.baseline_mean or math.inf)
