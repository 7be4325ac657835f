"""Horizontal grouped bars (group summaries, blog reports, touches per touchpoint): one group per category,
one bar per series, every bar labelled with its value. The width is given; the height follows the rows."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from ..l10n import number  # the default value label, as everywhere else, in the language spoken
from .text import AXIS, MUTED, PALETTE, c, cut, document, label, text, title_block, usable, width as measure, wrap

WIDTH = 720
_PAD = 16
_BASE = (16, 12, 11, 16, 3, 14, 12, 20)  # title, text, value sizes; bar, gap, group gap; swatch, legend row


class _Scale(NamedTuple):
    """Sizes for a chart ``width`` wide: those of 720 px, grown with wider images (a post's 1200 px)."""

    title: float
    text: float
    value: float
    bar: float
    gap: float
    group: float
    swatch: float
    row: float

    @classmethod
    def of(cls, width: int) -> _Scale:
        k = min(1.6, max(1.0, width / 900))
        sizes = (round(v * k, 1) for v in _BASE)
        return cls(*(int(v) if v == int(v) else v for v in sizes))


def _legend(names: Sequence[str], y: float, width: float, z: _Scale) -> tuple[list[str], float]:
    """The series' swatches, flowing onto as many rows as they need; returns the y under them."""
    out: list[str] = []
    x = float(_PAD)
    for i, name in enumerate(names):
        shown = cut(name, width - 2 * _PAD - z.swatch - 6, z.text)
        item = z.swatch + 6 + measure(shown, z.text) + 18
        if x > _PAD and x + item > width - _PAD:
            x, y = float(_PAD), y + z.row
        out.append(
            f'<rect x="{c(x)}" y="{c(y)}" width="{z.swatch}" height="{z.swatch}" fill="{PALETTE[i % len(PALETTE)]}"/>'
            f'<text x="{c(x + z.swatch + 6)}" y="{c(y + z.swatch - 2)}">{text(shown)}</text>'
        )
        x += item
    return out, y + (z.row if names else 0)


def _notes(notes: Sequence[str], y: float, width: float, z: _Scale) -> tuple[list[str], float]:
    out: list[str] = []
    y -= 6 if notes else 0
    for note in notes:
        for line in wrap(note, width - 2 * _PAD, z.value):
            y += z.value * 1.4
            out.append(f'<text x="{_PAD}" y="{c(y)}" font-size="{z.value}" fill="{MUTED}">{text(line)}</text>')
    return out, y + (8 if notes else 0)


def bar_chart(
    title: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    unit: str = "",
    *,
    fmt: Callable[[float], str] = number,
    width: int = WIDTH,
    notes: Sequence[str] = (),
) -> str:
    """Each series is ``(name, values)`` with one value per category; a value of None (or NaN) draws no bar.
    Values should be 0 or more (a negative one draws as an empty bar but keeps its label). Every bar is
    labelled with ``fmt(value)`` followed by ``unit`` (after a space, unless the unit starts with "%").
    The title wraps onto more lines rather than being cut; ``notes`` are printed under the legend."""
    for name, values in series:
        if len(values) != len(categories):
            raise ValueError(f"series {name!r} has {len(values)} values for {len(categories)} categories")

    def shown(value: float) -> str:
        return fmt(value) + ("" if not unit else unit if unit.startswith("%") else " " + unit)

    values = [[usable(v) for v in vs] for _, vs in series]
    labels = [[shown(v) if v is not None else "" for v in vs] for vs in values]
    z = _Scale.of(width)
    out, y = title_block(title, _PAD, _PAD, width - 2 * _PAD, z.title)
    legend, y = _legend([name for name, _ in series], y + 12, width, z)
    noted, y = _notes(notes, y, width, z)
    out += legend + noted
    y += 10

    out += _groups(categories, series, values, labels, y, width, z)
    height = y + len(categories) * (_group_height(len(series), z) + z.group) - (z.group if categories else 0)
    return document(title, width, height + _PAD, out, z.text)


def _group_height(n_series: int, z: _Scale) -> float:
    return n_series * z.bar + max(n_series - 1, 0) * z.gap


def _groups(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    values: list[list[float | None]],
    labels: list[list[str]],
    y: float,
    width: int,
    z: _Scale,
) -> list[str]:
    """Columns: category labels | bars | room for the longest value label; one group of bars a category."""
    top = max((v for vs in values for v in vs if v is not None), default=0.0)
    scale_top = top if top > 0 else 1.0
    label_room = min(max((measure(cat, z.text) for cat in categories), default=0) + 10, width * 0.42)
    value_room = max((measure(t, z.value) for ts in labels for t in ts), default=0) + 8
    x0 = _PAD + label_room
    span = max(width - _PAD - value_room - x0, 40.0)
    group_h = _group_height(len(series), z)
    out: list[str] = []
    chart_top = y
    for ci, category in enumerate(categories):
        out.append(
            f'<text x="{c(x0 - 8)}" y="{c(y + group_h / 2 + z.text * 0.35)}" text-anchor="end">'
            f"{text(cut(category, label_room - 10, z.text))}</text>"
        )
        for si, (name, _) in enumerate(series):
            value = values[si][ci]
            if value is None:
                continue
            bar_y = y + si * (z.bar + z.gap)
            length = max(value, 0) / scale_top * span
            length = max(length, 1.0) if value > 0 else 0.0
            tip = text(label(category, label(name, labels[si][ci])))
            out.append(
                f'<rect x="{c(x0)}" y="{c(bar_y)}" width="{c(length)}" height="{z.bar}" '
                f'fill="{PALETTE[si % len(PALETTE)]}"><title>{tip}</title></rect>'
                f'<text x="{c(x0 + length + 4)}" y="{c(bar_y + z.bar / 2 + z.value * 0.35)}" '
                f'font-size="{z.value}" fill="{MUTED}">{text(labels[si][ci])}</text>'
            )
        y += group_h + z.group
    if categories:
        out.append(
            f'<line x1="{c(x0)}" y1="{c(chart_top - 4)}" x2="{c(x0)}" y2="{c(y - z.group + 4)}" '
            f'stroke="{AXIS}" stroke-width="1"/>'
        )
    return out
