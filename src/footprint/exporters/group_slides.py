"""The group summary made to be projected (``group summarize --format html --present``): one self-contained
HTML file, one finding per screen.

Each finding is a full-viewport ``<section>``; the page scroll-snaps from one to the next, so it works without
script (Page Down and Space scroll a screen). A small inline script adds the arrow keys, Page Up/Down, Space,
Home and End. The type follows the viewport (about 38 px at 1920×1080) so it reads from the back of a room,
the chart takes the whole width (a long one goes over several screens), and printed on A4 each screen is one page, black on white. Nothing is loaded
from elsewhere: the Content-Security-Policy allows only what is inline. Every string the page did not write
is escaped. The minimum-group rule is the summary's: below it there is no per-touchpoint screen, only totals.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from html import escape

from .. import l10n
from ..domain.group import GroupSummary, TouchpointRow
from ..i18n import _, ngettext
from . import group_report as report

TABLE_ROWS = 7  # rows of the touchpoint table per screen: more would not fit at a readable size
CHART_ROWS = 5  # touchpoints per chart screen: five groups of bars fill a 16:9 screen at about the body's size
TOP = 3  # touchpoints named on a "most removed" or "could not avoid" screen

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"

_STYLE = """
html { scroll-snap-type: y mandatory; }
body { margin: 0; font-family: system-ui, "DejaVu Sans", sans-serif; color: #111; background: #fff;
       line-height: 1.3; font-size: max(16px, min(2vw, 3.6vh)); }
