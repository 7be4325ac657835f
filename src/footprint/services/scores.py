"""Score, break and chart-series use cases.

Scores are kept per metric and day (one value each; adding again replaces it). The ``activity`` metric is
never stored: it is computed from the journal's social touches each time (see ``domain.scores``).
Challenge runs count as breaks (ids ``r1``, ``r2``…) beside the breaks you add (``1``, ``2``…).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple

from ..domain import limits
from ..domain.breaks import Break
from ..domain.catalog import KINDS
from ..domain.scores import ACTIVITY, CaptureAverages, Score, ScoreEffect, activity_series, averages, score_effect
from ..domain.text import fold
from ..errors import BadInput, DataFileError, NotFound
from . import Service

METRIC = re.compile(r"^[a-z0-9][a-z0-9:._-]{0,39}$")
_FRENCH_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def check_metric(name: str, allow_activity: bool = False) -> str:
    metric = name.strip().lower()
    if not METRIC.fullmatch(metric):
        raise BadInput(
            f"a metric name is lowercase letters, digits and : . _ - (like klout or followers:twitter), not {name!r}"
        )
    if metric == ACTIVITY and not allow_activity:
        raise BadInput("'activity' is computed from your journal (footprint score explain): use another name")
    return metric


def parse_value(text: str) -> float:
    """A number with a decimal point or comma, spaces (and no-break spaces) as thousands separators."""
    cleaned = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        raise BadInput(f"not a number: {limits.shown(text)!r}") from None
    if not limits.within(value, -limits.MAX_SCORE, limits.MAX_SCORE):  # nan, inf, 1e400 (read as inf), 1e308
        raise BadInput(
            f"score out of range: {limits.shown(text)!r} (footprint keeps numbers up to ±{limits.MAX_SCORE:,.0f})"
        )
    return value


def parse_score_date(text: str) -> date:
    text = text.strip()
    m = _FRENCH_DATE.match(text)
    try:
        day = date(int(m[3]), int(m[2]), int(m[1])) if m else date.fromisoformat(text[:10])
    except ValueError:
        raise BadInput(f"not a date: {limits.shown(text)!r} (use 2026-11-20 or 20/11/2026)") from None
    if not limits.in_years(day):
        raise BadInput(f"{day} is out of range: footprint reads dates from {limits.FIRST_YEAR} to {limits.LAST_YEAR}")
    return day


def add(svc: Service, metric: str, value: str, on: str | None = None) -> Score:
    score = Score(check_metric(metric), svc.day_of(on), parse_value(value), "cli")
    if score.day > svc.settings.now().date():
        raise BadInput(f"{score.day} has not happened yet")
    svc.journal.put_scores([score], f"score {score.metric} {score.day}")
    return score


class ScoreImport(NamedTuple):
    added: int
    problems: list[tuple[int, str]]  # (line number, what is wrong)


def import_csv(svc: Service, path: Path, strict: bool = False) -> ScoreImport:
    """Rows of date, metric, value (a header row is recognised and skipped); ``,`` ``;`` or tab separated."""
    from ..files import open_regular  # a FIFO would hang read_text

    try:
        with open_regular(path) as f:
            raw = f.read()
    except FileNotFoundError:
        raise NotFound(f"{path}: no such file") from None
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read ({exc.strerror})") from None
    if b"\0" in raw[:4096]:
        raise DataFileError(f"{path}: not a CSV file (it holds binary data)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            raise DataFileError(f"{path}: not a text file") from None
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ";" if text.count(";") > text.count(",") else ","
    scores, problems = [], []
    today = svc.settings.now().date()
    for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
        if not row or not "".join(row).strip():
            continue
        if number == 1 and row and fold(row[0]) in ("date", "day", "jour"):
            continue
        if len(row) != 3:
            problems.append((number, f"expected 3 columns (date, metric, value), found {len(row)}"))
            continue
        try:
            score = Score(check_metric(row[1]), parse_score_date(row[0]), parse_value(row[2]), "import")
        except BadInput as exc:
            problems.append((number, exc.message))
            continue
        if score.day > today:
            problems.append((number, f"{score.day} is in the future"))
            continue
        scores.append(score)
    if strict and problems:
        line, what = problems[0]
        raise DataFileError(f"{path}: line {line}: {what}; --strict: nothing imported")
    if problems and not scores:  # not one good row: not a score CSV at all (JSON, a binary…)
        raise DataFileError(f"{path}: not a CSV of date, metric, value (no row reads as one); nothing imported")
    if scores:
        svc.journal.put_scores(scores, f"score import {path.name}")
    return ScoreImport(len(scores), problems)


def social_per_day(
    svc: Service, first: date | None = None, last: date | None = None, usage: dict | None = None
) -> dict[date, int]:
    social = {tp.id for tp in svc.catalog.of_kind("social")}
    usage = svc.journal.usage_by_day(first, last) if usage is None else usage
    return {d: n for d, tps in usage.items() if (n := sum(u.count for tp, u in tps.items() if tp in social))}


def series(
    svc: Service, metric: str, first: date, last: date, social: dict[date, int] | None = None
) -> dict[date, float]:
    """A metric's values from ``first`` to ``last``; ``activity`` is computed (with 60 days of lead-in so
    the decay starts from the person's real level), from ``social`` touches per day when given."""
    if metric == ACTIVITY:
        if social is None:
            social = social_per_day(svc, first - timedelta(days=60), last)
        return activity_series(social, first, last)
    return {s.day: s.value for s in svc.journal.scores(metric, first, last)}


