"""``footprint challenge report``: the story of a run, ready to paste into a blog post (Markdown or HTML).

It reads like the post the challenge comes from, in the first person: the headline ("3 of 5 removed…"),
when I took it, what I dropped, what stayed and why, captures against my own baseline, a chart; then, for
the reader, the challenge's hints ("If you try it") and an invitation to the next person, crediting the
post. The person's notes and exact times stay out unless asked for; every user string is escaped, in HTML
and in Markdown (where raw HTML, links and images would otherwise pass through).
"""

from __future__ import annotations

import base64
import html
from datetime import timedelta
from typing import Any, NamedTuple

from .. import l10n
from ..domain.catalog import Catalog
from ..domain.verdict import Verdict
from ..i18n import _, current, ngettext, pgettext, speaking
from ..present.challenge import credit, headline, label
from . import markdown_text as md


class Report(NamedTuple):
    text: str
    chart_svg: str


def _num(x: float | None) -> str:
    return "—" if x is None else l10n.number(x)


def _rows() -> list[str]:
    return [pgettext("captures", "active"), pgettext("captures", "passive"), pgettext("captures", "total")]


def _scaled(v: Verdict) -> list[float | None]:
    """The baseline's rows: a usual day's captures over the run's hours (nothing to scale: see the verdict)."""
    b = v.baseline
    return [None, None, None] if b is None else [b.active, b.passive, b.total]


def _chart(v: Verdict) -> str:
    from ..svg import bar_chart

    series: list[tuple[str, list[float | None]]] = [(_("during the run"), [v.run.active, v.run.passive, v.run.total])]
    if v.baseline is not None:
        series.append((_("my baseline"), _scaled(v)))
    return bar_chart(_("Captures during the run and before it (estimates)"), _rows(), series)


def _when(v: Verdict, with_times: bool) -> str:
    """ "I took it on Friday 20 November 2026." — the days the run covered, in a sentence."""
    first = v.window.start.date()
    last = (v.window.end - timedelta(microseconds=1)).date() if v.window.end > v.window.start else first
    if with_times:
        start, end = l10n.clock(v.window.start), l10n.clock(v.window.end)
        if first == last:
            said = _("I took it on {day}, from {start} to {end}.").format(
                day=l10n.long_date(first), start=start, end=end
            )
        else:
            said = _("I took it from {first} at {start} to {last} at {end}.").format(
                first=l10n.long_date(first), start=start, last=l10n.long_date(v.window.end.date()), end=end
            )
    elif first == last:
        said = _("I took it on {day}.").format(day=l10n.long_date(first))
    else:
        said = _("I took it from {first} to {last}.").format(first=l10n.long_date(first), last=l10n.long_date(last))
    lasted, planned = l10n.duration(v.window.wall()), l10n.duration(v.planned)
    if v.status == "abandoned":
        said += " " + _("I gave up before the end, after {lasted} of the planned {planned}.").format(
            lasted=lasted, planned=planned
        )
    elif v.ended_early:
        said += " " + _("I ended it early, after {lasted} of the planned {planned}.").format(
            lasted=lasted, planned=planned
        )
    elif v.status == "planned":
        said += " " + _("It has not begun yet: there is no verdict to tell.")
    elif v.status == "running":
        said += " " + _("It is still going: this is my verdict so far.")
    return said


def _stayed(v: Verdict, catalog: Catalog, with_notes: bool) -> list[str]:
    why_of = {
        "unavoidable": pgettext("my reason", "I could not avoid it"),
        "chosen": pgettext("my reason", "by choice"),
        "forgot": pgettext("my reason", "I forgot"),
    }
    stayed = []
    for u in v.unavoidable:
        why = pgettext("my reason", "passive capture, whatever I do") if u.why == "passive" else why_of["unavoidable"]
        if with_notes and u.notes:
            why += f" ({', '.join(dict.fromkeys(u.notes))})"
        stayed.append(pgettext("label", "{label}: {text}").format(label=label(catalog, u.touchpoint), text=why))
    unavoidable = {u.touchpoint for u in v.unavoidable}
    for x in v.touched:
        if x.touchpoint in unavoidable:
            continue
        parts = [ngettext("{n} touch", "{n} touches", x.count).format(n=x.count)]
        parts += [why_of.get(r, r) for r in dict.fromkeys(x.reasons)]
        text = ", ".join(parts) + (f" ({', '.join(dict.fromkeys(x.notes))})" if with_notes and x.notes else "")
        stayed.append(pgettext("label", "{label}: {text}").format(label=label(catalog, x.touchpoint), text=text))
    return stayed


