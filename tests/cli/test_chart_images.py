"""Charts a blogger can paste: golden SVGs (English and French), the size of an image, PNG at twice it,
and what ``--json`` says of days under way or never logged."""

import json
import os
import struct
from datetime import date, timedelta
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
FIRST = date(2026, 11, 9)  # the frozen clock's today is 2026-11-22
BREAK = (date(2026, 11, 13), date(2026, 11, 15))
UNLOGGED = (date(2026, 11, 16), date(2026, 11, 17))


@pytest.fixture
def fortnight(cli) -> None:
    """Two weeks: posts and a score every day, a closed three-day break, two days nobody logged, and today
    (22 November) under way with one post."""
    cli("profile", "add", "linky", "--since", "2026-10-01")
    day = FIRST
    while day < date(2026, 11, 22):
        if not (BREAK[0] <= day <= BREAK[1] or UNLOGGED[0] <= day <= UNLOGGED[1]):
            cli("log", "facebook", "--count", str(3 + day.day % 4), "--at", f"{day.isoformat()}T12:00")
            cli("score", "add", "klout", str(40 + day.day % 7), "--on", day.isoformat())
        if not UNLOGGED[0] <= day <= UNLOGGED[1]:
            cli("close", day.isoformat())
        day += timedelta(days=1)
    cli("log", "facebook", "--at", "2026-11-22T08:00")
    cli("break", "add", "--from", BREAK[0].isoformat(), "--to", BREAK[1].isoformat(), "--label", "offline")


