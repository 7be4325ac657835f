"""Name matching shared by every lookup: case- and accent-insensitive keys, and "did you mean" hints."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable


def fold(name: str) -> str:
    """The lookup key of a name: lowercase, accents stripped, spaces and underscores as hyphens.

    ``"Carte Vitale"``, ``"carte_vitale"`` and ``"CARTE-VITALE"`` all fold to ``"carte-vitale"``;
    ``"Télé"`` folds to ``"tele"``.
    """
    decomposed = unicodedata.normalize("NFKD", name.strip().lower())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "-".join(bare.replace("_", " ").replace("-", " ").split())


def did_you_mean(name: str, candidates: Iterable[str], limit: int = 3) -> str:
    """A suffix like ``" (did you mean: smartphone, smart-tv?)"``, or ``""`` when nothing is close."""
    import difflib  # only paid for on the error path

    close = difflib.get_close_matches(fold(name), sorted(set(candidates)), n=limit, cutoff=0.6)
    return f" (did you mean: {', '.join(close)}?)" if close else ""
