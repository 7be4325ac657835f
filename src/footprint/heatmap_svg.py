"""The year heatmap as a standalone SVG: a GitHub-like grid (one square a day, Monday on top), months above,
weekday initials beside, the longest run of closed days and the breaks and runs as bars under the grid, then
the legend. No dependency, no script, no external font; every text is escaped. The PNG is this SVG drawn
by CairoSVG (``charts.png``), at twice the size for HiDPI screens.

Readable on white whatever the viewer's theme (it paints its own background). Levels use one hue, light to
dark (ColorBrewer's colour-blind-safe Blues), so they read in grey too; a closed day without captures is a
grey square, a day not logged is only outlined, a logged day not closed is outlined with a smaller square
of its level inside (its figure may be incomplete), today is ringed, days still to come are not drawn.
"""

from __future__ import annotations

import re
from html import escape

from .domain.heatmap import CLOSED, FUTURE, OPEN, TODAY, Cell, Heatmap, column_of
from .present import heatmap as words

FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"
INK, MUTED, PAPER = "#1a1a1a", "#555555", "#ffffff"
RAMP = ("#ebedf0", "#c6dbef", "#6baed6", "#2171b5", "#08306b")  # level 0 (closed, no captures) to 4
OUTLINE = "#b0b0b0"
TODAY_RING, BREAK, RUN, STREAK = "#E69F00", "#D55E00", "#009E73", "#CC79A7"
CELL, GAP = 13, 3
PITCH = CELL + GAP
PAD, LEFT = 24, 22  # the margin, and the weekday initials' column
_CHAR = 0.56  # average advance of a sans-serif character, in font sizes (no font metrics here)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _t(value: str) -> str:
    return escape(_NOT_XML.sub("", value))


def _text(x: float, y: float, value: str, size: int = 12, fill: str = INK, weight: str = "normal") -> str:
    bold = ' font-weight="bold"' if weight == "bold" else ""
    return f'<text x="{x:g}" y="{y:g}" font-size="{size}" fill="{fill}"{bold}>{_t(value)}</text>'


def _rect(x: float, y: float, w: float, h: float, fill: str, stroke: str | None = None, sw: float = 1) -> str:
    line = f' stroke="{stroke}" stroke-width="{sw:g}"' if stroke else ""
    return f'<rect x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" rx="2" fill="{fill}"{line}/>'


def cell_shapes(cell: Cell, x: float, y: float) -> list[str]:
    """The shapes of one day's square."""
    if cell.state == FUTURE:
        return []
    level = cell.level
    if cell.state == CLOSED:
        out = [_rect(x, y, CELL, CELL, RAMP[level or 0])]
    elif cell.state == OPEN:
        inner = (CELL - 7) / 2
        out = [_rect(x + 0.5, y + 0.5, CELL - 1, CELL - 1, PAPER, RAMP[max(level or 1, 2)])]
        out.append(_rect(x + inner, y + inner, 7, 7, RAMP[max(level or 1, 1)]))
    else:  # not logged, or today still open
        out = [_rect(x + 0.5, y + 0.5, CELL - 1, CELL - 1, PAPER, OUTLINE)]
    if cell.state == TODAY:
        out.append(_rect(x - 1, y - 1, CELL + 2, CELL + 2, "none", TODAY_RING, 2))
    return out


def _grid(hm: Heatmap, top: float) -> list[str]:
    out = []
    for i, week in enumerate(hm.weeks()):
        for row, cell in enumerate(week):
            if cell is not None and cell.state != FUTURE:  # each square says its day when pointed at
                shapes = "".join(cell_shapes(cell, PAD + LEFT + i * PITCH, top + row * PITCH))
                out.append(f"<g><title>{_t(words.cell_tip(cell))}</title>{shapes}</g>")
                if cell.day == hm.today and cell.state != TODAY:
                    x, y = PAD + LEFT + i * PITCH, top + row * PITCH
                    out.append(_rect(x - 1, y - 1, CELL + 2, CELL + 2, "none", TODAY_RING, 2))
    for row, initial in enumerate(words.weekday_labels()):
        if row % 2 == 0:  # Monday, Wednesday, Friday, Sunday: every other row, as calendars do
            out.append(_text(PAD, top + row * PITCH + CELL - 2, initial, 10, MUTED))
    return out


