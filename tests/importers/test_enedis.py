"""``footprint import enedis``: how many readings the Linky meter sent each day, and its state for the profile.

Fixtures under ``tests/fixtures/enedis/`` (invented; the PRM is 12345678901234):
``Enedis_Conso_Heure_20240330-20240402_….csv`` is a load curve with a BOM, the 9-field header whose step is
empty, a two-row gap on 2024-03-30, the spring clock change on 2024-03-31 (46 half-hours) and an hourly
stretch on 2024-04-01; ``Enedis_Conso_Jour_20240301-20240306_….csv`` is a daily index with an empty day and
the trailing tariff calendar (``Periode;…``). Smaller cases (10-minute steps, autumn clock change, bad rows)
are written by the tests themselves.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from importer_support import hostile_cells, journal_entries, zip_folder

from footprint.errors import DataFileError
from footprint.importers.base import ImportContext, Issue, ProfileHint, Record, Touch
from footprint.importers.enedis import Enedis
from footprint.services.imports import load_mappings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "enedis"
PARIS = ZoneInfo("Europe/Paris")
PRM = "12345678901234"
CURVE = FIXTURES / f"Enedis_Conso_Heure_20240330-20240402_{PRM}.csv"
DAILY = FIXTURES / f"Enedis_Conso_Jour_20240301-20240306_{PRM}.csv"
DAILY_SPRING = FIXTURES / f"Enedis_Conso_Jour_20240325-20240405_{PRM}.csv"
DAILY_AUTUMN = FIXTURES / f"Enedis_Conso_Jour_20241024-20241030_{PRM}.csv"
CURVE_WINTER = FIXTURES / f"Enedis_Conso_Heure_20240110-20240112_{PRM}.csv"
CURVE_SUMMER = FIXTURES / f"Enedis_Conso_Heure_20240701-20240703_{PRM}.csv"
CURVE_HEADER = (
    "Identifiant PRM;Type de donnees;Date de debut;Date de fin;Grandeur physique;Grandeur metier;Etape metier;"
    "Unite;Pas en minutes\n"
)


def _ctx() -> ImportContext:
    return ImportContext(load_mappings(), PARIS)


def _records(path: Path) -> list[Record]:
    return list(Enedis().read(path, _ctx()))


def _touches(path: Path) -> list[tuple[str, int, str | None]]:
    """(the meter's day, readings, group) for each touch; no issue expected."""
    records = _records(path)
    assert not [r for r in records if isinstance(r, Issue)]
    return [(r.at.astimezone(PARIS).date().isoformat(), r.count, r.group) for r in records if isinstance(r, Touch)]


def _hints(path: Path) -> list[ProfileHint]:
    return [r for r in _records(path) if isinstance(r, ProfileHint)]


def _curve(
    tmp_path: Path, rows: list[str], step: str = "", name: str = f"Enedis_Conso_Heure_20240101-20240102_{PRM}.csv"
) -> Path:
    path = tmp_path / name
    values = f"{PRM};Courbe de charge;01/01/2024;02/01/2024;Energie active;Consommation;Comptage Brut;W;{step}\n"
    path.write_text(CURVE_HEADER + values + "Horodate;Valeur\n" + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def _zip(folder: Path, out: Path) -> Path:
    return zip_folder(folder, out, "mes-donnees/")


CURVE_TOUCHES = [
    ("2024-03-30", 46, "load-curve"),  # 48 half-hours, two of them empty (a gap)
    ("2024-03-31", 46, "load-curve"),  # the spring clock change: a 23-hour day
    ("2024-04-01", 24, "load-curve"),  # hourly steps; the row stamped 04-01T00:00 closed March 31
]
DAILY_TOUCHES = [  # the index stamped at midnight closes the day before; 03-03's row is empty
    ("2024-02-29", 1, "daily-index"),
    ("2024-03-01", 1, "daily-index"),
    ("2024-03-03", 1, "daily-index"),
    ("2024-03-04", 1, "daily-index"),
    ("2024-03-05", 1, "daily-index"),
]

# Enedis stamps daily values at midnight standard time all year: 00:00+01:00 in winter, 01:00+02:00 in summer.
DAILY_SPRING_TOUCHES = [(f"2024-03-{d}", 1, "daily-index") for d in range(25, 32)] + [
    ("2024-04-01", 1, "daily-index"),  # stamped 04-02T01:00+02:00
    ("2024-04-03", 1, "daily-index"),  # 04-02's row (stamped 04-03T01:00+02:00) is empty
    ("2024-04-04", 1, "daily-index"),  # the last row; the header's end, 05/04, is exclusive
]
DAILY_AUTUMN_TOUCHES = [(f"2024-10-{d}", 1, "daily-index") for d in range(24, 30)]  # one each, 10-27 too
CURVE_WINTER_TOUCHES = [
    ("2024-01-10", 48, "load-curve"),
    ("2024-01-11", 46, "load-curve"),  # the rows ending 08:00 and 08:30 are empty
]
CURVE_SUMMER_TOUCHES = [
    ("2024-07-01", 47, "load-curve"),  # the row stamped 07-02T00:00+02:00 (it closes July 1) is empty
    ("2024-07-02", 48, "load-curve"),
]


def test_the_fixtures_carry_their_traps() -> None:
    curve = CURVE.read_text(encoding="utf-8")
    assert curve.startswith("\ufeffIdentifiant PRM;") and ";W;\nHorodate;Valeur\n" in curve  # BOM, empty step
    assert "2024-03-30T12:30:00+01:00;\n" in curve  # a gap
    assert "2024-03-31T01:30:00+01:00;" in curve and "2024-03-31T03:00:00+02:00;" in curve  # clock change
    assert "2024-04-01T01:00:00+02:00;" in curve and "2024-04-01T01:30:00+02:00" not in curve  # hourly
    daily = DAILY.read_text(encoding="utf-8")
    assert "2024-03-03T00:00:00+01:00;Arrêté quotidien;;;;;;;;;;;;;;;\n" in daily
    assert "\nPeriode;" in daily and len(daily.splitlines()[2].split(";")) == 17


# --- exact records -------------------------------------------------------------------------------------------


def test_load_curve_readings_per_day_and_the_profile_hint() -> None:
    assert _touches(CURVE) == CURVE_TOUCHES
    assert _hints(CURVE) == [ProfileHint("smart-meter", "load-curve")]
    first = next(r for r in _records(CURVE) if isinstance(r, Touch))
    assert (
        first.at == datetime(2024, 3, 30, 12, tzinfo=timezone(timedelta(hours=1))) and first.touchpoint == "smart-meter"
    )


def test_daily_index_skips_empty_days_and_stops_at_the_tariff_calendar() -> None:
    assert _touches(DAILY) == DAILY_TOUCHES
    assert _hints(DAILY) == [ProfileHint("smart-meter", "daily-index")]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (DAILY_SPRING, DAILY_SPRING_TOUCHES),
        (DAILY_AUTUMN, DAILY_AUTUMN_TOUCHES),
        (CURVE_WINTER, CURVE_WINTER_TOUCHES),
        (CURVE_SUMMER, CURVE_SUMMER_TOUCHES),
    ],
    ids=["daily-index-spring", "daily-index-autumn", "load-curve-winter", "load-curve-summer"],
)
def test_exact_readings_per_day_in_both_seasons(path: Path, expected: list) -> None:
    assert _touches(path) == expected


