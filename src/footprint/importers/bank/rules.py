"""What a card payment is, and when it was made: the shared rules of ``data/mappings/bank.toml``.

A transaction is a card payment when its label carries a card marker (``CB ``, ``CARTE X1234``,
``PAIEMENT PAR CARTE``, contactless ``PAIEMENT PSC``…), when its bank's kind column says so, or when OFX's
``TRNTYPE`` is ``POS``; withdrawals, card fees and refunds mention the card but are left out. The patterns
are joined into one regular expression each, so a row costs one search per question, not one per pattern
(a 100k-row statement is read within a few times a bare ``csv.reader``).

The purchase date is in the label (``02/03``, ``DU 020324``, ``PSC 0203``…) or in a column, not the
posting date (posted days later). A label date without a year takes the posting year, or the year before
when it would otherwise come after the posting (a purchase on 31/12 posted on 02/01).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ...errors import DataFileError
from ...i18n import N_

CARD = "bank-card"
MOBILE = "mobile-payment"
MAPPING = "data/mappings/bank.toml"

# A label date more than this before the posting is not the purchase date (a deferred-debit card is
# posted at the end of the month: up to about 31 days), nor more than a few days after it.
MAX_DAYS_BEFORE_POSTING = 62
MAX_DAYS_AFTER_POSTING = 7
FIRST_YEAR, LAST_YEAR = 1970, 2100

_PLAIN = re.compile(r"\s*([+-]?)\d+(?:[.,]\d+)?\s*$")
_NONZERO = re.compile(r"[1-9]")
_AMOUNT = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)")
_AMOUNT_NOISE = re.compile(r"[\s\u00a0\u202f'€]|EUR", re.IGNORECASE)


def fold(text: str) -> str:
    """Lower case, no accents, one space: how header names and kinds are compared."""
    s = unicodedata.normalize("NFKD", text.strip().strip('"').strip()).replace("\u2019", "'")
    return " ".join("".join(c for c in s if not unicodedata.combining(c)).lower().split())


def outflow(text: str) -> bool | None:
    """Whether an amount cell is money going out: True (``-6,60``), False (``12``, ``0,00``), None when
    the cell is not an amount. Only the sign is looked at: no amount is ever kept."""
    m = _PLAIN.match(text)
    if m is not None:  # the usual -1234,56 / 12.30: one match, no rewriting
        return m[1] == "-" and _NONZERO.search(text) is not None
    s = _AMOUNT_NOISE.sub("", text).replace("\u2212", "-")
    if "," in s and "." in s:  # 1.234,56 or 1,234.56: the thousands separator goes
        s = s.replace("." if s.rfind(",") > s.rfind(".") else ",", "")
    if not _AMOUNT.fullmatch(s):
        return None
    if not any(c in s for c in "123456789"):
        return False  # a zero (a temporary hold): nothing was paid
    return s.startswith("-")


def plausible(year: int, month: int, day: int) -> date | None:
    """A real day in a year a bank statement can have (year 1 or 9999 is junk, and would overflow)."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def date_patterns(raw: Iterable[str], compile_one: Callable[[str], re.Pattern[str]]) -> tuple[re.Pattern[str], ...]:
    return tuple(compile_one(p) for p in raw)


def purchase_day(patterns: Iterable[re.Pattern[str]], label: str, posted: date) -> date | None:
    """The purchase date a label gives, placed in the right year with respect to the posting date."""
    earliest = posted - timedelta(days=MAX_DAYS_BEFORE_POSTING)
    latest = posted + timedelta(days=MAX_DAYS_AFTER_POSTING)
    for rx in patterns:
        for m in rx.finditer(label):
            day, month, year = int(m["d"]), int(m["m"]), m.groupdict().get("y")
            years = [int(year) + (2000 if len(year) == 2 else 0)] if year else [posted.year, posted.year - 1]
            for y in years:
                candidate = plausible(y, month, day)  # None: not a real day (a reference, 29/02)
                if candidate is not None and earliest <= candidate <= latest:
                    return candidate
    return None


