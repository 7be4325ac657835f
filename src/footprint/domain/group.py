"""Challenge cards and the group summary a workshop facilitator makes of them.

A challenge card is the small pseudonymous JSON record of one person's run of a challenge (format
``footprint-challenge-card``, version 1). ``parse_card`` validates one card read from a file; every problem is
one line naming the file, the key and what was expected, and never echoes the participant's pseudonym.

``summarize`` merges the cards of one challenge into counts and means. It never keeps a pseudonym, and below
the minimum group size it keeps totals only (no per-touchpoint rows), so that no participant can be singled
out in a small group: renderers cannot leak what the summary does not hold.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, NamedTuple

from ..errors import DataFileError
from ..i18n import N_, Message, say
from .limits import MAX_CARD_CAPTURES, MAX_CARD_DAYS, MAX_CARD_HOURS, MAX_CARD_TOUCHES, in_years, whole_within, within

CARD_FORMAT = "footprint-challenge-card"
CARD_VERSION = 1
STATUSES = ("finished", "abandoned")
LANGS = ("en", "fr")
MAX_PSEUDONYM = 40
MIN_GROUP = 5
_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_CARD_ID = re.compile(r"[0-9a-f]{32}")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class CardError(DataFileError):
    """A card that is not a valid challenge card; ``reason`` is the message without the file name (a
    ``Message``, worded when shown, like the error)."""

    def __init__(self, origin: str, reason: Message) -> None:
        super().__init__(N_("{file}: {reason}"), file=origin, reason=reason)
        self.origin, self.reason = origin, reason


class CardCaptures(NamedTuple):
    """Captures (estimates) of the run, and of the participant's usual days when they had a baseline."""

    run: float
    baseline: float | None
    baseline_days: int
    baseline_wanted: int


class Card(NamedTuple):
    """One validated challenge card. Touchpoint lists are sorted and free of repeats (they are sets)."""

    card_id: str
    pseudonym: str
    challenge: str
    lang: str
    status: str
    started_on: date
    hours: float
    usual: tuple[str, ...]
    removed: tuple[str, ...]
    touched: tuple[tuple[str, int], ...]  # (touchpoint, touches), sorted by touchpoint
    unavoidable: tuple[str, ...]
    captures: CardCaptures
    start: datetime | None = None
    end: datetime | None = None

    def same_run(self) -> Card:
        """The card without what may change between two exports of one run (its id, language, and whether
        exact times were shared): two cards equal under this are the same run handed in twice. The pseudonym
        stays in: two people who did exactly the same things are still two participants."""
        return self._replace(card_id="", lang="", start=None, end=None)


class _Reader:
    """Reads the keys of one raw card; every failure names the file and the key."""

    def __init__(self, raw: Mapping[str, Any], origin: str) -> None:
        self.raw, self.origin = raw, origin

    def fail(self, key: str, expected: Message) -> CardError:
        if "." not in key and key not in self.raw:
            return CardError(self.origin, say("key '{key}': expected {expected} (missing)", key=key, expected=expected))
        return CardError(self.origin, say("key '{key}': expected {expected}", key=key, expected=expected))

    def challenge(self, key: str) -> str:
        value = self.raw.get(key)
        if not isinstance(value, str) or not _SLUG.fullmatch(value):
            raise self.fail(key, say("a challenge id (lowercase letters, digits and single hyphens)"))
        return value

    def ids(self, key: str) -> tuple[str, ...]:
        value = self.raw.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) and _SLUG.fullmatch(v) for v in value):
            raise self.fail(key, say("a list of touchpoint ids"))
        return tuple(sorted(set(value)))  # a set: a repeat counts once

    def choice(self, key: str, choices: tuple[str, ...]) -> str:
        value = self.raw.get(key)
        if value not in choices:
            first, second = choices  # a card's choices are pairs (lang, status)
            raise self.fail(key, say("'{first}' or '{second}'", first=first, second=second))
        return value

    def when(self, key: str) -> datetime | None:
        value = self.raw.get(key)
        if value is None:
            return None
        try:
            at = datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            at = None
        if at is None or at.tzinfo is None or not in_years(at):
            raise self.fail(
                key, say("an ISO date-time with its UTC offset, like 2026-11-21T00:00:00+01:00, from 1970 to 2100")
            )
        return at


