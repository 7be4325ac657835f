"""``footprint compare``: what you noticed (the touches you logged) against what an export recorded."""

import json
from typing import Annotated

import typer

from ..i18n import N_
from . import state


def compare(
    ctx: typer.Context,
    touchpoint: Annotated[
        str | None, typer.Option("--touchpoint", "-t", help=N_("Only this touchpoint (id or alias)."))
    ] = None,
    start: Annotated[
        str | None, typer.Option("--from", help=N_("First day (default: the first day the exports cover)."))
    ] = None,
    end: Annotated[
        str | None, typer.Option("--to", help=N_("Last day (default: the last day the exports cover)."))
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help=N_("Print JSON."))] = False,
) -> None:
    """What you noticed against what an export recorded, day by day."""
    from ..present import compare as present
    from ..services import compare as service

    result = service.compare(state.service(ctx), touchpoint, start, end)
    if as_json:
        typer.echo(json.dumps(present.record(result), ensure_ascii=False, indent=2))
        return
    typer.echo("\n".join(present.lines(result)))


COMMANDS = {"compare": compare}
