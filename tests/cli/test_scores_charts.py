"""Scores, breaks, charts and the demo journal, through the CLI."""

import json
import os
import struct
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parents[1] / "golden"


def test_score_add_list_rm_undo(cli) -> None:
    assert cli("score", "add", "klout", "42,5", "--on", "2026-11-20").exit_code == 0
    assert cli("score", "add", "followers:twitter", "1 204").exit_code == 0
    rows = json.loads(cli("score", "list", "--json").stdout)
    assert [(r["metric"], r["day"], r["value"]) for r in rows] == [
        ("followers:twitter", "2026-11-22", 1204.0),
        ("klout", "2026-11-20", 42.5),
    ]
    assert cli("score", "add", "klout", "44", "--on", "2026-11-20").exit_code == 0  # replaces
    assert json.loads(cli("score", "list", "-m", "klout", "--json").stdout)[0]["value"] == 44.0
    cli("undo")
    assert json.loads(cli("score", "list", "-m", "klout", "--json").stdout)[0]["value"] == 42.5
    assert cli("score", "rm", "klout", "2026-11-20").exit_code == 0
    assert json.loads(cli("score", "list", "-m", "klout", "--json").stdout) == []


@pytest.mark.parametrize(
    ("args", "code", "fragment"),
    [
        (("score", "add", "klout", "lots"), 2, "not a number"),
        (("score", "add", "Klout Score!", "3"), 2, "metric name"),
        (("score", "add", "activity", "3"), 2, "computed from your journal"),
        (("score", "add", "klout", "3", "--on", "2027-01-01"), 2, "has not happened yet"),
        (("score", "rm", "klout", "2026-11-01"), 3, "no klout value"),
        (("score", "import", "nope.csv"), 3, "no such file"),
    ],
)
def test_score_errors(cli, args, code, fragment) -> None:
    result = cli(*args)
    assert result.exit_code == code and result.stdout == "" and fragment in result.stderr


def test_score_import_names_bad_rows_by_line(cli, home) -> None:
    path = home / "klout.csv"
    path.write_text(
        "date;metric;value\n20/11/2026;klout;42,5\n2026-11-21;klout;43\nyesterday;klout;1\n2026-11-21;klout;abc\n"
        "2026-11-21;klout\n2026-11-19;followers:x;1 200\n",
        encoding="utf-8",
    )
    result = cli("score", "import", str(path))
    assert result.exit_code == 0
    assert result.stdout == "Imported 3 values. 3 bad rows skipped.\n"
    assert f"{path}: line 4: not a date" in result.stderr
    assert "line 5: not a number" in result.stderr and "line 6: expected 3 columns" in result.stderr
    values = {(r["metric"], r["day"]): r["value"] for r in json.loads(cli("score", "list", "--json").stdout)}
    assert values == {
        ("followers:x", "2026-11-19"): 1200.0,
        ("klout", "2026-11-20"): 42.5,
        ("klout", "2026-11-21"): 43.0,
    }
    strict = cli("score", "import", str(path), "--strict")
    assert strict.exit_code == 5 and "line 4" in strict.stderr


def test_explain_the_computed_score(cli) -> None:
    assert "half-life of 7 days" in cli("score", "explain").stdout
    assert "décroît de moitié en 7 jours" in cli("--lang", "fr", "score", "explain").stdout


@pytest.fixture
def break_journal(cli, monkeypatch):
    """Six weeks of daily social posts, three weeks off in the middle, a meter in the profile."""
    cli("profile", "add", "linky", "--since", "2026-09-01")
    for day in range(1, 43):
        d = date(2026, 10, 1) + timedelta(days=day - 1)
        if not 15 <= day <= 35:
            cli("log", "facebook", "--count", "5", "--at", f"{d.isoformat()}T12:00")
        cli("score", "add", "klout", str(50 if not 15 <= day <= 35 else 50 - (day - 14)), "--on", d.isoformat())
        cli("close", d.isoformat())  # a closed day without touches is a real zero, not an unlogged day
    cli("break", "add", "--from", "2026-10-15", "--to", "2026-11-04", "--label", "summer", "--scope", "social")


def test_break_effect_numbers(cli, break_journal) -> None:
    listed = json.loads(cli("break", "list", "--json").stdout)
    assert listed == [
        {"id": "1", "first": "2026-10-15", "last": "2026-11-04", "label": "summer", "scope": ["social"], "days": 21}
    ]
    e = json.loads(cli("break", "effect", "1", "--json").stdout)
    klout = next(s for s in e["scores"] if s["metric"] == "klout")
    assert (klout["before"], klout["lowest"], klout["lowest_on"]) == (50, 29, "2026-11-04")
    assert klout["recovered_on"] == "2026-11-05" and klout["days_to_recover"] == 1
    activity = next(s for s in e["scores"] if s["metric"] == "activity")
    assert activity["lowest"] < activity["before"] / 2 and activity["estimate"] is True
    caps = e["captures"]
    assert caps["during"]["active"] == 0 and caps["before"]["active"] > 0
    assert caps["before"]["passive"] == caps["during"]["passive"] == caps["after"]["passive"] == 1
    text = cli("break", "effect", "1").stdout
    assert "back after 1 day\n" in text and "Passive captures do not stop" in text


