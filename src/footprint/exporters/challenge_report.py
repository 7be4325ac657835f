"""``footprint challenge report``: the story of a run, ready to paste into a blog post (Markdown or HTML).

It reads like the seed's post: the headline ("3 of 5 removed…"), what was removed, what stayed and why,
captures against the person's own baseline, a chart, and an invitation to the next person. The person's
notes and exact times stay out unless asked for; every user string is escaped, in HTML and in Markdown
(where raw HTML, links and images would otherwise pass through).
"""

from __future__ import annotations

import base64
import html
from typing import Any, NamedTuple

from ..domain.catalog import Catalog
from ..domain.text import number
from ..domain.verdict import Verdict, headline
from ..i18n_legacy import register, t
from . import markdown_text as md

register(
    {
        "rep.title": ("{title}: my verdict", "{title} : mon verdict"),
        "rep.when": ("From {start} to {end}.", "Du {start} au {end}."),
        "rep.abandoned": ("I abandoned the run before its end.", "J'ai abandonné avant la fin."),
        "rep.running": (
            "The run is still going: this is the verdict so far.",
            "L'essai est en cours : voici le verdict provisoire.",
        ),
        "rep.usual": (
            "My usual connected objects and services that this challenge forbids: {n}.",
            "Mes objets et services connectés habituels que ce défi interdit : {n}.",
        ),
        "rep.removed": ("What I removed", "Ce que j'ai supprimé"),
        "rep.removed_none": (
            "Nothing: every usual touchpoint stayed.",
            "Rien : tous mes points de contact habituels sont restés.",
        ),
        "rep.stayed": ("What stayed, and why", "Ce qui est resté, et pourquoi"),
        "rep.stayed_none": ("Nothing stayed.", "Rien n'est resté."),
        "rep.passive": (
            "passive — it captures whatever I do",
            "passif — il capte quoi que je fasse",
        ),
        "rep.unavoidable": ("unavoidable", "inévitable"),
        "rep.touched": ("touched {n} time(s)", "touché {n} fois"),
        "rep.captures": ("Captures against my baseline", "Captures comparées à ma référence"),
        "rep.during": ("during the run", "pendant le défi"),
        "rep.baseline": ("my baseline", "ma référence"),
        "rep.baseline_note": (
            "Baseline: the same hours on the {days} closed day(s) just before the run.",
            "Référence : les mêmes heures sur les {days} jour(s) clôturé(s) juste avant le défi.",
        ),
        "rep.baseline_partial": (
            "Only {days} of {wanted} baseline day(s) were logged; the baseline is scaled from them.",
            "Seuls {days} des {wanted} jour(s) de référence étaient notés ; la référence en est extrapolée.",
        ),
        "rep.no_baseline": (
            "No baseline: I had not closed any day just before the run.",
            "Pas de référence : je n'avais clôturé aucune journée juste avant le défi.",
        ),
        "rep.estimate": (
            "All figures are estimates: touches logged in footprint times the documented capture estimates of "
            "its catalog.",
            "Tous les chiffres sont des estimations : les contacts notés dans footprint multipliés par les "
            "estimations documentées de son catalogue.",
        ),
        "rep.chart": (
            "Captures during the run and before it (estimates)",
            "Captures pendant le défi et avant (estimations)",
        ),
        "rep.your_turn": ("Your turn", "À vous"),
        "rep.take_it": ("Take the same challenge with footprint:", "Relevez le même défi avec footprint :"),
        "rep.active": ("active", "actives"),
        "rep.passive_row": ("passive", "passives"),
        "rep.total": ("total", "total"),
    }
)


class Report(NamedTuple):
    text: str
    chart_svg: str


def _num(x: float | None) -> str:
    return "—" if x is None else number(x)


def _chart(v: Verdict, lang: str) -> str:
    from ..svg import bar_chart

    rows = [t("rep.active", lang), t("rep.passive_row", lang), t("rep.total", lang)]
    series: list[tuple[str, list[float]]] = [(t("rep.during", lang), [v.run.active, v.run.passive, v.run.total])]
    if v.baseline is not None and v.baseline_days:
        scale = v.baseline_wanted / v.baseline_days
        b = v.baseline
        series.append((t("rep.baseline", lang), [b.active * scale, b.passive * scale, b.total * scale]))
    return bar_chart(t("rep.chart", lang), rows, series)


