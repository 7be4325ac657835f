"""The TUI keeps the promises of the design: opening it loads no chart code and no CLI, and importing the
package (what a CLI command does first) loads no Textual."""

from __future__ import annotations

import subprocess
import sys

OPEN_TODAY = """
import asyncio, sys
from footprint.tui import make_app

async def main():
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        heavy = ("plotext", "footprint.charts", "footprint.services.charts", "typer", "footprint.cli")
        print(" ".join(m for m in heavy if m in sys.modules) or "-")

asyncio.run(main())
"""


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def test_opening_on_today_loads_no_chart_code_and_no_cli(profiled) -> None:
    assert _run(OPEN_TODAY) == "-"


def test_importing_the_package_loads_no_textual() -> None:
    assert _run("import sys, footprint.tui; print('textual' in sys.modules)") == "False"
