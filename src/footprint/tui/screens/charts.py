"""The charts screen: the footprint per day (passive and active, an estimate) beside an activity score,
with breaks and challenge runs marked, over the last week (w), month (m), year (y) or everything (a);
s cycles through the scores (the ones you recorded, then the computed ``activity``, then none).

Drawn by the shared chart module from ``services.charts.footprint_series``: exactly what
``footprint chart`` draws. Both are imported when this screen is first shown.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from ...errors import FootprintError
from ... import l10n
from ...i18n import N_, _, pgettext
from ..widgets.chart_view import ChartView
from ..widgets.year_grid import YearGrid
from .base import BaseScreen

RANGES = {"week": 7, "month": 30, "year": 365, "all": None}
RANGE_NAMES = {
    "week": N_("last 7 days"),
    "month": N_("last 30 days"),
    "year": N_("last 12 months"),
    "all": N_("everything"),
}
ACTIVITY = "activity"


class ChartsScreen(BaseScreen):
    MODE = "charts"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("w", "range('week')", N_("Week")),
        Binding("m", "range('month')", N_("Month")),
        Binding("y", "range('year')", N_("Year")),
        Binding("a", "range('all')", N_("Everything")),
        Binding("s", "score", N_("Next score")),
        Binding("h", "heatmap", N_("Year heatmap")),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.range = "month"
        self.metric: str | None = None
        self.metrics: list[str | None] = []

    def compose_body(self) -> ComposeResult:
        yield Static("", id="charts-title", markup=False)
        yield ChartView(id="chart")
        yield YearGrid(id="year-grid")

    def span(self) -> tuple[date, date]:
        last = self.svc.settings.now().date()
        days = RANGES[self.range]
        if days is None:
            return (self.svc.journal.first_day() or last), last
        return last - timedelta(days=days - 1), last

    def load(self) -> None:
        if self.query_one(YearGrid).load(self.svc):  # the year heatmap is shown instead of the chart
            return
        try:
            from ...charts import footprint_chart
            from ...services.charts import footprint_series
        except ImportError:
            self.query_one("#charts-title", Static).update(
                _("Charts are not available in this version of footprint.")
            )
            self.query_one(ChartView).show(None)
            return
        from ...charts import metric_name
        from ...services import scores

        if not self.metrics:
            self.metrics = [*scores.metrics(self.svc), ACTIVITY, None]
            self.metric = self.metrics[0]
        svc, metric = self.svc, self.metric
        first, last = self.span()
        self.query_one("#charts-title", Static).update(
            _("{range}, {first} to {last} · score: {score}").format(
                range=_(RANGE_NAMES[self.range]),
                first=l10n.medium_date(first),
                last=l10n.medium_date(last),
                score=metric_name(metric) if metric else pgettext("list", "none"),
            )
        )

        def draw(width: int, height: int) -> str:
            try:
                series = footprint_series(svc, first, last, metric, max(7, (width - 12) // 2))
                return footprint_chart(series, width, height, color=True)
            except FootprintError as exc:  # drawn on resize too, outside any handler: say it in place
                return exc.message

        self.query_one(ChartView).show(draw)

    def action_range(self, name: str) -> None:
        if self.query_one(YearGrid).toggle(self, on=False) or name != self.range:  # also: back from the heatmap
            self.range = name
            self.reload()

    def action_score(self) -> None:
        if self.metrics:
            self.metric = self.metrics[(self.metrics.index(self.metric) + 1) % len(self.metrics)]
            self.reload()

    def action_heatmap(self) -> None:
        self.query_one(YearGrid).toggle(self)
        self.reload()
