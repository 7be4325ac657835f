"""Hypothesis over the whole command tree: whatever a person types, footprint never fails with exit 1,
never shows a traceback or an "internal error", says a refusal in ONE stderr line, and answers in seconds.

The tree is walked from the Typer app itself (every group and subcommand, each parameter's names, type,
nargs, choices), so a new command or option is fuzzed as soon as it exists. Each argument vector mixes
plausible values (touchpoints, dates, formats, files of the journal's folder) with junk: huge integers,
text that is not UTF-8 (as Python hands it over from argv, surrogate-escaped), dates far away, empty
strings, folders, missing files, FIFOs, options without their value, unknown options, typos.

Each vector runs in-process, as ``main()`` runs it (the app built for the command named, or the full app),
in Typer's CliRunner, on one journal that lives through the examples, as a person's would. The
runner's stdin is not a terminal, so neither bare ``footprint`` nor ``footprint tui`` opens the TUI.

Budget: ``FOOTPRINT_FUZZ_EXAMPLES`` vectors (default 2,000, derandomized, so CI runs the same ones each time)
plus a tenth as many fresh random ones. For a longer hunt: ``FOOTPRINT_FUZZ_EXAMPLES=5000 pytest
tests/test_fuzz_cli.py``.
"""

from __future__ import annotations

import os
import signal
import string
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import typer.main
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import footprint.cli

EXAMPLES = int(os.environ.get("FOOTPRINT_FUZZ_EXAMPLES", "2000"))
SLOW = 8.0  # seconds: a command that takes longer than this on the tiny journal is a failure
HANG = 30.0  # seconds: past this the run is stopped, and the vector reported as hanging
FIXTURES = Path(__file__).parent / "fixtures"

# What the generator leaves out, and why (everything else comes from the app):
NOT_GENERATED = {
    "--debug": "shows tracebacks on purpose: that is what it is for",
    "NUL characters": "a real argv cannot carry them (C strings end there)",
}
# Where the generator holds back, and why:
BOUNDED = {
    "demo": "always gets --days (the default year takes a second, ten years ten): values come from the int pool",
}


# The command tree, from the app ---------------------------------------------------------------------


@dataclass(frozen=True)
class Command:
    path: tuple[str, ...]
    options: tuple[Any, ...]
    arguments: tuple[Any, ...]
    subcommands: tuple[str, ...]


def _walk(command: Any, path: tuple[str, ...] = ()) -> Iterator[Command]:
    params = [p for p in command.params if not (p.param_type_name == "option" and "--debug" in p.opts)]
    subs = tuple(getattr(command, "commands", {}))
    yield Command(
        path,
        tuple(p for p in params if p.param_type_name == "option"),
        tuple(p for p in params if p.param_type_name == "argument"),
        subs,
    )
    for name, sub in getattr(command, "commands", {}).items():
        yield from _walk(sub, (*path, name))


TREE = list(_walk(typer.main.get_command(footprint.cli.app)))
ROOT = TREE[0]
COMMANDS = TREE[1:]


def test_the_walk_sees_every_command_and_group() -> None:
    names = {c.path[0] for c in COMMANDS}
    assert names == set(footprint.cli.COMMANDS) | set(footprint.cli.GROUPS)
    assert ("challenge", "report") in {c.path for c in COMMANDS}
    assert all(c.options or c.arguments or c.subcommands or c.path for c in COMMANDS)


# Values ------------------------------------------------------------------------------------------------


def _argv_text(s: str) -> str:
    return s.replace("\x00", "")


def _not_utf8() -> st.SearchStrategy[str]:
    """What Python makes of argv bytes that are not UTF-8: lone surrogates (surrogateescape)."""
    return st.binary(max_size=12).map(lambda b: os.fsdecode(b.replace(b"\0", b"") + b"\xff"))


