"""Properties: any journal survives export → import unchanged, and the date parser never crashes."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from footprint.domain.when import parse_when
from footprint.errors import BadInput
from footprint.exporters import exporter
from footprint.services import Service, imports
from footprint.settings import resolve

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 11, 22, 9, 30, tzinfo=PARIS)

touch = st.fixed_dictionaries(
    {
        "tp": st.sampled_from(["smartphone", "bank-card", "email", "facebook", "health-card"]),
        "minutes_ago": st.integers(min_value=0, max_value=60 * 24 * 400),
        "count": st.integers(min_value=1, max_value=50),
        "minutes": st.one_of(st.none(), st.floats(min_value=0, max_value=600, allow_nan=False)),
        "note": st.one_of(st.none(), st.text(max_size=40)),
        "reason": st.one_of(st.none(), st.sampled_from(["unavoidable", "chosen", "forgot"])),
    }
)


def _service(path: Path) -> Service:
    return Service(resolve(db=path))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(touches=st.lists(touch, max_size=12))
def test_export_import_round_trip(tmp_path_factory, touches) -> None:
    folder = tmp_path_factory.mktemp("rt")
    source = _service(folder / "a.db")
    for t in touches:
        at = (NOW - timedelta(minutes=t["minutes_ago"])).isoformat()
        note = t["note"] if t["note"] is None or t["note"].strip() else None
        source.log([t["tp"]], at=at, count=t["count"], minutes=t["minutes"], note=note, reason=t["reason"])
    export = folder / "export.json"
    export.write_text("".join(exporter("json").export(source.dump())))
    json.loads(export.read_text())
    target = _service(folder / "b.db")

    def entries(svc: Service) -> list[tuple]:
        rows = [(e.at, e.day, e.touchpoint, e.count, e.minutes, e.note, e.reason, e.source) for e in svc.entries()]
        return sorted(rows, key=repr)

    assert imports.run(target, "footprint-json", export).added == len(touches)
    assert entries(target) == entries(source)
    assert imports.run(target, "footprint-json", export).added == 0
    assert entries(target) == entries(source)
    source.close()
    target.close()


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_date_parser_only_ever_says_bad_input(text: str) -> None:
    try:
        result = parse_when(text, NOW)
    except BadInput:
        return
    assert result.tzinfo is not None
