"""The touchpoint catalog: what a connected device or service is, and its documented capture estimates.

Values are ``NamedTuple``s rather than frozen dataclasses: equally immutable, and about seven times
cheaper to define at import, which every ``footprint log`` pays for.

``parse_catalog`` turns the mapping read from one TOML file into validated ``Touchpoint`` objects; every
problem names the file, the entry and the field. ``Catalog`` merges the shipped file with the user's own
files and resolves names (id or alias, case- and accent-insensitive) with "did you mean" hints.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from ..errors import DataFileError, NotFound
from ..i18n import N_, Message, current, say
from .limits import MAX_ESTIMATE, within
from .text import fold, suggestion

KINDS = ("device", "card", "meter", "service", "social")
MODES = ("active", "passive")
CONSENTS = ("opt-in", "opt-out", "legal")
LANGS = ("en", "fr")
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class Text(NamedTuple):
    """A short text in every supported language."""

    en: str
    fr: str

    def get(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en

    def __str__(self) -> str:
        """The text in the language being spoken."""
        return self.get(current())


class Estimate(NamedTuple):
    """A number of captures that is an estimate, with the one-line reason it is what it is (in every
    language: ``str(why)`` is the reason in the language being spoken)."""

    value: float
    why: Text


class PassiveState(NamedTuple):
    """A setting of a passive touchpoint that changes how much it captures (the meter's load curve)."""

    id: str
    label: Text
    passive_per_day: Estimate


class Touchpoint(NamedTuple):
    id: str
    label: Text
    kind: str
    mode: str
    consent: str
    collectors: tuple[str, ...]
    captures_per_use: Estimate
    captures_per_minute: Estimate | None = None
    passive_per_day: Estimate | None = None
    states: tuple[PassiveState, ...] = ()
    aliases: tuple[str, ...] = ()
    alternatives: tuple[Text, ...] = ()
    origin: str = ""  # the file it came from, for messages

    @property
    def passive(self) -> bool:
        return self.mode == "passive"

    @property
    def default_state(self) -> str | None:
        return self.states[0].id if self.states else None

    def state(self, state_id: str | None) -> PassiveState | None:
        for s in self.states:
            if s.id == state_id:
                return s
        return None

    def passive_estimate(self, state_id: str | None = None) -> Estimate | None:
        """Daily passive captures while in the profile, in the given state (the default when unknown)."""
        if not self.passive:
            return None
        chosen = self.state(state_id) or (self.states[0] if self.states else None)
        return chosen.passive_per_day if chosen else self.passive_per_day


class Catalog:
    """The merged catalog: touchpoints in file order, collector labels, and a name index for lookups."""

    __slots__ = ("_ids", "_index", "collectors", "touchpoints")

    def __init__(self, touchpoints: Iterable[Touchpoint], collectors: Mapping[str, Text]) -> None:
        self.touchpoints: tuple[Touchpoint, ...] = tuple(touchpoints)
        self.collectors: dict[str, Text] = dict(collectors)
        self._ids = {tp.id: tp for tp in self.touchpoints}
        self._index: dict[str, Touchpoint] = {}
        for tp in self.touchpoints:
            for key in (tp.id, *tp.aliases):
                self._index[fold(key)] = tp

    def __contains__(self, touchpoint_id: str) -> bool:
        return touchpoint_id in self._ids

    def get(self, touchpoint_id: str) -> Touchpoint | None:
        """The touchpoint with exactly this id (journal rows store ids), or None."""
        return self._ids.get(touchpoint_id)

    def resolve(self, name: str) -> Touchpoint:
        """The touchpoint called ``name`` (id or alias, any case, accents or not), else ``NotFound``."""
        tp = self._index.get(fold(name))
        if tp is None:
            raise NotFound(N_("unknown touchpoint '{name}'{hint}"), name=name, hint=suggestion(name, self._index))
        return tp

    def of_kind(self, kind: str) -> tuple[Touchpoint, ...]:
        return tuple(tp for tp in self.touchpoints if tp.kind == kind)

    def collector_label(self, collector_id: str, lang: str) -> str:
        text = self.collectors.get(collector_id)
        return text.get(lang) if text else collector_id

    def search(self, query: str, lang: str) -> tuple[Touchpoint, ...]:
        """Touchpoints whose id, alias, label or kind contains ``query`` (folded)."""
        q = fold(query)
        return tuple(
            tp
            for tp in self.touchpoints
            if any(q in fold(s) for s in (tp.id, tp.kind, tp.label.en, tp.label.fr, *tp.aliases))
        )


# --- parsing -------------------------------------------------------------------------------------------


class _Where:
    """Builds error messages that name the file, the entry and the field."""

    def __init__(self, origin: str, entry: str) -> None:
        self.origin, self.entry = origin, entry

    def fail(self, key: str, expected: Message) -> DataFileError:
        return DataFileError(
            N_("{file}: touchpoint '{entry}', field '{field}': expected {expected}"),
            file=self.origin,
            entry=self.entry,
            field=key,
            expected=expected,
        )


def _text(value: Any, where: _Where, key: str) -> Text:
    if not isinstance(value, Mapping) or not all(
        isinstance(value.get(lang), str) and value[lang].strip() for lang in LANGS
    ):
        raise where.fail(key, say("a table with non-empty 'en' and 'fr' strings"))
    return Text(en=value["en"].strip(), fr=value["fr"].strip())


def _estimate(raw: Mapping[str, Any], key: str, where: _Where, *, positive: bool) -> Estimate:
    value = raw.get(key)
    # TOML reads inf and nan, and 1e308 is finite but two of them overflow a day's sum: within() refuses all
    # three (limits.MAX_ESTIMATE is far above any documented estimate).
    if not within(value, 0, MAX_ESTIMATE) or (positive and value == 0):
        from ..l10n import integer

        if positive:
            raise where.fail(key, say("a number greater than 0, up to {max}", max=integer(MAX_ESTIMATE)))
        raise where.fail(key, say("a number from 0 up to {max}", max=integer(MAX_ESTIMATE)))
    why_key = "why" if key == "passive_per_day" and "why" in raw and f"{key}_why" not in raw else f"{key}_why"
    return Estimate(float(value), _why(raw.get(why_key), where, why_key))


def _one_line(text: Any) -> bool:
    return isinstance(text, str) and bool(text.strip()) and "\n" not in text.strip()


def _why(raw: Any, where: _Where, key: str) -> Text:
    """An estimate's reason: a table of one line per language (``{ en = "...", fr = "..." }``), or one line
    of text for every language (a user's own catalog written in one language)."""
    if _one_line(raw):
        return Text(raw.strip(), raw.strip())
    if isinstance(raw, Mapping) and all(_one_line(raw.get(lang)) for lang in LANGS):
        return Text(raw["en"].strip(), raw["fr"].strip())
    raise where.fail(
        key, say("a one-line justification of the estimate (a text, or a table of one-line 'en' and 'fr' texts)")
    )


def _choice(raw: Mapping[str, Any], key: str, choices: tuple[str, ...], where: _Where) -> str:
    value = raw.get(key)
    if value not in choices:
        raise where.fail(key, say("one of {choices}", choices=", ".join(choices)))
    return value


def _strings(raw: Mapping[str, Any], key: str, where: _Where) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise where.fail(key, say("a list of non-empty strings"))
    return tuple(v.strip() for v in value)


def _state(raw: Any, where: _Where) -> PassiveState:
    if not isinstance(raw, Mapping) or not isinstance(raw.get("id"), str) or not _SLUG.fullmatch(raw["id"]):
        raise where.fail("states", say("tables with an 'id' slug, a 'label', 'passive_per_day' and 'why'"))
    sub = _Where(where.origin, f"{where.entry}/{raw['id']}")
    return PassiveState(
        id=raw["id"],
        label=_text(raw.get("label"), sub, "label"),
        passive_per_day=_estimate(raw, "passive_per_day", sub, positive=True),
    )


def parse_touchpoint(raw: Any, origin: str, collectors: Mapping[str, Text], position: int) -> Touchpoint:
    """One ``[[touchpoint]]`` table, validated; ``position`` names it when it has no usable id."""
    if not isinstance(raw, Mapping):
        raise DataFileError(N_("{file}: touchpoint #{position}: expected a table"), file=origin, position=position)
    tp_id = raw.get("id")
    where = _Where(origin, tp_id if isinstance(tp_id, str) else f"#{position}")
    if not isinstance(tp_id, str) or not _SLUG.fullmatch(tp_id):
        raise where.fail("id", say("a slug of lowercase letters, digits and single hyphens"))
    mode = _choice(raw, "mode", MODES, where)
    used = _strings(raw, "collectors", where)
    if not used:
        raise where.fail("collectors", say("at least one collector"))
    for c in used:
        if c not in collectors:
            raise where.fail("collectors", say("collectors defined in [collectors] ('{name}' is not)", name=c))
    alternatives = raw.get("alternatives", [])
    if not isinstance(alternatives, list):
        raise where.fail("alternatives", say("a list of tables with 'en' and 'fr'"))
    states_raw = raw.get("states", [])
    if not isinstance(states_raw, list):
        raise where.fail("states", say("a list of tables"))
    states = tuple(_state(s, where) for s in states_raw)
    if states and mode != "passive":
        raise where.fail("states", say("states only on a passive touchpoint"))
    passive = None
    if mode == "passive":
        passive = _estimate(raw, "passive_per_day", where, positive=True)
    elif "passive_per_day" in raw:
        raise where.fail("passive_per_day", say("passive_per_day only on a passive touchpoint (mode = 'passive')"))
    per_minute = _estimate(raw, "captures_per_minute", where, positive=True) if "captures_per_minute" in raw else None
    return Touchpoint(
        id=tp_id,
        label=_text(raw.get("label"), where, "label"),
        kind=_choice(raw, "kind", KINDS, where),
        mode=mode,
        consent=_choice(raw, "consent", CONSENTS, where),
        collectors=used,
        captures_per_use=_estimate(raw, "captures_per_use", where, positive=mode == "active"),
        captures_per_minute=per_minute,
        passive_per_day=passive,
        states=states,
        aliases=tuple(fold(a) for a in _strings(raw, "aliases", where)),
        alternatives=tuple(_text(a, where, "alternatives") for a in alternatives),
        origin=origin,
    )


def parse_collectors(raw: Any, origin: str) -> dict[str, Text]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise DataFileError(N_("{file}: [collectors]: expected a table of id = {{ en = …, fr = … }}"), file=origin)
    out: dict[str, Text] = {}
    for cid, text in raw.items():
        if not _SLUG.fullmatch(cid):
            raise DataFileError(N_("{file}: collector '{name}': expected a lowercase slug"), file=origin, name=cid)
        out[cid] = _text(text, _Where(origin, cid), "label")
    return out


def parse_catalog(
    files: Iterable[tuple[str, Mapping[str, Any]]],
) -> Catalog:
    """Merge catalog files in order (shipped first, then the user's); a later file may add touchpoints
    and collectors but not redefine an id or reuse a name already taken."""
    collectors: dict[str, Text] = {}
    touchpoints: dict[str, Touchpoint] = {}
    names: dict[str, str] = {}  # folded name -> owning touchpoint id
    for origin, raw in files:
        if not isinstance(raw, Mapping):
            raise DataFileError(N_("{file}: expected a TOML table"), file=origin)
        collectors.update(parse_collectors(raw.get("collectors"), origin))
        entries = raw.get("touchpoint", [])
        if not isinstance(entries, list):
            raise DataFileError(N_("{file}: 'touchpoint' must be an array of tables ([[touchpoint]])"), file=origin)
        for position, entry in enumerate(entries, start=1):
            tp = parse_touchpoint(entry, origin, collectors, position)
            for name in (tp.id, *tp.aliases):
                owner = names.get(fold(name))
                if owner is not None and owner != tp.id or (name == tp.id and tp.id in touchpoints):
                    field_name = "id" if name == tp.id else "aliases"
                    taken = say("a name not already used ('{name}' is)", name=name)
                    raise _Where(origin, tp.id).fail(field_name, taken)
                names[fold(name)] = tp.id
            touchpoints[tp.id] = tp
    return Catalog(touchpoints.values(), collectors)
