"""``footprint export --format json``: the whole journal, read back by ``footprint import footprint-json``.

Version 2 carries every table of the journal (entries, days, profile, challenge runs, breaks, scores);
version 1 had entries, days and the profile only (the importer reads both). The undo history is not data and
is not exported. Entries come last, one per line, written as they are read: the file can be any size, and
the importer streams it the same way.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from .base import JournalDump
from .records import break_record, day_record, entry_record, profile_record, run_record, score_record

FORMAT = "footprint-journal"
VERSION = 2
BATCH = 2000  # entries per yielded chunk: fewer, larger writes


def _table(name: str, records: list[dict[str, Any]]) -> str:
    if not records:
        return f',\n "{name}": []'
    rows = ",\n  ".join(json.dumps(r, ensure_ascii=False) for r in records)
    return f',\n "{name}": [\n  {rows}\n ]'


class JournalJson:
    name = "json"
    extension = "json"

    def export(self, dump: JournalDump) -> Iterator[str]:
        head = {
            "format": FORMAT,
            "version": VERSION,
            "exported_at": dump.exported_at,
            "timezone": dump.timezone,
        }
        yield json.dumps(head, ensure_ascii=False)[:-1]
        yield _table("days", [day_record(d) for d in dump.days])
        yield _table("profile", [profile_record(p) for p in dump.profile])
        yield _table("runs", [run_record(r) for r in dump.runs])
        yield _table("breaks", [break_record(b) for b in dump.breaks])
        yield _table("scores", [score_record(s) for s in dump.scores])
        yield ',\n "entries": ['
        objects = (
            dump.entries_json
            if dump.entries_json is not None
            else (json.dumps(entry_record(e), ensure_ascii=False) for e in dump.entries)
        )
        sep, batch = "\n  ", []
        for text in objects:
            batch.append(text)
            if len(batch) >= BATCH:
                yield sep + ",\n  ".join(batch)
                sep, batch = ",\n  ", []
        if batch:
            yield sep + ",\n  ".join(batch)
        yield "\n ]\n}\n"
