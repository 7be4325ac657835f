"""``footprint import bank PATH``: card payments from bank and credit-card statements (OFX, French bank CSV).

This module owns reading OFX statements (1.0.2 SGML and 2.x XML; bank ``STMTRS`` and credit-card
``CCSTMTRS``) and the CSV downloads of French banks, and turning each **card payment** into a ``bank-card``
touch, or ``mobile-payment`` when the label names Apple Pay, Google Pay… Transfers, direct debits, cash
withdrawals, fees and credits are not card payments: they are passed over, neither touches nor issues.
Nothing of a transaction is kept: not its amount (only its sign is looked at, to leave refunds out), not
its label or merchant, not the account number (a group carries at most its last four characters).

Traps handled (see FORMATS.md, "Bank statements"):

- OFX 1.0.2 is SGML: a plain ``KEY:VALUE`` header block, ``CHARSET:1252``, values without closing tags
  (``<TRNAMT>-6.60<FITID>…``). OFX 2 is XML with closing tags and ``&amp;`` entities. One tokenizer reads
  both, chunk by chunk, in the charset the header declares.
- ``DTPOSTED``/``DTUSER`` are ``YYYYMMDD[HHMMSS[.XXX][[±h:TZ]]]``: only the date is used (the bank's own
  calendar day). ``TRNAMT`` may have a decimal comma. A ``FITID`` seen twice in a statement counts once.
- The purchase date is in the label (``02/03``, ``02/03/24``, ``DU 020324``…) or ``DTUSER``, not in
  ``DTPOSTED`` (posted days later). A label date without a year takes the posting year, or the year before
  when it would otherwise come after the posting (a purchase on 31/12 posted on 02/01). Without either, the
  posting date is the best there is.
- Card payments are recognised by their label (``CB ``, ``CARTE X1234``, ``PAIEMENT PAR CARTE``…) or by
  ``TRNTYPE`` ``POS`` (``DEBIT`` at many banks says nothing); on a credit-card statement every debit is a
  purchase except fees, interest and payments. The patterns are data: ``data/mappings/bank.toml``.
- CSV: cp1252 or UTF-8 (maybe with a BOM), ``;`` (or tab, comma), preamble lines before a header found by
  its French column names, separate debit and credit columns or one signed amount, decimal commas and
  no-break-space thousands, labels spanning lines inside quotes (Crédit Agricole); Boursorama's
  ``dateOp;dateVal;label;category;…;amount;…;accountNum;…`` with several accounts in one file.
- Statements give local dates without a time: the purchase is put at noon in the journal's zone.

Groups: ``card``, or ``card:1234`` when the statement names its account (the last four characters of OFX
``ACCTID``, of a CSV ``accountNum`` column or of the ``n° …`` line in a Crédit Agricole preamble). This is
done even for a single account, so that the same account gives the same group whether it comes alone or in
a file with several accounts, and two accounts downloaded separately never share a group. Statements that
overlap, read in one go (a folder of monthly files), count each day once per group: the larger count wins,
as with a re-import.
"""

from __future__ import annotations

import codecs
import csv
import html
import re
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from itertools import chain, islice
from pathlib import Path
from typing import Any

from ..errors import DataFileError
from .archive import ARCHIVE_READ_ERRORS, Member, head, lines, members
from .base import ImportContext, Issue, Record, Touch

STATEMENTS = re.compile(r"\.(ofx|qfx|qbo|csv)$", re.IGNORECASE)
OFX_NAMES = re.compile(r"\.(ofx|qfx|qbo)$", re.IGNORECASE)
MAPPING = "data/mappings/bank.toml"

CARD = "bank-card"
MOBILE = "mobile-payment"

# A label date more than this before the posting is not the purchase date (a deferred-debit card is
# posted at the end of the month: up to about 31 days), nor more than a few days after it.
MAX_DAYS_BEFORE_POSTING = 62
MAX_DAYS_AFTER_POSTING = 7

_CHUNK = 1 << 16
_HEADER_LINES = 40  # the header of a bank CSV comes within its first lines (after the preamble)
_MAX_TAG_TEXT = 1 << 20  # text between two tags; more than this is not an OFX file
_READ_ERRORS = ARCHIVE_READ_ERRORS

