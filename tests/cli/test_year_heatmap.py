"""``footprint chart year``: the heatmap in the terminal, as JSON and as SVG/PNG images (golden SVGs in English
and French), and the service behind it (the captures of ``footprint day``, DST days, a journal's first day)."""

from __future__ import annotations

import io
import json
import os
import re
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from footprint.services import Service
from footprint.services.heatmap import year_heatmap
from footprint.settings import resolve

GOLDEN = Path(__file__).resolve().parents[1] / "golden"


@pytest.fixture
def journal(cli) -> None:
    """Sunday 22 November 2026: a profile with a smart meter (48 passive captures a day) since 1 November,
    touches on 17, 19 and 20 November, 18 to 21 closed (18 and 21 without touches), a break and a run."""
    for args in (
        ("profile", "add", "smart-meter", "--state", "load-curve", "--since", "2026-11-01"),
        ("profile", "add", "smartphone", "--since", "2026-11-01"),
        ("log", "smartphone", "--at", "2026-11-17 07:00", "--count", "5"),
        ("log", "smartphone", "--at", "2026-11-19 07:00", "--count", "30"),
        ("log", "smartphone", "--at", "2026-11-20 07:00", "--count", "10"),
        ("log", "smartphone", "--at", "2026-11-22 07:00", "--count", "2"),
        ("close", "2026-11-18"),
        ("close", "2026-11-19"),
        ("close", "2026-11-20"),
        ("close", "2026-11-21"),
        ("break", "add", "--from", "2026-11-02", "--to", "2026-11-08", "--label", "offline <week> & co"),
    ):
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stderr)


def heatmap(cli, *args: str) -> dict:
    result = cli("chart", "year", *args, "--json")
    assert result.exit_code == 0 and result.stderr == "", result.stderr
    return json.loads(result.stdout)


def test_json_cells_streaks_and_marks(cli, journal) -> None:
    data = heatmap(cli)
    assert (data["first"], data["last"], data["today"], data["year"]) == ("2025-11-23", "2026-11-22", "2026-11-22", None)
    cells = {c["day"]: c for c in data["cells"]}
    assert len(cells) == 365
    assert [cells[f"2026-11-{d}"]["state"] for d in range(16, 23)] == [
        "unlogged", "open", "closed", "closed", "closed", "closed", "today",
    ]
    # The captures are the ones 'footprint day' shows for the same day.
    for day in ("2026-11-17", "2026-11-19", "2026-11-21", "2026-11-16"):
        shown = json.loads(cli("day", day, "--json").stdout)["footprint"]["total"]
        assert cells[day]["captures"] == shown
    assert data["streaks"]["current"] == {"days": 4, "first": "2026-11-18", "last": "2026-11-21"}
    assert data["streaks"]["longest"] == data["streaks"]["current"]
    assert data["breaks"] == [{"id": "1", "label": "offline <week> & co", "first": "2026-11-02", "last": "2026-11-08"}]
    assert data["runs"] == []
    # Four closed days: 48 (the meter alone) twice, 98 and 198; their quartiles (48, 48, 98) give the levels.
    assert [cells[f"2026-11-{d}"]["level"] for d in (18, 19, 20, 21)] == [1, 4, 3, 1]


def test_a_past_calendar_year_and_a_leap_year(cli, journal) -> None:
    data = heatmap(cli, "--year", "2024")
    assert len(data["cells"]) == 366 and {c["state"] for c in data["cells"]} == {"unlogged"}
    assert data["streaks"]["current"]["days"] == 0
    this_year = heatmap(cli, "--year", "2026")
    assert this_year["cells"][-1] == {"day": "2026-12-31", "state": "future", "captures": None, "level": None}


def test_in_the_terminal_without_colours(cli, journal) -> None:
    result = cli("chart", "year", "--width", "120")
    assert result.exit_code == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == "Your last 365 days: 23 Nov 2025 to 22 Nov 2026"
    assert lines[1].split() == "Nov Dec Jan Feb Mar Apr May Jun Jul Aug Sept Oct Nov".split()
    rows = lines[2:9]
    assert [r[0] for r in rows] == list("MTWTFSS")
    assert [r[-1] for r in rows] == [" ", "○", "░", "█", "▓", "░", "◆"]
    assert "\x1b[" not in result.stdout  # not a terminal: no colour codes
    # Two quartiles are equal (48, 48, 98): the level between them cannot occur, and is not listed.
    assert "Captures a day (estimate):  ░ up to 48  ▓ up to 98  █ more than 98\n" in result.stdout
    assert "○ logged, not closed  blank: not logged  ◆ today, unfinished" in result.stdout
    assert "═ Closed days in a row now: 4 days since 18 Nov 2026; longest: 4 days (18 Nov 2026 → 21 Nov 2026)" in result.stdout
    assert "━ offline <week> & co: 2 Nov 2026 → 8 Nov 2026" in result.stdout


def test_a_narrow_terminal_shows_the_last_weeks_and_says_so(cli, journal) -> None:
    wide = cli("chart", "year", "--width", "60").stdout.splitlines()
    assert len(wide[2]) == 2 + 53  # no gaps between weeks: the whole year still fits
    narrow = cli("chart", "year", "--width", "30").stdout
    assert len(narrow.splitlines()[2]) == 30
    assert narrow.rstrip().endswith("The last 28 weeks only: widen the terminal to see the whole year.")


