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
from .terminal import ACTIVE, PASSIVE, SCORE, footprint_chart
from .text_charts import SHADES, challenge_chart, touchpoints_chart

__all__ = [
    "ACTIVE", "PASSIVE", "PNG_SCALE", "SCORE", "SHADES", "SIZE", "ChallengeSeries", "FootprintSeries", "Span",
    "TouchpointSeries", "as_json", "challenge_chart", "challenge_svg", "footprint_chart", "footprint_svg",
    "metric_name", "png", "touchpoints_chart", "touchpoints_svg",
]
