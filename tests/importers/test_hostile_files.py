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
from importer_support import zip_bomb

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
    return original.replace(b"<body>", b"<body>" + b"<div>" * 100_000, 1)


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
        pytest.param(
            c,
            shape,
            id=f"{c.importer}-{c.family}-{shape}",
        )
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
    assert "New entries: " in result.stdout


@pytest.mark.parametrize(("carrier", "shape"), _cases())
def test_hostile_content_is_reported_or_refused(cli, tmp_path: Path, carrier: Carrier, shape: str) -> None:
    original = (FIXTURES / carrier.folder / carrier.member).read_bytes()
    transform, _ = SHAPES[shape]
    result = cli("import", carrier.importer, str(_package(carrier, tmp_path, transform(original))))
    _assert_clean_outcome(result)


ZIPPED = [pytest.param(c, id=f"{c.importer}-{c.family}") for c in CARRIERS if c.zipped]


@pytest.fixture
def small_caps(monkeypatch: pytest.MonkeyPatch) -> None:
    """The ratio checked from the first 256 KB (not 4 MB), so a bomb stays small in a test."""
    monkeypatch.setattr(archive, "RATIO_FLOOR", 256 << 10)


def _bomb(original: bytes, filler: bytes, size: int) -> bytes:
    """The member with ``size`` bytes of ``filler`` where the importer has to read through them: after the
    opening bracket of a JSON array, else before the last line."""
    if original.lstrip()[:1] in (b"[", b"w", b"{"):
        at = original.find(b"[") + 1
    else:  # before the last record (a line that starts with a date or a tag), not inside a quoted cell
        at = max((m.end() for m in re.finditer(rb"\n(?=[0-9<])", original)), default=0)
    return original[:at] + filler * (size // len(filler)) + original[at:]


@pytest.mark.parametrize("filler", [b"\n", b" "], ids=["newlines", "spaces"])
@pytest.mark.parametrize("carrier", ZIPPED)
def test_a_zip_bomb_is_refused_naming_the_member(cli, tmp_path, small_caps, carrier: Carrier, filler) -> None:
    original = (FIXTURES / carrier.folder / carrier.member).read_bytes()
    path = _package(carrier, tmp_path, _bomb(original, filler, 4 << 20), compresslevel=9)
    assert path.stat().st_size < 100_000
    result = cli("import", carrier.importer, str(path))
    _assert_clean_outcome(result, {5})
    assert _shown(carrier.member) in result.stderr and "(a zip bomb?); refused" in result.stderr


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


# --- the caps themselves ------------------------------------------------------------------------------------

# The child's own peak memory: VmHWM (Linux) starts afresh at exec, whereas getrusage's ru_maxrss keeps
# the high-water mark of the forked test process (hundreds of MB in a full run).
_MEASURE = """
import resource, sys
from footprint.launch import main
sys.argv = ["footprint", "import", sys.argv[1], sys.argv[2]]
try:
    main()
except SystemExit as exit:
    code = exit.code
try:
    with open("/proc/self/status") as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(code, peak, file=sys.stderr)
"""


@pytest.mark.parametrize(
    ("name", "member", "prefix"),
    [
        ("google-takeout", "Takeout/My Activity/Search/MyActivity.json", b"["),
        ("activitywatch", "aw-buckets-export.json", b'{"buckets": {"aw-watcher-window_x": {"events": ['),
        ("linkedin", "Reactions.csv", b"Date,Type,Link\n"),
    ],
    ids=["google-takeout", "activitywatch", "linkedin"],
)
def test_the_real_caps_stop_a_600_mb_bomb_early_in_bounded_memory(tmp_path, name, member, prefix) -> None:
    """The shape of the report: a zip well under a megabyte whose member expands to 600 MB. With the real
    caps it is refused after a few megabytes, in a process whose peak memory stays small."""
    import os
    import subprocess
    import sys

    bomb = zip_bomb(tmp_path / "bomb.zip", member, 600 << 20, prefix, b" ")
    assert bomb.stat().st_size < 1 << 20
    env = {**os.environ, "FOOTPRINT_DB": str(tmp_path / "j.db")}
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, name, str(bomb)], env=env, capture_output=True, text=True, timeout=120
    )
    *message, measured = done.stderr.splitlines()
    code, peak_kb = measured.split()
    assert code == "5" and len(message) == 1, done.stderr
    # A line without end is refused even sooner (lines are capped too): either way, one line naming it.
    assert message[0].startswith("footprint: ") and member in message[0], message
    assert "expands more than 100 times (a zip bomb?)" in message[0] or "is longer than 1 MB" in message[0]
    assert int(peak_kb) < 200 << 10  # KB: the 600 MB never sit in memory