Key = tuple[date, str, str]  # (purchase day, touchpoint, group)


class _NotAStatement(Exception):
    """A CSV without a bank statement header (another file in the folder or archive)."""


@dataclass(frozen=True)
class Rules:
    """``data/mappings/bank.toml``, compiled."""

    card: tuple[re.Pattern[str], ...]
    exclude: tuple[re.Pattern[str], ...]
    mobile: tuple[re.Pattern[str], ...]
    dates: tuple[re.Pattern[str], ...]
    card_types: frozenset[str]
    never_types: frozenset[str]
    card_statement_skip_types: frozenset[str]

    @classmethod
    def of(cls, table: Mapping[str, Any]) -> Rules:
        def section(name: str) -> Mapping[str, Any]:
            value = table.get(name, {})
            if not isinstance(value, Mapping):
                raise DataFileError(f"{MAPPING}: [{name}] must be a table")
            return value

        def strings(name: str, key: str) -> list[str]:
            value = section(name).get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise DataFileError(f"{MAPPING}: [{name}] {key} must be a list of strings")
            return value

        def patterns(name: str, key: str = "patterns", groups: tuple[str, ...] = ()) -> tuple[re.Pattern[str], ...]:
            compiled = []
            for raw in strings(name, key):
                try:
                    rx = re.compile(raw, re.IGNORECASE)
                except re.error as exc:
                    raise DataFileError(f"{MAPPING}: [{name}] bad pattern {raw!r} ({exc})") from None
                if any(g not in rx.groupindex for g in groups):
                    raise DataFileError(f"{MAPPING}: [{name}] pattern {raw!r} needs the groups {', '.join(groups)}")
                compiled.append(rx)
            return tuple(compiled)

        card = patterns("card")
        if not card:
            raise DataFileError(f"{MAPPING}: no card payment patterns ([card] patterns)")
        return cls(
            card=card,
            exclude=patterns("card", "exclude"),
            mobile=patterns("mobile"),
            dates=patterns("purchase_date", groups=("d", "m")),
            card_types=frozenset(s.upper() for s in strings("ofx", "card_types")),
            never_types=frozenset(s.upper() for s in strings("ofx", "never_types")),
            card_statement_skip_types=frozenset(s.upper() for s in strings("ofx", "card_statement_skip_types")),
        )

    def touchpoint(self, label: str, trntype: str = "", card_statement: bool = False) -> str | None:
        """``bank-card``, ``mobile-payment``, or None for what is not a card payment (the sign is checked
        by the caller)."""
        if trntype in self.never_types or any(rx.search(label) for rx in self.exclude):
            return None
        mobile = any(rx.search(label) for rx in self.mobile)
        if card_statement:
            card = trntype not in self.card_statement_skip_types
        else:
            card = mobile or trntype in self.card_types or any(rx.search(label) for rx in self.card)
        if not card:
            return None
        return MOBILE if mobile else CARD

    def purchase_day(self, label: str, posted: date) -> date | None:
        """The purchase date a label gives, placed in the right year with respect to the posting date."""
        earliest = posted - timedelta(days=MAX_DAYS_BEFORE_POSTING)
        latest = posted + timedelta(days=MAX_DAYS_AFTER_POSTING)
        for rx in self.dates:
            for m in rx.finditer(label):
                try:
                    day, month = int(m["d"]), int(m["m"])
                    year = m.groupdict().get("y")
                    years = [int(year) + (2000 if len(year) == 2 else 0)] if year else [posted.year, posted.year - 1]
                except (TypeError, ValueError):
                    continue
                for y in years:
                    candidate = _plausible(y, month, day)  # None: not a real day (a reference, 29/02)
                    if candidate is not None and earliest <= candidate <= latest:
                        return candidate
        return None


