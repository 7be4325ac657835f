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

from typing import NamedTuple

from .. import l10n
from ..domain.catalog import Text
from ..domain.group import GroupSummary
from ..domain.text import did_you_mean
from ..errors import BadInput, NotFound
from ..i18n import N_, _, current, ngettext, pgettext, speaking
from ..svg import bar_chart
from . import markdown_text as md
from .records import neutralise

FORMATS = ("md", "html", "csv", "json")
SUMMARY_FORMAT = "footprint-group-summary"
SUMMARY_VERSION = 1

def _columns() -> dict[str, str]:
    """The columns' headings (CSV and tables), in the current language."""
    return {
        "challenge": pgettext("group column", "challenge"),
        "touchpoint": pgettext("group column", "touchpoint"),
        "participants": pgettext("group column", "participants"),
        "finished": pgettext("group column", "finished"),
        "abandoned": pgettext("group column", "abandoned"),
        "with_baseline": pgettext("group column", "with a baseline"),
        "usual": pgettext("group column", "usually used"),
        "touched": pgettext("group column", "touched"),
        "removed": pgettext("group column", "removed"),
        "unavoidable": pgettext("group column", "unavoidable"),
        "run_mean": pgettext("group column", "mean captures during the challenge (estimate)"),
        "baseline_mean": pgettext("group column", "mean captures on a usual day (estimate)"),
        "baseline_run_mean": pgettext(
            "group column", "mean captures during the challenge of those with a baseline (estimate)"
        ),
    }


class Names(NamedTuple):
    """What a person reads instead of the cards' ids: touchpoint labels and challenge titles, in every
    language (from the facilitator's catalog and challenge files); an id they do not know shows as itself."""

    touchpoints: Mapping[str, Text] = {}
    challenges: Mapping[str, Text] = {}

    def touchpoint(self, tp_id: str) -> str:
        text = self.touchpoints.get(tp_id)
        return text.get(current()) if text else tp_id

    def challenge(self, cid: str) -> str:
        text = self.challenges.get(cid)
        return text.get(current()) if text else cid


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
        raise NotFound(
            N_("unknown format “{format}”{hint}; use one of {formats}"),
            format=fmt,
            hint=did_you_mean(fmt, FORMATS),
            formats=", ".join(FORMATS),
        )
    return fmt


def check_present(fmt: str, present: bool) -> None:
    """A presentation is a web page: ``present`` goes with HTML only."""
    if present and fmt != "html":
        raise BadInput(N_("--present makes a web page: give --format html, not {format}"), format=fmt)


def chart(summary: GroupSummary, lang: str, names: Names = Names()) -> str:
    """The summary's chart as SVG: per touchpoint, how many removed, touched and found it unavoidable; or,
    for totals only, the mean captures during the challenge against a usual day."""
    with speaking(lang):
        return _chart(summary, names)


def _chart(summary: GroupSummary, names: Names) -> str:
    rows, columns = summary.touchpoints, _columns()
    if rows:
        return bar_chart(
            _chart_title(summary, names),
            [names.touchpoint(row.touchpoint) for row in rows],
            [(columns[c], [getattr(row, c) for row in rows]) for c in ("removed", "touched", "unavoidable")],
        )
    n, k = summary.participants, summary.with_baseline
    categories = [ngettext("all participants ({n})", "all participants ({n})", n).format(n=n)]
    during: list[float | None] = [summary.run_mean]
    usual: list[float | None] = [None]
    if k:
        categories.append(ngettext("those with a baseline ({n})", "those with a baseline ({n})", k).format(n=k))
        during.append(summary.baseline_run_mean)
        usual.append(summary.baseline_mean)
    series = [(_("during the challenge"), during)]
    if k:
        series.append((_("on a usual day"), usual))
    return bar_chart(_chart_title(summary, names), categories, series)


def _chart_title(s: GroupSummary, names: Names) -> str:
    if s.touchpoints:
        return _("{challenge}: participants per touchpoint").format(challenge=names.challenge(s.challenge))
    return _("{challenge}: mean captures (estimate)").format(challenge=names.challenge(s.challenge))


def _totals(s: GroupSummary) -> list[str]:
    """The totals as sentences (plain text: the caller escapes them for HTML)."""
    finished = ngettext("{n} finished", "{n} finished", s.finished).format(n=s.finished)
    gave_up = ngettext("{n} gave up", "{n} gave up", s.abandoned).format(n=s.abandoned)
    lines = [
        _("Participants: {n} ({finished}, {abandoned})").format(n=s.participants, finished=finished, abandoned=gave_up),
        _("With a usual-day baseline: {n}").format(n=s.with_baseline),
        _("Mean captures during the challenge: {value} (estimate)").format(value=l10n.number(s.run_mean)),
    ]
    if s.baseline_mean is None or s.baseline_run_mean is None:
        lines.append(_("No participant had a usual-day baseline to compare with."))
    else:
        run, baseline = l10n.number(s.baseline_run_mean), l10n.number(s.baseline_mean)
        if s.change is None:
            text = _(
                "Those with a baseline: {run} captures on average during the challenge against {baseline} on a usual"
                " day (estimate)"
            )
            lines.append(text.format(run=run, baseline=baseline))
        else:
            text = _(
                "Those with a baseline: {run} captures on average during the challenge against {baseline} on a usual"
                " day, {change} (estimate)"
            )
            lines.append(text.format(run=run, baseline=baseline, change=l10n.signed_percent(s.change)))
    return lines


