"""The error boundary: every refusal is ONE stderr line ``footprint: …`` with the README's exit code —
usage errors from the command line itself included — and help stays as it was."""

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import footprint.cli
from footprint.cli.failure import os_error
from footprint.errors import ExitCode


def _refused(result, code: int, *fragments: str) -> str:
    assert result.exit_code == code, result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith("footprint: ") and result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    for fragment in fragments:
        assert fragment in result.stderr, result.stderr
    return result.stderr


USAGE = [
    (["lgo", "smartphone"], "unknown command 'lgo' (did you mean: log?)"),
    (["challenge", "strat"], "unknown command 'strat' for 'footprint challenge' (did you mean: start, status?)"),
    (["catalog", "bogus"], "unknown command 'bogus' for 'footprint catalog'; see 'footprint catalog --help'"),
    (["log", "smartphone", "--nte", "x"], "unknown option '--nte' for 'footprint log' (did you mean: --note?)"),
    (["log", "smartphone", "-x"], "unknown option '-x' for 'footprint log'; see 'footprint log --help'"),
    (["log", "smartphone", "--debug"], "--debug goes before the command"),
    (["--bogus", "day"], "unknown option '--bogus' for 'footprint'"),
    (["log", "smartphone", "--count", "abc"], "--count needs a whole number, not 'abc'"),
    (["log", "smartphone", "--minutes", "ten"], "--minutes needs a number, not 'ten'"),
    (["log"], "'footprint log' needs the argument 'touchpoints'; see 'footprint log --help'"),
    (["break", "add", "--from", "2026-11-01"], "'footprint break add' needs a value for --to"),
    (["--db"], "--db needs a value"),
    (["log", "smartphone", "--at"], "--at needs a value"),
    (["day", "2026-11-20", "extra"], "unexpected argument 'extra' for 'footprint day'"),
    (["challenge"], "'footprint challenge' needs a command (list, show, start"),
    (["list", "--json", "--csv"], "choose --json or --csv, not both"),  # BadParameter raised by a command
]


@pytest.mark.parametrize(("args", "said"), USAGE)
def test_usage_errors_are_one_line_with_exit_2_in_the_full_app(cli, args, said) -> None:
    _refused(cli(*args), 2, said)


@pytest.mark.parametrize(("args", "said"), USAGE)
def test_and_in_the_app_main_builds_for_one_command(args, said) -> None:
    app = footprint.cli.build(footprint.cli._command_in(args))
    _refused(CliRunner().invoke(app, args), 2, said)


def test_help_is_untouched(cli) -> None:
    result = cli("log", "--help")
    assert result.exit_code == 0 and result.stderr == ""
    assert "Usage: footprint log" in result.stdout and "--count" in result.stdout


def test_what_was_typed_is_echoed_short_and_on_one_line(cli) -> None:
    said = _refused(cli("x" * 200 + "\nnext\x1b[31m"), 2, "unknown command 'xxx")
    assert "x" * 60 not in said and "…" in said and "\x1b" not in said
    said = _refused(cli("log", "tele\nvision" + "y" * 200), 3, "unknown touchpoint 'tele")
    assert len(said) < 200


def test_text_that_is_not_utf8_is_bad_input_and_nothing_is_stored(cli, day_json) -> None:
    _refused(cli("log", os.fsdecode(b"\xff")), 2, "touchpoints: not valid text")
    _refused(cli("log", "smartphone", "--note", os.fsdecode(b"caf\xe9")), 2, "--note: not valid text")
    assert day_json()["entries"] == []


def test_a_file_name_that_is_not_utf8_is_a_file_name(cli, home, day_json) -> None:
    journal = home / os.fsdecode(b"journal-\xff.db")
    assert cli("--db", str(journal), "log", "smartphone").exit_code == 0
    assert journal.exists() and day_json()["entries"] == []  # the other journal


@pytest.mark.parametrize(
    "args",
    [
        ["log", "smartphone", "--count", "99999999999999999999"],
        ["edit", "99999999999999999999", "--count", "2"],
        ["rm", "--", "-99999999999999999999"],
        ["demo", "--seed", "99999999999999999999"],
    ],
)
def test_integers_past_64_bits_are_bad_input(cli, args) -> None:
    _refused(cli(*args), 2, "the number is too", "9,223,372,036,854,775,807")


