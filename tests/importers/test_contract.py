"""The contract every importer of the registry keeps, one test each, parametrised over ``IMPORTERS``:

- a truncated archive is one clear error (exit 5, one line), and nothing is written;
- ``--strict`` imports exactly what a plain import does, or refuses (exit 5) and writes nothing;
- importing the same export again adds nothing;
- junk never crashes: a ``DataFileError`` (or issues) at worst, never another exception;
- a newer export that overlaps an older one adds nothing twice: the journal holds what the newer one alone
  gives (the same export downloaded again under another name and folder, zipped where the format allows, and
  for line-based formats an older export cut short, then the whole one);
- no identifier or content is kept: the journal file and its write-ahead log hold none of the file names,
  member, meter or account numbers, texts, titles or labels of the export.

``CASES`` is the fixture table: each importer's small fixture in the real shape (the importers' owners keep
them under ``tests/fixtures/``), what of it must never reach the journal, and how to cut an older export
out of it. A new importer fails ``test_every_importer_has_a_contract_case`` until it has a row.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from importer_support import shipped_resolve, zip_folder

from footprint.errors import FootprintError
from footprint.importers import IMPORTERS, importer
from footprint.importers.base import ImportContext
from footprint.services.imports import load_mappings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PRM = "12345678901234"


def _drop_last_lines(n: int, section: bool = True) -> Callable[[Path, Path], Path]:
    """An older export of a line-based file: the same file without its last ``n`` data lines (with
    ``section``, any trailing section after a blank line, like Enedis's tariff calendar, is kept)."""

    def older(path: Path, folder: Path) -> Path:
        lines = path.read_bytes().splitlines(keepends=True)
        blanks = (i for i, line in enumerate(lines) if section and i > 2 and not line.strip())
        blank = next(blanks, len(lines))
        out = folder / path.name
        out.write_bytes(b"".join(lines[: blank - n] + lines[blank:]))
        return out

    return older


class Case(NamedTuple):
    fixture: Path
    secrets: tuple[str, ...]  # names, numbers and contents that must never reach the journal
    older: Callable[[Path, Path], Path] | None = None  # cut an older export out of the fixture
    zips: bool = True  # the format also comes as a zip archive


CASES: dict[str, Case] = {
    "footprint-json": Case(FIXTURES / "footprint-json" / "journal.json", ("journal.json",), zips=False),
    "google-takeout": Case(
        FIXTURES / "google-takeout" / "json", ("cheap flights to nowhere", "Example Domain", "MyActivity.json")
    ),
    "twitter": Case(FIXTURES / "twitter" / "archive", ("Happy new year", "someone_example", "tweets-part1")),
    "facebook": Case(FIXTURES / "facebook" / "2024", ("Merci", "your_posts__check_ins", "likes_and_reactions")),
    "instagram": Case(FIXTURES / "instagram" / "2024", ("avant le train",)),
    "linkedin": Case(
        FIXTURES / "linkedin" / "Basic_LinkedInDataExport_03-05-2024",
        ("155814142", "Dominique", "Tech Days", "7100000000000000001", "Camille", "Basic_LinkedIn"),
    ),
    "bank": Case(FIXTURES / "bank" / "releve_70011112222.ofx", ("70011112222", "19999", "releve_", "LIBRAIRIE")),
    "enedis": Case(
        FIXTURES / "enedis" / f"Enedis_Conso_Jour_20240325-20240405_{PRM}.csv",
        (PRM, "Enedis_Conso", "13446212", "Heures pleines"),
        older=_drop_last_lines(4),
    ),
    "activitywatch": Case(FIXTURES / "activitywatch" / "aw-buckets-export.json", ("A page about owls", "aw-buckets")),
    "csv": Case(
        FIXTURES / "csv" / "diary.csv",
        ("bakery", "went on", "diary"),
        older=_drop_last_lines(1, section=False),
        zips=False,
    ),
}
NAMES = [imp.name for imp in IMPORTERS]


def test_every_importer_has_a_contract_case() -> None:
    assert sorted(CASES) == sorted(NAMES)
    for case in CASES.values():
        assert case.fixture.exists(), case.fixture


# --- helpers -------------------------------------------------------------------------------------------------


def _zipped(path: Path, dest: Path, wrapper: str = "download/") -> Path:
    if path.is_dir():
        return zip_folder(path, dest, wrapper)
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(path, wrapper + path.name)
    return dest


def _redownload(case: Case, folder: Path) -> Path:
    """The same export downloaded again: another folder and name, zipped where the format allows."""
    folder.mkdir()
    if case.zips:
        return _zipped(case.fixture, folder / "export-later.zip", "later/")
    dest = folder / f"again{case.fixture.suffix}"
    shutil.copy(case.fixture, dest)
    return dest


def _rows(cli: Any) -> Counter[tuple[Any, ...]]:
    result = cli("list", "--json")
    assert result.exit_code == 0, result.stderr
    entries = json.loads(result.stdout)
    return Counter((e["day"], e["touchpoint"], e["count"], e["minutes"], e["source"]) for e in entries)


def _import(cli: Any, name: str, path: Path, *options: str) -> Any:
    result = cli("import", name, str(path), *options)
    assert result.exit_code in (0, 5), (name, result.exit_code, result.stdout, result.stderr)
    return result


def _one_line_error(result: Any) -> None:
    assert result.exit_code == 5, (result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("footprint: ") and "Traceback" not in result.stderr


def _use_journal(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    path.parent.mkdir(mode=0o700, exist_ok=True)
    monkeypatch.setenv("FOOTPRINT_DB", str(path))


# --- the contract --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_a_truncated_archive_is_one_error_and_writes_nothing(cli, name: str, tmp_path: Path) -> None:
    full = _zipped(CASES[name].fixture, tmp_path / "export.zip").read_bytes()
    cut = tmp_path / "export-cut.zip"
    cut.write_bytes(full[: len(full) // 2])
    _one_line_error(cli("import", name, str(cut)))
    assert _rows(cli) == Counter()


@pytest.mark.parametrize("name", NAMES)
def test_strict_imports_the_same_or_refuses_and_writes_nothing(cli, monkeypatch, name: str, tmp_path: Path) -> None:
    fixture = CASES[name].fixture
    plain = _import(cli, name, fixture)
    expected = _rows(cli)
    _use_journal(monkeypatch, tmp_path / "strict" / "journal.db")
    strict = _import(cli, name, fixture, "--strict")
    if strict.exit_code == 0:
        assert _rows(cli) == expected
        assert "skipped" not in plain.stderr  # a plain import that skipped records is refused by --strict
    else:
        _one_line_error(strict)
        assert "--strict" in strict.stderr and _rows(cli) == Counter()
    # A damaged record in a file otherwise well read is always refused by --strict.
    junk = tmp_path / f"junk{fixture.suffix}"
    junk.write_bytes(b"\x00\xff not an export \x00")
    assert cli("import", name, str(junk), "--strict").exit_code == 5
    assert _rows(cli) == (expected if strict.exit_code == 0 else Counter())


@pytest.mark.parametrize("name", NAMES)
def test_importing_again_adds_nothing(cli, name: str) -> None:
    first = _import(cli, name, CASES[name].fixture)
    assert first.exit_code == 0, first.stderr
    rows = _rows(cli)
    assert rows
    _import(cli, name, CASES[name].fixture)
    assert _rows(cli) == rows


@pytest.mark.parametrize("name", NAMES)
def test_a_newer_overlapping_export_adds_nothing_twice(cli, monkeypatch, name: str, tmp_path: Path) -> None:
    case = CASES[name]
    _import(cli, name, case.fixture)
    alone = _rows(cli)
    again = _redownload(case, tmp_path / "later")
    _use_journal(monkeypatch, tmp_path / "both" / "journal.db")
    if case.older is not None:
        (tmp_path / "older").mkdir()
        _import(cli, name, case.older(case.fixture, tmp_path / "older"))
        assert _rows(cli) != alone  # the older export holds less
    _import(cli, name, case.fixture)
    _import(cli, name, again)
    assert _rows(cli) == alone


@pytest.mark.parametrize("name", NAMES)
def test_no_identifier_or_content_is_kept(cli, db_path: Path, name: str, tmp_path: Path) -> None:
    case = CASES[name]
    # The export under a name carrying a number, as downloads are (a member id, an account number).
    named = tmp_path / f"export-70099988877{case.fixture.suffix}"
    if case.fixture.is_dir():
        shutil.copytree(case.fixture, named)
    else:
        shutil.copy(case.fixture, named)
    _import(cli, name, named)
    _import(cli, name, _zipped(named, tmp_path / "export-70099988877.zip") if case.zips else named)
    data = b"".join(Path(f"{db_path}{s}").read_bytes() for s in ("", "-wal") if Path(f"{db_path}{s}").exists())
    assert f"import:{name}".encode() in data or name == "footprint-json"
    for secret in (*case.secrets, "70099988877"):
        assert secret.encode() not in data, secret


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300), keep=st.integers(0, 400))
def test_junk_never_crashes(tmp_path_factory, name: str, data: bytes, keep: int) -> None:
    """Random bytes, and the fixture's own first bytes followed by junk: issues or a DataFileError."""
    case = CASES[name]
    folder = tmp_path_factory.mktemp("junk")
    first = case.fixture if case.fixture.is_file() else next(p for p in sorted(case.fixture.rglob("*")) if p.is_file())
    path = folder / first.name
    path.write_bytes(first.read_bytes()[:keep] + data)
    ctx = ImportContext(load_mappings(), ZoneInfo("Europe/Paris"), resolve=shipped_resolve)
    try:
        for _ in importer(name).read(path, ctx):
            pass
    except FootprintError:
        pass
