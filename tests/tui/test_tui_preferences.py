"""The habits the TUI keeps between sessions and screens: the theme and the first-run choice are written to
the preferences file and read back by the next app; a touchpoint's key letter does not depend on what else
is in the profile; the Profile screen's main action is in its footer; the report dialog stays until the
report is written."""

from __future__ import annotations

import tomllib

import pytest
from tui_support import SIZE, shown

from footprint.services import challenges
from footprint.tui import make_app
from footprint.tui.screens.dialogs import AskScreen
from footprint.tui.screens.first_run import FirstRunScreen
from footprint.tui.screens.today import TodayScreen
from footprint.tui.widgets.key_bar import KeyBar
from footprint.tui.widgets.touchpoint_grid import TouchpointGrid

pytestmark = pytest.mark.asyncio


def stored_preferences(svc) -> dict:
    path = svc.settings.config_dir / "config.toml"
    return tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


async def test_the_theme_chosen_with_ctrl_t_is_there_at_the_next_start(profiled) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == "textual-dark"
        await pilot.press("ctrl+t")
        await pilot.pause()
    assert stored_preferences(profiled) == {"theme": "light"}
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "textual-light"
        await pilot.press("ctrl+t")
    assert stored_preferences(profiled) == {"theme": "dark"}


async def test_a_theme_set_by_name_is_used_and_an_unknown_one_is_ignored(profiled) -> None:
    folder = profiled.settings.config_dir
    folder.mkdir()
    (folder / "config.toml").write_text('theme = "nord"  # kept\n', encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE):
        assert app.theme == "nord"
    (folder / "config.toml").write_text('theme = "no-such-theme"\n', encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE):
        assert app.theme == "textual-dark"
    assert (folder / "config.toml").read_text(encoding="utf-8") == 'theme = "no-such-theme"\n'  # not rewritten


async def test_skipping_the_first_run_is_remembered(svc) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FirstRunScreen)
        await pilot.press("escape")
        await pilot.pause()
    assert stored_preferences(svc) == {"first_run": "skipped"}
    assert svc.profile() == []
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, TodayScreen)  # the profile is still empty: no checklist this time
        assert "Your profile is empty: press F5" in shown(again.screen.query_one(TouchpointGrid))


async def test_a_done_first_run_is_remembered(svc) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    assert stored_preferences(svc) == {"first_run": "done"}
    assert len(svc.profile()) == 5


async def test_todays_keys_do_not_move_when_the_profile_changes(svc) -> None:
    svc.profile_add(["smart-meter", "smartphone"], since="2026-11-01")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        tiles = {d.touchpoint: d.key for d in app.screen.query_one(TouchpointGrid).tiles}
        assert tiles == {"smart-meter": "m", "smartphone": "s"}
        svc.profile_add(["mobile-payment"])
        app.journal_written()
        await pilot.pause()
        tiles = {d.touchpoint: d.key for d in app.screen.query_one(TouchpointGrid).tiles}
        assert tiles["smart-meter"] == "m" and tiles["smartphone"] == "s" and tiles["mobile-payment"] == "p"
        await pilot.press("m")
        await pilot.pause()
    assert [e.touchpoint for e in svc.entries()] == ["smart-meter"]


async def test_the_profile_screens_main_action_is_in_its_footer(svc) -> None:
    svc.profile_add(["smartphone"])
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        footer = app.screen.query_one(KeyBar).render().plain
        assert footer.lstrip().startswith("enter Remove from profile")  # the highlighted row is in the profile
        await pilot.press("down")
        await pilot.pause()
        assert app.screen.query_one(KeyBar).render().plain.lstrip().startswith("enter Add to profile")
        await pilot.press("space")
        await pilot.pause()
    assert len(svc.profile()) == 2


async def test_the_report_dialog_stays_until_the_report_is_written(profiled, tmp_path) -> None:
    challenges.start(profiled, "day-without-big-data")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AskScreen)
        dialog.query_one("Input").value = str(tmp_path / "no-such-folder" / "post.md")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog  # still open, with the reason, and the typing goes on in it
        assert "no such folder" in shown(dialog.query_one("#ask-error"))
        assert app.focused is dialog.query_one("Input")
        await pilot.press("tab")
        assert app.focused is dialog.query_one("Input")  # the focus cannot leave the dialog
        dialog.query_one("Input").value = str(tmp_path / "post.md")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is not dialog
    assert (tmp_path / "post.md").exists()


async def test_escape_closes_the_report_dialog_without_writing(profiled, tmp_path) -> None:
    challenges.start(profiled, "day-without-big-data")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("Input").value = str(tmp_path / "post.md")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, AskScreen)
    assert not (tmp_path / "post.md").exists()


async def test_in_french_the_question_and_the_footer(profiled, monkeypatch) -> None:
    monkeypatch.setenv("FOOTPRINT_LANG", "fr")
    profiled.log(["bank-card"], at="2026-11-22 08:10", count=2)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        question = shown(app.screen.query_one(".dialog-text"))
        assert question.startswith("Supprimer l'entrée n°\u00a01 (Carte bancaire ×2 · ")
        assert question.endswith(")\u00a0?")
        await pilot.press("n")
        await pilot.press("f5")
        await pilot.pause()
        assert app.screen.query_one(KeyBar).render().plain.lstrip().startswith("Entrée Retirer du profil")
    assert [e.touchpoint for e in profiled.entries()] == ["bank-card"]
