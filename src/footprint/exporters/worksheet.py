"""The paper side of a workshop: the printable worksheet (one A4 page of HTML) and the CSV template to type
the filled-in sheets into.

The page is self-contained and prints in black and white: no script, no font or image from elsewhere (a
Content-Security-Policy says so to the browser), boxes drawn as borders, every meaning in words, type of at
least 10 pt. Printing it to PDF is the browser's job (every browser does it from the print dialog): no
library here renders HTML to PDF without a browser or system libraries.

The template is a header row of localized column names and a few rows with the challenge filled in; every
cell footprint writes into a CSV is neutralised against formulas (records.neutralise).
"""

from __future__ import annotations

import csv
import io
from html import escape

from .. import l10n
from ..domain.catalog import Touchpoint
from ..domain.challenge import Challenge
from ..domain.worksheet import column_words, first_sentence, status_words
from ..i18n import _, speaking
from .records import neutralise

TEMPLATE_ROWS = 25  # a workshop is 10 to 25 people; more rows are one fill-down away

_STYLE = """
@page { size: A4; margin: 12mm 14mm; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; font-size: 11pt; color: #000; background: #fff; }
body { margin: 0 auto; max-width: 182mm; line-height: 1.3; }
h1 { font-size: 17pt; margin: 0 0 2mm; }
p { margin: 0 0 2mm; }
.who { display: flex; gap: 6mm; align-items: stretch; margin: 3mm 0; }
.pseudonym { flex: 1; border: 1.5pt solid #000; padding: 1.5mm 2mm; min-height: 15mm; }
.run { flex: 1.4; border: 1pt solid #000; padding: 1.5mm 2mm; }
.label { font-size: 10pt; font-weight: bold; display: block; }
.box { display: inline-block; width: 4.5mm; height: 4.5mm; border: 1.2pt solid #000; vertical-align: -0.8mm;
       margin-right: 1.5mm; }
.blank { display: inline-block; min-width: 14mm; border-bottom: 1pt solid #000; height: 5mm; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 3mm; }
th, td { border: 1pt solid #000; padding: 1mm 1.5mm; vertical-align: middle; font-size: 10.5pt; }
thead th { font-size: 10pt; text-align: center; }
tbody th { text-align: left; font-weight: normal; width: 27%; }
td.tick { text-align: center; width: 11%; }
td.tick .box { margin: 0; }
td.count { width: 13%; font-size: 10pt; }
td.why { width: 27%; }
tbody tr { height: 11.5mm; }
footer { border-top: 1.5pt solid #000; padding-top: 2mm; font-size: 10pt; }
footer ol { margin: 1mm 0 0; padding-left: 5mm; }
code { font-family: "DejaVu Sans Mono", "Courier New", monospace; font-size: 10pt; }
code span { white-space: nowrap; }
@media screen { body { margin: 8mm auto; } }
"""

_BOX = '<span class="box" aria-hidden="true"></span>'


def sheet_html(challenge: Challenge, touchpoints: tuple[Touchpoint, ...], lang: str) -> str:
    """The worksheet of ``challenge`` in ``lang``: one A4 page listing ``touchpoints``."""
    with speaking(lang):
        title = challenge.title.get(lang)
        head = _("Worksheet: {challenge}").format(challenge=title)
        return (
            f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(head)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n<main>\n"
            f"<h1>{escape(title)}</h1>\n{_intro(challenge, lang)}{_who()}{_table(touchpoints)}</main>\n"
            f"{_footer(challenge, lang)}</body>\n</html>\n"
        )


def _intro(challenge: Challenge, lang: str) -> str:
    about = first_sentence(challenge.description.get(lang))
    length = _("Duration: {duration}.").format(duration=l10n.duration(challenge.duration))
    how = _(
        "For each line, tick one box if it is part of your usual life, and say how many times you used it;"
        " leave the line empty if you never use it. Write no real name: a pseudonym is enough."
    )
    return f"<p>{escape(about)} {escape(length)}</p>\n<p>{escape(how)}</p>\n"


