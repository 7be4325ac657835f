"""How a file of a download is named in a message: below the download's own folder, by its last folder and
its name (``posts/your_posts_1.json``, ``data/tweets.js``), without the long numbers some names carry.

Downloads come wrapped in a folder named after the account and the day (``facebook-camille-2024-03-05-…/``,
``twitter-2024-03-05-…/``), and some file names carry a member id (``Shares_155814142.csv``): neither may
reach a message, an issue or the journal. The importers of Meta, Twitter and LinkedIn name files this way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# A service's own folders are lower-case words and underscores (posts/, your_instagram_activity/, data/);
# the download's folder has the account's name, dashes and a date.
_OWN_FOLDER = re.compile(r"^[a-z_]*/?$")
_NUMBER = re.compile(r"_?\d{5,}(?=\.[a-z]+$)|\d{5,}", re.IGNORECASE)


def wrapper(all_names: Iterable[str]) -> str:
    """The folder every file of a download sits in (``facebook-camille-2024-…/``), or ``""``."""
    first = {n.split("/", 1)[0] + "/" if "/" in n else "" for n in all_names}
    top = first.pop() if len(first) == 1 else ""
    return "" if _OWN_FOLDER.match(top) else top


def shown(name: str, wrapped: str = "") -> str:
    """``name`` (a path inside the download) fit for a message: below ``wrapped`` (see ``wrapper``), its
    last folder and its name, long digit runs taken out (``Shares_155814142.csv`` → ``Shares.csv``)."""
    tail = "/".join(name.removeprefix(wrapped).split("/")[-2:])
    return _NUMBER.sub("", tail)
