"""The challenge's words, for both shells: a challenge's detail and list line, a run's state and countdown,
the verdict (its headline and its lines), what starting, ending and abandoning say, and streaks. The CLI
prints these lines; the TUI shows the same texts, styled by each line's role. Touchpoints appear by their
label in the current language, challenges by their title; lengths of time come from ``l10n``.

The domain returns data (``domain.verdict.Verdict``, ``domain.streak.Streaks``); every word is here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import NamedTuple

from .. import l10n
from ..domain.catalog import Catalog
from ..domain.challenge import Challenge, Start
from ..domain.journal import Run
from ..domain.streak import Streaks
from ..domain.verdict import Verdict
from ..i18n import _, current, ngettext, pgettext
from .comparison import baseline_notes
from .day import label, labels, reason  # touchpoints by name and touches' reasons: the journal's words


class Line(NamedTuple):
    """One line of a view: its text and what it is (``title``, ``headline``, ``body``, ``usual``, ``heading``,
    ``hint``, ``invite``, ``credit``, ``command``, ``note``, ``blank``), for the TUI to style."""

    text: str
    role: str = "body"


BLANK = Line("", "blank")

# What a challenge forbids by kind, as whole phrases (French agrees « tous les appareils », « toutes les cartes »).
_ALL_OF_KIND = {
    "device": lambda: _("all devices"),
    "card": lambda: _("all cards"),
    "meter": lambda: _("all meters"),
    "service": lambda: _("all online services"),
    "social": lambda: _("all social networks"),
}
# A streak counted over a kind: its name, as a heading.
_KIND_NAMES = {
    "device": lambda: _("Devices"),
    "card": lambda: _("Cards"),
    "meter": lambda: _("Meters"),
    "service": lambda: _("Online services"),
    "social": lambda: _("Social networks"),
}


def quoted(text: str) -> str:
    return pgettext("quote", "“{text}”").format(text=text)


def moment(at: datetime) -> str:
    """A date and time in a sentence: "21 Nov 2026 at 00:00", « 21 nov. 2026 à 00:00 »."""
    return pgettext("moment", "{date} at {time}").format(date=l10n.medium_date(at.date()), time=l10n.clock(at))


def long_moment(at: datetime) -> str:
    """An instant in words: "Saturday 21 November 2026 at 14:05", « samedi 21 novembre 2026 à 14:05 »."""
    return pgettext("moment", "{date} at {time}").format(date=l10n.long_date(at.date()), time=l10n.clock(at))


def span(start: datetime, end: datetime) -> str:
    """ "from Saturday 21 November 2026 at 00:00 to Sunday 22 November 2026 at 00:00"."""
    return _("from {start} to {end}").format(start=long_moment(start), end=long_moment(end))


def lengths(run: Run) -> tuple[str, str]:
    """How long a run lasted and how long it was planned for, on the wall clock ("6 h", "24 h")."""
    lasted = run.end.replace(tzinfo=None) - run.start.replace(tzinfo=None)
    return l10n.duration(lasted), l10n.duration(run.planned_end.replace(tzinfo=None) - run.start.replace(tzinfo=None))


def ended_early(run: Run) -> bool:
    return run.status == "finished" and run.ended is not None and run.ended < run.planned_end


def title(c: Challenge) -> str:
    return c.title.get(current())


# --- a challenge ---------------------------------------------------------------------------------------


def forbidden(c: Challenge, catalog: Catalog) -> str:
    kinds = [_ALL_OF_KIND[k]() for k in c.forbid_kinds if k in _ALL_OF_KIND]
    return ", ".join([*kinds, *(label(catalog, i) for i in c.forbid_touchpoints if catalog.get(i))])


def credit(c: Challenge) -> str | None:
    """Where the challenge comes from: "From the post “Ma journée sans Big Data” by Vincent Barberot (2018)"."""
    s = c.source
    if s is None:
        return None
    if s.year:
        said = _("From the post “{title}” by {author} ({year}).")
        return said.format(title=s.title, author=s.author, year=s.year)
    return _("From the post “{title}” by {author}.").format(title=s.title, author=s.author)


def detail(c: Challenge, catalog: Catalog, usual: Sequence[str] = ()) -> list[Line]:
    """``challenge show``, and the TUI's detail pane: what it is, how long, what it forbids, hints."""
    lang = current()
    length = l10n.duration(c.duration)
    if c.starts_at is not None:
        duration = _("Duration: {duration}, usually from {time}").format(duration=length, time=l10n.clock(c.starts_at))
    else:
        duration = _("Duration: {duration}").format(duration=length)
    lines = [Line(title(c), "title"), BLANK, Line(c.description.get(lang)), BLANK, Line(duration)]
    lines.append(Line(_("Forbidden: {items}").format(items=forbidden(c, catalog))))
    if c.allow:
        lines.append(Line(_("Allowed anyway: {items}").format(items=labels(catalog, c.allow))))
    if usual:
        usual_line = _("Your usual touchpoints it forbids: {items}").format(items=labels(catalog, usual))
        lines.append(Line(usual_line, "usual"))
    if c.hints:
        lines += [BLANK, Line(_("Hints:"), "heading")]
        lines += [Line("  - " + hint_text(catalog, h.touchpoint, h.text.get(lang)), "hint") for h in c.hints]
    lines += [BLANK, Line(c.invite.get(lang), "invite")]
    said = credit(c)
    if said:
        lines.append(Line(said, "credit"))
    lines.append(Line(_("Take it: footprint challenge start {id}").format(id=c.id), "command"))
    return lines


