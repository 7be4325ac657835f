"""The challenge screen, the seed's way: pick "a day without Big Data", start it, watch the countdown and
the violations, end it, read the verdict and write the blog report."""

from __future__ import annotations

import stat

import pytest
from datetime import datetime
from zoneinfo import ZoneInfo

from tui_support import SIZE, notes, shown

from footprint.services import challenges
from footprint.tui import make_app
from footprint.tui.screens.challenge import ChallengeScreen

pytestmark = pytest.mark.asyncio
NOW = datetime(2026, 11, 22, 9, 30, tzinfo=ZoneInfo("Europe/Paris"))  # the frozen clock


async def _start_day_without_big_data(pilot) -> ChallengeScreen:
    await pilot.press("f3")
    await pilot.pause()
    screen = pilot.app.screen
    ids = [c.id for c in screen.challenges]
    for _ in range(ids.index("day-without-big-data")):
        await pilot.press("down")
    assert "A day without Big Data" in shown(screen.query_one("#detail"))
    await pilot.press("enter")
    await pilot.pause()
    question = shown(pilot.app.screen.query_one(".dialog-text"))
    assert question == (
        "Start “A day without Big Data” now, from Sunday 22 November 2026 at 09:30 to Monday 23 November 2026 at 09:30?"
    )
    await pilot.press("y")
    await pilot.pause()
    return screen


async def test_start_follow_end_and_write_the_report(profiled, tmp_path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _start_day_without_big_data(pilot)
        (run,) = challenges.runs(profiled)
        assert (run.challenge, run.status) == ("day-without-big-data", "active")
        assert run.start == NOW and run.planned_end == NOW.replace(day=23)  # now, not 00:00 of the day
        assert shown(screen.query_one("#countdown")) == "1 d 00:00:00 left, ends 23 Nov 2026 at 09:30"
        body = shown(screen.query_one("#run-body"))
        assert "Touched so far: none" in body and "Still avoidable: Computer, Smartphone, Bank card" in body
        assert "Unavoidable: Smart electricity meter (Linky) (passive)" in body
        await pilot.press("f1", "s", "f3")  # the alarm clock
        await pilot.pause()
        assert "Touched so far: Smartphone ×1" in shown(screen.query_one("#run-body"))
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        (run,) = challenges.runs(profiled)
        assert run.status == "finished"
        last = shown(screen.query_one("#last-run"))
        assert "Last run · Run #1 — A day without Big Data — ended early (0 min of 24 h)" in last
        assert "3 of 5 removed" in shown(screen.query_one("#last-run"))
        await pilot.press("r")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("Input").value = str(tmp_path / "post.txt")
        await pilot.press("enter")
        assert "must end in .md or .html" in shown(dialog.query_one("#ask-error"))
        dialog.query_one("Input").value = str(tmp_path / "post.md")
        await pilot.press("enter")
        await pilot.pause()
    report = tmp_path / "post.md"
    assert "3 of 5" in report.read_text() and (tmp_path / "post-chart.svg").exists()
    assert stat.S_IMODE(report.stat().st_mode) == 0o600


async def test_abandoning_keeps_the_verdict(profiled) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _start_day_without_big_data(pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("n")  # changed my mind
        assert challenges.runs(profiled)[0].status == "active"
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert challenges.runs(profiled)[0].status == "abandoned"
        assert "abandoned" in shown(screen.query_one("#last-run"))
        assert screen.query_one("#pick").display  # a new challenge can be picked again


async def test_today_says_a_challenge_is_running(profiled) -> None:
    challenges.start(profiled, "day-without-big-data")
    app = make_app()
    async with app.run_test(size=SIZE):
        title = shown(app.screen.query_one("#day-title"))
        assert title.splitlines()[1] == "Challenge running: A day without Big Data, 24 h left (F3)"


async def test_a_planned_run_cannot_end_and_abandon_cancels_it(profiled) -> None:
    run, _begun = challenges.start(profiled, "day-without-big-data", at="2026-11-24")
    assert run.start == datetime(2026, 11, 24, tzinfo=NOW.tzinfo)  # a day alone: its usual start, 00:00
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        screen = app.screen
        assert shown(screen.query_one("#run-title")) == "Run #1 — A day without Big Data — planned"
        assert shown(screen.query_one("#countdown")).startswith("starts in 1 d 14:30:00 (24 Nov 2026 at 00:00)")
        await pilot.press("e")
        await pilot.pause()
        assert notes(app)[-1] == (
            "error",
            "run #1 has not begun (it starts on 24 Nov 2026 at 00:00): to cancel it, footprint challenge abandon 1",
        )
        assert [r.status for r in challenges.runs(profiled)] == ["active"]
        await pilot.press("a")
        await pilot.pause()
        assert shown(app.screen.query_one(".dialog-text")) == (
            "Cancel “A day without Big Data”, planned for Tuesday 24 November 2026 at 00:00? "
            "It has not begun: it is removed."
        )
        await pilot.press("y")
        await pilot.pause()
        assert challenges.runs(profiled) == []  # cancelled: removed, not an abandoned run of 0 min
        assert notes(app)[-1][1].startswith("Cancelled: the challenge “A day without Big Data” planned for Tuesday")
        assert screen.query_one("#pick").display
