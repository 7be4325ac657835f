"""The one encoding rule: byte-order marks, UTF-8, then Windows-1252 or ISO-8859-15 by their bytes, and
one clear error when it cannot tell; the same answer read whole, line by line or in small chunks."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from footprint.errors import DataFileError
from footprint.importers.toolkit import Decoder, Lines, csv_rows, decode, detect, file_member, text_lines

FIXTURES = Path(__file__).parents[2] / "fixtures" / "encodings"
ROWS = [
    ["Date", "Libellé", "Montant"],
    ["05/03/2024", "CB Café de la Gare", "-6,60"],
    ["06/03/2024", "Prélèvement « EDF » œuvre", "-42,00"],
]


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("utf8.csv", "utf-8"),
        ("utf8-bom.csv", "utf-8"),
        ("utf16-le.csv", "utf-16-le"),
        ("utf16-be.csv", "utf-16-be"),
        ("cp1252.csv", "cp1252"),
    ],
)
def test_each_encoding_reads_to_the_same_rows(name: str, encoding: str) -> None:
    lines = Lines(file_member(FIXTURES / name))
    rows = [row.cells for row in csv_rows(lines, ";")]
    assert rows == ROWS
    assert lines.encoding == encoding
    assert lines.number == 3


def test_iso_8859_15_is_told_from_cp1252_by_its_euro_sign() -> None:
    text = "".join(text_lines(file_member(FIXTURES / "iso8859-15.csv")))
    assert "12 € chez Œnologie" in text


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("é".encode("cp1252"), "cp1252"),  # no byte in 80–9F, none of 8859-15's own: they agree, cp1252
        ("l’œuvre".encode("cp1252"), "cp1252"),  # 92 and 9C: printable only in cp1252
        ("12 €".encode("iso8859-15"), "iso8859-15"),  # A4 without any 80–9F byte
        ("café".encode(), "utf-8"),
        (b"plain", "utf-8"),
        (codecs.BOM_UTF8 + b"x", "utf-8"),
        (codecs.BOM_UTF16_LE + "x".encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + "x".encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + "x".encode("utf-32-le"), "utf-32-le"),
    ],
)
def test_the_rule(data: bytes, expected: str) -> None:
    assert detect(data, "f") == expected


@pytest.mark.parametrize(
    "data",
    [
        b"a\x00b\x00c\x00",  # UTF-16 without its mark, or a binary file: cannot tell
        b"caf\xe9 \x81",  # 81: defined in neither cp1252 nor ISO-8859-15
        b"\x89PNG\r\n\x1a\n\x00\x00",
    ],
)
def test_what_it_cannot_tell_is_one_clear_error(data: bytes) -> None:
    with pytest.raises(DataFileError) as caught:
        decode(data, "statement.csv")
    assert caught.value.message.startswith("statement.csv: not text footprint can read")


def test_json_is_unicode_only() -> None:
    with pytest.raises(DataFileError, match="not UTF-8 text"):
        detect("café".encode("cp1252"), "a.json", legacy=False)
    assert detect(codecs.BOM_UTF16_LE + b"[\x00]\x00", "a.json", legacy=False) == "utf-16-le"


def test_a_text_that_changes_encoding_midway_says_where() -> None:
    decoder = Decoder("export.csv")
    assert decoder.decode("Libellé\n".encode()) == "Libellé\n"
    with pytest.raises(DataFileError) as caught:
        decoder.decode("Café\n".encode("cp1252"))
    assert caught.value.message == "export.csv: the text changes encoding near byte 12 (not UTF-8 any more)"


def test_the_decision_waits_for_the_first_byte_that_is_not_ascii() -> None:
    decoder = Decoder("f")
    assert decoder.decode(b"Date;Label\n" * 1000) .startswith("Date")
    assert decoder.encoding is None
    assert decoder.decode("Caf\xe9\n".encode("latin-1")) == "Café\n"
    assert decoder.encoding == "cp1252"


def test_chunks_cut_anywhere_decode_the_same() -> None:
    data = codecs.BOM_UTF16_LE + "Libellé;€\n".encode("utf-16-le") * 50
    for size in (1, 2, 3, 7, 64):
        decoder = Decoder("f")
        text = "".join(decoder.decode(data[i : i + size]) for i in range(0, len(data), size))
        assert text + decoder.decode(b"", final=True) == "Libellé;€\n" * 50


def test_lines_report_progress_in_bytes_and_refuse_an_endless_line(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(b"a;b\n" * 50_000)
    told: list[int] = []
    assert sum(1 for _ in text_lines(file_member(path), told.append)) == 50_000
    assert sum(told) == 200_000 and len(told) > 2
    long = tmp_path / "long.csv"
    long.write_bytes(b"x" * (3 << 20))
    with pytest.raises(DataFileError, match="line 1 is longer than 1 MB"):
        list(text_lines(file_member(long)))


def test_lines_cut_on_newlines_only(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes('a;"x\u2028y\x0cz"\r\nb;c'.encode())
    assert list(text_lines(file_member(path))) == ['a;"x\u2028y\x0cz"\r\n', "b;c"]


def test_the_error_is_worded_in_french() -> None:
    from footprint import i18n

    with pytest.raises(DataFileError) as caught:
        decode(b"a\x00b", "relevé.csv")
    with i18n.speaking("fr"):
        assert caught.value.message == (
            "relevé.csv\u00a0: ce n’est pas un texte que footprint sait lire (UTF-8, UTF-16, Windows-1252 ou ISO-8859-15)"
        )


def test_a_cp1252_line_in_a_utf8_file_is_read_alone(tmp_path: Path) -> None:
    """A spreadsheet saved by two programs: the UTF-8 lines stay UTF-8, the other one reads as cp1252."""
    path = tmp_path / "diary.csv"
    path.write_bytes("date;quoi\n".encode() + "20/11;télé\n".encode() + "21/11;téléphone\n".encode("cp1252"))
    lines = Lines(file_member(path))
    assert list(lines) == ["date;quoi\n", "20/11;télé\n", "21/11;téléphone\n"]
    assert lines.encoding == "utf-8" and lines.mixed_lines == 1


def test_a_stray_nul_does_not_refuse_the_file(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes("a;b\nc\x00;é\nd;e\n".encode())
    rows = list(csv_rows(Lines(file_member(path)), ";"))
    assert [r.line for r in rows] == [1, 2, 3]
