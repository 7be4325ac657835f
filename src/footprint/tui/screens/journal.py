"""The journal: move between days ([ ] or ← →) and weeks ({ }), see each day's footprint in the week strip
and the chosen day's touches and footprint; edit (Enter) or delete (Del) an entry, filter by touchpoint (f),
close or reopen the chosen day (ctrl+d).

Each move reads one week of daily totals (one grouped query) and one day's entries: never the whole
journal.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.suggester import SuggestFromList
from textual.widgets import Static

from ...domain.journal import Entry
from ...i18n_legacy import t
from ...services import DayView
from ..bindings import describe
from ..messages import DayPicked, EntryChosen
from ..text import label, long_day
from ..widgets.entry_list import EntryList
from ..widgets.footprint_panel import FootprintPanel
from ..widgets.week_strip import WeekStrip
from .base import DayScreen

DAY = Binding.Group("tui.key.day_group", compact=True)
WEEK = Binding.Group("tui.key.week_group", compact=True)


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


class JournalScreen(DayScreen):
    CSS_PATH = "screens.tcss"

    MODE = "journal"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left_square_bracket,left", "move(-1)", "tui.key.prev_day", key_display="[", group=DAY),
        Binding("right_square_bracket,right", "move(1)", "tui.key.next_day", key_display="]", group=DAY),
        Binding("left_curly_bracket", "move(-7)", "tui.key.prev_week", key_display="{", group=WEEK),
        Binding("right_curly_bracket", "move(7)", "tui.key.next_week", key_display="}", group=WEEK),
        Binding("t", "today", "tui.key.today"),
        Binding("f", "filter", "tui.key.filter"),
        Binding("e", "edit", "tui.key.edit", show=False),
        Binding("delete,d", "remove", "tui.key.remove"),
        Binding("ctrl+d", "toggle_day", "tui.key.close_day", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.today = self.svc.settings.now().date()
        self.day = self.today
        self.only: str | None = None  # a touchpoint id, or None for all
        self.view: DayView | None = None

    def compose_body(self) -> ComposeResult:
        yield Static("", id="journal-title", markup=False)
        yield WeekStrip(monday_of(self.day))
        yield Static("", id="journal-day", markup=False)
        with Horizontal(id="journal-main"):
            yield EntryList(self.svc.catalog, self.lang, id="day-entries", show_ids=True)
            yield FootprintPanel(id="day-footprint")

    def load(self) -> None:
        svc, lang = self.svc, self.lang
        self.today = svc.settings.now().date()
        self.day = min(self.day, self.today)
        monday = monday_of(self.day)
        sunday = monday + timedelta(days=6)
        last = min(sunday, self.today)
        totals = {d: fp.total for d, fp in svc.footprint_between(monday, last).items()} if monday <= last else {}
        logged = set(svc.journal.usage_by_day(monday, last)) if monday <= last else set()
        closed = svc.journal.closed_days(monday, sunday)
        self.query_one(WeekStrip).show(monday, self.day, self.today, totals, logged, closed, lang)
        week = t(
            "tui.journal.week",
            lang,
            week=self.day.isocalendar().week,
            first=monday.isoformat(),
            last=sunday.isoformat(),
        )
        only = f" · {t('tui.journal.only', lang, what=label(svc.catalog, self.only, lang))}" if self.only else ""
        self.query_one("#journal-title", Static).update(week + only)
        view = self.view = svc.day(self.day.isoformat())
        status = (
            t("day.closed", lang)
            if view.status.closed
            else t("day.open", lang)
            if view.entries
            else t("day.not_logged", lang)
        )
        self.query_one("#journal-day", Static).update(f"{long_day(self.day, lang)} — {status}")
        entries: list[Entry] = [e for e in view.entries if self.only is None or e.touchpoint == self.only]
        self.query_one(EntryList).show(entries)
        catalog = svc.catalog
        passive = sum(1 for p in view.profile if (tp := catalog.get(p.touchpoint)) and tp.passive)
        self.query_one(FootprintPanel).show(view.footprint, catalog, lang, passive)
        describe(self, "toggle_day", t("tui.key.reopen_day" if view.status.closed else "tui.key.close_day", lang))

    # --- moving ----------------------------------------------------------------------------------------

    def go_to(self, day: date) -> None:
        if day > self.today:
            self.fapp.say(t("tui.journal.future", self.lang))
            day = self.today
        if day != self.day:
            self.day = day
            self.reload()

    def action_move(self, days: int) -> None:
        self.go_to(self.day + timedelta(days=days))

    def action_today(self) -> None:
        self.go_to(self.svc.settings.now().date())

    @on(DayPicked)
    def _day_picked(self, message: DayPicked) -> None:
        self.go_to(date.fromisoformat(message.day_iso))

    # --- filtering -------------------------------------------------------------------------------------

    def action_filter(self) -> None:
        from .dialogs import AskScreen

        names = sorted({name for tp in self.svc.catalog.touchpoints for name in (tp.id, *tp.aliases)})
        self.app.push_screen(
            AskScreen(
                t("tui.journal.filter_ask", self.lang),
                self.lang,
                self.only or "",
                check=self.svc.catalog.resolve,
                suggester=SuggestFromList(names, case_sensitive=False),
            ),
            self._filtered,
        )

    def _filtered(self, answer: str | None) -> None:
        if answer is None:
            return
        with self.fapp.safely():
            self.only = self.svc.catalog.resolve(answer).id if answer.strip() else None
            self.reload()

    # --- changing entries ------------------------------------------------------------------------------

    def _edit(self, entry: Entry | None) -> None:
        if entry is None:
            return
        from .entry_form import EntryForm

        self.app.push_screen(EntryForm(self.svc, self.lang, entry=entry), self._form_done)

    def _form_done(self, changed: bool | None) -> None:
        if changed:
            self.reload()
            self.written()

    def action_edit(self) -> None:
        self._edit(self.query_one(EntryList).selected())

    @on(EntryChosen)
    def _entry_chosen(self, message: EntryChosen) -> None:
        self._edit(self.query_one(EntryList).entries.get(message.entry_id))
