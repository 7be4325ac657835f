"""A chart drawn by the shared chart module (``footprint.charts``) at the widget's size, redrawn when the
terminal is resized. The module is imported on first draw: only the charts screen pays for plotext."""

from __future__ import annotations

import re
from collections.abc import Callable

from rich.text import Text
from textual import events
from textual.widgets import Static

_BACKGROUND = re.compile(r"\x1b\[48;5;\d+m")
_BLACK = "\x1b[38;5;0m"


def on_theme(ansi: str) -> str:
    """plotext paints its canvas white with black text; drop that, so the chart sits on the theme's own
    background (light or dark) and its axes take the theme's text colour, keeping the series' colours."""
    return _BACKGROUND.sub("", ansi).replace(_BLACK, "\x1b[39m")


class ChartView(Static):
    """``draw(width, height)`` returns the chart as text with ANSI colours."""

    def __init__(self, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.draw: Callable[[int, int], str] | None = None
        self._drawn_at: tuple[int, int] | None = None

    def show(self, draw: Callable[[int, int], str] | None) -> None:
        self.draw = draw
        self._drawn_at = None
        self.redraw()

    def redraw(self) -> None:
        width, height = self.content_size
        if self.draw is None or width < 20 or height < 6 or self._drawn_at == (width, height):
            return
        self._drawn_at = (width, height)
        self.update(Text.from_ansi(on_theme(self.draw(width, height))))

    def on_resize(self, event: events.Resize) -> None:
        self.redraw()
