"""Today, the home screen: the profile's touchpoints as a keyboard grid (a letter logs one touch now;
digits typed first say how many; Shift+letter opens the form for details), today's touches, the day's
footprint kept live, closing or reopening the day, and the running challenge in one line.

Logging by key does one insert and updates the widgets from what is already in memory: it never re-reads
the day (the handler stays well under 5 ms on a ten-year journal).
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from ...domain.footprint import footprint, usage_of
from ...domain.journal import Entry
from ... import l10n
from ...i18n import N_, _, pgettext
from ...present import day as day_words
from ...services import DayView
from ..bindings import describe
from ..keys import assign
from ..messages import EntryChosen, TilePressed
from .. import words
from ..widgets.entry_list import EntryList
from ..widgets.footprint_panel import FootprintPanel
from ..widgets.touchpoint_grid import TileData, TouchpointGrid
from .base import DayScreen

MAX_PREFIX = 4  # digits: at most 9999 touches at once


class TodayScreen(DayScreen):
    MODE = "today"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+d", "toggle_day", words.CLOSE_DAY),
        Binding("ctrl+n", "note", N_("Note, reason")),
        Binding("plus", "log_form", N_("Log with details"), key_display="+"),
        Binding("delete", "remove", N_("Delete"), show=False),
        Binding("escape", "clear_prefix", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.view: DayView | None = None
        self.keys: dict[str, str] = {}  # letter -> touchpoint id
        self.prefix = ""

    # --- building ------------------------------------------------------------------------------------

    def compose_body(self) -> ComposeResult:
        with self.fapp.safely():
            self.view = self.svc.day()
        self.loaded_generation = self.fapp.generation
        catalog, lang = self.svc.catalog, self.lang
        empty = _("Your profile is empty: press F5 to add what you own or live with.")
        with Vertical(id="today"):
            yield Static("", id="day-title", markup=False)  # and, below it, the running challenge
            yield TouchpointGrid(self._tiles(), pgettext("tile", "passive"), empty, id="grid")
            with Horizontal(id="today-main"):
                yield EntryList(catalog, lang, id="entries")
                yield FootprintPanel(id="footprint")
            yield Static("", id="hint", markup=False)

    def on_mount(self) -> None:
        self._show()
        self.set_interval(30, self._show_title)
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._show_title())

    def _tiles(self) -> list[TileData]:
        if self.view is None:
            return []
        catalog, lang = self.svc.catalog, self.lang
        tps = [tp for p in self.view.profile if (tp := catalog.get(p.touchpoint)) is not None]
        by_id = assign((tp.id for tp in tps), tuple(tp.id for tp in catalog.touchpoints))
        self.keys = {key: tp_id for tp_id, key in by_id.items()}
        counts: dict[str, int] = {}
        for e in self.view.entries:
            counts[e.touchpoint] = counts.get(e.touchpoint, 0) + e.count
        return [TileData(tp.id, by_id.get(tp.id), tp.label.get(lang), tp.passive, counts.get(tp.id, 0)) for tp in tps]

    def load(self) -> None:
        self.view = self.svc.day()
        self.query_one(TouchpointGrid).show(self._tiles())
        self._show()

    def _show(self) -> None:
        """Show ``self.view`` in every widget."""
        view = self.view
        if view is None:
            return
        self._show_title()
        self.query_one(EntryList).show(view.entries, at_end=True)
        self._show_footprint()
        self._show_hint()
        describe(self, "toggle_day", _(words.REOPEN_DAY if view.status.closed else words.CLOSE_DAY))

    def _show_title(self) -> None:
        """The day and its status, and the running challenge on a second line when there is one."""
        view = self.view
        if view is None:
            return
        text = Text(day_words.title(view), style="bold")
        run = self._run_line()
        if run:
            text.append("\n")
            text.append(run, style=Style(color=self.app.current_theme.warning, bold=False))
        nudge = day_words.close_nudge(view)  # the same reminder as ``footprint day``
        if nudge:
            text.append("\n")
            text.append(nudge, style=Style(italic=True, bold=False))
        self.query_one("#day-title", Static).update(text)

    def _show_footprint(self) -> None:
        view = self.view
        assert view is not None
        catalog = self.svc.catalog
        self.query_one(FootprintPanel).show(view.footprint, catalog, self.lang, day_words.passive_count(view, catalog))
        self.query_one(EntryList).set_empty_text(day_words.empty_text(view.status.closed))

    def _run_line(self) -> str:
        """One line about the running challenge, from the runs table alone (no verdict computed here)."""
        with self.fapp.safely():
            now = self.svc.settings.now()
            for run in self.svc.journal.runs():
                if run.status == "active" and run.start <= now < run.planned_end:
                    title = run.rules.get("title", {}).get(self.lang) or run.challenge
                    line = _("Challenge running: {title}, {left} left (F3)")
                    return line.format(title=title, left=l10n.duration(run.planned_end - now))
        return ""

    def _show_hint(self, text: str | None = None) -> None:
        if self.prefix:
            text = _("×{n}: now press a touchpoint's letter (Esc cancels)").format(n=self.prefix)
        elif text is None:
            hint = _("letter: log a touch · Shift+letter: details · digits first: how many · ? keys")
            text = hint if self.keys else ""
        self.query_one("#hint", Static).update(text)

    # --- logging by key ------------------------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        key, char = event.key, event.character
        if char is None or key.startswith(("ctrl+", "alt+", "super+")):
            return
        if char.isdigit() and key == char:
            if self.prefix or char != "0":
                self.prefix = (self.prefix + char)[-MAX_PREFIX:]
                self._show_hint()
            event.stop()
        elif key in self.keys:
            event.stop()
            self.log_touch(self.keys[key])
        elif len(char) == 1 and char.isupper() and char.lower() in self.keys:
            event.stop()
            self.open_log_form(self.keys[char.lower()])

    def _take_count(self) -> int:
        count = int(self.prefix) if self.prefix else 1
        self.prefix = ""
        return count

    def log_touch(self, tp_id: str) -> None:
        """Log one touch of ``tp_id`` now (times the digits typed before), and show it at once."""
        count = self._take_count()
        with self.fapp.safely():
            logged = self.fapp.write_touch(tp_id, count)
            if logged is None:  # the journal is busy: the touch is kept and written shortly
                self._show_hint()
                return
            self.show_logged(logged.entries)
            self._show_hint(self.fapp.logged_text(logged))
            self.written()
            return
        self._show_hint()

    def show_logged(self, entries: tuple[Entry, ...]) -> None:
        """Add entries just written to what is shown, without reading the day again."""
        view = self.view
        if view is None:
            return
        mine = tuple(e for e in entries if e.day == view.day)
        if not mine:
            return
        all_entries = view.entries + mine
        fp = footprint(usage_of(all_entries), view.profile, self.svc.catalog)
        self.view = view._replace(entries=all_entries, footprint=fp)
        entry_list = self.query_one(EntryList)
        entry_list.append(mine)
        grid = self.query_one(TouchpointGrid)
        for tp_id in {e.touchpoint for e in mine}:
            grid.set_count(tp_id, sum(e.count for e in all_entries if e.touchpoint == tp_id))
        if len(all_entries) == len(mine):
            self._show_title()
        self._show_footprint()

    @on(TilePressed)
    def _tile_pressed(self, message: TilePressed) -> None:
        self.log_touch(message.touchpoint)

    def action_clear_prefix(self) -> None:
        self.prefix = ""
        self._show_hint()

    # --- forms ---------------------------------------------------------------------------------------

    def open_log_form(self, tp_id: str | None = None) -> None:
        from .entry_form import EntryForm

        count = self._take_count()
        self._show_hint()
        self.app.push_screen(
            EntryForm(self.svc, self.lang, touchpoint=tp_id, count=count, focus="count" if tp_id else "touchpoint"),
            self._form_done,
        )

    def action_log_form(self) -> None:
        self.open_log_form(None)

    def _form_done(self, changed: bool | None) -> None:
        if changed:
            self.reload()
            self.written()

    def _entry_for_action(self) -> Entry | None:
        entries = self.query_one(EntryList)
        return entries.selected() or entries.last()

    def action_note(self) -> None:
        entry = self._entry_for_action()
        if entry is None:
            self.fapp.say(day_words.empty_text(False))
            return
        from .entry_form import EntryForm

        self.app.push_screen(EntryForm(self.svc, self.lang, entry=entry, focus="note"), self._form_done)

    @on(EntryChosen)
    def _entry_chosen(self, message: EntryChosen) -> None:
        entry = self.query_one(EntryList).entries.get(message.entry_id)
        if entry is not None:
            from .entry_form import EntryForm

            self.app.push_screen(EntryForm(self.svc, self.lang, entry=entry), self._form_done)

    def help_lines(self) -> list[str]:
        lines = [
            _("a letter shown on a tile: log one touch of it now (or click the tile)"),
            _("Shift+letter: log it with details (count, minutes, time, note, reason)"),
            _("digits first: how many touches, e.g. 3 then s logs three"),
        ]
        if self.keys:
            catalog = self.svc.catalog
            lines.append("  " + "  ".join(f"{k} {day_words.label(catalog, v)}" for k, v in self.keys.items()))
        return lines
