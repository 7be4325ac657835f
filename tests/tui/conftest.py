"""Fixtures of the TUI tests: a service on the test's private journal (tests/conftest.py gives each test
its own journal, a frozen clock at 2026-11-22 09:30 Paris time, English), and the seed's five objects."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tui_support import FIVE

from footprint.services import Service
from footprint.settings import resolve


@pytest.fixture
def svc() -> Iterator[Service]:
    """A service on the test's journal, to arrange data and check what was stored."""
    service = Service(resolve())
    yield service
    service.close()


@pytest.fixture
def profiled(svc: Service) -> Service:
    """The seed's five connected objects in the profile since 1 November."""
    svc.profile_add(list(FIVE), since="2026-11-01")
    return svc
