"""Collectors as data: who receives the captures, the legal controller a person writes to, and the export
it offers; and how the footprint's captures are shared among them.

``parse_collectors`` turns the mappings read from ``data/collectors.toml`` and the user's own files into
validated ``Collector`` values; every problem names the file, the entry and the field. A later file may
replace an entry of an earlier one (a user's correction of a shipped contact). ``Collectors`` resolves
names with "did you mean" hints and follows a role ("your bank") to the organisation that plays it: the
one the user named in config.toml, else the entry's ``default``.

``shares`` splits footprints by collector exactly as ``domain/footprint.py`` does (a touchpoint's captures
shared evenly among its collectors), keeping apart what was passive and which touchpoints fed each one.
Pure: no files, no clock.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from ..errors import DataFileError, NotFound
from ..i18n import N_, Message, say
from .catalog import Catalog, Text
from .footprint import Footprint
from .text import fold, suggestion

KINDS = (
    "platform",
    "bank",
    "card-network",
    "merchant",
    "grid-operator",
    "energy-supplier",
    "telecom-operator",
    "public-body",
    "ad-network",
    "device-maker",
    "transport",
    "health",
    "employer",
    "other",
)
CHANNELS = ("post", "email", "form")
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_MAX_TEXT = 300  # a name, an e-mail address, a URL, one line of an address


class Controller(NamedTuple):
    """The legal controller people write to, and how to reach it (any part may be unknown: "")."""

    name: str
    country: str = ""  # ISO 3166 code: the letter writes the country's name in its own language
    address: tuple[str, ...] = ()  # postal address lines, without the country
    email: str = ""
    form: str = ""  # a web form's address
    sources: tuple[str, ...] = ()

    @property
    def channel(self) -> str:
        """How a request is best sent: by e-mail or the form when there is one, else by post."""
        return "email" if self.email else "form" if self.form else "post"


class Export(NamedTuple):
    """What a person can download or ask for, and which footprint importer reads it."""

    importer: str = ""
    how: Text | None = None
    url: str = ""
    sources: tuple[str, ...] = ()


class Collector(NamedTuple):
    id: str
    name: Text
    kind: str
    controller: Controller | None = None
    export: Export | None = None
    choices: tuple[str, ...] = ()  # a role: the organisations that can play it (config.toml picks one)
    default: str | None = None  # the one that plays it for nearly everyone
    origin: str = ""

    @property
    def role(self) -> bool:
        return bool(self.choices) or self.default is not None


class Share(NamedTuple):
    """What one collector received over a span: captures, the passive part, and by touchpoint."""

    total: float
    passive: float
    by_touchpoint: Mapping[str, float]

    @property
    def passive_share(self) -> float:
        return self.passive / self.total if self.total else 0.0


class Collectors:
    """Every collector by id, in file order, and a name index for lookups."""

    def __init__(self, entries: Iterable[Collector]) -> None:
        self.entries: dict[str, Collector] = {c.id: c for c in entries}
        self._index: dict[str, Collector] | None = None  # folded names, built on the first name not an id

    def __contains__(self, collector_id: str) -> bool:
        return collector_id in self.entries

    def get(self, collector_id: str) -> Collector | None:
        return self.entries.get(collector_id)

    def resolve(self, name: str) -> Collector:
        """The collector called ``name`` (id or name, any case, accents or not), else ``NotFound``."""
        found = self.entries.get(name)
        if found is not None:
            return found
        if self._index is None:
            self._index = {fold(key): c for c in self.entries.values() for key in (c.id, c.name.en, c.name.fr)}
        found = self._index.get(fold(name))
        if found is None:
            hint = suggestion(name, self.entries)
            raise NotFound(N_("unknown collector '{name}'{hint}"), name=name[:60], hint=hint)
        return found

    def behind(self, collector: Collector, chosen: Mapping[str, str]) -> Collector:
        """The organisation that plays ``collector``: the user's choice (config.toml), else its default,
        else the collector itself (an organisation, or a role nobody named)."""
        pick = chosen.get(collector.id) or collector.default
        return self.entries.get(pick, collector) if pick else collector

    def roles_of(self, organisation: str, chosen: Mapping[str, str]) -> list[Collector]:
        """The entries that ``organisation`` plays, itself included."""
        return [c for c in self.entries.values() if self.behind(c, chosen).id == organisation]


def shares(footprints: Iterable[Footprint], catalog: Catalog) -> dict[str, Share]:
    """Captures per collector over many footprints (days), biggest first, split as ``footprint`` splits
    them: a touchpoint's captures evenly among its collectors. The totals equal the footprints'
    ``by_collector`` summed."""
    total: dict[str, float] = {}
    passive: dict[str, float] = {}
    fed: dict[str, dict[str, float]] = {}
    for fp in footprints:
        for tp_id, caps in fp.by_touchpoint.items():
            tp = catalog.get(tp_id)
            if tp is None:
                continue
            n = len(tp.collectors)
            for c in tp.collectors:
                total[c] = total.get(c, 0.0) + caps.total / n
                passive[c] = passive.get(c, 0.0) + caps.passive / n
                feeds = fed.setdefault(c, {})
                feeds[tp_id] = feeds.get(tp_id, 0.0) + caps.total / n
    ranked = sorted(total, key=lambda c: (-total[c], c))
    return {
        c: Share(total[c], passive[c], dict(sorted(fed[c].items(), key=lambda kv: (-kv[1], kv[0])))) for c in ranked
    }


# --- parsing -------------------------------------------------------------------------------------------


class _Where:
    def __init__(self, origin: str, entry: str) -> None:
        self.origin, self.entry = origin, entry

    def fail(self, key: str, expected: Message) -> DataFileError:
        return DataFileError(
            N_("{file}: collector '{entry}', field '{field}': expected {expected}"),
            file=self.origin,
            entry=self.entry,
            field=key,
            expected=expected,
        )


def _line(raw: Mapping[str, Any], key: str, where: _Where) -> str:
    value = raw.get(key, "")
    if not isinstance(value, str) or "\n" in value.strip() or len(value) > _MAX_TEXT:
        raise where.fail(key, say("one line of text (up to {n} characters)", n=_MAX_TEXT))
    return value.strip()


def _text(value: Any, where: _Where, key: str) -> Text:
    if isinstance(value, str) and value.strip():
        return Text(value.strip(), value.strip())
    if isinstance(value, Mapping) and all(isinstance(value.get(k), str) and value[k].strip() for k in Text._fields):
        return Text(value["en"].strip(), value["fr"].strip())
    raise where.fail(key, say("a text, or a table with non-empty 'en' and 'fr' strings"))


def _strings(raw: Mapping[str, Any], key: str, where: _Where, slugs: bool = False) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise where.fail(key, say("a list of non-empty strings"))
    if slugs and not all(_SLUG.fullmatch(v) for v in value):
        raise where.fail(key, say("a list of collector ids"))
    return tuple(v.strip() for v in value)


def _address(raw: Mapping[str, Any], where: _Where) -> tuple[str, ...]:
    value = raw.get("address", "")
    lines = value.strip().splitlines() if isinstance(value, str) else None
    if lines is None or len(lines) > 8 or any(len(line) > _MAX_TEXT for line in lines):
        raise where.fail("address", say("the postal address as text, one line per line (up to 8)"))
    return tuple(line.strip() for line in lines if line.strip())


def _table(raw: Mapping[str, Any], key: str, where: _Where) -> Mapping[str, Any] | None:
    value = raw.get(key)
    if value is not None and not isinstance(value, Mapping):
        raise where.fail(key, say("a table ([collector.{key}])", key=key))
    return value


def _controller(raw: Mapping[str, Any] | None, where: _Where) -> Controller | None:
    if raw is None:
        return None
    sub = _Where(where.origin, f"{where.entry}/controller")
    name = _line(raw, "name", sub)
    if not name:
        raise sub.fail("name", say("the controller's legal name"))
    country = _line(raw, "country", sub)
    if country and not _COUNTRY.fullmatch(country):
        raise sub.fail("country", say("a two-letter country code, such as FR or IE"))
    sources = _strings(raw, "sources", sub)
    if not sources:
        raise sub.fail("sources", say("at least one source for these facts (a URL)"))
    return Controller(name, country, _address(raw, sub), _line(raw, "email", sub), _line(raw, "form", sub), sources)


def _export(raw: Mapping[str, Any] | None, where: _Where, importers: frozenset[str]) -> Export | None:
    if raw is None:
        return None
    sub = _Where(where.origin, f"{where.entry}/export")
    importer = _line(raw, "importer", sub)
    if importer and importers and importer not in importers:
        raise sub.fail("importer", say("one of {choices}", choices=", ".join(sorted(importers))))
    how = _text(raw["how"], sub, "how") if "how" in raw else None
    return Export(importer, how, _line(raw, "url", sub), _strings(raw, "sources", sub))


def parse_collector(raw: Any, origin: str, position: int, importers: frozenset[str] = frozenset()) -> Collector:
    """One ``[[collector]]`` table, validated; ``importers`` are the names an export may give."""
    if not isinstance(raw, Mapping):
        raise DataFileError(N_("{file}: collector #{position}: expected a table"), file=origin, position=position)
    cid = raw.get("id")
    where = _Where(origin, cid if isinstance(cid, str) else f"#{position}")
    if not isinstance(cid, str) or not _SLUG.fullmatch(cid):
        raise where.fail("id", say("a slug of lowercase letters, digits and single hyphens"))
    kind = raw.get("kind")
    if kind not in KINDS:
        raise where.fail("kind", say("one of {choices}", choices=", ".join(KINDS)))
    default = raw.get("default")
    if default is not None and (not isinstance(default, str) or not _SLUG.fullmatch(default)):
        raise where.fail("default", say("a collector id"))
    return Collector(
        id=cid,
        name=_text(raw.get("name"), where, "name"),
        kind=kind,
        controller=_controller(_table(raw, "controller", where), where),
        export=_export(_table(raw, "export", where), where, importers),
        choices=_strings(raw, "choices", where, slugs=True),
        default=default,
        origin=origin,
    )


def parse_collectors(
    files: Iterable[tuple[str, Mapping[str, Any]]], importers: Iterable[str] = ()
) -> Collectors:
    """Merge collector files in order (shipped first, then the user's); an entry whose id is already
    known replaces it. Choices and defaults must name entries of the merged set."""
    known = frozenset(importers)
    entries: dict[str, Collector] = {}
    for origin, raw in files:
        if not isinstance(raw, Mapping):
            raise DataFileError(N_("{file}: expected a TOML table"), file=origin)
        items = raw.get("collector", [])
        if not isinstance(items, list):
            raise DataFileError(N_("{file}: 'collector' must be an array of tables ([[collector]])"), file=origin)
        for position, item in enumerate(items, start=1):
            c = parse_collector(item, origin, position, known)
            entries[c.id] = c
    for c in entries.values():
        where = _Where(c.origin, c.id)
        for pick in (*c.choices, *([c.default] if c.default else [])):
            if pick not in entries or pick == c.id:
                expected = say("ids of other collectors ('{name}' is not one)", name=pick)
                raise where.fail("choices" if pick in c.choices else "default", expected)
    return Collectors(entries.values())


def missing(collectors: Collectors, catalog: Catalog) -> list[str]:
    """The catalog's collectors that have no entry (a user's own touchpoints may bring new ones)."""
    return [c for c in catalog.collectors if c not in collectors]
