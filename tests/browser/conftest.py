"""Headless Chromium for the pages footprint writes: one browser for this package's tests, one tab reused.

The browser is package-scoped, not session-scoped, on purpose: Playwright's synchronous API keeps its event
loop marked as running in this thread while it is open, and the TUI's asyncio tests need the thread to
themselves, so the browser closes as soon as the last browser test is done.

The browser is Debian's ``chromium`` (``.ci/run`` installs it), driven by Playwright's own driver over a pipe:
no browser is downloaded, nothing listens on a port. A machine without Chromium fails these tests with a
clear message instead of skipping them: a page nobody looked at is exactly what they are here to prevent.

Screenshots and PDFs go to ``$FOOTPRINT_ARTEFACTS`` (``.ci/run`` sets ``.ci/artefacts``), else to a pytest
temporary folder, for a person to look at.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .browser_pages import Looker, chromium_path

# The machine has no network: without these, Chromium tries to reach update, sync and QUIC hosts.
FLAGS = [
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox refuses to start
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--font-render-hinting=none",  # the same text widths from one machine to the next
]


@pytest.fixture(scope="package")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The browser (Playwright launches it with a fresh profile folder of its own, and headless)."""
    path = chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("the browser tests need Playwright: pip install -e '.[test]'", pytrace=False)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, headless=True, args=FLAGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="package")
def artefacts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("FOOTPRINT_ARTEFACTS")
    folder = Path(given) if given else tmp_path_factory.mktemp("browser-artefacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="package")
def looker(chromium: Any, artefacts: Path) -> Iterator[Looker]:
    looker = Looker(chromium, artefacts)
    yield looker
    looker.close()
