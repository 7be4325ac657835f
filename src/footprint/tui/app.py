"""FootprintApp: the five main screens (Today, Journal, Challenge, Charts, Profile), the keys that work
everywhere, the command palette, the light and dark themes, the error boundary, and the watch on the
journal that shows within half a second what other footprint processes write.

Every screen after Today is imported when it is first shown, so opening on Today loads neither the chart
module nor plotext.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from ..errors import FootprintError, JournalBusy
from ..i18n import N_, _
from ..i18n import use as use_language
from ..present import day as day_words
from ..services import Service
from . import words
from .bindings import localize
from .messages import JournalChanged
from .watch import journal_version

if TYPE_CHECKING:
    from .screens.base import BaseScreen

POLL_SECONDS = 0.5
# A write waits this long for another writer (an import writes in steps of half a second at most), then the
# touch is kept and written again every RETRY_SECONDS: the interface never freezes for long, nothing is lost.
WRITE_WAIT_SECONDS = 1.0
RETRY_SECONDS = 0.5
WARM_UP_SECONDS = 1.5  # after the first screen is up, plotext is imported in the background (see _warm_up)
THEME_SETTLE_SECONDS = 1.0  # a theme is written to the preferences once it has been kept this long
MODES_IN_ORDER = ("today", "journal", "challenge", "charts", "profile")


def _journal() -> Screen:
    from .screens.journal import JournalScreen

    return JournalScreen()


def _challenge() -> Screen:
    from .screens.challenge import ChallengeScreen

    return ChallengeScreen()


def _charts() -> Screen:
    from .screens.charts import ChartsScreen

    return ChartsScreen()


def _profile() -> Screen:
    from .screens.profile import ProfileScreen

    return ProfileScreen()


def _import_plotext() -> None:
    try:
        from ..plotext_loader import load

        load()
    except ImportError:  # charts are optional here: the charts screen says so if they are missing
        pass


SCREENS_AFTER_TODAY = {"journal": _journal, "challenge": _challenge, "charts": _charts, "profile": _profile}


class FootprintApp(App[None]):
    CSS_PATH = "footprint.tcss"
    TITLE = "footprint"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "go('today')", words.SCREENS["today"], show=False),
        Binding("f2", "go('journal')", words.SCREENS["journal"], show=False),
        Binding("f3", "go('challenge')", words.SCREENS["challenge"], show=False),
        Binding("f4", "go('charts')", words.SCREENS["charts"], show=False),
        Binding("f5", "go('profile')", words.SCREENS["profile"], show=False),
        Binding("ctrl+z", "undo", words.UNDO),
        Binding("question_mark,f10", "keys", words.KEYS, key_display="?"),
        Binding("ctrl+t", "toggle_dark", words.THEME, show=False),
        Binding("ctrl+p", "command_palette", N_("Commands"), show=False, priority=True),
        Binding("ctrl+q", "quit", words.QUIT, show=False, priority=True),
    ]

    def __init__(self, svc: Service) -> None:
        super().__init__()
        self.svc = svc
        self.lang = svc.settings.lang
        use_language(self.lang)  # every _() on the screens speaks it
        self.generation = 0  # bumped on every change to the journal, ours or another process's
        self._version: int | None = None
        self._today: date | None = None
        self._pending: list[tuple[str, int, str]] = []  # touches typed while the journal was busy, oldest first
        localize(self, self.lang)
        self._restore_theme()

    # --- preferences: the theme and the first-run choice outlive the session ---------------------------

    def _restore_theme(self) -> None:
        """The theme the person chose last time (``theme`` in the preferences); a name this Textual does not
        have leaves the default one."""
        from ..services.preferences import textual_theme

        stored = self.svc.settings.preferences.get("theme")
        if stored is not None and textual_theme(stored) in self.available_themes:
            self.theme = textual_theme(stored)
        self._stored_theme = self.theme
        self._theme_timer: Any = None

    def _theme_changed(self, theme: Any) -> None:
        """A theme chosen with ctrl+t or the palette is written to the preferences once it settles: the
        palette's theme picker previews each theme it passes over, and only the last one counts."""
        if self._theme_timer is not None:
            self._theme_timer.stop()
        self._theme_timer = self.set_timer(THEME_SETTLE_SECONDS, self._write_theme)

    def _write_theme(self) -> None:
        self._theme_timer = None
        if self.theme != self._stored_theme:
            self._stored_theme = self.theme
            self.remember("theme", self.theme)

    def remember(self, key: str, value: str) -> None:
        """Store one preference; a file that cannot be written is said, and the session goes on."""
        from ..services import preferences

        with self.safely():
            if key == "theme":
                value = preferences.theme_word(value)
            preferences.remember(self.svc.settings.config_dir, key, value)

    def _wants_first_run(self) -> bool:
        return "first_run" not in self.svc.settings.preferences and not self.svc.journal.profile()

    # --- start, watch, stop ----------------------------------------------------------------------------

    def get_default_screen(self) -> Screen:
        """Today is the bottom of the screen stack; another main screen goes on top of it (one at a time),
        and dialogs above that. Textual's modes would re-parse every stylesheet for each new screen."""
        from .screens.today import TodayScreen

        return TodayScreen()

    def on_mount(self) -> None:
        with self.safely():
            self.svc.journal.wait_for_lock(WRITE_WAIT_SECONDS)
            self._version = journal_version(self.svc)
            self._today = self.svc.settings.now().date()
        with self.safely():
            if self._wants_first_run():  # the profile is a small table: no scan of the journal
                from .screens.first_run import FirstRunScreen

                self.push_screen(FirstRunScreen(self.svc, self.lang), self._first_run_done)
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.set_interval(POLL_SECONDS, self.poll_journal)
        self.set_timer(WARM_UP_SECONDS, self._warm_up)

    def _warm_up(self) -> None:
        """Import plotext (~50 ms) in a thread once the app is idle, so the first switch to the charts
        screen does not pay for it. The chart module itself is still imported by the charts screen only,
        and opening the app never waits for either."""
        if "plotext" not in sys.modules:
            self.run_worker(_import_plotext, thread=True, exit_on_error=False, group="warm-up")

    def _first_run_done(self, changed: bool | None) -> None:
        self.remember("first_run", "done" if changed else "skipped")
        if changed:
            self.journal_written()

    def poll_journal(self) -> None:
        """Refresh the screens when another process wrote to the journal, or when the day has turned."""
        try:
            version = journal_version(self.svc)
            today = self.svc.settings.now().date()
        except FootprintError:
            return  # locked for a moment by another writer: look again at the next tick
        if version != self._version or today != self._today:
            self._version, self._today = version, today
            self.journal_written(external=True)

    def journal_written(self, source: BaseScreen | None = None, external: bool = False) -> None:
        """Say that the journal changed: the screens of the current mode reload (except ``source``, which
        has already shown its own change); the others reload when they are shown again."""
        self.generation += 1
        if source is not None:
            source.loaded_generation = self.generation
        for screen in self.screen_stack:
            if screen is not source and hasattr(screen, "loaded_generation"):
                screen.post_message(JournalChanged(external))

    def on_unmount(self) -> None:
        if self._theme_timer is not None:  # quitting right after ctrl+t still keeps the theme
            self._theme_timer.stop()
            self._write_theme()
        self.svc.close()

    # --- errors ----------------------------------------------------------------------------------------

    @contextmanager
    def safely(self) -> Iterator[None]:
        """Run a block; a ``FootprintError`` becomes an error notification with its message, anything else
        an error notification too (the journal's writes are transactions: nothing half-done is left)."""
        try:
            yield
        except FootprintError as exc:
            self.notify(exc.message, severity="error", markup=False, timeout=8)
        except Exception as exc:  # noqa: BLE001  the TUI must never crash on a bug: say so and carry on
            self.log.error(repr(exc))
            message = _("Something went wrong ({what}); the journal is intact. Please report it.")
            self.notify(message.format(what=type(exc).__name__), severity="error", markup=False, timeout=10)

    def say(self, message: str) -> None:
        self.notify(message, markup=False, timeout=3)

    # --- actions everywhere ----------------------------------------------------------------------------

    def action_go(self, mode: str) -> None:
        """Show a main screen: Today by going back to the bottom of the stack, another by putting it on
        Today (made once, then kept with what it showed)."""
        while len(self.screen_stack) > 1 and not hasattr(self.screen, "loaded_generation"):
            self.pop_screen()  # leave a dialog before changing screens
        if getattr(self.screen, "MODE", None) == mode:
            return
        if mode == "today":
            while len(self.screen_stack) > 1:
                self.pop_screen()
            return
        if not self.is_screen_installed(mode):
            self.install_screen(SCREENS_AFTER_TODAY[mode](), name=mode)
        if len(self.screen_stack) > 1:
            self.switch_screen(mode)
        else:
            self.push_screen(mode)

    def action_undo(self) -> None:
        with self.safely():
            what = self.svc.undo()
            self.say(day_words.undone(what))
            if what:
                self.journal_written()

    def action_keys(self) -> None:
        from .screens.keys import KeysScreen

        if isinstance(self.screen, KeysScreen):
            self.pop_screen()
        else:
            self.push_screen(KeysScreen(self.screen, self.lang))

    def log_now(self, tp_id: str) -> None:
        """Log one touch of ``tp_id`` now (from the palette, on any screen)."""
        with self.safely():
            logged = self.write_touch(tp_id)
            if logged is not None:
                self.say(self.logged_text(logged))
                self.journal_written()

    def write_touch(self, tp_id: str, count: int = 1) -> Any:
        """Log a touch typed now; returns what was logged, or None when the journal is busy: the touch is
        then kept, with the time it was typed, and written as soon as the journal is free (in order)."""
        if not self._pending:
            try:
                return self.svc.log([tp_id], count=count, source="tui")
            except JournalBusy:
                self.set_timer(RETRY_SECONDS, self._write_pending)
        self._pending.append((tp_id, count, self.svc.settings.now().isoformat()))
        busy = _(
            "The journal is busy (another program is writing): your touch is kept and saved as soon as it is free."
        )
        self.notify(busy, severity="warning", timeout=4)
        return None

    def _write_pending(self) -> None:
        with self.safely():
            while self._pending:
                tp_id, count, at = self._pending[0]
                try:
                    self.svc.log([tp_id], at=at, count=count, source="tui")
                except JournalBusy:
                    self.set_timer(RETRY_SECONDS, self._write_pending)
                    return
                self._pending.pop(0)
                self.journal_written()

    def logged_text(self, logged: Any) -> str:
        text = day_words.logged(logged, self.svc.catalog, self.svc.settings.now().date())
        notice = day_words.closed_notice(logged)  # logging on a closed day: stored, and the day stays closed
        return f"{text}\n{notice}" if notice else text

    # --- the command palette ---------------------------------------------------------------------------

    def action_command_palette(self) -> None:
        """Textual's palette, with its prompt in the interface's language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette", placeholder=_("Search for commands…")))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every action, in the interface's language: the current screen's, logging each touchpoint of the
        profile, going to each screen, and the ones that work everywhere."""
        lang = self.lang
        screen_commands = getattr(screen, "commands", None)
        if callable(screen_commands):
            yield from screen_commands()
        try:
            profile = self.svc.profile()
        except FootprintError:
            profile = []
        for _period, tp in profile:
            if tp is not None:
                yield SystemCommand(
                    _("Log {touchpoint}").format(touchpoint=tp.label.get(lang)),
                    _("Log one touch now"),
                    partial(self.log_now, tp.id),
                )
        for mode in MODES_IN_ORDER:
            yield SystemCommand(
                _("Go to {screen}").format(screen=words.screen_name(mode)),
                _("Show this screen"),
                partial(self.action_go, mode),
            )
        yield SystemCommand(_(words.UNDO), _("Undo the last change to the journal"), self.action_undo)
        yield SystemCommand(_(words.KEYS), _("Show every key"), self.action_keys)
        yield SystemCommand(_(words.THEME), _("Switch between the light and dark themes"), self.action_toggle_dark)
        yield SystemCommand(_("Choose a theme…"), _("Pick one of Textual's themes"), self.action_change_theme)
        yield SystemCommand(_(words.QUIT), _("Leave footprint"), self.action_quit)
