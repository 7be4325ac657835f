"""Name matching shared by every lookup: case- and accent-insensitive keys, and "did you mean" hints."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable

from ..i18n import Message, say


def fold(name: str) -> str:
    """The lookup key of a name: lowercase, accents stripped, spaces and underscores as hyphens.

    ``"Carte Vitale"``, ``"carte_vitale"`` and ``"CARTE-VITALE"`` all fold to ``"carte-vitale"``;
    ``"Télé"`` folds to ``"tele"``.
    """
    decomposed = unicodedata.normalize("NFKD", name.strip().lower())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "-".join(bare.replace("_", " ").replace("-", " ").split())


def number(value: float) -> str:
    """How every surface shows a figure (captures are estimates): whole numbers with spaces between
    thousands, one decimal below 10 — ``1 204``, ``48``, ``0.3``."""
    if value and abs(value) < 10 and value != int(value):
        return f"{value:.1f}"
    return f"{round(value):,}".replace(",", " ")


def suggestion(
    name: str, candidates: Iterable[str], limit: int = 3, cutoff: float = 0.6, key: Callable[[str], str] = fold
) -> Message | str:
    """The names close to ``name``, as a hint to put at the end of an error (``{hint}`` in its msgid):
    `` (did you mean: smartphone, smart-tv?)`` worded when shown, or ``""`` when nothing is close. ``key``
    turns what was typed into the candidates' form (``str`` for option names, which folding would strip of
    their dashes)."""
    import difflib  # only paid for on the error path

    close = difflib.get_close_matches(key(name), sorted(set(candidates)), n=limit, cutoff=cutoff)
    return say(" (did you mean: {names}?)", names=", ".join(close)) if close else ""


def did_you_mean(
    name: str, candidates: Iterable[str], limit: int = 3, cutoff: float = 0.6, key: Callable[[str], str] = fold
) -> str:
    """``suggestion`` worded now, in the language being spoken."""
    return str(suggestion(name, candidates, limit, cutoff, key))
