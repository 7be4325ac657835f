"""Access requests (GDPR art. 15): the letter, its record in the journal, its deadline, and its answer.

The letter is filled from a template file (``data/templates/request-LANG.txt`` and ``.html``) with the
controller of ``collectors.toml`` and the user's name and address from ``CONFIG/config.toml``'s ``[user]``
table. Those two never reach the journal: a request row holds the collector, the days, the channel and
what imported the answer. Anything unknown is left as a bracketed placeholder, and said in a note.

An answer with its export is imported by ``services.imports.run`` (the importer of the collector's export
unless another is named); the import is its own undo step, the answer another. An export the importer
refuses leaves the request open, and the error says so.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from string import Template
from typing import NamedTuple

from ..domain.collectors import CHANNELS, Collector
from ..domain.requests import AccessRequest
from ..errors import BadInput, FootprintError, NotFound
from ..i18n import N_, Message, _, say, speaking
from ..resources import shipped_dir
from .. import config, l10n
from . import Service
from .collectors import catalog_of, chosen, user_config

FORMATS = ("text", "html")


class Letter(NamedTuple):
    text: str
    html: str
    notes: tuple[Message, ...]  # what the user must fill in or know before sending


class NewRequest(NamedTuple):
    collector: Collector
    letter: Letter
    request: AccessRequest | None  # None for a draft: nothing recorded
    written: Path | None


class Listed(NamedTuple):
    request: AccessRequest
    collector: Collector | None
    status: str  # open, due-soon, overdue, answered
    days_left: int  # negative when overdue


def _request_store():  # noqa: ANN202 - the store module, imported when requests are used
    from ..store import requests as store

    return store


def all_requests(svc: Service) -> list[AccessRequest]:
    return _request_store().requests(svc.journal)


def get(svc: Service, request_id: int) -> AccessRequest:
    found = _request_store().request(svc.journal, request_id)
    if found is None:
        raise NotFound(N_("no request #{id} (see 'footprint request list')"), id=request_id)
    return found


def listing(svc: Service) -> list[Listed]:
    """Every request with where it stands today: open ones by due day first, then the answered."""
    today, known = svc.settings.now().date(), catalog_of(svc)
    rows = [Listed(r, known.get(r.collector), r.status(today), (r.due - today).days) for r in all_requests(svc)]
    return sorted(rows, key=lambda x: (x.status == "answered", x.request.due, x.request.id or 0))


# --- the letter ----------------------------------------------------------------------------------------


def _blocks(org: Collector, lang: str, svc: Service) -> tuple[dict[str, list[str]], list[Message]]:
    user = user_config(svc).get("user", {})
    user = user if isinstance(user, dict) else {}
    name = user.get("name") if isinstance(user.get("name"), str) and user["name"].strip() else None
    address = user.get("address") if isinstance(user.get("address"), str) and user["address"].strip() else None
    notes: list[Message] = []
    if name is None or address is None:
        notes.append(say("your name or address is not in {file} ([user] name, address): fill in the brackets",
                         file=str(config.file_in(svc.settings.config_dir))))
    c = org.controller
    if c:
        recipient = [c.name]
    elif org.role:  # a role nobody named (your bank): the letter cannot know whom it goes to
        recipient = [_("[Name of the controller: see its privacy policy]")]
    else:  # an organisation whose controller footprint does not know: its name, to its data protection officer
        recipient = [org.name.get(lang), _("Data protection officer")]
    if c and c.address:
        recipient += list(c.address)
        if c.country and c.country != "FR":
            recipient.append(l10n.country_name(c.country))  # in speaking(lang)
    else:
        recipient.append(_("[Postal address of the controller: see its privacy policy]"))
        notes.append(say("footprint knows no postal address for {name}: fill it in before sending", name=org.name))
    sender = [name.strip() if name else _("[Your first and last name]")]
    sender += [line.strip() for line in address.strip().splitlines()] if address else [_("[Your postal address]")]
    return {"sender": sender, "recipient": recipient, "signature": [sender[0]]}, notes


def _fill(kind: str, lang: str, values: dict[str, str]) -> str:
    ext = "html" if kind == "html" else "txt"
    path = shipped_dir("data") / "templates" / f"request-{lang}.{ext}"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    while lines and lines[0].startswith("# "):  # the text template's own comment
        lines.pop(0)
    filled = Template("".join(lines)).substitute(values)
    return re.sub(r"\n{3,}", "\n\n", filled) if kind == "text" else filled


def letter(svc: Service, org: Collector, lang: str, sent: date, channel: str) -> Letter:
    """The access-request letter to ``org``'s controller, in ``lang``, as text and HTML."""
    import html

    from ..domain.requests import add_months

    with speaking(lang):
        blocks, notes = _blocks(org, lang, svc)
        how = org.export.how.get(lang) if org.export and org.export.how else ""
        hint = _("The download you already offer would suit me ({how}).").format(how=how.rstrip(".")) if how else ""
        hint = " " + hint if hint else ""
        values = {
            "date": l10n.day_in_words(sent),  # in the letter's language: speaking(lang)
            "due": l10n.day_in_words(add_months(sent, 1)),
            "by_post": _("Sent by registered letter with acknowledgement of receipt") if channel == "post" else "",
        }
        text = _fill("text", lang, {
            **values, "hint": hint, **{k: "\n".join(v) for k, v in blocks.items()},
        })
        page = _fill("html", lang, {
            **{k: html.escape(v) for k, v in values.items()},
            "hint": html.escape(hint),
            **{k: "<br>\n".join(html.escape(line) for line in v) for k, v in blocks.items()},
        })
        if org.role:  # nobody named the bank (or the operator) this is: the letter cannot know its address
            notes.append(say("name yours in {file}: [collectors] {id} = … ('footprint collectors show {id}' lists them)",
                             file=str(config.file_in(svc.settings.config_dir)), id=org.id))
        c = org.controller
        if channel == "email" and c and c.email:
            notes.append(say("send it by e-mail to {address}", address=c.email))
        elif channel == "form" and c and c.form:
            notes.append(say("paste it into the controller's form: {url}", url=c.form))
        elif channel != "post":
            notes.append(say("footprint knows no address for this channel: check the controller's privacy policy"))
    return Letter(text, page, tuple(notes))


