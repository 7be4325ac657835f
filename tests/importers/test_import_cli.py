"""``footprint import``: sources, detect, --since/--until, --dry-run, and the summary (any importer)."""

import json
from pathlib import Path


def _export(cli, home):
    cli("log", "cb", "--at", "2026-11-18T10:00")
    cli("log", "email", "--at", "2026-11-20T10:00")
    cli("log", "email", "--at", "2026-11-21T10:00")
    path = home / "j.json"
    path.write_text(cli("export").stdout, encoding="utf-8")
    return path


def test_sources_and_detect(cli, home) -> None:
    assert "footprint-json" in cli("import", "sources").stdout
    path = _export(cli, home)
    assert cli("import", "detect", str(path)).stdout.strip() == "footprint-json"
    (home / "x.txt").write_text("hello", encoding="utf-8")
    unknown = cli("import", "detect", str(home / "x.txt"))
    assert unknown.exit_code == 3 and "no importer recognises it" in unknown.stderr and unknown.stdout == ""


def test_since_until_and_summary(cli, home, monkeypatch) -> None:
    path = _export(cli, home)
    monkeypatch.setenv("FOOTPRINT_DB", str(home / "fresh.db"))
    result = cli("import", "footprint-json", str(path), "--since", "2026-11-19", "--until", "2026-11-20")
    assert result.exit_code == 0, result.stderr
    assert "1 touch, on 20 Nov 2026.\n  New entries: 1;" in result.stdout
    assert "2 touches outside --since/--until were left out." in result.stdout
    assert [e["day"] for e in json.loads(cli("list", "--json").stdout)] == ["2026-11-20"]
    bad = cli("import", "footprint-json", str(path), "--since", "2026-11-21", "--until", "2026-11-19")
    assert bad.exit_code == 2 and "is after" in bad.stderr


def test_import_needs_a_path(cli) -> None:
    result = cli("import", "footprint-json")
    assert result.exit_code == 2 and result.stdout == ""


def test_generic_csv_with_a_column_mapping(cli, home) -> None:
    path = home / "diary.csv"
    path.write_text(
        "Quand;Quoi;Combien\n20/11/2026 08:00;portable;3\n21/11/2026 09:00;cb;1\n22/11/2026;nothing;1\n",
        encoding="utf-8",
    )
    result = cli(
        "import", "csv", str(path), "--columns", "date=Quand,touchpoint=Quoi,count=Combien,delimiter=semicolon"
    )
    assert result.exit_code == 0, result.stderr
    assert "4 touches, from 20 Nov 2026 to 21 Nov 2026.\n  New entries: 2;" in result.stdout
    assert "unknown touchpoint" in result.stderr or "nothing" in result.stderr
    rows = {(e["day"], e["touchpoint"], e["count"]) for e in json.loads(cli("list", "--json").stdout)}
    assert rows == {("2026-11-20", "smartphone", 3), ("2026-11-21", "bank-card", 1)}
    only = cli("import", "csv", str(path), "--touchpoint", "email", "--columns", "date=Quand,delimiter=semicolon")
    assert only.exit_code == 0, only.stderr
    wrong = cli("import", "footprint-json", str(path), "--columns", "date=Quand")
    assert wrong.exit_code == 2 and "generic CSV" in wrong.stderr


def test_a_daily_index_download_does_not_turn_the_load_curve_off(cli, home) -> None:
    cli("profile", "add", "linky", "--state", "load-curve", "--since", "2024-01-01")
    daily = next((Path(__file__).resolve().parents[1] / "fixtures" / "enedis").glob("Enedis_Conso_Jour_*.csv"))
    assert cli("import", "enedis", str(daily)).exit_code == 0
    assert "48 passive captures a day" in cli("profile").stdout
