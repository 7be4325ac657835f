"""Where things are and how to read time and language: the injectable environment of a footprint run.

Resolution order: command-line options, then ``FOOTPRINT_*`` variables, then the preferences file
(``config.toml`` in the config folder: ``language``, ``journal``; see ``config.py``), then the platform
defaults (the user's data and config folders, the system timezone and locale). ``FOOTPRINT_NOW`` freezes
the clock (for scripts and tests). ``lang_origin`` and ``journal_origin`` also say where a value came from
(``footprint config`` shows it).

A journal path given by the user (``--db``, ``FOOTPRINT_DB``, ``journal`` in the preferences) is used as
given: its folder must exist (a typo must not grow folders). Only the default location's folders are created.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import NamedTuple

from .errors import BadInput
from .i18n import N_



class Settings(NamedTuple):
    db_path: Path
    config_dir: Path
    cache_dir: Path
    zone: tzinfo
    lang: str
    clock: Callable[[], datetime]
    db_given: bool = False  # the journal path came from --db, FOOTPRINT_DB or the preferences, not the default
    preferences: Mapping[str, str] = {}  # what config.toml sets (config.KEYS), read once at start

    def now(self) -> datetime:
        """The current instant in the journal's zone."""
        return self.clock().astimezone(self.zone)


def _system_zone() -> tzinfo:
    from zoneinfo import ZoneInfo

    try:
        with open("/etc/localtime", "rb") as f:
            return ZoneInfo.from_file(f, key="localtime")
    except (OSError, ValueError):
        return datetime.now().astimezone().tzinfo or UTC


def resolve_zone(env: Mapping[str, str]) -> tzinfo:
    """``FOOTPRINT_TZ`` (must be valid), else ``TZ`` (ignored when not an IANA name), else the system's."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    for var in ("FOOTPRINT_TZ", "TZ"):
        name = env.get(var, "").strip().lstrip(":")
        if not name:
            continue
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            if var == "FOOTPRINT_TZ":
                raise BadInput(
                    N_("unknown timezone '{name}' in FOOTPRINT_TZ: use a name like Europe/Paris"), name=name[:60]
                ) from None
    return _system_zone()


def resolve_lang(option: str | None, env: Mapping[str, str], preferred: str | None = None) -> str:
    """``--lang``, else ``FOOTPRINT_LANG``, else ``preferred`` (the preferences file's ``language``), else the
    locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``): the first one set decides; a language footprint has no
    catalogue for speaks English."""
    return lang_origin(option, env, preferred)[0]


def lang_origin(option: str | None, env: Mapping[str, str], preferred: str | None = None) -> tuple[str, str]:
    """The language and where it came from: ``--lang``, a variable's name, ``config`` or ``default``."""
    from .i18n import languages

    if option:
        lang = option.lower().replace("-", "_").split("_")[0]
        if lang not in languages():
            raise BadInput(
                N_("unknown language '{option}': use {choices}"), option=option[:40], choices=", ".join(languages())
            )
        return lang, "--lang"
    for var in ("FOOTPRINT_LANG", "config", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = preferred if var == "config" else env.get(var, "")
        if value:
            lang = value.lower().replace("-", "_").split("_")[0].split(".")[0]
            return (lang if lang in languages() else "en"), var
    return "en", "default"


def config_folder(env: Mapping[str, str]) -> Path:
    """``FOOTPRINT_CONFIG_DIR``, else the platform's config folder for footprint."""
    if env.get("FOOTPRINT_CONFIG_DIR"):
        return Path(env["FOOTPRINT_CONFIG_DIR"])
    import platformdirs

    return platformdirs.user_config_path("footprint")


CONFIG_FILE = "config.toml"


def preferences(env: Mapping[str, str]) -> dict[str, str]:
    """What the preferences file sets (``{}`` without one); a damaged file raises ``DataFileError``."""
    return read_preferences(config_folder(env))


def read_preferences(folder: Path) -> dict[str, str]:
    """The preferences file of ``folder``, read only when it exists: without one, ``footprint log`` pays
    one ``stat`` and imports neither the reader nor ``tomllib``."""
    if not os.path.exists(folder / CONFIG_FILE):
        return {}
    from .config import read

    return read(folder)


def journal_origin(db: Path | None, env: Mapping[str, str], preferred: str | None = None) -> tuple[Path | None, str]:
    """The journal path the user gave and where: ``--db``, ``FOOTPRINT_DB``, ``config``; else (None, ``default``)."""
    if db is not None:
        return db, "--db"
    if env.get("FOOTPRINT_DB"):
        return Path(env["FOOTPRINT_DB"]), "FOOTPRINT_DB"
    if preferred:
        return Path(preferred), "config"
    return None, "default"


def _frozen_clock(text: str, zone: tzinfo) -> Callable[[], datetime]:
    """The instant ``FOOTPRINT_NOW`` names (a naive one is in the journal's zone), within the years the
    journal reads: near year 9999 the day arithmetic of every command would overflow."""
    from .domain.when import FIRST_YEAR, LAST_YEAR

    shown = " ".join(text.split())[:40]
    try:
        frozen = datetime.fromisoformat(text)
    except ValueError:
        raise BadInput(N_("FOOTPRINT_NOW must be an ISO date-time, not '{text}'"), text=shown) from None
    if frozen.tzinfo is None:
        frozen = frozen.replace(tzinfo=zone)
    try:
        local = frozen.astimezone(zone)
    except (OverflowError, ValueError):
        local = None
    if local is None or not FIRST_YEAR <= local.year <= LAST_YEAR:
        raise BadInput(
            N_("FOOTPRINT_NOW '{text}' is out of range: use a date from {first} to {last}"),
            text=shown,
            first=FIRST_YEAR,
            last=LAST_YEAR,
        )
    return lambda: frozen


def _live_clock() -> datetime:
    return datetime.now().astimezone()


def home_path(path: Path) -> Path:
    """``~`` and ``~user`` expanded; an unknown user is bad input, not a crash (``expanduser`` raises)."""
    try:
        return path.expanduser()
    except RuntimeError:
        raise BadInput(N_("'{path}': no such user's home folder"), path=str(path)[:60]) from None


def resolve(
    db: Path | None = None,
    lang: str | None = None,
    env: Mapping[str, str] | None = None,
) -> Settings:
    env = os.environ if env is None else env
    zone = resolve_zone(env)
    now_text = env.get("FOOTPRINT_NOW")
    clock = _frozen_clock(now_text, zone) if now_text else _live_clock
    config = config_folder(env)
    prefs = read_preferences(config)
    db, origin = journal_origin(db, env, prefs.get("journal"))
    db_given = origin != "default"
    cache = Path(env["FOOTPRINT_CACHE_DIR"]) if env.get("FOOTPRINT_CACHE_DIR") else None
    if db is None or cache is None:
        import platformdirs

        db = db or platformdirs.user_data_path("footprint") / "journal.db"
        cache = cache or platformdirs.user_cache_path("footprint")
    return Settings(
        db_path=home_path(Path(db)),
        config_dir=config,
        cache_dir=cache,
        zone=zone,
        lang=resolve_lang(lang, env, prefs.get("language")),
        clock=clock,
        db_given=db_given,
        preferences=prefs,
    )
