"""The one exception family of footprint, and the exit code each kind maps to.

An error carries a msgid of the message catalogue and its values, not a sentence: it is worded in the
user's language where it is shown (the command line's boundary, the TUI), as in
``raise NotFound(N_("no entry #{id}"), id=12)``. A count gets its grammar from ``nsay``:
``raise BadInput(nsay("{n} day is missing", "{n} days are missing", k))``. Messages are written for the
user and never carry their private data (notes, imported content).
"""

from __future__ import annotations

from enum import IntEnum

from .i18n import Message, say


class ExitCode(IntEnum):
    """Documented process exit codes (the README's table mirrors this)."""

    OK = 0
    FAILURE = 1  # an unexpected failure (a bug): run again with --debug
    USAGE = 2  # a bad argument or bad input (date, count, reason...)
    NOT_FOUND = 3  # an unknown touchpoint, entry, day or challenge
    STORAGE = 4  # the database is corrupt, locked, not a database, or cannot be written
    DATA_FILE = 5  # a catalog, challenge, card or import file is malformed
    INTERRUPTED = 130


class FootprintError(Exception):
    """Base class: a message fit to show a user as one line, in whatever language is spoken when shown."""

    exit_code: ExitCode = ExitCode.FAILURE

    def __init__(self, msgid: str | Message, /, **values: object) -> None:
        self.said = msgid if isinstance(msgid, Message) else say(msgid, **values)
        super().__init__(self.said.msgid)

    @property
    def message(self) -> str:
        """The message in the current language."""
        return self.said.render()

    def __str__(self) -> str:
        return self.message


class BadInput(FootprintError):
    exit_code = ExitCode.USAGE


class NotFound(FootprintError):
    exit_code = ExitCode.NOT_FOUND


class StorageError(FootprintError):
    exit_code = ExitCode.STORAGE


class JournalBusy(StorageError):
    """Another program held the journal's write lock longer than this write waits: trying again later works."""


class DataFileError(FootprintError):
    """A shipped or user file (catalog, challenge, card, export) that does not have the expected shape."""

    exit_code = ExitCode.DATA_FILE
