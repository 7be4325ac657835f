"""``footprint chart …``: the footprint beside a score, touchpoints per day, a run's verdict — in the
terminal, as an image (``--out FILE.svg|.png``), or as the series behind it (``--json``)."""

import json
import shutil
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import BadInput
from ..i18n import N_, _
from . import state

app = typer.Typer(help="Charts in the terminal, as SVG/PNG images, or as JSON series.")

From = Annotated[str | None, typer.Option("--from", help="First day, or a span back: 30d, 8w, 6mo, 10y, all.")]
To = Annotated[str | None, typer.Option("--to", help="Last day (default today).")]
Width = Annotated[int | None, typer.Option("--width", help="Columns, 40 to 1000 (default: the terminal's).")]
Height = Annotated[int | None, typer.Option("--height", help="Rows, 8 to 500 (default: 20).")]
Out = Annotated[Path | None, typer.Option("--out", "-o", help="Write an image instead: FILE.svg or FILE.png.")]
AsJson = Annotated[bool, typer.Option("--json", help="Print the series behind the chart.")]
Size = Annotated[
    str | None,
    typer.Option("--size", help="An image's size in pixels, WIDTHxHEIGHT (default 1200x600; a PNG is drawn at twice it)."),
]


COLUMNS, ROWS = (40, 1000), (8, 500)  # below, nothing is legible; above, drawing would take seconds
PIXELS_W, PIXELS_H = (320, 4000), (200, 3000)  # an image below is illegible; above, no post or screen needs it


def _size(width: int | None, height: int | None) -> tuple[int, int]:
    """The canvas: given sizes are checked (0 is not "the default"); the terminal's width is capped."""
    w = min(shutil.get_terminal_size((100, 24)).columns, COLUMNS[1]) if width is None else width
    h = 20 if height is None else height
    if not (COLUMNS[0] <= w <= COLUMNS[1] and ROWS[0] <= h <= ROWS[1]):
        raise BadInput(
            N_("a chart is {min_w} to {max_w} columns wide and {min_h} to {max_h} rows high, not {w}×{h}"),
            min_w=COLUMNS[0], max_w=COLUMNS[1], min_h=ROWS[0], max_h=ROWS[1], w=w, h=h,
        )
    return w, h


def _pixels(text: str | None) -> tuple[int, int]:
    """``--size 1200x600`` (``x``, ``X`` or ``×``), within bounds; the default 1200×600."""
    if text is None:
        return 1200, 600
    import re

    m = re.fullmatch(r"\s*(\d{1,5})\s*[x×]\s*(\d{1,5})\s*", text.lower())
    w, h = (int(m[1]), int(m[2])) if m else (0, 0)
    if not (PIXELS_W[0] <= w <= PIXELS_W[1] and PIXELS_H[0] <= h <= PIXELS_H[1]):
        raise BadInput(
            N_("--size is WIDTHxHEIGHT in pixels, {min_w} to {max_w} wide and {min_h} to {max_h} high, not '{text}'"),
            min_w=PIXELS_W[0], max_w=PIXELS_W[1], min_h=PIXELS_H[0], max_h=PIXELS_H[1], text=text.strip()[:40],
        )
    return w, h


def _emit(
    ctx: typer.Context, series: Any, draw: Any, svg_of: Any, size: tuple[int, int], out: Path | None, as_json: bool,
    pixels: tuple[int, int] = (1200, 600),
) -> None:
    """One chart's series as JSON, as an image file, or drawn for the terminal."""
    from ..files import write_private

    if as_json:
        from ..charts.series import as_json as json_of

        typer.echo(json.dumps(json_of(series), ensure_ascii=False, indent=2))
    elif out is not None:
        from .. import charts

        if out.suffix.lower() not in (".svg", ".png"):
            raise BadInput(N_("--out must end in .svg or .png"))
        svg = svg_of(series, pixels)
        write_private(out, [charts.png(svg) if out.suffix.lower() == ".png" else svg])
        typer.echo("footprint: " + _("wrote {path}").format(path=out), err=True)
    else:
        typer.echo(draw(series, *size))


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
    image_size: Size = None,
) -> None:
    """Captures per day, active and passive, a score on a second axis, breaks and runs marked."""
    from .. import charts
    from ..services.charts import date_range, footprint_series
    from .score import known_metric

    svc = state.service(ctx)
    size, pixels = _size(width, height), _pixels(image_size)
    score = known_metric(svc, score) if score is not None else None
    points = (size[0] - 12) // 2 if out is None else pixels[0] // 9
    series = footprint_series(svc, *date_range(svc, start, end), score, points)
    _emit(ctx, series, charts.footprint_chart, charts.footprint_svg, size, out, as_json, pixels)


@app.command("touchpoints")
def touchpoints_chart(
    ctx: typer.Context,
    start: From = None,
    end: To = None,
    width: Width = None,
    height: Height = None,
    out: Out = None,
    as_json: AsJson = False,
    image_size: Size = None,
) -> None:
    """Which touchpoints, each day: a grid shaded by how many touches; as an image, each one's total."""
    from .. import charts
    from ..services.charts import date_range, touchpoint_series

    svc = state.service(ctx)
    size, pixels = _size(width, height), _pixels(image_size)
    series = touchpoint_series(svc, *date_range(svc, start, end), max_points=size[0] - 20)
    _emit(ctx, series, charts.touchpoints_chart, charts.touchpoints_svg, size, out, as_json, pixels)


@app.command("challenge")
def challenge_chart(
    ctx: typer.Context,
    run: Annotated[str | None, typer.Argument(help="Run number or name (default: the active or latest).")] = None,
    width: Width = None,
    height: Height = None,
    out: Out = None,
    as_json: AsJson = False,
    image_size: Size = None,
) -> None:
    """A run's verdict at a glance: captures during it beside the baseline."""
    from .. import charts
    from ..services.charts import challenge_series

    size, pixels = _size(width, height), _pixels(image_size)
    series = challenge_series(state.service(ctx), run)
    _emit(ctx, series, charts.challenge_chart, charts.challenge_svg, size, out, as_json, pixels)


@app.command("year")
def year_chart(
    ctx: typer.Context,
    year: Annotated[int | None, typer.Option("--year", help="A calendar year (default: the last 365 days).")] = None,
    width: Annotated[int | None, typer.Option("--width", help="Columns, 20 to 1000 (default: the terminal's).")] = None,
    out: Out = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print each day's cell and the streaks.")] = False,
) -> None:
    """A year heatmap: one square a day, closed days apart from days not logged, streaks, breaks and runs."""
    from .year import show_year

    show_year(ctx, year, width, out, as_json)
