"""The LinkedIn importer: shares, comments and reactions counted per day from the export's CSVs, at the zip's
root or in a wrapper folder, names with a member id, a BOM, backslash-escaped quotes and messages spanning
lines in Comments.csv; an empty Date reported by file and line; damaged files one clear error."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from importer_support import entry_rows, hostile_cells, issues, touches, zip_folder

from footprint.errors import DataFileError
from footprint.importers.base import ImportContext, Issue, NotRead, Touch
from footprint.importers.linkedin import LinkedIn, LinkedInCsv, parse_date

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "linkedin"
EXPORT = FIXTURES / "Basic_LinkedInDataExport_03-05-2024"
# An export of 2018: Windows-1252 text, a UTF-16 file, ";" between cells, American dates.
OLD_EXPORT = FIXTURES / "Complete_LinkedInDataExport_2018"
NOW = datetime(2026, 12, 1, tzinfo=UTC)
CTX = ImportContext({}, ZoneInfo("Europe/Paris"), now=NOW)


def _read(path: Path) -> list:
    return list(LinkedIn().read(path, CTX))


_touches = touches


_issues = issues


_zip = zip_folder


def _t(when: str, group: str) -> tuple:
    return (datetime.fromisoformat(when).replace(tzinfo=UTC), "linkedin", 1, group)


EXPECTED = [
    _t("2024-03-05 08:00:00", "reactions"),
    _t("2024-03-05 09:12:44", "comments"),  # a message with \", commas and a newline
    _t("2024-03-05 09:15:02", "comments"),  # the same Link as the one before: a second comment all the same
    _t("2024-03-05 16:41:18", "shares"),
    _t("2024-03-05 23:30:00", "shares"),
    _t("2024-03-06 10:30:00", "reactions"),
    _t("2024-03-06 10:31:00", "reactions"),
    _t("2024-03-07 07:05:00", "shares"),
    _t("2024-03-07 18:00:00", "comments"),
]


ISSUES = [  # the file's name only: never the wrapper folder, never the member id of Shares_155814142.csv
    ("comment without a date", "Comments.csv line 5"),
    ("comment with an unreadable date", "Comments.csv line 7"),
    ("comment with an impossible date (before 2003 or in the future)", "Comments.csv line 8"),
]
NOTICES = [("Connections.csv", 1), ("Profile.csv", 1)]  # the notes paragraph is no row
OLD_EXPECTED = [
    _t("2018-03-05 08:00:00", "reactions"),  # UTF-16 with its mark
    _t("2018-03-05 16:41:18", "shares"),  # Windows-1252: ’ … € Œ
    _t("2018-03-06 09:00:00", "shares"),  # 03/06/2018 09:00:00, American
    _t("2018-03-06 23:10:00", "shares"),
    _t("2018-03-07 10:00:00", "comments"),  # ";" between cells, and one inside a message
    _t("2018-03-07 10:05:00", "comments"),
    _t("2018-03-08 12:30:00", "reactions"),
]


def _issues_only(records: list) -> list[tuple[str, str]]:
    return [(r.kind, r.where) for r in records if isinstance(r, Issue) and not r.notice]


def _notices(records: list) -> list[tuple[str, str]]:
    return sorted((r.part, r.count) for r in records if isinstance(r, NotRead))


_entries = entry_rows


# --- what is read -------------------------------------------------------------------------------------


def test_the_export_gives_exactly_its_touches_and_reports_bad_dates_by_line(tmp_path: Path) -> None:
    records = _read(EXPORT)
    assert _touches(records) == EXPECTED
    assert _issues_only(records) == ISSUES
    assert _notices(records) == NOTICES
    assert all(r.note is None and r.source_ref is None for r in records if isinstance(r, Touch))


def test_files_at_the_zip_root_or_in_a_wrapper_folder(tmp_path: Path) -> None:
    at_root = _read(_zip(EXPORT, tmp_path / "root.zip"))
    wrapped = _read(_zip(EXPORT, tmp_path / "export.zip", wrapper="Basic_LinkedInDataExport_03-05-2024/"))
    assert _touches(at_root) == _touches(wrapped) == EXPECTED
    assert _issues_only(wrapped) == ISSUES and _notices(wrapped) == NOTICES


def test_an_old_export_in_other_encodings_and_separators_gives_exactly_its_touches(tmp_path: Path) -> None:
    assert (OLD_EXPORT / "Reactions.csv").read_bytes().startswith(b"\xff\xfe")
    with pytest.raises(UnicodeDecodeError):
        (OLD_EXPORT / "Shares.csv").read_bytes().decode("utf-8")  # what used to be refused as "not UTF-8 text"
    for path in (OLD_EXPORT, _zip(OLD_EXPORT, tmp_path / "old.zip", wrapper="Complete_LinkedInDataExport_2018/")):
        records = _read(path)
        assert _touches(records) == OLD_EXPECTED
        assert _issues_only(records) == []
        assert _notices(records) == [("Connections.csv", 2), ("messages.csv", 1)]


def test_progress_is_reported_as_the_files_are_read() -> None:
    read: list[int] = []
    list(LinkedIn().read(EXPORT, ImportContext({}, ZoneInfo("Europe/Paris"), read.append)))
    names = ("Comments.csv", "Reactions.csv", "Shares_155814142.csv")
    # Bytes, as the progress bar's total is the download's size (and the files beside are read to count them).
    assert sum(read) == sum(len((EXPORT / n).read_bytes()) for n in names)


def test_a_single_csv_with_a_member_id_and_a_bom() -> None:
    assert (EXPORT / "Shares_155814142.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert [t[3] for t in _touches(_read(EXPORT / "Shares_155814142.csv"))] == ["shares"] * 3


def test_a_backslash_escaped_quote_a_comma_and_a_newline_do_not_shift_columns() -> None:
    text = (
        "Date,Link,Message\n"
        '2024-03-05 09:12:44,https://l/1,"He said \\"hi, there\\"\nand left, then \\"bye\\""\n'
        '2024-03-06 10:00:00,https://l/1,"ends with \\""\n'
        ",https://l/2,plain\n"
    )
    rows = list(csv.reader(io.StringIO(text, newline=""), LinkedInCsv))
    assert rows == [
        ["Date", "Link", "Message"],
        ["2024-03-05 09:12:44", "https://l/1", 'He said "hi, there"\nand left, then "bye"'],
        ["2024-03-06 10:00:00", "https://l/1", 'ends with "'],
        ["", "https://l/2", "plain"],
    ]
    doubled = 'Date,Link,Message\n2024-03-05 09:12:44,https://l/1,"He said ""hi, there""\nand left"\n'
    assert list(csv.reader(io.StringIO(doubled, newline=""), LinkedInCsv))[1][2] == 'He said "hi, there"\nand left'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-05 16:41:18", datetime(2024, 3, 5, 16, 41, 18, tzinfo=UTC)),
        (" 2024-03-05 16:41:18 UTC", datetime(2024, 3, 5, 16, 41, 18, tzinfo=UTC)),
        ("2024-03-05T17:41:18+01:00", datetime(2024, 3, 5, 16, 41, 18, tzinfo=UTC)),
        ("03/05/24, 4:41 PM", datetime(2024, 3, 5, 16, 41, tzinfo=UTC)),  # older exports: American
        ("03/06/2018 09:00:00", datetime(2018, 3, 6, 9, 0, tzinfo=UTC)),
        ("13/05/2018 09:00:00", None),
        ("2024-02-30 10:00:00", None),
        ("", None),
    ],
)
def test_dates(text: str, expected: datetime | None) -> None:
    assert parse_date(text) == expected


def test_connections_and_profile_are_not_read(tmp_path: Path) -> None:
    for name in ("Connections.csv", "Profile.csv"):
        (tmp_path / name).write_bytes((EXPORT / name).read_bytes())
    with pytest.raises(DataFileError, match="no LinkedIn Shares.csv, Comments.csv or Reactions.csv found"):
        _read(tmp_path)
    assert not LinkedIn().detect(tmp_path)


def test_detect_on_a_file_the_folder_and_the_zip(tmp_path: Path) -> None:
    linkedin = LinkedIn()
    assert linkedin.detect(EXPORT / "Comments.csv")
    assert linkedin.detect(EXPORT / "Shares_155814142.csv")
    assert linkedin.detect(FIXTURES)
    assert linkedin.detect(_zip(FIXTURES, tmp_path / "linkedin.zip"))
    youtube = tmp_path / "youtube" / "comments.csv"  # the same name, another service
    youtube.parent.mkdir()
    youtube.write_text("Comment ID,Channel ID,Comment create timestamp,Price,Comment text\n")
    assert not linkedin.detect(youtube)
    assert not linkedin.detect(youtube.parent)
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes((tmp_path / "linkedin.zip").read_bytes()[:200])
    assert not linkedin.detect(truncated)


# --- bad files ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Comment ID,Channel ID,Comment text\n1,2,hello\n", "no Date column"),
        (b"Date,Link,Message\n2024-03-05 09:12:44,l,\x81\x8d\n", "not text footprint can read"),
        (b"D\x00a\x00t\x00e\x00,\x00", "no Date column"),  # UTF-16 without its mark: not read as one
        (b"", "no Date column"),
    ],
)
def test_a_wrong_comments_file_is_an_error_naming_it(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "Comments.csv"
    path.write_bytes(content)
    with pytest.raises(DataFileError, match=message) as error:
        _read(path)
    assert "Comments.csv" in error.value.message


def test_a_row_the_csv_module_refuses_is_one_issue_and_the_rest_imports(tmp_path: Path) -> None:
    path = tmp_path / "Comments.csv"
    path.write_bytes(
        b'Date,Link,Message\n2024-03-05 09:12:44,l,"a quote never closed' + b"x" * 200_000 + b"\n"
        b"2024-03-06 10:00:00,l,fine\n"
    )
    records = _read(path)
    assert _issues_only(records) == [("unreadable CSV line", "Comments.csv line 2")]


@given(junk=st.binary(max_size=400), name=st.sampled_from(["Comments.csv", "Shares.csv", "Reactions_1.csv"]))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_junk_bytes_only_give_records_or_a_data_file_error(tmp_path: Path, junk: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(junk)
    try:
        records = _read(path)
    except DataFileError:
        return
    assert all(isinstance(r, Touch | Issue) for r in records)


cell = st.text(alphabet=st.sampled_from(list('ab,"\\\n\r 0123456789-:')), max_size=20) | hostile_cells
dates = st.sampled_from(["2024-03-05 09:12:44", "", "2024-13-01 00:00:00", "1990-01-01 00:00:00"]) | cell


@given(
    rows=st.lists(st.tuples(dates, cell, cell), max_size=8), header=st.sampled_from(["Date,Link,Message", "Link,Date"])
)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_junk_rows_only_give_records_or_a_data_file_error(tmp_path: Path, rows: list, header: str) -> None:
    path = tmp_path / "Comments.csv"
    path.write_text(header + "\n" + "\n".join(",".join(row) for row in rows), encoding="utf-8")
    try:
        records = _read(path)
    except DataFileError:
        return
    assert all(isinstance(r, Touch | Issue) for r in records)


# --- through the CLI ----------------------------------------------------------------------------------


def test_import_counts_per_local_day_and_reimport_adds_nothing(cli, tmp_path: Path) -> None:
    wrapper = "Basic_LinkedInDataExport_03-05-2024/"
    archive = _zip(EXPORT, tmp_path / "Basic_LinkedInDataExport_03-05-2024.zip", wrapper=wrapper)
    result = cli("import", "linkedin", str(archive))
    assert result.exit_code == 0, result.stderr
    assert "\n".join(result.stdout.splitlines()[:2]) == (
        "Imported from linkedin: 9 touches, from 5 Mar 2024 to 7 Mar 2024.\n  New entries: 7; updated: 0."
    )
    assert result.stderr.splitlines() == [
        "footprint: skipped 1 record: comment without a date (first at Comments.csv line 5)",
        "footprint: skipped 1 record: comment with an unreadable date (first at Comments.csv line 7)",
        "footprint: skipped 1 record: comment with an impossible date (before 2003 or in the future) "
        "(first at Comments.csv line 8)",
    ]
    assert result.stdout.splitlines()[-3:] == [
        "  Not read (2 parts of the export; footprint does not count what they hold):",
        "    Connections.csv  1 record",
        "    Profile.csv      1 record",
    ]
    entries = _entries(cli)
    assert entries == [
        ("2024-03-05", "linkedin", 1, "reactions:2024-03-05:linkedin"),
        ("2024-03-05", "linkedin", 1, "shares:2024-03-05:linkedin"),
        ("2024-03-05", "linkedin", 2, "comments:2024-03-05:linkedin"),
        ("2024-03-06", "linkedin", 1, "shares:2024-03-06:linkedin"),  # 23:30 UTC is past midnight in Paris
        ("2024-03-06", "linkedin", 2, "reactions:2024-03-06:linkedin"),
        ("2024-03-07", "linkedin", 1, "comments:2024-03-07:linkedin"),
        ("2024-03-07", "linkedin", 1, "shares:2024-03-07:linkedin"),
    ]
    again = cli("import", "linkedin", str(EXPORT))
    assert again.exit_code == 0 and "Nothing new" in again.stdout
    assert _entries(cli) == entries


def test_strict_with_a_bad_record_imports_nothing(cli) -> None:
    result = cli("import", "linkedin", str(EXPORT), "--strict")
    assert result.exit_code == 5 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "nothing imported" in result.stderr
    assert _entries(cli) == []


def test_a_truncated_zip_is_one_line_and_exit_5(cli, tmp_path: Path) -> None:
    whole = _zip(EXPORT, tmp_path / "whole.zip").read_bytes()
    truncated = tmp_path / "linkedin.zip"
    truncated.write_bytes(whole[: len(whole) // 2])
    result = cli("import", "linkedin", str(truncated))
    assert result.exit_code == 5 and result.stdout == ""
    assert result.stderr.startswith("footprint: ") and len(result.stderr.strip().splitlines()) == 1
    assert "linkedin.zip" in result.stderr


def test_a_wrong_file_is_one_line_and_exit_5(cli, tmp_path: Path) -> None:
    path = tmp_path / "Reactions.csv"
    path.write_bytes(b"D\x00a\x00t\x00e\x00")  # UTF-16 without its mark: footprint cannot tell
    result = cli("import", "linkedin", str(path))
    assert result.exit_code == 5 and result.stdout == ""
    assert result.stderr.startswith("footprint: ") and len(result.stderr.strip().splitlines()) == 1
    assert "Reactions.csv" in result.stderr
    other = cli("import", "linkedin", str(FIXTURES.parent / "twitter" / "archive"))
    assert other.exit_code == 5 and "no LinkedIn" in other.stderr


def test_problems_are_said_in_french_with_the_line(cli) -> None:
    result = cli("--lang", "fr", "import", "linkedin", str(EXPORT))
    assert result.exit_code == 0, result.stderr
    assert "commentaire sans date" in result.stderr and "Comments.csv, ligne 5" in result.stderr


def test_an_old_export_imports_with_exact_counts_per_local_day(cli) -> None:
    result = cli("import", "linkedin", str(OLD_EXPORT), "--strict")
    assert result.exit_code == 0, result.stderr
    assert _entries(cli) == [
        ("2018-03-05", "linkedin", 1, "reactions:2018-03-05:linkedin"),
        ("2018-03-05", "linkedin", 1, "shares:2018-03-05:linkedin"),
        ("2018-03-06", "linkedin", 1, "shares:2018-03-06:linkedin"),
        ("2018-03-07", "linkedin", 1, "shares:2018-03-07:linkedin"),  # 23:10 UTC is past midnight in Paris
        ("2018-03-07", "linkedin", 2, "comments:2018-03-07:linkedin"),
        ("2018-03-08", "linkedin", 1, "reactions:2018-03-08:linkedin"),
    ]
