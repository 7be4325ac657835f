"""``footprint summary``: a week, a month, a year against the period before, in English and French, as
text, JSON and Markdown; bad periods refused in one line; the entries themselves never read."""

from __future__ import annotations

import json
from datetime import date

import pytest

from footprint.services.summary import Period, before, calendar_period, closed_streaks, day_counts, unit_of

NBSP = "\u00a0"


@pytest.fixture
def week(cli):
    """Frozen today is Sunday 22 November 2026: its week is 16–22 November, the one before 9–15."""
    for args in (
        ("log", "smartphone", "-n", "2", "--at", "2026-11-10 08:00"),
        ("log", "smartphone", "-n", "3", "--at", "2026-11-17 08:00"),
        ("log", "cb", "--at", "2026-11-18 12:30", "--note", "lunch <b>with</b> Anna"),
        ("close", "2026-11-16"),
        ("close", "2026-11-17"),
        ("close", "2026-11-19"),
        ("close", "2026-11-15"),
    ):
        result = cli(*args)
        assert result.exit_code == 0, result.stderr
    return cli


def test_week_in_english(week) -> None:
    result = week("summary")
    assert result.exit_code == 0 and result.stderr == ""
    out = result.stdout.splitlines()
    assert out[0] == "Week of 16–22 November 2026"
    assert out[1] == "Compared with 9–15 November 2026."
    assert "  Touches: 4 (before: 2, +100%)" in out
    assert "  Captures: 18 (before: 10, +80%)" in out
    assert "  Closed days: 3 · logged but not closed: 1 · not logged: 3" in out
    # 16 and 17 follow 15 (closed), then 18 is open: the streak running at the end is 0 days.
    assert "  Closed days in a row: 0 up to 21 November 2026, at most 2 in the period" in out
    phone = next(line for line in out if line.lstrip().startswith("Smartphone"))
    assert phone.split()[1:] == ["3", "2", "+50%", "15", "10", "+50%"]
    card = next(line for line in out if line.lstrip().startswith("Bank card"))
    assert card.split()[2:] == ["1", "0", "new", "3", "0", "new"]
    assert "your bank" in result.stdout and "lunch" not in result.stdout


def test_week_in_french(week) -> None:
    result = week("--lang", "fr", "summary", "semaine")
    assert result.exit_code == 0 and result.stderr == ""
    out = result.stdout.splitlines()
    assert out[0] == "Semaine du 16 au 22 novembre 2026"
    assert out[1] == "Par rapport à la période du 9 au 15 novembre 2026."
    assert f"  Contacts{NBSP}: 4 (avant{NBSP}: 2, +100{NBSP}%)" in out
    assert f"Journées clôturées{NBSP}: 3 · notées mais non clôturées{NBSP}: 1 · non notées{NBSP}: 3" in result.stdout
    card = next(line for line in out if line.lstrip().startswith("Carte bancaire"))
    assert "nouveau" in card
    assert "votre banque" in result.stdout


def test_a_month_so_far_is_set_against_the_same_days_before(week) -> None:
    result = week("summary", "month")
    assert result.exit_code == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[:2] == ["November 2026", "22 days of 30 so far. Compared with 1–22 October 2026."]
    fr = week("--lang", "fr", "summary", "mois", "--date", "2026-11-03")
    assert fr.stdout.splitlines()[1] == f"22{NBSP}jours sur 30 jusqu'ici. Par rapport à la période du 1er au 22 octobre 2026."
    assert fr.stdout.startswith("Novembre 2026\n")


def test_year_and_range_titles(week) -> None:
    year = week("--lang", "fr", "summary", "année")
    assert year.exit_code == 0 and year.stdout.startswith("Année 2026\n")
    assert "Par rapport à la période du 1er janvier au 22 novembre 2025." in year.stdout
    span = week("summary", "--from", "2026-11-17", "--to", "2026-11-18")
    assert span.stdout.splitlines()[:2] == ["17–18 November 2026", "Compared with 15–16 November 2026."]
    one = week("--lang", "fr", "summary", "--from", "2026-11-17", "--to", "2026-11-17")
    assert one.stdout.splitlines()[:2] == ["Mardi 17 novembre 2026", "Par rapport au 16 novembre 2026."]


