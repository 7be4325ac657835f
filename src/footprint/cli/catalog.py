"""``footprint catalog``: browse the touchpoints and their documented estimates."""

import json
from typing import Annotated, Any

import typer

from ..domain.catalog import Touchpoint
from ..i18n import N_, current
from . import completion, state

app = typer.Typer(help=N_("Browse the catalog of touchpoints and their estimates."))


def _record(tp: Touchpoint, lang: str) -> dict[str, Any]:
    def est(e: Any) -> Any:
        return {"value": e.value, "why": e.why, "estimate": True} if e else None

    return {
        "id": tp.id,
        "label": tp.label.get(lang),
        "kind": tp.kind,
        "mode": tp.mode,
        "consent": tp.consent,
        "collectors": list(tp.collectors),
        "captures_per_use": est(tp.captures_per_use),
        "captures_per_minute": est(tp.captures_per_minute),
        "passive_per_day": est(tp.passive_per_day),
        "states": [
            {"id": s.id, "label": s.label.get(lang), "passive_per_day": est(s.passive_per_day)} for s in tp.states
        ],
        "aliases": list(tp.aliases),
        "alternatives": [a.get(lang) for a in tp.alternatives],
        "origin": tp.origin,
    }


@app.callback(invoke_without_command=True)
def list_all(
    ctx: typer.Context,
    query: Annotated[str | None, typer.Option("--search", "-s", help="Only touchpoints matching this.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", "-k", help="device, card, meter, service or social.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List the touchpoints: id, label, kind, mode."""
    if ctx.invoked_subcommand is not None:
        return
    svc = state.service(ctx)
    lang = current()
    tps = svc.catalog.search(query, lang) if query else svc.catalog.touchpoints
    if kind:
        tps = tuple(tp for tp in tps if tp.kind == kind)
    if as_json:
        typer.echo(json.dumps([_record(tp, lang) for tp in tps], ensure_ascii=False, indent=2))
        return
    from ..present.catalog import list_line

    width = max((len(tp.label.get(lang)) for tp in tps), default=0)
    for tp in tps:
        typer.echo(list_line(tp, width))


@app.command()
def show(
    ctx: typer.Context,
    touchpoint: Annotated[
        str, typer.Argument(help="A touchpoint id or alias.", autocompletion=completion.touchpoints)
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Everything about one touchpoint, with the reason behind each estimate."""
    svc = state.service(ctx)
    lang = current()
    tp = svc.catalog.resolve(touchpoint)
    if as_json:
        typer.echo(json.dumps(_record(tp, lang), ensure_ascii=False, indent=2))
        return
    from ..present.catalog import entry_lines

    typer.echo("\n".join(entry_lines(tp, svc.catalog)))
