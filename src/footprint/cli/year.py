"""``footprint chart year``: the year heatmap in the terminal, as an image (``--out FILE.svg|.png``) or as
its cells and streaks (``--json``). The command itself is declared with the other charts in ``chart.py``."""

import json
import os
import sys
from pathlib import Path

import typer

from ..errors import BadInput
from ..i18n import N_, _
from . import state

WIDTH = (20, 1000)  # below, not one month fits beside the weekday initials


def _width(width: int | None) -> int | None:
    """The columns to fit: the one given, the terminal's, or none (all of it) when the output is not a terminal."""
    if width is not None:
        if not WIDTH[0] <= width <= WIDTH[1]:
            raise BadInput(N_("--width is {min} to {max} columns, not {width}"), min=WIDTH[0], max=WIDTH[1], width=width)
        return width
    if not sys.stdout.isatty():
        return None
    import shutil

    return shutil.get_terminal_size((100, 24)).columns


def _print(text) -> None:  # noqa: ANN001 - a rich Text
    """With colours in a terminal that wants them (NO_COLOR unset); plain text otherwise, piped or redirected."""
    if sys.stdout.isatty() and not os.environ.get("NO_COLOR"):
        from rich.console import Console

        Console(highlight=False, soft_wrap=True).print(text)
    else:
        typer.echo(text.plain)


def _write(hm, out: Path) -> None:  # noqa: ANN001 - a Heatmap
    from ..files import write_private
    from ..heatmap_svg import heatmap_svg

    suffix = out.suffix.lower()
    if suffix not in (".svg", ".png"):
        raise BadInput(N_("--out must end in .svg or .png"))
    if suffix == ".png":
        from ..charts import png

        data: str | bytes = png(heatmap_svg(hm))  # charts.png draws twice the pixels, for HiDPI screens
    else:
        data = heatmap_svg(hm)
    write_private(out, [data])
    typer.echo("footprint: " + _("wrote {path}").format(path=out), err=True)


def show_year(ctx: typer.Context, year: int | None, width: int | None, out: Path | None, as_json: bool) -> None:
    from ..services.heatmap import as_json as heatmap_json
    from ..services.heatmap import year_heatmap

    columns = _width(width)
    hm = year_heatmap(state.service(ctx), year)
    if as_json:
        typer.echo(json.dumps(heatmap_json(hm), ensure_ascii=False, indent=2))
    elif out is not None:
        _write(hm, out)
    else:
        from ..heatmap import render

        _print(render(hm, columns))
