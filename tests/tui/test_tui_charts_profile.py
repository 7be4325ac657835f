"""The charts screen (drawn by the shared chart module) and the profile and catalog screen."""

from __future__ import annotations

import pytest
from tui_support import SIZE, rows, shown

from footprint.tui import make_app
from footprint.tui.widgets.chart_view import ChartView

pytestmark = pytest.mark.asyncio


async def test_charts_for_a_week_a_month_a_year_or_everything(profiled) -> None:
    profiled.log(["smartphone"], at="2026-11-20 07:00", count=20)
    profiled.log(["facebook"], at="2025-03-01 12:00")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        screen = app.screen
        title = screen.query_one("#charts-title")
        assert shown(title) == "last 30 days, 24 Oct 2026 to 22 Nov 2026 · score: activity score (estimate)"
        chart = shown(screen.query_one(ChartView))
        assert "Captures per day (estimate)" in chart and "░ passive" in chart and "• activity" in chart
        # today is not over and nothing was logged on most days: said so, not drawn as lows
        assert "▒ today (22 Nov) is not finished yet: drawn hatched" in chart
        assert "days not logged (no touch, not closed): left out" in chart
        await pilot.press("w")
        assert shown(title).startswith("last 7 days, 16 Nov 2026 to 22 Nov 2026")
        await pilot.press("y")
        assert shown(title).startswith("last 12 months, 23 Nov 2025 to 22 Nov 2026")
        assert "each bar: the daily average of a month" in shown(screen.query_one(ChartView))
        await pilot.press("a")
        assert shown(title).startswith("everything, 1 Mar 2025 to 22 Nov 2026")
        await pilot.press("s")
        assert shown(title).endswith("score: none")
        assert "• activity" not in shown(screen.query_one(ChartView))


async def test_search_the_catalog_add_remove_and_set_the_meters_state(svc) -> None:
    svc.profile_add(["smartphone"])
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        screen = app.screen
        await pilot.press("slash", *"linky")
        await pilot.pause()
        table = screen.query_one("#catalog")
        assert rows(table) == [" Smart electricity meter (Linky) daily index only 1"]
        await pilot.press("enter")  # from the search box to the table
        await pilot.press("enter")  # add it
        await pilot.pause()
        assert [(p.touchpoint, p.state) for p, _ in svc.profile()] == [
            ("smartphone", None),
            ("smart-meter", "daily-index"),
        ]
        assert rows(table)[0].startswith("✓ Smart electricity meter (Linky) daily index only 1")
        await pilot.press("s")
        await pilot.pause()
        assert dict((p.touchpoint, p.state) for p, _ in svc.profile())["smart-meter"] == "load-curve"
        assert "half-hourly load curve 48" in rows(table)[0]
        assert "48 captures per day while in the profile (estimate)" in shown(screen.query_one("#tp-detail"))
        await pilot.press("enter")  # take it out again
        await pilot.pause()
        assert [p.touchpoint for p, _ in svc.profile()] == ["smartphone"]
