"""What every command shares: the global options and a lazily opened service."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..services import Service


class State:
    """The global options of one invocation; the service is created on first use."""

    def __init__(self, db: Path | None, lang: str | None, debug: bool) -> None:
        self.db, self.lang, self.debug = db, lang, debug
        self._service: Service | None = None

    @property
    def service(self) -> Service:
        if self._service is None:
            from ..settings import resolve

            self._service = Service(resolve(db=self.db, lang=self.lang))
        return self._service


def of(ctx: Any) -> State:
    root = ctx.find_root()
    if not isinstance(root.obj, State):  # a command invoked without the root callback (tests of one command)
        root.obj = State(None, None, False)
    return root.obj


def service(ctx: Any) -> Service:
    return of(ctx).service


def lang(ctx: Any) -> str:
    return service(ctx).settings.lang


def debug(ctx: Any) -> bool:
    obj = ctx.find_root().obj
    return isinstance(obj, State) and obj.debug


def close(ctx: Any) -> None:
    obj = ctx.find_root().obj
    if isinstance(obj, State) and obj._service is not None:
        obj._service.close()


def speak(option: str | None) -> None:
    """Speak the language of ``--lang`` (else ``FOOTPRINT_LANG``, else the preferences file's, else the
    locale) from here on. A damaged preferences file is left to the settings to report (in the language
    known without it), so ``footprint config path`` and ``--help`` still work."""
    import os

    from ..errors import FootprintError
    from ..i18n import use
    from ..settings import preferences, resolve_lang

    preferred = None
    if not option and not os.environ.get("FOOTPRINT_LANG"):
        try:
            preferred = preferences(os.environ).get("language")
        except FootprintError:
            pass
    use(resolve_lang(option, os.environ, preferred))
