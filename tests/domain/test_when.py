from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from footprint.domain.when import parse_day, parse_when
from footprint.errors import BadInput

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 11, 22, 9, 30, tzinfo=PARIS)  # a Sunday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("now", "2026-11-22T09:30:00+01:00"),
        ("maintenant", "2026-11-22T09:30:00+01:00"),
        ("08:10", "2026-11-22T08:10:00+01:00"),
        ("8h", "2026-11-22T08:00:00+01:00"),
        ("18h30", "2026-11-22T18:30:00+01:00"),
        ("6pm", "2026-11-22T18:00:00+01:00"),
        ("yesterday 18:00", "2026-11-21T18:00:00+01:00"),
        ("hier 18h", "2026-11-21T18:00:00+01:00"),
        ("Hier", "2026-11-21T12:00:00+01:00"),
        ("avant-hier", "2026-11-20T12:00:00+01:00"),
        ("aujourd’hui 7h30", "2026-11-22T07:30:00+01:00"),
        ("-2d", "2026-11-20T09:30:00+01:00"),
        ("-3h", "2026-11-22T06:30:00+01:00"),
        ("-1w", "2026-11-15T09:30:00+01:00"),
        ("lundi 8h", "2026-11-16T08:00:00+01:00"),
        ("sunday", "2026-11-15T12:00:00+01:00"),
        ("2026-11-20", "2026-11-20T12:00:00+01:00"),
        ("2026-11-20T08:10", "2026-11-20T08:10:00+01:00"),
        ("2026-06-20T08:10:00Z", "2026-06-20T10:10:00+02:00"),
        ("20/11/2026 18:00", "2026-11-20T18:00:00+01:00"),
        ("5 mars 2024", "2024-03-05T12:00:00+01:00"),
    ],
)
def test_reads_what_people_type(text: str, expected: str) -> None:
    assert parse_when(text, NOW).isoformat() == expected


def test_summer_dates_get_the_summer_offset() -> None:
    assert parse_when("2026-07-14 08:00", NOW).isoformat() == "2026-07-14T08:00:00+02:00"


@pytest.mark.parametrize("text", ["", "bogus", "25:00", "hier 99h", "yesterday at noonish", "2026-13-40"])
def test_unreadable_dates_are_bad_input(text: str) -> None:
    with pytest.raises(BadInput):
        parse_when(text, NOW)


def test_parse_day() -> None:
    assert parse_day("hier", NOW).isoformat() == "2026-11-21"
    assert parse_day("20/11", NOW).isoformat() == "2026-11-20"


@pytest.mark.parametrize("text", ["2026-13-01", "2026-02-30", "2026-02-30 10:00", "2026-0-12"])
def test_a_day_written_year_first_that_is_not_on_the_calendar_is_refused(text: str) -> None:
    # dateutil, reading day first, made 2026-13-01 the 13th of January: a silent wrong day.
    with pytest.raises(BadInput, match="is not a day of the calendar"):
        parse_when(text, NOW)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2026-2-3", datetime(2026, 2, 3, 12, 0)), ("2026-2-3 10:00", datetime(2026, 2, 3, 10, 0)),
     ("2026-2-3T18h30", datetime(2026, 2, 3, 18, 30))],
)
def test_a_day_written_year_first_without_zeros_is_year_month_day(text: str, expected: datetime) -> None:
    assert parse_when(text, NOW).replace(tzinfo=None) == expected