def _baseline_notes(v: Verdict) -> list[str]:
    """What my baseline is (the same hours of closed days before the run), or why there is none."""
    c = v.comparison
    if c.why_not == "not-started":
        return [_("No comparison yet: the run has not begun.")]
    if c.why_not == "open-days":
        return [_("No comparison: some days of the run are not closed, so they may be logged only in part.")]
    if v.baseline is None:
        return [_("No baseline: I had not closed any day before the run.")]
    days = v.baseline_days
    note = ngettext(
        "My baseline: the same hours on the closed day before the run.",
        "My baseline: the same hours on the {n} closed days before the run, averaged.",
        days,
    ).format(n=days)
    if v.change is not None:
        note += " " + _("The run against it: {change}.").format(change=l10n.signed_percent(v.change))
    notes = [note]
    if days < v.baseline_wanted:
        notes.append(
            ngettext(
                "Only {n} of the {wanted} days I wanted was closed.",
                "Only {n} of the {wanted} days I wanted were closed.",
                days,
            ).format(n=days, wanted=v.baseline_wanted)
        )
    if c.so_far:
        notes.append(_("Today is not closed yet: this compares what I had logged so far."))
    return notes


def _usual(v: Verdict) -> str:
    if not v.usual:
        return _("This challenge forbids none of my usual connected objects and services.")
    n = len(v.usual)
    return ngettext(
        "This challenge forbids {n} of my usual connected objects and services.",
        "This challenge forbids {n} of my usual connected objects and services.",
        n,
    ).format(n=n)


def _story(v: Verdict, catalog: Catalog, with_notes: bool, with_times: bool) -> dict[str, Any]:
    """The report's content, as plain strings in the current language, shared by both formats."""
    c = v.challenge
    lang = current()
    hints = [
        pgettext("label", "{label}: {text}").format(label=label(catalog, h.touchpoint), text=h.text.get(lang))
        for h in c.hints
    ]
    return {
        "title": _("{title}: my verdict").format(title=c.title.get(lang)),
        "headline": headline(v, catalog, with_notes=with_notes),
        "when": _when(v, with_times),
        "usual": _usual(v),
        "dropped": [label(catalog, tp) for tp in v.removed],
        "stayed": _stayed(v, catalog, with_notes),
        "rows": list(zip(_rows(), [v.run.active, v.run.passive, v.run.total], _scaled(v), strict=True)),
        "baseline_notes": _baseline_notes(v),
        "hints": hints,
        "invite": c.invite.get(lang),
        "credit": credit(c),
        "command": f"footprint challenge start {c.id}",
    }


def _words() -> dict[str, str]:
    """The report's own headings and fixed sentences."""
    return {
        "dropped": _("What I dropped"),
        "dropped_none": _("Nothing: every one of them stayed."),
        "stayed": _("What stayed, and why"),
        "stayed_none": _("Nothing stayed."),
        "captures": _("Captures against my baseline"),
        "during": _("during the run"),
        "baseline": _("my baseline"),
        "chart": _("Captures during the run and before it (estimates)"),
        "estimate": _(
            "All figures are estimates: touches logged in footprint times the documented capture estimates of "
            "its catalog."
        ),
        "try": _("If you try it"),
        "turn": _("Your turn"),
        "take": _("Take the same challenge with footprint:"),
    }


