"""Imported touches are shown in the journal's zone (``list --json``, ``day``, exports), for every source, and
migration 006 puts right a journal an older footprint filled with touches in UTC.

``tests/fixtures/journals/v5-imports-in-utc.db`` was written by footprint before this fix (schema 5), in
Europe/Paris: a daily index from Enedis (named with its PRM), Google Takeout's JSON fixture, and one typed
touch (``log smartphone --at "2026-11-20 08:10"``). Google's touch at 2026-11-19T23:30Z was stored on the
day 2026-11-20 with the offset +00:00, so ``day 2026-11-20`` listed it at 23:30, before 07:41.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from importer_support import journal_entries

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
OLD_JOURNAL = FIXTURES / "journals" / "v5-imports-in-utc.db"
PARIS = ZoneInfo("Europe/Paris")


def _in_paris(entries: list[dict]) -> None:
    """Every entry's time is its instant in Paris, and falls on its day."""
    for e in entries:
        at = datetime.fromisoformat(e["at"])
        assert at.utcoffset() == at.astimezone(PARIS).utcoffset(), e
        assert at.date().isoformat() == e["day"], e


def test_imported_touches_are_shown_in_the_journals_zone(cli) -> None:
    result = cli("import", "google-takeout", str(FIXTURES / "google-takeout" / "json"))
    assert result.exit_code == 0, result.stderr
    entries = journal_entries(cli)
    _in_paris(entries)
    late = next(e for e in entries if e["source_ref"] == "Image Search:2026-11-20:web-search")
    assert late["at"] == "2026-11-20T00:30:00+01:00"
    day = cli("day", "2026-11-20")
    assert day.exit_code == 0 and day.stderr == ""
    times = [line.split()[1] for line in day.stdout.splitlines() if line.strip().startswith("#")]
    assert times == ["00:30", "08:41"], day.stdout
    csv = cli("list", "--csv")
    assert "2026-11-20T00:30:00+01:00" in csv.stdout and "+00:00" not in csv.stdout


def test_every_importer_source_lands_in_the_zone(cli) -> None:
    for source, path in [
        ("enedis", FIXTURES / "enedis"),
        ("bank", FIXTURES / "bank" / "statement-2024-03.ofx"),
        ("twitter", FIXTURES / "twitter" / "archive"),
        ("linkedin", FIXTURES / "linkedin" / "Basic_LinkedInDataExport_03-05-2024"),
        ("activitywatch", FIXTURES / "activitywatch" / "aw-buckets-export.json"),
    ]:
        result = cli("import", source, str(path))
        assert result.exit_code == 0, (source, result.stderr)
    entries = journal_entries(cli)
    assert {e["source"] for e in entries} >= {"import:enedis", "import:bank", "import:twitter"}
    _in_paris(entries)


def test_migration_006_fixes_a_journal_written_by_the_old_code(cli, db_path: Path) -> None:
    shutil.copy(OLD_JOURNAL, db_path)
    before = sqlite3.connect(OLD_JOURNAL).execute("SELECT id, ts, day FROM entries ORDER BY id").fetchall()
    entries = journal_entries(cli)
    _in_paris(entries)
    assert sorted((e["id"], int(datetime.fromisoformat(e["at"]).timestamp()), e["day"]) for e in entries) == before
    typed = next(e for e in entries if e["source"] == "cli")
    assert typed["at"] == "2026-11-20T08:10:00+01:00"
    day = cli("day", "2026-11-20").stdout.splitlines()
    times = [line.split()[1] for line in day if line.strip().startswith("#")]
    assert times == ["00:30", "08:10", "08:41"], day
    summaries = sqlite3.connect(db_path).execute("SELECT summary FROM ops ORDER BY id").fetchall()
    assert summaries == [
        ("import enedis",),
        ("profile add smart-meter",),
        ("import google-takeout",),
        ("log smartphone ×1",),
    ]
    # The undo history still works on the migrated steps.
    for _ in range(2):
        undone = cli("undo")
        assert undone.exit_code == 0, undone.stderr
    assert {e["source"] for e in journal_entries(cli)} == {"import:enedis"}
