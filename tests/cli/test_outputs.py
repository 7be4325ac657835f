"""Files written with ``--out``: a read-only file is never replaced, a killed or interrupted write leaves no
temporary file with journal data behind, a full disk says so; and Markdown reports print the user's
labels, notes and titles as text, never as HTML, links or images."""

import errno
import fcntl
import os
import re
import signal
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from footprint.store import connection

ENTRY = [sys.executable, "-c", "from footprint.launch import main; main()"]


def temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture
def journal(cli) -> None:
    assert cli("log", "smartphone", "--note", "private words").exit_code == 0


# --- read-only targets, stale and interrupted temporary files ----------------------------------------


def test_export_refuses_to_replace_a_read_only_file(cli, home, journal) -> None:
    out = home / "kept.json"
    out.write_text("mine")
    os.chmod(out, 0o444)
    result = cli("export", "--out", str(out))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        f"footprint: {out} is read-only: footprint does not replace it (make it writable or pick another)\n"
    )
    assert out.read_text() == "mine" and temps(home) == []


def test_out_refuses_a_device(cli, home, journal, tmp_path) -> None:
    link = tmp_path / "null.json"
    link.symlink_to(os.devnull)
    result = cli("export", "--out", str(link))
    assert result.exit_code == 2 and "not a regular file" in result.stderr and result.stderr.count("\n") == 1
    assert link.is_symlink()


def test_a_temporary_file_left_by_a_killed_export_is_removed_by_the_next(cli, home, journal) -> None:
    out = home / "journal.json"
    stale = home / ".journal.json.k1ll3d_x.tmp"
    stale.write_text('{"entries": [{"note": "private words"')
    other = home / ".other.json.k1ll3d_x.tmp"  # another target's: not this write's business
    other.write_text("x")
    result = cli("export", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert not stale.exists() and other.exists() and "private words" in out.read_text()
    assert temps(home) == [other.name]


def test_a_temporary_file_being_written_is_left_alone(cli, home, journal) -> None:
    out = home / "journal.json"
    busy = home / ".journal.json.w0rking_.tmp"
    busy.write_text("half")
    with open(busy, "rb") as held:  # another footprint holds its lock while it writes
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        assert cli("export", "--out", str(out)).exit_code == 0
        assert busy.exists()
    assert cli("export", "--out", str(out)).exit_code == 0
    assert not busy.exists()


def test_another_users_temporary_file_is_not_ours_to_remove(cli, home, journal, monkeypatch) -> None:
    out = home / "journal.json"
    theirs = home / ".journal.json.n0t0urs_.tmp"
    theirs.write_text("x")
    monkeypatch.setattr(os, "geteuid", lambda: theirs.stat().st_uid + 4242)
    assert cli("export", "--out", str(out)).exit_code == 0
    assert theirs.exists()


def test_a_folder_that_is_not_writable_is_bad_input(cli, home, journal, monkeypatch) -> None:
    import tempfile

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    result = cli("export", "--out", str(home / "journal.json"))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        f"footprint: cannot write {home / 'journal.json'} (permission denied): choose a folder that is yours\n"
    )


KILLER = """
import os, signal, sys
from footprint.exporters.journal_json import JournalJson

real = JournalJson.export

def export(self, dump):
    chunks = real(self, dump)
    yield next(chunks)
    os.kill(os.getpid(), signal.SIGTERM)
    yield from chunks

JournalJson.export = export
sys.argv[1:] = ["export", "--out", sys.argv[1]]
from footprint.launch import main
main()
"""


def test_sigterm_during_export_removes_the_temporary_file(home, journal) -> None:
    out = home / "journal.json"
    out.write_text("previous")
    result = subprocess.run(
        [sys.executable, "-c", KILLER, str(out)], capture_output=True, text=True, env=dict(os.environ), timeout=60
    )
    assert (result.returncode, result.stdout, result.stderr) == (130, "", "footprint: interrupted\n")
    assert out.read_text() == "previous" and temps(home) == []
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL  # this process's handler is untouched


# --- a full disk ---------------------------------------------------------------------------------------


