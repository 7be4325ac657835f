"""``google-takeout``: My Activity in JSON and HTML, English, French and German, as a file, a folder or a zip;
the exact touches, the date-line traps, and the import through the CLI."""

from __future__ import annotations

import json
import shutil
import unicodedata
import zipfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from importer_support import dumps, hostile_json, journal_entries

from footprint.errors import DataFileError
from footprint.importers.google import html_activity, json_activity
from footprint.importers.base import ImportContext, Issue, Touch
from footprint.importers.google import GoogleTakeout
from footprint.importers.google.dates import Zones, parse_date_line
from footprint.services.imports import load_mappings

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "google-takeout"
PARIS = ZoneInfo("Europe/Paris")
SEARCH_JSON = "Takeout/My Activity/Search/MyActivity.json"


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def ctx(zone: ZoneInfo = PARIS) -> ImportContext:
    return ImportContext(load_mappings(), zone)


def read(path: Path, zone: ZoneInfo = PARIS) -> list:
    return list(GoogleTakeout().read(path, ctx(zone)))


def touches(records: list) -> list[tuple[datetime, str, int, str | None]]:
    return [(r.at.astimezone(UTC), r.touchpoint, r.count, r.group) for r in records if isinstance(r, Touch)]


def issues(records: list) -> list[tuple[str, str]]:
    return [(r.kind, r.where) for r in records if isinstance(r, Issue)]


def zipped(folder: Path, out: Path) -> Path:
    with zipfile.ZipFile(out, "w") as z:
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                z.write(p, p.relative_to(folder).as_posix())
    return out


# --- JSON --------------------------------------------------------------------------------------------


def test_json_folder_gives_one_touch_per_entry_by_product() -> None:
    records = read(FIXTURES / "json")
    assert touches(records) == [
        # Android: the app by its Play Store package id, else by name, else plain smartphone use
        (utc(2026, 11, 21, 18, 5), "instagram", 1, "Android"),
        (utc(2026, 11, 21, 18, 10), "messaging", 1, "Android"),
        (utc(2026, 11, 21, 18, 20), "smartphone", 1, "Android"),
        # Search: milli- and microseconds, an ad click, an old entry without header (its products decide)
        (utc(2026, 11, 20, 7, 41, 12, 345000), "web-search", 1, "Search"),
        (utc(2026, 11, 20, 7, 42, 0, 123456), "web-search", 1, "Search"),
        (utc(2016, 3, 5, 22, 30), "web-search", 1, "Search"),
        (utc(2026, 11, 19, 23, 30), "web-search", 1, "Image Search"),
        # a product the mapping does not know, inside the Search folder: the folder decides
        (utc(2026, 11, 19, 10, 0), "web-search", 1, "Search"),
        # neither header nor products: the folder decides
        (utc(2026, 11, 18, 10, 0, 0, 500000), "web-search", 1, "Search"),
        # YouTube written compact, on one line
        (utc(2026, 11, 21, 20, 0), "video-streaming", 1, "YouTube"),
        (utc(2026, 11, 21, 19, 59), "video-streaming", 1, "YouTube"),
    ]
    # the Takeout entry (the export itself) is skipped without an issue
    assert issues(records) == [
        ("entry without a date", f"{SEARCH_JSON} #4"),
        ("entry with an unreadable date", f"{SEARCH_JSON} #5"),
        ("unreadable entry", f"{SEARCH_JSON} #9"),
    ]


def test_a_single_file_has_no_folder_to_fall_back_on() -> None:
    records = read(FIXTURES / "json" / SEARCH_JSON)
    assert ("product not in mappings/google.toml: 'Gizmo Labs'", "MyActivity.json #7") in issues(records)
    assert ("entry without a product", "MyActivity.json #8") in issues(records)
    assert len(touches(records)) == 4


def test_nothing_of_the_content_is_kept() -> None:
    for folder in ("json", "html-en", "html-fr"):
        for record in read(FIXTURES / folder):
            text = repr(record)
            for secret in ("flights", "weather", "kittens", "cat", "Example", "météo", "chats", "http"):
                assert secret not in text, (folder, record)


