"""The journal's words, for both shells: a day (its title and status, its entries, its footprint), an entry
on one line, and what logging, editing, removing, closing and undoing say. The CLI prints these lines; the
TUI shows the same texts, styled. Touchpoints appear by their label in the current language, never by id.

Everything here speaks the ambient language (``footprint.i18n``). ``logged`` is on ``footprint log``'s path:
it uses only what needs no Babel (a whole number below 1,000, a clock time), so logging stays instant.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from .. import l10n
from ..domain.catalog import Catalog
from ..domain.footprint import Footprint, entry_captures
from ..domain.journal import Entry
from ..i18n import _, current, ngettext, pgettext

if TYPE_CHECKING:
    from ..services import DayView, Logged

_REASONS = {
    "unavoidable": lambda: pgettext("reason", "unavoidable"),
    "chosen": lambda: pgettext("reason", "chosen"),
    "forgot": lambda: pgettext("reason", "forgot"),
}


def plural_count(value: float) -> int:
    """The count that picks a phrase's plural form for a figure that may have a decimal: an integer is
    itself; ``0.3`` or ``1.5`` give 0, which is plural in English (« 0.3 captures ») and singular in French
    (« 1,5 capture »), as both languages write decimals below 2."""
    if value == int(value) or value >= 2:
        return int(value)
    return 0


def label(catalog: Catalog, tp_id: str) -> str:
    """The touchpoint's name in the current language (its id only if the catalog no longer has it)."""
    tp = catalog.get(tp_id)
    return tp.label.get(current()) if tp else tp_id


def labels(catalog: Catalog, ids: Iterable[str]) -> str:
    """Names joined with commas, or « none »."""
    return ", ".join(label(catalog, i) for i in ids) or pgettext("list", "none")


def reason(name: str) -> str:
    """Why a touch happened during a challenge: « inévitable », « choisi », « oubli »."""
    found = _REASONS.get(name)
    return found() if found else name


def reasons() -> list[tuple[str, str]]:
    """Every reason as (words, name), for a choice list."""
    return [(word(), name) for name, word in _REASONS.items()]


def captures(value: float) -> str:
    """``48 captures``, ``1 capture``, ``0.3 captures`` (``0,3 capture``)."""
    return ngettext("{n} capture", "{n} captures", plural_count(value)).format(n=l10n.number(value))


# --- a day -------------------------------------------------------------------------------------------------


def status(view: DayView) -> str:
    """Closed (a real zero if empty), open (something logged, not closed), or not logged at all."""
    if view.status.closed:
        return _("closed: fully logged")
    if view.entries:
        return _("open")
    return _("not logged yet")


def title(view: DayView) -> str:
    """« dimanche 22 novembre 2026 — journée ouverte »."""
    return _("{day} — {status}").format(day=l10n.long_date(view.day), status=status(view))


def empty_text(closed: bool) -> str:
    """What a day without entries says: a closed one is a real zero, an open one is just not logged."""
    if closed:
        return _("No touches: a real zero-touch day.")
    return _("No touches logged.")


def passive_count(view: DayView, catalog: Catalog) -> int:
    return sum(1 for p in view.profile if (tp := catalog.get(p.touchpoint)) and tp.passive)


class FootprintLines(NamedTuple):
    """A footprint's words: a heading, the three figures as (name, figure) rows, notes, the collectors."""

    heading: str
    rows: tuple[tuple[str, str], ...]  # total, active, passive
    passive_note: str  # "" when the profile holds no passive touchpoint
    collectors_heading: str
    collectors: tuple[tuple[str, str], ...]  # largest first
    unknown: str  # "" when every touchpoint is still in the catalog


def footprint_lines(fp: Footprint, catalog: Catalog, passive: int = 0) -> FootprintLines:
    """The footprint panel's words (the TUI lays them out as a table)."""
    lang = current()
    note = ""
    if passive:
        note = ngettext(
            "{n} passive touchpoint in your profile captures whatever you do",
            "{n} passive touchpoints in your profile capture whatever you do",
            passive,
        ).format(n=passive)
    by_collector = sorted(fp.by_collector.items(), key=lambda kv: -kv[1])
    return FootprintLines(
        _("Footprint (estimate)"),
        (
            (pgettext("captures", "total"), l10n.number(fp.total)),
            (pgettext("captures", "active"), l10n.number(fp.active)),
            (pgettext("captures", "passive"), l10n.number(fp.passive)),
        ),
        note,
        _("By collector"),
        tuple((catalog.collector_label(c, lang), l10n.number(v)) for c, v in by_collector),
        unknown_text(fp.unknown),
    )


