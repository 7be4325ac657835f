"""``activitywatch``: computer and smartphone minutes per app from ``aw-buckets-export.json``, window time only
while not afk, cut at local midnight; the exact touches and the import through the CLI."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from importer_support import dumps, hostile_json, journal_entries

from footprint.errors import DataFileError
from footprint.importers.activitywatch import ActivityWatch, AppNames
from footprint.importers.base import ImportContext, Issue, Touch
from footprint.services.imports import load_mappings

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "activitywatch"
EXPORT = FIXTURES / "aw-buckets-export.json"
PARIS = ZoneInfo("Europe/Paris")


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def read(path: Path, zone: ZoneInfo = PARIS) -> list:
    return list(ActivityWatch().read(path, ImportContext(load_mappings(), zone)))


def touches(records: list) -> list[tuple[datetime, str, int, float | None, str | None]]:
    return [(r.at, r.touchpoint, r.count, r.minutes, r.group) for r in records if isinstance(r, Touch)]


def test_minutes_per_app_per_day_only_while_not_afk() -> None:
    records = read(EXPORT)
    assert touches(records) == [
        # laptop, 20 Nov: firefox 08:00-08:10 (599.75 s) + 23:50-00:00 Paris; the second half is the 21st's
        (utc(2026, 11, 20, 8, 0, 0, 250000), "web-browsing", 1, 20.0, "window@laptop"),
        # an unknown app (Code) is plain computer time: 08:10-08:15, then the overlapping event only from 08:15
        (utc(2026, 11, 20, 8, 10), "computer", 1, 8.0, "window@laptop"),
        # Spotify 08:30-08:50, but afk from 08:40
        (utc(2026, 11, 20, 8, 30), "music-streaming", 1, 10.0, "window@laptop"),
        (utc(2026, 11, 20, 23, 0), "web-browsing", 1, 10.0, "window@laptop"),
        # the phone's unlocks are its uses; its plain minutes then come with count 0
        (utc(2026, 11, 21, 6, 59), "smartphone", 3, None, "unlock@pixel-7"),
        (utc(2026, 11, 21, 7, 0, 0, 123456), "messaging", 1, 2.0, "android@pixel-7"),
        (utc(2026, 11, 21, 7, 5), "smartphone", 0, 1.0, "android@pixel-7"),
        # a host without an afk bucket counts its window time as it is; "firefox.exe" is firefox
        (utc(2026, 11, 21, 10, 0), "web-browsing", 1, 15.0, "window@desktop"),
    ]
    assert [(r.kind, r.where) for r in records if isinstance(r, Issue)] == [
        ("event with a negative duration", "aw-watcher-window_laptop event 1"),
        ("event without a readable timestamp", "aw-watcher-window_laptop event 2"),
    ]


def test_the_journal_zone_decides_where_days_are_cut() -> None:
    # In New York the laptop's late session (17:50-18:10 local) is all on the 20th, with the morning's
    got = [(t[1], t[3]) for t in touches(read(EXPORT, ZoneInfo("America/New_York"))) if t[4] == "window@laptop"]
    assert got == [("web-browsing", 30.0), ("computer", 8.0), ("music-streaming", 10.0)]


def test_titles_and_urls_are_never_kept() -> None:
    for record in read(EXPORT):
        assert not any(s in repr(record) for s in ("owls", "notes.py", "song", "example.org", "Inbox"))


def test_app_names_fold_case_spaces_and_exe() -> None:
    apps = AppNames(load_mappings()["apps"])
    assert apps.touchpoint("FIREFOX.EXE") == "web-browsing"
    assert apps.touchpoint("Google Chrome") == "web-browsing"
    assert apps.touchpoint("Navigator") == "web-browsing"
    assert apps.touchpoint("Spotify.app") == "music-streaming"
    assert apps.touchpoint("WhatsApp", "com.whatsapp") == "messaging"
    assert apps.touchpoint(None, "com.Slack") == "messaging"
    assert apps.touchpoint("My Own Tool", "org.example.tool") is None


def test_detect_file_folder_and_zip(tmp_path: Path) -> None:
    imp = ActivityWatch()
    assert imp.detect(EXPORT)
    assert imp.detect(FIXTURES)
    archive = tmp_path / "aw.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(EXPORT, "export/aw-buckets-export.json")
    assert imp.detect(archive)
    assert touches(read(archive)) == touches(read(EXPORT))
    assert touches(read(FIXTURES)) == touches(read(EXPORT))
    other = tmp_path / "other.json"
    other.write_text('{"format": "footprint-journal"}')
    assert not imp.detect(other)
    assert not imp.detect(FIXTURES.parent / "google-takeout")


def test_broken_or_foreign_files_are_one_data_file_error(tmp_path: Path) -> None:
    cases = {"truncated": EXPORT.read_text()[:500], "list": "[]", "no-buckets": '{"x": 1}', "latin1": '{"é": 1}'}
    for name, text in cases.items():
        path = tmp_path / f"{name}.json"
        path.write_bytes(text.encode("latin-1"))
        with pytest.raises(DataFileError, match=str(path)):
            read(path)
    with pytest.raises(DataFileError, match="no ActivityWatch export"):
        read(FIXTURES.parent / "google-takeout")


# --- through the CLI ----------------------------------------------------------------------------------


_entries = journal_entries


def test_cli_import_then_again_adds_nothing(cli) -> None:
    result = cli("import", "activitywatch", str(EXPORT))
    assert result.exit_code == 0, result.stderr
    assert "Imported from activitywatch: 9 touches, from 20 Nov 2026 to 21 Nov 2026.\n  New entries: 8;" in result.stdout
    assert "skipped 1 record: event with a negative duration" in result.stderr
    entries = _entries(cli)
    by_ref = {e["source_ref"]: (e["count"], e["minutes"]) for e in entries}
    assert by_ref["window@laptop:2026-11-20:web-browsing"] == (1, 20.0)
    assert by_ref["unlock@pixel-7:2026-11-21:smartphone"] == (3, None)
    again = cli("import", "activitywatch", str(EXPORT))
    assert again.exit_code == 0 and "Nothing new" in again.stdout
    assert _entries(cli) == entries


def test_cli_strict_with_a_bad_event_imports_nothing(cli) -> None:
    result = cli("import", "activitywatch", str(EXPORT), "--strict")
    assert result.exit_code == 5 and "nothing imported" in result.stderr and result.stderr.count("\n") == 1
    assert _entries(cli) == []


def test_cli_truncated_zip_and_wrong_file_are_exit_5_one_line(cli, tmp_path: Path) -> None:
    archive = tmp_path / "aw.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(EXPORT, "aw-buckets-export.json")
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(archive.read_bytes()[:-40])
    wrong = tmp_path / "aw-buckets-export.json"
    wrong.write_text("this is not json")
    for path in (truncated, wrong):
        result = cli("import", "activitywatch", str(path))
        assert result.exit_code == 5, result.output
        assert result.stderr.startswith(f"footprint: {path}") and result.stderr.count("\n") == 1
    assert _entries(cli) == []


# --- fuzz ------------------------------------------------------------------------------------------

_values = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12) | hostile_json
_events = st.lists(
    st.fixed_dictionaries(
        {},
        optional={
            "timestamp": st.sampled_from(["2026-11-20T08:00:00Z", "2026-11-20T08:00:00+00:00", "x", ""]) | _values,
            "duration": _values,
            "data": st.dictionaries(
                st.sampled_from(["app", "package", "status", "title"]),
                st.sampled_from(["firefox", "afk", "not-afk", "com.whatsapp"]) | _values,
            ),
        },
    )
    | _values,
    max_size=6,
)
_buckets = st.dictionaries(
    st.sampled_from(
        ["aw-watcher-window_h", "aw-watcher-afk_h", "aw-watcher-android-test", "aw-watcher-android-unlock", "x"]
    ),
    st.fixed_dictionaries({}, optional={"type": _values, "hostname": _values, "events": _events | _values}) | _values,
    max_size=5,
)


def _only_records_or_data_errors(path: Path) -> None:
    try:
        for record in ActivityWatch().read(path, ImportContext(load_mappings(), PARIS)):
            assert isinstance(record, Touch | Issue)
    except DataFileError:
        pass


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300))
def test_fuzz_junk_bytes(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "aw-buckets-export.json"
    path.write_bytes(data)
    _only_records_or_data_errors(path)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(buckets=_buckets | _values)
def test_fuzz_junk_structures(tmp_path: Path, buckets: object) -> None:
    path = tmp_path / "aw-buckets-export.json"
    path.write_text(dumps({"buckets": buckets}), encoding="utf-8")
    _only_records_or_data_errors(path)
