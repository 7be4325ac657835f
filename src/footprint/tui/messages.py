"""Messages the TUI's screens and widgets exchange (past tense: they say what happened)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class JournalChanged(Message):
    """The journal was written: by this TUI (``external`` False) or by another footprint process."""

    external: bool = False


@dataclass
class TilePressed(Message):
    """A touchpoint tile of the Today grid was clicked or activated with Enter/Space."""

    touchpoint: str


@dataclass
class EntryChosen(Message):
    """An entry was chosen in a list (Enter, or a click on the highlighted line): open it."""

    entry_id: int


@dataclass
class DayPicked(Message):
    """A day of the journal's week strip was clicked."""

    day_iso: str


@dataclass
class NavPicked(Message):
    """A screen's name was clicked in the navigation bar."""

    mode: str
