"""``footprint export`` and ``footprint import footprint-json``: a journal moves whole, and only once."""

import json
import stat


def _fill(cli) -> None:
    cli("profile", "add", "smartphone", "linky", "--since", "2026-11-01")
    cli("log", "smartphone", "--at", "-2d", "--reason", "unavoidable", "--note", "alarm clock")
    cli("log", "cb", "cb", "--at", "hier 12:00")  # two identical touches in one go
    cli("log", "facebook", "--minutes", "12")
    cli("close", "-2d")


def _entries(cli) -> list[dict]:
    return [{k: v for k, v in e.items() if k != "id"} for e in json.loads(cli("list", "--json").stdout)]


def test_export_then_import_into_an_empty_journal_is_identical(cli, home, monkeypatch) -> None:
    _fill(cli)
    out = home / "journal.json"
    result = cli("export", "--format", "json", "--out", str(out))
    assert result.exit_code == 0 and result.stdout == "" and str(out) in result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    original = _entries(cli)
    original_profile = cli("profile").stdout
    monkeypatch.setenv("FOOTPRINT_DB", str(home / "fresh.db"))
    result = cli("import", "footprint-json", str(out))
    assert result.exit_code == 0, result.stderr
    assert "4 touches from 2026-11-20 to 2026-11-22 — 4 new entries" in result.stdout
    assert _entries(cli) == original
    assert cli("profile").stdout == original_profile
    assert json.loads(cli("day", "-2d", "--json").stdout)["closed"] is True
    again = cli("import", "footprint-json", str(out))
    assert "0 new entries, 0 updated, nothing new" in again.stdout
    assert _entries(cli) == original


def test_import_dry_run_writes_nothing(cli, home, monkeypatch) -> None:
    _fill(cli)
    out = home / "journal.json"
    out.write_text(cli("export").stdout, encoding="utf-8")
    monkeypatch.setenv("FOOTPRINT_DB", str(home / "fresh.db"))
    result = cli("import", "footprint-json", str(out), "--dry-run")
    assert result.exit_code == 0 and "nothing was written" in result.stdout
    assert _entries(cli) == []


def test_import_undo_removes_the_import(cli, home, monkeypatch) -> None:
    _fill(cli)
    out = home / "journal.json"
    out.write_text(cli("export").stdout, encoding="utf-8")
    monkeypatch.setenv("FOOTPRINT_DB", str(home / "fresh.db"))
    cli("import", "footprint-json", str(out))
    cli("undo")  # the profile merge
    cli("undo")  # the entries
    assert _entries(cli) == []


def test_bad_records_are_reported_and_skipped_or_fail_with_strict(cli, home) -> None:
    doc = {
        "format": "footprint-journal",
        "version": 1,
        "entries": [
            {"at": "2026-11-20T08:00:00+01:00", "day": "2026-11-20", "touchpoint": "email", "count": 1},
            {"at": "not a date", "touchpoint": "email"},
            {"at": "2026-11-20T09:00:00+01:00", "touchpoint": "email", "count": -4},
            {"at": "2026-11-20T10:00:00+01:00", "touchpoint": "teleporter", "count": 1},
        ],
    }
    path = home / "partly-bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    strict = cli("import", "footprint-json", str(path), "--strict")
    assert strict.exit_code == 5 and "nothing imported" in strict.stderr
    assert _entries(cli) == []
    result = cli("import", "footprint-json", str(path))
    assert result.exit_code == 0
    assert "skipped 2 × unreadable entry (first at entries[2], entries[3])" in result.stderr
    assert "unknown touchpoint 'teleporter'" in result.stderr
    assert len(_entries(cli)) == 1


