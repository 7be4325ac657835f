"""The group summary projected (``--present``): one finding per full screen at 1920×1080, large type, the keys
a presenter's remote sends move a screen at a time, and printed on A4 each screen is one page."""

from __future__ import annotations

import pytest

from .browser_pages import A4, SCREEN
from .documents import POOL, UNKNOWN, group_summary, write_cards

# Each screen against the window: its size, whether its content fits in it, the smallest text on it.
_SCREENS = r"""
() => [...document.querySelectorAll(".slide")].map((slide) => {
  const box = slide.getBoundingClientRect();
  const texts = [...slide.querySelectorAll("*")].filter((el) =>
    !el.closest("svg") && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()));
  const outside = [...slide.querySelectorAll("*")].filter((el) => {
    if (el.closest("svg") && el.tagName.toLowerCase() !== "svg") return false;
    const r = el.getBoundingClientRect();
    return r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5 || r.left < box.left - 0.5 || r.right > box.right + 0.5;
  });
  return {
    id: slide.id, width: box.width, height: box.height,
    fits: slide.scrollHeight <= slide.clientHeight && slide.scrollWidth <= slide.clientWidth,
    outside: outside.map((el) => el.tagName.toLowerCase() + ": " + (el.textContent || "").trim().slice(0, 40)),
    smallest: Math.min(...texts.map((el) => parseFloat(getComputedStyle(el).fontSize))),
    chart: (() => {  // the width the chart is drawn at: its box, less what keeping its proportions leaves empty
      const svg = slide.querySelector("svg");
      if (!svg) return null;
      const r = svg.getBoundingClientRect(), vb = svg.viewBox.baseVal;
      return Math.min(r.width, r.height * vb.width / vb.height);
    })(),
  };
})
"""

# Which screen fills the window now (its top at the window's top).
_SHOWN = "() => [...document.querySelectorAll('.slide')].findIndex((s) => Math.abs(s.getBoundingClientRect().top) < 2)"


@pytest.fixture
def workshop(tmp_path):
    return write_cards(tmp_path / "cards", 15)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_screen_fits_the_projector_in_large_type(looker, cli, workshop, lang) -> None:
    html = group_summary(cli, workshop, lang, "--present")
    look = looker.open(html, SCREEN)
    assert look.problems() == []
    screens = look.evaluate(_SCREENS)
    assert len(screens) == 11  # cover, people, captures, chart ×3, two top lists, the table ×2, closing
    for screen in screens:
        assert (screen["width"], screen["height"]) == SCREEN, screen["id"]
        assert screen["fits"] and screen["outside"] == [], screen
        assert screen["smallest"] >= 28, screen  # readable from the back of the room
    charts = [s["chart"] for s in screens if s["chart"] is not None]
    assert len(charts) == 3  # 14 touchpoints: 5, 5 and 4 a screen
    assert all(width >= 0.75 * SCREEN[0] for width in charts), charts  # the chart takes the width
    for i in range(len(screens)) if lang == "fr" else (0, 4):  # every French screen, the English cover and chart
        look.page.evaluate("(i) => document.querySelectorAll('.slide')[i].scrollIntoView()", i)
        looker.screenshot(look, f"presentation-{lang}-{i + 1:02d}", full_page=False)


def test_the_keys_of_a_presenter_move_one_screen_at_a_time(looker, cli, workshop) -> None:
    look = looker.open(group_summary(cli, workshop, "fr", "--present"), SCREEN)
    last = look.evaluate("document.querySelectorAll('.slide').length") - 1
    assert look.evaluate(_SHOWN) == 0
    for key, expected in (
        ("ArrowRight", 1), ("ArrowRight", 2), ("ArrowLeft", 1), ("PageDown", 2), ("Space", 3), ("PageUp", 2),
        ("ArrowDown", 3), ("ArrowUp", 2), ("End", last), ("ArrowRight", last), ("Home", 0), ("ArrowLeft", 0),
    ):  # fmt: skip
        look.page.keyboard.press(key)
        assert look.evaluate(_SHOWN) == expected, key
    assert look.problems() == []


def test_without_script_the_screens_still_scroll_and_snap(looker, cli, workshop) -> None:
    html = group_summary(cli, workshop, "en", "--present")
    page = html.split("<script>")[0] + "</body>\n</html>\n"
    look = looker.open(page, SCREEN)
    assert look.problems() == []
    assert look.evaluate("getComputedStyle(document.documentElement).scrollSnapType").startswith("y")
    look.page.keyboard.press("PageDown")
    look.page.wait_for_function(_SHOWN.replace("() =>", "() => (") + ") === 1")


def test_printed_each_screen_is_one_clean_a4_page(looker, cli, workshop) -> None:
    html = group_summary(cli, workshop, "fr", "--present")
    paper = looker.open(html, A4, printed=True)
    assert paper.problems() == []
    screens = paper.evaluate("document.querySelectorAll('.slide').length")
    assert looker.pdf_pages(paper, "presentation-fr-a4") == screens
    looker.screenshot(paper, "presentation-fr-a4")


def test_a_small_group_is_projected_as_totals_only(looker, cli, tmp_path) -> None:
    html = group_summary(cli, write_cards(tmp_path / "few", 3), "fr", "--present")
    look = looker.open(html, SCREEN)
    assert look.problems() == []
    text = look.evaluate("document.body.innerText")
    assert "Totaux seulement" in text and "Ce que le groupe a le plus supprimé" not in text
    assert look.evaluate("document.querySelectorAll('table').length") == 0
    look.page.keyboard.press("End")
    look.page.keyboard.press("ArrowLeft")  # the screen that says why there is nothing per touchpoint
    looker.screenshot(look, "presentation-small-group-fr", full_page=False)


def test_a_name_too_long_for_a_line_wraps_on_every_screen(looker, cli, tmp_path) -> None:
    folder = write_cards(tmp_path / "cards", 6, pool=(UNKNOWN, *POOL[:4]))
    look = looker.open(group_summary(cli, folder, "fr", "--present"), SCREEN)
    assert look.problems() == []
    for screen in look.evaluate(_SCREENS):
        assert screen["fits"] and screen["outside"] == [], screen
