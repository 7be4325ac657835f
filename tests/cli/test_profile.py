"""``footprint profile``: what a person owns or lives with, and the passive states."""


def test_empty_profile_says_how_to_start(cli) -> None:
    result = cli("profile")
    assert result.exit_code == 0 and "footprint profile add" in result.stdout


def test_add_show_remove(cli, day_json) -> None:
    assert cli("profile", "add", "portable", "ordi", "cb", "carte-vitale", "linky").exit_code == 0
    out = cli("profile").stdout
    for name in ("Smartphone", "Computer", "Bank card", "Health insurance card", "Smart electricity meter (Linky)"):
        assert name in out
    assert "since 22 Nov 2026  1 passive capture a day (daily index only)" in out
    assert cli("profile", "remove", "ordi").exit_code == 0
    assert "Computer" not in cli("profile").stdout


def test_meter_state_and_history(cli, day_json) -> None:
    cli("profile", "add", "linky", "--since", "2026-11-01")
    cli("profile", "add", "linky", "--state", "load-curve", "--since", "2026-11-15")
    assert "48 passive captures a day (half-hourly load curve)" in cli("profile").stdout
    assert day_json("2026-11-10")["footprint"]["passive"] == 1
    assert day_json("2026-11-20")["footprint"]["passive"] == 48


def test_removed_touchpoints_keep_counting_on_past_days(cli, day_json) -> None:
    cli("profile", "add", "linky", "--since", "2026-11-01")
    cli("profile", "remove", "linky", "--until", "2026-11-15")
    assert day_json("2026-11-10")["footprint"]["passive"] == 1
    assert day_json("2026-11-20")["footprint"]["passive"] == 0


def test_profile_errors(cli) -> None:
    bad_state = cli("profile", "add", "linky", "--state", "hourly")
    assert bad_state.exit_code == 2 and "no state 'hourly'" in bad_state.stderr and "load-curve" in bad_state.stderr
    no_states = cli("profile", "add", "cb", "--state", "x")
    assert no_states.exit_code == 2 and "has no states" in no_states.stderr
    missing = cli("profile", "remove", "cb")
    assert missing.exit_code == 3 and "not in the profile" in missing.stderr
    unknown = cli("profile", "add", "linkyy")
    assert unknown.exit_code == 3 and "did you mean: linky" in unknown.stderr


def test_profile_json_in_the_language(cli) -> None:
    import json

    assert cli("profile", "add", "portable", "linky", "--since", "2026-11-01").exit_code == 0
    assert cli("profile", "add", "linky", "--state", "load-curve", "--since", "2026-11-15").exit_code == 0
    result = cli("--lang", "fr", "profile", "--json")
    assert result.exit_code == 0 and result.stderr == ""
    rows = {r["id"]: r for r in json.loads(result.stdout)}
    assert list(rows) == ["smartphone", "smart-meter"]
    assert rows["smartphone"] == {
        "id": "smartphone", "label": "Smartphone", "known": True, "kind": "device", "mode": "active",
        "passive": False, "state": None, "state_label": None, "passive_per_day": None, "since": "2026-11-01",
        "collectors": ["os-vendor", "app-publishers", "mobile-operator", "ad-networks"],
    }  # fmt: skip
    meter = rows["smart-meter"]
    assert meter["label"] == "Compteur électrique communicant (Linky)" and meter["passive"] is True
    assert (meter["state"], meter["since"], meter["passive_per_day"]) == ("load-curve", "2026-11-15", 48.0)
    assert meter["state_label"].startswith("courbe de charge")
    assert "grid-operator" in meter["collectors"]


def test_profile_json_when_empty(cli) -> None:
    result = cli("profile", "--json")
    assert result.exit_code == 0 and result.stdout == "[]\n" and result.stderr == ""
