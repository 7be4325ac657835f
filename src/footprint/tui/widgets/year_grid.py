"""The year heatmap on the charts screen (key h): the text ``footprint chart year`` prints, with its
colours, fitted to the widget's width and redrawn when the terminal is resized or the journal changes.

The charts screen keeps it hidden until asked; while it shows, the screen's chart and title give way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import events
from textual.widgets import Static

if TYPE_CHECKING:
    from ...domain.heatmap import Heatmap
    from ...services import Service


class YearGrid(Static):
    DEFAULT_CSS = "YearGrid { display: none; height: auto; padding: 0 1; }"

    def __init__(self, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.active = False
        self.heatmap: Heatmap | None = None
        self._drawn_at: int | None = None

    def load(self, svc: Service) -> bool:
        """Read the year again when the grid is the screen's view; False when it is not (nothing read)."""
        if not self.active:
            return False
        from ...services.heatmap import year_heatmap

        self.heatmap = year_heatmap(svc)
        self._drawn_at = None
        self.redraw()
        return True

    def redraw(self) -> None:
        width = self.content_size.width
        if self.heatmap is None or width < 20 or self._drawn_at == width:
            return
        from ...heatmap import render

        self._drawn_at = width
        self.update(render(self.heatmap, width))

    def on_resize(self, event: events.Resize) -> None:
        self.redraw()

    def toggle(self, screen: Any, on: bool | None = None) -> bool:
        """Show the grid instead of the screen's chart (or the chart again); True when that changed anything
        (the screen then reloads, which reads the year for the grid, or draws the chart)."""
        on = not self.active if on is None else on
        if on == self.active:
            return False
        self.active = self.display = on
        for selector in ("#charts-title", "#chart"):
            screen.query_one(selector).display = not on
        return True
