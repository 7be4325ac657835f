"""Collectors and access requests as people read them: the ranking of ``footprint collectors``, one
collector (``collectors show``), the list of requests with their deadlines, and the JSON records of each.

Words only: the caller prints the lines (the command line) or styles them (the TUI).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..domain.catalog import Catalog
from ..domain.collectors import Collector
from ..i18n import N_, _, current, ngettext, pgettext
from ..l10n import country_name, integer, medium_date, percent
from .catalog import captures, consent_name, label

KINDS = {
    "platform": N_("platform"),
    "bank": N_("bank"),
    "card-network": N_("card network"),
    "merchant": N_("merchant"),
    "grid-operator": N_("grid operator"),
    "energy-supplier": N_("energy supplier"),
    "telecom-operator": N_("telecom operator"),
    "public-body": N_("public body"),
    "ad-network": N_("advertising network"),
    "device-maker": N_("device maker"),
    "transport": N_("transport"),
    "health": N_("health"),
    "employer": N_("employer"),
    "other": N_("other"),
}
CHANNELS = {"post": N_("by post"), "email": N_("by e-mail"), "form": N_("by web form")}


def status_name(status: str) -> str:
    """A request's status, as the list says it."""
    names = {
        "open": pgettext("request status", "open"),
        "due-soon": pgettext("request status", "due soon"),
        "overdue": pgettext("request status", "overdue"),
        "answered": pgettext("request status", "answered"),
    }
    return names.get(status, status)


def name(c: Collector) -> str:
    return c.name.get(current())


def who(collector: Collector, organisation: Collector) -> str:
    """« votre banque : Caisse d'Épargne » when a role is played by a named organisation."""
    if organisation.id == collector.id:
        return name(collector)
    return _("{role}: {name}").format(role=name(collector), name=name(organisation))


def _span(first: date, last: date) -> str:
    return _("{first} → {last}").format(first=medium_date(first), last=medium_date(last))


def ranking_lines(ranking: Any, catalog: Catalog) -> list[str]:
    """``footprint collectors``: who received the period's captures, most first."""
    head = _("Who received your captures, {span} (estimate): {captures}").format(
        span=_span(ranking.first, ranking.last), captures=captures(round(ranking.total, 1))
    )
    if not ranking.rows:
        return [head, "  " + _("Nothing logged in this period, and no passive touchpoint in the profile.")]
    names = [who(r.collector, r.organisation) for r in ranking.rows]
    width = min(max(len(n) for n in names), 48)
    lines = [head]
    for n, r in zip(names, ranking.rows, strict=True):
        share = r.share.total / ranking.total if ranking.total else 0.0
        fed = ", ".join(label(catalog.get(tp), tp) for tp in r.share.by_touchpoint)
        figures = _("{captures} ({share}), {passive} passive").format(
            captures=captures(round(r.share.total, 1)), share=percent(share), passive=percent(r.share.passive_share)
        )
        lines.append(f"  {n:<{width}}  {figures}")
        lines.append("  " + " " * width + "  " + _("from: {touchpoints}").format(touchpoints=fed))
    return lines


def ranking_record(ranking: Any) -> dict[str, Any]:
    return {
        "from": ranking.first.isoformat(),
        "to": ranking.last.isoformat(),
        "total": round(ranking.total, 2),
        "estimate": True,
        "collectors": [
            {
                "id": r.collector.id,
                "name": name(r.collector),
                "organisation": r.organisation.id,
                "organisation_name": name(r.organisation),
                "captures": round(r.share.total, 2),
                "passive": round(r.share.passive, 2),
                "passive_share": round(r.share.passive_share, 4),
                "touchpoints": {tp: round(v, 2) for tp, v in r.share.by_touchpoint.items()},
            }
            for r in ranking.rows
        ],
    }


def _controller_lines(org: Collector) -> list[str]:
    c = org.controller
    if c is None:
        return ["  " + _("Controller: not known to footprint (see its privacy policy); a letter leaves it to fill in.")]
    lines = ["  " + _("Controller: {name}").format(name=c.name)]
    if c.address:
        country = [country_name(c.country)] if c.country not in ("", "FR") else []
        lines.append("  " + _("Address: {address}").format(address=", ".join((*c.address, *country))))
    if c.email:
        lines.append("  " + _("E-mail: {address}").format(address=c.email))
    if c.form:
        lines.append("  " + _("Web form: {url}").format(url=c.form))
    lines.append("  " + _("Sources: {urls}").format(urls=", ".join(c.sources)))
    return lines


def _export_lines(org: Collector) -> list[str]:
    e = org.export
    if e is None:
        return ["  " + _("Export: none known; an access request asks for a copy anyway.")]
    lines = []
    if e.importer:
        lines.append("  " + _("Export: read by 'footprint import {importer}'").format(importer=e.importer))
    if e.how:
        lines.append("    " + e.how.get(current()))
    if e.url:
        lines.append("    " + e.url)
    return lines