class Bank:
    name = "bank"
    description = "bank and credit-card statements: OFX (SGML or XML), French bank CSV (card payments only)"

    def detect(self, path: Path) -> bool:
        try:
            if path.is_file() and not zipfile.is_zipfile(path):
                if OFX_NAMES.search(path.name):
                    return _looks_ofx(head(path))
                return path.suffix.lower() == ".csv" and _csv_head_is_statement(head(path, 8192))
            for checked, member in enumerate(members(path, STATEMENTS)):
                if OFX_NAMES.search(member.name):
                    return True
                if checked >= 10:
                    return False
                with member.open() as f:
                    if _csv_head_is_statement(f.read(8192)):
                        return True
        except (DataFileError, *_READ_ERRORS):
            return False
        return False

    def read(self, path: Path, ctx: ImportContext) -> Iterator[Record]:
        rules = Rules.of(ctx.table("bank"))
        found = False
        best: dict[Key, int] = {}
        for member in members(path, STATEMENTS):
            counts: Counter[Key] = Counter()
            if OFX_NAMES.search(member.name):
                yield from _read_ofx(member, rules, ctx, counts)
            else:
                try:
                    yield from _read_csv(member, rules, ctx, counts)
                except _NotAStatement:
                    continue
            found = True
            for key, n in counts.items():
                best[key] = max(best.get(key, 0), n)
        if not found:
            raise DataFileError(
                f"{path}: no bank statement found (an OFX file, or a CSV with date, label and amount columns)"
            )
        for (day, tp, group), n in sorted(best.items()):
            yield Touch(at=datetime.combine(day, time(12), tzinfo=ctx.zone), touchpoint=tp, count=n, group=group)


# --- shared --------------------------------------------------------------------------------------------------


def _where(name: str) -> str:
    """A member's name for issue locations, long digit runs (account numbers) masked."""
    return re.sub(r"\d{5,}(\d{4})", r"…\1", name)


def _plausible(year: int, month: int, day: int) -> date | None:
    """A real day in a year a bank statement can have (year 1 or 9999 is junk, and would overflow)."""
    if not 1970 <= year <= 2100:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _group(account: str | None) -> str:
    tail = re.sub(r"[^0-9A-Za-z]", "", account or "")[-4:]
    return f"card:{tail}" if tail else "card"


def _amount(text: str) -> Decimal | None:
    """A signed amount: ``-6.60``, ``-6,60``, ``1 234,56`` (no-break spaces), ``1.234,56``, ``+12``."""
    s = re.sub(r"[\s\u00a0\u202f'€]|EUR", "", text, flags=re.IGNORECASE).replace("\u2212", "-")
    if "," in s and "." in s:
        s = s.replace(".", "").replace(",", ".") if s.rfind(",") > s.rfind(".") else s.replace(",", "")
    else:
        s = s.replace(",", ".")
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", s):
        return None
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def _chunks(member: Member, progress: Callable[[int], None]) -> Iterator[bytes]:
    """The member's bytes chunk by chunk; a damaged archive member is a DataFileError."""
    try:
        with member.open() as f:
            while chunk := f.read(_CHUNK):
                progress(len(chunk))
                yield chunk
    except _READ_ERRORS as exc:
        raise DataFileError(f"{_where(member.name)}: cannot be read ({type(exc).__name__})") from None


def _lines(member: Member, progress: Callable[[int], None]) -> Iterator[bytes]:
    """The member's lines as bytes (``\\n`` kept), each of a bounded length."""
    return lines(member, progress)


# --- OFX -----------------------------------------------------------------------------------------------------


def _looks_ofx(data: bytes) -> bool:
    upper = data.upper()
    return b"OFXHEADER" in upper or b"<OFX>" in upper


# The charsets OFX files declare in practice (the header itself is ASCII, so nothing wider than 8 bits).
_TEXT_ENCODINGS = frozenset({"utf-8", "cp1252", "iso8859-1", "iso8859-15", "ascii"})