def _footer(total: int) -> str:
    return ngettext(
        "Made from {n} pseudonymous challenge card: no names, notes or exact times. Captures are estimates.",
        "Made from {n} pseudonymous challenge cards: no names, notes or exact times. Captures are estimates.",
        total,
    ).format(n=total)


def _totals_only(s: GroupSummary) -> str:
    return _("Fewer than {min} participants: totals only, so that no one can be singled out.").format(min=s.min_group)


def _many(summaries: GroupSummary | Sequence[GroupSummary]) -> list[GroupSummary]:
    return [summaries] if isinstance(summaries, GroupSummary) else list(summaries)


# --- Markdown ----------------------------------------------------------------------------------------------


def _md_cell(text: object) -> str:
    """A string from the cards or the files (names), as Markdown that prints as itself."""
    return md.cell(text)


def _markdown(summaries: list[GroupSummary], names: Names, images: Mapping[str, str]) -> str:
    columns, by_touchpoint, note = _columns(), _("By touchpoint"), _("Each figure is a number of participants.")
    out = ["# " + _("Group summary") + "\n"]
    for s in summaries:
        heading = _("Challenge: {challenge}").format(challenge=names.challenge(s.challenge))
        out.append(f"\n## {_md_cell(heading)}\n\n")
        out.extend(f"- {_md_cell(line)}\n" for line in _totals(s))
        if not s.detailed:
            out.append(f"\n{_totals_only(s)}\n")
        elif s.touchpoints:
            head = [columns["touchpoint"], *(columns[c] for c in _ROW_COLUMNS)]
            out.append(f"\n### {by_touchpoint}\n\n| {' | '.join(head)} |\n|---|---:|---:|---:|---:|\n")
            out.extend(
                f"| {_md_cell(names.touchpoint(r.touchpoint))} | {r.usual} | {r.touched} | {r.removed}"
                f" | {r.unavoidable} |\n"
                for r in s.touchpoints
            )
            out.append(f"\n{note}\n")
        if s.challenge in images:
            out.append(f"\n![{_md_cell(_chart_title(s, names))}]({md.destination(images[s.challenge])})\n")
    out.append(f"\n_{_footer(sum(s.participants for s in summaries))}_\n")
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
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  h2, h3 { break-after: avoid; }
  table, figure, tr { break-inside: avoid; }
}
"""


def _html_section(s: GroupSummary, names: Names) -> str:
    columns = _columns()
    heading = _("Challenge: {challenge}").format(challenge=names.challenge(s.challenge))
    out = [f"<section>\n<h2>{escape(heading)}</h2>\n<ul>\n"]
    out.extend(f"<li>{escape(line)}</li>\n" for line in _totals(s))
    out.append("</ul>\n")
    if not s.detailed:
        out.append(f'<p class="note">{escape(_totals_only(s))}</p>\n')
    elif s.touchpoints:
        head = [columns["touchpoint"], *(columns[c] for c in _ROW_COLUMNS)]
        out.append("<h3>" + escape(_("By touchpoint")) + "</h3>\n<table>\n<thead><tr>")
        out.extend(f'<th scope="col">{escape(h)}</th>' for h in head)
        out.append("</tr></thead>\n<tbody>\n")
        out.extend(
            f'<tr><th scope="row">{escape(names.touchpoint(r.touchpoint))}</th><td>{r.usual}</td><td>{r.touched}</td>'
            f"<td>{r.removed}</td><td>{r.unavoidable}</td></tr>\n"
            for r in s.touchpoints
        )
        note = escape(_("Each figure is a number of participants."))
        out.append(f'</tbody>\n</table>\n<p class="note">{note}</p>\n')
    out.append(f"<figure>\n{_chart(s, names)}</figure>\n</section>\n")
    return "".join(out)


def _html(summaries: list[GroupSummary], lang: str, names: Names) -> str:
    title = _("Group summary")
    challenges = ", ".join(names.challenge(s.challenge) for s in summaries)
    total = sum(s.participants for s in summaries)
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)} — {escape(challenges)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n<main>\n"
        f"<h1>{escape(title)}</h1>\n"
        + "".join(_html_section(s, names) for s in summaries)
        + f'<footer><p class="note">{escape(_footer(total))}</p></footer>\n'
        "</main>\n</body>\n</html>\n"
    )


# --- CSV and JSON ------------------------------------------------------------------------------------------


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 2)


def _csv(summaries: list[GroupSummary]) -> str:
    """One row per challenge and touchpoint. The cells keep the cards' ids: this is data to sort and join
    (the headings are in the language)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    columns = _columns()
    writer.writerow([neutralise(columns[c]) for c in _CSV_COLUMNS])
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
    names: Names = Names(),
    present: bool = False,
) -> str:
    """The whole document for one summary, or for several (a section each; for JSON, a list).

    ``images`` maps a challenge to the file name of its chart, for Markdown to reference; HTML always
    inlines its charts, CSV and JSON have none. ``names`` turns the cards' ids into what people read.
    ``present`` (HTML only) makes the page a presentation, one finding per screen (see group_slides).
    """
    many = _many(summaries)
    check_format(fmt)
    check_present(fmt, present)
    with speaking(lang):
        if present:
            from . import group_slides

            return group_slides.page(many, lang, names)
        if fmt == "md":
            return _markdown(many, names, images or {})
        if fmt == "html":
            return _html(many, lang, names)
        if fmt == "csv":
            return _csv(many)
    records = [summary_record(s) for s in many]
    document = records[0] if isinstance(summaries, GroupSummary) else records
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
