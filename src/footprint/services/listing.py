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

UNKNOWN_KIND = N_("unknown kind '{value}'{hint}; use one of {allowed}")
UNKNOWN_REASON = N_("unknown reason '{value}'{hint}; use one of {allowed}")
UNKNOWN_SOURCE = N_("unknown source '{value}'{hint}; use one of {allowed}")
MANUAL_SOURCES = ("cli", "tui")  # what ``--source manual`` means: touches a person logged


class ListFilter(NamedTuple):
    """What ``footprint list`` narrows by, as typed (the service checks each value)."""

    kind: str | None = None
    reason: str | None = None
    source: str | None = None  # "manual" or an importer's name
    search: str | None = None
    newest_first: bool = False
    limit: int | None = None


def _choice(value: str, allowed: Sequence[str], msgid: str) -> str:
    """``value`` if it is one of ``allowed`` (case-insensitive), else one line (``msgid``) with the close ones."""
    from ..domain.text import did_you_mean

    if value.strip().lower() in allowed:
        return value.strip().lower()
    raise BadInput(msgid, value=value, hint=did_you_mean(value, allowed), allowed=", ".join(allowed))


def _sources(value: str) -> tuple[str, ...]:
    name = value.strip().lower()
    if name == "manual":
        return MANUAL_SOURCES
    from ..importers import IMPORTERS  # only when a source is named: importers are heavy

    return (_choice(name, ["manual", *(i.name for i in IMPORTERS)], UNKNOWN_SOURCE),)


def narrowed(catalog: Catalog, tps: list[str] | None, which: ListFilter) -> tuple[list[str] | None, EntryFilter]:
    """The touchpoints to keep (a kind's, within ``tps`` if given) and the store's filter."""
    if which.kind is not None:
        of_kind = [tp.id for tp in catalog.of_kind(_choice(which.kind, KINDS, UNKNOWN_KIND))]
        tps = [t for t in tps if t in of_kind] if tps is not None else of_kind
    if which.limit is not None and which.limit < 1:
        raise BadInput(N_("--limit must be 1 or more, not {n}"), n=which.limit)
    narrow = EntryFilter(
        reason=_choice(which.reason, REASONS, UNKNOWN_REASON) if which.reason is not None else None,
        sources=_sources(which.source) if which.source is not None else None,
        search=which.search or None,
        newest_first=which.newest_first,
        limit=which.limit,
    )
    return tps, narrow