def hint_text(catalog: Catalog, tp_id: str, text: str) -> str:
    return pgettext("label", "{label}: {text}").format(label=label(catalog, tp_id), text=text)


def list_line(c: Challenge) -> str:
    """One line of ``challenge list``: the id to type, the title, the length."""
    return f"  {c.id:<28} {title(c):<40} {l10n.duration(c.duration)}"


def option(c: Challenge) -> str:
    """The TUI's pick list: the title and the length."""
    return f"{title(c)} · {l10n.duration(c.duration)}"


# --- runs ----------------------------------------------------------------------------------------------


def started(run: Run, begun: Start, c: Challenge, catalog: Catalog, usual: Sequence[str], now: datetime) -> list[str]:
    """What starting a run says: when it runs (and why then, when today's usual start had passed), then the
    usual touchpoints it forbids, with their hints."""
    when = span(run.start, run.planned_end)
    if run.start > now:
        head = _("Planned “{title}” (run #{id}) {span}: it starts in {left}.").format(
            title=title(c), id=run.id, span=when, left=l10n.duration(run.start - now)
        )
    elif run.planned_end <= now:
        head = _("Recorded “{title}” (run #{id}) {span}, already over: see footprint challenge verdict {id}.")
        head = head.format(title=title(c), id=run.id, span=when)
    else:
        head = _("Started “{title}” (run #{id}) {span}.").format(title=title(c), id=run.id, span=when)
    lines = [head]
    if begun.rule == "late" and begun.passed is not None:
        said = _("Its usual start, {time} today, has passed: it starts now. To start it at {time} anyway: --at {time}")
        lines.append(said.format(time=l10n.clock(begun.passed)))
    if usual:
        lines.append(_("Your usual touchpoints it forbids: {items}").format(items=labels(catalog, usual)))
        lines += [
            "  - " + hint_text(catalog, tp_id, h.text.get(current())) for tp_id in usual for h in c.hints_for(tp_id)
        ]
    return lines


def confirm_start(c: Challenge, start: datetime, end: datetime) -> str:
    """The TUI's question before a run starts, with its start and planned end in words."""
    return _("Start “{title}” now, {span}?").format(title=title(c), span=span(start, end))


def cancelled(run: Run, c_title: str) -> str:
    """What cancelling a run that had not begun says."""
    return _("Cancelled: the challenge “{title}” planned for {start} (footprint undo brings it back).").format(
        title=c_title, start=long_moment(run.start)
    )


def confirm_cancel(run: Run, c_title: str) -> str:
    """The TUI's question before cancelling a run that has not begun."""
    return _("Cancel “{title}”, planned for {start}? It has not begun: it is removed.").format(
        title=c_title, start=long_moment(run.start)
    )


