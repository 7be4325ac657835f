from datetime import date, timedelta

import pytest

from footprint.domain.scores import SCALE, activity_series, averages, score_effect
from footprint.domain.series import aggregate, buckets, marks
from footprint.domain.streak import streaks

D0 = date(2026, 6, 1)


def test_buckets_never_exceed_the_points_a_chart_can_show() -> None:
    bs = buckets(D0, D0 + timedelta(days=3649), 40)
    assert len(bs) <= 40 and bs[0].first == D0 and bs[-1].last == D0 + timedelta(days=3649)
    assert all(b.days == bs[0].days for b in bs[:-1])
    assert sum(b.days for b in bs) == 3650
    assert len(buckets(D0, D0 + timedelta(days=9), 40)) == 10  # short ranges keep one bar a day


def test_aggregate_is_a_daily_average_and_scores_skip_missing_days() -> None:
    bs = buckets(D0, D0 + timedelta(days=5), 2)  # two buckets of three days
    values = {D0: 3.0, D0 + timedelta(days=1): 6.0, D0 + timedelta(days=4): 9.0}
    assert aggregate(values, bs) == [3.0, 3.0]  # captures: a day with nothing counts 0
    assert aggregate(values, bs, missing_is_zero=False) == [4.5, 9.0]  # scores: unrecorded days are skipped
    assert aggregate({}, bs, missing_is_zero=False) == [None, None]


def test_marks_find_the_buckets_a_break_overlaps() -> None:
    bs = buckets(D0, D0 + timedelta(days=29), 10)  # ten buckets of three days
    assert marks([(D0 + timedelta(days=4), D0 + timedelta(days=10))], bs) == [[1, 2, 3]]
    assert marks([(D0 - timedelta(days=9), D0 - timedelta(days=1))], bs) == [[]]


def test_activity_falls_during_a_break_and_recovers_after() -> None:
    social = {D0 + timedelta(days=i): 6 for i in range(120) if not 40 <= i < 61}  # 3 weeks off from day 40
    score = activity_series(social, D0, D0 + timedelta(days=119))
    before, lowest, after = (
        score[D0 + timedelta(days=39)],
        score[D0 + timedelta(days=60)],
        score[D0 + timedelta(days=110)],
    )
    assert lowest < before / 2  # three half-lives of decay
    assert after == pytest.approx(before, abs=0.5)
    values = list(score.values())
    assert all(values[i] > values[i + 1] for i in range(40, 60))  # falls every day of the break
    assert all(values[i] < values[i + 1] for i in range(61, 80))  # climbs back every day after


def test_activity_formula_is_what_explain_says() -> None:
    score = activity_series({D0: 20}, D0, D0 + timedelta(days=7))
    assert score[D0] == 50.0  # 20 touches = SCALE gives 50
    level = 20 * 0.5  # a week later, one half-life
    assert score[D0 + timedelta(days=7)] == pytest.approx(100 * level / (level + SCALE), abs=0.01)


def test_score_effect_before_lowest_recovery() -> None:
    values = {D0 + timedelta(days=i): v for i, v in enumerate([60, 61, 58, 50, 45, 47, 55, 59, 62, 63])}
    e = score_effect("klout", values, D0 + timedelta(days=3), D0 + timedelta(days=5))
    assert (e.before, e.lowest, e.lowest_on) == (58, 45, D0 + timedelta(days=4))
    assert e.recovered_on == D0 + timedelta(days=7) and e.days_to_recover == 2
    never = score_effect(
        "klout",
        {D0: 10, D0 + timedelta(days=2): 5, D0 + timedelta(days=4): 6},
        D0 + timedelta(days=1),
        D0 + timedelta(days=2),
    )
    assert never.recovered_on is None and never.days_to_recover is None


def test_averages_keep_passive_apart() -> None:
    avg = averages([(10.0, 48.0), (30.0, 48.0)])
    assert (avg.days, avg.active, avg.passive, avg.total) == (2, 20.0, 48.0, 68.0)
    assert averages([]).days == 0


def test_streaks_over_closed_days() -> None:
    closed = [D0 + timedelta(days=i) for i in (0, 1, 2, 4, 5, 6, 7)]
    s = streaks(closed, touched={D0 + timedelta(days=5)})
    assert (s.current, s.longest, s.longest_from) == (2, 3, D0)
