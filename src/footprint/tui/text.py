"""Plain words and numbers for the screens: captures, days, durations, touchpoint labels.

A few of these mirror ``cli/render.py``: the TUI may not import the CLI (it would also load Typer).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from ..domain.catalog import Catalog
from ..domain.text import WEEKDAYS, number
from ..i18n_legacy import t

_WEEKDAYS = WEEKDAYS
_MONTHS = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
}


n = number  # shared with the CLI and the images


def long_day(day: date, lang: str) -> str:
    """``Sunday 22 November 2026`` / ``dimanche 22 novembre 2026``."""
    lang = lang if lang in _WEEKDAYS else "en"
    return f"{_WEEKDAYS[lang][day.weekday()]} {day.day} {_MONTHS[lang][day.month - 1]} {day.year}"


def short_day(day: date, lang: str) -> str:
    """``Mon 16`` / ``lun 16``."""
    lang = lang if lang in _WEEKDAYS else "en"
    return f"{_WEEKDAYS[lang][day.weekday()][:3]} {day.day}"


def span(d: timedelta, lang: str) -> str:
    """A duration as ``2d 5h04`` (``2j 5h04`` in French); never negative."""
    minutes = max(0, int(d.total_seconds() // 60))
    days, minutes = divmod(minutes, 24 * 60)
    unit = "j" if lang == "fr" else "d"
    return (f"{days}{unit} " if days else "") + f"{minutes // 60}h{minutes % 60:02d}"


def duration(d: timedelta, lang: str) -> str:
    """A challenge's length, short: ``1d``, ``21d``, ``5h59``, ``1d 6h00``."""
    minutes = max(0, int(d.total_seconds() // 60))
    if minutes and minutes % (24 * 60) == 0:
        return f"{minutes // (24 * 60)}{'j' if lang == 'fr' else 'd'}"
    return span(d, lang)


def countdown(d: timedelta, lang: str) -> str:
    """A countdown to the second: ``14:29:59``, or ``1d 02:03:04``."""
    seconds = max(0, int(d.total_seconds()))
    days, seconds = divmod(seconds, 86400)
    clock = f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    return (f"{days}{'j' if lang == 'fr' else 'd'} " if days else "") + clock


def short(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters, with an ellipsis when cut."""
    return text if len(text) <= width else text[: width - 1] + "…"


def label(catalog: Catalog, tp_id: str, lang: str) -> str:
    tp = catalog.get(tp_id)
    return tp.label.get(lang) if tp else tp_id


def labels(catalog: Catalog, ids: Iterable[str], lang: str) -> str:
    """Labels joined with commas, or "none" in the interface's language."""
    return ", ".join(label(catalog, i, lang) for i in ids) or t("ch.none", lang)
