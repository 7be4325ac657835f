"""Collectors: who received the captures over a span, and everything footprint knows of one of them.

The shipped ``data/collectors.toml`` and the user's ``CONFIG/collectors/*.toml`` are read once per service
(about 5 ms; not on ``footprint log``'s path, so not cached on disk). Which bank, which operator is the
user's comes from ``CONFIG/config.toml``'s ``[collectors]`` table; a missing file is no choice at all.

The ranking is computed from the same footprints as ``day`` (``Service.footprint_between``), so its
figures add up to the days' by-collector figures.

For later views (compare, the TUI's Collectors screen, reports): ``ranking``, ``view`` and ``catalog_of``
are the API; ``services.requests`` holds the access requests.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any, NamedTuple

from ..domain.catalog import Text, Touchpoint
from ..domain.collectors import Collector, Collectors, Share, missing, parse_collectors, shares
from ..domain.requests import AccessRequest
from ..errors import BadInput, DataFileError
from ..i18n import N_
from ..resources import shipped_dir
from .. import config
from . import Service, read_toml, toml_files

DEFAULT_DAYS = 30


class Ranked(NamedTuple):
    collector: Collector  # the catalog's collector (a role like "bank", or a platform)
    organisation: Collector  # who plays it for this user (the collector itself when nobody is named)
    share: Share


class Ranking(NamedTuple):
    first: date
    last: date
    total: float
    rows: tuple[Ranked, ...]


class Feed(NamedTuple):
    touchpoint: Touchpoint
    consent: str  # opt-in, opt-out, legal


class CollectorView(NamedTuple):
    collector: Collector
    organisation: Collector
    feeds: tuple[Feed, ...]
    choices: tuple[Collector, ...]
    requests: tuple[AccessRequest, ...]


def collector_files(config_dir: Path) -> list[Path]:
    return [shipped_dir("data") / "collectors.toml", *toml_files(config_dir / "collectors")]


def user_config(svc: Service) -> dict[str, Any]:
    """The preferences file's ``[user]`` and ``[collectors]`` tables, as the settings read and checked it
    (``config.py``: one reader for the file, whoever uses it)."""
    prefs = svc.settings.preferences
    tables: dict[str, dict[str, str]] = {"user": {}, "collectors": {}}
    for key, value in prefs.items():
        table, _dot, name = key.partition(".")
        if table in tables:
            tables[table][name] = value
    return tables


def catalog_of(svc: Service) -> Collectors:
    """Every collector, the catalog's own included: one the files do not describe (a collector a user's
    touchpoint brings) gets a plain entry under its catalog label."""
    cached = svc.__dict__.get("_collectors")
    if cached is not None:
        return cached
    from ..importers import IMPORTERS

    found = parse_collectors(
        ((str(p), read_toml(p)) for p in collector_files(svc.settings.config_dir)), (i.name for i in IMPORTERS)
    )
    extra = [Collector(c, svc.catalog.collectors[c], "other") for c in missing(found, svc.catalog)]
    if extra:
        found = Collectors([*found.entries.values(), *extra])
    svc.__dict__["_collectors"] = found
    return found


def chosen(svc: Service) -> dict[str, str]:
    """The user's ``[collectors]`` choices (role → organisation id), each checked against the collectors."""
    table = user_config(svc).get("collectors", {})
    where = str(config.file_in(svc.settings.config_dir))
    if not isinstance(table, dict):
        raise DataFileError(N_("{file}: [collectors] must be a table of role = \"collector id\""), file=where)
    known = catalog_of(svc)
    out: dict[str, str] = {}
    for role, pick in table.items():
        if role not in known or not isinstance(pick, str) or pick not in known:
            from ..domain.text import suggestion

            shown = pick if isinstance(pick, str) else "?"
            hint = suggestion(shown if role in known else role, known.entries)
            raise DataFileError(
                N_("{file}: [collectors] {role} = '{name}': no such collector{hint}"),
                file=where,
                role=role[:60],
                name=shown[:60],
                hint=hint,
            )
        out[role] = pick
    return out


def span(svc: Service, start: str | None, end: str | None) -> tuple[date, date]:
    """``--from``/``--to`` as days; the last 30 days to today by default."""
    last = svc.day_of(end) if end else svc.settings.now().date()
    first = svc.day_of(start) if start else last - timedelta(days=DEFAULT_DAYS - 1)
    if first > last:
        raise BadInput(N_("--from {first} is after --to {last}"), first=first, last=last)
    return first, last


def ranking(svc: Service, start: str | None = None, end: str | None = None) -> Ranking:
    """Who received captures from ``start`` to ``end``, most first, with what fed each and how much of it
    was passive: the days' footprints, split as ``day`` splits them."""
    first, last = span(svc, start, end)
    days = svc.footprint_between(first, last)
    known, picks = catalog_of(svc), chosen(svc)
    rows = []
    for cid, share in shares(days.values(), svc.catalog).items():
        c = known.get(cid) or Collector(cid, Text(cid, cid), "other")
        rows.append(Ranked(c, known.behind(c, picks), share))
    return Ranking(first, last, sum(fp.total for fp in days.values()), tuple(rows))


def view(svc: Service, name: str) -> CollectorView:
    """One collector (id or name): who plays it, what feeds it and why it may (each touchpoint's
    consent), the choices a role offers, and the access requests sent to it."""
    from . import requests

    known, picks = catalog_of(svc), chosen(svc)
    c = known.resolve(name)
    org = known.behind(c, picks)
    ids = {r.id for r in known.roles_of(org.id, picks)} | {c.id}
    feeds = tuple(Feed(tp, tp.consent) for tp in svc.catalog.touchpoints if ids & set(tp.collectors))
    choices = tuple(known.entries[x] for x in c.choices)
    sent = tuple(r for r in requests.all_requests(svc) if r.collector in {c.id, org.id})
    return CollectorView(c, org, feeds, choices, sent)
