"""``footprint group summarize`` with typed-in worksheets: a workshop of 15 people on paper, typed into a CSV
(or saved as .xlsx or .ods) by the facilitator, summarised exactly as their cards would be; and every bad
row or file named by file and line, never run, never a traceback."""

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from card_support import card
from sheet_support import write_csv, write_ods, write_xlsx

CHALLENGE = "day-without-big-data"
# 15 participants on paper: per touchpoint (status, times, minutes); "" status = not part of their life.
PEOPLE: list[tuple[str, str, dict[str, tuple[str, str, str]]]] = [
    (f"p{i:02d}", "finished" if i % 4 else "stopped",
     {"Smartphone": ("used" if i % 3 else "unavoidable", str(i % 5 + 1), str(i * 3) if i % 2 else ""),
      "Bank card": ("no", "", ""),
      "Smart electricity meter (Linky)": ("unavoidable", "", ""),
      "Computer": ("no" if i % 2 else "used", "" if i % 2 else "2", ""),
      "Email": ("used", "", "") if i % 5 == 0 else ("", "", "")})
    for i in range(1, 16)
]  # fmt: skip
IDS = {"Smartphone": "smartphone", "Bank card": "bank-card", "Smart electricity meter (Linky)": "smart-meter",
       "Computer": "computer", "Email": "email"}  # fmt: skip


def template_header(cli, tmp_path: Path, lang: str = "en") -> list[str]:
    out = tmp_path / f"template-{lang}.csv"
    result = cli("group", "template", CHALLENGE, "--lang", lang, "--out", str(out))
    assert result.exit_code == 0, result.stderr
    return next(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=";" if lang == "fr" else ","))


def typed_rows(header: list[str], people=PEOPLE) -> list[list[str]]:
    """The sheets of ``people`` as rows under ``header`` (the English template's)."""
    rows = [header]
    for pseudonym, status, marks in people:
        row = [""] * len(header)
        row[0], row[1], row[2] = CHALLENGE, pseudonym, status
        for label, (box, times, minutes) in marks.items():
            row[header.index(label)] = box
            row[header.index(f"{label} (times)")] = times
            if minutes:
                row[header.index(f"{label} (minutes)")] = minutes
        rows.append(row)
    return rows


def catalog():
    from footprint.services import Service
    from footprint.settings import resolve

    return Service(resolve()).catalog


def card_of(n: int, pseudonym: str, status: str, marks: dict[str, tuple[str, str, str]]) -> dict[str, Any]:
    """The card a journal would give for the same sheet: what the summary of the typed-in row must equal."""
    cat, hours = catalog(), 24.0
    usual, removed, touched, unavoidable, run = [], [], {}, [], 0.0
    for label, (box, times, minutes) in marks.items():
        if not box:
            continue
        tp = cat.get(IDS[label])
        usual.append(tp.id)
        count = int(times or 0) or (1 if box == "used" else 0)
        if count:
            touched[tp.id] = count
        (removed if box == "no" else unavoidable if box == "unavoidable" else []).append(tp.id)
        per_minute = tp.captures_per_minute.value if tp.captures_per_minute else 0
        run += count * tp.captures_per_use.value + float(minutes or 0) * per_minute
        if tp.passive and box != "no":
            run += tp.passive_estimate().value * hours / 24
    return card(n, pseudonym=pseudonym, status="abandoned" if status == "stopped" else "finished", hours=hours,
                usual=usual, removed=removed, touched=touched, unavoidable=unavoidable,
                captures={"run": round(run, 2), "baseline": None, "baseline_days": 0, "baseline_wanted": 0})  # fmt: skip


def write_cards(folder: Path, people=PEOPLE, start: int = 1) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for n, (pseudonym, status, marks) in enumerate(people, start=start):
        path = folder / f"{pseudonym}.json"
        path.write_text(json.dumps(card_of(n, pseudonym, status, marks)), encoding="utf-8")
        paths.append(path)
    return paths


def summarize(cli, *args: Any):
    return cli("group", "summarize", *map(str, args))


# --- the same workshop, on paper and in cards -------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "json", "csv", "html"])
def test_fifteen_typed_in_sheets_give_the_summary_their_cards_give(cli, tmp_path, fmt) -> None:
    sheets = write_csv(tmp_path / "sheets.csv", typed_rows(template_header(cli, tmp_path)))
    cards = write_cards(tmp_path / "cards")
    from_paper = summarize(cli, sheets, "--format", fmt)
    from_cards = summarize(cli, *cards, "--format", fmt)
    assert from_paper.exit_code == 0 and from_paper.stderr == ""
    assert from_cards.exit_code == 0 and from_cards.stderr == ""
    assert from_paper.stdout == from_cards.stdout
    if fmt == "json":
        data = json.loads(from_paper.stdout)
        assert (data["participants"], data["finished"], data["abandoned"], data["detailed"]) == (15, 12, 3, True)
        rows = {r["touchpoint"]: r for r in data["touchpoints"]}
        assert rows["bank-card"] == {"touchpoint": "bank-card", "usual": 15, "touched": 0, "removed": 15, "unavoidable": 0}
        assert rows["email"]["usual"] == 3 and rows["smart-meter"]["unavoidable"] == 15
    for pseudonym, _status, _marks in PEOPLE:
        assert pseudonym not in from_paper.stdout


