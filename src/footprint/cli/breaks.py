"""``footprint break …``: periods away from some touchpoints, and what they changed."""

import json
from typing import Annotated

import typer

from ..i18n_legacy import register, t
from . import render, state

app = typer.Typer(help="Breaks: periods away from some touchpoints (challenge runs count too).")

register(
    {
        "brk.added": (
            "Added break #{id}: {first} → {last} ({label})",
            "Pause n°{id} ajoutée : {first} → {last} ({label})",
        ),
        "brk.none": (
            "No breaks yet: footprint break add --from … --to …",
            "Aucune pause : footprint break add --from … --to …",
        ),
        "brk.scores": ("Scores", "Scores"),
        "brk.captures": ("Captures per day (estimate)", "Captures par jour (estimation)"),
        "brk.before": ("before", "avant"),
        "brk.during": ("during", "pendant"),
        "brk.after": ("after", "après"),
        "brk.not_back": ("not back yet", "pas encore revenu"),
        "brk.back_in": ("back after {n} day(s)", "revenu après {n} jour(s)"),
        "brk.passive_note": (
            "Passive captures do not stop during a break: they come from what you own, not what you do.",
            "Les captures passives ne s'arrêtent pas pendant une pause : elles viennent de ce que vous possédez.",
        ),
    }
)


@app.command()
def add(
    ctx: typer.Context,
    start: Annotated[str, typer.Option("--from", help="First day of the break.")],
    end: Annotated[str, typer.Option("--to", help="Last day of the break.")],
    label: Annotated[str | None, typer.Option("--label", help="A name, e.g. 'summer holiday'.")] = None,
    scope: Annotated[
        list[str] | None, typer.Option("--scope", help="Touchpoints or kinds it is away from (default: everything).")
    ] = None,
) -> None:
    """Add a break."""
    from ..services import scores

    svc = state.service(ctx)
    b = scores.add_break(svc, start, end, label, scope or [])
    typer.echo(t("brk.added", svc.settings.lang, id=b.id, first=b.first, last=b.last, label=b.label))


@app.command("list")
def list_breaks(
    ctx: typer.Context, as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False
) -> None:
    """Breaks, and challenge runs (ids r1, r2…)."""
    from ..services import scores

    svc = state.service(ctx)
    rows = scores.all_breaks(svc)
    if as_json:
        typer.echo(
            json.dumps(
                [
                    {
                        "id": b.id,
                        "first": b.first.isoformat(),
                        "last": b.last.isoformat(),
                        "label": b.label,
                        "scope": list(b.scope),
                        "days": b.days,
                    }
                    for b in rows
                ],
                indent=2,
                ensure_ascii=False,
            )
        )
        return
    if not rows:
        typer.echo(t("brk.none", svc.settings.lang))
    for b in rows:
        scope = f"  [{', '.join(b.scope)}]" if b.scope else ""
        typer.echo(f"  {b.id:<5} {b.first} → {b.last}  {b.days:>3}d  {b.label}{scope}")


@app.command()
def rm(ctx: typer.Context, break_id: Annotated[str, typer.Argument(help="The break's id.")]) -> None:
    """Remove a break you added."""
    from ..services import scores

    scores.remove_break(state.service(ctx), break_id)
    typer.echo(t("brk.removed", state.lang(ctx), id=break_id))


@app.command()
def effect(
    ctx: typer.Context,
    break_id: Annotated[str, typer.Argument(help="A break id (3) or a run (r2).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """What a break changed: each score before, at its lowest, and how long to get back; captures per day
    before, during and after, passive apart."""
    from ..services import scores

    svc = state.service(ctx)
    lang = svc.settings.lang
    e = scores.effect(svc, break_id)
    spans = {"before": e.before, "during": e.during, "after": e.after}
    if as_json:
        data = {
            "break": {
                "id": e.brk.id,
                "first": e.brk.first.isoformat(),
                "last": e.brk.last.isoformat(),
                "label": e.brk.label,
            },
            "scores": [
                {
                    **s._asdict(),
                    "lowest_on": s.lowest_on and s.lowest_on.isoformat(),
                    "recovered_on": s.recovered_on and s.recovered_on.isoformat(),
                    "estimate": s.metric == "activity",
                }
                for s in e.scores
            ],
            "captures": {
                k: {
                    "days": v.days,
                    "active": round(v.active, 2),
                    "passive": round(v.passive, 2),
                    "total": round(v.total, 2),
                }
                for k, v in spans.items()
            },
            "estimate": True,
        }
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    lines = [f"{e.brk.label} ({e.brk.first} → {e.brk.last}, {e.brk.days}d)", "", t("brk.scores", lang) + ":"]
    for s in e.scores:
        back = t("brk.back_in", lang, n=s.days_to_recover) if s.days_to_recover is not None else t("brk.not_back", lang)
        before = "—" if s.before is None else f"{s.before:g}"
        lowest = "—" if s.lowest is None else f"{s.lowest:g}"
        lines.append(f"  {s.metric:<20} {t('brk.before', lang)} {before:>8}  min {lowest:>8}  {back}")
    lines += ["", t("brk.captures", lang) + ":"]
    for key, v in spans.items():
        lines.append(
            f"  {t('brk.' + key, lang):<8} {t('active', lang)} {render.n(v.active):>7}  "
            f"{t('passive', lang)} {render.n(v.passive):>7}  ({v.days}d)"
        )
    lines.append(t("brk.passive_note", lang))
    typer.echo("\n".join(lines))
