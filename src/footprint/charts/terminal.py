"""Charts for the terminal (plotext, through ``plotext_loader``): a canvas string, never printed here.

Bars are laid out on whole columns (every bucket gets the same number of columns, one of them a gap), so
the gaps between bars are regular whatever the range; a break or run is a shaded band behind the bars; a
bucket still under way is drawn with a lighter mark, an unlogged one left out, and the legend says both.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, NamedTuple

from ..i18n import _, pgettext
from .dates import axis_label, range_year
from .series import FootprintSeries, metric_name
from .ticks import aligned_ticks, nice_ticks
from .ticks import labels as tick_labels
from .words import footprint_title, open_note, span_names, unlogged_note

PASSIVE, ACTIVE, OPEN, SCORE, BAND = "░", "█", "▒", "•", "·"


class Plan(NamedTuple):
    """Whole columns for each bucket: ``per`` columns from ``offset`` (x is a column index)."""

    offset: int
    per: int

    def bars(self, i: int) -> list[int]:
        start = self.offset + i * self.per
        return list(range(start, start + max(1, self.per - 1)))

    def cells(self, i: int) -> list[int]:
        start = self.offset + i * self.per
        return list(range(start, start + self.per))

    def centre(self, i: int) -> float:
        return self.offset + i * self.per + (max(1, self.per - 1) - 1) / 2


def load(width: int, height: int) -> tuple[Any, Any]:
    from ..plotext_loader import load as load_plotext  # only the commands that draw pay for plotext

    plt = load_plotext()
    plt.terminal.limit(False, False)  # the size asked for, not the terminal's (the TUI and --width give it)
    fig = plt.figure
    fig.clear()
    fig.plot_size(width, height)
    return plt, fig


def no_data() -> str:
    return _("Nothing to draw in this range.")


def wrap_legend(items: Sequence[str], width: int) -> str:
    """Legend items on as many lines as the width needs (never cut)."""
    lines, line = [], ""
    for item in items:
        if line and len(line) + 2 + len(item) > width:
            lines.append(line)
            line = item
        else:
            line = f"{line}  {item}" if line else item
    return "\n".join([*lines, line])


def centred(title: str, width: int) -> str:
    """A title on as many centred lines as the width needs (plotext would drop a title too long)."""
    import textwrap

    return "\n".join(line.center(width).rstrip() for line in textwrap.wrap(title, width) or [""])


def _inner_width(plt: Any, fig: Any) -> int:
    """The plot area's columns, read off a frame built with the final ticks."""
    for row in plt.uncolorize(str(fig.build())).splitlines():
        if "┌" in row and "┐" in row:
            return row.index("┐") - row.index("┌") - 1
    return 1  # pragma: no cover (plotext always draws its frame)


def _frame(fig: Any, width: int, rows: int, left: list[float], right: list[float], n_cols: int) -> None:
    fig.clear()
    fig.plot_size(width, rows)
    fig.ruler("y").lim(0, left[-1])
    fig.ruler("y").ticks(left, tick_labels(left))
    if right:
        fig.ruler("y", "right").lim(0, right[-1])
        fig.ruler("y", "right").ticks(right, tick_labels(right))
    fig.ruler("x").lim(0, max(1, n_cols - 1))
    fig.legend(False)