def test_json_has_stable_keys_numbers_and_iso_dates(week) -> None:
    result = week("summary", "--json")
    assert result.exit_code == 0 and result.stderr == ""
    data = json.loads(result.stdout)
    assert list(data) == [
        "period", "previous", "touches", "captures", "days", "streaks", "touchpoints", "collectors", "runs"
    ]  # fmt: skip
    assert data["period"] == {
        "unit": "week", "first": "2026-11-16", "last": "2026-11-22", "days": 7, "through": "2026-11-22",
        "partial": False,
    }  # fmt: skip
    assert data["previous"]["first"] == "2026-11-09" and data["previous"]["last"] == "2026-11-15"
    assert data["touches"] == {"now": 4, "before": 2, "change": 1.0}
    assert data["days"] == {"counted": 7, "closed": 3, "open_logged": 1, "unlogged": 3}
    assert data["streaks"]["longest"] == 2 and data["streaks"]["longest_from"] == "2026-11-16"
    card = next(t for t in data["touchpoints"] if t["id"] == "bank-card")
    assert card["label"] == "Bank card" and card["known"] is True
    assert card["touches"] == {"now": 1, "before": 0, "change": None}
    bank = next(c for c in data["collectors"] if c["id"] == "bank")
    assert bank["captures"]["now"] == 1.0 and bank["label"] == "your bank"
    assert "notes" not in data and "lunch" not in result.stdout


def test_markdown_for_a_post_keeps_notes_out_unless_asked(week) -> None:
    result = week("summary", "--format", "md")
    assert result.exit_code == 0 and result.stderr == ""
    md = result.stdout
    assert md.startswith("### Week of 16–22 November 2026\n")
    assert "| Touchpoint | Touches | Before | Change | Captures | Before | Change |" in md
    assert "| Bank card | 1 | 0 | new | 3 | 0 | new |" in md
    assert "| **Total** | 4 | 2 | +100% | 18 | 10 | +80% |" in md
    assert "lunch" not in md and "12:30" not in md
    noted = week("--lang", "fr", "summary", "-f", "md", "--with-notes").stdout
    assert noted.startswith("### Semaine du 16 au 22 novembre 2026\n")
    # The person's words are escaped: they print as text, never as HTML.
    assert "lunch &lt;b&gt;with&lt;/b&gt; Anna" in noted and "12:30" in noted and "<b>" not in noted


def test_markdown_escapes_names_from_a_user_catalog(cli, home) -> None:
    folder = home / "config" / "touchpoints"
    folder.mkdir(parents=True)
    (folder / "odd.toml").write_text(
        '[collectors]\nvendor = { en = "the [vendor](http://x)", fr = "le fabricant" }\n\n[[touchpoint]]\n'
        'id = "odd"\nlabel = { en = "<img src=x>|pipe", fr = "Bizarre" }\nkind = "device"\nmode = "active"\n'
        'consent = "opt-in"\ncollectors = ["vendor"]\ncaptures_per_use = 1\ncaptures_per_use_why = "One."\n',
        encoding="utf-8",
    )
    assert cli("log", "odd", "--at", "2026-11-20 10:00").exit_code == 0
    md = cli("summary", "-f", "md").stdout
    assert "| &lt;img src=x&gt;\\|pipe | 1 | 0 | new |" in md
    assert "the \\[vendor\\](http://x)" in md and "<img" not in md


def test_challenge_runs_of_the_period_with_their_verdict(week) -> None:
    started = week("challenge", "start", "day-without-big-data", "--at", "2026-11-20 00:00")
    assert started.exit_code == 0, started.stderr
    result = week("summary")
    assert result.exit_code == 0 and result.stderr == ""
    assert "Challenges:" in result.stdout and "A day without Big Data (#1, 20–21 November 2026): " in result.stdout
    runs = json.loads(week("summary", "--json").stdout)["runs"]
    assert runs[0]["challenge"] == "day-without-big-data" and runs[0]["start"].startswith("2026-11-20T00:00")


