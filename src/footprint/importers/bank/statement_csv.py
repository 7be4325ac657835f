"""Bank CSV statements read through their layout (``layouts.py``): find the layout, then count the card
payments row by row.

The layout is found in the first lines: the header row whose names fit a layout best (a preamble may come
before it: Crédit Agricole's account and balance lines, La Banque Postale's, Société Générale's), or, for a
file without a header (LCL, BNP Paribas), the first data row its ``row`` pattern matches. French banks
write cp1252 or UTF-8 (maybe with a BOM): ``auto`` reads UTF-8 until a line proves otherwise. Labels may
span lines inside quotes (Crédit Agricole): a problem is placed at the line where its row starts.

Only what is needed is looked at, and only for a card payment: the label and the kind first (most rows
stop there), then the amount's sign, then the dates (cached: a statement has few distinct days).
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from itertools import chain
from typing import IO, Any

from ...errors import DataFileError
from ...i18n import N_, _
from ..archive import MAX_LINE, Member, masked
from ..base import Issue
from ..toolkit.decoding import detect
from ..toolkit.months import month as month_number
from .layouts import Column, Layout
from .rules import DateFinder, Reading, Rules, fold, plausible, sign
from .tally import Key, account_group

HEADER_LINES = 40  # the header of a bank CSV comes within its first lines (after the preamble)
_SAMPLE = 1 << 16  # bytes read to find the layout and the encoding
NO_AMOUNT = N_("card payment without a readable amount")
NO_DATE = N_("card payment without a readable date")
MISSING_AMOUNT = N_("card payment without an amount")
# Where a preamble names the account: "n° 71234567890" (Crédit Agricole), ="0201900016400270" (Société
# Générale), "Numéro Compte ;05345678900" (La Banque Postale), "****1234" (BNP Paribas).
_PREAMBLE_ACCOUNT = re.compile(
    r"\bn\s*[°o]\s*:?\s*(\d[\d ]{5,}\d)|=\"?(\d{6,})|\bnum[ée]ro\s+(?:de\s+)?compte\s*[:;]\s*(\w{6,})|\*{2,}(\d{4})",
    re.IGNORECASE,
)


class NotAStatement(Exception):
    """A CSV in no known layout (another file in the folder or archive)."""


def _index(spec: tuple[Column, ...], names: list[str]) -> int | None:
    for c in spec:
        if isinstance(c, int):
            return c
        if c in names:
            return names.index(c)
    return None


def _fits(layout: Layout, cells: list[str]) -> int:
    """How well a header row fits a layout: 0 when it does not (a required column or the signature is
    missing), else the number of named columns found, the signature counted again."""
    names = [fold(c) for c in cells]
    if any(s not in names for s in layout.signature):
        return 0
    found = {f: _index(spec, names) for f, spec in layout.columns.items()}
    labels = [c for c in layout.labels if (c if isinstance(c, int) else _index((c,), names)) is not None]
    if found.get("date") is None or not labels or all(found.get(f) is None for f in ("amount", "debit", "credit")):
        return 0
    return sum(v is not None for v in found.values()) + len(labels) + 2 * len(layout.signature)


def _cells(line: str, separator: str) -> list[str]:
    """One line's cells (a line cut inside quotes, or with a stray carriage return, has none)."""
    try:
        return next(csv.reader([line], delimiter=separator), [])
    except csv.Error:
        return []


def find_layout(first: list[str], layouts: Iterable[Layout]) -> tuple[int, Layout] | None:
    """(index of the header row, or of the first data row for a file without a header; the layout)."""
    best: tuple[int, int, Layout] | None = None
    for layout in layouts:
        for i, line in enumerate(first):
            if layout.separator not in line:
                continue
            if not layout.header:
                if layout.row is not None and layout.row.match(line):
                    score = 1
                else:
                    continue
            else:
                score = _fits(layout, _cells(line, layout.separator))
                if not score:
                    continue
            if best is None or score > best[0]:
                best = (score, i, layout)
            break
    return None if best is None else (best[1], best[2])


def head_layout(data: bytes, layouts: Iterable[Layout]) -> Layout | None:
    """The layout of a CSV whose first bytes are ``data`` (for ``detect``: cheap, no full read)."""
    try:
        encoding = detect(data, "", final=False)
    except DataFileError:
        return None
    text = data.decode(encoding, errors="replace").lstrip("\ufeff").split("\n")
    if len(data) >= 8192:
        text = text[:-1]  # cut mid-line
    found = find_layout(text[:HEADER_LINES], layouts)
    return found[1] if found else None


