"""``footprint catalog``: browse the touchpoints and their documented estimates."""

import json
from typing import Annotated, Any

import typer

from ..domain.catalog import Touchpoint
from ..i18n_legacy import t
from . import render, state

app = typer.Typer(help="Browse the catalog of touchpoints and their estimates.")


def _record(tp: Touchpoint, lang: str) -> dict[str, Any]:
    def est(e: Any) -> Any:
        return {"value": e.value, "why": e.why.get(lang), "estimate": True} if e else None

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
    lang = svc.settings.lang
    tps = svc.catalog.search(query, lang) if query else svc.catalog.touchpoints
    if kind:
        tps = tuple(tp for tp in tps if tp.kind == kind)
    if as_json:
        typer.echo(json.dumps([_record(tp, lang) for tp in tps], ensure_ascii=False, indent=2))
        return
    for tp in tps:
        typer.echo(f"  {tp.id:<20} {tp.label.get(lang):<38} {t('kind.' + tp.kind, lang):<15} {tp.mode}")


@app.command()
def show(
    ctx: typer.Context,
    touchpoint: Annotated[str, typer.Argument(help="A touchpoint id or alias.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Everything about one touchpoint, with the reason behind each estimate."""
    svc = state.service(ctx)
    lang = svc.settings.lang
    tp = svc.catalog.resolve(touchpoint)
    if as_json:
        typer.echo(json.dumps(_record(tp, lang), ensure_ascii=False, indent=2))
        return
    est = t("catalog.estimate", lang)

    def estimate_line(e: Any, per: str, indent: str = "  ") -> str:
        return f"{indent}{render.n(e.value)} {t('captures', lang)} {per} ({est}): {e.why.get(lang)}"

    collectors = ", ".join(svc.catalog.collector_label(c, lang) for c in tp.collectors)
    lines = [
        f"{tp.label.get(lang)} ({tp.id}) — {t('kind.' + tp.kind, lang)}, {t('mode.' + tp.mode, lang)}",
        f"  {t('consent', lang)}: {t('consent.' + tp.consent, lang)}",
        f"  {t('collectors', lang)}: {collectors}",
        estimate_line(tp.captures_per_use, t("per_use", lang)),
    ]
    if tp.captures_per_minute:
        lines.append(estimate_line(tp.captures_per_minute, t("per_minute", lang)))
    if tp.passive_per_day:
        lines.append(estimate_line(tp.passive_per_day, t("per_day", lang)))
    for s in tp.states:
        lines.append(estimate_line(s.passive_per_day, t("per_day", lang), f"    {s.id} ({s.label.get(lang)}): "))
    if tp.aliases:
        lines.append(f"  {t('aliases', lang)}: {', '.join(tp.aliases)}")
    if tp.alternatives:
        lines.append(f"  {t('alternatives', lang)}: " + "; ".join(a.get(lang) for a in tp.alternatives))
    typer.echo("\n".join(lines))
