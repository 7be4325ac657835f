"""Numbers, dates, clock times and durations as the current language writes them: one formatter for every
surface (the command line, the TUI, reports, charts), so ``24 h`` is never ``1d`` on another screen.

Numbers and dates come from Babel's locale data (``1,159`` / ``1 159``, ``0.3`` / ``0,3``, « mardi
1 décembre 2026 »). Babel costs ~0.1 s to load, so it is imported on first need and never for what every
language footprint speaks writes alike: a whole number below 1,000 and a 24-hour clock time. That keeps
``footprint log`` (``+3 captures at 07:00``) as quick as it was. Durations are phrases of the catalogue
(``{hours} h {minutes}``), so each language writes its own units.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Any

from .i18n import current, pgettext

_BABEL_LOCALE = {"en": "en_GB"}  # footprint's English writes a 24-hour clock and day-first dates


def _locale() -> str:
    lang = current()
    return _BABEL_LOCALE.get(lang, lang)


@cache
def _babel_numbers() -> Any:
    import babel.numbers

    return babel.numbers


@cache
def _babel_dates() -> Any:
    import babel.dates

    return babel.dates


def integer(value: int) -> str:
    """A whole number with the language's thousands separator: ``1,159`` / ``1 159``."""
    if -1000 < value < 1000:
        return str(value)
    return _babel_numbers().format_decimal(value, locale=_locale())


def number(value: float) -> str:
    """How every surface shows a figure (captures are estimates): whole numbers, and one decimal below 10
    — ``1,204``, ``48``, ``0.3`` (``1 204``, ``48``, ``0,3`` in French)."""
    if value and abs(value) < 10 and value != int(value):
        return decimal(value, 1)
    return integer(round(value))


def decimal(value: float, digits: int = 1) -> str:
    """``value`` with exactly ``digits`` decimals, in the language's notation."""
    pattern = "#,##0." + "0" * digits if digits else "#,##0"
    return _babel_numbers().format_decimal(value, format=pattern, locale=_locale())


def percent(fraction: float, digits: int = 0) -> str:
    """``0.42`` → ``42%`` / ``42 %``."""
    numbers = _babel_numbers()
    if not digits:
        return numbers.format_percent(fraction, locale=_locale())
    # The language's percent pattern (``100 %``) around a number with the decimals asked for.
    return numbers.format_percent(1, locale=_locale()).replace("100", decimal(fraction * 100, digits), 1)


def signed_percent(fraction: float) -> str:
    """A change: ``+12%`` / ``−30 %`` (a true minus sign in French)."""
    text = percent(abs(fraction))
    if round(fraction * 100) == 0:
        return text
    return ("+" if fraction > 0 else "−") + text


def clock(moment: time | datetime) -> str:
    """A time of day, 24-hour: ``07:05`` in every language footprint speaks."""
    return f"{moment.hour:02d}:{moment.minute:02d}"


def long_date(day: date) -> str:
    """A date as people write it in a sentence: « mardi 1 décembre 2026 », "Tuesday 1 December 2026"."""
    return _babel_dates().format_date(day, format=pgettext("date format", "EEEE d MMMM y"), locale=_locale())


def medium_date(day: date) -> str:
    """A date without its weekday: « 1 déc. 2026 », "1 Dec 2026"."""
    return _babel_dates().format_date(day, format="medium", locale=_locale())


def short_date(day: date) -> str:
    """A date on a chart axis: ``01/12`` (day first in both languages; the year is in the title)."""
    return _babel_dates().format_skeleton("ddMM", day, locale=_locale())


def weekday(day: date, width: str = "wide") -> str:
    """``mardi`` / ``Tuesday`` (``width="abbreviated"``: ``mar.`` / ``Tue``)."""
    return _babel_dates().format_date(day, format="EEEE" if width == "wide" else "EEE", locale=_locale())


def month(day: date) -> str:
    """``décembre 2026`` / ``December 2026``, for a month's title."""
    return _babel_dates().format_skeleton("yMMMM", day, locale=_locale())


