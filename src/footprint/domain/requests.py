"""Access requests (GDPR art. 15): when one was sent, when the answer is due, and where it stands.

The deadline is art. 12(3)'s: one month from receipt, which the controller may extend by two further
months when it says so (the request is then due three months after it was sent). A month is a calendar
month: sent on 31 January, due on the last day of February. A request due within ``SOON`` days is "due
soon"; past its due day, "overdue"; with an answer, "answered". Pure: ``today`` is passed in.

A request keeps no personal detail: the collector, the day it was sent, how, and what answered it.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date
from typing import NamedTuple

SOON = 7  # days
STATUSES = ("open", "due-soon", "overdue", "answered")


class AccessRequest(NamedTuple):
    id: int | None
    collector: str  # the organisation written to (a collectors.toml id)
    sent: date
    channel: str  # post, email, form
    extended: bool = False
    answered: date | None = None
    import_source: str | None = None  # the importer that read the answer's export
    import_first: date | None = None  # the days that export covered
    import_last: date | None = None
    import_touches: int | None = None

    @property
    def due(self) -> date:
        return add_months(self.sent, 3 if self.extended else 1)

    def status(self, today: date) -> str:
        if self.answered is not None:
            return "answered"
        if today > self.due:
            return "overdue"
        return "due-soon" if (self.due - today).days <= SOON else "open"

    def answered_in_time(self) -> bool | None:
        """Whether the answer came by the due day (None while unanswered): a workshop's follow-up."""
        return None if self.answered is None else self.answered <= self.due


def add_months(day: date, months: int) -> date:
    """The same day ``months`` calendar months later, the month's last day when it has no such day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))
