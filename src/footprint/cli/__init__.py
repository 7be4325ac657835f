"""The ``footprint`` command line: global options, the one error boundary, and the command groups.

No ``from __future__ import annotations`` in cli/: Typer would have to eval every annotation string.

Start-up matters here (``footprint log`` must feel instant): this package imports only Typer and the
light parts of footprint; anything heavy (Textual, plotext, importers) is imported inside the command
that needs it.
"""

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from ..i18n import N_
from . import state
from .boundary import Boundary


def _new_app(completion: bool = False) -> typer.Typer:
    return typer.Typer(
        cls=Boundary,
        name="footprint",
        help=N_("A personal journal of your digital footprint: log what you touched, see who got the data."),
        add_completion=completion,
        pretty_exceptions_show_locals=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )


def _global(
    ctx: typer.Context,
    db: Annotated[
        Path | None,
        typer.Option("--db", help=N_("The journal file (default: FOOTPRINT_DB, else your data folder).")),
    ] = None,
    lang: Annotated[
        str | None, typer.Option("--lang", help=N_("en or fr (default: FOOTPRINT_LANG or the locale)."))
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help=N_("Show tracebacks instead of one-line errors."))] = False,
    version: Annotated[bool, typer.Option("--version", help=N_("Print the version and exit."))] = False,
) -> None:
    """Bare ``footprint`` opens the TUI on today (prints today's day when not in a terminal)."""
    ctx.obj = state.State(db=db, lang=lang, debug=debug)
    state.speak(lang)
    if version:
        from .. import __version__

        typer.echo(f"footprint {__version__}")
        raise typer.Exit()
    if ctx.invoked_subcommand is None:
        if sys.stdin.isatty() and sys.stdout.isatty():
            from .tui import open_tui

            open_tui(ctx)
        else:  # piped or scripted: today's day, as text
            from .journal import show_day

            show_day(ctx, None, as_json=False)


# Where each top-level command and group lives. Only the module of the command being run is imported,
# and only its command is built (each costs ~2 ms of signature inspection): ``footprint log`` stays light.
COMMANDS: dict[str, str] = {
    "log": "journal",
    "day": "journal",
    "list": "journal",
    "edit": "journal",
    "rm": "journal",
    "undo": "journal",
    "close": "journal",
    "reopen": "journal",
    "export": "transfer",
    "import": "transfer",
    "streak": "challenge",
    "summary": "summary",
    "compare": "compare",
    "demo": "demo",
    "tui": "tui",
}
GROUPS: dict[str, str] = {
    "profile": "profile",
    "catalog": "catalog",
    "challenge": "challenge",
    "group": "group",
    "score": "score",
    "break": "breaks",
    "chart": "chart",
    "config": "config",
    "collectors": "collectors",
    "request": "request",
}
# Commands whose argument is a date: "-2d" there is a date, not an unknown option.
_DATE_ARGUMENT = {"context_settings": {"ignore_unknown_options": True}}
_GLOBAL_WITH_VALUE = ("--db", "--lang")


def build(only: str | None = None) -> typer.Typer:
    """The app with every command, or with just ``only`` (same callback, same behaviour).

    Only the full app has ``--install-completion`` and ``--show-completion`` and answers a tab press
    (``_FOOTPRINT_COMPLETE``, with no command in ``argv``): a named command never pays for completion."""
    new = _new_app(completion=only is None)
    new.callback(invoke_without_command=True)(_global)
    from importlib import import_module

    for name, module in COMMANDS.items():
        if only in (None, name):
            extra = _DATE_ARGUMENT if name in ("day", "close", "reopen") else {}
            new.command(name, **extra)(import_module(f"{__name__}.{module}").COMMANDS[name])
    for name, module in GROUPS.items():
        if only in (None, name):
            new.add_typer(import_module(f"{__name__}.{module}").app, name=name)
    return new


def _command_in(argv: list[str]) -> str | None:
    """The command name in ``argv`` after the global options, if it is one of ours."""
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token in _GLOBAL_WITH_VALUE:
            skip = True
        elif not token.startswith("-"):
            return token if token in COMMANDS or token in GROUPS else None
        elif token in ("-h", "--help", "--version"):
            return None
    return None


def __getattr__(name: str) -> Any:
    """``footprint.cli.app``, the full app (for tests and tools), is built on first use, not at import."""
    if name == "app":
        globals()["app"] = full = build()
        return full
    raise AttributeError(name)


def main() -> None:
    """Console entry point."""
    sys.exit(build(_command_in(sys.argv[1:]))())