def _incompressible(size: int) -> bytes:
    """Text that deflate cannot squeeze (so only the size caps, not the ratio, can stop it)."""
    return random.Random(7).randbytes(size // 2).hex().encode()


def test_a_member_over_the_member_cap_is_refused(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(archive, "MEMBER_CAP", 1 << 20)
    items = b'[{"time": "2024-03-05T10:00:00Z", "title": "' + _incompressible(2 << 20) + b'"}]'
    path = tmp_path / "takeout.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("Takeout/My Activity/Search/MyActivity.json", items)
    result = cli("import", "google-takeout", str(path))
    _assert_clean_outcome(result, {5})
    assert "MyActivity.json: expands to more than 1 MB (a zip bomb?); refused" in result.stderr


def test_members_together_over_the_archive_cap_are_refused(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(archive, "ARCHIVE_CAP", 1 << 20)
    path = tmp_path / "twitter.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for part in ("tweets.js", "tweets-part1.js"):
            z.writestr(f"data/{part}", b'window.YTD.tweets.part0 = [{"x": "' + _incompressible(700 << 10) + b'"}]')
    result = cli("import", "twitter", str(path))
    _assert_clean_outcome(result, {5})
    assert "tweets.js: with the archive's other members, expands to more than 1 MB" in result.stderr


def test_a_file_read_whole_is_refused_past_the_whole_cap(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(archive, "WHOLE_CAP", 1 << 20)
    path = tmp_path / "aw-buckets-export.json"
    path.write_bytes(b'{"buckets": {}, "pad": "' + _incompressible(2 << 20) + b'"}')
    result = cli("import", "activitywatch", str(path))
    _assert_clean_outcome(result, {5})
    assert "aw-buckets-export.json: over 1 MB, too big to read whole" in result.stderr


def test_the_caps_are_far_above_real_exports() -> None:
    """Takeout's My Activity files reach a few hundred MB and compress 5 to 30 times."""
    assert archive.MEMBER_CAP >= 2 << 30 and archive.ARCHIVE_CAP >= 8 * archive.MEMBER_CAP
    assert archive.RATIO_CAP >= 3 * 30 and archive.WHOLE_CAP >= 256 << 20


_EVERY_IMPORTER = """
import json, sys
from datetime import UTC
from pathlib import Path
from typer.testing import CliRunner
from footprint.cli import app
from footprint.errors import FootprintError
from footprint.importers import ImportContext, importer
out = {}
path = Path(sys.argv[1])
for name in sys.argv[2:]:
    cli = CliRunner().invoke(app, ["import", name, str(path)])
    imp = importer(name)
    imp.detect(path)
    try:  # the importer itself, as the services and the TUI call it, not only behind the command line
        list(imp.read(path, ImportContext({}, UTC)))
        code, message = 0, ""
    except FootprintError as exc:
        code, message = int(exc.exit_code), exc.message
    out[name] = [cli.exit_code, cli.stdout, cli.stderr, code, message]
print(json.dumps(out))
"""


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path) -> None:
    """Every importer, in one subprocess with a timeout, so a regression fails instead of hanging the
    suite: the command line refuses the path as bad input (exit 2), the importer itself as no file (5)."""
    import os
    import subprocess
    import sys

    fifo = tmp_path / "export.zip"
    os.mkfifo(fifo)
    names = [i.name for i in IMPORTERS]
    env = {**os.environ, "FOOTPRINT_DB": str(tmp_path / "j.db")}
    done = subprocess.run(
        [sys.executable, "-c", _EVERY_IMPORTER, str(fifo), *names], env=env, capture_output=True, timeout=120
    )
    results = json.loads(done.stdout)
    assert set(results) == set(names)
    for name, (cli_code, stdout, stderr, code, message) in results.items():
        assert cli_code == 2 and stdout == "", (name, stderr)
        assert stderr.startswith("footprint: ") and stderr.count("\n") == 1, (name, stderr)
        assert code == 5 and "\n" not in message, (name, message)
