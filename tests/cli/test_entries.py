"""``list``, ``edit``, ``rm``, ``undo``: browsing and correcting the journal, and taking changes back."""

import csv
import io
import json


def _ids(cli) -> list[int]:
    return [e["id"] for e in json.loads(cli("list", "--json").stdout)]


def test_list_filters_by_days_and_touchpoint(cli) -> None:
    cli("log", "email", "--at", "-3d")
    cli("log", "cb", "--at", "-1d")
    cli("log", "email")
    everything = json.loads(cli("list", "--json").stdout)
    assert [e["day"] for e in everything] == ["2026-11-19", "2026-11-21", "2026-11-22"]
    recent = json.loads(cli("list", "--from", "-2d", "--json").stdout)
    assert [e["touchpoint"] for e in recent] == ["bank-card", "email"]
    only_email = json.loads(cli("list", "-t", "courriel", "--json").stdout)
    assert {e["touchpoint"] for e in only_email} == {"email"}
    text = cli("list").stdout
    assert "2026-11-19" in text and text.count("\n") == 3


def test_list_csv_neutralises_formulas(cli) -> None:
    cli("log", "email", "--note", '=HYPERLINK("http://x")')
    rows = list(csv.DictReader(io.StringIO(cli("list", "--csv").stdout)))
    assert rows[0]["note"].startswith("'=")
    assert rows[0]["touchpoint"] == "email"


def test_list_rejects_reversed_range(cli) -> None:
    result = cli("list", "--from", "2026-11-20", "--to", "2026-11-10")
    assert result.exit_code == 2 and "is after" in result.stderr


def test_edit_changes_fields_and_validates(cli, day_json) -> None:
    cli("log", "smartphone")
    (entry_id,) = _ids(cli)
    result = cli("edit", str(entry_id), "--count", "4", "--note", "alarm", "--reason", "unavoidable", "--at", "06:45")
    assert result.exit_code == 0, result.stderr
    (e,) = day_json()["entries"]
    assert (e["count"], e["note"], e["reason"], e["at"]) == (
        4,
        "alarm",
        "unavoidable",
        "2026-11-22T06:45:00+01:00",
    )
    bad = cli("edit", str(entry_id), "--count", "-2")
    assert bad.exit_code == 2 and "count must be 1 or more" in bad.stderr
    assert day_json()["entries"][0]["count"] == 4
    assert cli("edit", str(entry_id), "--note", "").exit_code == 0
    assert day_json()["entries"][0]["note"] is None


def test_edit_moves_an_entry_to_another_day(cli, day_json) -> None:
    cli("log", "email")
    (entry_id,) = _ids(cli)
    cli("edit", str(entry_id), "--at", "yesterday 20:00")
    assert day_json()["entries"] == [] and len(day_json("yesterday")["entries"]) == 1


def test_edit_or_rm_unknown_entry_is_not_found(cli) -> None:
    for args in (("edit", "99", "--count", "2"), ("rm", "99")):
        result = cli(*args)
        assert result.exit_code == 3 and "no entry #99" in result.stderr and result.stdout == ""


def test_rm_then_undo_brings_the_entry_back_identical(cli) -> None:
    cli("log", "cb", "--note", "market", "--reason", "chosen")
    before = json.loads(cli("list", "--json").stdout)
    assert cli("rm", str(before[0]["id"])).exit_code == 0
    assert json.loads(cli("list", "--json").stdout) == []
    result = cli("undo")
    assert result.exit_code == 0 and result.stdout == f"Undone: removing entry #{before[0]['id']}\n"
    assert json.loads(cli("list", "--json").stdout) == before


def test_undo_walks_back_through_every_kind_of_change(cli, day_json) -> None:
    cli("log", "email")
    cli("profile", "add", "linky")
    cli("close")
    entry_id = _ids(cli)[0]
    cli("edit", str(entry_id), "--count", "9")
    assert day_json()["entries"][0]["count"] == 9
    assert "editing entry #" in cli("undo").stdout
    assert day_json()["entries"][0]["count"] == 1
    assert "closing " in cli("undo").stdout and day_json()["closed"] is False
    assert "to the profile" in cli("undo").stdout and day_json()["profile"] == []
    assert "logging" in cli("undo").stdout and day_json()["entries"] == []
    assert cli("undo").stdout.strip() == "Nothing to undo."
