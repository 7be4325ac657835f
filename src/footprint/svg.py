"""A small SVG bar-chart writer for reports (group summaries, blog reports): no dependency, no script,
no external font or image. ``bar_chart`` returns the text of a standalone SVG document that can also be
inlined as is in an HTML page.

Charts are readable on white whatever the viewer's theme (they paint their own white background), use the
Okabe–Ito colour-blind-safe palette, and escape every text they draw. Text widths are estimated (there are
no font metrics here), so long labels are cut with an ellipsis rather than overflowing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from html import escape

from .i18n import pgettext
from .l10n import number  # the default value label, as everywhere else, in the language spoken

WIDTH = 720
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000")
FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"
INK, MUTED, AXIS = "#1a1a1a", "#555555", "#8c8c8c"

_PAD = 16
_TITLE_SIZE, _TEXT_SIZE, _VALUE_SIZE = 16, 12, 11
_CHAR = 0.6  # average advance of a sans-serif character, in font sizes (an estimate: no metrics here)
_BAR, _BAR_GAP, _GROUP_GAP = 16, 3, 14
_SWATCH, _LEGEND_ROW = 12, 20
# Characters XML 1.0 cannot carry, and lone surrogates (which cannot be written as UTF-8).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _label(name: str, value: str) -> str:
    """ "name: value" with the language's colon (« nom : valeur »)."""
    return pgettext("label", "{label}: {text}").format(label=name, text=value)


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("", value))


def _c(x: float) -> str:
    """A coordinate, without trailing zeros."""
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _width(text: str, size: float) -> float:
    return len(text) * size * _CHAR


def _cut(text: str, room: float, size: float) -> str:
    fits = max(1, int(room / (size * _CHAR)))
    return text if len(text) <= fits else text[: max(1, fits - 1)].rstrip() + "…"


def _usable(value: float | None) -> float | None:
    return None if value is None or not math.isfinite(value) else value


def bar_chart(
    title: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    unit: str = "",
    *,
    fmt: Callable[[float], str] = number,
    width: int = WIDTH,
) -> str:
    """Horizontal grouped bars: one group per category, one bar per series in it, a legend of the series.

    Each series is ``(name, values)`` with one value per category; a value of None (or NaN) draws no bar.
    Values should be 0 or more (a negative one draws as an empty bar but keeps its label). Every bar is
    labelled with ``fmt(value)`` followed by ``unit`` (after a space, unless the unit starts with "%").
    The width is fixed; the height follows from the number of categories and series.
    """
    for name, values in series:
        if len(values) != len(categories):
            raise ValueError(f"series {name!r} has {len(values)} values for {len(categories)} categories")

    def label(value: float) -> str:
        text = fmt(value)
        return text + ("" if not unit else unit if unit.startswith("%") else " " + unit)

    values = [[_usable(v) for v in vs] for _, vs in series]
    labels = [[label(v) if v is not None else "" for v in vs] for vs in values]
    top = max((v for vs in values for v in vs if v is not None), default=0.0)
    scale_top = top if top > 0 else 1.0

    out: list[str] = []
    y = _PAD + _TITLE_SIZE
    out.append(
        f'<text x="{_PAD}" y="{y}" font-size="{_TITLE_SIZE}" font-weight="bold">'
        f"{_text(_cut(title, width - 2 * _PAD, _TITLE_SIZE))}</text>"
    )

    # The legend, wrapped onto as many rows as it needs.
    y += 12
    x = float(_PAD)
    for i, (name, _) in enumerate(series):
        shown = _cut(name, width - 2 * _PAD - _SWATCH - 6, _TEXT_SIZE)
        item = _SWATCH + 6 + _width(shown, _TEXT_SIZE) + 18
        if x > _PAD and x + item > width - _PAD:
            x, y = float(_PAD), y + _LEGEND_ROW
        out.append(
            f'<rect x="{_c(x)}" y="{y}" width="{_SWATCH}" height="{_SWATCH}" fill="{PALETTE[i % len(PALETTE)]}"/>'
            f'<text x="{_c(x + _SWATCH + 6)}" y="{y + _SWATCH - 2}">{_text(shown)}</text>'
        )
        x += item
    y += (_LEGEND_ROW if series else 0) + 10

    # Columns: category labels | bars | room for the longest value label.
    label_room = min(max((_width(c, _TEXT_SIZE) for c in categories), default=0) + 10, width * 0.38)
    value_room = max((_width(t, _VALUE_SIZE) for ts in labels for t in ts), default=0) + 8
    x0 = _PAD + label_room
    span = max(width - _PAD - value_room - x0, 40.0)
    group_h = len(series) * _BAR + max(len(series) - 1, 0) * _BAR_GAP
    chart_top = y
    for ci, category in enumerate(categories):
        mid = y + group_h / 2
        out.append(
            f'<text x="{_c(x0 - 8)}" y="{_c(mid + _TEXT_SIZE * 0.35)}" text-anchor="end">'
            f"{_text(_cut(category, label_room - 10, _TEXT_SIZE))}</text>"
        )
        for si, (name, _) in enumerate(series):
            value = values[si][ci]
            bar_y = y + si * (_BAR + _BAR_GAP)
            if value is not None:
                length = max(value, 0) / scale_top * span
                length = max(length, 1.0) if value > 0 else 0.0
                tip = _text(_label(category, _label(name, labels[si][ci])))
                out.append(
                    f'<rect x="{_c(x0)}" y="{_c(bar_y)}" width="{_c(length)}" height="{_BAR}" '
                    f'fill="{PALETTE[si % len(PALETTE)]}"><title>{tip}</title></rect>'
                    f'<text x="{_c(x0 + length + 4)}" y="{_c(bar_y + _BAR / 2 + _VALUE_SIZE * 0.35)}" '
                    f'font-size="{_VALUE_SIZE}" fill="{MUTED}">{_text(labels[si][ci])}</text>'
                )
        y += group_h + _GROUP_GAP
    if categories:
        out.append(
            f'<line x1="{_c(x0)}" y1="{_c(chart_top - 4)}" x2="{_c(x0)}" y2="{_c(y - _GROUP_GAP + 4)}" '
            f'stroke="{AXIS}" stroke-width="1"/>'
        )
    height = math.ceil(y - (_GROUP_GAP if categories else 0) + _PAD)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img">'
        f"<title>{_text(title)}</title>"
        f'<rect width="100%" height="100%" fill="#ffffff"/>'
        f'<g font-family="{FONT}" font-size="{_TEXT_SIZE}" fill="{INK}">' + "".join(out) + "</g></svg>\n"
    )


