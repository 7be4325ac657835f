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
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from itertools import chain, islice

from ...errors import DataFileError
from ...i18n import N_, _
from ..archive import Member, lines, masked
from ..base import Issue
from .layouts import Column, Layout
from .rules import Rules, fold, outflow, plausible, purchase_day
from .tally import Key, account_group

HEADER_LINES = 40  # the header of a bank CSV comes within its first lines (after the preamble)
NO_AMOUNT = N_("card payment without a readable amount")
NO_DATE = N_("card payment without a readable date")
MISSING_AMOUNT = N_("card payment without an amount")
_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
# Where a preamble names the account: "n° 71234567890" (Crédit Agricole), ="0201900016400270" (Société
# Générale), "Numéro Compte ;05345678900" (La Banque Postale), "****1234" (BNP Paribas).
_PREAMBLE_ACCOUNT = re.compile(
    r"\bn\s*[°o]\s*:?\s*(\d[\d ]{5,}\d)|=\"?(\d{6,})|\bnum[ée]ro\s+(?:de\s+)?compte\s*;\s*(\w{6,})|\*{2,}(\d{4})",
    re.IGNORECASE,
)


class NotAStatement(Exception):
    """A CSV in no known layout (another file in the folder or archive)."""


def decoder(encoding: str) -> Callable[[bytes], str]:
    """Bytes to text; ``auto`` is UTF-8 until a line proves otherwise, then cp1252."""
    if encoding != "auto":
        return lambda raw: raw.decode(encoding, errors="replace")
    state = ["utf-8"]

    def decode(raw: bytes) -> str:
        if state[0] == "utf-8":
            try:
                return raw.decode("utf-8")
            except UnicodeDecodeError:
                state[0] = "cp1252"
        return raw.decode("cp1252", errors="replace")

    return decode


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
    decode = decoder("auto")
    text = [decode(raw) for raw in data.split(b"\n")]
    if len(data) >= 8192:
        text = text[:-1]  # cut mid-line
    if text:
        text[0] = text[0].lstrip("\ufeff")
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


def read_csv(member: Member, layouts: tuple[Layout, ...], rules: Rules, progress: Callable[[int], None], counts: Counter[Key]) -> Iterator[Issue]:
    """The card payments of one CSV member into ``counts``, its problems as issues; ``NotAStatement`` when
    no layout fits."""
    where = masked(member.name)
    raw_lines = lines(member, progress)
    first_raw = list(islice(raw_lines, HEADER_LINES))
    probe = decoder("auto")
    first = [probe(raw) for raw in first_raw]
    if first:
        first[0] = first[0].lstrip("\ufeff")
    found = find_layout(first, layouts)
    if found is None:
        raise NotAStatement(member.name)
    index, layout = found
    decode = decoder(layout.encoding)
    text = [decode(raw) for raw in first_raw]
    text[0] = text[0].lstrip("\ufeff")
    preamble = " ".join(text[:index] if layout.header else [])
    m = _PREAMBLE_ACCOUNT.search(preamble)
    file_account = next((g for g in m.groups() if g), None) if m else None
    body = index + 1 if layout.header else index
    header = _cells(text[index], layout.separator) if layout.header else None
    rows = csv.reader(chain(text[body:], (decode(raw) for raw in raw_lines)), delimiter=layout.separator)
    yield from _rows(rows, layout, _Columns(layout, header), rules, file_account, where, body, counts)


def _rows(
    reader: Iterator[list[str]], layout: Layout, cols: _Columns, rules: Rules, file_account: str | None, where: str, before: int, counts: Counter[Key]
) -> Iterator[Issue]:
    label_at, kind_at, state_at = cols.labels, cols.at.get("kind"), cols.at.get("state")
    date_at, purchase_at, account_at = cols.at.get("date"), cols.at.get("purchase"), cols.at.get("account")
    single = label_at[0] if len(label_at) == 1 else None
    kinds, own, skip_states, row_rx = layout.card_kinds or None, layout.card_patterns, layout.skip_states, layout.row
    patterns = (*layout.purchase_patterns, *rules.dates)
    dates: dict[str, date | None] = {}
    groups: dict[str | None, str] = {}
    done = 0
    try:
        for row in reader:
            line = before + done + 1
            done = reader.line_num  # type: ignore[attr-defined]
            width = len(row)
            if single is not None:
                label = row[single] if single < width else ""
            else:
                label = " ".join(row[i] for i in label_at if i < width)
            kind = None
            if kinds is not None and kind_at is not None:
                kind = kind_at < width and fold(row[kind_at]) in kinds
            if own and not kind and any(rx.search(label) for rx in own):
                kind = True
            tp = rules.touchpoint(label, kind=kind)
            if tp is None:
                continue
            if row_rx is not None and not row_rx.match(layout.separator.join(row)):
                continue  # a balance line of a file without a header
            if state_at is not None and state_at < width and fold(row[state_at]) in skip_states:
                continue  # declined: no payment was made
            out = _outflow(row, width, cols.money)
            if out is not True:
                if out is not False:
                    yield Issue(out, _("{where}, line {n}").format(where=where, n=line))
                continue  # a refund or a credit: not a payment
            posted = _date(row[date_at] if date_at is not None and date_at < width else "", layout, dates)
            if posted is None:
                yield Issue(NO_DATE, _("{where}, line {n}").format(where=where, n=line))
                continue
            day = None
            if purchase_at is not None and purchase_at < width:
                day = _date(row[purchase_at], layout, dates)
            day = day or purchase_day(patterns, label, posted) or posted
            account = row[account_at] if account_at is not None and account_at < width else file_account
            group = groups.get(account)
            if group is None:
                group = groups[account] = account_group(account)
            counts[(day, tp, group)] += 1
    except csv.Error:
        raise DataFileError(N_("{where}: broken CSV near line {n}"), where=where, n=before + done + 1) from None


def _outflow(row: list[str], width: int, money: tuple[tuple[int, bool | None], ...]) -> bool | str:
    """True for money going out, False for money coming in, or the problem (a msgid)."""
    written = False
    for i, sign in money:
        cell = row[i].strip() if i < width else ""
        if not cell:
            continue
        out = outflow(cell)
        if out is None:
            return NO_AMOUNT
        written = True
        if out or any(c in cell for c in "123456789"):
            return out if sign is None else sign  # a debit column may be written with or without its minus
    return False if written else MISSING_AMOUNT  # zero (a temporary hold): nothing was paid


def _date(cell: str, layout: Layout, cache: dict[str, date | None]) -> date | None:
    if cell in cache:
        return cache[cell]
    found = None
    for rx in layout.dates:
        m = rx.match(cell)
        if m is None:
            continue
        g = m.groupdict()
        month = int(g["m"]) if g.get("m") else _MONTHS.get((g.get("b") or "").lower(), 0)
        year = int(g["y"]) + (2000 if len(g["y"]) == 2 else 0)
        found = plausible(year, month, int(g["d"]))
        if found is not None:
            break
    cache[cell] = found
    return found


__all__ = ["NotAStatement", "decoder", "find_layout", "head_layout", "read_csv"]
