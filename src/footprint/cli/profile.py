"""``footprint profile``: the touchpoints a person owns or lives with."""

from typing import Annotated

import typer

from ..i18n_legacy import register, t
from . import render, state

register(
    {
        "profile.already": (
            "Already in the profile (nothing changed): {what}",
            "Déjà dans le profil (rien de changé) : {what}",
        )
    }
)

app = typer.Typer(help="Show or change your profile (what you own or live with).", no_args_is_help=False)


@app.callback(invoke_without_command=True)
def show(ctx: typer.Context) -> None:
    """Show the profile: each touchpoint, since when, and the passive captures it adds each day."""
    if ctx.invoked_subcommand is not None:
        return
    svc = state.service(ctx)
    lang = svc.settings.lang
    rows = svc.profile()
    if not rows:
        typer.echo(t("profile.empty", lang))
        return
    for period, tp in rows:
        label = tp.label.get(lang) if tp else "?"
        since = t("profile.since", lang, day=period.since.isoformat())
        extra = ""
        if tp and tp.passive:
            estimate = tp.passive_estimate(period.state)
            state_label = f" [{tp.state(period.state).label.get(lang)}]" if tp.state(period.state) else ""
            extra = f"  {t('profile.per_day', lang, n=render.n(estimate.value if estimate else 0))}{state_label}"
        typer.echo(f"  {period.touchpoint:<18} {label:<32} {since}{extra}")


@app.command()
def add(
    ctx: typer.Context,
    touchpoints: Annotated[list[str], typer.Argument(help="Touchpoint ids or aliases.")],
    state_id: Annotated[
        str | None,
        typer.Option("--state", help="For a passive touchpoint with states (smart-meter: daily-index or load-curve)."),
    ] = None,
    since: Annotated[str | None, typer.Option("--since", help="From which day it counts (default today).")] = None,
) -> None:
    """Add touchpoints to the profile (again, to change a state)."""
    svc = state.service(ctx)
    added = svc.profile_add(touchpoints, state=state_id, since=since)
    already = [tp.id for tp in svc.touchpoints(touchpoints) if tp.id not in {a.id for a in added}]
    if added:
        typer.echo(t("profile.added", svc.settings.lang, what=", ".join(tp.id for tp in added)))
    if already:
        typer.echo(t("profile.already", svc.settings.lang, what=", ".join(dict.fromkeys(already))))


@app.command()
def remove(
    ctx: typer.Context,
    touchpoints: Annotated[list[str], typer.Argument(help="Touchpoint ids or aliases.")],
    until: Annotated[str | None, typer.Option("--until", help="Last day it counted (default yesterday).")] = None,
) -> None:
    """Take touchpoints out of the profile; past days keep their passive captures."""
    svc = state.service(ctx)
    gone = svc.profile_remove(touchpoints, until=until)
    typer.echo(t("profile.removed", svc.settings.lang, what=", ".join(tp.id for tp in gone)))