def _ofx_encoding(start: bytes) -> str:
    """The charset an OFX file declares: ``CHARSET:1252`` (SGML), ``ENCODING:UTF-8``, or the XML declaration.
    Anything else (``NONE``, an unknown or non-text codec) reads as cp1252, the usual one."""
    text = start.decode("ascii", errors="replace")
    xml = re.search(r"<\?xml[^>]*encoding\s*=\s*[\"']([\w.-]+)", text, re.IGNORECASE)
    if xml:
        name = xml.group(1)
    elif re.search(r"^\s*ENCODING\s*:\s*UTF-?8", text, re.IGNORECASE | re.MULTILINE):
        name = "utf-8"
    else:
        charset = re.search(r"^\s*CHARSET\s*:\s*([\w-]+)", text, re.IGNORECASE | re.MULTILINE)
        name = charset.group(1) if charset else "cp1252"
        name = "iso8859-1" if name.upper() in ("8859-1", "ISO-8859-1") else name
    try:
        found = codecs.lookup(name).name
    except LookupError:
        return "cp1252"
    return found if found in _TEXT_ENCODINGS else "cp1252"


_TAG = re.compile(r"\s*(/?)([A-Za-z][A-Za-z0-9._-]*)\s*/?>(.*)", re.DOTALL)


def _ofx_tokens(chunks: Iterable[bytes], name: str) -> Iterator[tuple[bool, str, str]]:
    """``(closing, TAG, text up to the next tag)`` for SGML and XML alike. Text before the first tag (the
    SGML header block), processing instructions and comments are skipped; a stray ``<`` inside a value is
    given back as text with an empty tag."""
    decoder: codecs.IncrementalDecoder | None = None
    pending: list[str] | None = None
    size = 0

    def token(parts: list[str]) -> Iterator[tuple[bool, str, str]]:
        piece = "".join(parts)
        if piece.startswith(("?", "!")):
            return
        m = _TAG.match(piece)
        if m is None:
            yield False, "", "<" + piece
        else:
            yield m.group(1) == "/", m.group(2).upper(), html.unescape(m.group(3).strip())

    for chunk in chain(chunks, [None]):
        if decoder is None:
            if chunk is None:
                return
            decoder = codecs.getincrementaldecoder(_ofx_encoding(chunk[:4096]))(errors="replace")
        text = decoder.decode(chunk or b"", final=chunk is None)
        pieces = text.split("<")
        if pending is not None:
            pending.append(pieces[0])
            size += len(pieces[0])
            if size > _MAX_TAG_TEXT:
                raise DataFileError(f"{name}: not an OFX file (no tags)")
        for piece in pieces[1:]:
            if pending is not None:
                yield from token(pending)
            pending, size = [piece], len(piece)
    if pending is not None:
        yield from token(pending)


def _ofx_date(text: str | None) -> date | None:
    """The date of ``YYYYMMDD[HHMMSS[.XXX][[±h:TZ]]]``, as the bank wrote it (its own calendar day)."""
    m = re.fullmatch(r"\s*(\d{4})(\d{2})(\d{2})(\d{2}(\d{2}(\d{2}([.,]\d{1,6})?)?)?)?\s*(\[[^\]]*\])?\s*", text or "")
    if m is None:
        return None
    return _plausible(int(m.group(1)), int(m.group(2)), int(m.group(3)))


_LABEL_TAGS = ("NAME", "MEMO")
_FIELDS = frozenset({"TRNTYPE", "DTPOSTED", "DTUSER", "TRNAMT", "FITID", *_LABEL_TAGS})
_STATEMENTS = frozenset({"STMTRS", "CCSTMTRS"})
_ACCOUNTS = frozenset({"BANKACCTFROM", "CCACCTFROM"})


