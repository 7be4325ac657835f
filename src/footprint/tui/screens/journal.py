"""The journal: move between days ([ ] or ← →) and weeks ({ }), see each day's footprint in the week strip
and the chosen day's touches and footprint; edit (Enter) or delete (Del or d, after a yes/no question whose
focus starts on No) an entry, filter by touchpoint (f), close or reopen the chosen day (ctrl+d), and see the
summary of the chosen day's week, month or year (s).

Each move reads one week of daily totals (one grouped query) and one day's entries: never the whole
journal.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.suggester import SuggestFromList
from textual.widgets import Static

from ...domain.journal import Entry
from ... import l10n
from ...i18n import N_, _
from ...present import day as day_words
from .. import words
from ...services import DayView
from ..bindings import describe
from ..messages import DayPicked, EntryChosen
from ..widgets.entry_list import EntryList
from ..widgets.footprint_panel import FootprintPanel
from ..widgets.week_strip import WeekStrip
from .base import DayScreen

if TYPE_CHECKING:
    from .summary import SummaryScreen

DAY = Binding.Group(N_("Day"), compact=True)
WEEK = Binding.Group(N_("Week"), compact=True)


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


class JournalScreen(DayScreen):
    CSS_PATH = "screens.tcss"

    MODE = "journal"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left_square_bracket,left", "move(-1)", N_("Previous day"), key_display="[", group=DAY),
        Binding("right_square_bracket,right", "move(1)", N_("Next day"), key_display="]", group=DAY),
        Binding("left_curly_bracket", "move(-7)", N_("Previous week"), key_display="{", group=WEEK),
        Binding("right_curly_bracket", "move(7)", N_("Next week"), key_display="}", group=WEEK),
        Binding("t", "today", N_("Back to today")),
        Binding("f", "filter", N_("Filter")),
        Binding("e", "edit", N_("Edit"), show=False),
        Binding("delete,d", "remove", N_("Delete")),
        Binding("s", "summary", N_("Summary")),
        Binding("ctrl+d", "toggle_day", words.CLOSE_DAY, show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.today = self.svc.settings.now().date()
        self.day = self.today
        self.only: str | None = None  # a touchpoint id, or None for all
        self.view: DayView | None = None
        self.summary: SummaryScreen | None = None  # the summary dialog while it is open

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
        week = _("Week {week}: {first} to {last}").format(
            week=self.day.isocalendar().week, first=l10n.medium_date(monday), last=l10n.medium_date(sunday)
        )
        if self.only:
            only = _("only {touchpoint} (f to change)").format(touchpoint=day_words.label(svc.catalog, self.only))
            week = f"{week} · {only}"
        self.query_one("#journal-title", Static).update(week)
        view = self.view = svc.day(self.day.isoformat())
        self.query_one("#journal-day", Static).update(day_words.title(view))
        entries: list[Entry] = [e for e in view.entries if self.only is None or e.touchpoint == self.only]
        self.query_one(EntryList).show(entries)
        catalog = svc.catalog
        self.query_one(FootprintPanel).show(view.footprint, catalog, lang, day_words.passive_count(view, catalog))
        describe(self, "toggle_day", _(words.REOPEN_DAY if view.status.closed else words.CLOSE_DAY))
        if self.summary is not None and self.summary not in self.app.screen_stack:
            self.summary = None  # left by going to another screen (F1…), which closes dialogs unanswered
        if self.summary is not None:  # the journal changed under the open summary: it follows
            self.summary.show(self.day)

    # --- the summary -----------------------------------------------------------------------------------

    def action_summary(self) -> None:
        from .summary import SummaryScreen

        self.summary = SummaryScreen(self.svc, self.lang, self.day)
        self.app.push_screen(self.summary, self._summary_closed)

    def _summary_closed(self, _result: None) -> None:
        self.summary = None

    # --- moving ----------------------------------------------------------------------------------------

    def go_to(self, day: date) -> None:
        if day > self.today:
            self.fapp.say(_("That day has not happened yet."))
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
                _("Show only one touchpoint (name or alias; empty shows them all):"),
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

    def action_remove(self) -> None:
        """Ask before deleting the chosen entry: d sits among keys typed without looking."""
        from .dialogs import ConfirmScreen

        entry = self.query_one(EntryList).selected()
        if entry is None:
            return
        question = day_words.remove_question(entry, self.svc.catalog)
        self.app.push_screen(ConfirmScreen(question, self.lang), partial(self._remove_answered, entry))

    def _remove_answered(self, entry: Entry, yes: bool | None) -> None:
        if yes:
            self.remove_entry(entry)

    def action_edit(self) -> None:
        self._edit(self.query_one(EntryList).selected())

    @on(EntryChosen)
    def _entry_chosen(self, message: EntryChosen) -> None:
        self._edit(self.query_one(EntryList).entries.get(message.entry_id))
