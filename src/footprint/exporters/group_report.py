"""The group summary as a document: Markdown, HTML, CSV or JSON, in English or French, and its chart.

``render`` takes one summary (one challenge) or several (one section each, or a JSON list) and returns the
whole text. It never prints and reads nothing: Markdown references chart files only by the names it is given.
Summaries hold no pseudonyms, and no per-touchpoint rows below the minimum group size, so none can appear here.
Every capture figure is an estimate and says so. HTML and Markdown escape every string they did not write; CSV
neutralises cells a spreadsheet would run as formulas.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from ..domain.group import GroupSummary
from ..domain.text import did_you_mean
from ..errors import NotFound
from ..i18n_legacy import register, t
from ..svg import bar_chart, number
from . import markdown_text as md
from .records import neutralise

FORMATS = ("md", "html", "csv", "json")
SUMMARY_FORMAT = "footprint-group-summary"
SUMMARY_VERSION = 1

register(
    {
        "group.title": ("Group summary", "Synthèse de groupe"),
        "group.challenge": ("Challenge: {challenge}", "Défi : {challenge}"),
        "group.participants": (
            "Participants: {n} (finished: {finished}, abandoned: {abandoned})",
            "Participants : {n} (terminé : {finished}, abandonné : {abandoned})",
        ),
        "group.with_baseline": (
            "With a usual-day baseline: {n}",
            "Avec une journée habituelle de référence : {n}",
        ),
        "group.run_mean": (
            "Mean captures during the challenge: {value} (estimate)",
            "Captures moyennes pendant le défi : {value} (estimation)",
        ),
        "group.baseline": (
            "Those with a baseline: {run} captures on average during the challenge against {baseline} on a usual"
            " day{change} (estimate)",
            "Ceux qui ont une référence : {run} captures en moyenne pendant le défi contre {baseline} un jour"
            " habituel{change} (estimation)",
        ),
        "group.no_baseline": (
            "No participant had a usual-day baseline to compare with.",
            "Aucun participant n'avait de journée habituelle de référence pour comparer.",
        ),
        "group.totals_only": (
            "Fewer than {min} participants: totals only, so that no one can be singled out.",
            "Moins de {min} participants : totaux seulement, pour que personne ne puisse être reconnu.",
        ),
        "group.by_touchpoint": ("By touchpoint", "Par point de contact"),
        "group.counts_note": (
            "Each figure is a number of participants.",
            "Chaque chiffre est un nombre de participants.",
        ),
        "group.footer": (
            "Made from {n} pseudonymous challenge cards: no names, notes or exact times. Captures are estimates.",
            "Établi à partir de {n} cartes de défi pseudonymes : ni noms, ni notes, ni heures exactes. Les captures"
            " sont des estimations.",
        ),
        "group.col.challenge": ("challenge", "défi"),
        "group.col.touchpoint": ("touchpoint", "point de contact"),
        "group.col.participants": ("participants", "participants"),
        "group.col.finished": ("finished", "terminé"),
        "group.col.abandoned": ("abandoned", "abandonné"),
        "group.col.with_baseline": ("with a baseline", "avec référence"),
        "group.col.usual": ("usually used", "utilisé d'habitude"),
        "group.col.touched": ("touched", "touché"),
        "group.col.removed": ("removed", "retiré"),
        "group.col.unavoidable": ("unavoidable", "inévitable"),
        "group.col.run_mean": (
            "mean captures during the challenge (estimate)",
            "captures moyennes pendant le défi (estimation)",
        ),
        "group.col.baseline_mean": (
            "mean captures on a usual day (estimate)",
            "captures moyennes un jour habituel (estimation)",
        ),
        "group.col.baseline_run_mean": (
            "mean captures during the challenge of those with a baseline (estimate)",
            "captures moyennes pendant le défi de ceux qui ont une référence (estimation)",
        ),
        "group.chart.touchpoints": (
            "{challenge}: participants per touchpoint",
            "{challenge} : participants par point de contact",
        ),
        "group.chart.captures": (
            "{challenge}: mean captures (estimate)",
            "{challenge} : captures moyennes (estimation)",
        ),
        "group.chart.all": ("all participants ({n})", "tous les participants ({n})"),
        "group.chart.with_baseline": ("those with a baseline ({n})", "ceux qui ont une référence ({n})"),
        "group.series.challenge": ("during the challenge", "pendant le défi"),
        "group.series.usual": ("on a usual day", "un jour habituel"),
        "group.written": (
            "Wrote the summary of {cards} card(s) to {path}",
            "Synthèse de {cards} carte(s) écrite dans {path}",
        ),
        "group.charts": ("; chart: {names}", " ; graphique : {names}"),
    }
)

_ROW_COLUMNS = ("usual", "touched", "removed", "unavoidable")
_CSV_COLUMNS = (
    "challenge",
    "touchpoint",
    "participants",
    "finished",
    "abandoned",
    "with_baseline",
    *_ROW_COLUMNS,
    "run_mean",
    "baseline_mean",
    "baseline_run_mean",
)


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise NotFound(f"unknown format {fmt!r}{did_you_mean(fmt, FORMATS)}; use one of {', '.join(FORMATS)}")
    return fmt


def chart(summary: GroupSummary, lang: str) -> str:
    """The summary's chart as SVG: per touchpoint, how many removed, touched and found it unavoidable; or,
    for totals only, the mean captures during the challenge against a usual day."""
    rows = summary.touchpoints
    if rows:
        return bar_chart(
            t("group.chart.touchpoints", lang, challenge=summary.challenge),
            [row.touchpoint for row in rows],
            [
                (t(f"group.col.{column}", lang), [getattr(row, column) for row in rows])
                for column in ("removed", "touched", "unavoidable")
            ],
        )
    categories = [t("group.chart.all", lang, n=summary.participants)]
    during: list[float | None] = [summary.run_mean]
    usual: list[float | None] = [None]
    if summary.with_baseline:
        categories.append(t("group.chart.with_baseline", lang, n=summary.with_baseline))
        during.append(summary.baseline_run_mean)
        usual.append(summary.baseline_mean)
    series = [(t("group.series.challenge", lang), during)]
    if summary.with_baseline:
        series.append((t("group.series.usual", lang), usual))
    return bar_chart(t("group.chart.captures", lang, challenge=summary.challenge), categories, series)


def _percent(change: float, lang: str) -> str:
    return f"{change * 100:+.0f}" + (" %" if lang == "fr" else "%")


def _totals(s: GroupSummary, lang: str) -> list[str]:
    """The totals as sentences (plain text: the caller escapes them for HTML)."""
    lines = [
        t("group.participants", lang, n=s.participants, finished=s.finished, abandoned=s.abandoned),
        t("group.with_baseline", lang, n=s.with_baseline),
        t("group.run_mean", lang, value=number(s.run_mean)),
    ]
    if s.baseline_mean is None or s.baseline_run_mean is None:
        lines.append(t("group.no_baseline", lang))
    else:
        change = "" if s.change is None else ", " + _percent(s.change, lang)
        run, baseline = number(s.baseline_run_mean), number(s.baseline_mean)
        lines.append(t("group.baseline", lang, run=run, baseline=baseline, change=change))
    return lines


def _many(summaries: GroupSummary | Sequence[GroupSummary]) -> list[GroupSummary]:
    return [summaries] if isinstance(summaries, GroupSummary) else list(summaries)


# --- Markdown ----------------------------------------------------------------------------------------------


def _md_cell(text: object) -> str:
    """A string from the cards (challenge and touchpoint ids), as Markdown that prints as itself: the parser
    only lets slugs through, but a page someone publishes must not depend on that."""
    return md.cell(text)


def _markdown(summaries: list[GroupSummary], lang: str, images: Mapping[str, str]) -> str:
    out = [f"# {t('group.title', lang)}\n"]
    for s in summaries:
        out.append(f"\n## {_md_cell(t('group.challenge', lang, challenge=s.challenge))}\n\n")
        out.extend(f"- {_md_cell(line)}\n" for line in _totals(s, lang))
        if not s.detailed:
            out.append(f"\n{t('group.totals_only', lang, min=s.min_group)}\n")
        elif s.touchpoints:
            head = [t("group.col.touchpoint", lang), *(t(f"group.col.{c}", lang) for c in _ROW_COLUMNS)]
            out.append(f"\n### {t('group.by_touchpoint', lang)}\n\n| {' | '.join(head)} |\n|---|---:|---:|---:|---:|\n")
            out.extend(
                f"| {_md_cell(r.touchpoint)} | {r.usual} | {r.touched} | {r.removed} | {r.unavoidable} |\n"
                for r in s.touchpoints
            )
            out.append(f"\n{t('group.counts_note', lang)}\n")
        if s.challenge in images:
            alt = t("group.chart.touchpoints" if s.touchpoints else "group.chart.captures", lang, challenge=s.challenge)
            out.append(f"\n![{_md_cell(alt)}]({md.destination(images[s.challenge])})\n")
    total = sum(s.participants for s in summaries)
    out.append(f"\n_{t('group.footer', lang, n=total)}_\n")
    return "".join(out)


# --- HTML --------------------------------------------------------------------------------------------------

_STYLE = """
body { font-family: system-ui, sans-serif; color: #1a1a1a; background: #fff; line-height: 1.5;
       max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; } h3 { font-size: 1.05rem; }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { padding: .25rem .75rem; border-bottom: 1px solid #ddd; text-align: right; }
th:first-child, td:first-child { text-align: left; }
figure { margin: 1rem 0; } figure svg { max-width: 100%; height: auto; }
.note { color: #555; font-size: .9rem; }
"""


def _html_section(s: GroupSummary, lang: str) -> str:
    out = [f"<section>\n<h2>{escape(t('group.challenge', lang, challenge=s.challenge))}</h2>\n<ul>\n"]
    out.extend(f"<li>{escape(line)}</li>\n" for line in _totals(s, lang))
    out.append("</ul>\n")
    if not s.detailed:
        out.append(f'<p class="note">{escape(t("group.totals_only", lang, min=s.min_group))}</p>\n')
    elif s.touchpoints:
        head = [t("group.col.touchpoint", lang), *(t(f"group.col.{c}", lang) for c in _ROW_COLUMNS)]
        out.append(f"<h3>{escape(t('group.by_touchpoint', lang))}</h3>\n<table>\n<thead><tr>")
        out.extend(f'<th scope="col">{escape(h)}</th>' for h in head)
        out.append("</tr></thead>\n<tbody>\n")
        out.extend(
            f'<tr><th scope="row">{escape(r.touchpoint)}</th><td>{r.usual}</td><td>{r.touched}</td>'
            f"<td>{r.removed}</td><td>{r.unavoidable}</td></tr>\n"
            for r in s.touchpoints
        )
        out.append(f'</tbody>\n</table>\n<p class="note">{escape(t("group.counts_note", lang))}</p>\n')
    out.append(f"<figure>\n{chart(s, lang)}</figure>\n</section>\n")
    return "".join(out)


def _html(summaries: list[GroupSummary], lang: str) -> str:
    title = t("group.title", lang)
    challenges = ", ".join(s.challenge for s in summaries)
    total = sum(s.participants for s in summaries)
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)} — {escape(challenges)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n<main>\n"
        f"<h1>{escape(title)}</h1>\n"
        + "".join(_html_section(s, lang) for s in summaries)
        + f'<footer><p class="note">{escape(t("group.footer", lang, n=total))}</p></footer>\n'
        "</main>\n</body>\n</html>\n"
    )


# --- CSV and JSON ------------------------------------------------------------------------------------------


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 2)


def _csv(summaries: list[GroupSummary], lang: str) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([neutralise(t(f"group.col.{c}", lang)) for c in _CSV_COLUMNS])
    for s in summaries:
        totals = [s.participants, s.finished, s.abandoned, s.with_baseline]
        means = [_r(s.run_mean), _r(s.baseline_mean), _r(s.baseline_run_mean)]
        rows: list[list[Any]] = [
            [s.challenge, r.touchpoint, *totals, r.usual, r.touched, r.removed, r.unavoidable, *means]
            for r in s.touchpoints
        ] or [[s.challenge, "", *totals, "", "", "", "", *means]]
        writer.writerows([neutralise("" if cell is None else cell) for cell in row] for row in rows)
    return buf.getvalue()


def summary_record(s: GroupSummary) -> dict[str, Any]:
    """The JSON shape of one summary; ``touchpoints`` is null below the minimum group size."""
    return {
        "format": SUMMARY_FORMAT,
        "version": SUMMARY_VERSION,
        "challenge": s.challenge,
        "participants": s.participants,
        "finished": s.finished,
        "abandoned": s.abandoned,
        "with_baseline": s.with_baseline,
        "min_group": s.min_group,
        "detailed": s.detailed,
        "captures": {
            "estimate": True,
            "run_mean": _r(s.run_mean),
            "baseline_mean": _r(s.baseline_mean),
            "baseline_run_mean": _r(s.baseline_run_mean),
            "change": None if s.change is None else round(s.change, 4),
        },
        "touchpoints": [r._asdict() for r in s.touchpoints] if s.detailed else None,
    }


def render(
    summaries: GroupSummary | Sequence[GroupSummary],
    fmt: str,
    lang: str,
    images: Mapping[str, str] | None = None,
) -> str:
    """The whole document for one summary, or for several (a section each; for JSON, a list).

    ``images`` maps a challenge to the file name of its chart, for Markdown to reference; HTML always
    inlines its charts, CSV and JSON have none.
    """
    many = _many(summaries)
    check_format(fmt)
    if fmt == "md":
        return _markdown(many, lang, images or {})
    if fmt == "html":
        return _html(many, lang)
    if fmt == "csv":
        return _csv(many, lang)
    records = [summary_record(s) for s in many]
    document = records[0] if isinstance(summaries, GroupSummary) else records
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