def test_unreadable_files_are_one_clear_error(cli, home) -> None:
    cases = {
        "garbage.json": b"\x00\x01 not json",
        "other.json": b'{"hello": "world"}',
        "future.json": b'{"format": "footprint-journal", "version": 99, "entries": []}',
    }
    for name, data in cases.items():
        (home / name).write_bytes(data)
        result = cli("import", "footprint-json", str(home / name))
        assert result.exit_code == 5, name
        assert result.stderr.startswith(f"footprint: {home / name}") and result.stderr.count("\n") == 1
    missing = cli("import", "footprint-json", str(home / "nope.json"))
    assert missing.exit_code == 3 and "no such file" in missing.stderr
    unknown = cli("import", "footprint-jsn", str(home / "other.json"))
    assert unknown.exit_code == 3 and "did you mean: footprint-json" in unknown.stderr


def test_csv_and_markdown_exports(cli) -> None:
    _fill(cli)
    csv_text = cli("export", "--format", "csv").stdout
    assert csv_text.splitlines()[0] == "id,at,day,touchpoint,count,minutes,note,reason,source,source_ref"
    assert len(csv_text.splitlines()) == 5
    md = cli("export", "--format", "md").stdout
    assert "## 2026-11-20 (closed)" in md and "| alarm clock |" in md
    bad = cli("export", "--format", "xml")
    assert bad.exit_code == 3 and "unknown export format 'xml'" in bad.stderr


def test_a_file_broken_half_way_leaves_the_journal_as_it_was(cli, home, monkeypatch) -> None:
    """Entries are written while the file is read; a file found truncated after thousands of entries (some
    already committed) is undone before the error is reported."""
    from footprint.store import bulk

    monkeypatch.setattr(bulk, "CHUNK", 100)  # commit early and often, as a big file would
    cli("log", "email")
    rows = ",\n".join(
        f'{{"at": "2026-11-{1 + i % 20:02d}T10:00:00+01:00", "touchpoint": "smartphone", "source_ref": "r{i}"}}'
        for i in range(1000)
    )
    broken = home / "broken.json"
    broken.write_text('{"format": "footprint-journal", "version": 2, "entries": [' + rows + ', {"at": "2026-', "utf-8")
    committed = []
    real_commit = bulk.BulkImport._commit
    monkeypatch.setattr(bulk.BulkImport, "_commit", lambda self: committed.append(self.added) or real_commit(self))
    result = cli("import", "footprint-json", str(broken))
    assert max(committed) >= 900  # entries had been committed before the break was found
    assert result.exit_code == 5 and result.stdout == ""
    assert result.stderr.startswith(f"footprint: {broken}: broken or truncated JSON") and result.stderr.count("\n") == 1
    assert [e["touchpoint"] for e in json.loads(cli("list", "--json").stdout)] == ["email"]
    assert "Email" in cli("undo").stdout  # the failed import left no step behind: undo takes the log


def test_a_version_1_export_still_imports(cli, home) -> None:
    old = home / "v1.json"
    old.write_text(
        json.dumps(
            {
                "format": "footprint-journal",
                "version": 1,
                "exported_at": "2026-11-22T09:30:00+01:00",
                "timezone": "Europe/Paris",
                "days": [{"day": "2026-11-20", "closed": True, "closed_at": "2026-11-20T23:00:00+01:00"}],
                "profile": [{"touchpoint": "smartphone", "since": "2026-11-01", "until": None, "state": None}],
                "entries": [
                    {
                        "id": 7,
                        "at": "2026-11-20T08:00:00+01:00",
                        "day": "2026-11-20",
                        "touchpoint": "smartphone",
                        "count": 2,
                        "minutes": None,
                        "note": "alarm",
                        "reason": None,
                        "source": "cli",
                        "source_ref": None,
                    }
                ],
            }
        ),  # fmt: skip
        "utf-8",
    )
    result = cli("import", "footprint-json", str(old))
    assert result.exit_code == 0, result.stderr
    assert "1 new entries" in result.stdout and result.stderr == ""
    doc = json.loads(cli("export").stdout)
    assert doc["version"] == 2 and doc["runs"] == doc["breaks"] == doc["scores"] == []
    assert [(e["touchpoint"], e["count"], e["note"]) for e in doc["entries"]] == [("smartphone", 2, "alarm")]
    assert doc["days"][0]["closed"] is True and doc["profile"][0]["touchpoint"] == "smartphone"
