"""``footprint score …``: online-activity and influence figures (klout, followers…), and the computed one."""

import json
from pathlib import Path
from typing import Annotated

import typer

from ..i18n import N_, Message, _, ngettext
from . import state

app = typer.Typer(help=N_("Activity and influence scores: add, import, list, remove, and the computed 'activity'."))


def known_metric(svc, name: str) -> str:  # noqa: ANN001
    """``name`` checked and lowercased, if the journal has values for it or it is the computed one; else
    ``NotFound`` with the metrics it has: a chart without its score line would hide a typo. (``score list``
    is a filter: there, no value is an answer.)"""
    from ..domain.scores import ACTIVITY
    from ..domain.text import did_you_mean
    from ..errors import NotFound
    from ..services import scores

    metric = scores.check_metric(name, allow_activity=True)
    known = [*scores.metrics(svc), ACTIVITY]
    if metric not in known:
        names = ", ".join(known[:10]) + (", …" if len(known) > 10 else "")
        hint = did_you_mean(metric, known) or _("; it has: {names}").format(names=names)
        raise NotFound(N_("no score '{metric}' in your journal{hint}"), metric=metric, hint=hint)
    return metric


@app.command()
def add(
    ctx: typer.Context,
    metric: Annotated[str, typer.Argument(help=N_("Any name: klout, followers:twitter, linkedin-ssi…"))],
    value: Annotated[str, typer.Argument(help=N_("The value (decimal point or comma)."))],
    on: Annotated[str | None, typer.Option("--on", help=N_("The day (default today)."))] = None,
) -> None:
    """Record a score for a day (again for the same day replaces it)."""
    from ..services import scores

    s = scores.add(state.service(ctx), metric, value, on)
    from ..l10n import long_date, number

    typer.echo(_("{metric} on {day}: {value}").format(metric=s.metric, day=long_date(s.day), value=_value(s.value)))


@app.command("import")
def import_scores(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help=N_("A CSV of date, metric, value (ISO or French dates)."))],
    strict: Annotated[
        bool, typer.Option("--strict", help=N_("Any bad row fails the import; nothing is written."))
    ] = False,
) -> None:
    """Import scores from a CSV file; bad rows are named with their line number and skipped."""
    from ..services import scores

    result = scores.import_csv(state.service(ctx), path, strict=strict)
    from ..l10n import integer

    for line, what in result.problems[:20]:
        what = what.render() if isinstance(what, Message) else _(what)
        typer.echo("footprint: " + _("{file}: line {line}: {what}").format(file=path, line=line, what=what), err=True)
    if len(result.problems) > 20:
        more = len(result.problems) - 20
        said = ngettext("… and {n} more bad row", "… and {n} more bad rows", more).format(n=integer(more))
        typer.echo(f"footprint: {said}", err=True)
    imported = ngettext("Imported {n} value.", "Imported {n} values.", result.added).format(n=integer(result.added))
    if result.problems:
        bad = len(result.problems)
        imported += " " + ngettext("{n} bad row skipped.", "{n} bad rows skipped.", bad).format(n=integer(bad))
    typer.echo(imported)


@app.command("list")
def list_scores(
    ctx: typer.Context,
    metric: Annotated[
        str | None, typer.Option("--metric", "-m", help=N_("Only this metric ('activity' is computed)."))
    ] = None,
    start: Annotated[str | None, typer.Option("--from", help=N_("First day."))] = None,
    end: Annotated[str | None, typer.Option("--to", help=N_("Last day."))] = None,
    as_json: Annotated[bool, typer.Option("--json", help=N_("Print JSON."))] = False,
) -> None:
    """List recorded scores (or the computed 'activity' score with --metric activity)."""
    from ..services import scores
    from ..services.charts import date_range

    svc = state.service(ctx)
    metric = scores.check_metric(metric, allow_activity=True) if metric is not None else None
    if metric == "activity":
        first, last = date_range(svc, start, end)
        rows = [("activity", d, v, "computed") for d, v in scores.series(svc, "activity", first, last).items()]
    else:
        first = svc.day_of(start) if start else None
        last = svc.day_of(end) if end else None
        rows = [tuple(s) for s in svc.journal.scores(metric, first, last)]
    if as_json:
        typer.echo(
            json.dumps(
                [
                    {"metric": m, "day": d.isoformat(), "value": v, "source": src, "estimate": src == "computed"}
                    for m, d, v, src in rows
                ],
                indent=2,
            )
        )
        return
    from ..l10n import medium_date

    for m, d, v, src in rows:
        line = f"  {m:<24} {medium_date(d):<12}  {_value(v):>10}"
        typer.echo((line + "  " + _("(estimate)")) if src == "computed" else line)


@app.command()
def rm(
    ctx: typer.Context,
    metric: Annotated[str, typer.Argument(help=N_("The metric."))],
    days: Annotated[list[str], typer.Argument(help=N_("The days whose value to remove."))],
) -> None:
    """Remove values of a metric (footprint undo brings them back)."""
    from ..services import scores

    n = scores.remove(state.service(ctx), metric, days)
    said = ngettext("Removed {n} value of {metric}.", "Removed {n} values of {metric}.", n)
    typer.echo(said.format(n=n, metric=metric))


@app.command()
def explain(ctx: typer.Context) -> None:
    """How the computed 'activity' score is made."""
    typer.echo(
        _(
            "activity(d) = 100 × A(d) / (A(d) + 20), where A(d) = Σ social touches on day k × 0.5^((d − k) / 7) "
            "over the days k up to d: a decaying count of your social-network touches with a half-life of 7 days. "
            "An estimate computed from your journal, not a platform's figure."
        )
    )


def _value(value: float) -> str:
    """A score as recorded: whole, or with the decimals it was given (``42``, ``3,75`` in French)."""
    from ..l10n import decimal, integer

    if value == int(value):
        return integer(int(value))
    digits = min(len(f"{value:g}".partition(".")[2]), 4)
    return decimal(value, digits)
