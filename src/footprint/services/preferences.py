"""Preferences: what ``footprint config`` shows and changes, and what the TUI remembers (its theme, the
first-run choice). Each value is shown with where it came from, in the settings' order: a command-line
option, then a ``FOOTPRINT_*`` variable, then the preferences file, then the platform's default.

Every value is checked before anything is written, with the messages the options use (a language footprint
does not speak, a journal in a folder that does not exist), so the file never holds what would stop the
next command.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from .. import config
from ..errors import BadInput, StorageError
from ..i18n import N_

# The TUI's two themes by the words people use; any other Textual theme is stored by its own name.
THEMES = {"light": "textual-light", "dark": "textual-dark"}
DEFAULT_THEME = "dark"


class Preference(NamedTuple):
    key: str
    value: str | None  # None: set nowhere
    origin: str  # "--lang", "--db", a variable's name, "config" (the file) or "default"


def file_path(env: Mapping[str, str]) -> Path:
    from ..settings import config_folder

    return config.file_in(config_folder(env))


def shown(db: Path | None, lang: str | None, env: Mapping[str, str]) -> list[Preference]:
    """Every preference's effective value and its origin (raises on a damaged file, naming its line)."""
    from ..settings import config_folder, journal_origin, lang_origin, resolve

    prefs = config.read(config_folder(env))
    settings = resolve(db=db, lang=lang, env=env)
    language, lang_from = lang_origin(lang, env, prefs.get("language"))
    journal_from = journal_origin(db, env, prefs.get("journal"))[1]
    out = [
        Preference("language", language, lang_from),
        Preference("journal", str(settings.db_path), journal_from),
        Preference("theme", prefs.get("theme", DEFAULT_THEME), "config" if "theme" in prefs else "default"),
    ]
    for key in ("first_run", "user.name", "user.address"):
        out.append(Preference(key, prefs.get(key), "config" if key in prefs else "default"))
    out += [Preference(key, value, "config") for key, value in sorted(prefs.items()) if key.startswith(config.COLLECTORS)]
    return out


def check(key: str, value: str) -> str:
    """``value`` as it is stored for ``key`` (a language's code, an absolute journal path…), or the error."""
    known(key)
    text = value.strip()
    if not text:
        raise BadInput(N_("{key} needs a value (footprint config unset {key} removes it)"), key=key)
    if key == "language":
        from ..settings import lang_origin

        return lang_origin(text, {})[0]
    if key == "journal":
        return str(_journal(text))
    if key == "theme":
        return _theme(text)
    if key == "first_run" and text not in config.FIRST_RUN:
        raise BadInput(N_("first_run must be done or skipped, not '{value}'"), value=text[:40])
    if key == "user.name" and "\n" in text:
        raise BadInput(N_("user.name must be one line (user.address may take several)"))
    if key == "user.address":
        return "\n".join(line.strip() for line in text.splitlines() if line.strip())
    return text


def known(key: str) -> None:
    if not config.is_key(key):
        from ..domain.text import suggestion

        raise BadInput(
            N_("unknown preference '{key}'{hint}: use {keys}"),
            key=key[:40],
            hint=suggestion(key, config.KEYS, key=str),
            keys=", ".join(config.KEYS),
        )


def _journal(text: str) -> Path:
    """An absolute path (the file is read from any folder) whose folder exists, as ``--db`` wants it."""
    from ..settings import home_path

    path = home_path(Path(text)).absolute()
    if path.is_dir():
        raise BadInput(N_("{path} is a folder: give a file name"), path=path)
    if not path.parent.is_dir():
        raise StorageError(N_("{path}: no such folder (create it first)"), path=path.parent)
    return path


def _theme(text: str) -> str:
    name = text.lower()
    if name in THEMES:
        return name
    names = _textual_themes()
    if name in names:
        return next((word for word, theme in THEMES.items() if theme == name), name)
    from ..domain.text import suggestion

    raise BadInput(
        N_("unknown theme '{name}'{hint}: use light, dark or one of {choices}"),
        name=text[:40],
        hint=suggestion(name, [*THEMES, *names], key=str),
        choices=", ".join(sorted(names)),
    )


def _textual_themes() -> list[str]:
    try:
        from textual.theme import BUILTIN_THEMES  # only to check a name: Textual draws nothing here
    except ImportError:  # pragma: no cover - Textual is a dependency; without it any name is kept
        return []
    return list(BUILTIN_THEMES)


def textual_theme(stored: str | None) -> str:
    """The Textual theme a stored ``theme`` names (``dark`` → ``textual-dark``)."""
    name = stored or DEFAULT_THEME
    return THEMES.get(name, name)


def theme_word(textual_name: str) -> str:
    """How a Textual theme is stored: ``textual-light`` → ``light``, another by its own name."""
    return next((word for word, theme in THEMES.items() if theme == textual_name), textual_name)


def remember(folder: Path, key: str, value: str) -> str:
    """Store ``key`` = ``value`` (checked) in the preferences file of ``folder``; returns what was stored."""
    stored = check(key, value)
    if key.startswith(config.COLLECTORS):
        _collector(folder, key.removeprefix(config.COLLECTORS), stored)
    config.write(folder, key, stored)
    return stored


def _collector(folder: Path, role: str, pick: str) -> None:
    """``collectors.ROLE = PICK`` names a collector playing a collector's role (``bank`` = ``caisse-epargne``)."""
    from ..domain.collectors import parse_collectors
    from ..domain.text import suggestion
    from ..importers import IMPORTERS
    from . import read_toml
    from .collectors import collector_files

    known = parse_collectors(((str(p), read_toml(p)) for p in collector_files(folder)), (i.name for i in IMPORTERS))
    for name in (role, pick):
        if name not in known.entries:
            raise BadInput(
                N_("unknown collector '{name}'{hint}: footprint collectors lists them"),
                name=name[:40],
                hint=suggestion(name, known.entries, key=str),
            )


def forget(folder: Path, key: str) -> bool:
    """Remove ``key`` from the preferences file; False when it was not set (nothing is written)."""
    known(key)
    if key not in config.present(folder):
        return False
    config.write(folder, key, None)
    return True
