"""``footprint day``, ``close``, ``reopen``: the day's entries and footprint; closed vs not logged."""

import json


def test_day_json_has_the_documented_shape(cli, day_json) -> None:
    cli("profile", "add", "smartphone", "smart-meter", "--since", "2026-11-01")
    cli("log", "smartphone", "--count", "3")
    data = day_json()
    assert {"date", "closed", "entries", "footprint"} <= set(data) | {"date"}
    assert data["day"] == "2026-11-22" and data["closed"] is False
    entry = data["entries"][0]
    assert set(entry) >= {"id", "at", "touchpoint", "count", "minutes", "note", "reason", "source"}
    fp = data["footprint"]
    assert set(fp) >= {"active", "passive", "total", "by_touchpoint", "by_collector"}
    assert fp["passive"] == 1  # the meter's daily index
    assert fp["total"] == fp["active"] + fp["passive"]
    assert fp["by_touchpoint"]["smart-meter"]["passive"] == 1
    assert abs(sum(fp["by_collector"].values()) - fp["total"]) < 0.05
    assert fp["estimate"] is True


def test_a_day_without_touches_still_has_passive_captures(cli, day_json) -> None:
    cli("profile", "add", "linky", "--state", "load-curve", "--since", "2026-11-01")
    data = day_json("yesterday")
    assert data["entries"] == [] and data["footprint"]["passive"] == 48 and data["logged"] is False


def test_closed_empty_day_is_a_real_zero_and_unclosed_is_not_logged(cli, day_json) -> None:
    assert day_json("-3d")["logged"] is False
    result = cli("close", "-3d")
    assert result.exit_code == 0 and result.stdout == "Closed Thursday 19 November 2026: marked as fully logged.\n"
    data = day_json("-3d")
    assert data["closed"] is True and data["logged"] is True
    text = cli("day", "-3d").stdout
    assert "a real zero-touch day" in text
    assert cli("reopen", "-3d").exit_code == 0
    assert day_json("-3d")["closed"] is False
    assert "not logged yet" in cli("day", "-3d").stdout


def test_cannot_close_a_future_day(cli) -> None:
    result = cli("close", "2026-12-25")
    assert result.exit_code == 2 and "has not happened yet" in result.stderr


def test_day_text_shows_entries_footprint_and_collectors(cli) -> None:
    cli("log", "cb", "--note", "bakery")
    out = cli("day").stdout
    assert out.startswith("Sunday 22 November 2026 — open\n")
    assert "Bank card" in out and "bank-card" not in out and "“bakery”" in out
    assert "Footprint (estimate):" in out and "By collector:" in out and "your bank" in out


def test_day_in_french(cli) -> None:
    cli("log", "cb")
    out = cli("--lang", "fr", "day").stdout
    assert out.startswith("dimanche 22 novembre 2026 — journée ouverte\n")
    assert "Empreinte (estimation)" in out and "votre banque" in out


def test_bare_footprint_shows_today(cli) -> None:
    cli("log", "email")
    result = cli()
    assert result.exit_code == 0 and "Sunday 22 November 2026" in result.stdout and "Email" in result.stdout


def test_day_bad_date(cli) -> None:
    result = cli("day", "someday")
    assert result.exit_code == 2 and result.stdout == "" and "cannot read the date" in result.stderr


def test_day_json_is_pipeable(cli) -> None:
    cli("log", "email")
    json.loads(cli("day", "--json").stdout)
