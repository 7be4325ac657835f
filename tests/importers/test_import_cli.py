"""``footprint import``: sources, detect, --since/--until, --dry-run, and the summary (any importer)."""

import json


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
    assert "1 touches from 2026-11-20 to 2026-11-20 — 1 new entries" in result.stdout
    assert "2 touches outside --since/--until left out" in result.stdout
    assert [e["day"] for e in json.loads(cli("list", "--json").stdout)] == ["2026-11-20"]
    bad = cli("import", "footprint-json", str(path), "--since", "2026-11-21", "--until", "2026-11-19")
    assert bad.exit_code == 2 and "is after" in bad.stderr


def test_import_needs_a_path(cli) -> None:
    result = cli("import", "footprint-json")
    assert result.exit_code == 2 and result.stdout == ""