def _story(v: Verdict, catalog: Catalog, lang: str, with_notes: bool, with_times: bool) -> dict[str, Any]:
    """The report's content, as plain strings, shared by both formats."""

    def label(tp_id: str) -> str:
        tp = catalog.get(tp_id)
        return tp.label.get(lang) if tp else tp_id

    fmt = "%Y-%m-%d %H:%M" if with_times else "%Y-%m-%d"
    stayed = []
    for u in v.unavoidable:
        why = t("rep.passive", lang) if u.why == "passive" else t("rep.unavoidable", lang)
        if with_notes and u.notes:
            why += f" ({', '.join(dict.fromkeys(u.notes))})"
        stayed.append(f"{label(u.touchpoint)}{t('colon', lang)}{why}")
    unavoidable = {u.touchpoint for u in v.unavoidable}
    for x in v.touched:
        if x.touchpoint not in unavoidable:
            reasons = ", ".join(t("reason." + r, lang) for r in dict.fromkeys(x.reasons))
            notes = f" ({', '.join(dict.fromkeys(x.notes))})" if with_notes and x.notes else ""
            touched = t("rep.touched", lang, n=x.count) + (f", {reasons}" if reasons else "") + notes
            stayed.append(f"{label(x.touchpoint)}{t('colon', lang)}{touched}")
    removed = []
    for tp_id in v.removed:
        hint = v.challenge.hints_for(tp_id)
        removed.append(f"{label(tp_id)}" + (f" — {hint[0].text.get(lang)}" if hint else ""))
    if v.baseline is None:
        baseline_note = [t("rep.no_baseline", lang)]
    else:
        baseline_note = [t("rep.baseline_note", lang, days=v.baseline_days)]
        if v.baseline_days < v.baseline_wanted:
            baseline_note.append(t("rep.baseline_partial", lang, days=v.baseline_days, wanted=v.baseline_wanted))
    scale = v.baseline_wanted / v.baseline_days if v.baseline is not None and v.baseline_days else None
    b = v.baseline
    rows = [
        (t("rep.active", lang), v.run.active, b.active * scale if b and scale else None),
        (t("rep.passive_row", lang), v.run.passive, b.passive * scale if b and scale else None),
        (t("rep.total", lang), v.run.total, b.total * scale if b and scale else None),
    ]
    status = {"abandoned": t("rep.abandoned", lang), "running": t("rep.running", lang)}.get(v.status)
    return {
        "title": t("rep.title", lang, title=v.challenge.title.get(lang)),
        "headline": headline(v, catalog, lang, with_notes=with_notes),
        "when": t("rep.when", lang, start=v.window.start.strftime(fmt), end=v.window.end.strftime(fmt)),
        "status": status,
        "usual": t("rep.usual", lang, n=len(v.usual)),
        "removed": removed,
        "stayed": stayed,
        "rows": rows,
        "baseline_note": baseline_note,
        "invite": v.challenge.invite.get(lang),
        "command": f"footprint challenge start {v.challenge.id}",
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
    s = _story(v, catalog, lang, with_notes, with_times)
    svg = _chart(v, lang)
    ref = (
        md.destination(chart_ref)
        if chart_ref
        else "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    )
    e = md.text  # labels, notes, hints and titles come from the user's files and journal: they print as text
    out = [f"# {e(s['title'])}", "", f"**{e(s['headline'])}**", "", e(s["when"])]
    if s["status"]:
        out += ["", e(s["status"])]
    out += ["", e(s["usual"]), "", f"## {t('rep.removed', lang)}", ""]
    out += [f"- {e(r)}" for r in s["removed"]] or [t("rep.removed_none", lang)]
    out += ["", f"## {t('rep.stayed', lang)}", ""]
    out += [f"- {e(r)}" for r in s["stayed"]] or [t("rep.stayed_none", lang)]
    out += [
        "",
        f"## {t('rep.captures', lang)}",
        "",
        f"| | {t('rep.during', lang)} | {t('rep.baseline', lang)} |",
        "|---|---:|---:|",
    ]
    out += [f"| {md.cell(name)} | {_num(run)} | {_num(base)} |" for name, run, base in s["rows"]]
    out += [
        "",
        *map(e, s["baseline_note"]),
        "",
        f"![{e(t('rep.chart', lang))}]({ref})",
        "",
        f"_{t('rep.estimate', lang)}_",
    ]
    out += [
        "",
        f"## {t('rep.your_turn', lang)}",
        "",
        e(s["invite"]),
        "",
        t("rep.take_it", lang),
        "",
        f"    {s['command']}",
        "",
    ]
    return Report("\n".join(out), svg)


_CSS = (
    "body{font-family:system-ui,sans-serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.5;color:#222}"
    "h1{font-size:1.6em}.headline{font-size:1.2em;font-weight:600;background:#f3f6fa;padding:.6em .8em;"
    "border-left:4px solid #3a6ea5}table{border-collapse:collapse}td,th{padding:.3em .8em;border-bottom:1px solid #ddd}"
    "td.n{text-align:right}code{background:#f3f3f3;padding:.1em .3em}.note{color:#555;font-size:.9em}"
)


def html_page(v: Verdict, catalog: Catalog, lang: str, with_notes: bool = False, with_times: bool = False) -> Report:
    """A standalone HTML page with the chart inline; every user string is escaped."""
    s = _story(v, catalog, lang, with_notes, with_times)
    svg = _chart(v, lang)
    e = html.escape

    def items(values: list[str], empty: str) -> str:
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
        f"<p>{e(s['status'])}</p>" if s["status"] else "",
        f"<p>{e(s['usual'])}</p>",
        f"<h2>{e(t('rep.removed', lang))}</h2>{items(s['removed'], t('rep.removed_none', lang))}",
        f"<h2>{e(t('rep.stayed', lang))}</h2>{items(s['stayed'], t('rep.stayed_none', lang))}",
        f"<h2>{e(t('rep.captures', lang))}</h2>",
        f"<table><tr><th></th><th>{e(t('rep.during', lang))}</th><th>{e(t('rep.baseline', lang))}</th></tr>{rows}</table>",
        "".join(f"<p class=note>{e(n)}</p>" for n in s["baseline_note"]),
        f"<figure>{svg}</figure>",
        f"<p class=note><em>{e(t('rep.estimate', lang))}</em></p>",
        f"<h2>{e(t('rep.your_turn', lang))}</h2><p>{e(s['invite'])}</p>",
        f"<p>{e(t('rep.take_it', lang))} <code>{e(s['command'])}</code></p>",
        "</body></html>\n",
    ]
    return Report("\n".join(p for p in parts if p), svg)
