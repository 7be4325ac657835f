"""``footprint import bank PATH``: card payments from bank and credit-card statements (OFX, bank CSV).

Each **card payment** becomes a ``bank-card`` touch, or ``mobile-payment`` when the label names Apple
Pay, Google Pay…; transfers, direct debits, cash withdrawals, fees and credits are passed over, neither
touches nor issues. Nothing of a transaction is kept: not its amount (only its sign is looked at, to leave
refunds out), not its label or merchant, not the account number (see ``tally.account_group``).

The package holds one concern per module: ``ofx`` (OFX 1 and 2), ``statement_csv`` (CSV through a
layout), ``layouts`` (bank layouts as data, ``data/mappings/banks/*.toml`` and the user's own ``banks``
folder), ``rules`` (what a card payment is and its purchase date, ``data/mappings/bank.toml``) and
``tally`` (counts per day, touchpoint and account). This module walks the file, folder or zip.
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from ...errors import DataFileError
from ...i18n import N_
from ..archive import ARCHIVE_READ_ERRORS, head, members
from ..base import ImportContext, Record
from .layouts import Layout, load, shipped
from .ofx import OFX_NAMES, looks_ofx, read_ofx
from .rules import Rules
from .statement_csv import NotAStatement, head_layout, read_csv
from .tally import Key, Tally

STATEMENTS = re.compile(r"\.(ofx|qfx|qbo|csv)$", re.IGNORECASE)
LAYOUTS_KEY = "bank-layouts"  # in the context's mappings: [(file name, tables)] of the user's mapping files


class Bank:
    name = "bank"
    description = N_(
        "bank and credit-card statements: OFX, CSV downloads of French banks, Revolut, N26 (card payments only)"
    )

    def detect(self, path: Path) -> bool:
        return self.layout_of(path, shipped()) is not None

    def layout_of(self, path: Path, layouts: tuple[Layout, ...]) -> str | None:
        """What ``path`` holds: ``OFX``, a layout's title (``Caisse d'Épargne (13 colonnes)``), or None.
        Cheap: names and first bytes of at most a dozen members."""
        try:
            if path.is_file() and not zipfile.is_zipfile(path):
                if OFX_NAMES.search(path.name):
                    return "OFX" if looks_ofx(head(path)) else None
                found = head_layout(head(path, 8192), layouts) if path.suffix.lower() == ".csv" else None
                return found.title if found else None
            for checked, member in enumerate(members(path, STATEMENTS)):
                if OFX_NAMES.search(member.name):
                    return "OFX"
                if checked >= 10:
                    return None
                with member.open() as f:
                    found = head_layout(f.read(8192), layouts)
                if found is not None:
                    return found.title
        except (DataFileError, *ARCHIVE_READ_ERRORS):
            return None
        return None

    def layouts(self, ctx: ImportContext) -> tuple[Layout, ...]:
        """The shipped layouts and the user's (from the context: the service reads their files)."""
        user = ctx.mappings.get(LAYOUTS_KEY, [])
        return (*shipped(), *load(user)) if user else shipped()

    def read(self, path: Path, ctx: ImportContext) -> Iterator[Record]:
        rules = Rules.of(ctx.table("bank"))
        layouts = self.layouts(ctx)
        found = False
        tally = Tally()
        for member in members(path, STATEMENTS):
            counts: Counter[Key] = Counter()
            if OFX_NAMES.search(member.name):
                yield from read_ofx(member, rules, ctx.progress, counts)
            else:
                try:
                    yield from read_csv(member, layouts, rules, ctx.progress, counts)
                except NotAStatement:
                    continue
            found = True
            tally.keep(counts)
        if not found:
            from ..archive import masked

            raise DataFileError(
                N_("{where}: no bank statement found (an OFX file, or a CSV in a bank layout footprint knows)"),
                where=masked(str(path)),
            )
        yield from tally.touches(ctx.zone)


__all__ = ["Bank", "LAYOUTS_KEY"]
