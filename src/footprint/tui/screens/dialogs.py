"""Small dialogs: a yes/no question (the safe answer has the focus), and one line of text checked as it is
typed (a filter, a path) that can also do its work before it closes (writing a report: a path that cannot
be written is said in the dialog, which keeps the focus until the work is done or Esc)."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Button, Input, Static

from ...errors import FootprintError
from .. import words
from ..bindings import localize
from .entry_form import ServiceCheck


class ConfirmScreen(ModalScreen[bool]):
    """Dismissed with True for yes (y, Enter on Yes), False for no (n, Esc, Enter on No). No has the focus
    when it opens, so an Enter typed a moment too early never says yes; ← → or Tab move between the two."""

    CSS_PATH = "screens.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", words.YES),
        Binding("n,escape", "answer(False)", words.NO),
        Binding("left,right", "app.focus_next", show=False),
    ]

    def __init__(self, question: str, lang: str) -> None:
        super().__init__()
        self.question, self.lang = question, lang
        localize(self, lang)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-text", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(words.button(words.YES, "y"), variant="error", id="yes")
                yield Button(words.button(words.NO, "n"), id="no")

    def on_mount(self) -> None:
        self.query_one("#no").focus()

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class AskScreen(ModalScreen[str | None]):
    """One line of text; ``check`` raises a ``FootprintError`` whose message is shown while typing.
    Dismissed with the text (Enter), or None (Esc). With ``act``, Enter first runs ``act(text)``: when it
    raises a ``FootprintError`` its message is shown and the dialog stays, with the text kept to fix."""

    CSS_PATH = "screens.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", words.CANCEL)]

    def __init__(
        self,
        question: str,
        lang: str,
        value: str = "",
        check: Callable[[str], object] | None = None,
        suggester: Suggester | None = None,
        act: Callable[[str], object] | None = None,
    ) -> None:
        super().__init__()
        self.question, self.lang, self.value = question, lang, value
        self.check, self.suggester, self.act = check, suggester, act
        localize(self, lang)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-text", markup=False)
            yield Input(
                self.value,
                id="answer",
                validators=[ServiceCheck(self.check)] if self.check else None,
                suggester=self.suggester,
                valid_empty=True,
                compact=True,
            )
            yield Static("", id="ask-error", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        result = event.validation_result
        failures = result.failure_descriptions if result is not None else []
        self.query_one("#ask-error", Static).update(failures[0] if failures else "")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        if self.check is not None and event.value.strip():
            try:
                self.check(event.value)
            except FootprintError as exc:
                self.query_one("#ask-error", Static).update(exc.message)
                return
        if self.act is not None and not self._acted(event.value):
            return
        self.dismiss(event.value)

    def _acted(self, value: str) -> bool:
        """Run ``act``; False (and its message shown here) when it failed."""
        try:
            self.act(value)  # type: ignore[misc]
            return True
        except FootprintError as exc:
            self.query_one("#ask-error", Static).update(exc.message)
        except Exception:  # noqa: BLE001  a bug: said as everywhere in the app, and the dialog stays
            with self.app.safely():  # type: ignore[attr-defined]
                raise
        return False

    def action_cancel(self) -> None:
        self.dismiss(None)
