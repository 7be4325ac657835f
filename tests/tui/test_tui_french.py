"""The TUI in French, as a French person meets it: every word on Today is French (the same words as the CLI,
from present/day.py), the footer's keys too, and a touch logged by key is stored in the journal."""

from __future__ import annotations

import html
import re

import pytest
from tui_support import SIZE, shown, stored

from footprint.tui import make_app
from footprint.tui.widgets.key_bar import KeyBar

pytestmark = pytest.mark.asyncio

NBSP = "\u00a0"
# Words a French Today may share with the English one: names (labels, the app's), units, and the words
# that are the same in both languages.
SHARED = {"footprint", "Journal", "Smartphone", "Note", "total", "captures", "min"}


def screen_words(app) -> set[str]:  # noqa: ANN001
    """Every word drawn on the screen now, read from Textual's own screenshot."""
    svg = app.export_screenshot()
    text = " ".join(html.unescape(t) for t in re.findall(r"<text [^>]*>(.*?)</text>", svg))
    return {w for w in re.findall(r"[A-Za-zÀ-ÿ']+", text.replace(NBSP, " ")) if len(w) > 1}  # not the keys


async def english_today_words(profiled) -> set[str]:  # noqa: ANN001
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        return screen_words(app)


async def test_today_in_french_shows_no_english_word_and_logs_by_key(profiled, monkeypatch) -> None:
    english = await english_today_words(profiled)
    profiled.remove([1])  # the English run's touch: Today starts empty again
    monkeypatch.setenv("FOOTPRINT_LANG", "fr")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        today = app.screen
        assert shown(today.query_one("#day-title")) == "dimanche 22 novembre 2026 — rien de noté pour l'instant"
        await pilot.press("3", "s")
        await pilot.pause()
        assert shown(today.query_one("#hint")) == f"Noté{NBSP}: Smartphone ×3 à 09:30, +15 captures (estimation)"
        assert shown(today.query_one("#day-title")) == "dimanche 22 novembre 2026 — journée ouverte"
        panel = shown(today.query_one("FootprintPanel"))
        assert "Empreinte (estimation)" in panel and "actives" in panel and "Par collecteur" in panel
        footer = shown(today.query_one(KeyBar))
        for words in ("Clôturer la journée", "Note, raison", "Noter en détail", "Annuler", "Touches", "Commandes"):
            assert words in footer
        french = screen_words(app)
        assert english & french <= SHARED, english & french - SHARED
        assert {"Aujourd'hui", "dimanche", "novembre", "Empreinte", "heure", "détails"} <= french
    assert ("smartphone", 3) in stored(profiled)


async def test_the_keys_screen_and_the_form_speak_french(profiled, monkeypatch) -> None:
    monkeypatch.setenv("FOOTPRINT_LANG", "fr")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        keys = shown(app.screen.query_one("#keys-body Static"))
        assert "Sur cet écran" in keys and "Partout" in keys and "Élément suivant" in keys
        assert "Focus" not in keys
        await pilot.press("escape", "plus")
        await pilot.pause()
        form = app.screen
        assert shown(form.query_one("#form-title")) == "Noter un contact"
        form.query_one("#touchpoint").value = "cb"
        form.query_one("#count").value = "deux"
        await pilot.pause()
        assert shown(form.query_one("#form-error")) == f"«{NBSP}deux{NBSP}» n'est pas un nombre entier"
        form.query_one("#count").value = "2"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert ("bank-card", 2) in stored(profiled)