def _joined(patterns: Iterable[re.Pattern[str]]) -> re.Pattern[str] | None:
    """One pattern searching for any of ``patterns`` (their named groups dropped: only a match is asked)."""
    parts = [re.sub(r"\(\?P<\w+>", "(?:", p.pattern) for p in patterns]
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE) if parts else None


@dataclass(frozen=True)
class Rules:
    """``data/mappings/bank.toml``, compiled."""

    card: re.Pattern[str]
    candidate: re.Pattern[str]  # card or mobile: the one question most rows stop at
    exclude: re.Pattern[str] | None
    mobile: re.Pattern[str] | None
    dates: tuple[re.Pattern[str], ...]
    card_types: frozenset[str]
    never_types: frozenset[str]
    card_statement_skip_types: frozenset[str]

    @classmethod
    def of(cls, table: Mapping[str, Any]) -> Rules:
        def fail(key: str, msgid: str, **values: object) -> DataFileError:
            return DataFileError(msgid, file=MAPPING, key=key, **values)

        def strings(name: str, key: str) -> list[str]:
            section = table.get(name, {})
            if not isinstance(section, Mapping):
                raise fail(name, N_("{file}: {key} must be a table"))
            value = section.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise fail(f"{name}.{key}", N_("{file}: {key} must be a text or a list of texts"))
            return value

        def patterns(name: str, key: str = "patterns", groups: tuple[str, ...] = ()) -> list[re.Pattern[str]]:
            compiled = []
            for raw in strings(name, key):
                try:
                    rx = re.compile(raw, re.IGNORECASE)
                except re.error as exc:
                    msg = N_("{file}: {key}: {pattern} is not a regular expression ({error})")
                    raise fail(f"{name}.{key}", msg, pattern=raw, error=str(exc)) from None
                if any(g not in rx.groupindex for g in groups):
                    msg = N_("{file}: {key}: {pattern} needs the named groups d and m")
                    raise fail(f"{name}.{key}", msg, pattern=raw)
                compiled.append(rx)
            return compiled

        cards, mobiles = patterns("card"), patterns("mobile")
        card = _joined(cards)
        if card is None:
            raise fail("card.patterns", N_("{file}: {key} must list at least one card payment pattern"))
        return cls(
            card=card,
            candidate=_joined([*cards, *mobiles]) or card,
            exclude=_joined(patterns("card", "exclude")),
            mobile=_joined(mobiles),
            dates=tuple(patterns("purchase_date", groups=("d", "m"))),
            card_types=frozenset(s.upper() for s in strings("ofx", "card_types")),
            never_types=frozenset(s.upper() for s in strings("ofx", "never_types")),
            card_statement_skip_types=frozenset(s.upper() for s in strings("ofx", "card_statement_skip_types")),
        )

    def touchpoint(
        self, label: str, trntype: str = "", card_statement: bool = False, kind: bool | None = None
    ) -> str | None:
        """``bank-card``, ``mobile-payment``, or None for what is not a card payment (the sign is checked
        by the caller). ``kind`` is what a bank's kind column said (None: it has none)."""
        if trntype in self.never_types or (self.exclude is not None and self.exclude.search(label)):
            return None
        mobile = self.mobile is not None and self.mobile.search(label) is not None
        if card_statement:
            card = trntype not in self.card_statement_skip_types
        elif kind is not None:
            card = kind
        else:
            card = mobile or trntype in self.card_types or self.card.search(label) is not None
        if not card:
            return None
        return MOBILE if mobile else CARD

    def purchase_day(self, label: str, posted: date) -> date | None:
        return purchase_day(self.dates, label, posted)


__all__ = ["CARD", "MOBILE", "Rules", "fold", "outflow", "plausible", "purchase_day"]