def test_cards_and_sheets_mix_in_one_call(cli, tmp_path) -> None:
    header = template_header(cli, tmp_path)
    sheets = write_csv(tmp_path / "sheets.csv", typed_rows(header, PEOPLE[:9]))
    ods = write_ods(tmp_path / "late.ods", typed_rows(header, PEOPLE[9:12]))
    cards = write_cards(tmp_path / "cards", PEOPLE[12:], start=13)
    mixed = summarize(cli, sheets, cards[0].parent, ods, "--format", "json")
    assert mixed.exit_code == 0 and mixed.stderr == ""
    every = summarize(cli, *write_cards(tmp_path / "all"), "--format", "json")
    assert mixed.stdout == every.stdout and json.loads(mixed.stdout)["participants"] == 15


@pytest.mark.parametrize("delimiter, bom, crlf", [(",", False, False), (";", True, True), ("\t", True, False)])
def test_csv_as_spreadsheets_save_it(cli, tmp_path, delimiter, bom, crlf) -> None:
    rows = typed_rows(template_header(cli, tmp_path))
    reference = summarize(cli, write_csv(tmp_path / "ref.csv", rows), "--format", "json").stdout
    saved = write_csv(tmp_path / "saved.csv", rows, delimiter=delimiter, bom=bom, crlf=crlf)
    result = summarize(cli, saved, "--format", "json")
    assert result.exit_code == 0 and result.stderr == "" and result.stdout == reference


def test_xlsx_and_ods_give_the_csv_summary(cli, tmp_path) -> None:
    rows = typed_rows(template_header(cli, tmp_path))
    reference = summarize(cli, write_csv(tmp_path / "ref.csv", rows), "--format", "json").stdout
    for path in (write_xlsx(tmp_path / "sheets.xlsx", rows), write_ods(tmp_path / "sheets.ods", rows)):
        result = summarize(cli, path, "--format", "json")
        assert result.exit_code == 0 and result.stderr == "", path
        assert result.stdout == reference, path


def test_a_french_spreadsheet_reads_whatever_the_language(cli, tmp_path) -> None:
    """French column names and values, with or without accents, typed into the French template."""
    header = template_header(cli, tmp_path, "fr")
    assert header[:5] == ["défi", "pseudonyme", "statut", "heures", "Smartphone"]
    assert "Carte bancaire (fois)" in header and "Smartphone (pourquoi)" in header
    english = typed_rows(template_header(cli, tmp_path))
    words = {"used": "utilisé", "no": "non", "unavoidable": "Inevitable", "finished": "terminé", "stopped": "arrêté"}
    rows = [header]
    for row in english[1:]:
        french = [""] * len(header)
        for i, value in enumerate(row):
            name = english[0][i]
            if value:
                target = _french_column(name, header)
                french[header.index(target)] = words.get(value, value)
        rows.append(french)
    reference = summarize(cli, write_csv(tmp_path / "en.csv", english), "--format", "md").stdout
    result = summarize(cli, write_csv(tmp_path / "fr.csv", rows, delimiter=";", bom=True), "--format", "md")
    assert result.exit_code == 0 and result.stderr == "" and result.stdout == reference
    assert cli("--lang", "fr", "group", "summarize", str(tmp_path / "fr.csv")).stdout.startswith("# Synthèse de groupe")


def _french_column(english: str, header: list[str]) -> str:
    from footprint.domain.text import fold

    fixed = {"challenge": "défi", "pseudonym": "pseudonyme", "status": "statut", "hours": "heures"}
    if english in fixed:
        return fixed[english]
    suffixes = {" (times)": " (fois)", " (minutes)": " (minutes)", " (why)": " (pourquoi)"}
    suffix = next((s for s in suffixes if english.endswith(s)), "")
    label = english.removesuffix(suffix) if suffix else english
    tp = catalog().get(IDS.get(label, fold(label)))
    return (tp.label.fr if tp else label) + suffixes.get(suffix, "")


def test_below_the_minimum_group_size_typed_in_rows_show_totals_only(cli, tmp_path) -> None:
    sheets = write_csv(tmp_path / "sheets.csv", typed_rows(template_header(cli, tmp_path), PEOPLE[:4]))
    result = summarize(cli, sheets)
    assert result.exit_code == 0 and result.stderr == ""
    assert "Participants: 4" in result.stdout and "Fewer than 5 participants: totals only" in result.stdout
    assert "Bank card" not in result.stdout and "| touchpoint |" not in result.stdout


def test_blank_rows_of_the_template_are_not_participants(cli, tmp_path) -> None:
    out = tmp_path / "sheets.csv"
    assert cli("group", "template", CHALLENGE, "--out", str(out)).exit_code == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    filled = typed_rows(rows[0], PEOPLE[:6])
    write_csv(out, [*filled, *rows[7:]], bom=True)
    result = summarize(cli, out, "--format", "json")
    assert result.exit_code == 0 and result.stderr == "" and json.loads(result.stdout)["participants"] == 6


def test_a_sheet_with_no_participant_is_nothing_to_summarise(cli, tmp_path) -> None:
    out = tmp_path / "sheets.csv"
    assert cli("group", "template", CHALLENGE, "--out", str(out)).exit_code == 0
    result = summarize(cli, out)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == "footprint: no valid challenge card in the 1 file given: nothing to summarise\n"
