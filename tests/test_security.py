"""Nothing another local user leaves on disk can make footprint run code or hang, and what footprint creates
is the user's alone: the catalog cache is plain JSON that is ignored unless it is the user's own, reads
take regular files only, and folders and files are owner-only whatever the umask."""

from __future__ import annotations

import json
import os
import pickle
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from card_support import card
from footprint import cache
from footprint.services import catalog_files, load_catalog

ENTRY = [sys.executable, "-c", "from footprint.launch import main; main()"]


class Planted:
    """Unpickling this runs a shell command that creates ``marker``: what an attacker's pickle would do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> Any:
        return (os.system, (f"touch {self.marker}",))


def plant_pickle(folder: Path, marker: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "catalog.pickle"
    path.write_bytes(pickle.dumps(("any key", Planted(marker))))
    return path


def plant_json(folder: Path, config: Path) -> Path:
    """A catalog cache with the right key in which a smartphone use captures 777: used, it would show."""
    real = load_catalog(config)
    data = cache.dump(real)
    for row in data["touchpoints"]:
        if row[0] == "smartphone":
            row[6] = [777.0, ["PLANTED", "PLANTED"]]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / cache.NAME
    path.write_text(json.dumps({"key": cache.key(catalog_files(config)), "catalog": data}))
    return path


def run(args: list[str], home: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """``footprint ARGS`` as a real process, with the test's environment (a hang fails, it does not block)."""
    return subprocess.run(
        [*ENTRY, *args], capture_output=True, text=True, env=dict(os.environ), cwd=home, timeout=timeout
    )


# --- the catalog cache ----------------------------------------------------------------------------------


def test_the_cache_is_json_and_gives_back_the_same_catalog(home) -> None:
    config, folder = home / "config", home / "cache"
    built = load_catalog(config, folder)
    assert not (folder / "catalog.pickle").exists()
    stored = json.loads((folder / cache.NAME).read_text(encoding="utf-8"))
    assert stored["key"] == cache.key(catalog_files(config))
    again = load_catalog(config, folder)
    assert again.touchpoints == built.touchpoints and again.collectors == built.collectors
    assert again.resolve("ordi").id == "computer"
    assert stat.S_IMODE((folder / cache.NAME).stat().st_mode) == 0o600


def test_our_own_cache_is_used(cli, home) -> None:
    plant_json(home / "cache", home / "config")
    os.chmod(home / "cache", 0o700)
    result = cli("log", "smartphone")
    assert result.exit_code == 0 and "+777 captures" in result.stdout  # proves the test's planted cache is read


def test_a_damaged_cache_is_rebuilt(cli, home) -> None:
    folder = home / "cache"
    folder.mkdir(mode=0o700)
    (folder / cache.NAME).write_text('{"key": "x", "catalog": [[[[')
    result = cli("log", "smartphone")
    assert result.exit_code == 0 and result.stderr == "" and "Logged Smartphone" in result.stdout
    assert json.loads((folder / cache.NAME).read_text())["key"] == cache.key(catalog_files(home / "config"))


def test_a_stale_pickle_of_ours_is_never_read_and_goes(cli, home) -> None:
    marker = home / "pwned"
    stale = plant_pickle(home / "cache", marker)
    os.chmod(home / "cache", 0o700)
    result = cli("log", "smartphone")
    assert result.exit_code == 0 and "Logged Smartphone" in result.stdout
    assert not marker.exists() and not stale.exists()
    assert (home / "cache" / cache.NAME).exists()


def test_a_foreign_cache_is_ignored_and_not_written_into(cli, home, monkeypatch) -> None:
    """Every file in the cache folder looks like another user's (the planted pickle, a JSON cache with the
    right key): none is read, run or replaced, and the log still works from the shipped catalog."""
    marker = home / "pwned"
    stale = plant_pickle(home / "cache", marker)
    planted = plant_json(home / "cache", home / "config")
    before = planted.read_bytes()
    monkeypatch.setattr(os, "geteuid", lambda: os.stat(home).st_uid + 4242)
    result = cli("log", "smartphone")
    assert result.exit_code == 0, result.stderr
    assert "Logged Smartphone" in result.stdout and "+5 captures" in result.stdout
    assert not marker.exists()
    assert stale.exists() and planted.read_bytes() == before  # not someone else's to delete or rewrite


