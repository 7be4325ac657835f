"""The entry form refuses NaN, infinities and huge numbers with the service's own messages, and nothing
is stored: the TUI is one more door with the same bounds (domain/limits.py) as the command line."""

from __future__ import annotations

import pytest
from tui_support import SIZE, notes, shown, stored

from footprint.tui import make_app
from footprint.tui.screens.entry_form import EntryForm
from footprint.tui.screens.journal import JournalScreen
from footprint.tui.screens.today import TodayScreen

pytestmark = pytest.mark.asyncio

COUNTS = [
    (str(2**70), "the count must be at most 86400 (one a second for a day), not a number over 10^15"),
    ("86401", "the count must be at most 86400 (one a second for a day), not 86401"),
    ("9" * 5000, "is not a whole number"),
]
MINUTES = [
    ("nan", "minutes must be between 0 and 1440, not nan"),
    ("inf", "minutes must be between 0 and 1440, not inf"),
    ("-inf", "minutes must be between 0 and 1440, not -inf"),
    ("1e400", "minutes must be between 0 and 1440, not inf"),
    ("1e308", "minutes must be between 0 and 1440, not 1e+308"),
]


async def _refuses(pilot, form: EntryForm, field: str, value: str, message: str) -> None:
    form.query_one(f"#{field}").value = value
    await pilot.pause()
    error = shown(form.query_one("#form-error"))
    assert message in error and len(error) < 200
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert pilot.app.screen is form  # refused: the form stays
    assert ("error", error) in notes(pilot.app)


@pytest.mark.parametrize(
    ("field", "value", "message"), [("count", *c) for c in COUNTS] + [("minutes", *m) for m in MINUTES]
)
async def test_the_log_form_refuses_poisoned_numbers_and_stores_nothing(profiled, field, value, message) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EntryForm)
        form.query_one("#touchpoint").value = "smartphone"
        await _refuses(pilot, form, field, value, message)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    assert stored(profiled) == []


async def test_the_edit_form_refuses_poisoned_numbers_and_keeps_the_entry(profiled) -> None:
    profiled.log(["smartphone"], at="2026-11-21 08:00", minutes=12)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2", "left")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        app.screen.query_one("EntryList").focus()
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EntryForm) and form.entry is not None
        await _refuses(pilot, form, "minutes", "inf", "minutes must be between 0 and 1440, not inf")
        form.query_one("#minutes").value = "12"
        await _refuses(pilot, form, "count", str(10**20), "the count must be at most 86400")
    (entry,) = profiled.entries()
    assert (entry.count, entry.minutes) == (1, 12.0)


async def test_an_imported_days_aggregate_beyond_typed_bounds_can_still_have_its_note_edited(profiled) -> None:
    from datetime import date, datetime, timedelta, timezone

    from footprint.domain.journal import Entry

    at = datetime(2026, 11, 21, 8, 0, tzinfo=timezone(timedelta(hours=1)))
    aggregate = Entry(
        None, at, date(2026, 11, 21), "computer", 120_000, 1500.0, None, None, "import:activitywatch", "w"
    )
    profiled.journal.import_entries([aggregate], "import activitywatch")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2", "left")
        await pilot.pause()
        app.screen.query_one("EntryList").focus()
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EntryForm) and form.entry is not None and form.entry.count == 120_000
        form.query_one("#note").value = "two machines"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        await pilot.press("enter")
        await pilot.pause()
        await _refuses(pilot, app.screen, "count", "120001", "the count must be at most 86400")
    (entry,) = profiled.entries()
    assert (entry.count, entry.minutes, entry.note) == (120_000, 1500.0, "two machines")