class _Columns:
    """A layout's columns as indexes into this file's rows."""

    def __init__(self, layout: Layout, header: list[str] | None) -> None:
        names = [fold(c) for c in header] if header is not None else []
        self.at = {f: _index(spec, names) for f, spec in layout.columns.items()}
        labels = (c if isinstance(c, int) else _index((c,), names) for c in layout.labels)
        self.labels = tuple(i for i in labels if i is not None)
        self.money = tuple((self.at.get(f), sign) for f, sign in (("debit", True), ("credit", False), ("amount", None)))
        self.money = tuple((i, sign) for i, sign in self.money if i is not None)


class _Stream(io.RawIOBase):
    """The member's bytes again from the start (its first bytes were read to find the layout), telling
    the progress bar every read, and refusing a line longer than ``MAX_LINE`` as it streams by (one
    endless line would otherwise sit whole in memory): checked per chunk, not per line."""

    def __init__(self, start: bytes, raw: IO[bytes], progress: Callable[[int], None], where: str) -> None:
        self.start, self.raw, self.progress, self.where = start, raw, progress, where
        self.run = 0  # bytes since the last line break

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.start:
            data, self.start = self.start[: len(buffer)], self.start[len(buffer) :]
        else:
            data = self.raw.read(len(buffer))
        self.progress(len(data))
        last = data.rfind(b"\n")
        self.run = len(data) - last - 1 if last >= 0 else self.run + len(data)
        if self.run > MAX_LINE:
            raise DataFileError(N_("{where}: a line is longer than {size} MB"), where=self.where, size=MAX_LINE >> 20)
        buffer[: len(data)] = data
        return len(data)


def _encoding(layout: Layout, start: bytes, where: str) -> str:
    """The layout's encoding; ``auto`` is the toolkit's rule (a BOM, else UTF-8 when it decodes, else
    Windows-1252 or ISO-8859-15 by the bytes present), decided on the first bytes."""
    if layout.encoding != "auto":
        return layout.encoding
    found = detect(start, where, final=False)
    return "utf-8-sig" if found == "utf-8" else found


def read_csv(
    member: Member, layouts: tuple[Layout, ...], rules: Rules, progress: Callable[[int], None], counts: Counter[Key]
) -> Iterator[Issue]:
    """The card payments of one CSV member into ``counts``, its problems as issues; ``NotAStatement`` when
    no layout fits. The rows come from ``csv.reader`` over a text stream: decoding and splitting are the C
    library's, as in a bare ``csv.reader`` loop."""
    where = masked(member.name)
    with member.open() as raw:
        start = raw.read(_SAMPLE)
        try:
            probe = detect(start, where, final=False)
        except DataFileError:
            raise NotAStatement(member.name) from None  # binary, or no text footprint reads: not a statement
        text_start = start.decode(probe, errors="replace").lstrip("\ufeff")
        found = find_layout(text_start.split("\n")[:HEADER_LINES], layouts)
        if found is None:
            raise NotAStatement(member.name)
        index, layout = found
        encoding = _encoding(layout, start, where)
        stream = io.BufferedReader(_Stream(start, raw, progress, where), 1 << 16)
        text = io.TextIOWrapper(stream, encoding, "replace", newline="")
        head = [text.readline() for _ in range(index + 1)]
        preamble = " ".join(head[:index])  # the lines before the header (or before the first row)
        m = _PREAMBLE_ACCOUNT.search(preamble)
        file_account = next((g for g in m.groups() if g), None) if m else None
        header = _cells(head[-1], layout.separator) if layout.header and head else None
        body = text if layout.header else chain(head[-1:], text)
        rows = csv.reader(body, delimiter=layout.separator)
        before = index + 1 if layout.header else index
        yield from _rows(rows, _Row(layout, header, rules), file_account, where, before, counts)


class _Row:
    """What a layout reads in this file's rows: column indexes and the questions asked of each row."""

    __slots__ = (
        "labels", "money", "kind", "state", "date", "purchase", "account", "kinds", "own", "not_card", "every",
        "skip_states", "row", "separator", "dates", "purchase_day", "reading", "rules",
    )  # fmt: skip

    def __init__(self, layout: Layout, header: list[str] | None, rules: Rules) -> None:
        names = [fold(c) for c in header] if header is not None else []
        at = {f: _index(spec, names) for f, spec in layout.columns.items()}
        labels = (c if isinstance(c, int) else _index((c,), names) for c in layout.labels)
        self.labels = tuple(i for i in labels if i is not None)
        money = ((at.get(f), sign) for f, sign in (("debit", True), ("credit", False), ("amount", None)))
        self.money = tuple((i, sign) for i, sign in money if i is not None)
        self.kind, self.state, self.date = at.get("kind"), at.get("state"), at.get("date")
        self.purchase, self.account = at.get("purchase"), at.get("account")
        self.kinds = layout.card_kinds if layout.card_kinds and self.kind is not None else None
        self.own, self.every = layout.card_patterns, layout.every_debit
        self.not_card = layout.card_exclude
        self.skip_states, self.row = layout.skip_states, layout.row
        self.separator, self.dates = layout.separator, layout.dates
        self.purchase_day = DateFinder((*layout.purchase_patterns, *rules.dates))
        self.reading = Reading(rules, self.purchase_day, layout.card_patterns)
        self.rules = rules