def test_summer_daily_stamps_are_standard_time_midnight() -> None:
    text = DAILY_SPRING.read_text(encoding="utf-8")
    assert "\n2024-03-31T00:00:00+01:00;" in text and "\n2024-04-01T01:00:00+02:00;" in text
    autumn = DAILY_AUTUMN.read_text(encoding="utf-8")
    assert "\n2024-10-27T01:00:00+02:00;" in autumn and "\n2024-10-28T00:00:00+01:00;" in autumn


def test_a_daily_index_stamped_at_local_midnight_or_naive_lands_on_the_same_days(tmp_path: Path) -> None:
    """A stamp written at local midnight (a spreadsheet's doing) or without an offset is read the same way."""
    text = DAILY_SPRING.read_text(encoding="utf-8")
    local = tmp_path / f"Enedis_Conso_Jour_20240325-20240405_{PRM}.csv"
    local.write_text(text.replace("T01:00:00+02:00", "T00:00:00+02:00"), encoding="utf-8")
    assert _touches(local) == DAILY_SPRING_TOUCHES
    local.write_text(text.replace("+02:00", "").replace("+01:00", ""), encoding="utf-8")
    assert _touches(local) == DAILY_SPRING_TOUCHES


def test_summer_daily_index_in_the_journal_day_by_day(cli) -> None:
    result = cli("import", "enedis", str(DAILY_SPRING))
    assert result.exit_code == 0, result.stderr
    rows = [(e["day"], e["count"], e["at"]) for e in journal_entries(cli)]
    assert [(day, n) for day, n, _ in rows] == [(d, n) for d, n, _ in DAILY_SPRING_TOUCHES]
    assert ("2024-03-31", 1, "2024-03-31T12:00:00+02:00") in rows  # noon of the day, in the journal's zone


