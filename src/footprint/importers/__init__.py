"""Importers behind one registry: one module per format. ``importer(name)`` looks one up by name."""

from __future__ import annotations

from pathlib import Path

from ..domain.text import did_you_mean
from ..errors import NotFound
from ..i18n import N_
from .activitywatch import ActivityWatch
from .bank import Bank
from .base import ImportContext, Importer, Issue, NotRead, ProfileHint, Record, Touch
from .enedis import Enedis
from .footprint_json import FootprintJson
from .generic_csv import GenericCsv
from .google import GoogleTakeout
from .linkedin import LinkedIn
from .meta import Facebook, Instagram
from .twitter import Twitter

# Order matters for ``detect``: the first importer that recognises a path names it; the generic CSV,
# which would accept many files, comes last.
IMPORTERS: tuple[Importer, ...] = (
    FootprintJson(),
    GoogleTakeout(),
    Twitter(),
    Facebook(),
    Instagram(),
    LinkedIn(),
    Bank(),
    Enedis(),
    ActivityWatch(),
    GenericCsv(),
)


def importer(name: str) -> Importer:
    for imp in IMPORTERS:
        if imp.name == name:
            return imp
    names = [i.name for i in IMPORTERS]
    raise NotFound(
        N_("unknown import source {name}{hint}; sources: {names}"),
        name=repr(name),
        hint=did_you_mean(name, names),
        names=", ".join(names),
    )


def detect(path: Path) -> Importer | None:
    return next((imp for imp in IMPORTERS if imp.detect(path)), None)


__all__ = ["IMPORTERS", "ImportContext", "Importer", "Issue", "NotRead", "ProfileHint", "Record", "Touch", "detect", "importer"]
