"""The blog report and the group summary in a real browser, on a 1920×1080 screen and printed on A4: nothing
asked of the network, no console error, nothing wider than the page, no text cut off, nothing off the page."""

from __future__ import annotations

import pytest

from .browser_pages import A4, SCREEN
from .documents import POOL, UNKNOWN, blog_reports, group_summary, write_cards


def _clean(looker, html: str, name: str) -> None:
    """On screen and printed, the page has no problem; the screenshots and the PDF are kept."""
    screen = looker.open(html, SCREEN)
    assert screen.problems() == []
    looker.screenshot(screen, f"{name}-1920x1080")
    paper = looker.open(html, A4, printed=True)
    assert paper.problems() == []
    looker.screenshot(paper, f"{name}-a4")
    assert looker.pdf_pages(paper, f"{name}-a4") >= 1


def test_the_blog_report_reads_well_on_screen_and_on_paper(looker, cli, monkeypatch) -> None:
    for lang, html in blog_reports(cli, monkeypatch).items():
        _clean(looker, html, f"blog-report-{lang}")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_group_summary_reads_well_on_screen_and_on_paper(looker, cli, tmp_path, lang) -> None:
    html = group_summary(cli, write_cards(tmp_path / "cards", 15), lang)
    _clean(looker, html, f"group-summary-{lang}")


def test_a_name_too_long_for_a_line_wraps_in_the_summary(looker, cli, tmp_path) -> None:
    html = group_summary(cli, write_cards(tmp_path / "cards", 6, pool=(UNKNOWN, *POOL[:4])), "en")
    assert UNKNOWN in html
    for size, printed in ((SCREEN, False), (A4, True)):
        assert looker.open(html, size, printed).problems() == []


def test_a_small_groups_summary_shows_its_totals_cleanly(looker, cli, tmp_path) -> None:
    html = group_summary(cli, write_cards(tmp_path / "cards", 3), "fr")
    screen = looker.open(html, SCREEN)
    assert screen.problems() == []
    assert screen.evaluate("document.querySelectorAll('table').length") == 0
    assert "totaux seulement" in screen.evaluate("document.body.innerText")
