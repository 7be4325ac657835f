"""``footprint import google-takeout PATH``: Google Takeout's "My Activity", in JSON or HTML, in any of the
languages Takeout writes, from the zip as downloaded, the unpacked folder, or one ``MyActivity.json`` /
``.html`` file.

Each entry is one touch (count 1) of the catalog touchpoint its product maps to in
``data/mappings/google.toml`` (Search → web-search, YouTube → video-streaming, Maps → maps, Chrome →
web-browsing…); Android "Used X" entries map the app through ``data/mappings/apps.toml`` by the package id
of their Play Store link, else by the app's name, else count as plain smartphone use. Nothing of the
content is kept: no titles, search terms or URLs. The group is the product's language-independent name from
the mapping (``Search``, ``YouTube``), plus ``#N`` for the N-th file of a split export
(``My Activity-2.html``), so an English and a later French export of the same days add nothing twice.

One module per concern: ``paths`` (which files, in which languages), ``products`` (the mapping),
``json_activity`` and ``html_activity`` (the two formats, streamed), ``dates`` (the HTML date lines and
their zones). Dates outside the context's window (before 1970, after its ``now`` and a day) are issues.
Location History (``Records.json``) is not read.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ...errors import DataFileError
from ...i18n import N_
from ..activitywatch import AppNames
from ..base import ImportContext, Record
from ..toolkit import members, names
from . import html_activity, json_activity
from .dates import Zones, parse_date_line
from .paths import Source, file_source, named, source
from .products import Products

NOTHING = N_("{path}: no Google Takeout My Activity files found")
_SINGLE = (".json", ".html", ".htm")


class GoogleTakeout:
    name = "google-takeout"
    description = N_("Google Takeout My Activity (JSON or HTML, any language): searches, videos, maps, app use")

    def detect(self, path: Path) -> bool:
        if path.is_file() and path.suffix.lower() in _SINGLE:
            return file_source(path) is not None
        return any(named(n) for n in names(path))

    def read(self, path: Path, ctx: ImportContext) -> Iterator[Record]:
        sources = self._sources(path)
        if not sources:
            raise DataFileError(NOTHING, path=str(path))
        table = ctx.table("google")
        products = Products(table, AppNames(ctx.table("apps")))
        zones = Zones(table, ctx.zone)
        window = ctx.window()
        for found in sources:
            with found.member.open() as stream:
                if found.html:
                    yield from html_activity.records(found, stream, ctx.progress, products, zones, window)
                else:
                    yield from json_activity.records(found, stream, ctx.progress, products, window)

    @staticmethod
    def _sources(path: Path) -> list[Source]:
        if path.is_file() and path.suffix.lower() in _SINGLE:
            single = file_source(path)
            return [single] if single else []
        return [
            s._replace(label=f"{path}: {m.name}") for m in members(path, r"\.(json|html?)$") if (s := source(m)) is not None
        ]


__all__ = ["GoogleTakeout", "parse_date_line"]
