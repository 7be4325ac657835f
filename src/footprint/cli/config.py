"""``footprint config``: show the preferences (and where each value comes from), set or unset one, and say
where the preferences file is."""

import os
from typing import Annotated

import typer

from ..i18n import N_
from . import state

app = typer.Typer(
    help=N_(
        "Show or change your preferences (config.toml): language, journal, theme, first run, "
        "and the name and address your letters are signed with."
    )
)

KEY_HELP = N_("language, journal, theme, first_run, user.name or user.address.")


@app.callback(invoke_without_command=True)
def show(ctx: typer.Context) -> None:
    """Show each preference, its value and where it comes from (option, variable, file or default)."""
    if ctx.invoked_subcommand is not None:
        return
    from ..present.preferences import lines
    from ..services import preferences

    root = state.of(ctx)
    prefs = preferences.shown(root.db, root.lang, os.environ)
    for line in lines(prefs, preferences.file_path(os.environ)):
        typer.echo(line)


@app.command("set")
def set_value(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help=KEY_HELP)],
    value: Annotated[str, typer.Argument(help=N_("The value (an address may take several lines)."))],
) -> None:
    """Set a preference in the preferences file (checked first: nothing is written if it is wrong)."""
    from ..present.preferences import stored
    from ..services import preferences

    path = preferences.file_path(os.environ)
    value = preferences.remember(path.parent, key, value)
    typer.echo(stored(key, value, path))


@app.command()
def unset(ctx: typer.Context, key: Annotated[str, typer.Argument(help=KEY_HELP)]) -> None:
    """Remove a preference from the file: its default (or variable) applies again."""
    from ..present.preferences import removed
    from ..services import preferences

    path = preferences.file_path(os.environ)
    typer.echo(removed(key, preferences.forget(path.parent, key), path))


@app.command()
def path(ctx: typer.Context) -> None:
    """Print where the preferences file is (it may not exist yet)."""
    from ..services import preferences

    typer.echo(str(preferences.file_path(os.environ)))
