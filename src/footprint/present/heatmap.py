"""Every word of the year heatmap, for the terminal, the TUI and the image: its title, the month and weekday
labels, the legend, the streaks line, the breaks and runs under the grid, and the note when the terminal
is too narrow for the whole year. The drawing itself is in ``footprint.heatmap`` (text) and
``footprint.heatmap_svg`` (image)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from .. import l10n
from ..domain.breaks import Break
from ..domain.heatmap import CLOSED, FUTURE, LEVELS, OPEN, TODAY, UNLOGGED, Cell, Heatmap, Streak
from ..i18n import _, ngettext, pgettext

# What a cell looks like in text, whatever the colours: the level's ink grows with its captures.
GLYPHS = {0: "·", 1: "░", 2: "▒", 3: "▓", 4: "█"}
OPEN_GLYPH, TODAY_GLYPH, UNLOGGED_GLYPH = "○", "◆", " "
BREAK_GLYPH, RUN_GLYPH, STREAK_GLYPH = "━", "▲", "═"


class Key(NamedTuple):
    """One legend entry: what the cell looks like (a state, or a level) and what it means."""

    state: str
    level: int | None
    text: str


def title(hm: Heatmap) -> str:
    if hm.year is not None:
        return _("Your year {year}").format(year=hm.year)
    return _("Your last 365 days: {first} to {last}").format(
        first=l10n.medium_date(hm.first), last=l10n.medium_date(hm.last)
    )


def subtitle() -> str:
    return _("Captures per day (estimate), one square a day; closed days are the complete ones.")


def weekday_labels() -> list[str]:
    monday = date(2024, 1, 1)  # any Monday
    return [l10n.weekday_initial(monday + timedelta(days=i)) for i in range(7)]


def month_label(day: date, narrow: bool = False) -> str:
    return l10n.month_abbr(day, narrow)


def day_span(first: date, last: date) -> str:
    """A span of days: « 15 juil. → 4 août 2026 », or one day."""
    if first == last:
        return l10n.medium_date(first)
    return pgettext("span", "{first} → {last}").format(first=l10n.medium_date(first), last=l10n.medium_date(last))


def levels(hm: Heatmap) -> list[Key]:
    """The levels' meaning, from the thresholds: "up to 310", … "more than 480"."""
    t = hm.thresholds
    if not t:
        return []
    keys = []
    for level in range(1, LEVELS + 1):
        if level < LEVELS:
            text = pgettext("captures", "up to {n}").format(n=l10n.number(t[level - 1]))
        else:
            text = pgettext("captures", "more than {n}").format(n=l10n.number(t[-1]))
        keys.append(Key(CLOSED, level, text))
    # Equal quartiles would repeat a threshold: keep the first level of each, so no two say the same.
    return [k for i, k in enumerate(keys) if i == 0 or k.text != keys[i - 1].text]


def legend_heading() -> str:
    return _("Captures a day (estimate):")


def states(hm: Heatmap) -> list[Key]:
    """The states the grid shows (the ones that occur), in a fixed order."""
    present = {c.state for c in hm.cells}
    keys = [
        Key(CLOSED, 0, _("closed, no captures")),
        Key(OPEN, None, _("logged, not closed")),
        Key(UNLOGGED, None, _("not logged")),
        Key(TODAY, None, _("today, unfinished")),
    ]
    has_zero = any(c.level == 0 and c.state == CLOSED for c in hm.cells)
    return [k for k in keys if (has_zero if k.level == 0 else k.state in present)]


def cell_tip(cell: Cell) -> str:
    """What a square says when pointed at: « 12 mars 2026 : 812 captures, clôturée »."""
    from .day import captures

    if cell.state == FUTURE:
        return l10n.medium_date(cell.day)
    if cell.state == UNLOGGED or cell.captures is None:
        text = _("not logged")
    else:
        state = {CLOSED: pgettext("day state", "closed"), OPEN: _("logged, not closed"), TODAY: _("today, unfinished")}[cell.state]
        text = pgettext("heatmap", "{captures}, {state}").format(captures=captures(cell.captures), state=state)
    return pgettext("label", "{label}: {text}").format(label=l10n.medium_date(cell.day), text=text)


def blank_key() -> str:
    """The text legend's entry for a blank cell (a blank cannot stand beside its meaning as a glyph does)."""
    return _("blank: not logged")


def streak_days(n: int) -> str:
    return ngettext("{n} day", "{n} days", n).format(n=l10n.integer(n))


def streak_line(hm: Heatmap) -> str:
    """The current and the longest run of closed days, with their dates."""
    if not hm.longest.days and not hm.current.days:
        return _("No closed days here: close a day with 'footprint close' to start a streak.")
    longest = _span_of(hm.longest)
    if hm.today < hm.first or hm.today > hm.last:
        return _("Longest run of closed days: {longest}").format(longest=longest)
    if not hm.current.days or hm.current.first is None:
        current = streak_days(0)
    else:
        current = pgettext("streak", "{days} since {day}").format(
            days=streak_days(hm.current.days), day=l10n.medium_date(hm.current.first)
        )
    return _("Closed days in a row now: {current}; longest: {longest}").format(current=current, longest=longest)


def _span_of(s: Streak) -> str:
    if not s.days or s.first is None or s.last is None:
        return streak_days(0)
    return pgettext("streak", "{days} ({span})").format(days=streak_days(s.days), span=day_span(s.first, s.last))


def mark_line(m: Break) -> str:
    """A break or a run under the grid, with its own dates."""
    return pgettext("label", "{label}: {text}").format(label=m.label, text=day_span(m.first, m.last))


def narrow_note(weeks: int) -> str:
    return ngettext(
        "The last {n} week only: widen the terminal to see the whole year.",
        "The last {n} weeks only: widen the terminal to see the whole year.",
        weeks,
    ).format(n=weeks)