def state(run: Run, starts_in: timedelta = timedelta(0), left: timedelta = timedelta(0)) -> str:
    """A run's state in a few words: « en cours, encore 14 h 30 (fin le 21 nov. 2026 à 00:00) », « terminé
    plus tôt (6 h sur 24 h) »."""
    if starts_in:
        return _("starts in {left} ({start})").format(left=l10n.duration(starts_in), start=moment(run.start))
    if run.status == "active":
        return _("running, {left} left (ends {end})").format(left=l10n.duration(left), end=moment(run.planned_end))
    lasted, planned = lengths(run)
    if run.status == "abandoned":
        return pgettext("run", "abandoned after {lasted} of {planned}").format(lasted=lasted, planned=planned)
    if ended_early(run):
        return pgettext("run", "ended early ({lasted} of {planned})").format(lasted=lasted, planned=planned)
    return pgettext("run", "finished")


def status_line(run: Run, c: Challenge, what: str) -> str:
    return _("Run #{id} — {title} — {state}").format(id=run.id, title=title(c), state=what)


def countdown(run: Run, now: datetime) -> str:
    """The TUI's live line, to the second: "14:29:59 left, ends 23 Nov 2026 at 00:00"."""
    if now < run.start:
        return _("starts in {left} ({start})").format(left=l10n.countdown(run.start - now), start=moment(run.start))
    return _("{left} left, ends {end}").format(left=l10n.countdown(run.planned_end - now), end=moment(run.planned_end))


def run_line(run: Run, c_title: str, now: datetime | None = None) -> str:
    """One line of ``challenge runs``: a running or planned run says how long is left, or until it starts."""
    name = f" [{run.name}]" if run.name else ""
    what = state(run)
    if now is not None and run.status == "active":
        what = state(run, max(run.start - now, timedelta(0)), max(run.planned_end - now, timedelta(0)))
    return f"  #{run.id:<4} {c_title:<34} {moment(run.start)} → {moment(run.end)}  {what}{name}"


def ended(run: Run, v: Verdict, catalog: Catalog) -> str:
    said = headline(v, catalog, with_notes=True, status=False)
    lasted, planned = lengths(run)
    if run.status == "abandoned":
        return _("Abandoned run #{id} after {lasted} of {planned}: {headline}").format(
            id=run.id, lasted=lasted, planned=planned, headline=said
        )
    if ended_early(run):
        return _("Ended run #{id} early ({lasted} of {planned}): {headline}").format(
            id=run.id, lasted=lasted, planned=planned, headline=said
        )
    return _("Ended run #{id}: {headline}").format(id=run.id, headline=said)


# --- the verdict ---------------------------------------------------------------------------------------


def _why(why: str) -> str:
    return pgettext("why", "passive") if why == "passive" else reason("unavoidable")


def headline(v: Verdict, catalog: Catalog, with_notes: bool = False, status: bool = True) -> str:
    """ "3 of 5 removed; unavoidable: Smartphone (alarm clock), Smart meter (passive)". Notes (the person's
    own words, like "alarm clock") appear only ``with_notes``; otherwise the reason is named. ``status``:
    say "So far:" or "Abandoned:" before it (not when the sentence around it says so already)."""
    if v.usual:
        n = len(v.removed)
        parts = [ngettext("{n} of {m} removed", "{n} of {m} removed", n).format(n=n, m=len(v.usual))]
    else:
        parts = [_("none of your usual touchpoints is forbidden by this challenge")]
    if v.unavoidable:
        items = []
        for u in v.unavoidable:
            why = ", ".join(dict.fromkeys(u.notes)) if with_notes and u.notes else _why(u.why)
            items.append(f"{label(catalog, u.touchpoint)} ({why})")
        n = len(items)
        parts.append(ngettext("unavoidable: {items}", "unavoidable: {items}", n).format(items=", ".join(items)))
    kept = {u.touchpoint for u in v.unavoidable}
    others = [t for t in v.touched if t.touchpoint not in kept]
    if others:
        items = []
        for t in others:
            reasons = ", ".join(reason(r) for r in dict.fromkeys(t.reasons))
            items.append(f"{label(catalog, t.touchpoint)} ×{t.count}" + (f" ({reasons})" if reasons else ""))
        parts.append(ngettext("touched: {items}", "touched: {items}", len(items)).format(items=", ".join(items)))
    text = pgettext("separator", "; ").join(parts)
    if status and v.status == "planned":
        return _("Not begun: it starts on {start}").format(start=moment(v.window.start))
    if status and v.ended_early:
        lasted, planned = l10n.duration(v.window.wall()), l10n.duration(v.planned)
        return _("Ended early ({lasted} of {planned}): {verdict}").format(lasted=lasted, planned=planned, verdict=text)
    if status and v.status == "abandoned":
        return _("Abandoned: {verdict}").format(verdict=text)
    if status and v.status == "running":
        return _("So far: {verdict}").format(verdict=text)
    return text[:1].upper() + text[1:]


