"""``footprint collectors``: who received your captures, and what footprint knows of each collector."""

import json
from typing import Annotated

import typer

from ..i18n import N_
from . import state

app = typer.Typer(help=N_("Who received your captures: collectors, their controllers and exports."))


@app.callback(invoke_without_command=True)
def ranking(
    ctx: typer.Context,
    start: Annotated[str | None, typer.Option("--from", help=N_("First day (default: 30 days ago)."))] = None,
    end: Annotated[str | None, typer.Option("--to", help=N_("Last day (default: today)."))] = None,
    as_json: Annotated[bool, typer.Option("--json", help=N_("Print JSON."))] = False,
) -> None:
    """Who received captures over a period, ranked, with the touchpoints that fed each."""
    if ctx.invoked_subcommand is not None:
        return
    from ..present import collectors as present
    from ..services import collectors

    svc = state.service(ctx)
    result = collectors.ranking(svc, start, end)
    if as_json:
        typer.echo(json.dumps(present.ranking_record(result), ensure_ascii=False, indent=2))
        return
    typer.echo("\n".join(present.ranking_lines(result, svc.catalog)))


@app.command()
def show(
    ctx: typer.Context,
    collector: Annotated[str, typer.Argument(help=N_("A collector id, such as google, bank or enedis."))],
    as_json: Annotated[bool, typer.Option("--json", help=N_("Print JSON."))] = False,
) -> None:
    """One collector: its controller, the consent basis of each feed, the export you can ask for."""
    from ..present import collectors as present
    from ..services import collectors

    v = collectors.view(state.service(ctx), collector)
    if as_json:
        typer.echo(json.dumps(present.view_record(v), ensure_ascii=False, indent=2))
        return
    typer.echo("\n".join(present.view_lines(v)))