HUGE = st.one_of(
    st.integers(min_value=2**63 - 2, max_value=2**80),
    st.integers(min_value=-(2**80), max_value=-(2**63) + 2),
).map(str)
JUNK = st.one_of(
    st.text(max_size=16).map(_argv_text),
    _not_utf8(),
    HUGE,
    st.sampled_from(["", " ", "-", "--", "-1", "0", "x\ny", "\x1b[31mred", "\u202eevil", "é", "𝔣", "x" * 3000]),
)
DATES = st.sampled_from(
    [
        "now",
        "today",
        "yesterday",
        "yesterday 18:00",
        "hier 18h",
        "avant-hier",
        "lundi 8h",
        "08:10",
        "18h30",
        "25:61",
        "-2d",
        "-3h",
        "+2d",
        "2026-11-20",
        "2026-11-20T08:10",
        "2026-11-22T09:30:00+01:00",
        "20/11/2026",
        "31/02/2026",
        "1970-01-01",
        "0001-01-01",
        "9999-12-31",
        "2999-01-01",
        "-99999999d",
        "-99999999999999999999d",
        "30d",
        "8w",
        "6mo",
        "10y",
        "1000y",
        "all",
    ]
)
INTS = st.one_of(
    st.integers(min_value=-2, max_value=40).map(str),
    HUGE,
    st.sampled_from(["1.5", "abc", "", "0x10", "١٢", "1e3", "+3", " 7"]),
)
FLOATS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(["5", "0", "-1", "1e400", "nan", "inf", "1,5", "", "abc"]),
)
TOUCHPOINTS = st.sampled_from(
    ["smartphone", "cb", "CB", "Carte Vitale", "linky", "facebook", "email", "computer", "smartfone", "social"]
)
WORDS: dict[str, list[str]] = {
    "metric": ["klout", "activity", "kloot", "followers:twitter", "ACTIVITY", "a" * 41, "a b"],
    "fmt": ["json", "csv", "md", "html", "htm", "svg", "png", "pdf", "footprint-json"],
    "lang": ["en", "fr", "de", "EN", "fr_FR"],
    "reason": ["unavoidable", "chosen", "forgot", "because"],
    "run": ["1", "2", "r1", "0", "-1", "99999999999999999999", "summer"],
    "break_id": ["1", "2", "r1", "r9", "0", "x", "99999999999999999999"],
    "challenge": ["day-without-big-data", "week-without-social", "cash-only-day", "day-without-bigdata"],
    "source": ["csv", "footprint-json", "google-takeout", "twitter", "bank", "enedis", "detect", "sources", "nope"],
    "columns": ["date=When,touchpoint=What,count=N,delimiter=semicolon", "date=", "=,=", "date=a,date=b", "x"],
    "kind": ["device", "card", "meter", "service", "social", "gadget"],
    "state_id": ["load-curve", "daily-index", "hourly"],
    "value": ["42,5", "1 204", "3", "nan", "inf", "-1", "1e400", ""],
    "scope": ["social", "facebook", "device", "nothing"],
    "pseudonym": ["owl", "", "a" * 200],
}
DATE_PARAMS = {"at", "start", "end", "since", "until", "when", "on"}

# Files, relative to the journal's folder (the test runs there); never a device: as root, a bug that
# replaced an --out target would replace /dev/null itself.
INPUTS = [
    "scores.csv",
    "export.json",
    "empty.txt",
    "binary.bin",
    "not-json.json",
    "folder",
    "folder/",
    "missing.csv",
    "fifo",
    "cards",
    "cards/owl.json",
    "nowhere/x.csv",
    "-",
    "",
    "a" * 300,
    os.fsdecode(b"\xff-name.csv"),
    str(FIXTURES / "csv" / "diary.csv"),
    str(FIXTURES / "google-takeout" / "json"),
    str(FIXTURES / "twitter" / "archive"),
    str(FIXTURES / "bank" / "carte-mars.ofx"),
]
OUTPUTS = [
    "out.json",
    "out.csv",
    "out.md",
    "out.html",
    "out.svg",
    "out.png",
    "out.txt",
    "out",
    "folder",
    "fifo",
    "nowhere/x.json",
    "",
    "a" * 300 + ".svg",
    os.fsdecode(b"\xff-out.md"),
    "empty.txt",
]
DATABASES = ["other.db", "binary.bin", "empty.txt", "folder", "nowhere/j.db", "scores.csv", "a" * 300]


