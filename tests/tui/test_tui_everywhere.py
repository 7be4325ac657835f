"""What holds on every screen: the command palette lists every action, ? shows the keys, English and
French, light and dark themes, and two writers (the TUI open while CLI processes log) lose nothing."""

from __future__ import annotations

import asyncio
import sys

import pytest
from tui_support import SIZE, rows, shown, stored

from footprint.services import Service
from footprint.tui import make_app
from footprint.tui.screens.keys import KeysScreen
from footprint.tui.screens.today import TodayScreen
from footprint.tui.widgets.entry_list import EntryList
from footprint.tui.widgets.nav_bar import NavBar

pytestmark = pytest.mark.asyncio


async def test_the_palette_lists_every_action_and_runs_them(profiled) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for expected in (
            "Close day",
            "Note, reason",
            "Log with details",
            "Log Smartphone",
            "Log Smart electricity meter (Linky)",
            "Go to Journal",
            "Go to Charts",
            "Undo",
            "Keys",
            "Light or dark theme",
            "Quit",
        ):
            assert expected in titles
        await pilot.press("f3")
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Start “A day without Big Data”" in titles and "Start" in titles
        await pilot.press("f2")
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert {"Previous day", "Next week", "Filter", "Delete", "Back to today"} <= set(titles)
        await pilot.press("f1", "ctrl+p")
        await pilot.press(*"log smartphone")
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        await pilot.press("enter")
        await pilot.pause()
        assert stored(profiled) == [("smartphone", 1)]
        assert len(rows(app.screen.query_one(EntryList))) == 1


async def test_question_mark_shows_the_keys_of_this_screen_and_everywhere(profiled) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, KeysScreen)
        text = shown(app.screen.query_one("#keys-body Static"))
        assert text.index("On this screen") < text.index("Close day") < text.index("Everywhere") < text.index("Undo")
        assert "digits first: how many touches" in text and "c Computer" in text
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)


async def test_french_everywhere(profiled, monkeypatch) -> None:
    monkeypatch.setenv("FOOTPRINT_LANG", "fr")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        today = app.screen
        assert shown(today.query_one(NavBar)).split() == [
            *("footprint", "F1", "Aujourd'hui", "F2", "Journal", "F3", "Défi"),
            *("F4", "Graphiques", "F5", "Profil", "?", "Touches"),
        ]
        assert shown(today.query_one("#day-title")) == "dimanche 22 novembre 2026 — rien de noté pour l'instant"
        assert "Clôturer la journée" in [b.binding.description for b in today.active_bindings.values()]
        await pilot.press("s")
        assert shown(today.query_one("#hint")).startswith("Noté\u00a0: Smartphone ×1 à 09:30")
        assert "Empreinte (estimation)" in shown(today.query_one("FootprintPanel"))
        await pilot.press("question_mark")
        await pilot.pause()
        assert "Sur cet écran" in shown(app.screen.query_one("#keys-body Static"))


async def test_light_and_dark_themes(profiled) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == "textual-dark"
        await pilot.press("ctrl+t")
        assert app.theme == "textual-light"
        await pilot.press("ctrl+t")
        assert app.theme == "textual-dark"


async def test_another_process_writing_shows_up_at_the_next_poll(profiled) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        other = Service(profiled.settings)
        other.log(["computer"], note="from the CLI", source="cli")
        other.close()
        app.poll_journal()  # what the half-second timer does
        await pilot.pause()
        assert "“from the CLI”" in rows(app.screen.query_one(EntryList))[0]


async def test_two_writers_the_tui_open_and_cli_processes_logging_lose_nothing(profiled) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        processes = [
            await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "footprint",
                "log",
                "computer",
                "--note",
                f"cli {i}",
                stdout=asyncio.subprocess.DEVNULL,
                stderr=asyncio.subprocess.PIPE,
            )
            for i in range(4)
        ]
        for _ in range(6):  # the TUI writes while the CLI processes start and write
            await pilot.press("s")
            await pilot.pause(0.05)
        for p in processes:
            _, err = await p.communicate()
            assert p.returncode == 0, err.decode()
        entries = app.screen.query_one(EntryList)
        for _ in range(50):  # the TUI polls every half second: wait for it, at most 5 s
            if len(rows(entries)) == 10:
                break
            await pilot.pause(0.1)
        shown_rows = rows(entries)
        assert sorted(r.split("“")[-1] for r in shown_rows if "cli" in r) == [f"cli {i}”" for i in range(4)]
        assert sum("Smartphone" in r for r in shown_rows) == 6
    assert sorted(stored(profiled)) == [("computer", 1)] * 4 + [("smartphone", 1)] * 6
