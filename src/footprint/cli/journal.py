"""Journal commands: log, day, list, edit, rm, undo, close, reopen. Each parses, calls one service, renders."""

import json
import sys
from typing import Annotated

import typer

from ..present import day as words
from . import completion, render, state

REASON_HELP = "Why, during a challenge: unavoidable, chosen or forgot."


def log(
    ctx: typer.Context,
    touchpoints: Annotated[
        list[str],
        typer.Argument(
            help="Touchpoint ids or aliases (smartphone, cb, linky…).", autocompletion=completion.touchpoints
        ),
    ],
    at: Annotated[
        str | None, typer.Option("--at", help="When: now, 08:10, 'yesterday 18:00', 'hier 18h', -2d…")
    ] = None,
    count: Annotated[int, typer.Option("--count", "-n", help="How many times.")] = 1,
    minutes: Annotated[float | None, typer.Option("--minutes", "-m", help="How many minutes of use.")] = None,
    note: Annotated[str | None, typer.Option("--note", help="A private note (never in public outputs).")] = None,
    reason: Annotated[str | None, typer.Option("--reason", help=REASON_HELP)] = None,
) -> None:
    """Log a touch of one or more touchpoints."""
    svc = state.service(ctx)
    done = svc.log(touchpoints, at=at, count=count, minutes=minutes, note=note, reason=reason)
    typer.echo(words.logged(done, svc.catalog, svc.settings.now().date()))
    if done.closed:
        typer.echo(words.closed_notice(done))


def show_day(ctx: typer.Context, when: str | None, as_json: bool) -> None:
    from ..exporters.records import day_record, entry_record, footprint_record

    svc = state.service(ctx)
    view = svc.day(when)
    if as_json:
        record = {
            **day_record(view.status),
            "logged": view.logged,
            "entries": [entry_record(e) for e in view.entries],
            "profile": [p.touchpoint for p in view.profile],
            "footprint": footprint_record(view.footprint),
        }
        typer.echo(json.dumps(record, ensure_ascii=False, indent=2))
    else:
        typer.echo("\n".join(words.day_lines(view, svc.catalog)))


def day(
    ctx: typer.Context,
    when: Annotated[
        str | None, typer.Argument(help="The day (default today): 2026-11-20, yesterday, hier, -2d…")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Show a day's touches and its footprint."""
    show_day(ctx, when, as_json)


def list_entries(
    ctx: typer.Context,
    start: Annotated[str | None, typer.Option("--from", help="First day (inclusive).")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Last day (inclusive).")] = None,
    touchpoint: Annotated[
        str | None,
        typer.Option("--touchpoint", "-t", help="Only this touchpoint.", autocompletion=completion.touchpoints),
    ] = None,
    kind: Annotated[
        str | None, typer.Option("--kind", help="Only this kind: device, card, meter, service or social.")
    ] = None,
    reason: Annotated[str | None, typer.Option("--reason", help="Only this reason: unavoidable, chosen or forgot.")] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="Only what came from: manual, or an import source (bank…).")
    ] = None,
    search: Annotated[str | None, typer.Option("--search", help="Only entries whose note holds this text.")] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="At most this many entries.")] = None,
    reverse: Annotated[bool, typer.Option("--reverse", "-r", help="Newest first.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="A JSON array.")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV with a header row.")] = False,
) -> None:
    """List entries, oldest first."""
    from ..services import ListFilter

    svc = state.service(ctx)
    which = ListFilter(kind, reason, source, search, reverse, limit)
    entries = svc.entries(start, end, touchpoint, which if which != ListFilter() else None)
    if as_json and as_csv:
        raise typer.BadParameter("choose --json or --csv, not both")
    # Streamed as the journal is read, so memory stays flat whatever the journal's size.
    if as_csv:
        from ..exporters.journal_csv import csv_rows

        chunks = csv_rows(entries)
    elif as_json:
        chunks = render.batched(render.json_array(render.json_items(entries)))
    else:
        chunks = render.batched(words.entry_lines(entries, svc.catalog))
    render.write_all(chunks, sys.stdout)


def edit(
    ctx: typer.Context,
    entry_id: Annotated[int, typer.Argument(help="The entry number (see footprint list).")],
    at: Annotated[str | None, typer.Option("--at", help="New time.")] = None,
    touchpoint: Annotated[
        str | None, typer.Option("--touchpoint", "-t", help="New touchpoint.", autocompletion=completion.touchpoints)
    ] = None,
    count: Annotated[int | None, typer.Option("--count", "-n", help="New count.")] = None,
    minutes: Annotated[float | None, typer.Option("--minutes", "-m", help="New minutes.")] = None,
    note: Annotated[str | None, typer.Option("--note", help="New note ('' clears it).")] = None,
    reason: Annotated[str | None, typer.Option("--reason", help=REASON_HELP + " ('' clears it).")] = None,
) -> None:
    """Change an entry."""
    svc = state.service(ctx)
    before = svc.entry(entry_id)
    e = svc.edit(entry_id, at=at, touchpoint=touchpoint, count=count, minutes=minutes, note=note, reason=reason)
    typer.echo(words.edited(e, svc.catalog, changed=e != before))


def rm(
    ctx: typer.Context,
    entry_ids: Annotated[list[int], typer.Argument(help="Entry numbers to remove.")],
) -> None:
    """Remove entries (footprint undo brings them back)."""
    svc = state.service(ctx)
    gone = svc.remove(entry_ids)
    typer.echo(words.removed(gone, svc.catalog))


def undo(ctx: typer.Context) -> None:
    """Undo the last change (log, edit, rm, close, reopen, profile, import)."""
    svc = state.service(ctx)
    typer.echo(words.undone(svc.undo()))


def close(
    ctx: typer.Context,
    when: Annotated[str | None, typer.Argument(help="The day (default today).")] = None,
) -> None:
    """Mark a day as fully logged: an empty closed day is a real zero."""
    svc = state.service(ctx)
    done = svc.set_closed(when, True)
    typer.echo(words.closing(done.day, True, done.changed))


def reopen(
    ctx: typer.Context,
    when: Annotated[str | None, typer.Argument(help="The day (default today).")] = None,
) -> None:
    """Mark a closed day as not fully logged again."""
    svc = state.service(ctx)
    done = svc.set_closed(when, False)
    typer.echo(words.closing(done.day, False, done.changed))


COMMANDS = {
    "log": log,
    "day": day,
    "list": list_entries,
    "edit": edit,
    "rm": rm,
    "undo": undo,
    "close": close,
    "reopen": reopen,
}
