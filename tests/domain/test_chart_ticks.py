"""Round ticks, calendar buckets, the state of each day, and events named by their own dates."""

from datetime import date

import pytest

from footprint import i18n
from footprint.charts.dates import axis_label, event_dates, needs_year
from footprint.charts.series import Span
from footprint.charts.ticks import aligned_ticks, nice_step, nice_ticks
from footprint.domain.series import (
    Bucket,
    bucket_state,
    calendar_buckets,
    counted,
    day_state,
    mean_over,
)


@pytest.mark.parametrize(
    ("top", "ticks"),
    [
        (999, [0, 200, 400, 600, 800, 1000]),
        (1100, [0, 200, 400, 600, 800, 1000, 1200]),
        (62, [0, 20, 40, 60, 80]),
        (7, [0, 2, 4, 6, 8]),
        (1, [0, 0.2, 0.4, 0.6, 0.8, 1]),
        (0, [0, 0.2, 0.4, 0.6, 0.8, 1]),  # nothing to draw still gets an axis
        (float("nan"), [0, 0.2, 0.4, 0.6, 0.8, 1]),
    ],
)
def test_nice_ticks_are_round_and_reach_the_top(top, ticks) -> None:
    assert nice_ticks(top) == ticks


def test_nice_ticks_with_four_intervals_give_quarters() -> None:
    assert nice_ticks(999, 4) == [0, 250, 500, 750, 1000]  # not 0/250/500/749/999
    assert nice_ticks(1159, 4) == [0, 250, 500, 750, 1000, 1250]  # least room wasted, not 0…1,500


def test_every_step_is_1_2_2_5_or_5_times_a_power_of_ten() -> None:
    for raw in (0.003, 0.7, 3, 13, 26, 74, 180, 333, 4900, 12345):
        step = nice_step(raw)
        mantissa = step / 10 ** __import__("math").floor(__import__("math").log10(step))
        assert step >= raw and round(mantissa, 6) in (1, 2, 2.5, 5, 10)


def test_the_right_axis_sits_on_the_left_axis_gridlines() -> None:
    left = nice_ticks(999, 4)
    right = aligned_ticks(62, len(left) - 1)
    assert right == [0, 20, 40, 60, 80] and len(right) == len(left)
    assert aligned_ticks(100, 4) == [0, 25, 50, 75, 100]


def test_calendar_buckets_pick_days_then_weeks_then_months() -> None:
    kind, bs = calendar_buckets(date(2026, 11, 2), date(2026, 11, 30), 40)
    assert kind == "day" and len(bs) == 29
    kind, bs = calendar_buckets(date(2026, 11, 4), date(2026, 11, 30), 10)
    assert kind == "week" and bs[0] == Bucket(date(2026, 11, 4), date(2026, 11, 8))  # cut to the range, to Sunday
    assert all(b.first.weekday() == 0 for b in bs[1:]) and bs[-1].last == date(2026, 11, 30)
    kind, bs = calendar_buckets(date(2025, 12, 2), date(2026, 12, 1), 30)
    assert kind == "month" and len(bs) == 13 and bs[1] == Bucket(date(2026, 1, 1), date(2026, 1, 31))
    kind, bs = calendar_buckets(date(2000, 1, 1), date(2026, 12, 1), 30)
    assert kind == "year" and bs[0].last == date(2000, 12, 31)


def test_day_states_and_what_a_bucket_averages_over() -> None:
    today = date(2026, 11, 22)
    closed, logged = {date(2026, 11, 16)}, {date(2026, 11, 17), date(2026, 11, 22)}
    states = {date(2026, 11, d): day_state(date(2026, 11, d), today, closed, logged) for d in range(16, 23)}
    assert [states[date(2026, 11, d)] for d in (16, 17, 18, 22)] == ["closed", "logged", "unlogged", "open"]
    week = Bucket(date(2026, 11, 16), date(2026, 11, 22))
    assert bucket_state(week, states) == "open"
    assert counted(week, states) == [date(2026, 11, 16), date(2026, 11, 17)]  # not the unlogged days, not today
    assert bucket_state(Bucket(date(2026, 11, 18), date(2026, 11, 21)), states) == "unlogged"
    assert counted(Bucket(date(2026, 11, 22), date(2026, 11, 22)), states) == [today]  # today alone, as it stands
    assert mean_over({date(2026, 11, 16): 4.0}, counted(week, states)) == 2.0
    assert mean_over({}, []) is None


def test_events_are_named_by_their_own_dates_in_each_language() -> None:
    run = Span("run", "2026-11-21", "2026-11-21", 3, 3)
    summer = Span("summer", "2026-07-15", "2026-07-28", 28, 30)
    new_year = Span("holidays", "2025-12-20", "2026-01-04", 0, 2)
    assert event_dates(run, False) == "21 Nov" and event_dates(summer, True) == "15\u2009–\u200928 Jul 2026"
    assert event_dates(new_year, False) == "20 Dec 2025\u2009–\u20094 Jan 2026"  # both years when they differ
    with i18n.speaking("fr"):
        assert event_dates(run, False) == "21 nov." and event_dates(summer, False) == "15–28 juil."
        assert axis_label(date(2026, 11, 21), "day") == "21/11"  # French readers write 21/11, never 11-21
        assert axis_label(date(2025, 11, 21), "day", year=True) == "21/11/2025"
        assert axis_label(date(2026, 1, 5), "month", year=True) == "janv. 2026"


def test_dates_need_their_year_across_years_or_away_from_this_one() -> None:
    today = date(2026, 11, 22)
    assert not needs_year(date(2026, 10, 1), date(2026, 11, 22), today)
    assert needs_year(date(2025, 12, 2), date(2026, 12, 1), today)
    assert needs_year(date(2025, 3, 1), date(2025, 4, 1), today)


def test_tick_labels_keep_the_decimals_each_value_needs() -> None:
    from footprint.charts.ticks import labels

    assert labels(nice_ticks(1, 4)) == ["0", "0.25", "0.5", "0.75", "1"]  # never 0.2 for 0.25
    assert labels(nice_ticks(1159, 4))[-1] == "1,250"
    with i18n.speaking("fr"):
        assert labels([0, 0.25, 1000]) == ["0", "0,25", "1\u202f000"]