def _value(command: Command, param: Any) -> st.SearchStrategy[str]:
    name, kind = param.name, param.type.name
    if getattr(param.type, "choices", None):
        likely = st.sampled_from([str(c) for c in param.type.choices])
    elif kind == "int":
        likely = INTS
    elif kind == "float":
        likely = FLOATS
    elif kind == "path" and name == "out":
        likely = st.sampled_from(OUTPUTS)
    elif kind == "path" and name == "db":
        fresh = st.integers(0, 10**6).map(lambda n: f"new-{n}.db")
        likely = (
            st.one_of(fresh, st.sampled_from(DATABASES)) if command.path == ("demo",) else st.sampled_from(DATABASES)
        )
    elif kind == "path":
        likely = st.sampled_from(INPUTS)
    elif name in DATE_PARAMS:
        likely = DATES
    elif name.startswith("touchpoint"):
        likely = TOUCHPOINTS
    elif name == "target":
        likely = st.one_of(TOUCHPOINTS, st.sampled_from(WORDS["kind"]))
    elif name == "days" and kind == "str":
        likely = DATES
    elif WORDS.get(name):
        likely = st.sampled_from(WORDS[name])
    elif name == "score":
        likely = st.sampled_from(WORDS["metric"])
    else:
        likely = st.text(string.ascii_letters + " -:'", max_size=12)
    return st.one_of(likely, likely, likely, JUNK)  # mostly plausible, a quarter junk


@st.composite
def _chunks(draw: Any, command: Command, force: tuple[str, ...] = ()) -> list[list[str]]:
    """Each chosen option as a chunk (``--opt value``, ``--opt=value`` or a flag) to be interleaved."""
    chunks = []
    for param in command.options:
        if param.opts[0] not in force and draw(st.integers(0, 2)):
            continue
        opt = draw(st.sampled_from(param.opts))
        if param.is_flag:
            chunks.append([opt])
        else:
            for _ in range(2 if param.multiple and draw(st.booleans()) else 1):
                value = draw(_value(command, param))
                chunks.append([f"{opt}={value}"] if opt.startswith("--") and draw(st.booleans()) else [opt, value])
    return chunks


@st.composite
def argv(draw: Any) -> list[str]:
    command = draw(st.sampled_from(COMMANDS))
    head = [chunk for chunk in draw(_chunks(ROOT)) if chunk != ["--version"] or draw(st.booleans())]
    args: list[str] = []
    for param in command.arguments:
        low = 1 if param.required and draw(st.integers(0, 5)) else 0
        count = 1 if param.nargs == 1 else draw(st.integers(low, 3))
        args += [draw(_value(command, param)) for _ in range(max(count, low) if param.nargs == 1 else count)]
    options = draw(_chunks(command, force=("--days",) if command.path == ("demo",) else ()))
    body = [token for chunk in draw(st.permutations(options)) for token in chunk]
    tokens = [*sum(head, []), *command.path, *(args + body if draw(st.booleans()) else body + args)]
    return _mutate(draw, tokens, command)


def _mutate(draw: Any, tokens: list[str], command: Command) -> list[str]:
    how = draw(st.sampled_from(["none"] * 8 + ["unknown", "no-value", "drop", "junk", "typo", "help", "swap"]))
    at = draw(st.integers(0, len(tokens)))
    if how == "unknown":
        tokens.insert(at, draw(st.sampled_from(["--bogus", "-Z", "--no-such=1", "--jsn", "--nte", "--", "---"])))
    elif how == "no-value":
        valued = [o for p in (*command.options, *ROOT.options) if not p.is_flag for o in p.opts]
        if valued:
            tokens.append(draw(st.sampled_from(valued)))
    elif how == "drop" and tokens:
        del tokens[min(at, len(tokens) - 1)]
    elif how == "junk":
        tokens.insert(at, draw(JUNK))
    elif how == "typo" and command.path:
        i = tokens.index(command.path[-1]) if command.path[-1] in tokens else 0
        word = tokens[i]
        tokens[i] = word[:-1] if len(word) > 1 else word + "x"
    elif how == "help":
        tokens.insert(at, draw(st.sampled_from(["--help", "-h"])))
    elif how == "swap" and len(tokens) > 1:
        a, b = draw(st.integers(0, len(tokens) - 1)), draw(st.integers(0, len(tokens) - 1))
        tokens[a], tokens[b] = tokens[b], tokens[a]
    return tokens


# The journal and its folder ------------------------------------------------------------------------


class Hung(BaseException):
    """Raised by the watchdog: a BaseException, so neither footprint nor the runner swallows it."""


