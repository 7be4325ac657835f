"""``footprint request``: access requests (GDPR art. 15): write the letter, follow its deadline, import
the answer."""

import json
from pathlib import Path
from typing import Annotated

import typer

from ..i18n import N_, _
from . import state

app = typer.Typer(help=N_("Access requests (GDPR art. 15): letters, deadlines and answers."))


@app.command()
def new(
    ctx: typer.Context,
    collector: Annotated[str, typer.Argument(help=N_("Who to write to: a collector id, such as google or bank."))],
    lang: Annotated[str | None, typer.Option("--lang", help=N_("The letter's language: fr or en."))] = None,
    out: Annotated[Path | None, typer.Option("--out", help=N_("Write the letter here (.html for HTML)."))] = None,
    fmt: Annotated[str | None, typer.Option("--format", help=N_("text or html (default: from --out)."))] = None,
    channel: Annotated[str | None, typer.Option("--channel", help=N_("post, email or form."))] = None,
    sent: Annotated[str | None, typer.Option("--sent", help=N_("The day you send it (default: today)."))] = None,
    draft: Annotated[bool, typer.Option("--draft", help=N_("Write the letter only; record nothing."))] = False,
) -> None:
    """Write a ready-to-send access request to a collector's controller, and record it."""
    from ..present import collectors as present
    from ..services import requests
    from ..settings import resolve_lang

    svc = state.service(ctx)
    letter_lang = resolve_lang(lang, {}) if lang else svc.settings.lang
    done = requests.new(svc, collector, letter_lang, channel, sent, out, fmt, draft)
    notes = [_("Note: {note}").format(note=n.render()) for n in done.letter.notes]
    if out is None:
        typer.echo(done.letter.text, nl=False)
        for line in notes:
            typer.echo(f"footprint: {line}", err=True)
    else:
        typer.echo(_("Wrote the letter to {path}.").format(path=out))
        for line in notes:
            typer.echo(line)
    if done.request is not None:
        typer.echo(present.recorded_line(done.request, done.collector), err=out is None)


@app.command("list")
def list_requests(
    ctx: typer.Context, as_json: Annotated[bool, typer.Option("--json", help=N_("Print JSON."))] = False
) -> None:
    """Access requests: open, due soon (7 days or less), overdue, answered, with their due days."""
    from ..present import collectors as present
    from ..services import requests

    rows = requests.listing(state.service(ctx))
    if as_json:
        records = [present.request_record(row.request, row.status) for row in rows]
        typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    typer.echo("\n".join(present.list_lines(rows)))


@app.command()
def extended(
    ctx: typer.Context, request_id: Annotated[int, typer.Argument(help=N_("The request's number."))]
) -> None:
    """The controller extended the deadline by two months (GDPR art. 12(3))."""
    from ..l10n import medium_date
    from ..services import requests

    r = requests.extend(state.service(ctx), request_id)
    typer.echo(_("Request #{id} is now due {day}.").format(id=r.id, day=medium_date(r.due)))


@app.command()
def answered(
    ctx: typer.Context,
    request_id: Annotated[int, typer.Argument(help=N_("The request's number."))],
    file: Annotated[Path | None, typer.Option("--file", help=N_("The export that came with the answer."))] = None,
    importer: Annotated[
        str | None, typer.Option("--importer", help=N_("The import source (default: the collector's export's)."))
    ] = None,
    on: Annotated[str | None, typer.Option("--on", help=N_("The day the answer came (default: today)."))] = None,
) -> None:
    """The controller answered: import its export (if given) and close the request."""
    from ..l10n import medium_date
    from ..present import collectors as present
    from ..present.imports import summary_lines
    from ..services import requests

    svc = state.service(ctx)
    r, report = requests.answer(svc, request_id, file, importer, on)
    if report is not None:
        typer.echo("\n".join(summary_lines(report, svc.catalog)))
    typer.echo(_("Request #{id} answered {day}.").format(id=r.id, day=medium_date(r.answered)))
    if r.import_source:
        typer.echo("  " + present.imported_line(r))