def test_french(cli, journal) -> None:
    out = cli("--lang", "fr", "chart", "year", "--width", "120").stdout
    lines = out.splitlines()
    assert lines[0] == "Vos 365 derniers jours\u00a0: du 23 nov. 2025 au 22 nov. 2026"
    assert lines[1].split() == "déc. janv. févr. mars avr. mai juin juil. août sept. oct. nov.".split()
    assert [r[0] for r in lines[2:9]] == list("LMMJVSD")
    assert "Journées clôturées d'affilée en ce moment\u00a0: 4 jours depuis le 18 nov. 2026\u00a0; record\u00a0:" in out
    assert "vide\u00a0: rien de noté" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--year", "abc"), "footprint: --year needs a whole number, not 'abc'"),
        (("--year", "1800"), "footprint: --year 1800 is out of range: footprint reads years 1970 to 2100"),
        (("--year", "2027"), "footprint: --year 2027 has not begun yet"),
        (("--width", "5"), "footprint: --width is 20 to 1000 columns, not 5"),
        (("--out", "year.txt"), "footprint: --out must end in .svg or .png"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(cli, args, message) -> None:
    result = cli("chart", "year", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message + "\n")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_svg_matches_the_golden_file(cli, journal, tmp_path, lang) -> None:
    out = tmp_path / "year.svg"
    result = cli("--lang", lang, "chart", "year", "--out", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr.startswith("footprint: ")
    svg = out.read_text(encoding="utf-8")
    golden = GOLDEN / f"year-heatmap-{lang}.svg"
    if os.environ.get("FOOTPRINT_UPDATE_GOLDEN"):  # regenerate on purpose, then read the diff
        golden.write_text(svg, encoding="utf-8")
    assert svg == golden.read_text(encoding="utf-8")
    assert "offline &lt;week&gt; &amp; co" in svg and "<week>" not in svg  # every text escaped
    assert ("Your last 365 days" if lang == "en" else "Vos 365 derniers jours") in svg


def test_png_is_drawn_at_twice_the_size(cli, journal, tmp_path) -> None:
    out = tmp_path / "year.png"
    result = cli("chart", "year", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(data[16:20], "big")
    svg_width = float(re.search(r'viewBox="0 0 ([\d.]+)', cli_svg(cli, tmp_path)).group(1))
    assert width == round(svg_width * 2)


def cli_svg(cli, tmp_path: Path) -> str:
    out = tmp_path / "same.svg"
    cli("chart", "year", "--out", str(out))
    return out.read_text(encoding="utf-8")


# --- the service ---------------------------------------------------------------------------------------


def service() -> Service:
    return Service(resolve())


def test_days_across_daylight_saving_changes(cli, monkeypatch) -> None:
    # Just after the autumn change (CET again): today is 25 October whatever the offset.
    monkeypatch.setenv("FOOTPRINT_NOW", "2026-10-25T23:30:00+01:00")
    for at in ("2026-03-29 03:30", "2026-10-25 02:30", "2026-10-25 23:10"):
        assert cli("log", "smartphone", "--at", at).exit_code == 0
    svc = service()
    try:
        hm = year_heatmap(svc)
    finally:
        svc.close()
    days = [c.day for c in hm.cells]
    assert len(days) == 365 and days == [hm.first + timedelta(days=i) for i in range(365)]
    assert hm.today == date(2026, 10, 25) and hm.cells[-1].state == "today"
    by_day = {c.day: c for c in hm.cells}
    assert by_day[date(2026, 3, 29)].state == "open" and by_day[date(2026, 3, 29)].captures > 0
    assert by_day[date(2026, 3, 28)].state == "unlogged"
    assert by_day[date(2026, 10, 25)].captures == 2 * by_day[date(2026, 3, 29)].captures


def test_days_before_the_journal_began_are_not_logged(cli) -> None:
    assert cli("profile", "add", "smart-meter", "--since", "2026-01-01").exit_code == 0
    assert cli("log", "smartphone", "--at", "2026-11-10 08:00").exit_code == 0
    svc = service()
    try:
        hm = year_heatmap(svc)
    finally:
        svc.close()
    before = [c for c in hm.cells if c.day < date(2026, 11, 10)]
    assert {c.state for c in before} == {"unlogged"} and {c.level for c in before} == {None}


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colours_only_in_a_terminal_without_no_color(monkeypatch) -> None:
    from rich.text import Text

    from footprint.cli import year

    for no_color, coloured in ((None, True), ("1", False)):
        out = _Terminal()
        monkeypatch.setattr(sys, "stdout", out)
        if no_color:
            monkeypatch.setenv("NO_COLOR", no_color)
        else:
            monkeypatch.delenv("NO_COLOR", raising=False)
        monkeypatch.setenv("TERM", "xterm-256color")
        year._print(Text("░ ◆", style="bold"))
        assert ("\x1b[" in out.getvalue()) is coloured
        assert "░ ◆" in out.getvalue()
