"""What the five main screens share: the navigation bar and the footer, bindings in the person's language,
reloading when the journal changed (ours or another process's write), and their palette commands."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.screen import Screen

from ...i18n import _
from ...present import day as day_words
from .. import words
from ..bindings import localize
from ..messages import JournalChanged, NavPicked
from ..widgets.key_bar import KeyBar
from ..widgets.nav_bar import NavBar

if TYPE_CHECKING:
    from ...domain.journal import Entry
    from ...services import DayView, Service
    from ..app import FootprintApp


class BaseScreen(Screen[None]):
    MODE: ClassVar[str] = ""

    def __init__(self) -> None:
        super().__init__()
        self.loaded_generation = -1  # the app's journal generation this screen last showed
        localize(self, self.lang)

    @property
    def fapp(self) -> FootprintApp:
        return cast("FootprintApp", self.app)

    @property
    def svc(self) -> Service:
        return self.fapp.svc

    @property
    def lang(self) -> str:
        return self.fapp.lang

    def compose(self) -> ComposeResult:
        yield NavBar(self.MODE, self.lang)
        yield from self.compose_body()
        yield KeyBar()

    def compose_body(self) -> ComposeResult:
        yield from ()

    # --- keeping up with the journal -------------------------------------------------------------------

    def on_screen_resume(self) -> None:
        if self.loaded_generation != self.fapp.generation:
            self.reload()

    @on(JournalChanged)
    def _journal_changed(self, message: JournalChanged) -> None:
        self.reload()

    def reload(self) -> None:
        """Read what this screen shows again (errors become notifications)."""
        self.loaded_generation = self.fapp.generation
        with self.fapp.safely():
            self.load()

    def load(self) -> None:
        """Read and show this screen's data; screens override it."""

    def written(self) -> None:
        """This screen wrote to the journal and already shows it: tell the others."""
        self.fapp.journal_written(source=self)

    @on(NavPicked)
    def _nav_picked(self, message: NavPicked) -> None:
        if message.mode == "keys":
            self.fapp.action_keys()
        else:
            self.fapp.action_go(message.mode)

    # --- the command palette ---------------------------------------------------------------------------

    def commands(self) -> Iterable[SystemCommand]:
        """This screen's actions for the command palette: by default, each shown binding of the screen."""
        where = _("{screen} screen").format(screen=words.screen_name(self.MODE))
        for bindings in self._bindings.key_to_bindings.values():
            for b in bindings:
                if b.description and b.show:
                    yield SystemCommand(b.description, b.tooltip or where, self._runner(b.action))

    def _runner(self, action: str):  # noqa: ANN202
        async def run() -> None:
            await self.run_action(action)

        return run

    def help_lines(self) -> list[str]:
        """Lines the keys screen shows above the bindings (what the bindings cannot say, like letters)."""
        return []


class DayScreen(BaseScreen):
    """A screen showing one day (Today, Journal): the actions on its entries and on the day itself."""

    view: DayView | None

    def action_remove(self) -> None:
        from ..widgets.entry_list import EntryList

        self.remove_entry(self.query_one(EntryList).selected())

    def remove_entry(self, entry: Entry | None) -> None:
        if entry is None:
            return
        with self.fapp.safely():
            removed = self.svc.remove([entry.id or 0])
            self.fapp.say(day_words.removed(removed, self.svc.catalog))
            self.reload()
            self.written()

    def action_toggle_day(self) -> None:
        view = self.view
        if view is None:
            return
        with self.fapp.safely():
            done = self.svc.set_closed(view.day.isoformat(), not view.status.closed)
            self.fapp.say(day_words.closing(done.day, not view.status.closed, done.changed))
            self.reload()
            self.written()
