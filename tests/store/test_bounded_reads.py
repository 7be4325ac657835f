"""Reads bounded by the question give the answers that reading every entry gave.

A verdict reads only its run's and its baseline's spans, yet finds exactly what reading every entry of the
91-day lookback finds (the way verdicts were computed before): same touched (counts, reasons, notes, order),
and the same capture figures to the last bit. A streak reads the days table and the daily roll-up, and
finds the same touched days as the entries, after edits and removals too."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from footprint.domain.footprint import Captures, Usage, active_captures
from footprint.domain.journal import Entry, ProfilePeriod, Run
from footprint.domain.verdict import BASELINE_LOOKBACK_DAYS, DAY, Window, comparison, day_spans, passive_in
from footprint.services import Service, challenges, read_toml
from footprint.settings import resolve

PARIS = ZoneInfo("Europe/Paris")
TOUCHPOINTS = ["smartphone", "computer", "bank-card", "email", "facebook", "instagram", "web-search", "maps"]


def _old_verdict(svc: Service, run: Run) -> tuple:
    """The verdict as it was computed from every entry of the lookback, touch by touch."""
    now = svc.settings.now()
    status = "running" if run.status == "active" else run.status
    end_at = min(now, run.end) if status == "running" else run.end
    window = Window(run.start, max(end_at, run.start), inclusive=True)
    first = run.start.date() - timedelta(days=BASELINE_LOOKBACK_DAYS)
    every = list(svc.journal.entries(first, window.end.date()))
    periods = svc.journal.profile()
    ch, cat = challenges.rules_of(run), svc.catalog

    def captures(w: Window, entries: list[Entry]) -> Captures:
        active = 0.0
        for e in entries:
            if w.contains(e.at) and (tp := cat.get(e.touchpoint)) is not None:
                active += active_captures(tp, Usage(e.count, e.minutes or 0.0))
        return Captures(active, passive_in(w, periods, cat))

    in_run = [e for e in every if e.at >= run.start and window.contains(e.at)]
    touched: dict[str, tuple] = {}
    for e in in_run:
        tp = cat.get(e.touchpoint)
        if tp is not None and ch.forbids(tp):
            n, reasons, notes = touched.get(tp.id, (0, (), ()))
            touched[tp.id] = (
                n + e.count,
                reasons + ((e.reason,) if e.reason else ()),
                notes + ((e.note,) if e.note else ()),
            )
    wanted = max(1, -(-Window(run.start, run.planned_end).wall() // DAY))
    c = comparison(window, svc.journal.closed_days(first, window.end.date()), now.date(), wanted)
    before = [e for e in every if e.at < run.start]
    baseline = None
    if c.why_not is None:  # each of the run's hours: the mean of the same hours on the baseline days
        active = passive = 0.0
        for piece in c.pieces:
            parts = [captures(piece.on(d, PARIS), before) for d in c.days]
            active += piece.days * sum(x.active for x in parts) / len(c.days)
            passive += piece.days * sum(x.passive for x in parts) / len(c.days)
        baseline = Captures(active, passive)
    return (
        [(tp, *rest) for tp, rest in touched.items()],
        captures(window, in_run),
        baseline,
        len(c.days),
        wanted,
    )


def _new_verdict(svc: Service, run: Run) -> tuple:
    v = challenges.verdict_of(svc, run)
    return ([tuple(t) for t in v.touched], v.run, v.baseline, v.baseline_days, v.baseline_wanted)


@pytest.fixture
def svc() -> Service:
    service = Service(resolve())
    yield service
    service.close()


def _fill(svc: Service, seed: int) -> None:
    """Ten weeks of touches across the October change of clocks, most days closed, a passive profile, and
    touches on the very second a run starts and another one ends."""
    rng = random.Random(seed)
    svc.journal.replace_profile(
        [ProfilePeriod(tp, date(2026, 9, 1)) for tp in ("smartphone", "bank-card", "smart-meter", "health-card")],
        "profile",
    )
    entries = []
    for d in range(71):  # to the frozen today, whose later touches fall after a running run's now
        day = date(2026, 9, 13) + timedelta(days=d)
        for _ in range(rng.randrange(0, 25)):
            at = datetime(
                day.year, day.month, day.day, rng.randrange(24), rng.randrange(60), rng.randrange(60), tzinfo=PARIS
            )
            entries.append(
                Entry(
                    None,
                    at,
                    day,
                    rng.choice([*TOUCHPOINTS, "a-touchpoint-the-catalog-lost"]),
                    rng.randint(1, 4),
                    rng.choice([None, None, 5.0, 30.0, 0.5, 90.0]),
                    rng.choice([None, None, None, "alarm clock", "work"]),
                    rng.choice([None, None, "unavoidable", "chosen", "forgot"]),
                    "cli",
                )
            )
        if rng.random() < 0.85 and day < date(2026, 11, 22):
            svc.journal.set_closed(day, True, datetime(2026, 11, 22, 9, tzinfo=PARIS), "close")
    for edge in (datetime(2026, 11, 21, tzinfo=PARIS), datetime(2026, 11, 19, 18, tzinfo=PARIS)):
        entries.append(Entry(None, edge, edge.date(), "smartphone", 1, None, "on the dot", "chosen", "cli"))
    svc.journal.import_entries(entries, "seed")


def _run(svc: Service, challenge: str, start: str, length: timedelta, status: str = "finished") -> Run:
    rules = read_toml(challenges.challenge_files(svc)[challenge])
    begin = datetime.fromisoformat(start)
    return Run(1, challenge, begin, begin + length, "active" if status == "running" else status, rules)


RUNS = [
    ("day-without-big-data", "2026-11-20T00:00:00+01:00", timedelta(hours=24)),
    ("day-without-big-data", "2026-11-18T10:15:00+01:00", timedelta(hours=24)),
    ("evening-without-smartphone", "2026-11-19T18:00:00+01:00", timedelta(hours=5, minutes=59)),
    ("cash-only-day", "2026-10-26T07:30:29.500000+01:00", timedelta(hours=24)),  # just after the change
    ("week-without-social", "2026-10-22T21:00:00+02:00", timedelta(days=7)),  # across the change
    ("digital-break-3-weeks", "2026-10-28T10:00:00+01:00", timedelta(days=21)),
    ("digital-break-3-weeks", "2026-11-01T00:00:00+01:00", timedelta(days=21), "running"),
    ("day-without-big-data", "2026-11-21T12:00:00+01:00", timedelta(hours=24), "running"),
]


@pytest.fixture(scope="module")
def cases() -> list[tuple]:
    """Every compared verdict, for the check that the cases cover touches with reasons and notes."""
    return []


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("run", RUNS, ids=lambda r: f"{r[0]}@{r[1][:16]}")
def test_bounded_reads_give_the_verdict_of_every_entry(svc, seed, run, cases) -> None:
    _fill(svc, seed)
    r = _run(svc, *run)
    day = r.start.date()
    while day < min(r.planned_end.date() + DAY, date(2026, 11, 22)):  # a run's past days closed: it is compared
        svc.journal.set_closed(day, True, datetime(2026, 11, 22, 9, tzinfo=PARIS), "close")
        day += DAY
    old, new = _old_verdict(svc, r), _new_verdict(svc, r)
    assert new == old
    cases.append(old)
    assert old[1].active and old[3] and old[2] is not None, "the case has touches during the run and a baseline"
    if run[0] != "cash-only-day":  # bank cards are the only forbidden touchpoint here, not always touched
        assert old[0], "forbidden touchpoints were touched"


def test_the_cases_covered_several_touched_with_reasons_and_notes(cases) -> None:
    assert len(cases) == 3 * len(RUNS)
    assert any(len(c[0]) >= 3 and all(reasons and notes for _, _, reasons, notes in c[0]) for c in cases)


def test_day_spans_cut_windows_at_the_journals_midnights() -> None:
    zone = PARIS
    evening = Window(datetime(2026, 11, 19, 18, tzinfo=zone), datetime(2026, 11, 20, 6, tzinfo=zone))
    morning = Window(datetime(2026, 11, 20, 6, tzinfo=zone), datetime(2026, 11, 21, 6, tzinfo=zone))
    spans = day_spans([evening, morning], zone)
    ts = lambda *a: int(datetime(*a, tzinfo=zone).timestamp())  # noqa: E731
    assert [tuple(s) for s in spans] == [
        (date(2026, 11, 19), date(2026, 11, 19), ts(2026, 11, 19, 18), ts(2026, 11, 20)),
        (date(2026, 11, 20), date(2026, 11, 20), None, None),  # two windows meet: the whole day, from the roll-up
        (date(2026, 11, 21), date(2026, 11, 21), ts(2026, 11, 21), ts(2026, 11, 21, 6)),
    ]
    # 25 hours on the day clocks go back are one whole day; a run's end is inclusive (one second more)
    long_day = Window(datetime(2026, 10, 25, tzinfo=zone), datetime(2026, 10, 26, tzinfo=zone))
    assert [tuple(s)[:3] for s in day_spans([long_day], zone)] == [(date(2026, 10, 25), date(2026, 10, 25), None)]
    run = Window(datetime(2026, 11, 1, tzinfo=zone), datetime(2026, 11, 4, tzinfo=zone), inclusive=True)
    assert [tuple(s) for s in day_spans([run], zone)] == [
        (date(2026, 11, 1), date(2026, 11, 3), None, None),
        (date(2026, 11, 4), date(2026, 11, 4), ts(2026, 11, 4), ts(2026, 11, 4) + 1),
    ]


def test_streak_days_from_the_roll_up_are_the_days_the_entries_have(svc) -> None:
    _fill(svc, 4)
    rng = random.Random(4)
    stored = list(svc.journal.entries())
    svc.journal.delete_entries(rng.sample(stored, 200), "rm")
    for e in rng.sample([e for e in svc.journal.entries()], 100):
        moved = e.at - timedelta(days=rng.randrange(1, 5))
        svc.journal.update_entry(e._replace(at=moved, day=moved.date(), touchpoint=rng.choice(TOUCHPOINTS)), "edit")
    closed = svc.journal.closed_days()
    for ids in (["facebook", "instagram"], ["maps"], ["a-touchpoint-the-catalog-lost"], TOUCHPOINTS):
        from_entries = {e.day for e in svc.journal.entries(touchpoints=ids)} & closed
        assert svc.journal.closed_days_with(ids) == from_entries
        assert 0 < len(from_entries) < len(closed) or ids == TOUCHPOINTS
