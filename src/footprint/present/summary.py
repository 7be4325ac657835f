"""A summary's words, for every shell: its title (the period in words), the lines ``footprint summary``
prints, the Markdown block a blogger pastes, and the JSON record (stable keys, numbers as numbers, ISO
dates). Touchpoints and collectors appear by their names in the current language.

What is private stays out unless asked for: notes and exact times only ``with_notes``; the Markdown escapes
every string footprint did not write (``exporters/markdown_text.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import l10n
from ..domain.catalog import Catalog
from ..i18n import _, current, nsay, pgettext
from ..services.summary import Change, Line, Period, RunSummary, Summary
from .catalog import name_of


def title(period: Period) -> str:
    """ "Week of 23–29 November 2026", « Semaine du 23 au 29 novembre 2026 », « Novembre 2026 »."""
    if period.unit == "week":
        return pgettext("summary title", "Week of {span}").format(span=l10n.date_span(period.first, period.last))
    if period.unit == "month":
        text = l10n.month(period.first)
    elif period.unit == "year":
        text = pgettext("summary title", "Year {year}").format(year=str(period.first.year))
    elif period.first == period.last:
        text = l10n.long_date(period.first)
    else:
        text = pgettext("summary title", "{span}").format(span=l10n.date_span(period.first, period.last))
    return text[:1].upper() + text[1:]


def compared(s: Summary) -> str:
    """What the figures are set against, and how much of the period has passed."""
    prev = s.previous
    if prev.first == prev.last:
        against = _("Compared with {day}.").format(day=l10n.date_span(prev.first, prev.last))
    else:
        against = _("Compared with {span}.").format(span=l10n.date_span(prev.first, prev.last))
    if not s.partial:
        return against
    counted = s.days.counted
    so_far = str(nsay("{n} day of {m} so far.", "{n} days of {m} so far.", counted, n=counted, m=s.period.days))
    return f"{so_far} {against}"


def change(c: Change) -> str:
    """``+12%`` / ``−30 %``, or "new" and "gone" when one side is nothing."""
    if c.before == 0:
        return pgettext("change", "new") if c.now else l10n.signed_percent(0)
    if c.now == 0:
        return pgettext("change", "gone")
    return l10n.signed_percent((c.now - c.before) / c.before)


def _touches(value: float) -> str:
    return l10n.integer(int(value))


def day_line(s: Summary) -> str:
    d = s.days
    return _("Closed days: {closed} · logged but not closed: {open} · not logged: {unlogged}").format(
        closed=l10n.integer(d.closed), open=l10n.integer(d.open_logged), unlogged=l10n.integer(d.unlogged)
    )


def streak_line(s: Summary) -> str:
    st = s.streaks
    return _("Closed days in a row: {current} up to {day}, at most {longest} in the period").format(
        current=l10n.integer(st.current),
        day=l10n.date_span(st.current_to, st.current_to),
        longest=l10n.integer(st.longest),
    )


def totals_lines(s: Summary) -> list[str]:
    def one(what: str, c: Change, fmt: Callable[[float], str]) -> str:
        return _("{what}: {now} (before: {before}, {change})").format(
            what=what, now=fmt(c.now), before=fmt(c.before), change=change(c)
        )

    return [one(_("Touches"), s.touches, _touches), one(_("Captures"), s.captures, l10n.number)]


def run_line(r: RunSummary, catalog: Catalog, with_notes: bool = False) -> str:
    """A challenge run of the period and its verdict; days only (exact times ``with_notes``)."""
    from .challenge import headline

    title_text = r.verdict.challenge.title.get(current()) if r.verdict is not None else r.run.challenge
    if with_notes:
        from .challenge import moment

        span = f"{moment(r.run.start)} → {moment(r.run.end)}"
    else:
        span = l10n.date_span(r.run.start.date(), r.run.end.date())
    said = headline(r.verdict, catalog, with_notes=with_notes) if r.verdict is not None else _("no verdict")
    return _("{title} (#{id}, {span}): {verdict}").format(title=title_text, id=r.run.id, span=span, verdict=said)


def note_line(e: Any, catalog: Catalog) -> str:
    from .challenge import moment

    return _("{when}, {name}: {note}").format(when=moment(e.at), name=name_of(catalog, e.touchpoint), note=e.note)


def _collector(catalog: Catalog, cid: str) -> str:
    return catalog.collector_label(cid, current())


def _table(lines: tuple[Line, ...], name: Callable[[str], str], head: str, touches: bool = True) -> list[list[str]]:
    """Rows of strings: a header, then one row per touchpoint or collector."""
    cols = [head]
    if touches:
        cols += [_("Touches"), pgettext("summary column", "Before"), pgettext("summary column", "Change")]
    cols += [_("Captures"), pgettext("summary column", "Before"), pgettext("summary column", "Change")]
    rows = [cols]
    for x in lines:
        row = [name(x.key)]
        if touches:
            row += [_touches(x.touches.now), _touches(x.touches.before), change(x.touches)]
        row += [l10n.number(x.captures.now), l10n.number(x.captures.before), change(x.captures)]
        rows.append(row)
    return rows


def _aligned(rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return [
        "  " + "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))).rstrip()
        for r in rows
    ]


def lines(s: Summary, catalog: Catalog, with_notes: bool = False) -> list[str]:
    """``footprint summary``: the period, its totals against the period before, days, tables, runs."""
    out = [title(s.period), compared(s), *("  " + t for t in totals_lines(s))]
    out += ["  " + day_line(s), "  " + streak_line(s)]
    if s.touchpoints:
        out += ["", *_aligned(_table(s.touchpoints, lambda k: name_of(catalog, k), _("Touchpoint")))]
    if s.collectors:
        out += ["", *_aligned(_table(s.collectors, lambda k: _collector(catalog, k), _("Collector"), False))]
    if s.runs:
        out += ["", _("Challenges:"), *("  " + run_line(r, catalog, with_notes) for r in s.runs)]
    if s.notes:
        out += ["", _("Notes:"), *("  " + note_line(e, catalog) for e in s.notes)]
    return out


# --- Markdown, for a post ------------------------------------------------------------------------------


def _md_table(rows: list[list[str]]) -> list[str]:
    from ..exporters.markdown_text import cell

    head, *body = rows
    out = ["| " + " | ".join(cell(c) for c in head) + " |", "| --- |" + " ---: |" * (len(head) - 1)]
    out += ["| " + " | ".join(cell(c) for c in r) + " |" for r in body]
    return out


def markdown(s: Summary, catalog: Catalog, with_notes: bool = False) -> str:
    """A Markdown block: a short title, what it is set against, a table per touchpoint and per collector, the
    days, the challenges. Names come from the catalog and challenge files: escaped, they print as text."""
    from ..exporters.markdown_text import text

    out = [f"### {title(s.period)}", "", text(compared(s)), ""]
    touchpoints = _table(s.touchpoints, lambda k: name_of(catalog, k), _("Touchpoint"))
    total = [f"**{_('Total')}**", _touches(s.touches.now), _touches(s.touches.before), change(s.touches)]
    total += [l10n.number(s.captures.now), l10n.number(s.captures.before), change(s.captures)]
    out += _md_table(touchpoints) + ["| " + " | ".join(total) + " |"]
    if s.collectors:
        out += ["", *_md_table(_table(s.collectors, lambda k: _collector(catalog, k), _("Collector"), False))]
    out += ["", text(day_line(s)) + "  ", text(streak_line(s))]
    if s.runs:
        out += ["", text(_("Challenges:")), *("- " + text(run_line(r, catalog, with_notes)) for r in s.runs)]
    if s.notes:
        out += ["", text(_("Notes:")), *("- " + text(note_line(e, catalog)) for e in s.notes)]
    return "\n".join(out) + "\n"


# --- JSON ----------------------------------------------------------------------------------------------


def _change(c: Change, digits: int | None = None) -> dict[str, Any]:
    now, before = (round(c.now, digits), round(c.before, digits)) if digits is not None else (c.now, c.before)
    fraction = round((c.now - c.before) / c.before, 4) if c.before else None
    return {"now": now, "before": before, "change": fraction}


def _line(x: Line, name: str, known: bool | None = None) -> dict[str, Any]:
    record: dict[str, Any] = {"id": x.key, "label": name}
    if known is not None:
        record["known"] = known
    return record | {"touches": _change(x.touches), "captures": _change(x.captures, 2)}


def _run(r: RunSummary) -> dict[str, Any]:
    v = r.verdict
    return {
        "id": r.run.id,
        "challenge": r.run.challenge,
        "name": r.run.name,
        "title": v.challenge.title.get(current()) if v is not None else None,
        "start": r.run.start.isoformat(),
        "end": r.run.end.isoformat(),
        "status": v.status if v is not None else r.run.status,
        "usual": len(v.usual) if v is not None else None,
        "removed": len(v.removed) if v is not None else None,
        "touched": [t.touchpoint for t in v.touched] if v is not None else None,
        "captures": round(v.run.total, 2) if v is not None else None,
    }


def _period(p: Period) -> dict[str, Any]:
    return {"unit": p.unit, "first": p.first.isoformat(), "last": p.last.isoformat(), "days": p.days}


def record(s: Summary, catalog: Catalog, with_notes: bool = False) -> dict[str, Any]:
    """``footprint summary --json``."""
    st = s.streaks
    out: dict[str, Any] = {
        "period": _period(s.period) | {"through": s.through.isoformat(), "partial": s.partial},
        "previous": _period(s.previous),
        "touches": _change(s.touches),
        "captures": _change(s.captures, 2),
        "days": s.days._asdict(),
        "streaks": {
            "current": st.current,
            "current_since": st.current_since.isoformat() if st.current_since else None,
            "current_to": st.current_to.isoformat(),
            "longest": st.longest,
            "longest_from": st.longest_from.isoformat() if st.longest_from else None,
            "longest_to": st.longest_to.isoformat() if st.longest_to else None,
        },
        "touchpoints": [_line(x, name_of(catalog, x.key), catalog.get(x.key) is not None) for x in s.touchpoints],
        "collectors": [_line(x, _collector(catalog, x.key)) for x in s.collectors],
        "runs": [_run(r) for r in s.runs],
    }
    if with_notes:
        out["notes"] = [{"at": e.at.isoformat(), "touchpoint": e.touchpoint, "note": e.note} for e in s.notes]
    return out
