"""``footprint challenge …`` and ``footprint streak``: take challenges, follow them live, get verdicts."""

import json
from datetime import timedelta
from pathlib import Path
from typing import Annotated

import typer

from ..errors import BadInput
from ..i18n_legacy import t
from . import render, state

app = typer.Typer(help="Take a challenge (a day without Big Data…), follow it, get an honest verdict.")

RunArg = Annotated[str | None, typer.Argument(help="Run number or name (default: the active or latest run).")]


def _svc(ctx: typer.Context):  # noqa: ANN202
    from ..services import challenges

    return state.service(ctx), challenges


def _span(d: timedelta) -> str:
    """24h, 5h59, 7d, 2d 3h: how people say a length of time."""
    minutes = int(d.total_seconds() // 60)
    hours, mins = divmod(minutes, 60)
    if hours < 48:
        return f"{hours}h{mins:02d}" if mins else f"{hours}h"
    days, hours = divmod(hours, 24)
    return f"{days}d" + (f" {hours}h" if hours else "")


def _labels(svc, ids) -> str:  # noqa: ANN001
    lang = svc.settings.lang
    return ", ".join(tp.label.get(lang) if (tp := svc.catalog.get(i)) else i for i in ids) or t("ch.none", lang)


@app.command("list")
def list_challenges(ctx: typer.Context) -> None:
    """List the challenges you can take."""
    svc, ch = _svc(ctx)
    lang = svc.settings.lang
    for c in ch.all_challenges(svc):
        typer.echo(f"  {c.id:<28} {c.title.get(lang):<40} {_span(c.duration)}")


@app.command()
def show(ctx: typer.Context, challenge: Annotated[str, typer.Argument(help="A challenge id.")]) -> None:
    """A challenge's description, what it forbids, and hints."""
    svc, ch = _svc(ctx)
    lang = svc.settings.lang
    c = ch.get_challenge(svc, challenge)
    forbidden = [t("ch.all_kinds", lang, kind=t("kind." + k, lang)) for k in c.forbid_kinds]
    forbidden += [svc.catalog.get(i).label.get(lang) for i in c.forbid_touchpoints if svc.catalog.get(i)]
    start = f", {t('ch.starts_at', lang, time=c.starts_at.strftime('%H:%M'))}" if c.starts_at else ""
    lines = [
        c.title.get(lang),
        "",
        c.description.get(lang),
        "",
        f"{t('ch.duration', lang)}: {_span(c.duration)}{start}",
        f"{t('ch.forbidden', lang)}: {', '.join(forbidden)}",
    ]
    if c.allow:
        lines.append(f"{t('ch.allowed', lang)}: {_labels(svc, c.allow)}")
    if c.hints:
        lines.append(f"{t('ch.hints', lang)}:")
        lines += [f"  - {_labels(svc, [h.touchpoint])}: {h.text.get(lang)}" for h in c.hints]
    lines += ["", c.invite.get(lang), t("ch.take_it", lang, id=c.id)]
    typer.echo("\n".join(lines))


@app.command()
def start(
    ctx: typer.Context,
    challenge: Annotated[str, typer.Argument(help="A challenge id (see footprint challenge list).")],
    at: Annotated[
        str | None, typer.Option("--at", help="When it starts (default: today at its usual time, or now).")
    ] = None,
    pseudonym: Annotated[str | None, typer.Option("--as", help="A pseudonym for your public card.")] = None,
    name: Annotated[str | None, typer.Option("--name", help="Name the run to run several at once.")] = None,
) -> None:
    """Start a challenge run."""
    svc, ch = _svc(ctx)
    lang = svc.settings.lang
    run = ch.start(svc, challenge, at=at, pseudonym=pseudonym, name=name)
    rules = ch.rules_of(run)
    typer.echo(
        t(
            "ch.started",
            lang,
            title=rules.title.get(lang),
            id=run.id,
            start=render.when(run.start),
            end=render.when(run.planned_end),
        )
    )
    usual = ch.verdict_of(svc, run).usual
    if usual:
        typer.echo(t("ch.your_usual", lang, items=_labels(svc, usual)))
        for tp_id in usual:
            for h in rules.hints_for(tp_id):
                typer.echo(f"  - {_labels(svc, [tp_id])}: {h.text.get(lang)}")


@app.command()
def status(
    ctx: typer.Context,
    run: RunArg = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """The running challenge: time left, what you touched so far, what is still avoidable."""
    from ..exporters.records import verdict_record

    svc, ch = _svc(ctx)
    lang = svc.settings.lang
    live = ch.live_status(svc, run)
    if as_json:
        data = {
            "run": live.run.id,
            "name": live.run.name,
            "seconds_left": int(live.time_left.total_seconds()),
            "starts_in_seconds": int(live.starts_in.total_seconds()),
            "still_avoidable": list(live.still_avoidable),
            **verdict_record(live.verdict, svc.catalog, lang),
        }
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    r, v = live.run, live.verdict
    if live.starts_in:
        what = t("ch.state.upcoming", lang, left=_span(live.starts_in), start=render.when(r.start))
    elif r.status == "active":
        what = t("ch.state.running", lang, left=_span(live.time_left), end=render.when(r.planned_end))
    else:
        what = t(f"ch.state.{r.status}", lang)
    typer.echo(t("ch.status_line", lang, id=r.id, title=v.challenge.title.get(lang), state=what))
    typer.echo(_verdict_text(svc, v, live.still_avoidable if r.status == "active" else None))


def _verdict_text(svc, v, still_avoidable=None) -> str:  # noqa: ANN001
    from ..domain.verdict import headline

    lang = svc.settings.lang
    touched = [
        f"{_labels(svc, [x.touchpoint])} ×{x.count}"
        + (f" ({', '.join(t('reason.' + r, lang) for r in dict.fromkeys(x.reasons))})" if x.reasons else "")
        + (f" “{'; '.join(x.notes)}”" if x.notes else "")
        for x in v.touched
    ]
    unavoidable = [
        f"{_labels(svc, [u.touchpoint])} ({t('passive', lang) if u.why == 'passive' else t('reason.unavoidable', lang)})"
        for u in v.unavoidable
    ]
    lines = [headline(v, svc.catalog, lang, with_notes=True), ""]
    if still_avoidable is not None:
        lines.append(f"  {t('ch.still_avoidable', lang)}{t('colon', lang)}{_labels(svc, still_avoidable)}")
    else:
        lines.append(f"  {t('ch.removed', lang)}{t('colon', lang)}{_labels(svc, v.removed)}")
    lines.append(
        f"  {t('ch.violations' if still_avoidable is not None else 'ch.touched', lang)}{t('colon', lang)}"
        f"{', '.join(touched) or t('ch.none', lang)}"
    )
    lines.append(f"  {t('ch.unavoidable', lang)}{t('colon', lang)}{', '.join(unavoidable) or t('ch.none', lang)}")
    lines.append("  " + t("ch.captures", lang, run=render.n(v.run.total)))
    if v.baseline is None:
        lines.append("  " + t("ch.no_baseline", lang))
    else:
        lines.append("  " + t("ch.baseline", lang, days=v.baseline_days, baseline=render.n(v.baseline_scaled or 0)))
        if v.baseline_days < v.baseline_wanted:
            lines.append("  " + t("ch.baseline_partial", lang, days=v.baseline_days, wanted=v.baseline_wanted))
    return "\n".join(lines)


@app.command()
def end(
    ctx: typer.Context,
    run: RunArg = None,
    at: Annotated[str | None, typer.Option("--at", help="When it ended (default now).")] = None,
) -> None:
    """End the running challenge and show its verdict."""
    from ..domain.verdict import headline

    svc, ch = _svc(ctx)
    done = ch.end(svc, run, at=at)
    v = ch.verdict_of(svc, done)
    typer.echo(t("ch.ended", svc.settings.lang, id=done.id, headline=headline(v, svc.catalog, svc.settings.lang, True)))


@app.command()
def abandon(ctx: typer.Context, run: RunArg = None) -> None:
    """Give up the running challenge (its verdict stays, marked abandoned)."""
    from ..domain.verdict import headline

    svc, ch = _svc(ctx)
    done = ch.abandon(svc, run)
    v = ch.verdict_of(svc, done)
    typer.echo(
        t("ch.abandoned", svc.settings.lang, id=done.id, headline=headline(v, svc.catalog, svc.settings.lang, True))
    )


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
                    }
                    for r in all_runs
                ],
                indent=2,
            )
        )
        return
    if not all_runs:
        typer.echo(t("ch.no_runs", svc.settings.lang))
    for r in all_runs:
        name = f" [{r.name}]" if r.name else ""
        typer.echo(f"  #{r.id:<4} {r.challenge:<28} {render.when(r.start)} → {render.when(r.end)}  {r.status}{name}")


