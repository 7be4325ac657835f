"""A list of touches, one line each: time (and number), touchpoint and count, captures (an estimate), and
reason, note and source. Notes are shown as typed, never as markup.

Drawn line by line (Textual's line API): only the lines on screen are rendered, so a day of 300 touches
opens as fast as a day of three. Up/Down/PageUp/PageDown/Home/End move, Enter or a click on the chosen
line opens it; Left and Right are left to the screen (the journal's days).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ... import l10n
from ...domain.catalog import Catalog
from ...domain.footprint import entry_captures
from ...domain.journal import Entry
from ...i18n import pgettext
from ...present import day as day_words
from ..messages import EntryChosen
from ..text import short

LABEL_WIDTH = 16
NOTE_WIDTH = 40  # the whole note is in the entry form (Enter)


class EntryList(ScrollView, can_focus=True, inherit_bindings=False):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "entry-list--header",
        "entry-list--cursor",
        "entry-list--odd",
        "entry-list--empty",
        "entry-list--gauge",
    }
    DEFAULT_CSS = """
    EntryList {
        background: $surface;
        scrollbar-size-vertical: 0;  /* a one-column gauge is drawn instead (Textual's costs ~25 ms to start) */
    }
    EntryList > .entry-list--header {
        text-style: bold;
        background: $panel;
    }
    EntryList > .entry-list--gauge {
        color: $primary;
    }
    EntryList > .entry-list--empty {
        color: $text-muted;
    }
    EntryList > .entry-list--odd {
        background: $foreground 4%;
    }
    EntryList > .entry-list--cursor {
        background: $primary 40%;
    }
    EntryList:focus > .entry-list--cursor {
        background: $primary;
        color: $text;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose", show=False),
        Binding("up", "move(-1)", show=False),
        Binding("down", "move(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("home,ctrl+home", "edge(0)", show=False),
        Binding("end,ctrl+end", "edge(1)", show=False),
    ]
    cursor: reactive[int] = reactive(0, init=False)

    def __init__(self, catalog: Catalog, lang: str, id: str | None = None, show_ids: bool = False) -> None:
        super().__init__(id=id)
        self.catalog, self.lang, self.show_ids = catalog, lang, show_ids
        self._labels = day_words.Labels(catalog)
        self.rows: list[Entry] = []
        self._cells: dict[int, tuple[str, str, str, str, str]] = {}  # row -> its words, made when first drawn
        self._id_width = 1
        self._name_width = 10
        self.empty_text = ""  # what the list says when it has no entries
        self._styles: dict[str, Style] = {}  # component styles, looked up once per style change

    # --- content ---------------------------------------------------------------------------------------

    @property
    def entries(self) -> dict[int, Entry]:
        return {e.id or 0: e for e in self.rows}

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def _row_cells(self, e: Entry) -> tuple[str, str, str, str, str]:
        name = f"{short(self._labels[e.touchpoint], LABEL_WIDTH)} ×{e.count}"
        captures = l10n.number(entry_captures(e, self.catalog))
        return str(e.id), day_words.stamp(e, with_date=False), name, captures, day_words.details(e, NOTE_WIDTH)

    def cells(self, row: int) -> tuple[str, str, str, str, str]:
        found = self._cells.get(row)
        if found is None:
            found = self._cells[row] = self._row_cells(self.rows[row])
        return found

    def show(self, entries: Iterable[Entry], at_end: bool = False) -> None:
        """Show exactly these entries, keeping the cursor on the same entry when it is still there (else
        on the first one, or with ``at_end`` on the last: Today keeps its newest touches in view)."""
        keep = self.selected_id()
        self.rows, self._cells = [], {}
        self._add(entries)
        ids = [e.id for e in self.rows]
        self._resized()
        self.cursor = ids.index(keep) if keep in ids else (len(ids) - 1 if at_end and ids else 0)

    def append(self, entries: Iterable[Entry], follow: bool = True) -> None:
        """Add entries at the end; with ``follow`` the cursor goes to the last one (the touch just logged)."""
        self._add(entries)
        self._resized()
        if follow and self.rows:
            self.cursor = len(self.rows) - 1

    def _add(self, entries: Iterable[Entry]) -> None:
        """Only the column widths are worked out here (from the few touchpoints and the largest numbers);
        each line's words are made when it is first drawn."""
        self.rows.extend(entries)
        if not self.rows:
            return
        names = {e.touchpoint for e in self.rows}
        longest = max(len(short(self._labels[tp], LABEL_WIDTH)) for tp in names)
        most = max(e.count for e in self.rows)
        self._id_width = len(str(max(e.id or 0 for e in self.rows)))
        self._name_width = min(LABEL_WIDTH + 5, max(10, longest + 2 + len(str(most))))

    def _resized(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows) + 1)
        self.refresh()

    def selected(self) -> Entry | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def selected_id(self) -> int | None:
        entry = self.selected()
        return entry.id if entry is not None else None

    def last(self) -> Entry | None:
        return max(self.rows, key=lambda e: e.id or 0) if self.rows else None

    def plain_rows(self) -> list[str]:
        """Each row as the words it shows (for tests and screen readers)."""
        return [
            " ".join(c for c in (cells if self.show_ids else cells[1:]) if c)
            for cells in (self.cells(i) for i in range(len(self.rows)))
        ]

    # --- drawing ---------------------------------------------------------------------------------------

    def _line(self, cells: tuple[str, str, str, str, str], width: int) -> str:
        ident, at, name, captures, extra = cells
        head = f"{ident:>{self._id_width}} " if self.show_ids else ""
        line = f" {head}{at}  {name:<{self._name_width}} {captures:>8}  {extra}"
        return line[:width].ljust(width)

    def notify_style_update(self) -> None:
        self._styles = {}
        super().notify_style_update()

    def _style(self, name: str) -> Style:
        """The widget's style with a component class's on top, looked up once per style change."""
        found = self._styles.get(name)
        if found is None:
            base = self.rich_style
            found = self._styles[name] = base if name == "base" else base + self.get_component_rich_style(name)
        return found

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if not self.rows:
            words = f"  {self.empty_text}" if y == 1 else ""
            return Strip([Segment(words[:width].ljust(width), self._style("entry-list--empty"))], width)
        if y == 0:
            words = (
                "#",
                pgettext("column", "time").ljust(5),
                pgettext("column", "touchpoint")[: self._name_width],
                pgettext("column", "captures")[:8],
                pgettext("column", "details"),
            )
            return Strip([Segment(self._line(words, width), self._style("entry-list--header"))], width)
        row = y - 1 + int(self.scroll_offset.y)
        gauge = self._gauge(y)
        text_width = width - 1 if gauge else width
        if row >= len(self.rows):
            line = Segment(" " * text_width, self._style("base"))
        elif row == self.cursor:
            line = Segment(self._line(self.cells(row), text_width), self._style("entry-list--cursor"))
        else:
            style = self._style("entry-list--odd" if row % 2 else "base")
            line = Segment(self._line(self.cells(row), text_width), style)
        return Strip([line, Segment(gauge, self._style("entry-list--gauge"))] if gauge else [line], width)

    def _gauge(self, y: int) -> str:
        """The character of the scroll gauge on line ``y`` ("" when every entry fits)."""
        visible = self.size.height - 1
        if len(self.rows) <= visible or visible < 1:
            return ""
        first = int(self.scroll_offset.y) * visible // len(self.rows)
        size = max(1, visible * visible // len(self.rows))
        return "┃" if first <= y - 1 < first + size else "│"

    def set_empty_text(self, text: str) -> None:
        if text != self.empty_text:
            self.empty_text = text
            self.refresh()

    def visible_text(self) -> str:
        """The lines on screen now, as plain text (what a person sees; used by the tests)."""
        return "\n".join(self.render_line(y).text.rstrip() for y in range(self.size.height)).rstrip()

    def on_resize(self, event: events.Resize) -> None:
        self._resized()
        self.call_after_refresh(self._keep_cursor_in_view)  # the size is known now: show the cursor's line

    # --- moving ----------------------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        self._keep_cursor_in_view()
        self.refresh()

    def _keep_cursor_in_view(self) -> None:
        top, row = int(self.scroll_offset.y), self.cursor
        visible = max(1, self.size.height - 1)
        if row < top:
            self.scroll_to(y=row, animate=False, immediate=True)
        elif row >= top + visible:
            self.scroll_to(y=row - visible + 1, animate=False, immediate=True)

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.rows) - 1)) if self.rows else 0

    def action_move(self, step: int) -> None:
        self.cursor += step

    def action_page(self, direction: int) -> None:
        self.cursor += direction * max(1, self.size.height - 2)

    def action_edge(self, end: int) -> None:
        self.cursor = len(self.rows) - 1 if end else 0

    def action_choose(self) -> None:
        entry = self.selected()
        if entry is not None and entry.id is not None:
            self.post_message(EntryChosen(entry.id))

    def on_click(self, event: events.Click) -> None:
        if event.y < 1:
            return
        row = event.y - 1 + int(self.scroll_offset.y)
        if row < len(self.rows):
            if row == self.cursor or event.chain > 1:
                self.action_choose()
            self.cursor = row
