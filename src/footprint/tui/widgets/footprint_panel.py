"""The footprint of one day, always labelled an estimate: total, active, passive, and by collector."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from ...domain.catalog import Catalog
from ...domain.footprint import Footprint
from ...i18n_legacy import t
from ..text import n, short

NAME_WIDTH = 15  # fits the narrow panel (28 columns at 80)


def _lines(text: Text, width: int) -> int:
    """How many lines ``text`` takes once wrapped to ``width`` (word wrapping can only add a little)."""
    return sum(max(1, -(-len(line) // max(1, width - 2))) for line in text.plain.split("\n")[:-1])


def footprint_text(
    fp: Footprint, catalog: Catalog, lang: str, passive_count: int = 0, size: tuple[int, int] | None = None
) -> Text:
    """The panel's lines; given its (width, height), the smallest collectors give way to a "+N…" line."""
    head = Text()
    head.append(t("footprint", lang) + "\n", style="bold")
    rows = [(t("total", lang), fp.total), (t("active", lang), fp.active), (t("passive", lang), fp.passive)]
    for name, value in rows:
        head.append(f" {name:<{NAME_WIDTH}}{n(value):>7}\n", style="bold" if name == rows[0][0] else "")
    if passive_count:
        head.append(" " + t("passive_note", lang, n=passive_count) + "\n", style="italic dim")
    tail = Text()
    if fp.unknown:
        tail.append("\n" + t("unknown_tps", lang, ids=", ".join(fp.unknown)) + "\n", style="italic")
    collectors = sorted(fp.by_collector.items(), key=lambda kv: -kv[1])
    if collectors:
        room = len(collectors) if size is None else max(1, size[1] - _lines(head, size[0]) - 2)
        head.append("\n" + t("by_collector", lang) + "\n", style="bold")
        shown = collectors if len(collectors) <= room else collectors[: room - 1]
        for cid, value in shown:
            head.append(f" {short(catalog.collector_label(cid, lang), NAME_WIDTH):<{NAME_WIDTH}}{n(value):>7}\n")
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
