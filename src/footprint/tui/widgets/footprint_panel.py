"""The footprint of one day, always labelled an estimate: total, active, passive, and by collector."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from ...domain.catalog import Catalog
from ...domain.footprint import Footprint
from ...present import day as day_words
from ..text import short

NAME_WIDTH = 15  # fits the narrow panel (28 columns at 80)


def _lines(text: Text, width: int) -> int:
    """How many lines ``text`` takes once wrapped to ``width`` (word wrapping can only add a little)."""
    return sum(max(1, -(-len(line) // max(1, width - 2))) for line in text.plain.split("\n")[:-1])


def footprint_text(
    fp: Footprint, catalog: Catalog, lang: str, passive_count: int = 0, size: tuple[int, int] | None = None
) -> Text:
    """The panel's lines (``present/day.py``'s words); given its (width, height), the smallest collectors
    give way to a "+N…" line."""
    words = day_words.footprint_lines(fp, catalog, passive_count)
    head = Text()
    head.append(words.heading + "\n", style="bold")
    for i, (name, figure) in enumerate(words.rows):
        head.append(f" {name:<{NAME_WIDTH}}{figure:>7}\n", style="bold" if i == 0 else "")
    if words.passive_note:
        head.append(" " + words.passive_note + "\n", style="italic dim")
    tail = Text()
    if words.unknown:
        tail.append("\n" + words.unknown + "\n", style="italic")
    collectors = words.collectors
    if collectors:
        room = len(collectors) if size is None else max(1, size[1] - _lines(head, size[0]) - 2)
        head.append("\n" + words.collectors_heading + "\n", style="bold")
        shown = collectors if len(collectors) <= room else collectors[: room - 1]
        for name, figure in shown:
            head.append(f" {short(name, NAME_WIDTH):<{NAME_WIDTH}}{figure:>7}\n")
        if len(shown) < len(collectors):
            head.append(f" +{len(collectors) - len(shown)}…\n", style="dim")
    return head + tail


class FootprintPanel(Widget):
    """Drawn to its height (no scrollbar): the largest collectors first, "+N…" for the rest."""

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.data: tuple[Footprint, Catalog, str, int] | None = None

    def show(self, fp: Footprint, catalog: Catalog, lang: str, passive_count: int = 0) -> None:
        self.data = (fp, catalog, lang, passive_count)
        self.refresh()

    def render(self) -> Text:
        if self.data is None:
            return Text()
        fp, catalog, lang, passive_count = self.data
        return footprint_text(fp, catalog, lang, passive_count, (self.content_size.width, self.content_size.height))
