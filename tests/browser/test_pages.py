"""The blog report and the group summary in a real browser, on a 1920×1080 screen and printed on A4: nothing
asked of the network, no console error, nothing wider than the page, no text cut off, nothing off the page."""

from __future__ import annotations

import pytest

from browser_pages import A4, SCREEN
from documents import blog_report, group_summary, write_cards


def _clean(looker, html: str, name: str) -> None:
    """On screen and printed, the page has no problem; the screenshots and the PDF are kept."""
    screen = looker.open(html, SCREEN)
    assert screen.problems() == []
    looker.screenshot(screen, f"{name}-1920x1080")
    paper = looker.open(html, A4, printed=True)
    assert paper.problems() == []
    looker.screenshot(paper, f"{name}-a4")
    assert looker.pdf_pages(paper, f"{name}-a4") >= 1


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_blog_report_reads_well_on_screen_and_on_paper(looker, cli, monkeypatch, lang) -> None:
    html = blog_report(cli, monkeypatch, lang)
    _clean(looker, html, f"blog-report-{lang}")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_group_summary_reads_well_on_screen_and_on_paper(looker, cli, tmp_path, lang) -> None:
    html = group_summary(cli, write_cards(tmp_path / "cards", 15), lang)
    _clean(looker, html, f"group-summary-{lang}")


def test_a_small_groups_summary_shows_its_totals_cleanly(looker, cli, tmp_path) -> None:
    html = group_summary(cli, write_cards(tmp_path / "cards", 3), "fr")
    screen = looker.open(html, SCREEN)
    assert screen.problems() == []
    assert screen.evaluate("document.querySelectorAll('table').length") == 0
    assert "totaux seulement" in screen.evaluate("document.body.innerText")


def test_the_checks_see_what_a_person_would(looker) -> None:
    """The harness itself: a page with each fault is caught, in words that say which."""
    faulty = (
        '<!DOCTYPE html><html><head><link rel="stylesheet" href="https://fonts.example/x.css"></head><body>'
        '<div style="width:3000px">wide</div>'
        '<p style="width:60px;overflow:hidden;white-space:nowrap">a sentence much too long for its box</p>'
        '<p style="position:absolute;left:-400px">off to the left</p>'
        "<img src=\"chart.svg\"><script>console.error('boom'); undefined_function();</script></body></html>"
    )
    problems = "\n".join(looker.open(faulty, SCREEN).problems())
    for expected in (
        "console error: boom",
        "page error: ",
        "request to https://fonts.example/x.css",
        "request to http://footprint.invalid/chart.svg",
        "horizontal overflow: the page is 3008 px wide in a 1920 px window",
        "text cut off: <p> “a sentence much too long",
        "off the page: <p> “off to the left”",
    ):
        assert expected in problems
    dark = looker.open('<body style="background:#222;color:#eee"><p>night</p></body>', A4, printed=True)
    assert "dark background in print: <body>" in "\n".join(dark.problems())
