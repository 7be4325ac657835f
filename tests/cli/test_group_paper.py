"""``footprint group sheet`` and ``footprint group template``: the A4 worksheet a participant fills in with a pen,
and the spreadsheet the facilitator types the sheets into, in English and French."""

import csv
import io
import os
import re
import stat
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
SHIPPED = ["cash-only-day", "day-without-big-data", "digital-break-3-weeks", "evening-without-smartphone",
           "week-without-social"]  # fmt: skip


def golden(name: str, text: str) -> str:
    path = GOLDEN / name
    if os.environ.get("FOOTPRINT_UPDATE_GOLDEN"):  # regenerate on purpose, then read the diff
        path.write_bytes(text.encode("utf-8"))
    return path.read_bytes().decode("utf-8")  # byte for byte: the template's CRLF and BOM are part of it


# --- the worksheet -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_worksheet_matches_the_golden_file(cli, tmp_path, lang) -> None:
    out = tmp_path / "sheet.html"
    result = cli("group", "sheet", "day-without-big-data", "--lang", lang, "--out", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == f"Wrote the worksheet of A day without Big Data to {out}\n"
    page = out.read_text(encoding="utf-8")
    assert page == golden(f"worksheet-day-without-big-data-{lang}.html", page)


def test_the_worksheet_goes_to_the_current_folder_owner_only_by_default(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("--lang", "fr", "group", "sheet", "cash-only-day")
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == "Fiche de l'atelier «\u00a0Une journée en espèces\u00a0» écrite dans sheet-cash-only-day-fr.html\n"
    path = tmp_path / "sheet-cash-only-day-fr.html"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    page = path.read_text(encoding="utf-8")
    assert '<html lang="fr">' in page and "<h1>Une journée en espèces</h1>" in page
    again = cli("group", "sheet", "cash-only-day", "--lang", "fr")  # a sheet is made again at will: replaced
    assert again.exit_code == 0 and path.read_text(encoding="utf-8") == page


@pytest.mark.parametrize("challenge", SHIPPED)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_shipped_worksheet_is_one_printable_self_contained_page(cli, tmp_path, challenge, lang) -> None:
    out = tmp_path / "sheet.html"
    assert cli("group", "sheet", challenge, "--lang", lang, "--out", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<script" not in page.lower() and "url(" not in page and "@import" not in page
    assert not re.search(r"(src|href)=", page) and "http" not in page.replace("http-equiv", "")
    assert "@page { size: A4;" in page and "default-src 'none'" in page
    sizes = [float(n) for n in re.findall(r"font-size: ([0-9.]+)pt", page)]
    assert sizes and min(sizes) >= 10  # readable once photocopied
    assert set(re.findall(r"#[0-9a-fA-F]{3,6}\b", page)) <= {"#000", "#fff"}  # black and white, nothing in colour
    rows = re.findall(r'<tr><th scope="row">', page)
    assert 5 <= len(rows) <= 10 and page.count('<span class="box"') == 3 * len(rows) + 2
    # One page: the fixed parts and ten rows of 11.5 mm stay within A4's 273 mm between the margins.
    assert page.count("<li>") == 3


def test_the_worksheet_lists_the_challenge_touchpoints_most_likely_first(cli, tmp_path) -> None:
    out = tmp_path / "sheet.html"
    assert cli("group", "sheet", "evening-without-smartphone", "--out", str(out)).exit_code == 0
    labels = re.findall(r'<tr><th scope="row">([^<]*)</th>', out.read_text(encoding="utf-8"))
    # the hinted ones first (the tablet is hinted but allowed: not listed), then the social networks
    assert labels[:5] == ["Smartphone", "Messaging (SMS, WhatsApp, Signal...)", "Phone call", "Maps and GPS navigation",
                          "Mobile payment (phone or watch)"]  # fmt: skip
    assert labels[5:] == ["Facebook", "Instagram", "X (Twitter)", "LinkedIn", "TikTok"]


def test_an_unknown_challenge_or_folder_is_one_line(cli, tmp_path) -> None:
    unknown = cli("group", "sheet", "day-without-bigdata")
    assert unknown.exit_code == 3 and unknown.stdout == ""
    assert unknown.stderr == (
        "footprint: unknown challenge 'day-without-bigdata' (did you mean: day-without-big-data?):"
        " see 'footprint challenge list'\n"
    )
    nowhere = cli("group", "sheet", "cash-only-day", "--out", str(tmp_path / "no" / "sheet.html"))
    assert nowhere.exit_code == 2 and nowhere.stderr == f"footprint: {tmp_path / 'no'}: no such folder\n"


# --- the template --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_template_matches_the_golden_file(cli, tmp_path, lang) -> None:
    out = tmp_path / "sheets.csv"
    result = cli("group", "template", "cash-only-day", "--lang", lang, "--out", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == f"Wrote the template of A cash-only day to {out}\n"
    data = out.read_bytes()
    assert data.startswith("\ufeff".encode()) and b"\r\n" in data  # what Excel opens as UTF-8
    text = data.decode("utf-8")
    assert text == golden(f"sheets-template-cash-only-day-{lang}.csv", text)
    rows = list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";" if lang == "fr" else ","))
    assert len(rows) == 26 and {r[0] for r in rows[1:]} == {"cash-only-day"}


def test_the_template_never_replaces_a_typed_in_file_without_force(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli("group", "template", "cash-only-day").exit_code == 0
    path = tmp_path / "sheets-cash-only-day-en.csv"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    path.write_text("typed in for an hour", encoding="utf-8")
    refused = cli("group", "template", "cash-only-day")
    assert refused.exit_code == 2 and refused.stdout == ""
    assert refused.stderr == (
        "footprint: sheets-cash-only-day-en.csv already exists: it may hold typed-in sheets; pass --force to replace it\n"
    )
    assert path.read_text(encoding="utf-8") == "typed in for an hour"
    assert cli("group", "template", "cash-only-day", "--force").exit_code == 0
    assert path.read_text(encoding="utf-8-sig").startswith("challenge,pseudonym,status,hours,")


def test_the_template_has_only_csv(cli) -> None:
    result = cli("group", "template", "cash-only-day", "--format", "xlsx")
    assert result.exit_code == 3 and result.stdout == ""
    assert result.stderr == "footprint: unknown format “xlsx”; use one of csv\n"


def test_every_cell_the_template_writes_is_neutralised(tmp_path) -> None:
    from footprint.domain.catalog import Text
    from footprint.exporters.worksheet import template_csv
    from footprint.services import Service
    from footprint.services.worksheets import _sheet_of
    from footprint.settings import resolve

    challenge, tps = _sheet_of(Service(resolve()), "cash-only-day")
    hostile = tps[0]._replace(label=Text("=cmd|' /C calc'!A0", "@SUM(A1)"))
    for lang, start in (("en", "'=cmd"), ("fr", "'@SUM")):
        header = next(csv.reader(io.StringIO(template_csv(challenge, (hostile,), lang)[1:]), delimiter=";" if lang == "fr" else ","))
        assert header[4].startswith(start) and header[5].startswith(start)
