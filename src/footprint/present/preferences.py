"""The preferences as people read them (``footprint config``): each key, its value and where it came from,
and the one line said after a change. Words only: the command line prints them.

Keys stay as they are typed (``first_run``, ``user.name``): they are what ``footprint config set`` takes.
"""

from __future__ import annotations

from pathlib import Path

from ..i18n import _, pgettext
from ..services.preferences import Preference


def origin(where: str) -> str:
    """``(option --lang)``, ``(variable FOOTPRINT_DB)``, ``(preferences file)``, ``(default)``."""
    if where.startswith("--"):
        return _("(option {name})").format(name=where)
    if where == "config":
        return _("(preferences file)")
    if where == "default":
        return _("(default)")
    return _("(variable {name})").format(name=where)


def value_text(pref: Preference) -> str:
    if pref.value is None:
        return pgettext("preference", "not set")
    if pref.key == "first_run":
        return pgettext("first run", "done") if pref.value == "done" else pgettext("first run", "skipped")
    return " / ".join(pref.value.splitlines())  # an address on one line


def lines(prefs: list[Preference], path: Path) -> list[str]:
    """The file's path (and whether it exists yet), then one aligned line per preference."""
    where = _("Preferences file: {path}").format(path=path)
    if not path.exists():
        where += " " + _("(not created yet: footprint config set KEY VALUE makes it)")
    width = max(len(p.key) for p in prefs)
    values = [value_text(p) for p in prefs]
    value_width = min(48, max(len(v) for v in values))
    out = [where]
    for pref, value in zip(prefs, values):
        out.append(f"  {pref.key:<{width}}  {value:<{value_width}}  {origin(pref.origin)}".rstrip())
    return out


def stored(key: str, value: str, path: Path) -> str:
    shown = " / ".join(value.splitlines())
    return _("{key} = {value}, written to {path}").format(key=key, value=shown, path=path)


def removed(key: str, was_set: bool, path: Path) -> str:
    if was_set:
        return _("{key} removed from {path}").format(key=key, path=path)
    return _("{key} was not set in {path}: nothing changed").format(key=key, path=path)
