"""Storage: the only package that imports ``sqlite3`` or ``sqlite_utils``. It returns domain objects."""

from .connection import SCHEMA_VERSION, open_database
from .journal import EntryFilter, Journal, RunConflict

__all__ = ["SCHEMA_VERSION", "EntryFilter", "Journal", "RunConflict", "open_database"]