def _read_ofx(member: Member, rules: Rules, ctx: ImportContext, counts: Counter[Key]) -> Iterator[Issue]:
    where = _where(member.name)
    opened = closed = False
    card_statement = in_account = False
    account: str | None = None
    txn: dict[str, str] | None = None
    last: str | None = None
    number = 0
    seen: set[tuple[str | None, str]] = set()

    def finish(t: dict[str, str]) -> Iterator[Issue]:
        fitid = t.get("FITID", "")
        if fitid:
            if (account, fitid) in seen:
                return  # the same transaction twice in a statement
            seen.add((account, fitid))
        yield from _card_payment(t, rules, card_statement, account, f"{where} transaction #{number}", counts)

    for closing, tag, value in _ofx_tokens(_chunks(member, ctx.progress), where):
        if not tag:  # a literal "<" inside a value
            if txn is not None and last is not None:
                txn[last] = txn.get(last, "") + value
            continue
        if tag == "OFX":
            opened, closed = opened or not closing, closed or closing
        elif tag in _STATEMENTS:
            if txn is not None:
                yield from finish(txn)
                txn = None
            if not closing:
                card_statement, account = tag == "CCSTMTRS", None
        elif tag in _ACCOUNTS:
            in_account = not closing
        elif tag == "STMTTRN":
            if txn is not None:  # the previous one never closed
                yield from finish(txn)
            txn, last = (None, None) if closing else ({}, None)
            number += 0 if closing else 1
        elif tag == "BANKTRANLIST" and closing and txn is not None:
            yield from finish(txn)
            txn = None
        elif closing:
            continue
        elif tag == "ACCTID" and in_account and txn is None:
            account = value
        elif txn is not None and tag in _FIELDS:
            # NAME also appears in PAYEE: the label is every name and memo, joined.
            txn[tag] = f"{txn[tag]} {value}" if tag in _LABEL_TAGS and tag in txn else value
            last = tag
    if txn is not None:
        yield from finish(txn)
    if not opened:
        raise DataFileError(f"{where}: not an OFX file (no <OFX> element)")
    if not closed:
        raise DataFileError(f"{where}: truncated OFX file (no closing </OFX>)")


def _card_payment(
    t: Mapping[str, str], rules: Rules, card_statement: bool, account: str | None, where: str, counts: Counter[Key]
) -> Iterator[Issue]:
    label = " ".join(t.get(k, "") for k in _LABEL_TAGS)
    tp = rules.touchpoint(label, t.get("TRNTYPE", "").strip().upper(), card_statement)
    if tp is None:
        return
    amount = _amount(t.get("TRNAMT", ""))
    if amount is None:
        yield Issue("card payment without a readable amount", where)
        return
    if amount >= 0:
        return  # a refund or a credit: not a payment
    posted, user = _ofx_date(t.get("DTPOSTED")), _ofx_date(t.get("DTUSER"))
    reference = posted or user
    if reference is None:
        yield Issue("card payment without a readable date", where)
        return
    day = rules.purchase_day(label, reference) or user or reference
    counts[(day, tp, _group(account))] += 1


# --- CSV -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Columns:
    """Where a bank CSV's header puts what matters (column indexes)."""

    date: int
    labels: tuple[int, ...]
    amount: int | None
    debit: int | None
    credit: int | None
    account: int | None


# Column names, lower case without accents, units ("euros", "(EUR)") removed. Operation dates come before
# value dates: a value date is the bank's, not the purchase's.
_DATE_NAMES = (
    ("dateop", "date operation", "date de l'operation", "date d'operation", "date de l'op"),
    ("date", "date de transaction"),
    ("date comptable", "date de comptabilisation"),
)
_LABEL_NAMES = frozenset(
    {
        "label",
        "libelle",
        "detail",
        "details",
        "detail de l'ecriture",
        "informations complementaires",
        "nature de l'operation",
        "operation",
    }
)
_ACCOUNT_NAMES = frozenset({"accountnum", "numero de compte", "no de compte", "n° de compte", "compte"})


def _norm(cell: str) -> str:
    s = unicodedata.normalize("NFKD", cell.strip().strip('"').strip()).replace("\u2019", "'")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"\s+", " ", s)
    return re.sub(r"\s*(\(?\s*(eur|euros|€)\s*\)?)$", "", s).strip()


def _columns(cells: list[str]) -> Columns | None:
    names = [_norm(c) for c in cells]
    date_col = next((names.index(n) for group in _DATE_NAMES for n in group if n in names), None)
    labels = tuple(i for i, n in enumerate(names) if n in _LABEL_NAMES or n.startswith("libelle"))
    amount = next((i for i, n in enumerate(names) if n == "amount" or n.startswith("montant")), None)
    debit = next((i for i, n in enumerate(names) if n.startswith("debit")), None)
    credit = next((i for i, n in enumerate(names) if n.startswith("credit")), None)
    account = next((i for i, n in enumerate(names) if n in _ACCOUNT_NAMES), None)
    if date_col is None or not labels or (amount is None and debit is None and credit is None):
        return None
    return Columns(date_col, labels, amount, debit, credit, account)


