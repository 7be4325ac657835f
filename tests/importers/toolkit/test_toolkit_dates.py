"""The date readers, the month names and the one plausibility window, which ends at the context's now."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from footprint.importers import ImportContext
from footprint.importers.toolkit import (
    Window,
    clock,
    iso_instant,
    local,
    month,
    named_day,
    numeric_day,
    unix_instant,
)

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 12, 1, 21, 0, tzinfo=UTC)


def test_the_window_ends_a_day_after_the_contexts_now() -> None:
    window = ImportContext({}, PARIS, now=NOW).window()
    assert window.holds(NOW + timedelta(hours=23))
    assert not window.holds(NOW + timedelta(days=1, seconds=1))
    assert window.holds(date(2026, 12, 2)) and not window.holds(date(2026, 12, 3))
    assert not window.holds(datetime(1969, 12, 31, tzinfo=UTC))


def test_a_service_founding_narrows_the_window() -> None:
    founded = datetime(2006, 3, 21, tzinfo=UTC)
    window = ImportContext({}, PARIS, now=NOW).window(founded)
    assert window.check(datetime(2006, 3, 20, tzinfo=UTC)) is None
    assert window.check(founded) == founded


def test_without_a_now_the_window_ends_with_the_journals_years() -> None:
    window = ImportContext({}, PARIS).window()
    assert window == Window()
    assert window.holds(datetime(2100, 6, 1, tzinfo=UTC)) and not window.holds(datetime(2101, 1, 1, tzinfo=UTC))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-05T08:41:12.123Z", datetime(2024, 3, 5, 8, 41, 12, 123000, tzinfo=UTC)),
        ("2024-03-05T08:41:12.123456+00:00", datetime(2024, 3, 5, 8, 41, 12, 123456, tzinfo=UTC)),
        ("2024-03-05 16:41:18 UTC", datetime(2024, 3, 5, 16, 41, 18, tzinfo=UTC)),
        ("2024-03-05T08:41", datetime(2024, 3, 5, 8, 41, tzinfo=PARIS)),  # naive: the zone given
        ("2024-03-05", None),  # a day is not an instant
        ("0001-01-01T00:00:00Z", None),
        ("yesterday at noon", None),
        (None, None),
    ],
)
def test_iso_instant(text, expected) -> None:
    assert iso_instant(text, PARIS) == expected


def test_unix_instant() -> None:
    assert unix_instant(1709628072) == datetime(2024, 3, 5, 8, 41, 12, tzinfo=UTC)
    assert unix_instant("1709628072") == unix_instant(1709628072.0)
    assert unix_instant(1709628072000, ms=True) == unix_instant(1709628072)
    assert unix_instant(True) is None and unix_instant(float("nan")) is None and unix_instant(-1) is None
    assert unix_instant(10**15) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("05/03/2024", date(2024, 3, 5)),
        ("5.3.24", date(2024, 3, 5)),
        ("05-03-2024 08:00", date(2024, 3, 5)),
        ("2024-03-05", date(2024, 3, 5)),
        ("31/02/2024", None),
        ("05/03/20245", None),
        ("le 5 mars", None),
    ],
)
def test_numeric_day(text, expected) -> None:
    assert numeric_day(text) == expected


def test_numeric_day_month_first() -> None:
    assert numeric_day("03/05/2024", month_first=True) == date(2024, 3, 5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("08:41", time(8, 41)),
        ("8:41:12", time(8, 41, 12)),
        ("18h30", time(18, 30)),
        ("18h", time(18)),
        ("8:41 PM", time(20, 41)),
        ("12:05 a.m.", time(0, 5)),
        ("13:00 PM", None),
        ("25:00", None),
        ("1830", None),
    ],
)
def test_clock(text, expected) -> None:
    assert clock(text) == expected


@pytest.mark.parametrize(
    ("word", "number"),
    [("janv.", 1), ("Févr", 2), ("fevr", 2), ("MÄRZ", 3), ("Mrz", 3), ("mai", 5), ("août", 8), ("Sept.", 9),
     ("sept", 9), ("okt", 10), ("déc.", 12), ("Dez", 12), ("dic", 12), ("Jänner", 1), ("mei", 5), ("nope", None)],
)
def test_month_names(word: str, number: int | None) -> None:
    assert month(word) == number


@pytest.mark.parametrize(
    "text", ["Mar 5, 2024, 8:41:12 AM CET", "5 mars 2024, 08:41", "5. März 2024", "5 Mar 2024", "March 5th, 2024"]
)
def test_named_day(text: str) -> None:
    found = named_day(text)
    assert found is not None and found[0] == date(2024, 3, 5)


def test_a_day_without_a_time_is_noon_in_the_zone() -> None:
    assert local(date(2024, 7, 1), None, PARIS) == datetime(2024, 7, 1, 12, tzinfo=PARIS)
