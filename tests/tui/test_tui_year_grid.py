"""The year heatmap on the charts screen (h): what it shows for a journal with known closed, open and unlogged
days, that it follows the journal, and that a range key brings the chart back."""

from __future__ import annotations

import pytest
from tui_support import SIZE, shown

from footprint.tui import make_app
from footprint.tui.widgets.chart_view import ChartView
from footprint.tui.widgets.year_grid import YearGrid

pytestmark = pytest.mark.asyncio


def grid_rows(text: str) -> list[str]:
    """The seven weekday rows of the grid (Monday first), as shown."""
    lines = text.splitlines()
    return lines[2:9]


async def test_the_year_heatmap_shows_closed_open_and_unlogged_days(svc) -> None:
    # The clock is Sunday 22 November 2026, 09:30; a smartphone has no passive captures.
    svc.profile_add(["smartphone"], since="2026-11-01")
    svc.log(["smartphone"], at="2026-11-20 07:00", count=20)  # Friday: logged, then closed
    svc.set_closed("2026-11-20", True)
    svc.set_closed("2026-11-18", True)  # Wednesday: closed with nothing logged, a real zero
    svc.log(["smartphone"], at="2026-11-17 07:00", count=5)  # Tuesday: logged, never closed
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4", "h")
        await pilot.pause()
        screen = app.screen
        grid = screen.query_one(YearGrid)
        assert grid.display and not screen.query_one(ChartView).display
        text = shown(grid)
        assert text.startswith("Your last 365 days: 23 Nov 2025 to 22 Nov 2026\n")
        rows = grid_rows(text)
        assert [r[0] for r in rows] == list("MTWTFSS")
        # The last week, Monday 16 to Sunday 22 November: blank, open, zero, blank, closed, blank, today.
        assert [r[-1] for r in rows] == [" ", "○", "·", " ", "░", " ", "◆"]
        assert "blank: not logged" in text and "○ logged, not closed" in text and "◆ today, unfinished" in text
        assert "Closed days in a row now: 0 days; longest: 1 day (18 Nov 2026)" in text

        svc.set_closed("2026-11-19", True)
        svc.set_closed("2026-11-21", True)
        app.journal_written(external=True)
        await pilot.pause()
        text = shown(grid)
        assert [r[-1] for r in grid_rows(text)][2:6] == ["·", "·", "░", "·"]
        assert "Closed days in a row now: 4 days since 18 Nov 2026; longest: 4 days" in text

        await pilot.press("m")
        await pilot.pause()
        assert not grid.display and screen.query_one(ChartView).display
        assert shown(screen.query_one("#charts-title")).startswith("last 30 days")


async def test_the_year_heatmap_speaks_french(svc) -> None:
    svc.profile_add(["smartphone"], since="2026-11-01")
    svc.log(["smartphone"], at="2026-11-20 07:00")
    svc.set_closed("2026-11-20", True)
    app = make_app(lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4", "h")
        await pilot.pause()
        text = shown(app.screen.query_one(YearGrid))
        assert text.startswith("Vos 365 derniers jours\u00a0: du 23 nov. 2025 au 22 nov. 2026\n")
        assert [r[0] for r in grid_rows(text)] == list("LMMJVSD")