@app.command("verdict")
def show_verdict(
    ctx: typer.Context,
    run: RunArg = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """The verdict of a run: usual, removed, touched, unavoidable, captures against your baseline."""
    from ..exporters.records import verdict_record

    svc, ch = _svc(ctx)
    v = ch.verdict_of(svc, ch.find_run(svc, run))
    if as_json:
        typer.echo(json.dumps(verdict_record(v, svc.catalog, svc.settings.lang), ensure_ascii=False, indent=2))
    else:
        typer.echo(_verdict_text(svc, v))


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

    svc, ch = _svc(ctx)
    lang = svc.settings.lang
    r = ch.find_run(svc, run)
    if r.status == "active":
        raise typer.BadParameter(t("ch.still_running", lang, id=r.id))
    name = ch.check_pseudonym(pseudonym or r.pseudonym or "anonymous")
    text = card_json(card(r, ch.verdict_of(svc, r), name, lang, with_times))
    if out is None:
        typer.echo(text, nl=False)
    else:
        write_private(out, [text])
        typer.echo(t("ch.card_written", lang, id=r.id, path=out), err=True)


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
    from ..exporters import challenge_report
    from ..files import write_private
    from ..settings import resolve_lang

    svc, ch = _svc(ctx)
    language = resolve_lang(lang, {}) if lang else svc.settings.lang
    fmt = _report_format(fmt, out)
    v = ch.verdict_of(svc, ch.find_run(svc, run))
    chart_path = out.with_name(f"{out.stem}-chart.svg") if out is not None and fmt == "md" else None
    if fmt == "md":
        report = challenge_report.markdown(
            v, svc.catalog, language, chart_path.name if chart_path else None, with_notes, with_times
        )
    else:
        report = challenge_report.html_page(v, svc.catalog, language, with_notes, with_times)
    if out is None:
        typer.echo(report.text, nl=False)
        return
    write_private(out, [report.text])
    if chart_path is not None:
        write_private(chart_path, [report.chart_svg])
    typer.echo(t("ch.report_written", svc.settings.lang, path=out), err=True)


_REPORT_EXTENSIONS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}


