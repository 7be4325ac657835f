"""``footprint catalog``: browsing, and a broken user catalog file."""

import json


def test_catalog_lists_and_searches_in_both_languages(cli) -> None:
    out = cli("catalog").stdout
    assert "smart-meter" in out and out.count("\n") >= 30
    assert "Compteur" in cli("--lang", "fr", "catalog", "--search", "linky").stdout
    socials = json.loads(cli("catalog", "--kind", "social", "--json").stdout)
    assert {"facebook", "instagram", "twitter", "linkedin"} <= {tp["id"] for tp in socials}


def test_catalog_show_gives_each_estimate_and_its_reason(cli) -> None:
    out = cli("catalog", "show", "cb").stdout
    assert out.startswith("Bank card — card, active: captures when used\n  Id: bank-card\n")
    assert "per use (estimate):" in out and "Alternatives:" in out
    data = json.loads(cli("catalog", "show", "linky", "--json").stdout)
    assert data["passive_per_day"]["estimate"] is True and data["passive_per_day"]["why"]
    assert [s["id"] for s in data["states"]] == ["daily-index", "load-curve"]


def test_user_touchpoints_are_added(cli, home) -> None:
    folder = home / "config" / "touchpoints"
    folder.mkdir(parents=True)
    (folder / "garden.toml").write_text(
        '[collectors]\nvendor = { en = "the vendor", fr = "le fabricant" }\n\n[[touchpoint]]\nid = "garden-sensor"\n'
        'label = { en = "Garden sensor", fr = "Capteur de jardin" }\nkind = "device"\nmode = "passive"\n'
        'consent = "opt-in"\ncollectors = ["vendor"]\ncaptures_per_use = 0\n'
        'captures_per_use_why = "Not used by hand."\n'
        'passive_per_day = 24\npassive_per_day_why = "One reading an hour."\naliases = ["jardin"]\n',
        encoding="utf-8",
    )
    assert cli("profile", "add", "jardin", "--since", "-1d").exit_code == 0
    assert json.loads(cli("day", "--json").stdout)["footprint"]["passive"] == 24


def test_broken_user_catalog_names_file_entry_and_field(cli, home) -> None:
    folder = home / "config" / "touchpoints"
    folder.mkdir(parents=True)
    (folder / "bad.toml").write_text(
        '[[touchpoint]]\nid = "thing"\nlabel = { en = "Thing", fr = "Truc" }\nkind = "device"\nmode = "active"\n'
        'consent = "whatever"\ncollectors = ["bank"]\ncaptures_per_use = 1\ncaptures_per_use_why = "x"\n',
        encoding="utf-8",
    )
    result = cli("log", "email")
    assert result.exit_code == 5 and result.stdout == ""
    assert "bad.toml: touchpoint 'thing', field 'consent'" in result.stderr
    assert result.stderr.count("\n") == 1