.slide { box-sizing: border-box; height: 100vh; padding: 6vh 7vw 9vh; position: relative;
         scroll-snap-align: start; display: flex; flex-direction: column; justify-content: center;
         border-top: .35rem solid #0072B2; overflow-wrap: anywhere; }
h1 { font-size: 2.3em; line-height: 1.1; margin: 0 0 .4em; }
h2 { font-size: 1.45em; line-height: 1.15; margin: 0 0 .7em; }
p, ul, ol { margin: 0 0 .5em; }
.kicker { color: #0072B2; font-weight: 700; text-transform: uppercase; letter-spacing: .06em; }
.big { font-size: 3.2em; font-weight: 800; color: #0072B2; line-height: 1.05; margin: 0 0 .25em; }
.note { color: #444; font-size: .8em; }
.count { position: absolute; right: 7vw; bottom: 3vh; margin: 0; color: #555; font-size: .75em; }
.hint { color: #555; font-size: .75em; margin-top: 1.5em; }
ul.facts { padding-left: 1.1em; }
ol.top { list-style: none; padding: 0; }
ol.top li { display: flex; justify-content: space-between; align-items: baseline; gap: 1em; break-inside: avoid;
            padding: .35em 0; border-bottom: 2px solid #ccc; }
ol.top strong { font-size: 1.25em; }
ol.top span { white-space: nowrap; }
table { border-collapse: collapse; width: 100%; margin-bottom: .5em; }
th, td { padding: .2em .4em; border-bottom: 2px solid #ccc; text-align: right; }
thead th { font-size: .8em; vertical-align: bottom; }
th:first-child { text-align: left; }
.chart { padding: 3vh 2vw 8vh; }
figure { margin: 0; }
figure svg { display: block; width: 100%; height: auto; max-height: 86vh; }
@page { size: A4; margin: 15mm; }
@media print {
  html { scroll-snap-type: none; }
  body { font-size: 16pt; }
  .slide { height: auto; padding: 0; border: 0; display: block; break-after: page; }
  .slide:last-child { break-after: auto; }
  .count, .hint { display: none; }
  .big, .kicker { color: #000; }
  figure svg { max-height: 240mm; }
}
"""

# Arrows, Page Up/Down, Space, Home and End move a whole screen; the browser's own keys keep working for
# everything else (a modifier held, a key not listed). Scrolling is instant: a projector is no place to glide.
_SCRIPT = """
(function () {
  var slides = Array.prototype.slice.call(document.querySelectorAll(".slide"));
  var moves = {ArrowRight: 1, ArrowDown: 1, PageDown: 1, " ": 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1};
  function current() {
    var middle = window.scrollY + window.innerHeight / 2, found = 0;
    slides.forEach(function (slide, i) { if (slide.offsetTop <= middle) { found = i; } });
    return found;
  }
  function go(i) {
    slides[Math.max(0, Math.min(slides.length - 1, i))].scrollIntoView({block: "start"});
  }
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || !slides.length) { return; }
    if (event.key === "Home") { go(0); }
    else if (event.key === "End") { go(slides.length - 1); }
    else if (Object.prototype.hasOwnProperty.call(moves, event.key)) {
      go(current() + (event.key === " " && event.shiftKey ? -1 : moves[event.key]));
    }
    else { return; }
    event.preventDefault();
  });
})();
"""


def _h2(text: str) -> str:
    return f"<h2>{escape(text)}</h2>\n"


def _p(text: str, kind: str = "") -> str:
    return f'<p class="{kind}">{escape(text)}</p>\n' if kind else f"<p>{escape(text)}</p>\n"


def _big(template: str, value: str) -> str:
    """``template`` (a whole translated phrase) as HTML, its ``{n}`` shown large: the phrase stays whole for
    the translator, the number stands out on the screen."""
    return escape(template).format(n=f'<span class="big">{escape(value)}</span>')


def _cover(s: GroupSummary, names: report.Names) -> str:
    n = s.participants
    people = ngettext("{n} participant", "{n} participants", n).format(n=l10n.integer(n))
    return (
        _p(_("Group summary"), "kicker")
        + f"<h1>{escape(names.challenge(s.challenge))}</h1>\n"
        + _p(people)
        + _p(_("Next screen: → or Space; previous: ←"), "hint")
    )


def _people(s: GroupSummary) -> str:
    n = s.participants
    finished = ngettext("{n} finished", "{n} finished", s.finished).format(n=s.finished)
    gave_up = ngettext("{n} gave up", "{n} gave up", s.abandoned).format(n=s.abandoned)
    baseline = _("With a usual-day baseline: {n}").format(n=s.with_baseline)
    big = _big(ngettext("{n} participant", "{n} participants", n), l10n.integer(n))
    facts = "".join(f"<li>{escape(line)}</li>" for line in (finished, gave_up, baseline))
    return _h2(_("Who took part")) + f'<p>{big}</p>\n<ul class="facts">{facts}</ul>\n'


def _captures(s: GroupSummary) -> str:
    head = _h2(_("Captures: the challenge against a usual day"))
    everyone = _("Mean captures during the challenge: {value} (estimate)").format(value=l10n.number(s.run_mean))
    if s.baseline_mean is None or s.baseline_run_mean is None:
        none = _("No participant had a usual-day baseline to compare with.")
        return f'{head}<p class="big">{escape(l10n.number(s.run_mean))}</p>\n<p>{escape(everyone)}</p>\n' + (
            f'<p class="note">{escape(none)}</p>\n'
        )
    run, baseline = l10n.number(s.baseline_run_mean), l10n.number(s.baseline_mean)
    big = l10n.signed_percent(s.change) if s.change is not None else run
    compared = _(
        "Those with a baseline: {run} captures on average during the challenge against {baseline} on a usual day"
        " (estimate)"
    ).format(run=run, baseline=baseline)
    return (
        f'{head}<p class="big">{escape(big)}</p>\n<p>{escape(compared)}</p>\n<p class="note">{escape(everyone)}</p>\n'
    )


def _parts(rows: Sequence[TouchpointRow], most: int) -> list[Sequence[TouchpointRow]]:
    """``rows`` cut into as few screens of at most ``most`` as possible, evenly: 11 rows at most 5 a screen
    are 4, 4 and 3, not 5, 5 and a lonely 1."""
    if len(rows) <= most:
        return [rows]
    size = math.ceil(len(rows) / math.ceil(len(rows) / most))
    return [rows[i : i + size] for i in range(0, len(rows), size)]


def _charts(s: GroupSummary, names: report.Names) -> list[str]:
    """The summary's chart, full width; a long one on several screens (drawn whole, its labels would be too
    small to read across a room)."""
    return [
        f"<figure>\n{report._chart(s._replace(touchpoints=tuple(part)), names)}</figure>\n"
        for part in _parts(s.touchpoints, CHART_ROWS)
    ]


def _top(s: GroupSummary, names: report.Names, title: str, count: Callable[[TouchpointRow], int]) -> str | None:
    """The touchpoints with the highest ``count``, or None when no participant counts for any."""
    rows = sorted((r for r in s.touchpoints if count(r) > 0), key=count, reverse=True)[:TOP]
    if not rows:
        return None
    total = s.participants
    items = "".join(
        f"<li><strong>{escape(names.touchpoint(r.touchpoint))}</strong> <span>"
        + escape(
            ngettext("{n} of {total} participants", "{n} of {total} participants", count(r)).format(
                n=l10n.integer(count(r)), total=l10n.integer(total)
            )
        )
        + "</span></li>"
        for r in rows
    )
    return f'<h2>{escape(title)}</h2>\n<ol class="top">{items}</ol>\n'


def _tables(s: GroupSummary, names: report.Names) -> list[str]:
    """The touchpoint table, a screenful of rows at a time."""
    columns = report._columns()
    head = "".join(
        f'<th scope="col">{escape(h)}</th>'
        for h in (columns["touchpoint"], *(columns[c] for c in report._ROW_COLUMNS))
    )
    note, heading = _p(_("Each figure is a number of participants."), "note"), _h2(_("By touchpoint"))
    screens = []
    for part in _parts(s.touchpoints, TABLE_ROWS):
        body = "".join(
            f'<tr><th scope="row">{escape(names.touchpoint(r.touchpoint))}</th><td>{r.usual}</td>'
            f"<td>{r.touched}</td><td>{r.removed}</td><td>{r.unavoidable}</td></tr>\n"
            for r in part
        )
        screens.append(
            f"{heading}<table>\n<thead><tr>{head}</tr></thead>\n"
            f"<tbody>\n{body}</tbody>\n</table>\n{note}"
        )
    return screens


def _screens(s: GroupSummary, names: report.Names) -> list[tuple[str, str]]:
    """One summary's screens, in order, as (class, inner HTML)."""
    screens = [("", _cover(s, names)), ("", _people(s)), ("", _captures(s))]
    screens += [("chart", chart) for chart in _charts(s, names)]
    if not s.detailed:
        only = _h2(_("Totals only")) + _p(report._totals_only(s))
        return [*screens, ("", only)]
    for title, count in (
        (_("What the group removed most"), lambda r: r.removed),
        (_("What the group could not avoid"), lambda r: r.unavoidable),
    ):
        found = _top(s, names, title, count)
        if found is not None:
            screens.append(("", found))
    return screens + [("", table) for table in _tables(s, names)]


def page(summaries: Sequence[GroupSummary], lang: str, names: report.Names) -> str:
    """The whole presentation, in the current language (the caller speaks ``lang``)."""
    total = sum(s.participants for s in summaries)
    closing = _h2(_("Where these figures come from")) + _p(report._footer(total))
    screens = [screen for s in summaries for screen in _screens(s, names)] + [("", closing)]
    n = len(screens)
    sections = "".join(
        f'<section class="{" ".join(("slide", kind)).strip()}" id="screen-{i}" aria-label="{escape(_label(i, n))}">\n{inner}'
        f'<p class="count" aria-hidden="true">{l10n.integer(i)} / {l10n.integer(n)}</p>\n</section>\n'
        for i, (kind, inner) in enumerate(screens, start=1)
    )
    title = _("Group summary")
    challenges = ", ".join(names.challenge(s.challenge) for s in summaries)
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)} — {escape(challenges)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"<main>\n{sections}</main>\n<script>{_SCRIPT}</script>\n</body>\n</html>\n"
    )


def _label(i: int, n: int) -> str:
    return _("Screen {n} of {total}").format(n=l10n.integer(i), total=l10n.integer(n))