# Finite is not enough: two cards of 1e308 captures overflow the group's mean to inf, and a touch count of
# 2**70 is no run's. The bounds (domain/limits.py) are far above any real run and keep every sum finite.
def _captures(raw: Any, r: _Reader) -> CardCaptures:
    from ..l10n import integer

    if not isinstance(raw, Mapping):
        raise r.fail("captures", say("an object with 'run', 'baseline', 'baseline_days' and 'baseline_wanted'"))
    run, baseline = raw.get("run"), raw.get("baseline")
    most = integer(int(MAX_CARD_CAPTURES))
    if not within(run, 0, MAX_CARD_CAPTURES):
        raise r.fail("captures.run", say("a number, 0 or more (at most {max})", max=most))
    if baseline is not None and not within(baseline, 0, MAX_CARD_CAPTURES):
        raise r.fail("captures.baseline", say("a number, 0 or more (at most {max}), or null", max=most))
    for key in ("baseline_days", "baseline_wanted"):
        if not whole_within(raw.get(key), 0, MAX_CARD_DAYS):
            whole = say("a whole number, 0 or more (at most {max})", max=integer(MAX_CARD_DAYS))
            raise r.fail(f"captures.{key}", whole)
    return CardCaptures(
        float(run), None if baseline is None else float(baseline), raw["baseline_days"], raw["baseline_wanted"]
    )


def _touched(r: _Reader) -> tuple[tuple[str, int], ...]:
    value = r.raw.get("touched")
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and _SLUG.fullmatch(k) and whole_within(v, 1, MAX_CARD_TOUCHES) for k, v in value.items()
    ):
        from ..l10n import integer

        raise r.fail(
            "touched",
            say(
                "an object of touchpoint id: number of touches (1 or more, at most {max})",
                max=integer(MAX_CARD_TOUCHES),
            ),
        )
    return tuple(sorted(value.items()))


def parse_card(raw: Any, origin: str) -> Card:
    """One card as read from JSON, validated, or ``CardError`` (a ``DataFileError``) naming ``origin``.

    The format and version are checked first: a card from a newer footprint is reported as such rather than
    by whichever key changed. Unknown keys are ignored; ``start`` and ``end`` may be absent (the participant
    did not share exact times).
    """
    if not isinstance(raw, Mapping):
        raise CardError(origin, say("expected a JSON object (a challenge card)"))
    r = _Reader(raw, origin)
    if raw.get("format") != CARD_FORMAT:
        raise CardError(origin, say("not a challenge card (key 'format' is not '{format}')", format=CARD_FORMAT))
    version = raw.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise r.fail("version", say("a card version number ({version})", version=CARD_VERSION))
    if version > CARD_VERSION:
        raise CardError(origin, say("card version {version} is from a newer footprint", version=version))
    card_id = raw.get("card_id")
    if not isinstance(card_id, str) or not _CARD_ID.fullmatch(card_id):
        raise r.fail("card_id", say("32 lowercase hexadecimal characters"))
    pseudonym = raw.get("pseudonym")
    if (
        not isinstance(pseudonym, str)
        or not pseudonym.strip()
        or len(pseudonym) > MAX_PSEUDONYM
        or "\n" in pseudonym
        or "\r" in pseudonym
    ):
        raise r.fail("pseudonym", say("a name of 1 to {max} characters on one line", max=MAX_PSEUDONYM))
    challenge = r.challenge("challenge")
    lang = r.choice("lang", LANGS)
    status = r.choice("status", STATUSES)
    started = raw.get("started_on")
    try:
        started_on = date.fromisoformat(started) if isinstance(started, str) and _ISO_DATE.fullmatch(started) else None
    except ValueError:
        started_on = None
    if started_on is None or not in_years(started_on):
        raise r.fail("started_on", say("a date like 2026-11-21, from 1970 to 2100"))
    hours = raw.get("hours")
    if not within(hours, 0, MAX_CARD_HOURS) or hours == 0:
        from ..l10n import integer

        raise r.fail("hours", say("a number of hours greater than 0 (at most {max})", max=integer(int(MAX_CARD_HOURS))))
    usual, removed = r.ids("usual"), r.ids("removed")
    outside = [tp for tp in removed if tp not in usual]
    if outside:
        raise r.fail("removed", say("touchpoint ids also listed in 'usual' ('{id}' is not)", id=outside[0]))
    touched, unavoidable = _touched(r), r.ids("unavoidable")
    captures = _captures(raw.get("captures"), r)
    start, end = r.when("start"), r.when("end")
    if start is not None and end is not None and end <= start:
        raise r.fail("end", say("a date-time after 'start'"))
    return Card(
        card_id, pseudonym, challenge, lang, status, started_on, float(hours), usual, removed, touched,
        unavoidable, captures, start, end,
    )  # fmt: skip


