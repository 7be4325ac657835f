"""The journal's week strip: the seven days of a week with each day's footprint (an estimate), a mark for
closed days and "not logged" for days never closed and without touches; the chosen day is highlighted and
a click picks another."""

from __future__ import annotations

from datetime import date, timedelta

from textual import events
from textual.containers import Horizontal
from textual.widgets import Static

from ...i18n import _
from ..messages import DayPicked
from ..text import n, short_day


class DayCell(Static):
    def __init__(self, day: date) -> None:
        super().__init__("", markup=False)
        self.day = day

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(DayPicked(self.day.isoformat()))


class WeekStrip(Horizontal):
    def __init__(self, monday: date) -> None:
        # The cells are children from the start, so the strip can be filled before it is first drawn.
        super().__init__(*(DayCell(monday + timedelta(days=i)) for i in range(7)))

    def show(
        self,
        monday: date,
        selected: date,
        today: date,
        totals: dict[date, float],
        logged: set[date],
        closed: set[date],
        lang: str,
    ) -> None:
        for i, cell in enumerate(self.query(DayCell)):
            day = monday + timedelta(days=i)
            cell.day = day
            if day > today:
                body = "—"
            elif day in logged or day in closed:
                body = n(totals.get(day, 0.0)) + (" ✓" if day in closed else "")
            else:
                body = _("not logged")
            cell.update(f"{short_day(day)}\n{body}")
            cell.set_class(day == selected, "-selected")
            cell.set_class(day > today, "-future")
