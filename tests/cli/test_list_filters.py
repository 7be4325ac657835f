"""``footprint list`` narrowed: --limit, --reverse, --kind, --reason, --source, --search; bad values in one
line with exit 2 and the close names."""

import json

import pytest


def _arrange(cli) -> None:
    for args in (
        ("log", "email", "--at", "2026-11-19 08:00", "--note", "Café avec Élodie"),
        ("log", "cb", "--at", "2026-11-20 12:00", "--note", "boulangerie"),
        ("log", "facebook", "--at", "2026-11-20 21:00", "--minutes", "15"),
        ("log", "smartphone", "--at", "2026-11-21 07:00", "--reason", "unavoidable", "--note", "CAFE"),
        ("log", "email", "--at", "2026-11-22 08:00", "--reason", "forgot"),
    ):
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stderr)


def _listed(cli, *args: str) -> list[tuple[str, str]]:
    result = cli("list", *args, "--json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return [(e["day"], e["touchpoint"]) for e in json.loads(result.stdout)]


def test_limit_and_reverse(cli) -> None:
    _arrange(cli)
    assert _listed(cli, "--limit", "2") == [("2026-11-19", "email"), ("2026-11-20", "bank-card")]
    assert _listed(cli, "--reverse", "--limit", "2") == [("2026-11-22", "email"), ("2026-11-21", "smartphone")]
    assert [d for d, _ in _listed(cli, "-r")] == ["2026-11-22", "2026-11-21", "2026-11-20", "2026-11-20", "2026-11-19"]
    # Newest first within a day too, and the text listing follows the same order.
    text = cli("list", "-r", "--from", "2026-11-20", "--to", "2026-11-20").stdout.splitlines()
    assert len(text) == 2 and "21:00" in text[0] and "12:00" in text[1]


def test_kind_reason_source_search(cli) -> None:
    _arrange(cli)
    assert _listed(cli, "--kind", "social") == [("2026-11-20", "facebook")]
    assert _listed(cli, "--kind", "card") == [("2026-11-20", "bank-card")]
    assert _listed(cli, "--kind", "service", "-t", "cb") == []  # both must hold
    assert _listed(cli, "--reason", "forgot") == [("2026-11-22", "email")]
    assert len(_listed(cli, "--source", "manual")) == 5
    assert _listed(cli, "--source", "bank") == []
    # Case and accents do not matter, either way round.
    assert _listed(cli, "--search", "cafe") == [("2026-11-19", "email"), ("2026-11-21", "smartphone")]
    assert _listed(cli, "--search", "ÉLODIE") == [("2026-11-19", "email")]
    assert _listed(cli, "--search", "café", "--reason", "unavoidable", "-r") == [("2026-11-21", "smartphone")]
    assert _listed(cli, "--search", "%") == []  # no wildcard: the text is searched as typed


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--kind", "socail"), "footprint: unknown kind 'socail' (did you mean: social?); use one of device, card"),
        (("--reason", "forgotten"), "footprint: unknown reason 'forgotten' (did you mean: forgot?); use one of"),
        (("--source", "bnak"), "footprint: unknown source 'bnak' (did you mean: bank?); use one of manual,"),
        (("--limit", "0"), "footprint: --limit must be 1 or more, not 0"),
    ],
)
def test_bad_values_say_one_line(cli, args, expected) -> None:
    _arrange(cli)
    result = cli("list", *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(expected), result.stderr
    assert result.stderr.count("\n") == 1


def test_bad_kind_in_french(cli) -> None:
    result = cli("--lang", "fr", "list", "--kind", "socail")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        "footprint: type inconnu «\u00a0socail\u00a0» (vouliez-vous dire\u00a0: social\u00a0?)\u00a0; utilisez l'un de ceux-ci\u00a0: "
        "device, card, meter, service, social\n"
    )