def unknown_text(ids: tuple[str, ...]) -> str:
    if not ids:
        return ""
    return ngettext(
        "{ids}: no longer in the catalogue, counted as 0", "{ids}: no longer in the catalogue, counted as 0", len(ids)
    ).format(ids=", ".join(ids))


def footprint_sentence(fp: Footprint) -> str:
    """« Empreinte (estimation) : 67 captures, dont 19 actives et 48 passives »."""
    active = ngettext("{n} active", "{n} active", plural_count(fp.active)).format(n=l10n.number(fp.active))
    passive = ngettext("{n} passive", "{n} passive", plural_count(fp.passive)).format(n=l10n.number(fp.passive))
    return _("Footprint (estimate): {captures} — {active}, {passive}").format(
        captures=captures(fp.total), active=active, passive=passive
    )


def day_lines(view: DayView, catalog: Catalog) -> list[str]:
    """``footprint day``: the title, one line per entry, then the footprint and where it goes."""
    lines = [title(view)]
    if view.entries:
        names = Labels(catalog)
        lines += [entry_line(e, catalog, names) for e in view.entries]
    else:
        lines.append("  " + empty_text(view.status.closed))
    fp = view.footprint
    lines += ["", footprint_sentence(fp)]
    passive = passive_count(view, catalog)
    words = footprint_lines(fp, catalog, passive)
    if words.passive_note:
        lines.append("  " + words.passive_note)
    if fp.by_touchpoint:
        parts = [f"{label(catalog, tp)} {l10n.number(c.total)}" for tp, c in fp.by_touchpoint.items()]
        lines.append(_("By touchpoint: {figures}").format(figures=", ".join(parts)))
    if fp.by_collector:
        parts = [f"{name} {figure}" for name, figure in words.collectors]
        lines.append(_("By collector: {figures}").format(figures=", ".join(parts)))
    if words.unknown:
        lines.append("  " + words.unknown)
    if nudge := close_nudge(view):
        lines += ["", nudge]
    return lines


def close_nudge(view: DayView) -> str:
    """Today's reminder that yesterday is not closed (« » when it is, or on another day)."""
    if view.unclosed_yesterday is None:
        return ""
    return _("Yesterday ({day}) is not closed: footprint close yesterday").format(
        day=l10n.long_date(view.unclosed_yesterday)
    )


# --- an entry ----------------------------------------------------------------------------------------------


class Labels(dict[str, str]):
    """Touchpoint labels looked up once per id (a long listing repeats a few touchpoints)."""

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog

    def __missing__(self, tp_id: str) -> str:
        found = self[tp_id] = label(self.catalog, tp_id)
        return found


def stamp(e: Entry, with_date: bool) -> str:
    """``2026-11-20 08:10`` (sortable, the same in every language) or ``08:10``."""
    text = e.at.isoformat(" ", "minutes")[:16]  # what strftime gives, at half the cost on a long list
    return text if with_date else text[11:]


def minutes(value: float) -> str:
    return _("{minutes} min").format(minutes=l10n.number(value))


def details(e: Entry, note_width: int | None = None) -> str:
    """Minutes, reason, note (as typed, between quotes) and the source of an imported entry."""
    extra = [minutes(e.minutes)] if e.minutes else []
    if e.reason:
        extra.append(f"[{reason(e.reason)}]")
    if e.note:
        note = e.note if note_width is None or len(e.note) <= note_width else e.note[: note_width - 1] + "…"
        extra.append(_("“{note}”").format(note=note))
    if e.source not in ("cli", "tui"):
        extra.append(f"({e.source})")
    return " ".join(extra)


