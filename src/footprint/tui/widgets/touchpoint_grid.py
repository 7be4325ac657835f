"""The Today grid: one tile per touchpoint of the profile, with the letter that logs it and how many times
it was touched today (passive touchpoints say so instead), as many tiles a row as the width allows.
A click on a tile logs one touch too.

One widget drawing all the tiles (a profile of 20 touchpoints costs what one costs to start).
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.widget import Widget

from ..messages import TilePressed

BOLD = Style(bold=True)
TILE_WIDTH = 24  # three tiles a row at 80 columns
GAP = 1


class TileData(NamedTuple):
    touchpoint: str
    key: str | None
    label: str
    passive: bool
    count: int  # touches today


class TouchpointGrid(Widget):
    COMPONENT_CLASSES: ClassVar[set[str]] = {"grid--tile", "grid--key", "grid--passive", "grid--hover", "grid--empty"}
    DEFAULT_CSS = """
    TouchpointGrid {
        height: auto;
        padding: 0 1;
    }
    TouchpointGrid > .grid--tile {
        background: $boost;
    }
    TouchpointGrid > .grid--hover {
        background: $primary 30%;
    }
    TouchpointGrid > .grid--empty {
        color: $warning;
    }
    TouchpointGrid > .grid--key {
        text-style: bold reverse;
    }
    TouchpointGrid > .grid--passive {
        color: $text-muted;
        text-style: italic;
        background: $boost;
    }
    """

    def __init__(self, tiles: list[TileData], passive_word: str, empty_text: str, id: str | None = None) -> None:
        super().__init__(id=id)
        self.tiles = tiles
        self.passive_word = passive_word
        self.empty_text = empty_text  # said instead of tiles when the profile is empty
        self._hover: int | None = None

    @property
    def columns(self) -> int:
        return max(1, (self.content_size.width + GAP) // (TILE_WIDTH + GAP))

    def tile_width(self) -> int:
        cols = self.columns
        return max(8, (self.content_size.width - GAP * (cols - 1)) // cols)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        cols = max(1, (width + GAP) // (TILE_WIDTH + GAP))
        return -(-len(self.tiles) // cols) if self.tiles else 1

    def render(self) -> Text:
        if not self.tiles:
            return Text(self.empty_text, style=self.get_component_rich_style("grid--empty"))
        cols, width = self.columns, self.tile_width()
        tile = self.get_component_rich_style("grid--tile")
        hover = self.get_component_rich_style("grid--hover")
        key_style = self.get_component_rich_style("grid--key")
        passive = self.get_component_rich_style("grid--passive")
        text = Text(no_wrap=True, overflow="crop")
        for i, d in enumerate(self.tiles):
            if i and i % cols == 0:
                text.append("\n")
            elif i:
                text.append(" " * GAP)
            base = hover if i == self._hover else tile
            key = f" {d.key} " if d.key else "   "
            right = self.passive_word if d.passive else (str(d.count) if d.count else "")
            room = max(1, width - len(key) - len(right) - 3)
            name = d.label if len(d.label) <= room else d.label[: room - 1] + "…"
            style = base + passive if d.passive else base
            text.append(key, style=key_style)
            text.append(" " + name.ljust(room) + " ", style=style)
            text.append(right.rjust(len(right) + 1), style=style if d.passive else style + BOLD)
        return text

    def show(self, tiles: list[TileData]) -> None:
        if tiles != self.tiles:
            self.tiles = tiles
            self.refresh(layout=True)

    def set_count(self, touchpoint: str, count: int) -> None:
        self.show([d._replace(count=count) if d.touchpoint == touchpoint else d for d in self.tiles])

    def _tile_at(self, x: int, y: int) -> int | None:
        x -= self.styles.padding.left
        width = self.tile_width()
        col, inside = divmod(x, width + GAP)
        if x < 0 or inside >= width or col >= self.columns:
            return None
        index = y * self.columns + col
        return index if index < len(self.tiles) else None

    def on_click(self, event: events.Click) -> None:
        index = self._tile_at(event.x, event.y)
        if index is not None:
            event.stop()
            self.post_message(TilePressed(self.tiles[index].touchpoint))

    def on_mouse_move(self, event: events.MouseMove) -> None:
        index = self._tile_at(event.x, event.y)
        if index != self._hover:
            self._hover = index
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        self._hover = None
        self.refresh()