def _golden(name: str, text: str) -> None:
    golden = GOLDEN / name
    if os.environ.get("FOOTPRINT_UPDATE_GOLDEN"):  # regenerate on purpose, then read the diff
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), name


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_footprint_svg_matches_the_golden_file(cli, fortnight, home, lang) -> None:
    out = home / "fp.svg"
    result = cli("--lang", lang, "chart", "footprint", "--from", FIRST.isoformat(), "--score", "klout", "--out", str(out))
    assert result.exit_code == 0 and result.stdout == "" and str(out) in result.stderr
    text = out.read_text(encoding="utf-8")
    _golden(f"chart-footprint-{lang}.svg", text)
    assert 'width="1200" height="600"' in text
    if lang == "fr":  # French dates: day first, French month names, never MM-DD
        assert "13–15 nov." in text and "22/11" not in text.split("</title>", 1)[0]
        assert "hachurée" in text and "2 jours sans rien de noté" in text
    else:
        assert "offline: 13\u2009–\u200915 Nov" in text and "today (22 Nov) is not finished yet" in text
        assert "2 days not logged" in text and "url(#hatch-1)" in text


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_touchpoints_svg_counts_touches_over_the_range(cli, fortnight, home, lang) -> None:
    out = home / "tp.svg"
    assert cli("--lang", lang, "chart", "touchpoints", "--from", FIRST.isoformat(), "--out", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    _golden(f"chart-touchpoints-{lang}.svg", text)
    assert "per day" not in text and "par jour" not in text and "captures" not in text
    total = json.loads(cli("chart", "touchpoints", "--from", FIRST.isoformat(), "--json").stdout)["rows"][0][1]
    assert f">{sum(total)}</text>" in text  # the bar is the period's total of touches
    assert ("Touches per touchpoint, total for 9\u2009–\u200922 Nov 2026" if lang == "en" else "total sur la période") in text


def test_json_marks_open_unlogged_and_closed_days(cli, fortnight) -> None:
    data = json.loads(cli("chart", "footprint", "--from", FIRST.isoformat(), "--json").stdout)
    assert data["bucket"] == "day" and data["labels"][0] == "2026-11-09" and data["today"] == "2026-11-22"
    state = dict(zip(data["labels"], data["state"], strict=True))
    assert state["2026-11-09"] == state["2026-11-14"] == "closed"
    assert state["2026-11-16"] == state["2026-11-17"] == "unlogged" and data["unlogged_days"] == 2
    assert state["2026-11-22"] == "open"
    i = data["labels"].index("2026-11-16")
    assert data["active"][i] is None and data["passive"][i] is None  # left out, not drawn as a low
    assert data["spans"][0]["first"] == "2026-11-13" and data["spans"][0]["last"] == "2026-11-15"


def test_a_week_bucket_averages_over_its_logged_days_only(cli, fortnight) -> None:
    # three weeks on a 40-column chart (14 bars at most): calendar weeks, from Monday 2 November
    data = json.loads(cli("chart", "footprint", "--from", "2026-11-02", "--width", "40", "--json").stdout)
    days = json.loads(cli("chart", "footprint", "--from", "2026-11-02", "--json").stdout)
    assert data["bucket"] == "week" and data["labels"] == ["2026-11-02", "2026-11-09", "2026-11-16"]
    assert data["state"] == ["unlogged", "closed", "open"] and data["active"][0] is None
    week = [a for a, s, d in zip(days["active"], days["state"], days["labels"], strict=True)
            if "2026-11-16" <= d <= "2026-11-21" and s != "unlogged"]
    assert len(week) == 4  # the two unlogged days are not zeros, and today is not finished
    assert data["active"][2] == pytest.approx(sum(week) / len(week), abs=0.01)


def test_terminal_chart_says_what_it_leaves_out(cli, fortnight) -> None:
    result = cli("chart", "footprint", "--from", FIRST.isoformat(), "--width", "90", "--height", "20")
    assert result.exit_code == 0 and result.stderr == ""
    text = result.stdout
    assert "· offline: 13\u2009–\u200915 Nov" in text and "▒ today (22 Nov) is not finished yet" in text
    assert "2 days not logged (no touch, not closed): left out" in text
    grid = cli("--lang", "fr", "chart", "touchpoints", "--from", FIRST.isoformat(), "--width", "60").stdout
    assert "Contacts par point de contact, 9–22 nov. 2026 — chaque colonne\u00a0: un jour" in grid
    row = next(line for line in grid.splitlines() if line.startswith("Facebook"))
    assert "··" in row  # the unlogged days are dotted, not blank like a day without a touch


def test_png_is_drawn_at_twice_the_logical_size(cli, fortnight, home) -> None:
    png, svg = home / "fp.png", home / "fp.svg"
    assert cli("chart", "footprint", "--from", FIRST.isoformat(), "--size", "800x400", "--out", str(png)).exit_code == 0
    assert struct.unpack(">II", png.read_bytes()[16:24]) == (1600, 800)
    assert cli("chart", "footprint", "--from", FIRST.isoformat(), "--size", "800×400", "--out", str(svg)).exit_code == 0
    assert 'width="800" height="400"' in svg.read_text(encoding="utf-8")


@pytest.mark.parametrize("size", ["10x10", "1200", "axb", "1200x", "5000x600", "1200x100", "0x0", "-1x600", ""])
def test_bad_sizes_are_one_line_and_exit_2(cli, home, size) -> None:
    result = cli("chart", "footprint", "--size", size, "--out", str(home / "x.svg"))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("footprint: --size is WIDTHxHEIGHT")
    assert "320 to 4000 wide and 200 to 3000 high" in result.stderr
    assert not (home / "x.svg").exists()


def test_bad_size_in_french(cli, home) -> None:
    result = cli("--lang", "fr", "chart", "touchpoints", "--size", "grand", "--out", str(home / "x.png"))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        "footprint: --size s'écrit LARGEURxHAUTEUR en pixels, de 320 à 4000 de large et de 200 à 3000 de haut, "
        "et non «\u00a0grand\u00a0»\n"
    )


def test_a_long_title_wraps_instead_of_being_cut(cli, fortnight, home) -> None:
    out = home / "narrow.svg"
    assert cli("--lang", "fr", "chart", "footprint", "--from", "2025-11-01", "--size", "320x300", "--out", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    title = text.split("<title>", 1)[1].split("</title>", 1)[0]
    shown = [t.split(">", 1)[1].split("<", 1)[0] for t in text.split('font-weight="bold"')[1:]]
    assert len(shown) > 1 and " ".join(shown) == title and "…" not in title


def test_challenge_image_says_what_its_bars_count(cli, fortnight, home) -> None:
    cli("challenge", "start", "week-without-social", "--at", "2026-11-20T09:00")
    out = home / "run.svg"
    result = cli("--lang", "fr", "chart", "challenge", "--size", "900x500", "--out", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert 'width="900"' in text and "Captures pendant l" in text