def _months(hm: Heatmap, y: float) -> list[str]:
    out, end = [], 0.0
    for i, week in enumerate(hm.weeks()):
        days = [c.day for c in week if c is not None]
        first_of = next((d for d in days if d.day == 1), None)
        if first_of is None and not (i == 0 and days):
            continue
        label = words.month_label(first_of or days[0])
        x = PAD + LEFT + i * PITCH
        if x >= end and (i > 0 or first_of is not None or days[0].day <= 20):
            out.append(_text(x, y, label, 11, MUTED))
            end = x + len(label) * 11 * _CHAR + 6
    return out


def _bar(hm: Heatmap, first, last, y: float, colour: str, height: float = 5) -> str:  # noqa: ANN001
    a, b = column_of(hm.first, first), column_of(hm.first, last)
    return _rect(PAD + LEFT + a * PITCH, y, (b - a) * PITCH + CELL, height, colour)


def _bars(hm: Heatmap, top: float) -> tuple[list[str], float]:
    out, y = [], top
    shown = [s for s in dict.fromkeys((hm.longest, hm.current)) if s.days and s.first and s.last]
    for s in shown:  # the current run may have begun before the span: its bar starts with the span
        out.append(_bar(hm, max(s.first, hm.first), s.last, y, STREAK))
    if shown:
        y += 9
    if hm.marks:
        for m in sorted(hm.marks, key=lambda m: m.id.startswith("r")):  # runs drawn over breaks
            out.append(_bar(hm, m.first, m.last, y, RUN if m.id.startswith("r") else BREAK))
        y += 9
    return out, y


class _Flow:
    """Legend items laid out left to right, wrapping at the image's width."""

    def __init__(self, width: float, y: float) -> None:
        self.width, self.x, self.y, self.out = width, float(PAD), y, []  # type: list[str]

    def item(self, swatch: list[str] | None, text: str, size: int = 12) -> None:
        room = (CELL + 6 if swatch is not None else 0) + len(text) * size * _CHAR + 14
        if self.x > PAD and self.x + room > self.width - PAD:
            self.newline()
        if swatch is not None:
            self.out.extend(s.replace("{X}", f"{self.x:g}").replace("{Y}", f"{self.y - CELL + 2:g}") for s in swatch)
            self.x += CELL + 6
        self.out.append(_text(self.x, self.y, text, size))
        self.x += len(text) * size * _CHAR + 14

    def newline(self) -> None:
        self.x, self.y = float(PAD), self.y + 20


def _swatch(cell_state: str, level: int | None) -> list[str]:
    from datetime import date

    shapes = cell_shapes(Cell(date(2000, 1, 3), cell_state, 1.0, level), 0, 0)
    return [f'<g transform="translate({{X}},{{Y}})">{"".join(shapes)}</g>']


def _legend(hm: Heatmap, width: float, y: float) -> tuple[list[str], float]:
    flow = _Flow(width, y)
    levels = words.levels(hm)
    if levels:
        flow.item(None, words.legend_heading())
        for key in levels:
            flow.item(_swatch(CLOSED, key.level), key.text)
        flow.newline()
    for key in words.states(hm):
        flow.item(_swatch(key.state, key.level), key.text)
    flow.newline()
    flow.item([_rect_at(STREAK)], words.streak_line(hm))
    for m in hm.marks:
        flow.newline()
        flow.item([_rect_at(RUN if m.id.startswith("r") else BREAK)], words.mark_line(m))
    return flow.out, flow.y


def _rect_at(colour: str) -> str:
    return f'<rect x="{{X}}" y="{{Y}}" width="{CELL}" height="5" rx="2" transform="translate(0,4)" fill="{colour}"/>'


def heatmap_svg(hm: Heatmap) -> str:
    """The SVG document (``charts.png`` renders it at twice its size for a PNG)."""
    weeks = len(hm.weeks())
    width = max(PAD * 2 + LEFT + weeks * PITCH, 480)
    body = [
        _text(PAD, PAD + 16, words.title(hm), 18, INK, "bold"),
        _text(PAD, PAD + 36, words.subtitle(), 12, MUTED),
    ]
    body += _months(hm, PAD + 62)
    top = PAD + 70
    body += _grid(hm, top)
    bars, y = _bars(hm, top + 7 * PITCH + 4)
    body += bars
    legend, y = _legend(hm, width, y + 22)
    body += legend
    height = y + PAD
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:g}" height="{height:g}" '
        f'viewBox="0 0 {width:g} {height:g}" font-family="{FONT}" role="img">\n'
        f"<title>{_t(words.title(hm))}</title>\n"
        f'<rect width="{width:g}" height="{height:g}" fill="{PAPER}"/>\n' + "\n".join(body) + "\n</svg>\n"
    )
