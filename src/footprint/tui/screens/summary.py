"""The summary dialog (``s`` on the Journal): the week, month or year holding the journal's chosen day,
against the period before, in the very lines ``footprint summary`` prints (present/summary.py). ``s``
goes week → month → year → week, ``w`` ``m`` ``y`` pick one, Esc closes it.

The Journal screen opened it and keeps it up to date: when the journal changes, the Journal reloads and
shows the summary again (see ``JournalScreen.load``).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import ScrollableContainer, Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from ...i18n import N_, _
from ...services.summary import SHOWN_UNITS
from ..bindings import localize

if TYPE_CHECKING:
    from ...services import Service


class SummaryScreen(ModalScreen[None]):
    CSS_PATH = "screens.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "cycle", N_("Change period")),
        Binding("w", "unit('week')", N_("Week")),
        Binding("m", "unit('month')", N_("Month")),
        Binding("y", "unit('year')", N_("Year")),
        Binding("escape,q", "dismiss", N_("Close")),
    ]

    def __init__(self, svc: Service, lang: str, day: date, unit: str = "week") -> None:
        super().__init__()
        self.svc, self.lang, self.day, self.unit = svc, lang, day, unit
        localize(self, lang)

    def compose(self) -> ComposeResult:
        with Vertical(id="summary"):
            with ScrollableContainer(id="summary-body"):  # wide tables scroll sideways
                yield Static("", id="summary-text", markup=False)
            yield Static(_("s: week, month, year · Esc closes this"), id="summary-close")

    def on_mount(self) -> None:
        self.show()

    def show(self, day: date | None = None) -> None:
        """Read the summary again (the journal changed, or another period was asked for) and show it."""
        from ...present import summary as words
        from ...services.summary import summary

        if day is not None:
            self.day = day
        with self.app.safely():  # type: ignore[attr-defined]
            s = summary(self.svc, self.unit, on=self.day.isoformat())
            lines = words.lines(s, self.svc.catalog)
            text = Text(lines[0], style="bold")
            for line in lines[1:]:
                text.append("\n" + line)
            self.query_one("#summary-text", Static).update(text)

    def action_unit(self, unit: str) -> None:
        if unit != self.unit:
            self.unit = unit
            self.show()

    def action_cycle(self) -> None:
        self.action_unit(SHOWN_UNITS[(SHOWN_UNITS.index(self.unit) + 1) % len(SHOWN_UNITS)])
