"""``footprint group summarize``: a workshop facilitator merges the participants' challenge cards."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..domain.group import MIN_GROUP
from ..errors import FootprintError
from . import state

app = typer.Typer(help="Merge the challenge cards of a group (a workshop) into one summary.")

PRESENT_HELP = "With --format html: a presentation to project, one finding per screen (arrow keys move)."
OUT_HELP = "Write to this file (owner-only) instead of stdout; md and html get their chart beside it (NAME-chart.svg)."


@app.command()
def summarize(
    ctx: typer.Context,
    cards: Annotated[
        list[Path],
        typer.Argument(help="Challenge cards (JSON) or folders of them, and typed-in sheets (.csv, .xlsx, .ods)."),
    ],
    fmt: Annotated[str, typer.Option("--format", "-f", help="md, html, csv or json.")] = "md",
    lang: Annotated[str | None, typer.Option("--lang", help="en or fr (default: footprint's language).")] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help=OUT_HELP)] = None,
    min_group: Annotated[
        int, typer.Option("--min-group", help="Below this many participants, show totals only.")
    ] = MIN_GROUP,
    per_challenge: Annotated[
        bool, typer.Option("--per-challenge", help="Cards of several challenges: one section each.")
    ] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Any bad or duplicate card fails; nothing is produced.")
    ] = False,
    present: Annotated[bool, typer.Option("--present", help=PRESENT_HELP)] = False,
) -> None:
    """Merge challenge cards into one summary: md, html, csv or json.

    Participants and completion, how many removed, touched or could not avoid each touchpoint, and captures
    against a usual day. Pseudonyms never appear; a small group shows totals only."""
    import os

    from ..files import write_private
    from ..i18n import _, ngettext
    from ..services.groups import group_names, sheet_context, summarize_files
    from ..settings import resolve_lang

    language = resolve_lang(lang, os.environ) if lang else state.lang(ctx)
    skipped: list[str] = []  # said once the summary is made: a failure is one line, not a list and a line
    try:
        result = summarize_files(
            cards,
            fmt,
            language,
            min_group,
            per_challenge,
            strict,
            chart_stem=out.stem if out is not None else None,
            on_skip=skipped.append,
            names=group_names(state.service(ctx)),
            sheets=lambda: sheet_context(state.service(ctx)),
            present=present,
        )
    except FootprintError as exc:
        if not skipped:
            raise
        from ..i18n import N_, nsay

        more = len(skipped) - 1
        if more:
            said = nsay(
                "{message} ({first}, and {n} more skipped)",
                "{message} ({first}, and {n} more skipped)",
                more,
                message=exc.message,
                first=skipped[0],
            )
            raise type(exc)(said) from None
        raise type(exc)(N_("{message} ({first})"), message=exc.message, first=skipped[0]) from None
    for line in skipped:
        typer.echo(f"footprint: {line}", err=True)
    if out is None:
        sys.stdout.write(result.text)
        return
    write_private(out, [result.text])
    for name, svg in result.charts:
        write_private(out.with_name(name), [svg])
    done = ngettext("Wrote the summary of {n} card to {path}", "Wrote the summary of {n} cards to {path}", result.cards)
    done = done.format(n=result.cards, path=out)
    if result.charts:
        charts = ", ".join(str(out.with_name(name)) for name, _svg in result.charts)
        done = _("{done}; chart: {names}").format(done=done, names=charts)
    typer.echo(done, err=True)


def _language(ctx: typer.Context, lang: str | None) -> str:
    import os

    from ..settings import resolve_lang

    return resolve_lang(lang, os.environ) if lang else state.lang(ctx)


@app.command()
def sheet(
    ctx: typer.Context,
    challenge: Annotated[str, typer.Argument(help="The challenge's id (see 'footprint challenge list').")],
    lang: Annotated[str | None, typer.Option("--lang", help="en or fr (default: footprint's language).")] = None,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="The file to write (default: sheet-CHALLENGE-LANG.html).")
    ] = None,
) -> None:
    """Write the printable worksheet of a challenge: one A4 page of HTML, for participants without footprint.

    Print it from a browser (or save it as PDF from the print dialog): the challenge, a pseudonym box and
    the usual touchpoints with three boxes each (did not use, used, could not avoid)."""
    from ..files import write_private
    from ..i18n import _
    from ..services.worksheets import worksheet

    language = _language(ctx, lang)
    paper = worksheet(state.service(ctx), challenge, language)
    path = out or Path(f"sheet-{paper.challenge.id}-{language}.html")
    write_private(path, [paper.text])
    done = _("Wrote the worksheet of {challenge} to {path}")
    typer.echo(done.format(challenge=paper.challenge.title, path=path), err=True)


@app.command()
def template(
    ctx: typer.Context,
    challenge: Annotated[str, typer.Argument(help="The challenge's id (see 'footprint challenge list').")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="Only csv for now.")] = "csv",
    lang: Annotated[str | None, typer.Option("--lang", help="en or fr (default: footprint's language).")] = None,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="The file to write (default: sheets-CHALLENGE-LANG.csv).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace the file if it exists.")] = False,
) -> None:
    """Write the spreadsheet to type the worksheets into: one row per participant, for 'group summarize'.

    It never replaces an existing file unless --force: that file may hold the sheets already typed in."""
    from ..errors import BadInput
    from ..files import write_private
    from ..i18n import N_, _
    from ..services.worksheets import template as make_template

    language = _language(ctx, lang)
    paper = make_template(state.service(ctx), challenge, fmt, language)
    path = out or Path(f"sheets-{paper.challenge.id}-{language}.{fmt}")
    if path.exists() and not force:
        raise BadInput(N_("{path} already exists: it may hold typed-in sheets; pass --force to replace it"), path=path)
    write_private(path, [paper.text])
    done = _("Wrote the template of {challenge} to {path}")
    typer.echo(done.format(challenge=paper.challenge.title, path=path), err=True)
