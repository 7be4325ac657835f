"""``footprint chart …``: the footprint beside a score, touchpoints per day, a run's verdict — in the
terminal, as an image (``--out FILE.svg|.png``), or as the series behind it (``--json``)."""

import json
import shutil
from pathlib import Path
from typing import Annotated, Any

import typer

from ..i18n import t
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


def _emit(
    ctx: typer.Context, series: Any, draw: Any, svg_of: Any, size: tuple[int, int], out: Path | None, as_json: bool
) -> None:
    """One chart's series as JSON, as an image file, or drawn for the terminal."""
    from ..files import write_private

    lang = state.lang(ctx)
    if as_json:
        typer.echo(json.dumps(series._asdict(), ensure_ascii=False, indent=2))
    elif out is not None:
        from .. import charts

        if out.suffix.lower() not in (".svg", ".png"):
            raise typer.BadParameter("--out must end in .svg or .png")
        svg = svg_of(series, lang)
        write_private(out, [charts.png(svg) if out.suffix.lower() == ".png" else svg])
        typer.echo("footprint: " + t("chart.wrote", lang, path=out), err=True)
    else:
        typer.echo(draw(series, *size, lang))


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
    size = _size(width, height)
    series = footprint_series(svc, *date_range(svc, start, end), score, (size[0] - 14) // 3 if out is None else 120)
    _emit(ctx, series, charts.footprint_chart, charts.footprint_svg, size, out, as_json)


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
    size = _size(width, height)
    series = touchpoint_series(svc, *date_range(svc, start, end), max_points=size[0] - 20)
    _emit(ctx, series, charts.touchpoints_chart, charts.touchpoints_svg, size, out, as_json)


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

    size = _size(width, height)
    series = challenge_series(state.service(ctx), run)
    _emit(ctx, series, charts.challenge_chart, charts.challenge_svg, size, out, as_json)
