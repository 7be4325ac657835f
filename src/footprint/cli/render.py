"""Plain-text output for the terminal (no Rich: it would cost start-up on every log): streaming long
listings in batches, JSON items. The words of the journal's views are ``present/day.py``'s."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, TextIO

from .. import l10n

if TYPE_CHECKING:
    from ..domain.journal import Entry

n = l10n.number  # the one way figures are shown, shared with the TUI and the images


def when(at: datetime) -> str:
    """``2026-11-20 08:10``; isoformat is what strftime gives here, at half the cost (a long list shows it)."""
    return at.isoformat(" ", "minutes")[:16]


def json_items(entries: Iterable[Entry]) -> Iterator[str]:
    """Each entry as one line of JSON, as the entries come."""
    import json

    from ..exporters.records import entry_record

    encode = json.JSONEncoder(ensure_ascii=False).encode  # what json.dumps(..., ensure_ascii=False) does
    for e in entries:
        yield encode(entry_record(e))


def json_array(items: Iterable[str]) -> Iterator[str]:
    """One JSON array written piece by piece: ``[``, the items one to a line, joined by commas, ``]``."""
    yield "["
    separator = "\n  "
    for item in items:
        yield separator + item
        separator = ",\n  "
    yield "\n]\n"


def batched(pieces: Iterable[str], size: int = 1000) -> Iterator[str]:
    """Pieces of text joined ``size`` at a time, so that output costs one write per batch."""
    batch: list[str] = []
    for piece in pieces:
        batch.append(piece)
        if len(batch) >= size:
            yield "".join(batch)
            batch.clear()
    if batch:
        yield "".join(batch)


def write_all(chunks: Iterable[str], out: TextIO) -> None:
    """Write text as it is produced, with flat memory. ``typer.echo`` would check the terminal (and
    strip colours) on every call, which costs more than the line itself on a long listing."""
    for chunk in chunks:
        out.write(chunk)
    out.flush()