@pytest.mark.parametrize(
    ("args", "english", "french"),
    [
        (("summary", "fortnight"), "unknown period 'fortnight'; use week, month or year",
         f"période inconnue «{NBSP}fortnight{NBSP}»{NBSP}; utilisez week (semaine), month (mois) ou year (année)"),
        (("summary", "--from", "2026-11-20", "--to", "2026-11-10"), "--from 2026-11-20 is after --to 2026-11-10", None),
        (("summary", "month", "--from", "2026-11-01"), "give a period (week, month, year, --date) or --from/--to",
         "donnez une période"),
        (("summary", "--format", "pdf"), "unknown format 'pdf'; use text or md", f"format inconnu «{NBSP}pdf{NBSP}»"),
        (("summary", "--json", "-f", "md"), "choose --json or --format md, not both", "choisissez --json"),
        (("summary", "--date", "2027-03-01"), "has not happened yet", None),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_and_exit_2(cli, args, english, french) -> None:
    result = cli(*args)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("footprint: ") and english in result.stderr
    assert result.stderr.count("\n") == 1
    if french:
        fr = cli("--lang", "fr", *args)
        assert fr.exit_code == 2 and fr.stdout == "" and french in fr.stderr and fr.stderr.count("\n") == 1


def test_a_summary_reads_the_roll_up_never_the_entries(week, monkeypatch) -> None:
    from footprint.store import Journal

    def refuse(*args, **kwargs):
        raise AssertionError("a summary must not read the entries one by one")

    monkeypatch.setattr(Journal, "entries", refuse)
    monkeypatch.setattr(Journal, "entries_on", refuse)
    monkeypatch.setattr(Journal, "remarks_in", refuse)
    result = week("summary", "year", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)["touches"]["now"] == 6


# --- the periods themselves -------------------------------------------------------------------------


def test_calendar_periods_and_the_period_before() -> None:
    assert calendar_period("week", date(2026, 11, 22)) == Period("week", date(2026, 11, 16), date(2026, 11, 22))
    assert calendar_period("month", date(2026, 12, 5)) == Period("month", date(2026, 12, 1), date(2026, 12, 31))
    assert calendar_period("month", date(2024, 2, 10)).last == date(2024, 2, 29)
    assert calendar_period("year", date(2026, 6, 1)) == Period("year", date(2026, 1, 1), date(2026, 12, 31))
    march = calendar_period("month", date(2026, 3, 31))
    assert before(march, 31) == Period("month", date(2026, 2, 1), date(2026, 2, 28))  # a shorter month: all of it
    assert before(calendar_period("month", date(2026, 1, 9)), 9) == Period("month", date(2025, 12, 1), date(2025, 12, 9))
    span = Period("range", date(2026, 11, 10), date(2026, 11, 12))
    assert before(span, 3) == Period("range", date(2026, 11, 7), date(2026, 11, 9))


def test_units_in_both_languages() -> None:
    assert [unit_of(t) for t in (None, "Week", "semaine", "mois", "Année", "annee", "an", "year")] == [
        "week", "week", "week", "month", "year", "year", "year", "year",
    ]  # fmt: skip


def test_days_and_closed_streaks() -> None:
    d = date(2026, 11, 1)
    closed = {date(2026, 11, n) for n in (1, 2, 3, 5, 6)}
    assert day_counts(d, date(2026, 11, 7), closed, [date(2026, 11, 4), date(2026, 11, 5)]) == (7, 5, 1, 1)
    # Today (the 7th) still open: the streak reaching yesterday still runs.
    s = closed_streaks(closed, d, date(2026, 11, 7), today=date(2026, 11, 7))
    assert (s.current, s.current_since, s.current_to) == (2, date(2026, 11, 5), date(2026, 11, 6))
    assert (s.longest, s.longest_from, s.longest_to) == (3, date(2026, 11, 1), date(2026, 11, 3))
    assert closed_streaks(closed, d, date(2026, 11, 4), today=date(2026, 11, 20)).current == 0


def test_captures_are_the_days_footprints_added_up_across_profile_changes(cli) -> None:
    """Summed by stretches of the same profile, the figures are those of each day's footprint, added."""
    from footprint.services import Service
    from footprint.services.summary import segments, summary
    from footprint.settings import resolve

    for args in (
        ("profile", "add", "linky", "--since", "2026-10-01"),
        ("profile", "add", "linky", "--state", "load-curve", "--since", "2026-11-05"),
        ("profile", "add", "smartphone", "computer", "--since", "2026-11-03"),
        ("profile", "remove", "computer", "--until", "2026-11-12"),
        ("log", "computer", "--minutes", "90", "--at", "2026-11-04 10:00"),
        ("log", "smartphone", "-n", "4", "--at", "2026-11-13 10:00"),
        ("log", "cb", "--at", "2026-10-20 10:00"),
    ):
        assert cli(*args).exit_code == 0
    svc = Service(resolve())
    s = summary(svc, "month")
    assert len(segments(s.period.first, s.through, svc.journal.profile())) == 4  # 1, 3, 5 and 13 November
    days = svc.footprint_between(s.period.first, s.through).values()
    for line in s.touchpoints:
        expected = sum(fp.by_touchpoint[line.key].total for fp in days if line.key in fp.by_touchpoint)
        assert line.captures.now == pytest.approx(expected)
    for line in s.collectors:
        assert line.captures.now == pytest.approx(sum(fp.by_collector.get(line.key, 0.0) for fp in days))
    assert s.captures.now == pytest.approx(sum(fp.total for fp in days))
    before_days = svc.footprint_between(s.previous.first, s.previous.last).values()
    assert s.captures.before == pytest.approx(sum(fp.total for fp in before_days))
    svc.close()