def _report_format(fmt: str | None, out: Path | None) -> str:
    """``--format``, else what ``--out``'s extension says, else md. A format that contradicts the extension
    is refused (a file named post.md holding HTML would be published wrong), and so is an ``--out`` that is a
    folder or, for md, a name that is not UTF-8."""
    if out is None:
        fmt = fmt or "md"
    elif not out.name or out.is_dir():
        raise BadInput(f"--out {out} is a folder: give a file name")
    elif fmt is None:
        fmt = _REPORT_EXTENSIONS.get(out.suffix.lower(), "md")
    elif _REPORT_EXTENSIONS.get(out.suffix.lower(), fmt) != fmt:
        raise BadInput(f"--format {fmt} does not match --out {out.suffix}: give one or the other")
    if fmt not in ("md", "html"):
        raise BadInput(f"unknown report format {fmt!r}: use md or html")
    try:
        if out is not None and fmt == "md":
            out.name.encode("utf-8")  # the post links to NAME-chart.svg, in UTF-8 text
    except UnicodeEncodeError:
        raise BadInput("--out: a Markdown report's file name must be UTF-8 text (it links to its chart)") from None
    return fmt


def streak(
    ctx: typer.Context,
    target: Annotated[
        str, typer.Argument(help="A touchpoint (id or alias) or a kind: device, card, meter, service, social.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Days without a touchpoint or kind, counted over closed days only."""
    svc, ch = _svc(ctx)
    lang = svc.settings.lang
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
    if not s.closed_days:
        typer.echo(t("streak.none", lang))
        return
    span = f" ({s.longest_from} → {s.longest_to})" if s.longest else ""
    typer.echo(
        t("streak.line", lang, current=s.current, what=what, since=s.current_since or "—", longest=s.longest, span=span)
    )
    typer.echo(t("streak.detail", lang, closed=s.closed_days, with_=s.days_with, what=what))


COMMANDS = {"streak": streak}
