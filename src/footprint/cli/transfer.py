"""``footprint export`` and ``footprint import``: the journal's own formats (more importers plug in)."""

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from ..errors import BadInput, NotFound
from ..i18n import N_, _
from . import completion, state


def export(
    ctx: typer.Context,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help=N_(
                "json: everything, re-importable; csv: one row per entry; md: the entries by day, closed days marked."
            ),
        ),
    ] = "json",
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help=N_("Write to this file (owner-only) instead of stdout."))
    ] = None,
) -> None:
    """Export the journal, written as it is read (any size).

    json holds everything the journal holds: entries, closed days, profile, challenge runs, breaks and
    scores ('footprint import footprint-json' reads it back); the undo history is not data and stays out.
    csv and md hold the entries only (md marks the closed days)."""
    from ..exporters import exporter
    from ..files import write_private

    svc = state.service(ctx)
    chunks = exporter(fmt).export(svc.dump())
    if out is None:
        for chunk in chunks:
            sys.stdout.write(chunk)
        return
    write_private(out, chunks)
    typer.echo(_("Exported the journal to {path}").format(path=out), err=True)


def import_(
    ctx: typer.Context,
    source: Annotated[
        str,
        typer.Argument(
            help=N_("The format (see 'footprint import sources'), or 'detect'."),
            autocompletion=completion.import_sources,
        ),
    ],
    path: Annotated[Path | None, typer.Argument(help=N_("A file, a folder or the zip archive as downloaded."))] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=N_("Read and report; write nothing."))] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help=N_("Any bad record fails the import; nothing is written."))
    ] = False,
    since: Annotated[str | None, typer.Option("--since", help=N_("Only touches from this day on."))] = None,
    until: Annotated[str | None, typer.Option("--until", help=N_("Only touches up to this day."))] = None,
    columns: Annotated[
        str | None,
        typer.Option("--columns", help=N_("For csv: which column is which, e.g. 'date=When,touchpoint=What,count=N'.")),
    ] = None,
    touchpoint: Annotated[
        str | None, typer.Option("--touchpoint", help=N_("For csv: one touchpoint for every row."))
    ] = None,
) -> None:
    """Import touches from an export you downloaded (importing the same file again adds nothing).

    'footprint import detect PATH' names the source it recognises; 'footprint import sources' lists them."""
    from ..importers import IMPORTERS
    from ..services import imports

    from ..present import imports as present

    if source == "sources":
        typer.echo("\n".join(present.source_lines(IMPORTERS)))
        return
    if path is None:
        raise BadInput(N_("'footprint import {source}' needs the file, folder or zip to import"), source=source)
    svc = state.service(ctx)
    if source == "detect":
        found = imports.detect(path, svc)
        if found is None:
            raise NotFound(N_("{path}: no importer recognises it; see 'footprint import sources'"), path=path)
        typer.echo(found)
        return
    with _progress(path) as advance:
        report = imports.run(
            svc,
            source,
            path,
            dry_run=dry_run,
            strict=strict,
            since=since,
            until=until,
            progress=advance,
            columns=columns,
            touchpoint=touchpoint,
        )
    for line in present.skipped_lines(report):
        typer.echo(f"footprint: {line}", err=True)
    typer.echo("\n".join(present.summary_lines(report, svc.catalog)))


@contextmanager
def _progress(path: Path) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr for long imports; nothing when stderr is not a terminal."""
    if not sys.stderr.isatty():
        yield lambda n: None
        return
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

    total = path.stat().st_size if path.is_file() else None
    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
        transient=True,
        console=_stderr_console(),
    ) as bar:
        task = bar.add_task(_("reading {name}").format(name=path.name), total=total)
        yield lambda n: bar.advance(task, n)


def _stderr_console():  # noqa: ANN202
    from rich.console import Console

    return Console(stderr=True)


COMMANDS = {"export": export, "import": import_}
