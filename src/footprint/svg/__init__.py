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
from .text import AXIS, FONT, GRID, INK, MUTED, PALETTE, c, cut, document, label, text, title_block, usable, width, wrap
from .timeseries import timeseries_chart

# The helpers under the names the single-module svg.py gave them, for code written against it.
_text, _c, _width, _cut, _label, _usable = text, c, width, cut, label, usable
_PAD, _TITLE_SIZE, _TEXT_SIZE, _VALUE_SIZE, _CHAR = 16, 16, 12, 11, 0.6
_SWATCH, _LEGEND_ROW = 12, 20

__all__ = [
    "AXIS", "FONT", "GRID", "INK", "MUTED", "PALETTE", "WIDTH", "bar_chart", "c", "cut", "document", "label",
    "text", "timeseries_chart", "title_block", "usable", "width", "wrap",
]
