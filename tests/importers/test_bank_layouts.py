"""Bank CSV layouts as data: every shipped layout on a hand-made fixture in its real shape (columns,
separator, encoding, preamble, how a card payment is written, where its purchase date is), exact counts per
day; the user's own layouts in the config folder; a bad mapping file is one line naming file and key; no
account number reaches records, groups, messages or the journal.

The fixtures under ``tests/fixtures/bank-layouts/`` are invented, in the shapes public parsers and their
test data show for each bank (current and older downloads), and named as the banks name them: with an
account number in the name, which must never be kept.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from importer_support import journal_entries, zip_folder

from footprint.errors import DataFileError
from footprint.importers.bank import Bank
from footprint.importers.bank.layouts import layouts_of
from footprint.importers.base import ImportContext, Issue, Touch
from footprint.services.imports import load_mappings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "bank-layouts"
PARIS = ZoneInfo("Europe/Paris")
B, M = "bank-card", "mobile-payment"

# file -> (what detect says, [(purchase day, touchpoint, count)])
LAYOUTS = {
    "04123456789_01112024_30112024.csv": (  # the issue's current Caisse d'Épargne download: 0 of 3 before
        "Caisse d'Épargne, Banque Populaire (13 colonnes, depuis 2024)",
        [("2024-11-11", B, 1), ("2024-11-13", B, 1), ("2024-11-13", M, 1), ("2024-11-14", B, 1)],
    ),
    "telechargement_04123456789.csv": ("Caisse d'Épargne, Banque Populaire (avant 2024)", [("2019-02-26", B, 2)]),
    "releve_00020123401.csv": (  # the issue's Crédit Mutuel statement: contactless PSC, 2 of 5 before
        "Crédit Mutuel, CIC (débit et crédit)",
        [("2024-11-01", B, 1), ("2024-11-02", B, 2), ("2024-11-03", B, 1), ("2024-11-04", B, 1)],
    ),
    "export-operations-202411271701.csv": (
        "Crédit Mutuel, CIC (export budget)",
        [("2024-11-01", B, 1), ("2024-11-02", B, 1), ("2024-11-03", B, 1)],
    ),
    "account-statement_2024-01-01_2024-01-31_en-gb_a1b2c3.csv": (  # refused before
        "Revolut (English)",
        [("2024-01-06", B, 2), ("2024-01-10", B, 1), ("2024-01-11", B, 1)],  # pending and reverted count
    ),
    "account-statement_2025-09-01_2025-09-30_fr-fr_646623.csv": (
        "Revolut (français)",
        [("2025-09-03", B, 2), ("2025-09-06", B, 1)],
    ),
    # Before 2021: no kind of operation; transfers, top-ups, cash, exchanges, fees and refunds are not purchases.
    "Revolut-EUR-Statement-Jan 2019 – Apr 2019.csv": (
        "Revolut (avant 2021)",
        [("2019-04-02", B, 1), ("2019-04-12", B, 2)],
    ),
    "n26-csv-transactions.csv": ("N26 (depuis 2023)", [("2024-02-02", B, 2), ("2024-02-04", B, 1)]),
    "00050123456.csv": ("Société Générale (depuis 2021)", [("2024-03-02", B, 1), ("2024-03-04", B, 1)]),
    "Export_17052019_16112019.csv": ("Société Générale (2019-2020)", [("2019-11-13", B, 1), ("2019-11-15", B, 1)]),
    "E1851234.csv": ("BNP Paribas (sans en-tête)", [("2024-03-13", B, 1), ("2024-03-14", B, 1)]),
    "CSV_00451098285A.csv": ("LCL (sans en-tête)", [("2024-05-31", B, 1), ("2024-06-01", B, 1), ("2024-06-03", B, 1)]),
    "0534567890P038.csv": ("La Banque Postale (relevé CSV)", [("2024-04-30", B, 2)]),
    "HistoriqueOperations_12345678901_du_14_11_2024_au_14_12_2024.csv": (
        "Fortuneo (historique des opérations)",
        [("2024-12-11", B, 1), ("2024-12-12", B, 3)],
    ),
}
CP1252 = {
    "telechargement_04123456789.csv",
    "releve_00020123401.csv",
    "00050123456.csv",
    "Export_17052019_16112019.csv",
    "E1851234.csv",
    "CSV_00451098285A.csv",
    "0534567890P038.csv",
    "HistoriqueOperations_12345678901_du_14_11_2024_au_14_12_2024.csv",
}
# Account and card numbers the fixtures carry, in their names, preambles and columns.
IDENTIFIERS = (
    "04123456789",
    "00020123401",
    "00020123499",
    "00050123456",
    "0201900016400270",
    "098285A",
    "0534567890",
    "12345678901",
    "FR7630006000011234567890189",
    "4970XXXXXXXX8101",
    "4974XXXXXXXX1234",
    "CAMILLE",
)


def _ctx(mappings: dict | None = None) -> ImportContext:
    return ImportContext(mappings or load_mappings(), PARIS)


def _days(path: Path) -> list[tuple[str, str, int]]:
    records = list(Bank().read(path, _ctx()))
    assert [r for r in records if isinstance(r, Issue)] == []
    return sorted((r.at.date().isoformat(), r.touchpoint, r.count) for r in records if isinstance(r, Touch))


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_each_layout_counts_its_card_payments_per_purchase_day(name: str) -> None:
    title, days = LAYOUTS[name]
    path = FIXTURES / name
    assert Bank().layout_of(path, Bank().layouts(_ctx())) == title
    assert _days(path) == days


def test_the_fixtures_are_in_their_banks_encodings() -> None:
    for name in LAYOUTS:
        data = (FIXTURES / name).read_bytes()
        if name in CP1252:
            with pytest.raises(UnicodeDecodeError):
                data.decode("utf-8")
        else:
            data.decode("utf-8")
    assert (FIXTURES / "E1851234.csv").read_bytes().startswith(b'"Compte de ch\xe8ques"')
    assert b"PAIEMENT PSC 0211" in (FIXTURES / "releve_00020123401.csv").read_bytes()


def test_every_shipped_mapping_file_is_valid_and_names_a_bank() -> None:
    banks = {layout.bank for layout in Bank().layouts(_ctx())}
    for bank in ("Crédit Agricole", "BNP Paribas", "Société Générale", "LCL", "La Banque Postale", "Revolut", "N26"):
        assert bank in banks


def test_a_folder_of_every_bank_and_its_zip_count_the_same(tmp_path: Path) -> None:
    expected = sorted(day for _, days in LAYOUTS.values() for day in days)
    merged: dict[tuple[str, str], int] = {}
    for day, tp, n in expected:
        merged[(day, tp)] = merged.get((day, tp), 0) + n
    for path in (FIXTURES, zip_folder(FIXTURES, tmp_path / "releves.zip", "Téléchargements/")):
        records = list(Bank().read(path, _ctx()))
        counted: dict[tuple[str, str], int] = {}
        for r in records:
            if isinstance(r, Touch):
                key = (r.at.date().isoformat(), r.touchpoint)
                counted[key] = counted.get(key, 0) + r.count
        assert counted == merged


def test_nothing_identifying_in_records_groups_or_places(tmp_path: Path) -> None:
    bad = tmp_path / "04123456789_01112024_30112024.csv"
    bad.write_bytes((FIXTURES / bad.name).read_bytes().replace(b";-28,90;", b";beaucoup;"))
    records = [*Bank().read(FIXTURES, _ctx()), *Bank().read(bad, _ctx())]
    text = repr(records)
    assert any(isinstance(r, Issue) for r in records)
    for secret in (*IDENTIFIERS, "BOULANGERIE", "45,50", "-45.50", "Boulangerie Paul"):
        assert secret.upper() not in text.upper()


# --- the user's own layouts ----------------------------------------------------------------------------

MY_BANK = """\
schema = 1
bank = "Ma Banque"

