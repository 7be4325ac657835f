"""A touch typed while another program holds the journal's write lock is kept and lands once it is free:
the TUI never drops what was typed, and never freezes for long."""

from __future__ import annotations

import sqlite3

import pytest
from tui_support import SIZE, notes, stored

from footprint.tui import app as app_module
from footprint.tui import make_app

pytestmark = pytest.mark.asyncio


async def test_a_touch_typed_while_the_journal_is_locked_lands_when_it_is_free(profiled, monkeypatch) -> None:
    monkeypatch.setattr(app_module, "WRITE_WAIT_SECONDS", 0.2)  # wait less than in use, to keep the test short
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        blocker = sqlite3.connect(profiled.settings.db_path, isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")  # another program writing
        try:
            await pilot.press("s")
            await pilot.press("3", "b")  # typed while the first is still waiting: kept too, in order
            await pilot.pause()
            assert stored(profiled) == []
            busy = (
                "The journal is busy (another program is writing): "
                "your touch is kept and saved as soon as it is free."
            )
            assert ("warning", busy) in notes(app)
            assert not [m for severity, m in notes(app) if severity == "error"]
        finally:
            blocker.execute("COMMIT")
            blocker.close()
        for _ in range(200):  # the retry comes within half a second
            if len(stored(profiled)) == 2:
                break
            await pilot.pause(0.05)
        assert stored(profiled) == [("smartphone", 1), ("bank-card", 3)]
    assert [e.at.isoformat() for e in profiled.entries()] == ["2026-11-22T09:30:00+01:00"] * 2  # when typed
    assert [e.source for e in profiled.entries()] == ["tui", "tui"]
