"""Charts as images: the same series as the terminal's, as SVG (``svg``) or PNG (CairoSVG, rendered at twice
the SVG's logical size for high-density screens). ``size`` is (width, height) in CSS pixels."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..i18n import _, pgettext
from .dates import axis_label, range_year
from .series import ChallengeSeries, FootprintSeries, TouchpointSeries, metric_name
from .words import footprint_title, open_day_note, open_note, period, span_names, unlogged_note

SIZE = (1200, 600)
PNG_SCALE = 2


def footprint_svg(s: FootprintSeries, size: tuple[int, int] = SIZE) -> str:
    from ..svg import timeseries_chart

    days = [date.fromisoformat(d) for d in s.labels]
    year = range_year(s.labels, s.today)
    marks = [(state, note) for state, note in (("open", open_note(s.state, s.today, s.bucket)), ("unlogged", unlogged_note(s.unlogged_days))) if note]
    line = (_("{score}, right axis").format(score=metric_name(s.metric)), s.score) if s.metric else None
    return timeseries_chart(
        footprint_title(s),
        [axis_label(d, s.bucket) for d in days],
        [(pgettext("captures", "passive"), s.passive), (pgettext("captures", "active"), s.active)],
        line,
        [(name, span.from_bucket, span.to_bucket) for name, span in zip(span_names(s), s.spans, strict=True)],
        states=s.state,
        marks=marks,
        years=[str(d.year) for d in days] if year and s.bucket != "year" else [],
        line_top=100.0 if s.metric == "activity" else None,
        width=size[0],
        height=size[1],
    )


def touchpoints_title(s: TouchpointSeries) -> str:
    if not s.first:
        return _("Touches per touchpoint")
    first, last = date.fromisoformat(s.first), date.fromisoformat(s.last)
    return _("Touches per touchpoint, total for {period}").format(period=period(first, last))


def touchpoints_svg(s: TouchpointSeries, size: tuple[int, int] = SIZE) -> str:
    """One bar per touchpoint: its touches over the whole range (a total, not a daily figure)."""
    from ..svg import bar_chart

    totals: list[float | None] = [float(sum(counts)) for _tp, counts in s.rows]
    names = list(s.names) if len(s.names) == len(s.rows) else [tp for tp, _c in s.rows]
    notes = [n for n in (open_day_note(list(s.state), s.today), unlogged_note(s.unlogged_days)) if n]
    return bar_chart(touchpoints_title(s), names, [(_("touches"), totals)], width=size[0], notes=notes)


def challenge_svg(s: ChallengeSeries, size: tuple[int, int] = SIZE) -> str:
    from ..svg import bar_chart

    series: list[tuple[str, Sequence[float | None]]] = [(_("during the run"), s.run)]
    if s.baseline is not None:
        series.append((_("baseline"), s.baseline))
    note = _("Captures during the run and before it (estimates)")
    return bar_chart(s.headline, s.categories, series, width=size[0], notes=[note])


def png(svg: str) -> bytes:
    """The SVG as a PNG at twice its size (sharp on high-density screens), through CairoSVG (the optional
    ``images`` extra)."""
    try:
        import cairosvg
    except ImportError:
        from ..errors import BadInput
        from ..i18n import N_

        raise BadInput(N_("PNG images need the images extra: pip install 'footprint[images]' (SVG needs nothing)")) from None
    return cairosvg.svg2png(bytestring=svg.encode("utf-8"), scale=PNG_SCALE)
