"""Journal exporters behind one registry. Each module is one format; none prints or touches the database."""

from __future__ import annotations

from ..domain.text import suggestion
from ..errors import NotFound
from ..i18n import N_
from .base import Exporter, JournalDump
from .journal_csv import JournalCsv
from .journal_json import JournalJson
from .journal_md import JournalMarkdown

EXPORTERS: tuple[Exporter, ...] = (JournalJson(), JournalCsv(), JournalMarkdown())


def exporter(name: str) -> Exporter:
    for e in EXPORTERS:
        if e.name == name:
            return e
    names = [e.name for e in EXPORTERS]
    raise NotFound(
        N_("unknown export format '{name}'{hint}: use one of {names}"),
        name=name,
        hint=suggestion(name, names),
        names=", ".join(names),
    )


__all__ = ["EXPORTERS", "Exporter", "JournalDump", "exporter"]
