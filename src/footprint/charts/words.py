"""The words charts share between the terminal and the images: titles, legend notes, span names. Whole
phrases of the catalogue, with dates from ``charts.dates``."""

from __future__ import annotations

from datetime import date

from .. import l10n
from ..i18n import _, ngettext, pgettext
from .dates import event_dates, range_year
from .series import FootprintSeries, Span



def each_bar(bucket: str) -> str:
    """What one bar stands for when it is not a day."""
    if bucket == "week":
        return _("each bar: the daily average of a week")
    if bucket == "month":
        return _("each bar: the daily average of a month")
    return _("each bar: the daily average of a year") if bucket == "year" else ""


def period(first: date, last: date) -> str:
    """The range a chart covers, in a title: ``2 Nov – 1 Dec 2026`` (always with its year)."""
    return l10n.short_span(first, last, True) if first != last else l10n.day_month(first, True)


def footprint_title(s: FootprintSeries) -> str:
    title = _("Captures per day (estimate)")
    if s.first and s.last:
        first, last = date.fromisoformat(s.first), date.fromisoformat(s.last)
        title = _("Captures per day (estimate), {period}").format(period=period(first, last))
    each = each_bar(s.bucket)
    return f"{title} — {each}" if each else title


def span_name(span: Span, year: bool) -> str:
    """ "summer break: 15 Jul – 4 Aug" — a break or run by its own dates, not its buckets'."""
    return pgettext("label", "{label}: {text}").format(label=span.label, text=event_dates(span, year))


def span_names(s: FootprintSeries) -> list[str]:
    year = range_year(s.labels, s.today)
    return [span_name(span, year) for span in s.spans]


def open_note(state: list[str] | tuple[str, ...], today: str, bucket: str = "day") -> str | None:
    """The legend's words for an unfinished last bucket, or None. A week, month or year holding today is
    unfinished too (its average is over its finished days)."""
    if not state or "open" not in state or not today:
        return None
    day = l10n.day_month(date.fromisoformat(today))
    if bucket == "day":
        return _("today ({day}) is not finished yet: drawn hatched").format(day=day)
    return _("the last bar holds today ({day}), not finished yet: drawn hatched").format(day=day)


def unlogged_note(days: int) -> str | None:
    if not days:
        return None
    return ngettext(
        "{n} day not logged (no touch, not closed): left out",
        "{n} days not logged (no touch, not closed): left out",
        days,
    ).format(n=l10n.integer(days))


def open_day_note(state: list[str] | tuple[str, ...], today: str) -> str | None:
    """For totals: the day under way is counted as it stands."""
    if not state or "open" not in state or not today:
        return None
    day = l10n.day_month(date.fromisoformat(today))
    return _("today ({day}) is not finished yet: its touches so far are counted").format(day=day)
