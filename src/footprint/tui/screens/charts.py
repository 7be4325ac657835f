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
from ...i18n_legacy import t
from ..widgets.chart_view import ChartView
from .base import BaseScreen

RANGES = {"week": 7, "month": 30, "year": 365, "all": None}
ACTIVITY = "activity"


class ChartsScreen(BaseScreen):
    MODE = "charts"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("w", "range('week')", "tui.key.week"),
        Binding("m", "range('month')", "tui.key.month"),
        Binding("y", "range('year')", "tui.key.year"),
        Binding("a", "range('all')", "tui.key.all"),
        Binding("s", "score", "tui.key.score"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.range = "month"
        self.metric: str | None = None
        self.metrics: list[str | None] = []

    def compose_body(self) -> ComposeResult:
        yield Static("", id="charts-title", markup=False)
        yield ChartView(id="chart")

    def span(self) -> tuple[date, date]:
        last = self.svc.settings.now().date()
        days = RANGES[self.range]
        if days is None:
            return (self.svc.journal.first_day() or last), last
        return last - timedelta(days=days - 1), last

    def load(self) -> None:
        try:
            from ...charts import footprint_chart
            from ...services.charts import footprint_series
        except ImportError:
            self.query_one("#charts-title", Static).update(t("tui.charts.unavailable", self.lang))
            self.query_one(ChartView).show(None)
            return
        from ...services import scores

        if not self.metrics:
            self.metrics = [*scores.metrics(self.svc), ACTIVITY, None]
            self.metric = self.metrics[0]
        svc, lang, metric = self.svc, self.lang, self.metric
        first, last = self.span()
        self.query_one("#charts-title", Static).update(
            t(
                "tui.charts.title",
                lang,
                range=t(f"tui.charts.range.{self.range}", lang),
                first=first.isoformat(),
                last=last.isoformat(),
                metric=metric or t("tui.charts.no_score", lang),
            )
        )

        def draw(width: int, height: int) -> str:
            try:
                series = footprint_series(svc, first, last, metric, max(7, (width - 12) // 2))
                return footprint_chart(series, width, height, lang, color=True)
            except FootprintError as exc:  # drawn on resize too, outside any handler: say it in place
                return exc.message

        self.query_one(ChartView).show(draw)

    def action_range(self, name: str) -> None:
        if name != self.range:
            self.range = name
            self.reload()

    def action_score(self) -> None:
        if self.metrics:
            self.metric = self.metrics[(self.metrics.index(self.metric) + 1) % len(self.metrics)]
            self.reload()