def _x_ticks(s: FootprintSeries, plan: Plan) -> tuple[list[float], list[str]]:
    """Bucket names spaced so they never touch; the year on the first and where it changes, if needed."""
    days = [date.fromisoformat(d) for d in s.labels]
    year = range_year(s.labels, s.today) and s.bucket != "year"
    names = [axis_label(d, s.bucket, year and (i == 0 or d.year != days[i - 1].year)) for i, d in enumerate(days)]
    every = max(1, -(-(max(len(t) for t in names) + 3) // max(1, plan.per)))
    shown, last_year = [], None
    for i in range(0, len(days), every):
        with_year = year and days[i].year != last_year
        shown.append((plan.centre(i), axis_label(days[i], s.bucket, with_year)))
        last_year = days[i].year
    return [x for x, _ in shown], [t for _, t in shown]


def _layers(fig: Any, s: FootprintSeries, plan: Plan, upper: float, rows: int) -> None:
    """Bands for breaks and runs first (bars are drawn over them), then the passive layer (at least one
    row high, so it stays visible at any scale), then the active layer above it."""
    for span in s.spans:
        cols = [c for i in range(span.from_bucket, span.to_bucket + 1) for c in plan.cells(i)]
        fig.draw(fig.bar(cols, [upper] * len(cols), marker=BAND, width=0.2))
    row = 0.6 * upper / max(1, rows - 3)  # a little under one row: plotext rounds it up to exactly one
    for state_open in (False, True):
        xs, low, high = [], [], []
        for i, (a, p) in enumerate(zip(s.active, s.passive, strict=True)):
            if s.state[i] == "unlogged" or (s.state[i] == "open") != state_open:
                continue
            shown_p = max(p or 0.0, row) if p else 0.0
            for col in plan.bars(i):
                xs.append(col)
                low.append(shown_p)
                high.append(max(shown_p, (p or 0.0) + (a or 0.0)))
        if not xs:
            continue
        if any(low):  # an open bucket is all light marks: nothing in it is final
            fig.draw(fig.bar(xs, low, marker=OPEN if state_open else PASSIVE, width=0.2))
        fig.draw(fig.bar(xs, low, high, marker=OPEN if state_open else ACTIVE, width=0.2))


def _score(fig: Any, s: FootprintSeries, plan: Plan) -> bool:
    points = [(plan.centre(i), v) for i, v in enumerate(s.score) if v is not None]
    if not (s.metric and points):
        return False
    line = fig.signal([x for x, _ in points], [v for _, v in points], yside="right", marker=SCORE)
    line.lines()
    fig.draw(line)
    return True


def _legend(s: FootprintSeries, scored: bool) -> list[str]:
    items = [PASSIVE + " " + pgettext("captures", "passive"), ACTIVE + " " + pgettext("captures", "active")]
    if scored and s.metric:
        items.append(f"{SCORE} " + _("{score}, right axis").format(score=metric_name(s.metric)))
    items += [f"{BAND} {name}" for name in span_names(s)]
    if note := open_note(s.state, s.today, s.bucket):
        items.append(f"{OPEN} {note}")
    if note := unlogged_note(s.unlogged_days):
        items.append(note)
    return items


def footprint_chart(s: FootprintSeries, width: int, height: int, color: bool = True) -> str:
    """Stacked bars (passive below, active above) per bucket, the score as a line on the right axis aligned
    to the left one's ticks, breaks and runs as shaded bands named with their own dates under the chart."""
    if not s.labels:
        return no_data()
    totals = [(a or 0.0) + (p or 0.0) for a, p in zip(s.active, s.passive, strict=True)]
    left = nice_ticks(max(totals + [0.0]), 4)
    known = [v for v in s.score if v is not None]
    right = aligned_ticks(100.0 if s.metric == "activity" else max(known + [0.0]), len(left) - 1) if s.metric and known else []
    legend = wrap_legend(_legend(s, bool(right)), width)
    title = centred(footprint_title(s), width)
    rows = max(8, height - legend.count("\n") - title.count("\n") - 2)
    plt, fig = load(width, rows)
    _frame(fig, width, rows, left, right, 2)
    cols = _inner_width(plt, fig)
    per = max(1, cols // len(s.labels))
    plan = Plan((cols - per * len(s.labels)) // 2, per)
    _frame(fig, width, rows, left, right, cols)
    _layers(fig, s, plan, left[-1], rows)
    _score(fig, s, plan)
    fig.ruler("x").ticks(*_x_ticks(s, plan))
    canvas = str(fig.build())
    return title + "\n" + (canvas if color else plt.uncolorize(canvas)).rstrip("\n") + "\n" + legend
