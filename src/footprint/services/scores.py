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
from ..i18n import N_, Message, _, say
from . import Service

METRIC = re.compile(r"^[a-z0-9][a-z0-9:._-]{0,39}$")
_FRENCH_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def check_metric(name: str, allow_activity: bool = False) -> str:
    metric = name.strip().lower()
    if not METRIC.fullmatch(metric):
        raise BadInput(
            N_(
                "a metric name is made of lowercase letters, digits and : . _ - (like klout or followers:twitter), "
                "not '{name}'"
            ),
            name=limits.shown(name),
        )
    if metric == ACTIVITY and not allow_activity:
        raise BadInput(N_("'activity' is computed from your journal (see 'footprint score explain'): use another name"))
    return metric


def parse_value(text: str) -> float:
    """A number with a decimal point or comma, spaces (and no-break spaces) as thousands separators."""
    cleaned = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        raise BadInput(N_("not a number: '{text}'"), text=limits.shown(text)) from None
    if not limits.within(value, -limits.MAX_SCORE, limits.MAX_SCORE):  # nan, inf, 1e400 (read as inf), 1e308
        from ..l10n import integer

        raise BadInput(
            N_("score out of range: '{text}' (footprint keeps numbers up to ±{max})"),
            text=limits.shown(text),
            max=integer(int(limits.MAX_SCORE)),
        )
    return value


def parse_score_date(text: str) -> date:
    text = text.strip()
    m = _FRENCH_DATE.match(text)
    try:
        day = date(int(m[3]), int(m[2]), int(m[1])) if m else date.fromisoformat(text[:10])
    except ValueError:
        raise BadInput(N_("not a date: '{text}' (use 2026-11-20 or 20/11/2026)"), text=limits.shown(text)) from None
    if not limits.in_years(day):
        raise BadInput(
            N_("{day} is out of range: footprint reads dates from {first} to {last}"),
            day=day,
            first=limits.FIRST_YEAR,
            last=limits.LAST_YEAR,
        )
    return day


def add(svc: Service, metric: str, value: str, on: str | None = None) -> Score:
    score = Score(check_metric(metric), svc.day_of(on), parse_value(value), "cli")
    if score.day > svc.settings.now().date():
        raise BadInput(N_("{day} has not happened yet"), day=score.day)
    svc.journal.put_scores([score], say("{metric} score of {day}", metric=score.metric, day=score.day))
    return score


class ScoreImport(NamedTuple):
    added: int
    problems: list[tuple[int, Message | str]]  # (line number, what is wrong: worded when shown)


def import_csv(svc: Service, path: Path, strict: bool = False) -> ScoreImport:
    """Rows of date, metric, value (a header row is recognised and skipped); ``,`` ``;`` or tab separated."""
    from ..files import open_regular  # a FIFO would hang read_text

    try:
        with open_regular(path) as f:
            raw = f.read()
    except FileNotFoundError:
        raise NotFound(N_("{path}: no such file"), path=path) from None
    except OSError as exc:
        from ..files import os_reason

        raise DataFileError(N_("{path}: cannot read ({reason})"), path=path, reason=os_reason(exc)) from None
    if b"\0" in raw[:4096]:
        raise DataFileError(N_("{path}: not a CSV file (it holds binary data)"), path=path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            raise DataFileError(N_("{path}: not a text file"), path=path) from None
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
            problems.append((number, say("expected 3 columns (date, metric, value), found {found}", found=len(row))))
            continue
        try:
            score = Score(check_metric(row[1]), parse_score_date(row[0]), parse_value(row[2]), "import")
        except BadInput as exc:
            problems.append((number, exc.said))
            continue
        if score.day > today:
            problems.append((number, say("{day} is in the future", day=score.day)))
            continue
        scores.append(score)
    if strict and problems:
        line, what = problems[0]
        raise DataFileError(
            N_("{path}: line {line}: {what}; --strict: nothing imported"), path=path, line=line, what=what
        )
    if problems and not scores:  # not one good row: not a score CSV at all (JSON, a binary…)
        raise DataFileError(
            N_("{path}: not a CSV of date, metric, value (no row reads as one): nothing imported"), path=path
        )
    if scores:
        svc.journal.put_scores(scores, say("importing scores from {file}", file=path.name))
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
    summary = say("removing {metric} scores", metric=name)
    removed = svc.journal.delete_scores(name, [svc.day_of(d) for d in days], summary)
    if not removed:
        shown = ", ".join(days)
        shown = shown if len(shown) <= 60 else shown[:59] + "…"
        raise NotFound(N_("no {metric} value on {days}"), metric=name, days=shown)
    return removed


# --- breaks --------------------------------------------------------------------------------------------


def add_break(svc: Service, first: str, last: str, label: str | None, scope: Sequence[str]) -> Break:
    a, b = svc.day_of(first), svc.day_of(last)
    if b < a:
        raise BadInput(N_("--to {last} is before --from {first}"), first=a, last=b)
    names = []
    for item in scope:
        key = fold(item)
        names.append(key if key in KINDS else svc.catalog.resolve(item).id)
    text = (label or "").strip() or _("break")
    if len(text) > 80 or "\n" in text:
        raise BadInput(N_("a break label is one line of at most 80 characters"))
    summary = say("adding the break from {first} to {last}", first=a, last=b)  # days worded when undone
    return svc.journal.add_break(Break("", a, b, text, tuple(names)), summary)


def all_breaks(svc: Service) -> list[Break]:
    """Breaks you added and challenge runs (which are breaks too), by start."""
    from . import challenges

    from .. import i18n

    lang = i18n.current()  # a run is named by its challenge's title in the language spoken
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
    raise NotFound(N_("no break '{id}': see 'footprint break list'"), id=limits.shown(break_id))


def remove_break(svc: Service, break_id: str) -> None:
    if break_id.startswith("r"):
        raise BadInput(N_("that is a challenge run: it stays in the run history"))
    # ASCII digits of a size SQLite can hold: "²" is a digit to isdigit(), and int() refuses it.
    number = int(break_id) if break_id.isascii() and break_id.isdigit() and len(break_id) < 19 else None
    if number is None or not svc.journal.delete_break(number, say("removing break {id}", id=break_id)):
        raise NotFound(N_("no break '{id}': see 'footprint break list'"), id=limits.shown(break_id))


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