def _touched_items(v: Verdict, catalog: Catalog) -> list[str]:
    items = []
    for x in v.touched:
        text = f"{label(catalog, x.touchpoint)} ×{x.count}"
        if x.reasons:
            text += f" ({', '.join(reason(r) for r in dict.fromkeys(x.reasons))})"
        if x.notes:
            text += " " + quoted("; ".join(x.notes))
        items.append(text)
    return items


def verdict_lines(v: Verdict, catalog: Catalog, running: bool = False) -> list[Line]:
    """``challenge verdict`` and ``status``, and the TUI's run view (the person's notes included: it is
    their own screen). ``running``: what was touched so far and what is still avoidable."""
    none = pgettext("list", "none")
    touched = _touched_items(v, catalog)
    unavoidable = [f"{label(catalog, u.touchpoint)} ({_why(u.why)})" for u in v.unavoidable]
    touched_text, removed = ", ".join(touched) or none, labels(catalog, v.removed)
    if running:
        said = [
            ngettext("Touched so far: {items}", "Touched so far: {items}", len(touched)).format(items=touched_text),
            ngettext("Still avoidable: {items}", "Still avoidable: {items}", len(v.removed)).format(items=removed),
        ]
    else:
        said = [
            ngettext("Removed: {items}", "Removed: {items}", len(v.removed)).format(items=removed),
            ngettext("Touched: {items}", "Touched: {items}", len(touched)).format(items=touched_text),
        ]
    said.append(
        ngettext("Unavoidable: {items}", "Unavoidable: {items}", len(unavoidable)).format(
            items=", ".join(unavoidable) or none
        )
    )
    if v.status == "planned":
        return [Line(headline(v, catalog), "headline")]
    lines = [Line(headline(v, catalog, with_notes=True), "headline"), BLANK, *map(Line, said)]
    lines.append(Line(_("Captures during the run: {run} (estimate)").format(run=l10n.number(v.run.total))))
    lines += [Line(text, "note") for text in baseline_notes(v)]
    return lines


# --- streaks -------------------------------------------------------------------------------------------


def streak_name(target: str, catalog: Catalog) -> str:
    """A kind's name (« Réseaux sociaux ») or a touchpoint's label."""
    return _KIND_NAMES[target]() if target in _KIND_NAMES else label(catalog, target)


def streak_lines(target: str, s: Streaks, catalog: Catalog) -> list[str]:
    """``footprint streak``: the current streak and the longest, then what they were counted over."""
    if not s.closed_days:
        return [_("No closed days yet: streaks count only days you closed (footprint close).")]
    if s.current and s.current_since is not None:
        now = ngettext(
            "{n} closed day in a row without a touch, since {since}",
            "{n} closed days in a row without a touch, since {since}",
            s.current,
        ).format(n=s.current, since=l10n.medium_date(s.current_since))
    else:
        now = _("touched on the latest closed day")
    if s.longest and s.longest_from is not None and s.longest_to is not None:
        if s.longest_from == s.longest_to:
            best = _("longest: 1 day, on {day}").format(day=l10n.medium_date(s.longest_from))
        else:
            best = ngettext(
                "longest: {n} day, from {first} to {last}", "longest: {n} days, from {first} to {last}", s.longest
            ).format(n=s.longest, first=l10n.medium_date(s.longest_from), last=l10n.medium_date(s.longest_to))
    else:
        best = _("longest: none yet")
    detail = ngettext(
        "Counted over {n} closed day, {with_} of them with a touch. A day never closed breaks a streak.",
        "Counted over {n} closed days, {with_} of them with a touch. A day never closed breaks a streak.",
        s.closed_days,
    ).format(n=s.closed_days, with_=s.days_with)
    head = _("{what}: {now}; {longest}").format(what=streak_name(target, catalog), now=now, longest=best)
    return [head, detail]