def test_german_paths_without_header_use_the_translated_folder(tmp_path: Path) -> None:
    folder = tmp_path / "Takeout" / "Meine Aktivitäten" / "Suche"
    folder.mkdir(parents=True)
    entries = [
        {"header": "Suche", "title": "Gesucht nach x", "time": "2026-11-20T10:00:00.000Z", "products": ["Suche"]},
        {"title": "Gesucht nach y", "time": "2026-11-20T11:00:00Z"},
        {
            "header": "Bildersuche",
            "title": "Gesucht nach z",
            "time": "2026-11-20T12:00:00Z",
            "products": ["Bildersuche"],
        },
    ]
    (folder / "MeineAktivitäten.json").write_text(json.dumps(entries, indent=2), encoding="utf-8")
    assert touches(read(tmp_path)) == [
        (utc(2026, 11, 20, 10), "web-search", 1, "Search"),
        (utc(2026, 11, 20, 11), "web-search", 1, "Search"),
        (utc(2026, 11, 20, 12), "web-search", 1, "Image Search"),
    ]


def test_decomposed_accents_in_names_french_nfd(tmp_path: Path) -> None:
    # macOS zips write "é" as "e" + combining accent
    folder = tmp_path / unicodedata.normalize("NFD", "Mon activité") / "Recherche"
    folder.mkdir(parents=True)
    shutil.copy(
        FIXTURES / "html-fr" / "Takeout" / "Mon activité" / "Recherche" / "MonActivité.html",
        folder / unicodedata.normalize("NFD", "MonActivité.html"),
    )
    assert len(touches(read(tmp_path))) == 3
    assert GoogleTakeout().detect(tmp_path)


def test_big_json_is_streamed_across_chunks_pretty_or_compact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(json_activity, "CHUNK", 1000)  # many chunk boundaries, runs and single items
    start = utc(2026, 1, 1)
    entries = [
        {
            "header": ["Search", "YouTube", "Maps", "Chrome", "Discover"][i % 5],
            "title": f"t{i} \\u003d" + " }},{{\n}}",
            "time": (start + timedelta(minutes=7 * i)).isoformat().replace("+00:00", "Z"),
            "products": [["Search", "YouTube", "Maps", "Chrome", "Discover"][i % 5]],
            "subtitles": [{"name": "a"}, {"name": "b"}],
        }
        for i in range(600)
    ]
    expected = [(start + timedelta(minutes=7 * i), e["products"][0]) for i, e in enumerate(entries)]
    for name, text in (
        ("pretty", json.dumps(entries, indent=2)),
        ("takeout", "[" + ",".join(json.dumps(e, indent=2) for e in entries) + "]"),
        ("compact", json.dumps(entries)),
    ):
        path = tmp_path / name / "MyActivity.json"
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
        got = [(at, group) for at, _, _, group in touches(read(path))]
        assert got == expected, name