def test_break_errors(cli) -> None:
    assert cli("break", "add", "--from", "2026-11-10", "--to", "2026-11-01").exit_code == 2
    assert cli("break", "add", "--from", "-3d", "--to", "-1d", "--scope", "socal").exit_code == 3
    assert cli("break", "rm", "9").exit_code == 3
    assert cli("break", "effect", "r9").exit_code == 3


def test_footprint_chart_series_and_aggregation(cli, break_journal) -> None:
    data = json.loads(
        cli(
            "chart",
            "footprint",
            "--from",
            "2026-10-01",
            "--to",
            "2026-11-11",
            "--score",
            "klout",
            "--width",
            "40",
            "--json",
        ).stdout
    )
    # 42 days on a 40-column chart: (40 - 12) // 2 = 14 bars at most, so calendar weeks (from Monday)
    assert data["bucket"] == "week" and len(data["labels"]) == 7
    assert data["labels"][:3] == ["2026-10-01", "2026-10-05", "2026-10-12"]  # the first week is cut to the range
    per_use = json.loads(cli("catalog", "show", "facebook", "--json").stdout)["captures_per_use"]["value"]
    assert data["active"][0] == 5 * per_use  # a daily average: 5 posts a day
    assert data["passive"] == [1.0] * 7
    assert data["score"][0] == 50.0
    assert data["state"] == ["closed"] * 7 and data["unlogged_days"] == 0
    # the break's own days, not the first day of the week it starts in
    assert data["spans"] == [
        {"label": "summer", "first": "2026-10-15", "last": "2026-11-04", "from_bucket": 2, "to_bucket": 5}
    ]


def test_footprint_chart_in_the_terminal_matches_the_golden_file(cli, break_journal) -> None:
    result = cli(
        "chart",
        "footprint",
        "--from",
        "2026-10-01",
        "--to",
        "2026-11-11",
        "--score",
        "klout",
        "--width",
        "80",
        "--height",
        "16",
    )
    assert result.exit_code == 0
    from footprint.charts import FootprintSeries, footprint_chart

    data = json.loads(
        cli(
            "chart",
            "footprint",
            "--from",
            "2026-10-01",
            "--to",
            "2026-11-11",
            "--score",
            "klout",
            "--width",
            "80",
            "--json",
        ).stdout
    )
    series = FootprintSeries.from_json(data)
    text = footprint_chart(series, 80, 16, color=False)
    golden = GOLDEN / "chart-footprint.txt"
    if os.environ.get("FOOTPRINT_UPDATE_GOLDEN"):  # regenerate on purpose, then read the diff
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
    assert "· summer: 15 Oct\u2009–\u20094 Nov" in text and "• klout, right axis" in text


def test_touchpoints_and_challenge_charts(cli, break_journal) -> None:
    grid = cli("chart", "touchpoints", "--from", "2026-10-10", "--to", "2026-10-20", "--width", "60").stdout
    row = next(line for line in grid.splitlines() if line.startswith("Facebook"))
    assert row.split(" ", 1)[1].strip() == "█████"  # five days with posts, then the break
    cli("challenge", "start", "week-without-social", "--at", "2026-11-12T09:00")
    chart = cli("chart", "challenge", "--width", "70").stdout
    assert "during the run" in chart and "Facebook" not in chart.splitlines()[1]


def test_images_are_valid_svg_and_png(cli, break_journal, home) -> None:
    svg, png = home / "fp.svg", home / "fp.png"
    assert cli("chart", "footprint", "--from", "42d", "--score", "activity", "--out", str(svg)).exit_code == 0
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg") and "summer" in svg.read_text()
    assert cli("chart", "footprint", "--from", "42d", "--out", str(png)).exit_code == 0
    header = png.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    assert width > 300 and height > 200
    bad = cli("chart", "footprint", "--out", str(home / "fp.gif"))
    assert bad.exit_code == 2 and ".svg or .png" in bad.stderr


def test_demo_is_deterministic_and_tells_the_seed_stories(cli, home) -> None:
    first = cli("demo", "--db", str(home / "a.db"), "--days", "120", "--seed", "7")
    assert first.exit_code == 0, first.stderr
    cli("demo", "--db", str(home / "b.db"), "--days", "120", "--seed", "7")
    a = cli("--db", str(home / "a.db"), "export", "--format", "csv").stdout
    b = cli("--db", str(home / "b.db"), "export", "--format", "csv").stdout
    assert a == b and a.count("\n") > 500
    v = json.loads(cli("--db", str(home / "a.db"), "challenge", "verdict", "--json").stdout)
    assert v["challenge"] == "day-without-big-data" and v["unavoidable"][0]["touchpoint"] == "smart-meter"
    effect = json.loads(cli("--db", str(home / "a.db"), "break", "effect", "1", "--json").stdout)
    klout = next(s for s in effect["scores"] if s["metric"] == "klout")
    assert klout["lowest"] < klout["before"] - 5 and klout["recovered_on"] is not None
    again = cli("demo", "--db", str(home / "a.db"))
    assert again.exit_code == 2 and "already holds a journal" in again.stderr


def test_chart_span_too_far_back_is_bad_input(cli) -> None:
    result = cli("chart", "footprint", "--from", "99999y")
    assert result.exit_code == 2 and result.stdout == "" and "too far" in result.stderr
