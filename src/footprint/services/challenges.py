"""Challenge use cases: list and show challenges, start/end/abandon runs, live status, verdicts, streaks.

Challenge files come from the shipped ``challenges/`` folder and the user's ``challenges/`` config folder
(a user file with the same id replaces the shipped one). A challenge id is only ever matched against the
names of the files found there, never joined into a path, so no id can reach outside those folders.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import NamedTuple

from ..domain.catalog import KINDS, Text
from ..domain.challenge import SLUG, Challenge, Start, parse_challenge, start_rule
from ..domain.journal import Run
from ..domain.streak import Streaks, streaks
from ..domain.text import fold, suggestion
from ..domain.verdict import (
    BASELINE_LOOKBACK_DAYS,
    DAY,
    RunReads,
    Verdict,
    Window,
    comparison,
    day_spans,
    run_window,
    verdict,
)
from ..errors import BadInput, FootprintError, NotFound
from ..i18n import N_, say
from ..resources import shipped_dir
from ..store import RunConflict
from . import Service, moment, read_toml, toml_files

MAX_PSEUDONYM = 40


def challenge_files(svc: Service) -> dict[str, Path]:
    """Challenge id (the file's stem) → file; the user's folder wins over the shipped one."""
    found: dict[str, Path] = {}
    for folder in (shipped_dir("challenges"), svc.settings.config_dir / "challenges"):
        for path in toml_files(folder):
            found[path.stem] = path
    return found


def load_challenge(svc: Service, path: Path) -> Challenge:
    return parse_challenge(read_toml(path), str(path), expected_id=path.stem, catalog=svc.catalog)


def all_challenges(svc: Service) -> list[Challenge]:
    return [load_challenge(svc, p) for p in challenge_files(svc).values()]


def get_challenge(svc: Service, cid: str) -> Challenge:
    files = challenge_files(svc)
    key = fold(cid)
    if not SLUG.fullmatch(key) or key not in files:
        raise NotFound(
            N_("unknown challenge '{name}'{hint}: see 'footprint challenge list'"),
            name=cid,
            hint=suggestion(cid, files),
        )
    return load_challenge(svc, files[key])


# --- runs ----------------------------------------------------------------------------------------------


def effective(run: Run, now: datetime) -> Run:
    """An active run whose planned end has passed is finished, at its planned end."""
    if run.status == "active" and now >= run.planned_end:
        return run._replace(status="finished")
    return run


def runs(svc: Service) -> list[Run]:
    now = svc.settings.now()
    return [effective(r, now) for r in svc.journal.runs()]


def find_run(svc: Service, ref: str | None = None, active: bool = False) -> Run:
    """A run by number or name; without one, the only active run (or, unless ``active``, the latest run)."""
    all_runs = runs(svc)
    if ref is not None:
        for r in all_runs:
            if str(r.id) == ref.lstrip("#") or (r.name is not None and r.name == ref):
                if active and r.status == "abandoned":
                    raise BadInput(N_("run {ref} was abandoned: it is no longer running"), ref=ref)
                if active and r.status != "active":
                    raise BadInput(N_("run {ref} is over: it is no longer running"), ref=ref)
                return r
        raise NotFound(N_("no run '{ref}': see 'footprint challenge runs'"), ref=ref)
    running = [r for r in all_runs if r.status == "active"]
    if len(running) > 1:
        names = ", ".join(r.name or f"#{r.id}" for r in running)
        raise BadInput(N_("several runs are active ({names}): name one"), names=names)
    if running:
        return running[0]
    if active or not all_runs:
        raise NotFound(N_("no challenge is running: start one with 'footprint challenge start ID'"))
    return all_runs[-1]


def _finalize_expired(svc: Service, now: datetime) -> None:
    """Persist as finished the active runs whose time is up, so they no longer hold their name."""
    for r in svc.journal.runs():
        if r.status == "active" and now >= r.planned_end:
            svc.journal.update_run(r._replace(status="finished"), say("end of the challenge {title}", title=_title(r)))


def check_pseudonym(pseudonym: str) -> str:
    name = pseudonym.strip()
    if not 0 < len(name) <= MAX_PSEUDONYM or "\n" in name or any(ord(c) < 32 for c in name):
        raise BadInput(N_("a pseudonym is 1 to {max} characters on one line"), max=MAX_PSEUDONYM)
    return name


class Started(NamedTuple):
    run: Run
    start: Start  # which rule gave its start (``late``: today's usual start had passed, it starts now)


def start_of(svc: Service, ch: Challenge, at: str | None) -> Start:
    """When a run of ``ch`` would start for ``--at`` (see ``domain.challenge.start_rule``)."""
    now = svc.settings.now()
    if at is None:
        return start_rule(None, ch.starts_at, now)
    from ..domain.when import parse_moment  # only when a date was typed

    return start_rule(parse_moment(at, now), ch.starts_at, now)


def start(
    svc: Service, cid: str, at: str | None = None, pseudonym: str | None = None, name: str | None = None
) -> Started:
    """Start a run: now; at ``at`` typed with a time, exactly then; a day alone, that day at the challenge's
    usual start (today's, once passed: now)."""
    ch = get_challenge(svc, cid)
    now = svc.settings.now()
    if pseudonym is not None:
        pseudonym = check_pseudonym(pseudonym)
    if name is not None and not SLUG.fullmatch(name):
        raise BadInput(N_("a run name is made of lowercase letters, digits and hyphens, such as 'workshop-nov'"))
    begin = start_of(svc, ch, at)
    window = run_window(begin.at, ch.duration)
    _finalize_expired(svc, now)
    rules = read_toml(challenge_files(svc)[ch.id])
    run = Run(None, ch.id, window.start, window.end, "active", rules, name, pseudonym)
    try:
        return Started(svc.journal.add_run(run, say("start of the challenge {title}", title=ch.title)), begin)
    except RunConflict:
        if name:
            raise BadInput(
                N_("a run named '{name}' is already running: end or abandon it, or start with another --name"),
                name=name,
            ) from None
        raise BadInput(N_("a challenge is already running: end or abandon it, or start with --name")) from None


def planned(run: Run, now: datetime) -> bool:
    """A run that has not begun yet (started with a future ``--at``)."""
    return run.status == "active" and now < run.start


def end(svc: Service, ref: str | None = None, at: str | None = None) -> Run:
    """End a run now (or ``at``); a run that has not begun cannot end: it can be cancelled (``abandon``)."""
    run = find_run(svc, ref, active=True)
    if planned(run, svc.settings.now()):
        raise BadInput(
            N_("run #{id} has not begun (it starts on {when}): to cancel it, footprint challenge abandon {id}"),
            id=run.id,
            when=moment(run.start),
        )
    when = svc.when(at)
    if when < run.start:
        raise BadInput(N_("the run started on {when}: it cannot end before"), when=moment(run.start))
    done = run._replace(status="finished", ended=min(when, run.planned_end))
    svc.journal.update_run(done, say("end of the challenge {title}", title=_title(run)))
    return done


def abandon(svc: Service, ref: str | None = None) -> Run:
    """Give up a run: its verdict stays, marked abandoned. A run that has not begun is cancelled instead:
    removed (``footprint undo`` brings it back), and returned with the status ``cancelled``."""
    run = find_run(svc, ref, active=True)
    now = svc.settings.now()
    if planned(run, now):
        assert run.id is not None
        svc.journal.delete_run(run.id, say("cancelling the challenge {title}", title=_title(run)))
        return run._replace(status="cancelled")
    done = run._replace(status="abandoned", ended=max(min(now, run.planned_end), run.start))
    svc.journal.update_run(done, say("abandoning the challenge {title}", title=_title(run)))
    return done


def _title(run: Run) -> Text | str:
    """The run's challenge by its title, for an undo step (its id when the stored rules are unreadable)."""
    try:
        return rules_of(run).title
    except FootprintError:
        return run.challenge


def rules_of(run: Run) -> Challenge:
    """The challenge as it was when the run started."""
    return parse_challenge(run.rules, f"run #{run.id} ({run.challenge})")


def verdict_of(svc: Service, run: Run) -> Verdict:
    """The verdict of a run; for a running run, the verdict so far (up to now)."""
    now = svc.settings.now()
    status = "running" if run.status == "active" else run.status
    if planned(run, now):
        status = "planned"
    end_at = min(now, run.end) if run.status == "active" else run.end
    window = Window(run.start, max(end_at, run.start), inclusive=True)
    challenge = rules_of(run)
    periods = svc.journal.profile()
    return verdict(
        challenge=challenge,
        window=window,
        status=status,
        reads=run_reads(svc, challenge, window, run.planned_end),
        profile_at_start=[p for p in periods if p.covers(run.start.date())],
        periods=periods,
        catalog=svc.catalog,
        planned_end=run.planned_end,
    )


def run_reads(svc: Service, challenge: Challenge, window: Window, planned_end: datetime) -> RunReads:
    """What a verdict needs from the journal, read for the run's window and its baseline's hours only: a
    verdict costs the same on a journal of ten thousand entries as on one of ten million."""
    today = svc.settings.now().date()
    first = window.start.date() - timedelta(days=BASELINE_LOOKBACK_DAYS)
    wanted = max(1, -(-Window(window.start, planned_end).wall() // DAY))  # the run's calendar days, rounded up
    closed = svc.journal.closed_days(first, max(window.end.date(), window.start.date()))
    compared = comparison(window, closed, today, wanted)
    zone = svc.settings.zone
    spans = day_spans([window], zone)
    usage = svc.journal.usage_in(spans)
    forbidden = [tp.id for tp in svc.catalog.touchpoints if challenge.forbids(tp) and tp.id in usage]
    baseline = []
    if compared.why_not is None:
        for piece in compared.pieces:
            baseline.append(svc.journal.usage_in(day_spans([piece.on(d, zone) for d in compared.days], zone)))
    return RunReads(
        usage=usage,
        first_touched=svc.journal.first_touched(spans, forbidden),
        remarks=svc.journal.remarks_in(spans, forbidden),
        comparison=compared,
        baseline_usage=baseline,
    )


class LiveStatus(NamedTuple):
    run: Run
    verdict: Verdict
    time_left: timedelta  # until the planned end (0 once over)
    starts_in: timedelta  # >0 for a run that has not begun
    still_avoidable: tuple[str, ...]  # usual touchpoints not touched yet and not passive


def live_status(svc: Service, ref: str | None = None) -> LiveStatus:
    run = find_run(svc, ref)
    now = svc.settings.now()
    v = verdict_of(svc, run)
    left = max(run.planned_end - now, timedelta(0)) if run.status == "active" else timedelta(0)
    # What is still avoidable is what the verdict so far counts as removed: usual, untouched, not passive.
    return LiveStatus(run, v, left, max(run.start - now, timedelta(0)), v.removed)


# --- streaks -------------------------------------------------------------------------------------------


def streak(svc: Service, target: str) -> tuple[str, Streaks]:
    """Days without a touchpoint (id or alias) or a kind, over closed days; returns what was counted."""
    key = fold(target)
    if key in KINDS:
        ids = [tp.id for tp in svc.catalog.of_kind(key)]
        label = key
    else:
        tp = svc.catalog.resolve(target)
        ids, label = [tp.id], tp.id
    # The days table and the daily roll-up answer it: a streak never reads the entries themselves.
    return label, streaks(svc.journal.closed_days(), svc.journal.closed_days_with(ids))