[[layout]]
name = "export maison"
separator = "|"
signature = ["Jour", "Intitule"]
date_format = "%Y%m%d"
[layout.columns]
date = "Jour"
label = "Intitule"
kind = "Moyen"
amount = "Somme"
[layout.card]
kinds = ["CB"]
"""
MY_STATEMENT = (
    "Jour|Intitule|Moyen|Somme\n20240302|BOULANGERIE|CB|-2,40\n20240302|LOYER|VIR|-650,00\n20240303|CINEMA|CB|-9,00\n"
)


def test_a_layout_without_a_kind_column_counts_every_debit_but_what_it_excludes(
    cli, home: Path, tmp_path: Path
) -> None:
    (home / "config" / "banks").mkdir(parents=True)
    own = MY_BANK.replace('kind = "Moyen"\n', "").replace('kinds = ["CB"]', "every_debit = true\nexclude = ['^LOYER']")
    (home / "config" / "banks" / "ma-banque.toml").write_text(own, encoding="utf-8")
    statement = tmp_path / "releve.csv"
    statement.write_text(MY_STATEMENT, encoding="utf-8")
    result = cli("import", "bank", str(statement))
    assert result.exit_code == 0, result.stderr
    days = sorted((e["day"], e["touchpoint"], e["count"]) for e in journal_entries(cli))
    assert days == [("2024-03-02", B, 1), ("2024-03-03", B, 1)]  # the rent, a debit, is excluded


def test_a_user_describes_another_bank_in_a_mapping_file(cli, home: Path, tmp_path: Path) -> None:
    (home / "config" / "banks").mkdir(parents=True)
    (home / "config" / "banks" / "ma-banque.toml").write_text(MY_BANK, encoding="utf-8")
    statement = tmp_path / "releve.csv"
    statement.write_text(MY_STATEMENT, encoding="utf-8")
    assert cli("import", "detect", str(statement)).stdout.strip() == "bank: Ma Banque (export maison)"
    result = cli("import", "bank", str(statement))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    days = sorted((e["day"], e["touchpoint"], e["count"]) for e in journal_entries(cli))
    assert days == [("2024-03-02", B, 1), ("2024-03-03", B, 1)]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ('date_format = "%Y%m%d"', 'date_format = "%Y%q"'),
            "ma-banque.toml: layout[1].date_format: %Y%q is not a date format",
        ),
        (('separator = "|"', 'separator = "::"'), "ma-banque.toml: layout[1].separator must be a semicolon, a comma"),
        (('kinds = ["CB"]', "kinds = 3"), "ma-banque.toml: layout[1].card.kinds must be a text or a list of texts"),
        (
            ('amount = "Somme"', 'montant = "Somme"'),
            "ma-banque.toml: layout[1].columns.montant is not a key of a bank layout",
        ),
        (('bank = "Ma Banque"', ""), "ma-banque.toml: bank must be a text"),
        (
            ('kinds = ["CB"]', "exclude = ['(VIR']"),
            "ma-banque.toml: layout[1].card.exclude: (VIR is not a regular expression",
        ),
        (('name = "export maison"', "name = [1"), "ma-banque.toml: not valid TOML"),
    ],
)
def test_a_bad_mapping_file_is_one_line_naming_file_and_key(cli, home: Path, tmp_path: Path, change, message) -> None:
    (home / "config" / "banks").mkdir(parents=True)
    (home / "config" / "banks" / "ma-banque.toml").write_text(MY_BANK.replace(*change), encoding="utf-8")
    statement = tmp_path / "releve.csv"
    statement.write_text(MY_STATEMENT, encoding="utf-8")
    result = cli("import", "bank", str(statement))
    assert result.exit_code == 5, result.stdout
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("footprint: ")
    assert message in result.stderr
    assert journal_entries(cli) == []


def test_layout_checks_in_french(tmp_path: Path) -> None:
    from footprint import i18n

    with pytest.raises(DataFileError) as bad:
        layouts_of("ma-banque.toml", {"bank": "X", "layout": [{"columns": {"date": "Date", "label": "L"}}]})
    with i18n.speaking("fr"):
        assert bad.value.message == "ma-banque.toml\u00a0: layout[1].columns doit donner amount, ou debit et credit"


# --- through the CLI: detect names the layout, nothing identifying in the journal -------------------------


def test_detect_names_the_bank_layout(cli) -> None:
    for name in (
        "04123456789_01112024_30112024.csv",
        "CSV_00451098285A.csv",
        "account-statement_2024-01-01_2024-01-31_en-gb_a1b2c3.csv",
    ):
        result = cli("import", "detect", str(FIXTURES / name))
        assert result.exit_code == 0, result.stderr
        assert result.stdout.strip() == f"bank: {LAYOUTS[name][0]}"


def test_import_every_bank_then_again_adds_nothing_and_keeps_no_number(cli, db_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "releves"
    zip_folder(FIXTURES, tmp_path / "all.zip")
    import zipfile

    zipfile.ZipFile(tmp_path / "all.zip").extractall(folder)
    result = cli("import", "bank", str(folder))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    total = sum(n for _, days in LAYOUTS.values() for _, _, n in days)
    entries = journal_entries(cli)
    assert sum(e["count"] for e in entries) == total
    again = cli("import", "bank", str(folder))
    assert again.exit_code == 0 and "Nothing new" in again.stdout
    assert journal_entries(cli) == entries
    with sqlite3.connect(db_path) as db:
        dump = "\n".join(db.iterdump())
    for secret in IDENTIFIERS:
        assert secret.upper() not in dump.upper(), secret


def test_a_card_statement_without_a_header_every_debit_a_purchase(tmp_path: Path) -> None:
    """A card's own statement, described by hand: no header (column numbers, a row pattern that leaves the
    total line out), month names, every debit a purchase whatever its label says."""
    layout = {
        "bank": "Ma Carte",
        "layout": [
            {
                "name": "relevé de carte",
                "header": False,
                "row": r"^\d{1,2} \w+\.? \d{4};",
                "date_format": "%d %b %Y",
                "columns": {"date": 1, "label": 2, "amount": 3},
                "card": {"every_debit": True},
            }
        ],
    }
    statement = tmp_path / "carte.csv"
    statement.write_text(
        "2 févr. 2024;LIBRAIRIE;-12,00\n3 mars 2024;RESTAURANT;-30,00\n3 mars 2024;REMBOURSEMENT;5,00\nTotal;;-42,00\n",
        encoding="utf-8",
    )
    mappings = {**load_mappings(), "bank-layouts": [("ma-carte.toml", layout)]}
    records = list(Bank().read(statement, _ctx(mappings)))
    assert [r for r in records if isinstance(r, Issue)] == []
    days = sorted((r.at.date().isoformat(), r.touchpoint, r.count) for r in records if isinstance(r, Touch))
    assert days == [("2024-02-02", B, 1), ("2024-03-03", B, 1)]


def test_problem_lines_are_said_in_the_language_spoken(tmp_path: Path) -> None:
    from footprint import i18n

    bad = tmp_path / "releve.csv"
    bad.write_bytes((FIXTURES / "releve_00020123401.csv").read_bytes().replace(b";-12,40;", b";douze;"))
    with i18n.speaking("fr"):
        issues = [r for r in Bank().read(bad, _ctx()) if isinstance(r, Issue)]
    assert issues == [Issue("paiement par carte au montant illisible", "releve.csv, ligne 2")]


def test_a_label_longer_in_capitals_still_gives_its_purchase_date(tmp_path: Path) -> None:
    """'ß' is 'SS' in capitals: the date is found where it is in the label in capitals."""
    ca = FIXTURES.parent / "bank" / "CA20240305_1402.csv"
    path = tmp_path / "ca.csv"
    path.write_bytes(ca.read_bytes().replace("CAFÉ".encode("cp1252"), "STRAßE ß".encode("cp1252")))
    assert "STRAßE ß".encode("cp1252") in path.read_bytes()
    assert _days(path) == [("2024-02-29", B, 2), ("2024-03-02", B, 1), ("2024-03-03", B, 1)]
