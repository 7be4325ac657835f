"""The layout at 80×24, the smallest terminal footprint promises, as SVG snapshots (pytest-textual-snapshot,
stored in __snapshots__/). The clock is frozen and the journal arranged through the services, so the
pictures only change when the layout does: review them with ``pytest --snapshot-update``."""

from __future__ import annotations

import pytest

from footprint.services import challenges
from footprint.tui import make_app

SIZE = (80, 24)


@pytest.fixture
def seed_day(profiled):
    """The seed's blogger on a Sunday morning: the alarm clock, a card payment, an hour on the computer,
    yesterday closed."""
    profiled.log(["smartphone"], at="07:00", reason="unavoidable", note="alarm clock")
    profiled.log(["bank-card"], at="08:45", count=2)
    profiled.log(["computer"], at="09:00", minutes=60)
    profiled.log(["computer"], at="2026-11-21 20:00", minutes=120)
    profiled.set_closed("2026-11-21", True)
    return profiled


def test_today(seed_day, snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE)


def test_today_in_french(seed_day, snap_compare, monkeypatch) -> None:
    monkeypatch.setenv("FOOTPRINT_LANG", "fr")
    assert snap_compare(make_app(), terminal_size=SIZE)


def test_first_run(svc, snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE)


def test_entry_form(seed_day, snap_compare) -> None:
    assert snap_compare(make_app(), press=["ctrl+n"], terminal_size=SIZE)


def test_journal(seed_day, snap_compare) -> None:
    assert snap_compare(make_app(), press=["f2", "left_square_bracket"], terminal_size=SIZE)


def test_challenge_running(seed_day, snap_compare) -> None:
    challenges.start(seed_day, "day-without-big-data")
    assert snap_compare(make_app(), press=["f3"], terminal_size=SIZE)


def test_profile(seed_day, snap_compare) -> None:
    assert snap_compare(make_app(), press=["f5"], terminal_size=SIZE)


def test_keys(seed_day, snap_compare) -> None:
    assert snap_compare(make_app(), press=["question_mark"], terminal_size=SIZE)