def test_truncated_or_foreign_json_is_one_data_file_error(tmp_path: Path) -> None:
    good = (FIXTURES / "json" / "Takeout" / "My Activity" / "Android" / "MyActivity.json").read_text()
    cases = {"truncated": good[: len(good) // 2], "object": '{"locations": []}', "empty": "", "latin1": "[\xe9]"}
    for name, text in cases.items():
        path = tmp_path / name / "MyActivity.json"
        path.parent.mkdir()
        path.write_bytes(text.encode("latin-1"))
        with pytest.raises(DataFileError, match=str(path)):
            read(path)


def test_a_folder_without_my_activity_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "Takeout" / "Chrome").mkdir(parents=True)
    (tmp_path / "Takeout" / "Chrome" / "BrowserHistory.json").write_text("{}")
    with pytest.raises(DataFileError, match="no Google Takeout My Activity files found"):
        read(tmp_path)


# --- HTML ---------------------------------------------------------------------------------------------


def test_english_html_dates_zones_and_split_files() -> None:
    records = read(FIXTURES / "html-en")
    assert touches(records) == [
        # Android "Used Maps": header is the app, the caption says Android, the package decides
        (utc(2026, 11, 21, 18, 16), "maps", 1, "Android"),
        (utc(2026, 11, 21, 18, 15), "maps", 1, "Maps"),
        # My Activity-2.html: its own group; UK English day-first date; a trailing <br>
        (utc(2026, 6, 6, 6, 53, 12), "web-search", 1, "Search#2"),
        # "CET" written on a July date: Paris was on CEST (+2)
        (utc(2024, 7, 15, 7, 0), "web-search", 1, "Search"),
        # no zone before ~2018: the journal's zone (CET in March)
        (utc(2016, 3, 5, 19, 41, 12), "web-search", 1, "Search"),
        (utc(2019, 3, 5, 8, 41, 12), "web-search", 1, "Search"),
        # "BST" on a January date: London was on GMT
        (utc(2026, 1, 10, 9, 0), "web-search", 1, "Search"),
        # "PDT" on a January date: Los Angeles was on PST (-8)
        (utc(2026, 1, 10, 8, 30), "web-search", 1, "Image Search"),
        # no header cell: the caption's products decide
        (utc(2026, 11, 20, 22, 59, 59), "web-search", 1, "Search"),
    ]
    assert issues(records) == [("entry without a date", "Takeout/My Activity/Search/MyActivity.html #7")]


def test_french_html_same_groups_as_english() -> None:
    assert touches(read(FIXTURES / "html-fr")) == [
        (utc(2026, 9, 30, 6, 0), "web-search", 1, "Search"),  # "CET" in September: CEST
        (utc(2026, 2, 2, 22, 30), "web-search", 1, "Search"),
        (utc(2026, 11, 21, 9, 0), "web-search", 1, "Image Search"),  # an explicit offset is taken as written
        (utc(2026, 8, 1, 19, 5), "video-streaming", 1, "YouTube"),
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Mar 5, 2024, 8:41:12 AM CET", utc(2024, 3, 5, 7, 41, 12)),
        ("Mar 5, 2024, 8:41:12\u202fPM CET", utc(2024, 3, 5, 19, 41, 12)),  # narrow no-break space
        ("Mar\u00a05,\u00a02024,\u00a012:05:00\u2003AM\u00a0CET", utc(2024, 3, 4, 23, 5)),  # &nbsp; &emsp;, 12 AM
        ("Mar 5, 2024, 12:05:00 PM UTC", utc(2024, 3, 5, 12, 5)),
        ("Dec 24, 2025, 6:00:00 PM CEST", utc(2025, 12, 24, 17, 0)),  # CEST on a winter date: CET
        ("Jul 4, 2025, 10:00:00 AM EST", utc(2025, 7, 4, 14, 0)),  # EST in July: New York on EDT
        ("Jan 10, 2026, 9:00:00 AM GMT", utc(2026, 1, 10, 9, 0)),
        ("Jul 10, 2026, 9:00:00 AM GMT", utc(2026, 7, 10, 8, 0)),  # GMT in July: London on BST
        ("Jun 23, 2015, 2:43:45 PM", utc(2015, 6, 23, 12, 43, 45)),  # no zone: the journal's (CEST)
        ("Sep 10, 2019, 8:51:45 PM XYZT", utc(2019, 9, 10, 18, 51, 45)),  # unknown: the journal's zone
        ("Sep 10, 2019, 8:51:45 PM GMT+03:00", utc(2019, 9, 10, 17, 51, 45)),
        ("30 sept. 2026, 08:00:00 CET", utc(2026, 9, 30, 6, 0)),
        ("5 mars 2024, 18:41:12 UTC", utc(2024, 3, 5, 18, 41, 12)),
        ("1 juil. 2024, 00:00:00 CEST", utc(2024, 6, 30, 22, 0)),
        ("15 déc. 2024, 23:59:59 CET", utc(2024, 12, 15, 22, 59, 59)),
        ("3 août 2024 à 09:15:00 UTC", utc(2024, 8, 3, 9, 15)),
        ("7 févr. 2024, 10:00:00 UTC−1", utc(2024, 2, 7, 11, 0)),
        ("05.03.2024, 08:41:12 MEZ", utc(2024, 3, 5, 7, 41, 12)),
        ("5. März 2024, 08:41:12 MESZ", utc(2024, 3, 5, 7, 41, 12)),
        ("2026-09-02T12:00:00Z", utc(2026, 9, 2, 12, 0)),
        ("Searched for weather", None),
        ("Mar 35, 2024, 8:41:12 AM CET", None),
        ("Foo 5, 2024, 8:41:12 AM CET", None),
        ("13:00:00", None),
        ("", None),
    ],
)
def test_date_lines(line: str, expected: datetime | None) -> None:
    got = parse_date_line(line, Zones(load_mappings()["google"], PARIS))
    assert (got.astimezone(UTC) if got else None) == expected


