"""The keys screen (``?``): every key of the screen underneath and of the whole app, in the person's
language, with what the footer cannot say (letters log touches on Today…). ``?`` or Esc closes it."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from ...i18n import N_, _
from ..bindings import localize


class KeysScreen(ModalScreen[None]):
    CSS_PATH = "screens.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,f10,q", "dismiss", N_("Close")),
    ]

    def __init__(self, under: Screen, lang: str) -> None:
        super().__init__()
        self.under, self.lang = under, lang
        localize(self, lang)

    def compose(self) -> ComposeResult:
        with Vertical(id="keys"):
            yield Static(_("Keys"), id="keys-title")
            with VerticalScroll(id="keys-body"):
                yield Static(self._text(), markup=False)
            yield Static(_("Esc or ? closes this"), id="keys-close")

    def _text(self) -> Text:
        app = self.app
        here: list[tuple[str, str]] = []
        everywhere: list[tuple[str, str]] = []
        seen: set[tuple[str, str]] = set()
        for active in self.under.active_bindings.values():
            b = active.binding
            if not b.description or active.node not in (app, self.under) or b.action == "screen.copy_text":
                continue
            row = (app.get_key_display(b), b.description)
            if row in seen:
                continue
            seen.add(row)
            (everywhere if active.node is app else here).append(row)
        text = Text()
        helper = getattr(self.under, "help_lines", None)
        lines = helper() if callable(helper) else []
        if lines or here:
            text.append(_("On this screen") + "\n", style="bold")
            for line in lines:
                text.append(f"  {line}\n")
            for key, what in here:
                text.append(f"  {key:<12}", style="bold")
                text.append(f"{what}\n")
            text.append("\n")
        text.append(_("Everywhere") + "\n", style="bold")
        for key, what in everywhere:
            text.append(f"  {key:<12}", style="bold")
            text.append(f"{what}\n")
        text.append(f"  {_('tab'):<12}", style="bold")
        text.append(_("Move between the parts of the screen") + "\n")
        return text