def test_a_fifo_or_a_device_is_refused_for_any_file(cli, home) -> None:
    fifo = home / "fifo"
    os.mkfifo(fifo)
    _refused(cli("import", "google-takeout", str(fifo)), 2, f"path: {fifo} is not a regular file")
    _refused(cli("export", "--out", str(fifo)), 2, "--out:")
    _refused(cli("--db", str(fifo), "day"), 2, "--db:")
    assert fifo.is_fifo()  # not replaced by a file
    _refused(cli("chart", "footprint", "--out", os.devnull), 2, "a FIFO, a device or a socket")
    assert not Path(os.devnull).is_file()


def test_an_overlong_out_name_is_bad_input(cli, home) -> None:
    _refused(cli("export", "--out", str(home / ("a" * 300))), 2, "file name too long", "…")


def test_system_errors_are_worded_with_their_exit_code() -> None:
    full = OSError(errno.ENOSPC, "No space left on device")
    assert os_error(full, output_broken=True) == ("cannot write the output: no space left on device", ExitCode.STORAGE)
    assert os_error(full, output_broken=False) == ("cannot write: no space left on device", ExitCode.STORAGE)
    long = OSError(errno.ENAMETOOLONG, "File name too long", "/tmp/" + "b" * 100)
    message, code = os_error(long, output_broken=False)
    assert code == ExitCode.USAGE and message.startswith("…b") and message.endswith(": file name too long")
    denied = OSError(errno.EACCES, "Permission denied", "out.json")
    assert os_error(denied, False) == ("out.json: permission denied", ExitCode.STORAGE)


def test_a_full_stdout_is_one_line_and_exit_4(home) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "footprint", "list", "--csv"], stdout=full, stderr=subprocess.PIPE, text=True
        )
    assert done.returncode == 4
    assert done.stderr.startswith("footprint: cannot write") and done.stderr.count("\n") == 1, done.stderr


def test_the_tui_command_needs_a_terminal(cli) -> None:
    _refused(cli("tui"), 2, "needs a terminal")


@pytest.mark.parametrize(
    ("width", "height"), [("0", "20"), ("-5", "20"), ("100000", "20"), ("80", "0"), ("80", "9999")]
)
def test_chart_sizes_out_of_range_are_bad_input(cli, width, height) -> None:
    _refused(cli("chart", "footprint", "--width", width, "--height", height), 2, "40 to 1000 columns")


def test_an_unknown_score_is_not_found_with_a_suggestion(cli) -> None:
    assert cli("score", "add", "klout", "42", "--on", "2026-11-20").exit_code == 0
    _refused(cli("chart", "footprint", "--score", "kloot"), 3, "no score 'kloot'", "did you mean: klout?")
    _refused(cli("chart", "footprint", "--score", "zzz"), 3, "it has: klout, activity")
    assert cli("chart", "footprint", "--score", "activity", "--json").exit_code == 0


def test_score_import_of_a_file_that_is_no_score_csv_is_a_data_file_error(cli, home) -> None:
    (home / "blob.bin").write_bytes(bytes(range(256)))
    (home / "cards.json").write_text('{"format": "footprint-challenge-card", "version": 1}\n')
    _refused(cli("score", "import", str(home / "blob.bin")), 5, "binary data")
    _refused(cli("score", "import", str(home / "cards.json")), 5, "not a CSV of date, metric, value")
    (home / "ok.csv").write_text("2026-11-01,klout,3\nbad row\n")
    mixed = cli("score", "import", str(home / "ok.csv"))
    assert mixed.exit_code == 0 and "line 2" in mixed.stderr


def test_break_ids_too_long_for_the_journal_are_not_found(cli) -> None:
    _refused(cli("break", "rm", "1686157650447336210432"), 3, "no break")
    _refused(cli("break", "rm", "²"), 3, "no break")


def test_a_journal_in_an_unknown_users_home_is_bad_input(cli) -> None:
    """``~someone`` expands through the password database; a user that does not exist is a typo."""
    stderr = _refused(cli("--db", "~nosuchuser-footprint/j.db", "day"), 2, "no such user's home folder")
    assert "~nosuchuser-footprint/j.db" in stderr
