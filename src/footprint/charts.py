"""Charts: series in, a terminal canvas string out (plotext), or an SVG/PNG image of the same series.

Never prints. The CLI, the TUI and the reports all call these. Each chart takes a plain series object
(built by ``services.charts``) so what is drawn is exactly what ``--json`` prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from . import l10n
from .i18n import _, pgettext

PASSIVE, ACTIVE, SCORE, SPAN = "░", "█", "•", "▬"
SHADES = " ░▒▓█"


class FootprintSeries(NamedTuple):
    labels: list[str]  # one per bucket: its first day, ISO
    bucket_days: int
    active: list[float]  # daily average captures per bucket
    passive: list[float]
    metric: str | None
    score: list[float | None]
    spans: list[tuple[str, int, int]]  # (label, first bucket, last bucket) for breaks and runs


class TouchpointSeries(NamedTuple):
    labels: list[str]
    bucket_days: int
    rows: list[tuple[str, list[int]]]  # (touchpoint, count per bucket), most used first
    names: Sequence[str] = ()  # each row's touchpoint by its label, in the language the series was built in


def metric_name(metric: str) -> str:
    """A score as a person reads it: the computed ``activity`` is "activity score (estimate)"; a score the
    person recorded keeps the name they gave it."""
    return _("activity score (estimate)") if metric == "activity" else metric


def day_label(iso: str) -> str:
    """A bucket's first day on an axis: ``01/12``."""
    return l10n.short_date(date.fromisoformat(iso))


def _per_bucket(days: int) -> str:
    return _("each bar: daily average over {n} days").format(n=days)


def _no_data() -> str:
    return _("Nothing to draw in this range.")


class ChallengeSeries(NamedTuple):
    title: str
    headline: str
    categories: list[str]  # active, passive, total
    run: list[float]
    baseline: list[float] | None


def _plotext(width: int, height: int):  # noqa: ANN202
    from .plotext_loader import load  # only the commands that draw pay for plotext

    plt = load()

    fig = plt.figure
    fig.clear()
    fig.plot_size(width, height)
    return plt, fig


