"""``footprint log``: one confirmation line, the entry stored; bad input is one stderr line and nothing stored."""

import pytest


def test_log_prints_one_line_with_the_captures_and_stores_the_touch(cli, day_json) -> None:
    result = cli("log", "smartphone", "--at", "07:00", "--reason", "unavoidable", "--note", "alarm clock")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout.count("\n") == 1
    assert result.stdout == "Logged Smartphone ×1 at 07:00: +5 captures (estimate)\n"
    (entry,) = day_json()["entries"]
    assert entry["touchpoint"] == "smartphone"
    assert entry["at"] == "2026-11-22T07:00:00+01:00"
    assert entry["reason"] == "unavoidable" and entry["note"] == "alarm clock" and entry["source"] == "cli"


def test_several_touchpoints_by_alias_with_count_and_minutes(cli, day_json) -> None:
    result = cli("log", "CB", "Carte-Vitale", "--count", "2", "--minutes", "5")
    assert result.exit_code == 0, result.stderr
    entries = day_json()["entries"]
    assert [(e["touchpoint"], e["count"], e["minutes"]) for e in entries] == [
        ("bank-card", 2, 5.0),
        ("health-card", 2, 5.0),
    ]


@pytest.mark.parametrize(
    ("when", "day", "time"),
    [
        ("yesterday 18:00", "2026-11-21", "18:00"),
        ("hier 18h", "2026-11-21", "18:00"),
        ("avant-hier", "2026-11-20", "12:00"),
        ("-2d", "2026-11-20", "09:30"),
        ("2026-11-19T23:30", "2026-11-19", "23:30"),
    ],
)
def test_when_decides_the_day(cli, day_json, when, day, time) -> None:
    assert cli("log", "email", "--at", when).exit_code == 0
    (entry,) = day_json(day)["entries"]
    assert entry["at"].startswith(f"{day}T{time}")


def test_the_journal_timezone_decides_the_day(cli, day_json, monkeypatch) -> None:
    monkeypatch.setenv("FOOTPRINT_TZ", "America/New_York")  # 09:30 Paris = 03:30 New York, same day
    assert cli("log", "email", "--at", "2026-11-22T02:00:00+01:00").exit_code == 0  # 20:00 the day before in NY
    assert day_json("2026-11-21")["entries"][0]["at"] == "2026-11-21T20:00:00-05:00"


def _assert_refused(result, code: int, *fragments: str) -> None:
    assert result.exit_code == code
    assert result.stdout == ""
    assert result.stderr.startswith("footprint: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    for f in fragments:
        assert f in result.stderr


def test_unknown_touchpoint_suggests_and_stores_nothing(cli, day_json) -> None:
    _assert_refused(cli("log", "email", "smartfone"), 3, "unknown touchpoint 'smartfone'", "did you mean: smartphone")
    assert day_json()["entries"] == []


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("--count", "-1"), "count must be 1 or more"),
        (("--count", "0"), "count must be 1 or more"),
        (("--minutes", "-5"), "minutes must be between"),
        (("--at", "bogus"), "cannot read the date 'bogus'"),
        (("--at", "25:00"), "cannot read the date"),
        (("--at", "2027-01-01"), "is in the future"),
        (("--reason", "lazy"), "unknown reason 'lazy'"),
        (("--note", "x" * 501), "note is too long"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_stores_nothing(cli, day_json, args, fragment) -> None:
    _assert_refused(cli("log", "smartphone", *args), 2, fragment)
    assert day_json()["entries"] == []


def test_log_without_touchpoint_is_a_usage_error(cli) -> None:
    result = cli("log")
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_bad_timezone_variable(cli, monkeypatch) -> None:
    monkeypatch.setenv("FOOTPRINT_TZ", "Mars/Olympus")
    _assert_refused(cli("log", "email"), 2, "unknown timezone 'Mars/Olympus'")


def test_french_confirmation(cli) -> None:
    result = cli("--lang", "fr", "log", "cb")
    assert result.exit_code == 0
    assert result.stdout == "Noté\u00a0: Carte bancaire ×1 à 09:30, +3 captures (estimation)\n"


@pytest.mark.parametrize("when", ["-999999999d", "1969-12-31T10:00", "9999-12-31"])
def test_dates_out_of_range_are_bad_input(cli, day_json, when) -> None:
    _assert_refused(cli("log", "smartphone", "--at", when), 2, "out of range")
    assert day_json()["entries"] == []


def test_a_challenge_cannot_start_beyond_the_journal_years(cli) -> None:
    _assert_refused(cli("challenge", "start", "cash-only-day", "--at", "9999-12-31"), 2, "out of range")
