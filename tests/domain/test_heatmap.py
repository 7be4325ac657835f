"""The year heatmap's data: spans (leap years, year boundaries), each day's state, levels, streaks, marks."""

from __future__ import annotations

from datetime import date, timedelta

from footprint.domain.breaks import Break
from footprint.domain.heatmap import (
    CLOSED,
    FUTURE,
    OPEN,
    TODAY,
    UNLOGGED,
    build,
    column_of,
    level_of,
    quartiles,
    year_span,
)

D = date.fromisoformat


def test_the_last_365_days_end_today_even_across_a_leap_day() -> None:
    assert year_span(D("2028-03-01"), None) == (D("2027-03-03"), D("2028-03-01"))
    assert year_span(D("2026-11-22"), None) == (D("2025-11-23"), D("2026-11-22"))


def test_a_calendar_year_has_its_own_days() -> None:
    first, last = year_span(D("2026-11-22"), 2024)
    hm = build(first, last, D("2026-11-22"), {}, set(), set(), year=2024)
    assert len(hm.cells) == 366 and hm.cells[59].day == D("2024-02-29")
    assert len(build(*year_span(D("2026-11-22"), 2025), D("2026-11-22"), {}, set(), set()).cells) == 365


def test_weeks_start_on_monday_and_cross_the_year_boundary() -> None:
    hm = build(D("2025-12-29"), D("2026-01-04"), D("2026-01-04"), {}, set(), set())
    (week,) = hm.weeks()
    assert [c.day for c in week if c] == [D("2025-12-29") + timedelta(days=i) for i in range(7)]
    # 1 January 2026 is a Thursday: the year's first column is padded before it.
    year = build(D("2026-01-01"), D("2026-12-31"), D("2026-12-31"), {}, set(), set())
    assert [c is None for c in year.weeks()[0]] == [True, True, True, False, False, False, False]
    assert len(year.weeks()) == 53 and column_of(D("2026-01-01"), D("2026-01-05")) == 1


def test_each_day_has_one_state() -> None:
    today = D("2026-11-22")
    days = {d: 10.0 for d in (D("2026-11-18"), D("2026-11-19"), D("2026-11-20"))}
    hm = build(D("2026-11-16"), D("2026-11-24"), today, days, {D("2026-11-18"), D("2026-11-20")}, {D("2026-11-19")})
    states = [c.state for c in hm.cells]
    assert states == [UNLOGGED, UNLOGGED, CLOSED, OPEN, CLOSED, UNLOGGED, TODAY, FUTURE, FUTURE]
    assert [c.captures for c in hm.cells][-3:] == [0.0, None, None]
    assert [c.level for c in hm.cells] == [None, None, 1, 1, 1, None, None, None, None]


def test_a_closed_day_today_is_closed_and_a_closed_empty_day_is_level_zero() -> None:
    today = D("2026-11-22")
    hm = build(D("2026-11-21"), today, today, {D("2026-11-21"): 0.0, today: 5.0}, {D("2026-11-21"), today}, {today})
    assert [(c.state, c.level) for c in hm.cells] == [(CLOSED, 0), (CLOSED, 1)]


def test_days_before_the_first_entry_are_not_logged_whatever_their_passive_captures() -> None:
    # A profile adds passive captures to every day, logged or not: that never makes a day "logged".
    today = D("2026-11-22")
    totals = {today - timedelta(days=i): 48.0 for i in range(10)}
    hm = build(today - timedelta(days=9), today, today, totals, {today - timedelta(days=1)}, set())
    assert [c.state for c in hm.cells[:8]] == [UNLOGGED] * 8
    assert hm.cells[0].captures == 48.0 and hm.cells[0].level is None


def test_levels_are_the_quarters_of_the_closed_days() -> None:
    assert quartiles([]) == ()
    assert quartiles([4, 1, 3, 2, 8, 7, 6, 5]) == (2, 4, 6)
    assert [level_of(v, (2, 4, 6)) for v in (0, 1, 2, 3, 4, 5, 6, 7)] == [0, 1, 1, 2, 2, 3, 3, 4]
    today = D("2026-11-22")
    days = [today - timedelta(days=i) for i in range(1, 9)]
    totals = {d: float(i + 1) for i, d in enumerate(days)}
    totals[today] = 1000.0  # today, still open: never in the quartiles
    hm = build(days[-1], today, today, totals, set(days), set(days) | {today})
    assert hm.thresholds == (2, 4, 6)


def test_streaks_of_closed_days() -> None:
    today = D("2026-11-22")
    closed = {D("2026-11-01"), D("2026-11-02"), D("2026-11-03"), D("2026-11-19"), D("2026-11-20"), D("2026-11-21")}
    hm = build(D("2026-11-02"), today, today, {}, closed, set())
    assert (hm.current.days, hm.current.first, hm.current.last) == (3, D("2026-11-19"), D("2026-11-21"))
    # The longest inside the span: 1 November is before it.
    assert (hm.longest.days, hm.longest.first) == (3, D("2026-11-19"))
    assert build(D("2026-10-01"), today, today, {}, closed, set()).longest.first == D("2026-11-01")
    # Today, still open, does not break the streak; a day missed yesterday does.
    assert build(D("2026-11-02"), today, today, {}, closed - {D("2026-11-21")}, set()).current.days == 0
    # A past year has no current streak.
    assert build(D("2025-01-01"), D("2025-12-31"), today, {}, closed, set()).current.days == 0


def test_breaks_and_runs_are_clipped_to_the_span() -> None:
    marks = [Break("1", D("2026-10-25"), D("2026-11-05"), "away"), Break("r2", D("2026-12-01"), D("2026-12-01"), "run")]
    hm = build(D("2026-11-01"), D("2026-11-22"), D("2026-11-22"), {}, set(), set(), marks)
    assert [(m.id, m.first, m.last) for m in hm.marks] == [("1", D("2026-11-01"), D("2026-11-05"))]
