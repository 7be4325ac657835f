"""Small SVG chart writers for footprint's images and reports (group summaries, blog reports, ``chart
--out``): no dependency, no script, no external font or image. Each returns the text of a standalone SVG
document that can also be inlined as is in an HTML page.

Charts are readable on white whatever the viewer's theme (they paint their own white background), use the
Okabe–Ito colour-blind-safe palette, and escape every text they draw. Text widths are estimated (there are
no font metrics here): titles wrap onto more lines, never cut.

``bars``: horizontal grouped bars; ``timeseries``: stacked bars over time with a line and spans.
"""

from __future__ import annotations

from .bars import WIDTH, bar_chart
from .text import FONT, PALETTE
from .timeseries import timeseries_chart

__all__ = ["FONT", "PALETTE", "WIDTH", "bar_chart", "timeseries_chart"]
