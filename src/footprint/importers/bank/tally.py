"""How card payments become touches: counted per purchase day, touchpoint and group, at noon.

The group is ``card``, or ``card:`` and a short digest of the account when the statement names it (OFX
``ACCTID``, a CSV's account column, a Crédit Agricole preamble's ``n° …``): two accounts never share a
count, the same account gives the same group alone or in a file with several, and the account number
itself never reaches the journal (not even its last digits: a digest tells accounts apart, it does not
name them). Statements that overlap, read in one go (a folder of monthly files), count each day once per
group: the larger count wins, as with a re-import.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, time, tzinfo

from ..base import Touch

Key = tuple[date, str, str]  # (purchase day, touchpoint, group)
_NOT_ID = re.compile(r"[^0-9A-Za-z]")


def account_group(account: str | None) -> str:
    """``card``, or ``card:`` and 8 hex digits of a digest of the account's letters and digits."""
    key = _NOT_ID.sub("", account or "").upper()
    if not key:
        return "card"
    return "card:" + hashlib.blake2b(key.encode(), digest_size=4, person=b"footprint-bank").hexdigest()


class Tally:
    """The largest count each (day, touchpoint, group) reached in any one statement."""

    def __init__(self) -> None:
        self.best: dict[Key, int] = {}

    def keep(self, counts: Counter[Key]) -> None:
        best = self.best
        for key, n in counts.items():
            if n > best.get(key, 0):
                best[key] = n

    def touches(self, zone: tzinfo) -> Iterator[Touch]:
        """Statements give local dates without a time: the purchase is put at noon in the journal's zone."""
        for (day, tp, group), n in sorted(self.best.items()):
            yield Touch(at=datetime.combine(day, time(12), tzinfo=zone), touchpoint=tp, count=n, group=group)
