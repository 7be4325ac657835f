"""The year heatmap as text: seven rows (Monday first) by one column a week, month labels on top, then the
streak and the breaks and runs under the grid, the legend and the streaks line. Returns a ``rich.text.Text``:
the CLI prints it (with colours only in a terminal that wants them), the TUI shows it as is.

Every cell reads without colour: the level's glyph grows in ink with the captures (``░▒▓█``), a closed day
without captures is ``·``, a logged day not closed ``○``, today unfinished ``◆``, a day not logged blank.
A grid needs 2 + 2 × weeks columns (a gap between weeks, room for « janv. »); when the width is smaller it
drops the gaps (and writes months by their initial), then keeps the last weeks that fit and says so.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.text import Text

from .domain.heatmap import CLOSED, OPEN, TODAY, UNLOGGED, Cell, Heatmap, column_of
from .present import heatmap as words

LEVEL_STYLE = "#2b83c6"  # one hue (Okabe–Ito blue, lightened for dark terminals); the glyph carries the level
STYLES = {
    "zero": "dim",
    OPEN: LEVEL_STYLE,
    TODAY: "bold #E69F00",
    "break": "#D55E00",
    "run": "bold #009E73",
    "streak": "#CC79A7",
    "muted": "dim",
}
LABEL = 2  # the weekday initial and a space


class Layout(NamedTuple):
    columns: list[list[Cell | None]]
    step: int  # characters per week: 2 with a gap, 1 without
    first_column: int  # index of the first shown week among all the weeks of the span
    clipped: bool


def layout(hm: Heatmap, width: int | None) -> Layout:
    columns = hm.weeks()
    n = len(columns)
    if width is None or LABEL + 2 * n - 1 <= width:
        return Layout(columns, 2, 0, False)
    if LABEL + n <= width:
        return Layout(columns, 1, 0, False)
    keep = max(1, width - LABEL)
    return Layout(columns[-keep:], 1, n - keep, True)


def glyph(cell: Cell | None) -> tuple[str, str | None]:
    """A cell's character and style."""
    if cell is None or cell.state == UNLOGGED or cell.captures is None:
        return words.UNLOGGED_GLYPH, None
    if cell.state == TODAY:
        return words.TODAY_GLYPH, STYLES[TODAY]
    if cell.state == OPEN:
        return words.OPEN_GLYPH, STYLES[OPEN]
    level = cell.level or 0
    return words.GLYPHS[level], STYLES["zero"] if level == 0 else LEVEL_STYLE


def render(hm: Heatmap, width: int | None = None) -> Text:
    lay = layout(hm, width)
    out = Text(no_wrap=True)
    out.append(words.title(hm) + "\n", style="bold")
    out.append(_months(lay) + "\n", style=STYLES["muted"])
    initials = words.weekday_labels()
    for row in range(7):
        out.append(initials[row].ljust(LABEL), style=STYLES["muted"])
        for i, week in enumerate(lay.columns):
            char, style = glyph(week[row])
            if week[row] is not None and week[row].day == hm.today and week[row].state == CLOSED:
                style = f"{style or ''} underline".strip()
            out.append(char, style=style)
            if lay.step == 2 and i < len(lay.columns) - 1:
                out.append(" ")
        out.append("\n")
    _marks_rows(out, hm, lay)
    _legend(out, hm)
    if lay.clipped:
        out.append("\n" + words.narrow_note(len(lay.columns)), style=STYLES["muted"])
    out.rstrip()
    return out


def _months(lay: Layout) -> str:
    """Each month's label above the week holding its 1st (the first week: its own month); a label that
    would run into the next one is left out."""
    places: list[tuple[int, str]] = []
    for i, week in enumerate(lay.columns):
        days = [c.day for c in week if c is not None]
        first_of = next((d for d in days if d.day == 1), None)
        if first_of is not None or (i == 0 and days):
            places.append((LABEL + i * lay.step, words.month_label(first_of or days[0], narrow=lay.step == 1)))
    line = ""
    for k, (pos, label) in enumerate(places):
        nxt = places[k + 1][0] if k + 1 < len(places) else None
        if len(line) <= pos and (nxt is None or pos + len(label) < nxt):
            line = line.ljust(pos) + label
    return line


def _span_row(lay: Layout, spans: list[tuple[int, int, str, str]]) -> Text:
    """One row under the grid: for each (first column, last column, glyph, style), the glyph over those weeks."""
    cells: list[tuple[str, str | None]] = [(" ", None)] * (len(lay.columns) * lay.step)
    for first, last, char, style in spans:
        a, b = max(first - lay.first_column, 0), last - lay.first_column
        if b < 0:
            continue
        for x in range(a * lay.step, b * lay.step + 1):
            if x < len(cells):
                fill = char if (x % lay.step == 0 or char != words.RUN_GLYPH) else " "
                cells[x] = (fill, style)
    row = Text(" " * LABEL)
    for char, style in cells:
        row.append(char, style=style)
    row.rstrip()
    return row


def _marks_rows(out: Text, hm: Heatmap, lay: Layout) -> None:
    streaks = [
        (column_of(hm.first, max(s.first, hm.first)), column_of(hm.first, s.last), words.STREAK_GLYPH, STYLES["streak"])
        for s in dict.fromkeys((hm.longest, hm.current))
        if s.days and s.first and s.last
    ]
    if streaks:
        out.append_text(_span_row(lay, streaks))
        out.append("\n")
    spans = [
        (
            column_of(hm.first, m.first),
            column_of(hm.first, m.last),
            words.RUN_GLYPH if m.id.startswith("r") else words.BREAK_GLYPH,
            STYLES["run" if m.id.startswith("r") else "break"],
        )
        for m in hm.marks
    ]
    # Runs last, so a one-day run stays visible inside a longer break.
    spans.sort(key=lambda s: s[2] == words.RUN_GLYPH)
    if spans:
        out.append_text(_span_row(lay, spans))
        out.append("\n")


def _legend(out: Text, hm: Heatmap) -> None:
    levels = words.levels(hm)
    if levels:
        out.append("\n" + words.legend_heading())
        for key in levels:
            out.append("  ")
            out.append(words.GLYPHS[key.level or 0], style=LEVEL_STYLE)
            out.append(" " + key.text)
    line = []
    for key in words.states(hm):
        if key.state == UNLOGGED:
            line.append((None, words.blank_key(), None))
        elif key.state == CLOSED:
            line.append((words.GLYPHS[0], key.text, STYLES["zero"]))
        else:
            line.append(({OPEN: words.OPEN_GLYPH, TODAY: words.TODAY_GLYPH}[key.state], key.text, STYLES[key.state]))
    if line:
        out.append("\n")
        for k, (char, text, style) in enumerate(line):
            out.append("  " if k else "")
            if char:
                out.append(char + " ", style=style)
            out.append(text)
    out.append("\n")
    out.append(words.STREAK_GLYPH + " ", style=STYLES["streak"])
    out.append(words.streak_line(hm))
    for m in hm.marks:
        run = m.id.startswith("r")
        out.append("\n")
        out.append((words.RUN_GLYPH if run else words.BREAK_GLYPH) + " ", style=STYLES["run" if run else "break"])
        out.append(words.mark_line(m))
