"""The export's entries, built as JSON by SQLite, are exactly ``entry_record`` of each entry (the shape
``day --json`` and ``list --json`` show), whatever the zone offset, the minutes or the text."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from footprint.domain.journal import Entry
from footprint.exporters.records import entry_record
from footprint.store import Journal


def test_sql_built_entries_equal_the_python_records(db_path) -> None:
    zones = [timezone(timedelta(minutes=m)) for m in (60, 0, -210, 345, -30, 840)]
    texts = [None, "alarm clock", 'quote " and \\ backslash', "tab\tnew\nline\x01", "é ü 中文 🙂", ""]
    minutes = [None, 0.0, 12.5, 0.1 + 0.2, 1e-7, 599.999999999, 3.0]
    entries = [
        Entry(None, datetime(2026, 3, 29, 1, 59, 7, tzinfo=zones[i % 6]) + timedelta(hours=5 * i),
              datetime(2026, 3, 29).date() + timedelta(days=i % 3), "smartphone", i % 4, minutes[i % 7],
              texts[i % 6], (None, "chosen", "forgot", "unavoidable")[i % 4], ("cli", "import:x")[i % 2],
              None if i % 3 else f"ref {texts[(i + 1) % 6]}{i}")
        for i in range(42)
    ]  # fmt: skip
    with Journal(db_path) as j:
        j.add_entries(entries, "fixture")
        from_sql = [json.loads(text) for text in j.entries_json()]
        assert from_sql == [entry_record(e) for e in j.entries()]
        assert len(from_sql) == 42
        assert [list(r) for r in from_sql] == [list(entry_record(e)) for e in j.entries()]  # same key order
