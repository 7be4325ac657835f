"""``footprint score …``: online-activity and influence figures (klout, followers…), and the computed one."""

import json
from pathlib import Path
from typing import Annotated

import typer

from ..i18n_legacy import t
from . import state

app = typer.Typer(help="Activity and influence scores: add, import, list, remove, and the computed 'activity'.")


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
        hint = did_you_mean(metric, known) or f"; it has: {', '.join(known[:10])}" + (", …" if len(known) > 10 else "")
        raise NotFound(f"no score {metric!r} in your journal{hint}")
    return metric


@app.command()
def add(
    ctx: typer.Context,
    metric: Annotated[str, typer.Argument(help="Any name: klout, followers:twitter, linkedin-ssi…")],
    value: Annotated[str, typer.Argument(help="The value (decimal point or comma).")],
    on: Annotated[str | None, typer.Option("--on", help="The day (default today).")] = None,
) -> None:
    """Record a score for a day (again for the same day replaces it)."""
    from ..services import scores

    s = scores.add(state.service(ctx), metric, value, on)
    typer.echo(t("score.added", state.lang(ctx), metric=s.metric, day=s.day, value=f"{s.value:g}"))


@app.command("import")
def import_scores(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="A CSV of date, metric, value (ISO or French dates).")],
    strict: Annotated[bool, typer.Option("--strict", help="Any bad row fails the import; nothing is written.")] = False,
) -> None:
    """Import scores from a CSV file; bad rows are named with their line number and skipped."""
    from ..services import scores

    result = scores.import_csv(state.service(ctx), path, strict=strict)
    lang = state.lang(ctx)
    for line, what in result.problems[:20]:
        typer.echo("footprint: " + t("score.line", lang, file=path, line=line, what=what), err=True)
    if len(result.problems) > 20:
        typer.echo("footprint: " + t("score.more", lang, n=len(result.problems) - 20), err=True)
    typer.echo(t("score.imported", lang, n=result.added, bad=len(result.problems)))


@app.command("list")
def list_scores(
    ctx: typer.Context,
    metric: Annotated[
        str | None, typer.Option("--metric", "-m", help="Only this metric ('activity' is computed).")
    ] = None,
    start: Annotated[str | None, typer.Option("--from", help="First day.")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Last day.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
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
    for m, d, v, src in rows:
        typer.echo(f"  {m:<24} {d}  {v:>10g}" + (f"  ({t('estimate', state.lang(ctx))})" if src == "computed" else ""))


@app.command()
def rm(
    ctx: typer.Context,
    metric: Annotated[str, typer.Argument(help="The metric.")],
    days: Annotated[list[str], typer.Argument(help="The days whose value to remove.")],
) -> None:
    """Remove values of a metric (footprint undo brings them back)."""
    from ..services import scores

    n = scores.remove(state.service(ctx), metric, days)
    typer.echo(t("score.removed", state.lang(ctx), n=n, metric=metric))


@app.command()
def explain(ctx: typer.Context) -> None:
    """How the computed 'activity' score is made."""
    from ..domain.scores import FORMULA
    from ..i18n import _

    typer.echo(_(FORMULA))
