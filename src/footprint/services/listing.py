"""What ``footprint list`` narrows by (kind, reason, source, text in notes, order, limit): each value typed is
checked here, in one line with the close names when it is wrong, and turned into the store's ``EntryFilter``
so the narrowing runs in SQL and the list still streams."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ..domain.catalog import KINDS, Catalog
from ..domain.journal import REASONS
from ..errors import BadInput
from ..i18n import N_
from ..store import EntryFilter

MANUAL_SOURCES = ("cli", "tui")  # what ``--source manual`` means: touches a person logged


class ListFilter(NamedTuple):
    """What ``footprint list`` narrows by, as typed (the service checks each value)."""

    kind: str | None = None
    reason: str | None = None
    source: str | None = None  # "manual" or an importer's name
    search: str | None = None
    newest_first: bool = False
    limit: int | None = None


def _choice(value: str, allowed: Sequence[str]) -> str | None:
    """``value`` if it is one of ``allowed`` (case-insensitive), else None."""
    name = value.strip().lower()
    return name if name in allowed else None


def _hint(value: str, allowed: Sequence[str]) -> dict[str, str]:
    """What a wrong value's message shows: the value, the close names, and every name."""
    from ..domain.text import did_you_mean

    return {"value": value, "hint": did_you_mean(value, allowed), "allowed": ", ".join(allowed)}


def _kind(value: str) -> str:
    if (kind := _choice(value, KINDS)) is None:
        raise BadInput(N_("unknown kind '{value}'{hint}; use one of {allowed}"), **_hint(value, KINDS))
    return kind


def _reason(value: str) -> str:
    if (reason := _choice(value, REASONS)) is None:
        raise BadInput(N_("unknown reason '{value}'{hint}; use one of {allowed}"), **_hint(value, REASONS))
    return reason


def _sources(value: str) -> tuple[str, ...]:
    if value.strip().lower() == "manual":
        return MANUAL_SOURCES
    from ..importers import IMPORTERS  # only when a source is named: importers are heavy

    names = ["manual", *(i.name for i in IMPORTERS)]
    if (name := _choice(value, names)) is None:
        raise BadInput(N_("unknown source '{value}'{hint}; use one of {allowed}"), **_hint(value, names))
    return (name,)


def narrowed(catalog: Catalog, tps: list[str] | None, which: ListFilter) -> tuple[list[str] | None, EntryFilter]:
    """The touchpoints to keep (a kind's, within ``tps`` if given) and the store's filter."""
    if which.kind is not None:
        of_kind = [tp.id for tp in catalog.of_kind(_kind(which.kind))]
        tps = [t for t in tps if t in of_kind] if tps is not None else of_kind
    if which.limit is not None and which.limit < 1:
        raise BadInput(N_("--limit must be 1 or more, not {n}"), n=which.limit)
    narrow = EntryFilter(
        reason=_reason(which.reason) if which.reason is not None else None,
        sources=_sources(which.source) if which.source is not None else None,
        search=which.search or None,
        newest_first=which.newest_first,
        limit=which.limit,
    )
    return tps, narrow
