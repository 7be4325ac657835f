"""A catalog entry as people read it: its name, what kind of thing it is, who collects what, and the reason
behind each estimate (``footprint catalog show``), and the one-line view of ``footprint catalog``.

Words only: the caller prints the lines (the command line) or styles them (the TUI).
"""

from __future__ import annotations

from ..domain.catalog import Catalog, Estimate, Touchpoint
from ..i18n import N_, _, current, ngettext, pgettext
from ..l10n import number

KINDS = {
    "device": N_("device"),
    "card": N_("card"),
    "meter": N_("meter"),
    "service": N_("service"),
    "social": N_("social network"),
}
MODES = {"active": N_("active: captures when used"), "passive": N_("passive: captures just by being there")}
CONSENTS = {
    "opt-in": N_("opt-in (you said yes)"),
    "opt-out": N_("opt-out (on unless you say no)"),
    "legal": N_("required by law (no choice given)"),
}


def label(tp: Touchpoint | None, fallback: str = "?") -> str:
    """The touchpoint's name in the language spoken."""
    return tp.label.get(current()) if tp is not None else fallback


def name_of(catalog: Catalog, touchpoint_id: str) -> str:
    """The name of ``touchpoint_id``, or the id itself when the catalog no longer has it."""
    return label(catalog.get(touchpoint_id), touchpoint_id)


def kind_name(kind: str) -> str:
    return _(KINDS[kind]) if kind in KINDS else kind


def consent_name(consent: str) -> str:
    return _(CONSENTS[consent]) if consent in CONSENTS else consent


def list_line(tp: Touchpoint, width: int = 38) -> str:
    """One touchpoint in ``footprint catalog``: id (what commands take), name, kind, how it captures."""
    mode = pgettext("touchpoint mode", "active") if tp.mode == "active" else pgettext("touchpoint mode", "passive")
    return f"  {tp.id:<20} {label(tp):<{width}} {kind_name(tp.kind):<15} {mode}"


def captures(value: float) -> str:
    """``3 captures``, ``0.3 captures`` / ``1 capture``, ``1,5 capture`` (French is singular below 2)."""
    # A fraction takes the form of 0: plural in English, singular in French, as each language says it.
    count = int(value) if value == int(value) else (2 if value >= 2 else 0)
    return ngettext("{n} capture", "{n} captures", count).format(n=number(value))


def _why(estimate: Estimate) -> str:
    why = estimate.why
    return why.get(current()) if hasattr(why, "get") else _(why)


def _estimate(estimate: Estimate, per: str) -> str:
    # TRANSLATORS: "3 captures per use (estimate): why", the why being the catalog's explanation.
    said = _("{captures} {per} (estimate): {why}")
    return said.format(captures=captures(estimate.value), per=per, why=_why(estimate))


def entry_lines(tp: Touchpoint, catalog: Catalog) -> list[str]:
    """``footprint catalog show``: everything about one touchpoint."""
    lang = current()
    collectors = ", ".join(catalog.collector_label(c, lang) for c in tp.collectors)
    lines = [
        _("{name} — {kind}, {mode}").format(
            name=label(tp), kind=kind_name(tp.kind), mode=_(MODES.get(tp.mode, tp.mode))
        ),
        "  " + _("Id: {id}").format(id=tp.id),
        "  " + _("Consent: {consent}").format(consent=consent_name(tp.consent)),
        "  " + _("Collectors: {names}").format(names=collectors),
        "  " + _estimate(tp.captures_per_use, _("per use")),
    ]
    if tp.captures_per_minute:
        lines.append("  " + _estimate(tp.captures_per_minute, _("per minute")))
    if tp.passive_per_day:
        lines.append("  " + _estimate(tp.passive_per_day, _("per day in the profile")))
    for s in tp.states:
        estimate = _estimate(s.passive_per_day, _("per day in the profile"))
        said = _("{state} ({id}): {estimate}")
        lines.append("    " + said.format(state=s.label.get(lang), id=s.id, estimate=estimate))
    if tp.aliases:
        lines.append("  " + _("Also known as: {names}").format(names=", ".join(tp.aliases)))
    if tp.alternatives:
        lines.append("  " + _("Alternatives: {items}").format(items="; ".join(a.get(lang) for a in tp.alternatives)))
    return lines