def new(
    svc: Service,
    name: str,
    lang: str,
    channel: str | None = None,
    sent: str | None = None,
    out: Path | None = None,
    fmt: str | None = None,
    draft: bool = False,
) -> NewRequest:
    """Write the letter to ``name``'s controller and record the request (not when ``draft``): sent on
    ``sent`` (default today; never a day to come), by ``channel`` (default: the controller's e-mail, else
    its form, else the post). ``out`` is written owner-only; ``fmt`` (text or html) defaults to its
    extension's."""
    known = catalog_of(svc)
    org = known.behind(known.resolve(name), chosen(svc))
    if channel is not None and channel not in CHANNELS:
        raise BadInput(N_("unknown channel '{name}': use {choices}"), name=channel[:40], choices=", ".join(CHANNELS))
    channel = channel or (org.controller.channel if org.controller else "post")
    day = svc.day_of(sent) if sent else svc.settings.now().date()
    if day > svc.settings.now().date():
        raise BadInput(N_("{day} is in the future: record a letter on the day you send it"), day=day.isoformat())
    if fmt is not None and fmt not in FORMATS:
        raise BadInput(N_("unknown format '{name}': use {choices}"), name=fmt[:40], choices=", ".join(FORMATS))
    written = letter(svc, org, lang, day, channel)
    if out is not None:
        from ..files import write_private

        html = (fmt or ("html" if out.suffix.lower() in (".html", ".htm") else "text")) == "html"
        write_private(out, [written.html if html else written.text])
    recorded = None
    if not draft:
        summary = say("recording a request to {name}", name=org.name)
        recorded = _request_store().add_request(svc.journal, AccessRequest(None, org.id, day, channel), summary)
    return NewRequest(org, written, recorded, out)


# --- deadlines and answers -----------------------------------------------------------------------------


def extend(svc: Service, request_id: int) -> AccessRequest:
    """The controller said it needs two more months (art. 12(3)): the request is due three months after
    it was sent."""
    r = get(svc, request_id)
    if r.answered is not None:
        raise BadInput(N_("request #{id} is already answered"), id=request_id)
    if r.extended:
        raise BadInput(N_("request #{id} is already extended"), id=request_id)
    new_r = r._replace(extended=True)
    _request_store().update_request(svc.journal, new_r, say("extending request #{id}", id=request_id))
    return new_r


def answer(
    svc: Service, request_id: int, file: Path | None = None, importer: str | None = None, on: str | None = None
) -> tuple[AccessRequest, object | None]:
    """Mark a request answered on ``on`` (default today); with ``file``, import the export first, with
    ``importer`` or the collector's own. A refused export leaves the request open: the error says so."""
    r = get(svc, request_id)
    if r.answered is not None:
        raise BadInput(N_("request #{id} is already answered"), id=request_id)
    day = svc.day_of(on) if on else svc.settings.now().date()
    if day > svc.settings.now().date():
        raise BadInput(N_("{day} has not happened yet"), day=day.isoformat())
    if day < r.sent:
        raise BadInput(N_("request #{id} was sent on {sent}: an answer cannot come before"), id=request_id,
                       sent=r.sent.isoformat())
    report = None
    if file is not None:
        report = _import_answer(svc, r, file, importer)
        r = r._replace(import_source=report.source, import_first=report.first_day, import_last=report.last_day,
                       import_touches=report.read)
    done = r._replace(answered=day)
    _request_store().update_request(svc.journal, done, say("recording the answer to request #{id}", id=request_id))
    return done, report


def _import_answer(svc: Service, r: AccessRequest, file: Path, importer: str | None):  # noqa: ANN202
    from . import imports

    org = catalog_of(svc).get(r.collector)
    source = importer or (org.export.importer if org and org.export else "")
    if not source:
        raise BadInput(N_("no importer is known for this collector's export: name one with --importer"))
    try:
        report = imports.run(svc, source, file)
    except FootprintError as exc:
        raise type(exc)(N_("request #{id} stays open: {reason}"), id=r.id, reason=exc.said) from None
    if report.read == 0:
        raise BadInput(N_("request #{id} stays open: {source} found no touches in {path}"), id=r.id,
                       source=source, path=imports.shown(file))
    return report