def test_the_journal_zone_wins_when_it_uses_the_abbreviation() -> None:
    zones = Zones(load_mappings()["google"], ZoneInfo("Europe/Brussels"))
    assert zones.get("CET") == ZoneInfo("Europe/Brussels")
    assert zones.get("BST") == ZoneInfo("Europe/London")
    assert zones.get("UTC") == UTC
    assert zones.get("UTC+2") == timezone(timedelta(hours=2))
    london = Zones(load_mappings()["google"], ZoneInfo("Europe/Dublin"))
    assert london.get("IST") == ZoneInfo("Europe/Dublin")  # Irish Standard Time there, not India's


def test_html_truncated_mid_entry_reports_it(tmp_path: Path) -> None:
    text = (FIXTURES / "html-fr" / "Takeout" / "Mon activité" / "Recherche" / "MonActivité.html").read_text()
    path = tmp_path / "MonActivité.html"
    path.write_text(text[: text.rindex("Produits")], encoding="utf-8")
    records = read(path)
    assert len(touches(records)) == 2
    assert issues(records) == [("unfinished entry (truncated file?)", "MonActivité.html #3")]


def test_html_not_utf8_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "MyActivity.html"
    path.write_bytes("<div class='outer-cell'>é</div>".encode("cp1252"))  # UTF-16 with its mark would read
    with pytest.raises(DataFileError, match="not UTF-8"):
        read(path)


# --- detect, folders and zips ---------------------------------------------------------------------------


def test_detect_file_folder_and_zip(tmp_path: Path) -> None:
    imp = GoogleTakeout()
    assert imp.detect(FIXTURES / "json" / SEARCH_JSON)
    assert imp.detect(FIXTURES / "html-fr" / "Takeout" / "Mon activité" / "Recherche" / "MonActivité.html")
    assert imp.detect(FIXTURES / "json")
    archive = zipped(FIXTURES / "html-fr", tmp_path / "takeout-20261122.zip")
    assert imp.detect(archive)
    renamed = tmp_path / "export.json"
    shutil.copy(FIXTURES / "json" / SEARCH_JSON, renamed)
    assert imp.detect(renamed)
    assert touches(read(renamed)) == touches(read(FIXTURES / "json" / SEARCH_JSON))
    other = tmp_path / "other.json"
    other.write_text('{"format": "footprint-journal"}')
    assert not imp.detect(other)
    assert not imp.detect(FIXTURES.parent / "activitywatch")
    assert not imp.detect(tmp_path / "missing.zip")


def test_zip_reads_like_the_folder(tmp_path: Path) -> None:
    for folder in ("json", "html-en", "html-fr"):
        archive = zipped(FIXTURES / folder, tmp_path / f"{folder}.zip")
        assert touches(read(archive)) == touches(read(FIXTURES / folder))


# --- through the CLI --------------------------------------------------------------------------------------


_entries = journal_entries