def entry_line(e: Entry, catalog: Catalog, names: Labels | None = None, with_date: bool = False) -> str:
    """One entry on one line: ``  #12     08:10  Smartphone         ×3         15 captures  5 min``."""
    name = (names if names is not None else Labels(catalog))[e.touchpoint]
    caps = captures(entry_captures(e, catalog))
    return f"  #{e.id:<6} {stamp(e, with_date)}  {name:<18} ×{e.count:<4} {caps:>14}  {details(e)}".rstrip()


def entry_lines(entries: Iterable[Entry], catalog: Catalog) -> Iterator[str]:
    """``footprint list``'s lines, each ending with a newline, as the entries come."""
    names = Labels(catalog)
    for e in entries:
        yield entry_line(e, catalog, names, with_date=True) + "\n"


def touches(entries: Iterable[Entry], catalog: Catalog) -> str:
    """``Facebook ×3, Carte bancaire ×1``."""
    return ", ".join(f"{label(catalog, e.touchpoint)} ×{e.count}" for e in entries)


# --- what the journal's changes say ------------------------------------------------------------------------


def logged(done: Logged, catalog: Catalog, today: date | None = None) -> str:
    """« Noté : Facebook ×3 à 17:37, +12 captures (estimation) », with the day when it is not ``today``.
    No Babel on the usual path: the captures of one log are a whole number below 1,000 nearly always, and a
    clock time is written alike in every language (a touch logged on another day pays for its date)."""
    first = done.entries[0]
    what, at, n = touches(done.entries, catalog), l10n.clock(first.at), l10n.number(done.captures)
    k = plural_count(done.captures)
    if today is None or first.day == today:
        return ngettext(
            "Logged {what} at {at}: +{n} capture (estimate)", "Logged {what} at {at}: +{n} captures (estimate)", k
        ).format(what=what, at=at, n=n)
    return ngettext(
        "Logged {what} on {day} at {at}: +{n} capture (estimate)",
        "Logged {what} on {day} at {at}: +{n} captures (estimate)",
        k,
    ).format(what=what, day=l10n.long_date(first.day), at=at, n=n)


def closed_notice(done: Logged) -> str:
    """What logging on a closed day adds (« » otherwise): the touch is stored, and the day stays closed."""
    if not done.closed:
        return ""
    day = done.entries[0].day
    return ngettext(
        "{day} is closed: the touch is stored and the day stays closed (footprint reopen {iso} to reopen it).",
        "{day} is closed: the touches are stored and the day stays closed (footprint reopen {iso} to reopen it).",
        len(done.entries),
    ).format(day=l10n.long_date(day), iso=day.isoformat())


def entry_summary(e: Entry, catalog: Catalog) -> str:
    """An entry inside a sentence: ``Carte bancaire ×4 · 2026-11-22 09:30 · 12 captures · 5 min [choisi]``."""
    parts = [f"{label(catalog, e.touchpoint)} ×{e.count}", stamp(e, True), captures(entry_captures(e, catalog))]
    extra = details(e)
    return " · ".join([*parts, extra] if extra else parts)


def edited(e: Entry, catalog: Catalog, changed: bool) -> str:
    what = entry_summary(e, catalog)
    if changed:
        return _("Edited entry #{id}: {what}").format(id=e.id, what=what)
    return _("Nothing changed: entry #{id} already reads {what}").format(id=e.id, what=what)


def removed(gone: Iterable[Entry], catalog: Catalog) -> str:
    entries = list(gone)
    what = ", ".join(f"#{e.id} {label(catalog, e.touchpoint)}" for e in entries)
    return ngettext("Removed entry {what}", "Removed entries {what}", len(entries)).format(what=what)


def remove_question(e: Entry, catalog: Catalog) -> str:
    """The question asked before an entry is deleted (the TUI's Journal)."""
    return _("Delete entry #{id} ({what})?").format(id=e.id, what=entry_summary(e, catalog))


def undone(summary: str | None) -> str:
    return _("Undone: {what}").format(what=summary) if summary else _("Nothing to undo.")


def closing(day: date, closed: bool, changed: bool) -> str:
    """What closing or reopening a day says (also when it already was so: nothing was written)."""
    when = l10n.long_date(day)
    if closed:
        return (_("Closed {day}: marked as fully logged.") if changed else _("{day} was already closed.")).format(
            day=when
        )
    return (_("Reopened {day}.") if changed else _("{day} was already open.")).format(day=when)

