"""The printable worksheet (``group sheet``) in a real browser: for every challenge footprint ships, in French
and English, it prints on ONE A4 page with nothing cut off, off the page or asked of the network, and it
reads on a screen too (a facilitator checks it before printing)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .browser_pages import A4, SCREEN

CHALLENGES = sorted(p.stem for p in (Path(__file__).resolve().parents[2] / "challenges").glob("*.toml"))


def _sheet(cli, tmp_path: Path, challenge: str, lang: str) -> str:
    out = tmp_path / f"sheet-{challenge}-{lang}.html"
    result = cli("group", "sheet", challenge, "--lang", lang, "--out", str(out))
    assert result.exit_code == 0, result.stderr
    return out.read_text(encoding="utf-8")


def test_every_shipped_challenge_has_a_sheet() -> None:
    assert "day-without-big-data" in CHALLENGES and len(CHALLENGES) >= 5


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("challenge", CHALLENGES)
def test_the_worksheet_prints_on_one_clean_a4_page(looker, cli, tmp_path, challenge, lang) -> None:
    paper = looker.open(_sheet(cli, tmp_path, challenge, lang), A4, printed=True)
    assert paper.problems() == []
    assert looker.pdf_pages(paper, f"worksheet-{challenge}-{lang}") == 1
    looker.screenshot(paper, f"worksheet-{challenge}-{lang}-a4")


def test_the_worksheet_reads_on_a_screen_before_printing(looker, cli, tmp_path) -> None:
    screen = looker.open(_sheet(cli, tmp_path, "day-without-big-data", "fr"), SCREEN)
    assert screen.problems() == []
    looker.screenshot(screen, "worksheet-day-without-big-data-fr-1920x1080")