def duration(span: timedelta) -> str:
    """A length of time, never negative: ``24 h`` is a day, ``21 d`` (``21 j``) three weeks, then
    ``5 h 59``, ``1 d 6 h 00``, ``45 min``. One formatter for every screen and every language."""
    minutes = max(0, int(span.total_seconds() // 60))
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days == 1 and not hours and not minutes:
        return pgettext("duration", "{hours} h").format(hours=24)
    if days and not hours and not minutes:
        return pgettext("duration", "{days} d").format(days=days)
    if days:
        return pgettext("duration", "{days} d {hours} h {minutes:02d}").format(days=days, hours=hours, minutes=minutes)
    if hours and minutes:
        return pgettext("duration", "{hours} h {minutes:02d}").format(hours=hours, minutes=minutes)
    if hours:
        return pgettext("duration", "{hours} h").format(hours=hours)
    return pgettext("duration", "{minutes} min").format(minutes=minutes)


def countdown(span: timedelta) -> str:
    """A countdown to the second: ``14:29:59``, or ``1 d 02:03:04`` (``1 j 02:03:04``)."""
    seconds = max(0, int(span.total_seconds()))
    days, seconds = divmod(seconds, 86400)
    text = f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    if days:
        return pgettext("duration", "{days} d {clock}").format(days=days, clock=text)
    return text


def month_abbr(day: date, narrow: bool = False) -> str:
    """A month on a calendar's top row: « janv. », "Jan" (``narrow``: « J », "J")."""
    return _babel_dates().format_date(day, format="LLLLL" if narrow else "LLL", locale=_locale())


def weekday_initial(day: date) -> str:
    """A weekday on a calendar's side: « L » for lundi, "M" for Monday."""
    return _babel_dates().format_date(day, format="EEEEE", locale=_locale())


def _day_month_year(day: date, month: bool, year: bool) -> str:
    # French writes the first of a month « 1er » (« du 1er au 7 décembre »): a pattern of its own.
    if day.day == 1:
        patterns = (
            pgettext("date format, the 1st", "d"),
            pgettext("date format, the 1st", "d MMMM"),
            pgettext("date format, the 1st", "d MMMM y"),
        )
    else:
        patterns = (
            pgettext("date format", "d"),
            pgettext("date format", "d MMMM"),
            pgettext("date format", "d MMMM y"),
        )
    pattern = patterns[2] if year else patterns[1] if month else patterns[0]
    return _babel_dates().format_date(day, format=pattern, locale=_locale())


def day_in_words(day: date) -> str:
    """A day as a sentence or a letter writes it, without its weekday: "1 December 2026", « 1er décembre 2026 »."""
    return _day_month_year(day, True, True)


def date_span(first: date, last: date) -> str:
    """Days from ``first`` to ``last`` as a sentence says them, without repeating what they share:
    "23–29 November 2026", "30 November – 6 December 2026" (« du 23 au 29 novembre 2026 », « du 1er au
    7 décembre 2026 »). One day is just its date ("3 November 2026", « 3 novembre 2026 »): a phrase around
    it words it (« le », « au »)."""
    if first == last:
        return _day_month_year(first, True, True)
    end = _day_month_year(last, True, True)
    if (first.year, first.month) == (last.year, last.month):
        return pgettext("date span", "{first}–{last}").format(first=_day_month_year(first, False, False), last=end)
    start = _day_month_year(first, True, first.year != last.year)
    return pgettext("date span", "{first} – {last}").format(first=start, last=end)


# --- dates on charts (axis labels, legends): short, with the year only where the reader needs it ------------


def numeric_date(day: date) -> str:
    """``21/11/2026``: a short date with its year, for an axis crossing years."""
    return _babel_dates().format_skeleton("yMMdd", day, locale=_locale())


def day_month(day: date, year: bool = False) -> str:
    """``21 Nov`` / « 21 nov. » (``year=True``: ``21 Nov 2026``), for a legend."""
    return _babel_dates().format_skeleton("yMMMd" if year else "MMMd", day, locale=_locale())


def short_span(first: date, last: date, year: bool = False) -> str:
    """Two days as the language joins them: ``15 Jul – 4 Aug`` / « 15–28 juil. » (with the year if asked,
    and always both years when they differ)."""
    year = year or first.year != last.year
    return _babel_dates().format_interval(first, last, "yMMMd" if year else "MMMd", locale=_locale())


def short_month(day: date, year: bool = False) -> str:
    """``Nov`` / « nov. » (``year=True``: ``Nov 2026``), for a month on an axis."""
    return _babel_dates().format_skeleton("yMMM" if year else "MMM", day, locale=_locale())


def country_name(code: str) -> str:
    """A country (ISO code) in the language spoken, in capitals as a postal address writes it: « IRLANDE »."""
    from babel import Locale

    return Locale.parse(_locale()).territories.get(code, code).upper()