def test_both_files_in_a_folder_or_zip_and_the_load_curve_wins_the_profile(tmp_path: Path) -> None:
    expected = sorted(
        CURVE_TOUCHES + DAILY_TOUCHES + DAILY_SPRING_TOUCHES + DAILY_AUTUMN_TOUCHES + CURVE_WINTER_TOUCHES
        + CURVE_SUMMER_TOUCHES
    )
    for path in (FIXTURES, _zip(FIXTURES, tmp_path / "mes-donnees.zip")):
        assert sorted(_touches(path)) == expected
        assert _hints(path) == [ProfileHint("smart-meter", "load-curve")]


def test_ten_minute_steps_and_a_first_row_at_midnight(tmp_path: Path) -> None:
    rows = [f"2024-01-01T{h:02d}:{m:02d}:00+01:00;300" for h in range(24) for m in range(0, 60, 10)]
    # The first row, stamped 00:00, closes 2023-12-31 (its step is learnt from the next row); the last
    # one, 2024-01-02T00:00, closes January 1st.
    path = _curve(tmp_path, [*rows, "2024-01-02T00:00:00+01:00;280"])
    assert _touches(path) == [("2023-12-31", 1, "load-curve"), ("2024-01-01", 144, "load-curve")]


def test_the_autumn_clock_change_day_has_fifty_half_hours(tmp_path: Path) -> None:
    start = datetime(2024, 10, 26, 22, 30, tzinfo=UTC)  # 2024-10-27T00:30+02:00
    rows = [f"{(start + timedelta(minutes=30 * i)).astimezone(PARIS).isoformat()};500" for i in range(50)]
    assert rows[-1] == "2024-10-28T00:00:00+01:00;500"
    path = _curve(tmp_path, rows)
    assert _touches(path) == [("2024-10-27", 50, "load-curve")]


def test_the_header_step_serves_the_first_row(tmp_path: Path) -> None:
    (tmp_path / "hourly").mkdir()
    hourly = _curve(tmp_path / "hourly", ["2024-01-02T00:30:00+01:00;300"], step="60")
    assert _touches(hourly) == [("2024-01-01", 1, "load-curve")]  # started 2024-01-01T23:30
    unknown = _curve(tmp_path, ["2024-01-02T00:30:00+01:00;300"])
    assert _touches(unknown) == [("2024-01-02", 1, "load-curve")]  # the usual half-hour: started at 00:00


