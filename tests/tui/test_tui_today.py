"""Today, as a person meets it: the first-run checklist, logging by key (with a count, with details),
notes and reasons, closing the day, undo, and errors shown as notifications, never a crash."""

from __future__ import annotations

import pytest
from tui_support import FIVE, SIZE, notes, rows, shown, stored

from footprint.errors import StorageError
from footprint.tui import make_app
from footprint.tui.screens.entry_form import EntryForm
from footprint.tui.screens.first_run import FirstRunScreen
from footprint.tui.screens.today import TodayScreen
from footprint.tui.text import n
from footprint.tui.widgets.entry_list import EntryList
from footprint.tui.widgets.footprint_panel import FootprintPanel
from footprint.tui.widgets.touchpoint_grid import TouchpointGrid

pytestmark = pytest.mark.asyncio


async def test_first_run_asks_what_you_live_with_then_shows_today(svc) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FirstRunScreen)
        listed = app.screen.query_one("SelectionList")
        assert [listed.get_option_at_index(i).value for i in range(5)] == list(FIVE)
        assert listed.selected == list(FIVE)  # the seed's five are suggested, ticked
        await pilot.press("down", "down", "down", "down", "space")  # untick the smart meter
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        tiles = {d.touchpoint: d.key for d in app.screen.query_one(TouchpointGrid).tiles}
        assert tiles == {"computer": "c", "smartphone": "s", "bank-card": "b", "health-card": "h"}
    assert [tp.id for _, tp in svc.profile()] == ["computer", "smartphone", "bank-card", "health-card"]


async def test_skipping_the_first_run_leaves_the_profile_empty_and_says_how_to_fill_it(svc) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert "Your profile is empty: press F5" in shown(app.screen.query_one(TouchpointGrid))
    assert svc.profile() == []


async def test_a_letter_logs_one_touch_now_and_everything_updates(profiled) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        today = app.screen
        assert "Sunday 22 November 2026 — not logged yet" in shown(today.query_one("#day-title"))
        await pilot.press("s")
        await pilot.pause()
        assert stored(profiled) == [("smartphone", 1)]
        (entry,) = profiled.entries()
        assert entry.source == "tui" and entry.at.isoformat() == "2026-11-22T09:30:00+01:00"
        assert rows(today.query_one(EntryList)) == ["09:30 Smartphone ×1 5"]
        assert {d.touchpoint: d.count for d in today.query_one(TouchpointGrid).tiles}["smartphone"] == 1
        panel = shown(today.query_one(FootprintPanel)).splitlines()
        expected = profiled.day().footprint
        assert panel[1].split() == ["total", n(expected.total)] and panel[2].split() == ["active", n(expected.active)]
        assert "Logged Smartphone ×1 at 09:30: +5 captures (estimate)" in shown(today.query_one("#hint"))
        assert "Sunday 22 November 2026 — open" in shown(today.query_one("#day-title"))


async def test_digits_first_say_how_many_and_shift_opens_the_form(profiled) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        assert "×3" in shown(app.screen.query_one("#hint"))
        await pilot.press("c")
        await pilot.press("1", "2", "escape", "b")  # Esc forgets the count
        await pilot.press("S")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EntryForm)
        assert form.query_one("#touchpoint").value == "smartphone"
        form.query_one("#count").value = "2"
        form.query_one("#note").value = "alarm clock"
        form.query_one("#reason").value = "unavoidable"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    assert stored(profiled) == [("computer", 3), ("bank-card", 1), ("smartphone", 2)]
    last = list(profiled.entries())[-1]
    assert (last.note, last.reason, last.source) == ("alarm clock", "unavoidable", "tui")


async def test_a_note_or_a_reason_for_the_touch_just_logged(profiled) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", "ctrl+n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EntryForm) and form.focused is form.query_one("#note")
        await pilot.press(*"alarm")
        form.query_one("#reason").value = "unavoidable"
        await pilot.press("enter")
        await pilot.pause()
        assert "[unavoidable] “alarm”" in rows(app.screen.query_one(EntryList))[0]
    (entry,) = profiled.entries()
    assert (entry.note, entry.reason) == ("alarm", "unavoidable")


async def test_the_form_checks_what_is_typed_with_the_cli_rules(profiled) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus")
        await pilot.pause()
        form = app.screen
        await pilot.press(*"smartfone")
        assert "unknown touchpoint 'smartfone' (did you mean: smartphone" in shown(form.query_one("#form-error"))
        form.query_one("#touchpoint").value = "linky"
        form.query_one("#count").value = "0"
        await pilot.pause()
        assert shown(form.query_one("#form-error")) == "the count must be 1 or more, not 0"
        form.query_one("#count").value = "1"
        form.query_one("#at").value = "23:00"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # refused: the form stays, with the service's message
        assert "22 Nov 2026 at 23:00 is in the future: log what has already happened" in shown(form.query_one("#form-error"))
        assert ("error", "22 Nov 2026 at 23:00 is in the future: log what has already happened") in notes(app)
        form.query_one("#at").value = "hier 18h"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    (entry,) = profiled.entries()
    assert (entry.touchpoint, entry.at.isoformat()) == ("smart-meter", "2026-11-21T18:00:00+01:00")


async def test_close_reopen_undo_and_delete(profiled) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        today = app.screen
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert profiled.journal.day_status(today.view.day).closed
        assert "closed: fully logged" in shown(today.query_one("#day-title"))
        assert today.query_one(EntryList).visible_text().strip() == "No touches: a real zero-touch day."
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert not profiled.journal.day_status(today.view.day).closed
        await pilot.press("s", "c", "ctrl+z")
        await pilot.pause()
        assert stored(profiled) == [("smartphone", 1)]
        assert len(rows(today.query_one(EntryList))) == 1
        assert ("information", "Undone: logging Computer ×1") in notes(app)
        today.query_one(EntryList).focus()
        await pilot.press("delete")
        await pilot.pause()
        assert stored(profiled) == []
        assert today.query_one(EntryList).visible_text().strip() == "No touches logged."


async def test_errors_are_notifications_never_a_crash(profiled, monkeypatch) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:

        def locked(*args, **kwargs):
            raise StorageError("the journal is locked by another footprint or program; try again")

        monkeypatch.setattr(app.svc, "log", locked)
        await pilot.press("s")
        assert ("error", "the journal is locked by another footprint or program; try again") in notes(app)

        def bug(*args, **kwargs):
            raise RuntimeError("a bug")

        monkeypatch.setattr(app.svc, "log", bug)
        await pilot.press("c")
        await pilot.pause()
        assert any(sev == "error" and "RuntimeError" in msg for sev, msg in notes(app))
        assert app.is_running and isinstance(app.screen, TodayScreen)
    assert stored(profiled) == []


async def test_today_reminds_that_yesterday_is_not_closed(profiled) -> None:
    profiled.log(["smartphone"], at="yesterday 10:00")
    app = make_app()
    async with app.run_test(size=SIZE):
        title = shown(app.screen.query_one("#day-title"))
        assert title.splitlines()[-1] == "Yesterday (Saturday 21 November 2026) is not closed: footprint close yesterday"
    profiled.set_closed("yesterday", True)
    app = make_app()
    async with app.run_test(size=SIZE):
        assert "not closed" not in shown(app.screen.query_one("#day-title"))
