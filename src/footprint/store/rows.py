"""How the journal's rows are checked as they are read: a value of the wrong type (a journal changed by
another program) is a ``StorageError`` naming what it is part of, never a traceback further on."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..errors import StorageError
from ..i18n import N_, Message, say


def _damaged(what: Message) -> StorageError:
    return StorageError(
        N_("the journal is damaged: {what} holds a value of the wrong type (written by another program?)"), what=what
    )


def _entry(entry_id: Any) -> Message:
    return say("entry #{id}", id=entry_id)


# What a damaged value is part of, as the message names it.
_A_DAY, _ROLL_UP, _PROFILE, _SCORE = say("a day"), say("the daily roll-up"), say("the profile"), say("a score")


def _day(text: Any, what: Message = _A_DAY) -> date:
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        raise _damaged(what) from None


_NUMBERS = (int, float)


def out_of_range(entry_id: Any, day: Any, what: Message) -> StorageError:
    """An entry whose numbers cannot be shown (an infinity written behind footprint's back)."""
    return StorageError(
        N_("entry #{id} ({day}) holds {what} out of range: the journal was changed outside footprint"),
        id=entry_id,
        day=day,
        what=what,
    )
