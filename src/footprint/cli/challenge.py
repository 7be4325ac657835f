"""``footprint challenge …`` and ``footprint streak``: take challenges, follow them live, get verdicts."""

import json
from pathlib import Path
from typing import Annotated

import typer

from ..errors import BadInput
from . import completion, state

app = typer.Typer(help="Take a challenge (a day without Big Data…), follow it, get an honest verdict.")

RunArg = Annotated[str | None, typer.Argument(help="Run number or name (default: the active or latest run).")]


def _svc(ctx: typer.Context):  # noqa: ANN202
    from ..services import challenges

    return state.service(ctx), challenges


def _say(lines) -> None:  # noqa: ANN001
    typer.echo("\n".join(line if isinstance(line, str) else line.text for line in lines))


@app.command("list")
def list_challenges(ctx: typer.Context) -> None:
    """List the challenges you can take."""
    from ..present.challenge import list_line

    svc, ch = _svc(ctx)
    _say(list_line(c) for c in ch.all_challenges(svc))


@app.command()
def show(
    ctx: typer.Context,
    challenge: Annotated[str, typer.Argument(help="A challenge id.", autocompletion=completion.challenges)],
) -> None:
    """A challenge's description, what it forbids, and hints."""
    from ..present.challenge import detail

    svc, ch = _svc(ctx)
    _say(detail(ch.get_challenge(svc, challenge), svc.catalog))


@app.command()
def start(
    ctx: typer.Context,
    challenge: Annotated[
        str, typer.Argument(help="A challenge id (see footprint challenge list).", autocompletion=completion.challenges)
    ],
    at: Annotated[
        str | None,
        typer.Option(
            "--at",
            help="When it starts: now (the default); a day alone (today, 2026-11-21, lundi): that day at the "
            "challenge's usual start (today's, once passed: now); a day and a time: exactly then.",
        ),
    ] = None,
    pseudonym: Annotated[str | None, typer.Option("--as", help="A pseudonym for your public card.")] = None,
    name: Annotated[str | None, typer.Option("--name", help="Name the run to run several at once.")] = None,
) -> None:
    """Start a challenge run: now, on a day at its usual start, or at a date and time (a future one plans it)."""
    from ..present.challenge import started

    svc, ch = _svc(ctx)
    run, begun = ch.start(svc, challenge, at=at, pseudonym=pseudonym, name=name)
    usual = ch.verdict_of(svc, run).usual
    _say(started(run, begun, ch.rules_of(run), svc.catalog, usual, svc.settings.now()))


