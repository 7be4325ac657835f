"""The browser harness itself: a page with each fault a person would notice is caught, in words that say
which; and a machine without Chromium fails the browser tests, saying what to install."""

from __future__ import annotations

import pytest

from .browser_pages import A4, SCREEN, chromium_path


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


def test_without_chromium_the_browser_tests_fail_saying_what_to_install(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("FOOTPRINT_CHROMIUM", str(tmp_path / "no-chromium-here"))
    with pytest.raises(pytest.fail.Exception, match=r"Chromium is missing.*apt-get install -y chromium"):
        chromium_path()
    monkeypatch.delenv("FOOTPRINT_CHROMIUM")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(pytest.fail.Exception, match="Chromium is missing"):
        chromium_path()
