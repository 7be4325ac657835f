"""Small helpers the screens share for words and figures: all of them speak through ``footprint.l10n`` and
``present/day.py`` (the TUI may not import the CLI; the CLI shows the same texts from the same places).

``duration``, ``countdown`` and ``labels`` keep a ``lang`` argument for the screens that still pass one
(the language is the ambient one, set by the app).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from .. import l10n
from ..domain.catalog import Catalog
from ..present import day as words

n = l10n.number  # shared with the CLI and the images


def short_day(day: date) -> str:
    """``Mon 16`` / ``lun. 16``, for the week strip."""
    return f"{l10n.weekday(day, 'abbreviated')} {day.day}"


def duration(d: timedelta, lang: str | None = None) -> str:
    """``24 h``, ``21 d`` (``21 j``), ``5 h 59``: the one formatter, ``l10n.duration``."""
    return l10n.duration(d)


def countdown(d: timedelta, lang: str | None = None) -> str:
    """``14:29:59``, ``1 d 02:03:04``: ``l10n.countdown``."""
    return l10n.countdown(d)


def short(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters, with an ellipsis when cut."""
    return text if len(text) <= width else text[: width - 1] + "…"


def label(catalog: Catalog, tp_id: str, lang: str | None = None) -> str:
    return words.label(catalog, tp_id)


def labels(catalog: Catalog, ids: Iterable[str], lang: str | None = None) -> str:
    """Labels joined with commas, or « none »."""
    return words.labels(catalog, ids)
