"""``footprint export`` and ``footprint import``: the journal's own formats (more importers plug in)."""

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import NotFound
from ..i18n_legacy import t
from . import state


def export(
    ctx: typer.Context,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="json: everything, re-importable; csv: one row per entry; md: the entries by day, closed days marked.",
        ),
    ] = "json",
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write to this file (owner-only) instead of stdout.")
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
    typer.echo(t("exported", svc.settings.lang, path=out), err=True)


def import_(
    ctx: typer.Context,
    source: Annotated[str, typer.Argument(help="The format (see 'footprint import sources'), or 'detect'.")],
    path: Annotated[Path | None, typer.Argument(help="A file, a folder or the zip archive as downloaded.")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Read and report; write nothing.")] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Any bad record fails the import; nothing is written.")
    ] = False,
    since: Annotated[str | None, typer.Option("--since", help="Only touches from this day on.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Only touches up to this day.")] = None,
    columns: Annotated[
        str | None,
        typer.Option("--columns", help="For csv: which column is which, e.g. 'date=When,touchpoint=What,count=N'."),
    ] = None,
    touchpoint: Annotated[
        str | None, typer.Option("--touchpoint", help="For csv: one touchpoint for every row.")
    ] = None,
) -> None:
    """Import touches from an export you downloaded (importing the same file again adds nothing).

    'footprint import detect PATH' names the source it recognises; 'footprint import sources' lists them."""
    from ..importers import IMPORTERS
    from ..services import imports

    if source == "sources":
        for imp in IMPORTERS:
            typer.echo(f"  {imp.name:<16} {imp.description}")
        return
    if path is None:
        raise typer.BadParameter("give the file, folder or zip to import")
    svc = state.service(ctx)
    if source == "detect":
        found = imports.detect(path, svc)
        if found is None:
            raise NotFound(f"{path}: no importer recognises it; see 'footprint import sources'")
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
    lang = svc.settings.lang
    for kind, (count, places) in report.issues.items():
        typer.echo("footprint: " + t("imp.skipped", lang, n=count, kind=kind, where=", ".join(places)), err=True)
    typer.echo("\n".join(_summary(report, lang)))


def _summary(r: Any, lang: str) -> list[str]:
    span = t("imp.span", lang, first=r.first_day, last=r.last_day) if r.first_day else ""
    if r.dry_run:
        head = t("imp.dry", lang, n=r.read, span=span)
    else:
        head = t("imp.done", lang, source=r.source, n=r.read, span=span, added=r.added, updated=r.updated)
        head += (t("imp.nothing_new", lang) if not r.added and not r.updated else "") + "."
    lines = [head, *(f"  {tp:<20} {n}" for tp, n in r.per_touchpoint.items())]
    if r.outside:
        lines.append("  " + t("imp.outside", lang, n=r.outside))
    if r.profile:
        lines.append(f"  {t('imp.profile', lang)}{t('colon', lang)}" + ", ".join(r.profile))
    return lines


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
        task = bar.add_task(f"reading {path.name}", total=total)
        yield lambda n: bar.advance(task, n)


def _stderr_console():  # noqa: ANN202
    from rich.console import Console

    return Console(stderr=True)


COMMANDS = {"export": export, "import": import_}
