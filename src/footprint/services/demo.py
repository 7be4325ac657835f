"""``footprint demo``: a realistic, deterministic journal to explore every chart, report and screen.

It tells the seed stories: the five connected objects of "a day without Big Data" plus social networks in
the profile, weekday and weekend rhythms, a three-week summer break from social networks (the Klout post),
a day-without-big-data run with its verdict, and a daily klout-like score that dips during the break and
climbs back after it. The same ``seed`` and ``days`` give the same journal (ending today).
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from ..domain.breaks import Break
from ..domain.journal import DayStatus, Entry, ProfilePeriod, Run
from ..domain.scores import Score, activity_series
from ..errors import BadInput
from ..i18n import N_, _, say
from . import Service, read_toml

PROFILE = (
    "computer",
    "smartphone",
    "bank-card",
    "health-card",
    "smart-meter",
    "facebook",
    "twitter",
    "linkedin",
    "instagram",
)
SOCIAL = ("facebook", "twitter", "linkedin", "instagram")
# touchpoint: (hour, weekday count range, weekend count range, minutes range or None)
RHYTHM = {
    "smartphone": (7, (15, 30), (10, 25), (60, 180)),
    "computer": (9, (1, 2), (0, 1), (120, 420)),
    "email": (9, (5, 15), (0, 4), None),
    "web-search": (10, (5, 20), (2, 10), None),
    "bank-card": (12, (0, 2), (1, 4), None),
    "transit-pass": (8, (2, 2), (0, 2), None),
    "music-streaming": (18, (0, 2), (1, 3), (20, 90)),
    "video-streaming": (21, (0, 1), (1, 2), (30, 120)),
    "maps": (17, (0, 1), (0, 3), None),
    "facebook": (20, (1, 6), (2, 8), None),
    "twitter": (13, (2, 10), (1, 6), None),
    "linkedin": (11, (1, 3), (0, 1), None),
    "instagram": (19, (0, 4), (1, 6), None),
}


class DemoReport(NamedTuple):
    first: date
    last: date
    entries: int
    break_first: date
    break_last: date
    run_day: date | None


def _summer_break(first: date, last: date) -> tuple[date, date]:
    """The latest 15 July – 4 August inside the range, else three weeks in its middle."""
    for year in range(last.year, first.year - 1, -1):
        start, end = date(year, 7, 15), date(year, 8, 4)
        if first + timedelta(days=14) <= start and end <= last - timedelta(days=14):
            return start, end
    middle = first + (last - first) / 2
    return middle - timedelta(days=10), middle + timedelta(days=10)


def build(svc: Service, days: int = 365, seed: int = 1) -> DemoReport:
    if not 30 <= days <= 3660:
        raise BadInput(N_("a demo journal spans 30 to 3,660 days"))
    journal = svc.journal
    if journal.first_day() is not None or journal.profile() or journal.runs():
        raise BadInput(
            N_("{path} already holds a journal: give --db PATH for a separate demo journal"), path=svc.settings.db_path
        )
    rng = random.Random(seed)
    zone = svc.settings.zone
    today = svc.settings.now().date()
    last, first = today - timedelta(days=1), today - timedelta(days=days)
    break_first, break_last = _summer_break(first, last)
    run_day = today - timedelta(days=10)

    entries: list[Entry] = []
    social: dict[date, int] = {}
    day = first
    while day <= last:
        weekend = day.weekday() >= 5
        for tp, (hour, weekday_n, weekend_n, minutes) in RHYTHM.items():
            if day == run_day and tp != "smartphone":
                continue
            if tp in SOCIAL and break_first <= day <= break_last:
                continue
            low, high = weekend_n if weekend else weekday_n
            count = rng.randint(low, high)
            if day == run_day:
                count = 1
            if count == 0:
                continue
            at = datetime.combine(day, time(hour, rng.randrange(60))).replace(tzinfo=zone)
            spent = float(rng.randint(*minutes)) if minutes and day != run_day else None
            reason, note = ("unavoidable", _("alarm clock")) if day == run_day else (None, None)
            entries.append(Entry(None, at, day, tp, count, spent, note, reason, "demo", f"demo:{day}:{tp}"))
            if tp in SOCIAL:
                social[day] = social.get(day, 0) + count
        if rng.random() < 0.05 and day != run_day:
            at = datetime.combine(day, time(11, 15)).replace(tzinfo=zone)
            entries.append(Entry(None, at, day, "health-card", 1, None, None, None, "demo", f"demo:{day}:health-card"))
        day += timedelta(days=1)

    with journal.atomic():  # a demo journal is written whole, or not at all
        journal.replace_profile(
            [ProfilePeriod(tp, first, None, "load-curve" if tp == "smart-meter" else None) for tp in PROFILE],
            say("the demo profile"),
        )
        added = journal.import_entries(entries, say("the demo journal"))
        journal.restore_days(DayStatus(first + timedelta(days=i), True) for i in range(days))
        activity = activity_series(social, first, last)
        journal.put_scores(
            [Score("klout", d, round(35 + 0.3 * v + rng.uniform(-1.5, 1.5), 1), "demo") for d, v in activity.items()],
            say("the demo scores"),
        )
        journal.add_break(Break("", break_first, break_last, _("summer break"), ("social",)), say("the demo break"))
        if run_day > first + timedelta(days=7):
            start = datetime.combine(run_day, time()).replace(tzinfo=zone)
            rules = read_toml(_challenge_file(svc, "day-without-big-data"))
            journal.add_run(
                Run(None, "day-without-big-data", start, start + timedelta(days=1), "finished", rules, None, "demo"),
                say("the demo challenge run"),
            )
    return DemoReport(first, last, added, break_first, break_last, run_day)


def _challenge_file(svc: Service, cid: str):  # noqa: ANN202
    from .challenges import challenge_files

    return challenge_files(svc)[cid]