def view_lines(v: Any) -> list[str]:
    """``collectors show``: who it is, what feeds it and on what basis, what can be asked for, requests."""
    lang = current()
    kind = _(KINDS.get(v.collector.kind, v.collector.kind))
    lines = [_("{name} — {kind}").format(name=who(v.collector, v.organisation), kind=kind)]
    lines.append("  " + _("Id: {id}").format(id=v.collector.id))
    if v.choices:
        options = ", ".join(f"{c.id} ({c.name.get(lang)})" for c in v.choices)
        lines.append("  " + _("Yours to name in config.toml, [collectors] {id} = …: {options}").format(
            id=v.collector.id, options=options))
    lines += _controller_lines(v.organisation) + _export_lines(v.organisation)
    if v.feeds:
        lines.append("  " + _("Fed by (and why it may collect):"))
        lines += [f"    {label(f.touchpoint)}: {consent_name(f.consent)}" for f in v.feeds]
    if v.requests:
        lines.append("  " + ngettext("Access request:", "Access requests:", len(v.requests)))
        lines += ["    " + request_summary(r) for r in v.requests]
    return lines


def view_record(v: Any) -> dict[str, Any]:
    c, org = v.collector, v.organisation
    ctrl, export = org.controller, org.export
    return {
        "id": c.id,
        "name": name(c),
        "kind": c.kind,
        "organisation": org.id,
        "organisation_name": name(org),
        "choices": [x.id for x in v.choices],
        "controller": ctrl and {**ctrl._asdict(), "address": list(ctrl.address), "sources": list(ctrl.sources)},
        "export": export and {
            "importer": export.importer, "how": export.how and export.how.get(current()), "url": export.url,
            "sources": list(export.sources),
        },
        "feeds": [{"touchpoint": f.touchpoint.id, "consent": f.consent} for f in v.feeds],
        "requests": [request_record(r) for r in v.requests],
    }


def request_summary(r: Any) -> str:
    """« #3 envoyée le 2 déc. 2026 par courrier, réponse due le 2 janv. 2027 »."""
    if r.answered is not None:
        return _("#{id} sent {sent} {channel}, answered {answered}").format(
            id=r.id, sent=medium_date(r.sent), channel=_(CHANNELS[r.channel]), answered=medium_date(r.answered))
    return _("#{id} sent {sent} {channel}, due {due}").format(
        id=r.id, sent=medium_date(r.sent), channel=_(CHANNELS[r.channel]), due=medium_date(r.due))


def recorded_line(r: Any, collector: Collector) -> str:
    """What ``request new`` says once the request is in the journal."""
    return _("Recorded request #{id} to {name}, sent {sent} {channel}: the answer is due by {due}.").format(
        id=r.id, name=name(collector), sent=medium_date(r.sent), channel=_(CHANNELS[r.channel]),
        due=medium_date(r.due))


def _when(row: Any) -> str:
    if row.status == "answered":
        return _("answered {day}").format(day=medium_date(row.request.answered))
    if row.days_left < 0:
        n = -row.days_left
        return ngettext("overdue by {n} day", "overdue by {n} days", n).format(n=integer(n))
    if row.days_left == 0:
        return _("due today")
    return ngettext("due in {n} day", "due in {n} days", row.days_left).format(n=integer(row.days_left))


def list_lines(rows: list[Any]) -> list[str]:
    """``request list``: each request, where it stands and its due day."""
    if not rows:
        return [_("No access requests yet: footprint request new COLLECTOR")]
    names = [name(row.collector) if row.collector else row.request.collector for row in rows]
    width = max(len(n) for n in names)
    lines = []
    for n, row in zip(names, rows, strict=True):
        r = row.request
        due = _("due {day}").format(day=medium_date(r.due))
        extended = " " + _("(extended)") if r.extended else ""
        lines.append(f"  #{r.id:<3} {n:<{width}}  {status_name(row.status):<10} {due}{extended} — {_when(row)}")
        if r.import_source:
            lines.append("        " + imported_line(r))
    return lines


def imported_line(r: Any) -> str:
    touches = ngettext("{n} touch", "{n} touches", r.import_touches or 0).format(n=integer(r.import_touches or 0))
    if r.import_first is None:
        return _("answered with an export read by {source}: {touches}").format(source=r.import_source, touches=touches)
    return _("answered with an export read by {source}: {touches}, {span}").format(
        source=r.import_source, touches=touches, span=_span(r.import_first, r.import_last))


def request_record(r: Any, status: str | None = None) -> dict[str, Any]:
    def iso(d: date | None) -> str | None:
        return d.isoformat() if d else None

    out = {
        "id": r.id, "collector": r.collector, "sent": iso(r.sent), "channel": r.channel, "due": iso(r.due),
        "extended": r.extended, "answered": iso(r.answered), "answered_in_time": r.answered_in_time(),
        "import": r.import_source and {
            "source": r.import_source, "first": iso(r.import_first), "last": iso(r.import_last),
            "touches": r.import_touches,
        },
    }
    if status is not None:
        out["status"] = status
    return out