@pytest.fixture
def world(home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A journal with a bit of everything (profile, entries, a closed day, scores, a break, a finished run),
    and beside it the files the vectors name."""
    folder = home / "world"
    folder.mkdir()
    monkeypatch.chdir(folder)
    (folder / "scores.csv").write_text("date,metric,value\n2026-11-01,klout,42\n2026-11-02,klout,41,5\n")
    (folder / "empty.txt").write_text("")
    (folder / "binary.bin").write_bytes(bytes(range(256)) * 8)
    (folder / "not-json.json").write_text('{"a": [1, 2')
    (folder / "folder").mkdir()
    os.mkfifo(folder / "fifo")
    (folder / os.fsdecode(b"\xff-name.csv")).write_text("date,metric,value\n")
    runner = CliRunner()
    for args in (
        ["profile", "add", "smartphone", "linky", "cb", "facebook", "--since", "2026-10-01"],
        ["log", "smartphone", "--at", "2026-11-19T08:00", "--note", "alarm"],
        ["log", "facebook", "--at", "2026-11-19T12:00", "--minutes", "20"],
        ["close", "2026-11-19"],
        ["score", "add", "klout", "40", "--on", "2026-11-01"],
        ["break", "add", "--from", "2026-10-05", "--to", "2026-10-10", "--label", "autumn"],
        ["challenge", "start", "day-without-big-data", "--at", "2026-11-20T00:00", "--as", "owl"],
        ["log", "cb", "--at", "2026-11-20T10:00", "--reason", "forgot"],
        ["log", "smartphone"],
        ["export", "--out", "export.json"],
    ):
        result = runner.invoke(footprint.cli.app, args)
        assert result.exit_code == 0, (args, result.stderr)
    (folder / "cards").mkdir()
    result = runner.invoke(footprint.cli.app, ["challenge", "card", "--out", "cards/owl.json"])
    assert result.exit_code == 0, result.stderr
    return folder


# The checks ------------------------------------------------------------------------------------------


def _on_alarm(signum: int, frame: Any) -> None:
    raise Hung()


def run_one(tokens: list[str], lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOOTPRINT_LANG", lang)
    app = footprint.cli.build(footprint.cli._command_in(tokens))  # what main() builds for this argv
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, HANG)
    started = time.monotonic()
    try:
        result = CliRunner().invoke(app, tokens, catch_exceptions=True)
    except Hung:
        pytest.fail(f"footprint {tokens!r} was still running after {HANG:.0f} s")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    elapsed = time.monotonic() - started
    event(f"exit {result.exit_code}")  # shown by --hypothesis-show-statistics
    said = f"footprint {tokens!r} (lang {lang}) → exit {result.exit_code}\nstdout: {result.stdout[-500:]!r}\nstderr: {result.stderr[-1500:]!r}"
    assert result.exit_code != 1, said
    assert result.exception is None or isinstance(result.exception, SystemExit), said + f"\n{result.exception!r}"
    assert "Traceback" not in result.stdout + result.stderr, said
    assert "internal error" not in result.stderr, said
    assert result.exit_code in (0, 2, 3, 4, 5, 130), said
    if result.exit_code:
        assert result.stderr.startswith("footprint: "), said
        assert result.stderr.count("\n") == 1 and result.stderr.endswith("\n"), said
    assert elapsed < SLOW, f"{said}\ntook {elapsed:.1f} s"


def test_the_runner_is_not_a_terminal() -> None:
    """The premise of fuzzing bare ``footprint`` and ``footprint tui``: in the runner, stdin is no terminal."""
    seen = {}

    def probe(ctx: typer.Context) -> None:
        import sys

        seen["tty"] = sys.stdin.isatty() or sys.stdout.isatty()

    app = typer.Typer()
    app.command()(probe)
    CliRunner().invoke(app, [])
    assert seen == {"tty": False}


SETTINGS = dict(
    deadline=None,  # the run's own time is checked in run_one; Hypothesis' deadline would count shrinking
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)


@settings(max_examples=EXAMPLES, derandomize=True, **SETTINGS)
@given(tokens=argv(), lang=st.sampled_from(["en", "en", "en", "fr"]))
def test_no_vector_fails_with_a_traceback_or_two_lines(world: Path, monkeypatch, tokens, lang) -> None:
    run_one(tokens, lang, monkeypatch)


@settings(max_examples=max(EXAMPLES // 10, 10), **SETTINGS)
@given(tokens=argv(), lang=st.sampled_from(["en", "fr"]))
def test_fresh_random_vectors_too(world: Path, monkeypatch, tokens, lang) -> None:
    run_one(tokens, lang, monkeypatch)