def _enospc(*args: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_export_to_a_full_disk_says_so(cli, home, journal, monkeypatch) -> None:
    out = home / "journal.json"
    out.write_text("previous")
    monkeypatch.setattr(os, "fsync", _enospc)
    result = cli("export", "--out", str(out))
    assert result.exit_code == 4 and result.stdout == ""
    assert result.stderr == f"footprint: the disk holding {out} is full; nothing was written\n"
    assert out.read_text() == "previous" and temps(home) == []


def test_a_report_written_to_a_full_disk_says_so(cli, home, monkeypatch) -> None:
    cli("challenge", "start", "cash-only-day")
    monkeypatch.setattr(os, "fsync", _enospc)
    result = cli("challenge", "report", "--out", str(home / "post.md"))
    assert result.exit_code == 4 and "is full; nothing was written" in result.stderr
    assert result.stderr.count("\n") == 1 and not (home / "post.md").exists() and temps(home) == []


def test_the_journal_on_a_full_disk_says_so(cli, home, monkeypatch) -> None:
    """SQLite's own full-database error, for real: the journal may not grow by a single page."""
    assert cli("day").exit_code == 0  # an empty journal, migrated
    real = connection.open_database

    def capped(path: Path, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = real(path, *args, **kwargs)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        return conn

    monkeypatch.setattr("footprint.store.journal.open_database", capped)
    result = cli("demo", "--db", str(home / "fp-data" / "journal.db"))
    assert result.exit_code == 4 and result.stdout == ""
    assert result.stderr.endswith("is full; nothing was written\n") and result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("message", "code", "free", "expected"),
    [
        ("database or disk is full", None, 10**9, "is full"),
        ("disk I/O error", 4874, 0, "is full"),  # SQLITE_IOERR_SHMSIZE when the -shm file cannot grow
        ("disk I/O error", 4874, 10**9, "check the folder exists and is yours"),
        ("attempt to write a readonly database", 8, 10**9, "check the folder exists and is yours"),
        ("database is locked", 5, 0, "locked"),
    ],
)
def test_storage_errors_put_a_full_disk_first(monkeypatch, tmp_path, message, code, free, expected) -> None:
    exc = sqlite3.OperationalError(message)
    if code is not None:
        exc.sqlite_errorcode = code
    stats = os.statvfs(tmp_path)
    monkeypatch.setattr(
        connection.os, "statvfs", lambda p: os.statvfs_result((stats.f_bsize, 1, 0, 0, free, 0, 0, 0, 0, 255))
    )
    assert expected in connection.storage_error(tmp_path / "j.db", exc).message


def test_a_real_full_disk_when_one_can_be_mounted(cli, home, journal, tmp_path, monkeypatch) -> None:
    """A 64 kB tmpfs, filled, where the tests may mount one (root on Linux); elsewhere the disk fills up by
    injection at the same place, so this test runs everywhere."""
    folder = tmp_path / "tiny"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)], capture_output=True)
    try:
        if mounted.returncode == 0:
            _fill(folder)
        else:
            monkeypatch.setattr(os, "fsync", _enospc)
        out = folder / "journal.json"
        result = cli("export", "--out", str(out))
        assert (result.exit_code, result.stdout) == (4, "")
        assert result.stderr == f"footprint: the disk holding {out} is full; nothing was written\n"
        assert not out.exists() and temps(folder) == []
    finally:
        if mounted.returncode == 0:
            subprocess.run(["umount", str(folder)], check=True)


def _fill(folder: Path) -> None:
    try:
        with open(folder / "filler", "wb") as f:
            while True:
                f.write(b"x" * 4096)
                f.flush()
    except OSError as exc:
        assert exc.errno == errno.ENOSPC


# --- Markdown reports escape what the user wrote ------------------------------------------------------

HOSTILE = "<script>alert(1)</script> ![x](http://evil) [y](http://evil) & \\[z](http://evil)"


