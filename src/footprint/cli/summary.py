"""``footprint summary``: a week, a month or a year of the journal against the period before."""

import json
from typing import Annotated

import typer

from ..errors import BadInput
from ..i18n import N_
from . import state


def summary(
    ctx: typer.Context,
    period: Annotated[
        str | None, typer.Argument(help=N_("week (the default), month or year; in the journal's timezone."))
    ] = None,
    on: Annotated[
        str | None,
        typer.Option("--date", help=N_("A day in the period (default today): 2026-11-20, -7d, monday…")),
    ] = None,
    start: Annotated[str | None, typer.Option("--from", help=N_("First day (inclusive), instead of a period."))] = None,
    end: Annotated[str | None, typer.Option("--to", help=N_("Last day (inclusive), instead of a period."))] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help=N_("text, or md: a Markdown block to paste into a post."))
    ] = "text",
    as_json: Annotated[bool, typer.Option("--json", help=N_("Print one JSON object."))] = False,
    with_notes: Annotated[
        bool, typer.Option("--with-notes", help=N_("Add your notes and exact times (private: left out otherwise)."))
    ] = False,
) -> None:
    """Touches and captures of a week, a month or a year, against the period before; days and streaks."""
    from ..present import summary as words
    from ..services.summary import summary as summarize

    if fmt not in ("text", "md"):
        raise BadInput(N_("unknown format '{value}'; use text or md"), value=fmt[:40])
    if as_json and fmt != "text":
        raise BadInput(N_("choose --json or --format md, not both"))
    svc = state.service(ctx)
    s = summarize(svc, period, on=on, start=start, end=end, with_notes=with_notes)
    if as_json:
        typer.echo(json.dumps(words.record(s, svc.catalog, with_notes), ensure_ascii=False, indent=2))
    elif fmt == "md":
        typer.echo(words.markdown(s, svc.catalog, with_notes), nl=False)
    else:
        typer.echo("\n".join(words.lines(s, svc.catalog, with_notes)))


COMMANDS = {"summary": summary}
