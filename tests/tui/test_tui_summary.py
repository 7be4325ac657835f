"""The summary on the Journal (s): the same lines as ``footprint summary`` (present/summary.py), for the
week, month or year of the chosen day, in English and in French, following the journal as it changes."""

from __future__ import annotations

import pytest
from tui_support import SIZE, notes, shown

from footprint.tui import make_app
from footprint.tui.screens.journal import JournalScreen
from footprint.tui.screens.summary import SummaryScreen
from footprint.tui.widgets.key_bar import KeyBar

pytestmark = pytest.mark.asyncio

NBSP = "\u00a0"


@pytest.fixture
def week(profiled):
    """Three bank-card touches on Friday 20 November, a smartphone touch on Saturday 21; today is Sunday 22."""
    profiled.log(["bank-card"], at="2026-11-20 12:30", count=3)
    profiled.log(["smartphone"], at="2026-11-21 08:00")
    return profiled


def row(text: str, name: str) -> list[str]:
    """The cells of a touchpoint's row in the summary's table."""
    found = [line.split() for line in text.splitlines() if line.strip().startswith(name)]
    assert found, text
    return found[0]


async def test_summary_shows_the_clis_lines_and_cycles_week_month_year(week, cli) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        journal = app.screen
        assert isinstance(journal, JournalScreen)
        assert "Summary" in shown(journal.query_one(KeyBar))
        await pilot.press("s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SummaryScreen)
        text = shown(dialog.query_one("#summary-text"))
        assert text.splitlines()[0] == "Week of 16–22 November 2026"
        assert row(text, "Bank")[2] == "3"  # "Bank card", then its touches
        printed = cli("summary", "--date", "2026-11-22")
        assert printed.exit_code == 0, printed.stderr
        assert text == printed.stdout.rstrip("\n")
        await pilot.press("s")
        await pilot.pause()
        assert shown(dialog.query_one("#summary-text")).splitlines()[0] == "November 2026"
        await pilot.press("s")
        await pilot.pause()
        assert shown(dialog.query_one("#summary-text")).splitlines()[0] == "Year 2026"
        await pilot.press("w")
        await pilot.pause()
        assert shown(dialog.query_one("#summary-text")).splitlines()[0] == "Week of 16–22 November 2026"
        week.log(["bank-card"], at="2026-11-22 09:00", count=2)  # another process writes
        app.poll_journal()
        await pilot.pause()
        await pilot.pause()
        assert row(shown(dialog.query_one("#summary-text")), "Bank")[2] == "5"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is journal and journal.summary is None


async def test_summary_in_french(week, monkeypatch) -> None:
    monkeypatch.setenv("FOOTPRINT_LANG", "fr")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        assert "Bilan" in shown(app.screen.query_one(KeyBar))
        await pilot.press("s")
        await pilot.pause()
        text = shown(app.screen.query_one("#summary-text"))
        assert text.splitlines()[0] == "Semaine du 16 au 22 novembre 2026"
        assert "Touchpoint" not in text and "Touches" not in text
        assert row(text, "Carte")[2] == "3"  # "Carte bancaire", then its touches
        await pilot.press("m")
        await pilot.pause()
        assert shown(app.screen.query_one("#summary-text")).splitlines()[0] == "Novembre 2026"
        assert f"s{NBSP}: semaine" in shown(app.screen.query_one("#summary-close"))


async def test_leaving_the_summary_for_another_screen_then_a_write_is_no_error(week) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2", "s")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        app.action_go("today")  # "Go to Today" in the palette (ctrl+p): the dialog is closed on the way
        await pilot.pause()
        assert app.screen_stack[-1] is app.screen_stack[0]
        week.log(["bank-card"], at="2026-11-22 09:00")
        app.poll_journal()
        await pilot.press("f2")
        await pilot.pause()
        journal = app.screen
        assert isinstance(journal, JournalScreen) and journal.summary is None
        assert notes(app) == []
        await pilot.press("s")
        await pilot.pause()
        assert row(shown(app.screen.query_one("#summary-text")), "Bank")[2] == "4"
