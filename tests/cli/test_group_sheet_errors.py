"""Typed-in sheets that are wrong: each problem is one line naming the file and the line (and the column),
the bad row is skipped (the whole file with --strict, or when its header is wrong), nothing typed into a
cell is ever run, and no traceback ever shows."""

import json
import zipfile

import pytest

from sheet_support import Formula, write_csv, write_ods, write_xlsx
from test_group_sheets import PEOPLE, summarize, template_header, typed_rows, write_cards


@pytest.fixture
def rows(cli, tmp_path) -> list[list[str]]:
    """Six good typed-in sheets under the English template's header."""
    return typed_rows(template_header(cli, tmp_path), PEOPLE[:6])


def column(rows: list[list[str]], name: str) -> int:
    return rows[0].index(name)


def test_a_missing_column_refuses_the_file_in_one_line(cli, tmp_path, rows) -> None:
    at = column(rows, "pseudonym")
    for row in rows:
        del row[at]
    sheets = write_csv(tmp_path / "sheets.csv", rows)
    good = write_cards(tmp_path / "cards", PEOPLE[6:11], start=7)
    result = summarize(cli, sheets, *good, "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["participants"] == 5
    assert result.stderr == f"footprint: {sheets}, line 1: skipped: missing columns: pseudonym\n"
    strict = summarize(cli, sheets, *good, "--strict")
    assert strict.exit_code == 5 and strict.stdout == ""
    assert strict.stderr == f"footprint: {sheets}, line 1: missing columns: pseudonym\n"


def test_an_unknown_touchpoint_column_says_what_it_may_be(cli, tmp_path, rows) -> None:
    rows[0][column(rows, "Smartphone")] = "Smartfone"
    result = summarize(cli, write_csv(tmp_path / "sheets.csv", rows))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(
        "footprint: no valid challenge card in the 1 file given: nothing to summarise "
        f"({tmp_path / 'sheets.csv'}, line 1: skipped: unknown column “Smartfone” (did you mean: smartphone, smart-meter?))"
    )


def test_a_column_given_twice_is_refused(cli, tmp_path, rows) -> None:
    rows[0][column(rows, "Computer")] = "ordinateur"  # the French label of another column's touchpoint
    rows[0][column(rows, "Bank card")] = "computer"
    result = summarize(cli, write_csv(tmp_path / "sheets.csv", rows))
    assert result.exit_code == 2 and "line 1: skipped: column “ordinateur” is there twice" in result.stderr


def test_a_pseudonym_twice_across_all_inputs_is_skipped_the_second_time(cli, tmp_path, rows) -> None:
    cards = write_cards(tmp_path / "cards", PEOPLE[:1])  # p01 handed in a card, and a sheet too
    rows.append(list(rows[2]))  # p02's sheet typed twice
    rows[-1][column(rows, "pseudonym")] = " P02 "
    sheets = write_csv(tmp_path / "sheets.csv", rows)
    result = summarize(cli, *cards, sheets, "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["participants"] == 6
    assert result.stderr.splitlines() == [
        f"footprint: {sheets}, line 2: skipped: the same pseudonym as {cards[0]}",
        f"footprint: {sheets}, line 8: skipped: the same pseudonym as {sheets}, line 3",
    ]
    assert "P02" not in result.stderr  # a message never repeats a pseudonym


def test_a_box_ticked_twice_is_named_by_line_and_column(cli, tmp_path, rows) -> None:
    rows[3][column(rows, "Computer")] = "used, no"
    rows[4][column(rows, "Bank card")] = "non / inévitable"
    rows[5][column(rows, "Email")] = "maybe"
    sheets = write_csv(tmp_path / "sheets.csv", rows)
    result = summarize(cli, sheets, "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["participants"] == 3
    assert result.stderr.splitlines() == [
        f"footprint: {sheets}, line 4: skipped: column “Computer”: two boxes ticked (no, used): keep one",
        f"footprint: {sheets}, line 5: skipped: column “Bank card”: two boxes ticked (no, unavoidable): keep one",
        f"footprint: {sheets}, line 6: skipped: column “Email”: “maybe” is not one of no, used, unavoidable",
    ]


def test_numbers_that_contradict_the_boxes(cli, tmp_path, rows) -> None:
    rows[1][column(rows, "Bank card (times)")] = "2"  # "did not use", yet twice
    rows[2][column(rows, "Email (times)")] = "1"  # no box ticked
    rows[3][column(rows, "Smartphone (times)")] = "two"
    rows[4][column(rows, "hours")] = "30"  # the challenge lasts 24 hours
    result = summarize(cli, write_csv(tmp_path / "sheets.csv", rows), "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["participants"] == 2
    assert [line.split("skipped: ")[1] for line in result.stderr.splitlines()] == [
        "column “Bank card (times)”: a number, yet the box ticked is “did not use”",
        "column “Email”: empty, yet the sheet gives a number of times or minutes: tick a box",
        "column “Smartphone (times)”: a whole number, 0 or more (at most 1,000,000,000,000)",
        "column “hours”: a number, 0 or more (at most 24)",
    ]


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_formula_like_cells_are_reported_never_run(cli, tmp_path, rows, cell) -> None:
    rows[1][column(rows, "Smartphone (why)")] = cell
    result = summarize(cli, write_csv(tmp_path / "sheets.csv", rows), "--format", "csv")
    assert result.exit_code == 0
    start = {"\t": "⇥", "\r": "↵"}.get(cell[0], cell[0])
    assert result.stderr == (
        f"footprint: {tmp_path / 'sheets.csv'}, line 2: skipped: column “Smartphone (why)” starts with “{start}”"
        " like a spreadsheet formula: read as text, never run; type the value without it\n"
    )
    assert "HYPERLINK" not in result.stdout and "SUM" not in result.stdout


def test_a_formula_in_an_xlsx_or_ods_cell_is_reported_and_never_computed(cli, tmp_path, rows) -> None:
    rows[2][column(rows, "Smartphone (times)")] = Formula("=1+2")
    for path in (write_xlsx(tmp_path / "sheets.xlsx", rows), write_ods(tmp_path / "sheets.ods", rows)):
        result = summarize(cli, path, "--format", "json")
        assert result.exit_code == 0 and json.loads(result.stdout)["participants"] == 5
        assert result.stderr == (
            f"footprint: {path}, line 3: skipped: column “Smartphone (times)” holds a formula: footprint never"
            " runs one; type its value\n"
        )


def test_french_messages(cli, tmp_path, rows) -> None:
    rows[1][column(rows, "Computer")] = "utilisé et non"
    rows[2][column(rows, "pseudonym")] = "=cmd"
    sheets = write_csv(tmp_path / "sheets.csv", rows)
    result = cli("--lang", "fr", "group", "summarize", str(sheets), "--format", "json")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"footprint: {sheets}, ligne 2\u00a0: ignoré\u00a0: colonne «\u00a0Computer\u00a0»\u00a0: deux cases cochées "
        "(non, utilisé)\u00a0: n'en gardez qu'une",
        f"footprint: {sheets}, ligne 3\u00a0: ignoré\u00a0: la colonne «\u00a0pseudonym\u00a0» commence par «\u00a0=\u00a0» "
        "comme une formule de tableur\u00a0: lue comme du texte, jamais exécutée\u00a0; saisissez la valeur sans ce signe",
    ]


# --- hostile files -----------------------------------------------------------------------------------------


def test_files_that_are_not_spreadsheets_are_one_line_each(cli, tmp_path, rows) -> None:
    good = write_csv(tmp_path / "good.csv", rows)
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not a zip", encoding="utf-8")
    empty_zip = tmp_path / "empty.ods"
    with zipfile.ZipFile(empty_zip, "w") as z:
        z.writestr("mimetype", "x")
    latin = tmp_path / "latin.csv"
    latin.write_bytes("défi,pseudonyme\n".encode("cp1252"))
    doctype = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><sst/>'
    entity = write_xlsx(tmp_path / "entity.xlsx", rows, {"xl/sharedStrings.xml": doctype})
    result = summarize(cli, good, fake, empty_zip, latin, entity, "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["participants"] == 6
    assert result.stderr.splitlines() == [
        f"footprint: {fake}: skipped: not a xlsx spreadsheet (its first sheet is missing)",
        f"footprint: {empty_zip}: skipped: not a ods spreadsheet (its first sheet is missing)",
        f"footprint: {latin}: skipped: not UTF-8 text: save it as “CSV UTF-8”",
        f"footprint: {entity}: skipped: not a spreadsheet saved by a spreadsheet program",
    ]


def test_a_zip_bomb_is_refused_before_it_expands(cli, tmp_path, rows) -> None:
    bomb = write_xlsx(tmp_path / "bomb.xlsx", rows, {"xl/worksheets/sheet2.xml": b"<a>" + b" " * (64 << 20) + b"</a>"})
    result = summarize(cli, bomb)
    assert result.exit_code == 2 and "bomb.xlsx: skipped: too large to be a workshop's sheet" in result.stderr


def test_a_huge_csv_is_refused(cli, tmp_path) -> None:
    huge = tmp_path / "huge.csv"
    huge.write_bytes(b"challenge,pseudonym,Smartphone\n" + b"day-without-big-data,x,used\n" * 400_000)
    result = summarize(cli, huge)
    assert result.exit_code == 2 and "huge.csv: skipped: too large to be a workshop's sheet" in result.stderr


def test_a_fifo_named_csv_is_refused_not_waited_for(cli, tmp_path, rows) -> None:
    import os

    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    result = summarize(cli, write_csv(tmp_path / "good.csv", rows), fifo, "--format", "json")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == f"footprint: cards: {fifo} is not a regular file (a FIFO, a device or a socket)\n"
    from footprint.domain.group import CardError
    from footprint.importers.sheets import read_rows

    with pytest.raises(CardError, match="not a regular file"):  # the reader refuses it too, whoever calls it
        read_rows(fifo)


def test_an_unknown_challenge_in_a_row(cli, tmp_path, rows) -> None:
    rows[1][0] = "day-without-bigdata"
    rows[2][0] = "Une journée sans Big Data"  # a title, in French, names the challenge too
    result = summarize(cli, write_csv(tmp_path / "sheets.csv", rows), "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["participants"] == 5
    assert result.stderr.endswith("line 2: skipped: column “challenge”: unknown challenge “day-without-bigdata”\n")
