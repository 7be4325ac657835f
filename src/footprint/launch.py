"""The ``footprint`` entry point: bare ``footprint`` (or ``footprint tui``, with at most ``--db`` and
``--lang``) in a terminal opens the TUI without loading Typer; everything else goes to the CLI.

Typer costs ~80 ms to import; the TUI's first paint is measured against a bare Textual app, so it should
not pay for a command line it does not use.
"""

from __future__ import annotations

import sys


def tui_options(argv: list[str]) -> list[str] | None:
    """The options to pass to the TUI when ``argv`` only asks for it, else None (a CLI command)."""
    options: list[str] = []
    seen_tui = False
    args = iter(argv)
    for arg in args:
        name, eq, _ = arg.partition("=")
        if name in ("--db", "--lang"):
            options.append(arg)
            if not eq:
                value = next(args, None)
                if value is None:
                    return None
                options.append(value)
        elif arg == "tui" and not seen_tui:
            seen_tui = True
        else:
            return None
    return options


def main() -> None:
    options = tui_options(sys.argv[1:])
    if options is not None and sys.stdin.isatty() and sys.stdout.isatty():
        from .tui.__main__ import main as tui

        sys.exit(tui(options))
    from .cli import main as cli

    cli()
