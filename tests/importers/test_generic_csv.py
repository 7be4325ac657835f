"""``csv``: any CSV with a column mapping (``GenericCsv.from_spec``) or one touchpoint for the whole file;
French and ISO dates, aliases, cp1252 lines, quoted cells over lines; and the import through the CLI."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from importer_support import hostile_cells, journal_entries, shipped_resolve

from footprint.errors import BadInput, DataFileError
from footprint.importers.base import ImportContext, Issue, Touch
from footprint.importers.generic_csv import GenericCsv
from footprint.services.imports import load_mappings

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "csv"
DIARY = FIXTURES / "diary.csv"
PAYMENTS = FIXTURES / "payments.csv"
PARIS = ZoneInfo("Europe/Paris")


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def read(imp: GenericCsv, path: Path) -> list:
    return list(imp.read(path, ImportContext(load_mappings(), PARIS, resolve=shipped_resolve)))


def touches(records: list) -> list[tuple[datetime, str, int, float | None, str | None]]:
    return [(r.at.astimezone(UTC), r.touchpoint, r.count, r.minutes, r.group) for r in records if isinstance(r, Touch)]


def issues(records: list) -> list[tuple[str, str]]:
    return [(r.kind, r.where) for r in records if isinstance(r, Issue)]


DIARY_TOUCHES = [
    (utc(2026, 11, 20, 7, 10), "bank-card", 2, None, "diary"),  # "cb" is an alias; local time in Paris
    (utc(2026, 11, 20, 11, 0), "health-card", 1, None, "diary"),  # a date alone is noon; empty count is 1
    (utc(2026, 11, 21, 17, 30), "facebook", 1, 12.5, "diary"),  # 18h30, a decimal comma, a note over 2 lines
    (utc(2026, 11, 21, 6, 0), "smartphone", 1, 3.5, "diary"),  # ISO with its own offset
    (utc(2026, 11, 22, 7, 0), "email", 3, None, "diary"),
]
DIARY_ISSUES = [
    ("unknown touchpoint", "line 7"),  # a cp1252 line ("téléportation"): read, not an encoding error
    ("unreadable date", "line 8"),
    ("unreadable count", "line 9"),
    ("row without a date", "line 10"),
    ("row without a touchpoint", "line 11"),
    ("unreadable minutes", "line 12"),
]


def test_columns_by_spec() -> None:
    imp = GenericCsv.from_spec("date=When, touchpoint=What, count=N, minutes=Minutes, delimiter=semicolon")
    records = read(imp, DIARY)
    assert touches(records) == DIARY_TOUCHES
    assert issues(records) == DIARY_ISSUES


def test_columns_guessed_from_usual_header_names() -> None:
    assert touches(read(GenericCsv(), DIARY)) == DIARY_TOUCHES


def test_columns_by_position_and_the_separator_sniffed() -> None:
    imp = GenericCsv.from_spec("date=#1,touchpoint=#2")
    got = [t[:3] for t in touches(read(imp, DIARY))]
    # without count and minutes columns, the rows whose count or minutes were bad are plain touches
    assert got == [(t[0], t[1], 1) for t in DIARY_TOUCHES[:4]] + [
        (utc(2026, 11, 21, 9, 0), "bank-card", 1),
        (utc(2026, 11, 21, 11, 0), "email", 1),
        (utc(2026, 11, 22, 7, 0), "email", 1),
    ]


def test_one_touchpoint_for_the_whole_file_keeps_no_content() -> None:
    imp = GenericCsv.from_spec("date=date", fixed_touchpoint="carte bancaire")
    records = read(imp, PAYMENTS)
    assert touches(records) == [
        (utc(2026, 11, 20, 11, 0), "bank-card", 1, None, "payments"),
        (utc(2026, 11, 21, 7, 15), "bank-card", 1, None, "payments"),
    ]
    assert not any(s in repr(records) for s in ("BAKERY", "CAFE", "12.50"))


def test_only_a_touchpoint_guesses_the_date_column() -> None:
    imp = GenericCsv.from_spec(None, fixed_touchpoint="cb")
    assert [t[1] for t in touches(read(imp, PAYMENTS))] == ["bank-card", "bank-card"]


def test_a_date_format_and_a_custom_resolver(tmp_path: Path) -> None:
    path = tmp_path / "log.tsv"
    path.write_text("Jour\tQuoi\n05 Nov 2026\tmy-own-gadget\n06 Nov 2026\tsmartphone\n", encoding="utf-8")
    own = {"my-own-gadget": "connected-watch"}
    imp = GenericCsv.from_spec("date=Jour,touchpoint=Quoi,delimiter=tab,format=%d %b %Y", resolve=own.get)
    records = read(imp, path)
    assert touches(records) == [(utc(2026, 11, 5, 11, 0), "connected-watch", 1, None, "log")]
    assert issues(records) == [("unknown touchpoint", "line 3")]


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("touchpoint=What", "which column holds the date"),
        ("date=When", "which column holds the touchpoint"),
        ("date=When,colour=Red,touchpoint=What", "'colour=Red' is not KEY=COLUMN"),
        ("date=When,date=Other,touchpoint=What", "date given twice"),
        ("date=When,touchpoint=What,delimiter=;;", "one character"),
    ],
)
def test_bad_specs_are_usage_errors(spec: str, message: str) -> None:
    with pytest.raises(BadInput, match=message):
        GenericCsv.from_spec(spec)


def test_spec_commas_inside_separator_and_format() -> None:
    imp = GenericCsv.from_spec("date=When,delimiter=,,format=%b %d, %Y,touchpoint=What")
    assert (imp.delimiter, imp.date_format, imp.touchpoint_column) == (",", "%b %d, %Y", "What")


def test_missing_columns_and_binary_files_are_data_file_errors(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="no column named 'Quand'"):
        read(GenericCsv.from_spec("date=Quand,touchpoint=What"), DIARY)
    with pytest.raises(DataFileError, match="no date column found"):
        read(GenericCsv(), PAYMENTS.parent.parent / "activitywatch" / "aw-buckets-export.json")
    empty = tmp_path / "empty.csv"
    empty.write_text("\n\n")
    with pytest.raises(DataFileError, match="empty file"):
        read(GenericCsv(), empty)
    with pytest.raises(BadInput, match="unknown touchpoint 'teleporter'"):
        read(GenericCsv.from_spec("date=date", fixed_touchpoint="teleporter"), PAYMENTS)


def test_detect_only_csvs_with_usual_headers() -> None:
    assert GenericCsv().detect(DIARY)
    assert not GenericCsv().detect(PAYMENTS)  # no touchpoint column: needs --touchpoint
    assert GenericCsv.from_spec("date=date", fixed_touchpoint="cb").detect(PAYMENTS)
    assert not GenericCsv().detect(FIXTURES)


# --- through the CLI --------------------------------------------------------------------------------------


_entries = journal_entries


def test_cli_import_then_again_adds_nothing(cli) -> None:
    result = cli("import", "csv", str(DIARY))
    assert result.exit_code == 0, result.stderr
    assert "Imported csv: 8 touches from 2026-11-20 to 2026-11-22 — 5 new entries" in result.stdout
    assert "skipped 1 × unknown touchpoint (first at line 7)" in result.stderr
    entries = _entries(cli)
    assert {e["source_ref"] for e in entries} >= {"diary:2026-11-20:bank-card", "diary:2026-11-21:facebook"}
    again = cli("import", "csv", str(DIARY))
    assert again.exit_code == 0 and "nothing new" in again.stdout
    assert _entries(cli) == entries


def test_cli_reads_back_footprints_own_csv_export(cli, home, monkeypatch) -> None:
    cli("log", "cb", "--at", "hier 12:00")
    cli("log", "facebook", "--minutes", "12")
    out = home / "journal.csv"
    out.write_text(cli("export", "--format", "csv").stdout, encoding="utf-8")
    assert cli("import", "detect", str(out)).stdout.strip() == "csv"
    monkeypatch.setenv("FOOTPRINT_DB", str(home / "fresh.db"))
    result = cli("import", "csv", str(out))
    assert result.exit_code == 0, result.stderr
    assert [(e["day"], e["touchpoint"], e["count"], e["minutes"]) for e in _entries(cli)] == [
        ("2026-11-21", "bank-card", 1, None),
        ("2026-11-22", "facebook", 1, 12.0),
    ]


def test_cli_strict_with_a_bad_row_imports_nothing(cli) -> None:
    result = cli("import", "csv", str(DIARY), "--strict")
    assert result.exit_code == 5 and "nothing imported" in result.stderr and result.stderr.count("\n") == 1
    assert _entries(cli) == []


def test_cli_truncated_zip_and_wrong_file_are_exit_5_one_line(cli, tmp_path: Path) -> None:
    archive = tmp_path / "diary.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(DIARY, "diary.csv")
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(archive.read_bytes()[:-30])
    for path in (truncated, PAYMENTS):
        result = cli("import", "csv", str(path))
        assert result.exit_code == 5, result.output
        assert result.stderr.startswith(f"footprint: {path}") and result.stderr.count("\n") == 1
    assert _entries(cli) == []


# --- fuzz ------------------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.binary(max_size=400)
    | st.text(alphabet=';,"\n\r0123456789/-:Tcbwhen\x00é ', max_size=200).map(str.encode)
    | st.lists(st.lists(hostile_cells | st.sampled_from(["cb", "email", "3", ""]), max_size=4), max_size=4).map(
        lambda rows: "\n".join(";".join(r) for r in rows).encode()
    )
)
def test_fuzz_junk(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "junk.csv"
    path.write_bytes(b"When;What;N;Minutes\n" + data)
    for imp in (GenericCsv(), GenericCsv.from_spec("date=#1,touchpoint=#2,count=#3,minutes=#4")):
        try:
            for record in imp.read(path, ImportContext(load_mappings(), PARIS, resolve=shipped_resolve)):
                assert isinstance(record, Touch | Issue)
        except DataFileError:
            pass
