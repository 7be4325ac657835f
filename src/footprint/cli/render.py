"""Plain-text rendering of results for the terminal (no Rich: it would cost start-up on every log)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import TextIO

from ..domain.catalog import Catalog
from ..domain.footprint import entry_captures
from ..domain.journal import Entry
from ..domain.text import WEEKDAYS, number
from ..i18n_legacy import t
from ..services import DayView

_WEEKDAYS = WEEKDAYS


n = number  # the one way figures are shown, shared with the TUI and the images


def day_name(day: date, lang: str) -> str:
    return f"{_WEEKDAYS.get(lang, _WEEKDAYS['en'])[day.weekday()]} {day.isoformat()}"


def when(at: datetime) -> str:
    """``2026-11-20 08:10``; isoformat is what strftime gives here, at half the cost (a long list shows it)."""
    return at.isoformat(" ", "minutes")[:16]


def what(entries: Iterable[Entry]) -> str:
    return ", ".join(f"{e.touchpoint} ×{e.count}" + (f" {e.minutes:g} min" if e.minutes else "") for e in entries)


def entry_line(e: Entry, catalog: Catalog, lang: str, with_date: bool = False) -> str:
    stamp = when(e.at) if with_date else when(e.at)[11:]
    extra = [f"{e.minutes:g} min"] if e.minutes else []
    if e.reason:
        extra.append(f"[{t('reason.' + e.reason, lang)}]")
    if e.note:
        extra.append(f"“{e.note}”")
    if e.source not in ("cli", "tui"):
        extra.append(f"({e.source})")
    caps = f"{n(entry_captures(e, catalog))} {t('captures', lang)}"
    return f"  #{e.id:<6} {stamp}  {e.touchpoint:<18} ×{e.count:<4} {caps:>14}  {' '.join(extra)}".rstrip()


def entry_lines(entries: Iterable[Entry], catalog: Catalog, lang: str) -> Iterator[str]:
    """``footprint list``'s lines, each ending with a newline, as the entries come."""
    for e in entries:
        yield entry_line(e, catalog, lang, with_date=True) + "\n"


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


def day_text(view: DayView, catalog: Catalog, lang: str) -> str:
    status = (
        t("day.closed", lang)
        if view.status.closed
        else t("day.open", lang)
        if view.entries
        else t("day.not_logged", lang)
    )
    lines = [f"{day_name(view.day, lang)} — {status}"]
    if view.entries:
        lines += [entry_line(e, catalog, lang) for e in view.entries]
    else:
        lines.append("  " + t("day.empty_closed" if view.status.closed else "day.no_entries", lang))
    fp = view.footprint
    lines.append("")
    lines.append(
        f"{t('footprint', lang)}: {n(fp.total)} {t('captures', lang)} — "
        f"{t('active', lang)} {n(fp.active)}, {t('passive', lang)} {n(fp.passive)}"
    )
    passive = [p for p in view.profile if (tp := catalog.get(p.touchpoint)) and tp.passive]
    if passive:
        lines.append("  " + t("passive_note", lang, n=len(passive)))
    if fp.by_touchpoint:
        parts = [f"{tp} {n(c.total)}" for tp, c in fp.by_touchpoint.items()]
        lines.append(f"{t('by_touchpoint', lang)}: " + ", ".join(parts))
    if fp.by_collector:
        parts = [f"{catalog.collector_label(c, lang)} {n(v)}" for c, v in fp.by_collector.items()]
        lines.append(f"{t('by_collector', lang)}: " + ", ".join(parts))
    if fp.unknown:
        lines.append("  " + t("unknown_tps", lang, ids=", ".join(fp.unknown)))
    return "\n".join(lines)