def _rows(
    reader: Any, r: _Row, file_account: str | None, where: str, before: int, counts: Counter[Key]
) -> Iterator[Issue]:
    labels, kind_at, kinds, own, every, not_card = r.labels, r.kind, r.kinds, r.own, r.every, r.not_card
    single = labels[0] if len(labels) == 1 else None
    card = r.reading.card
    dates: dict[str, date | None] = {}
    groups: dict[str | None, str] = {}
    done = 0
    try:
        for row in reader:
            line, done = before + done + 1, reader.line_num
            width = len(row)
            if single is not None:
                label = row[single] if single < width else ""
            else:
                label = " ".join(row[i] for i in labels if i < width)
            kind = True if every else None  # a card's own statement: every debit is a purchase
            if kinds is not None:
                kind = kind_at < width and fold(row[kind_at]) in kinds
            if own and not kind and any(rx.search(label.upper()) for rx in own):
                kind = True
            if not_card and any(rx.search(label.upper()) for rx in not_card):
                continue  # this bank's transfers, top-ups, cash: never a card payment, whatever else says
            tp, spans, upper = card(label, kind)  # most rows stop here, their label's shape already seen
            if tp is None:
                continue
            text = label.upper() if upper else label
            problem = _payment(row, width, text, tp, spans, r, file_account, dates, groups, counts)
            if problem is not None:
                yield Issue(_(problem), _("{where}, line {n}").format(where=where, n=line))
    except csv.Error:
        raise DataFileError(N_("{where}: broken CSV near line {n}"), where=where, n=before + done + 1) from None


def _payment(
    row: list[str],
    width: int,
    label: str,
    tp: str,
    spans: tuple[tuple[int, int, int, int, int, int], ...],
    r: _Row,
    file_account: str | None,
    dates: dict[str, date | None],
    groups: dict[str | None, str],
    counts: Counter[Key],
) -> str | None:
    """Count one card payment's row; the problem (a msgid) when it cannot be."""
    if r.row is not None and not r.row.match(r.separator.join(row)):
        return None  # a balance line of a file without a header
    if r.state is not None and r.state < width and fold(row[r.state]) in r.skip_states:
        return None  # declined: no payment was made
    out = _outflow(row, width, r.money)
    if out is not True:
        return None if out is False else out  # a refund or a credit: not a payment
    cell = row[r.date] if r.date is not None and r.date < width else ""
    posted = dates[cell] if cell in dates else _date(cell, r.dates, dates)
    if posted is None:
        return NO_DATE
    day = None
    if r.purchase is not None and r.purchase < width:
        cell = row[r.purchase]
        day = dates[cell] if cell in dates else _date(cell, r.dates, dates)
    day = day or r.purchase_day.day(label, spans, posted) or posted
    account = row[r.account] if r.account is not None and r.account < width else file_account
    group = groups.get(account)
    if group is None:
        group = groups[account] = account_group(account)
    counts[(day, tp, group)] += 1
    return None


def _outflow(row: list[str], width: int, money: tuple[tuple[int, bool | None], ...]) -> bool | str:
    """True for money going out, False for money coming in, or the problem (a msgid)."""
    written = False
    for i, column in money:
        cell = row[i] if i < width else ""
        if not cell or cell.isspace():
            continue
        s = sign(cell)
        if s is None:
            return NO_AMOUNT
        written = True
        if s:
            return s < 0 if column is None else column  # a debit column may be written with or without its minus
    return False if written else MISSING_AMOUNT  # zero (a temporary hold): nothing was paid


def _date(cell: str, formats: tuple[re.Pattern[str], ...], cache: dict[str, date | None]) -> date | None:
    if cell in cache:
        return cache[cell]
    found = None
    for rx in formats:
        m = rx.match(cell)
        if m is None:
            continue
        g = m.groupdict()
        month = int(g["m"]) if g.get("m") else month_number(g.get("b") or "") or 0
        year = int(g["y"]) + (2000 if len(g["y"]) == 2 else 0)
        found = plausible(year, month, int(g["d"]))
        if found is not None:
            break
    cache[cell] = found
    return found


__all__ = ["NotAStatement", "find_layout", "head_layout", "read_csv"]
