"""Shared fixtures: a private temporary journal and config, a frozen clock, and a guard that fails any
test that opens a network connection (footprint must never talk to the network)."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

FROZEN_NOW = "2026-11-22T09:30:00+01:00"


class NetworkAccess(AssertionError):
    pass


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    real_connect = socket.socket.connect

    def guarded_connect(self: socket.socket, address: Any) -> Any:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            raise NetworkAccess(f"a test tried to open a network connection to {address!r}")
        return real_connect(self, address)

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise NetworkAccess("a test tried to resolve or reach a network address")

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own journal, config and cache folders, Paris time, English, a frozen clock."""
    for var in ("LANG", "LC_ALL", "LC_MESSAGES", "TZ"):
        monkeypatch.delenv(var, raising=False)
    # FOOTPRINT_DB is a path the user gave: its folder must exist (footprint creates only its default one).
    (tmp_path / "fp-data").mkdir(mode=0o700)
    monkeypatch.setenv("FOOTPRINT_DB", str(tmp_path / "fp-data" / "journal.db"))
    monkeypatch.setenv("FOOTPRINT_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("FOOTPRINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("FOOTPRINT_TZ", "Europe/Paris")
    monkeypatch.setenv("FOOTPRINT_LANG", "en")
    monkeypatch.setenv("FOOTPRINT_NOW", FROZEN_NOW)
    # The language is ambient (set by the CLI's root or the TUI's app): a test that spoke French must not
    # leave the next one, which may call a service directly, speaking it.
    from footprint import i18n

    i18n.use("en")
    return tmp_path


@pytest.fixture
def db_path(home: Path) -> Path:
    return home / "fp-data" / "journal.db"


Run = Callable[..., Any]


@pytest.fixture
def cli() -> Run:
    """Run ``footprint ARGS`` in-process; returns Typer's Result (exit_code, stdout, stderr)."""
    from footprint.cli import app

    runner = CliRunner()

    def run(*args: str, input: str | None = None) -> Any:
        return runner.invoke(app, list(args), input=input)

    return run


@pytest.fixture
def day_json(cli: Run) -> Callable[..., dict[str, Any]]:
    def read(*args: str) -> dict[str, Any]:
        result = cli("day", *args, "--json")
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)

    return read
