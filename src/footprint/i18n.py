"""The one message catalogue: every word footprint says is a gettext msgid in the code, and its
translations live in ``locale/<lang>/LC_MESSAGES/footprint.po`` (compiled to ``footprint.mo`` beside it).

The code writes English msgids as whole phrases — ``_("Closed {day}: fully logged.")``,
``ngettext("{n} closed day", "{n} closed days", n)`` for counts, ``pgettext("menu", "Close")`` where one
English word has two French ones — and formats them with ``str.format`` *after* translating, so a
translator may reorder the fields. A text defined before the language is known (a module constant, a
Typer help, an error raised deep down) is marked with ``N_()`` and translated where it is shown.

The language is ambient: the edge (the command line's root, the TUI's app) calls ``use(lang)`` once, and
every ``_()`` below it speaks that language. A language is a folder under ``locale/``: adding one is adding
its ``.po`` (and the compiled ``.mo``), nothing else. English is the msgids themselves.

Kept light on purpose (it is on ``footprint log``'s path): the stdlib ``gettext`` reads the ``.mo`` only
for a language other than English; numbers and dates are formatted in ``l10n.py``.
"""

from __future__ import annotations

import gettext as _gettext
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

DOMAIN = "footprint"
LOCALE_DIR = Path(__file__).parent / "locale"
SOURCE = "en"  # the msgids' language

_NULL = _gettext.NullTranslations()
_state: dict[str, object] = {"lang": SOURCE, "tr": _NULL}


@cache
def languages() -> tuple[str, ...]:
    """English first, then every language with a compiled catalogue, in name order."""
    found = sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"))
    return (SOURCE, *(lang for lang in found if lang != SOURCE))


@cache
def _translations(lang: str) -> _gettext.NullTranslations:
    if lang == SOURCE:
        return _NULL
    return _gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def use(lang: str) -> None:
    """Speak ``lang`` from now on (an unknown language speaks English)."""
    _state["lang"] = lang if lang in languages() else SOURCE
    _state["tr"] = _translations(str(_state["lang"]))


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Speak ``lang`` inside the block, then the language before it (a report in another language)."""
    before = current()
    use(lang)
    try:
        yield
    finally:
        use(before)


def current() -> str:
    """The language being spoken: ``"en"``, ``"fr"``…"""
    return str(_state["lang"])


def _tr() -> _gettext.NullTranslations:
    return _state["tr"]  # type: ignore[return-value]


def _(msgid: str) -> str:
    """``msgid`` in the current language."""
    return _tr().gettext(msgid)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a phrase that fits the count ``n`` (French says « 1 jour », « 0 jour », « 2 jours »)."""
    return _tr().ngettext(singular, plural, n)


def pgettext(context: str, msgid: str) -> str:
    """``msgid`` as meant in ``context``, for an English word with more than one translation."""
    return _tr().pgettext(context, msgid)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return _tr().npgettext(context, singular, plural, n)


def N_(msgid: str) -> str:
    """Marks ``msgid`` for the catalogue without translating it yet (it is translated where it is shown)."""
    return msgid


class Message:
    """A phrase to be said later, in whatever language is spoken then: a msgid (with its plural and count,
    or its context) and the values to put in it. Errors carry one; so can a problem line. Build one with
    ``say``, ``nsay`` or ``psay`` (the catalogue's extractor knows those names)."""

    __slots__ = ("msgid", "plural", "n", "context", "values")

    def __init__(
        self, msgid: str, plural: str | None, n: int | None, context: str | None, values: dict[str, object]
    ) -> None:
        self.msgid, self.plural, self.n, self.context, self.values = msgid, plural, n, context, values

    def render(self) -> str:
        values = {k: (v.render() if isinstance(v, Message) else v) for k, v in self.values.items()}
        if self.plural is not None:
            count = int(self.n or 0)
            if self.context:
                text = npgettext(self.context, self.msgid, self.plural, count)
            else:
                text = ngettext(self.msgid, self.plural, count)
            values.setdefault("n", count)
        else:
            text = pgettext(self.context, self.msgid) if self.context else _(self.msgid)
        return text.format(**values) if values else text

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Message({self.msgid!r}, {self.values!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        mine = (self.msgid, self.plural, self.n, self.context, self.values)
        return mine == (other.msgid, other.plural, other.n, other.context, other.values)

    def __hash__(self) -> int:
        return hash((self.msgid, self.plural, self.n, self.context))


def say(msgid: str, /, **values: object) -> Message:
    """``msgid`` with its values, to be worded when shown."""
    return Message(msgid, None, None, None, values)


def nsay(singular: str, plural: str, n: int, /, **values: object) -> Message:
    """A phrase about a count, to be worded when shown (``{n}`` is the count unless given)."""
    return Message(singular, plural, n, None, values)


def psay(context: str, msgid: str, /, **values: object) -> Message:
    return Message(msgid, None, None, context, values)