def test_the_daily_index_without_its_header_lines(tmp_path: Path) -> None:
    path = tmp_path / "Enedis_Conso_Jour_x.csv"
    path.write_bytes(b"\xef\xbb\xbf" + b"\n".join(DAILY.read_bytes().splitlines()[2:]) + b"\n")
    assert _touches(path) == DAILY_TOUCHES


def test_overlapping_downloads_count_each_day_once(tmp_path: Path) -> None:
    shutil.copy(CURVE, tmp_path / CURVE.name)
    shutil.copy(CURVE, tmp_path / "Enedis_Conso_Heure_20240330-20240402_copy.csv")
    assert _touches(tmp_path) == CURVE_TOUCHES


def test_neither_the_prm_nor_the_values_are_kept(tmp_path: Path) -> None:
    text = repr(_records(FIXTURES))
    assert PRM not in text and "13366212" not in text and "Arrêté" not in text


# --- bad records, wrong files --------------------------------------------------------------------------------


def test_bad_rows_are_issues_with_a_place_without_the_prm(tmp_path: Path) -> None:
    path = _curve(
        tmp_path,
        [
            "2024-01-01T00:30:00+01:00;300",
            "hier;12",
            "2024-01-01T01:30:00+01:00;douze",
            "2024-01-01T02:00:00+01:00;310",
        ],
    )
    records = _records(path)
    assert [(r.kind, r.where) for r in records if isinstance(r, Issue)] == [
        ("row without a readable timestamp", "Enedis_Conso_Heure_20240101-20240102_<PRM>.csv line 5"),
        ("reading that is not a number", "Enedis_Conso_Heure_20240101-20240102_<PRM>.csv line 6"),
    ]
    assert [(r.count, r.group) for r in records if isinstance(r, Touch)] == [(2, "load-curve")]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.json", b"{}", "no Enedis load curve or daily index found"),
        ("Shares.csv", b"Date,ShareLink\n2024-01-01,x\n", "no Enedis load curve or daily index found"),
        (f"Enedis_Conso_Heure_20240101-20240102_{PRM}.csv", b"a;b\n1;2\n", "no 'Horodate' header"),
    ],
)
def test_wrong_files_are_data_file_errors(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DataFileError, match=message) as info:
        _records(path)
    assert PRM not in info.value.message


# --- detect --------------------------------------------------------------------------------------------------


def test_detect_the_file_the_folder_and_the_zip(tmp_path: Path) -> None:
    renamed = tmp_path / "conso.csv"
    shutil.copy(CURVE, renamed)
    for path in (CURVE, DAILY, FIXTURES, _zip(FIXTURES, tmp_path / "mes-donnees.zip"), renamed):
        assert Enedis().detect(path), path
    assert _touches(renamed) == CURVE_TOUCHES


def test_detect_leaves_other_files_alone(tmp_path: Path) -> None:
    bank = Path(__file__).resolve().parents[1] / "fixtures" / "bank"
    truncated = tmp_path / "cut.zip"
    truncated.write_bytes(_zip(FIXTURES, tmp_path / "full.zip").read_bytes()[:300])
    for path in (*bank.iterdir(), bank, truncated, tmp_path / "missing.csv"):
        assert not Enedis().detect(path), path


# --- through the CLI -----------------------------------------------------------------------------------------


_entries = journal_entries


def test_import_sets_the_meter_state_and_again_adds_nothing(cli, day_json, tmp_path: Path) -> None:
    (tmp_path / "two").mkdir()
    for path in (CURVE, DAILY):
        shutil.copy(path, tmp_path / "two" / path.name)
    archive = _zip(tmp_path / "two", tmp_path / "mes-donnees.zip")
    assert cli("import", "detect", str(archive)).stdout.strip() == "enedis"
    result = cli("import", "enedis", str(archive))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert "121 touches, from 29 Feb 2024 to 1 Apr 2024.\n  New entries: 8;" in result.stdout
    assert "Profile in the export: Smart electricity meter (Linky) (half-hourly load curve)" in result.stdout
    assert "48 passive captures a day" in cli("profile").stdout
    entries = _entries(cli)
    assert [(e["day"], e["count"]) for e in entries if e["day"] >= "2024-03-30"] == [
        ("2024-03-30", 46),
        ("2024-03-31", 46),
        ("2024-04-01", 24),
    ]
    # The meter is passive: its touches add no captures, the profile's 48 a day do.
    assert day_json("2024-03-31")["footprint"]["passive"] == 48
    again = cli("import", "enedis", str(tmp_path / "two"))
    assert again.exit_code == 0 and "Nothing new" in again.stdout
    assert _entries(cli) == entries


