"""Which letter logs which touchpoint on Today: pure, and fixed by the catalog, not by the profile.

Each touchpoint of the catalog gets its own letter once for all (``home_letters``), from its id alone (so
the keys are the same in every language): the seed's five objects first (computer c, smartphone s, bank
card b, health card h, smart meter m), then the rest of the catalog in its order, round by round — every
touchpoint tries the initial of its id's first part, then those still without a letter try their next
candidate (the other initials, then the other letters of the id), and so on. A touchpoint that owns a
letter logs with it whatever else the profile holds, in whatever order it was added.

The catalog has more touchpoints than the alphabet has letters: one left without a letter of its own
borrows, when it is in the profile, the first of its candidates (then any letter) that no touchpoint of the
profile owns, in catalog order. It keeps that letter until the owner joins the profile. Once the 26 letters
are taken, the remaining touchpoints get no key (they are still logged by click, Enter or the palette).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

LETTERS = "abcdefghijklmnopqrstuvwxyz"
SEED = ("computer", "smartphone", "bank-card", "health-card", "smart-meter")  # the first run's suggestions


def candidates(tp_id: str) -> list[str]:
    """The letters ``tp_id`` would like, best first: the initials of its parts, then its other letters."""
    parts = [p for p in tp_id.lower().split("-") if p]
    wanted = [p[0] for p in parts] + list("".join(parts))
    return list(dict.fromkeys(c for c in wanted if c in LETTERS))


@lru_cache(maxsize=8)
def home_letters(catalog: tuple[str, ...]) -> dict[str, str]:
    """Touchpoint id → the letter it owns, for the catalog's ids in catalog order."""
    owned: dict[str, str] = {}
    taken: set[str] = set()
    for tp_id in (i for i in SEED if i in catalog):  # the five everyone starts with keep their initials
        free = next((c for c in candidates(tp_id) if c not in taken), None)
        if free is not None:
            owned[tp_id] = free
            taken.add(free)
    rest = [(tp_id, candidates(tp_id)) for tp_id in catalog if tp_id not in owned]
    for k in range(max((len(c) for _id, c in rest), default=0)):
        for tp_id, wanted in rest:
            if tp_id not in owned and k < len(wanted) and wanted[k] not in taken:
                owned[tp_id] = wanted[k]
                taken.add(wanted[k])
    return owned


def assign(profile: Iterable[str], catalog: Sequence[str]) -> dict[str, str]:
    """Touchpoint id → its letter, for the profile's touchpoint ids (any order) and the catalog's ids in
    catalog order. Ids the catalog does not have get no key."""
    order = {tp_id: i for i, tp_id in enumerate(catalog)}
    mine = sorted({tp_id for tp_id in profile if tp_id in order}, key=order.__getitem__)
    home = home_letters(tuple(catalog))
    out = {tp_id: home[tp_id] for tp_id in mine if tp_id in home}
    taken = set(out.values())
    for tp_id in mine:
        if tp_id in out:
            continue
        free = next((c for c in [*candidates(tp_id), *LETTERS] if c not in taken), None)
        if free is not None:
            out[tp_id] = free
            taken.add(free)
    return out
