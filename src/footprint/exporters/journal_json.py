"""``footprint export --format json``: the whole journal, read back by ``footprint import footprint-json``."""

from __future__ import annotations

import json
from collections.abc import Iterator

from .base import JournalDump
from .records import day_record, entry_record, profile_record

FORMAT = "footprint-journal"
VERSION = 1


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
        yield ',\n "days": ' + json.dumps([day_record(d) for d in dump.days], ensure_ascii=False)
        yield ',\n "profile": ' + json.dumps([profile_record(p) for p in dump.profile], ensure_ascii=False)
        yield ',\n "entries": ['
        sep = "\n  "
        for e in dump.entries:
            yield sep + json.dumps(entry_record(e), ensure_ascii=False)
            sep = ",\n  "
        yield "\n ]\n}\n"