@pytest.mark.parametrize("loose", ["file", "folder"])
def test_a_cache_others_can_write_is_ignored_by_a_real_process(home, loose) -> None:
    """As a real ``footprint log``: the planted files are writable by others (and, when the tests run as
    root, owned by nobody), so another user could have put them there."""
    marker = home / "pwned"
    folder = home / "cache"
    plant_pickle(folder, marker)
    planted = plant_json(folder, home / "config")
    before = planted.read_bytes()
    os.chmod(folder, 0o777 if loose == "folder" else 0o700)
    os.chmod(planted, 0o666 if loose == "file" else 0o600)
    if os.geteuid() == 0:
        os.chown(planted, 65534, 65534)
    result = run(["log", "smartphone"], home)
    assert result.returncode == 0, result.stderr
    assert "Logged Smartphone" in result.stdout and "+5 captures" in result.stdout
    assert not marker.exists()
    if loose == "folder":  # never written into: the catalog stays out of a folder others can write
        assert planted.read_bytes() == before and sorted(p.name for p in folder.iterdir()) == [
            "catalog.json",
            "catalog.pickle",
        ]
    else:  # our folder: the planted file is replaced by our own cache
        assert "PLANTED" not in planted.read_text() and stat.S_IMODE(planted.stat().st_mode) == 0o600


def test_foreign_config_and_challenge_folders_run_nothing(home, monkeypatch, cli) -> None:
    """Files another user left in the config folders are data at most: a pickle, Python files and TOML
    that names them are never executed, through the CLI runner and a real process."""
    marker = home / "pwned"
    for sub in ("touchpoints", "challenges", ""):
        folder = home / "config" / sub
        plant_pickle(folder, marker)
        (folder / "sitecustomize.py").write_text(f"open({str(marker)!r}, 'w')\n")
        (folder / "__init__.py").write_text(f"open({str(marker)!r}, 'w')\n")
    (home / "config" / "challenges" / "evil.toml").write_text(
        f'id = "evil"\nduration = "1d"\nforbid_kinds = ["social"]\ntitle = {{ en = "x", fr = "x" }}\n'
        f"description = {{ en = \"__import__('os').system('touch {marker}')\", fr = \"x\" }}\n"
        'invite = { en = "x", fr = "x" }\n'
    )
    with monkeypatch.context() as m:
        m.setattr(os, "geteuid", lambda: os.stat(home).st_uid + 4242)
        assert cli("log", "smartphone").exit_code == 0
        assert cli("challenge", "list").exit_code == 0
    assert run(["log", "smartphone"], home).returncode == 0
    assert run(["challenge", "show", "evil"], home).returncode == 0
    assert not marker.exists()


# --- owner-only whatever the umask ------------------------------------------------------------------------


def _modes(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): stat.S_IMODE(p.stat().st_mode) for p in sorted(root.rglob("*"))}