def test_a_truncated_zip_and_a_wrong_file_exit_5_with_one_line(cli, tmp_path: Path) -> None:
    truncated = tmp_path / "mes-donnees.zip"
    truncated.write_bytes(_zip(FIXTURES, tmp_path / "full.zip").read_bytes()[:-100])
    wrong = tmp_path / "Shares.csv"
    wrong.write_text("Date,ShareLink\n", encoding="utf-8")
    for path in (truncated, wrong):
        result = cli("import", "enedis", str(path))
        assert result.exit_code == 5, result.stdout
        assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("footprint: ")
    assert _entries(cli) == []


def test_strict_with_a_bad_record_imports_nothing(cli, tmp_path: Path) -> None:
    path = _curve(tmp_path, ["2024-01-01T00:30:00+01:00;300", "2024-01-01T01:00:00+01:00;n/a"])
    strict = cli("import", "enedis", str(path), "--strict")
    assert strict.exit_code == 5 and "--strict: nothing imported" in strict.stderr
    assert _entries(cli) == [] and "profile is empty" in cli("profile").stdout
    lenient = cli("import", "enedis", str(path))
    assert lenient.exit_code == 0
    assert (
        "skipped 1 record: reading that is not a number (first at Enedis_Conso_Heure_20240101-20240102_<PRM>.csv line 5)"
        in lenient.stderr
    )
    assert [e["count"] for e in _entries(cli)] == [1]


# --- junk never crashes the parser ---------------------------------------------------------------------------

_cells = st.one_of(
    st.sampled_from(
        [
            "Horodate",
            "Valeur",
            "Type de releve",
            "Identifiant PRM",
            "Pas en minutes",
            "Periode",
            "30",
            "2024-03-31T03:00:00+02:00",
            "2024-03-31T00:00:00+01:00",
            "412",
            "",
            "Arrêté quotidien",
            "1,5",
            "0001-01-01T00:00:00",
            "9999-12-31T23:59:59+01:00",
        ]
    ),
    st.text(max_size=10),
    hostile_cells,
)
_soup = st.lists(st.lists(_cells, max_size=18), max_size=20).map(lambda rows: "\n".join(";".join(r) for r in rows))


def _only_records_or_data_file_error(path: Path) -> None:
    try:
        for record in Enedis().read(path, _ctx()):
            assert isinstance(record, Touch | Issue | ProfileHint)
    except DataFileError:
        pass


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=600), suffix=st.sampled_from([".csv", ".zip"]))
def test_junk_bytes_never_crash(tmp_path_factory, data: bytes, suffix: str) -> None:
    path = tmp_path_factory.mktemp("junk") / f"Enedis_Conso_Heure_junk{suffix}"
    path.write_bytes(data)
    _only_records_or_data_file_error(path)
    Enedis().detect(path)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_soup, header=st.sampled_from(["", "Horodate;Valeur\n", "Horodate;Type de releve\n", CURVE_HEADER]))
def test_junk_structures_never_crash(tmp_path_factory, text: str, header: str) -> None:
    path = tmp_path_factory.mktemp("soup") / "Enedis_Conso_Jour_soup.csv"
    path.write_text(header + text, encoding="utf-8", errors="replace")
    _only_records_or_data_file_error(path)
