"""OFX statements: 1.0.2 (SGML) and 2.x (XML), bank (``STMTRS``) and credit-card (``CCSTMTRS``).

OFX 1.0.2 is SGML: a plain ``KEY:VALUE`` header block, ``CHARSET:1252``, values without closing tags
(``<TRNAMT>-6.60<FITID>…``). OFX 2 is XML with closing tags and ``&amp;`` entities. One tokenizer reads
both, chunk by chunk, in the charset the header declares. ``DTPOSTED``/``DTUSER`` are
``YYYYMMDD[HHMMSS[.mmm][[±h:TZ]]]``: only the date is used (the bank's own calendar day). ``TRNAMT`` may
have a decimal comma. A ``FITID`` seen twice in a statement counts once. The purchase date is in the label
or ``DTUSER``, not ``DTPOSTED``. On a credit-card statement every debit is a purchase except fees,
interest and payments. Nothing of a transaction is kept: the account number only names a group through
``account_group`` (a digest, never the number).
"""

from __future__ import annotations

import codecs
import html
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from itertools import chain

from ...errors import DataFileError
from ...i18n import N_, _
from ..archive import ARCHIVE_READ_ERRORS, Member, masked
from ..base import Issue
from .rules import Rules, outflow, plausible
from .tally import Key, account_group

OFX_NAMES = re.compile(r"\.(ofx|qfx|qbo)$", re.IGNORECASE)
_CHUNK = 1 << 16
_MAX_TAG_TEXT = 1 << 20  # text between two tags; more than this is not an OFX file

NO_AMOUNT = N_("card payment without a readable amount")
NO_DATE = N_("card payment without a readable date")


def looks_ofx(data: bytes) -> bool:
    upper = data.upper()
    return b"OFXHEADER" in upper or b"<OFX>" in upper


def _chunks(member: Member, progress: Callable[[int], None]) -> Iterator[bytes]:
    """The member's bytes chunk by chunk; a damaged archive member is a DataFileError."""
    try:
        with member.open() as f:
            while chunk := f.read(_CHUNK):
                progress(len(chunk))
                yield chunk
    except ARCHIVE_READ_ERRORS as exc:
        raise DataFileError(
            N_("{where}: cannot be read ({error})"), where=masked(member.name), error=type(exc).__name__
        ) from None


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
                raise DataFileError(N_("{where}: not an OFX file (no tags)"), where=name)
        for piece in pieces[1:]:
            if pending is not None:
                yield from token(pending)
            pending, size = [piece], len(piece)
    if pending is not None:
        yield from token(pending)


def _ofx_date(text: str | None) -> date | None:
    """The date of ``YYYYMMDD[HHMMSS[.mmm][[±h:TZ]]]``, as the bank wrote it (its own calendar day)."""
    m = re.fullmatch(r"\s*(\d{4})(\d{2})(\d{2})(\d{2}(\d{2}(\d{2}([.,]\d{1,6})?)?)?)?\s*(\[[^\]]*\])?\s*", text or "")
    if m is None:
        return None
    return plausible(int(m.group(1)), int(m.group(2)), int(m.group(3)))


_LABEL_TAGS = ("NAME", "MEMO")
_FIELDS = frozenset({"TRNTYPE", "DTPOSTED", "DTUSER", "TRNAMT", "FITID", *_LABEL_TAGS})
_STATEMENTS = frozenset({"STMTRS", "CCSTMTRS"})
_ACCOUNTS = frozenset({"BANKACCTFROM", "CCACCTFROM"})


def read_ofx(member: Member, rules: Rules, progress: Callable[[int], None], counts: Counter[Key]) -> Iterator[Issue]:
    """The card payments of one OFX member into ``counts``, its problems as issues."""
    where = masked(member.name)
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
        place = _("{where}, transaction {n}").format(where=where, n=number)
        yield from _card_payment(t, rules, card_statement, account, place, counts)

    for closing, tag, value in _ofx_tokens(_chunks(member, progress), where):
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
        raise DataFileError(N_("{where}: not an OFX file (no <OFX> element)"), where=where)
    if not closed:
        raise DataFileError(N_("{where}: truncated OFX file (no closing </OFX>)"), where=where)


def _card_payment(
    t: Mapping[str, str], rules: Rules, card_statement: bool, account: str | None, where: str, counts: Counter[Key]
) -> Iterator[Issue]:
    label = " ".join(t.get(k, "") for k in _LABEL_TAGS)
    tp = rules.touchpoint(label, t.get("TRNTYPE", "").strip().upper(), card_statement)
    if tp is None:
        return
    out = outflow(t.get("TRNAMT", ""))
    if out is None:
        yield Issue(_(NO_AMOUNT), where)
        return
    if not out:
        return  # a refund or a credit: not a payment
    posted, user = _ofx_date(t.get("DTPOSTED")), _ofx_date(t.get("DTUSER"))
    reference = posted or user
    if reference is None:
        yield Issue(_(NO_DATE), where)
        return
    day = rules.purchase_day(label, reference) or user or reference
    counts[(day, tp, account_group(account))] += 1
