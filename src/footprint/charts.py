"""Charts: series in, a terminal canvas string out (plotext), or an SVG/PNG image of the same series.

Never prints. The CLI, the TUI and the reports all call these. Each chart takes a plain series object
(built by ``services.charts``) so what is drawn is exactly what ``--json`` prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from .i18n_legacy import register, t

register(
    {
        "chart.footprint": ("Captures per day (estimate)", "Captures par jour (estimation)"),
        "chart.touchpoints": ("Touchpoints per day", "Points de contact par jour"),
        "chart.active": ("active", "actives"),
        "chart.passive": ("passive", "passives"),
        "chart.right": ("right axis", "axe de droite"),
        "chart.per_bucket": ("each bar: daily average over {n} days", "chaque barre : moyenne par jour sur {n} jours"),
        "chart.no_data": ("Nothing to draw in this range.", "Rien à dessiner sur cette période."),
        "chart.run": ("during the run", "pendant le défi"),
        "chart.baseline": ("baseline", "référence"),
        "chart.scale": ("shades: fewer ░▒▓█ more touches", "nuances : moins ░▒▓█ plus de contacts"),
    }
)

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
    return positions, [labels[p - 1][5:] if len(labels) <= 366 else labels[p - 1][:7] for p in positions]


def footprint_chart(s: FootprintSeries, width: int, height: int, lang: str, color: bool = True) -> str:
    """Stacked bars (passive below, active above) per bucket, the score as a line on the right axis, and each
    break or run as a bar above the plot, named in the legend line under it."""
    if not s.labels:
        return t("chart.no_data", lang)
    plt, fig = _plotext(width, max(8, height - 1))
    x = list(range(1, len(s.labels) + 1))
    top = max([a + p for a, p in zip(s.active, s.passive, strict=True)] + [1.0])
    fig.draw(fig.bar(x, s.passive, marker=PASSIVE, width=0.6))
    fig.draw(fig.bar(x, s.passive, [a + p for a, p in zip(s.active, s.passive, strict=True)], marker=ACTIVE, width=0.6))
    legend = [f"{PASSIVE} {t('chart.passive', lang)}", f"{ACTIVE} {t('chart.active', lang)}"]
    points = [(i, v) for i, v in zip(x, s.score, strict=True) if v is not None]
    if s.metric and points:
        line = fig.signal([i for i, _ in points], [v for _, v in points], yside="right", marker=SCORE)
        line.lines()
        fig.draw(line)
        peak = max(v for _, v in points)
        fig.ruler("y", "right").lim(0, 100 if s.metric == "activity" else max(peak * 1.1, 1.0))
        legend.append(f"{SCORE} {s.metric} ({t('chart.right', lang)})")
    for n, (label, first, last) in enumerate(s.spans):
        level = top * (1.08 + 0.06 * (n % 3))
        span = fig.signal([first + 1, last + 1], [level, level], marker=SPAN)
        span.lines()
        fig.draw(span)
        legend.append(f"{SPAN} {label} ({s.labels[first]}…)")
    upper = top * 1.3 if s.spans else top * 1.05
    fig.ruler("y").lim(0, upper)
    steps = [upper * k / 4 for k in range(5)]
    fig.ruler("y").ticks(steps, [f"{round(v):,}".replace(",", " ") for v in steps])
    positions, ticks = _ticks(s.labels, width)
    fig.ruler("x").ticks(positions, ticks)
    fig.legend(False)
    title = t("chart.footprint", lang)
    if s.bucket_days > 1:
        title += " — " + t("chart.per_bucket", lang, n=s.bucket_days)
    fig.title(title)
    canvas = str(fig.build())
    return (canvas if color else plt.uncolorize(canvas)).rstrip("\n") + "\n" + "  ".join(legend)


def touchpoints_chart(s: TouchpointSeries, width: int, height: int, lang: str) -> str:
    """A calendar-like grid: one row per touchpoint, one column per bucket, shaded by how many touches."""
    if not s.rows:
        return t("chart.no_data", lang)
    name_width = min(18, max(len(tp) for tp, _ in s.rows))
    lines = [
        t("chart.touchpoints", lang)
        + (f" — {t('chart.per_bucket', lang, n=s.bucket_days)}" if s.bucket_days > 1 else "")
    ]
    first, last = s.labels[0], s.labels[-1]
    gap = max(1, len(s.labels) - len(first) - len(last))
    lines.append(
        " " * (name_width + 1) + first + " " * gap + last
        if len(s.labels) >= len(first) + len(last) + 1
        else " " * (name_width + 1) + first
    )
    for tp, counts in s.rows[: max(1, height - 3)]:
        peak = max(counts) or 1
        cells = "".join(SHADES[0] if c == 0 else SHADES[min(4, 1 + int(3 * c / peak))] for c in counts)
        lines.append(f"{tp[:name_width]:<{name_width}} {cells}")
    lines.append(t("chart.scale", lang))
    return "\n".join(lines)


def challenge_chart(s: ChallengeSeries, width: int, height: int, lang: str, color: bool = True) -> str:
    """The run's captures beside the baseline, as text bars (one pair per row), under the verdict's headline."""
    rows: list[tuple[str, str, float]] = []
    for i, name in enumerate(s.categories):
        rows.append((name, t("chart.run", lang), s.run[i]))
        if s.baseline is not None:
            rows.append(("", t("chart.baseline", lang), s.baseline[i]))
    peak = max([v for _, _, v in rows] + [1.0])
    name_w = max(len(n) for n, _, _ in rows)
    kind_w = max(len(k) for _, k, _ in rows)
    room = max(10, width - name_w - kind_w - 12)
    lines = [s.headline, s.title, ""]
    for name, kind, value in rows:
        bar = (ACTIVE if kind == t("chart.run", lang) else PASSIVE) * max(
            1 if value > 0 else 0, round(room * value / peak)
        )
        lines.append(f"{name:<{name_w}}  {kind:<{kind_w}} {bar} {value:g}")
    if s.baseline is None:
        lines.append(t("ch.no_baseline", lang))
    return "\n".join(lines)


# --- images ----------------------------------------------------------------------------------------------


def footprint_svg(s: FootprintSeries, lang: str) -> str:
    from .svg import timeseries_chart

    title = t("chart.footprint", lang) + (
        f" — {t('chart.per_bucket', lang, n=s.bucket_days)}" if s.bucket_days > 1 else ""
    )
    return timeseries_chart(
        title,
        s.labels,
        [(t("chart.passive", lang), s.passive), (t("chart.active", lang), s.active)],
        (s.metric, s.score) if s.metric else None,
        s.spans,
    )


def challenge_svg(s: ChallengeSeries, lang: str) -> str:
    from .svg import bar_chart

    series: list[tuple[str, Sequence[float | None]]] = [(t("chart.run", lang), s.run)]
    if s.baseline is not None:
        series.append((t("chart.baseline", lang), s.baseline))
    return bar_chart(s.headline, s.categories, series)


def touchpoints_svg(s: TouchpointSeries, lang: str) -> str:
    from .svg import bar_chart

    totals = [(tp, float(sum(c))) for tp, c in s.rows]
    return bar_chart(
        t("chart.touchpoints", lang), [tp for tp, _ in totals], [(t("captures", lang), [v for _, v in totals])]
    )


def png(svg: str) -> bytes:
    """The SVG as a PNG, through CairoSVG (the optional ``images`` extra)."""
    try:
        import cairosvg
    except ImportError:
        from .errors import BadInput

        raise BadInput(
            "PNG images need the images extra: pip install 'footprint[images]' (SVG needs nothing)"
        ) from None
    return cairosvg.svg2png(bytestring=svg.encode("utf-8"))
