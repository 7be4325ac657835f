"""When a run starts (now, a day alone, a day and a time) and what its verdict compares: the run's hours
against the same hours of closed days before it, or why not."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from footprint.domain.challenge import start_rule
from footprint.domain.verdict import Piece, Window, comparison, pieces
from footprint.domain.when import parse_moment

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 11, 22, 9, 30, tzinfo=PARIS)


def at(*args: int) -> datetime:
    return datetime(*args, tzinfo=PARIS)


def test_a_day_typed_alone_is_a_day_and_anything_with_a_time_an_instant() -> None:
    assert parse_moment("today", NOW) == date(2026, 11, 22)
    assert parse_moment("lundi", NOW) == date(2026, 11, 16)  # the most recent Monday, as everywhere
    assert parse_moment("2026-11-21", NOW) == parse_moment("21/11/2026", NOW) == date(2026, 11, 21)
    assert parse_moment("2026-11-21T12:00", NOW) == at(2026, 11, 21, 12)  # noon typed is a time
    assert parse_moment("00:00", NOW) == at(2026, 11, 22)
    assert parse_moment("now", NOW) == NOW and parse_moment("-2h", NOW) == NOW - timedelta(hours=2)


def test_start_now_exact_usual_and_late() -> None:
    assert start_rule(None, time(0), NOW) == (NOW, "now", None)
    assert start_rule(NOW, time(0), NOW).rule == "now"
    assert start_rule(at(2026, 11, 21, 14), time(0), NOW) == (at(2026, 11, 21, 14), "exact", None)
    assert start_rule(date(2026, 11, 25), time(0), NOW) == (at(2026, 11, 25), "usual", None)  # planned
    assert start_rule(date(2026, 11, 21), time(0), NOW) == (at(2026, 11, 21), "usual", None)  # taken already
    assert start_rule(date(2026, 11, 22), time(18), NOW) == (at(2026, 11, 22, 18), "usual", None)  # tonight
    # Today's 00:00 has passed: the run starts now, and the start it did not take is kept to say so.
    assert start_rule(date(2026, 11, 22), time(0), NOW) == (NOW, "late", at(2026, 11, 22))
    assert start_rule(date(2026, 11, 23), None, NOW) == (at(2026, 11, 23), "usual", None)  # no usual time: 00:00


def test_a_run_crossing_midnight_is_two_pieces_of_hours() -> None:
    evening = Window(at(2026, 11, 21, 20), at(2026, 11, 22, 2))
    assert pieces(evening) == (Piece(time(20), None, 1), Piece(time(0), time(2), 1))
    week_so_far = Window(at(2026, 11, 16, 18), at(2026, 11, 19, 10))
    assert pieces(week_so_far) == (Piece(time(18), None, 1), Piece(time(0), None, 2), Piece(time(0), time(10), 1))
    assert pieces(Window(NOW, NOW, inclusive=True)) == ()


def test_the_same_hours_on_a_day_clocks_change_are_wall_clock_hours() -> None:
    day = Window(at(2026, 10, 25), at(2026, 10, 26))  # 25 hours in Paris
    (whole,) = pieces(day)
    assert whole == Piece(time(0), None, 1)
    on_change = whole.on(date(2026, 10, 25), PARIS)
    assert on_change.end.timestamp() - on_change.start.timestamp() == 25 * 3600  # real hours
    morning = Piece(time(0), time(12), 1).on(date(2026, 10, 25), PARIS)
    assert morning.end.timestamp() - morning.start.timestamp() == 13 * 3600  # 00:00 to 12:00 on the clock
    assert morning.start.utcoffset() == timedelta(hours=2) and morning.end.utcoffset() == timedelta(hours=1)


def test_compared_with_the_closest_closed_days_before_the_run() -> None:
    run = Window(at(2026, 11, 20), at(2026, 11, 21), inclusive=True)
    closed = {date(2026, 11, d) for d in (14, 15, 17, 19, 20)}  # the 18th and 16th were left open
    c = comparison(run, closed, today=date(2026, 11, 22), wanted=3)
    assert c.days == (date(2026, 11, 19), date(2026, 11, 17), date(2026, 11, 15)) and c.why_not is None
    assert not c.so_far and c.open_days == ()


def test_a_past_day_of_the_run_left_open_is_not_compared() -> None:
    run = Window(at(2026, 11, 20), at(2026, 11, 21), inclusive=True)
    c = comparison(run, {date(2026, 11, 19)}, today=date(2026, 11, 22), wanted=1)
    assert c.why_not == "open-days" and c.open_days == (date(2026, 11, 20),)


def test_today_still_open_is_compared_up_to_now() -> None:
    so_far = Window(at(2026, 11, 22), NOW, inclusive=True)
    c = comparison(so_far, {date(2026, 11, 21)}, today=date(2026, 11, 22), wanted=1)
    assert c.why_not is None and c.so_far and c.pieces == (Piece(time(0), time(9, 30), 1),)


def test_no_closed_day_before_the_run_and_no_time_of_it_are_said() -> None:
    so_far = Window(at(2026, 11, 22), NOW, inclusive=True)
    assert comparison(so_far, {date(2026, 11, 22)}, date(2026, 11, 22), 1).why_not == "no-baseline"
    long_ago = {date(2026, 8, 1)}  # beyond the 90 days looked back
    assert comparison(so_far, long_ago, date(2026, 11, 22), 1).why_not == "no-baseline"
    assert comparison(Window(NOW, NOW, True), {date(2026, 11, 21)}, date(2026, 11, 22), 1).why_not == "not-started"