def test_cli_import_then_again_adds_nothing(cli) -> None:
    path = str(FIXTURES / "json")
    result = cli("import", "google-takeout", path)
    assert result.exit_code == 0, result.stderr
    assert "Imported google-takeout: 11 touches from 2016-03-05 to 2026-11-21" in result.stdout
    assert "skipped 1 × entry without a date (first at Takeout/My Activity/Search/MyActivity.json #4)" in result.stderr
    entries = _entries(cli)
    by_ref = {e["source_ref"]: (e["touchpoint"], e["count"]) for e in entries}
    assert by_ref["Search:2026-11-20:web-search"] == ("web-search", 2)
    assert by_ref["Image Search:2026-11-20:web-search"] == ("web-search", 1)  # 23:30 UTC is the 20th in Paris
    assert by_ref["YouTube:2026-11-21:video-streaming"] == ("video-streaming", 2)
    assert by_ref["Android:2026-11-21:instagram"] == ("instagram", 1)
    assert {e["source"] for e in entries} == {"import:google-takeout"}
    again = cli("import", "google-takeout", path)
    assert again.exit_code == 0 and "nothing new" in again.stdout
    assert _entries(cli) == entries


def test_cli_english_then_french_export_of_the_same_day_adds_nothing(cli, tmp_path: Path) -> None:
    day = [
        {"header": "Search", "title": "Searched for a", "time": "2026-11-20T10:00:00Z", "products": ["Search"]},
        {"header": "Search", "title": "Searched for b", "time": "2026-11-20T11:00:00Z", "products": ["Search"]},
    ]
    fr = [{**e, "header": "Recherche", "products": ["Recherche"], "title": "Vous avez recherché x"} for e in day]
    (tmp_path / "en").mkdir()
    (tmp_path / "fr").mkdir()
    (tmp_path / "en" / "MyActivity.json").write_text(json.dumps(day))
    (tmp_path / "fr" / "MonActivité.json").write_text(json.dumps(fr))
    assert "1 new entries" in cli("import", "google-takeout", str(tmp_path / "en")).stdout
    assert "nothing new" in cli("import", "google-takeout", str(tmp_path / "fr")).stdout


def test_cli_strict_with_a_bad_record_imports_nothing(cli) -> None:
    result = cli("import", "google-takeout", str(FIXTURES / "json"), "--strict")
    assert result.exit_code == 5 and "nothing imported" in result.stderr
    assert result.stderr.count("\n") == 1
    assert _entries(cli) == []


def test_cli_truncated_zip_and_wrong_file_are_exit_5_one_line(cli, tmp_path: Path) -> None:
    archive = zipped(FIXTURES / "json", tmp_path / "takeout.zip")
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    wrong = tmp_path / "MyActivity.json"
    wrong.write_text('{"not": "an array"}')
    for path in (truncated, wrong):
        result = cli("import", "google-takeout", str(path))
        assert result.exit_code == 5, result.output
        assert result.stderr.startswith(f"footprint: {path}") and result.stderr.count("\n") == 1
        assert result.stdout == ""
    assert _entries(cli) == []


# --- fuzz --------------------------------------------------------------------------------------------

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30) | hostile_json,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(["header", "title", "time", "products", "titleUrl", "x"]), inner, max_size=5)
    ),
    max_leaves=15,
)


