"""How a verdict's captures compare with the person's baseline, in words, for both shells: like with like
(the same hours of closed days before the run), or why the run is not compared (``Comparison.why_not``).
The rule itself is ``domain.verdict.comparison``; the blog report words the same facts in the first person.
"""

from __future__ import annotations

from .. import l10n
from ..domain.verdict import BASELINE_LOOKBACK_DAYS, Verdict
from ..i18n import _, ngettext


def change(v: Verdict) -> str | None:
    """ "−94 %": the run's captures against the baseline's (None when there is no ratio to give)."""
    return None if v.change is None else l10n.signed_percent(v.change)


def why_not(v: Verdict) -> str | None:
    """Why the run is not compared with a baseline, in a sentence; None when it is."""
    c = v.comparison
    if c.why_not == "not-started":
        return _("Nothing to compare yet: no time of the run has passed.")
    if c.why_not == "open-days":
        days = ", ".join(l10n.medium_date(d) for d in c.open_days)
        return ngettext(
            "Not compared with your baseline: {days} is not closed, so it may be logged only in part; close it "
            "(footprint close {first}) to compare.",
            "Not compared with your baseline: {days} are not closed, so they may be logged only in part; close "
            "them (footprint close {first}, …) to compare.",
            len(c.open_days),
        ).format(days=days, first=c.open_days[0].isoformat())
    if c.why_not == "no-baseline":
        return ngettext(
            "No baseline: none of the {n} day before the run is closed; close your days (footprint close) to "
            "compare the next runs.",
            "No baseline: none of the {n} days before the run is closed; close your days (footprint close) to "
            "compare the next runs.",
            BASELINE_LOOKBACK_DAYS,
        ).format(n=BASELINE_LOOKBACK_DAYS)
    return None


def baseline_notes(v: Verdict) -> list[str]:
    """What the run is compared with (« Comparé aux mêmes heures de 12 jours clôturés avant le défi : 950 »),
    or why it is not; then what limits the comparison."""
    said = why_not(v)
    if said is not None or v.baseline is None:
        return [said or ""]
    c = v.comparison
    n = len(c.days)
    line = ngettext(
        "Compared with the same hours of the closed day before the run: {baseline}",
        "Compared with the same hours of {n} closed days before the run: {baseline}",
        n,
    ).format(n=n, baseline=l10n.number(v.baseline.total))
    ratio = change(v)
    if ratio is not None:
        line += " " + _("(the run: {change})").format(change=ratio)
    lines = [line]
    if n < c.wanted:
        lines.append(
            ngettext(
                "Only {n} closed day was found for the {wanted} days of the run: the baseline is that day.",
                "Only {n} closed days were found for the {wanted} days of the run: the baseline is their mean.",
                n,
            ).format(n=n, wanted=c.wanted)
        )
    if c.so_far:
        lines.append(_("Today is not closed yet: the run is compared up to now, with what you logged so far."))
    return lines
