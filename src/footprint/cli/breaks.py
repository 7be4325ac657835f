"""``footprint break …``: periods away from some touchpoints, and what they changed."""

import json
from typing import Annotated

import typer

from ..i18n import N_, _, ngettext
from . import state

app = typer.Typer(help=N_("Breaks: periods away from some touchpoints (challenge runs count too)."))


def _days(n: int) -> str:
    return ngettext("{n} day", "{n} days", n).format(n=n)


def _span(first, last) -> str:  # noqa: ANN001
    from ..l10n import medium_date

    if first == last:
        return medium_date(first)
    return _("{first} → {last}").format(first=medium_date(first), last=medium_date(last))


def _label(svc, b) -> str:  # noqa: ANN001
    """A break's name: the one you gave it, or for a challenge run its challenge's title."""
    if not b.id.startswith("r"):
        return b.label
    from ..errors import FootprintError
    from ..i18n import current
    from ..services.challenges import get_challenge

    try:
        return get_challenge(svc, b.label).title.get(current())
    except FootprintError:  # a run of a challenge no longer shipped: its id is all there is
        return b.label


@app.command()
def add(
    ctx: typer.Context,
    start: Annotated[str, typer.Option("--from", help=N_("First day of the break."))],
    end: Annotated[str, typer.Option("--to", help=N_("Last day of the break."))],
    label: Annotated[str | None, typer.Option("--label", help=N_("A name, e.g. 'summer holiday'."))] = None,
    scope: Annotated[
        list[str] | None,
        typer.Option("--scope", help=N_("Touchpoints or kinds it is away from (default: everything).")),
    ] = None,
) -> None:
    """Add a break."""
    from ..services import scores

    svc = state.service(ctx)
    b = scores.add_break(svc, start, end, label, scope or [])
    typer.echo(_("Added break #{id}: {span} ({label})").format(id=b.id, span=_span(b.first, b.last), label=b.label))


@app.command("list")
def list_breaks(
    ctx: typer.Context, as_json: Annotated[bool, typer.Option("--json", help=N_("Print JSON."))] = False
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
        typer.echo(_("No breaks yet: footprint break add --from … --to …"))
    for b in rows:
        scope = f"  [{', '.join(_scope_names(svc, b.scope))}]" if b.scope else ""
        typer.echo(f"  {b.id:<5} {_span(b.first, b.last):<30} {_days(b.days):>9}  {_label(svc, b)}{scope}")


def _scope_names(svc, scope) -> list[str]:  # noqa: ANN001
    from ..present.catalog import kind_name, name_of

    return [name_of(svc.catalog, s) if s in svc.catalog else kind_name(s) for s in scope]


@app.command()
def rm(ctx: typer.Context, break_id: Annotated[str, typer.Argument(help=N_("The break's id."))]) -> None:
    """Remove a break you added."""
    from ..services import scores

    scores.remove_break(state.service(ctx), break_id)
    typer.echo(_("Removed break #{id}.").format(id=break_id))


@app.command()
def effect(
    ctx: typer.Context,
    break_id: Annotated[str, typer.Argument(help=N_("A break id (3) or a run (r2)."))],
    as_json: Annotated[bool, typer.Option("--json", help=N_("Print JSON."))] = False,
) -> None:
    """What a break changed: each score before, at its lowest, and how long to get back; captures per day
    before, during and after, passive apart."""
    from ..services import scores

    svc = state.service(ctx)
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
    typer.echo("\n".join(_effect_lines(e, spans, _label(svc, e.brk))))


def _effect_lines(e, spans, label: str) -> list[str]:  # noqa: ANN001
    from ..l10n import number

    def score(value: float | None) -> str:
        return "—" if value is None else number(value)

    span, days = _span(e.brk.first, e.brk.last), _days(e.brk.days)
    head = _("{label} ({span}, {days})").format(label=label, span=span, days=days)
    lines = [head, "", _("Scores:")]
    names = {s.metric: _("activity (estimate)") if s.metric == "activity" else s.metric for s in e.scores}
    width = max((len(n) for n in names.values()), default=0)
    for s in e.scores:
        if s.days_to_recover is None:
            back = _("not back yet")
        else:
            back = ngettext("back after {n} day", "back after {n} days", s.days_to_recover).format(n=s.days_to_recover)
        figures = _("before {before:>8}  lowest {lowest:>8}  {back}").format(
            before=score(s.before), lowest=score(s.lowest), back=back
        )
        lines.append(f"  {names[s.metric]:<{width}}  {figures}")
    lines += ["", _("Captures per day (estimate):")]
    words = {"before": _("before"), "during": _("during"), "after": _("after")}
    width = max(len(w) for w in words.values())
    for key, v in spans.items():
        lines.append(
            f"  {words[key]:<{width}} "
            + _("active {active:>7}  passive {passive:>7}  ({days})").format(
                active=number(v.active), passive=number(v.passive), days=_days(v.days)
            )
        )
    lines.append(_("Passive captures do not stop during a break: they come from what you own, not from what you do."))
    return lines
