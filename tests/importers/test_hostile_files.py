"""Hostile files, for every importer of the registry: ``footprint import NAME FILE`` on a zip bomb, a
corrupted deflate stream, JSON nested a million deep, 5,000-digit numbers, wrong types, dates in year 1 or
9999, an overlong CSV field, binary junk, an empty or a truncated file. Each one ends in exit 0 (with the
bad records reported) or exit 5 with one ``footprint: `` line, never a traceback, a hang or a blow-up.

Each importer has a *carrier*: a fixture export it reads cleanly and the member of it that a shape
replaces. A new importer fails ``test_every_importer_has_a_carrier`` until it gets one, so it is covered.
"""

from __future__ import annotations

import json
import random
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from footprint.importers import IMPORTERS, archive

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@dataclass(frozen=True)
class Carrier:
    importer: str
    folder: str  # under tests/fixtures
    member: str  # the file a shape replaces, relative to the folder
    zipped: bool = True  # imported as a zip of the folder (as downloaded), else as the member alone

    @property
    def family(self) -> str:
        suffix = Path(self.member).suffix.lower()
        return {".js": "json", ".htm": "html"}.get(suffix, suffix.lstrip("."))


CARRIERS = (
    Carrier("footprint-json", "footprint-json", "journal.json", zipped=False),
    Carrier("google-takeout", "google-takeout/json", "Takeout/My Activity/Search/MyActivity.json"),
    Carrier("google-takeout", "google-takeout/html-en", "Takeout/My Activity/Search/MyActivity.html"),
    Carrier("twitter", "twitter/archive", "data/tweets.js"),
    Carrier("facebook", "facebook/2024", "your_facebook_activity/comments_and_reactions/comments.json"),
    Carrier("instagram", "instagram/2024", "your_instagram_activity/likes/liked_posts.json"),
    Carrier("linkedin", "linkedin/Basic_LinkedInDataExport_03-05-2024", "Reactions.csv"),
    Carrier("bank", "bank", "statement-2024-03.ofx"),
    Carrier("bank", "bank", "CA20240305_1402.csv"),
    Carrier("enedis", "enedis", "Enedis_Conso_Heure_20240330-20240402_12345678901234.csv"),
    Carrier("activitywatch", "activitywatch", "aw-buckets-export.json"),
    Carrier("csv", "csv", "diary.csv", zipped=False),
)

HUGE = "9" * 5000


# --- the shapes: the carrier member's bytes in, hostile bytes out ------------------------------------------


def _deep(original: bytes) -> bytes:
    return original.replace(b"[", b"[" * 1_000_000, 1) if b"[" in original else b"[" * 1_000_000


def _deep_html(original: bytes) -> bytes:
    return original.replace(b"<body>", b"<body>" + b"<div>" * 200_000, 1)


def _digits(original: bytes) -> bytes:
    return re.sub(rb"\d+", HUGE.encode(), original)


def _years(year: bytes, epoch: bytes) -> Callable[[bytes], bytes]:
    def shape(original: bytes) -> bytes:
        out = re.sub(rb"(?<!\d)1\d{9}(?=\d{3}(?!\d))|(?<!\d)1\d{9}(?!\d)", epoch, original)  # epoch s or ms
        return re.sub(rb"(19|20)\d\d", year, out)

    return shape


def _instants(instant: bytes) -> Callable[[bytes], bytes]:
    def shape(original: bytes) -> bytes:
        return re.sub(rb"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d)?", instant, original)

    return shape


def _floats(original: bytes) -> bytes:
    return re.sub(rb"(?<=[:\[,] )-?\d+(\.\d+)?(?=[,}\]\s])|(?<=[:\[,])-?\d+(\.\d+)?(?=[,}\]\s])", b"1e308", original)


def _wrong_types(original: bytes) -> bytes:
    text = original.decode("utf-8-sig")
    start = min(i for i in (text.find("["), text.find("{")) if i >= 0)
    doc = json.loads(text[start:])
    rotate: dict[type, Any] = {str: 17, int: "x", float: [1.5], bool: {"k": None}, type(None): ["a"]}

    def swap(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: swap(v) for k, v in value.items()}
        if isinstance(value, list):
            return [swap(v) for v in value] + [None, 3, "s"]
        return rotate[type(value)]

    return (text[:start] + json.dumps(swap(doc))).encode()


def _overlong(quoted: bool) -> Callable[[bytes], bytes]:
    cell = b'"' + b"x" * 200_000 + b'"' if quoted else b"x" * 200_000

    def shape(original: bytes) -> bytes:
        header, _, rest = original.partition(b"\n")
        return header + b"\n" + cell + b";" + cell + b"," + cell + b"\n" + rest

    return shape


def _junk(original: bytes) -> bytes:
    return random.Random(5).randbytes(4096)