def test_a_fresh_run_under_umask_000_creates_owner_only_folders_and_files(home, monkeypatch) -> None:
    fresh = home / "fresh"
    fresh.mkdir()
    # The default journal place (not a given --db, whose folder must exist): footprint creates it.
    monkeypatch.delenv("FOOTPRINT_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(fresh / "share"))
    monkeypatch.setenv("FOOTPRINT_CACHE_DIR", str(fresh / "cache" / "footprint"))
    result = subprocess.run(
        [*ENTRY, "log", "smartphone"],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        preexec_fn=lambda: os.umask(0),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    modes = _modes(fresh)
    assert {"share/footprint/journal.db", "cache/footprint/catalog.json"} <= set(modes)
    for name, mode in modes.items():
        expected = 0o700 if (fresh / name).is_dir() else 0o600
        assert mode == expected, f"{name}: {oct(mode)}"


def test_under_umask_000_in_process_too(cli, home) -> None:
    old = os.umask(0)
    try:
        result = cli("log", "smartphone")
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.stderr
    for root in (home / "fp-data", home / "cache"):
        assert stat.S_IMODE(root.stat().st_mode) == 0o700
        for name, mode in _modes(root).items():
            assert mode == (0o700 if (root / name).is_dir() else 0o600), name


# --- only regular files are read --------------------------------------------------------------------------


def _fifo(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    return path


def _zero(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to("/dev/zero")
    return path


@pytest.mark.parametrize("make", [_fifo, _zero], ids=["fifo", "dev-zero"])
def test_a_touchpoint_file_that_is_not_regular_is_named_not_read(home, cli, make) -> None:
    bad = make(home / "config" / "touchpoints" / "mine.toml")
    result = run(["log", "smartphone"], home)  # a real process: a hang would fail here, not block
    assert result.returncode == 5 and result.stdout == ""
    assert result.stderr == f"footprint: {bad}: not a regular file (a device, a FIFO or a socket)\n"
    in_process = cli("log", "smartphone")
    assert (in_process.exit_code, in_process.stdout, in_process.stderr) == (5, "", result.stderr)


@pytest.mark.parametrize("make", [_fifo, _zero], ids=["fifo", "dev-zero"])
def test_a_challenge_file_that_is_not_regular_is_named_not_read(home, cli, make) -> None:
    bad = make(home / "config" / "challenges" / "mine.toml")
    result = run(["challenge", "list"], home)
    assert result.returncode == 5 and result.stdout == ""
    assert result.stderr.startswith(f"footprint: {bad}: not a regular file") and result.stderr.count("\n") == 1
    in_process = cli("challenge", "show", "mine")
    assert in_process.exit_code == 5 and in_process.stderr == result.stderr


def test_toml_nested_thousands_deep_is_a_data_file_error(home, cli) -> None:
    folder = home / "config" / "touchpoints"
    folder.mkdir(parents=True)
    (folder / "deep.toml").write_text("x = " + "[" * 5000 + "]" * 5000 + "\n")
    result = cli("log", "smartphone")
    assert result.exit_code == 5 and result.stdout == ""
    assert result.stderr == f"footprint: {folder / 'deep.toml'}: not valid TOML (nested too deeply)\n"


def test_hostile_cards_are_named_and_skipped(home, cli) -> None:
    folder = home / "cards"
    folder.mkdir()
    for n in (1, 2):
        (folder / f"ok{n}.json").write_text(json.dumps(card(n)))
    _fifo(folder / "fifo.json")
    _zero(folder / "zero.json")
    (folder / "deep.json").write_text("[" * 10**6)
    (folder / "digits.json").write_text(json.dumps(card(3))[:-1] + ', "n": ' + "9" * 5000 + "}")
    (folder / "nested.json").write_text('{"a": ' + "[" * 5000 + "]" * 5000 + "}")
    result = run(["group", "summarize", str(folder), "--min-group", "1"], home)
    assert result.returncode == 0 and "participants: 2" in result.stdout.lower()
    assert sorted(result.stderr.splitlines()) == sorted(
        [
            f"footprint: {folder / 'deep.json'}: skipped: not valid JSON (nested too deeply)",
            f"footprint: {folder / 'digits.json'}: skipped: not valid JSON (a number too long)",
            f"footprint: {folder / 'fifo.json'}: skipped: not a regular file (a FIFO, a device or a socket)",
            f"footprint: {folder / 'nested.json'}: skipped: not valid JSON (nested too deeply)",
            f"footprint: {folder / 'zero.json'}: skipped: not a regular file (a FIFO, a device or a socket)",
        ]
    )
    in_process = cli("group", "summarize", str(folder), "--min-group", "1")
    assert in_process.exit_code == 0 and in_process.stderr == result.stderr
