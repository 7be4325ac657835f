"""``footprint export`` and ``footprint import``: the journal's own formats (more importers plug in)."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..i18n import t
from . import state


def export(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Option("--format", "-f", help="json (re-importable), csv or md.")] = "json",
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write to this file (owner-only) instead of stdout.")
    ] = None,
) -> None:
    """Export the whole journal."""
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
    source: Annotated[str, typer.Argument(help="The format: footprint-json.")],
    path: Annotated[Path, typer.Argument(help="The file to read.")],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Read and report; write nothing.")] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Any bad record fails the import; nothing is written.")
    ] = False,
) -> None:
    """Import touches from a file; importing the same file again adds nothing."""
    svc = state.service(ctx)
    report = svc.import_file(source, path, dry_run=dry_run, strict=strict)
    lang = svc.settings.lang
    for kind, (count, places) in report.issues.items():
        typer.echo(f"footprint: skipped {count} × {kind} (first at {', '.join(places)})", err=True)
    if report.dry_run:
        typer.echo(t("dry_run", lang) + f" {report.read} entries read.")
    else:
        typer.echo(t("imported", lang, added=report.added, path=path, skipped=report.skipped))


COMMANDS = {"export": export, "import": import_}