def metrics(svc: Service) -> list[str]:
    return sorted({s.metric for s in svc.journal.scores()})


def remove(svc: Service, metric: str, days: Sequence[str]) -> int:
    """Remove the values of ``metric`` on ``days``; none there is NotFound, and nothing is written (the undo
    history included: the journal records no step for a write that changed nothing)."""
    name = check_metric(metric)
    removed = svc.journal.delete_scores(name, [svc.day_of(d) for d in days], f"score rm {name}")
    if not removed:
        shown = ", ".join(days)
        raise NotFound(f"no {name} value on {shown if len(shown) <= 60 else shown[:59] + '…'}")
    return removed


# --- breaks --------------------------------------------------------------------------------------------


def add_break(svc: Service, first: str, last: str, label: str | None, scope: Sequence[str]) -> Break:
    a, b = svc.day_of(first), svc.day_of(last)
    if b < a:
        raise BadInput(f"--to {b} is before --from {a}")
    names = []
    for item in scope:
        key = fold(item)
        names.append(key if key in KINDS else svc.catalog.resolve(item).id)
    text = (label or "").strip() or "break"
    if len(text) > 80 or "\n" in text:
        raise BadInput("a break label is one line of at most 80 characters")
    return svc.journal.add_break(Break("", a, b, text, tuple(names)), f"break add {a}..{b}")


def all_breaks(svc: Service) -> list[Break]:
    """Breaks you added and challenge runs (which are breaks too), by start."""
    from . import challenges

    lang = svc.settings.lang  # a run is named by its challenge's title, as it was when the run started
    runs = [
        Break(
            f"r{r.id}",
            r.start.date(),
            (r.end - timedelta(microseconds=1)).date(),
            challenges.rules_of(r).title.get(lang),
        )
        for r in challenges.runs(svc)
    ]
    return sorted([*svc.journal.breaks(), *runs], key=lambda b: (b.first, b.id))


def find_break(svc: Service, break_id: str) -> Break:
    for b in all_breaks(svc):
        if b.id == break_id.lstrip("#"):
            return b
    raise NotFound(f"no break {break_id!r}; see 'footprint break list'")


def remove_break(svc: Service, break_id: str) -> None:
    if break_id.startswith("r"):
        raise BadInput("that is a challenge run: it stays in the run history")
    # ASCII digits of a size SQLite can hold: "²" is a digit to isdigit(), and int() refuses it.
    number = int(break_id) if break_id.isascii() and break_id.isdigit() and len(break_id) < 19 else None
    if number is None or not svc.journal.delete_break(number, f"break rm {break_id}"):
        raise NotFound(f"no break {break_id!r}; see 'footprint break list'")


class BreakEffect(NamedTuple):
    brk: Break
    scores: list[ScoreEffect]
    before: CaptureAverages
    during: CaptureAverages
    after: CaptureAverages


def effect(svc: Service, break_id: str) -> BreakEffect:
    """Scores before / lowest during / days to recover, and daily captures before, during and after (over
    as many days as the break lasted, after it only up to today)."""
    b = find_break(svc, break_id)
    today = svc.settings.now().date()
    n = b.days
    span_first, span_last = b.first - timedelta(days=max(n, 60)), today
    results = [
        score_effect(m, series(svc, m, span_first, span_last), b.first, b.last) for m in [*metrics(svc), ACTIVITY]
    ]

    def daily(first: date, last: date) -> CaptureAverages:
        if last < first:
            return averages([])
        return averages([(f.active, f.passive) for f in svc.footprint_between(first, last).values()])

    return BreakEffect(
        b,
        results,
        daily(b.first - timedelta(days=n), b.first - timedelta(days=1)),
        daily(b.first, min(b.last, today)),
        daily(b.last + timedelta(days=1), min(b.last + timedelta(days=n), today)),
    )