def markdown(
    v: Verdict,
    catalog: Catalog,
    lang: str,
    chart_ref: str | None = None,
    with_notes: bool = False,
    with_times: bool = False,
) -> Report:
    """The report in Markdown; the chart is referenced as ``chart_ref`` (a file written beside the report)
    or, without one, embedded as a data URI so the text stands alone."""
    with speaking(lang):
        s, w, svg = _story(v, catalog, with_notes, with_times), _words(), _chart(v)
    ref = (
        md.destination(chart_ref)
        if chart_ref
        else "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    )
    e = md.text  # labels, notes, hints and titles come from the user's files and journal: they print as text
    out = [f"# {e(s['title'])}", "", f"**{e(s['headline'])}**", "", e(s["when"]), "", e(s["usual"])]
    out += ["", f"## {w['dropped']}", ""]
    out += [f"- {e(r)}" for r in s["dropped"]] or [w["dropped_none"]]
    out += ["", f"## {w['stayed']}", ""]
    out += [f"- {e(r)}" for r in s["stayed"]] or [w["stayed_none"]]
    out += ["", f"## {w['captures']}", "", f"| | {w['during']} | {w['baseline']} |", "|---|---:|---:|"]
    out += [f"| {md.cell(name)} | {_num(run)} | {_num(base)} |" for name, run, base in s["rows"]]
    out += ["", *map(e, s["baseline_notes"]), "", f"![{e(w['chart'])}]({ref})", "", f"_{w['estimate']}_"]
    if s["hints"]:
        out += ["", f"## {w['try']}", "", *(f"- {e(h)}" for h in s["hints"])]
    out += ["", f"## {w['turn']}", "", e(s["invite"])]
    if s["credit"]:
        out += ["", f"_{e(s['credit'])}_"]
    out += ["", w["take"], "", f"    {s['command']}", ""]
    return Report("\n".join(out), svg)


_CSS = (
    "body{font-family:system-ui,sans-serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.5;color:#222}"
    "h1{font-size:1.6em}.headline{font-size:1.2em;font-weight:600;background:#f3f6fa;padding:.6em .8em;"
    "border-left:4px solid #3a6ea5}table{border-collapse:collapse}td,th{padding:.3em .8em;border-bottom:1px solid #ddd}"
    "td.n{text-align:right}code{background:#f3f3f3;padding:.1em .3em}.note{color:#555;font-size:.9em}"
    "figure{margin:1em 0}figure svg{max-width:100%;height:auto}"
)


def html_page(v: Verdict, catalog: Catalog, lang: str, with_notes: bool = False, with_times: bool = False) -> Report:
    """A standalone HTML page with the chart inline; every user string is escaped."""
    with speaking(lang):
        s, w, svg = _story(v, catalog, with_notes, with_times), _words(), _chart(v)
    e = html.escape

    def items(values: list[str], empty: str = "") -> str:
        return "<ul>" + "".join(f"<li>{e(x)}</li>" for x in values) + "</ul>" if values else f"<p>{e(empty)}</p>"

    rows = "".join(
        f"<tr><th>{e(n)}</th><td class=n>{e(_num(r))}</td><td class=n>{e(_num(b))}</td></tr>" for n, r, b in s["rows"]
    )
    parts = [
        f'<!doctype html>\n<html lang="{e(lang)}"><head><meta charset="utf-8"><title>{e(s["title"])}</title>',
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{e(s['title'])}</h1>",
        f"<p class=headline>{e(s['headline'])}</p>",
        f"<p>{e(s['when'])}</p>",
        f"<p>{e(s['usual'])}</p>",
        f"<h2>{e(w['dropped'])}</h2>{items(s['dropped'], w['dropped_none'])}",
        f"<h2>{e(w['stayed'])}</h2>{items(s['stayed'], w['stayed_none'])}",
        f"<h2>{e(w['captures'])}</h2>",
        f"<table><tr><th></th><th>{e(w['during'])}</th><th>{e(w['baseline'])}</th></tr>{rows}</table>",
        "".join(f"<p class=note>{e(n)}</p>" for n in s["baseline_notes"]),
        f"<figure>{svg}</figure>",
        f"<p class=note><em>{e(w['estimate'])}</em></p>",
        f"<h2>{e(w['try'])}</h2>{items(s['hints'])}" if s["hints"] else "",
        f"<h2>{e(w['turn'])}</h2><p>{e(s['invite'])}</p>",
        f"<p class=note><em>{e(s['credit'])}</em></p>" if s["credit"] else "",
        f"<p>{e(w['take'])} <code>{e(s['command'])}</code></p>",
        "</body></html>\n",
    ]
    return Report("\n".join(p for p in parts if p), svg)