SHAPES: dict[str, tuple[Callable[[bytes], bytes], set[str]]] = {
    "deep-json": (_deep, {"json"}),
    "deep-html": (_deep_html, {"html"}),
    "huge-numbers": (_digits, {"json", "html", "csv", "ofx"}),
    "year-1": (_years(b"0001", b"-62135596801"), {"json", "html", "csv", "ofx"}),
    "year-9999": (_years(b"9999", b"253402300800"), {"json", "html", "csv", "ofx"}),
    "first-instant": (_instants(b"0001-01-01T00:00:00"), {"json", "html", "csv"}),
    "last-instant": (_instants(b"9999-12-31T23:59:59"), {"json", "html", "csv"}),
    "huge-floats": (_floats, {"json"}),
    "epoch-1e20": (_years(b"2024", b"100000000000000000000.0"), {"json"}),
    "wrong-types": (_wrong_types, {"json"}),
    "overlong-quoted-field": (_overlong(True), {"csv"}),
    "overlong-bare-field": (_overlong(False), {"csv"}),
    "binary-junk": (_junk, {"json", "html", "csv", "ofx"}),
    "empty": (lambda original: b"", {"json", "html", "csv", "ofx"}),
    "truncated": (lambda original: original[: len(original) // 2], {"json", "html", "csv", "ofx"}),
}


def _cases() -> list[Any]:
    return [
        pytest.param(c, shape, id=f"{c.importer}-{c.family}-{shape}")
        for c in CARRIERS
        for shape, (_, families) in SHAPES.items()
        if c.family in families
    ]


def _package(carrier: Carrier, tmp_path: Path, content: bytes | None = None, **zip_args: Any) -> Path:
    """The carrier as the user would pass it, with its member's content replaced."""
    folder = FIXTURES / carrier.folder
    original = (folder / carrier.member).read_bytes()
    data = original if content is None else content
    if not carrier.zipped:
        path = tmp_path / Path(carrier.member).name
        path.write_bytes(data)
        return path
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, **zip_args) as z:
        for p in sorted(folder.rglob("*")):
            inner = p.relative_to(folder).as_posix()
            if p.is_file() and inner != carrier.member:
                z.write(p, inner)
        z.writestr(carrier.member, data)
    return path


def _assert_clean_outcome(result: Any, codes: set[int] = {0, 5}) -> None:  # noqa: B006
    assert result.exit_code in codes, (result.exit_code, result.stderr[-500:])
    assert "Traceback" not in result.stderr + result.stdout
    assert "internal error" not in result.stderr
    assert isinstance(result.exception, SystemExit | None)
    lines = result.stderr.splitlines()
    assert all(line.startswith("footprint: ") for line in lines), lines[:3]
    assert all(len(line) < 400 for line in lines)
    if result.exit_code:
        assert len(lines) == 1, lines
        assert result.stdout == ""


def _shown(member: str) -> str:
    """The part of a member's name a message shows: long digit runs (account, meter numbers) are masked."""
    return re.split(r"\d{9,}", member)[0]


# --- the matrix -------------------------------------------------------------------------------------------


def test_every_importer_has_a_carrier() -> None:
    assert {i.name for i in IMPORTERS} == {c.importer for c in CARRIERS}


@pytest.mark.parametrize("carrier", [pytest.param(c, id=f"{c.importer}-{c.family}") for c in CARRIERS])
def test_the_carrier_imports_cleanly(cli, tmp_path: Path, carrier: Carrier) -> None:
    """The untouched carrier imports: a shape's exit 5 is then the shape's doing."""
    result = cli("import", carrier.importer, str(_package(carrier, tmp_path)))
    assert result.exit_code == 0, result.stderr
    assert "new entries" in result.stdout


@pytest.mark.parametrize(("carrier", "shape"), _cases())
def test_hostile_content_is_reported_or_refused(cli, tmp_path: Path, carrier: Carrier, shape: str) -> None:
    original = (FIXTURES / carrier.folder / carrier.member).read_bytes()
    transform, _ = SHAPES[shape]
    result = cli("import", carrier.importer, str(_package(carrier, tmp_path, transform(original))))
    _assert_clean_outcome(result)


ZIPPED = [pytest.param(c, id=f"{c.importer}-{c.family}") for c in CARRIERS if c.zipped]


@pytest.fixture
def small_caps(monkeypatch: pytest.MonkeyPatch) -> None:
    """Caps a thousand times lower than the real ones, so a bomb stays a few megabytes in a test."""
    monkeypatch.setattr(archive, "RATIO_FLOOR", 1 << 20)
    monkeypatch.setattr(archive, "MEMBER_CAP", 4 << 20)
    monkeypatch.setattr(archive, "ARCHIVE_CAP", 6 << 20)


def _bomb(original: bytes, filler: bytes, size: int) -> bytes:
    """The member with ``size`` bytes of ``filler`` where the importer has to read through them: after the
    opening bracket of a JSON array, else before the last line."""
    if original.lstrip()[:1] in (b"[", b"w", b"{"):
        at = original.find(b"[") + 1
    else:  # before the last record (a line that starts with a date or a tag), not inside a quoted cell
        at = max((m.end() for m in re.finditer(rb"\n(?=[0-9<])", original)), default=0)
    return original[:at] + filler * (size // len(filler)) + original[at:]


@pytest.mark.parametrize("filler", [b"\n", b" ", b"\0"], ids=["newlines", "spaces", "zeros"])
@pytest.mark.parametrize("carrier", ZIPPED)
def test_a_zip_bomb_is_refused_naming_the_member(cli, tmp_path, small_caps, carrier: Carrier, filler) -> None:
    original = (FIXTURES / carrier.folder / carrier.member).read_bytes()
    path = _package(carrier, tmp_path, _bomb(original, filler, 8 << 20), compresslevel=9)
    assert path.stat().st_size < 200_000
    result = cli("import", carrier.importer, str(path))
    _assert_clean_outcome(result, {5})
    assert _shown(carrier.member) in result.stderr and "expands to more than" in result.stderr


@pytest.mark.parametrize("carrier", ZIPPED)
def test_a_corrupted_deflate_stream_is_one_data_file_error(cli, tmp_path: Path, carrier: Carrier) -> None:
    original = (FIXTURES / carrier.folder / carrier.member).read_bytes()
    path = _package(carrier, tmp_path, original * 4)
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(carrier.member)
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 8, start + info.compress_size - 8, 7):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    result = cli("import", carrier.importer, str(path))
    _assert_clean_outcome(result, {5})
    assert _shown(carrier.member) in result.stderr
