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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from ...errors import DataFileError
from ...i18n import N_
from ..toolkit.text import header_key as fold  # header names and kinds: case, accents, spaces folded

CARD = "bank-card"
MOBILE = "mobile-payment"
MAPPING = "data/mappings/bank.toml"

# A label date more than this before the posting is not the purchase date (a deferred-debit card is
# posted at the end of the month: up to about 31 days), nor more than a few days after it.
MAX_DAYS_BEFORE_POSTING = 62
MAX_DAYS_AFTER_POSTING = 7
FIRST_YEAR, LAST_YEAR = 1970, 2100

_PLAIN = re.compile(r"\s*([+-]?)\d+(?:[.,]\d+)?\s*$")
_AMOUNT = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)")
_AMOUNT_NOISE = re.compile(r"[\s\u00a0\u202f'€]|EUR", re.IGNORECASE)


def sign(text: str) -> int | None:
    """The sign of an amount cell: -1 (``-6,60``), 1 (``12``, ``1\u00a0234,56``), 0 (``0,00``: a temporary
    hold, nothing paid), None when the cell is not an amount. Only the sign is read: no amount is kept."""
    t = text.strip()
    body = t[1:] if t[:1] in ("-", "+") else t
    if body.replace(",", "", 1).replace(".", "", 1).isdigit():  # the usual -1234,56 / 12.30: no pattern
        if not body.strip("0,."):
            return 0
        return -1 if t[0] == "-" else 1
    m = _PLAIN.match(text)
    if m is None:  # thousands separators, a currency, a minus sign of another kind: rewrite, then check
        s = _AMOUNT_NOISE.sub("", text).replace("\u2212", "-")
        if "," in s and "." in s:  # 1.234,56 or 1,234.56: the thousands separator goes
            s = s.replace("." if s.rfind(",") > s.rfind(".") else ",", "")
        if not _AMOUNT.fullmatch(s):
            return None
        text = s
    digits = text.replace("0", "").replace(",", "").replace(".", "").replace("-", "").replace("+", "").strip()
    if not digits:
        return 0
    return -1 if text.lstrip().startswith("-") else 1


def outflow(text: str) -> bool | None:
    """Whether an amount cell is money going out (a zero is not), None when it is not an amount."""
    s = sign(text)
    return None if s is None else s < 0


