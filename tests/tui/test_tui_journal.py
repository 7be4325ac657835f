"""The journal: moving between days and weeks, each day's footprint, editing and deleting in a form that
checks what is typed with the CLI's rules, and filtering by touchpoint."""

from __future__ import annotations

import pytest
from tui_support import SIZE, rows, shown, stored

from footprint.tui import make_app
from footprint.tui.screens.dialogs import ConfirmScreen
from footprint.tui.screens.entry_form import EntryForm
from footprint.tui.screens.journal import JournalScreen
from footprint.tui.widgets.entry_list import EntryList
from footprint.tui.widgets.week_strip import DayCell

pytestmark = pytest.mark.asyncio


@pytest.fixture
def week(profiled):
    """Touches on Friday 20 and Saturday 21 November (closed), nothing yet today (Sunday 22)."""
    profiled.log(["smartphone"], at="2026-11-20 07:00", note="alarm clock")
    profiled.log(["bank-card"], at="2026-11-21 12:30", count=2)
    profiled.log(["computer"], at="2026-11-21 09:00", minutes=240)
    profiled.set_closed("2026-11-21", True)
    return profiled


async def test_moving_between_days_and_weeks_shows_each_days_footprint(week) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        journal = app.screen
        assert isinstance(journal, JournalScreen)
        assert shown(journal.query_one("#journal-title")).startswith("Week 47: 16 Nov 2026 to 22 Nov 2026")
        cells = [shown(c) for c in journal.query(DayCell)]
        totals = week.footprint_between(journal.day.replace(day=20), journal.day.replace(day=21))
        assert cells[0] == "Mon 16\nnot logged"
        assert cells[4] == f"Fri 20\n{round(totals[journal.day.replace(day=20)].total)}"
        assert cells[5].startswith("Sat 21\n") and cells[5].endswith("✓")
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert shown(journal.query_one("#journal-day")) == "Saturday 21 November 2026 — closed: fully logged"
        assert [r.split()[2] for r in rows(journal.query_one(EntryList))] == ["Computer", "Bank"]
        await pilot.press("left")
        assert [r.split()[2] for r in rows(journal.query_one(EntryList))] == ["Smartphone"]
        await pilot.press("left_curly_bracket")
        assert shown(journal.query_one("#journal-title")).startswith("Week 46: 9 Nov 2026 to 15 Nov 2026")
        await pilot.press("right_curly_bracket", "right_curly_bracket")
        assert journal.day.isoformat() == "2026-11-22"  # never past today
        await pilot.press("t")
        assert journal.day.isoformat() == "2026-11-22"


async def test_editing_an_entry_checks_what_is_typed_and_saves_through_the_service(week) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2", "left")
        await pilot.pause()
        table = app.screen.query_one(EntryList)
        table.focus()
        await pilot.press("down", "enter")  # the bank card, #2
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EntryForm) and form.entry.id == 2
        form.query_one("#count").focus()
        form.query_one("#count").value = "two"
        await pilot.pause()
        assert shown(form.query_one("#form-error")) == "“two” is not a whole number"
        await pilot.press("ctrl+s")
        assert app.screen is form
        form.query_one("#count").value = "-1"
        await pilot.pause()
        assert shown(form.query_one("#form-error")) == "the count must be 1 or more, not -1"
        form.query_one("#count").value = "5"
        form.query_one("#minutes").value = "2000"
        await pilot.pause()
        assert shown(form.query_one("#form-error")) == "minutes must be between 0 and 1440, not 2000"
        form.query_one("#minutes").value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        assert "Bank card ×5" in rows(app.screen.query_one(EntryList))[1]
    assert week.entry(2).count == 5


async def test_deleting_and_filtering(week) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2", "left")
        await pilot.press("f")
        await pilot.pause()
        await pilot.press(*"cb", "enter")
        await pilot.pause()
        journal = app.screen
        assert "only Bank card" in shown(journal.query_one("#journal-title"))
        assert [r.split()[2] for r in rows(journal.query_one(EntryList))] == ["Bank"]
        journal.query_one(EntryList).focus()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert rows(journal.query_one(EntryList)) == []
        await pilot.press("f", "ctrl+u", "enter")  # an empty filter shows everything again
        await pilot.pause()
        assert [r.split()[2] for r in rows(journal.query_one(EntryList))] == ["Computer"]
    assert stored(week) == [("smartphone", 1), ("computer", 1)]


async def test_d_asks_before_deleting_and_the_safe_answer_has_the_focus(week) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2", "left")
        await pilot.pause()
        journal = app.screen
        journal.query_one(EntryList).focus()
        await pilot.press("d")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmScreen)
        question = shown(dialog.query_one(".dialog-text"))
        assert question.startswith("Delete entry #3 (Computer ×1 · 2026-11-21 09:00 · ")
        assert app.focused is not None and app.focused.id == "no"
        await pilot.press("enter")  # an Enter typed too early presses No
        await pilot.pause()
        assert app.screen is journal
        assert stored(week) == [("smartphone", 1), ("computer", 1), ("bank-card", 2)]
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert stored(week) == [("smartphone", 1), ("computer", 1), ("bank-card", 2)]
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("right", "enter")  # moved to Yes
        await pilot.pause()
        assert app.screen is journal
        assert stored(week) == [("smartphone", 1), ("bank-card", 2)]
        assert [r.split()[2] for r in rows(journal.query_one(EntryList))] == ["Bank"]
