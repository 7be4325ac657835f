"""``footprint tui``: open the terminal interface on today (bare ``footprint`` in a terminal does too)."""

import sys

import typer

from . import state


def open_tui(ctx: typer.Context) -> None:
    from ..tui import run

    s = state.of(ctx)
    code = run(s.db, s.lang)
    if code:
        raise typer.Exit(code)


def tui(ctx: typer.Context) -> None:
    """Open the terminal interface on today: log touches by key, browse the journal, follow a challenge."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        # Piped or scripted, a full-screen app would wait for keys that never come.
        from ..errors import BadInput
        from ..i18n import N_

        raise BadInput(N_("the terminal interface needs a terminal; piped or scripted, try 'footprint day'"))
    open_tui(ctx)


COMMANDS = {"tui": tui}
