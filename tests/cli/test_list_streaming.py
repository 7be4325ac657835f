"""``footprint list`` streams: text, ``--json`` and ``--csv`` are written as the journal is read, and the
output is the same as when it was built whole (the JSON is still one valid document)."""

import csv
import io
import json
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from footprint.domain.journal import Entry
from footprint.exporters.records import entry_record
from footprint.services import Service
from footprint.settings import resolve

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def varied(cli) -> None:
    """Touches with every kind of field: notes with quotes, accents, emoji and a line break, reasons,
    minutes, an imported source."""
    cli("log", "email", "--at", "2026-11-19 08:00", "--note", 'said "hi", then\nleft')
    cli("log", "smartphone", "--at", "2026-11-20 22:15", "--count", "3", "--minutes", "12.5", "--reason", "chosen")
    cli("log", "cb", "--at", "2026-11-21 12:00", "--note", "café ☕ — =SUM(A1)")
    cli("log", "computer", "--minutes", "90", "--reason", "unavoidable")


def _stored() -> list[Entry]:
    svc = Service(resolve())
    try:
        return list(svc.entries())
    finally:
        svc.close()


def test_json_is_the_document_it_was_when_built_whole(cli, varied) -> None:
    entries = _stored()
    assert len(entries) == 4
    # The way the listing was built before it streamed: the whole array joined in memory.
    whole = "[" + ",".join("\n  " + json.dumps(entry_record(e), ensure_ascii=False) for e in entries) + "\n]\n"
    result = cli("list", "--json")
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout == whole
    assert [e["id"] for e in json.loads(result.stdout)] == [e.id for e in entries]


def test_json_of_an_empty_listing_is_an_empty_array(cli) -> None:
    result = cli("list", "--json")
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout == "[\n]\n" and json.loads(result.stdout) == []


def test_text_and_csv_are_what_they_were(cli, varied) -> None:
    from footprint.present import day

    entries = _stored()
    svc = Service(resolve())
    try:
        lines = "".join(day.entry_lines(entries, svc.catalog))
    finally:
        svc.close()
    text = cli("list")
    assert text.exit_code == 0 and text.stderr == ""
    assert text.stdout == lines
    assert text.stdout.splitlines()[0].startswith("  #1      2026-11-19 08:00  Email")
    table = cli("list", "--csv")
    assert table.exit_code == 0 and table.stderr == ""
    rows = list(csv.DictReader(io.StringIO(table.stdout)))
    assert [int(r["id"]) for r in rows] == [e.id for e in entries]
    assert rows[0]["note"] == 'said "hi", then\nleft' and rows[2]["note"].startswith("café")


def _many(n: int, written: list[int]) -> Iterator[Entry]:
    """``n`` touches; halfway through, notes how many lines had reached stdout by then."""
    start = datetime(2020, 1, 1, 8, 0, tzinfo=PARIS)
    for i in range(n):
        if i == n // 2:
            sys.stdout.flush()
            written.append(sys.stdout.buffer.getvalue().count(b"\n"))
        at = start + timedelta(minutes=i)
        yield Entry(i + 1, at, at.date(), "email", 1, None, None, None, "cli")


@pytest.mark.parametrize("flag", [None, "--json", "--csv"])
def test_output_starts_before_the_journal_is_read_to_the_end(cli, monkeypatch, flag) -> None:
    written: list[int] = []
    monkeypatch.setattr(Service, "entries", lambda self, *a, **k: _many(10_000, written))
    result = cli("list", *([flag] if flag else []))
    assert result.exit_code == 0 and result.stderr == ""
    assert written and written[0] >= 1000, "nothing was written while the journal was still being read"
    lines = result.stdout.splitlines()
    if flag == "--json":
        listed = json.loads(result.stdout)
        last = datetime(2020, 1, 1, 8, 0, tzinfo=PARIS) + timedelta(minutes=9999)
        assert len(listed) == 10_000 and listed[-1]["at"] == last.isoformat()
    else:
        assert len(lines) == 10_000 + (flag == "--csv")
