"""The one-line bar at the top of every main screen: the app's name and its five screens with their keys,
the current one highlighted, and ? for the keys; a click on a name goes there.

One widget drawing one line (cheaper to start than a widget per name); the app's name is left out when
the terminal is too narrow for it.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.widget import Widget

from ...i18n import _
from .. import words
from ..messages import NavPicked

ITEMS = (("today", "F1"), ("journal", "F2"), ("challenge", "F3"), ("charts", "F4"), ("profile", "F5"))
NAME = "footprint"


class NavBar(Widget):
    COMPONENT_CLASSES: ClassVar[set[str]] = {"nav-bar--name", "nav-bar--key", "nav-bar--current"}
    DEFAULT_CSS = """
    NavBar {
        dock: top;
        height: 1;
        background: $panel;
    }
    NavBar > .nav-bar--name {
        color: $accent;
        text-style: bold;
    }
    NavBar > .nav-bar--key {
        text-style: bold;
    }
    NavBar > .nav-bar--current {
        background: $primary;
        color: $text;
        text-style: bold;
    }
    """

    def __init__(self, current: str, lang: str) -> None:
        super().__init__()
        self.current, self.lang = current, lang
        self._spans: list[tuple[int, int, str]] = []  # (first column, end column, mode or "keys")

    def render(self) -> Text:
        items = [(mode, key, words.screen_name(mode)) for mode, key in ITEMS]
        help_item = ("keys", "?", _(words.KEYS))
        needed = sum(len(k) + len(w) + 3 for _, k, w in [*items, help_item])
        text = Text(no_wrap=True, overflow="crop")
        if needed + len(NAME) + 2 <= self.size.width:
            text.append(f" {NAME} ", style=self.get_component_rich_style("nav-bar--name"))
        key_style = self.get_component_rich_style("nav-bar--key")
        current_style = self.get_component_rich_style("nav-bar--current")
        spans = []
        for mode, key, name in items:
            start = len(text)
            if mode == self.current:
                text.append(f" {key} {name} ", style=current_style)
            else:
                text.append(" ")
                text.append(key, style=key_style)
                text.append(f" {name} ")
            spans.append((start, len(text), mode))
        mode, key, name = help_item
        gap = self.size.width - len(text) - len(key) - len(name) - 3
        text.append(" " * max(1, gap))
        start = len(text)
        text.append(" ")
        text.append(key, style=key_style)
        text.append(f" {name} ")
        spans.append((start, len(text), mode))
        self._spans = spans
        return text

    def on_click(self, event: events.Click) -> None:
        for first, end, mode in self._spans:
            if first <= event.x < end:
                event.stop()
                self.post_message(NavPicked(mode))
                return

    def labels(self) -> list[str]:
        """The names shown, in order (for tests)."""
        return [words.screen_name(mode) for mode, _key in ITEMS]
