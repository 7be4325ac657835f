"""Which files of a Takeout are "My Activity", and what their paths tell: names in every language as data.

``Takeout/My Activity/Search/MyActivity.json``, ``Takeout/Mon activité/Recherche/MonActivité.html``,
``Meine Aktivitäten/Suche/MeineAktivitäten.json``, names in NFC or NFD, split or older files
(``My Activity-2.html``, ``MyActivity(1).json``). The product folder (translated) is only a fallback for an
entry's product: its own ``products`` and ``header`` come first.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import IO, NamedTuple

from ..toolkit import Member, file_member, head, squash

# "My Activity" in the languages Takeout is downloaded in, squashed (lower case, no accents, no spaces).
ACTIVITY = frozenset(
    squash(name)
    for name in (
        "My Activity",  # en
        "Mon activité",  # fr
        "Meine Aktivitäten",  # de
        "Mi actividad",  # es
        "Le mie attività",  # it
        "La mia attività",  # it (older)
        "Minha atividade",  # pt
        "Mijn activiteit",  # nl
    )
)
# The words that open the caption's product list ("Products:", "Produits :", "Produkte:"…), squashed prefixes.
PRODUCTS_CAPTION = ("product", "produit", "produkt", "producto", "prodott", "produto")

_FILE = re.compile(r"^(?P<stem>[a-z]+?)(?:-?\(?(?P<part>\d+)\)?)?\.(?P<ext>json|html?)$")


class Source(NamedTuple):
    member: Member
    label: str  # how an error names the file: the path, or the archive or folder and the member
    folder: str | None  # the product folder (translated), when the file sits in one
    part: int | None  # 2, 3… for the split files of one product
    html: bool


def source(member: Member) -> Source | None:
    """Whether ``member`` is a My Activity file, and what its path tells."""
    parts = member.name.split("/")
    match = _FILE.match(squash(parts[-1]))
    if match is None:
        return None
    in_activity = len(parts) >= 3 and squash(parts[-3]) in ACTIVITY
    if match["stem"] not in ACTIVITY and not in_activity:
        return None
    folder = parts[-2] if in_activity else None
    part = int(match["part"]) if match["part"] and match["stem"] in ACTIVITY else None
    return Source(member, member.name, folder, part if part and part > 1 else None, match["ext"] != "json")


def sniff(path: Path) -> bool | None:
    """For a single file under another name: True for My Activity HTML, False for JSON, None for neither."""
    start = head(path, 1 << 16)
    text = start.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"[") and b'"time"' in start[:8192] and (b'"header"' in start or b'"products"' in start):
        return False
    if b"outer-cell" in start and b"mdl-grid" in start:
        return True
    return None


def file_source(path: Path) -> Source | None:
    """A single file given by the user: by its name, else by its first bytes."""
    member = file_member(path)
    found = source(member)
    if found is not None:
        return found._replace(label=str(path))
    html = sniff(path)
    return None if html is None else Source(member, str(path), None, None, html)


def named(name: str) -> bool:
    """Whether an inner path names a My Activity file (for ``detect``: reads nothing)."""
    return source(Member(name, 0, _no_open)) is not None


def _no_open() -> IO[bytes]:
    raise OSError("detect never opens")
