"""``footprint chart …``: the footprint beside a score, touchpoints per day, a run's verdict — in the
terminal, as an image (``--out FILE.svg|.png``), or as the series behind it (``--json``)."""

import json
import shutil
from pathlib import Path
from typing import Annotated, Any

import typer

from . import state

app = typer.Typer(help="Charts in the terminal, as SVG/PNG images, or as JSON series.")

From = Annotated[str | None, typer.Option("--from", help="First day, or a span back: 30d, 8w, 6mo, 10y, all.")]
To = Annotated[str | None, typer.Option("--to", help="Last day (default today).")]
Width = Annotated[int | None, typer.Option("--width", help="Columns (default: the terminal's).")]
Height = Annotated[int | None, typer.Option("--height", help="Rows (default: 20).")]
Out = Annotated[Path | None, typer.Option("--out", "-o", help="Write an image instead: FILE.svg or FILE.png.")]
AsJson = Annotated[bool, typer.Option("--json", help="Print the series behind the chart.")]


def _size(width: int | None, height: int | None) -> tuple[int, int]:
    columns = shutil.get_terminal_size((100, 24)).columns
    w, h = width or columns, height or 20
    if w < 40 or h < 8:
        raise typer.BadParameter("a chart needs at least 40 columns and 8 rows")
    return w, h


def _emit(ctx: typer.Context, series: Any, text: str, svg_of: Any, out: Path | None, as_json: bool) -> None:
    from ..files import write_private

    if as_json:
        typer.echo(json.dumps(series._asdict(), ensure_ascii=False, indent=2))
    elif out is not None:
        from .. import charts

        suffix = out.suffix.lower()
        if suffix not in (".svg", ".png"):
            raise typer.BadParameter("--out must end in .svg or .png")
        svg = svg_of(series, state.lang(ctx))
        write_private(out, [charts.png(svg) if suffix == ".png" else svg])
        typer.echo(f"footprint: wrote {out}", err=True)
    else:
        typer.echo(text)


@app.command("footprint")
def footprint_chart(
    ctx: typer.Context,
    start: From = None,
    end: To = None,
    score: Annotated[
        str | None, typer.Option("--score", help="A score to draw on the right axis (klout, activity…).")
    ] = None,
    width: Width = None,
    height: Height = None,
    out: Out = None,
    as_json: AsJson = False,
) -> None:
    """Captures per day, active and passive, a score on a second axis, breaks and runs marked."""
    from .. import charts
    from ..services.charts import date_range, footprint_series

    svc = state.service(ctx)
    w, h = _size(width, height)
    first, last = date_range(svc, start, end)
    series = footprint_series(svc, first, last, score, max_points=(w - 14) // 3 if out is None else 120)
    text = "" if as_json or out else charts.footprint_chart(series, w, h, svc.settings.lang)
    _emit(ctx, series, text, charts.footprint_svg, out, as_json)


@app.command("touchpoints")
def touchpoints_chart(
    ctx: typer.Context,
    start: From = None,
    end: To = None,
    width: Width = None,
    height: Height = None,
    out: Out = None,
    as_json: AsJson = False,
) -> None:
    """Which touchpoints, each day: a calendar-like grid, shaded by how many touches."""
    from .. import charts
    from ..services.charts import date_range, touchpoint_series

    svc = state.service(ctx)
    w, h = _size(width, height)
    first, last = date_range(svc, start, end)
    series = touchpoint_series(svc, first, last, max_points=w - 20)
    text = "" if as_json or out else charts.touchpoints_chart(series, w, h, svc.settings.lang)
    _emit(ctx, series, text, charts.touchpoints_svg, out, as_json)


@app.command("challenge")
def challenge_chart(
    ctx: typer.Context,
    run: Annotated[str | None, typer.Argument(help="Run number or name (default: the active or latest).")] = None,
    width: Width = None,
    height: Height = None,
    out: Out = None,
    as_json: AsJson = False,
) -> None:
    """A run's verdict at a glance: captures during it beside the baseline."""
    from .. import charts
    from ..services.charts import challenge_series

    svc = state.service(ctx)
    w, h = _size(width, height)
    series = challenge_series(svc, run)
    text = "" if as_json or out else charts.challenge_chart(series, w, h, svc.settings.lang)
    _emit(ctx, series, text, charts.challenge_svg, out, as_json)
