"""``footprint profile``: the touchpoints a person owns or lives with."""

from typing import Annotated, Any

import typer

from ..i18n import N_, _, ngettext
from . import completion, state

app = typer.Typer(help=N_("Show or change your profile (what you own or live with)."), no_args_is_help=False)


def _names(tps) -> str:  # noqa: ANN001
    from ..present.catalog import label

    return ", ".join(dict.fromkeys(label(tp) for tp in tps))


def _record(period, tp) -> dict[str, Any]:  # noqa: ANN001
    """One touchpoint of the profile as ``profile --json`` prints it (stable keys, ISO dates)."""
    from ..present.catalog import label

    chosen = tp.state(period.state) if tp is not None and period.state is not None else None
    estimate = tp.passive_estimate(period.state) if tp is not None and tp.passive else None
    return {
        "id": period.touchpoint,
        "label": label(tp, period.touchpoint),
        "known": tp is not None,  # False: the catalog no longer has it
        "kind": tp.kind if tp is not None else None,
        "mode": tp.mode if tp is not None else None,
        "passive": bool(tp is not None and tp.passive),
        "state": period.state,
        "state_label": label(chosen) if chosen is not None else None,
        "passive_per_day": estimate.value if estimate is not None else None,
        "since": period.since.isoformat(),
        "collectors": list(tp.collectors) if tp is not None else [],
    }


@app.callback(invoke_without_command=True)
def show(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help=N_("Print a JSON array."))] = False,
) -> None:
    """Show the profile: each touchpoint, since when, and the passive captures it adds each day."""
    if ctx.invoked_subcommand is not None:
        return
    from ..l10n import medium_date, number
    from ..present.catalog import label

    rows = state.service(ctx).profile()
    if as_json:
        import json

        typer.echo(json.dumps([_record(period, tp) for period, tp in rows], ensure_ascii=False, indent=2))
        return
    if not rows:
        typer.echo(
            _(
                "The profile is empty. Add what you own or live with, for instance: "
                "footprint profile add smartphone computer bank-card health-card smart-meter"
            )
        )
        return
    names = [label(tp, period.touchpoint) for period, tp in rows]
    width = max(len(name) for name in names)
    for name, (period, tp) in zip(names, rows):
        line = f"  {name:<{width}}  " + _("since {day}").format(day=medium_date(period.since))
        estimate = tp.passive_estimate(period.state) if tp and tp.passive else None
        if estimate is not None:
            value = estimate.value
            count = int(value) if value == int(value) else (2 if value >= 2 else 0)
            line += "  " + ngettext(
                "{n} passive capture a day", "{n} passive captures a day", count
            ).format(n=number(value))
            chosen = tp.state(period.state)
            if chosen is not None:
                line += " " + _("({state})").format(state=label(chosen))
        typer.echo(line)


@app.command()
def add(
    ctx: typer.Context,
    touchpoints: Annotated[
        list[str], typer.Argument(help=N_("Touchpoint ids or aliases."), autocompletion=completion.touchpoints)
    ],
    state_id: Annotated[
        str | None,
        typer.Option(
            "--state", help=N_("For a passive touchpoint with states (smart-meter: daily-index or load-curve).")
        ),
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help=N_("From which day it counts (default today)."))
    ] = None,
) -> None:
    """Add touchpoints to the profile (again, to change a state)."""
    svc = state.service(ctx)
    added = svc.profile_add(touchpoints, state=state_id, since=since)
    already = [tp for tp in svc.touchpoints(touchpoints) if tp.id not in {a.id for a in added}]
    if added:
        typer.echo(_("Added to the profile: {names}").format(names=_names(added)))
    if already:
        typer.echo(_("Already in the profile (nothing changed): {names}").format(names=_names(already)))


@app.command()
def remove(
    ctx: typer.Context,
    touchpoints: Annotated[
        list[str], typer.Argument(help=N_("Touchpoint ids or aliases."), autocompletion=completion.touchpoints)
    ],
    until: Annotated[
        str | None, typer.Option("--until", help=N_("Last day it counted (default yesterday)."))
    ] = None,
) -> None:
    """Take touchpoints out of the profile; past days keep their passive captures."""
    gone = state.service(ctx).profile_remove(touchpoints, until=until)
    typer.echo(_("Removed from the profile: {names}").format(names=_names(gone)))
