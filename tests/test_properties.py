"""Properties: any journal survives export → import unchanged (every table), and the date parser never crashes."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from footprint.domain.breaks import Break
from footprint.domain.journal import DayStatus, Entry, ProfilePeriod, Run
from footprint.domain.scores import Score
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


TOUCHPOINTS = ["smartphone", "bank-card", "email", "facebook", "health-card", "smart-meter"]
days = st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 11, 21))
text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=20)
instants = st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2026, 11, 21), timezones=st.just(PARIS))
imported = st.builds(  # an imported per-day count, with its stable reference
    lambda day, tp, n, ref: Entry(None, datetime(day.year, day.month, day.day, 12, tzinfo=PARIS), day, tp, n, None,
                                  None, None, "import:twitter", f"tweets:{ref}"),
    days, st.sampled_from(TOUCHPOINTS), st.integers(0, 99), st.integers(0, 10**6),
)  # fmt: skip
runs = st.builds(
    lambda cid, start, hours, status, name, pseudonym, rules: Run(
        None, cid, start, start + timedelta(hours=hours), status, rules, name, pseudonym,
        start + timedelta(hours=1) if status == "abandoned" else None,
    ),
    st.sampled_from(["day-without-big-data", "no-social-week"]), instants, st.integers(1, 200),
    st.sampled_from(["finished", "abandoned"]), st.one_of(st.none(), text), st.one_of(st.none(), text),
    st.dictionaries(st.sampled_from(["id", "title", "days"]), st.one_of(text, st.integers(0, 9), st.lists(text, max_size=2))),
)  # fmt: skip
breaks = st.builds(
    lambda first, length, label, scope: Break("", first, first + timedelta(days=length), label, tuple(scope)),
    days, st.integers(0, 30), text, st.lists(st.sampled_from(["social", "smartphone", "email"]), max_size=2, unique=True),
)  # fmt: skip
scores = st.builds(
    Score, st.sampled_from(["klout", "followers:twitter"]), days, st.floats(0, 1e6, allow_nan=False), st.just("cli")
)
journal = st.fixed_dictionaries(
    {
        "touches": st.lists(touch, max_size=12),
        "imported": st.lists(imported, max_size=6, unique_by=lambda e: e.source_ref),
        "closed": st.lists(st.tuples(days, st.booleans()), max_size=5, unique_by=lambda d: d[0]),
        "profile": st.lists(st.tuples(st.sampled_from(TOUCHPOINTS), days, st.one_of(st.none(), st.just("load-curve"))), max_size=4, unique_by=lambda p: p[:2]),
        "runs": st.lists(runs, max_size=3),
        "active": st.booleans(),
        "breaks": st.lists(breaks, max_size=3),
        "scores": st.lists(scores, max_size=5, unique_by=lambda s: (s.metric, s.day)),
    }
)  # fmt: skip


def _fill(svc: Service, j: dict) -> None:
    """Every table of the journal: typed touches, imported counts, days, profile, runs, breaks, scores."""
    for t in j["touches"]:
        at = (NOW - timedelta(minutes=t["minutes_ago"])).isoformat()
        note = t["note"] if t["note"] is None or t["note"].strip() else None
        svc.log([t["tp"]], at=at, count=t["count"], minutes=t["minutes"], note=note, reason=t["reason"])
    journal = svc.journal
    journal.merge_counts(j["imported"], "imported counts")
    for day, closed in j["closed"]:
        journal.set_closed(day, closed, datetime(day.year, day.month, day.day, 22, tzinfo=PARIS), "close")
    journal.replace_profile([ProfilePeriod(tp, since, None, state) for tp, since, state in j["profile"]], "profile")
    for run in j["runs"]:
        journal.add_run(run, "run")
    if j["active"]:
        journal.add_run(Run(None, "day-without-big-data", NOW, NOW + timedelta(days=1), "active", {"id": "x"}), "run")
    for b in j["breaks"]:
        journal.add_break(b, "break")
    journal.put_scores(j["scores"], "scores")


def _document(svc: Service) -> dict:
    """The export as data, less what cannot be the same in another journal: when it was made, the ids."""
    doc = json.loads("".join(exporter("json").export(svc.dump())))
    del doc["exported_at"]
    for table in ("entries", "runs", "breaks"):
        for row in doc[table]:
            del row["id"]
    return doc


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(j=journal)
def test_every_table_round_trips_and_a_second_import_adds_nothing(tmp_path_factory, j) -> None:
    folder = tmp_path_factory.mktemp("every")
    source = _service(folder / "a.db")
    _fill(source, j)
    export = folder / "export.json"
    export.write_text("".join(exporter("json").export(source.dump())), encoding="utf-8")
    target = _service(folder / "b.db")
    first = imports.run(target, "footprint-json", export)
    assert first.issues == {}
    assert _document(target) == _document(source)
    with target.journal.bulk("check") as bulk:  # nothing of the tables is added twice either
        assert not any(bulk.restore(*_tables(target)).values())
    again = imports.run(target, "footprint-json", export)
    assert (again.added, again.updated) == (0, 0)
    assert _document(target) == _document(source)
    if any(_document(source)[k] for k in ("entries", "days", "profile", "runs", "breaks", "scores")):
        assert str(target.undo()) == f"importing {export.name} (footprint-json)"  # the first import, whole, is one step
    else:
        assert target.undo() is None  # an import that changed nothing is no step to undo
    assert _document(target)["entries"] == [] and _document(target)["runs"] == []
    source.close()
    target.close()


def _tables(svc: Service) -> tuple[list[DayStatus], list[ProfilePeriod], list[Run], list[Break], list[Score]]:
    j = svc.journal
    return j.all_days(), j.profile(), j.runs(), j.breaks(), j.scores()


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_date_parser_only_ever_says_bad_input(text: str) -> None:
    try:
        result = parse_when(text, NOW)
    except BadInput:
        return
    assert result.tzinfo is not None