def _header(lines: list[str]) -> tuple[int, str, Columns] | None:
    """The header row among the first lines: (its index, the delimiter, the columns)."""
    for i, line in enumerate(lines):
        for delimiter in (";", "\t", ","):
            if delimiter not in line:
                continue
            try:
                cells = next(csv.reader([line], delimiter=delimiter))
            except (csv.Error, StopIteration):
                continue
            found = _columns(cells)
            if found is not None:
                return i, delimiter, found
    return None


def _decode(line: bytes, state: list[str]) -> str:
    """UTF-8 until a line proves otherwise, then cp1252 (French banks' CSVs are one or the other)."""
    if state[0] == "utf-8":
        try:
            return line.decode("utf-8")
        except UnicodeDecodeError:
            state[0] = "cp1252"
    return line.decode("cp1252", errors="replace")


def _csv_head_is_statement(data: bytes) -> bool:
    state = ["utf-8"]
    lines = [_decode(raw, state) for raw in data.split(b"\n")]
    if len(data) >= 8192:
        lines = lines[:-1]  # cut mid-line
    if lines:
        lines[0] = lines[0].lstrip("\ufeff")
    return _header(lines[:_HEADER_LINES]) is not None


_PREAMBLE_ACCOUNT = re.compile(r"\bn\s*[°o]\s*:?\s*([0-9][0-9 ]{5,}[0-9])", re.IGNORECASE)


def _csv_date(text: str) -> date | None:
    s = text.strip()
    if m := re.match(r"(\d{4})-(\d{2})-(\d{2})", s):
        return _plausible(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := re.match(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?!\d)", s):
        year = int(m.group(3)) + (2000 if len(m.group(3)) == 2 else 0)
        return _plausible(year, int(m.group(2)), int(m.group(1)))
    return None


def _read_csv(member: Member, rules: Rules, ctx: ImportContext, counts: Counter[Key]) -> Iterator[Issue]:
    where = _where(member.name)
    state = ["utf-8"]
    text_lines = (_decode(raw, state) for raw in _lines(member, ctx.progress))
    first = list(islice(text_lines, _HEADER_LINES))
    if first:
        first[0] = first[0].lstrip("\ufeff")
    found = _header(first)
    if found is None:
        raise _NotAStatement(member.name)
    index, delimiter, cols = found
    preamble = " ".join(first[:index])
    m = _PREAMBLE_ACCOUNT.search(preamble)
    file_account = m.group(1) if m else None
    reader = csv.reader(chain(first[index + 1 :], text_lines), delimiter=delimiter)
    line_before = index + 1  # lines consumed up to the header, 1-based
    done = 0
    try:
        for row in reader:
            line = line_before + done + 1
            done = reader.line_num
            if not any(c.strip() for c in row):
                continue
            yield from _csv_row(row, cols, rules, file_account, f"{where} line {line}", counts)
    except csv.Error as exc:
        raise DataFileError(f"{where}: broken CSV near line {line_before + done + 1} ({exc})") from None


def _csv_row(
    row: list[str], cols: Columns, rules: Rules, file_account: str | None, where: str, counts: Counter[Key]
) -> Iterator[Issue]:
    def cell(i: int | None) -> str:
        return row[i].strip() if i is not None and i < len(row) else ""

    label = " ".join(cell(i) for i in cols.labels)
    tp = rules.touchpoint(label)
    if tp is None:
        return
    outflow: bool | None = None
    for i, sign in ((cols.debit, True), (cols.credit, False), (cols.amount, None)):
        raw = cell(i)
        if not raw:
            continue
        value = _amount(raw)
        if value is None:
            yield Issue("card payment without a readable amount", where)
            return
        if value != 0 and outflow is None:
            outflow = (value < 0) if sign is None else sign
    if outflow is None:
        yield Issue("card payment without an amount", where)
        return
    if not outflow:
        return  # a refund or a credit: not a payment
    posted = _csv_date(cell(cols.date))
    if posted is None:
        yield Issue("card payment without a readable date", where)
        return
    day = rules.purchase_day(label, posted) or posted
    counts[(day, tp, _group(cell(cols.account) or file_account))] += 1


__all__ = ["Bank", "Rules"]