def _only_records_or_data_errors(path: Path) -> None:
    try:
        for record in GoogleTakeout().read(path, ctx()):
            assert isinstance(record, Touch | Issue)
    except DataFileError:
        pass


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".json", ".html"]))
def test_fuzz_junk_bytes(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"MyActivity{suffix}"
    path.write_bytes(data)
    _only_records_or_data_errors(path)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(items=st.lists(_json_values, max_size=6), pretty=st.booleans())
def test_fuzz_junk_structures(tmp_path: Path, items: list, pretty: bool) -> None:
    path = tmp_path / "MyActivity.json"
    path.write_text(dumps(items, indent=2 if pretty else None), encoding="utf-8")
    _only_records_or_data_errors(path)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(header=st.text(max_size=20), body=st.text(max_size=60), products=st.text(max_size=20))
def test_fuzz_junk_html_cells(tmp_path: Path, header: str, body: str, products: str) -> None:
    cell = (
        f'<div class="outer-cell"><div class="header-cell">{header}</div>'
        f'<div class="content-cell mdl-typography--body-1">{body}<br>{body}</div>'
        f'<div class="content-cell mdl-typography--caption"><b>Products:</b><br>{products}</div></div>'
    )
    path = tmp_path / "MyActivity.html"
    path.write_text(cell * 2, encoding="utf-8")
    _only_records_or_data_errors(path)


# --- layouts seen in real exports (hand-made, in their shapes) ------------------------------------------

_PRETTY_2016 = """<html><head><meta charset="utf-8"><title>My Activity</title></head><body><div class="mdl-grid">
    <div class="outer-cell mdl-cell mdl-cell--12-col mdl-shadow--2dp">
      <div class="mdl-grid">
        <div class="header-cell mdl-cell mdl-cell--12-col">
          <p class="mdl-typography--title">YouTube<br></p>
        </div>
        <div class="content-cell mdl-cell mdl-cell--6-col mdl-typography--body-1">Watched a film<br>Jul 13,
          2016, 2:17:59 PM EDT</div>
        <div class="content-cell mdl-cell mdl-cell--6-col mdl-typography--body-1 mdl-typography--text-right"></div>
        <div class="content-cell mdl-cell mdl-cell--12-col mdl-typography--caption"><b>Products:</b><br>&emsp;YouTube<br></div>
      </div>
    </div>
</div></body></html>
"""
_CLOSED_DATE_2025 = (
    '<html><body><div class="mdl-grid"><div class="outer-cell mdl-cell mdl-cell--12-col mdl-shadow--2dp">'
    '<div class="mdl-grid"><div class="header-cell mdl-cell mdl-cell--12-col"><p class="mdl-typography--title">'
    'YouTube<br></p></div><div class="content-cell mdl-cell mdl-cell--6-col mdl-typography--body-1">Dismissed a '
    "video that is no longer available<br>Dec 27, 2025, 9:42:00\u202fPM UTC<br></div>"
    '<div class="content-cell mdl-cell mdl-cell--6-col mdl-typography--body-1 mdl-typography--text-right"></div>'
    '<div class="content-cell mdl-cell mdl-cell--12-col mdl-typography--caption"><b>Products:</b><br>&emsp;YouTube'
    "<br></div></div></div></div></body></html>"
)
_SPANISH = (
    '<html><body><div class="mdl-grid"><div class="outer-cell mdl-cell mdl-cell--12-col mdl-shadow--2dp">'
    '<div class="mdl-grid"><div class="header-cell mdl-cell mdl-cell--12-col"><p class="mdl-typography--title">'
    'Búsqueda<br></p></div><div class="content-cell mdl-cell mdl-cell--6-col mdl-typography--body-1">Has buscado'
    '&nbsp;<a href="https://www.google.com/search?q=tiempo">tiempo</a><br>5 mar 2024, 8:41:12 CET</div>'
    '<div class="content-cell mdl-cell mdl-cell--6-col mdl-typography--body-1 mdl-typography--text-right"></div>'
    '<div class="content-cell mdl-cell mdl-cell--12-col mdl-typography--caption"><b>Productos:</b><br>&emsp;Búsqueda'
    "<br><b>¿Por qué se grabó esta actividad?</b><br>&emsp;Actividad en la Web y en Aplicaciones<br></div></div></div>"
    "</div></body></html>"
)


@pytest.mark.parametrize(
    ("folder", "html", "expected"),
    [
        ("My Activity/YouTube", _PRETTY_2016, (utc(2016, 7, 13, 18, 17, 59), "video-streaming", 1, "YouTube")),
        ("My Activity/YouTube", _CLOSED_DATE_2025, (utc(2025, 12, 27, 21, 42), "video-streaming", 1, "YouTube")),
        ("Mi actividad/Búsqueda", _SPANISH, (utc(2024, 3, 5, 7, 41, 12), "web-search", 1, "Search")),
    ],
    ids=["pretty-printed-2016", "date-line-closed-2025", "spanish"],
)
def test_real_html_layouts(tmp_path: Path, folder: str, html: str, expected: tuple) -> None:
    target = tmp_path / "Takeout" / folder
    target.mkdir(parents=True)
    (target / "MyActivity.html").write_text(html, encoding="utf-8")
    records = read(tmp_path)
    assert touches(records) == [expected] and issues(records) == []