def plausible(year: int, month: int, day: int) -> date | None:
    """A real day in a year a bank statement can have (year 1 or 9999 is junk, and would overflow)."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


class DateFinder:
    """Purchase-date patterns joined into one, searched once along the label (at one place, the first
    pattern listed wins); each date found is placed in the right year with respect to the posting date."""

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        items = list(patterns)
        parts = []
        for i, rx in enumerate(items):
            body = re.sub(r"\(\?P<([dmy])>", lambda m, i=i: f"(?P<{m[1]}{i}>", rx.pattern)
            parts.append(f"(?P<a{i}>{body})")
        flags = re.IGNORECASE if any(rx.flags & re.IGNORECASE for rx in items) else 0
        self.rx = re.compile("|".join(parts), flags) if parts else None
        self.seen: dict[tuple[str, date, object], date | None | bool] = {}

    def __call__(self, label: str, posted: date) -> date | None:
        """The purchase date in ``label`` (in capitals), or None."""
        return self.day(label, self.spans(label), posted)

    def spans(self, label: str) -> tuple[tuple[int, int, int, int, int, int], ...]:
        """Where the dates of ``label`` are: (day, month, year) start and end of each match (year -1, -1
        when it has none). Only the shape of the label matters (its digits do not): spans can be cached by
        the label with its digits blanked."""
        if self.rx is None:
            return ()
        found = []
        for m in self.rx.finditer(label):
            i = (m.lastgroup or "a0")[1:]
            y = m.span("y" + i) if "y" + i in self.rx.groupindex else (-1, -1)
            found.append((*m.span("d" + i), *m.span("m" + i), *y))
        return tuple(found)

    def day(self, label: str, spans: tuple[tuple[int, int, int, int, int, int], ...], posted: date) -> date | None:
        """The first date at ``spans`` that fits the posting date: not after it by more than a few days,
        not more than two months before it (cached: a statement has few distinct dates)."""
        if not spans:
            return None
        ds, _, _, me, _, ye = spans[0]
        key = (label[ds : max(me, ye)], posted, spans if len(spans) > 1 else None)
        known = self.seen.get(key, False)
        if known is False:
            known = self.seen[key] = self._day(label, spans, posted)
            if len(self.seen) > 100_000:
                self.seen.clear()
        return known

    def _day(self, label: str, spans: tuple[tuple[int, int, int, int, int, int], ...], posted: date) -> date | None:
        for ds, de, ms, me, ys, ye in spans:
            day, month = int(label[ds:de]), int(label[ms:me])
            if ys >= 0:
                y = int(label[ys:ye])
                years: tuple[int, ...] = (y + 2000 if ye - ys == 2 else y,)
            else:
                years = (posted.year, posted.year - 1)
            for y in years:
                candidate = plausible(y, month, day)  # None: not a real day (a reference, 29/02)
                if (
                    candidate is not None
                    and -MAX_DAYS_AFTER_POSTING <= (posted - candidate).days <= MAX_DAYS_BEFORE_POSTING
                ):
                    return candidate
        return None


Spans = tuple[tuple[int, int, int, int, int, int], ...]
_BLANK = bytes.maketrans(b"123456789", b"000000000")


class Reading:
    """The rules as one statement uses them: what a row's label says (touchpoint, where its dates are) is
    worked out once per label *shape* (its digits blanked: CARTE X0000 00/00 CARREFOUR), since a statement
    repeats the same merchants with other dates and amounts; only the dates are read from each row. Exact
    for patterns that name no particular digit (all the shipped ones); any that does turns the cache off."""

    def __init__(self, rules: Rules, finder: DateFinder, own: tuple[re.Pattern[str], ...] = ()) -> None:
        self.rules, self.finder = rules, finder
        patterns = [rules.candidate, rules.exclude, rules.mobile, finder.rx, *own]
        self.cached = not any(p is not None and _names_digits(p.pattern) for p in patterns)
        self.seen: dict[tuple[bytes, bool | None], tuple[str | None, Spans, bool]] = {}

    def card(self, label: str, kind: bool | None) -> tuple[str | None, Spans, bool]:
        """(touchpoint or None, where the label's dates are, whether they are counted in the label in
        capitals rather than in the label as written: they differ in length only for a few letters, ß…)."""
        # Bytes: bytes.translate is a table lookup in C, ten times faster than str.translate.
        key = (label.encode("utf-8", "surrogatepass").translate(_BLANK), kind) if self.cached else None
        if key is not None:
            known = self.seen.get(key)
            if known is not None:
                return known
        up = label.upper()
        tp = self.rules.card_row(up, kind)
        found = (tp, self.finder.spans(up) if tp is not None else (), len(up) != len(label))
        if key is not None:
            if len(self.seen) > 100_000:
                self.seen.clear()  # memory stays bounded on a statement of endless distinct labels
            self.seen[key] = found
        return found


def _names_digits(pattern: str) -> bool:
    """Whether a pattern names a particular digit (``8101``), not only digits (``\\d{4}``)."""
    return any(c.isdigit() for c in _ESCAPES.sub("", pattern))


_ESCAPES = re.compile(r"\\.|\(\?P<\w+>|\(\?P=\w+\)|\(\?[a-zA-Z]+[:)]|\{[^}]*\}")


def compile_pattern(raw: str) -> re.Pattern[str]:
    """``raw``, to be searched in a label written in capitals: as it is when it is in capitals (several
    times faster), ignoring case when it has lower-case letters. ``re.error`` when it is not a pattern."""
    return re.compile(raw, 0 if _capitals(raw) else re.IGNORECASE)


def _capitals(raw: str) -> bool:
    return not any(c.islower() for c in _ESCAPES.sub("", raw))


def _joined(patterns: Iterable[re.Pattern[str]]) -> re.Pattern[str] | None:
    """One pattern searching for any of ``patterns`` (their named groups dropped: only a match is asked)."""
    items = list(patterns)
    parts = [re.sub(r"\(\?P<\w+>", "(?:", p.pattern) for p in items]
    flags = re.IGNORECASE if any(p.flags & re.IGNORECASE for p in items) else 0
    return re.compile("|".join(f"(?:{p})" for p in parts), flags) if parts else None


@dataclass(frozen=True)
class Rules:
    """``data/mappings/bank.toml``, compiled."""

    card: re.Pattern[str]
    candidate: re.Pattern[str]  # card or mobile: the one question most rows stop at
    exclude: re.Pattern[str] | None
    mobile: re.Pattern[str] | None
    dates: tuple[re.Pattern[str], ...]
    finder: DateFinder
    words: tuple[str, ...]  # a label without any of these (upper case) is not a card or wallet payment
    exclude_words: tuple[str, ...]
    mobile_words: tuple[str, ...]
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
                    rx = compile_pattern(raw)
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
            dates=(dates := tuple(patterns("purchase_date", groups=("d", "m")))),
            finder=DateFinder(dates),
            words=tuple(w.upper() for w in (*strings("card", "words"), *strings("mobile", "words"))),
            exclude_words=tuple(w.upper() for w in strings("card", "exclude_words")),
            mobile_words=tuple(w.upper() for w in strings("mobile", "words")),
            card_types=frozenset(s.upper() for s in strings("ofx", "card_types")),
            never_types=frozenset(s.upper() for s in strings("ofx", "never_types")),
            card_statement_skip_types=frozenset(s.upper() for s in strings("ofx", "card_statement_skip_types")),
        )

    def touchpoint(
        self, label: str, trntype: str = "", card_statement: bool = False, kind: bool | None = None
    ) -> str | None:
        """``bank-card``, ``mobile-payment``, or None for what is not a card payment (the sign is checked
        by the caller). ``kind`` is what a bank's kind column said (None: it has none)."""
        label = label.upper()
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

    def card_row(self, label: str, kind: bool | None) -> str | None:
        """``touchpoint`` for a CSV row whose label is in capitals, fast: words looked for before any pattern is tried (most rows of a
        statement are not card payments, and most card payments are neither withdrawals nor wallets)."""
        if kind is None:
            if (self.words and not _has(label, self.words)) or self.candidate.search(label) is None:
                return None
        elif not kind:
            return None
        if self.exclude is not None and (not self.exclude_words or _has(label, self.exclude_words)):
            if self.exclude.search(label) is not None:
                return None
        if self.mobile is not None and (not self.mobile_words or _has(label, self.mobile_words)):
            if self.mobile.search(label) is not None:
                return MOBILE
        return CARD

    def purchase_day(self, label: str, posted: date) -> date | None:
        return self.finder(label.upper(), posted)


def _has(text: str, words: tuple[str, ...]) -> bool:
    for w in words:  # a loop, not any(): three times faster for a handful of words
        if w in text:
            return True
    return False


__all__ = ["CARD", "MOBILE", "DateFinder", "Reading", "Rules", "fold", "outflow", "plausible", "sign"]
