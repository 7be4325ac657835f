"""What every command shares: the global options and a lazily opened service."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..services import Service


@dataclass
class State:
    db: Path | None
    lang: str | None
    debug: bool
    _service: Service | None = field(default=None, repr=False)

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
