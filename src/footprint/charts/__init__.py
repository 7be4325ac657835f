"""Charts: series in, a terminal canvas string out (plotext), or an SVG/PNG image of the same series.

Never prints. The CLI, the TUI and the reports all call these. Each chart takes a plain series object
(built by ``services.charts``) so what is drawn is exactly what ``--json`` prints.

``series`` the series and their JSON; ``ticks`` round axis ticks; ``dates`` and ``words`` the dates and
phrases charts share; ``terminal`` (plotext) and ``text_charts`` (characters only) for the terminal;
``images`` for SVG and PNG. Importing this package imports none of plotext, Babel or CairoSVG.
"""

from __future__ import annotations

from .images import PNG_SCALE, SIZE, challenge_svg, footprint_svg, png, touchpoints_svg
from .series import ChallengeSeries, FootprintSeries, Span, TouchpointSeries, as_json, metric_name
from .terminal import ACTIVE, BAND, OPEN, PASSIVE, SCORE, footprint_chart, load, no_data, wrap_legend
from .text_charts import SHADES, challenge_chart, touchpoints_chart

# Names the single-module charts.py had, for code written against it.
_plotext, _no_data, SPAN = load, no_data, BAND


def day_label(iso: str) -> str:
    """A day on an axis: ``01/12``."""
    from datetime import date

    from .dates import axis_label

    return axis_label(date.fromisoformat(iso), "day")

__all__ = [
    "ACTIVE", "BAND", "OPEN", "PASSIVE", "PNG_SCALE", "SCORE", "SHADES", "SIZE", "ChallengeSeries", "FootprintSeries", "Span",
    "TouchpointSeries", "as_json", "challenge_chart", "challenge_svg", "footprint_chart", "footprint_svg",
    "day_label", "load", "metric_name", "no_data", "png", "touchpoints_chart", "touchpoints_svg", "wrap_legend",
]
