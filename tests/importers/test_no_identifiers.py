"""No identifier reaches the journal: no file name, account, card, meter or member number, in entries, the
undo history, import records or any message kept in the database.

The files imported here carry such numbers in their names (the PRM in Enedis's, an account number in a bank
statement's and in a CSV's) and inside them (the OFX's ``ACCTID``, a Crédit Agricole header, BoursoBank's
``accountNum`` column). After importing them, the journal file and its write-ahead log are read as bytes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PRM = "12345678901234"
SECRETS = [
    PRM,  # the meter (Enedis file names and the first line of their content)
    "70011112222",  # an OFX statement's name and its ACCTID
    "71234567890",  # Crédit Agricole's header line
    "00040987654",  # BoursoBank's accountNum column
    "00040123456",
    "70022233344",  # a generic CSV's file name
    "CB*5678",  # a card's last digits in a label
]
NAMES = ["Enedis_Conso", "releve_", "CA20240305", "export-operations", "diary-", ".csv", ".ofx"]


def _journal_bytes(db_path: Path) -> bytes:
    data = b""
    for suffix in ("", "-wal", "-shm"):
        path = Path(f"{db_path}{suffix}")
        if path.exists():
            data += path.read_bytes()
    return data


@pytest.mark.parametrize("strict", [False, True])
def test_no_identifier_is_kept_anywhere_in_the_journal(cli, db_path: Path, tmp_path: Path, strict: bool) -> None:
    diary = tmp_path / "diary-70022233344.csv"
    shutil.copy(FIXTURES / "csv" / "diary.csv", diary)
    imports = [
        ("enedis", FIXTURES / "enedis" / f"Enedis_Conso_Jour_20240325-20240405_{PRM}.csv"),
        ("enedis", FIXTURES / "enedis"),
        ("bank", FIXTURES / "bank" / "releve_70011112222.ofx"),
        ("bank", FIXTURES / "bank" / "CA20240305_1402.csv"),
        ("bank", FIXTURES / "bank" / "export-operations-05-03-2024_10-00-00.csv"),
        ("csv", diary),
    ]
    for source, path in imports:
        result = cli("import", source, str(path), *(["--strict"] if strict else []))
        assert result.exit_code in (0, 5), (source, path, result.stderr)
    added = cli("list", "--json")
    assert added.exit_code == 0 and '"import:enedis"' in added.stdout and '"import:bank"' in added.stdout
    data = _journal_bytes(db_path)
    assert b"import:csv" in data or strict
    for secret in SECRETS + NAMES:
        assert secret.encode() not in data, secret
    # What the journal shows and exports carries none of them either.
    shown = added.stdout + cli("export", "--format", "json").stdout + cli("undo").stdout
    for secret in SECRETS + NAMES:
        assert secret not in shown, secret
