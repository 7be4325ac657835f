"""Charts drawn with characters only (no plotext): touches per touchpoint as a calendar-like grid, and a
challenge run's captures beside the baseline as text bars."""

from __future__ import annotations

from datetime import date

from .. import l10n
from ..i18n import _
from .dates import axis_label, range_year
from .series import ChallengeSeries, TouchpointSeries
from .terminal import ACTIVE, PASSIVE, no_data, wrap_legend
from .words import period, unlogged_note

SHADES = " ░▒▓█"
UNLOGGED_CELL = "·"


def each_column(bucket: str) -> str:
    if bucket == "week":
        return _("each column: a week")
    if bucket == "month":
        return _("each column: a month")
    return _("each column: a year") if bucket == "year" else _("each column: a day")


def touchpoints_title(s: TouchpointSeries) -> str:
    if s.first and s.last:
        first, last = date.fromisoformat(s.first), date.fromisoformat(s.last)
        title = _("Touches per touchpoint, {period}").format(period=period(first, last))
    else:
        title = _("Touches per touchpoint")
    return f"{title} — {each_column(s.bucket)}"


def _names(s: TouchpointSeries) -> list[str]:
    return list(s.names) if len(s.names) == len(s.rows) else [tp for tp, _counts in s.rows]


def _cells(counts: list[int], states: list[str]) -> str:
    peak = max(counts) or 1
    out = []
    for i, count in enumerate(counts):
        if i < len(states) and states[i] == "unlogged":
            out.append(UNLOGGED_CELL)
        else:
            out.append(SHADES[0] if count == 0 else SHADES[min(4, 1 + int(3 * count / peak))])
    return "".join(out)


def _header(s: TouchpointSeries, indent: int) -> str:
    year = range_year(s.labels, s.today)
    first = axis_label(date.fromisoformat(s.labels[0]), s.bucket, year)
    last = axis_label(date.fromisoformat(s.labels[-1]), s.bucket, year)
    gap = len(s.labels) - len(first) - len(last)
    return " " * indent + (first + " " * gap + last if gap >= 1 else first)


def touchpoints_chart(s: TouchpointSeries, width: int, height: int) -> str:
    """A calendar-like grid: one row per touchpoint, one column per bucket, shaded by how many touches;
    a bucket nobody logged is dotted, not blank."""
    if not s.rows:
        return no_data()
    names = _names(s)
    name_width = min(18, max(len(name) for name in names))
    lines = [touchpoints_title(s), _header(s, name_width + 1)]
    for name, (_tp, counts) in list(zip(names, s.rows, strict=True))[: max(1, height - 3)]:
        shown = name if len(name) <= name_width else name[: name_width - 1] + "…"
        lines.append(f"{shown:<{name_width}} {_cells(counts, list(s.state))}")
    items = [_("shades: fewer ░▒▓█ more touches")]
    if s.today and "open" in s.state:
        day = l10n.day_month(date.fromisoformat(s.today))
        items.append(_("last column: today ({day}), not finished yet").format(day=day))
    if note := unlogged_note(s.unlogged_days):
        items.append(f"{UNLOGGED_CELL} {note}")
    lines.append(wrap_legend(items, width))
    return "\n".join(lines)


def challenge_chart(s: ChallengeSeries, width: int, height: int, color: bool = True) -> str:
    """The run's captures beside the baseline, as text bars (one pair per row), under the verdict's headline."""
    run_word, baseline_word = _("during the run"), _("baseline")
    rows: list[tuple[str, str, float]] = []
    for i, name in enumerate(s.categories):
        rows.append((name, run_word, s.run[i]))
        if s.baseline is not None:
            rows.append(("", baseline_word, s.baseline[i]))
    peak = max([v for _, _, v in rows] + [1.0])
    name_w = max(len(n) for n, _, _ in rows)
    kind_w = max(len(k) for _, k, _ in rows)
    room = max(10, width - name_w - kind_w - 12)
    lines = [s.headline, s.title, ""]
    for name, kind, value in rows:
        bar = (ACTIVE if kind == run_word else PASSIVE) * max(1 if value > 0 else 0, round(room * value / peak))
        lines.append(f"{name:<{name_w}}  {kind:<{kind_w}} {bar} {l10n.number(value)}")
    if s.baseline is None:
        lines.append(_("No baseline: close some days before a run (footprint close) to compare with."))
    return "\n".join(lines)