@app.command()
def status(
    ctx: typer.Context,
    run: RunArg = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """The running challenge: time left, what you touched so far, what is still avoidable."""
    from ..exporters.records import verdict_record
    from ..present import challenge as words

    svc, ch = _svc(ctx)
    live = ch.live_status(svc, run)
    if as_json:
        data = {
            "run": live.run.id,
            "name": live.run.name,
            "seconds_left": int(live.time_left.total_seconds()),
            "starts_in_seconds": int(live.starts_in.total_seconds()),
            "still_avoidable": list(live.still_avoidable),
            **verdict_record(live.verdict, svc.catalog, svc.settings.lang),
        }
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    r, v = live.run, live.verdict
    typer.echo(words.status_line(r, v.challenge, words.state(r, live.starts_in, live.time_left)))
    _say(words.verdict_lines(v, svc.catalog, running=r.status == "active"))


@app.command()
def end(
    ctx: typer.Context,
    run: RunArg = None,
    at: Annotated[str | None, typer.Option("--at", help="When it ended (default now).")] = None,
) -> None:
    """End the running challenge and show its verdict (a run that has not begun is cancelled with abandon)."""
    from ..present.challenge import ended

    svc, ch = _svc(ctx)
    done = ch.end(svc, run, at=at)
    typer.echo(ended(done, ch.verdict_of(svc, done), svc.catalog))


@app.command()
def abandon(ctx: typer.Context, run: RunArg = None) -> None:
    """Give up the running challenge (its verdict stays, marked abandoned); cancel one that has not begun."""
    from ..present.challenge import cancelled, ended

    svc, ch = _svc(ctx)
    done = ch.abandon(svc, run)
    if done.status == "cancelled":
        typer.echo(cancelled(done, ch.rules_of(done).title.get(svc.settings.lang)))
    else:
        typer.echo(ended(done, ch.verdict_of(svc, done), svc.catalog))


@app.command("runs")
def list_runs(ctx: typer.Context, as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Every challenge run, oldest first."""
    svc, ch = _svc(ctx)
    all_runs = ch.runs(svc)
    if as_json:
        typer.echo(
            json.dumps(
                [
                    {
                        "id": r.id,
                        "challenge": r.challenge,
                        "name": r.name,
                        "status": r.status,
                        "start": r.start.isoformat(),
                        "end": r.end.isoformat(),
                        "planned_end": r.planned_end.isoformat(),
                        "ended_early": r.status == "finished" and r.end < r.planned_end,
                    }
                    for r in all_runs
                ],
                indent=2,
            )
        )
        return
    from ..i18n import _
    from ..present.challenge import run_line

    if not all_runs:
        typer.echo(_("No runs yet: footprint challenge list"))
    for r in all_runs:
        typer.echo(run_line(r, ch.rules_of(r).title.get(svc.settings.lang), svc.settings.now()))


@app.command("verdict")
def show_verdict(
    ctx: typer.Context,
    run: RunArg = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """The verdict of a run: usual, removed, touched, unavoidable, captures against your baseline."""
    from ..exporters.records import verdict_record
    from ..present.challenge import verdict_lines

    svc, ch = _svc(ctx)
    v = ch.verdict_of(svc, ch.find_run(svc, run))
    if as_json:
        typer.echo(json.dumps(verdict_record(v, svc.catalog, svc.settings.lang), ensure_ascii=False, indent=2))
    else:
        _say(verdict_lines(v, svc.catalog))


@app.command("card")
def write_card(
    ctx: typer.Context,
    run: RunArg = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="The card file (default: stdout).")] = None,
    pseudonym: Annotated[
        str | None, typer.Option("--as", help="Pseudonym on the card (default: the run's, or 'anonymous').")
    ] = None,
    with_times: Annotated[bool, typer.Option("--with-times", help="Include the exact start and end times.")] = False,
) -> None:
    """Export a run as a pseudonymous challenge card for a workshop group (no notes, no exact times)."""
    from ..exporters.challenge_card import card, card_json
    from ..files import write_private

    from ..i18n import N_

    svc, ch = _svc(ctx)
    lang = svc.settings.lang
    r = ch.find_run(svc, run)
    if r.status == "active":
        raise BadInput(N_("run #{id} is still going: end it first (footprint challenge end)"), id=r.id)
    name = ch.check_pseudonym(pseudonym or r.pseudonym or "anonymous")
    text = card_json(card(r, ch.verdict_of(svc, r), name, lang, with_times))
    if out is None:
        typer.echo(text, nl=False)
    else:
        from ..i18n import _

        write_private(out, [text])
        typer.echo(_("Wrote the card of run #{id} to {path}").format(id=r.id, path=out), err=True)


@app.command("report")
def write_report(
    ctx: typer.Context,
    run: RunArg = None,
    fmt: Annotated[
        str | None, typer.Option("--format", "-f", help="md or html (default: from --out's extension, else md).")
    ] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="en or fr (default: the interface's).")] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write here (md: the chart goes beside it).")] = None,
    with_notes: Annotated[bool, typer.Option("--with-notes", help="Include your notes (left out by default).")] = False,
    with_times: Annotated[
        bool, typer.Option("--with-times", help="Include exact times (dates only by default).")
    ] = False,
) -> None:
    """Write the story of a run as a blog post: headline, what went, what stayed and why, a chart."""
    from ..i18n import _
    from ..services.reports import challenge_report, report_format
    from ..settings import resolve_lang

    svc, ch = _svc(ctx)
    language = resolve_lang(lang, {}) if lang else svc.settings.lang
    report_format(fmt, out)  # a bad --format or --out is said before any run is looked for
    text = challenge_report(svc, ch.find_run(svc, run), out, fmt, language, with_notes, with_times)
    if out is None:
        typer.echo(text, nl=False)
    else:
        typer.echo(_("Wrote the report to {path}").format(path=out), err=True)


def streak(
    ctx: typer.Context,
    target: Annotated[
        str, typer.Argument(help="A touchpoint (id or alias) or a kind: device, card, meter, service, social.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Days without a touchpoint or kind, counted over closed days only."""
    from ..present.challenge import streak_lines

    svc, ch = _svc(ctx)
    what, s = ch.streak(svc, target)
    if as_json:
        typer.echo(
            json.dumps(
                {
                    "target": what,
                    **{k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in s._asdict().items()},
                },
                indent=2,
            )
        )
        return
    _say(streak_lines(what, s, svc.catalog))


COMMANDS = {"streak": streak}
