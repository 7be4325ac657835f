"""``footprint demo``: fill an empty journal with a realistic, deterministic year to explore."""

from pathlib import Path
from typing import Annotated

import typer

from ..i18n import N_, _, ngettext
from . import state


def demo(
    ctx: typer.Context,
    db: Annotated[
        Path | None, typer.Option("--db", help=N_("The journal to create (must be empty or new)."))
    ] = None,
    days: Annotated[int, typer.Option("--days", help=N_("How many days, ending yesterday."))] = 365,
    seed: Annotated[int, typer.Option("--seed", help=N_("Same seed, same journal."))] = 1,
) -> None:
    """Create a demo journal to explore: a year with a smartphone, a computer, a bank card, a health card,
    a smart meter and social networks, a summer break from them and a day without Big Data."""
    from ..l10n import integer, long_date, medium_date
    from ..services import demo as demo_service

    if db is not None:
        state.of(ctx).db = db
    svc = state.service(ctx)
    r = demo_service.build(svc, days=days, seed=seed)
    lines = [
        _("Demo journal created in {path}.").format(path=svc.settings.db_path),
        "  "
        + ngettext("{n} entry, from {first} to {last}.", "{n} entries, from {first} to {last}.", r.entries).format(
            n=integer(r.entries), first=medium_date(r.first), last=medium_date(r.last)
        ),
        "  "
        + _("A summer break from social networks: {first} → {last}.").format(
            first=medium_date(r.break_first), last=medium_date(r.break_last)
        ),
    ]
    if r.run_day:
        lines.append("  " + _("A day without Big Data on {day}.").format(day=long_date(r.run_day)))
    command = f"footprint --db {svc.settings.db_path} chart footprint --from 1y --score klout"
    lines.append(_("Try: {command}").format(command=command))
    typer.echo("\n".join(lines))


COMMANDS = {"demo": demo}
