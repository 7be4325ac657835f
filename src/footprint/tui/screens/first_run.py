"""The first run: on a journal whose profile is empty, ask which connected objects and services the person
lives with (the seed's five objects first and ticked, then the rest of the catalog), then show Today.

Space ticks or unticks, Enter saves the profile, Esc leaves it empty for now (Today then says how to fill
it: F5). Nothing is written to the journal unless something is ticked; either way the app remembers the
choice in the preferences (``first_run``), so the checklist is not shown again.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, SelectionList, Static
from textual.widgets.selection_list import Selection

from ...i18n import _
from .. import words
from ...services import Service
from ..bindings import localize
from ..keys import SEED as SUGGESTED


class FirstRunScreen(ModalScreen[bool]):
    """Dismissed with True when the profile was written."""

    CSS_PATH = "screens.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "done", words.DONE, priority=True),
        Binding("escape", "skip", words.SKIP),
    ]

    def __init__(self, svc: Service, lang: str) -> None:
        super().__init__()
        self.svc, self.lang = svc, lang
        localize(self, lang)

    def compose(self) -> ComposeResult:
        lang, catalog = self.lang, self.svc.catalog
        first = [tp for i in SUGGESTED if (tp := catalog.get(i)) is not None]
        rest = [tp for tp in catalog.touchpoints if tp.id not in SUGGESTED]
        suggested = _("suggested")
        choices = [Selection(f"{tp.label.get(lang)}  ({suggested})", tp.id, True) for tp in first] + [
            Selection(f"{tp.label.get(lang)}  · {kind_name(tp.kind)}", tp.id, False) for tp in rest
        ]
        ask = _(
            "Which connected objects and services do you live with? Space ticks or unticks, Enter saves; "
            "you can change it any time in the Profile (F5)."
        )
        with Vertical(id="first-run"):
            yield Static(_("Welcome to footprint"), id="first-title")
            yield Static(ask, id="first-ask", markup=False)
            yield SelectionList[str](*choices, id="first-list")
            with Horizontal(id="first-buttons"):
                yield Button(words.button(words.DONE, _("enter")), variant="primary", id="done")
                yield Button(words.button(words.SKIP, _("esc")), id="skip")

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    def action_done(self) -> None:
        chosen = list(self.query_one(SelectionList).selected)
        if not chosen:
            self.dismiss(False)
            return
        written = False
        with self.app.safely():  # type: ignore[attr-defined]
            tps = self.svc.profile_add(chosen)
            added = ", ".join(tp.label.get(self.lang) for tp in tps)
            self.app.notify(_("Added to the profile: {touchpoints}").format(touchpoints=added), markup=False)
            written = True
        self.dismiss(written)

    def action_skip(self) -> None:
        self.dismiss(False)

    @on(Button.Pressed, "#done")
    def _done(self) -> None:
        self.action_done()

    @on(Button.Pressed, "#skip")
    def _skip(self) -> None:
        self.action_skip()


def kind_name(kind: str) -> str:
    """The kind of a touchpoint in the current language (the catalog view's word for it)."""
    from ...present.catalog import kind_name as worded

    return worded(kind)
