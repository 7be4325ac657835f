"""The one gate of services/imports.py: an imported record the command line would refuse (NaN, infinities,
huge counts, dates outside 1970–2100, a day that contradicts its time, a 2 MB note, an unknown source or
reason) becomes a reported issue, counted like any bad record; --strict refuses the file; nothing poisoned
is stored, and the journal's views and exports stay valid JSON."""

import json
from pathlib import Path

import pytest
from importer_support import journal_entries

GOOD = {
    "at": "2026-11-21T08:00:00+01:00",
    "day": "2026-11-21",
    "touchpoint": "smartphone",
    "count": 1,
    "minutes": None,
    "note": None,
    "reason": None,
    "source": "cli",
    "source_ref": None,
}
SECRET = "my very private diary line "

POISONS = {
    "minutes Infinity": ({"minutes": float("inf")}, "minutes out of range"),
    "minutes NaN": ({"minutes": float("nan")}, "minutes out of range"),
    "minutes 1e400": ({"minutes": "1e400"}, "minutes out of range"),  # written as a bare number below
    "minutes 1e308": ({"minutes": 1e308, "source": "import:activitywatch"}, "minutes out of range"),
    "count 2**70": ({"count": 2**70}, "count out of range"),
    "count 2**62": ({"count": 2**62, "source": "import:google-takeout"}, "count out of range"),
    "year 1": ({"at": "0001-01-02T08:00:00+00:00", "day": "0001-01-02"}, "date outside 1970–2100"),
    "year 9999": ({"at": "9999-12-31T23:00:00-05:00", "day": "9999-12-31"}, "date outside 1970–2100"),
    "2 MB note": ({"note": SECRET * 80_000}, "note over 500 characters"),
    "unknown source": ({"source": "evil-tool"}, "unknown source"),
    "unknown import source": ({"source": "import:nowhere"}, "unknown source"),
    "contradicting day": ({"day": "2025-03-02"}, "day that contradicts its time"),
    "typed count too big": ({"count": 500_000}, "typed touch out of range"),
}


def export_file(path: Path, *entries: dict) -> Path:
    """A footprint-json export holding ``entries`` (each GOOD with changes); "1e400" is written bare."""
    doc = {"format": "footprint-journal", "version": 1, "timezone": "Europe/Paris", "days": [], "profile": []}
    doc["entries"] = [{**GOOD, **e} for e in entries]
    text = json.dumps(doc).replace('"1e400"', "1e400")
    path.write_text(text, encoding="utf-8")
    return path


def valid_json(text: str):
    def refuse(name: str) -> None:
        raise AssertionError(f"invalid JSON constant {name}")

    return json.loads(text, parse_constant=refuse)


@pytest.mark.parametrize("name", list(POISONS))
def test_each_poisoned_record_is_a_reported_issue_and_the_rest_imports(cli, home, name) -> None:
    changes, kind = POISONS[name]
    path = export_file(home / "j.json", {"at": "2026-11-20T09:00:00+01:00", "day": "2026-11-20"}, changes)
    result = cli("import", "footprint-json", str(path))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"footprint: skipped 1 record: {kind} (first at ")
    assert result.stderr.count("\n") == 1 and len(result.stderr) < 200 and SECRET not in result.stderr
    assert "1 touch, on 20 Nov 2026.\n  New entries: 1;" in result.stdout
    assert [(e["day"], e["count"], e["minutes"]) for e in journal_entries(cli)] == [("2026-11-20", 1, None)]


@pytest.mark.parametrize("name", list(POISONS))
def test_strict_refuses_a_file_with_a_poisoned_record(cli, home, name) -> None:
    changes, kind = POISONS[name]
    path = export_file(home / "j.json", {"day": "2026-11-21"}, changes)
    result = cli("import", "footprint-json", str(path), "--strict")
    assert result.exit_code == 5 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and SECRET not in result.stderr
    assert f"1 × {kind}" in result.stderr and "--strict: nothing imported" in result.stderr
    assert journal_entries(cli) == []


def test_every_poison_at_once_is_counted_by_kind_and_nothing_poisoned_is_stored(cli, home) -> None:
    path = export_file(home / "j.json", GOOD, *(changes for changes, _ in POISONS.values()))
    result = cli("import", "footprint-json", str(path))
    assert result.exit_code == 0, result.stderr
    kinds = {kind for _, kind in POISONS.values()}
    reported = [line.split("record: ", 1)[-1].split("records: ", 1)[-1].split(" (first at")[0] for line in result.stderr.splitlines()]
    assert sorted(reported) == sorted(kinds)
    day = cli("day", "2026-11-21", "--json")
    assert day.exit_code == 0, day.stderr
    assert valid_json(day.stdout)["footprint"]["total"] == 5
    export = cli("export", "--format", "json")
    assert export.exit_code == 0, export.stderr
    assert [e["day"] for e in valid_json(export.stdout)["entries"]] == ["2026-11-21"]


def test_a_refused_year_one_entry_leaves_chart_all_on_the_journals_own_years(cli, home) -> None:
    path = export_file(home / "j.json", GOOD, *(POISONS[n][0] for n in ("year 1", "year 9999")))
    assert cli("import", "footprint-json", str(path)).exit_code == 0
    chart = cli("chart", "footprint", "--from", "all", "--json")
    assert chart.exit_code == 0, chart.stderr
    assert "0001-" not in chart.stdout and "9999-" not in chart.stdout


def test_a_day_one_off_its_time_is_an_aggregate_from_another_zone_and_imports(cli, home) -> None:
    utc = {"at": "2026-11-20T23:30:00+00:00", "day": "2026-11-21", "source": "import:twitter", "source_ref": "t:1"}
    path = export_file(home / "j.json", utc)
    result = cli("import", "footprint-json", str(path), "--strict")
    assert result.exit_code == 0, result.stderr
    assert [e["day"] for e in journal_entries(cli)] == ["2026-11-21"]


def test_the_demo_journal_goes_through_the_gate_whole(cli, home, monkeypatch) -> None:
    """The bounds leave real journals alone: a year of the demo's touches, exported, imports strictly."""
    demo = cli("demo", "--db", str(home / "demo.db"))
    assert demo.exit_code == 0, demo.stderr
    export = cli("--db", str(home / "demo.db"), "export", "--format", "json")
    path = home / "demo.json"
    path.write_text(export.stdout, encoding="utf-8")
    result = cli("import", "footprint-json", str(path), "--strict")
    assert result.exit_code == 0, result.stderr
    assert len(journal_entries(cli)) == len(valid_json(export.stdout)["entries"])


def test_a_csv_with_poisoned_numbers_and_dates_keeps_the_good_rows(cli, home) -> None:
    path = home / "diary.csv"
    path.write_text(
        "date,touchpoint,count,minutes\n2026-11-20,smartphone,1e30,\n2026-11-20,smartphone,1,1e308\n"
        "0001-01-01,smartphone,1,\n2026-11-20,smartphone,2,30\n",
        encoding="utf-8",
    )
    strict = cli("import", "csv", str(path), "--strict")
    assert strict.exit_code == 5 and journal_entries(cli) == []
    result = cli("import", "csv", str(path))
    assert result.exit_code == 0, result.stderr
    # year 1 is refused by the CSV reader itself (a date it cannot place), the rest by the gate
    assert {"count out of range", "minutes out of range", "unreadable date"} == {
        line.split("record: ", 1)[-1].split("records: ", 1)[-1].split(" (first at")[0] for line in result.stderr.splitlines()
    }
    assert [(e["count"], e["minutes"]) for e in journal_entries(cli)] == [(2, 30.0)]
