"""``footprint import bank``: card payments from OFX (SGML, XML, credit-card) and French bank CSV statements.

Each fixture under ``tests/fixtures/bank/`` is hand-made and invented, one per trap of FORMATS.md:
``releve_70011112222.ofx`` (OFX 1.0.2 SGML, cp1252, decimal commas, no closing tags, a purchase on 31/12
posted on 02/01, TRNTYPE POS with DTUSER, Apple Pay, a FITID twice, transfers, direct debits, a refund, a
withdrawal), ``statement-2024-03.ofx`` (OFX 2 XML, two accounts, Google Pay, DTUSER), ``carte-mars.ofx``
(CCSTMTRS), ``CA20240305_1402.csv`` (Crédit Agricole: cp1252, preamble, debit/credit columns, no-break-space
thousands, labels over several lines) and ``export-operations-….csv`` (Boursorama: UTF-8 BOM, one signed
amount, two accounts).
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from importer_support import hostile_cells, journal_entries, zip_folder

from footprint.errors import DataFileError
from footprint.importers.bank import Bank
from footprint.importers.bank.rules import Rules, outflow
from footprint.importers.bank.tally import account_group
from footprint.importers.base import ImportContext, Issue, Record, Touch
from footprint.services.imports import load_mappings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "bank"
PARIS = ZoneInfo("Europe/Paris")
SGML = FIXTURES / "releve_70011112222.ofx"
XML = FIXTURES / "statement-2024-03.ofx"
CARD = FIXTURES / "carte-mars.ofx"
CA = FIXTURES / "CA20240305_1402.csv"
BOURSO = FIXTURES / "export-operations-05-03-2024_10-00-00.csv"

# Groups tell accounts apart by a digest: never the number, not even its last digits.
G2222, G5431, G0552 = account_group("70011112222"), account_group("00098765431"), account_group("00055500552")
G7777, G7890 = account_group("4970000011117777"), account_group("71234567890")
G3456, G7654 = account_group("00040123456"), account_group("00040987654")


def _ctx() -> ImportContext:
    return ImportContext(load_mappings(), PARIS)


def _records(path: Path) -> list[Record]:
    return list(Bank().read(path, _ctx()))


def _touches(path: Path) -> list[tuple[str, str, int, str | None]]:
    records = _records(path)
    assert not [r for r in records if isinstance(r, Issue)]
    return sorted((r.at.isoformat(), r.touchpoint, r.count, r.group) for r in records if isinstance(r, Touch))


def _issues(path: Path) -> list[tuple[str, str]]:
    return [(r.kind, r.where) for r in _records(path) if isinstance(r, Issue)]


def _zip(folder: Path, out: Path) -> Path:
    return zip_folder(folder, out, "Relevés/")


SGML_TOUCHES = [
    ("2024-12-30T12:00:00+01:00", "bank-card", 1, G2222),  # "CB … 30/12" posted 2025-01-02
    ("2024-12-31T12:00:00+01:00", "bank-card", 1, G2222),  # "… 31/12" posted 2025-01-02: the year before
    ("2025-01-03T12:00:00+01:00", "bank-card", 1, G2222),  # TRNTYPE POS, DTUSER 20250103
    ("2025-01-03T12:00:00+01:00", "mobile-payment", 1, G2222),  # Apple Pay, its FITID twice: once
]
XML_TOUCHES = [
    ("2024-03-02T12:00:00+01:00", "mobile-payment", 1, G5431),  # Google Pay, DTUSER 20240302
    ("2024-03-04T12:00:00+01:00", "bank-card", 1, G0552),  # second account, "PAIEMENT CB 0403"
    ("2024-03-04T12:00:00+01:00", "bank-card", 1, G5431),  # "CARTE X9876 04/03", posted 03-05
]
CARD_TOUCHES = [
    ("2024-03-08T12:00:00+01:00", "bank-card", 1, G7777),  # DTUSER, posted at the end of the month
    ("2024-03-11T12:00:00+01:00", "bank-card", 1, G7777),  # no DTUSER, no label date: DTPOSTED
    ("2024-03-12T12:00:00+01:00", "bank-card", 1, G7777),
]
CA_TOUCHES = [
    ("2024-02-29T12:00:00+01:00", "bank-card", 2, G7890),  # two payments on 29/02, posted 01/03
    ("2024-03-02T12:00:00+01:00", "bank-card", 1, G7890),  # the label's date is on its second line
    ("2024-03-03T12:00:00+01:00", "bank-card", 1, G7890),  # 1 045,30 with a no-break space
]
BOURSO_TOUCHES = [
    ("2024-03-02T12:00:00+01:00", "bank-card", 2, G3456),
    ("2024-03-03T12:00:00+01:00", "mobile-payment", 1, G3456),
    ("2024-03-04T12:00:00+01:00", "bank-card", 1, G7654),  # the other account in the same file
]


# --- the fixtures are what they claim to be ----------------------------------------------------------------


def test_the_fixtures_carry_their_traps() -> None:
    sgml = SGML.read_bytes()
    assert b"CHARSET:1252" in sgml and b"<TRNAMT>-6,60\r\n<FITID>" in sgml and b"</TRNAMT>" not in sgml
    with pytest.raises(UnicodeDecodeError):
        sgml.decode("utf-8")  # cp1252: "’" is 0x92
    assert b"<?xml" in XML.read_bytes() and b"</TRNAMT>" in XML.read_bytes()
    assert b"<CCSTMTRS>" in CARD.read_bytes()
    ca = CA.read_bytes()
    assert b"1\xa0045,30" in ca and b'BOULANGERIE \r\nDU CENTRE 02/03\r\n"' in ca
    with pytest.raises(UnicodeDecodeError):
        ca.decode("utf-8")
    assert BOURSO.read_bytes().startswith(b"\xef\xbb\xbfdateOp;dateVal;label;category;")


# --- exact records -------------------------------------------------------------------------------------------


def test_ofx_sgml_in_cp1252_with_decimal_commas_and_no_closing_tags() -> None:
    assert _touches(SGML) == sorted(SGML_TOUCHES)


def test_ofx_sgml_with_every_value_on_one_line(tmp_path: Path) -> None:
    header, body = SGML.read_bytes().split(b"\r\n\r\n", 1)
    path = tmp_path / "compact.ofx"
    path.write_bytes(header + b"\r\n\r\n" + body.replace(b"\r\n", b""))  # <TRNAMT>-6,60<FITID>…
    assert b"<TRNAMT>-6,60<FITID>" in path.read_bytes()
    assert _touches(path) == sorted(SGML_TOUCHES)


def test_ofx_2_xml_with_two_accounts() -> None:
    assert _touches(XML) == sorted(XML_TOUCHES)


def test_credit_card_statement_counts_purchases_not_fees_interest_or_payments() -> None:
    assert _touches(CARD) == sorted(CARD_TOUCHES)


def test_credit_agricole_csv_in_cp1252_with_preamble_and_multi_line_labels() -> None:
    assert _touches(CA) == sorted(CA_TOUCHES)


def test_boursorama_csv_with_bom_and_several_accounts() -> None:
    assert _touches(BOURSO) == sorted(BOURSO_TOUCHES)


def test_a_folder_and_its_zip_read_like_the_files_one_by_one(tmp_path: Path) -> None:
    expected = sorted(SGML_TOUCHES + XML_TOUCHES + CARD_TOUCHES + CA_TOUCHES + BOURSO_TOUCHES)
    assert sorted(_touches(FIXTURES)) == expected
    assert sorted(_touches(_zip(FIXTURES, tmp_path / "releves.zip"))) == expected


def test_overlapping_statements_in_one_folder_count_each_day_once(tmp_path: Path) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    shutil.copy(CA, folder / "janvier.csv")
    shutil.copy(CA, folder / "janvier-bis.csv")
    assert _touches(folder) == sorted(CA_TOUCHES)


def test_nothing_of_the_content_is_kept() -> None:
    text = repr(_records(FIXTURES))
    for secret in (
        "BOULANGERIE",
        "PHARMACIE",
        "6,60",
        "-6.60",
        "1234,56",
        "70011112222",
        "4970000011117777",
        "00040123456",
        "CLAUDE",
        "71234567890",
        "LOYER",
    ):
        assert secret not in text
    assert all(r.note is None and r.source_ref is None for r in _records(FIXTURES) if isinstance(r, Touch))


# --- the rules -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "posted", "expected"),
    [
        ("PAIEMENT PAR CARTE X1234 BOULANGERIE 02/03", date(2024, 3, 4), date(2024, 3, 2)),
        ("CB CAFE 31/12", date(2025, 1, 2), date(2024, 12, 31)),  # posted in the new year
        ("CB CAFE 02/01", date(2025, 1, 2), date(2025, 1, 2)),
        ("CB PISCINE 29/02", date(2024, 3, 1), date(2024, 2, 29)),
        ("CARTE 31/12/24 LIBRAIRIE CB*1234", date(2025, 1, 3), date(2024, 12, 31)),
        ("FACTURE CARTE DU 020324 FLEURISTE CARTE 4974XXXXXXXX1234", date(2024, 3, 5), date(2024, 3, 2)),
        ("ACHAT CB FLEURISTE 02.03.24 CARTE NUMERO 123", date(2024, 3, 5), date(2024, 3, 2)),
        ("PAIEMENT CB 0203 PARIS FLEURISTE", date(2024, 3, 5), date(2024, 3, 2)),
        ("CB MAGASIN 45/13", date(2024, 3, 5), None),  # not a day
        ("CB MAGASIN 02/03", date(2024, 9, 5), None),  # half a year before the posting: not the purchase
        ("CB MAGASIN", date(2024, 3, 5), None),
    ],
)
def test_purchase_date_from_the_label(label: str, posted: date, expected: date | None) -> None:
    assert Rules.of(load_mappings()["bank"]).purchase_day(label, posted) == expected


@pytest.mark.parametrize(
    ("label", "trntype", "card_statement", "expected"),
    [
        ("CB BOULANGERIE", "DEBIT", False, "bank-card"),
        ("CARTE X1234 02/03 SUPERMARCHE", "", False, "bank-card"),
        ("PAIEMENT PAR CARTE X1234", "", False, "bank-card"),
        ("MAGASIN", "POS", False, "bank-card"),
        ("CB APPLE PAY CAFE", "DEBIT", False, "mobile-payment"),
        ("PAIEMENT GOOGLE PAY MAGASIN", "", False, "mobile-payment"),
        ("VIR SEPA LOYER", "DEBIT", False, None),
        ("PRLV SEPA EDF", "DIRECTDEBIT", False, None),
        ("RETRAIT DAB CARTE X1234 02/03", "DEBIT", False, None),
        ("MAGASIN", "ATM", False, None),
        ("COTISATION CARTE X1234 VISA", "DEBIT", False, None),
        ("COMMISSION PAIEMENT PAR CARTE", "DEBIT", False, None),
        ("RESTAURANT", "DEBIT", True, "bank-card"),
        ("COTISATION ANNUELLE", "FEE", True, None),
        ("VOTRE REGLEMENT", "PAYMENT", True, None),
    ],
)
def test_what_is_a_card_payment(label: str, trntype: str, card_statement: bool, expected: str | None) -> None:
    assert Rules.of(load_mappings()["bank"]).touchpoint(label, trntype, card_statement) == expected


@pytest.mark.parametrize(
    ("text", "out"),
    [
        ("-6.60", True),
        ("-6,60", True),
        ("\u2212 6,60", True),
        ("1\u00a0234,56", False),
        ("1\u202f234,56", False),
        ("-1.234,56", True),
        ("1,234.56", False),
        ("+12", False),
        ("6,60 €", False),
        ("0,00", False),  # a temporary hold: nothing paid
        ("abc", None),
        ("", None),
    ],
)
def test_only_the_sign_of_an_amount_is_read(text: str, out: bool | None) -> None:
    assert outflow(text) is out


def test_a_broken_mapping_table_is_one_error_naming_file_and_key() -> None:
    with pytest.raises(DataFileError) as empty:
        Rules.of({})
    assert empty.value.message == "data/mappings/bank.toml: card.patterns must list at least one card payment pattern"
    with pytest.raises(DataFileError) as bad:
        Rules.of({"card": {"patterns": ["CB ("]}})
    assert bad.value.message.startswith("data/mappings/bank.toml: card.patterns: CB ( is not a regular expression")
    with pytest.raises(DataFileError) as groups:
        Rules.of({"card": {"patterns": ["CB"]}, "purchase_date": {"patterns": [r"\d+"]}})
    assert (
        groups.value.message == r"data/mappings/bank.toml: purchase_date.patterns: \d+ needs the named groups d and m"
    )


# --- bad records, wrong files --------------------------------------------------------------------------------


def _bad_ofx(tmp_path: Path) -> Path:
    text = (
        SGML.read_bytes()
        .replace(b"<TRNAMT>-3,20", b"<TRNAMT>beaucoup")
        .replace(b"<DTPOSTED>20250106\r\n<DTUSER>20250103", b"<DTPOSTED>hier\r\n<DTUSER>demain")
    )
    path = tmp_path / "releve_70011112222.ofx"
    path.write_bytes(text)
    return path


def test_bad_ofx_records_are_issues_with_a_place_and_no_content(tmp_path: Path) -> None:
    path = _bad_ofx(tmp_path)
    assert _issues(path) == [
        ("card payment without a readable amount", "releve_…2222.ofx, transaction 2"),
        ("card payment without a readable date", "releve_…2222.ofx, transaction 3"),
    ]
    assert [(r.at.date().isoformat(), r.touchpoint) for r in _records(path) if isinstance(r, Touch)] == [
        ("2024-12-31", "bank-card"),
        ("2025-01-03", "mobile-payment"),
    ]


def test_bad_csv_records_give_the_line_where_they_start(tmp_path: Path) -> None:
    text = CA.read_bytes().replace(
        b'01/03/2024;"CB PISCINE MUNICIPALE 29/02";4,50', b'le 1er;"CB PISCINE MUNICIPALE 29/02";4,50'
    )
    text = text.replace(
        b'05/03/2024;"PAIEMENT PAR CARTE X1234 BOULANGERIE \r\nDU CENTRE 02/03\r\n";6,60',
        b'05/03/2024;"PAIEMENT PAR CARTE X1234 BOULANGERIE \r\nDU CENTRE 02/03\r\n";six',
    )
    path = tmp_path / "CA.csv"
    path.write_bytes(text)
    assert _issues(path) == [
        ("card payment without a readable amount", "CA.csv, line 10"),
        ("card payment without a readable date", "CA.csv, line 21"),
    ]


def test_a_truncated_ofx_is_a_data_file_error(tmp_path: Path) -> None:
    path = tmp_path / "cut.ofx"
    path.write_bytes(SGML.read_bytes()[:1200])
    with pytest.raises(DataFileError, match=r"cut\.ofx: truncated OFX file"):
        _records(path)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.json", b'{"a": 1}', "no bank statement found"),
        ("Shares.csv", b"Date,ShareLink,ShareCommentary\n2024-01-01,x,y\n", "no bank statement found"),
        ("releve.ofx", b"just some text, no tags", "not an OFX file"),
    ],
)
def test_wrong_files_are_data_file_errors(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DataFileError, match=message):
        _records(path)


# --- detect --------------------------------------------------------------------------------------------------


def test_detect_the_file_the_folder_and_the_zip(tmp_path: Path) -> None:
    bank = Bank()
    for path in (SGML, XML, CARD, CA, BOURSO, FIXTURES, _zip(FIXTURES, tmp_path / "releves.zip")):
        assert bank.detect(path), path
    csv_only = tmp_path / "csv-only"
    csv_only.mkdir()
    shutil.copy(CA, csv_only / "export.csv")
    assert bank.detect(csv_only) and bank.detect(_zip(csv_only, tmp_path / "csv.zip"))


def test_detect_leaves_other_files_alone(tmp_path: Path) -> None:
    enedis = Path(__file__).resolve().parents[1] / "fixtures" / "enedis"
    other = tmp_path / "Shares.csv"
    other.write_text("Date,ShareLink,ShareCommentary\n", encoding="utf-8")
    truncated = tmp_path / "cut.zip"
    truncated.write_bytes(_zip(FIXTURES, tmp_path / "full.zip").read_bytes()[:300])
    for path in (*enedis.iterdir(), enedis, other, truncated, tmp_path / "missing.ofx"):
        assert not Bank().detect(path), path


# --- through the CLI -----------------------------------------------------------------------------------------


_entries = journal_entries


def test_import_the_zip_then_again_adds_nothing(cli, tmp_path: Path) -> None:
    archive = _zip(FIXTURES, tmp_path / "releves.zip")
    assert (
        cli("import", "detect", str(archive)).stdout.strip() == "bank: Crédit Agricole (Date, Libellé, Débit, Crédit)"
    )
    result = cli("import", "bank", str(archive))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert "Imported from bank: 18 touches, from 29 Feb 2024 to 3 Jan 2025.\n  New entries: 16;" in result.stdout
    entries = _entries(cli)
    assert sum(e["count"] for e in entries if e["touchpoint"] == "bank-card") == 15
    assert sum(e["count"] for e in entries if e["touchpoint"] == "mobile-payment") == 3
    assert {e["day"] for e in entries if e["touchpoint"] == "bank-card"} >= {"2024-02-29", "2024-12-31"}
    again = cli("import", "bank", str(FIXTURES))
    assert again.exit_code == 0 and "Nothing new" in again.stdout
    assert _entries(cli) == entries


def test_a_truncated_zip_and_a_wrong_file_exit_5_with_one_line(cli, tmp_path: Path) -> None:
    truncated = tmp_path / "releves.zip"
    truncated.write_bytes(_zip(FIXTURES, tmp_path / "full.zip").read_bytes()[:-200])
    wrong = tmp_path / "photo.json"
    wrong.write_text("{}", encoding="utf-8")
    for path in (truncated, wrong):
        result = cli("import", "bank", str(path))
        assert result.exit_code == 5, result.stdout
        assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("footprint: ")
        assert result.stdout == ""
    assert _entries(cli) == []


def test_strict_with_a_bad_record_imports_nothing(cli, tmp_path: Path) -> None:
    path = _bad_ofx(tmp_path)
    strict = cli("import", "bank", str(path), "--strict")
    assert strict.exit_code == 5 and "--strict: nothing imported" in strict.stderr
    assert _entries(cli) == []
    lenient = cli("import", "bank", str(path))
    assert lenient.exit_code == 0
    assert (
        "skipped 1 record: card payment without a readable amount (first at releve_…2222.ofx, transaction 2)"
        in lenient.stderr
    )
    assert "beaucoup" not in lenient.stderr and "CAF" not in lenient.stderr
    assert len(_entries(cli)) == 2


# --- junk never crashes the parser ---------------------------------------------------------------------------

_OFX_TAGS = [
    "OFX",
    "/OFX",
    "STMTRS",
    "/STMTRS",
    "CCSTMTRS",
    "/CCSTMTRS",
    "BANKACCTFROM",
    "/BANKACCTFROM",
    "ACCTID",
    "STMTTRN",
    "/STMTTRN",
    "TRNTYPE",
    "DTPOSTED",
    "DTUSER",
    "TRNAMT",
    "FITID",
    "NAME",
    "MEMO",
    "/BANKTRANLIST",
    "?xml",
    "!--",
]
_values = st.one_of(
    st.sampled_from(
        ["-6,60", "POS", "CB X 02/03", "20250102", "20241399[+1:CET]", "00010101", "99991231", "", "&amp;", "<"]
    ),
    st.text(max_size=12),
    hostile_cells,
)
_ofx_soup = st.lists(st.tuples(st.sampled_from(_OFX_TAGS), _values), max_size=40).map(
    lambda items: "OFXHEADER:100\nCHARSET:1252\n\n" + "".join(f"<{t}>{v}\n" for t, v in items)
)
_csv_soup = st.lists(
    st.lists(
        st.one_of(
            st.sampled_from(
                [
                    "Date",
                    "Libellé",
                    "Débit",
                    "Crédit",
                    "montant",
                    "CB X 31/12",
                    "02/03/2024",
                    "6,60",
                    '"',
                    "\n",
                    "dateOp",
                    "label",
                    "amount",
                ]
            ),
            st.text(max_size=8),
        ),
        max_size=6,
    ),
    max_size=12,
).map(lambda rows: "\n".join(";".join(r) for r in rows))


def _only_records_or_data_file_error(path: Path) -> None:
    try:
        for record in Bank().read(path, _ctx()):
            assert isinstance(record, Touch | Issue)
    except DataFileError:
        pass


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=600), suffix=st.sampled_from([".ofx", ".csv", ".zip"]))
def test_junk_bytes_never_crash(tmp_path_factory, data: bytes, suffix: str) -> None:
    path = tmp_path_factory.mktemp("junk") / f"junk{suffix}"
    path.write_bytes(data)
    _only_records_or_data_file_error(path)
    Bank().detect(path)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(_ofx_soup, _csv_soup), encoding=st.sampled_from(["utf-8", "cp1252", "utf-8-sig"]))
def test_junk_structures_never_crash(tmp_path_factory, text: str, encoding: str) -> None:
    folder = tmp_path_factory.mktemp("soup")
    (folder / "a.ofx").write_bytes(text.encode(encoding, errors="replace"))
    (folder / "b.csv").write_bytes(text.encode(encoding, errors="replace"))
    _only_records_or_data_file_error(folder / "a.ofx")
    _only_records_or_data_file_error(folder / "b.csv")