def _hostile_setup(cli, home) -> None:
    touchpoints = home / "config" / "touchpoints"
    touchpoints.mkdir(parents=True)
    label = HOSTILE.replace("\\", "\\\\")
    (touchpoints / "x.toml").write_text(
        '[collectors]\nx = { en = "x", fr = "x" }\n[[touchpoint]]\nid = "gadget"\n'
        f'label = {{ en = "{label}", fr = "{label}" }}\nkind = "device"\nmode = "active"\n'
        'consent = "opt-in"\ncollectors = ["x"]\ncaptures_per_use = 1\ncaptures_per_use_why = "one"\n',
        encoding="utf-8",
    )
    challenges = home / "config" / "challenges"
    challenges.mkdir(parents=True)
    (challenges / "mine.toml").write_text(
        'id = "mine"\nduration = "1d"\nstarts_at = "00:00"\nforbid_kinds = ["device"]\n'
        f'title = {{ en = "{label}", fr = "{label}" }}\ndescription = {{ en = "d", fr = "d" }}\n'
        f'invite = {{ en = "{label}", fr = "{label}" }}\n'
        f'[[hint]]\ntouchpoint = "computer"\nen = "{label}"\nfr = "{label}"\n',
        encoding="utf-8",
    )
    assert cli("profile", "add", "gadget", "computer", "--since", "2026-11-01").exit_code == 0
    assert cli("challenge", "start", "mine", "--at", "2026-11-21T00:00").exit_code == 0
    note = "<img src=x onerror=alert(2)> ![n](http://evil)\nline two"
    assert cli("log", "gadget", "--at", "2026-11-21T10:00", "--reason", "chosen", "--note", note).exit_code == 0


UNESCAPED_BRACKET = re.compile(r"(?<!\\)(?:\\\\)*[\[\]]")  # preceded by an even number of backslashes


def _assert_inert(text: str) -> None:
    ours = [line for line in text.splitlines() if not line.startswith("![")]  # the chart footprint put there
    assert not [line for line in ours if UNESCAPED_BRACKET.search(line)]
    assert "<script" not in text and "<img" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text and "!\\[x\\](http://evil)" in text
    assert "&amp;" in text and "\\\\\\[z\\](http://evil)" in text


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_markdown_report_escapes_labels_notes_and_titles(cli, home, lang) -> None:
    _hostile_setup(cli, home)
    result = cli("challenge", "report", "--with-notes", "--lang", lang)
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    _assert_inert(text)
    assert "&lt;img src=x onerror=alert(2)&gt; !\\[n\\](http://evil) line two" in text  # one line
    assert text.count("![") == 1  # only the chart footprint put there itself
    title = text.splitlines()[0]
    assert title.startswith("# &lt;script&gt;") and "\\[x\\]" in title


def test_markdown_chart_reference_survives_an_odd_file_name(cli, home) -> None:
    _hostile_setup(cli, home)
    out = home / "my post (draft).md"
    assert cli("challenge", "report", "--out", str(out)).exit_code == 0
    text = out.read_text()
    assert "](<my post (draft)-chart.svg>)" in text and (home / "my post (draft)-chart.svg").exists()


def test_group_markdown_escapes_what_it_did_not_write() -> None:
    from footprint.exporters import markdown_text as md

    assert md.cell("<b>|x</b>") == "&lt;b&gt;\\|x&lt;/b&gt;"
    assert md.text("![a](http://e)\n# b") == "!\\[a\\](http://e) # b"
    assert md.destination("a b>.svg") == "<a b\\>.svg>" and md.destination("plain.svg") == "plain.svg"


def test_markdown_report_unchanged_for_plain_strings(cli, home) -> None:
    """What footprint writes itself (headings, the chart, the command) is not escaped."""
    cli("challenge", "start", "cash-only-day", "--at", "2026-11-21T00:00")
    text = cli("challenge", "report").stdout
    assert "## What I removed" in text and "![Captures during the run" in text
    assert "    footprint challenge start cash-only-day" in text and "\\" not in text
    assert stat.S_ISREG(os.stat(home / "fp-data" / "journal.db").st_mode)


def test_the_journal_markdown_export_prints_notes_as_text(cli) -> None:
    """A note is the user's own words, but the Markdown may end up on a page: no HTML, no link, no new row."""
    note = "<img src=x onerror=alert(1)> [click](http://e) | next"
    assert cli("log", "smartphone", "--at", "08:00", "--note", note).exit_code == 0
    result = cli("export", "--format", "md")
    assert result.exit_code == 0, result.stderr
    row = next(line for line in result.stdout.splitlines() if "smartphone" in line)
    assert "<img" not in row and "&lt;img src=x onerror=alert(1)&gt;" in row
    assert "\\[click\\](http://e) \\| next" in row and row.count(" | ") == 5
