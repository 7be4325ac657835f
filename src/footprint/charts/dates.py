"""Dates on charts: a bucket on the axis (``21/11``, ``nov.``), an event in the legend (« 15 juil. – 4 août »,
a run « 21 nov. »), each as the language writes it, with the year wherever the range crosses years or is not
the current one (a reader of a post a year later must not have to guess)."""

from __future__ import annotations

from datetime import date

from .. import l10n
from .series import Span


def needs_year(first: date, last: date, today: date | None) -> bool:
    """A range's dates need their year if it crosses years or lies in another year than today's."""
    return first.year != last.year or (today is not None and last.year != today.year)


def parse(iso: str) -> date | None:
    return date.fromisoformat(iso) if iso else None


def axis_label(day: date, bucket: str, year: bool = False) -> str:
    """A bucket's name on an axis: its first day (``21/11``, ``21/11/2026``), its month, or its year."""
    if bucket == "year":
        return str(day.year)
    if bucket == "month":
        return l10n.short_month(day, year)
    return l10n.numeric_date(day) if year else l10n.short_date(day)


def event_dates(span: Span, year: bool) -> str:
    """A break's or run's own days, not its buckets': ``15 Jul – 4 Aug``, ``21 Nov``."""
    first, last = date.fromisoformat(span.first), date.fromisoformat(span.last)
    if first == last:
        return l10n.day_month(first, year)
    return l10n.short_span(first, last, year)


def range_year(labels: list[str], today: str) -> bool:
    """Whether the dates of a series over ``labels`` (ISO bucket starts) need their year."""
    if not labels:
        return False
    return needs_year(date.fromisoformat(labels[0]), date.fromisoformat(labels[-1]), parse(today))