def _who() -> str:
    pseudonym = _("Pseudonym (not your name)")
    end, stopped = _("I went to the end"), _("I stopped early, after")
    hours, went = _("hours"), _("How it went")
    return (
        f'<div class="who">\n<div class="pseudonym"><span class="label">{escape(pseudonym)}</span></div>\n'
        f'<div class="run"><span class="label">{escape(went)}</span>'
        f"{_BOX}{escape(end)}<br>{_BOX}{escape(stopped)} <span class=\"blank\"></span> {escape(hours)}</div>\n"
        "</div>\n"
    )


def _table(touchpoints: tuple[Touchpoint, ...]) -> str:
    boxes = (_("did not use"), _("used"), _("could not avoid"))
    head = [_("Touchpoint"), *boxes, _("How many times"), _("Why (a few words)")]
    out = ["<table>\n<thead><tr>", *(f'<th scope="col">{escape(h)}</th>' for h in head), "</tr></thead>\n<tbody>\n"]
    for tp in touchpoints:
        out.append(f"<tr><th scope=\"row\">{escape(str(tp.label))}</th>")
        out.extend(f'<td class="tick">{_BOX}</td>' for _box in boxes)
        count = escape(_("times:"))
        if tp.captures_per_minute is not None:
            count += "<br>" + escape(_("minutes:"))
        out.append(f'<td class="count">{count}</td>')
        out.append('<td class="why"></td></tr>\n')
    out.append("</tbody>\n</table>\n")
    return "".join(out)


def _with_code(text: str, command: str, **values: str) -> str:
    """``text`` (a msgid worded) with ``{command}`` as code, escaped; the command breaks between its words
    only, never at the hyphen of an option (``--lang`` cut in two reads as two commands)."""
    words = " ".join(f"<span>{escape(word)}</span>" for word in command.split())
    return escape(text.format(command="\x00", **values)).replace("\x00", f"<code>{words}</code>")


def _footer(challenge: Challenge, lang: str) -> str:
    heading = _("For the facilitator")
    template = f"footprint group template {challenge.id} --lang {lang}"
    summarize = f"footprint group summarize sheets-{challenge.id}-{lang}.csv --format html --out summary.html"
    steps = (
        _with_code(
            _("Type each sheet as one row of the template ({command}); in a status cell, type {values}."),
            template,
            values=_values(),
        ),
        _with_code(_("Then: {command}. A pseudonym never appears in the summary."), summarize),
        escape(_("With fewer than 5 participants, the summary shows totals only, so that no one can be singled out.")),
    )
    items = "".join(f"<li>{step}</li>" for step in steps)
    return f'<footer>\n<span class="label">{escape(heading)}</span>\n<ol>{items}</ol>\n</footer>\n'


def _values() -> str:
    words = status_words()
    return _("{no}, {used} or {unavoidable} (empty: not part of their life)").format(**words)


def template_csv(challenge: Challenge, touchpoints: tuple[Touchpoint, ...], lang: str) -> str:
    """The columns to type the sheets into, in ``lang``, with ``TEMPLATE_ROWS`` rows of the challenge."""
    with speaking(lang):
        words = column_words()
        head = [words["challenge"], words["pseudonym"], words["status"], words["hours"]]
        for tp in touchpoints:
            label = tp.label.get(lang)
            head += [label, f"{label} ({words['times']})"]
            if tp.captures_per_minute is not None:
                head.append(f"{label} ({words['minutes']})")
            head.append(f"{label} ({words['why']})")
        buf = io.StringIO()
        buf.write("\ufeff")  # the BOM tells Excel the file is UTF-8 (without it, « défi » turns to mojibake)
        # French Excel splits columns on ";" (the comma is the decimal separator); what spreadsheets write: CRLF
        writer = csv.writer(buf, delimiter=";" if lang == "fr" else ",", lineterminator="\r\n")
        writer.writerow([neutralise(cell) for cell in head])
        row = [neutralise(challenge.id)] + [""] * (len(head) - 1)
        writer.writerows([row] * TEMPLATE_ROWS)
        return buf.getvalue()

