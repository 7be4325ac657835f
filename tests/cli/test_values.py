"""NaN, infinities, huge numbers and impossible dates are refused at every door of the command line: log,
edit, scores, the user's catalog and challenge cards. Each refusal is one stderr line and nothing is stored."""

import json

import pytest

from card_support import card

POISON_COUNTS = ["0", "100000", str(2**70), "99999999999999999999999999999999"]
POISON_MINUTES = ["nan", "inf", "-inf", "1e400", "1e308", "-1", "1441", "NaN", "infinity"]


def refused(result, fragment: str = "") -> None:
    """Exit 2, one stderr line starting ``footprint: `` (containing ``fragment``), nothing on stdout."""
    assert result.exit_code == 2, (result.exit_code, result.stderr)
    assert result.stdout == ""
    assert result.stderr.startswith("footprint: ") and result.stderr.count("\n") == 1
    assert fragment in result.stderr
    assert len(result.stderr) < 200


def entries(cli) -> list[dict]:
    result = cli("list", "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout, parse_constant=_no_constant)


def _no_constant(name: str) -> None:
    raise AssertionError(f"invalid JSON: {name}")


@pytest.mark.parametrize("count", POISON_COUNTS)
def test_log_refuses_a_count_out_of_range(cli, count) -> None:
    # past 64 bits the command line itself refuses the number; below, the journal's bounds do
    refused(cli("log", "smartphone", "--count", count), "the count must be" if len(count) < 19 else "too large")
    assert entries(cli) == []


@pytest.mark.parametrize("minutes", POISON_MINUTES)
def test_log_refuses_minutes_that_are_not_a_number_of_a_day(cli, minutes) -> None:
    refused(cli("log", "smartphone", "--minutes", minutes), "minutes must be between 0 and 1440")
    assert entries(cli) == []


def test_log_accepts_the_largest_typed_values(cli) -> None:
    result = cli("log", "smartphone", "--count", "86400", "--minutes", "1440")
    assert result.exit_code == 0, result.stderr
    assert [(e["count"], e["minutes"]) for e in entries(cli)] == [(86400, 1440.0)]


@pytest.mark.parametrize(
    ("option", "value", "fragment"),
    [
        ("--count", str(2**70), "too large"),
        ("--count", str(2**40), "the count must be"),
        ("--count", "86401", "at most 86400"),
    ]
    + [("--minutes", m, "minutes must be") for m in ("nan", "inf", "1e400")]
    + [("--at", "0001-01-01", "out of range"), ("--at", "9999-12-31", "out of range")],
)
def test_edit_refuses_poisoned_values_and_keeps_the_entry(cli, option, value, fragment) -> None:
    cli("log", "smartphone", "--minutes", "12", "--at", "08:00")
    before = entries(cli)
    refused(cli("edit", "1", option, value), fragment)
    assert entries(cli) == before


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e400", "1e308", "-1e16", "Infinity"])
def test_score_add_refuses_values_that_are_not_a_finite_score(cli, value) -> None:
    refused(cli("score", "add", "klout", "--", value))  # "--": "-inf" is a value, not an option
    assert json.loads(cli("score", "list", "--json").stdout) == []


def test_score_import_names_poisoned_rows_and_strict_refuses_the_file(cli, home) -> None:
    path = home / "scores.csv"
    path.write_text(
        "date,metric,value\n2026-11-20,klout,42\n2026-11-20,followers,nan\n2026-11-20,views,inf\n"
        "2026-11-20,reach,1e400\n0001-01-01,klout,3\n9999-12-31,klout,3\n",
        encoding="utf-8",
    )
    strict = cli("score", "import", str(path), "--strict")
    assert strict.exit_code == 5 and strict.stdout == "" and strict.stderr.count("\n") == 1
    assert "line 3: score out of range" in strict.stderr and "--strict: nothing imported" in strict.stderr
    assert json.loads(cli("score", "list", "--json").stdout) == []
    result = cli("score", "import", str(path))
    assert result.exit_code == 0, result.stderr
    assert "Imported 1 values (5 bad rows skipped)" in result.stdout
    lines = result.stderr.splitlines()
    assert [line.split(": line ")[1].split(":")[0] for line in lines] == ["3", "4", "5", "6", "7"]
    assert "0001-01-01 is out of range" in lines[3] and "9999-12-31 is out of range" in lines[4]
    values = json.loads(cli("score", "list", "--json").stdout, parse_constant=_no_constant)
    assert [(v["metric"], v["value"]) for v in values] == [("klout", 42.0)]


CATALOG = (
    '[collectors]\nvendor = {{ en = "the vendor", fr = "le fabricant" }}\n\n[[touchpoint]]\nid = "garden-sensor"\n'
    'label = {{ en = "Garden sensor", fr = "Capteur de jardin" }}\nkind = "device"\nmode = "{mode}"\n'
    'consent = "opt-in"\ncollectors = ["vendor"]\n{field} = {value}\n{field}_why = "A reason."\n{rest}'
)


@pytest.mark.parametrize("value", ["inf", "nan", "+inf", "-inf", "1e308", "1e400", "1_000_001"])
@pytest.mark.parametrize("field", ["captures_per_use", "captures_per_minute", "passive_per_day"])
def test_a_user_catalog_with_absurd_estimates_names_file_entry_and_field(cli, home, field, value) -> None:
    folder = home / "config" / "touchpoints"
    folder.mkdir(parents=True)
    mode = "passive" if field == "passive_per_day" else "active"
    rest = "" if field == "captures_per_use" else 'captures_per_use = 0\ncaptures_per_use_why = "By hand."\n'
    (folder / "garden.toml").write_text(CATALOG.format(mode=mode, field=field, value=value, rest=rest), "utf-8")
    result = cli("log", "email")
    assert result.exit_code == 5 and result.stdout == "" and result.stderr.count("\n") == 1
    assert f"garden.toml: touchpoint 'garden-sensor', field '{field}': expected a number" in result.stderr
    assert "up to 1,000,000" in result.stderr
    assert cli("day").exit_code == 5  # nothing that reads the catalog goes on with a broken one


def test_a_user_catalog_at_the_bound_is_read(cli, home) -> None:
    folder = home / "config" / "touchpoints"
    folder.mkdir(parents=True)
    text = CATALOG.format(mode="active", field="captures_per_use", value="1_000_000", rest="")
    (folder / "garden.toml").write_text(text, "utf-8")
    assert cli("log", "garden-sensor").exit_code == 0
    assert json.loads(cli("day", "--json").stdout)["footprint"]["active"] == 1_000_000


def _captures(**changes) -> dict:
    return {"run": 57.0, "baseline": 412.5, "baseline_days": 1, "baseline_wanted": 1, **changes}


POISONED_CARDS = {
    "huge-run": ({"captures": _captures(run=1e308)}, "key 'captures.run'"),
    "huge-run-2": ({"captures": _captures(run=1.5e308)}, "key 'captures.run'"),  # with the first: sum is inf
    "inf-run": ({"captures": _captures(run=float("inf"))}, "key 'captures.run'"),
    "nan-baseline": ({"captures": _captures(baseline=float("nan"))}, "key 'captures.baseline'"),
    "huge-baseline-days": ({"captures": _captures(baseline_days=2**70)}, "key 'captures.baseline_days'"),
    "huge-touched": ({"touched": {"smartphone": 2**70}}, "key 'touched'"),
    "huge-hours": ({"hours": 1e300}, "key 'hours'"),
    "year-1": ({"started_on": "0001-01-01"}, "key 'started_on'"),
    "year-1-start": ({"start": "0001-01-01T00:00:00+05:00", "end": "0001-01-02T00:00:00+05:00"}, "key 'start'"),
}


def test_cards_with_overflowing_values_are_named_and_skipped(cli, tmp_path) -> None:
    folder = tmp_path / "cards"
    folder.mkdir()
    for i in range(1, 3):
        (folder / f"good-{i}.json").write_text(json.dumps(card(i)), encoding="utf-8")
    for i, (name, (changes, _)) in enumerate(POISONED_CARDS.items(), start=10):
        (folder / f"{name}.json").write_text(json.dumps(card(i, **changes)), encoding="utf-8")
    (folder / "digits.json").write_text(json.dumps(card(99)).replace("57.0", "1e400"), encoding="utf-8")
    result = cli("group", "summarize", str(folder), "--format", "json")
    assert result.exit_code == 0, result.stderr
    skipped = dict(line.split(": skipped: ") for line in result.stderr.splitlines())
    assert len(skipped) == len(POISONED_CARDS) + 1
    for name, (_, key) in POISONED_CARDS.items():
        assert skipped[f"footprint: {folder / name}.json"].startswith(key)
    assert skipped[f"footprint: {folder / 'digits.json'}"].startswith("key 'captures.run'")
    summary = json.loads(result.stdout, parse_constant=_no_constant)
    assert summary["participants"] == 2


def test_strict_refuses_a_card_with_an_overflowing_value(cli, tmp_path) -> None:
    path = tmp_path / "card.json"
    path.write_text(json.dumps(card(1, captures=_captures(run=1e308))), encoding="utf-8")
    result = cli("group", "summarize", str(path), "--strict")
    assert result.exit_code == 5 and result.stdout == "" and result.stderr.count("\n") == 1
    assert "key 'captures.run': expected a number, 0 or more" in result.stderr
