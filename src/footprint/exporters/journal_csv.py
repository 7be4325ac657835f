"""``footprint export --format csv`` and ``footprint list --csv``: one row per entry, formula-safe."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from ..domain.journal import Entry
from .base import JournalDump
from .records import ENTRY_FIELDS, entry_record, neutralise


def csv_rows(entries: Iterable[Entry]) -> Iterator[str]:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(ENTRY_FIELDS)
    for i, e in enumerate(entries):
        rec = entry_record(e)
        writer.writerow([neutralise(rec[f]) for f in ENTRY_FIELDS])
        if i % 1000 == 999:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


class JournalCsv:
    name = "csv"
    extension = "csv"

    def export(self, dump: JournalDump) -> Iterator[str]:
        return csv_rows(dump.entries)
