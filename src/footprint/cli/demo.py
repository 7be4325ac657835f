"""``footprint demo``: fill an empty journal with a realistic, deterministic year to explore."""

from pathlib import Path
from typing import Annotated

import typer

from ..i18n_legacy import t
from . import state


def demo(
    ctx: typer.Context,
    db: Annotated[Path | None, typer.Option("--db", help="The journal to create (must be empty or new).")] = None,
    days: Annotated[int, typer.Option("--days", help="How many days, ending yesterday.")] = 365,
    seed: Annotated[int, typer.Option("--seed", help="Same seed, same journal.")] = 1,
) -> None:
    """Create a demo journal: the seed's five objects, social networks, a summer break, a challenge run."""
    from ..services import demo as demo_service

    if db is not None:
        state.of(ctx).db = db
    svc = state.service(ctx)
    r = demo_service.build(svc, days=days, seed=seed)
    typer.echo(
        f"Demo journal in {svc.settings.db_path}: {r.entries} entries from {r.first} to {r.last}, "
        f"a summer break from social networks {r.break_first} → {r.break_last}"
        + (f", a day without Big Data on {r.run_day}" if r.run_day else "")
        + "."
    )
    command = f"footprint --db {svc.settings.db_path} chart footprint --from 1y --score klout"
    typer.echo(t("demo.try", svc.settings.lang, command=command))


COMMANDS = {"demo": demo}