def timeseries_chart(
    title: str,
    labels: Sequence[str],
    stacked: Sequence[tuple[str, Sequence[float]]],
    line: tuple[str, Sequence[float | None]] | None = None,
    spans: Sequence[tuple[str, int, int]] = (),
    *,
    width: int = WIDTH,
    height: int = 360,
) -> str:
    """Stacked vertical bars over time (one per label), an optional line on a right-hand axis, and shaded
    spans (breaks, challenge runs) named in the legend. ``labels`` are the x positions' names (dates)."""
    n = len(labels)
    legend = [name for name, _ in stacked] + ([line[0] + " →"] if line else []) + [name for name, _, _ in spans]
    legend_rows = math.ceil(len(legend) / 3) or 1
    top = _PAD + _TITLE_SIZE + 8 + legend_rows * _LEGEND_ROW
    left, right = 56, 48 if line else 16
    plot_w, plot_h = width - left - right, height - top - 40
    out: list[str] = [
        f'<text x="{_PAD}" y="{_PAD + _TITLE_SIZE}" font-size="{_TITLE_SIZE}" font-weight="bold">'
        f"{_text(_cut(title, width - 2 * _PAD, _TITLE_SIZE))}</text>"
    ]
    for i, name in enumerate(legend):
        x, y = _PAD + (i % 3) * (width - 2 * _PAD) / 3, _PAD + _TITLE_SIZE + 8 + (i // 3) * _LEGEND_ROW
        colour = PALETTE[i % len(PALETTE)] if i < len(stacked) + (1 if line else 0) else "#bbbbbb"
        out.append(f'<rect x="{_c(x)}" y="{_c(y)}" width="{_SWATCH}" height="{_SWATCH}" fill="{colour}"/>')
        out.append(
            f'<text x="{_c(x + _SWATCH + 6)}" y="{_c(y + _SWATCH - 1)}">{_text(_cut(name, (width - 2 * _PAD) / 3 - 24, _TEXT_SIZE))}</text>'
        )
    totals = [sum((_usable(v[i]) or 0.0) for _, v in stacked) for i in range(n)]
    peak = max(totals + [1.0])
    step = plot_w / max(n, 1)

    def y_of(value: float, scale: float) -> float:
        return top + plot_h - plot_h * value / scale

    for name, first, last in spans:
        x0, x1 = left + first * step, left + (last + 1) * step
        out.append(
            f'<rect x="{_c(x0)}" y="{top}" width="{_c(x1 - x0)}" height="{_c(plot_h)}" fill="#e8e8e8">'
            f"<title>{_text(name)}</title></rect>"
        )
    for k in range(5):
        value = peak * k / 4
        y = y_of(value, peak)
        out.append(f'<line x1="{left}" y1="{_c(y)}" x2="{left + plot_w}" y2="{_c(y)}" stroke="#eeeeee"/>')
        out.append(
            f'<text x="{left - 6}" y="{_c(y + 4)}" text-anchor="end" fill="{MUTED}">{_text(number(value))}</text>'
        )
    for i in range(n):
        base = 0.0
        for si, (name, values) in enumerate(stacked):
            v = _usable(values[i]) or 0.0
            if v <= 0:
                continue
            y0, y1 = y_of(base + v, peak), y_of(base, peak)
            out.append(
                f'<rect x="{_c(left + i * step + step * 0.1)}" y="{_c(y0)}" width="{_c(max(step * 0.8, 0.5))}" '
                f'height="{_c(y1 - y0)}" fill="{PALETTE[si % len(PALETTE)]}"><title>'
                f"{_text(_label(labels[i], _label(name, number(v))))}</title></rect>"
            )
            base += v
    if line:
        values = [_usable(v) for v in line[1]]
        known = [v for v in values if v is not None]
        scale = max(known + [1.0])
        points = [f"{_c(left + (i + 0.5) * step)},{_c(y_of(v, scale))}" for i, v in enumerate(values) if v is not None]
        colour = PALETTE[len(stacked) % len(PALETTE)]
        if points:
            out.append(f'<polyline points="{" ".join(points)}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for k in range(5):
            value = scale * k / 4
            out.append(
                f'<text x="{left + plot_w + 6}" y="{_c(y_of(value, scale) + 4)}" fill="{colour}">'
                f"{_text(number(value))}</text>"
            )
    out.append(f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="{AXIS}"/>')
    every = max(1, math.ceil(n / max(1, plot_w // 80)))
    for i in range(0, n, every):
        out.append(
            f'<text x="{_c(left + (i + 0.5) * step)}" y="{top + plot_h + 16}" text-anchor="middle" '
            f'fill="{MUTED}">{_text(labels[i])}</text>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img"><title>{_text(title)}</title><rect width="100%" height="100%" fill="#ffffff"/>'
        f'<g font-family="{FONT}" font-size="{_TEXT_SIZE}" fill="{INK}">' + "".join(out) + "</g></svg>\n"
    )