# --- the group summary -----------------------------------------------------------------------------------


class TouchpointRow(NamedTuple):
    """How many participants had a touchpoint in their usual life, touched it during the run, removed it
    for the run, or found it unavoidable. Every figure counts participants, not touches."""

    touchpoint: str
    usual: int
    touched: int
    removed: int
    unavoidable: int


class GroupSummary(NamedTuple):
    """What a group's cards add up to; ``touchpoints`` is empty unless ``detailed``.

    Capture means are estimates (the cards' figures are). ``baseline_mean`` and ``baseline_run_mean`` are over
    the participants who had a usual-day baseline only, so the two compare like with like; both are None
    when nobody had one.
    """

    challenge: str
    participants: int
    finished: int
    abandoned: int
    with_baseline: int
    min_group: int
    detailed: bool
    touchpoints: tuple[TouchpointRow, ...]
    run_mean: float
    baseline_mean: float | None
    baseline_run_mean: float | None

    @property
    def change(self) -> float | None:
        """The run against a usual day for the participants with a baseline, as a fraction (-0.8 = 80 % fewer)."""
        if self.baseline_mean is None or self.baseline_run_mean is None or self.baseline_mean == 0:
            return None
        return self.baseline_run_mean / self.baseline_mean - 1


def _mean(values: Sequence[float]) -> float | None:
    return math.fsum(values) / len(values) if values else None


def _rows(cards: Sequence[Card]) -> tuple[TouchpointRow, ...]:
    usual: dict[str, int] = {}
    touched: dict[str, int] = {}
    removed: dict[str, int] = {}
    unavoidable: dict[str, int] = {}
    for card in cards:
        for counts, ids in (
            (usual, card.usual),
            (touched, (tp for tp, _ in card.touched)),
            (removed, card.removed),
            (unavoidable, card.unavoidable),
        ):
            for tp in ids:
                counts[tp] = counts.get(tp, 0) + 1
    every = set(usual) | set(touched) | set(unavoidable)  # removed is within usual
    rows = (
        TouchpointRow(tp, usual.get(tp, 0), touched.get(tp, 0), removed.get(tp, 0), unavoidable.get(tp, 0))
        for tp in every
    )
    return tuple(sorted(rows, key=lambda row: (-row.usual, -row.touched, row.touchpoint)))


def summarize(cards: Sequence[Card], min_group: int = MIN_GROUP) -> GroupSummary:
    """The summary of the cards of one challenge (at least one card).

    Touchpoints are those any participant uses usually, touched, or found unavoidable, most usual first.
    Below ``min_group`` participants the summary is totals only: no rows per touchpoint.
    """
    if not cards:
        raise ValueError("summarize needs at least one card")
    challenges = {card.challenge for card in cards}
    if len(challenges) != 1:
        raise ValueError(f"summarize takes the cards of one challenge, not {sorted(challenges)}")
    if min_group < 1:
        raise ValueError("min_group must be 1 or more")
    with_baseline = [card for card in cards if card.captures.baseline is not None]
    detailed = len(cards) >= min_group
    return GroupSummary(
        challenge=cards[0].challenge,
        participants=len(cards),
        finished=sum(card.status == "finished" for card in cards),
        abandoned=sum(card.status == "abandoned" for card in cards),
        with_baseline=len(with_baseline),
        min_group=min_group,
        detailed=detailed,
        touchpoints=_rows(cards) if detailed else (),
        run_mean=_mean([card.captures.run for card in cards]) or 0.0,
        baseline_mean=_mean([card.captures.baseline or 0.0 for card in with_baseline]),
        baseline_run_mean=_mean([card.captures.run for card in with_baseline]),
    )


def group_by_challenge(cards: Iterable[Card]) -> dict[str, list[Card]]:
    """The cards of each challenge, challenges in name order, cards in their given order."""
    groups: dict[str, list[Card]] = {}
    for card in cards:
        groups.setdefault(card.challenge, []).append(card)
    return {challenge: groups[challenge] for challenge in sorted(groups)}