def _ticks(labels: Sequence[str], width: int) -> tuple[list[int], list[str]]:
    """At most one date label every ~12 columns, so they never run into each other."""
    room = max(1, (width - 12) // 12)
    step = max(1, -(-len(labels) // room))
    positions = list(range(1, len(labels) + 1, step))
    return positions, [day_label(labels[p - 1]) for p in positions]


def footprint_chart(s: FootprintSeries, width: int, height: int, color: bool = True) -> str:
    """Stacked bars (passive below, active above) per bucket, the score as a line on the right axis, and each
    break or run as a bar above the plot, named in the legend line under it."""
    if not s.labels:
        return _no_data()
    plt, fig = _plotext(width, max(8, height - 1))
    x = list(range(1, len(s.labels) + 1))
    top = max([a + p for a, p in zip(s.active, s.passive, strict=True)] + [1.0])
    fig.draw(fig.bar(x, s.passive, marker=PASSIVE, width=0.6))
    fig.draw(fig.bar(x, s.passive, [a + p for a, p in zip(s.active, s.passive, strict=True)], marker=ACTIVE, width=0.6))
    legend = [PASSIVE + " " + pgettext("captures", "passive"), ACTIVE + " " + pgettext("captures", "active")]
    points = [(i, v) for i, v in zip(x, s.score, strict=True) if v is not None]
    if s.metric and points:
        line = fig.signal([i for i, _ in points], [v for _, v in points], yside="right", marker=SCORE)
        line.lines()
        fig.draw(line)
        peak = max(v for _, v in points)
        right = 100 if s.metric == "activity" else max(peak * 1.1, 1.0)
        fig.ruler("y", "right").lim(0, right)
        marks = [right * k / 4 for k in range(5)]
        fig.ruler("y", "right").ticks(marks, [l10n.number(v) for v in marks])
        legend.append(f"{SCORE} " + _("{score}, right axis").format(score=metric_name(s.metric)))
    for n, (label, first, last) in enumerate(s.spans):
        level = top * (1.08 + 0.06 * (n % 3))
        span = fig.signal([first + 1, last + 1], [level, level], marker=SPAN)
        span.lines()
        fig.draw(span)
        legend.append(f"{SPAN} {label} ({day_label(s.labels[first])}…)")
    upper = top * 1.3 if s.spans else top * 1.05
    fig.ruler("y").lim(0, upper)
    steps = [upper * k / 4 for k in range(5)]
    fig.ruler("y").ticks(steps, [l10n.integer(round(v)) for v in steps])
    positions, ticks = _ticks(s.labels, width)
    fig.ruler("x").ticks(positions, ticks)
    fig.legend(False)
    fig.title(_footprint_title(s))
    canvas = str(fig.build())
    return (canvas if color else plt.uncolorize(canvas)).rstrip("\n") + "\n" + "  ".join(legend)


def _footprint_title(s: FootprintSeries) -> str:
    title = _("Captures per day (estimate)")
    return title + " — " + _per_bucket(s.bucket_days) if s.bucket_days > 1 else title


def _touchpoints_title(s: TouchpointSeries) -> str:
    title = _("Touchpoints per day")
    return title + " — " + _per_bucket(s.bucket_days) if s.bucket_days > 1 else title


def _names(s: TouchpointSeries) -> list[str]:
    return list(s.names) if len(s.names) == len(s.rows) else [tp for tp, _counts in s.rows]


def touchpoints_chart(s: TouchpointSeries, width: int, height: int) -> str:
    """A calendar-like grid: one row per touchpoint, one column per bucket, shaded by how many touches."""
    if not s.rows:
        return _no_data()
    names = _names(s)
    name_width = min(18, max(len(name) for name in names))
    lines = [_touchpoints_title(s)]
    first, last = day_label(s.labels[0]), day_label(s.labels[-1])
    gap = max(1, len(s.labels) - len(first) - len(last))
    lines.append(
        " " * (name_width + 1) + first + " " * gap + last
        if len(s.labels) >= len(first) + len(last) + 1
        else " " * (name_width + 1) + first
    )
    for name, (_tp, counts) in list(zip(names, s.rows, strict=True))[: max(1, height - 3)]:
        peak = max(counts) or 1
        cells = "".join(SHADES[0] if c == 0 else SHADES[min(4, 1 + int(3 * c / peak))] for c in counts)
        shown = name if len(name) <= name_width else name[: name_width - 1] + "…"
        lines.append(f"{shown:<{name_width}} {cells}")
    lines.append(_("shades: fewer ░▒▓█ more touches"))
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


# --- images ----------------------------------------------------------------------------------------------


def footprint_svg(s: FootprintSeries) -> str:
    from .svg import timeseries_chart

    return timeseries_chart(
        _footprint_title(s),
        [day_label(d) for d in s.labels],
        [(pgettext("captures", "passive"), s.passive), (pgettext("captures", "active"), s.active)],
        (metric_name(s.metric), s.score) if s.metric else None,
        s.spans,
    )


def challenge_svg(s: ChallengeSeries) -> str:
    from .svg import bar_chart

    series: list[tuple[str, Sequence[float | None]]] = [(_("during the run"), s.run)]
    if s.baseline is not None:
        series.append((_("baseline"), s.baseline))
    return bar_chart(s.headline, s.categories, series)


def touchpoints_svg(s: TouchpointSeries) -> str:
    from .svg import bar_chart

    totals = [float(sum(c)) for _tp, c in s.rows]
    return bar_chart(_touchpoints_title(s), _names(s), [(_("touches"), totals)])


def png(svg: str) -> bytes:
    """The SVG as a PNG, through CairoSVG (the optional ``images`` extra)."""
    try:
        import cairosvg
    except ImportError:
        from .errors import BadInput
        from .i18n import N_

        raise BadInput(N_("PNG images need the images extra: pip install 'footprint[images]' (SVG needs nothing)")) from None
    return cairosvg.svg2png(bytestring=svg.encode("utf-8"))
