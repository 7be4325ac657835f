"""Stacked bars over time (one per bucket), an optional line on a right-hand axis, shaded spans (breaks,
challenge runs), and buckets drawn for what they are: an unfinished one hatched, an unlogged one left out
(a dashed box on the baseline), each named in the legend.

Layout: the title wraps, the legend flows under it onto as many rows as it needs, the plot takes what is
left of the size asked for (the image grows rather than squeezing the plot below a legible height). Both
axes have round ticks (``charts.ticks``); the right one sits on the left one's gridlines.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from ..charts.ticks import aligned_ticks, nice_ticks
from ..charts.ticks import labels as tick_labels
from ..l10n import number
from .text import AXIS, GRID, MUTED, PALETTE, c, cut, document, label, text, title_block, usable, width as measure

_PAD, _TITLE, _TEXT, _SMALL = 20, 20, 14, 12
_SWATCH, _ROW, _MIN_PLOT = 14, 22, 140
SPAN_TINTS = ("#e2e2e2", "#f6dfc0", "#cfe6f3", "#dcefe3")
UNLOGGED_INK, HATCH_INK = "#9a9a9a", "#777777"


class Legend(NamedTuple):
    kind: str  # fill, hatch, line, band, gap
    name: str
    colour: str


class Frame(NamedTuple):
    left: float
    top: float
    width: float
    height: float

    def y(self, value: float, scale: float) -> float:
        return self.top + self.height - self.height * value / scale


def _swatch(item: Legend, x: float, y: float) -> str:
    s = _SWATCH
    if item.kind == "line":
        return f'<line x1="{c(x)}" y1="{c(y + s / 2)}" x2="{c(x + s)}" y2="{c(y + s / 2)}" stroke="{item.colour}" stroke-width="3"/>'
    if item.kind == "gap":
        return f'<rect x="{c(x + 0.5)}" y="{c(y + 0.5)}" width="{s - 1}" height="{s - 1}" fill="none" stroke="{UNLOGGED_INK}" stroke-dasharray="3 2"/>'
    fill = "url(#hatch-legend)" if item.kind == "hatch" else item.colour
    edge = f' stroke="{item.colour}"' if item.kind == "hatch" else ""
    return f'<rect x="{c(x)}" y="{c(y)}" width="{s}" height="{s}" fill="{fill}"{edge}/>'


def _legend(items: Sequence[Legend], y: float, width: float) -> tuple[list[str], float]:
    """Items flowing left to right, onto as many rows as needed; returns the y under the last row."""
    out: list[str] = []
    x, room = float(_PAD), width - 2 * _PAD
    for item in items:
        name = cut(item.name, room - _SWATCH - 8, _TEXT)
        size = _SWATCH + 8 + measure(name, _TEXT) + 24
        if x > _PAD and x + size > width - _PAD:
            x, y = float(_PAD), y + _ROW
        out.append(_swatch(item, x, y))
        out.append(f'<text x="{c(x + _SWATCH + 8)}" y="{c(y + _SWATCH - 2)}">{text(name)}</text>')
        x += size
    return out, y + (_ROW if items else 0)


def _hatch(pid: str, colour: str) -> str:
    return (
        f'<pattern id="{pid}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        f'<rect width="6" height="6" fill="#ffffff"/><rect width="3" height="6" fill="{colour}"/></pattern>'
    )


def _hatches(colours: Sequence[str]) -> str:
    """A diagonal hatch per layer colour (``hatch-0``…) and a grey one for the legend: unfinished buckets."""
    return "".join(_hatch(f"hatch-{i}", colour) for i, colour in enumerate(colours)) + _hatch("hatch-legend", HATCH_INK)


def _left_axis(frame: Frame, ticks: list[float]) -> list[str]:
    out = []
    for value, name in zip(ticks, tick_labels(ticks), strict=True):
        y = frame.y(value, ticks[-1])
        out.append(f'<line x1="{c(frame.left)}" y1="{c(y)}" x2="{c(frame.left + frame.width)}" y2="{c(y)}" stroke="{GRID}"/>')
        out.append(f'<text x="{c(frame.left - 8)}" y="{c(y + 5)}" text-anchor="end" fill="{MUTED}">{text(name)}</text>')
    return out


def _right_axis(frame: Frame, ticks: list[float], colour: str) -> list[str]:
    x = frame.left + frame.width + 8
    return [
        f'<text x="{c(x)}" y="{c(frame.y(v, ticks[-1]) + 5)}" fill="{colour}">{text(name)}</text>'
        for v, name in zip(ticks, tick_labels(ticks), strict=True)
    ]


def _x_labels(frame: Frame, labels: Sequence[str], years: Sequence[str]) -> list[str]:
    """Every k-th bucket named so names never touch; the year under the first name and where it changes."""
    n = len(labels)
    step = frame.width / max(n, 1)
    widest = max((measure(t, _TEXT) for t in labels), default=0) + 14
    every = max(1, -(-int(widest) // max(1, int(step))))
    out, last_year = [], ""
    base = frame.top + frame.height
    for i in range(0, n, every):
        x = frame.left + (i + 0.5) * step
        out.append(f'<text x="{c(x)}" y="{c(base + 20)}" text-anchor="middle" fill="{MUTED}">{text(labels[i])}</text>')
        year = years[i] if i < len(years) else ""
        if year and year != last_year:
            out.append(f'<text x="{c(x)}" y="{c(base + 38)}" text-anchor="middle" fill="{MUTED}">{text(year)}</text>')
            last_year = year
    return out


def _bars(frame: Frame, stacked: Sequence[tuple[str, Sequence[float | None]]], states: Sequence[str],
          labels: Sequence[str], scale: float, fmt: Callable[[float], str]) -> list[str]:
    """Stacked bars; an open bucket's in its layer's hatch, an unlogged one as a dashed box on the baseline."""
    out: list[str] = []
    step = frame.width / max(len(labels), 1)
    base_y = frame.top + frame.height
    for i in range(len(labels)):
        x, w = frame.left + i * step + step * 0.1, max(step * 0.8, 0.5)
        state = states[i] if i < len(states) else ""
        if state == "unlogged":
            out.append(
                f'<rect x="{c(x)}" y="{c(base_y - 8)}" width="{c(w)}" height="8" fill="none" '
                f'stroke="{UNLOGGED_INK}" stroke-dasharray="3 2"/>'
            )
            continue
        base = 0.0
        for si, (name, values) in enumerate(stacked):
            v = usable(values[i]) or 0.0
            if v <= 0:
                continue
            y0, y1 = frame.y(base + v, scale), frame.y(base, scale)
            colour = PALETTE[si % len(PALETTE)]
            fill = f'fill="url(#hatch-{si})" stroke="{colour}"' if state == "open" else f'fill="{colour}"'
            out.append(
                f'<rect x="{c(x)}" y="{c(y0)}" width="{c(w)}" height="{c(y1 - y0)}" {fill}>'
                f"<title>{text(label(labels[i], label(name, fmt(v))))}</title></rect>"
            )
            base += v
    return out


def _line(frame: Frame, values: Sequence[float | None], scale: float, colour: str) -> list[str]:
    """The line through the known values (a gap stays a gap: no line across buckets without a value)."""
    step = frame.width / max(len(values), 1)
    runs: list[list[str]] = [[]]
    for i, v in enumerate(usable(v) for v in values):
        if v is None:
            runs.append([])
            continue
        runs[-1].append(f"{c(frame.left + (i + 0.5) * step)},{c(frame.y(v, scale))}")
    return [
        f'<polyline points="{" ".join(r)}" fill="none" stroke="{colour}" stroke-width="2.5"/>' if len(r) > 1
        else f'<circle cx="{r[0].split(",")[0]}" cy="{r[0].split(",")[1]}" r="3" fill="{colour}"/>'
        for r in runs
        if r
    ]


def _bands(frame: Frame, spans: Sequence[tuple[str, int, int]], n: int) -> list[str]:
    step = frame.width / max(n, 1)
    return [
        f'<rect x="{c(frame.left + first * step)}" y="{c(frame.top)}" width="{c((last + 1 - first) * step)}" '
        f'height="{c(frame.height)}" fill="{SPAN_TINTS[k % len(SPAN_TINTS)]}"><title>{text(name)}</title></rect>'
        for k, (name, first, last) in enumerate(spans)
    ]


def _items(stacked: Sequence[tuple[str, object]], line: tuple[str, object] | None,
           spans: Sequence[tuple[str, int, int]], marks: Sequence[tuple[str, str]]) -> list[Legend]:
    items = [Legend("fill", name, PALETTE[i % len(PALETTE)]) for i, (name, _) in enumerate(stacked)]
    if line:
        items.append(Legend("line", line[0], PALETTE[len(stacked) % len(PALETTE)]))
    items += [Legend("band", name, SPAN_TINTS[k % len(SPAN_TINTS)]) for k, (name, _, _) in enumerate(spans)]
    items += [Legend("hatch" if state == "open" else "gap", name, HATCH_INK) for state, name in marks]
    return items


def timeseries_chart(
    title: str,
    labels: Sequence[str],
    stacked: Sequence[tuple[str, Sequence[float | None]]],
    line: tuple[str, Sequence[float | None]] | None = None,
    spans: Sequence[tuple[str, int, int]] = (),
    *,
    states: Sequence[str] = (),
    marks: Sequence[tuple[str, str]] = (),
    years: Sequence[str] = (),
    line_top: float | None = None,
    width: int = 1200,
    height: int = 600,
    fmt: Callable[[float], str] = number,
) -> str:
    """``labels`` name the buckets on the axis (``years``, if given, the year of each, shown under the
    first name and where it changes); ``states`` per bucket (``open`` is hatched, ``unlogged`` left out);
    ``marks`` the legend's words for those states, as ``(state, words)``; ``line_top`` the line's scale
    (default: its highest value)."""
    head, y = title_block(title, _PAD, _PAD, width - 2 * _PAD, _TITLE)
    items = _items(stacked, line, spans, marks)
    legend, y = _legend(items, y + 14, width)
    top = y + _TEXT  # the top tick's label is centred on its gridline: keep it clear of the legend
    bottom = 30 + (18 if any(years) else 0) + _PAD
    height = max(height, round(top + _MIN_PLOT + bottom))
    totals = [sum(usable(v[i]) or 0.0 for _, v in stacked) for i in range(len(labels))]
    left_ticks = nice_ticks(max(totals + [0.0]), 5)
    left = _PAD + max(measure(t, _TEXT) for t in tick_labels(left_ticks)) + 10
    right_ticks, right = [], float(_PAD)
    if line:
        known = [v for v in (usable(x) for x in line[1]) if v is not None]
        right_ticks = aligned_ticks(line_top or max(known + [0.0]), len(left_ticks) - 1)
        right = _PAD + max(measure(t, _TEXT) for t in tick_labels(right_ticks)) + 10
    frame = Frame(left, top, width - left - right, height - top - bottom)
    body = head + legend + _bands(frame, spans, len(labels)) + _left_axis(frame, left_ticks)
    body += _bars(frame, stacked, states, labels, left_ticks[-1], fmt)
    if line:
        colour = PALETTE[len(stacked) % len(PALETTE)]
        body += _line(frame, line[1], right_ticks[-1], colour) + _right_axis(frame, right_ticks, colour)
    base = frame.top + frame.height
    body.append(f'<line x1="{c(left)}" y1="{c(base)}" x2="{c(left + frame.width)}" y2="{c(base)}" stroke="{AXIS}"/>')
    body += _x_labels(frame, labels, years)
    return document(title, width, height, body, _TEXT, _hatches([PALETTE[i] for i in range(len(stacked))]))
